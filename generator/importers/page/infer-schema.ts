// Infers a JSON Schema from a portal's placeholder samples (`"string"`, `0`, `{}`, `["string"]`: types,
// never enums), reading required properties off a second, required-only sample.
import { isObject, type JsonObject, type JsonValue } from '../../core/openapi-types.js';

export interface InferSchemaOptions {
  /**
   * The sample that shows only the required properties, when the page prints one beside the full
   * sample. Without it nothing is marked required: one sample cannot tell required from optional.
   */
  requiredSample?: unknown;
}

/** Deeper samples are cut off rather than recursed into, so hostile input cannot blow the stack. */
const MAX_DEPTH = 64;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Some portals print a nested model as `"Name Object"` where the model would be expanded. */
const MODEL_PLACEHOLDER = /^([A-Z][A-Za-z0-9_]*) Object$/;
/** Swagger UI's rendering of a map: `{"additionalProp1": ..., "additionalProp2": ...}`. */
const SWAGGER_MAP_KEY = /^additionalProp\d+$/;

export function inferSchema(sample: unknown, options: InferSchemaOptions = {}): JsonObject {
  // `Schema` over `{"type": "object", "properties": {...}}`: the page printed the schema itself.
  if (isPrintedSchema(sample, 0)) return structuredClone(sample as JsonObject);
  let schema = inferValue(sample, undefined, 0);
  if (options.requiredSample !== undefined) {
    // The required-only sample may name a property the full one leaves out; keep both.
    schema = mergeSchemas(schema, inferValue(options.requiredSample, undefined, 0));
    markRequired(schema, options.requiredSample, 0);
  }
  return dropLoneNull(schema);
}

/** The words a JSON Schema's object is made of; a sample with any other key is data. */
const SCHEMA_KEYWORDS = new Set(['type', 'properties', 'required', 'items', 'additionalProperties', 'description', 'title', 'format', 'enum', 'nullable', 'example', 'examples', 'default', '$ref', 'oneOf', 'anyOf', 'allOf', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'readOnly', 'writeOnly', 'deprecated', 'const']);
const SCHEMA_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);

/**
 * A JSON Schema printed where a sample would be: an object or array schema whose every key is a
 * schema keyword and whose properties (or items) are schemas in turn. Data that merely has a
 * `type` key (`{"type": "contacts", "id": 42}`) fails at its other keys.
 */
function isPrintedSchema(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || !isObject(value as JsonValue)) return false;
  const object = value as Record<string, unknown>;
  if (!Object.keys(object).every((key) => SCHEMA_KEYWORDS.has(key))) return false;
  if (typeof object.$ref === 'string') return true;
  const type = object.type;
  const types = Array.isArray(type) ? type : [type];
  if (!types.every((t) => typeof t === 'string' && SCHEMA_TYPES.has(t))) return false;
  if (object.required !== undefined && !(Array.isArray(object.required) && object.required.every((r) => typeof r === 'string'))) return false;
  if (isObject(object.properties as JsonValue)) {
    const properties = Object.values(object.properties as Record<string, unknown>);
    return properties.length > 0 && properties.every((property) => isPrintedSchema(property, depth + 1));
  }
  if (object.properties !== undefined) return false;
  if (object.items !== undefined) return isPrintedSchema(object.items, depth + 1);
  // A leaf (`{"type": "string"}`) is a schema only inside one; alone it says too little to tell.
  return depth > 0;
}

function inferValue(value: unknown, parentKey: string | undefined, depth: number): JsonObject {
  if (depth > MAX_DEPTH) return {};
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (typeof value === 'string') return inferString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return { type: 'array' };
    let items = inferValue(value[0], undefined, depth + 1);
    for (const item of value.slice(1)) items = mergeSchemas(items, inferValue(item, undefined, depth + 1));
    return { type: 'array', items };
  }
  if (!isObject(value as JsonValue)) return {};
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 0) return { type: 'object' };
  // A map is printed as one entry whose key repeats the property's own name (`"labels": {"labels":
  // "string"}`): the key is a stand-in, not a property.
  if (parentKey !== undefined && keys.length === 1 && keys[0] === parentKey) {
    return { type: 'object', additionalProperties: inferValue(object[parentKey], parentKey, depth + 1) };
  }
  if (keys.every((k) => SWAGGER_MAP_KEY.test(k))) {
    let values = inferValue(object[keys[0] as string], undefined, depth + 1);
    for (const k of keys.slice(1)) values = mergeSchemas(values, inferValue(object[k], undefined, depth + 1));
    return { type: 'object', additionalProperties: values };
  }
  const properties: JsonObject = {};
  for (const key of keys) setOwn(properties, key, inferValue(object[key], key, depth + 1));
  return { type: 'object', properties };
}

function inferString(value: string): JsonObject {
  const model = MODEL_PLACEHOLDER.exec(value);
  if (model) return { type: 'object', title: model[1] as string };
  if (DATE_TIME.test(value)) return { type: 'string', format: 'date-time' };
  if (DATE.test(value)) return { type: 'string', format: 'date' };
  if (UUID.test(value)) return { type: 'string', format: 'uuid' };
  return { type: 'string' };
}

/** The properties present in the required-only sample are the required ones, at every depth it shows. */
function markRequired(schema: JsonObject, sample: unknown, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(sample)) {
    if (sample.length > 0 && isObject(schema.items)) markRequired(schema.items, sample[0], depth + 1);
    return;
  }
  if (!isObject(sample as JsonValue) || !isObject(schema.properties)) return;
  const properties = schema.properties;
  // `{}` in the short sample stands for "this object, contents not shown", not "no required keys".
  const keys = Object.keys(sample as object).filter((k) => Object.hasOwn(properties, k));
  if (keys.length === 0) return;
  schema.required = keys;
  for (const key of keys) {
    const child = properties[key];
    if (isObject(child)) markRequired(child, (sample as Record<string, unknown>)[key], depth + 1);
  }
}

/** Sets a key that came from the page: plain assignment would treat `__proto__` as the prototype. */
export function setOwn(target: JsonObject, key: string, value: JsonValue | undefined): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function typesOf(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

/**
 * Joins two schemas inferred for the same place (two items of one array, a short and a full
 * sample): objects take the union of their properties, `null` makes a type nullable, an integer
 * seen beside a fraction becomes a number, and anything else unrelated becomes `anyOf`.
 */
export function mergeSchemas(a: JsonObject, b: JsonObject): JsonObject {
  const ta = typesOf(a);
  const tb = typesOf(b);
  if (ta.length === 0 && a.anyOf === undefined) return b;
  if (tb.length === 0 && b.anyOf === undefined) return a;
  const nullable = ta.includes('null') || tb.includes('null');
  const baseA = withoutNull(a, ta);
  const baseB = withoutNull(b, tb);
  let merged: JsonObject;
  if (baseA === undefined) merged = baseB ?? { type: 'null' };
  else if (baseB === undefined) merged = baseA;
  else merged = mergeBases(baseA, baseB);
  return nullable ? addNull(merged) : merged;
}

function withoutNull(schema: JsonObject, types: string[]): JsonObject | undefined {
  if (!types.includes('null')) return schema;
  const rest = types.filter((t) => t !== 'null');
  if (rest.length === 0) return undefined;
  return { ...schema, type: rest.length === 1 ? (rest[0] as string) : rest };
}

function addNull(schema: JsonObject): JsonObject {
  const types = typesOf(schema);
  if (types.length === 0) return schema.anyOf ? { anyOf: [...(schema.anyOf as JsonValue[]), { type: 'null' }] } : schema;
  if (types.includes('null')) return schema;
  return { ...schema, type: [...types, 'null'] };
}

function mergeBases(a: JsonObject, b: JsonObject): JsonObject {
  const ta = typesOf(a);
  const tb = typesOf(b);
  const single = ta.length === 1 && tb.length === 1 ? [ta[0], tb[0]] : undefined;
  if (single && single[0] === single[1]) {
    const type = single[0];
    if (type === 'object') return mergeObjects(a, b);
    if (type === 'array') {
      if (!isObject(a.items)) return b.items === undefined ? a : { ...a, items: b.items };
      if (!isObject(b.items)) return a;
      return { ...a, items: mergeSchemas(a.items, b.items) };
    }
    if (a.format !== b.format) {
      const { format: _format, ...rest } = a;
      return rest;
    }
    return a;
  }
  if (single && single.includes('integer') && single.includes('number')) return { type: 'number' };
  const alternatives = [...(Array.isArray(a.anyOf) ? a.anyOf : [a]), ...(Array.isArray(b.anyOf) ? b.anyOf : [b])];
  const unique: JsonValue[] = [];
  for (const alternative of alternatives) {
    if (!unique.some((u) => JSON.stringify(u) === JSON.stringify(alternative))) unique.push(alternative);
  }
  return { anyOf: unique };
}

function mergeObjects(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...a };
  if (isObject(a.properties) || isObject(b.properties)) {
    const properties: JsonObject = { ...(isObject(a.properties) ? a.properties : {}) };
    for (const [key, schema] of Object.entries(isObject(b.properties) ? b.properties : {})) {
      const existing = Object.hasOwn(properties, key) ? properties[key] : undefined;
      setOwn(properties, key, isObject(existing) && isObject(schema) ? mergeSchemas(existing, schema) : schema);
    }
    merged.properties = properties;
  }
  if (isObject(a.additionalProperties) && isObject(b.additionalProperties)) {
    merged.additionalProperties = mergeSchemas(a.additionalProperties, b.additionalProperties);
  } else if (b.additionalProperties !== undefined && a.additionalProperties === undefined) {
    merged.additionalProperties = b.additionalProperties;
  }
  if (merged.title === undefined && b.title !== undefined) merged.title = b.title;
  return merged;
}

/** A sample's lone `null` says nothing about the type; only beside a typed value does it mean nullable. */
function dropLoneNull(schema: JsonObject): JsonObject {
  if (schema.type === 'null') return {};
  const out: JsonObject = { ...schema };
  if (isObject(out.properties)) {
    const properties: JsonObject = {};
    for (const [key, child] of Object.entries(out.properties)) setOwn(properties, key, isObject(child) ? dropLoneNull(child) : child);
    out.properties = properties;
  }
  if (isObject(out.items)) out.items = dropLoneNull(out.items);
  if (isObject(out.additionalProperties)) out.additionalProperties = dropLoneNull(out.additionalProperties);
  if (Array.isArray(out.anyOf)) out.anyOf = out.anyOf.map((s) => (isObject(s) ? dropLoneNull(s) : s));
  return out;
}
