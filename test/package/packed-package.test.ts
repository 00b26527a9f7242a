// The generated package as users get it: packed by `specmill pack`, checked by publint and
// @arethetypeswrong/cli (ESM-only profile: it ships no CommonJS), installed from the tarball into a
// fresh project without the network, then run as plain Node ESM against a loopback server and
// type-checked (and run) as strict TypeScript.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { json, startServer, type TestServer } from '../support/http-server.js';
import { runCli } from '../support/run-cli.js';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const PUBLINT = path.join(ROOT, 'node_modules/publint/src/cli.js');
const ATTW = path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');

let tmp: string;
let project: string;
let tarball: string;
let packedFiles: string[];
let server: TestServer;

/** `npm pack` of a folder into `tmp`; returns the tarball's path and the files it holds. */
function pack(folder: string): { file: string; files: string[] } {
  const out = execFileSync(NPM, ['pack', folder, '--pack-destination', tmp, '--ignore-scripts', '--json', '--silent'], { cwd: tmp, encoding: 'utf8' });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  return { file: path.join(tmp, info!.filename), files: info!.files.map((f) => f.path) };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'specmill-packed-'));
  const packed = runCli(['pack', '--out', tmp]);
  expect(packed.status, packed.stderr).toBe(0);
  tarball = path.join(tmp, 'specmill-clients-0.0.0.tgz');
  expect(packed.stderr).toContain(`specmill: in an app, install it with \`npm install ${tarball}\`\n`);
  packedFiles = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  // openapi-fetch and its one dependency come from this repo's node_modules, packed the same way,
  // so the install needs no registry (CI reaches it only for `npm ci`).
  const deps = ['openapi-fetch', 'openapi-typescript-helpers'].map((name) => pack(path.join(ROOT, 'node_modules', name)).file);
  project = path.join(tmp, 'consumer');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent', tarball, ...deps], { cwd: project, encoding: 'utf8' });
  server = await startServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships each API with its README, and nothing of the generator', () => {
    for (const api of ['softwareone-marketplace', 'elastic-cloud', 'cloud-foundry', 'flowkiwi']) {
      expect(packedFiles).toEqual(expect.arrayContaining([`${api}/README.md`, `${api}/index.js`, `${api}/index.d.ts`, `${api}/client.js`, `${api}/schema.d.ts`]));
    }
    expect(packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'runtime/index.js']));
    expect(packedFiles.filter((f) => !/\.(js|d\.ts|md|json)$/.test(f))).toEqual([]);
    expect(packedFiles).not.toContain('.specmill-manifest.json');
  });

  it('passes publint (--strict: warnings fail too)', async () => {
    const unpacked = path.join(tmp, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const { stdout } = await run(process.execPath, [PUBLINT, '--strict', path.join(unpacked, 'package')], { encoding: 'utf8' });
    expect(stdout).toContain('All good!');
  });

  it('passes @arethetypeswrong/cli with the esm-only profile', async () => {
    // attw exits 1 on any problem its profile does not ignore; `run` would throw.
    const { stdout } = await run(process.execPath, [ATTW, tarball, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(stdout) as { analysis: { problems: { kind: string; resolutionKind: string }[] } };
    // What is left is by design: `require()` from CommonJS (node16-cjs) meets an ES module.
    expect(report.analysis.problems.filter((p) => p.resolutionKind !== 'node16-cjs' && p.resolutionKind !== 'node10')).toEqual([]);
    expect(new Set(report.analysis.problems.map((p) => p.kind))).toEqual(new Set(['CJSResolvesToESM']));
  });

  it('runs as plain Node ESM JavaScript against a server', async () => {
    writeFileSync(
      path.join(project, 'main.js'),
      `import { createFlowkiwiClient } from 'specmill-clients/flowkiwi';
import { createSoftwareoneMarketplaceClient } from 'specmill-clients/softwareone-marketplace';

const baseUrl = process.argv[2];
const flowkiwi = createFlowkiwiClient({ baseUrl });
const created = await flowkiwi.createInstance({ path: { organizationId: 'org-1' }, body: { name: 'Acme', handle: 'acme' } });
const marketplace = createSoftwareoneMarketplaceClient({ baseUrl, auth: { bearerAuth: 'token' } });
const ids = [];
for await (const instance of marketplace.listExtensionInstance({ path: { extensionId: 'EXT-1' } })) ids.push(instance.id);
console.log(JSON.stringify({ created: created.id, ids }));
`,
    );
    server.reply(
      json(201, { '@id': '/api/instances/1', '@type': 'Instance', id: '1', name: 'Acme' }),
      json(200, { $meta: { pagination: { offset: 0, limit: 2, total: 3 } }, data: [{ id: 'a' }, { id: 'b' }] }),
      json(200, { $meta: { pagination: { offset: 2, limit: 2, total: 3 } }, data: [{ id: 'c' }] }),
    );
    const { stdout } = await run(process.execPath, ['main.js', server.url], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual({ created: '1', ids: ['a', 'b', 'c'] });
    expect(server.requests.slice(-3).map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/organizations/org-1/instances',
      'GET /public/v1/integration/extensions/EXT-1/instances',
      'GET /public/v1/integration/extensions/EXT-1/instances?offset=2',
    ]);
  });

  it('type-checks as strict TypeScript (misuse included) and runs compiled', async () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, outDir: 'dist' },
        files: ['main.ts'],
      }),
    );
    writeFileSync(
      path.join(project, 'main.ts'),
      `import { createElasticCloudClient, ApiError, type ElasticCloudClient } from 'specmill-clients/elastic-cloud';

declare const process: { argv: string[] };
const client: ElasticCloudClient = createElasticCloudClient({ baseUrl: process.argv[2] ?? 'http://127.0.0.1:1', auth: { apiKey: 'ApiKey k' } });

export function misuse(): void {
  // @ts-expect-error: extension_type is an enum of the spec
  void client.createExtension({ body: { name: 'n', extension_type: 'zip', version: '8.*' } });
}

try {
  const { data, headers } = await client.createExtension({ body: { name: 'n', extension_type: 'bundle', version: '8.*' } }).withResponse();
  const version: string | undefined = headers['x-cloud-resource-version'];
  console.log(JSON.stringify({ id: data.id, version }));
} catch (error) {
  if (client.isError(error, 'createExtension') && error.status === 409) {
    const codes: string | undefined = error.headers['x-cloud-error-codes'];
    console.log(JSON.stringify({ conflict: codes }));
  } else if (error instanceof ApiError) {
    console.log(JSON.stringify({ status: error.status }));
  }
}
`,
    );
    const tsc = await run(process.execPath, [TSC, '-p', project], { cwd: project, encoding: 'utf8' }).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(tsc.stdout).toBe('');
    expect('failed' in tsc).toBe(false);
    server.reply(json(409, { errors: [{ code: 'extensions.id_already_exists', message: 'taken' }] }, { 'x-cloud-error-codes': 'extensions.id_already_exists' }));
    const { stdout } = await run(process.execPath, ['dist/main.js', server.url], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual({ conflict: 'extensions.id_already_exists' });
  });
});
