// Finds the project's config file and imports it. A TypeScript config is bundled by esbuild (loaded
// only then) into a temporary ES module beside it, so it loads the same way in an ESM or a CommonJS
// project, whatever the project's tsconfig says; a JavaScript config is imported as it is.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  const { build } = await import('esbuild');
  let code: string;
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      // Packages (specmill/config among them) are imported by Node from the project's node_modules.
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  } catch (e) {
    const first = (e as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors?.[0];
    if (!first) return fail((e as Error).message.split('\n')[0] ?? String(e));
    const where = first.location;
    return fail(first.text, where ? { file: shown(path.resolve(where.file)), line: where.line, column: where.column + 1 } : {});
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
