// The last stage: puts a run's files on disk all at once or not at all, and only those that
// changed. Every changed file is first written to a temporary name beside its target; only when
// all are written are they renamed into place. A manifest lists what specmill wrote, so the
// cleaner deletes only those files (never a folder or file it did not make), and a lock file keeps
// two runs from interleaving.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { error, SpecmillError } from './diagnostics.js';
import type { OutputFiles } from './pipeline.js';

export interface OutputLayout {
  root: string;
  /** The generated package's folder. */
  outputDir: string;
}

export const MANIFEST = '.specmill-manifest.json';
export const LOCK = '.specmill.lock';

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Resolves a planned path, refusing any that would land outside the project. */
function target(layout: OutputLayout, file: string): string {
  const absolute = path.resolve(layout.root, file);
  if (!isInside(layout.root, absolute)) throw new Error(`refusing to write outside the project: ${file}`);
  return absolute;
}

function toPosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The manifest's text for a run's files: every file under the output folder, sorted. */
export function manifestText(layout: OutputLayout, files: Iterable<string>): string {
  const outputDir = toPosix(layout.root, layout.outputDir);
  const inside = [...files].filter((f) => f.startsWith(`${outputDir}/`) && !f.endsWith(`/${MANIFEST}`)).sort();
  return `${JSON.stringify({ generatedBy: 'specmill', files: inside }, null, 2)}\n`;
}

function readManifest(layout: OutputLayout): string[] {
  try {
    const parsed = JSON.parse(readFileSync(path.join(layout.outputDir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the project's lock, or explains who holds it. A lock left by a dead process is taken over. */
export function acquireLock(root: string): () => void {
  const file = path.join(root, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new SpecmillError(error(`another specmill run (pid ${pid}) is writing this project; wait for it, or delete ${LOCK} if it is gone`, { file: LOCK }));
      }
      rmSync(file, { force: true });
    }
  }
  throw new SpecmillError(error(`cannot take ${LOCK}`, { file: LOCK }));
}

export interface WriteReport {
  written: string[];
  removed: string[];
  unchanged: number;
}

export interface WriteOptions {
  /** Called after each temporary file is written; tests throw from it to simulate a failure. */
  afterTemporaryWrite?: (file: string) => void;
  /**
   * Called when every file is on disk under its temporary name, before any is renamed: given
   * where each planned file can be read now. Throwing (e.g. lint failed) leaves everything as it was.
   */
  beforeCommit?: (readable: ReadonlyMap<string, string>) => Promise<void>;
}

export async function writeOutput(layout: OutputLayout, files: OutputFiles, options: WriteOptions = {}): Promise<WriteReport> {
  const release = acquireLock(layout.root);
  try {
    return await writeLocked(layout, files, options);
  } finally {
    release();
  }
}

/** `dir/name.ext` -> `dir/name.specmill-tmp-PID.ext`, so tools still see the extension. */
function temporaryName(file: string): string {
  const ext = path.extname(file);
  const suffix = `.specmill-tmp-${process.pid}`;
  return ext && !file.endsWith('.d.ts') ? `${file.slice(0, -ext.length)}${suffix}${ext}` : `${file}${suffix}`;
}

async function writeLocked(layout: OutputLayout, files: OutputFiles, options: WriteOptions): Promise<WriteReport> {
  const all = new Map(files);
  all.set(toPosix(layout.root, path.join(layout.outputDir, MANIFEST)), manifestText(layout, files.keys()));
  const before = readManifest(layout);
  const readable = new Map<string, string>();
  const pending: [tmp: string, final: string, file: string][] = [];
  const createdDirs: string[] = [];
  let unchanged = 0;
  try {
    for (const [file, content] of all) {
      const absolute = target(layout, file);
      if (existsSync(absolute) && readFileSync(absolute, 'utf8') === content) {
        unchanged++;
        readable.set(file, absolute);
        continue;
      }
      let dir = path.dirname(absolute);
      const missing: string[] = [];
      while (!existsSync(dir)) {
        missing.unshift(dir);
        dir = path.dirname(dir);
      }
      for (const d of missing) {
        mkdirSync(d);
        createdDirs.push(d);
      }
      const tmp = temporaryName(absolute);
      writeFileSync(tmp, content);
      pending.push([tmp, absolute, file]);
      readable.set(file, tmp);
      options.afterTemporaryWrite?.(file);
    }
    await options.beforeCommit?.(readable);
  } catch (e) {
    for (const [tmp] of pending) rmSync(tmp, { force: true });
    for (const d of createdDirs.reverse()) rmdirSync(d);
    throw e;
  }
  for (const [tmp, final] of pending) renameSync(tmp, final);

  // The cleaner: files the last run wrote that this run does not, and nothing else.
  const removed: string[] = [];
  for (const file of before) {
    if (all.has(file)) continue;
    const absolute = path.resolve(layout.root, file);
    if (!isInside(layout.outputDir, absolute) || !existsSync(absolute)) continue;
    rmSync(absolute, { force: true });
    removed.push(file);
    removeEmptyParents(path.dirname(absolute), layout.outputDir);
  }
  return { written: pending.map(([, , file]) => file), removed, unchanged };
}

function removeEmptyParents(dir: string, stopAt: string): void {
  for (let current = dir; isInside(stopAt, current); current = path.dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export interface Drift {
  /** Files whose content differs from what the sources produce now. */
  changed: string[];
  /** Files the sources produce that are not on disk. */
  missing: string[];
  /** Files in the generated folder that the sources no longer produce. */
  extra: string[];
}

/** Compares a run's files with the disk, for `specmill check`. */
export function findDrift(layout: OutputLayout, files: OutputFiles): Drift {
  const all = new Map(files);
  all.set(toPosix(layout.root, path.join(layout.outputDir, MANIFEST)), manifestText(layout, files.keys()));
  const drift: Drift = { changed: [], missing: [], extra: [] };
  for (const [file, content] of all) {
    const absolute = target(layout, file);
    if (!existsSync(absolute)) drift.missing.push(file);
    else if (readFileSync(absolute, 'utf8') !== content) drift.changed.push(file);
  }
  const expected = new Set([...all.keys()].map((f) => path.resolve(layout.root, f)));
  for (const file of listFiles(layout.outputDir)) {
    if (!expected.has(file)) drift.extra.push(toPosix(layout.root, file));
  }
  for (const list of Object.values(drift)) list.sort();
  return drift;
}

/** One file, written whole or not at all. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.specmill-tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
