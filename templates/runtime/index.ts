// The runtime shared by every generated client (copied to `generated/runtime/`).
export { ApiPromise, PagedPromise } from './api-promise.js';
export type { ApiResponse, DocumentedHeaders } from './api-promise.js';
export { createAuth } from './auth.js';
export type { AuthOptions, BasicCredentials, Credential, SecuritySchemeSpec } from './auth.js';
export { createRuntime, matchesStatus, resolveBaseUrl } from './client.js';
export type { ApiDescription, CallOptions, ClientOptions, HttpMethod, OperationSpec, RequestParts, Runtime, ServerSpec } from './client.js';
export { ApiError, ConnectionError, PaginationError, RedirectError, RequestError, ResponseParseError, ResponseTooLargeError, TimeoutError } from './errors.js';
export { checkHeader } from './headers.js';
export { nextFromLinkHeader, nextPage, readPointer } from './pagination.js';
export type { PaginationSpec } from './pagination.js';
export { encodeSegment, expandPath } from './path.js';
export { serializeQuery } from './query.js';
export type { QueryStyle } from './query.js';
export { redactText, redactUrl } from './redact.js';
export { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';
export type { RetryOptions } from './retry.js';
export type { RedirectOptions } from './transport.js';
