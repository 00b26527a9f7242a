// The runtime shared by every generated client (copied to `generated/runtime/`).
export { ApiPromise, createRuntime, resolveBaseUrl } from './client.js';
export type { ApiResponse, CallOptions, ClientOptions, DocumentedHeaders, HttpMethod, OperationSpec, RequestParts, ServerSpec, Runtime } from './client.js';
export { ApiError, ConnectionError, RequestError, ResponseParseError } from './errors.js';
export { encodeSegment, expandPath } from './path.js';
