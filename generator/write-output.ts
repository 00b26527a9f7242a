// The last stage: puts a run's files on disk all at once or not at all. The generated folder is
// built whole in a temporary folder beside it and swapped in by rename; each spec file is written
// to a temporary name and renamed. Nothing is renamed until every temporary file is written.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFiles } from './pipeline.js';

export interface OutputLayout {
  root: string;
  /** The generated package's folder, which specmill owns whole. */
  outputDir: string;
}

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

export function writeOutput(layout: OutputLayout, files: OutputFiles, failAfterTemporaryWrites?: () => void): void {
  const suffix = `.specmill-tmp-${process.pid}`;
  const generatedTmp = `${layout.outputDir}${suffix}`;
  const generatedOld = `${layout.outputDir}.specmill-old-${process.pid}`;
  const renames: [from: string, to: string][] = [];
  try {
    rmSync(generatedTmp, { recursive: true, force: true });
    mkdirSync(generatedTmp, { recursive: true });
    for (const [file, content] of files) {
      const absolute = target(layout, file);
      if (isInside(layout.outputDir, absolute)) {
        const tmp = path.join(generatedTmp, path.relative(layout.outputDir, absolute));
        mkdirSync(path.dirname(tmp), { recursive: true });
        writeFileSync(tmp, content);
      } else {
        const tmp = `${absolute}${suffix}`;
        mkdirSync(path.dirname(absolute), { recursive: true });
        writeFileSync(tmp, content);
        renames.push([tmp, absolute]);
      }
    }
    failAfterTemporaryWrites?.();
  } catch (e) {
    rmSync(generatedTmp, { recursive: true, force: true });
    for (const [tmp] of renames) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [tmp, final] of renames) renameSync(tmp, final);
  if (existsSync(layout.outputDir)) renameSync(layout.outputDir, generatedOld);
  renameSync(generatedTmp, layout.outputDir);
  rmSync(generatedOld, { recursive: true, force: true });
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
  const drift: Drift = { changed: [], missing: [], extra: [] };
  for (const [file, content] of files) {
    const absolute = target(layout, file);
    if (!existsSync(absolute)) drift.missing.push(file);
    else if (readFileSync(absolute, 'utf8') !== content) drift.changed.push(file);
  }
  const expected = new Set([...files.keys()].map((f) => path.resolve(layout.root, f)));
  for (const file of listFiles(layout.outputDir)) {
    if (!expected.has(file)) drift.extra.push(path.relative(layout.root, file).split(path.sep).join('/'));
  }
  for (const list of Object.values(drift)) list.sort();
  return drift;
}
