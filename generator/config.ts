// specmill.config.ts: which APIs exist, where their pages are, where the output goes. `defineConfig`
// gives users types; `resolveConfig` checks a loaded config and fills defaults, naming any bad key.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { error, SpecmillError } from './diagnostics.js';
import { fileName } from './plan/naming.js';

export interface ApiOptions {
  /** Folder of the API's pages, relative to the config file. Default: `specs/<api>/sources`. */
  sources?: string;
  /** Overrides the title the pages give (used in docs and messages). */
  title?: string;
  /** Forces one page format for every page of this API instead of detecting it. */
  format?: string;
  /** Folder of the API's Overlay 1.0 files, relative to the config file. Default: `specs/<api>/overlays`. */
  overlays?: string;
}

export interface UserConfig {
  /** APIs by folder name (lowercase words joined by `-`). */
  apis: Record<string, ApiOptions>;
  output?: {
    /** Default: `generated`. */
    dir?: string;
    /** The generated package's name. Default: `specmill-clients`. */
    packageName?: string;
  };
  /** Two different schemas under one name is an error rather than a warning. */
  strict?: boolean;
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
}

export interface ResolvedConfig {
  root: string;
  configFile: string;
  apis: ResolvedApi[];
  outputDir: string;
  packageName: string;
  strict: boolean;
  /** Set by `--lenient`, never by the config file: an overlay target that matches nothing is a warning. */
  lenient?: boolean;
}

export const CONFIG_FILE = 'specmill.config.ts';

export async function loadConfig(root: string): Promise<ResolvedConfig> {
  const configFile = path.join(root, CONFIG_FILE);
  if (!existsSync(configFile)) throw new SpecmillError(error(`no ${CONFIG_FILE} here: expected one at the project's root`, { file: configFile }));
  const loaded = (await import(pathToFileURL(configFile).href)) as { default?: unknown };
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
  for (const key of Object.keys(value)) if (!['apis', 'output', 'strict'].includes(key)) fail(key, 'one of apis, output, strict');
  if (!isRecord(value.apis)) return fail('apis', 'an object of APIs by folder name');
  const output = value.output === undefined ? {} : isRecord(value.output) ? value.output : fail('output', 'an object');
  for (const key of Object.keys(output)) if (!['dir', 'packageName'].includes(key)) fail(`output.${key}`, 'one of dir, packageName');
  const outputDir = output.dir === undefined ? 'generated' : typeof output.dir === 'string' ? output.dir : fail('output.dir', 'a folder name');
  const packageName =
    output.packageName === undefined ? 'specmill-clients' : typeof output.packageName === 'string' && /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(output.packageName) ? output.packageName : fail('output.packageName', 'an npm package name');
  const apis = Object.entries(value.apis).map(([name, raw]): ResolvedApi => {
    if (fileName(name) !== name) fail(`apis.${name}`, `a folder name of lowercase words joined by "-" (e.g. "${fileName(name)}")`);
    const options = raw === undefined ? {} : isRecord(raw) ? raw : fail(`apis.${name}`, 'an object');
    for (const key of Object.keys(options)) if (!['sources', 'title', 'format', 'overlays'].includes(key)) fail(`apis.${name}.${key}`, 'one of sources, title, format, overlays');
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
    };
  });
  const outputPath = path.resolve(root, outputDir);
  if (!outputPath.startsWith(root + path.sep)) fail('output.dir', 'a folder inside the project');
  return { root, configFile, apis, outputDir: outputPath, packageName, strict: value.strict === true };
}
