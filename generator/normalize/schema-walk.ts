// Visits every schema object of an OpenAPI document, wherever the spec allows one, so that
// schema rewrites (3.0 upgrades) need not know the document's layout.
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue } from '../core/openapi-types.js';

type Visit = (schema: JsonObject) => void;

const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SCHEMA_SINGLES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'] as const;

/** Depth-first, post-order: children are visited before the schema that holds them. */
export function walkSchema(schema: JsonValue | undefined, visit: Visit): void {
  if (!isObject(schema)) return;
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const child of Object.values(map)) walkSchema(child, visit);
  }
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) for (const child of list) walkSchema(child, visit);
  }
  for (const key of SCHEMA_SINGLES) {
    const child = schema[key];
    if (Array.isArray(child)) for (const c of child) walkSchema(c, visit);
    else walkSchema(child, visit);
  }
  visit(schema);
}

function walkContent(content: JsonValue | undefined, visit: Visit): void {
  if (!isObject(content)) return;
  for (const media of Object.values(content)) if (isObject(media)) walkSchema(media.schema, visit);
}

function walkParameter(parameter: JsonValue | undefined, visit: Visit): void {
  if (!isObject(parameter)) return;
  walkSchema(parameter.schema, visit);
  walkContent(parameter.content, visit);
}

function walkResponse(response: JsonValue | undefined, visit: Visit): void {
  if (!isObject(response)) return;
  walkContent(response.content, visit);
  if (isObject(response.headers)) for (const header of Object.values(response.headers)) walkParameter(header, visit);
}

export function walkOperation(operation: JsonObject, visit: Visit): void {
  if (Array.isArray(operation.parameters)) for (const p of operation.parameters) walkParameter(p, visit);
  if (isObject(operation.requestBody)) walkContent(operation.requestBody.content, visit);
  if (isObject(operation.responses)) for (const r of Object.values(operation.responses)) walkResponse(r, visit);
}

export function walkDocumentSchemas(doc: JsonObject, visit: Visit): void {
  for (const section of ['paths', 'webhooks'] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      if (!isObject(item)) continue;
      if (Array.isArray(item.parameters)) for (const p of item.parameters) walkParameter(p, visit);
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) walkOperation(operation, visit);
      }
    }
  }
  const components = doc.components;
  if (!isObject(components)) return;
  if (isObject(components.schemas)) for (const s of Object.values(components.schemas)) walkSchema(s, visit);
  if (isObject(components.parameters)) for (const p of Object.values(components.parameters)) walkParameter(p, visit);
  if (isObject(components.headers)) for (const h of Object.values(components.headers)) walkParameter(h, visit);
  if (isObject(components.responses)) for (const r of Object.values(components.responses)) walkResponse(r, visit);
  if (isObject(components.requestBodies)) for (const b of Object.values(components.requestBodies)) if (isObject(b)) walkContent(b.content, visit);
}
