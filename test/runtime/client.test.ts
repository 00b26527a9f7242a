// The runtime against a real server on 127.0.0.1: every feature has a test that fails without it.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../../templates/runtime/client.js';
import type { ClientOptions, OperationSpec } from '../../templates/runtime/contracts.js';
import { ApiError, ConnectionError, PaginationError, RequestError, ResponseParseError, TimeoutError } from '../../templates/runtime/errors.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const getItem: OperationSpec = { operationId: 'getItem', method: 'get', path: '/items/{id}', errors: ['404'], json: ['200', '404'] };
const listItems: OperationSpec = { operationId: 'listItems', method: 'get', path: '/items', errors: [], json: ['200'] };
const createItem: OperationSpec = { operationId: 'createItem', method: 'post', path: '/items', errors: [], json: ['201'], bodyMediaType: 'application/json' };

const fast = { retry: { initialDelayMs: 1, maxDelayMs: 50 } } satisfies ClientOptions;

function runtime(options: ClientOptions = {}, securitySchemes = {}) {
  return createRuntime({ baseUrl: server.url, ...fast, ...options }, { title: 'Test API', servers: [], securitySchemes });
}

/**
 * The backoffs the runtime asks for, read from the timers its retry module sets: the tests check the
 * delays the client chose, never the wall clock (a loaded machine would make that flaky).
 */
function recordBackoffs() {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const backoffs: { ms: number; cleared: boolean }[] = [];
  const handles = new Map<unknown, { ms: number; cleared: boolean }>();
  const set = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number, ...rest: unknown[]) => {
    const handle = realSet(callback, ms, ...rest);
    if (/templates[\\/]runtime[\\/]retry\.ts/.test(new Error().stack ?? '')) {
      const backoff = { ms: ms ?? 0, cleared: false };
      backoffs.push(backoff);
      handles.set(handle, backoff);
    }
    return handle;
  }) as typeof setTimeout);
  const clear = vi.spyOn(globalThis, 'clearTimeout').mockImplementation((handle) => {
    const backoff = handles.get(handle);
    if (backoff) backoff.cleared = true;
    realClear(handle);
  });
  return {
    backoffs,
    restore() {
      set.mockRestore();
      clear.mockRestore();
    },
  };
}

describe('safe URLs', () => {
  it.each([
    ['a/b', '/items/a%2Fb'],
    ['%2e%2e', '/items/%252e%252e'],
    ['?x=1', '/items/%3Fx%3D1'],
    ['#frag', '/items/%23frag'],
    ['a b', '/items/a%20b'],
    ["it's (1)*", '/items/it%27s%20%281%29%2A'],
    ['..a', '/items/..a'],
  ])('keeps %j in its segment', async (id, want) => {
    server.reply(json(200, {}));
    await runtime().call(getItem, { path: { id } });
    expect(server.requests.at(-1)!.url).toBe(want);
  });

  it.each(['..', '.', ''])('refuses %j before any request', async (id) => {
    await expect(runtime().call(getItem, { path: { id } })).rejects.toBeInstanceOf(RequestError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a missing required path parameter before any request', async () => {
    await expect(runtime().call(getItem, {})).rejects.toThrow('missing path parameter "id" for /items/{id}');
    expect(server.requests).toHaveLength(0);
  });

  it('encodes query names, values and deepObject keys so none can add a parameter', async () => {
    server.reply(json(200, []));
    await runtime().call(listItems, { query: { 'a&admin=1': 'x&y=2', filter: { 'k]&admin=1&z[': 'v#' }, tags: ['a', 'b&c'] } });
    const url = new URL(server.requests.at(-1)!.url, server.url);
    expect([...url.searchParams.keys()]).toEqual(['a&admin=1', 'filter[k]&admin=1&z[]', 'tags', 'tags']);
    expect(url.searchParams.get('a&admin=1')).toBe('x&y=2');
    expect(url.searchParams.getAll('tags')).toEqual(['a', 'b&c']);
  });

  it('fills server variables in the server part only', () => {
    const servers = [{ url: 'https://{host}/v3', variables: { host: { default: 'api.example.test' } } }];
    const api = { title: 'T', servers, securitySchemes: {} };
    expect(createRuntime({}, api).baseUrl).toBe('https://api.example.test/v3');
    expect(createRuntime({ serverVariables: { host: 'cf.example.test:8443' } }, api).baseUrl).toBe('https://cf.example.test:8443/v3');
    for (const host of ['evil.test/x', 'evil.test?', 'user@evil.test', 'a#b']) {
      expect(() => createRuntime({ serverVariables: { host } }, api)).toThrow(RequestError);
    }
    expect(() => createRuntime({}, { title: 'T', servers: [], securitySchemes: {} })).toThrow('T: the spec names no server, so pass { baseUrl } when creating the client');
  });

  it('refuses header values with CR or LF before sending', async () => {
    await expect(runtime().call(getItem, { path: { id: '1' }, header: { 'X-Trace': 'a\r\nInjected: 1' } })).rejects.toBeInstanceOf(RequestError);
    await expect(runtime().call(getItem, { path: { id: '1' } }, { headers: { 'X-Trace': 'a\nb' } })).rejects.toBeInstanceOf(RequestError);
    expect(() => runtime({ headers: { 'X-Trace': 'a\rb' } })).toThrow(RequestError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('requests that can never be sent', () => {
  const schemes = { bearer: { type: 'bearer' }, cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' } } as const;

  it.each([
    ['a NUL in a header value', { header: { 'X-Trace': 'a\u0000secret' } }, {}],
    ['a space in a header name', { header: { 'X Trace': 'secret' } }, {}],
    ['a header value outside Latin-1', {}, { headers: { 'X-Trace': 'secret €' } }],
    ['a lone surrogate in a path parameter', { path: { id: 'a\uD800secret' } }, {}],
    ['a lone surrogate in a query value', { query: { q: '\uDC00secret' } }, {}],
    ['a lone surrogate in a cookie', { cookie: { c: '\uD800secret' } }, {}],
    ['an object in a form array', { query: { tags: [{ secret: 1 }] } }, {}],
  ])('%s is a RequestError before anything is sent, never retried', async (_name, parts, callOptions) => {
    const error = await runtime()
      .call(getItem, { path: { id: '1' }, ...parts }, callOptions)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).not.toContain('secret');
    expect(server.requests).toHaveLength(0);
  });

  it('a credential fetch could not send (a NUL in a token) is a RequestError that does not quote it', async () => {
    const client = runtime({ auth: { bearer: 'tok\u0000secret' } }, schemes);
    const error = await client.call({ ...getItem, security: [['bearer']] }, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toMatch(/header "Authorization" has a control character \(U\+0000\)/);
    expect(inspect(error)).not.toContain('secret');
    const provider = runtime({ auth: { cookieKey: async () => '\uD800secret' } }, schemes);
    await expect(provider.call({ ...getItem, security: [['cookieKey']] }, { path: { id: '1' } })).rejects.toBeInstanceOf(RequestError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses client headers fetch could not send when the client is made', () => {
    expect(() => runtime({ headers: { 'X Trace': '1' } })).toThrow(RequestError);
    expect(() => runtime({ headers: { 'X-Trace': 'a\u0000b' } })).toThrow(RequestError);
    expect(() => runtime({ idempotencyHeader: 'Idempotency Key' })).toThrow(RequestError);
  });

  it.each([
    ['credentials in the base URL', () => server.url.replace('://', '://ann:secret@'), /carries credentials; pass them as auth/],
    ['a base URL that is not a URL', () => 'http://[bad/x?api_key=secret', /is not a URL/],
    ['a base URL with a query', () => `${server.url}/v1?api_key=secret`, /has a query or fragment/],
    ['a relative base URL where nothing resolves it (Node)', () => '/api', /cannot be used here/],
    ['a base URL that is not http', () => 'ftp://files.example.test', /is not http or https/],
  ])('%s is a RequestError when the client is made', (_name, baseUrl, message) => {
    const error = (() => {
      try {
        runtime({ baseUrl: baseUrl() });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('secret');
  });

  it('a body on a GET, or one JSON cannot write, is a RequestError', async () => {
    await expect(runtime().call(getItem, { path: { id: '1' }, body: {} })).rejects.toThrow(/a GET request cannot have a body/);
    const error = await runtime()
      .call(createItem, { body: { n: 1n } }, { idempotencyKey: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toMatch(/the request body cannot be serialized: .*BigInt/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    await expect(runtime().call(createItem, { body: cycle }, { idempotencyKey: true })).rejects.toThrow(/the request body cannot be serialized: .*circular/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('deepObject query', () => {
  it('sends nested objects as deep[a][b]=v and arrays by index, never [object Object]', async () => {
    server.reply(json(200, []));
    await runtime().call(listItems, { query: { deep: { a: { b: 1 }, list: [{ price: 'p1' }] } } });
    const url = new URL(server.requests[0]!.url, server.url);
    expect([...url.searchParams]).toEqual([
      ['deep[a][b]', '1'],
      ['deep[list][0][price]', 'p1'],
    ]);
    expect(server.requests[0]!.url).not.toContain('object');
  });
});

describe('retries', () => {
  it("merges a call's retry options over the client's, not over the defaults", async () => {
    server.reply({ status: 503 });
    const client = runtime({ retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5 } });
    await client.call(getItem, { path: { id: '1' } }, { retry: { initialDelayMs: 2 } }).catch(() => undefined);
    // The client's one retry, not the default two.
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;
    await client.call(getItem, { path: { id: '1' } }, { retry: { maxRetries: 3 } }).catch(() => undefined);
    expect(server.requests).toHaveLength(4);
  });

  it('ignores a Retry-After longer than maxRetryAfterMs (60 s) for its own backoff', async () => {
    server.reply({ status: 503, headers: { 'retry-after': '99999' } }, json(200, { id: '1' }));
    const timers = recordBackoffs();
    // maxDelayMs is no cap here: only the Retry-After window keeps the wait short.
    try {
      expect(await runtime({ retry: { initialDelayMs: 1, maxDelayMs: 600_000 } }).call(getItem, { path: { id: '1' } })).toEqual({ id: '1' });
    } finally {
      timers.restore();
    }
    expect(server.requests).toHaveLength(2);
    expect(timers.backoffs.map((b) => b.ms)).toEqual([expect.any(Number)]);
    expect(timers.backoffs[0]!.ms).toBeLessThanOrEqual(1);
  });

  it('retries a 503, waiting as Retry-After (seconds) says', async () => {
    server.reply({ status: 503, headers: { 'retry-after': '1' }, body: 'busy' }, json(200, { id: '1' }));
    const timers = recordBackoffs();
    const data = await runtime({ retry: { maxDelayMs: 60_000 } }).call(getItem, { path: { id: '1' } }).finally(() => timers.restore());
    expect(data).toEqual({ id: '1' });
    expect(server.requests).toHaveLength(2);
    expect(timers.backoffs).toEqual([{ ms: 1000, cleared: false }]);
  });

  it('retries a 429, waiting until the Retry-After HTTP date', async () => {
    const at = new Date(Date.now() + 1500);
    server.reply({ status: 429, headers: { 'retry-after': at.toUTCString() } }, json(200, { id: '1' }));
    const timers = recordBackoffs();
    const asked = Date.now();
    await runtime({ retry: { maxDelayMs: 60_000 } }).call(getItem, { path: { id: '1' } }).finally(() => timers.restore());
    expect(server.requests).toHaveLength(2);
    // HTTP dates have whole seconds: the wait is what was left, when the client asked, of the date's second.
    expect(timers.backoffs).toHaveLength(1);
    expect(timers.backoffs[0]!.ms).toBeGreaterThan(0);
    expect(timers.backoffs[0]!.ms).toBeLessThanOrEqual(Math.floor(at.getTime() / 1000) * 1000 - asked);
  });

  it('caps Retry-After at maxDelayMs', async () => {
    // 30 s is inside the Retry-After window (60 s), so it is honoured, then capped.
    server.reply({ status: 503, headers: { 'retry-after': '30' } }, json(200, {}));
    const timers = recordBackoffs();
    await runtime({ retry: { maxDelayMs: 100 } }).call(getItem, { path: { id: '1' } }).finally(() => timers.restore());
    expect(timers.backoffs).toEqual([{ ms: 100, cleared: false }]);
  });

  it('gives up after 2 retries by default and raises the last error', async () => {
    server.reply({ status: 500, body: 'down' });
    const error = await runtime().call(getItem, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [501, 1],
    [400, 1],
    [404, 1],
    [408, 3],
    [502, 3],
  ])('status %i is tried %i time(s)', async (status, tries) => {
    server.reply({ status, body: '{}' });
    await runtime().call(getItem, { path: { id: '1' } }).catch(() => undefined);
    expect(server.requests).toHaveLength(tries);
  });

  it('does not retry a POST without an idempotency key', async () => {
    server.reply({ status: 503 }, json(201, { id: '1' }));
    await expect(runtime().call(createItem, { body: { name: 'a' } })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST with an idempotency key, the same key and body on every try', async () => {
    server.reply({ status: 503 }, { status: 502 }, json(201, { id: '1' }));
    const data = await runtime().call(createItem, { body: { name: 'a', tags: ['x'] } }, { idempotencyKey: true });
    expect(data).toEqual({ id: '1' });
    expect(server.requests).toHaveLength(3);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(server.requests.map((r) => r.body)).toEqual(Array(3).fill('{"name":"a","tags":["x"]}'));
  });

  it('sends a caller key under the configured header name', async () => {
    server.reply(json(201, {}));
    await runtime({ idempotencyHeader: 'X-Request-Key' }).call(createItem, { body: {} }, { idempotencyKey: 'k-1' });
    expect(server.requests[0]!.headers['x-request-key']).toBe('k-1');
  });

  it('retries a reset connection and reports a ConnectionError when it persists', async () => {
    server.reply({ status: 0, reset: true }, json(200, { id: '1' }));
    expect(await runtime().call(getItem, { path: { id: '1' } })).toEqual({ id: '1' });
    server.reply({ status: 0, reset: true });
    const error = await runtime().call(getItem, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('can be turned off per client and per call', async () => {
    server.reply({ status: 503 });
    await runtime({ retry: false }).call(getItem, { path: { id: '1' } }).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
    await runtime().call(getItem, { path: { id: '1' } }, { retry: false }).catch(() => undefined);
    expect(server.requests).toHaveLength(2);
  });
});

describe('timeouts and cancellation', () => {
  it('raises a TimeoutError when an attempt is too slow', async () => {
    server.reply({ ...json(200, {}), delayMs: 1000 });
    const error = await runtime({ timeoutMs: 100, retry: false }).call(getItem, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('GET /items/1 took longer than 100 ms');
  });

  it('retries a timed-out idempotent call, with a per-call timeout', async () => {
    server.reply({ ...json(200, { slow: true }), delayMs: 1000 }, json(200, { slow: false }));
    expect(await runtime().call(getItem, { path: { id: '1' } }, { timeoutMs: 100 })).toEqual({ slow: false });
  });

  it("honours the caller's signal", async () => {
    server.reply({ ...json(200, {}), delayMs: 1000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped by caller')), 50);
    await expect(runtime().call(getItem, { path: { id: '1' } }, { signal: controller.signal })).rejects.toThrow('stopped by caller');
  });

  it('aborts the attempts after a client has seen its first time-out, and every attempt of a call with a signal', async () => {
    server.reply({ ...json(200, {}), delayMs: 1000 }, { ...json(200, {}), delayMs: 1000 }, json(200, { done: true }));
    const client = runtime({ timeoutMs: 100 });
    expect(await client.call(getItem, { path: { id: '1' } })).toEqual({ done: true });
    // The first attempt carried no signal (the fast path) and is left to finish; the next was aborted.
    await vi.waitFor(() => expect(server.requests[1]!.aborted).toBe(true));
    expect(server.requests[0]!.aborted).toBeUndefined();

    server.requests.length = 0;
    server.reply({ ...json(200, {}), delayMs: 1000 }, json(200, { done: true }));
    await runtime({ timeoutMs: 100 }).call(getItem, { path: { id: '1' } }, { signal: new AbortController().signal });
    await vi.waitFor(() => expect(server.requests[0]!.aborted).toBe(true));
  });

  it('stops waiting to retry when the caller aborts during the backoff', async () => {
    server.reply({ status: 503, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const timers = recordBackoffs();
    const call = runtime({ retry: { maxDelayMs: 60_000 } }).call(getItem, { path: { id: '1' } }, { signal: controller.signal });
    // Abort once the client is in its 30 s backoff: the backoff's timer is cleared, no second request.
    await vi.waitFor(() => expect(timers.backoffs).toHaveLength(1));
    controller.abort(new Error('aborted in backoff'));
    await expect(call.finally(() => timers.restore())).rejects.toThrow('aborted in backoff');
    expect(timers.backoffs).toEqual([{ ms: 30_000, cleared: true }]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('errors', () => {
  it.each([
    ['invalid JSON', { status: 200, body: '{"id":' }, /expected a JSON body with status 200, got application\/json: \{"id":/],
    ['HTML', { status: 200, body: '<html>Sign in</html>', headers: { 'content-type': 'text/html' } }, /got text\/html: <html>Sign in/],
    ['an empty body', { status: 200, body: '' }, /got an empty body/],
  ])('a 2xx with %s raises ResponseParseError with the raw text', async (_name, reply, message) => {
    server.reply(reply);
    const error = await runtime().call(getItem, { path: { id: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).message).toMatch(message);
    expect((error as ResponseParseError).rawText).toBe(reply.body);
  });

  it('keeps status, parsed body, raw text and headers on an ApiError, and no credentials in its message', async () => {
    server.reply(json(404, { message: 'no such item' }, { 'x-request-id': 'r-1' }));
    const schemes = { key: { type: 'apiKey', in: 'query', name: 'api_key' } } as const;
    const error = (await runtime({ auth: { key: 'secret-key' } }, schemes)
      .call({ ...getItem, security: [['key']] }, { path: { id: '1' } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ message: 'no such item' });
    expect(error.rawText).toBe('{"message":"no such item"}');
    expect(error.documented).toBe(true);
    expect(error.response.headers.get('x-request-id')).toBe('r-1');
    expect(server.requests[0]!.url).toContain('api_key=secret-key');
    expect(error.message).not.toContain('secret-key');
    expect(String(error.stack)).not.toContain('secret-key');
  });
});

describe('secrets in errors', () => {
  const schemes = { key: { type: 'apiKey', in: 'query', name: 'api_key' } } as const;
  const keyed = { ...getItem, security: [['key']] };

  /** What logging the error shows; `showHidden` also shows what is not enumerable (ApiError's raw response). */
  function everythingShown(error: unknown, showHidden = true): string {
    return [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 }), inspect(error, { depth: 10, showHidden })].join('\n');
  }

  it('ApiError: the url, JSON.stringify and util.inspect keep parameter names, never values', async () => {
    server.reply(json(404, { message: 'no such item' }));
    const error = (await runtime({ auth: { key: 'secret-key' } }, schemes)
      .call(keyed, { path: { id: '1' }, query: { page: 2 } })
      .catch((e: unknown) => e)) as ApiError;
    expect(server.requests[0]!.url).toBe('/items/1?page=2&api_key=secret-key');
    expect(error.url).toBe(`${server.url}/items/1?page=…&api_key=…`);
    expect(error.message).toBe(`GET ${server.url}/items/1?page=…&api_key=… failed with status 404 (getItem)`);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 404, url: error.url, body: { message: 'no such item' } });
    expect(everythingShown(error, false)).not.toContain('secret-key');
    // The raw response stays available to whoever asks for it.
    expect(error.response.url).toContain('secret-key');
  });

  it('ConnectionError: a refused connection shows the URL redacted and a cause chain of copies', async () => {
    const closed = await startServer();
    const { url } = closed;
    await closed.close();
    const error = await runtime({ baseUrl: url, auth: { key: 'secret-key' }, retry: false }, schemes)
      .call(keyed, { path: { id: '1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^GET ${url}/items/1\\?api_key=…: fetch failed`));
    expect(((error as Error).cause as Error & { cause: { code?: string } }).cause.code).toBe('ECONNREFUSED');
    expect(everythingShown(error)).not.toContain('secret-key');
  });

  it('ConnectionError: a fetch whose messages quote the URL and header values is redacted too', async () => {
    // As node-fetch and other fetch wrappers word their failures.
    const wordyFetch = async (request: Request) => {
      const cause = Object.assign(new Error(`connect ECONNREFUSED for ${request.url} with "${request.headers.get('x-token')}"`), { code: 'ECONNREFUSED', input: request.url });
      throw new TypeError(`request to ${request.url} failed, reason: token "${request.headers.get('x-token')}"\u0000`, { cause });
    };
    const error = await runtime({ fetch: wordyFetch, auth: { key: 'secret-key' }, headers: { 'X-Token': 'secret-token' }, retry: false }, schemes)
      .call(keyed, { path: { id: '1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(`GET ${server.url}/items/1?api_key=…: request to ${server.url}/items/1?api_key=… failed, reason: token "…"\\u0000`);
    expect(((error as Error).cause as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
    const shown = everythingShown(error);
    expect(shown).not.toContain('secret-key');
    expect(shown).not.toContain('secret-token');
  });

  it('TimeoutError and RequestError messages show the path only', async () => {
    server.reply({ ...json(200, {}), delayMs: 1000 });
    const error = await runtime({ auth: { key: 'secret-key' }, timeoutMs: 50, retry: false }, schemes)
      .call(keyed, { path: { id: '1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(everythingShown(error)).not.toContain('secret-key');
  });
});

describe('auth', () => {
  const schemes = {
    bearer: { type: 'bearer' },
    basic: { type: 'basic' },
    headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    queryKey: { type: 'apiKey', in: 'query', name: 'key' },
    cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
  } as const;

  it.each([
    ['bearer', 'tok', (r: { headers: Record<string, unknown>; url: string }) => r.headers.authorization === 'Bearer tok'],
    ['basic', { username: 'ann', password: 'p:ss é' }, (r: { headers: Record<string, unknown> }) => r.headers.authorization === `Basic ${Buffer.from('ann:p:ss é').toString('base64')}`],
    ['headerKey', 'k1', (r: { headers: Record<string, unknown> }) => r.headers['x-api-key'] === 'k1'],
    ['queryKey', 'k&2', (r: { url: string }) => r.url === '/items/1?key=k%262'],
    ['cookieKey', 's 3', (r: { headers: Record<string, unknown> }) => r.headers.cookie === 'session=s%203'],
  ] as const)('sends %s credentials', async (scheme, credential, check) => {
    server.reply(json(200, {}));
    await runtime({ auth: { [scheme]: credential } }, schemes).call({ ...getItem, security: [[scheme]] }, { path: { id: '1' } });
    expect(check(server.requests[0] as never)).toBe(true);
  });

  it('calls an async provider for every request', async () => {
    server.reply(json(200, {}));
    let n = 0;
    const client = runtime({ auth: { bearer: async () => `t${++n}` } }, schemes);
    await client.call({ ...getItem, security: [['bearer']] }, { path: { id: '1' } });
    await client.call({ ...getItem, security: [['bearer']] }, { path: { id: '1' } });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('reads a value credential when the client is made', async () => {
    server.reply(json(200, {}));
    const auth: Record<string, string> = { headerKey: 'k1' };
    const client = runtime({ auth }, schemes);
    auth.headerKey = 'k2';
    await client.call({ ...getItem, security: [['headerKey']] }, { path: { id: '1' } });
    await client.call({ ...getItem, security: [['headerKey']] }, { path: { id: '1' } });
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual(['k1', 'k1']);
  });

  it('uses the first alternative that has credentials, and sends none when the operation needs none', async () => {
    server.reply(json(200, {}));
    const client = runtime({ auth: { headerKey: 'k' } }, schemes);
    await client.call({ ...getItem, security: [['bearer'], ['headerKey']] }, { path: { id: '1' } });
    await client.call({ ...getItem, security: [[]] }, { path: { id: '1' } });
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual(['k', undefined]);
  });
});

describe('pagination', () => {
  const items = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }));

  it('walks offset pages until the total', async () => {
    const op: OperationSpec = { ...listItems, pagination: { style: 'offset', items: '/data', offsetParam: 'offset', limitParam: 'limit', total: '/$meta/pagination/total' } };
    server.reply(
      json(200, { $meta: { pagination: { offset: 0, limit: 2, total: 5 } }, data: items(0, 2) }),
      json(200, { $meta: { pagination: { offset: 2, limit: 2, total: 5 } }, data: items(2, 2) }),
      json(200, { $meta: { pagination: { offset: 4, limit: 2, total: 5 } }, data: items(4, 1) }),
    );
    const seen: unknown[] = [];
    for await (const item of runtime().paginate(op, { query: { limit: 2, status: 'x' } })) seen.push(item);
    expect(seen).toEqual(items(0, 5));
    expect(server.requests.map((r) => r.url)).toEqual(['/items?limit=2&status=x', '/items?limit=2&status=x&offset=2', '/items?limit=2&status=x&offset=4']);
  });

  it('walks cursor pages until has_more is false, page by page', async () => {
    const op: OperationSpec = { ...listItems, pagination: { style: 'cursor', items: '/items', cursorParam: 'after', nextCursor: '/next', hasMore: '/has_more' } };
    server.reply(json(200, { items: items(0, 1), next: 'c1', has_more: true }), json(200, { items: items(1, 1), next: 'c2', has_more: true }), json(200, { items: items(2, 1), next: 'c3', has_more: false }));
    const pages: unknown[] = [];
    for await (const page of runtime().paginate(op, {}).pages()) pages.push(page);
    expect(pages).toHaveLength(3);
    expect(server.requests.map((r) => r.url)).toEqual(['/items', '/items?after=c1', '/items?after=c2']);
  });

  it('walks page numbers until an empty page', async () => {
    const op: OperationSpec = { ...listItems, pagination: { style: 'page', items: '/results', pageParam: 'page' } };
    server.reply(json(200, { results: items(0, 2) }), json(200, { results: items(2, 2) }), json(200, { results: [] }));
    const seen: unknown[] = [];
    for await (const item of runtime().paginate(op, {})) seen.push(item);
    expect(seen).toHaveLength(4);
    expect(server.requests.map((r) => r.url)).toEqual(['/items', '/items?page=2', '/items?page=3']);
  });

  it('follows next links under the base URL and refuses others', async () => {
    const op: OperationSpec = { ...listItems, pagination: { style: 'next-link', items: '/data', nextLink: '/links/next' } };
    server.reply(json(200, { data: items(0, 1), links: { next: `${server.url}/items?cursor=b` } }), json(200, { data: items(1, 1), links: { next: null } }));
    const seen: unknown[] = [];
    for await (const item of runtime().paginate(op, {})) seen.push(item);
    expect(seen).toHaveLength(2);
    expect(server.requests.map((r) => r.url)).toEqual(['/items', '/items?cursor=b']);

    server.reply(json(200, { data: items(0, 1), links: { next: 'https://elsewhere.example.test/items?cursor=b' } }));
    const walk = async () => {
      for await (const item of runtime().paginate(op, {})) void item;
    };
    await expect(walk()).rejects.toThrow(/not under/);
  });

  describe('a list that would never end stops with a PaginationError', () => {
    const walk = async (op: OperationSpec, options: { maxPages?: number } = {}) => {
      const pages: unknown[] = [];
      for await (const page of runtime().paginate(op, {}, options).pages()) pages.push(page);
      return pages;
    };

    it.each([
      ['a next link to the page itself', { style: 'next-link', items: '/data', nextLink: '/next' }, () => [json(200, { data: [1], next: `${server.url}/items` })], 1],
      ['a next link back to an earlier page', { style: 'next-link', items: '/data', nextLink: '/next' }, () => [json(200, { data: [1], next: '/items?c=2' }), json(200, { data: [2], next: '/items?c=2' })], 2],
      ['a cursor that never changes', { style: 'cursor', items: '/items', cursorParam: 'after', nextCursor: '/next' }, () => [json(200, { items: [1], next: 'c1' })], 2],
      ['a cursor that comes back', { style: 'cursor', items: '/items', cursorParam: 'after', nextCursor: '/next' }, () => [json(200, { items: [1], next: 'c1' }), json(200, { items: [2], next: 'c2' }), json(200, { items: [3], next: 'c1' })], 3],
      ['an offset the server ignores (no total)', { style: 'offset', items: '/data', offsetParam: 'offset', limitParam: 'limit' }, () => [json(200, { data: [1, 2] })], 2],
      ['a page number the server ignores', { style: 'page', items: '/data', pageParam: 'page' }, () => [json(200, { data: [1, 2] })], 2],
    ] as const)('%s', async (_name, pagination, replies, requests) => {
      server.reply(...replies());
      const op = { ...listItems, pagination } as OperationSpec;
      const error = await walk({ ...op }, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as Error).message).toMatch(/came back|repeats the items/);
      expect(server.requests).toHaveLength(requests);
    });

    it('the next link is named redacted', async () => {
      server.reply(json(200, { data: [1], next: '/items?c=2&token=secret' }), json(200, { data: [2], next: '/items?c=2&token=secret' }));
      const error = await walk({ ...listItems, pagination: { style: 'next-link', items: '/data', nextLink: '/next' } }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`the next-page link ${server.url}/items?c=…&token=… came back after 2 page(s): the list would never end, so the walk stops`);
    });
  });

  it('stops after maxPages pages, per call or per client', async () => {
    const op: OperationSpec = { ...listItems, pagination: { style: 'cursor', items: '/items', cursorParam: 'after', nextCursor: '/next' } };
    const replies = Array.from({ length: 10 }, (_, i) => json(200, { items: [i], next: `c${i + 1}` }));
    server.reply(...replies);
    const items: unknown[] = [];
    for await (const item of runtime().paginate(op, {}, { maxPages: 3 })) items.push(item);
    expect(items).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(3);
    server.reply(...replies);
    server.requests.length = 0;
    const pages: unknown[] = [];
    for await (const page of runtime({ maxPages: 2 }).paginate(op, {}).pages()) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('awaits to the first page', async () => {
    const op: OperationSpec = { ...listItems, pagination: { style: 'page', items: '/results', pageParam: 'page' } };
    server.reply(json(200, { results: items(0, 2) }));
    expect(await runtime().paginate(op, {})).toEqual({ results: items(0, 2) });
  });
});
