// specmill as a user gets it, from the outside: the real tarball `npm pack` makes of this repository,
// installed into new projects made by `npm init -y` (CommonJS), an ES module project and a
// TypeScript project with its own tsconfig; then `npx specmill --version`, `init` (which adds the
// npm scripts), `generate`, `check` and `pack`; and the generated package's tarball installed into a
// separate app, type-checked under strict, nodenext and exactOptionalPropertyTypes, and run against
// a loopback server; and the generated folder as an npm workspace. npm installs from its local cache where it can (--prefer-offline). Slow: each
// project installs specmill's dependencies for real.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const INSTALL = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'];
const SLOW = 600_000;

/** The environment of a user's shell: none of the variables `npm test` sets for its scripts. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|^INIT_CWD$|^NODE_OPTIONS$/i.test(key)));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Run {
  try {
    const stdout = execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...userEnv, NO_COLOR: '1', CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const failed = e as { status: number | null; stdout: string; stderr: string };
    return { status: failed.status ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs a command that must succeed; its output is in the failure message when it does not. */
function ok(command: string, args: readonly string[], cwd: string): Run {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

let tmp: string;
let tarball: string;
let packed: { filename: string; entryCount: number; size: number; unpackedSize: number; files: { path: string }[] };
let server: TestServer;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'specmill-user-'));
  // The global setup built dist/ from the sources as they are; packing must not rebuild it under
  // the other test files (--ignore-scripts skips `prepare`), so check it is the fresh one.
  const build = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as { isBuildFresh(): boolean };
  expect(build.isBuildFresh()).toBe(true);
  const out = ok(NPM, ['pack', ROOT, '--pack-destination', tmp, '--ignore-scripts', '--json', '--loglevel', 'error'], tmp).stdout;
  packed = (JSON.parse(out) as (typeof packed)[])[0]!;
  tarball = path.join(tmp, packed.filename);
  server = await startServer();
}, SLOW);

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed specmill', () => {
  it('holds the built JavaScript, the bin and its manifest, and nothing else of the repository', () => {
    const files = packed.files.map((f) => f.path);
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual(['README.md', 'package.json', 'scripts/specmill.mjs']);
    expect(files).toEqual(expect.arrayContaining(['dist/cli/program.js', 'dist/config/config.js', 'dist/config/config.d.ts', 'dist/workers/openapi-typescript.worker.mjs']));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const manifest = readJson(path.join(ROOT, 'package.json'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ specmill: './scripts/specmill.mjs' });
  });

  it('passes publint --strict', () => {
    const unpacked = path.join(tmp, 'unpacked-specmill');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    expect(ok(process.execPath, [path.join(ROOT, 'node_modules/publint/src/cli.js'), '--strict', path.join(unpacked, 'package')], tmp).stdout).toContain('All good!');
  });
});

const PROJECTS = [
  { kind: 'a CommonJS project (npm init -y)', dir: 'cjs', type: undefined, typescript: false },
  { kind: 'an ES module project', dir: 'esm', type: 'module', typescript: false },
  { kind: 'a TypeScript project with its own tsconfig', dir: 'ts', type: 'module', typescript: true },
] as const;

describe.each(PROJECTS)('in $kind', ({ dir: name, type, typescript }) => {
  let dir: string;

  it('installs the tarball with npm', () => {
    dir = path.join(tmp, name);
    mkdirSync(dir);
    ok(NPM, ['init', '-y'], dir);
    if (type) writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ ...readJson(path.join(dir, 'package.json')), type }, null, 2)}\n`);
    if (typescript) {
      // A tsconfig of the project's own, as strict as users make them; it covers specmill.config.ts.
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, types: [], skipLibCheck: true }, include: ['*.ts'] }, null, 2),
      );
    }
    ok(NPM, ['install', '--save-dev', ...INSTALL, tarball], dir);
    expect(readJson<{ devDependencies: Record<string, string> }>(path.join(dir, 'package.json')).devDependencies.specmill).toMatch(/^file:.*specmill-0\.1\.0\.tgz$/);
  }, SLOW);

  it('npx specmill --version', () => {
    expect(ok(NPX, ['specmill', '--version'], dir).stdout).toBe(`${readJson(path.join(ROOT, 'package.json')).version}\n`);
  });

  it('npx specmill init writes the starter files and adds the generate, check and lint scripts', () => {
    const init = ok(NPX, ['specmill', 'init'], dir);
    expect(init.stdout).toBe('');
    const manifest = readJson<{ type?: string; scripts: Record<string, string> }>(path.join(dir, 'package.json'));
    expect(manifest.scripts).toMatchObject({ generate: 'specmill generate', check: 'specmill check', lint: 'specmill lint' });
    expect(manifest.type).toBe(type ?? 'commonjs');
  });

  it('npx specmill generate, then the scripts init added: check and lint', () => {
    ok(NPX, ['specmill', 'generate'], dir);
    expect(readFileSync(path.join(dir, 'specs/example/openapi.yaml'), 'utf8')).toMatch(/^openapi: 3\.1\.0$/m);
    expect(readJson(path.join(dir, 'generated/package.json')).name).toBe('my-api-clients');
    ok(NPM, ['run', 'check'], dir);
    ok(NPM, ['run', 'lint'], dir);
  }, SLOW);

  if (typescript) {
    it("the project's own tsc accepts specmill.config.ts, and specmill/config's types catch a wrong key", () => {
      writeFileSync(
        path.join(dir, 'wrong-config.ts'),
        "import { defineConfig } from 'specmill/config';\n\n// @ts-expect-error: `titel` is no option of an API\nexport default defineConfig({ apis: { shop: { titel: 'Shop' } } });\n",
      );
      const tsc = run(process.execPath, [TSC, '-p', dir], dir);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    }, SLOW);
  }
});

describe('the generated package, packed by specmill pack, in a separate app', () => {
  const project = () => path.join(tmp, 'cjs');
  let app: string;
  let clients: string;

  it('npx specmill pack writes the tarball, and the app installs it with openapi-fetch', () => {
    const pack = run(NPX, ['specmill', 'pack', '--out', tmp], project());
    expect(pack.status, pack.stderr).toBe(0);
    clients = path.join(tmp, 'my-api-clients-0.0.0.tgz');
    app = path.join(tmp, 'app');
    mkdirSync(app);
    ok(NPM, ['init', '-y'], app);
    writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({ ...readJson(path.join(app, 'package.json')), type: 'module' }, null, 2)}\n`);
    ok(NPM, ['install', ...INSTALL, clients], app);
    expect(readJson(path.join(app, 'node_modules/openapi-fetch/package.json')).name).toBe('openapi-fetch');
  }, SLOW);

  it('type-checks under strict, nodenext and exactOptionalPropertyTypes, and runs against a server', async () => {
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: false, outDir: 'dist' },
        files: ['main.ts'],
      }),
    );
    writeFileSync(
      path.join(app, 'main.ts'),
      `import { ApiError, createExampleClient, type Widget } from 'my-api-clients/example';

declare const process: { argv: string[] };
const client = createExampleClient({ baseUrl: process.argv[2] ?? 'http://127.0.0.1:1', auth: { bearerAuth: 'token-1' }, retry: false });

export function misuse(): void {
  // @ts-expect-error: widgetId is a required path parameter
  void client.getWidget({ path: {} });
}

const widget: Widget = await client.getWidget({ path: { widgetId: 'w/1' } });
let missing = 0;
try {
  await client.getWidget({ path: { widgetId: 'gone' } });
} catch (error) {
  if (error instanceof ApiError) missing = error.status;
}
console.log(JSON.stringify({ widget, missing }));
`,
    );
    const tsc = run(process.execPath, [TSC, '-p', app], app);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    server.reply(json(200, { id: 'w/1', name: 'Widget one' }), json(404, { message: 'no such widget' }));
    // Not execFileSync: the server answers from this process's event loop.
    const main = await promisify(execFile)(process.execPath, ['dist/main.js', server.url], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(main.stdout)).toEqual({ widget: { id: 'w/1', name: 'Widget one' }, missing: 404 });
    expect(server.requests.slice(-2).map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual(['GET /widgets/w%2F1 Bearer token-1', 'GET /widgets/gone Bearer token-1']);
  }, SLOW);

  it('as an npm workspace: a monorepo that lists the generated folder installs it with openapi-fetch', async () => {
    const mono = path.join(tmp, 'monorepo');
    cpSync(path.join(project(), 'generated'), path.join(mono, 'generated'), { recursive: true });
    mkdirSync(path.join(mono, 'app'));
    writeFileSync(path.join(mono, 'package.json'), JSON.stringify({ name: 'monorepo', private: true, workspaces: ['generated', 'app'] }));
    writeFileSync(path.join(mono, 'app/package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'my-api-clients': '*' } }));
    writeFileSync(
      path.join(mono, 'app/main.js'),
      "import { createExampleClient } from 'my-api-clients/example';\n\nconst client = createExampleClient({ baseUrl: process.argv[2], auth: { bearerAuth: 't' } });\nconsole.log(JSON.stringify(await client.getWidget({ path: { widgetId: 'w1' } })));\n",
    );
    ok(NPM, ['install', ...INSTALL], mono);
    server.reply(json(200, { id: 'w1', name: 'From the workspace' }));
    const main = await promisify(execFile)(process.execPath, ['main.js', server.url], { cwd: path.join(mono, 'app'), encoding: 'utf8' });
    expect(JSON.parse(main.stdout)).toEqual({ id: 'w1', name: 'From the workspace' });
  }, SLOW);
});
