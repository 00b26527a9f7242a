// The whole pipeline, top to bottom, one typed stage after another:
//   pages --import--> fragments --normalize--> OpenAPI 3.1 --overlay--> the spec --model--> client model
//   --plan--> names --emit--> structures --print--> text --compile/format--> files (written by ./write-output.ts)
// Nothing here writes to disk: the result is the complete set of files a run produces.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedApi, ResolvedConfig } from './config.js';
import { addConfigServer } from './config-server.js';
import { error, hasErrors, type Diagnostic } from './diagnostics.js';
import { formatCode, GENERATED_HEADER, printStructure } from './emit/print.js';
import { emitRuntime } from './emit/emit-runtime.js';
import { emitClient } from './emit/emit-client.js';
import { emitIndex, emitModels } from './emit/emit-models.js';
import { emitPackageJson, emitPackageReadme } from './emit/emit-package.js';
import { emitApiReadme } from './emit/emit-readme.js';
import { emitSchemaTypes, ThirdPartyError } from './emit/emit-types.js';
import { checkReferences, locateBySource } from './guard/check-references.js';
import { importPage } from './importers/index.js';
import { buildClientModel } from './model/client-model.js';
import { compareNatural } from './natural-order.js';
import { normalizeApi, type SourcedFragment } from './normalize/index.js';
import { overlayApi } from './overlays/apply-overlays.js';
import type { OpenApiDocument } from './openapi-types.js';
import { planClient } from './plan/plan-client.js';
import { decodePage } from './read-page.js';
import { printSpec } from './spec-file.js';

/** Output files by path relative to the project root, with `/` separators. */
export type OutputFiles = Map<string, string>;

export interface PipelineResult {
  files: OutputFiles;
  specs: Map<string, OpenApiDocument>;
  diagnostics: Diagnostic[];
  timings: { stage: string; api?: string; ms: number }[];
}


function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function listPages(api: ResolvedApi): string[] {
  let names: string[];
  try {
    names = readdirSync(api.sourcesDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.') && statSync(path.join(api.sourcesDir, name)).isFile())
    .sort(compareNatural)
    .map((name) => path.join(api.sourcesDir, name));
}

/** import: every page of one API -> fragments, each stamped with its page. */
export async function importApi(api: ResolvedApi, root: string): Promise<{ fragments: SourcedFragment[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const fragments: SourcedFragment[] = [];
  const pages = listPages(api);
  if (pages.length === 0) diagnostics.push(error(`no pages in ${relative(root, api.sourcesDir)}: expected the API's documentation pages there`, { file: relative(root, api.sourcesDir) }));
  for (const file of pages) {
    const page = relative(root, file);
    const decoded = decodePage(readFileSync(file), page);
    diagnostics.push(...decoded.diagnostics);
    const result = await importPage({ text: decoded.text, path: page }, api.format, `set apis.${api.name}.format in the specmill config to force one`);
    diagnostics.push(...result.diagnostics);
    if (result.fragment) fragments.push({ page, fragment: result.fragment });
  }
  return { fragments, diagnostics };
}

/** A stage starting or ending, for progress displays; `ms` on `end`. */
export interface StageEvent {
  phase: 'start' | 'end';
  stage: string;
  api?: string;
  ms?: number;
}

// Keyed by the run's timings array, which every timed() call already gets, so that listening
// does not thread a callback through each stage's signature.
const stageListeners = new WeakMap<PipelineResult['timings'], (event: StageEvent) => void>();

async function timed<T>(timings: PipelineResult['timings'], stage: string, api: string | undefined, run: () => Promise<T> | T): Promise<T> {
  const listener = stageListeners.get(timings);
  listener?.({ phase: 'start', stage, ...(api ? { api } : {}) });
  const start = performance.now();
  try {
    return await run();
  } finally {
    timings.push({ stage, ...(api ? { api } : {}), ms: Math.round(performance.now() - start) });
    listener?.({ phase: 'end', stage, ...(api ? { api } : {}), ms: timings.at(-1)!.ms });
  }
}

export async function generateApi(api: ResolvedApi, config: ResolvedConfig, result: PipelineResult): Promise<void> {
  const { timings, diagnostics, files } = result;
  const { fragments, diagnostics: importDiagnostics } = await timed(timings, 'import', api.name, () => importApi(api, config.root));
  diagnostics.push(...importDiagnostics);
  if (hasErrors(importDiagnostics)) return;
  const normalized = await timed(timings, 'normalize', api.name, () => normalizeApi(fragments, { strict: config.strict, inferPagination: api.inferPagination, ...(api.title ? { title: api.title } : {}) }));
  diagnostics.push(...normalized.diagnostics);
  if (hasErrors(normalized.diagnostics)) return;
  const overlaid = await timed(timings, 'overlay', api.name, () => overlayApi(api, normalized.document, { root: config.root, lenient: config.lenient ?? false }));
  diagnostics.push(...overlaid.diagnostics);
  if (hasErrors(overlaid.diagnostics)) return;
  const spec = addConfigServer(overlaid.document, api, config);
  const unsafe = checkReferences(spec, relative(config.root, api.specFile), { locate: locateBySource(spec, relative(config.root, api.specFile)) });
  diagnostics.push(...unsafe);
  if (hasErrors(unsafe)) return;
  result.specs.set(api.name, spec);
  // openapi-typescript works in its worker (the second core) while this thread prints the spec and
  // the client.
  const types = timed(timings, 'types', api.name, () => emitSchemaTypes(spec)).then(
    (text) => ({ text }),
    (e: unknown) => {
      if (!(e instanceof ThirdPartyError)) throw e;
      return { problem: error(e.message, { file: relative(config.root, api.specFile) }) };
    },
  );
  files.set(relative(config.root, api.specFile), await timed(timings, 'spec', api.name, () => printSpec(spec)));

  const model = await timed(timings, 'model', api.name, () => buildClientModel(spec));
  const plan = await timed(timings, 'plan', api.name, () => planClient(model, api.name));
  const outDir = `${relative(config.root, config.outputDir)}/${plan.folder}`;
  files.set(`${outDir}/README.md`, emitApiReadme({ model, plan, packageName: config.packageName, packageVersion: config.packageVersion }));
  const printed = await timed(timings, 'print', api.name, () => {
    const client = emitClient(model, plan, api.client);
    const index = emitIndex();
    return new Map([
      ['models.d.ts', printStructure('models.d.ts', emitModels(plan))],
      ['client.d.ts', printStructure('client.d.ts', client.declarations)],
      ['client.js', printStructure('client.js', client.implementation)],
      ['index.d.ts', printStructure('index.d.ts', index.declarations)],
      ['index.js', printStructure('index.js', index.implementation)],
    ]);
  });
  await timed(timings, 'format', api.name, async () => {
    for (const [name, text] of printed) files.set(`${outDir}/${name}`, await formatCode(name, GENERATED_HEADER + text));
  });
  const typed = await types;
  if ('problem' in typed) {
    diagnostics.push(typed.problem);
    for (const name of printed.keys()) files.delete(`${outDir}/${name}`);
    return;
  }
  files.set(`${outDir}/schema.d.ts`, await formatCode('schema.d.ts', GENERATED_HEADER + typed.text, { fourSpaceIndent: true }));
}

/** The hand-written runtime (templates/runtime), compiled into the package once for all clients. */
async function addRuntime(files: OutputFiles, outDir: string): Promise<void> {
  for (const [name, text] of await emitRuntime()) files.set(`${outDir}/runtime/${name}`, text);
}

export async function runPipeline(config: ResolvedConfig, only?: readonly string[], options: { onStage?: (event: StageEvent) => void } = {}): Promise<PipelineResult> {
  const result: PipelineResult = { files: new Map(), specs: new Map(), diagnostics: [], timings: [] };
  if (options.onStage) stageListeners.set(result.timings, options.onStage);
  const apis = only ? config.apis.filter((a) => only.includes(a.name)) : config.apis;
  for (const api of apis) await generateApi(api, config, result);
  if (hasErrors(result.diagnostics)) return result;
  const outDir = relative(config.root, config.outputDir);
  await timed(result.timings, 'runtime', undefined, () => addRuntime(result.files, outDir));
  const apiFolders = config.apis.map((a) => a.name);
  result.files.set(`${outDir}/package.json`, emitPackageJson(config.packageName, apiFolders, readRuntimeVersion(), config.packageVersion));
  result.files.set(`${outDir}/README.md`, emitPackageReadme(config.packageName, [...result.specs].map(([name, spec]) => ({ name, spec })), config.packageVersion));
  return result;
}

/** The generated package depends on the openapi-fetch range specmill itself is built and tested with. */
function readRuntimeVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  return manifest.dependencies['openapi-fetch'] ?? '*';
}
