// Gives every operation a readable, stable operationId: the page's own when it has one, else one
// made from the summary ("Create Extension Instance" -> createExtensionInstance), else from the
// method and path. A derived name depends on its own operation and on as few others as possible,
// so that removing one operation does not rename another (a rename breaks the client's callers):
// of several operations sharing a summary, the one whose path sorts first keeps the summary's name
// and the others are named from method and path, whatever order the pages list them in.
import { warning, type Diagnostic } from '../core/diagnostics.js';
import { compareNatural } from '../core/natural-order.js';
import { HTTP_METHODS, isObject, SOURCE_EXTENSION, type OpenApiDocument, type JsonObject } from '../core/openapi-types.js';
import { words } from '../plan/naming.js';
import { parseSourceRef } from './merge-fragments.js';

interface Entry {
  method: string;
  path: string;
  operation: JsonObject;
}

export function assignOperationIds(doc: OpenApiDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const operations: Entry[] = [];
  // Webhooks' operations need ids as well (one namespace with the paths'), named the same way.
  for (const section of [doc.paths, doc.webhooks]) {
    if (!isObject(section)) continue;
    for (const [path, item] of Object.entries(section)) {
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
  // The order the rest are named in is the operations' own (path, then method), never the pages'.
  const named = new Set(given);
  const derived = operations.filter((o) => !named.has(o)).sort(compareOperations);
  const bySummary = new Map<string, Entry[]>();
  for (const entry of derived) {
    const name = summaryName(entry.operation);
    if (name) bySummary.set(name, [...(bySummary.get(name) ?? []), entry]);
  }
  const fromPath: Entry[] = [];
  for (const entry of derived) {
    const name = summaryName(entry.operation);
    if (name && !used.has(name) && bySummary.get(name)![0] === entry) {
      entry.operation.operationId = name;
      used.add(name);
    } else {
      fromPath.push(entry);
    }
  }
  for (const entry of fromPath) {
    const id = uniqueId(pathName(entry), used);
    used.add(id);
    entry.operation.operationId = id;
  }
  return diagnostics;
}

function compareOperations(a: Entry, b: Entry): number {
  return compareNatural(a.path, b.path) || HTTP_METHODS.indexOf(a.method as never) - HTTP_METHODS.indexOf(b.method as never);
}

function summaryName(operation: JsonObject): string {
  return camelCase(typeof operation.summary === 'string' ? operation.summary : '');
}

/** `GET /orders/{id}` -> getOrdersById. */
function pathName({ method, path }: Entry): string {
  return camelCase(`${method} ${path.replace(/\{([^}]*)\}/g, 'by $1')}`) || method;
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
