// The generated Flowkiwi client (from a page of property tables), imported as a consumer imports
// it, against a real server: 201 with a JSON-LD body, 422 with violations, no server by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, importAsConsumer, type ConsumerProject } from '../support/consumer.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

type Module = typeof import('../../generated/flowkiwi/index.js');

let server: TestServer;
let consumer: ConsumerProject;
let api: Module;

beforeAll(async () => {
  server = await startServer();
  consumer = createConsumerProject();
  api = await importAsConsumer<Module>(consumer, 'flowkiwi');
});

afterAll(async () => {
  await server.close();
  consumer.remove();
});

describe('flowkiwi client', () => {
  it('refuses to run without a host, saying what to pass', () => {
    expect(() => api.createFlowkiwiClient()).toThrow(/Flowkiwi API: no value for the server variable "host" \(pass serverVariables/);
    expect(api.createFlowkiwiClient({ serverVariables: { host: 'api.flowkiwi.example' } }).baseUrl).toBe('https://api.flowkiwi.example');
  });

  it('creates an instance (201), JSON-LD keys and all', async () => {
    const created = {
      '@context': { '@vocab': 'https://schema.example/' },
      '@id': '/api/instances/1',
      '@type': 'Instance',
      id: '1',
      name: 'Acme EU',
      handle: 'acme-eu',
      created_at: '2026-11-23T10:00:00Z',
    };
    server.reply(json(201, created));
    const client = api.createFlowkiwiClient({ baseUrl: server.url });
    const instance = await client.createInstance({ path: { organizationId: 'org/1' }, body: { name: 'Acme EU', handle: 'acme-eu' } });
    expect(instance['@id']).toBe('/api/instances/1');
    expect(instance['@type']).toBe('Instance');
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/organizations/org%2F1/instances' });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ name: 'Acme EU', handle: 'acme-eu' });
  });

  it('raises a 422 with its violations typed', async () => {
    const body = {
      '@id': '/api/errors/422',
      '@type': 'ConstraintViolationList',
      status: 422,
      title: 'An error occurred',
      violations: [{ propertyPath: 'handle', message: 'This value is already used.', code: 'unique' }],
    };
    server.reply(json(422, body));
    const client = api.createFlowkiwiClient({ baseUrl: server.url });
    const error: unknown = await client.createInstance({ path: { organizationId: 'o' }, body: { name: 'x', handle: 'taken' } }).catch((e: unknown) => e);
    if (!client.isError(error, 'createInstance')) throw new Error(`expected a documented error, got ${String(error)}`);
    expect(error.status).toBe(422);
    if (error.status !== 422) return;
    expect(error.body.violations?.[0]?.propertyPath).toBe('handle');
    expect(error.body['@type']).toBe('ConstraintViolationList');
  });

  it('raises a 400 problem details typed', async () => {
    server.reply(json(400, { '@id': '/e', '@type': 'Error', title: 'Invalid input', detail: 'handle: bad', status: 400 }));
    const client = api.createFlowkiwiClient({ baseUrl: server.url });
    const error: unknown = await client.createInstance({ path: { organizationId: 'o' }, body: { name: 'x', handle: 'Bad' } }).catch((e: unknown) => e);
    if (!client.isError(error, 'createInstance') || error.status !== 400) throw new Error('expected the documented 400');
    expect(error.body.detail).toBe('handle: bad');
  });
});
