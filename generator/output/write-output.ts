// The last stage: puts a run's files on disk all at once or not at all, and only those that
// changed. Every changed file is first written (and synced) to a temporary name beside its target.
// Then a journal listing every rename and deletion is written: from that moment the run is
// committed, and the renames are finished by this run or, if it is killed, by the next specmill
// command (see docs/adr/0006-write-journal-roll-forward.md). A manifest lists what specmill wrote,
// so the cleaner deletes only those files (never a folder or file it did not make), and a lock
// file keeps two runs from interleaving.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { error, SpecmillError } from '../core/diagnostics.js';

/** Output files by path relative to the project root, with `/` separators. */
export type OutputFiles = Map<string, string>;

export interface OutputLayout {
  root: string;
  /** The generated package's folder. */
  outputDir: string;
}

export const MANIFEST = '.specmill-manifest.json';
export const LOCK = '.specmill.lock';
/** Beside the lock while a write is under way; its presence means a run was stopped mid-write. */
export const JOURNAL = '.specmill-journal.json';

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
  /** The one-line notice when this run first finished or undid a write an earlier run was stopped in. */
  recovered?: string;
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
    const recovered = recoverLocked(layout.root);
    const report = await writeLocked(layout, files, options);
    return recovered ? { ...report, recovered } : report;
  } finally {
    release();
  }
}

/** `dir/name.ext` -> `dir/name.specmill-tmp-PID.ext`, so tools still see the extension. */
function temporaryName(file: string, pid: number): string {
  const ext = path.extname(file);
  const suffix = `.specmill-tmp-${pid}`;
  return ext && !file.endsWith('.d.ts') ? `${file.slice(0, -ext.length)}${suffix}${ext}` : `${file}${suffix}`;
}

/**
 * What a run is about to do, all paths relative to the project root with `/`. `prepared`: the
 * temporary files are being written and nothing is renamed yet, so a stopped run is undone.
 * `committing`: every temporary file is complete, so a stopped run is finished.
 */
interface Journal {
  journal: 'specmill-write';
  version: 1;
  pid: number;
  state: 'prepared' | 'committing';
  outputDir: string;
  /** Folders this run creates for new files, parents first. */
  createdDirs: string[];
  renames: { from: string; to: string }[];
  /** Files of the last run's manifest that this run no longer writes. */
  deletes: string[];
}

/**
 * Test hook, for the tests that kill a real run: `SPECMILL_TEST_KILL_AT=temp:K` (after the K-th
 * temporary file) or `step:K` (after the K-th rename or deletion of the commit) kills the process
 * outright, as a crash or `kill -9` would; `SPECMILL_TEST_WRITE_DELAY_MS` pauses before each of
 * those file operations, so that a kill at a random time lands inside the write.
 */
function testHook(phase: 'temp' | 'step', count: number): void {
  const delay = Number(process.env.SPECMILL_TEST_WRITE_DELAY_MS);
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
  if (process.env.SPECMILL_TEST_KILL_AT === `${phase}:${count}`) process.kill(process.pid, 'SIGKILL');
}

/** Writes a file and flushes it to the disk before returning. */
function writeSynced(file: string, content: string): void {
  const fd = openSync(file, 'w');
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes renames and deletions in a folder durable; some systems cannot open a folder for that. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some network filesystems: the rename is still atomic, only its durability is the OS's.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function journalFile(root: string): string {
  return path.join(root, JOURNAL);
}

/** The journal is itself replaced atomically: a reader sees the previous state or the next, whole. */
function writeJournal(root: string, journal: Journal): void {
  const file = journalFile(root);
  writeSynced(`${file}.tmp`, `${JSON.stringify(journal, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  syncDir(root);
}

function removeJournal(root: string): void {
  rmSync(journalFile(root), { force: true });
  syncDir(root);
}

async function writeLocked(layout: OutputLayout, files: OutputFiles, options: WriteOptions): Promise<WriteReport> {
  const { root } = layout;
  const all = new Map(files);
  all.set(toPosix(root, path.join(layout.outputDir, MANIFEST)), manifestText(layout, files.keys()));
  const readable = new Map<string, string>();
  const changed: [file: string, content: string][] = [];
  const createdDirs = new Set<string>();
  let unchanged = 0;
  for (const [file, content] of all) {
    const absolute = target(layout, file);
    if (existsSync(absolute) && readFileSync(absolute, 'utf8') === content) {
      unchanged++;
      readable.set(file, absolute);
      continue;
    }
    const missing: string[] = [];
    for (let dir = path.dirname(absolute); !existsSync(dir) && !createdDirs.has(dir); dir = path.dirname(dir)) missing.unshift(dir);
    for (const dir of missing) createdDirs.add(dir);
    changed.push([file, content]);
  }
  // The cleaner: files the last run wrote that this run does not, and nothing else.
  const deletes = readManifest(layout).filter((file) => {
    if (all.has(file)) return false;
    const absolute = path.resolve(root, file);
    return isInside(layout.outputDir, absolute) && existsSync(absolute);
  });
  const report = { written: changed.map(([file]) => file), removed: deletes, unchanged };
  if (changed.length === 0 && deletes.length === 0) return report;

  const journal: Journal = {
    journal: 'specmill-write',
    version: 1,
    pid: process.pid,
    state: 'prepared',
    outputDir: toPosix(root, layout.outputDir),
    createdDirs: [...createdDirs].map((dir) => toPosix(root, dir)),
    renames: changed.map(([file]) => ({ from: toPosix(root, temporaryName(target(layout, file), process.pid)), to: file })),
    deletes,
  };
  writeJournal(root, journal);
  try {
    for (const dir of createdDirs) mkdirSync(dir);
    for (const [index, [file, content]] of changed.entries()) {
      const tmp = path.join(root, journal.renames[index]!.from);
      writeSynced(tmp, content);
      readable.set(file, tmp);
      options.afterTemporaryWrite?.(file);
      testHook('temp', index + 1);
    }
    await options.beforeCommit?.(readable);
  } catch (e) {
    discardJournal(root, journal);
    throw e;
  }
  // The commit point: once this journal is on disk the run's outcome is the new files.
  writeJournal(root, { ...journal, state: 'committing' });
  testHook('step', 0);
  completeJournal(root, journal);
  return report;
}

/** Undoes a run that stopped before its commit point: its temporary files and new folders go. */
function discardJournal(root: string, journal: Journal): void {
  for (const { from } of journal.renames) rmSync(path.join(root, from), { force: true });
  for (const dir of [...journal.createdDirs].reverse()) {
    const absolute = path.join(root, dir);
    if (existsSync(absolute) && readdirSync(absolute).length === 0) rmdirSync(absolute);
  }
  removeJournal(root);
}

/**
 * Finishes a committed run: every rename and deletion still to do is done. Each step can run again
 * without harm (a temporary file already renamed is gone; a file already deleted is skipped), so a
 * run stopped while finishing is finished by the next.
 */
function completeJournal(root: string, journal: Journal): void {
  const touched = new Set<string>();
  let step = 0;
  for (const { from, to } of journal.renames) {
    const source = path.join(root, from);
    const destination = path.join(root, to);
    if (existsSync(source)) {
      // A folder of the run's own could only be missing if someone removed it since.
      mkdirSync(path.dirname(destination), { recursive: true });
      renameSync(source, destination);
    }
    touched.add(path.dirname(destination));
    testHook('step', ++step);
  }
  const outputDir = path.join(root, journal.outputDir);
  for (const file of journal.deletes) {
    const absolute = path.join(root, file);
    rmSync(absolute, { force: true });
    touched.add(path.dirname(absolute));
    removeEmptyParents(path.dirname(absolute), outputDir);
    testHook('step', ++step);
  }
  for (const dir of touched) if (existsSync(dir)) syncDir(dir);
  removeJournal(root);
}

function invalidJournal(detail: string): SpecmillError {
  return new SpecmillError(
    error(`${JOURNAL} does not describe a write specmill began (${detail}); look at it, restore specs/ and generated/ from git if needed, then delete it`, { file: JOURNAL }),
  );
}

/**
 * Reads a journal left on disk, refusing any that would move or delete a file outside what a run
 * of specmill may touch: the file could have been edited, and recovery must not become a way to
 * rename arbitrary files.
 */
function readJournal(root: string): Journal | undefined {
  let text: string;
  try {
    text = readFileSync(journalFile(root), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let value: Partial<Journal>;
  try {
    value = JSON.parse(text) as Partial<Journal>;
  } catch {
    throw invalidJournal('not JSON');
  }
  const { pid, state, outputDir, createdDirs, renames, deletes } = value;
  if (value.journal !== 'specmill-write' || value.version !== 1 || !Number.isInteger(pid) || (state !== 'prepared' && state !== 'committing')) throw invalidJournal('unknown format');
  if (typeof outputDir !== 'string' || !Array.isArray(createdDirs) || !Array.isArray(renames) || !Array.isArray(deletes)) throw invalidJournal('unknown format');
  const inside = (dir: string, file: unknown): file is string => typeof file === 'string' && isInside(dir, path.resolve(root, file));
  if (!inside(root, outputDir)) throw invalidJournal('the output folder is outside the project');
  for (const dir of createdDirs) if (!inside(root, dir)) throw invalidJournal(`a folder outside the project: ${String(dir)}`);
  for (const rename of renames as unknown[]) {
    const { from, to } = (rename ?? {}) as { from?: unknown; to?: unknown };
    if (!inside(root, to) || typeof from !== 'string' || path.resolve(root, from) !== temporaryName(path.resolve(root, to), pid!)) throw invalidJournal(`a rename specmill would not make: ${JSON.stringify(rename)}`);
  }
  for (const file of deletes) if (!inside(path.resolve(root, outputDir), file)) throw invalidJournal(`a deletion outside the output folder: ${String(file)}`);
  return value as Journal;
}

/** Finishes or undoes what a stopped run left, with the lock held; returns a one-line notice. */
function recoverLocked(root: string): string | undefined {
  rmSync(`${journalFile(root)}.tmp`, { force: true });
  const journal = readJournal(root);
  if (!journal) return undefined;
  if (journal.state === 'prepared') {
    discardJournal(root, journal);
    return `specmill: a run (pid ${journal.pid}) was stopped before it wrote anything; removed its ${journal.renames.length} temporary file(s), specs/ and generated/ are as they were before it`;
  }
  completeJournal(root, journal);
  return `specmill: a run (pid ${journal.pid}) was stopped while swapping its files in; finished it (${journal.renames.length} file(s) moved into place, ${journal.deletes.length} removed)`;
}

/**
 * Every command that reads specs/ or generated/ calls this first: when a run was stopped in the
 * middle of its write, the write is finished (or, before its commit point, undone) under the lock.
 * Returns the one-line notice to show, or undefined when there was nothing to do.
 */
export function recoverInterruptedWrite(root: string): string | undefined {
  if (!existsSync(journalFile(root)) && !existsSync(`${journalFile(root)}.tmp`)) return undefined;
  const release = acquireLock(root);
  try {
    return recoverLocked(root);
  } finally {
    release();
  }
}

function removeEmptyParents(dir: string, stopAt: string): void {
  for (let current = dir; isInside(stopAt, current); current = path.dirname(current)) {
    if (!existsSync(current) || readdirSync(current).length > 0) return;
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
