// The generated clients in a browser: each API's entry bundled by esbuild for the browser, loaded
// by headless Chromium from one origin and calling the loopback test server on another, so every
// call goes through real CORS (preflights included). One call per API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, launchChromium, type Browser } from '../support/browser.js';
import { createConsumerProject, type ConsumerProject } from '../support/consumer.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const APIS = ['softwareone-marketplace', 'elastic-cloud', 'cloud-foundry', 'flowkiwi'];

let api: TestServer;
/** A second API origin, where a redirect points. */
let other: TestServer;
let site: Server;
let siteUrl: string;
let consumer: ConsumerProject;
let browser: Browser;
let page: Page;
const bundles = new Map<string, string>();

/** Runs `body` (an async function body, as text) in the page with `client` bound to the API's module. */
function inPage<T>(name: string, body: string): Promise<T> {
  // A string, not a function: vitest rewrites `import()` inside test code for Node.
  return page.evaluate(`(async () => {
    const module = await import(${JSON.stringify(`${siteUrl}/${name}.js`)});
    const baseUrl = ${JSON.stringify(api.url)};
    ${body}
  })()`) as Promise<T>;
}

describeInBrowser('the generated clients in headless Chromium', () => {
  beforeAll(async () => {
    api = await startServer({ cors: true });
    other = await startServer({ cors: true });
    consumer = createConsumerProject();
    for (const name of APIS) {
      const out = await build({
        stdin: { contents: `export * from 'specmill-clients/${name}';\n`, resolveDir: consumer.dir, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      bundles.set(`/${name}.js`, out.outputFiles[0]!.text);
    }
    site = createServer((req, res) => {
      const bundle = bundles.get(req.url ?? '');
      if (bundle !== undefined) res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>specmill clients</title>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(`${siteUrl}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await api?.close();
    await other?.close();
    consumer?.remove();
  });

  it('bundles every client for the browser without Node built-ins', () => {
    for (const name of APIS) {
      const bundle = bundles.get(`/${name}.js`)!;
      expect(bundle).not.toMatch(/from ["']node:/);
      expect(bundle.length).toBeGreaterThan(1000);
    }
  });

  it('softwareone-marketplace: lists a page with a bearer token, after a preflight', async () => {
    api.reply(json(200, { $meta: { pagination: { offset: 0, limit: 10, total: 1 } }, data: [{ id: 'INS-1', status: 'Running' }] }));
    const preflights = api.preflights.length;
    const page1 = await inPage<{ data: { id: string }[] }>(
      'softwareone-marketplace',
      `const client = module.createSoftwareoneMarketplaceClient({ baseUrl, auth: { bearerAuth: 'browser-token' } });
       return await client.listExtensionInstance({ path: { extensionId: 'EXT/1' } });`,
    );
    expect(page1.data).toEqual([{ id: 'INS-1', status: 'Running' }]);
    const sent = api.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'GET', url: '/public/v1/integration/extensions/EXT%2F1/instances' });
    expect(sent.headers.authorization).toBe('Bearer browser-token');
    expect(sent.headers.origin).toBe(siteUrl);
    expect(api.preflights.length).toBe(preflights + 1);
    expect(api.preflights.at(-1)!.headers['access-control-request-headers']).toContain('authorization');
  });

  it('elastic-cloud: creates an extension and reads the documented headers CORS exposes', async () => {
    const extension = { id: 'ext-1', name: 'analysis', url: 'repo://ext-1', extension_type: 'bundle', version: '8.*', deployments: [] };
    api.reply(json(201, extension, { 'x-cloud-resource-version': '3' }));
    const result = await inPage<{ status: number; data: unknown; headers: Record<string, string> }>(
      'elastic-cloud',
      `const client = module.createElasticCloudClient({ baseUrl, auth: { apiKey: 'ApiKey browser-key' } });
       const { status, data, headers } = await client.createExtension({ body: { name: 'analysis', extension_type: 'bundle', version: '8.*' } }).withResponse();
       return { status, data, headers };`,
    );
    expect(result).toMatchObject({ status: 201, data: extension, headers: { 'x-cloud-resource-version': '3' } });
    const sent = api.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', url: '/deployments/extensions' });
    expect(sent.headers.authorization).toBe('ApiKey browser-key');
    expect(JSON.parse(sent.body)).toEqual({ name: 'analysis', extension_type: 'bundle', version: '8.*' });
  });

  it('cloud-foundry: a 202 gives the job URL from its Location header', async () => {
    api.reply({ status: 202, headers: { location: `${api.url}/v3/jobs/job-1` } });
    const result = await inPage<{ status: number; location: string }>(
      'cloud-foundry',
      `const client = module.createCloudFoundryClient({ baseUrl, auth: { bearerAuth: async () => 'uaa-token' } });
       const body = { type: 'managed', name: 'my-db', relationships: { space: { data: { guid: 'space-guid' } } } };
       const { status, headers } = await client.createServiceInstance({ body }).withResponse();
       return { status, location: headers.Location };`,
    );
    expect(result).toEqual({ status: 202, location: `${api.url}/v3/jobs/job-1` });
    expect(api.requests.at(-1)!.headers.authorization).toBe('Bearer uaa-token');
  });

  it('flowkiwi: a 422 is a typed ApiError in the browser too', async () => {
    api.reply(json(422, { '@type': 'ConstraintViolationList', status: 422, violations: [{ propertyPath: 'handle', message: 'taken' }] }));
    const result = await inPage<{ documented: boolean; status: number; path: string; isApiError: boolean }>(
      'flowkiwi',
      `const client = module.createFlowkiwiClient({ baseUrl, retry: false });
       try {
         await client.createInstance({ path: { organizationId: 'org-1' }, body: { name: 'Acme', handle: 'taken' } });
         return { documented: false };
       } catch (error) {
         return { documented: client.isError(error, 'createInstance'), status: error.status, path: error.body.violations[0].propertyPath, isApiError: error instanceof module.ApiError };
       }`,
    );
    expect(result).toEqual({ documented: true, status: 422, path: 'handle', isApiError: true });
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/organizations/org-1/instances' });
  });

  it('a redirect, whose target the browser hides, is a RedirectError: nothing reaches the other origin', async () => {
    api.reply({ status: 302, headers: { location: `${other.url}/elsewhere` } });
    const before = api.requests.length;
    const result = await inPage<{ name: string; isRedirectError: boolean; status: number }>(
      'softwareone-marketplace',
      `const client = module.createSoftwareoneMarketplaceClient({ baseUrl, auth: { bearerAuth: 'browser-token' } });
       try {
         await client.listExtensionInstance({ path: { extensionId: 'EXT-1' } });
         return { name: 'none' };
       } catch (error) {
         return { name: error.name, isRedirectError: error instanceof module.RedirectError, status: error.status };
       }`,
    );
    expect(result).toEqual({ name: 'RedirectError', isRedirectError: true, status: 0 });
    // One request, not retried, and the other origin saw nothing (no preflight either).
    expect(api.requests.length).toBe(before + 1);
    expect(other.requests).toHaveLength(0);
    expect(other.preflights).toHaveLength(0);
  });
});
