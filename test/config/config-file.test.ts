// Finding and loading the config file: a TypeScript config loads in a CommonJS project as in an ESM
// one (bundled by esbuild, whatever the package's type), a JavaScript one is imported as it is, and
// a missing, doubled or broken config is an error that names the file.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../generator/config/config.js';
import { bundleFile } from '../../generator/config/config-file.js';
import { formatDiagnostic, SpecmillError } from '../../generator/core/diagnostics.js';
import { ROOT } from '../helpers.js';
import { runCli } from '../support/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-config-file-'));
  // specmill itself as the project's dependency, so that `specmill/config` resolves as in a user's project.
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'specmill'), 'dir');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

async function loadError(): Promise<string> {
  try {
    await loadConfig(dir);
  } catch (e) {
    if (e instanceof SpecmillError) return e.diagnostics.map(formatDiagnostic).join('\n');
    throw e;
  }
  return 'no error';
}

const TS_CONFIG = `import { defineConfig } from 'specmill/config';
import { title } from './config-parts/title';

const apis: Record<string, { title: string }> = { shop: { title } };
export default defineConfig({ apis, output: { packageName: 'shop-clients' } });
`;

describe('loading the config', () => {
  it('loads a TypeScript config in a CommonJS project, with its own TypeScript imports, and leaves no file behind', async () => {
    write('package.json', JSON.stringify({ name: 'cjs-project', version: '1.0.0', type: 'commonjs' }));
    write('specmill.config.ts', TS_CONFIG);
    write('config-parts/title.ts', "export const title: string = 'Shop API';\n");
    const before = readdirSync(dir).sort();
    const config = await loadConfig(dir);
    expect(config.apis.map((a) => [a.name, a.title])).toEqual([['shop', 'Shop API']]);
    expect(config.packageName).toBe('shop-clients');
    expect(config.configFile).toBe(path.join(dir, 'specmill.config.ts'));
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it.each([
    ['specmill.config.mjs', "export default { apis: { shop: { title: 'From mjs' } } };\n", undefined],
    ['specmill.config.js', "export default { apis: { shop: { title: 'From js' } } };\n", 'module'],
    ['specmill.config.js', "module.exports = { apis: { shop: { title: 'From cjs' } } };\n", 'commonjs'],
    ['specmill.config.mts', "const title: string = 'From mts';\nexport default { apis: { shop: { title } } };\n", undefined],
  ])('loads %s (package type %s)', async (name, text, type) => {
    write('package.json', JSON.stringify({ name: 'project', ...(type ? { type } : {}) }));
    write(name, text);
    const config = await loadConfig(dir);
    expect(config.apis[0]!.title).toMatch(/^From /);
    expect(path.basename(config.configFile)).toBe(name);
  });

  it('a missing config names how to make one', async () => {
    expect(await loadError()).toMatch(/specmill\.config\.ts: error: no specmill config here \(specmill\.config with one of \.ts, \.mts, \.mjs, \.js\): `npx specmill init` writes one$/);
  });

  it('two configs are an error naming both', async () => {
    write('specmill.config.ts', 'export default { apis: {} };\n');
    write('specmill.config.mjs', 'export default { apis: {} };\n');
    expect(await loadError()).toMatch(/specmill\.config\.mjs: error: more than one config file \(specmill\.config\.ts, specmill\.config\.mjs\): keep one$/);
  });

  it('a TypeScript syntax error names the file, line and column, and leaves no file behind', async () => {
    write('specmill.config.ts', "export default {\n  apis: { shop: { title: 'x' } },,\n};\n");
    expect(await loadError()).toMatch(/specmill\.config\.ts:2:\d+: error: cannot load the config: /);
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'specmill.config.ts']);
  });

  it('a config that throws while loading is an error naming it', async () => {
    write('specmill.config.ts', "throw new Error('no config for you');\n");
    expect(await loadError()).toMatch(/specmill\.config\.ts: error: cannot load the config: no config for you$/);
  });

  it('through the bin in a CommonJS project (the error this used to give: "Cannot require() ES Module ... in a cycle")', () => {
    write('package.json', JSON.stringify({ name: 'cjs-project', version: '1.0.0', type: 'commonjs' }));
    write('specmill.config.ts', "import { defineConfig } from 'specmill/config';\nexport default defineConfig({ apis: { shop: { title: 3 as unknown as string } } });\n");
    const result = runCli(['generate', '--no-lint'], dir);
    expect(result.stderr).toBe('specmill.config.ts: error: apis.shop.title: expected a string\n');
    expect(result.status).toBe(1);
  });

  it('keeps the bundle of a TypeScript config, uses it while the config and its imports are unchanged, and bundles again after a change', async () => {
    write('specmill.config.ts', TS_CONFIG);
    write('config-parts/title.ts', "export const title: string = 'Shop API';\n");
    expect((await loadConfig(dir)).apis[0]!.title).toBe('Shop API');
    // The kept bundle is what loads (no esbuild) while nothing it was made from changed...
    const kept = bundleFile(path.join(dir, 'specmill.config.ts'));
    writeFileSync(kept, readFileSync(kept, 'utf8').replaceAll('Shop API', 'Kept bundle'));
    expect((await loadConfig(dir)).apis[0]!.title).toBe('Kept bundle');
    // ...and not once an imported file changed, or a file appeared beside one (it could change what an import means).
    write('config-parts/title.ts', "export const title: string = 'Shop API, edited';\n");
    expect((await loadConfig(dir)).apis[0]!.title).toBe('Shop API, edited');
    writeFileSync(kept, readFileSync(kept, 'utf8').replaceAll('Shop API, edited', 'Kept bundle'));
    write('config-parts/title.js', "export const title = 'From the new JavaScript file';\n");
    expect((await loadConfig(dir)).apis[0]!.title).toBe('Shop API, edited');
  });

  it('bundles again when a tsconfig.json changes what an import means, and keeps no bundle when it extends another file', async () => {
    write('specmill.config.ts', TS_CONFIG.replace("'./config-parts/title'", "'~/title'"));
    write('first/title.ts', "export const title: string = 'First';\n");
    write('second/title.ts', "export const title: string = 'Second';\n");
    write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '~/*': ['./first/*'] } } }));
    expect((await loadConfig(dir)).apis[0]!.title).toBe('First');
    write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '~/*': ['./second/*'] } } }));
    expect((await loadConfig(dir)).apis[0]!.title).toBe('Second');
    // An extended file is not followed: such a config is bundled each time, never kept.
    rmSync(bundleFile(path.join(dir, 'specmill.config.ts')), { force: true });
    write('base.json', JSON.stringify({ compilerOptions: { paths: { '~/*': ['./second/*'] } } }));
    write('tsconfig.json', JSON.stringify({ extends: './base.json' }));
    expect((await loadConfig(dir)).apis[0]!.title).toBe('Second');
    expect(existsSync(bundleFile(path.join(dir, 'specmill.config.ts')))).toBe(false);
  });
});
