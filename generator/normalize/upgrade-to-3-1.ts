// Rewrites OpenAPI 3.0 constructs into their 3.1 (JSON Schema 2020-12) forms, in place:
// `nullable`, boolean `exclusiveMinimum/Maximum`, `example` in schemas, and `allOf` wrappers
// around a lone `$ref` (3.0's way to put siblings next to a reference).
import { isObject, type JsonObject } from '../core/openapi-types.js';
import { resolveReference } from '../spec/references.js';
import { walkDocumentSchemas } from './schema-walk.js';

/** Keywords that only annotate, so they may sit next to a `$ref` in 3.1 without changing it. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'example']);

export function upgradeDocument(doc: JsonObject): void {
  walkDocumentSchemas(doc, (schema) => upgradeSchema(schema, doc));
  doc.openapi = '3.1.0';
}

/** Upgrades one schema of `doc` (the document its `$ref`s point into). */
export function upgradeSchema(schema: JsonObject, doc: JsonObject): void {
  unwrapLoneAllOf(schema, doc);
  upgradeExclusiveBound(schema, 'exclusiveMinimum', 'minimum');
  upgradeExclusiveBound(schema, 'exclusiveMaximum', 'maximum');
  if ('example' in schema) {
    if (!Array.isArray(schema.examples)) schema.examples = [schema.example ?? null];
    delete schema.example;
  }
  if ('nullable' in schema) {
    const nullable = schema.nullable === true;
    delete schema.nullable;
    if (nullable) makeNullable(schema);
  }
}

/** `{allOf: [{$ref}], description}` is 3.0's `{$ref, description}`. */
function unwrapLoneAllOf(schema: JsonObject, doc: JsonObject): void {
  const allOf = schema.allOf;
  if (!Array.isArray(allOf) || allOf.length !== 1) return;
  const only = allOf[0];
  if (!isObject(only) || typeof only.$ref !== 'string' || Object.keys(only).length !== 1) return;
  const target = resolveReference(doc, only.$ref);
  for (const key of Object.keys(schema)) {
    if (key === 'allOf' || key === 'nullable' || ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    // `type: object` beside a ref to an object says nothing new; anything else constrains.
    if (key === 'type' && isObject(target) && target.type === schema.type) continue;
    return;
  }
  delete schema.allOf;
  delete schema.type;
  schema.$ref = only.$ref;
}

function upgradeExclusiveBound(schema: JsonObject, exclusive: string, bound: string): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[bound] === 'number') {
    schema[exclusive] = schema[bound];
    delete schema[bound];
  } else {
    delete schema[exclusive];
  }
}

function makeNullable(schema: JsonObject): void {
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return;
  }
  if (Array.isArray(schema.type)) {
    if (!schema.type.includes('null')) schema.type = [...schema.type, 'null'];
    return;
  }
  if (typeof schema.$ref === 'string' || Array.isArray(schema.allOf) || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    // The constraint moves into a branch so that `null` is the other branch; annotations stay.
    const branch: JsonObject = {};
    for (const key of Object.keys(schema)) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      branch[key] = schema[key];
      delete schema[key];
    }
    schema.anyOf = [branch, { type: 'null' }];
  }
  // A schema with no type already admits null.
}
