// Reads a corpus page's `<page>.gold.json`: the facts the page itself shows, as the corpus README
// defines them. `null` means the page does not say; such a value is never compared.
import { error, type Diagnostic } from '../core/diagnostics.js';

export type BaseType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
export const BASE_TYPES: readonly BaseType[] = ['string', 'integer', 'number', 'boolean', 'array', 'object'];

export interface GoldParam {
  name: string;
  in: string;
  required: boolean | null;
  type: BaseType | null;
}

export interface GoldProperty {
  name: string;
  required: boolean | null;
  type: BaseType | null;
}

export interface GoldResponseProperty {
  /** `null`: the page ties the sample to no status. */
  status: string | null;
  /** `null`: a top-level array. */
  name: string | null;
  type: BaseType | null;
}

export interface GoldHeader {
  status: string | null;
  name: string | null;
}

export interface Gold {
  method: string | null;
  path: string;
  server: string | null;
  params: GoldParam[] | null;
  body: GoldProperty[] | null;
  statuses: string[] | null;
  response2xx: GoldResponseProperty[] | null;
  responseHeaders: GoldHeader[] | null;
}

class GoldError extends Error {}

function expectObject(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GoldError(`${at}: expected an object`);
  return value as Record<string, unknown>;
}

function expectString(value: unknown, at: string): string {
  if (typeof value !== 'string' || value === '') throw new GoldError(`${at}: expected a non-empty string`);
  return value;
}

function optionalString(value: unknown, at: string): string | null {
  return value === null || value === undefined ? null : expectString(value, at);
}

function optionalBoolean(value: unknown, at: string): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') throw new GoldError(`${at}: expected true, false or null`);
  return value;
}

function optionalType(value: unknown, at: string): BaseType | null {
  // `"null"`: the sample's value is null, which says nothing of the property's type.
  if (value === null || value === undefined || value === 'null') return null;
  if (!(BASE_TYPES as readonly unknown[]).includes(value)) throw new GoldError(`${at}: expected one of ${BASE_TYPES.join(', ')} or null`);
  return value as BaseType;
}

function optionalList<T>(value: unknown, at: string, read: (item: unknown, at: string) => T): T[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw new GoldError(`${at}: expected an array or null`);
  return value.map((item, i) => read(item, `${at}[${i}]`));
}

/** A status as the gold writes it: `201`, `4XX`, `default`. */
function readStatus(value: unknown, at: string): string {
  const status = typeof value === 'number' ? String(value) : expectString(value, at);
  if (!/^([1-5]([0-9]{2}|XX)|default)$/i.test(status)) throw new GoldError(`${at}: expected a status code, NXX or default`);
  return status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase();
}

export function parseGold(value: unknown): Gold {
  const gold = expectObject(value, 'the gold');
  return {
    method: optionalString(gold.method, 'method')?.toLowerCase() ?? null,
    path: expectString(gold.path, 'path'),
    server: optionalString(gold.server, 'server'),
    params: optionalList(gold.params, 'params', (item, at) => {
      const p = expectObject(item, at);
      return { name: expectString(p.name, `${at}.name`), in: expectString(p.in, `${at}.in`), required: optionalBoolean(p.required, `${at}.required`), type: optionalType(p.type, `${at}.type`) };
    }),
    body: optionalList(gold.body, 'body', (item, at) => {
      const p = expectObject(item, at);
      return { name: expectString(p.name, `${at}.name`), required: optionalBoolean(p.required, `${at}.required`), type: optionalType(p.type, `${at}.type`) };
    }),
    statuses: optionalList(gold.statuses, 'statuses', readStatus),
    response2xx: optionalList(gold.response2xx, 'response2xx', (item, at) => {
      const p = expectObject(item, at);
      return {
        status: p.status === null || p.status === undefined ? null : readStatus(p.status, `${at}.status`),
        name: optionalString(p.name, `${at}.name`),
        type: optionalType(p.type, `${at}.type`),
      };
    }),
    responseHeaders: optionalList(gold.responseHeaders, 'responseHeaders', (item, at) => {
      const p = expectObject(item, at);
      return { status: p.status === null || p.status === undefined ? null : readStatus(p.status, `${at}.status`), name: optionalString(p.name, `${at}.name`) };
    }),
  };
}

/** Reads a gold file's text, or explains (naming the file and the field) what was expected. */
export function readGold(text: string, file: string): { gold?: Gold; diagnostics: Diagnostic[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { diagnostics: [error(`expected a gold file in JSON: ${(e as Error).message}`, { file })] };
  }
  try {
    return { gold: parseGold(value), diagnostics: [] };
  } catch (e) {
    if (!(e instanceof GoldError)) throw e;
    return { diagnostics: [error(`expected a gold file as the corpus README describes it: ${e.message}`, { file })] };
  }
}
