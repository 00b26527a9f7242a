// The runtime shared by every generated client (copied to `generated/runtime/`).
export { applyAuth } from './auth.js';
export type { AuthOptions, BasicCredentials, Credential, SecuritySchemeSpec } from './auth.js';
export { ApiPromise, createRuntime, matchesStatus, PagedPromise, resolveBaseUrl } from './client.js';
export type { ApiDescription, ApiResponse, CallOptions, ClientOptions, DocumentedHeaders, HttpMethod, OperationSpec, RequestParts, Runtime, ServerSpec } from './client.js';
export { ApiError, ConnectionError, redactUrl, RequestError, ResponseParseError, TimeoutError } from './errors.js';
export { nextFromLinkHeader, nextPage, readPointer } from './pagination.js';
export type { PaginationSpec } from './pagination.js';
export { encodeSegment, expandPath } from './path.js';
export { serializeQuery } from './query.js';
export type { QueryStyle } from './query.js';
export { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';
export type { RetryOptions } from './retry.js';
