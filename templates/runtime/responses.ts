// A response read as the spec documents it: the documented status it falls under, the documented
// headers it carries, and its JSON body (a body that is not JSON is a ResponseParseError).
import type { DocumentedHeaders } from './api-promise.js';
import type { OperationSpec } from './contracts.js';
import { ResponseParseError } from './errors.js';

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
export function documentedHeaders(operation: OperationSpec, response: Response): DocumentedHeaders {
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

export function parseJson(text: string, response: Response): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const init = { status: response.status, rawText: text, headers: response.headers };
    if (text.trim() === '') throw new ResponseParseError(`expected a JSON body with status ${response.status}, got an empty body`, init);
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ResponseParseError(`expected a JSON body with status ${response.status}, got ${type}: ${text.slice(0, 80)}`, init);
  }
}
