// Puts a spec's keys in one stable order so that diffs between runs stay small: OpenAPI's own
// order for its objects, natural order for paths, responses and component names, and document
// order inside schemas (where property order carries meaning).
import { compareNatural } from '../core/natural-order.js';
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue } from '../core/openapi-types.js';

const ROOT = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'paths', 'webhooks', 'components'];
const INFO = ['title', 'version', 'summary', 'description', 'termsOfService', 'contact', 'license'];
const PATH_ITEM = ['summary', 'description', 'servers', 'parameters', ...HTTP_METHODS];
const OPERATION = ['tags', 'summary', 'description', 'operationId', 'deprecated', 'security', 'servers', 'parameters', 'requestBody', 'responses', 'callbacks', 'externalDocs'];
const COMPONENTS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];

/** Keys listed first in the given order, then the rest (`x-` extensions last), each group naturally. */
function ordered(object: JsonObject, first: readonly string[], sortRest = true): JsonObject {
  const out: JsonObject = {};
  for (const key of first) if (object[key] !== undefined) out[key] = object[key];
  const rest = Object.keys(object).filter((k) => !first.includes(k) && object[k] !== undefined);
  const plain = rest.filter((k) => !k.startsWith('x-'));
  const extensions = rest.filter((k) => k.startsWith('x-'));
  for (const key of sortRest ? [...plain.sort(compareNatural), ...extensions.sort(compareNatural)] : [...plain, ...extensions]) put(out, key, object[key]);
  return out;
}

/** Keys come from pages and overlays: `__proto__` must stay a plain key, not set a prototype. */
function put(object: JsonObject, key: string, value: JsonValue | undefined): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

function mapValues(object: JsonValue | undefined, order: (value: JsonObject) => JsonObject, sortKeys = true): JsonValue | undefined {
  if (!isObject(object)) return object;
  const out: JsonObject = {};
  const keys = sortKeys ? Object.keys(object).sort(compareNatural) : Object.keys(object);
  for (const key of keys) {
    const value = object[key];
    put(out, key, isObject(value) ? order(value) : value);
  }
  return out;
}

function orderResponses(responses: JsonObject): JsonObject {
  const keys = Object.keys(responses).sort((a, b) => (a === 'default' ? 1 : b === 'default' ? -1 : compareNatural(a, b)));
  const out: JsonObject = {};
  for (const key of keys) put(out, key, responses[key]);
  return out;
}

function orderOperation(operation: JsonObject): JsonObject {
  const out = ordered(operation, OPERATION);
  if (isObject(out.responses)) out.responses = orderResponses(out.responses);
  return out;
}

function orderPathItem(item: JsonObject): JsonObject {
  const out = ordered(item, PATH_ITEM);
  for (const method of HTTP_METHODS) if (isObject(out[method])) out[method] = orderOperation(out[method] as JsonObject);
  return out;
}

export function orderDocument(doc: JsonObject): JsonObject {
  const out = ordered(doc, ROOT);
  if (isObject(out.info)) out.info = ordered(out.info, INFO);
  out.paths = mapValues(out.paths, orderPathItem);
  if (out.webhooks !== undefined) out.webhooks = mapValues(out.webhooks, orderPathItem);
  if (isObject(out.components)) {
    const components = ordered(out.components, COMPONENTS);
    for (const kind of Object.keys(components)) components[kind] = mapValues(components[kind], (v) => v);
    if (isObject(components.responses)) components.responses = mapValues(components.responses, (v) => v);
    out.components = components;
  }
  return out;
}
