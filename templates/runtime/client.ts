// The runtime every generated client calls: one `createRuntime()` per client, built on
// openapi-fetch, and one `call()` per operation. Generated methods carry only the operation's
// description (method, path, statuses); all behaviour lives here, typed and tested once.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, ConnectionError, RequestError, ResponseParseError } from './errors.js';
import { expandPath } from './path.js';

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

export interface ClientOptions {
  /** The server to call; defaults to the first server of the spec. */
  baseUrl?: string;
  /** Values for the server's `{variables}` when `baseUrl` is not given. */
  serverVariables?: Record<string, string>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A fetch implementation (defaults to the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** openapi-fetch middleware: `onRequest`, `onResponse`, `onError`. */
  middleware?: readonly Middleware[];
}

export interface CallOptions {
  /** Headers for this call only. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
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

export interface Runtime {
  readonly baseUrl: string;
  call<TData, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): ApiPromise<TData, THeaders>;
}

export function resolveBaseUrl(options: ClientOptions, servers: readonly ServerSpec[], apiTitle: string): string {
  if (options.baseUrl) return options.baseUrl;
  const server = servers[0];
  if (!server) {
    throw new RequestError(`${apiTitle}: the spec names no server, so pass { baseUrl } when creating the client`);
  }
  return server.url.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
    const value = options.serverVariables?.[name] ?? server.variables?.[name]?.default;
    if (value === undefined) throw new RequestError(`${apiTitle}: no value for the server variable "${name}"`);
    // A server variable fills the server part only: it cannot add a path, query or fragment.
    if (/[/?#@\\\s]/.test(value)) throw new RequestError(`${apiTitle}: server variable "${name}" cannot contain / ? # @ \\ or spaces`);
    return value;
  });
}

export function createRuntime(options: ClientOptions, servers: readonly ServerSpec[], apiTitle: string): Runtime {
  const baseUrl = resolveBaseUrl(options, servers, apiTitle);
  const client = createClient<Record<string, never>>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    // The path arrives already expanded and encoded; openapi-fetch must not touch it.
    pathSerializer: (pathname) => pathname,
  });
  if (options.middleware?.length) client.use(...options.middleware);

  async function send<TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions): Promise<ApiResponse<TData, THeaders>> {
    const path = expandPath(operation.path, parts.path as Record<string, unknown> | undefined);
    const headers = { ...callOptions.headers };
    for (const [name, value] of Object.entries(parts.header ?? {})) {
      if (value !== undefined && value !== null) headers[name] = String(value);
    }
    for (const [name, value] of Object.entries(headers)) {
      if (/[\r\n]/.test(value) || /[\r\n]/.test(name)) throw new RequestError(`header "${name.replace(/[\r\n]/g, ' ')}" contains a line break`);
    }
    if (parts.body !== undefined && operation.bodyMediaType) headers['Content-Type'] ??= operation.bodyMediaType;
    const request = client.request as unknown as (method: string, url: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      result = await request(operation.method, path, {
        params: { query: parts.query },
        ...(parts.body !== undefined ? { body: parts.body } : {}),
        headers,
        parseAs: 'text',
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      });
    } catch (e) {
      if (e instanceof RequestError || (e instanceof Error && e.name === 'AbortError')) throw e;
      throw new ConnectionError(`${operation.method.toUpperCase()} ${operation.path}: ${(e as Error).message}`, { cause: e });
    }
    const { response } = result;
    if (!response.ok) {
      const raw = result.error;
      const rawText = raw === undefined ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
      throw new ApiError({
        operationId: operation.operationId,
        status: response.status,
        body: raw,
        headers: documentedHeaders(operation, response),
        response,
        rawText,
        documented: matchesStatus(operation.errors, response.status),
        method: operation.method,
        url: response.url || `${baseUrl}${path}`,
      });
    }
    const text = typeof result.data === 'string' ? result.data : '';
    const expectsJson = matchesStatus(operation.json, response.status);
    const data = (expectsJson ? parseJson(text, response) : text || undefined) as TData;
    return { data, status: response.status, headers: documentedHeaders(operation, response) as THeaders, response };
  }

  return {
    baseUrl,
    call: <TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions = {}) =>
      new ApiPromise<TData, THeaders>(send<TData, THeaders>(operation, parts, callOptions)),
  };
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

/** Whether a status is among responses written as `200`, `2XX` or `default`. */
export function matchesStatus(statuses: readonly string[], status: number): boolean {
  const text = String(status);
  return statuses.some((s) => s === text || s === 'default' || (s.length === 3 && s.endsWith('XX') && s[0] === text[0]));
}

function parseJson(text: string, response: Response): unknown {
  if (text.trim() === '') {
    throw new ResponseParseError(`expected a JSON body with status ${response.status}, got an empty body`, { status: response.status, rawText: text, headers: response.headers });
  }
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ResponseParseError(`expected a JSON body with status ${response.status}, got ${type}: ${text.slice(0, 80)}`, {
      status: response.status,
      rawText: text,
      headers: response.headers,
    });
  }
}
