// Builds JSON Schemas from property lists: one schema per `- **name** (type)` item, its nested
// items as properties, its keyword sentences as keywords.
import { isObject, type JsonObject } from '../../openapi-types.js';
import { quote, warnAt, type PageReader } from './page-reader.js';
import type { ListItem } from './property-lists.js';
import { applyKeywords, propertyHolder, readProse, schemaFromType, schemaTypes, withNull } from './schema-text.js';

const KNOWN_FLAGS = new Set(['required', 'optional', 'deprecated', 'nullable', 'read-only', 'readonly', 'write-only', 'writeonly']);

// Property lists nest deeper than this only in garbage; stopping here keeps the stack safe.
const MAX_DEPTH = 64;

export function schemaFromItem(item: ListItem, reader: PageReader, depth = 0): JsonObject {
  let schema = typedSchema(item.type, item, reader);
  for (const flag of item.flags) {
    if (flag === 'deprecated') schema.deprecated = true;
    else if (flag === 'nullable') schema = withNull(schema);
    else if (flag === 'read-only' || flag === 'readonly') schema.readOnly = true;
    else if (flag === 'write-only' || flag === 'writeonly') schema.writeOnly = true;
    else if (!KNOWN_FLAGS.has(flag)) warnAt(reader, `unknown marker "${flag}" after the type of **${item.name}**; ignored`, item.at);
  }
  if (item.children.length > 0) {
    if (depth < MAX_DEPTH) addProperties(schema, item.children, reader, item, depth + 1);
    else warnAt(reader, `properties nested deeper than ${MAX_DEPTH} levels under **${item.name}** are skipped`, item.at);
  }
  describe(schema, item.description);
  return schema;
}

/** The schema a type expression names, with a warning for type names JSON Schema does not have. */
export function typedSchema(type: string | undefined, item: ListItem | undefined, reader: PageReader, at = item?.at): JsonObject {
  const { schema, unknown } = schemaFromType(type);
  if (unknown.length > 0 && at) {
    const what = item ? `**${item.name}**` : quote(at);
    warnAt(reader, `unknown type ${unknown.map((u) => `"${u}"`).join(', ')} for ${what}; left untyped`, at);
  }
  return schema;
}

/** Sets a description after taking Bump.sh's keyword sentences out of it. */
export function describe(schema: JsonObject, text: string): void {
  const { description, keywords } = readProse(text, schema);
  applyKeywords(schema, keywords);
  if (description) schema.description = description;
}

/** Nested items become the properties of the object the schema holds (itself, its items, a union member). */
export function addProperties(schema: JsonObject, items: readonly ListItem[], reader: PageReader, owner?: ListItem, depth = 0): void {
  const holder = propertyHolder(schema);
  const first = items[0];
  if (!holder) {
    if (first) {
      const who = owner ? `**${owner.name}**` : 'this body';
      warnAt(reader, `${who} is not an object, yet properties are listed under it; they are skipped`, first.at);
    }
    return;
  }
  if (schemaTypes(holder).length === 0) holder.type = 'object';
  const properties: JsonObject = isObject(holder.properties) ? holder.properties : {};
  const required: string[] = [];
  for (const item of items) {
    if (item.name in properties) {
      warnAt(reader, `property **${item.name}** is listed twice; the first one is kept`, item.at);
      continue;
    }
    properties[item.name] = schemaFromItem(item, reader, depth);
    if (item.required) required.push(item.name);
  }
  holder.properties = properties;
  if (required.length > 0) holder.required = required;
}
