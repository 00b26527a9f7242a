// Applies Overlay 1.0 documents to a normalized spec, in order: each action's JSONPath (RFC 9535)
// target selects objects or arrays; `update` is merged into each, `remove: true` deletes each.
import { query } from 'jsonpath-rfc9535';
import type { ResolvedApi } from '../config/config.js';
import { error, hasErrors, warning, type Diagnostic } from '../core/diagnostics.js';
import { orderDocument } from '../normalize/canonical-order.js';
import { isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { joinPointer } from '../spec/references.js';
import { loadOverlays, type Overlay, type OverlayAction } from './load-overlays.js';

export interface ApplyOptions {
  /** An action whose target matches nothing is a warning rather than an error. */
  lenient?: boolean;
}

/** Reads the API's overlays and applies them; with no overlays the spec comes back as it was. */
export function overlayApi(api: ResolvedApi, document: OpenApiDocument, options: ApplyOptions & { root: string }): { document: OpenApiDocument; diagnostics: Diagnostic[] } {
  const loaded = loadOverlays(api.overlaysDir, options.root);
  if (hasErrors(loaded.diagnostics) || loaded.overlays.length === 0) return { document, diagnostics: loaded.diagnostics };
  const applied = applyOverlays(document, loaded.overlays, options);
  return { document: applied.document, diagnostics: [...loaded.diagnostics, ...applied.diagnostics] };
}

/** Pure: the input document is not changed. The result keeps the spec's canonical key order. */
export function applyOverlays(document: OpenApiDocument, overlays: readonly Overlay[], options: ApplyOptions = {}): { document: OpenApiDocument; diagnostics: Diagnostic[] } {
  // A copy that is a tree (no shared objects), so that each matched node has one parent and an
  // update lands in exactly the place its target names.
  const doc = cloneJson(document) as JsonObject;
  const diagnostics: Diagnostic[] = [];
  for (const overlay of overlays) {
    for (const action of overlay.actions) diagnostics.push(...applyAction(doc, action, options));
  }
  return { document: orderDocument(doc), diagnostics };
}

function applyAction(doc: JsonObject, action: OverlayAction, options: ApplyOptions): Diagnostic[] {
  let matches: JsonValue[];
  try {
    matches = query(doc as Parameters<typeof query>[0], action.target) as JsonValue[];
  } catch (e) {
    return [error(`target is not a JSONPath query (RFC 9535): ${(e as Error).message}`, action.at)];
  }
  if (matches.length === 0) {
    return [(options.lenient ? warning : error)(`target ${action.target} matches nothing in the spec`, action.at)];
  }
  const primitive = matches.find((m) => !isObject(m) && !Array.isArray(m));
  if (primitive !== undefined) {
    return [error(`target ${action.target} selects ${kindOf(primitive)}; Overlay 1.0 targets select objects or arrays: target the object that holds it and update its property`, action.at)];
  }
  if (action.remove) return removeNodes(doc, matches as (JsonObject | JsonValue[])[], action);
  if (!action.update) return [];
  const update = action.update.value;
  const diagnostics: Diagnostic[] = [];
  for (const node of matches as (JsonObject | JsonValue[])[]) {
    if (Array.isArray(node)) {
      // Overlay 1.1 spells out what 1.0 meant: an array update is concatenated, anything else appended.
      if (Array.isArray(update)) node.push(...update.map(cloneJson));
      else node.push(cloneJson(update));
    } else if (!isObject(update)) {
      diagnostics.push(error(`target ${action.target} selects an object, so update must be an object of properties to merge, not ${kindOf(update)}`, action.locateUpdate('')));
      break;
    } else {
      const conflict = mergeInto(node, update, '');
      if (conflict) {
        diagnostics.push(error(`update cannot merge ${conflict.update} into ${conflict.existing} at ${conflict.pointer || 'the target'}; remove it in an earlier action, then add it`, action.locateUpdate(conflict.pointer)));
        break;
      }
    }
  }
  return diagnostics;
}

function removeNodes(doc: JsonObject, nodes: (JsonObject | JsonValue[])[], action: OverlayAction): Diagnostic[] {
  const parents = indexParents(doc);
  for (const node of nodes) {
    const place = parents.get(node);
    if (!place) return [error(`target ${action.target} selects the whole document, which cannot be removed`, action.at)];
    // A node inside one removed earlier by the same action is already gone with it.
    if (Array.isArray(place.parent)) {
      const index = place.parent.indexOf(node);
      if (index !== -1) place.parent.splice(index, 1);
    } else if (place.parent[place.key] === node) {
      delete place.parent[place.key];
    }
  }
  return [];
}

function indexParents(root: JsonValue): Map<object, { parent: JsonObject | JsonValue[]; key: string }> {
  const parents = new Map<object, { parent: JsonObject | JsonValue[]; key: string }>();
  const visit = (value: JsonValue) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'object' && item !== null) parents.set(item, { parent: value, key: String(index) });
        visit(item);
      });
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        const item = value[key];
        if (typeof item === 'object' && item !== null) parents.set(item, { parent: value, key });
        if (item !== undefined) visit(item);
      }
    }
  };
  visit(root);
  return parents;
}

/**
 * Overlay's merge, recursively: a new property is added (after the existing ones), an object
 * merges into an object, an array is concatenated to an array, a primitive replaces a primitive;
 * any other pair is a conflict. Keys are set with defineProperty, so `__proto__` or `constructor`
 * in an overlay are plain keys and never reach a prototype.
 */
function mergeInto(target: JsonObject, update: JsonObject, pointer: string): { pointer: string; existing: string; update: string } | undefined {
  for (const key of Object.keys(update)) {
    const value = update[key];
    if (value === undefined) continue;
    const at = `${pointer}${joinPointer(key)}`;
    if (!Object.hasOwn(target, key)) {
      defineKey(target, key, cloneJson(value));
      continue;
    }
    const existing = target[key] as JsonValue;
    if (isObject(existing) && isObject(value)) {
      const conflict = mergeInto(existing, value, at);
      if (conflict) return conflict;
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      existing.push(...value.map(cloneJson));
    } else if (isPrimitive(existing) && isPrimitive(value)) {
      defineKey(target, key, value);
    } else {
      return { pointer: at, existing: kindOf(existing), update: kindOf(value) };
    }
  }
  return undefined;
}

function isPrimitive(value: JsonValue): boolean {
  return value === null || typeof value !== 'object';
}

function kindOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function defineKey(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

function cloneJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item !== undefined) defineKey(out, key, cloneJson(item));
    }
    return out;
  }
  return value;
}
