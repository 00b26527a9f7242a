// The portal's property listings (`TYPE NAME Required|Optional DESCRIPTION`, headers without the
// marker): types such as `string of array` or `integer As int64`, enums in prose (`Possible values are : a, b,`).
import { FROM_PROSE_EXTENSION, type JsonObject } from '../../openapi-types.js';
import { collapse, findAll } from './page-text.js';

export interface PropertyBlock {
  name: string;
  /** The type as printed, collapsed: `array of object`, `string of array`. */
  type?: string;
  /** True for `Required`, false for `Optional`, undefined when the block says neither (headers). */
  required?: boolean;
  description?: string;
  /** Values listed in prose, as printed. */
  enum?: string[];
  /** Offset of the block's first character in the page. */
  offset: number;
}

const PRIMITIVE = 'string|integer|number|boolean|object|array|file';
/** `array of X`, `X of array` (the portal's spelling for array parameters), `X As format`. */
const TYPE = `(?:array\\s+of\\s+)*(?:${PRIMITIVE}|[A-Z][A-Za-z0-9_]*)(?:\\s+of\\s+array)*(?:\\s+As\\s+[\\w-]+)*`;
const PRIMITIVE_TYPE = `(?:array\\s+of\\s+)*(?:${PRIMITIVE})(?:\\s+of\\s+array)*(?:\\s+As\\s+[\\w-]+)*`;
/** A property or parameter name; never ending in sentence punctuation, so prose does not read as one. */
const NAME = '[A-Za-z_$@](?:[\\w.$@\\[\\]-]*[\\w$@\\]])?';

/**
 * A block starts where a type, a name and a required marker follow one another, each a whole word;
 * the description runs to the next block, which is all a flattened page lets one tell. The type is
 * demanded: without it, any word before a sentence opening with "Required" would start a block.
 */
const PROPERTY_BLOCK = new RegExp(`(?<!\\S)(${TYPE})\\s+(${NAME})\\s+(Required|Optional)(?!\\S)`, 'g');
/** Header names look like headers (`Location`, `X-Request-Id`), which keeps prose from reading as one. */
const HEADER_BLOCK = new RegExp(`(?<!\\S)(${PRIMITIVE_TYPE})\\s+([A-Z][A-Za-z0-9-]*|[a-z][a-z0-9]*-[A-Za-z0-9-]+)(?:\\s+(Required|Optional))?(?!\\S)`, 'g');
const POSSIBLE_VALUES = /Possible\s+values\s+are\s*:?/i;

export function readPropertyBlocks(text: string, from: number, to: number): PropertyBlock[] {
  return readBlocks(text, from, to, PROPERTY_BLOCK);
}

export function readHeaderBlocks(text: string, from: number, to: number): PropertyBlock[] {
  return readBlocks(text, from, to, HEADER_BLOCK);
}

function readBlocks(text: string, from: number, to: number, regex: RegExp): PropertyBlock[] {
  const found = findAll(text, regex, from, to);
  return found.map((f, i) => {
    const [, type, name, marker] = f.match;
    const descriptionEnd = found[i + 1]?.start ?? to;
    const block: PropertyBlock = { name: name as string, offset: f.start };
    if (type) block.type = collapse(type);
    if (marker) block.required = marker === 'Required';
    const { description, values } = splitEnumProse(collapse(text.slice(f.end, descriptionEnd)));
    if (description) block.description = description;
    if (values) block.enum = values;
    return block;
  });
}

/** Takes `Possible values are : a, b,` out of a description; the list runs to the description's end. */
export function splitEnumProse(description: string): { description: string; values?: string[] } {
  const match = POSSIBLE_VALUES.exec(description);
  if (!match) return { description };
  const values = description
    .slice(match.index + match[0].length)
    .split(',')
    .map((v) => v.trim().replace(/\.$/, ''))
    .filter(Boolean);
  const rest = description.slice(0, match.index).trim();
  return values.length > 0 ? { description: rest, values } : { description };
}

/** A printed type as a schema: `string of array` -> array of strings, `integer As int64` -> int64. */
export function schemaFromType(type: string): JsonObject {
  let text = collapse(type);
  let format: string | undefined;
  const formats = /((?:\s+As\s+[\w-]+)+)$/.exec(text);
  if (formats?.[1]) {
    format = formats[1].trim().split(/\s+As\s+|^As\s+/).filter(Boolean).pop();
    text = text.slice(0, formats.index);
  }
  let arrays = 0;
  for (;;) {
    const prefixed = /^array\s+of\s+/.exec(text);
    const suffixed = /\s+of\s+array$/.exec(text);
    if (prefixed) text = text.slice(prefixed[0].length);
    else if (suffixed) text = text.slice(0, suffixed.index);
    else break;
    arrays++;
  }
  let schema = baseSchema(text);
  if (format && schema.type !== undefined && schema.type !== 'object' && schema.type !== 'array') schema.format = format;
  for (let i = 0; i < arrays; i++) schema = { type: 'array', items: schema };
  return schema;
}

function baseSchema(word: string): JsonObject {
  switch (word) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
      return { type: word };
    case 'file':
      return { type: 'string', format: 'binary' };
    default:
      // A model's name: its shape is in the sample, when there is one.
      return { type: 'object', title: word };
  }
}

/** Puts prose values on a schema (or on its items), typed like the schema. */
export function withEnum(schema: JsonObject, values: readonly string[]): JsonObject {
  if (schema.type === 'array' && typeof schema.items === 'object' && schema.items !== null && !Array.isArray(schema.items)) {
    return { ...schema, items: withEnum(schema.items, values) };
  }
  const typed = values.map((v) => {
    if (schema.type === 'integer' && /^-?\d+$/.test(v)) return Number(v);
    if (schema.type === 'number' && v !== '' && Number.isFinite(Number(v))) return Number(v);
    if (schema.type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
    return v;
  });
  const existing = schema[FROM_PROSE_EXTENSION];
  const fromProse = Array.isArray(existing) ? [...existing.filter((k) => k !== 'enum'), 'enum'] : ['enum'];
  return { ...schema, enum: [...new Set(typed)], [FROM_PROSE_EXTENSION]: fromProse };
}
