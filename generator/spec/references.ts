// What a reference is in a spec and how it resolves, in one place: a `$ref` is a JSON pointer into
// the same document (RFC 6901, written as a URI fragment) or it is refused; pointers resolve through
// own properties only; and one walker finds every member a tool would follow as a reference, by the
// OpenAPI structure (3.0, 3.1, Swagger 2.0) at each position rather than by the member's key name.
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue } from '../core/openapi-types.js';

// ---------------------------------------------------------------------------------------------
// JSON pointers

/** Escapes a key for use in a JSON pointer. */
export function pointerSegment(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
}

export function joinPointer(...segments: readonly string[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}

/** The keys of a JSON pointer (`''` is the whole document), or undefined when the text is not one. */
export function splitPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const raw = pointer.slice(1).split('/');
  if (raw.some((s) => /~(?![01])/.test(s))) return undefined;
  return raw.map((s) => (s.includes('~') ? s.replaceAll('~1', '/').replaceAll('~0', '~') : s));
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/** The value at `segments` inside `doc`, read through own properties only; undefined when absent. */
export function resolvePointer(doc: unknown, segments: readonly string[]): JsonValue | undefined {
  let node: unknown = doc;
  for (const key of segments) {
    if (Array.isArray(node)) {
      if (!ARRAY_INDEX.test(key) || Number(key) >= node.length) return undefined;
      node = node[Number(key)];
    } else if (isObject(node) && Object.hasOwn(node, key)) {
      node = node[key];
    } else {
      return undefined;
    }
  }
  return node as JsonValue | undefined;
}

// ---------------------------------------------------------------------------------------------
// `$ref` strings

export interface LocalReference {
  kind: 'local';
  /** The pointer's keys, unescaped. */
  segments: string[];
}

export interface RefusedReference {
  /** `external`: anything but `#...` (a file, a URL); `malformed`: a fragment that is no usable pointer. */
  kind: 'external' | 'malformed';
  /** Why, for a message: `only references inside the document (#/...) are followed`. */
  problem: string;
}

export const EXTERNAL_PROBLEM = 'only references inside the document (#/...) are followed';

/**
 * Reads a `$ref` string. Only `#` followed by a JSON pointer is local. Beyond RFC 6901 and
 * percent-decoding, a pointer is refused where redocly and openapi-typescript would read it
 * differently from this module: they split on `/` before percent-decoding and drop empty segments,
 * so `%2F`, `%7E` and empty segments would point them elsewhere than the guard checked.
 */
export function parseReference(ref: string): LocalReference | RefusedReference {
  if (!ref.startsWith('#')) return { kind: 'external', problem: EXTERNAL_PROBLEM };
  const fragment = ref.slice(1);
  if (fragment.includes('#')) return { kind: 'malformed', problem: 'a JSON pointer has one "#", at its start' };
  const badEscape = /%(?![0-9A-Fa-f]{2})/.exec(fragment);
  if (badEscape) return { kind: 'malformed', problem: `"${fragment.slice(badEscape.index, badEscape.index + 3)}" is not a percent-encoded byte` };
  if (/%(?:2f|7e)/i.test(fragment)) return { kind: 'malformed', problem: 'write "/" and "~" in a key as ~1 and ~0, not %2F and %7E (other tools read those differently)' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return { kind: 'malformed', problem: 'its percent-encoded bytes are not UTF-8' };
  }
  const segments = splitPointer(decoded);
  if (!segments) return { kind: 'malformed', problem: 'expected a JSON pointer after "#" (such as #/components/schemas/Name), with "~" only in ~0 and ~1' };
  if (segments.includes('')) return { kind: 'malformed', problem: 'an empty key ("//" or a trailing "/") is skipped by other tools' };
  return { kind: 'local', segments };
}

/**
 * The `$ref` text for a pointer into the same document. A `$ref` is a URI fragment that every
 * reader percent-decodes, so `%` and `#` in a key are written `%25` and `%23`:
 * parseReference(formatReference(keys)) gives the keys back.
 */
export function formatReference(segments: readonly string[]): string {
  return `#${joinPointer(...segments).replaceAll('%', '%25').replaceAll('#', '%23')}`;
}

/** The value a local `$ref` points at; undefined for one that is refused or points at nothing. */
export function resolveReference(doc: unknown, ref: string): JsonValue | undefined {
  const parsed = parseReference(ref);
  return parsed.kind === 'local' ? resolvePointer(doc, parsed.segments) : undefined;
}

/** An object with a string `$ref`: a Reference Object, or a schema that is one. */
export function isReference(value: unknown): value is JsonObject & { $ref: string } {
  return isObject(value) && typeof value.$ref === 'string';
}

const MAX_REFERENCE_HOPS = 32;

/**
 * Follows Reference Objects from `value` to what they stand for. Undefined when a reference is
 * refused, points at nothing or the chain loops (more than MAX_REFERENCE_HOPS hops).
 */
export function followReferences(doc: unknown, value: unknown): JsonValue | undefined {
  let current = value as JsonValue | undefined;
  for (let hop = 0; isReference(current); hop++) {
    if (hop === MAX_REFERENCE_HOPS) return undefined;
    current = resolveReference(doc, current.$ref);
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Where references sit: the OpenAPI structure

/**
 * One member that a tool reads as a reference. `role` says what the structure makes of its place:
 * - `reference`: a Reference Object (or schema `$ref`), an Example's `externalValue`, or a
 *   discriminator mapping entry, where OpenAPI allows one;
 * - `data`: inside a value (`example`, `examples`, `default`, `const`, `enum`, extension values,
 *   unknown keywords): not a reference to OpenAPI, but redocly follows `$ref` and `externalValue`
 *   in such values all the same;
 * - `misplaced`: on an object or a map of names that can never be a reference (an operation, a
 *   media type, `properties`, `components/schemas`), which redocly would still read as one.
 */
export interface ReferenceSite {
  /** The object holding the member, and the member's key (for rewriting it). */
  holder: JsonObject;
  key: string;
  /** JSON pointer to the member. */
  pointer: string;
  keyword: '$ref' | 'externalValue' | 'mapping';
  role: 'reference' | 'data' | 'misplaced';
  /** A string, except for a non-string `$ref` where the structure expects a reference. */
  value: JsonValue;
}

/** An object of the spec; `x-` keys are extensions (data), unknown keys are data too. */
interface ObjectShape {
  kind: 'object';
  name: string;
  /** Whether it may be replaced by a Reference Object (`$ref`). */
  referable: boolean;
  fields: Record<string, Shape>;
  /** An array in its place is a list of it (JSON Schema `items: [...]` tuples, draft-4 `dependencies`). */
  tuple?: boolean;
}

/** Keys that are names (`properties`, `components/schemas`, `paths`), each holding `of`. */
interface MapShape {
  kind: 'map';
  of: Shape;
  /** Whether `x-` keys are extensions rather than names (`paths`, `responses`, callbacks). */
  extensions: boolean;
  referable: boolean;
}

interface ListShape {
  kind: 'list';
  of: Shape;
}

type Shape = ObjectShape | MapShape | ListShape | { kind: 'data' } | { kind: 'mapping' };

const DATA: Shape = { kind: 'data' };
const MAPPING: Shape = { kind: 'mapping' };

function object(name: string, referable: boolean): ObjectShape {
  return { kind: 'object', name, referable, fields: {} };
}
const mapOf = (of: Shape, options: { extensions?: boolean; referable?: boolean } = {}): MapShape => ({ kind: 'map', of, extensions: options.extensions ?? false, referable: options.referable ?? false });
const listOf = (of: Shape): ListShape => ({ kind: 'list', of });

// One table for OpenAPI 3.0, 3.1 and Swagger 2.0: where they differ, the fields do not clash
// (2.0's `definitions` and a Response's `schema` simply do not occur in 3.x documents).
const SCHEMA = { ...object('Schema', true), tuple: true };
const DISCRIMINATOR = object('Discriminator', false);
const EXAMPLE = object('Example', true);
const MEDIA_TYPE = object('MediaType', false);
const ENCODING = object('Encoding', false);
const PARAMETER = object('Parameter', true);
const HEADER = object('Header', true);
const REQUEST_BODY = object('RequestBody', true);
const RESPONSE = object('Response', true);
const LINK = object('Link', true);
const SECURITY_SCHEME = object('SecurityScheme', true);
const OPERATION = object('Operation', false);
const PATH_ITEM = object('PathItem', true);
const COMPONENTS = object('Components', false);
const DOCUMENT = object('Document', false);
const CALLBACK = mapOf(PATH_ITEM, { extensions: true, referable: true });
const RESPONSES = mapOf(RESPONSE, { extensions: true });

const SCHEMA_MAP = mapOf(SCHEMA);
Object.assign(SCHEMA.fields, {
  properties: SCHEMA_MAP,
  patternProperties: SCHEMA_MAP,
  dependentSchemas: SCHEMA_MAP,
  dependencies: SCHEMA_MAP,
  $defs: SCHEMA_MAP,
  definitions: SCHEMA_MAP,
  allOf: listOf(SCHEMA),
  anyOf: listOf(SCHEMA),
  oneOf: listOf(SCHEMA),
  prefixItems: listOf(SCHEMA),
  ...Object.fromEntries(
    ['items', 'additionalItems', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema'].map((k) => [k, SCHEMA]),
  ),
  discriminator: DISCRIMINATOR,
});
DISCRIMINATOR.fields.mapping = MAPPING;
EXAMPLE.fields.value = DATA;
const EXAMPLES = mapOf(EXAMPLE);
const CONTENT = mapOf(MEDIA_TYPE);
const HEADERS = mapOf(HEADER);
Object.assign(MEDIA_TYPE.fields, { schema: SCHEMA, examples: EXAMPLES, encoding: mapOf(ENCODING) });
ENCODING.fields.headers = HEADERS;
// Swagger 2.0 parameters and headers carry `items` (a schema-like Items Object) directly.
for (const shape of [PARAMETER, HEADER]) Object.assign(shape.fields, { schema: SCHEMA, content: CONTENT, examples: EXAMPLES, items: SCHEMA });
REQUEST_BODY.fields.content = CONTENT;
// `schema` is Swagger 2.0's; its `examples` (by media type) are data, like every unknown field.
Object.assign(RESPONSE.fields, { headers: HEADERS, content: CONTENT, links: mapOf(LINK), schema: SCHEMA });
Object.assign(OPERATION.fields, { parameters: listOf(PARAMETER), requestBody: REQUEST_BODY, responses: RESPONSES, callbacks: mapOf(CALLBACK) });
Object.assign(PATH_ITEM.fields, { parameters: listOf(PARAMETER), ...Object.fromEntries(HTTP_METHODS.map((m) => [m, OPERATION])) });
Object.assign(COMPONENTS.fields, {
  schemas: SCHEMA_MAP,
  responses: mapOf(RESPONSE),
  parameters: mapOf(PARAMETER),
  examples: EXAMPLES,
  requestBodies: mapOf(REQUEST_BODY),
  headers: HEADERS,
  securitySchemes: mapOf(SECURITY_SCHEME),
  links: mapOf(LINK),
  callbacks: mapOf(CALLBACK),
  pathItems: mapOf(PATH_ITEM),
});
Object.assign(DOCUMENT.fields, {
  paths: mapOf(PATH_ITEM, { extensions: true }),
  webhooks: mapOf(PATH_ITEM),
  components: COMPONENTS,
  // Swagger 2.0
  definitions: SCHEMA_MAP,
  parameters: mapOf(PARAMETER),
  responses: mapOf(RESPONSE),
});

/** What redocly takes for a reference in a discriminator mapping; anything else is a schema name. */
function isMappingReference(value: string): boolean {
  return value.startsWith('#') || value.startsWith('.') || value.includes('/') || value.includes(':');
}

/** A value still to walk; pointers are built only for the few members that are sites. */
interface Frame {
  node: object;
  shape: Shape;
  parent: Frame | undefined;
  key: string;
}

function pointerOf(frame: Frame, key: string): string {
  const keys = [key];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  let pointer = '';
  for (let i = keys.length - 1; i >= 0; i--) pointer += `/${pointerSegment(keys[i]!)}`;
  return pointer;
}

/**
 * Every member of `doc` that a tool may follow as a reference, in document order: each `$ref`
 * and `externalValue` with a string value, wherever it sits, and each discriminator mapping entry
 * that is not a plain schema name. `as: 'data'` walks a value of unknown place (an overlay's
 * `update`): nothing in it is OpenAPI structure, so every site found is data.
 */
export function findReferenceSites(doc: unknown, options: { as?: 'document' | 'data' } = {}): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  if (typeof doc !== 'object' || doc === null) return sites;
  // Sites go on the stack beside the values still to walk, so that they come out in document order.
  const stack: (Frame | ReferenceSite)[] = [{ node: doc, shape: options.as === 'data' ? DATA : DOCUMENT, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (!('shape' in entry)) {
      sites.push(entry);
      continue;
    }
    const { node, shape } = entry;
    if (Array.isArray(node)) {
      const of = shape.kind === 'list' ? shape.of : shape.kind === 'object' && shape.tuple ? shape : DATA;
      for (let i = node.length - 1; i >= 0; i--) {
        const item: unknown = node[i];
        if (typeof item === 'object' && item !== null) stack.push({ node: item, shape: of, parent: entry, key: String(i) });
      }
      continue;
    }
    const holder = node as JsonObject;
    const referable = (shape.kind === 'object' || shape.kind === 'map') && shape.referable;
    const keys = Object.keys(holder);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const value = holder[key];
      let role: ReferenceSite['role'] | undefined;
      let keyword: ReferenceSite['keyword'] = '$ref';
      let child: Shape = DATA;
      if (shape.kind === 'mapping') {
        // The mapping object itself can never be a reference, yet redocly would read it as one.
        if (typeof value === 'string') {
          if (key === '$ref' || key === 'externalValue') [role, keyword] = ['misplaced', key];
          else if (isMappingReference(value)) [role, keyword] = ['reference', 'mapping'];
        }
      } else if (key === '$ref' && (typeof value === 'string' || (referable && shape.kind === 'object'))) {
        role = shape.kind === 'data' || shape.kind === 'list' ? 'data' : referable ? 'reference' : 'misplaced';
      } else if (key === 'externalValue' && typeof value === 'string') {
        keyword = 'externalValue';
        role = shape.kind === 'object' && shape.name === 'Example' ? 'reference' : shape.kind === 'map' ? 'misplaced' : 'data';
      } else if (shape.kind === 'object') {
        child = key.startsWith('x-') || !Object.hasOwn(shape.fields, key) ? DATA : shape.fields[key]!;
      } else if (shape.kind === 'map') {
        child = shape.extensions && key.startsWith('x-') ? DATA : shape.of;
      }
      // A non-string `$ref` where a reference belongs is a site and is walked as data too.
      if (typeof value === 'object' && value !== null && (role === undefined || typeof value !== 'string')) stack.push({ node: value, shape: child, parent: entry, key });
      if (role) stack.push({ holder, key, pointer: pointerOf(entry, key), keyword, role, value: value! });
    }
  }
  return sites;
}

/**
 * Rewrites every local reference that tools follow, data included (redocly follows a `$ref` in an
 * extension as it does in a schema, so a renamed component must be renamed there too): `rewrite`
 * gets the pointer's keys and returns the new text, or undefined to keep it.
 */
export function rewriteReferences(doc: unknown, rewrite: (segments: string[]) => string | undefined): void {
  for (const site of findReferenceSites(doc)) {
    if (site.role === 'misplaced' || typeof site.value !== 'string') continue;
    const parsed = parseReference(site.value);
    if (parsed.kind !== 'local') continue;
    const next = rewrite(parsed.segments);
    if (next !== undefined) site.holder[site.key] = next;
  }
}
