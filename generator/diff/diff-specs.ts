// Compares two versions of one API's spec as a client's callers see them: what each change is,
// where it is (JSON pointer, source page) and whether it breaks code written against the old one.
// The rules, and where they differ from oasdiff's, are in docs/adr/0004-breaking-changes.md.
import { compareNatural } from '../core/natural-order.js';
import { FROM_PROSE_EXTENSION, HTTP_METHODS, isObject, SOURCE_EXTENSION, SOURCES_EXTENSION, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { resolveReference } from '../spec/references.js';
import { joinPointer, pointerSegment } from '../parse/structured-text.js';
import { compareConstraints, withoutSources, type Effect } from './constraints.js';

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
interface Located {
  value: JsonValue | undefined;
  pointer: string;
  source: string | undefined;
  /** The `$ref` it was reached through, for the cycle guard. */
  ref?: string;
}

interface Context {
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

const MAX_REF_HOPS = 32;

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

/** A message, and the same said of the shared component the node lies in (see groupShared). */
type Said = string | { message: string; shared?: string };

function add(ctx: Context, pointer: string, source: string | undefined, kind: ChangeKind, breaking: boolean, said: Said, reason: string, direction?: Direction, fromProse = false): void {
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
function dedupe(changes: Collected[]): Collected[] {
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
function groupShared(changes: Collected[]): SpecChange[] {
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

// ---------------------------------------------------------------------------------------------
// Operations

interface OperationEntry {
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

/** Operations by method and path, with path parameter names blanked: a renamed `{id}` is the same URL. */
function collectOperations(doc: OpenApiDocument): Map<string, OperationEntry> {
  const out = new Map<string, OperationEntry>();
  if (!isObject(doc.paths)) return out;
  for (const route of Object.keys(doc.paths)) {
    const item = doc.paths[route];
    if (!isObject(item)) continue;
    const pathPointer = joinPointer('paths', route);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      out.set(`${route.replace(/\{[^}]*\}/g, '{}')} ${method}`, {
        label: `${method.toUpperCase()} ${route}`,
        route,
        pointer: `${pathPointer}/${method}`,
        source: sourceOf(operation),
        operation,
        pathItem: item,
        pathPointer,
      });
    }
  }
  return out;
}

function diffOperation(outer: Context, old: OperationEntry, now: OperationEntry): void {
  const id = text(now.operation.operationId) ?? text(old.operation.operationId);
  const ctx: Context = { ...outer, operation: now.label, ...(id ? { operationId: id } : {}), compared: new Set() };
  const oldId = text(old.operation.operationId);
  const newId = text(now.operation.operationId);
  if (oldId !== newId) {
    add(ctx, `${now.pointer}/operationId`, now.source, 'operation-id-changed', true, `operationId changed from ${oldId ?? '(none)'} to ${newId ?? '(none)'}`, "the client's method is named after it, so callers of the old name no longer compile");
  }
  diffDeprecation(ctx, old, now);
  diffSecurity(ctx, old, now);
  diffParameters(ctx, old, now);
  diffRequestBody(ctx, old, now);
  diffResponses(ctx, old, now);
}

// ---------------------------------------------------------------------------------------------
// Deprecation and sunset (the policy `--deprecation-days N` turns on; see DiffSpecsOptions)

/** An operation's `x-sunset` as `YYYY-MM-DD` (an RFC 3339 date, or the date of a date-time). */
function readSunset(operation: JsonObject): { date?: string; raw?: JsonValue } {
  const raw = operation['x-sunset'];
  if (raw === undefined) return {};
  const match = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/.exec(raw) : null;
  if (!match) return { raw };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { raw };
  return { date: `${match[1]}-${match[2]}-${match[3]}`, raw };
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function diffRemovedOperation(outer: Context, old: OperationEntry): void {
  const id = text(old.operation.operationId);
  const ctx: Context = { ...outer, operation: old.label, ...(id ? { operationId: id } : {}) };
  if (old.operation.deprecated !== true) {
    add(ctx, old.pointer, old.source, 'operation-removed', true, `removed ${old.label}`, "callers of the operation's method no longer compile");
    return;
  }
  const sunset = readSunset(old.operation);
  const message = `removed deprecated ${old.label}${sunset.date ? ` (sunset ${sunset.date})` : ''}`;
  let breaking = true;
  let reason = "callers of the operation's method no longer compile, deprecated or not";
  if (ctx.options.deprecationDays !== undefined) {
    if (sunset.raw === undefined) reason = 'it was deprecated without an x-sunset date, so callers were never told when it goes';
    else if (sunset.date === undefined) reason = `its x-sunset ${JSON.stringify(sunset.raw)} is not an RFC 3339 date`;
    else if (sunset.date > ctx.today) reason = `its sunset date ${sunset.date} is still ahead`;
    else {
      breaking = false;
      reason = `it was deprecated and its sunset date ${sunset.date} has passed`;
    }
  }
  add(ctx, old.pointer, old.source, 'operation-removed', breaking, message, reason);
}

/**
 * A deprecation, or a deprecated operation's sunset date moved or dropped. Without the policy these
 * are news for callers (the method still works); with it, a sunset must exist, be a date, and be
 * at least N days ahead unless it only moved later.
 */
function diffDeprecation(ctx: Context, old: OperationEntry, now: OperationEntry): void {
  if (now.operation.deprecated !== true) return;
  const wasDeprecated = old.operation.deprecated === true;
  const before = readSunset(old.operation);
  const after = readSunset(now.operation);
  if (wasDeprecated && JSON.stringify(before.raw) === JSON.stringify(after.raw)) return;
  const days = ctx.options.deprecationDays;
  let problem: string | undefined;
  if (days !== undefined) {
    if (after.raw === undefined) problem = wasDeprecated ? 'its x-sunset date was deleted while it stays deprecated' : `--deprecation-days ${days} asks a deprecation for an x-sunset date at least ${days} days ahead`;
    else if (after.date === undefined) problem = `its x-sunset ${JSON.stringify(after.raw)} is not an RFC 3339 date`;
    else if (daysFrom(ctx.today, after.date) < days && !(wasDeprecated && before.date !== undefined && after.date >= before.date)) {
      problem = `its sunset date ${after.date} is less than ${days} days ahead`;
    }
  }
  const sunsetText = after.date ?? (after.raw === undefined ? undefined : JSON.stringify(after.raw));
  const pointer = wasDeprecated ? `${now.pointer}/x-sunset` : `${now.pointer}/deprecated`;
  const message = wasDeprecated
    ? after.raw === undefined
      ? `the sunset date ${before.date ?? JSON.stringify(before.raw)} was removed`
      : `the sunset date changed from ${before.date ?? (before.raw === undefined ? '(none)' : JSON.stringify(before.raw))} to ${sunsetText}`
    : `deprecated${sunsetText ? ` with sunset ${sunsetText}` : ''}`;
  add(ctx, pointer, now.source, wasDeprecated ? 'operation-sunset-changed' : 'operation-deprecated', problem !== undefined, message, problem ?? 'its method still works; callers are told to move');
}

function diffServers(ctx: Context): void {
  const url = (doc: OpenApiDocument) => (Array.isArray(doc.servers) && isObject(doc.servers[0]) ? text(doc.servers[0].url) : undefined);
  const before = url(ctx.base);
  const after = url(ctx.head);
  if (before === after || before === undefined) return;
  add(ctx, after === undefined ? '/servers' : '/servers/0/url', undefined, 'server-changed', true, after === undefined ? `the default server ${before} was removed` : `the default server changed from ${before} to ${after}`, "clients built without a baseUrl now call another server (or none)");
}

// ---------------------------------------------------------------------------------------------
// Security

/** One way to authenticate: every scheme it needs, with the scopes each needs. */
interface Alternative {
  /** `oauth (read, write) + apiKey`; `''` is the empty alternative (no credentials needed). */
  label: string;
  schemes: Map<string, Set<string>>;
}

function securityAlternatives(doc: OpenApiDocument, operation: JsonObject): Alternative[] {
  const list = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  return list.filter(isObject).map((requirement) => {
    const schemes = new Map<string, Set<string>>();
    for (const name of Object.keys(requirement).sort(compareNatural)) {
      const scopes = requirement[name];
      schemes.set(name, new Set(Array.isArray(scopes) ? scopes.map(String).sort(compareNatural) : []));
    }
    const label = [...schemes].map(([name, scopes]) => (scopes.size > 0 ? `${name} (${[...scopes].join(', ')})` : name)).join(' + ');
    return { label, schemes };
  });
}

/** Whether `relaxed` asks callers for no more than `strict` does: its schemes and scopes are a subset. */
function asksNoMore(relaxed: Alternative, strict: Alternative): boolean {
  return [...relaxed.schemes].every(([name, scopes]) => {
    const held = strict.schemes.get(name);
    return held !== undefined && [...scopes].every((s) => held.has(s));
  });
}

function diffSecurity(ctx: Context, old: OperationEntry, now: OperationEntry): void {
  const before = securityAlternatives(ctx.base, old.operation);
  const after = securityAlternatives(ctx.head, now.operation);
  const labelsBefore = before.map((a) => a.label);
  const labelsAfter = after.map((a) => a.label);
  const pointer = Array.isArray(now.operation.security) ? `${now.pointer}/security` : '/security';
  const anonymousBefore = before.length === 0 || labelsBefore.includes('');
  const anonymousAfter = after.length === 0 || labelsAfter.includes('');
  after.forEach((alternative, index) => {
    if (alternative.label === '' || labelsBefore.includes(alternative.label)) return;
    const breaking = anonymousBefore && !anonymousAfter;
    add(ctx, `${pointer}/${index}`, now.source, 'security-added', breaking, `now authenticates with ${alternative.label}`, breaking ? 'calls without credentials, valid before, are now refused' : 'another way to authenticate; the old ones still work');
  });
  before.forEach((alternative, index) => {
    if (alternative.label === '' || labelsAfter.includes(alternative.label)) return;
    // Dropping a scope (or a scheme) from an alternative asks callers for less, not more.
    const relaxed = after.find((a) => a.label !== '' && asksNoMore(a, alternative));
    const breaking = !anonymousAfter && relaxed === undefined;
    const reason = anonymousAfter ? 'no credentials are needed any more' : relaxed ? `${relaxed.label} asks callers for no more than it did` : 'callers authenticating that way are refused';
    add(ctx, `${Array.isArray(old.operation.security) ? `${old.pointer}/security` : '/security'}/${index}`, old.source, 'security-removed', breaking, `no longer authenticates with ${alternative.label}`, reason);
  });
}

// ---------------------------------------------------------------------------------------------
// Parameters

interface ParameterEntry {
  name: string;
  in: string;
  node: JsonObject;
  pointer: string;
  source: string | undefined;
}

/** Path-item and operation parameters (the operation's win), by location and name. */
function collectParameters(doc: OpenApiDocument, entry: OperationEntry): Map<string, ParameterEntry> {
  const out = new Map<string, ParameterEntry>();
  const read = (list: JsonValue | undefined, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const found = resolve(doc, { value: raw, pointer: `${pointer}/${index}`, source: entry.source });
      const node = found.value;
      if (!isObject(node) || typeof node.name !== 'string' || typeof node.in !== 'string') return;
      // Header names are case-insensitive on the wire.
      const key = `${node.in}:${node.in === 'header' ? node.name.toLowerCase() : node.name}`;
      out.set(key, { name: node.name, in: node.in, node, pointer: found.pointer, source: found.source });
    });
  };
  read(entry.pathItem.parameters, `${entry.pathPointer}/parameters`);
  read(entry.operation.parameters, `${entry.pointer}/parameters`);
  return out;
}

/**
 * Operations are matched by URL with path parameter names blanked, so `/books/{bookId}` and
 * `/books/{id}` are one operation: the names at the same place in the path are one parameter.
 */
function renamedPathParameters(old: OperationEntry, now: OperationEntry): Map<string, string> {
  const names = (route: string) => [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const was = names(old.route);
  const is = names(now.route);
  return new Map(was.flatMap((name, i) => (is[i] !== undefined && is[i] !== name ? [[name, is[i]] as const] : [])));
}

function diffParameters(ctx: Context, old: OperationEntry, now: OperationEntry): void {
  const renamed = renamedPathParameters(old, now);
  const before = new Map([...collectParameters(ctx.base, old)].map(([key, p]) => [p.in === 'path' && renamed.has(p.name) ? `path:${renamed.get(p.name)}` : key, p]));
  const after = collectParameters(ctx.head, now);
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compareNatural)) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && a.name !== b.name && b.in === 'path') {
      add(ctx, b.pointer, b.source, 'path-parameter-renamed', true, `path parameter ${a.name} renamed to ${b.name}`, `the URL is the same, but calls pass it as path: { ${a.name} }, a key the client no longer has`, 'request');
    }
    if (b && !a) {
      const required = isRequiredParameter(b.node);
      add(ctx, b.pointer, b.source, 'parameter-added', required, `added ${required ? 'required' : 'optional'} ${b.in} parameter ${b.name}`, required ? 'calls without it no longer compile' : 'callers may leave it out', 'request');
    } else if (a && !b) {
      add(ctx, a.pointer, a.source, 'parameter-removed', true, `removed ${a.in} parameter ${a.name}`, 'calls that pass it no longer compile', 'request');
    } else if (a && b) {
      const was = isRequiredParameter(a.node);
      const is = isRequiredParameter(b.node);
      if (!was && is) add(ctx, `${b.pointer}/required`, b.source, 'parameter-became-required', true, `${b.in} parameter ${b.name} became required`, 'calls without it no longer compile', 'request');
      if (was && !is) add(ctx, b.pointer, b.source, 'parameter-became-optional', false, `${b.in} parameter ${b.name} became optional`, 'callers may still pass it', 'request');
      diffSchema(ctx, 'request', `${b.in} parameter ${b.name}`, '', at(a, 'schema'), at(b, 'schema'));
    }
  }
}

function isRequiredParameter(node: JsonObject): boolean {
  return node.in === 'path' || node.required === true;
}

function at(entry: { node: JsonObject; pointer: string; source: string | undefined }, key: string): Located {
  return { value: entry.node[key], pointer: `${entry.pointer}/${pointerSegment(key)}`, source: entry.source };
}

// ---------------------------------------------------------------------------------------------
// Request bodies and responses

function diffRequestBody(ctx: Context, old: OperationEntry, now: OperationEntry): void {
  const a = resolve(ctx.base, { value: old.operation.requestBody, pointer: `${old.pointer}/requestBody`, source: old.source });
  const b = resolve(ctx.head, { value: now.operation.requestBody, pointer: `${now.pointer}/requestBody`, source: now.source });
  if (!isObject(a.value) && !isObject(b.value)) return;
  if (!isObject(a.value)) {
    const required = isObject(b.value) && b.value.required === true;
    add(ctx, b.pointer, b.source, 'request-body-added', required, `added ${required ? 'a required' : 'an optional'} request body`, required ? 'calls without a body no longer compile' : 'callers may leave it out', 'request');
    return;
  }
  if (!isObject(b.value)) {
    add(ctx, a.pointer, a.source, 'request-body-removed', true, 'removed the request body', 'calls that pass a body no longer compile', 'request');
    return;
  }
  const was = a.value.required === true;
  const is = b.value.required === true;
  if (!was && is) add(ctx, `${b.pointer}/required`, b.source, 'request-body-became-required', true, 'the request body became required', 'calls without a body no longer compile', 'request');
  if (was && !is) add(ctx, b.pointer, b.source, 'request-body-became-optional', false, 'the request body became optional', 'callers may still send one', 'request');
  diffContent(ctx, 'request', 'request body', { ...a, value: a.value.content, pointer: `${a.pointer}/content` }, { ...b, value: b.value.content, pointer: `${b.pointer}/content` });
}

function diffResponses(ctx: Context, old: OperationEntry, now: OperationEntry): void {
  const before = isObject(old.operation.responses) ? old.operation.responses : {};
  const after = isObject(now.operation.responses) ? now.operation.responses : {};
  const statuses = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareNatural);
  for (const status of statuses) {
    const success = /^2/.test(status);
    const a = resolve(ctx.base, { value: Object.hasOwn(before, status) ? before[status] : undefined, pointer: `${old.pointer}/responses/${pointerSegment(status)}`, source: old.source });
    const b = resolve(ctx.head, { value: Object.hasOwn(after, status) ? after[status] : undefined, pointer: `${now.pointer}/responses/${pointerSegment(status)}`, source: now.source });
    if (!isObject(a.value) && isObject(b.value)) {
      add(ctx, b.pointer, b.source, 'status-added', false, `added response ${status}`, success ? 'the client resolves it like the documented success' : 'an undocumented status could always come; it was an ApiError then too', 'response');
    } else if (isObject(a.value) && !isObject(b.value)) {
      add(ctx, a.pointer, a.source, 'status-removed', true, `removed response ${status}`, success ? 'the result type of callers that rely on it changes' : "client.isError() no longer narrows to it, so code that checks for it no longer compiles", 'response');
    } else if (isObject(a.value) && isObject(b.value)) {
      const label = `response ${status}`;
      diffHeaders(ctx, label, { ...a, value: a.value.headers, pointer: `${a.pointer}/headers` }, { ...b, value: b.value.headers, pointer: `${b.pointer}/headers` });
      diffContent(ctx, 'response', `${label} body`, { ...a, value: a.value.content, pointer: `${a.pointer}/content` }, { ...b, value: b.value.content, pointer: `${b.pointer}/content` });
    }
  }
}

function diffHeaders(ctx: Context, label: string, a: Located, b: Located): void {
  const before = isObject(a.value) ? a.value : {};
  const after = isObject(b.value) ? b.value : {};
  const lower = (o: JsonObject) => new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
  const was = lower(before);
  const is = lower(after);
  for (const name of [...new Set([...was.keys(), ...is.keys()])].sort(compareNatural)) {
    const oldKey = was.get(name);
    const newKey = is.get(name);
    if (newKey !== undefined && oldKey === undefined) add(ctx, `${b.pointer}/${pointerSegment(newKey)}`, b.source, 'response-header-added', false, `${label} has a new header ${newKey}`, 'callers that do not read it are unaffected', 'response');
    else if (oldKey !== undefined && newKey === undefined) add(ctx, `${a.pointer}/${pointerSegment(oldKey)}`, a.source, 'response-header-removed', true, `${label} no longer has header ${oldKey}`, 'code that reads it from withResponse() no longer compiles', 'response');
    else if (oldKey !== undefined && newKey !== undefined) {
      const ha = resolve(ctx.base, { value: before[oldKey], pointer: `${a.pointer}/${pointerSegment(oldKey)}`, source: a.source });
      const hb = resolve(ctx.head, { value: after[newKey], pointer: `${b.pointer}/${pointerSegment(newKey)}`, source: b.source });
      if (!isObject(ha.value) || !isObject(hb.value)) continue;
      const was = ha.value.required === true;
      const is = hb.value.required === true;
      if (was && !is) add(ctx, hb.pointer, hb.source, 'response-header-became-optional', true, `${label} header ${newKey} became optional`, 'its type in withResponse().headers gains undefined, which code reading it must now handle', 'response');
      if (!was && is) add(ctx, `${hb.pointer}/required`, hb.source, 'response-header-became-required', false, `${label} header ${newKey} became required`, 'callers can rely on it being there', 'response');
      diffSchema(ctx, 'response', `${label} header ${newKey}`, '', { ...ha, value: ha.value.schema, pointer: `${ha.pointer}/schema` }, { ...hb, value: hb.value.schema, pointer: `${hb.pointer}/schema` });
    }
  }
}

/** JSON first, as the generated client sends and reads it; then any other type both sides share. */
function primaryMediaType(types: readonly string[]): string | undefined {
  return types.find((t) => t === 'application/json') ?? types.find((t) => /[/+]json\b/i.test(t)) ?? types[0];
}

function diffContent(ctx: Context, direction: Direction, label: string, a: Located, b: Located): void {
  const before = isObject(a.value) ? Object.keys(a.value) : [];
  const after = isObject(b.value) ? Object.keys(b.value) : [];
  for (const type of after.filter((t) => !before.includes(t))) {
    add(ctx, `${b.pointer}/${pointerSegment(type)}`, b.source, 'media-type-added', false, `${label} can be ${type}`, direction === 'request' ? 'the old media types are still accepted' : 'callers keep asking for the old one', direction);
  }
  for (const type of before.filter((t) => !after.includes(t))) {
    add(ctx, `${a.pointer}/${pointerSegment(type)}`, a.source, 'media-type-removed', true, `${label} can no longer be ${type}`, direction === 'request' ? 'callers sending it are refused' : 'callers reading it get something else', direction);
  }
  // Comparing every shared media type would repeat each change once per type (application/json,
  // text/json, application/*+json often carry one schema); the one the client uses is enough.
  const shared = primaryMediaType(after.filter((t) => before.includes(t)));
  if (shared === undefined || !isObject(a.value) || !isObject(b.value)) return;
  const ma = a.value[shared];
  const mb = b.value[shared];
  if (!isObject(ma) || !isObject(mb)) return;
  const segment = `/${pointerSegment(shared)}/schema`;
  diffSchema(ctx, direction, label, '', { value: ma.schema, pointer: a.pointer + segment, source: a.source }, { value: mb.schema, pointer: b.pointer + segment, source: b.source });
}

// ---------------------------------------------------------------------------------------------
// Schemas

/** What a schema change is said of: the path that reached it, and the node (which may lie in a shared schema). */
interface Subject {
  text: string;
  pointer: string;
}

function subjectOf(text: string, pointer: string): Subject {
  return { text, pointer };
}

/** `/components/schemas/Thing/properties/a/items/properties/b` -> `schema Thing property a[].b`. */
function componentSubject(pointer: string): string | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (segments[0] !== 'components' || segments[1] !== 'schemas' || segments[2] === undefined) return undefined;
  let path = '';
  for (let i = 3; i < segments.length; i++) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    if (segment === 'properties' && next !== undefined) path += `${path ? '.' : ''}${next}`;
    else if (segment === 'prefixItems' && next !== undefined) path += `[${next}]`;
    else if ((segment === 'allOf' || segment === 'anyOf' || segment === 'oneOf') && next !== undefined) path += '';
    else if (segment === 'items' || segment === 'additionalProperties') {
      path += segment === 'items' ? '[]' : '{}';
      continue;
    } else return undefined;
    i++;
  }
  return path ? `schema ${segments[2]} property ${path}` : `schema ${segments[2]}`;
}

/** A message said of the path that reached a node, and of the shared schema it lies in (`schema Thing property status`). */
function say(subject: Subject, message: (subject: string) => string): Said {
  const shared = componentSubject(subject.pointer);
  return { message: message(subject.text), ...(shared !== undefined ? { shared: message(shared) } : {}) };
}

/**
 * Compares two schemas structurally, `$ref`s resolved. `path` names the property inside the body
 * (`meta.id`, `data[]`). Pairs of references already being compared up the stack are skipped, so
 * recursive schemas end.
 */
function diffSchema(ctx: Context, direction: Direction, label: string, path: string, rawA: Located, rawB: Located, visiting: Set<string> = new Set()): void {
  const refA = isObject(rawA.value) && typeof rawA.value.$ref === 'string' ? rawA.value.$ref : undefined;
  const refB = isObject(rawB.value) && typeof rawB.value.$ref === 'string' ? rawB.value.$ref : undefined;
  if (refA !== undefined && refA === refB && ctx.unchanged.has(refA)) return;
  const a = unwrapNullable(ctx.base, resolve(ctx.base, rawA));
  const b = unwrapNullable(ctx.head, resolve(ctx.head, rawB));
  if (a.located.ref !== undefined || b.located.ref !== undefined) {
    const key = `${a.located.ref ?? a.located.pointer}|${b.located.ref ?? b.located.pointer}`;
    if (visiting.has(key)) return;
    visiting = new Set(visiting).add(key);
    // A shared schema is compared once per operation and direction: its changes are reported on
    // the first path that reaches it rather than on every one (which grows exponentially).
    const pair = `${direction}|${key}`;
    if (ctx.compared?.has(pair)) return;
    ctx.compared?.add(pair);
  }
  const sa = isObject(a.located.value) ? a.located.value : {};
  const sb = isObject(b.located.value) ? b.located.value : {};
  if (a.located.value === undefined && b.located.value === undefined) return;
  const subject = subjectOf(path ? `${label} property ${path}` : label, (b.located.value !== undefined ? b.located : a.located).pointer);

  diffTypes(ctx, direction, subject, a, b);
  diffEnum(ctx, direction, subject, a.located, b.located, sa, sb, 'enum');
  diffEnum(ctx, direction, subject, a.located, b.located, sa, sb, 'x-extensible-enum');
  // A schema that appeared or vanished as a whole is its type change; its keywords are not news.
  if (a.located.value !== undefined && b.located.value !== undefined) diffConstraints(ctx, direction, subject, a.located, b.located, sa, sb);

  const shapeA = objectShape(ctx.base, a.located);
  const shapeB = objectShape(ctx.head, b.located);
  if (shapeA.properties.size > 0 || shapeB.properties.size > 0) diffProperties(ctx, direction, label, path, shapeA, shapeB, visiting);

  if (sa.items !== undefined && sb.items !== undefined) {
    diffSchema(ctx, direction, label, `${path}[]`, { ...a.located, value: sa.items, pointer: `${a.located.pointer}/items` }, { ...b.located, value: sb.items, pointer: `${b.located.pointer}/items` }, visiting);
  }
  if (Array.isArray(sa.prefixItems) && Array.isArray(sb.prefixItems)) {
    const pb = sb.prefixItems;
    sa.prefixItems.slice(0, pb.length).forEach((item, i) =>
      diffSchema(ctx, direction, label, `${path}[${i}]`, { ...a.located, value: item, pointer: `${a.located.pointer}/prefixItems/${i}` }, { ...b.located, value: pb[i], pointer: `${b.located.pointer}/prefixItems/${i}` }, visiting),
    );
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) diffAlternatives(ctx, direction, label, path, subject, keyword, a.located, b.located, sa, sb, visiting);
}

function diffAlternatives(ctx: Context, direction: Direction, label: string, path: string, subject: Subject, keyword: 'anyOf' | 'oneOf', a: Located, b: Located, sa: JsonObject, sb: JsonObject, visiting: Set<string>): void {
  const la = Array.isArray(sa[keyword]) ? sa[keyword] : undefined;
  const lb = Array.isArray(sb[keyword]) ? sb[keyword] : undefined;
  if (!la && !lb) return;
  if (la && lb && la.length === lb.length) {
    la.forEach((member, i) => diffSchema(ctx, direction, label, path, { ...a, value: member, pointer: `${a.pointer}/${keyword}/${i}` }, { ...b, value: lb[i], pointer: `${b.pointer}/${keyword}/${i}` }, visiting));
    return;
  }
  // Alternatives only added widen the union, only dropped narrow it; when some are added and some
  // dropped (or the union appears or goes), which became which cannot be told: say so, not guess.
  const text = (list: JsonValue[]) => new Set(list.map((m) => JSON.stringify(m, withoutSources)));
  const was = text(la ?? []);
  const is = text(lb ?? []);
  const added = [...is].filter((m) => !was.has(m)).length;
  const dropped = [...was].filter((m) => !is.has(m)).length;
  const effect: Effect = !la || !lb ? 'changed' : dropped === 0 ? 'widened' : added === 0 ? 'narrowed' : 'changed';
  const breaking = direction === 'request' ? effect !== 'widened' : effect !== 'narrowed';
  const what = effect === 'widened' ? `${added} ${keyword} alternative${added === 1 ? '' : 's'} added` : effect === 'narrowed' ? `${dropped} ${keyword} alternative${dropped === 1 ? '' : 's'} dropped` : `the ${keyword} alternatives changed (${la?.length ?? 0} -> ${lb?.length ?? 0})`;
  const reason = breaking ? 'the union type callers handle or build is a different one' : direction === 'request' ? 'what callers sent before still fits' : 'callers receive a subset of what they handled';
  add(ctx, `${(lb ? b : a).pointer}/${keyword}`, (lb ? b : a).source, 'type-changed', breaking, say(subject, (w) => `${w}: ${what}`), reason, direction);
}

const CONSTRAINT_KINDS: Record<Effect, ChangeKind> = { narrowed: 'constraint-narrowed', widened: 'constraint-widened', changed: 'constraint-changed' };

/** Requests break when what they may hold narrows; responses when what they may hold widens. */
function constraintReason(direction: Direction, effect: Effect): string {
  if (direction === 'request') {
    if (effect === 'widened') return 'everything callers sent before is still accepted';
    return effect === 'narrowed' ? 'values callers could send before are refused now' : 'values callers could send before may be refused now';
  }
  if (effect === 'narrowed') return 'callers receive a subset of what they handled';
  return effect === 'widened' ? 'callers may now receive values outside what they were promised' : 'callers may receive values outside what they were promised';
}

function diffConstraints(ctx: Context, direction: Direction, subject: Subject, a: Located, b: Located, sa: JsonObject, sb: JsonObject): void {
  for (const change of compareConstraints(sa, sb)) {
    const node = change.side === 'head' ? b : a;
    const breaking = direction === 'request' ? change.effect !== 'widened' : change.effect !== 'narrowed';
    add(ctx, `${node.pointer}/${change.at.map(pointerSegment).join('/')}`, node.source, CONSTRAINT_KINDS[change.effect], breaking, say(subject, (w) => `${w}: ${change.text}`), constraintReason(direction, change.effect), direction, change.fromProse);
  }
}

interface Unwrapped {
  located: Located;
  /** `anyOf: [X, {type: 'null'}]` (how 3.0's nullable is upgraded) seen as X that may be null. */
  nullable: boolean;
}

function unwrapNullable(doc: OpenApiDocument, located: Located): Unwrapped {
  const schema = located.value;
  if (!isObject(schema)) return { located, nullable: false };
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list) || list.length !== 2) continue;
    const nullIndex = list.findIndex((m) => isObject(m) && m.type === 'null' && Object.keys(m).length === 1);
    if (nullIndex === -1) continue;
    const other = 1 - nullIndex;
    const inner = resolve(doc, { ...located, value: list[other], pointer: `${located.pointer}/${keyword}/${other}` });
    return { located: inner, nullable: true };
  }
  return { located, nullable: false };
}

/** The JSON types a schema allows, or undefined when it says nothing (any value). */
function typesOf(unwrapped: Unwrapped): Set<string> | undefined {
  const schema = unwrapped.located.value;
  if (!isObject(schema)) return undefined;
  let types: string[] | undefined;
  if (typeof schema.type === 'string') types = [schema.type];
  else if (Array.isArray(schema.type)) types = schema.type.filter((t): t is string => typeof t === 'string');
  else if (isObject(schema.properties) || schema.allOf !== undefined) types = ['object'];
  else if (schema.items !== undefined) types = ['array'];
  if (!types) return undefined;
  const set = new Set(types);
  if (unwrapped.nullable) set.add('null');
  return set;
}

/** Whether every value of type `t` is allowed by `set` (integer is a number). */
function allows(set: Set<string> | undefined, t: string): boolean {
  return set === undefined || set.has(t) || (t === 'integer' && set.has('number'));
}

function describeTypes(set: Set<string> | undefined): string {
  return set === undefined ? 'any' : [...set].join(' | ');
}

function diffTypes(ctx: Context, direction: Direction, subject: Subject, a: Unwrapped, b: Unwrapped): void {
  const before = typesOf(a);
  const after = typesOf(b);
  if (before === undefined && after === undefined) return;
  if (before && after && before.size === after.size && [...before].every((t) => after.has(t))) return;
  // Widened: every value valid before is valid now. Narrowed: every value valid now was valid before.
  const widened = before !== undefined && [...before].every((t) => allows(after, t));
  const narrowed = after !== undefined && [...after].every((t) => allows(before, t));
  const breaking = direction === 'request' ? !widened : !narrowed;
  const withoutNull = (set: Set<string>) => describeTypes(new Set([...set].filter((t) => t !== 'null')));
  const message = (where: string) =>
    before && after && withoutNull(before) === withoutNull(after)
      ? `${where} ${after.has('null') ? 'became nullable' : 'is no longer nullable'}`
      : `${where} changed type from ${describeTypes(before)} to ${describeTypes(after)}`;
  const reason =
    direction === 'request'
      ? breaking
        ? 'values callers could send before are refused now'
        : 'everything callers sent before is still accepted'
      : breaking
        ? 'callers now receive values their code was not typed for'
        : 'callers receive a subset of what they handled';
  add(ctx, b.located.pointer, b.located.source, 'type-changed', breaking, say(subject, message), reason, direction);
}

/**
 * `enum`, or `x-extensible-enum` (Zalando's list that says more values may come, so callers must
 * handle unknown ones): there only a value dropped from a request breaks, and a list that
 * appears or goes is a note, not a constraint.
 */
function diffEnum(ctx: Context, direction: Direction, subject: Subject, a: Located, b: Located, sa: JsonObject, sb: JsonObject, keyword: 'enum' | 'x-extensible-enum'): void {
  if (sa[keyword] === undefined && sb[keyword] === undefined) return;
  const before = Array.isArray(sa[keyword]) ? sa[keyword] : undefined;
  const after = Array.isArray(sb[keyword]) ? sb[keyword] : undefined;
  if (!before && !after) return;
  const open = keyword === 'x-extensible-enum';
  const pointer = `${b.pointer}/${pointerSegment(keyword)}`;
  if (!before || !after) {
    if (open) return;
    if (after) {
      const breaking = direction === 'request';
      add(ctx, pointer, b.source, 'enum-added', breaking, say(subject, (w) => `${w} is now limited to ${after.map(show).join(', ')}`), breaking ? 'other values callers sent before are refused' : 'callers receive a subset of what they handled', direction, fromProse(sb, keyword));
    } else {
      const breaking = direction === 'response';
      add(ctx, `${a.pointer}/${keyword}`, a.source, 'enum-removed', breaking, say(subject, (w) => `${w} is no longer limited to ${before!.map(show).join(', ')}`), breaking ? 'callers that switch over the values meet new ones' : 'callers may send any value now', direction, fromProse(sa, keyword));
    }
    return;
  }
  const was = new Set(before.map((v) => JSON.stringify(v)));
  const is = new Set(after.map((v) => JSON.stringify(v)));
  after.forEach((value, index) => {
    if (was.has(JSON.stringify(value))) return;
    const breaking = direction === 'response' && !open;
    const reason = breaking ? "an exhaustive switch over the values no longer covers them all (TypeScript's never check fails)" : direction === 'request' ? 'callers may send it but need not' : 'the list is declared open: callers were told to expect new values';
    add(ctx, `${pointer}/${index}`, b.source, 'enum-value-added', breaking, say(subject, (w) => `${w} can be ${show(value)}`), reason, direction, fromProse(sb, keyword));
  });
  before.forEach((value, index) => {
    if (is.has(JSON.stringify(value))) return;
    const breaking = direction === 'request';
    add(ctx, `${a.pointer}/${pointerSegment(keyword)}/${index}`, a.source, 'enum-value-removed', breaking, say(subject, (w) => `${w} can no longer be ${show(value)}`), breaking ? 'callers that send it no longer compile (and are refused)' : 'callers simply stop receiving it', direction, fromProse(sa, keyword));
  });
}

/** Whether an importer read the keyword from the page's prose (`x-specmill-from-prose`). */
function fromProse(schema: JsonObject, keyword: string): boolean {
  const list = schema[FROM_PROSE_EXTENSION];
  return Array.isArray(list) && list.includes(keyword);
}

interface Shape {
  properties: Map<string, Located>;
  required: Set<string>;
}

/** Properties and required names of an object schema, `allOf` members merged in. */
function objectShape(doc: OpenApiDocument, located: Located, depth = 0): Shape {
  const shape: Shape = { properties: new Map(), required: new Set() };
  const schema = located.value;
  if (!isObject(schema) || depth > MAX_REF_HOPS) return shape;
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((member, i) => {
      const inner = objectShape(doc, resolve(doc, { ...located, value: member, pointer: `${located.pointer}/allOf/${i}` }), depth + 1);
      for (const [name, value] of inner.properties) shape.properties.set(name, value);
      for (const name of inner.required) shape.required.add(name);
    });
  }
  if (isObject(schema.properties)) {
    for (const name of Object.keys(schema.properties)) {
      shape.properties.set(name, { value: schema.properties[name], pointer: `${located.pointer}/properties/${pointerSegment(name)}`, source: located.source });
    }
  }
  if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') shape.required.add(name);
  return shape;
}

function diffProperties(ctx: Context, direction: Direction, label: string, path: string, a: Shape, b: Shape, visiting: Set<string>): void {
  const names = [...new Set([...a.properties.keys(), ...b.properties.keys()])];
  // A readOnly property never travels in a request, a writeOnly one never in a response.
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  const hidden = (p: Located | undefined, doc: OpenApiDocument) => {
    const s = p ? resolve(doc, p).value : undefined;
    return isObject(s) && s[flag] === true;
  };
  for (const name of names) {
    const child = path ? `${path}.${name}` : name;
    const pa = a.properties.get(name);
    const pb = b.properties.get(name);
    const subject = subjectOf(`${label} property ${child}`, (pb ?? pa)!.pointer);
    const hiddenBefore = hidden(pa, ctx.base);
    const hiddenAfter = hidden(pb, ctx.head);
    if (pb && !pa) {
      if (hiddenAfter) continue;
      const required = b.required.has(name);
      const breaking = direction === 'request' && required;
      add(ctx, pb.pointer, pb.source, 'property-added', breaking, say(subject, (w) => `added ${required ? 'required' : 'optional'} ${w}`), direction === 'request' ? (required ? 'calls without it no longer compile' : 'callers may leave it out') : 'callers that do not read it are unaffected', direction);
    } else if (pa && !pb) {
      if (hiddenBefore) continue;
      add(ctx, pa.pointer, pa.source, 'property-removed', true, say(subject, (w) => `removed ${w}`), direction === 'request' ? 'calls that set it no longer compile' : 'code that reads it no longer compiles', direction);
    } else if (pa && pb) {
      if (hiddenBefore && hiddenAfter) continue;
      if (hiddenAfter) {
        // It leaves this direction as if removed: the type keeps it, the wire does not.
        const kind = direction === 'request' ? 'property-became-read-only' : 'property-became-write-only';
        const reason = direction === 'request' ? 'it no longer travels in requests: what callers set is ignored or refused' : 'it no longer travels in responses: code that reads it gets undefined';
        add(ctx, `${pb.pointer}/${flag}`, pb.source, kind, true, say(subject, (w) => `${w} became ${flag}`), reason, direction);
        continue;
      }
      if (hiddenBefore) {
        // It enters this direction as if added.
        const required = b.required.has(name);
        const breaking = direction === 'request' && required;
        const kind = direction === 'request' ? 'property-no-longer-read-only' : 'property-no-longer-write-only';
        const reason = direction === 'request' ? (required ? 'it now travels in requests and is required: calls without it are refused' : 'callers may now send it') : 'callers now receive it; code that does not read it is unaffected';
        add(ctx, pb.pointer, pb.source, kind, breaking, say(subject, (w) => `${w} is no longer ${flag}`), reason, direction);
        continue;
      }
      const was = a.required.has(name);
      const is = b.required.has(name);
      if (was !== is) {
        const breaking = direction === 'request' ? is : was;
        add(ctx, pb.pointer, pb.source, is ? 'property-became-required' : 'property-became-optional', breaking, say(subject, (w) => `${w} became ${is ? 'required' : 'optional'}`), direction === 'request' ? (is ? 'calls without it no longer compile' : 'callers may still send it') : is ? 'callers can rely on it being there' : 'its type gains undefined, which code reading it must now handle', direction);
      }
      diffSchema(ctx, direction, label, child, pa, pb, visiting);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// References and sources

/** Follows local `$ref`s; the result is located at the component, with the component's page. */
function resolve(doc: OpenApiDocument, located: Located): Located {
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

function sourceOf(node: JsonObject): string | undefined {
  const one = node[SOURCE_EXTENSION];
  if (typeof one === 'string') return one;
  const many = node[SOURCES_EXTENSION];
  return Array.isArray(many) && typeof many[0] === 'string' ? many[0] : undefined;
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function show(value: JsonValue): string {
  return JSON.stringify(value);
}
