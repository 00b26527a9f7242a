// normalize: the fragments of one API's pages -> one OpenAPI 3.1.0 document. Each fragment is
// upgraded to 3.1 on its own, then merged, given operationIds and tags, and put in canonical order.
import type { Diagnostic } from '../core/diagnostics.js';
import { compareNatural } from '../core/natural-order.js';
import { HTTP_METHODS, isObject, type JsonObject, type OpenApiDocument } from '../core/openapi-types.js';
import { orderDocument } from './canonical-order.js';
import { inferPagination } from './infer-pagination.js';
import { mergeFragments, type SourcedFragment } from './merge-fragments.js';
import { assignOperationIds } from './operation-ids.js';
import { upgradeDocument } from './upgrade-to-3-1.js';

export type { SourcedFragment } from './merge-fragments.js';

export interface NormalizeOptions {
  /** Two different components under one name is an error rather than a warning. */
  strict?: boolean;
  /** Overrides the title the pages give. */
  title?: string;
  /** Whether to declare `x-pagination` where the pages show paging plainly (default true). */
  inferPagination?: boolean;
}

export function normalizeApi(fragments: readonly SourcedFragment[], options: NormalizeOptions = {}): { document: OpenApiDocument; diagnostics: Diagnostic[] } {
  const upgraded = fragments.map(({ page, fragment }) => {
    const copy = structuredClone(fragment);
    upgradeDocument(copy);
    return { page, fragment: copy };
  });
  const { document, diagnostics } = mergeFragments(upgraded, { strict: options.strict ?? false });
  const info = document.info as JsonObject;
  if (options.title) info.title = options.title;
  if (!info.title) info.title = 'API';
  if (!info.version) info.version = '0.0.0';
  diagnostics.push(...assignOperationIds(document));
  if (options.inferPagination !== false) inferPagination(document);
  declareTags(document);
  return { document: orderDocument(document), diagnostics };
}

/** Every tag an operation uses is declared at the top, in natural order, with what the pages say of it. */
function declareTags(doc: OpenApiDocument): void {
  const declared = new Map<string, JsonObject>();
  if (Array.isArray(doc.tags)) for (const tag of doc.tags) if (isObject(tag) && typeof tag.name === 'string') declared.set(tag.name, tag);
  if (isObject(doc.paths)) {
    for (const item of Object.values(doc.paths)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObject(operation) || !Array.isArray(operation.tags)) continue;
        for (const tag of operation.tags) if (typeof tag === 'string' && !declared.has(tag)) declared.set(tag, { name: tag });
      }
    }
  }
  if (declared.size === 0) return;
  doc.tags = [...declared.keys()].sort(compareNatural).map((name) => declared.get(name)!);
}
