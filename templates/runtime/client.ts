// The runtime every generated client calls: one `createRuntime()` per client, built on
// openapi-fetch, and one `call()` per operation. Generated methods carry only the operation's
// description (method, path, statuses, security, pagination); all behaviour lives here, typed and
// tested once: safe URLs, auth, retries, timeouts, typed errors, documented headers, pages.
import createClient, { type Middleware } from 'openapi-fetch';
import { applyAuth, type AuthOptions, type SecuritySchemeSpec } from './auth.js';
import { ApiError, ConnectionError, RequestError, ResponseParseError, TimeoutError } from './errors.js';
import { nextPage, pageItems, type PaginationSpec } from './pagination.js';
import { expandPath } from './path.js';
import { serializeQuery, type QueryStyle } from './query.js';
import { DEFAULT_RETRY, isIdempotent, isRetryableStatus, parseRetryAfter, retryDelay, sleep, type RetryOptions } from './retry.js';

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
  /** The server to call; defaults to the first server of the spec. */
  baseUrl?: string;
  /** Values for the server's `{variables}` when `baseUrl` is not given. */
  serverVariables?: Record<string, string>;
  /** Credentials by security scheme name: a value, or a function called for each request. */
  auth?: AuthOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Retries of failed attempts; `false` turns them off. Default: 2 retries, 500 ms doubling, 30 s cap. */
  retry?: RetryOptions | false;
  /** Each attempt's time limit in ms (0: none). Default 60 000. */
  timeoutMs?: number;
  /** The header that carries a call's idempotency key. Default `Idempotency-Key`. */
  idempotencyHeader?: string;
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
  /** Overrides the client's retry options for this call; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Overrides the client's per-attempt time limit for this call. */
  timeoutMs?: number;
  /**
   * Sent in the idempotency header, the same on every retry of this call; it also makes a POST or
   * PATCH retryable. `true` makes one up (a random UUID).
   */
  idempotencyKey?: string | true;
}

export type DocumentedHeaders = Record<string, string | undefined>;

export interface ApiResponse<TData, THeaders = DocumentedHeaders> {
  data: TData;
  status: number;
  /** The response headers the spec documents, by the names it gives them. */
  headers: THeaders;
  /** The response itself (its body already read), for anything the spec does not document. */
  response: Response;
}

/**
 * A promise of the response body that can also give the whole response:
 * `await client.op(...)` is the data, `await client.op(...).withResponse()` adds status and headers.
 * The request starts at once, whichever of the two the caller awaits.
 */
export class ApiPromise<TData, THeaders = DocumentedHeaders> implements PromiseLike<TData> {
  readonly #response: Promise<ApiResponse<TData, THeaders>>;
  // Made on first use, so that awaiting only withResponse() leaves no unhandled rejection behind.
  #data: Promise<TData> | undefined;

  constructor(response: Promise<ApiResponse<TData, THeaders>>) {
    this.#response = response;
  }

  #body(): Promise<TData> {
    return (this.#data ??= this.#response.then((r) => r.data));
  }

  then<TResult1 = TData, TResult2 = never>(
    onfulfilled?: ((value: TData) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#body().then(onfulfilled, onrejected);
  }

  catch<TResult = never>(onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null): Promise<TData | TResult> {
    return this.#body().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TData> {
    return this.#body().finally(onfinally);
  }

  withResponse(): Promise<ApiResponse<TData, THeaders>> {
    return this.#response;
  }
}

// Declared by merging rather than as a `[Symbol.asyncIterator]()` member: TypeScript's isolated
// declaration emit writes such a member twice.
export interface PagedPromise<TPage, TItem, THeaders = DocumentedHeaders> extends AsyncIterable<TItem> {}

/**
 * The first page of a list operation that pages: `await` it for that page, `for await` over it
 * (or over `.items()`) for every item of every page, over `.pages()` for the pages themselves.
 */
export class PagedPromise<TPage, TItem, THeaders = DocumentedHeaders> extends ApiPromise<TPage, THeaders> {
  readonly #following: (previous: ApiResponse<TPage, THeaders>) => Promise<ApiResponse<TPage, THeaders>> | undefined;
  readonly #items: (page: TPage) => TItem[];

  constructor(
    first: Promise<ApiResponse<TPage, THeaders>>,
    following: (previous: ApiResponse<TPage, THeaders>) => Promise<ApiResponse<TPage, THeaders>> | undefined,
    items: (page: TPage) => TItem[],
  ) {
    super(first);
    this.#following = following;
    this.#items = items;
  }

  async *pages(): AsyncGenerator<TPage, void, undefined> {
    let current: Promise<ApiResponse<TPage, THeaders>> | undefined = this.withResponse();
    while (current) {
      const response: ApiResponse<TPage, THeaders> = await current;
      yield response.data;
      current = this.#following(response);
    }
  }

  async *items(): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* this.#items(page);
  }
}

Object.defineProperty(PagedPromise.prototype, Symbol.asyncIterator, {
  value(this: PagedPromise<unknown, unknown>) {
    return this.items();
  },
  writable: true,
  configurable: true,
});

export interface Runtime {
  readonly baseUrl: string;
  call<TData, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): ApiPromise<TData, THeaders>;
  paginate<TPage, TItem, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): PagedPromise<TPage, TItem, THeaders>;
}

export function resolveBaseUrl(options: ClientOptions, api: Pick<ApiDescription, 'servers' | 'title'>): string {
  if (options.baseUrl) return options.baseUrl.replace(/\/+$/, '');
  const server = api.servers[0];
  if (!server) {
    throw new RequestError(`${api.title}: the spec names no server, so pass { baseUrl } when creating the client`);
  }
  return server.url
    .replace(/\{([^{}]+)\}/g, (_m, name: string) => {
      const value = options.serverVariables?.[name] ?? server.variables?.[name]?.default;
      if (value === undefined || value === '') throw new RequestError(`${api.title}: no value for the server variable "${name}" (pass serverVariables: { ${JSON.stringify(name)}: ... })`);
      // A server variable fills the server part only: it cannot add a path, query or fragment.
      if (/[/?#@\\\s]/.test(value)) throw new RequestError(`${api.title}: server variable "${name}" cannot contain / ? # @ \\ or spaces`);
      return value;
    })
    .replace(/\/+$/, '');
}

function assertHeaderSafe(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(String(value))) {
      throw new RequestError(`header "${name.replace(/[\r\n]/g, ' ')}" contains a line break`);
    }
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
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
  const key = operation.headers ? responseKey(Object.keys(operation.headers), response.status) : undefined;
  const out: DocumentedHeaders = {};
  for (const name of (key && operation.headers?.[key]) || []) {
    const value = response.headers.get(name);
    // defineProperty, so that a header documented as `__proto__` is just a key.
    if (value !== null) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function parseJson(text: string, response: Response): unknown {
  const init = { status: response.status, rawText: text, headers: response.headers };
  if (text.trim() === '') throw new ResponseParseError(`expected a JSON body with status ${response.status}, got an empty body`, init);
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ResponseParseError(`expected a JSON body with status ${response.status}, got ${type}: ${text.slice(0, 80)}`, init);
  }
}

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Splits a next link into a path under the base URL and its query; refuses other origins. */
function linkUnderBase(link: string, baseUrl: string): { path: string; query: Record<string, unknown> } {
  const base = new URL(`${baseUrl}/`);
  const url = new URL(link, base);
  const basePath = base.pathname.replace(/\/$/, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
    throw new RequestError(`the next-page link ${url.origin}${url.pathname} is not under ${baseUrl}: not followed`);
  }
  const query: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { path: url.pathname.slice(basePath.length), query };
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };
type RawRequest = (method: string, url: string, init: object) => Promise<FetchResult>;

export function createRuntime(options: ClientOptions, api: ApiDescription): Runtime {
  const baseUrl = resolveBaseUrl(options, api);
  if (options.headers) assertHeaderSafe(options.headers);
  const clientRetry = options.retry === false ? false : { ...DEFAULT_RETRY, ...options.retry };
  const clientTimeout = options.timeoutMs ?? 60_000;
  const idempotencyHeader = options.idempotencyHeader ?? 'Idempotency-Key';
  const client = createClient<Record<string, never>>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    // The path arrives already expanded and encoded; openapi-fetch must not touch it.
    pathSerializer: (pathname) => pathname,
  });
  if (options.middleware?.length) client.use(...options.middleware);
  const request = client.request as unknown as RawRequest;

  /** One attempt under its own time limit, also cut short by the caller's signal. */
  async function attempt(method: string, path: string, init: Record<string, unknown>, timeoutMs: number, signal: AbortSignal | undefined): Promise<FetchResult> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new TimeoutError(`${method.toUpperCase()} ${path} took longer than ${timeoutMs} ms`));
          }, timeoutMs)
        : undefined;
    try {
      if (signal?.aborted) throw signal.reason;
      return await request(method, path, { ...init, signal: controller.signal });
    } catch (e) {
      if (timedOut) throw controller.signal.reason;
      if (signal?.aborted) throw signal.reason ?? e;
      if (e instanceof RequestError || isAbort(e)) throw e;
      throw new ConnectionError(`${method.toUpperCase()} ${path}: ${(e as Error).message}`, { cause: e });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function send<TData, THeaders>(
    operation: OperationSpec,
    parts: RequestParts,
    callOptions: CallOptions,
    literalPath?: string,
  ): Promise<ApiResponse<TData, THeaders>> {
    const path = literalPath ?? expandPath(operation.path, parts.path as Record<string, unknown> | undefined);
    const headers: Record<string, string> = { ...callOptions.headers };
    for (const [name, value] of Object.entries(parts.header ?? {})) {
      if (value !== undefined && value !== null) headers[name] = String(value);
    }
    const query: Record<string, unknown> = { ...(parts.query as Record<string, unknown> | undefined) };
    const cookies = Object.entries(parts.cookie ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    await applyAuth(operation.security, api.securitySchemes, options.auth, { headers, query, cookies });
    if (cookies.length > 0) headers.Cookie = cookies.join('; ');
    if (parts.body !== undefined && operation.bodyMediaType) headers['Content-Type'] ??= operation.bodyMediaType;
    const key = callOptions.idempotencyKey === true ? randomKey() : callOptions.idempotencyKey;
    if (key !== undefined) headers[idempotencyHeader] = key;
    assertHeaderSafe(headers);

    const retry = callOptions.retry === false ? false : callOptions.retry ? { ...DEFAULT_RETRY, ...callOptions.retry } : clientRetry;
    const retryable = retry !== false && (isIdempotent(operation.method) || key !== undefined);
    const maxRetries = retryable && retry ? retry.maxRetries : 0;
    const timeoutMs = callOptions.timeoutMs ?? clientTimeout;
    const init = {
      ...(parts.body !== undefined ? { body: parts.body } : {}),
      headers,
      parseAs: 'text',
      querySerializer: (q: Record<string, unknown>) => serializeQuery(q, operation.query),
      params: { query },
    };

    for (let retries = 0; ; retries++) {
      let result: FetchResult;
      try {
        result = await attempt(operation.method, path, init, timeoutMs, callOptions.signal);
      } catch (e) {
        if (retries < maxRetries && retry && (e instanceof ConnectionError || e instanceof TimeoutError)) {
          await sleep(retryDelay(retries + 1, retry), callOptions.signal);
          continue;
        }
        throw e;
      }
      const { response } = result;
      if (!response.ok) {
        if (retries < maxRetries && retry && isRetryableStatus(response.status)) {
          await sleep(retryDelay(retries + 1, retry, parseRetryAfter(response.headers.get('retry-after'))), callOptions.signal);
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
          url: response.url || `${baseUrl}${path}`,
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
    // Each page remembers the query that fetched it, to work out the next one.
    const queries = new WeakMap<object, Record<string, unknown>>();
    const fetchPage = (query: Record<string, unknown>, literalPath?: string) =>
      send<TPage, THeaders>(operation, { ...parts, query }, callOptions, literalPath).then((r) => {
        queries.set(r, query);
        return r;
      });
    const following = (previous: ApiResponse<TPage, THeaders>) => {
      const next = nextPage(spec, queries.get(previous) ?? {}, previous.data, previous.response.headers);
      if (!next) return undefined;
      if ('url' in next) {
        const { path, query } = linkUnderBase(next.url, baseUrl);
        return fetchPage(query, path);
      }
      return fetchPage(next.query);
    };
    const first = fetchPage({ ...(parts.query as Record<string, unknown> | undefined) });
    return new PagedPromise<TPage, TItem, THeaders>(first, following, (page) => pageItems(spec, page) as TItem[]);
  }

  return {
    baseUrl,
    call: <TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions = {}) =>
      new ApiPromise<TData, THeaders>(send<TData, THeaders>(operation, parts, callOptions)),
    paginate,
  };
}
