// The runtime every generated client calls: one `createRuntime()` per client, built on
// openapi-fetch, and one `call()` per operation. Generated methods carry only the operation's
// description (method, path, statuses, security, pagination); all behaviour lives here, typed and
// tested once: safe URLs and headers, auth, redirects, retries, timeouts, typed errors,
// documented headers, pages. The path of a plain call makes no closure, timer signal or copy it
// does not need: openapi-fetch plus this runtime stays within a few per cent of openapi-fetch.
import createClient, { defaultBodySerializer, type Middleware } from 'openapi-fetch';
import { ApiPromise, PagedPromise, type ApiResponse, type DocumentedHeaders } from './api-promise.js';
import { createAuth, type AuthOptions, type AuthParts, type SecuritySchemeSpec } from './auth.js';
import { ApiError, ConnectionError, PaginationError, RedirectError, RequestError, ResponseParseError, ResponseTooLargeError, TimeoutError } from './errors.js';
import { checkHeader, checkHeaders } from './headers.js';
import { linkUnderBase, nextPage, pageItems, type PageWalk, type PaginationSpec } from './pagination.js';
import { expandPath } from './path.js';
import { serializeQuery, type QueryStyle } from './query.js';
import { redactText, redactUrl } from './redact.js';
import { DEFAULT_RETRY, isIdempotent, isRetryableStatus, mergeRetry, parseRetryAfter, retryDelay, sleep, type RetryOptions } from './retry.js';
import { createTransport, DEFAULT_REDIRECTS, type RedirectOptions } from './transport.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** What a generated method tells the runtime about its operation. */
export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** The path template, e.g. `/users/{id}`. */
  path: string;
  /** Error responses the spec documents, as it writes them: `404`, `4XX`, `default`. */
  errors: readonly string[];
  /** Responses whose documented body is JSON; other bodies are returned as text or undefined. */
  json: readonly string[];
  /** The response headers the spec documents, by response (`201`, `4XX`, `default`). */
  headers?: Readonly<Record<string, readonly string[]>>;
  /** The request body's media type, when the operation takes one. */
  bodyMediaType?: string;
  /** Alternatives of security scheme names (`security: [{a, b}, {c}]` is `[['a', 'b'], ['c']]`). */
  security?: readonly (readonly string[])[];
  /** Query parameters whose documented style is not the default. */
  query?: Readonly<Record<string, QueryStyle>>;
  pagination?: PaginationSpec;
}

export interface RequestParts {
  path?: object;
  query?: object;
  header?: object;
  cookie?: object;
  body?: unknown;
}

export interface ServerSpec {
  url: string;
  variables?: Record<string, { default: string; enum?: readonly string[] }>;
}

/** What the generated client knows of its API. */
export interface ApiDescription {
  title: string;
  servers: readonly ServerSpec[];
  securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
}

export interface ClientOptions {
  /** The server to call; defaults to the first server of the spec. No credentials, query or fragment. */
  baseUrl?: string;
  /** Values for the server's `{variables}` when `baseUrl` is not given. */
  serverVariables?: Record<string, string>;
  /** Credentials by security scheme name: a value (read once), or a function called for each request. */
  auth?: AuthOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Retries of failed attempts; `false` turns them off. Default: 2 retries, 500 ms doubling, 30 s cap. */
  retry?: RetryOptions | false;
  /** Each attempt's time limit in ms (0: none). Default 60 000. */
  timeoutMs?: number;
  /** The header that carries a call's idempotency key. Default `Idempotency-Key`. */
  idempotencyHeader?: string;
  /** How redirects are followed; by default by the runtime, up to 5, credentials kept from other origins. */
  redirects?: RedirectOptions;
  /** A response body longer than this many bytes fails with ResponseTooLargeError. Default: no limit. */
  maxResponseBytes?: number;
  /** A walk over a paged list stops after this many pages. Default: no limit. */
  maxPages?: number;
  /** A fetch implementation (defaults to the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** openapi-fetch middleware: `onRequest`, `onResponse`, `onError`. */
  middleware?: readonly Middleware[];
}

export interface CallOptions {
  /** Headers for this call only. */
  headers?: Record<string, string>;
  /** Cancels the call, also while it waits to retry. */
  signal?: AbortSignal;
  /** Merged over the client's retry options for this call; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Overrides the client's per-attempt time limit for this call. */
  timeoutMs?: number;
  /**
   * Sent in the idempotency header, the same on every retry of this call; it also makes a POST or
   * PATCH retryable. `true` makes one up (a random UUID).
   */
  idempotencyKey?: string | true;
  /** For a paged list: the walk stops after this many pages (overrides the client's `maxPages`). */
  maxPages?: number;
}

export type { ApiResponse, DocumentedHeaders } from './api-promise.js';

export interface Runtime {
  readonly baseUrl: string;
  call<TData, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): ApiPromise<TData, THeaders>;
  paginate<TPage, TItem, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): PagedPromise<TPage, TItem, THeaders>;
}

/** Refuses a base URL that fetch could not use or that would leak: credentials, a query, a fragment. */
function checkBaseUrl(url: string, title: string): string {
  let parsed: URL;
  try {
    // A relative base (`/api`) is fine in browsers; the placeholder host only lets it parse.
    parsed = new URL(url, 'http://relative.invalid/');
  } catch {
    throw new RequestError(`${title}: the base URL ${redactUrl(url)} is not a URL`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new RequestError(`${title}: the base URL ${redactUrl(url)} carries credentials; pass them as auth (or headers), which never go to another origin`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RequestError(`${title}: the base URL ${redactUrl(url)} is not http or https`);
  if (url.includes('?') || url.includes('#')) throw new RequestError(`${title}: the base URL ${redactUrl(url)} has a query or fragment, and paths are appended to it`);
  return url.replace(/\/+$/, '');
}

export function resolveBaseUrl(options: ClientOptions, api: Pick<ApiDescription, 'servers' | 'title'>): string {
  if (options.baseUrl) return checkBaseUrl(options.baseUrl, api.title);
  const server = api.servers[0];
  if (!server) {
    throw new RequestError(`${api.title}: the spec names no server, so pass { baseUrl } when creating the client`);
  }
  const url = server.url.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
    const value = options.serverVariables?.[name] ?? server.variables?.[name]?.default;
    if (value === undefined || value === '') throw new RequestError(`${api.title}: no value for the server variable "${name}" (pass serverVariables: { ${JSON.stringify(name)}: ... })`);
    // A server variable fills the server part only: it cannot add a path, query or fragment.
    if (/[/?#@\\\s]/.test(value)) throw new RequestError(`${api.title}: server variable "${name}" cannot contain / ? # @ \\ or spaces`);
    return value;
  });
  return checkBaseUrl(url, api.title);
}

/** Whether a status is among responses written as `200`, `2XX` or `default`. */
export function matchesStatus(statuses: readonly string[], status: number): boolean {
  const text = String(status);
  return statuses.some((s) => s === text || s === 'default' || (s.length === 3 && s.endsWith('XX') && s[0] === text[0]));
}

/** The documented response that a status falls under: the exact code, else its range, else `default`. */
export function responseKey(statuses: Iterable<string>, status: number): string | undefined {
  const list = [...statuses];
  const text = String(status);
  return list.find((s) => s === text) ?? list.find((s) => s === `${text[0]}XX`) ?? list.find((s) => s === 'default');
}

/** Reads the headers the spec documents for the response's status into a plain object. */
function documentedHeaders(operation: OperationSpec, response: Response): DocumentedHeaders {
  const out: DocumentedHeaders = {};
  if (!operation.headers) return out;
  const key = responseKey(Object.keys(operation.headers), response.status);
  for (const name of (key && operation.headers[key]) || []) {
    const value = response.headers.get(name);
    // defineProperty, so that a header documented as `__proto__` is just a key.
    if (value !== null) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function parseJson(text: string, response: Response): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const init = { status: response.status, rawText: text, headers: response.headers };
    if (text.trim() === '') throw new ResponseParseError(`expected a JSON body with status ${response.status}, got an empty body`, init);
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ResponseParseError(`expected a JSON body with status ${response.status}, got ${type}: ${text.slice(0, 80)}`, init);
  }
}

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** `Cookie` pairs, encoded; a lone surrogate (no UTF-8 form) is a RequestError. */
function cookiePairs(cookie: object): string[] {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(cookie)) {
    if (value === undefined || value === null) continue;
    try {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    } catch {
      throw new RequestError(`cookie "${name}" has a lone surrogate (malformed UTF-16), which no header can carry`);
    }
  }
  return pairs;
}

/** openapi-fetch's serializer, with a body it cannot write (a BigInt, a cycle) made a RequestError. */
function serializeBody(body: unknown, headers?: unknown): unknown {
  try {
    return (defaultBodySerializer as (body: unknown, headers?: unknown) => unknown)(body, headers);
  } catch (error) {
    throw new RequestError(`the request body cannot be serialized: ${redactText(error instanceof Error ? error.message : String(error))}`);
  }
}

// The URL arrives built (path encoded, query serialized): openapi-fetch adds only the base URL.
const noQuery = (): string => '';
const samePath = (pathname: string): string => pathname;

/** Errors that say all there is to say, and are never retried or wrapped. */
function isFinal(error: unknown): boolean {
  return (
    error instanceof RequestError ||
    error instanceof RedirectError ||
    error instanceof ResponseTooLargeError ||
    error instanceof ResponseParseError ||
    error instanceof PaginationError ||
    error instanceof ApiError
  );
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };
type RawRequest = (method: string, url: string, init: Record<string, unknown>) => Promise<FetchResult>;

/** One call, as `send` works it out once for all its attempts. */
interface Prepared {
  method: string;
  /** The path (for messages: it never has the query). */
  path: string;
  /** Path and query, as handed to openapi-fetch. */
  target: string;
  init: Record<string, unknown>;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

function timeoutError(call: Prepared): TimeoutError {
  return new TimeoutError(`${call.method.toUpperCase()} ${call.path} took longer than ${call.timeoutMs} ms`);
}

function abortOnTimeout(controller: AbortController, call: Prepared): void {
  controller.abort(timeoutError(call));
}

export function createRuntime(options: ClientOptions, api: ApiDescription): Runtime {
  const baseUrl = resolveBaseUrl(options, api);
  try {
    // Where no page gives a relative base URL a meaning (Node), it is refused now, not per request.
    new Request(`${baseUrl}/`);
  } catch (error) {
    throw new RequestError(`${api.title}: the base URL ${redactUrl(baseUrl)} cannot be used here: ${redactText(error instanceof Error ? error.message : String(error))}`);
  }
  if (options.headers) checkHeaders(options.headers);
  const clientRetry = options.retry === false ? false : { ...DEFAULT_RETRY, ...options.retry };
  const clientTimeout = options.timeoutMs ?? 60_000;
  const idempotencyHeader = options.idempotencyHeader ?? 'Idempotency-Key';
  checkHeader(idempotencyHeader, '');
  const redirects = { ...DEFAULT_REDIRECTS, ...options.redirects };
  const resolveAuth = createAuth(api.securitySchemes, options.auth);
  const transportOptions = {
    fetch: options.fetch ?? globalThis.fetch,
    redirects,
    credentialQuery: Object.values(api.securitySchemes).flatMap((s) => (s.type === 'apiKey' && s.in === 'query' ? [s.name] : [])),
    idempotencyHeader,
    ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
  };
  const pageTransport = createTransport(transportOptions, true);
  const client = createClient<Record<string, never>>({
    baseUrl,
    fetch: createTransport(transportOptions),
    redirect: redirects.follow === 'runtime' ? 'manual' : 'follow',
    ...(options.headers ? { headers: options.headers } : {}),
    querySerializer: noQuery,
    pathSerializer: samePath,
    bodySerializer: serializeBody,
  });
  if (options.middleware?.length) client.use(...options.middleware);
  const request = client.request as unknown as RawRequest;
  // Attempts carry no AbortSignal (fetch makes each one dearer) until this client has seen its
  // first time-out: the server is slow then, and later attempts are aborted at their limit.
  let abortTimeouts = false;

  function markTimedOut(): void {
    abortTimeouts = true;
  }

  /** One attempt under its time limit, without a signal: past the limit it is abandoned. */
  function attemptWithTimer(call: Prepared): Promise<FetchResult> {
    const pending = request(call.method, call.target, call.init);
    return new Promise<FetchResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        markTimedOut();
        reject(timeoutError(call));
      }, call.timeoutMs);
      pending.then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** One attempt aborted by its time limit or by the caller's signal. */
  async function attemptWithSignal(call: Prepared): Promise<FetchResult> {
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    if (call.timeoutMs <= 0) return await request(call.method, call.target, { ...call.init, signal });
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(abortOnTimeout, call.timeoutMs, controller, call);
    try {
      return await request(call.method, call.target, { ...call.init, signal: controller.signal });
    } catch (error) {
      if (controller.signal.reason instanceof TimeoutError) throw controller.signal.reason;
      if (signal?.aborted) throw signal.reason ?? error;
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function attempt(call: Prepared): Promise<FetchResult> {
    if (call.signal !== undefined || (abortTimeouts && call.timeoutMs > 0)) return attemptWithSignal(call);
    return call.timeoutMs > 0 ? attemptWithTimer(call) : request(call.method, call.target, call.init);
  }

  /** Headers of one call: the call's, the request's parameters, credentials, cookies, body type, key. */
  function callHeaders(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions, auth: AuthParts | undefined, key: string | undefined): Record<string, string> | undefined {
    let headers: Record<string, string> | undefined;
    if (callOptions.headers) headers = { ...callOptions.headers };
    if (parts.header) {
      for (const [name, value] of Object.entries(parts.header)) {
        if (value !== undefined && value !== null) (headers ??= {})[name] = String(value);
      }
    }
    if (headers) checkHeaders(headers);
    // Credentials were checked when they were resolved.
    if (auth && hasKeys(auth.headers)) headers = { ...headers, ...auth.headers };
    const cookies = parts.cookie ? cookiePairs(parts.cookie) : [];
    if (auth) cookies.push(...auth.cookies);
    if (cookies.length > 0) (headers ??= {}).Cookie = cookies.join('; ');
    if (parts.body !== undefined && operation.bodyMediaType) (headers ??= {})['Content-Type'] ??= operation.bodyMediaType;
    if (key !== undefined) {
      checkHeader(idempotencyHeader, key);
      (headers ??= {})[idempotencyHeader] = key;
    }
    return headers;
  }

  /** One call; `page`, for a page of a paged list, has its query (and a next link's path). */
  async function send<TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions, page?: { path?: string; query: Record<string, unknown> }): Promise<ApiResponse<TData, THeaders>> {
    const path = page?.path ?? expandPath(operation.path, parts.path as Record<string, unknown> | undefined);
    if (parts.body !== undefined && (operation.method === 'get' || operation.method === 'head')) {
      throw new RequestError(`${operation.operationId}: a ${operation.method.toUpperCase()} request cannot have a body`);
    }
    let auth = resolveAuth(operation.security);
    if (auth instanceof Promise) auth = await auth;
    const given = page ? page.query : (parts.query as Record<string, unknown> | undefined);
    const query = auth && hasKeys(auth.query) ? { ...given, ...auth.query } : given;
    const search = serializeQuery(query, operation.query);
    const key = callOptions.idempotencyKey === true ? randomKey() : callOptions.idempotencyKey;
    const headers = callHeaders(operation, parts, callOptions, auth, key);
    const init: Record<string, unknown> = { parseAs: 'text' };
    if (headers) init.headers = headers;
    if (parts.body !== undefined) init.body = parts.body;
    if (page) init.fetch = pageTransport;

    const retry = callOptions.retry === undefined ? clientRetry : mergeRetry(clientRetry, callOptions.retry);
    const maxRetries = retry !== false && (isIdempotent(operation.method) || key !== undefined) ? retry.maxRetries : 0;
    const call: Prepared = {
      method: operation.method,
      path,
      target: search === '' ? path : `${path}?${search}`,
      init,
      timeoutMs: callOptions.timeoutMs ?? clientTimeout,
      signal: callOptions.signal,
    };

    for (let retries = 0; ; retries++) {
      let result: FetchResult;
      try {
        result = await attempt(call);
      } catch (e) {
        const error =
          isFinal(e) || e instanceof ConnectionError || e instanceof TimeoutError || (call.signal?.aborted && e === call.signal.reason)
            ? e
            : // Fetch's own failure while the body was read (a reset), or a middleware's.
              new ConnectionError(`${call.method.toUpperCase()} ${redactUrl(`${baseUrl}${call.target}`)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        if (retries < maxRetries && retry && (error instanceof ConnectionError || error instanceof TimeoutError)) {
          await sleep(retryDelay(retries + 1, retry), call.signal);
          continue;
        }
        throw error;
      }
      const { response } = result;
      if (!response.ok) {
        if (retries < maxRetries && retry && isRetryableStatus(response.status)) {
          await sleep(retryDelay(retries + 1, retry, parseRetryAfter(response.headers.get('retry-after'))), call.signal);
          continue;
        }
        const raw = result.error;
        throw new ApiError({
          operationId: operation.operationId,
          status: response.status,
          body: raw,
          headers: documentedHeaders(operation, response),
          response,
          rawText: raw === undefined ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw),
          documented: matchesStatus(operation.errors, response.status),
          method: operation.method,
          url: response.url || `${baseUrl}${call.target}`,
        });
      }
      const text = typeof result.data === 'string' ? result.data : '';
      const data = (matchesStatus(operation.json, response.status) ? parseJson(text, response) : text || undefined) as TData;
      return { data, status: response.status, headers: documentedHeaders(operation, response) as THeaders, response };
    }
  }

  function paginate<TPage, TItem, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions = {}): PagedPromise<TPage, TItem, THeaders> {
    const spec = operation.pagination;
    if (!spec) throw new RequestError(`${operation.operationId} declares no pagination`);
    const fetchPage = (query: Record<string, unknown>, path?: string) => send<TPage, THeaders>(operation, parts, callOptions, path === undefined ? { query } : { path, query });
    const firstQuery = { ...(parts.query as Record<string, unknown> | undefined) };
    const following = (previous: ApiResponse<TPage, THeaders>, walk: PageWalk) => {
      // The query that fetched `previous`, to work out the next one.
      const query = walk.query ?? firstQuery;
      if (spec.style === 'offset' || spec.style === 'page') walk.compareItems(pageItems(spec, previous.data), `the "${spec.style === 'offset' ? spec.offsetParam : spec.pageParam}" parameter`);
      const next = nextPage(spec, query, previous.data, previous.response.headers);
      if (!next) return undefined;
      if ('url' in next) {
        if (walk.pages === 1 && previous.response.url) walk.visit(previous.response.url, 'the first page');
        const link = linkUnderBase(next.url, baseUrl);
        walk.visit(link.href, `the next-page link ${redactUrl(link.href)}`);
        walk.query = link.query;
        return fetchPage(link.query, link.path);
      }
      if (spec.style === 'cursor') {
        if (walk.pages === 1 && query[spec.cursorParam] !== undefined) walk.visit(JSON.stringify(query[spec.cursorParam]), 'the cursor');
        walk.visit(JSON.stringify(next.query[spec.cursorParam]), `the cursor ("${spec.cursorParam}")`);
      }
      walk.query = next.query;
      return fetchPage(next.query);
    };
    const first = fetchPage(firstQuery);
    return new PagedPromise<TPage, TItem, THeaders>(first, following, (page) => pageItems(spec, page) as TItem[], callOptions.maxPages ?? options.maxPages);
  }

  return {
    baseUrl,
    call: <TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions = {}) =>
      new ApiPromise<TData, THeaders>(send<TData, THeaders>(operation, parts, callOptions)),
    paginate,
  };
}
