// Turns Bump.sh's type expressions (`array[string(date-time)]`, `string | null`) and the sentences it
// writes for schema keywords ("Values are `a` or `b`.", "Default value is `x`.") into JSON Schema.
import { FROM_PROSE_EXTENSION, isObject, type JsonObject, type JsonValue } from '../../openapi-types.js';
import { splitTopLevel } from './property-lists.js';

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);

export interface TypeResult {
  schema: JsonObject;
  /** Type names the expression used that JSON Schema does not know. */
  unknown: string[];
}

// Deeper nesting than any real page has is taken for garbage, before it can exhaust the stack.
const MAX_TYPE_DEPTH = 32;

export function schemaFromType(expression: string | undefined, depth = 0): TypeResult {
  const unknown: string[] = [];
  if (expression === undefined || !expression.trim()) return { schema: {}, unknown };
  if (depth > MAX_TYPE_DEPTH) return { schema: {}, unknown: [expression.length > 40 ? `${expression.slice(0, 37)}...` : expression] };
  const members = splitTopLevel(expression, '|')
    .map((m) => m.trim())
    .filter(Boolean);
  const nullable = members.some((m) => m.toLowerCase() === 'null');
  const schemas = members.filter((m) => m.toLowerCase() !== 'null').map((m) => memberSchema(m, unknown, depth));
  if (schemas.length === 0) return { schema: nullable ? { type: 'null' } : {}, unknown };
  if (schemas.length === 1) {
    const only = schemas[0] ?? {};
    return { schema: nullable ? withNull(only) : only, unknown };
  }
  // A union of plain types stays one `type` list; anything richer needs one schema per member.
  if (schemas.every((s) => Object.keys(s).length === 1 && typeof s.type === 'string')) {
    const types = [...new Set(schemas.map((s) => s.type as string))];
    if (nullable) types.push('null');
    return { schema: { type: types.length === 1 ? (types[0] ?? 'string') : types }, unknown };
  }
  const anyOf: JsonValue[] = schemas;
  if (nullable) anyOf.push({ type: 'null' });
  return { schema: { anyOf }, unknown };
}

function memberSchema(member: string, unknown: string[], depth: number): JsonObject {
  const array = /^array\s*\[(.*)\]$/is.exec(member);
  if (array) {
    const inner = schemaFromType(array[1], depth + 1);
    unknown.push(...inner.unknown);
    return { type: 'array', items: inner.schema };
  }
  const named = /^([A-Za-z_][\w-]*)\s*(?:\((.*)\))?$/s.exec(member);
  const base = named?.[1]?.toLowerCase();
  const format = named?.[2]?.trim();
  const schema: JsonObject = {};
  if (base && PRIMITIVES.has(base)) schema.type = base;
  else if (base === 'file' || base === 'binary') Object.assign(schema, { type: 'string', format: 'binary' });
  else if (base !== 'any') unknown.push(member);
  if (format && schema.type !== undefined && schema.format === undefined) schema.format = format;
  return schema;
}

/** Nullable the OpenAPI 3.1 way: `null` joins the type list. */
export function withNull(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

export function schemaTypes(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** The schema that holds an item's properties: the object itself, an array's items, or the object member of a union. */
export function propertyHolder(schema: JsonObject): JsonObject | undefined {
  const types = schemaTypes(schema);
  if (types.includes('object') || (types.length === 0 && !Array.isArray(schema.anyOf))) return schema;
  if (types.includes('array')) {
    if (!isObject(schema.items)) schema.items = {};
    const items = schema.items as JsonObject;
    if (schemaTypes(items).length === 0 && !Array.isArray(items.anyOf)) items.type = 'object';
    return propertyHolder(items);
  }
  if (Array.isArray(schema.anyOf)) {
    const holders = schema.anyOf.filter(isObject).filter((m) => {
      const t = schemaTypes(m);
      return t.includes('object') || (t.includes('array') && isObject(m.items) && schemaTypes(m.items).includes('object'));
    });
    return holders.length === 1 && holders[0] ? propertyHolder(holders[0]) : undefined;
  }
  return undefined;
}

// Each sentence Bump.sh writes for a keyword, anchored to its own words so ordinary prose is kept.
const BACKTICKED = /`([^`]*)`/g;
const VALUES = /\bValues? (?:are|is):?\s+((?:`[^`]*`(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)?)+)\.?/;
// Unquoted values are taken only as one word, so "Default value is the current date." stays prose.
const DEFAULT = /\bDefault value is\s+(`[^`]*`|\S+?)(?:\s+\(empty\))?\.(?=\s|$)/;
const RANGE =
  /\b(Minimum|Maximum) (value|length) is (-?\d+(?:\.\d+)?)( \(exclusive\))?(?:,?\s*(?:and\s+)?(minimum|maximum) (value|length) is (-?\d+(?:\.\d+)?)( \(exclusive\))?)?\.?/i;
const AT_LEAST = /\bAt least (\d+) (?:elements?|items?)\.?/i;
const AT_MOST = /\bNot more than (\d+) (?:elements?|items?)\.?/i;
const PATTERN = /\bFormat should match the following pattern:\s*(`[^`]*`\.?|\S+)/;
const CLOSED = /\bAdditional properties are NOT allowed\.?/;

export interface ProseResult {
  description: string;
  /** Keywords read from the sentences, to merge into the schema they describe. */
  keywords: JsonObject;
}

/** Takes Bump.sh's keyword sentences out of a description and returns them as schema keywords. */
export function readProse(text: string, schema: JsonObject): ProseResult {
  let description = text;
  const keywords: JsonObject = {};
  const take = (pattern: RegExp, use: (match: RegExpExecArray) => void) => {
    const match = pattern.exec(description);
    if (!match) return;
    use(match);
    description = `${description.slice(0, match.index)} ${description.slice(match.index + match[0].length)}`;
  };
  const valueType = scalarTarget(schema);

  const nullable = schemaTypes(schema).includes('null');
  take(VALUES, (m) => {
    keywords.enum = [...(m[1] ?? '').matchAll(BACKTICKED)].map((v) => (nullable && v[1] === 'null' ? null : typed(v[1] ?? '', valueType)));
  });
  take(DEFAULT, (m) => {
    keywords.default = typed(unquote(m[1] ?? ''), schemaTypes(schema)[0] ?? valueType);
  });
  take(RANGE, (m) => {
    setBound(keywords, m[1] ?? '', m[2] ?? '', m[3], Boolean(m[4]), valueType);
    if (m[5]) setBound(keywords, m[5], m[6] ?? '', m[7], Boolean(m[8]), valueType);
  });
  take(AT_LEAST, (m) => (keywords.minItems = Number(m[1])));
  take(AT_MOST, (m) => (keywords.maxItems = Number(m[1])));
  take(PATTERN, (m) => {
    const raw = m[1] ?? '';
    keywords.pattern = unquote(raw.replace(/\.$/, ''));
  });
  take(CLOSED, () => (keywords.additionalProperties = false));
  return { description: description.replace(/\s+/g, ' ').trim(), keywords };
}

function setBound(keywords: JsonObject, side: string, of: string, value: string | undefined, exclusive: boolean, valueType: string): void {
  const n = Number(value);
  if (!Number.isFinite(n)) return;
  const min = side.toLowerCase() === 'minimum';
  if (of.toLowerCase() === 'length') {
    // Bump.sh says "length" for arrays too when the schema has minItems/maxItems.
    keywords[valueType === 'array' ? (min ? 'minItems' : 'maxItems') : min ? 'minLength' : 'maxLength'] = n;
  } else if (exclusive) {
    keywords[min ? 'exclusiveMinimum' : 'exclusiveMaximum'] = n;
  } else {
    keywords[min ? 'minimum' : 'maximum'] = n;
  }
}

/** The type that enum values and bounds describe: an array's item type, else the schema's own. */
function scalarTarget(schema: JsonObject): string {
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  if (types[0] === 'array' && isObject(schema.items)) return schemaTypes(schema.items)[0] ?? 'string';
  return types[0] ?? 'string';
}

function unquote(text: string): string {
  return text.startsWith('`') && text.endsWith('`') && text.length >= 2 ? text.slice(1, -1) : text;
}

function typed(text: string, type: string): JsonValue {
  const value = text.trim();
  if (type === 'integer' || type === 'number') {
    const n = Number(value);
    return value !== '' && Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean') {
    if (value === 'true') return true;
    if (value === 'false') return false;
    return value;
  }
  if (type === 'array' || type === 'object' || type === 'null') {
    try {
      return JSON.parse(value) as JsonValue;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Merges keywords read from prose into a schema: value keywords of an array go to its items, and
 * the schema records which keywords came from prose.
 */
export function applyKeywords(schema: JsonObject, keywords: JsonObject): void {
  const names = Object.keys(keywords);
  if (names.length === 0) return;
  const isArray = schemaTypes(schema).includes('array') && isObject(schema.items);
  const itemLevel = new Set(['enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);
  const own: string[] = [];
  const forItems: string[] = [];
  for (const name of names) {
    const value = keywords[name];
    if (value === undefined) continue;
    const target =
      name === 'additionalProperties' ? (propertyHolder(schema) ?? schema) : isArray && itemLevel.has(name) ? (schema.items as JsonObject) : schema;
    if (name === 'enum' && Array.isArray(value) && schemaTypes(target).includes('null') && !value.includes(null)) {
      target.enum = [...value, null]; // a nullable enum must list null, or null fails it
    } else {
      target[name] = value;
    }
    (target === schema ? own : forItems).push(name);
  }
  if (own.length > 0) schema[FROM_PROSE_EXTENSION] = own;
  if (forItems.length > 0 && isObject(schema.items)) schema.items[FROM_PROSE_EXTENSION] = forItems;
}
