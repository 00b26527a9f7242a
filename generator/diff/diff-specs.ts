// Compares two versions of one API's spec as a client's callers see them: what each change is,
// where it is (JSON pointer, source page) and whether it breaks code written against the old one.
// The rules, and where they differ from oasdiff's, are in docs/adr/0004-breaking-changes.md. One
// module per kind of node compares it: diff-operations (with servers, deprecation and security),
// diff-parameters, diff-bodies (request bodies, responses, headers), diff-schemas; changes.ts
// says what a change is and how one is recorded.
import { compareNatural } from '../core/natural-order.js';
import { isObject, type OpenApiDocument } from '../core/openapi-types.js';
import { withoutSources } from './constraints.js';
import { add, type Context, dedupe, type DiffSpecsOptions, groupShared, type SpecChange, text } from './changes.js';
import { collectOperations, diffOperation, diffRemovedOperation, diffServers } from './diff-operations.js';

/** The kinds of change and their shape, for the report and its readers. */
export type { ChangeKind, Direction, DiffSpecsOptions, SpecChange } from './changes.js';

/**
 * The component schemas that did not change, transitively: equal text on both sides and every
 * schema they reference unchanged too. Comparing through them is skipped, which keeps a diff of
 * two large, heavily shared specs (Stripe's) from walking the same schemas down every path.
 */
function unchangedSchemas(base: OpenApiDocument, head: OpenApiDocument): Set<string> {
  const schemasOf = (doc: OpenApiDocument) => (isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {});
  const a = schemasOf(base);
  const b = schemasOf(head);
  const refsOf = new Map<string, string[]>();
  const candidates = new Set<string>();
  for (const name of Object.keys(b)) {
    if (!Object.hasOwn(a, name)) continue;
    // Where a schema came from is no part of it: a page edited above it moves its line.
    const text = JSON.stringify(b[name], withoutSources);
    if (text !== JSON.stringify(a[name], withoutSources)) continue;
    const ref = `#/components/schemas/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    candidates.add(ref);
    refsOf.set(ref, [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!));
  }
  // Drop any whose references are not (still) unchanged, until nothing more drops.
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const ref of candidates) {
      if (refsOf.get(ref)!.every((r) => candidates.has(r))) continue;
      candidates.delete(ref);
      dropped = true;
    }
  }
  return candidates;
}

/**
 * Changes from `base` to `head`; `base` undefined means the API is new. In operation order (path,
 * then method), each operation's changes in the order found; a change to a shared component that
 * reaches several operations is reported once, where it is first found, with all of them listed.
 */
export function diffSpecs(base: OpenApiDocument | undefined, head: OpenApiDocument, options: DiffSpecsOptions = {}): SpecChange[] {
  const baseDoc = base ?? { openapi: '3.1.0', info: {}, paths: {} };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ctx: Context = { base: baseDoc, head, options, today, changes: [], unchanged: unchangedSchemas(baseDoc, head) };
  diffServers(ctx);
  const before = collectOperations(ctx.base);
  const after = collectOperations(head);
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compareNatural)) {
    const old = before.get(key);
    const now = after.get(key);
    if (old && now) diffOperation(ctx, old, now);
    else if (now) {
      const id = text(now.operation.operationId);
      add({ ...ctx, operation: now.label, ...(id ? { operationId: id } : {}) }, now.pointer, now.source, 'operation-added', false, `added ${now.label}`, 'new calls break nothing');
    } else if (old) {
      diffRemovedOperation(ctx, old);
    }
  }
  return groupShared(dedupe(ctx.changes));
}

export function countChanges(changes: readonly SpecChange[]): { total: number; breaking: number } {
  return { total: changes.length, breaking: changes.filter((c) => c.breaking).length };
}
