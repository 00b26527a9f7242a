// The whole pipeline, top to bottom, one typed stage after another:
//   pages --import--> fragments --normalize--> OpenAPI 3.1 --overlay--> the spec --model--> client model
//   --plan--> names --emit--> structures --print--> text --compile/format--> files --lint+write--> disk
// runPipeline makes the complete set of files a run produces and writes nothing; writeRun lints the
// new specs and puts the files on disk all at once or not at all. Every stage is timed through one
// run context (the caller's options, its progress listener, the timings).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedApi, ResolvedConfig } from './config/config.js';
import { addConfigServer } from './config/config-server.js';
import { error, hasErrors, SpecmillError, type Diagnostic } from './core/diagnostics.js';
import { rememberSpec } from './diff/spec-cache.js';
import { emitClientParts, emitIndexParts, emitModelsParts } from './emit/client-parts.js';
import { formatCode, GENERATED_HEADER, PRETTIER_LIMIT, type FormatOptions } from './emit/format-code.js';
import { emitRuntime } from './emit/emit-runtime.js';
import { emitPackageJson, emitPackageReadme } from './emit/emit-package.js';
import { emitApiReadme } from './emit/emit-readme.js';
import { emitSchemaTypes, ThirdPartyError } from './emit/emit-types.js';
import { TypesEngine } from './emit/types-engine.js';
import { checkReferences, locateBySource } from './guard/check-references.js';
import { importPage } from './importers/index.js';
import { buildClientModel } from './model/client-model.js';
import { compareNatural } from './core/natural-order.js';
import { normalizeApi, type SourcedFragment } from './normalize/index.js';
import { overlayApi } from './overlays/apply-overlays.js';
import { isObject, type OpenApiDocument } from './core/openapi-types.js';
import { planClient } from './plan/plan-client.js';
import { decodePage } from './parse/decode-page.js';
import { toolchainHash } from './cache/run-cache.js';
import { printSpec } from './spec/spec-file.js';
import { SpecHashes } from './cache/spec-hashes.js';
import { hashText, removePacksExcept, UnitCache, type CacheStats } from './cache/unit-cache.js';
import { printYamlEntry } from './spec/yaml-print.js';
import { listOverlayFiles } from './overlays/load-overlays.js';
import { writeOutput, type OutputFiles, type WriteReport } from './output/write-output.js';
import { lintDiagnostics } from './tools/lint-report.js';
import { lintSpecsStructured, type LintProblem } from './tools/redocly.js';

/** How long one stage took, for one API or (without `api`) for the whole run. */
export interface StageTiming {
  stage: string;
  api?: string;
  ms: number;
}

export interface PipelineResult {
  files: OutputFiles;
  specs: Map<string, OpenApiDocument>;
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  /** What the unit cache gave and took, summed over the APIs. */
  cache: CacheStats & { workerStarted: boolean };
}

export interface PipelineOptions {
  onStage?: (event: StageEvent) => void;
  /**
   * The project's cache folder (`node_modules/.cache/specmill`): each API's units are read from it
   * and written back. Without one, units are cached in memory for this run only.
   */
  cacheDir?: string;
  /**
   * When to start openapi-typescript's worker: `cold` (default) before the pages are read when some
   * API has no cached units, else only when a unit misses; `early` before the pages are read in
   * any case (`generate` runs only when something changed, and a change usually reaches a unit).
   */
  startTypes?: 'cold' | 'early';
  /** openapi-typescript's worker, when the caller started it even earlier; the run closes it. */
  engine?: TypesEngine;
  /** writeRun: lint the new specs and the overlays with redocly before anything is swapped in (default true). */
  lint?: boolean;
}

/** One run as every stage sees it: the caller's options (its progress listener among them) and where each stage's time goes. */
export interface RunContext {
  readonly options: PipelineOptions;
  readonly timings: StageTiming[];
}

/** What one API's generation works with: its cache, the run's types worker, the toolchain's hash. */
interface ApiResources {
  cache: UnitCache;
  engine: TypesEngine;
  recipe: string;
  /** Hashes of the spec's parts, shared by the spec printer and the types. */
  hashes: SpecHashes;
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

/** Runs one stage, recording its time in the run's timings and telling the run's listener when it starts and ends. */
async function timed<T>(run: RunContext, stage: string, api: string | undefined, work: () => Promise<T> | T): Promise<T> {
  const listener = run.options.onStage;
  listener?.({ phase: 'start', stage, ...(api ? { api } : {}) });
  const start = performance.now();
  try {
    return await work();
  } finally {
    run.timings.push({ stage, ...(api ? { api } : {}), ms: Math.round(performance.now() - start) });
    listener?.({ phase: 'end', stage, ...(api ? { api } : {}), ms: run.timings.at(-1)!.ms });
  }
}

/**
 * import, normalize, overlay and check one API: its spec, or undefined when a stage failed. Kept
 * apart from generateApi so that the pages' fragments and the pre-overlay document can be freed
 * before the types and the client are made (on GitHub's spec each is a copy of the whole spec).
 */
async function buildSpec(api: ResolvedApi, config: ResolvedConfig, result: PipelineResult, run: RunContext): Promise<OpenApiDocument | undefined> {
  const { diagnostics } = result;
  const imported = await timed(run, 'import', api.name, () => importApi(api, config.root));
  diagnostics.push(...imported.diagnostics);
  if (hasErrors(imported.diagnostics)) return undefined;
  const normalized = await timed(run, 'normalize', api.name, () => normalizeApi(imported.fragments, { strict: config.strict, inferPagination: api.inferPagination, ...(api.title ? { title: api.title } : {}) }));
  diagnostics.push(...normalized.diagnostics);
  if (hasErrors(normalized.diagnostics)) return undefined;
  const overlaid = await timed(run, 'overlay', api.name, () => overlayApi(api, normalized.document, { root: config.root, lenient: config.lenient ?? false }));
  diagnostics.push(...overlaid.diagnostics);
  if (hasErrors(overlaid.diagnostics)) return undefined;
  const spec = addConfigServer(overlaid.document, api, config);
  const unsafe = checkReferences(spec, relative(config.root, api.specFile), { locate: locateBySource(spec, relative(config.root, api.specFile)) });
  diagnostics.push(...unsafe);
  return hasErrors(unsafe) ? undefined : spec;
}

async function generateApi(api: ResolvedApi, config: ResolvedConfig, result: PipelineResult, run: RunContext, resources: ApiResources): Promise<boolean> {
  const { diagnostics, files } = result;
  const spec = await buildSpec(api, config, result, run);
  if (!spec) return false;
  result.specs.set(api.name, spec);
  // openapi-typescript works in its worker (the second core) while this thread prints the spec and
  // the client.
  const types = timed(run, 'types', api.name, () => emitSchemaTypes(spec, resources)).then(
    (text) => ({ text }),
    (e: unknown) => {
      if (!(e instanceof ThirdPartyError)) throw e;
      return { problem: error(e.message, { file: relative(config.root, api.specFile) }) };
    },
  );
  files.set(relative(config.root, api.specFile), await timed(run, 'spec', api.name, () => printSpec(spec, (name, value, indent) => cachedEntry(resources, name, value, indent))));

  const model = await timed(run, 'model', api.name, () => buildClientModel(spec));
  const plan = await timed(run, 'plan', api.name, () => planClient(model, api.name));
  if (isBig(spec)) {
    // On a spec this large the worker's copy of it and this thread's printing of the client would
    // each take hundreds of megabytes: let the worker finish and go before printing.
    await types;
    await resources.engine.close();
  }
  const outDir = `${relative(config.root, config.outputDir)}/${plan.folder}`;
  // Plain string building, a few milliseconds on GitHub's 1,223 operations: as cheap as hashing its
  // input would be, so the README is not cached.
  files.set(`${outDir}/README.md`, emitApiReadme({ model, plan, packageName: config.packageName, packageVersion: config.packageVersion }));
  const printed = await timed(run, 'print', api.name, async () => {
    const client = await emitClientParts(model, plan, api.client ?? {}, resources);
    const index = await emitIndexParts(resources);
    return new Map([
      ['models.d.ts', await emitModelsParts(plan, resources)],
      ['client.d.ts', client.declarations],
      ['client.js', client.implementation],
      ['index.d.ts', index.declarations],
      ['index.js', index.implementation],
    ]);
  });
  await timed(run, 'format', api.name, async () => {
    for (const [name, text] of printed) files.set(`${outDir}/${name}`, await formatCached(resources, name, GENERATED_HEADER + text));
  });
  const typed = await types;
  if ('problem' in typed) {
    diagnostics.push(typed.problem);
    for (const name of printed.keys()) files.delete(`${outDir}/${name}`);
    return false;
  }
  files.set(`${outDir}/schema.d.ts`, await formatCached(resources, 'schema.d.ts', GENERATED_HEADER + typed.text, { fourSpaceIndent: true }));
  return true;
}

/** More path items and components than this: memory before speed (Microsoft Graph's 45 MB spec has 20,000). */
const BIG_SPEC_PARTS = 5000;

function isBig(spec: OpenApiDocument): boolean {
  const count = (value: unknown) => (isObject(value) ? Object.keys(value).length : 0);
  return count(spec.paths) + (isObject(spec.components) ? count(spec.components.schemas) : 0) > BIG_SPEC_PARTS;
}

/** A path item's or component's YAML, cached by its JSON (positions included: the YAML prints them). */
function cachedEntry(resources: ApiResources, name: string, value: unknown, indent: string): string {
  const part = resources.hashes.of(value);
  const key = hashText(resources.recipe, 'yaml', indent, name, part.hash, part.positions);
  const cached = resources.cache.get(key);
  if (cached !== undefined) return cached;
  const text = printYamlEntry(name, value, indent);
  resources.cache.set(key, text);
  return text;
}

/**
 * formatCode, cached by the exact text for the files prettier formats (up to PRETTIER_LIMIT), so
 * that a run whose small files did not change loads no prettier.
 */
async function formatCached(resources: ApiResources, name: string, text: string, options: FormatOptions = {}): Promise<string> {
  if (text.length > PRETTIER_LIMIT) return formatCode(name, text, options);
  const key = hashText(resources.recipe, 'format', name.endsWith('.js') ? 'js' : 'ts', JSON.stringify(options), text);
  const cached = resources.cache.get(key);
  if (cached !== undefined) return cached;
  const formatted = await formatCode(name, text, options);
  resources.cache.set(key, formatted);
  return formatted;
}

/** The hand-written runtime (templates/runtime), compiled into the package once for all clients. */
async function addRuntime(files: OutputFiles, outDir: string): Promise<void> {
  for (const [name, text] of await emitRuntime()) files.set(`${outDir}/runtime/${name}`, text);
}

export async function runPipeline(config: ResolvedConfig, only?: readonly string[], options: PipelineOptions = {}): Promise<PipelineResult> {
  const result: PipelineResult = { files: new Map(), specs: new Map(), diagnostics: [], timings: [], cache: { hits: 0, misses: 0, rejected: 0, workerStarted: false } };
  const run: RunContext = { options, timings: result.timings };
  const apis = only ? config.apis.filter((a) => only.includes(a.name)) : config.apis;
  const { cacheDir } = options;
  const caches = apis.map((api) => (cacheDir ? UnitCache.open(cacheDir, api.name) : UnitCache.memory()));
  // A whole run knows every API: the packs of APIs no longer in the config go.
  if (cacheDir && !only) removePacksExcept(cacheDir, config.apis.map((api) => api.name));
  const engine = options.engine ?? new TypesEngine();
  // Let the worker load TypeScript while this thread reads the pages, when it will be needed.
  // (When every unit is cached and the caller did not ask for it, no worker starts at all.)
  if (options.startTypes === 'early' || caches.some((cache) => !cache.warm)) engine.start();
  const recipe = toolchainHash();
  try {
    for (const [i, api] of apis.entries()) {
      const cache = caches[i]!;
      // Only an API generated to the end has its pack replaced: one that stopped on an error keeps
      // the pack of its last good run.
      if (await generateApi(api, config, result, run, { cache, engine, recipe, hashes: new SpecHashes() })) cache.save();
      else cache.discard();
      for (const key of ['hits', 'misses', 'rejected'] as const) result.cache[key] += cache.stats[key];
    }
  } finally {
    for (const cache of caches) cache.discard();
    result.cache.workerStarted = engine.started;
    await engine.close();
  }
  if (hasErrors(result.diagnostics)) return result;
  const outDir = relative(config.root, config.outputDir);
  await timed(run, 'runtime', undefined, () => addRuntime(result.files, outDir));
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

/** What redocly lint said of the new specs: its problems, and the same problems as located diagnostics. */
export interface LintFound {
  problems: LintProblem[];
  /** The problems as diagnostics, in the same order. */
  diagnostics: Diagnostic[];
}

/** What writeRun did: the files it wrote, or why it wrote nothing (the disk then is as it was). */
export type WriteOutcome =
  | { written: WriteReport; lint: LintFound }
  | { failed: Diagnostic[]; lint: LintFound; /** redocly's own output when it could not run. */ lintFailure?: string };

/**
 * lint, then write: a run's files go to disk all at once or not at all. The new specs are linted
 * under their temporary names, before anything is swapped in, so that a failure leaves the disk
 * untouched. Each spec written is remembered for the next run's diff.
 */
export async function writeRun(config: ResolvedConfig, result: PipelineResult, options: PipelineOptions = {}): Promise<WriteOutcome> {
  const run: RunContext = { options, timings: result.timings };
  let lint: LintFound = { problems: [], diagnostics: [] };
  let lintFailure: string | undefined;
  let written: WriteReport;
  try {
    written = await timed(run, 'write', undefined, () =>
      writeOutput({ root: config.root, outputDir: config.outputDir }, result.files, {
        beforeCommit: async (readable) => {
          if (options.lint === false) return;
          const linted = await timed(run, 'lint', undefined, () => lintNewSpecs(config, result, readable));
          if ('failure' in linted) {
            lintFailure = linted.failure;
            throw new SpecmillError(error('redocly lint could not check the new specs (see above); nothing was written'));
          }
          lint = linted;
          if (hasErrors(lint.diagnostics)) throw new SpecmillError(error('the new specs do not pass redocly lint (see above); nothing was written'));
        },
      }),
    );
  } catch (e) {
    if (!(e instanceof SpecmillError)) throw e;
    return { failed: e.diagnostics, lint, ...(lintFailure ? { lintFailure } : {}) };
  }
  // The next run compares against these specs: keep them as JSON so it need not parse the YAML.
  for (const api of config.apis) {
    const spec = result.specs.get(api.name);
    const text = result.files.get(relative(config.root, api.specFile));
    if (spec && text) rememberSpec(text, spec);
  }
  return { written, lint };
}

/** Lints the new specs (under their temporary names) and the overlays; problems point at the specs to be written. */
async function lintNewSpecs(config: ResolvedConfig, result: PipelineResult, readable: ReadonlyMap<string, string>): Promise<LintFound | { failure: string }> {
  const shownAs = new Map<string, string>();
  const specs = new Map<string, OpenApiDocument>();
  const apis = new Map<string, string>();
  const files: string[] = [];
  for (const api of config.apis) {
    const shown = relative(config.root, api.specFile);
    const given = path.relative(config.root, readable.get(shown) ?? api.specFile);
    files.push(given);
    shownAs.set(given, shown);
    apis.set(shown, api.name);
    const spec = result.specs.get(api.name);
    if (spec) specs.set(shown, spec);
  }
  files.push(...config.apis.flatMap((a) => listOverlayFiles(a.overlaysDir)).map((f) => path.relative(config.root, f)));
  const lint = await lintSpecsStructured(config.root, files, { rules: config.lintRules });
  return 'failure' in lint ? lint : { problems: lint.problems, diagnostics: lintDiagnostics(lint.problems, { shownAs, specs, apis }) };
}
