// The hand-written runtime (templates/runtime/*.ts) as package files: compiled to .js and .d.ts
// and formatted. The result depends only on those sources and the compiler and formatter
// versions, so it is cached on disk by their hash (node_modules/.cache/specmill): a run that
// finds it there loads neither TypeScript nor prettier for it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareNatural } from '../core/natural-order.js';

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/runtime/', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/specmill/', import.meta.url));
const require = createRequire(import.meta.url);

/** The runtime files, compiled when specmill was built (scripts/build.mjs); undefined when run from source. */
declare const __SPECMILL_RUNTIME__: Record<string, string> | undefined;

/** Runtime files by name (`client.js`, `client.d.ts`, ...), header included. */
export async function emitRuntime(): Promise<Map<string, string>> {
  if (typeof __SPECMILL_RUNTIME__ !== 'undefined') return new Map(Object.entries(__SPECMILL_RUNTIME__));
  const sources = readdirSync(TEMPLATES_DIR)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .sort(compareNatural)
    .map((name) => [name, readFileSync(path.join(TEMPLATES_DIR, name), 'utf8')] as const);
  const versions = ['typescript', 'prettier'].map((p) => (require(`${p}/package.json`) as { version: string }).version);
  const hash = createHash('sha256');
  for (const part of [...versions, readFileSync(fileURLToPath(new URL('format-code.ts', import.meta.url)), 'utf8'), ...sources.flat()]) hash.update(part).update('\0');
  const cacheFile = path.join(CACHE_DIR, `runtime-${hash.digest('hex').slice(0, 32)}.json`);
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>));
  } catch {
    // Not cached yet: compile below.
  }
  const { formatCode, GENERATED_HEADER } = await import('./format-code.js');
  const { default: ts } = await import('typescript');
  const compileModule = compiler(ts);
  const files = new Map<string, string>();
  for (const [name, source] of sources) {
    const stem = name.slice(0, -3);
    const compiled = compileModule(name, source);
    if (compiled.js !== undefined) files.set(`${stem}.js`, await formatCode(`${stem}.js`, GENERATED_HEADER + compiled.js));
    files.set(`${stem}.d.ts`, await formatCode(`${stem}.d.ts`, GENERATED_HEADER + compiled.dts));
  }
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    for (const old of readdirSync(CACHE_DIR)) if (old.startsWith('runtime-')) rmSync(path.join(CACHE_DIR, old), { force: true });
    writeFileSync(cacheFile, JSON.stringify(Object.fromEntries(files)));
  } catch {
    // A read-only node_modules only costs the next run a compile.
  }
  return files;
}

type TypeScript = typeof import('typescript');

/** `.ts` source -> `.js` + `.d.ts`, one file at a time, with no program or type checker. */
function compiler(ts: TypeScript) {
  const options: import('typescript').CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    declaration: true,
    isolatedDeclarations: true,
    verbatimModuleSyntax: true,
    removeComments: false,
    newLine: ts.NewLineKind.LineFeed,
  };
  return (fileName: string, source: string): { js?: string; dts: string } => {
    const js = ts.transpileModule(source, { compilerOptions: options, fileName, reportDiagnostics: false }).outputText;
    const declaration = ts.transpileDeclaration(source, { compilerOptions: options, fileName, reportDiagnostics: true });
    const problems = declaration.diagnostics ?? [];
    if (problems.length > 0) {
      const message = problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
      throw new Error(`templates/runtime/${fileName} cannot be declared in isolation (a specmill bug): ${message}`);
    }
    const typesOnly = /^\s*(export \{\};?\s*)?$/.test(js.replace(/\/\/.*$/gm, ''));
    return { ...(typesOnly ? {} : { js }), dts: declaration.outputText };
  };
}
