// A consumer project per tool: one small file that imports the generated client and calls the
// two picked operations, type-checked by tsc in strict mode. Two configurations: the consumer's
// own (`skipLibCheck: true`, what `tsc --init` writes) for time and memory, and a full strict check
// (`skipLibCheck: false`, every generated file) for whether the output passes strict tsc at all.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './inputs.mjs';
import { heyApiNames, operationKey, orvalFunctions, redoclyNames, sampleRequest, sampleValue, specmillFactory, specmillNames } from './operations.mjs';

const TSC = path.join(ROOT, 'node_modules/typescript/lib/tsc.js');

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
};

const literal = (value) => JSON.stringify(value);

function link(target, at) {
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/** Total bytes and number of files under a folder (or one file). */
export function outputSize(target) {
  if (!existsSync(target)) return { bytes: 0, files: 0 };
  const stat = statSync(target);
  if (stat.isFile()) return { bytes: stat.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

function callArgument(request) {
  return Object.keys(request).length === 0 ? '' : literal(request);
}

/** The consumer file of each tool, or a reason it cannot be written. */
const WRITERS = {
  specmill({ outDir, api, doc, ops }) {
    const clientJs = readFileSync(path.join(outDir, api, 'client.js'), 'utf8');
    const names = specmillNames(clientJs);
    const factory = specmillFactory(clientJs);
    const calls = ops.map((op) => [names.get(op.operationId), op]);
    if (!factory || calls.some(([n]) => !n)) return { error: 'could not find the client factory or an operation in client.js' };
    return {
      code: [
        `import { ${factory} } from 'specmill-clients/${api}';`,
        '',
        `const client = ${factory}({ baseUrl: 'http://127.0.0.1:9' });`,
        '',
        'export async function main() {',
        ...calls.map(([name, op], i) => `  const r${i} = await client.${name}(${callArgument(sampleRequest(doc, op))});`),
        `  return [${calls.map((_, i) => `r${i}`).join(', ')}] as const;`,
        '}',
      ],
      setup(dir) {
        link(outDir, path.join(dir, 'node_modules/specmill-clients'));
      },
    };
  },
  'openapi-fetch'({ doc, ops }) {
    const init = (op) => {
      const { path: p, query, body } = sampleRequest(doc, op);
      const params = { ...(p ? { path: p } : {}), ...(query ? { query } : {}) };
      const parts = { ...(Object.keys(params).length ? { params } : {}), ...(body !== undefined ? { body } : {}) };
      return Object.keys(parts).length ? `, ${literal(parts)}` : '';
    };
    return {
      code: [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from './out/schema.js';",
        '',
        "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:9' });",
        '',
        'export async function main() {',
        ...ops.map((op, i) => `  const r${i} = await client.${op.method.toUpperCase()}(${literal(op.path)}${init(op)});`),
        `  return [${ops.map((_, i) => `r${i}.data`).join(', ')}] as const;`,
        '}',
      ],
    };
  },
  'hey-api'({ outDir, doc, ops }) {
    const names = heyApiNames(readFileSync(path.join(outDir, 'sdk.gen.ts'), 'utf8'));
    const calls = ops.map((op) => [names.get(operationKey(op)), op]);
    if (calls.some(([n]) => !n)) return { error: 'could not find an operation in sdk.gen.ts' };
    return {
      code: [
        `import { ${calls.map(([n]) => n).join(', ')} } from './out/sdk.gen.js';`,
        '',
        'export async function main() {',
        ...calls.map(([name, op], i) => `  const r${i} = await ${name}(${callArgument(sampleRequest(doc, op))});`),
        `  return [${calls.map((_, i) => `r${i}.data`).join(', ')}] as const;`,
        '}',
      ],
    };
  },
  orval({ outDir, doc, ops }) {
    const fns = orvalFunctions(readFileSync(path.join(outDir, 'api.ts'), 'utf8'));
    const calls = ops.map((op) => [fns.get(operationKey(op)), op]);
    if (calls.some(([f]) => !f)) return { error: 'could not find an operation in api.ts' };
    // orval's order: the path parameters, the body (when the operation has one), `params` (the
    // query), `options`.
    const args = (fn, op) => {
      const request = sampleRequest(doc, op);
      const pathValues = op.path.match(/\{[^}]+\}/g)?.map((m) => request.path?.[m.slice(1, -1)]) ?? [];
      const out = [];
      let bodyDone = !op.body;
      for (const param of fn.params) {
        if (param.name === 'options') break;
        if (pathValues.length > 0) out.push(literal(pathValues.shift() ?? 'x'));
        else if (param.name === 'params') out.push(request.query ? literal(request.query) : 'undefined');
        else if (!bodyDone) {
          bodyDone = true;
          out.push(request.body !== undefined ? literal(request.body) : param.optional ? 'undefined' : literal(sampleValue(doc, op.body.schema)));
        } else out.push('undefined');
      }
      while (out.at(-1) === 'undefined') out.pop();
      return out.join(', ');
    };
    return {
      code: [
        `import { ${calls.map(([f]) => f.name).join(', ')} } from './out/api.js';`,
        '',
        'export async function main() {',
        ...calls.map(([fn, op], i) => `  const r${i} = await ${fn.name}(${args(fn, op)});`),
        `  return [${calls.map((_, i) => `r${i}.data`).join(', ')}] as const;`,
        '}',
      ],
    };
  },
  redocly({ outDir, doc, ops }) {
    const names = redoclyNames(readFileSync(path.join(outDir, 'client.ts'), 'utf8'));
    const calls = ops.map((op) => [names.get(op.operationId), op]);
    if (calls.some(([n]) => !n)) return { error: 'could not find an operation in client.ts' };
    return {
      code: [
        `import { ${calls.map(([n]) => n).join(', ')} } from './out/client.js';`,
        '',
        'export async function main() {',
        ...calls.map(([name, op], i) => `  const r${i} = await ${name}(${callArgument(sampleRequest(doc, op))});`),
        `  return [${calls.map((_, i) => `r${i}`).join(', ')}] as const;`,
        '}',
      ],
    };
  },
};

export const CONSUMER_TOOLS = Object.keys(WRITERS);

/**
 * Writes the consumer project of one tool and returns `{ dir, file, tsc: [args for the consumer
 * check], strictTsc: [args for the full check] }` or `{ error }`.
 * `outDir`: specmill's generated/ folder, or the tool's output folder.
 */
export function writeConsumer({ tool, dir, outDir, api, doc, ops }) {
  const written = WRITERS[tool]({ outDir, api, doc, ops });
  if (written.error) return { error: written.error };
  mkdirSync(dir, { recursive: true });
  for (const pkg of ['openapi-fetch', 'openapi-typescript-helpers']) link(path.join(ROOT, 'node_modules', pkg), path.join(dir, 'node_modules', pkg));
  if (tool !== 'specmill') link(outDir, path.join(dir, 'out'));
  written.setup?.(dir);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${tool}`, private: true, type: 'module' })}\n`);
  const file = path.join(dir, 'index.ts');
  writeFileSync(file, `// Written by bench/: what a user of ${tool}'s output writes to call two operations.\n${written.code.join('\n')}\n`);
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, skipLibCheck: true }, files: ['index.ts'] }, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'tsconfig.strict.json'),
    `${JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, skipLibCheck: false }, include: ['index.ts', ...(tool === 'specmill' || tool === 'openapi-fetch' ? [] : ['out/**/*.ts'])] }, null, 2)}\n`,
  );
  const tsc = (config) => ({ command: process.execPath, args: [TSC, '-p', path.join(dir, config), '--pretty', 'false'], options: { cwd: dir } });
  return { dir, file, consumer: tsc('tsconfig.json'), strict: tsc('tsconfig.strict.json') };
}

/** `error TS…` lines of a tsc run: how many, how many in the consumer file itself, the first few. */
export function tscErrors(run) {
  const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /error TS\d+/.test(l));
  const tidy = (l) => l.replace(/^.*?\/consumers\/[^/]+\/[^/]+\//, '').replace(/^.*\/node_modules\//, 'node_modules/').slice(0, 240);
  return { count: lines.length, inConsumer: lines.filter((l) => /^index\.ts\(/.test(tidy(l))).length, first: lines.slice(0, 3).map(tidy) };
}
