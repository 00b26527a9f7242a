// The generated Elastic Cloud client (from a Bump.sh page), imported as a consumer imports it,
// against a real server: typed response headers next to the body, typed errors with their codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, importAsConsumer, type ConsumerProject } from '../support/consumer.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

type Module = typeof import('../../generated/elastic-cloud/index.js');

let server: TestServer;
let consumer: ConsumerProject;
let api: Module;

beforeAll(async () => {
  server = await startServer();
  consumer = createConsumerProject();
  api = await importAsConsumer<Module>(consumer, 'elastic-cloud');
});

afterAll(async () => {
  await server.close();
  consumer.remove();
});

describe('elastic-cloud client', () => {
  it('creates an extension and gives the typed resource headers with the body', async () => {
    const extension = { id: 'ext-1', name: 'analysis', url: 'repo://ext-1', extension_type: 'bundle', version: '8.*', deployments: [] };
    server.reply(
      json(201, extension, {
        'x-cloud-resource-version': '3',
        'x-cloud-resource-created': '2026-11-23T10:00:00Z',
        'x-cloud-resource-last-modified': '2026-11-23T10:00:01Z',
        'x-undocumented': 'not typed',
      }),
    );
    const client = api.createElasticCloudClient({ baseUrl: server.url, headers: { Authorization: 'ApiKey k' } });
    const { data, status, headers, response } = await client
      .createExtension({ body: { name: 'analysis', extension_type: 'bundle', version: '8.*' } })
      .withResponse();
    expect(status).toBe(201);
    expect(data).toEqual(extension);
    expect(headers).toEqual({
      'x-cloud-resource-version': '3',
      'x-cloud-resource-created': '2026-11-23T10:00:00Z',
      'x-cloud-resource-last-modified': '2026-11-23T10:00:01Z',
    });
    expect(response.headers.get('x-undocumented')).toBe('not typed');
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/deployments/extensions' });
    expect(JSON.parse(request.body)).toEqual({ name: 'analysis', extension_type: 'bundle', version: '8.*' });
  });

  it('raises a 409 with its error body and x-cloud-error-codes header', async () => {
    const body = { errors: [{ code: 'extensions.id_already_exists', message: 'An extension already exists' }] };
    server.reply(json(409, body, { 'x-cloud-error-codes': 'extensions.id_already_exists' }));
    const client = api.createElasticCloudClient({ baseUrl: server.url });
    const error: unknown = await client.createExtension({ body: { name: 'analysis', extension_type: 'bundle', version: '8.*' } }).catch((e: unknown) => e);
    if (!client.isError(error, 'createExtension')) throw new Error(`expected the documented 409, got ${String(error)}`);
    expect(error.status).toBe(409);
    if (error.status === 409) {
      expect(error.headers['x-cloud-error-codes']).toBe('extensions.id_already_exists');
      expect(error.body.errors?.[0]).toEqual({ code: 'extensions.id_already_exists', message: 'An extension already exists' });
    }
  });

  it('defaults to the server on the page', () => {
    expect(api.createElasticCloudClient().baseUrl).toBe('https://api.elastic-cloud.com/api/v1');
  });
});
