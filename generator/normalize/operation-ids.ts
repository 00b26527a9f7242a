// Gives every operation a readable, stable operationId: the page's own when it has one, else one
// made from the summary ("Create Extension Instance" -> createExtensionInstance), else from the
// method and path. Duplicates get a numeric suffix in document order.
import { warning, type Diagnostic } from '../diagnostics.js';
import { HTTP_METHODS, isObject, SOURCE_EXTENSION, type OpenApiDocument, type JsonObject } from '../openapi-types.js';
import { words } from '../plan/naming.js';
import { parseSourceRef } from './merge-fragments.js';

export function assignOperationIds(doc: OpenApiDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const operations: { method: string; path: string; operation: JsonObject }[] = [];
  if (isObject(doc.paths)) {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) operations.push({ method, path, operation });
      }
    }
  }
  const used = new Set<string>();
  // Ids the pages give are claimed first, so a derived id never takes one away from its page.
  const given = operations.filter((o) => typeof o.operation.operationId === 'string' && o.operation.operationId.trim());
  for (const { operation, method, path } of given) {
    const id = (operation.operationId as string).trim();
    if (used.has(id)) {
      const unique = uniqueId(id, used);
      const at = operation[SOURCE_EXTENSION];
      diagnostics.push(warning(`operationId "${id}" is used twice; ${method.toUpperCase()} ${path} gets "${unique}"`, typeof at === 'string' ? parseSourceRef(at) : undefined));
      operation.operationId = unique;
    } else {
      operation.operationId = id;
    }
    used.add(operation.operationId as string);
  }
  for (const { operation, method, path } of operations) {
    if (given.some((g) => g.operation === operation)) continue;
    const summary = typeof operation.summary === 'string' ? operation.summary : '';
    const base = camelCase(summary) || camelCase(`${method} ${path.replace(/\{([^}]*)\}/g, 'by $1')}`) || method;
    const id = uniqueId(base, used);
    used.add(id);
    operation.operationId = id;
  }
  return diagnostics;
}

function uniqueId(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * "List extension-instances (v2)" -> "listExtensionInstancesV2", "Create an extension" ->
 * "createExtension": ASCII letters and digits only, articles dropped.
 */
export function camelCase(text: string): string {
  const all = words(text);
  const meaningful = all.filter((w) => !ARTICLES.has(w.toLowerCase()));
  const id = (meaningful.length > 0 ? meaningful : all)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[0-9]/.test(id) ? `op${id}` : id;
}
