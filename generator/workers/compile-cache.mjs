// Keeps V8's compiled code of the large CommonJS libraries specmill loads (TypeScript, twice: once
// for openapi-typescript, once inside ts-morph; ts-morph; prettier's parsers), so that a run after
// the first does not parse megabytes of JavaScript again (about 0.15 s per TypeScript load). What
// Node 22's `module.enableCompileCache` does, for Node 20, which has none: used when Node has it.
// Plain JavaScript: the types worker calls it too.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

/** specmill's own cache (beside run-cache.ts's records): compiled code of its toolchain, no user data. */
export const COMPILE_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/specmill/v8/', import.meta.url));
/** Only files this large are worth a cache file (TypeScript is 9 MB; most modules are a few KB). */
const MIN_SIZE = 64 * 1024;
/** Entries kept: a few toolchains' worth (each file of each version is one entry). */
const KEEP = 48;
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
/** crc32 of the code, then the code: a torn or damaged entry is compiled afresh, never run. */
const HEADER = 4;

let state;

/**
 * From now on, CommonJS files of 64 KB or more under node_modules are compiled with the code V8
 * cached for them on an earlier run (checked by V8: another Node or other flags reject it), and
 * the code of those that had none is kept by flushCompileCache(). Safe to call more than once.
 * Where Node has its own (`module.enableCompileCache`, Node >= 22.1) that one is used, unless
 * `preferNode` is false (the tests run this one on every Node).
 */
export function enableCompileCache(dir = COMPILE_CACHE_DIR, { preferNode = true } = {}) {
  if (state) return;
  state = { dir, pending: [], stats: { used: 0, compiled: 0 } };
  if (preferNode && typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache(dir);
    } catch {
      // a cache that cannot be used only costs time
    }
    return;
  }
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (typeof content !== 'string' || content.length < MIN_SIZE || !filename.includes(NODE_MODULES) || content.startsWith('#!')) {
      return compile.call(this, content, filename);
    }
    return compileCached(this, content, filename);
  };
}

/**
 * The entry of a file's code: named by a hash of the code itself. V8 checks cached data against
 * the source's length only, and npm gives every installed file the same mtime, so a key of the
 * name, size and mtime would let an upgraded file of the same length run the old one's code.
 */
function entryFile(filename, content) {
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${filename}\0`).update(content).digest('hex').slice(0, 32);
  return path.join(state.dir, `${key}.bin`);
}

function readEntry(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER) return undefined;
  const data = bytes.subarray(HEADER);
  return bytes.readUInt32LE(0) === crc32(data) ? data : undefined;
}

/** What Node's own `_compile` does for a CommonJS file, through a vm.Script that takes cached code. */
function compileCached(module, content, filename) {
  const file = entryFile(filename, content);
  const cachedData = readEntry(file);
  const script = new vm.Script(Module.wrap(content), {
    filename,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    state.pending.push({ script, file });
    state.stats.compiled++;
  } else state.stats.used++;
  const wrapper = script.runInThisContext({ displayErrors: true });
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return Reflect.apply(wrapper, module.exports, [module.exports, require, module, filename, path.dirname(filename)]);
}

/** How many files were compiled from a cache entry (`used`) and how many afresh, in this thread. */
export function compileCacheStats() {
  return { ...(state?.stats ?? { used: 0, compiled: 0 }) };
}

/**
 * Writes the code compiled for files that had no usable entry: called once the work that uses them
 * ran, so that the functions compiled on the way are kept too. A cache that cannot be written only
 * costs the next run its time.
 */
export function flushCompileCache() {
  if (!state) return;
  if (typeof Module.flushCompileCache === 'function') {
    try {
      Module.flushCompileCache();
    } catch {
      // as above
    }
  }
  const pending = state.pending;
  state.pending = [];
  if (pending.length === 0) return;
  try {
    mkdirSync(state.dir, { recursive: true });
    for (const { script, file } of pending) {
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(crc32(data), 0);
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      const fd = openSync(temporary, 'w');
      try {
        writeSync(fd, header);
        writeSync(fd, data);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    }
    // Entries of files no longer installed (another version, another checkout) go, oldest first.
    const entries = readdirSync(state.dir)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => path.join(state.dir, name))
      .map((file) => [file, statSync(file).mtimeMs])
      .sort((a, b) => b[1] - a[1]);
    for (const [file] of entries.slice(KEEP)) rmSync(file, { force: true });
  } catch {
    // read-only node_modules, or a full disk
  }
}
