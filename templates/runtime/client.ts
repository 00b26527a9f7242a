// The runtime every generated client calls: one `createRuntime()` per client, built on
// openapi-fetch, and one `call()` per operation. Generated methods carry only the operation's
// description (method, path, statuses, security, pagination); all behaviour lives in this folder,
// typed and tested once: safe URLs and headers (base-url.ts, request-headers.ts), auth, redirects,
// retries and time-outs (send.ts, attempt.ts), typed errors, documented headers (responses.ts),
// pages (paginate.ts). The path of a plain call makes no closure, timer signal or copy it does not
// need: openapi-fetch plus this runtime stays within a few per cent of openapi-fetch.
import createClient, { defaultBodySerializer } from 'openapi-fetch';
import { ApiPromise } from './api-promise.js';
import { createAttempt, type RawRequest } from './attempt.js';
import { createAuth } from './auth.js';
import { resolveBaseUrl } from './base-url.js';
import type { ApiDescription, CallOptions, ClientOptions, OperationSpec, RequestParts, Runtime } from './contracts.js';
import { RequestError } from './errors.js';
import { checkHeader, checkHeaders } from './headers.js';
import { paginate } from './paginate.js';
import { redactText, redactUrl } from './redact.js';
import { DEFAULT_RETRY } from './retry.js';
import { createSend } from './send.js';
import { createTransport, DEFAULT_REDIRECTS } from './transport.js';

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
  const send = createSend({ baseUrl, attempt: createAttempt(request), resolveAuth, clientRetry, clientTimeout, idempotencyHeader, pageTransport });
  return {
    baseUrl,
    call: <TData, THeaders>(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions = {}) =>
      new ApiPromise<TData, THeaders>(send<TData, THeaders>(operation, parts, callOptions)),
    paginate: (operation, parts, callOptions) => paginate(send, baseUrl, options.maxPages, operation, parts, callOptions),
  };
}
