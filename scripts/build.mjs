#!/usr/bin/env node
// Builds what the published package runs (`dist/`): every generator/ module transpiled by esbuild to
// one .js file at the same relative place (so each path a module finds relative to itself still
// holds), the worker scripts copied, the client runtime (templates/runtime/) compiled once and
// inlined, and dist/config/config.d.ts for `specmill/config`. `dist/build-stamp.json` records a hash of
// everything the build reads, so the bin can tell a build that no longer matches the sources.
// Usage: node scripts/build.mjs [--if-stale]
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, 'build-stamp.json');

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of every input of the build: the sources, this script, and the locked dependency versions. */
export function sourceHash() {
  const hash = createHash('sha256');
  const files = [...listFiles(path.join(ROOT, 'generator')), ...listFiles(path.join(ROOT, 'templates/runtime')), fileURLToPath(import.meta.url), path.join(ROOT, 'package-lock.json')];
  for (const file of files) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(path.relative(ROOT, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/ was built from the sources as they are now. */
export function isBuildFresh() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).sources === sourceHash();
  } catch {
    return false;
  }
}

/** The runtime files every generated package gets, compiled from the TypeScript sources by the generator itself. */
async function compileRuntime() {
  const { tsImport } = await import('tsx/esm/api');
  const { emitRuntime } = await tsImport('../generator/emit/emit-runtime.ts', import.meta.url);
  return Object.fromEntries(await emitRuntime());
}

/** `specmill/config`'s types: the declarations of generator/config/config.ts, which needs no other module's types. */
async function declareConfig() {
  const { default: ts } = await import('typescript');
  const file = path.join(ROOT, 'generator/config/config.ts');
  const result = ts.transpileDeclaration(readFileSync(file, 'utf8'), {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, declaration: true, isolatedDeclarations: true },
  });
  if (result.diagnostics?.length) throw new Error(`generator/config/config.ts cannot be declared in isolation: ${result.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n')}`);
  const relative = [...result.outputText.matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]);
  if (relative.length > 0) throw new Error(`dist/config/config.d.ts would import ${relative.join(', ')}, which the package does not declare`);
  return result.outputText;
}

const GENERATOR = path.join(ROOT, 'generator') + path.sep;

/** An esbuild plugin: generator/ modules and packages are external; anything else is bundled. */
const keepModulesApart = {
  name: 'keep-modules-apart',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      const target = path.resolve(args.resolveDir, args.path);
      return target.startsWith(GENERATOR) ? { path: args.path, external: true } : undefined;
    });
  },
};

export async function build() {
  const sources = sourceHash();
  const { build: esbuild } = await import('esbuild');
  const runtime = await compileRuntime();
  const modules = listFiles(path.join(ROOT, 'generator')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'));
  // Built beside dist/ and swapped in whole, so a failed build leaves the last good one.
  const staging = path.join(ROOT, `dist.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    await esbuild({
      entryPoints: modules,
      outbase: path.join(ROOT, 'generator'),
      outdir: staging,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Each module stays its own file: imports of other generator/ modules and of packages are
      // kept as written; what a module imports from outside generator/ (a constant of
      // templates/runtime/) is inlined, since the package ships no templates/.
      bundle: true,
      plugins: [keepModulesApart],
      logLevel: 'warning',
      // emit-runtime.ts returns this map instead of compiling templates/runtime/ with TypeScript.
      define: { __SPECMILL_RUNTIME__: JSON.stringify(runtime) },
    });
    for (const file of listFiles(path.join(ROOT, 'generator')).filter((f) => f.endsWith('.mjs'))) {
      const target = path.join(staging, path.relative(path.join(ROOT, 'generator'), file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
    writeFileSync(path.join(staging, 'config/config.d.ts'), await declareConfig());
    writeFileSync(path.join(staging, 'build-stamp.json'), `${JSON.stringify({ sources }, null, 2)}\n`);
    rmSync(DIST, { recursive: true, force: true });
    renameSync(staging, DIST);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && isBuildFresh()) process.exit(0);
  const start = performance.now();
  await build();
  process.stderr.write(`specmill: built dist/ in ${Math.round(performance.now() - start)} ms\n`);
}
