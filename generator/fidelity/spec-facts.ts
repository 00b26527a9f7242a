// Reads the facts the fidelity harness compares out of an OpenAPI 3.x document: each operation with
// its parameters, top-level request properties, statuses, top-level 2xx properties and response
// headers, every `$ref` followed, every type reduced to the gold's base types.
import { HTTP_METHODS, INFERRED_EXTENSION, isObject, UNRESOLVED_EXTENSION, type JsonObject, type OpenApiDocument } from '../core/openapi-types.js';
import { resolveReference } from '../spec/references.js';
import type { BaseType } from './gold.js';

export interface SpecParameter {
  name: string;
  in: string;
  required: boolean;
  type: BaseType | null;
  inferred: boolean;
}

export interface SpecProperty {
  name: string;
  required: boolean;
  type: BaseType | null;
  inferred: boolean;
}

export interface SpecResponse {
  status: string;
  inferred: boolean;
  /** Top-level properties of its bodies (every media type). */
  properties: SpecProperty[];
  /** A body whose top level is an array. */
  array: boolean;
  headers: { name: string; inferred: boolean }[];
}

export interface SpecOperation {
  method: string;
  path: string;
  /** Server URLs in force for the operation (document, path item and operation level). */
  servers: string[];
  inferred: boolean;
  parameters: SpecParameter[];
  body: SpecProperty[];
  responses: SpecResponse[];
}

const MAX_REF_HOPS = 32;

function isInferred(node: unknown): boolean {
  return isObject(node) && Boolean(node[INFERRED_EXTENSION]);
}

/** Follows local `$ref`s; undefined when one points nowhere (a document cut before its target). */
function resolve(doc: OpenApiDocument, node: unknown): JsonObject | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > MAX_REF_HOPS || !current.$ref.startsWith('#')) return undefined;
    try {
      current = resolveReference(doc, current.$ref);
    } catch {
      return undefined; // a malformed %-escape
    }
  }
  return isObject(current) ? current : undefined;
}

function typeOfValue(value: unknown): BaseType | null {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (Array.isArray(value)) return 'array';
  if (isObject(value)) return 'object';
  return null;
}

/** One kind for a list of kinds, or null when they are two different ones (an either/or type). */
function oneKind(kinds: (BaseType | null)[]): BaseType | null {
  const known = new Set(kinds);
  if (known.has(null) || known.size !== 1) return null;
  return [...known][0]!;
}

const SCHEMA_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object']);

/** The schema's type as the gold writes it: `string | null` is `string`, `{}` is null. */
export function baseType(doc: OpenApiDocument, node: unknown, depth = 0): BaseType | null {
  const schema = resolve(doc, node);
  if (!schema || schema[UNRESOLVED_EXTENSION] || depth > MAX_REF_HOPS) return null;
  const type = schema.type;
  if (typeof type === 'string') return SCHEMA_TYPES.has(type) ? (type as BaseType) : null;
  if (Array.isArray(type)) {
    const kinds = type.filter((t) => t !== 'null');
    return oneKind(kinds.map((t) => (typeof t === 'string' && SCHEMA_TYPES.has(t) ? (t as BaseType) : null)));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    const nonNull = members.filter((m) => !(isObject(m) && m.type === 'null'));
    return oneKind(nonNull.map((m) => baseType(doc, m, depth + 1)));
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const kind = baseType(doc, member, depth + 1);
      if (kind) return kind;
    }
  }
  if ('const' in schema) return typeOfValue(schema.const);
  if (Array.isArray(schema.enum)) return oneKind(schema.enum.filter((v) => v !== null).map(typeOfValue));
  if (isObject(schema.properties) || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return null;
}

/** Top-level properties of a schema, `allOf` members included. */
function topLevelProperties(doc: OpenApiDocument, node: unknown, depth = 0): SpecProperty[] {
  const schema = resolve(doc, node);
  if (!schema || depth > MAX_REF_HOPS) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const found: SpecProperty[] = [];
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      found.push({ name, required: required.has(name), type: baseType(doc, property), inferred: isInferred(property) });
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      for (const property of topLevelProperties(doc, member, depth + 1)) {
        if (found.some((p) => p.name === property.name)) continue;
        found.push({ ...property, required: property.required || required.has(property.name) });
      }
    }
  }
  for (const property of unionProperties(doc, schema, depth)) {
    if (found.some((p) => p.name === property.name)) continue;
    found.push({ ...property, required: property.required || required.has(property.name) });
  }
  return found;
}

/**
 * The top-level properties of a body that is one of several object schemas (`anyOf`/`oneOf`):
 * every branch's, each once. A property is required when every branch requires it (then any body
 * has it), and has a type when the branches that have it agree; a branch that makes it `null`
 * only makes it nullable, as `anyOf [X, null]` is X. A `null` branch adds no property.
 */
function unionProperties(doc: OpenApiDocument, schema: JsonObject, depth: number): SpecProperty[] {
  const found: SpecProperty[] = [];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    const branches = members
      .map((member) => resolve(doc, member))
      .filter((branch) => branch?.type !== 'null')
      .map((branch) => {
        const declared = isObject(branch?.properties) ? branch.properties : {};
        const nullOnly = (name: string) => resolve(doc, declared[name])?.type === 'null';
        return topLevelProperties(doc, branch, depth + 1).map((property) => ({ property, nullOnly: nullOnly(property.name) }));
      });
    const names = [...new Set(branches.flatMap((branch) => branch.map((p) => p.property.name)))];
    for (const name of names) {
      const having = branches.flatMap((branch) => branch.filter((p) => p.property.name === name));
      const typed = having.filter((p) => !p.nullOnly);
      found.push({
        name,
        required: branches.every((branch) => branch.some((p) => p.property.name === name && p.property.required)),
        type: oneKind((typed.length > 0 ? typed : having).map((p) => p.property.type)),
        inferred: having.every((p) => p.property.inferred),
      });
    }
  }
  return found;
}

function mediaSchemas(doc: OpenApiDocument, holder: JsonObject): unknown[] {
  const content = holder.content;
  if (!isObject(content)) return [];
  return Object.values(content).flatMap((media) => (isObject(media) && media.schema !== undefined ? [media.schema] : []));
}

/** The union of the top-level properties of every media type's schema, first one first. */
function bodyProperties(doc: OpenApiDocument, holder: JsonObject): SpecProperty[] {
  const found: SpecProperty[] = [];
  for (const schema of mediaSchemas(doc, holder)) {
    for (const property of topLevelProperties(doc, schema)) if (!found.some((p) => p.name === property.name)) found.push(property);
  }
  return found;
}

function serverUrls(node: unknown): string[] {
  if (!isObject(node) || !Array.isArray(node.servers)) return [];
  return node.servers.flatMap((s) => (isObject(s) && typeof s.url === 'string' ? [s.url] : []));
}

function readParameters(doc: OpenApiDocument, item: JsonObject, operation: JsonObject): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  // Path-item parameters apply unless the operation redeclares the same name and location.
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolve(doc, raw);
      if (!parameter || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
      const schema = parameter.schema ?? (isObject(parameter.content) ? mediaSchemas(doc, parameter)[0] : undefined);
      byKey.set(`${parameter.in}:${parameter.name}`, {
        name: parameter.name,
        in: parameter.in,
        required: parameter.required === true,
        type: baseType(doc, schema),
        inferred: isInferred(parameter) || isInferred(raw),
      });
    }
  }
  return [...byKey.values()];
}

function readResponses(doc: OpenApiDocument, operation: JsonObject): SpecResponse[] {
  if (!isObject(operation.responses)) return [];
  return Object.entries(operation.responses).map(([status, raw]) => {
    const response = resolve(doc, raw) ?? {};
    const schemas = mediaSchemas(doc, response);
    return {
      status: status.toLowerCase() === 'default' ? 'default' : status.toUpperCase(),
      inferred: isInferred(raw) || isInferred(response),
      properties: bodyProperties(doc, response),
      array: schemas.some((s) => baseType(doc, s) === 'array'),
      headers: isObject(response.headers) ? Object.entries(response.headers).map(([name, header]) => ({ name, inferred: isInferred(header) || isInferred(resolve(doc, header)) })) : [],
    };
  });
}

/** Every operation of the document, in document order. */
export function readOperations(doc: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  if (!isObject(doc.paths)) return operations;
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = resolve(doc, rawItem);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const requestBody = resolve(doc, operation.requestBody);
      operations.push({
        method,
        path,
        servers: [...serverUrls(operation), ...serverUrls(item), ...serverUrls(doc)],
        inferred: isInferred(operation),
        parameters: readParameters(doc, item, operation),
        body: requestBody ? bodyProperties(doc, requestBody) : [],
        responses: readResponses(doc, operation),
      });
    }
  }
  return operations;
}
