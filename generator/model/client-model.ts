// The client model: what the emitters read instead of raw OpenAPI. Operations with parameters
// grouped by location, the request body, responses by status, servers, security and docs.
// Schema types stay openapi-typescript's: the model only says where to index into them.
import { followReferences, splitPointer } from '../spec/references.js';
import { ERROR_CODES_EXTENSION, HTTP_METHODS, isObject, PAGINATION_EXTENSION, SOURCE_EXTENSION, type HttpMethod, type JsonObject, type OpenApiDocument, type ParameterLocation } from '../core/openapi-types.js';
import { operationTypeKeys } from './operation-keys.js';

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
}

export interface ResponseModel {
  /** `200`, `4XX` or `default`, as the spec writes it. */
  status: string;
  description?: string;
  /** The JSON media type of the body, when there is one; else the first media type. */
  mediaType?: string;
  isJson: boolean;
  headers: { name: string; required: boolean; description?: string }[];
  /** Documented error codes (`x-error-codes`). */
  errorCodes: string[];
}

export interface QueryStyleModel {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

/** `x-pagination`, checked: the runtime's PaginationSpec. */
export type PaginationModel =
  | { style: 'offset'; items: string; offsetParam: string; limitParam?: string; total?: string }
  | { style: 'page'; items: string; pageParam: string; sizeParam?: string; totalPages?: string; firstPage?: number }
  | { style: 'cursor'; items: string; cursorParam: string; nextCursor: string; hasMore?: string }
  | { style: 'next-link'; items: string; nextLink?: string };

export interface SecuritySchemeModel {
  name: string;
  kind: 'bearer' | 'basic' | 'apiKey';
  /** For API keys: where the key goes and under which name. */
  in?: 'header' | 'query' | 'cookie';
  parameterName?: string;
  description?: string;
}

export interface OperationModel {
  operationId: string;
  /** The key of this operation in openapi-typescript's `operations` (./operation-keys.ts). */
  typesKey: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  source?: string;
  parameters: Record<ParameterLocation, ParameterModel[]>;
  body?: { required: boolean; mediaType: string; description?: string };
  responses: ResponseModel[];
  /** Alternatives of scheme names; undefined when neither the operation nor the API asks for any. */
  security?: string[][];
  /** Query parameters whose documented style differs from the runtime's default. */
  queryStyles: Record<string, QueryStyleModel>;
  pagination?: PaginationModel;
}

export interface ServerModel {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
}

export interface SchemaModel {
  /** The key into openapi-typescript's `components['schemas']`. */
  name: string;
  description?: string;
}

export interface ClientModel {
  title: string;
  description?: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  operations: OperationModel[];
  schemas: SchemaModel[];
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$|^text\/json$/i;

export function isJsonMediaType(mediaType: string): boolean {
  return JSON_MEDIA.test(mediaType.split(';')[0]!.trim());
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Prefers `application/json`, then any JSON type, then the first one listed. */
function pickMediaType(content: unknown): { mediaType?: string; isJson: boolean } {
  if (!isObject(content)) return { isJson: false };
  const types = Object.keys(content);
  const json = types.find((t) => t.toLowerCase() === 'application/json') ?? types.find(isJsonMediaType);
  if (json) return { mediaType: json, isJson: true };
  return types[0] ? { mediaType: types[0], isJson: false } : { isJson: false };
}

function resolve(doc: OpenApiDocument, value: unknown): JsonObject | undefined {
  const resolved = followReferences(doc, value);
  return isObject(resolved) ? resolved : undefined;
}

function buildParameters(doc: OpenApiDocument, lists: unknown[]): Record<ParameterLocation, ParameterModel[]> {
  const byKey = new Map<string, ParameterModel>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolve(doc, raw);
      if (!parameter || typeof parameter.name !== 'string') continue;
      const location = parameter.in;
      if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') continue;
      const description = text(parameter.description);
      // Operation-level parameters override path-level ones with the same name and location.
      byKey.set(`${location}:${parameter.name}`, {
        name: parameter.name,
        in: location,
        required: location === 'path' || parameter.required === true,
        ...(description ? { description } : {}),
      });
    }
  }
  const grouped: Record<ParameterLocation, ParameterModel[]> = { path: [], query: [], header: [], cookie: [] };
  for (const parameter of byKey.values()) grouped[parameter.in].push(parameter);
  return grouped;
}

function buildResponses(doc: OpenApiDocument, responses: unknown): ResponseModel[] {
  if (!isObject(responses)) return [];
  return Object.entries(responses).flatMap(([status, raw]) => {
    const response = resolve(doc, raw);
    if (!response) return [];
    const headers = Object.entries(isObject(response.headers) ? response.headers : {}).flatMap(([name, rawHeader]) => {
      const header = resolve(doc, rawHeader);
      if (!header || name.toLowerCase() === 'content-type') return [];
      const description = text(header.description);
      return [{ name, required: header.required === true, ...(description ? { description } : {}) }];
    });
    const description = text(response.description);
    const codes = response[ERROR_CODES_EXTENSION];
    const errorCodes = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
    return [{ status, ...(description ? { description } : {}), ...pickMediaType(response.content), headers, errorCodes }];
  });
}

function buildSecurity(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((requirement) => Object.keys(requirement));
}

function buildSecuritySchemes(doc: OpenApiDocument): SecuritySchemeModel[] {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return Object.entries(schemes).flatMap(([name, raw]): SecuritySchemeModel[] => {
    const scheme = resolve(doc, raw);
    if (!scheme) return [];
    const description = text(scheme.description);
    const base = { name, ...(description ? { description } : {}) };
    const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    if (scheme.type === 'http' && httpScheme === 'basic') return [{ ...base, kind: 'basic' }];
    // OAuth 2 and OpenID Connect end in a bearer token; getting one is the caller's job.
    if ((scheme.type === 'http' && httpScheme === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return [{ ...base, kind: 'bearer' }];
    if (scheme.type === 'apiKey' && typeof scheme.name === 'string' && (scheme.in === 'header' || scheme.in === 'query' || scheme.in === 'cookie')) {
      return [{ ...base, kind: 'apiKey', in: scheme.in, parameterName: scheme.name }];
    }
    return []; // mutualTLS and other HTTP schemes are set up outside the client (fetch, agent)
  });
}

const STYLES = new Set(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

function buildQueryStyles(doc: OpenApiDocument, lists: unknown[]): Record<string, QueryStyleModel> {
  const out: Record<string, QueryStyleModel> = {};
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = resolve(doc, raw);
      if (!p || p.in !== 'query' || typeof p.name !== 'string') continue;
      const style = typeof p.style === 'string' && STYLES.has(p.style) ? (p.style as QueryStyleModel['style']) : undefined;
      const explode = typeof p.explode === 'boolean' ? p.explode : undefined;
      // form + explode is the runtime's default for arrays; only say what differs.
      if ((style === undefined || style === 'form') && explode !== false && style !== 'form') continue;
      if (style === 'form' && explode !== false) {
        const schema = resolve(doc, p.schema);
        if (!schema || schema.type !== 'object') continue;
      }
      Object.defineProperty(out, p.name, { value: { ...(style ? { style } : {}), ...(explode !== undefined ? { explode } : {}) }, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

function pointer(value: unknown): value is string {
  return typeof value === 'string' && splitPointer(value) !== undefined;
}

function name(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Checks a declared `x-pagination`; a malformed one is ignored rather than trusted. */
export function readPagination(value: unknown): PaginationModel | undefined {
  if (!isObject(value) || !pointer(value.items)) return undefined;
  const items = value.items;
  const opt = <K extends string>(key: K, ok: (v: unknown) => boolean): Partial<Record<K, string>> =>
    ok(value[key]) ? ({ [key]: value[key] } as Record<K, string>) : {};
  switch (value.style) {
    case 'offset':
      return name(value.offsetParam) ? { style: 'offset', items, offsetParam: value.offsetParam, ...opt('limitParam', name), ...opt('total', pointer) } : undefined;
    case 'page':
      return name(value.pageParam)
        ? { style: 'page', items, pageParam: value.pageParam, ...opt('sizeParam', name), ...opt('totalPages', pointer), ...(typeof value.firstPage === 'number' ? { firstPage: value.firstPage } : {}) }
        : undefined;
    case 'cursor':
      return name(value.cursorParam) && pointer(value.nextCursor)
        ? { style: 'cursor', items, cursorParam: value.cursorParam, nextCursor: value.nextCursor, ...opt('hasMore', pointer) }
        : undefined;
    case 'next-link':
      return { style: 'next-link', items, ...opt('nextLink', pointer) };
    default:
      return undefined;
  }
}

export function buildClientModel(doc: OpenApiDocument): ClientModel {
  const info = isObject(doc.info) ? doc.info : {};
  const operations: OperationModel[] = [];
  const typesKeys = operationTypeKeys(doc);
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const item = resolve(doc, rawItem);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      const requestBody = resolve(doc, operation.requestBody);
      const bodyMedia = requestBody ? pickMediaType(requestBody.content) : undefined;
      const summary = text(operation.summary);
      const description = text(operation.description);
      const source = text(operation[SOURCE_EXTENSION]);
      const bodyDescription = requestBody ? text(requestBody.description) : undefined;
      const security = buildSecurity(operation.security ?? doc.security);
      const pagination = readPagination(operation[PAGINATION_EXTENSION]);
      operations.push({
        operationId: operation.operationId,
        typesKey: typesKeys.get(operation.operationId) ?? operation.operationId,
        method,
        path,
        ...(summary ? { summary } : {}),
        ...(description ? { description } : {}),
        deprecated: operation.deprecated === true,
        tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === 'string') : [],
        ...(source ? { source } : {}),
        parameters: buildParameters(doc, [item.parameters, operation.parameters]),
        ...(requestBody && bodyMedia?.mediaType
          ? { body: { required: requestBody.required === true, mediaType: bodyMedia.mediaType, ...(bodyDescription ? { description: bodyDescription } : {}) } }
          : {}),
        responses: buildResponses(doc, operation.responses),
        ...(security ? { security } : {}),
        queryStyles: buildQueryStyles(doc, [item.parameters, operation.parameters]),
        ...(pagination ? { pagination } : {}),
      });
    }
  }
  const servers: ServerModel[] = (Array.isArray(doc.servers) ? doc.servers : []).flatMap((server) => {
    if (!isObject(server) || typeof server.url !== 'string') return [];
    const description = text(server.description);
    const variables = Object.entries(isObject(server.variables) ? server.variables : {}).flatMap(([name, v]) => {
      if (!isObject(v)) return [];
      const variableDescription = text(v.description);
      const values = Array.isArray(v.enum) ? v.enum.filter((e): e is string => typeof e === 'string') : undefined;
      return [{ name, default: String(v.default ?? ''), ...(values ? { enum: values } : {}), ...(variableDescription ? { description: variableDescription } : {}) }];
    });
    return [{ url: server.url, ...(description ? { description } : {}), variables }];
  });
  const schemas = Object.entries(isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}).map(([name, schema]) => {
    const description = isObject(schema) ? text(schema.description) : undefined;
    return { name, ...(description ? { description } : {}) };
  });
  const description = text(info.description);
  return { title: text(info.title) ?? 'API', ...(description ? { description } : {}), servers, securitySchemes: buildSecuritySchemes(doc), operations, schemas };
}
