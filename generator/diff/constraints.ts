// The validation keywords of one schema against its other version: bounds, pattern, format,
// multipleOf, const, uniqueItems and the JSON Schema 2020-12 assertions (contains, if/then/else,
// propertyNames, ...). Each difference says which way it moved the set of valid values; what that
// means for callers is decided in diff-specs.ts (requests break when they narrow, responses when
// they widen).
import { FROM_PROSE_EXTENSION, isObject, type JsonObject, type JsonValue } from '../core/openapi-types.js';

/** Which way the set of values the schema accepts moved; `changed` when neither can be told. */
export type Effect = 'narrowed' | 'widened' | 'changed';

export interface ConstraintChange {
  /** Path from the schema to the keyword (`['maxLength']`, `['dependentRequired', 'card']`). */
  at: string[];
  /** The side whose schema holds the keyword: the head, or the base for one that was removed. */
  side: 'base' | 'head';
  effect: Effect;
  /** What changed, for a message after the schema's name: `maxLength lowered from 64 to 32`. */
  text: string;
  /** The keyword was read from a page's prose (`x-specmill-from-prose`), a softer fact than a field. */
  fromProse: boolean;
}

/** Count limits: an absent keyword means the default (no limit, or 0 / 1 for the lower ones). */
const COUNT_BOUNDS = [
  { keyword: 'maxLength', upper: true },
  { keyword: 'minLength', upper: false, none: 0 },
  { keyword: 'maxItems', upper: true },
  { keyword: 'minItems', upper: false, none: 0 },
  { keyword: 'maxProperties', upper: true },
  { keyword: 'minProperties', upper: false, none: 0 },
  { keyword: 'maxContains', upper: true },
  { keyword: 'minContains', upper: false, none: 1 },
] as const;

/** Keywords that only ever narrow what a schema accepts: adding one narrows, removing one widens. */
const ASSERTIONS = ['pattern', 'const', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'] as const;

/** Keywords whose every change matters both ways: what the string holds, how it is encoded. */
const IDENTITIES = ['contentMediaType', 'contentEncoding'] as const;

/** Maps whose entries are each an assertion. */
const ASSERTION_MAPS = ['dependentRequired', 'dependentSchemas', 'patternProperties'] as const;

/** `format` pairs where the first accepts a subset of what the second does. */
const FORMAT_SUBSETS = new Set(['int32>int64', 'float>double']);

/** Every keyword compared here: most schemas have none, and are skipped at once. */
const KEYWORDS = new Set<string>([
  ...COUNT_BOUNDS.map((b) => b.keyword),
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'format',
  'uniqueItems',
  'prefixItems',
  ...ASSERTIONS,
  ...IDENTITIES,
  ...ASSERTION_MAPS,
]);

function hasKeyword(schema: JsonObject): boolean {
  for (const key in schema) if (KEYWORDS.has(key)) return true;
  return false;
}

function fromProse(schema: JsonObject, keywords: readonly string[]): boolean {
  const list = schema[FROM_PROSE_EXTENSION];
  return Array.isArray(list) && keywords.some((k) => list.includes(k));
}

export function compareConstraints(base: JsonObject, head: JsonObject): ConstraintChange[] {
  if (!hasKeyword(base) && !hasKeyword(head)) return [];
  const out: ConstraintChange[] = [];
  const push: Push = (at, side, effect, text, ...keywords) => out.push({ at, side, effect, text, fromProse: fromProse(base, keywords) || fromProse(head, keywords) });

  for (const { keyword, upper, ...rest } of COUNT_BOUNDS) {
    const none = 'none' in rest ? rest.none : undefined;
    const a = count(base[keyword]);
    const b = count(head[keyword]);
    const ea = a ?? none ?? Infinity;
    const eb = b ?? none ?? Infinity;
    if (ea === eb) continue;
    const narrowed = upper ? eb < ea : eb > ea;
    const text = a === undefined ? `${keyword} ${b} added` : b === undefined ? `${keyword} ${a} removed` : `${keyword} ${eb > ea ? 'raised' : 'lowered'} from ${a} to ${b}`;
    push([keyword], b === undefined ? 'base' : 'head', narrowed ? 'narrowed' : 'widened', text, keyword);
  }

  for (const upper of [false, true]) {
    const a = numericBound(base, upper);
    const b = numericBound(head, upper);
    if (!a && !b) continue;
    const keywords = upper ? ['maximum', 'exclusiveMaximum'] : ['minimum', 'exclusiveMinimum'];
    if (!a) push([b!.keyword], 'head', 'narrowed', `${describeBound(b!)} added`, ...keywords);
    else if (!b) push([a.keyword], 'base', 'widened', `${describeBound(a)} removed`, ...keywords);
    else if (a.value !== b.value || a.exclusive !== b.exclusive) {
      // The bound b is tighter when it excludes something a allowed.
      const tighter = upper ? b.value < a.value || (b.value === a.value && b.exclusive) : b.value > a.value || (b.value === a.value && b.exclusive);
      const sameWord = a.keyword === b.keyword && a.exclusive === b.exclusive;
      const text = sameWord ? `${a.keyword} ${b.value > a.value ? 'raised' : 'lowered'} from ${a.value} to ${b.value}` : `${describeBound(a)} became ${describeBound(b)}`;
      push([b.keyword], 'head', tighter ? 'narrowed' : 'widened', text, ...keywords);
    }
  }

  compareMultipleOf(base.multipleOf, head.multipleOf, push);
  compareFormat(base.format, head.format, push);

  if ((base.uniqueItems === true) !== (head.uniqueItems === true)) {
    push(['uniqueItems'], head.uniqueItems === true ? 'head' : 'base', head.uniqueItems === true ? 'narrowed' : 'widened', head.uniqueItems === true ? 'items must now be unique' : 'items need no longer be unique', 'uniqueItems');
  }

  for (const keyword of ASSERTIONS) compareAssertion([keyword], keyword, base[keyword], head[keyword], push);
  for (const keyword of IDENTITIES) {
    const a = base[keyword];
    const b = head[keyword];
    if (sameJson(a, b)) continue;
    const text = a === undefined ? `${keyword} ${show(b!)} added` : b === undefined ? `${keyword} ${show(a!)} removed` : `${keyword} changed from ${show(a!)} to ${show(b!)}`;
    push([keyword], b === undefined ? 'base' : 'head', 'changed', text, keyword);
  }
  for (const keyword of ASSERTION_MAPS) {
    if (base[keyword] === undefined && head[keyword] === undefined) continue;
    const a = isObject(base[keyword]) ? base[keyword] : {};
    const b = isObject(head[keyword]) ? head[keyword] : {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      compareAssertion([keyword, key], `${keyword} ${JSON.stringify(key)}`, Object.hasOwn(a, key) ? a[key] : undefined, Object.hasOwn(b, key) ? b[key] : undefined, push);
    }
  }

  // Entries both sides have are schemas, compared by the caller; one added or dropped moves which
  // schema (prefixItems or items) governs a position, which can go either way.
  const pa = Array.isArray(base.prefixItems) ? base.prefixItems.length : 0;
  const pb = Array.isArray(head.prefixItems) ? head.prefixItems.length : 0;
  if (pa !== pb) push(['prefixItems'], pb === 0 ? 'base' : 'head', 'changed', `prefixItems went from ${pa} to ${pb} positions`, 'prefixItems');
  return out;
}

type Push = (at: string[], side: 'base' | 'head', effect: Effect, text: string, ...keywords: string[]) => void;

function compareAssertion(at: string[], name: string, a: JsonValue | undefined, b: JsonValue | undefined, push: Push): void {
  if (sameJson(a, b)) return;
  const keyword = at[0]!;
  if (a === undefined) push(at, 'head', 'narrowed', `${name} ${show(b!)} added`, keyword);
  else if (b === undefined) push(at, 'base', 'widened', `${name} ${show(a)} removed`, keyword);
  else push(at, 'head', 'changed', `${name} changed from ${show(a)} to ${show(b)}`, keyword);
}

function compareMultipleOf(a: JsonValue | undefined, b: JsonValue | undefined, push: Push): void {
  const x = positive(a);
  const y = positive(b);
  if (x === y) return;
  if (x === undefined) push(['multipleOf'], 'head', 'narrowed', `multipleOf ${y} added`, 'multipleOf');
  else if (y === undefined) push(['multipleOf'], 'base', 'widened', `multipleOf ${x} removed`, 'multipleOf');
  // Multiples of 4 are multiples of 2: going from 2 to 4 keeps a subset.
  else push(['multipleOf'], 'head', isMultiple(y, x) ? 'narrowed' : isMultiple(x, y) ? 'widened' : 'changed', `multipleOf changed from ${x} to ${y}`, 'multipleOf');
}

function compareFormat(a: JsonValue | undefined, b: JsonValue | undefined, push: Push): void {
  const x = typeof a === 'string' ? a : undefined;
  const y = typeof b === 'string' ? b : undefined;
  if (x === y) return;
  if (x === undefined) push(['format'], 'head', 'narrowed', `format ${y} added`, 'format');
  else if (y === undefined) push(['format'], 'base', 'widened', `format ${x} removed`, 'format');
  else push(['format'], 'head', FORMAT_SUBSETS.has(`${x}>${y}`) ? 'widened' : FORMAT_SUBSETS.has(`${y}>${x}`) ? 'narrowed' : 'changed', `format changed from ${x} to ${y}`, 'format');
}

interface Bound {
  value: number;
  exclusive: boolean;
  /** Where the number is: `maximum` (also 3.0's boolean exclusive form) or `exclusiveMaximum`. */
  keyword: string;
}

/** The tighter of `minimum`/`exclusiveMinimum` (or the maximum pair), either OpenAPI version's form. */
function numericBound(schema: JsonObject, upper: boolean): Bound | undefined {
  const plain = upper ? 'maximum' : 'minimum';
  const exclusive = upper ? 'exclusiveMaximum' : 'exclusiveMinimum';
  const found: Bound[] = [];
  if (typeof schema[plain] === 'number') found.push({ value: schema[plain], exclusive: schema[exclusive] === true, keyword: plain });
  if (typeof schema[exclusive] === 'number') found.push({ value: schema[exclusive], exclusive: true, keyword: exclusive });
  const tighter = (x: Bound, y: Bound) => (upper ? x.value < y.value : x.value > y.value) || (x.value === y.value && x.exclusive && !y.exclusive);
  return found.reduce<Bound | undefined>((best, b) => (best === undefined || tighter(b, best) ? b : best), undefined);
}

function describeBound(bound: Bound): string {
  return bound.exclusive && !bound.keyword.startsWith('exclusive') ? `${bound.keyword} ${bound.value} (exclusive)` : `${bound.keyword} ${bound.value}`;
}

function count(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function positive(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function isMultiple(value: number, of: number): boolean {
  const ratio = value / of;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** A JSON.stringify replacer: where a node came from is no part of it. */
export function withoutSources(key: string, value: unknown): unknown {
  return key === 'x-specmill-source' || key === 'x-specmill-sources' ? undefined : value;
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a, withoutSources) === JSON.stringify(b, withoutSources);
}

/** A value in a message; long subschemas are cut, the pointer says where the whole is. */
function show(value: JsonValue): string {
  const text = JSON.stringify(value, withoutSources);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
