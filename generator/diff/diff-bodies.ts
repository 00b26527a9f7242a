// Request bodies and responses compared: added or removed, required or not, statuses, media types,
// response headers, and the schema of each body.
import { compareNatural } from '../core/natural-order.js';
import { isObject, type JsonObject } from '../core/openapi-types.js';
import { pointerSegment } from '../parse/structured-text.js';
import { add, type Context, type Direction, type Located, type OperationEntry, resolve } from './changes.js';
import { diffSchema } from './diff-schemas.js';

export function diffRequestBody(ctx: Context, old: OperationEntry, now: OperationEntry): void {
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

export function diffResponses(ctx: Context, old: OperationEntry, now: OperationEntry): void {
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
