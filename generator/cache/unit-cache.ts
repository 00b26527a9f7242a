// Printed fragments kept by the hash of what made them (see docs/adr/0014-unit-cache.md), so that a
// run redoes only the units whose inputs changed. One pack file per API under the project's
// node_modules/.cache/specmill/units/: the entries' UTF-8 bytes one after the other, then an index
// (key, offset, length and hash of each entry) and the index's length. Every entry is checked
// against its hash when read: a torn, truncated or edited pack costs the run its time, never its
// output. A run writes what it makes straight to the next pack, so made entries are not held in
// memory (on Microsoft Graph's spec they come to hundreds of megabytes).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

const FORMAT = 'specmill-units/2';
/** The index's byte length, as 15 digits and a line break, ends the file. */
const TRAILER = 16;

export function hashText(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

function checksum(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex').slice(0, 16);
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but refused: their bytes did not match their hash. */
  rejected: number;
}

type Entry = [offset: number, length: number, sum: string];

/** The fragments of one API: read from its pack, and what this run used, written to the next one. */
export class UnitCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0 };
  #file: string | undefined;
  /** The pack on disk and its index. */
  #pack: Buffer | undefined;
  #index = new Map<string, Entry>();
  /** Entries of the old pack this run used: carried into the next one. */
  #kept = new Map<string, Entry>();
  /** Entries this run made, where they are in the next pack (or, for a memory cache, their text). */
  #made = new Map<string, Entry>();
  #memory = new Map<string, string>();
  #next: { fd: number; file: string; offset: number } | undefined;

  /** A cache kept in memory only (tests, commands that must not write). */
  static memory(): UnitCache {
    return new UnitCache(undefined);
  }

  /** The pack of `name` under `dir`, or an empty cache when it is missing or unreadable. */
  static open(dir: string, name: string): UnitCache {
    return new UnitCache(path.join(dir, 'units', `${name}.pack`));
  }

  private constructor(file: string | undefined) {
    this.#file = file;
    if (!file) return;
    let pack: Buffer;
    try {
      pack = readFileSync(file);
    } catch {
      return;
    }
    try {
      const length = Number(pack.toString('latin1', pack.length - TRAILER, pack.length - 1));
      const start = pack.length - TRAILER - length;
      if (!Number.isInteger(length) || length <= 0 || start < 0) return;
      const index = JSON.parse(pack.toString('utf8', start, start + length)) as { format?: unknown; entries?: unknown };
      if (index.format !== FORMAT || !Array.isArray(index.entries)) return;
      for (const entry of index.entries) {
        if (!Array.isArray(entry) || entry.length !== 4) continue;
        const [key, offset, size, sum] = entry as unknown[];
        if (typeof key !== 'string' || !Number.isInteger(offset) || !Number.isInteger(size) || typeof sum !== 'string') continue;
        if ((offset as number) < 0 || (offset as number) + (size as number) > start) continue;
        this.#index.set(key, [offset as number, size as number, sum]);
      }
      this.#pack = pack;
    } catch {
      this.#index.clear();
    }
  }

  /** Whether the pack on disk had any entry (a cold run has none). */
  get warm(): boolean {
    return this.#index.size > 0;
  }

  get(key: string): string | undefined {
    const memory = this.#memory.get(key);
    if (memory !== undefined) return memory;
    const made = this.#made.get(key);
    if (made && this.#next) {
      const bytes = Buffer.alloc(made[1]);
      readSync(this.#next.fd, bytes, 0, made[1], made[0]);
      return bytes.toString('utf8');
    }
    const entry = this.#index.get(key);
    if (!entry || !this.#pack) {
      this.stats.misses++;
      return undefined;
    }
    const [offset, size, sum] = entry;
    const bytes = this.#pack.subarray(offset, offset + size);
    if (checksum(bytes) !== sum) {
      this.#index.delete(key);
      this.stats.rejected++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#kept.set(key, entry);
    return bytes.toString('utf8');
  }

  set(key: string, text: string): void {
    this.#kept.delete(key);
    if (!this.#file) {
      this.#memory.set(key, text);
      return;
    }
    try {
      this.#next ??= this.#openNext(this.#file);
      const size = writeSync(this.#next.fd, text);
      this.#made.set(key, [this.#next.offset, size, checksum(text)]);
      this.#next.offset += size;
    } catch {
      // A cache that cannot be written only costs the next run its time: this run goes on in memory.
      this.#abandon();
      this.#memory.set(key, text);
    }
  }

  #openNext(file: string): { fd: number; file: string; offset: number } {
    mkdirSync(path.dirname(file), { recursive: true });
    const next = `${file}.${process.pid}.tmp`;
    return { fd: openSync(next, 'w'), file: next, offset: 0 };
  }

  #abandon(): void {
    if (this.#next) {
      closeSync(this.#next.fd);
      rmSync(this.#next.file, { force: true });
    }
    this.#next = undefined;
    this.#file = undefined;
    this.#made.clear();
  }

  /**
   * Makes the next pack the pack: this run's entries only (so it never grows past one output's
   * worth), whole or not at all. Nothing is written when the run used exactly the old pack.
   */
  save(): void {
    const file = this.#file;
    if (!file) return;
    const stale = this.#index.size !== this.#kept.size || this.#made.size > 0;
    if (!stale) return this.discard();
    try {
      this.#next ??= this.#openNext(file);
      const next = this.#next;
      const entries: [string, number, number, string][] = [];
      for (const [key, [offset, size, sum]] of this.#kept) {
        writeSync(next.fd, this.#pack!, offset, size);
        entries.push([key, next.offset, size, sum]);
        next.offset += size;
      }
      for (const [key, entry] of this.#made) entries.push([key, ...entry]);
      const index = Buffer.from(JSON.stringify({ format: FORMAT, entries }));
      writeSync(next.fd, index);
      writeSync(next.fd, `${String(index.length).padStart(TRAILER - 1, '0')}\n`);
      closeSync(next.fd);
      renameSync(next.file, file);
      this.#next = undefined;
      removeLeftovers(path.dirname(file));
    } catch {
      this.#abandon();
    }
  }

  /** Drops what this run made (it stopped before its end): the pack stays as it was. */
  discard(): void {
    if (this.#next) {
      closeSync(this.#next.fd);
      rmSync(this.#next.file, { force: true });
      this.#next = undefined;
    }
  }
}

/** Next packs of runs that were killed before they could finish (an hour old or more). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    if (Date.now() - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true });
  }
}

/** Removes the packs of APIs other than `names` (APIs taken out of the config). */
export function removePacksExcept(dir: string, names: readonly string[]): void {
  const keep = new Set(names.map((name) => `${name}.pack`));
  try {
    for (const file of readdirSync(path.join(dir, 'units'))) if (file.endsWith('.pack') && !keep.has(file)) rmSync(path.join(dir, 'units', file), { force: true });
  } catch {
    // no cache yet
  }
}

/** Where a project keeps specmill's cache: `node_modules/.cache/specmill`, as other tools do. */
export function projectCacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'specmill');
}
