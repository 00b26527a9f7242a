// specmill.config.ts (or .mjs): which APIs exist, where their pages are, where the output goes. `defineConfig`
// gives users types; `resolveConfig` checks a loaded config and fills defaults, naming any bad key.
import { createRequire } from 'node:module';
import path from 'node:path';
import { findConfigFile, importConfigFile } from './config-file.js';
import { error, SpecmillError } from '../core/diagnostics.js';
import { fileName } from '../plan/naming.js';

export interface ApiOptions {
  /** Folder of the API's pages, relative to the config file. Default: `specs/<api>/sources`. */
  sources?: string;
  /** Overrides the title the pages give (used in docs and messages). */
  title?: string;
  /** Forces one page format for every page of this API instead of detecting it. */
  format?: string;
  /** Folder of the API's Overlay 1.0 files, relative to the config file. Default: `specs/<api>/overlays`. */
  overlays?: string;
  /** Defaults of the generated client; a caller's `create<Api>Client({...})` options still win. */
  client?: ClientDefaults;
  /** What specmill may infer for this API beyond what its pages say; over the project's `infer`. */
  infer?: InferOptions;
}

/** What the normalizer may add that the pages do not state. */
export interface InferOptions {
  /**
   * Declare `x-pagination` on list operations whose pages show paging plainly, adding the
   * `offset`/`limit` query parameters (marked `x-specmill-inferred`) when the page lists none.
   * Default: true.
   */
  pagination?: boolean;
}

export interface ClientDefaults {
  /** The server to call instead of the spec's first one. */
  baseUrl?: string;
  /** Retries of failed attempts; `false` turns them off. */
  retry?: { maxRetries?: number; initialDelayMs?: number; maxDelayMs?: number } | false;
  /** Each attempt's time limit in ms (0: none). */
  timeoutMs?: number;
}

export type LintSeverity = 'off' | 'warn' | 'error';

export interface UserConfig {
  /** APIs by folder name (lowercase words joined by `-`). */
  apis: Record<string, ApiOptions>;
  output?: {
    /** Default: `generated`. */
    dir?: string;
    /** The generated package's name. Default: `specmill-clients`. */
    packageName?: string;
    /** The generated package's version (to publish it to a registry of yours). Default: `0.0.0`. */
    version?: string;
  };
  /** Two different schemas under one name is an error rather than a warning. */
  strict?: boolean;
  /** Redocly rules to set on top of `redocly.yaml`, e.g. `{ 'operation-4xx-response': 'off' }`. */
  lint?: { rules?: Record<string, LintSeverity> };
  /** What specmill may infer for every API (each API's `infer` wins). */
  infer?: InferOptions;
}

export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

export interface ResolvedApi {
  name: string;
  /** Absolute folder of the API (`specs/<api>`). */
  dir: string;
  sourcesDir: string;
  specFile: string;
  /** Absolute folder of the API's overlays (it need not exist). */
  overlaysDir: string;
  title?: string;
  format?: string;
  client?: ClientDefaults;
  /** Whether the normalizer infers `x-pagination` (the API's `infer`, else the project's, else true). */
  inferPagination: boolean;
}

export interface ResolvedConfig {
  root: string;
  configFile: string;
  apis: ResolvedApi[];
  outputDir: string;
  packageName: string;
  packageVersion: string;
  strict: boolean;
  /** Redocly rule severities from `lint.rules`, over `redocly.yaml`'s. */
  lintRules: Record<string, LintSeverity>;
  /** Set by `--lenient`, never by the config file: an overlay target that matches nothing is a warning. */
  lenient?: boolean;
}

/** Loads and checks the project's config; `fresh` reads the file again (watch) instead of the module cache. */
export async function loadConfig(root: string, options: { fresh?: boolean } = {}): Promise<ResolvedConfig> {
  const configFile = findConfigFile(root);
  const loaded = await importConfigFile(configFile, options);
  return resolveConfig(loaded.default, root, configFile);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function resolveConfig(value: unknown, root: string, configFile: string): ResolvedConfig {
  const file = path.relative(process.cwd(), configFile) || configFile;
  const fail = (key: string, expected: string): never => {
    throw new SpecmillError(error(`${key}: expected ${expected}`, { file }));
  };
  if (!isRecord(value)) return fail('default export', 'an object from defineConfig({ apis: { ... } })');
  for (const key of Object.keys(value)) if (!['apis', 'output', 'strict', 'lint', 'infer'].includes(key)) fail(key, 'one of apis, output, strict, lint, infer');
  if (value.strict !== undefined && typeof value.strict !== 'boolean') fail('strict', 'true or false');
  const infer = resolveInfer(value.infer, 'infer', { pagination: true }, fail);
  const lintRules = resolveLintRules(value.lint, fail);
  if (!isRecord(value.apis)) return fail('apis', 'an object of APIs by folder name');
  const output = value.output === undefined ? {} : isRecord(value.output) ? value.output : fail('output', 'an object');
  for (const key of Object.keys(output)) if (!['dir', 'packageName', 'version'].includes(key)) fail(`output.${key}`, 'one of dir, packageName, version');
  const outputDir = output.dir === undefined ? 'generated' : typeof output.dir === 'string' ? output.dir : fail('output.dir', 'a folder name');
  const packageName =
    output.packageName === undefined ? 'specmill-clients' : typeof output.packageName === 'string' && /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(output.packageName) ? output.packageName : fail('output.packageName', 'an npm package name');
  const packageVersion =
    output.version === undefined ? '0.0.0' : typeof output.version === 'string' && /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(output.version) ? output.version : fail('output.version', 'a semver version such as 1.2.0');
  const apis = Object.entries(value.apis).map(([name, raw]): ResolvedApi => {
    if (fileName(name) !== name) fail(`apis.${name}`, `a folder name of lowercase words joined by "-" (e.g. "${fileName(name)}")`);
    const options = raw === undefined ? {} : isRecord(raw) ? raw : fail(`apis.${name}`, 'an object');
    for (const key of Object.keys(options)) if (!['sources', 'title', 'format', 'overlays', 'client', 'infer'].includes(key)) fail(`apis.${name}.${key}`, 'one of sources, title, format, overlays, client, infer');
    for (const key of ['sources', 'title', 'format', 'overlays'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'string') fail(`apis.${name}.${key}`, 'a string');
    }
    const dir = path.join(root, 'specs', name);
    return {
      name,
      dir,
      sourcesDir: typeof options.sources === 'string' ? path.resolve(root, options.sources) : path.join(dir, 'sources'),
      specFile: path.join(dir, 'openapi.yaml'),
      overlaysDir: typeof options.overlays === 'string' ? path.resolve(root, options.overlays) : path.join(dir, 'overlays'),
      ...(typeof options.title === 'string' ? { title: options.title } : {}),
      ...(typeof options.format === 'string' ? { format: options.format } : {}),
      ...(options.client === undefined ? {} : { client: resolveClientDefaults(options.client, `apis.${name}.client`, fail) }),
      inferPagination: resolveInfer(options.infer, `apis.${name}.infer`, infer, fail).pagination,
    };
  });
  const outputPath = path.resolve(root, outputDir);
  if (!outputPath.startsWith(path.join(root, path.sep))) fail('output.dir', 'a folder inside the project');
  return { root, configFile, apis, outputDir: outputPath, packageName, packageVersion, strict: value.strict === true, lintRules };
}

type Fail = (key: string, expected: string) => never;

/** `infer: { pagination: false }`, over `defaults` (the project's, for an API). */
function resolveInfer(value: unknown, where: string, defaults: Required<InferOptions>, fail: Fail): Required<InferOptions> {
  if (value === undefined) return defaults;
  if (!isRecord(value)) return fail(where, 'an object such as { pagination: false }');
  for (const key of Object.keys(value)) if (key !== 'pagination') fail(`${where}.${key}`, 'pagination');
  if (value.pagination !== undefined && typeof value.pagination !== 'boolean') fail(`${where}.pagination`, 'true or false');
  return { pagination: typeof value.pagination === 'boolean' ? value.pagination : defaults.pagination };
}

const LINT_SEVERITIES: readonly string[] = ['off', 'warn', 'error'];

function resolveLintRules(value: unknown, fail: Fail): Record<string, LintSeverity> {
  if (value === undefined) return {};
  if (!isRecord(value)) return fail('lint', 'an object such as { rules: { ... } }');
  for (const key of Object.keys(value)) if (key !== 'rules') fail(`lint.${key}`, 'rules');
  if (value.rules === undefined) return {};
  if (!isRecord(value.rules)) return fail('lint.rules', "an object of rule severities, e.g. { 'operation-4xx-response': 'off' }");
  const rules: Record<string, LintSeverity> = {};
  // Sorted so that the redocly config written from them is the same whatever the key order.
  for (const [rule, severity] of Object.entries(value.rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Rule ids are kebab-case, optionally behind a plugin prefix; anything else cannot be a rule.
    if (!/^(?:[a-z0-9-]+\/)?[a-z0-9][a-z0-9-]*$/.test(rule)) fail(`lint.rules.${rule}`, 'a redocly rule id such as operation-4xx-response');
    // Redocly only warns about a rule it does not know, so a typo would silently relax nothing.
    if (!rule.includes('/') && !knownLintRules().has(rule)) fail(`lint.rules.${rule}`, `a built-in redocly rule${suggest(rule, knownLintRules())}`);
    if (typeof severity !== 'string' || !LINT_SEVERITIES.includes(severity)) fail(`lint.rules.${rule}`, "'off', 'warn' or 'error'");
    rules[rule] = severity as LintSeverity;
  }
  return rules;
}

let builtInRules: Set<string> | undefined;

/** Every built-in rule id of the @redocly/cli installed here, from its `all` ruleset. */
function knownLintRules(): Set<string> {
  if (builtInRules) return builtInRules;
  const require = createRequire(import.meta.url);
  const all = (require('@redocly/openapi-core/lib/config/all.js') as { default: Record<string, unknown> }).default;
  builtInRules = new Set(Object.entries(all).flatMap(([key, rules]) => (/rules$/i.test(key) && isRecord(rules) ? Object.keys(rules) : [])));
  return builtInRules;
}

/** ` (did you mean "x"?)` for the closest name within two edits, else ''. */
function suggest(name: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

function isDelay(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function resolveClientDefaults(value: unknown, where: string, fail: Fail): ClientDefaults {
  if (!isRecord(value)) return fail(where, 'an object such as { baseUrl, retry, timeoutMs }');
  for (const key of Object.keys(value)) if (!['baseUrl', 'retry', 'timeoutMs'].includes(key)) fail(`${where}.${key}`, 'one of baseUrl, retry, timeoutMs');
  const client: ClientDefaults = {};
  if (value.baseUrl !== undefined) {
    if (typeof value.baseUrl !== 'string' || !/^https?:\/\/[^\s/?#]+/.test(value.baseUrl) || !URL.canParse(value.baseUrl)) fail(`${where}.baseUrl`, 'an http(s) URL');
    client.baseUrl = value.baseUrl as string;
  }
  if (value.retry === false) client.retry = false;
  else if (value.retry !== undefined) {
    if (!isRecord(value.retry)) return fail(`${where}.retry`, 'false or an object such as { maxRetries: 4 }');
    const retry: Exclude<ClientDefaults['retry'], false | undefined> = {};
    for (const [key, v] of Object.entries(value.retry)) {
      if (key === 'maxRetries') retry.maxRetries = Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(`${where}.retry.maxRetries`, 'a whole number, 0 or more');
      else if (key === 'initialDelayMs' || key === 'maxDelayMs') retry[key] = isDelay(v) ? v : fail(`${where}.retry.${key}`, 'a number of milliseconds, 0 or more');
      else fail(`${where}.retry.${key}`, 'one of maxRetries, initialDelayMs, maxDelayMs');
    }
    client.retry = retry;
  }
  if (value.timeoutMs !== undefined) client.timeoutMs = isDelay(value.timeoutMs) ? value.timeoutMs : fail(`${where}.timeoutMs`, 'a number of milliseconds, 0 or more (0: none)');
  return client;
}
