// The generated SoftwareOne client, imported as a consumer imports it, against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, importAsConsumer, type ConsumerProject } from '../support/consumer.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

type Module = typeof import('../../generated/softwareone-marketplace/index.js');

let server: TestServer;
let consumer: ConsumerProject;
let api: Module;

beforeAll(async () => {
  server = await startServer();
  consumer = createConsumerProject();
  api = await importAsConsumer<Module>(consumer, 'softwareone-marketplace');
});

afterAll(async () => {
  await server.close();
  consumer.remove();
});

const instance = { id: 'INS-1', name: 'Demo', status: 'Running', revision: 1 };

describe('softwareone-marketplace client', () => {
  it('creates an instance: method, encoded path, JSON body, typed 201', async () => {
    server.reply(json(201, instance));
    const client = api.createSoftwareoneMarketplaceClient({ baseUrl: server.url, headers: { Authorization: 'Bearer t' } });
    const created = await client.createExtensionInstance({
      path: { extensionId: 'a/b ?#' },
      body: { externalId: 'ext-1', version: '1.0', meta: { id: 'EXT-1', revision: 2 } },
    });
    expect(created).toEqual(instance);
    const request = server.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/public/v1/integration/extensions/a%2Fb%20%3F%23/instances');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer t');
    expect(JSON.parse(request.body)).toEqual({ externalId: 'ext-1', version: '1.0', meta: { id: 'EXT-1', revision: 2 } });
  });

  it('lists instances with the whole response on request', async () => {
    const page = { $meta: { pagination: { offset: 0, limit: 10, total: 1 } }, data: [instance] };
    server.reply(json(200, page, { 'x-trace': 't-1' }));
    const client = api.createSoftwareoneMarketplaceClient({ baseUrl: server.url });
    const { data, status, response } = await client.listExtensionInstance({ path: { extensionId: 'EXT-1' } }).withResponse();
    expect(status).toBe(200);
    expect(response.headers.get('x-trace')).toBe('t-1');
    expect(data.data?.[0]?.status).toBe('Running');
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', url: '/public/v1/integration/extensions/EXT-1/instances' });
  });

  it('surfaces a 400 ProblemDetails as the typed error of the operation', async () => {
    const problem = { type: 'https://errors.example.test/validation', title: 'Invalid version', status: 400, detail: 'version is required' };
    server.reply(json(400, problem));
    const client = api.createSoftwareoneMarketplaceClient({ baseUrl: server.url });
    const error: unknown = await client.createExtensionInstance({ path: { extensionId: 'EXT-1' }, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.ApiError);
    if (!client.isError(error, 'createExtensionInstance')) throw new Error('expected the documented 400');
    expect(error.status).toBe(400);
    if (error.status !== 400) return;
    expect(error.body.title).toBe('Invalid version');
    expect(error.rawText).toBe(JSON.stringify(problem));
    expect(error.message).toBe(`POST ${server.url}/public/v1/integration/extensions/EXT-1/instances failed with status 400 (createExtensionInstance)`);
  });

  it('does not call an undocumented status a documented error', async () => {
    server.reply({ status: 503, body: 'busy', headers: { 'content-type': 'text/plain' } });
    const client = api.createSoftwareoneMarketplaceClient({ baseUrl: server.url });
    const error: unknown = await client.listExtensionInstance({ path: { extensionId: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.ApiError);
    expect(client.isError(error, 'listExtensionInstance')).toBe(false);
    expect((error as InstanceType<typeof api.ApiError>).body).toBe('busy');
  });

  it('refuses a path parameter that would change the path, before any request', async () => {
    const client = api.createSoftwareoneMarketplaceClient({ baseUrl: server.url });
    const before = server.requests.length;
    for (const extensionId of ['..', '.', '']) {
      await expect(client.listExtensionInstance({ path: { extensionId } })).rejects.toBeInstanceOf(api.RequestError);
    }
    expect(server.requests.length).toBe(before);
  });

  it('pages through a list by offset, the page size kept, until the total', async () => {
    const page = (offset: number, n: number) => ({
      $meta: { pagination: { offset, limit: 2, total: 5 } },
      data: Array.from({ length: n }, (_, i) => ({ ...instance, id: `INS-${offset + i}` })),
    });
    server.reply(json(200, page(0, 2)), json(200, page(2, 2)), json(200, page(4, 1)));
    const client = api.createSoftwareoneMarketplaceClient({ baseUrl: server.url });
    const ids: (string | undefined)[] = [];
    for await (const item of client.listExtensionInstance({ path: { extensionId: 'EXT-1' }, query: { limit: 2 } })) ids.push(item.id);
    expect(ids).toEqual(['INS-0', 'INS-1', 'INS-2', 'INS-3', 'INS-4']);
    expect(server.requests.slice(-3).map((r) => r.url)).toEqual([
      '/public/v1/integration/extensions/EXT-1/instances?limit=2',
      '/public/v1/integration/extensions/EXT-1/instances?limit=2&offset=2',
      '/public/v1/integration/extensions/EXT-1/instances?limit=2&offset=4',
    ]);
  });

  it('defaults to the server the pages name', () => {
    expect(api.createSoftwareoneMarketplaceClient().baseUrl).toBe('https://api.platform.softwareone.com');
  });
});
