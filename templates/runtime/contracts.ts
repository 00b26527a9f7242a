// What a generated client and its callers hand the runtime: each operation's description, the API's
// servers and security schemes, the client's and each call's options; and the runtime's own shape.
// Types only: nothing here runs.
import type { Middleware } from 'openapi-fetch';
import type { ApiPromise, DocumentedHeaders, PagedPromise } from './api-promise.js';
import type { AuthOptions, SecuritySchemeSpec } from './auth.js';
import type { PaginationSpec } from './pagination.js';
import type { QueryStyle } from './query.js';
import type { RetryOptions } from './retry.js';
import type { RedirectOptions } from './transport.js';

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

export interface Runtime {
  readonly baseUrl: string;
  call<TData, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): ApiPromise<TData, THeaders>;
  paginate<TPage, TItem, THeaders = DocumentedHeaders>(operation: OperationSpec, parts: RequestParts, options?: CallOptions): PagedPromise<TPage, TItem, THeaders>;
}
