// Schemas compared in the direction the data flows: types, constraints, enums, properties and
// anyOf/oneOf alternatives, through `$ref`s once per pair, said of the shared component a change lies in.
import { FROM_PROSE_EXTENSION, isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { pointerSegment } from '../parse/structured-text.js';
import { compareConstraints, withoutSources, type Effect } from './constraints.js';
import { add, type ChangeKind, type Context, type Direction, type Located, MAX_REF_HOPS, resolve, type Said, show, text } from './changes.js';

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
export function diffSchema(ctx: Context, direction: Direction, label: string, path: string, rawA: Located, rawB: Located, visiting: Set<string> = new Set()): void {
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
