// The key openapi-typescript gives each operation in `operations`: the client model refers to an
// operation's types by it, and the copy of the spec openapi-typescript reads is given the same keys
// (../emit/types-input.ts), so that the two always agree.
import { HTTP_METHODS, isObject, type JsonObject, type OpenApiDocument } from '../core/openapi-types.js';

/**
 * openapi-typescript names an operation in `operations` by its operationId with every `#` made
 * `/`, and refers to it from `paths` through a JSON pointer that it decodes again: an id whose
 * key holds a `%` is named one way and referred to another (or throws), and two ids can meet on one
 * key. The key is its own name then, with `%` made `_`, and a suffix against collisions; every
 * other id keeps openapi-typescript's key.
 */
export function deriveOperationKeys(spec: OpenApiDocument): Map<JsonObject, string> {
  const keys = new Map<JsonObject, string>();
  const taken = new Set<string>();
  for (const operation of listOperations(spec)) {
    const id = operation.operationId;
    if (typeof id !== 'string' || id === '' || keys.has(operation)) continue;
    const base = id.replaceAll('#', '/').replaceAll('%', '_');
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    keys.set(operation, key);
  }
  return keys;
}

/** Every operation under `paths`, then `webhooks`, in document order: the order openapi-typescript claims keys in. */
function listOperations(spec: OpenApiDocument): JsonObject[] {
  const out: JsonObject[] = [];
  for (const section of ['paths', 'webhooks'] as const) {
    const items = spec[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation) && typeof operation.$ref !== 'string') out.push(operation);
      }
    }
  }
  return out;
}

/** operationId -> its key in openapi-typescript's `operations`, for each operation under `paths`. */
export function operationTypeKeys(spec: OpenApiDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const [operation, key] of deriveOperationKeys(spec)) {
    if (typeof operation.operationId === 'string' && !out.has(operation.operationId)) out.set(operation.operationId, key);
  }
  return out;
}
