// Redirects against real servers on 127.0.0.1: `home` is the API, `other` a second listener (another
// port, so another origin) that a hostile or careless redirect points to. Nothing the runtime adds as
// a credential may reach `other`, and no hop may go on past the limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../templates/runtime/client.js';
import type { ClientOptions, OperationSpec } from '../../templates/runtime/contracts.js';
import { RedirectError } from '../../templates/runtime/errors.js';
import { json, startServer, type RecordedRequest, type TestServer } from '../support/http-server.js';

let home: TestServer;
let other: TestServer;
beforeAll(async () => {
  [home, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([home.close(), other.close()]);
});
beforeEach(() => {
  home.requests.length = 0;
  other.requests.length = 0;
  other.reply(json(200, { from: 'other' }));
});

const schemes = {
  bearer: { type: 'bearer' },
  headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
} as const;
const auth = { bearer: 'bearer-secret', headerKey: 'header-secret', queryKey: 'query-secret', cookieKey: 'cookie-secret' };
const SECRETS = ['bearer-secret', 'header-secret', 'query-secret', 'cookie-secret', 'client-secret', 'call-secret', 'param-secret'];
const security = [['bearer', 'headerKey', 'queryKey', 'cookieKey']];

const getItem: OperationSpec = { operationId: 'getItem', method: 'get', path: '/items/{id}', errors: [], json: ['200'], security };
const createItem: OperationSpec = { operationId: 'createItem', method: 'post', path: '/items', errors: [], json: ['200', '201'], bodyMediaType: 'application/json', security };

function runtime(options: ClientOptions = {}) {
  return createRuntime(
    { baseUrl: home.url, auth, headers: { 'X-Client-Token': 'client-secret' }, retry: { initialDelayMs: 1, maxDelayMs: 20 }, ...options },
    { title: 'Test API', servers: [], securitySchemes: schemes },
  );
}

/** Everything a server learnt from a request. */
function seen(request: RecordedRequest): string {
  return JSON.stringify(request);
}

function expectNoSecrets(request: RecordedRequest) {
  for (const secret of SECRETS) expect(seen(request)).not.toContain(secret);
}

const withCredentials = { path: { id: '1' }, header: { 'X-Param-Token': 'param-secret' } };
const callOptions = { headers: { 'X-Call-Token': 'call-secret' } };

describe('a redirect to another origin', () => {
  it.each([301, 302, 303, 307, 308])('%i: a GET follows it with no credential the runtime added', async (status) => {
    home.reply({ status, headers: { location: `${other.url}/landing?page=2&api_key=query-secret` } });
    const data = await runtime().call(getItem, withCredentials, callOptions);
    expect(data).toEqual({ from: 'other' });
    expect(home.requests).toHaveLength(1);
    for (const secret of SECRETS) expect(seen(home.requests[0]!)).toContain(secret.startsWith('query') ? 'api_key=query-secret' : secret);
    expect(other.requests).toHaveLength(1);
    expectNoSecrets(other.requests[0]!);
    expect(other.requests[0]!.url).toBe('/landing?page=2');
  });

  it.each([301, 302, 303])('%i after a POST: a GET without the body, the idempotency key or credentials', async (status) => {
    home.reply({ status, headers: { location: `${other.url}/landing` } });
    await runtime().call(createItem, { body: { name: 'a' } }, { ...callOptions, idempotencyKey: 'key-1' });
    expect(other.requests).toHaveLength(1);
    const hop = other.requests[0]!;
    expect(hop).toMatchObject({ method: 'GET', body: '' });
    expect(hop.headers['content-type']).toBeUndefined();
    expect(hop.headers['idempotency-key']).toBeUndefined();
    expectNoSecrets(hop);
  });

  it.each([307, 308])('%i after a POST would send the body again: RedirectError, not retried, nothing sent there', async (status) => {
    home.reply({ status, headers: { location: `${other.url}/landing` } });
    const error = await runtime()
      .call(createItem, { body: { name: 'a' } }, { idempotencyKey: 'key-1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(status);
    expect((error as Error).message).toMatch(/would send the body again \(redirects\.crossOriginBody is "refuse"\)/);
    expect(home.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it("with crossOriginBody: 'resend', a 307 sends the body and its idempotency key there, and still no credentials", async () => {
    home.reply({ status: 307, headers: { location: `${other.url}/landing` } });
    await runtime({ redirects: { crossOriginBody: 'resend' } }).call(createItem, { body: { name: 'a' } }, { idempotencyKey: 'key-1' });
    const hop = other.requests[0]!;
    expect(hop).toMatchObject({ method: 'POST', body: '{"name":"a"}' });
    expect(hop.headers['content-type']).toBe('application/json');
    expect(hop.headers['idempotency-key']).toBe('key-1');
    expectNoSecrets(hop);
  });

  it("with crossOrigin: 'refuse', is a RedirectError and nothing is sent there", async () => {
    home.reply({ status: 302, headers: { location: `${other.url}/landing` } });
    await expect(runtime({ redirects: { crossOrigin: 'refuse' } }).call(getItem, withCredentials)).rejects.toThrow(/leads to another origin \(redirects\.crossOrigin is "refuse"\)/);
    expect(other.requests).toHaveLength(0);
  });

  it("with crossOrigin: 'keep', takes every header there (the caller trusts it)", async () => {
    home.reply({ status: 302, headers: { location: `${other.url}/landing` } });
    await runtime({ redirects: { crossOrigin: 'keep' } }).call(getItem, withCredentials, callOptions);
    expect(other.requests[0]!.headers['x-api-key']).toBe('header-secret');
    expect(other.requests[0]!.headers['x-call-token']).toBe('call-secret');
  });

  it("with follow: 'fetch', is left to fetch, which sends custom headers on: why it is not the default", async () => {
    home.reply({ status: 302, headers: { location: `${other.url}/landing` } });
    await runtime({ redirects: { follow: 'fetch' } }).call(getItem, withCredentials);
    expect(other.requests[0]!.headers['x-api-key']).toBe('header-secret');
  });

  it('that fetch hides (as browsers do) is a RedirectError, not a network error to retry', async () => {
    home.reply({ status: 302, headers: { location: `${other.url}/landing` } });
    // What a browser's fetch answers to `redirect: 'manual'` (Fetch standard): an opaque redirect, status 0.
    const browserFetch = async (request: Request) => {
      const response = await fetch(request);
      return response.status === 302 ? Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 } }) : response;
    };
    const error = await runtime({ fetch: browserFetch })
      .call(getItem, withCredentials)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(0);
    expect((error as Error).message).toMatch(/this fetch hides where to \(browsers do\): not followed/);
    expect(home.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });
});

describe('a redirect within the origin', () => {
  it('keeps every header, and a relative Location resolves against the current URL', async () => {
    home.reply({ status: 301, headers: { location: 'moved/here?x=1' } }, json(200, { moved: true }));
    expect(await runtime().call(getItem, withCredentials, callOptions)).toEqual({ moved: true });
    const hop = home.requests[1]!;
    expect(hop.url).toBe('/items/moved/here?x=1');
    expect(hop.headers.authorization).toBe('Bearer bearer-secret');
    expect(hop.headers['x-api-key']).toBe('header-secret');
    expect(hop.headers['x-call-token']).toBe('call-secret');
  });

  it('307 after a POST sends the same body and idempotency key again', async () => {
    home.reply({ status: 307, headers: { location: '/items/v2' } }, json(201, { id: '1' }));
    expect(await runtime().call(createItem, { body: { name: 'a' } }, { idempotencyKey: 'key-1' })).toEqual({ id: '1' });
    expect(home.requests.map((r) => [r.method, r.url, r.body, r.headers['idempotency-key']])).toEqual([
      ['POST', '/items?api_key=query-secret', '{"name":"a"}', 'key-1'],
      // The Location is the whole new URL: the runtime does not add query credentials to it.
      ['POST', '/items/v2', '{"name":"a"}', 'key-1'],
    ]);
  });

  it('303 after a POST is a GET without body, content type or idempotency key', async () => {
    home.reply({ status: 303, headers: { location: '/items/1' } }, json(200, { id: '1' }));
    await runtime().call(createItem, { body: { name: 'a' } }, { idempotencyKey: 'key-1' });
    const hop = home.requests[1]!;
    expect(hop).toMatchObject({ method: 'GET', url: '/items/1', body: '' });
    expect(hop.headers['content-type']).toBeUndefined();
    expect(hop.headers['idempotency-key']).toBeUndefined();
    expect(hop.headers.authorization).toBe('Bearer bearer-secret');
  });
});

describe('hops the runtime never takes', () => {
  it('a loop stops at the hop limit (5), as a RedirectError that is not retried', async () => {
    home.reply({ status: 302, headers: { location: '/items/1' } });
    const error = await runtime().call(getItem, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toMatch(/more than 5 redirects \(redirects\.maxHops\)/);
    expect(home.requests).toHaveLength(6);
  });

  it('the hop limit is an option', async () => {
    home.reply({ status: 302, headers: { location: '/items/1' } });
    await expect(runtime({ redirects: { maxHops: 1 } }).call(getItem, { path: { id: '1' } })).rejects.toThrow(/more than 1 redirects/);
    expect(home.requests).toHaveLength(2);
    home.requests.length = 0;
    await expect(runtime({ redirects: { maxHops: 0 } }).call(getItem, { path: { id: '1' } })).rejects.toBeInstanceOf(RedirectError);
    expect(home.requests).toHaveLength(1);
  });

  it.each([
    ['credentials in the Location', () => `http://user:secret@127.0.0.1:${new URL(other.url).port}/x`, /the Location carries credentials/],
    ['a Location that is not a URL', () => 'http://[::1', /the Location is not a URL/],
    ['a scheme other than http(s)', () => 'file:///etc/passwd', /the Location is not http or https/],
  ])('%s', async (_name, location, message) => {
    home.reply({ status: 302, headers: { location: location() } });
    const error = await runtime().call(getItem, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toMatch(message);
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('secret');
    expect(home.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });
});

describe('pagination', () => {
  const listItems: OperationSpec = { operationId: 'listItems', method: 'get', path: '/items', errors: [], json: ['200'], security, pagination: { style: 'next-link', items: '/data', nextLink: '/next' } };

  it("a next link under the base URL that redirects elsewhere is refused, whatever the client's policy", async () => {
    home.reply(json(200, { data: [1], next: `${home.url}/items?cursor=2` }), { status: 302, headers: { location: `${other.url}/items?cursor=2` } });
    for (const redirects of [{}, { crossOrigin: 'keep' as const }]) {
      const walk = async () => {
        for await (const item of runtime({ redirects }).paginate(listItems, {})) void item;
      };
      await expect(walk()).rejects.toThrow(/leads to another origin/);
    }
    expect(other.requests).toHaveLength(0);
  });

  it('a redirect within the origin is followed', async () => {
    home.reply(json(200, { data: [1], next: `${home.url}/items?cursor=2` }), { status: 302, headers: { location: '/items?cursor=2b' } }, json(200, { data: [2], next: null }));
    const items: unknown[] = [];
    for await (const item of runtime().paginate(listItems, {})) items.push(item);
    expect(items).toEqual([1, 2]);
  });
});
