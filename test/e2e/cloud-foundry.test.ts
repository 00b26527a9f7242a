// The generated Cloud Foundry client (from a page of JSON samples), imported as a consumer imports
// it, against a real server: 201 with the instance, 202 with the job URL, 422 error envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, importAsConsumer, type ConsumerProject } from '../support/consumer.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

type Module = typeof import('../../generated/cloud-foundry/index.js');

let server: TestServer;
let consumer: ConsumerProject;
let api: Module;

beforeAll(async () => {
  server = await startServer();
  consumer = createConsumerProject();
  api = await importAsConsumer<Module>(consumer, 'cloud-foundry');
});

afterAll(async () => {
  await server.close();
  consumer.remove();
});

const request = {
  body: {
    type: 'user-provided',
    name: 'my-db',
    credentials: { password: 'secret' },
    relationships: { space: { data: { guid: 'space-guid' } } },
  },
};

describe('cloud-foundry client', () => {
  it('creates a user-provided instance (201) with the bearer token', async () => {
    const created = { guid: 'si-1', name: 'my-db', type: 'user-provided', tags: [] };
    server.reply(json(201, created));
    const client = api.createCloudFoundryClient({ baseUrl: server.url, auth: { bearerAuth: async () => 'uaa-token' } });
    expect(await client.createServiceInstance(request)).toEqual(created);
    const sent = server.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', url: '/v3/service_instances' });
    expect(sent.headers.authorization).toBe('Bearer uaa-token');
    expect(JSON.parse(sent.body)).toEqual(request.body);
  });

  it('gives the job URL of a 202 from its Location header', async () => {
    server.reply({ status: 202, headers: { location: `${server.url}/v3/jobs/job-1` } });
    const client = api.createCloudFoundryClient({ baseUrl: server.url, auth: { bearerAuth: 't' } });
    const { status, data, headers } = await client.createServiceInstance({ body: { ...request.body, type: 'managed' } }).withResponse();
    expect(status).toBe(202);
    expect(data).toBeUndefined();
    expect(headers.Location).toBe(`${server.url}/v3/jobs/job-1`);
  });

  it('raises a 422 with the error envelope typed', async () => {
    const envelope = { errors: [{ code: 10008, title: 'CF-UnprocessableEntity', detail: 'Name must be unique' }] };
    server.reply(json(422, envelope));
    const client = api.createCloudFoundryClient({ baseUrl: server.url });
    const error: unknown = await client.createServiceInstance(request).catch((e: unknown) => e);
    if (!client.isError(error, 'createServiceInstance')) throw new Error(`expected a documented error, got ${String(error)}`);
    expect(error.status).toBe(422);
    if (error.status !== 422) return;
    expect(error.body.errors?.[0]?.detail).toBe('Name must be unique');
  });

  it('takes the api_host server variable', () => {
    expect(api.createCloudFoundryClient().baseUrl).toBe('https://api.example.local');
    expect(api.createCloudFoundryClient({ serverVariables: { api_host: 'api.sys.example.test' } }).baseUrl).toBe('https://api.sys.example.test');
  });
});
