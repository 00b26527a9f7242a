// Finds the project's config file and imports it. A TypeScript config is bundled by esbuild (loaded
// only then) into a temporary ES module beside it, so it loads the same way in an ESM or a CommonJS
// project, whatever the project's tsconfig says; a JavaScript config is imported as it is. The
// bundle is kept by the hash of every file it was made from, so that a run whose config and its
// imports did not change starts no esbuild (its service is a process of its own: 0.1 s or more).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { error, SpecmillError, type Diagnostic } from '../core/diagnostics.js';

/** The names a config may have, in the order they are looked for. */
export const CONFIG_FILES: readonly string[] = ['specmill.config.ts', 'specmill.config.mts', 'specmill.config.mjs', 'specmill.config.js'];

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The project's one config file; an error when there is none or more than one. */
export function findConfigFile(root: string): string {
  const found = CONFIG_FILES.map((name) => path.join(root, name)).filter((file) => existsSync(file));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    const names = CONFIG_FILES.map((name) => path.extname(name)).join(', ');
    throw new SpecmillError(error(`no specmill config here (specmill.config with one of ${names}): \`npx specmill init\` writes one`, { file: shown(path.join(root, CONFIG_FILES[0]!)) }));
  }
  throw new SpecmillError(error(`more than one config file (${found.map((f) => path.basename(f)).join(', ')}): keep one`, { file: shown(found[1]!) }));
}

let loads = 0;

/** The config module's exports; `fresh` reads the file again (watch) instead of the module cache. */
export async function importConfigFile(file: string, options: { fresh?: boolean } = {}): Promise<{ default?: unknown }> {
  const fail = (message: string, location: Partial<Diagnostic['location']> = {}): never => {
    throw new SpecmillError(error(`cannot load the config: ${message}`, { file: shown(file), ...location }));
  };
  if (!/\.m?ts$/.test(file)) {
    // ESM caches a module by URL for the life of the process; a new query is a new module.
    const url = `${pathToFileURL(file).href}${options.fresh ? `?load=${++loads}` : ''}`;
    try {
      return (await import(url)) as { default?: unknown };
    } catch (e) {
      return fail((e as Error).message.split('\n')[0] ?? String(e));
    }
  }
  let code = recallBundle(file);
  if (code === undefined) {
    try {
      code = await bundleConfig(file);
    } catch (e) {
      const first = (e as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors?.[0];
      if (!first) return fail((e as Error).message.split('\n')[0] ?? String(e));
      const where = first.location;
      return fail(first.text, where ? { file: shown(path.resolve(path.dirname(file), where.file)), line: where.line, column: where.column + 1 } : {});
    }
  }
  // Beside the config, so that Node resolves its imports from the project as it would the config's.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++loads}.mjs`);
  writeFileSync(temp, code);
  try {
    return (await import(pathToFileURL(temp).href)) as { default?: unknown };
  } catch (e) {
    return fail((e as Error).message.split('\n')[0] ?? String(e));
  } finally {
    rmSync(temp, { force: true });
  }
}

// ---- the bundles of TypeScript configs, kept -------------------------------------------------

/** specmill's own cache (beside run-cache.ts's records): configs are small, and many projects share one. */
const BUNDLES_DIR = fileURLToPath(new URL('../../node_modules/.cache/specmill/configs/', import.meta.url));
const BUNDLE_FORMAT = 'specmill-config-bundle/2';
const KEEP_BUNDLES = 32;

interface KeptBundle {
  format: string;
  /** Every file esbuild read (relative to the config's folder) and the hash of its bytes. */
  inputs: [file: string, hash: string][];
  /** The names in each folder those files are in: a file added there could change how an import resolves. */
  folders: [folder: string, hash: string][];
  /** settingsHash of the inputs: esbuild reads tsconfig.json (paths, ...) without listing it among them. */
  settings: string;
  code: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function esbuildVersion(): string {
  try {
    return (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** The names in a folder, leaving out dotfiles (specmill's own lock and temporary files come and go there). */
function folderHash(folder: string): string {
  return sha256(readdirSync(folder).filter((name) => !name.startsWith('.')).sort().join('\0'));
}

/** What esbuild reads beside the inputs, in their folders and every folder above them. */
const SETTINGS_FILES = ['tsconfig.json', 'jsconfig.json', 'package.json'];

/**
 * A hash of the settings files that apply to the inputs (their text, or their absence); undefined
 * when one extends another file, which is not followed: such a config is bundled every time.
 */
function settingsHash(base: string, inputs: readonly string[]): string | undefined {
  const folders = new Set<string>();
  for (const input of inputs) {
    for (let folder = path.dirname(path.resolve(base, input)); !folders.has(folder); folder = path.dirname(folder)) folders.add(folder);
  }
  const hash = createHash('sha256');
  for (const folder of [...folders].sort()) {
    for (const name of SETTINGS_FILES) {
      let text: string;
      try {
        text = readFileSync(path.join(folder, name), 'utf8');
      } catch {
        hash.update(`${folder}\0${name}\0-\0`);
        continue;
      }
      if (name !== 'package.json' && text.includes('"extends"')) return undefined;
      hash.update(`${folder}\0${name}\0${sha256(text)}\0`);
    }
  }
  return hash.digest('hex');
}

/** Where the bundle of a config with this text is kept (the text's hash: projects with one config share it). */
export function bundleFile(file: string): string {
  return path.join(BUNDLES_DIR, `${sha256(`${BUNDLE_FORMAT}\0${esbuildVersion()}\0${path.basename(file)}\0${sha256(readFileSync(file))}`).slice(0, 32)}.json`);
}

/** The kept bundle of `file`, when every file it was made from is as it was; else undefined. */
function recallBundle(file: string): string | undefined {
  const base = path.dirname(file);
  try {
    const kept = JSON.parse(readFileSync(bundleFile(file), 'utf8')) as KeptBundle;
    if (kept.format !== BUNDLE_FORMAT || typeof kept.code !== 'string') return undefined;
    for (const [input, hash] of kept.inputs) if (sha256(readFileSync(path.resolve(base, input))) !== hash) return undefined;
    for (const [folder, hash] of kept.folders) if (folderHash(path.resolve(base, folder)) !== hash) return undefined;
    const settings = settingsHash(base, kept.inputs.map(([input]) => input));
    if (settings === undefined || settings !== kept.settings) return undefined;
    return kept.code;
  } catch {
    return undefined;
  }
}

async function bundleConfig(file: string): Promise<string> {
  const { build } = await import('esbuild');
  const base = path.dirname(file);
  const result = await build({
    entryPoints: [file],
    absWorkingDir: base,
    bundle: true,
    // Packages (specmill/config among them) are imported by Node from the project's node_modules.
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  try {
    const inputs = Object.keys(result.metafile.inputs).map((input): [string, string] => [input, sha256(readFileSync(path.resolve(base, input)))]);
    const folders = [...new Set(inputs.map(([input]) => path.dirname(input)))].map((folder): [string, string] => [folder, folderHash(path.resolve(base, folder))]);
    const settings = settingsHash(base, inputs.map(([input]) => input));
    if (settings === undefined) return code;
    const kept: KeptBundle = { format: BUNDLE_FORMAT, inputs, folders, settings, code };
    mkdirSync(BUNDLES_DIR, { recursive: true });
    const target = bundleFile(file);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(kept));
    renameSync(temporary, target);
    const entries = readdirSync(BUNDLES_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => path.join(BUNDLES_DIR, name))
      .sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
    for (const old of entries.slice(KEEP_BUNDLES)) rmSync(old, { force: true });
  } catch {
    // A bundle that cannot be kept only costs the next run its esbuild.
  }
  return code;
}
