// Per-API client defaults from the config reach the generated client as literals (quoted by
// generator/plan/naming.ts) and apply unless the caller passes its own options.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config/config.js';
import { runPipeline } from '../../generator/pipeline.js';
import { literalValue } from '../../generator/plan/naming.js';
import { writeOutput } from '../../generator/output/write-output.js';
import { ROOT } from '../helpers.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

interface ShopModule {
  createShopClient(options?: Record<string, unknown>): { baseUrl: string; getStore(request: { path: { storeId: string } }): Promise<unknown> };
}

const HOSTILE_URL = 'https://shop.test/"});globalThis.__specmillPwned="yes";//';

let dir: string;
let server: TestServer;
let clientJs: string;
let shop: ShopModule;
let hostile: ShopModule;
let hostileJs: string;

async function generate(name: string, client: Record<string, unknown>): Promise<string> {
  mkdirSync(path.join(dir, 'specs', name), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/apis/shop/sources'), path.join(dir, 'specs', name, 'sources'), { recursive: true });
  const config = resolveConfig({ apis: { [name]: { client } }, output: { dir: `generated-${name}` } }, dir, path.join(dir, 'specmill.config.ts'));
  const result = await runPipeline(config);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  await writeOutput({ root: dir, outputDir: config.outputDir }, result.files);
  return path.join(config.outputDir, name);
}

beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-client-defaults-'));
  mkdirSync(path.join(dir, 'node_modules'));
  for (const dep of ['openapi-fetch', 'openapi-typescript-helpers']) symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(dir, 'node_modules', dep), 'dir');
  const out = await generate('shop', { baseUrl: server.url, retry: false, timeoutMs: 5000 });
  clientJs = readFileSync(path.join(out, 'client.js'), 'utf8');
  shop = (await import(pathToFileURL(path.join(out, 'index.js')).href)) as ShopModule;
  const hostileOut = await generate('hostile-shop', { baseUrl: HOSTILE_URL });
  hostileJs = readFileSync(path.join(hostileOut, 'client.js'), 'utf8');
  hostile = (await import(pathToFileURL(path.join(hostileOut, 'index.js')).href)) as ShopModule;
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('client defaults from the config', () => {
  it('are written into the factory, under the caller\'s options', () => {
    const flat = clientJs.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
    expect(flat).toContain(`createRuntime({ ...{ baseUrl: '${server.url}', retry: false, timeoutMs: 5000 }, ...options }, api)`);
  });

  it('apply when the caller passes nothing: the base URL, and no retry of a 503', async () => {
    const client = shop.createShopClient();
    expect(client.baseUrl).toBe(server.url);
    server.reply(json(503, { message: 'busy' }));
    const before = server.requests.length;
    await expect(client.getStore({ path: { storeId: 's1' } })).rejects.toMatchObject({ status: 503 });
    expect(server.requests.length - before).toBe(1);
  });

  it("give way to the caller's own options", async () => {
    const client = shop.createShopClient({ retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 } });
    server.reply(json(503, { message: 'busy' }), json(200, { id: 's1' }));
    const before = server.requests.length;
    expect(await client.getStore({ path: { storeId: 's1' } })).toEqual({ id: 's1' });
    expect(server.requests.length - before).toBe(2);
  });

  it('quote a hostile base URL as data, never as code', () => {
    expect((globalThis as { __specmillPwned?: string }).__specmillPwned).toBeUndefined();
    expect(hostileJs).toContain(`baseUrl: '${HOSTILE_URL}'`);
    const client = (hostile as unknown as { createHostileShopClient(): { baseUrl: string } }).createHostileShopClient();
    expect(client.baseUrl).toMatch(/^https:\/\/shop\.test\//);
  });

  it.each([
    ['a string with a line separator', 'a\u2028b', '"a\\u2028b"'],
    ['a nested object with odd keys', { 'x-y': [1, true, null], __proto__x: 'z' }, '{ "x-y": [1, true, null], __proto__x: "z" }'],
  ])('literalValue: %s', (_name, value, literal) => {
    expect(literalValue(value)).toBe(literal);
  });

  it('literalValue refuses what is not plain data', () => {
    expect(() => literalValue(Number.NaN)).toThrow(/NaN/);
    expect(() => literalValue(() => 1)).toThrow(/function/);
    expect(() => literalValue(new Date(0))).toThrow(/object/);
  });
});
