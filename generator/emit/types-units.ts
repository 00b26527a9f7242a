// `schema.d.ts` in units: the document handed to openapi-typescript is prepared here (one place),
// split into units (each path item, each component, a whole `webhooks` or `$defs`) that the worker
// transforms one by one, and the file is put back together from their printed text, byte for byte
// what openapi-typescript prints for the whole document. Each unit's cache key is computed here too.
import { createHash } from 'node:crypto';
import { isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { escapeInvisible, stringLiteral } from '../plan/naming.js';
import type { SpecHashes } from '../cache/spec-hashes.js';
import { reshapeForTypes } from './types-input.js';
import { formatReference, parseReference, resolvePointer } from '../spec/references.js';

/**
 * openapi-typescript 7 throws on schema and property names that are Object.prototype members
 * (`valueOf`, `hasOwnProperty`, ...): it reads them off plain objects. `constructor` and
 * `toString` survive; the rest are swapped for placeholders and swapped back in the output.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== 'constructor' && n !== 'toString'));

/** A placeholder derived from the name alone, so that a unit's text never depends on another unit. */
function placeholder(name: string): string {
  return `__specmillName_${name}__`;
}

export interface TypesInput {
  /** The document as openapi-typescript sees it. */
  document: OpenApiDocument;
  /** Prototype-member names swapped for placeholders (restored in the output). */
  swapped: ReadonlySet<string>;
  /** Objects with a `discriminator`, by pointer (openapi-typescript reads them across units). */
  discriminators: Map<string, JsonObject>;
}

/**
 * The one place where the spec handed to the types engine is prepared: `components` always
 * present, the document reshaped for openapi-typescript (./types-input.ts), prototype-member names
 * swapped. Pre-passes on the document belong here, before the
 * split into units. The spec itself is never changed: a document that needs a swap is copied
 * first; one that needs none shares the spec's objects (so their hashes are computed once).
 */
export function prepareTypesInput(written: OpenApiDocument): TypesInput {
  // Reshaped where openapi-typescript would print types that fail strict tsc (./types-input.ts).
  const spec = reshapeForTypes(written);
  const swapped = new Set<string>();
  const discriminators = new Map<string, JsonObject>();
  const needsSwap = scan(spec, [], discriminators);
  let document: JsonObject;
  if (needsSwap) {
    document = JSON.parse(JSON.stringify(spec)) as JsonObject;
    discriminators.clear();
    protectNames(document, swapped);
    scan(document, [], discriminators);
  } else {
    document = { ...spec };
  }
  // redocly's bundle (which openapi-typescript's own entry runs) always adds `components`; so do we,
  // so that `components['schemas']` exists for every API.
  document.components ??= {};
  return { document, swapped, discriminators };
}

/** Notes every object with a discriminator (by pointer); true when a prototype-member name needs a swap. */
function scan(node: JsonValue | undefined, path: string[], discriminators: Map<string, JsonObject>): boolean {
  if (Array.isArray(node)) {
    let found = false;
    for (let i = 0; i < node.length; i++) {
      path.push(String(i));
      if (scan(node[i], path, discriminators)) found = true;
      path.pop();
    }
    return found;
  }
  if (!isObject(node)) return false;
  let found = false;
  if (isObject(node.discriminator) && node.discriminator.propertyName) discriminators.set(formatReference(path), node);
  for (const key in node) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
    if (PROTOTYPE_NAMES.has(key)) found = true;
    const value = node[key];
    if (key === 'required' && Array.isArray(value) && value.some((v) => typeof v === 'string' && PROTOTYPE_NAMES.has(v))) found = true;
    else if (key === '$ref' && typeof value === 'string' && parsePointer(value).some((segment) => PROTOTYPE_NAMES.has(segment))) found = true;
    if (typeof value === 'object' && value !== null) {
      path.push(key);
      if (scan(value, path, discriminators)) found = true;
      path.pop();
    }
  }
  return found;
}

/** Renames prototype-member keys (and the `required` entries and `$ref`s naming them) in place. */
function protectNames(doc: JsonObject, swapped: Set<string>): void {
  const swap = (name: string) => {
    swapped.add(name);
    return placeholder(name);
  };
  const stack: JsonValue[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === 'required' && Array.isArray(value)) {
        node.required = value.map((v) => (typeof v === 'string' && PROTOTYPE_NAMES.has(v) ? swap(v) : v));
      } else if (key === '$ref' && typeof value === 'string') {
        const segments = parsePointer(value);
        if (segments.some((segment) => PROTOTYPE_NAMES.has(segment))) node.$ref = formatReference(segments.map((segment) => (PROTOTYPE_NAMES.has(segment) ? swap(segment) : segment)));
      }
      if (PROTOTYPE_NAMES.has(key)) {
        delete node[key];
        node[swap(key)] = value;
      }
      if (value !== undefined && typeof value === 'object' && value !== null) stack.push(value);
    }
  }
}

function restoreNames(text: string, swapped: ReadonlySet<string>): string {
  let out = text;
  for (const name of swapped) {
    const token = placeholder(name);
    // Quoted first (`["token"]`, `"token":`), then bare property names (`token?:`).
    out = out.replaceAll(`"${token}"`, stringLiteral(name)).replaceAll(token, stringLiteral(name));
  }
  return out;
}


/**
 * `#/a~1b/c` -> ['a/b', 'c']. Every ref here passed the guard, which refuses those that
 * openapi-typescript would read differently from ../spec/references.ts.
 */
function parsePointer(ref: string): string[] {
  const parsed = parseReference(ref);
  return parsed.kind === 'local' ? parsed.segments : [];
}

// ---- units -------------------------------------------------------------------------------------

/** openapi-typescript's roots, in the order it prints them. */
const ROOTS = ['paths', 'webhooks', 'components', '$defs'] as const;
/** Component sections it transforms, in its order. */
const SECTIONS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'pathItems'] as const;

export type TypesUnit =
  | { kind: 'path'; name: string }
  | { kind: 'component'; section: (typeof SECTIONS)[number]; name: string }
  | { kind: 'root'; name: (typeof ROOTS)[number] };

/** What the worker returns for one unit (and what the cache keeps). */
export interface TypesUnitResult {
  /** A path item's or component's member, printed at its depth in the file. */
  member?: string;
  /** A whole root's statement. */
  statement?: string;
  /** The members the unit added to `operations`. */
  operations: string;
  /** What the unit pushed to the footer (`operations`, `WithRequired`, ...), in order. */
  footer: string[];
  /** The footer's helper types, printed. */
  helpers: Record<string, string>;
  /** Every `$ref` the transform resolved while it ran (its inputs beyond the unit itself). */
  deps: string[];
}

function truthyObject(value: unknown): value is object {
  return Boolean(value) && typeof value === 'object';
}

/** Whether a root can be split: a plain object whose parts openapi-typescript reads one by one. */
function splittable(root: (typeof ROOTS)[number], value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  if (root === 'paths') return true;
  if (root === 'components') return SECTIONS.every((s) => !value[s] || isObject(value[s]));
  return false;
}

/** The units of a document, in the order openapi-typescript transforms them. */
export function listTypesUnits(doc: OpenApiDocument): TypesUnit[] {
  const units: TypesUnit[] = [];
  for (const root of ROOTS) {
    const value = doc[root];
    if (!truthyObject(value)) continue;
    if (!splittable(root, value)) {
      units.push({ kind: 'root', name: root });
    } else if (root === 'paths') {
      for (const name of Object.keys(value)) units.push({ kind: 'path', name });
    } else {
      for (const section of SECTIONS) {
        const items = value[section];
        if (isObject(items)) for (const name of Object.keys(items)) units.push({ kind: 'component', section, name });
      }
    }
  }
  return units;
}

export function unitPointer(unit: TypesUnit): string {
  if (unit.kind === 'path') return formatReference(['paths', unit.name]);
  if (unit.kind === 'component') return formatReference(['components', unit.section, unit.name]);
  return formatReference([unit.name]);
}

function unitValue(doc: OpenApiDocument, unit: TypesUnit): JsonValue | undefined {
  if (unit.kind === 'path') return (doc.paths as JsonObject)[unit.name];
  if (unit.kind === 'component') return ((doc.components as JsonObject)[unit.section] as JsonObject)[unit.name];
  return doc[unit.name];
}

// ---- keys --------------------------------------------------------------------------------------

/**
 * What decides a unit's text besides its own JSON: openapi-typescript scans discriminators across
 * the whole document and patches the schemas they map to. A unit is exposed to that when it holds
 * an `allOf`/`anyOf` (where discriminators are looked up) or when a discriminator's mapping or
 * `oneOf` points into it (or it holds an `allOf` naming a discriminator's owner); such a unit's key
 * takes in every discriminator of the document.
 */
export interface DiscriminatorFacts {
  /** A hash of every object with a discriminator and its pointer; '' when there is none. */
  digest: string;
  /** Pointers the scan may patch or read (`\0`-joined segments). */
  targets: Set<string>;
  /** Every prefix of those pointers. */
  holders: Set<string>;
}

export function readDiscriminators(input: TypesInput, hashes: SpecHashes): DiscriminatorFacts {
  const facts: DiscriminatorFacts = { digest: '', targets: new Set(), holders: new Set() };
  if (input.discriminators.size === 0) return facts;
  const hash = createHash('sha256');
  const add = (ref: string) => {
    const segments = parsePointer(ref);
    facts.targets.add(segments.join('\0'));
    for (let i = 0; i <= segments.length; i++) facts.holders.add(segments.slice(0, i).join('\0'));
  };
  for (const [pointer, node] of input.discriminators) {
    // Without source positions, like every part's hash: lines added above a discriminator move them.
    hash.update(pointer).update('\0').update(hashes.of(node).hash).update('\0');
    add(pointer);
    const mapping = isObject(node.discriminator) && isObject(node.discriminator.mapping) ? node.discriminator.mapping : {};
    for (const ref of Object.values(mapping)) if (typeof ref === 'string') add(ref);
    if (Array.isArray(node.oneOf)) for (const item of node.oneOf) if (isObject(item) && typeof item.$ref === 'string') add(item.$ref);
  }
  facts.digest = hash.digest('hex');
  return facts;
}

/** Whether the object at `segments` holds a target, or is one, or lies inside one. */
function touches(facts: DiscriminatorFacts, segments: readonly string[]): boolean {
  if (facts.holders.has(segments.join('\0'))) return true;
  for (let i = 0; i < segments.length; i++) if (facts.targets.has(segments.slice(0, i).join('\0'))) return true;
  return false;
}

/** What a unit's own key hashes: its place, its JSON and, when exposed, the discriminators. */
export function unitOwnInput(input: TypesInput, facts: DiscriminatorFacts, hashes: SpecHashes, unit: TypesUnit): string {
  const json = hashes.of(unitValue(input.document, unit));
  const exposed = facts.digest !== '' && (json.composition || touches(facts, parsePointer(unitPointer(unit))));
  return `${unit.kind}\0${unitPointer(unit)}\0${json.hash}\0${exposed ? facts.digest : ''}`;
}

/** What the refs a unit resolved point at now (following chains), for checking a cached unit. */
export function unitDependencyInput(input: TypesInput, facts: DiscriminatorFacts, hashes: SpecHashes, deps: readonly string[]): string {
  const parts: string[] = [];
  for (const ref of deps) {
    parts.push(ref);
    let current: string | undefined = ref;
    for (let hops = 0; current !== undefined && hops < 32; hops++) {
      const segments = parsePointer(current);
      const node = resolvePointer(input.document, segments);
      const json = hashes.of(node);
      const exposed = facts.digest !== '' && (json.composition || touches(facts, segments));
      parts.push(json.hash, exposed ? facts.digest : '');
      current = isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
    }
  }
  return parts.join('\0');
}

// ---- a smaller document for a few units ------------------------------------------------------

/**
 * The document cut down to what transforming `units` can read: the units, what their `$ref`s
 * point at (chains followed) and every object with a discriminator. Members keep the document's
 * order, so openapi-typescript's discriminator scan meets them in the same order; it patches the
 * schemas they map to that are kept (the others no unit kept reads). `covers` says whether a ref
 * the worker resolved lies inside what was kept: a unit whose ref did not is redone with the
 * whole document.
 */
export function reducedDocument(input: TypesInput, units: readonly TypesUnit[]): { document: JsonObject; covers(ref: string): boolean } {
  const doc = input.document;
  const kept = new Set<string>();
  const pending: string[][] = [];
  const keep = (segments: string[]) => {
    const key = segments.join('\0');
    if (kept.has(key)) return;
    kept.add(key);
    pending.push(segments);
  };
  for (const unit of units) keep(parsePointer(unitPointer(unit)));
  for (const owner of input.discriminators.keys()) keep(parsePointer(owner));
  const unitCount = pending.length;
  // The units' refs one level deep (what openapi-typescript resolves), chains followed.
  for (let i = 0; i < pending.length; i++) {
    const node = resolvePointer(doc, pending[i]!);
    if (i < unitCount) collectRefs(node, (ref) => keep(parsePointer(ref)));
    else if (isObject(node) && typeof node.$ref === 'string') keep(parsePointer(node.$ref));
  }
  const within = (segments: readonly string[]) => {
    for (let i = 0; i <= segments.length; i++) if (kept.has(segments.slice(0, i).join('\0'))) return true;
    return false;
  };
  const ancestors = new Set<string>();
  for (const key of kept) {
    const segments = key === '' ? [] : key.split('\0');
    for (let i = 0; i < segments.length; i++) ancestors.add(segments.slice(0, i).join('\0'));
  }
  const prune = (node: JsonValue | undefined, segments: string[]): JsonValue | undefined => {
    if (kept.has(segments.join('\0'))) return node;
    if (!ancestors.has(segments.join('\0'))) return undefined;
    // An array on the way (an `allOf` holding a discriminator's owner) stays whole: openapi-typescript
    // reads every item of one.
    if (Array.isArray(node)) return node;
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const pruned = prune(value, [...segments, key]);
      if (pruned !== undefined) out[key] = pruned;
    }
    return out;
  };
  const document = (prune(doc, []) ?? {}) as JsonObject;
  return { document, covers: (ref) => within(parsePointer(ref)) };
}


function collectRefs(node: JsonValue | undefined, found: (ref: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found(value);
    else if (typeof value === 'object' && value !== null) collectRefs(value, found);
  }
}

// ---- assembly ----------------------------------------------------------------------------------

const emptyRoot = (name: string) => `export type ${name} = Record<string, never>;\n`;

/** schema.d.ts from its units' results, in the units' order: openapi-typescript's text for the whole. */
export function assembleTypes(input: TypesInput, units: readonly TypesUnit[], results: readonly TypesUnitResult[]): string {
  const doc = input.document;
  const out: string[] = [];
  const byRoot = new Map<string, { unit: TypesUnit; result: TypesUnitResult }[]>();
  units.forEach((unit, i) => {
    const root = unit.kind === 'path' ? 'paths' : unit.kind === 'component' ? 'components' : unit.name;
    if (!byRoot.has(root)) byRoot.set(root, []);
    byRoot.get(root)!.push({ unit, result: results[i]! });
  });
  for (const root of ROOTS) {
    const parts = byRoot.get(root) ?? [];
    const whole = parts.find((p) => p.unit.kind === 'root');
    if (whole) out.push(whole.result.statement ?? emptyRoot(root));
    else if (root === 'paths' && truthyObject(doc.paths)) {
      const members = parts.map((p) => p.result.member ?? '').join('');
      out.push(members ? `export interface paths {\n${members}}\n` : emptyRoot(root));
    } else if (root === 'components' && truthyObject(doc.components)) {
      const components = doc.components as JsonObject;
      const lines = ['export interface components {\n'];
      for (const section of SECTIONS) {
        const members = parts.filter((p) => p.unit.kind === 'component' && p.unit.section === section).map((p) => p.result.member ?? '');
        lines.push(components[section] && members.length > 0 ? `    ${section}: {\n${members.join('')}    };\n` : `    ${section}: never;\n`);
      }
      out.push(`${lines.join('')}}\n`);
    } else out.push(emptyRoot(root));
  }
  // The footer: what the units pushed, each thing where it was first pushed.
  const footer: string[] = [];
  const helpers = new Map<string, string>();
  let operations = '';
  for (const result of results) {
    operations += result.operations;
    for (const name of result.footer) {
      if (footer.includes(name)) continue;
      footer.push(name);
      if (name !== 'operations') helpers.set(name, result.helpers[name] ?? '');
    }
  }
  for (const name of footer) out.push(name === 'operations' ? `export interface operations {\n${operations}}\n` : helpers.get(name)!);
  if (!footer.includes('operations')) out.push(emptyRoot('operations'));
  return finishTypes(input, out.join(''));
}

/** What openapi-typescript printed, made ours: swapped names back, invisible characters escaped. */
export function finishTypes(input: TypesInput, text: string): string {
  return escapeInvisible(restoreNames(text, input.swapped));
}
