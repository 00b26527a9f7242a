// Builds request paths so that no parameter value can change the path: every value is
// percent-encoded into its own segment, and values the URL parser would treat as dot segments
// (or empty ones) are refused before any request is made.
import { RequestError } from './errors.js';

const TEMPLATE = /\{([^{}]+)\}/g;

/** `encodeURIComponent` leaves `.`, `!`, `'`, `(`, `)`, `*` alone; dots matter for `..`. */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `.` and `..` survive encoding and the URL parser would resolve them away. (A value such as
 * `%2e%2e` is safe: its `%` is encoded, so it arrives as the literal text.)
 */
function isDotSegment(value: string): boolean {
  return value === '.' || value === '..';
}

/** A template split once: literal text at even indexes, parameter names at odd ones. */
const split = new Map<string, readonly string[]>();

function encodeParameter(name: string, value: unknown, template: string): string {
  if (value === undefined || value === null) {
    throw new RequestError(`missing path parameter "${name}" for ${template}`);
  }
  if (typeof value === 'object') {
    throw new RequestError(`path parameter "${name}" must be a string, number or boolean`);
  }
  const text = String(value);
  if (text === '') throw new RequestError(`path parameter "${name}" is empty`);
  if (isDotSegment(text)) throw new RequestError(`path parameter "${name}" cannot be "${text}": it would change the path`);
  try {
    return encodeSegment(text);
  } catch {
    // encodeURIComponent's URIError: a lone surrogate, which has no UTF-8 form.
    throw new RequestError(`path parameter "${name}" has a lone surrogate (malformed UTF-16), which no URL can carry`);
  }
}

export function expandPath(template: string, params: Record<string, unknown> | undefined): string {
  let parts = split.get(template);
  if (parts === undefined) {
    parts = template.split(TEMPLATE);
    // Templates come from the generated clients: a bounded set, unless a caller makes them up.
    if (split.size < 1000) split.set(template, parts);
  }
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) path += encodeParameter(parts[i]!, params?.[parts[i]!], template) + parts[i + 1]!;
  return path;
}
