// The compile cache of large CommonJS libraries (generator/workers/compile-cache.mjs): a library
// loads the same from a cache entry as without one, an entry is written once the work is done, and
// a damaged entry is compiled afresh, never run. Each case runs in a process of its own, since the
// cache hooks that process's CommonJS loader.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-compile-cache-'));
  // A library of more than 64 KB under a node_modules folder: what the cache takes.
  const library = path.join(dir, 'node_modules', 'big-library');
  mkdirSync(library, { recursive: true });
  const padding = `// ${'x'.repeat(100)}\n`.repeat(800);
  writeFileSync(path.join(library, 'index.js'), `${padding}exports.answer = (n) => n * 6 + 0.5 * 0;\nexports.name = __filename.endsWith('index.js') ? 'big' : '?';\nexports.main = require('./small.js').value;\n`);
  writeFileSync(path.join(library, 'small.js'), 'exports.value = 7;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Loads the library in a new process through the cache in `dir/cache`; its exports and the cache's
 * counts. specmill's own cache unless `preferNode`: then Node's, where Node has one (>= 22.1).
 */
function load({ preferNode = false } = {}): { answer: number; name: string; main: number; stats: { used: number; compiled: number } } {
  const script = `
    import { createRequire } from 'node:module';
    const cache = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'generator/workers/compile-cache.mjs')).href)});
    cache.enableCompileCache(${JSON.stringify(path.join(dir, 'cache'))}, { preferNode: ${preferNode} });
    const library = createRequire(${JSON.stringify(path.join(dir, 'entry.js'))})('big-library');
    const out = { answer: library.answer(7), name: library.name, main: library.main, stats: cache.compileCacheStats() };
    cache.flushCompileCache();
    console.log(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReturnType<typeof load>;
}

const entries = () => readdirSync(path.join(dir, 'cache')).filter((name) => name.endsWith('.bin'));

describe('the compile cache', () => {
  it('compiles a large library afresh once, keeps its code, and loads it from there the next time, the same', () => {
    const first = load();
    expect(first).toEqual({ answer: 42, name: 'big', main: 7, stats: { used: 0, compiled: 1 } });
    expect(entries()).toHaveLength(1);
    expect(load()).toEqual({ ...first, stats: { used: 1, compiled: 0 } });
  });

  it('compiles afresh when the entry is damaged, and replaces it', () => {
    load();
    const entry = path.join(dir, 'cache', entries()[0]!);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(entry, bytes);
    expect(load()).toMatchObject({ answer: 42, stats: { used: 0, compiled: 1 } });
    expect(load()).toMatchObject({ answer: 42, stats: { used: 1, compiled: 0 } });
  });

  it('takes no entry made for another version of the file, even of the same length and mtime (as npm installs them)', () => {
    const file = path.join(dir, 'node_modules', 'big-library', 'index.js');
    // npm gives every file it installs this mtime.
    const installed = new Date('1985-10-26T08:15:00Z');
    utimesSync(file, installed, installed);
    load();
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('n * 6', 'n * 2');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, installed, installed);
    expect(statSync(file).mtimeMs).toBe(installed.getTime());
    expect(load()).toMatchObject({ answer: 14, stats: { used: 0, compiled: 1 } });
  });

  it("leaves the work to Node's own compile cache where Node has one, and loads the same", async () => {
    // Node >= 22.1 has module.enableCompileCache; the @types/node of Node 20 do not name it.
    const nodeHasOne = 'enableCompileCache' in (await import('node:module')).default;
    const first = load({ preferNode: true });
    const second = load({ preferNode: true });
    expect(first).toMatchObject({ answer: 42, name: 'big', main: 7 });
    expect(second).toMatchObject({ answer: 42, name: 'big', main: 7 });
    // Node's cache keeps its entries in a folder of its own under dir/cache and counts nothing here.
    expect([first.stats, second.stats]).toEqual(nodeHasOne ? [{ used: 0, compiled: 0 }, { used: 0, compiled: 0 }] : [{ used: 0, compiled: 1 }, { used: 1, compiled: 0 }]);
    expect(readdirSync(path.join(dir, 'cache')).length).toBeGreaterThan(0);
  });
});
