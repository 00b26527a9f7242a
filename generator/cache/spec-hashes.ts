// Hashes of a spec's parts (path items, components, what a ref points at) for the unit cache's
// keys, each part serialized and hashed once per run however many keys read it. A part's hash
// leaves out where the part came from (`x-specmill-source(s)`, on the part and on its operations):
// the line numbers of everything below an edit move with it, and only the spec file and the
// client's `@see` print them; their keys add the positions back (`positions`).
import { createHash } from 'node:crypto';
import { HTTP_METHODS, isObject, SOURCE_EXTENSION, SOURCES_EXTENSION, type JsonObject } from '../core/openapi-types.js';

export interface PartHash {
  /** sha-256 (truncated) of the part's JSON without its source positions. */
  hash: string;
  /** The positions left out, as JSON ('' when there are none). */
  positions: string;
  /** Whether the part holds an `allOf` or `anyOf` (where openapi-typescript reads discriminators). */
  composition: boolean;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const POSITION_KEYS = [SOURCE_EXTENSION, SOURCES_EXTENSION];

function hasPositions(node: JsonObject): boolean {
  return POSITION_KEYS.some((key) => key in node);
}

/** A shallow copy of `node` (and of its operations) without source positions, and what was left out. */
function withoutPositions(node: JsonObject): { view: JsonObject; positions: unknown[] } {
  const positions: unknown[] = [];
  let view = node;
  const strip = (target: JsonObject): JsonObject => {
    const copy = { ...target };
    for (const key of POSITION_KEYS) {
      if (!(key in copy)) continue;
      positions.push(copy[key]);
      delete copy[key];
    }
    return copy;
  };
  if (hasPositions(node)) view = strip(node);
  for (const method of HTTP_METHODS) {
    const operation = view[method];
    if (!isObject(operation) || !hasPositions(operation)) continue;
    if (view === node) view = { ...node };
    view[method] = strip(operation);
  }
  return { view, positions };
}

/**
 * By identity, for one run over one document: the document must not change while this is in use
 * (the pipeline builds a new one per run).
 */
export class SpecHashes {
  #parts = new WeakMap<object, PartHash>();

  of(value: unknown): PartHash {
    if (!isObject(value)) {
      const text = JSON.stringify(value) ?? 'undefined';
      return { hash: sha(text), positions: '', composition: text.includes('"allOf":') || text.includes('"anyOf":') };
    }
    let part = this.#parts.get(value);
    if (!part) {
      const { view, positions } = withoutPositions(value);
      const text = JSON.stringify(view);
      part = { hash: sha(text), positions: positions.length > 0 ? JSON.stringify(positions) : '', composition: text.includes('"allOf":') || text.includes('"anyOf":') };
      this.#parts.set(value, part);
    }
    return part;
  }
}
