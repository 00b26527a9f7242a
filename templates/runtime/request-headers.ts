// The headers one call sends: the call's own, the request's header parameters, credentials, cookies,
// the body's media type and the idempotency key, each checked before anything is sent.
import type { AuthParts } from './auth.js';
import type { CallOptions, OperationSpec, RequestParts } from './contracts.js';
import { RequestError } from './errors.js';
import { checkHeader, checkHeaders } from './headers.js';

export function hasKeys(object: object): boolean {
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

/** Headers of one call: the call's, the request's parameters, credentials, cookies, body type, key. */
export function callHeaders(operation: OperationSpec, parts: RequestParts, callOptions: CallOptions, auth: AuthParts | undefined, key: string | undefined, idempotencyHeader: string): Record<string, string> | undefined {
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
