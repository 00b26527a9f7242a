// Operations compared: added, removed (under the deprecation policy), renamed ids and path
// parameters, deprecation and sunset, the default server, and the security each one asks for.
import { compareNatural } from '../core/natural-order.js';
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { joinPointer } from '../parse/structured-text.js';
import { add, at, type Context, type OperationEntry, sourceOf, text } from './changes.js';
import { diffRequestBody, diffResponses } from './diff-bodies.js';
import { diffParameters } from './diff-parameters.js';

/** Operations by method and path, with path parameter names blanked: a renamed `{id}` is the same URL. */
export function collectOperations(doc: OpenApiDocument): Map<string, OperationEntry> {
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

export function diffOperation(outer: Context, old: OperationEntry, now: OperationEntry): void {
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

export function diffRemovedOperation(outer: Context, old: OperationEntry): void {
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

export function diffServers(ctx: Context): void {
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
