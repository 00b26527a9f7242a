// Where a fact a page fed sits in the written spec: a pointer into the page's fragment becomes one into
// specs/<api>/openapi.yaml through the `x-specmill-source` stamps both carry (the normalizer and the
// overlays may move or rename what a page gave; the stamp stays with it).
import { isObject, SOURCE_EXTENSION, SOURCES_EXTENSION, type OpenApiDocument } from '../core/openapi-types.js';
import { joinPointer, resolvePointer, splitPointer } from '../spec/references.js';

export interface SpecIndex {
  doc: unknown;
  /** Each stamp (`page:line:column`) to the pointers in the spec that carry it, in document order. */
  bySource: Map<string, string[]>;
}

export function indexSpec(doc: unknown): SpecIndex {
  const bySource = new Map<string, string[]>();
  const add = (source: unknown, pointer: string) => {
    if (typeof source !== 'string') return;
    const list = bySource.get(source) ?? [];
    list.push(pointer);
    bySource.set(source, list);
  };
  const visit = (node: unknown, segments: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...segments, String(i)]));
      return;
    }
    if (!isObject(node)) return;
    const pointer = joinPointer(...segments);
    add(node[SOURCE_EXTENSION], pointer);
    const sources = node[SOURCES_EXTENSION];
    if (Array.isArray(sources)) for (const source of sources) add(source, pointer);
    for (const [key, value] of Object.entries(node)) if (key !== SOURCE_EXTENSION && key !== SOURCES_EXTENSION) visit(value, [...segments, key]);
  };
  visit(doc, []);
  return { doc, bySource };
}

export interface SpecPlace {
  /** A JSON pointer into the spec. */
  pointer: string;
  /** Whether the spec holds something there (false: the spec is older than the pages, or the fact was dropped later). */
  found: boolean;
}

/**
 * The spec's pointer for a pointer into a page's fragment: the nearest stamped object on the way
 * down (an operation, a component schema) is looked up by its stamp, and the rest of the way is
 * kept. With no stamp on the way, the fragment's pointer is taken as it is.
 */
export function placeInSpec(fragment: OpenApiDocument, fragmentPointer: string, spec: SpecIndex): SpecPlace {
  const segments = splitPointer(fragmentPointer) ?? [];
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = resolvePointer(fragment, segments.slice(0, depth));
    const source = isObject(node) ? node[SOURCE_EXTENSION] : undefined;
    if (typeof source !== 'string') continue;
    const base = spec.bySource.get(source)?.[0];
    if (base === undefined) break;
    const pointer = base + joinPointer(...segments.slice(depth));
    return { pointer, found: resolvePointer(spec.doc, splitPointer(pointer) ?? []) !== undefined };
  }
  return { pointer: fragmentPointer, found: resolvePointer(spec.doc, segments) !== undefined };
}

/** A pointer as people read it: `paths./v1/x.post.requestBody` for `/paths/~1v1~1x/post/requestBody`. */
export function readablePointer(pointer: string): string {
  const segments = splitPointer(pointer);
  if (!segments) return pointer;
  return segments.length === 0 ? '(the whole spec)' : segments.join('.');
}
