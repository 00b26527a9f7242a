// Makes a run with nothing to do cheap: a fingerprint of everything a run reads (specmill's own
// code, the config, redocly.yaml, every API's pages and overlays) is kept with the hash of every
// file the last successful run wrote. When the fingerprint matches and those files are on disk
// unchanged, the outputs are what a new run would produce, and nothing needs loading or writing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config/config.js';

const SPECMILL_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = path.join(SPECMILL_ROOT, 'node_modules/.cache/specmill');

/** One record per project folder. */
function cacheFile(root: string): string {
  return path.join(CACHE_DIR, `last-run-${sha256(root).slice(0, 16)}.json`);
}

interface CacheRecord {
  root: string;
  fingerprint: string;
  files: Record<string, string>;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function toolchainFiles(): string[] {
  return [
    ...listFiles(path.join(SPECMILL_ROOT, 'generator')),
    ...listFiles(path.join(SPECMILL_ROOT, 'templates')),
    // The built package (its only code when installed from a tarball or a registry).
    ...listFiles(path.join(SPECMILL_ROOT, 'dist')),
    path.join(SPECMILL_ROOT, 'package-lock.json'),
  ];
}

/** The libraries whose output the unit cache keeps: their installed versions are part of every key. */
const PRINTERS = ['openapi-typescript', 'typescript', 'ts-morph', 'prettier'];
const require = createRequire(import.meta.url);

let toolchain: string | undefined;

/**
 * A hash of specmill's own code, its package.json and lock, and the installed versions of the
 * libraries that print its output, read once per process: what the code in memory was loaded
 * from. Every cached fragment's key starts with it.
 */
export function toolchainHash(): string {
  if (toolchain === undefined) {
    const hash = createHash('sha256');
    for (const file of [...toolchainFiles(), path.join(SPECMILL_ROOT, 'package.json')]) {
      if (existsSync(file)) hash.update(path.relative(SPECMILL_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    for (const name of PRINTERS) {
      let version = 'not found';
      try {
        version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string }).version ?? version;
      } catch {
        // not installed where specmill resolves it: the key says so
      }
      hash.update(`${name}@${version}\0`);
    }
    toolchain = hash.digest('hex');
  }
  return toolchain;
}

/** Everything that decides a run's output, hashed in a fixed order. */
export function fingerprint(config: ResolvedConfig, extra: string): string {
  const hash = createHash('sha256').update(extra).update('\0');
  const files = [
    ...toolchainFiles(),
    config.configFile,
    path.join(config.root, 'redocly.yaml'),
    ...config.apis.flatMap((api) => [...listFiles(api.sourcesDir), ...listFiles(api.overlaysDir)]),
  ];
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function read(root: string): CacheRecord | undefined {
  try {
    return JSON.parse(readFileSync(cacheFile(root), 'utf8')) as CacheRecord;
  } catch {
    return undefined;
  }
}

/** Whether the last run's outputs stand: same inputs (`stamp`, from fingerprint()), and its files on disk as it wrote them. */
export function isUpToDate(config: ResolvedConfig, stamp: string): boolean {
  const record = read(config.root);
  if (!record || record.root !== config.root || record.fingerprint !== stamp) return false;
  return Object.entries(record.files).every(([file, hash]) => {
    const absolute = path.join(config.root, file);
    return existsSync(absolute) && sha256(readFileSync(absolute)) === hash;
  });
}

/**
 * Remembers a successful run under the fingerprint taken before it read anything (a page changed
 * during the run then makes the next run see a difference); a cache that cannot be written only
 * costs the next run its time.
 */
export function recordRun(config: ResolvedConfig, stamp: string, files: ReadonlyMap<string, string>): void {
  const record: CacheRecord = { root: config.root, fingerprint: stamp, files: {} };
  for (const [file, content] of files) record.files[file] = sha256(content);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cacheFile(config.root), JSON.stringify(record));
    // One record per project folder: keep the newest few (temporary projects come and go).
    const records = readdirSync(CACHE_DIR)
      .filter((name) => name.startsWith('last-run-'))
      .map((name) => path.join(CACHE_DIR, name))
      .sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
    for (const old of records.slice(16)) rmSync(old, { force: true });
  } catch {
    // read-only node_modules
  }
}
