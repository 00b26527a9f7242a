// What a change between two specs is, and how the comparers record one: the kinds of change, the
// context every comparer adds to, changes found along several paths told once, and the located
// nodes the comparers walk (local `$ref`s followed, each node with the page it came from).
import { isObject, SOURCE_EXTENSION, SOURCES_EXTENSION, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { resolveReference } from '../spec/references.js';
import { pointerSegment } from '../parse/structured-text.js';

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-id-changed'
  | 'operation-deprecated'
  | 'operation-sunset-changed'
  | 'path-parameter-renamed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-became-required'
  | 'parameter-became-optional'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-became-required'
  | 'request-body-became-optional'
  | 'media-type-added'
  | 'media-type-removed'
  | 'property-added'
  | 'property-removed'
  | 'property-became-required'
  | 'property-became-optional'
  | 'property-became-read-only'
  | 'property-no-longer-read-only'
  | 'property-became-write-only'
  | 'property-no-longer-write-only'
  | 'type-changed'
  | 'constraint-narrowed'
  | 'constraint-widened'
  | 'constraint-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'enum-added'
  | 'enum-removed'
  | 'status-added'
  | 'status-removed'
  | 'response-header-added'
  | 'response-header-removed'
  | 'response-header-became-optional'
  | 'response-header-became-required'
  | 'security-added'
  | 'security-removed'
  | 'server-changed';

/** Which way the changed data flows: what callers send, or what they receive. */
export type Direction = 'request' | 'response';

export interface SpecChange {
  kind: ChangeKind;
  breaking: boolean;
  /**
   * `POST /things/{id}`; absent for changes to the whole API (its default server) and for a change
   * to a shared component, which lists the operations it reaches in `operations` instead.
   */
  operation?: string;
  operationId?: string;
  /** The operations a change inside a shared component reaches, when it reaches more than one. */
  operations?: { operation: string; operationId?: string }[];
  direction?: Direction;
  /** The changed node: in the new spec, or in the base spec for what was removed. */
  pointer: string;
  /** The page it came from (`page:line:column`) when the spec records one. */
  source?: string;
  message: string;
  /** Why it does or does not break callers, in a few words. */
  reason: string;
  /** The changed keyword was read from a page's prose (`x-specmill-from-prose`): a softer fact. */
  fromProse?: true;
}

export interface DiffSpecsOptions {
  /**
   * Turns on the deprecation policy (`--deprecation-days N`): removing a deprecated operation
   * after its `x-sunset` date is compatible, and a deprecation must announce an `x-sunset` at least
   * this many days ahead. Undefined: every removal breaks, deprecated or not.
   */
  deprecationDays?: number;
  /** The date sunsets are compared with, `YYYY-MM-DD`; default today (UTC). */
  today?: string;
}

/** A change as collected, with its message for a report that groups it by component. */
interface Collected extends SpecChange {
  shared?: string;
}

/** A node of one side, with where it is and which page it came from. */
export interface Located {
  value: JsonValue | undefined;
  pointer: string;
  source: string | undefined;
  /** The `$ref` it was reached through, for the cycle guard. */
  ref?: string;
}

export interface Context {
  base: OpenApiDocument;
  head: OpenApiDocument;
  options: DiffSpecsOptions;
  today: string;
  changes: Collected[];
  operation?: string;
  operationId?: string;
  /** `$ref`s whose component is the same on both sides, and so is everything it references. */
  unchanged: ReadonlySet<string>;
  /** Pairs of `$ref`s already compared within this operation and direction (see diffSchema). */
  compared?: Set<string>;
}

export const MAX_REF_HOPS = 32;

/** A message, and the same said of the shared component the node lies in (see groupShared). */
export type Said = string | { message: string; shared?: string };

export function add(ctx: Context, pointer: string, source: string | undefined, kind: ChangeKind, breaking: boolean, said: Said, reason: string, direction?: Direction, fromProse = false): void {
  const { message, shared } = typeof said === 'string' ? { message: said, shared: undefined } : said;
  ctx.changes.push({
    kind,
    breaking,
    ...(ctx.operation ? { operation: ctx.operation } : {}),
    ...(ctx.operationId ? { operationId: ctx.operationId } : {}),
    ...(direction ? { direction } : {}),
    pointer,
    ...(source ? { source } : {}),
    message,
    reason,
    ...(fromProse ? { fromProse: true as const } : {}),
    ...(shared !== undefined ? { shared } : {}),
  });
}

/** A component reached from several places of one operation is one change there, not several. */
export function dedupe(changes: Collected[]): Collected[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.operation ?? ''}\0${c.direction ?? ''}\0${c.kind}\0${c.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A change inside a component that several operations reach is one change: said of the component
 * (`schema Thing property status`) rather than of the path that reached it, with the operations
 * listed. One that reaches a single operation stays that operation's, as the path found it.
 */
export function groupShared(changes: Collected[]): SpecChange[] {
  const keyOf = (c: Collected) => (c.operation !== undefined && c.pointer.startsWith('/components/') ? JSON.stringify([c.kind, c.direction, c.breaking, c.pointer, c.shared ?? c.message, c.reason]) : undefined);
  const groups = new Map<string, Collected[]>();
  for (const change of changes) {
    const key = keyOf(change);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const out: SpecChange[] = [];
  for (const change of changes) {
    const { shared, ...plain } = change;
    const key = keyOf(change);
    const group = key === undefined ? undefined : groups.get(key)!;
    if (!group || group.length < 2) {
      out.push(plain);
      continue;
    }
    if (group[0] !== change) continue;
    const { operation: _operation, operationId: _operationId, ...rest } = plain;
    out.push({ ...rest, message: shared ?? plain.message, operations: group.map((c) => ({ operation: c.operation!, ...(c.operationId ? { operationId: c.operationId } : {}) })) });
  }
  return out;
}

export interface OperationEntry {
  /** `POST /things/{id}` as the spec writes it. */
  label: string;
  /** `/things/{id}` */
  route: string;
  pointer: string;
  source: string | undefined;
  operation: JsonObject;
  pathItem: JsonObject;
  pathPointer: string;
}

export function at(entry: { node: JsonObject; pointer: string; source: string | undefined }, key: string): Located {
  return { value: entry.node[key], pointer: `${entry.pointer}/${pointerSegment(key)}`, source: entry.source };
}

// ---------------------------------------------------------------------------------------------
// References and sources

/** Follows local `$ref`s; the result is located at the component, with the component's page. */
export function resolve(doc: OpenApiDocument, located: Located): Located {
  let current = located;
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    const value = current.value;
    if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#')) return current;
    const ref = value.$ref;
    const target = resolveReference(doc, ref);
    if (target === undefined) return current;
    current = { value: target, pointer: ref.slice(1), source: (isObject(target) ? sourceOf(target) : undefined) ?? current.source, ref };
  }
  return current;
}

export function sourceOf(node: JsonObject): string | undefined {
  const one = node[SOURCE_EXTENSION];
  if (typeof one === 'string') return one;
  const many = node[SOURCES_EXTENSION];
  return Array.isArray(many) && typeof many[0] === 'string' ? many[0] : undefined;
}

export function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function show(value: JsonValue): string {
  return JSON.stringify(value);
}
