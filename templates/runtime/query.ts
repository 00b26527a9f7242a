// Serializes query parameters so that neither values nor names nor object keys can add a
// parameter: everything is percent-encoded (openapi-fetch leaves names and deepObject keys raw).
// Arrays explode as `a=1&a=2` (form); objects are deepObject, `a[k]=v`, recursing into nested
// objects (`a[k][j]=v`) and arrays (`a[k][0]=v`), unless a parameter's documented style says
// otherwise. A value that its style cannot write (an object inside a form array, a lone
// surrogate) is a RequestError: nothing is ever sent as `[object Object]`.
import { RequestError } from './errors.js';

export interface QueryStyle {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

/** Deeper than this is refused, which also stops an object that contains itself. */
const MAX_DEPTH = 8;

const enc = encodeURIComponent;

function primitive(name: string, value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') {
    throw new RequestError(`query parameter "${name}" holds an object or array where its style takes only strings, numbers and booleans`);
  }
  return String(value);
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `key[a][b]=v` for every leaf of `value`, arrays by index. */
function pushDeep(parts: string[], name: string, key: string, value: unknown, depth: number): void {
  if (!isPresent(value)) return;
  if (typeof value !== 'object' || value instanceof Date) {
    parts.push(`${enc(key)}=${enc(primitive(name, value))}`);
    return;
  }
  if (depth >= MAX_DEPTH) throw new RequestError(`query parameter "${name}" nests deeper than ${MAX_DEPTH} levels (or contains itself)`);
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value as object);
  for (const [k, v] of entries) pushDeep(parts, name, `${key}[${k}]`, v, depth + 1);
}

function pushParameter(parts: string[], name: string, value: unknown, style: QueryStyle | undefined): void {
  if (Array.isArray(value)) {
    const items = value.filter(isPresent).map((v) => primitive(name, v));
    if (style?.explode === false || style?.style === 'spaceDelimited' || style?.style === 'pipeDelimited') {
      const separator = style?.style === 'spaceDelimited' ? '%20' : style?.style === 'pipeDelimited' ? '|' : ',';
      parts.push(`${enc(name)}=${items.map(enc).join(separator)}`);
    } else {
      for (const item of items) parts.push(`${enc(name)}=${enc(item)}`);
    }
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => isPresent(v));
    if (style?.style === 'form' && style.explode !== false) {
      for (const [key, v] of entries) parts.push(`${enc(key)}=${enc(primitive(name, v))}`);
    } else if (style?.style === 'form') {
      parts.push(`${enc(name)}=${entries.map(([k, v]) => `${enc(k)},${enc(primitive(name, v))}`).join(',')}`);
    } else {
      pushDeep(parts, name, name, value, 0);
    }
  } else {
    parts.push(`${enc(name)}=${enc(primitive(name, value))}`);
  }
}

export function serializeQuery(query: Record<string, unknown> | undefined, styles?: Readonly<Record<string, QueryStyle>>): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (!isPresent(value)) continue;
    try {
      pushParameter(parts, name, value, styles?.[name]);
    } catch (error) {
      // encodeURIComponent's URIError: a lone surrogate, which has no UTF-8 form.
      if (error instanceof URIError) throw new RequestError(`query parameter "${name}" has a lone surrogate (malformed UTF-16), which no URL can carry`);
      throw error;
    }
  }
  return parts.join('&');
}
