// One call from request to typed result: the URL, query, headers and body worked out once, then
// attempts until one succeeds or no retry is left (connection failures, time-outs and retryable
// statuses of idempotent calls, or of calls with an idempotency key); a documented error status
// becomes an ApiError, a success its documented data and headers.
import type { ApiResponse } from './api-promise.js';
import type { ResolveAuth } from './auth.js';
import type { CallOptions, OperationSpec, RequestParts } from './contracts.js';
import type { FetchResult, Prepared } from './attempt.js';
import { ApiError, ConnectionError, PaginationError, RedirectError, RequestError, ResponseParseError, ResponseTooLargeError, TimeoutError } from './errors.js';
import { expandPath } from './path.js';
import { serializeQuery } from './query.js';
import { redactUrl } from './redact.js';
import { callHeaders, hasKeys } from './request-headers.js';
import { documentedHeaders, matchesStatus, parseJson } from './responses.js';
import { isIdempotent, isRetryableStatus, mergeRetry, parseRetryAfter, retryDelay, sleep, type RetryOptions } from './retry.js';

/** A page of a paged list: its query, and the path of a next-page link when it came from one. */
export interface PageRequest {
  path?: string;
  query: Record<string, unknown>;
}

/** One call of one client; `page` for a page of a paged list. */
export type Send = <TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions, page?: PageRequest) => Promise<ApiResponse<TData, THeaders>>;

/** What a client's calls share: worked out once, when the client is created. */
export interface SendContext {
  baseUrl: string;
  attempt: (call: Prepared) => Promise<FetchResult>;
  resolveAuth: ResolveAuth;
  /** The client's retry options, `false` when it retries nothing. */
  clientRetry: Required<RetryOptions> | false;
  clientTimeout: number;
  idempotencyHeader: string;
  /** The transport for pages after the first (see transport.ts). */
  pageTransport: unknown;
}

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

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

/** The send function of one client. */
export function createSend({ baseUrl, attempt, resolveAuth, clientRetry, clientTimeout, idempotencyHeader, pageTransport }: SendContext): Send {
  /** One call; `page`, for a page of a paged list, has its query (and a next link's path). */
  async function send<TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions, page?: PageRequest): Promise<ApiResponse<TData, THeaders>> {
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
    const headers = callHeaders(operation, parts, callOptions, auth, key, idempotencyHeader);
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

  return send;
}
