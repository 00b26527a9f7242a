// Bodies as components, for pages that name their bodies (`Returns Job of type(s) application/json`)
// and show them by samples: each shape gets one component, named by the first model name the page
// prints for it, else after an envelope's one property (`{"errors": [...]}` -> `Errors`), so that the
// error envelope repeated under seven statuses is one schema that every status references.
import { STATUS_CODES } from 'node:http';
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import { isObject, SOURCE_EXTENSION, type JsonObject, type JsonValue } from '../../core/openapi-types.js';
import { formatReference } from '../../spec/references.js';
import { sourceRef } from '../importer.js';
import type { PageModel, Payload, PageResponse } from './assemble-operation.js';
import type { Position } from './blocks.js';
import { setOwn } from './infer-schema.js';

/** Words the portal prints where a body has no model name of its own. */
const STAND_IN_NAMES = new Set(['object', 'string', 'integer', 'number', 'boolean', 'array', 'file', 'any']);

interface Planned {
  /** The media type object whose schema becomes a reference. */
  media: JsonObject;
  schema: JsonObject;
  /** A model name printed on the page. */
  pageName?: string;
  /** A name made up for an unnamed body worth a component. */
  madeUpName?: string;
  at: Position;
}

/** Moves the named bodies of the operation into components; returns what it has to say. */
export function moveBodiesToComponents(fragment: JsonObject, operation: JsonObject, model: PageModel, page: string): Diagnostic[] {
  const planned: Planned[] = [];
  const plan = (payload: Payload, built: JsonValue | undefined, response?: PageResponse) => {
    if (!payload.schemaName || !isObject(built) || !isObject(built.content)) return;
    const media = Object.entries(built.content).find(([type]) => /[/+]json\b/i.test(type))?.[1];
    if (!isObject(media) || !isObject(media.schema) || Object.keys(media.schema).length === 0) return;
    const schema = media.schema;
    const name = payload.schemaName.name;
    const entry: Planned = { media, schema, at: payload.schemaName.at };
    if (isModelName(name, response)) entry.pageName = sanitizeName(name);
    else {
      const madeUp = madeUpName(schema, name, response);
      if (madeUp) entry.madeUpName = madeUp;
    }
    if (entry.pageName || entry.madeUpName) planned.push(entry);
  };
  if (model.body) plan(model.body, operation.requestBody);
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const response of model.responses) plan(response, responses[response.status], response);
  if (planned.length === 0) return [];

  // One group per shape; the first name the page prints for it wins.
  const groups = new Map<string, Planned[]>();
  for (const entry of planned) {
    const key = shapeKey(entry.schema);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const components = isObject(fragment.components) ? fragment.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const diagnostics: Diagnostic[] = [];
  for (const members of groups.values()) {
    const first = members.find((m) => m.pageName) ?? members[0]!;
    const wanted = (first.pageName ?? first.madeUpName)!;
    let name = wanted;
    for (let n = 2; Object.hasOwn(schemas, name) && shapeKey(schemas[name] as JsonValue) !== shapeKey(first.schema); n++) name = `${wanted}_${n}`;
    if (name !== wanted) diagnostics.push(warning(`two different bodies on this page are named ${wanted}; the second is renamed ${name}`, { file: page, ...first.at }));
    if (!Object.hasOwn(schemas, name)) setOwn(schemas, name, { ...first.schema, [SOURCE_EXTENSION]: sourceRef(page, first.at.line, first.at.column) });
    for (const member of members) member.media.schema = { $ref: formatReference(['components', 'schemas', name]) };
  }
  components.schemas = schemas;
  fragment.components = components;
  return diagnostics;
}

/**
 * A name printed for a response can name its body's model (`UserProvidedServiceInstance`) or only
 * the response itself (`BadRequest` on a 400 "Bad Request", `500`): the latter are not schema names.
 */
function isModelName(name: string, response?: PageResponse): boolean {
  if (!/^[A-Za-z_]/.test(name) || STAND_IN_NAMES.has(name.toLowerCase())) return false;
  if (!response) return true;
  const key = looseKey(name);
  const reason = STATUS_CODES[response.status];
  return key !== looseKey(response.description) && (reason === undefined || key !== looseKey(reason));
}

/**
 * An unnamed response body with properties still deserves a component, since several responses may
 * share it: an envelope with one property is named after that property, as the response's name
 * would misname it under the other statuses; else the response's name. A request body stays inline.
 */
function madeUpName(schema: JsonObject, printed: string, response?: PageResponse): string | undefined {
  if (!response || schema.type !== 'object' || !isObject(schema.properties)) return undefined;
  const keys = Object.keys(schema.properties);
  if (keys.length === 1) {
    const name = sanitizeName(pascalCase(keys[0]!));
    if (/^[A-Za-z]/.test(name)) return name;
  }
  if (/^[A-Za-z_]/.test(printed) && !STAND_IN_NAMES.has(printed.toLowerCase())) return sanitizeName(printed);
  return undefined;
}

/** Component names allow letters, digits, `.`, `-` and `_` only. */
function sanitizeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Upper camel case from words or snake_case: `service_instances` -> `ServiceInstances`. */
function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** Loose comparison of names and phrases: `UnprocessableEntity` ~ `Unprocessable Entity`. */
function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Same shape: equal once descriptions, titles and sources are left out (property names stay). */
function shapeKey(schema: JsonValue): string {
  return JSON.stringify(canonical(schema, false));
}

function canonical(value: JsonValue | undefined, isPropertyMap: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (!isObject(value)) return value;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value).sort()) {
    if (!isPropertyMap && (key === 'description' || key === 'title' || key === SOURCE_EXTENSION)) continue;
    entries.push([key, canonical(value[key], !isPropertyMap && key === 'properties')]);
  }
  return entries;
}
