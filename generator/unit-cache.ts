// Printed fragments kept by the hash of what made them (see docs/adr/0006-unit-cache.md), so that a
// run redoes only the units whose inputs changed. One pack file per API under the project's
// node_modules/.cache/specmill/units/: a header line (key, offset, length and hash of each entry)
// and the entries' text after it. Every entry is checked against its hash when read: a torn,
// truncated or edited pack costs the run its time, never its output.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FORMAT = 'specmill-units/1';

export function hashText(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

function checksum(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but refused: their text did not match its hash. */
  rejected: number;
}

/** The fragments of one API: read from its pack, and what this run used, written back. */
export class UnitCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0 };
  /** Entries of the pack on disk: key -> [offset, length, checksum]. */
  #index = new Map<string, [number, number, string]>();
  #body = '';
  /** Entries this run read or made: they, and only they, go into the next pack. */
  #used = new Map<string, string>();
  /** Checksums of the used entries that came from the pack (not computed twice). */
  #sums = new Map<string, string>();
  #file: string | undefined;
  #changed = false;

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
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const newline = text.indexOf('\n');
    try {
      const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; entries?: unknown };
      if (header.format !== FORMAT || !Array.isArray(header.entries)) return;
      for (const entry of header.entries) {
        if (!Array.isArray(entry) || entry.length !== 4) continue;
        const [key, offset, length, sum] = entry as unknown[];
        if (typeof key === 'string' && Number.isInteger(offset) && Number.isInteger(length) && typeof sum === 'string') this.#index.set(key, [offset as number, length as number, sum]);
      }
      this.#body = text.slice(newline + 1);
    } catch {
      this.#index.clear();
    }
  }

  /** Whether the pack on disk had any entry (a cold run has none). */
  get warm(): boolean {
    return this.#index.size > 0 || this.#used.size > 0;
  }

  get(key: string): string | undefined {
    const used = this.#used.get(key);
    if (used !== undefined) return used;
    const entry = this.#index.get(key);
    if (!entry) {
      this.stats.misses++;
      return undefined;
    }
    const [offset, length, sum] = entry;
    const text = this.#body.slice(offset, offset + length);
    if (text.length !== length || checksum(text) !== sum) {
      this.#index.delete(key);
      this.stats.rejected++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#used.set(key, text);
    this.#sums.set(key, sum);
    return text;
  }

  set(key: string, text: string): void {
    if (this.#used.get(key) === text) return;
    this.#used.set(key, text);
    this.#sums.delete(key);
    this.#changed = true;
  }

  /**
   * Writes the pack: this run's entries only (so it never grows past one output's worth), whole or
   * not at all. A cache that cannot be written only costs the next run its time.
   */
  save(): void {
    const file = this.#file;
    const stale = this.#index.size !== this.#used.size || [...this.#index.keys()].some((k) => !this.#used.has(k));
    if (!file || (!this.#changed && !stale)) return;
    const entries: [string, number, number, string][] = [];
    const body: string[] = [];
    let offset = 0;
    for (const [key, text] of this.#used) {
      entries.push([key, offset, text.length, this.#sums.get(key) ?? checksum(text)]);
      body.push(text);
      offset += text.length;
    }
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, entries })}\n${body.join('')}`);
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}

/** Where a project keeps specmill's cache: `node_modules/.cache/specmill`, as other tools do. */
export function projectCacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'specmill');
}
