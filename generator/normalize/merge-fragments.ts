// Merges the fragments of one API into one document. Identical components become one; two
// different components under one name are settled by one rule (see docs/adr/0002): the page that
// sorts first keeps the name, a later page's variant is renamed `Name_2`, `Name_3`, ... and every
// reference in that page's fragment follows the rename. Each such rename is a warning naming both
// pages (an error under --strict).
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import { compareNatural } from '../core/natural-order.js';
import {
  HTTP_METHODS,
  isObject,
  SOURCE_EXTENSION,
  SOURCES_EXTENSION,
  type JsonObject,
  type JsonValue,
  type OpenApiDocument,
} from '../core/openapi-types.js';
import { formatReference, rewriteReferences } from '../spec/references.js';

export interface SourcedFragment {
  /** The page's path, as recorded in `x-specmill-source`. */
  page: string;
  fragment: OpenApiDocument;
}

export interface MergeOptions {
  strict: boolean;
}

const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'] as const;

/** Keys that annotate and may differ between pages without making two schemas different. */
const ANNOTATION_KEYS = new Set(['description', 'title', 'summary', 'example', 'examples', SOURCE_EXTENSION, SOURCES_EXTENSION]);

export function mergeFragments(fragments: readonly SourcedFragment[], options: MergeOptions): { document: OpenApiDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const conflict = options.strict ? error : warning;
  const merged: OpenApiDocument = { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} };
  const components: Record<string, JsonObject> = {};
  /** Which page each merged component came from, for messages. */
  const componentPages = new Map<string, string>();
  const servers: JsonObject[] = [];
  const security: JsonValue[] = [];
  const tags = new Map<string, JsonObject>();

  for (const { page, fragment } of [...fragments].sort((a, b) => compareNatural(a.page, b.page))) {
    const doc = structuredClone(fragment);
    mergeInfo(merged, doc);
    const renames = planRenames(doc, components);
    for (const [key, renamed] of renames) {
      const [kind, name] = splitKey(key);
      diagnostics.push(
        conflict(
          `components.${kind}.${name} differs from the one on ${componentPages.get(key) ?? 'another page'}; this page's is renamed ${renamed}`,
          locateComponent(doc, kind, name, page),
        ),
      );
    }
    applyRenames(doc, renames);
    for (const kind of COMPONENT_KINDS) {
      const section = isObject(doc.components) ? doc.components[kind] : undefined;
      if (!isObject(section)) continue;
      const into = (components[kind] ??= {});
      for (const [name, value] of Object.entries(section)) {
        if (!isObject(value)) continue;
        const existing = Object.hasOwn(into, name) ? into[name] : undefined;
        if (isObject(existing)) {
          // Same shape, other words: the first page's are kept, and the user hears of the edit.
          const differs = annotationDifference(existing, value, '');
          if (differs) {
            const first = firstSource(existing) ?? componentPages.get(`${kind}/${name}`) ?? 'another page';
            diagnostics.push(
              warning(
                `components.${kind}.${name}${differs.pointer ? ` at ${differs.pointer}` : ''}: its ${differs.key} here differs from the one on ${first}; the one on ${first} is kept`,
                locateComponent(doc, kind, name, page),
              ),
            );
          }
          addSource(existing, value);
        } else {
          into[name] = value;
          componentPages.set(`${kind}/${name}`, page);
        }
      }
    }
    mergePaths(merged, doc, page, diagnostics, conflict);
    if (Array.isArray(doc.servers)) {
      for (const server of doc.servers) {
        if (isObject(server) && !servers.some((s) => s.url === server.url)) servers.push(server);
      }
    }
    if (Array.isArray(doc.security)) {
      for (const requirement of doc.security) {
        if (!security.some((s) => JSON.stringify(s) === JSON.stringify(requirement))) security.push(requirement);
      }
    }
    if (Array.isArray(doc.tags)) {
      for (const tag of doc.tags) if (isObject(tag) && typeof tag.name === 'string' && !tags.has(tag.name)) tags.set(tag.name, tag);
    }
  }

  if (servers.length > 0) merged.servers = servers;
  if (security.length > 0) merged.security = security;
  if (tags.size > 0) merged.tags = [...tags.values()];
  if (Object.keys(components).length > 0) merged.components = components;
  return { document: merged, diagnostics };
}

function mergeInfo(merged: OpenApiDocument, doc: OpenApiDocument): void {
  const info = merged.info as JsonObject;
  if (!isObject(doc.info)) return;
  for (const [key, value] of Object.entries(doc.info)) {
    if (value === undefined) continue;
    if (info[key] === undefined || info[key] === '') info[key] = value;
  }
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

function locateComponent(doc: OpenApiDocument, kind: string, name: string, page: string) {
  const component = isObject(doc.components) && isObject(doc.components[kind]) ? (doc.components[kind] as JsonObject)[name] : undefined;
  const source = isObject(component) ? component[SOURCE_EXTENSION] : undefined;
  return parseSourceRef(typeof source === 'string' ? source : page);
}

/** `page:line:column` back into a location. */
export function parseSourceRef(ref: string) {
  const match = /^(.*?):(\d+)(?::(\d+))?$/.exec(ref);
  if (!match?.[1]) return { file: ref };
  return match[3] ? { file: match[1], line: Number(match[2]), column: Number(match[3]) } : { file: match[1], line: Number(match[2]) };
}

/**
 * Finds the fragment's components that clash with merged ones. A rename changes the references
 * inside the fragment, which can make another of its components differ in turn, so repeat until
 * nothing changes.
 */
function planRenames(doc: OpenApiDocument, merged: Record<string, JsonObject>): Map<string, string> {
  const renames = new Map<string, string>();
  const own = isObject(doc.components) ? doc.components : {};
  for (let changed = true; changed; ) {
    changed = false;
    for (const kind of COMPONENT_KINDS) {
      const section = own[kind];
      if (!isObject(section)) continue;
      for (const [name, value] of Object.entries(section)) {
        const key = `${kind}/${name}`;
        const mergedSection = merged[kind];
        const existing = mergedSection && Object.hasOwn(mergedSection, name) ? mergedSection[name] : undefined;
        if (renames.has(key) || existing === undefined) continue;
        const candidate = structuredClone(value);
        // Walked in its place, so that the structure says which of its members are references.
        rewriteReferences({ components: { [kind]: { [name]: candidate } } }, (segments) => renameReference(segments, renames));
        if (shapeOf(candidate) !== shapeOf(existing)) {
          renames.set(key, freeName(name, merged[kind] ?? {}, section, renames, kind));
          changed = true;
        }
      }
    }
  }
  return renames;
}

function freeName(name: string, merged: JsonObject, own: JsonObject, renames: Map<string, string>, kind: string): string {
  const taken = new Set([...Object.keys(merged), ...Object.keys(own), ...[...renames].filter(([k]) => k.startsWith(`${kind}/`)).map(([, v]) => v)]);
  for (let n = 2; ; n++) if (!taken.has(`${name}_${n}`)) return `${name}_${n}`;
}

/** The new `$ref` text for a pointer into a renamed component (or into one of its parts). */
function renameReference(segments: readonly string[], renames: Map<string, string>): string | undefined {
  const [section, kind, name, ...rest] = segments;
  if (section !== 'components' || kind === undefined || name === undefined) return undefined;
  const renamed = renames.get(`${kind}/${name}`);
  return renamed ? formatReference(['components', kind, renamed, ...rest]) : undefined;
}

function applyRenames(doc: OpenApiDocument, renames: Map<string, string>): void {
  if (renames.size === 0) return;
  rewriteReferences(doc, (segments) => renameReference(segments, renames));
  const components = doc.components as JsonObject;
  for (const [key, renamed] of renames) {
    const [kind, name] = splitKey(key);
    const section = components[kind] as JsonObject;
    section[renamed] = section[name];
    delete section[name];
  }
}

/** A canonical text of a value with annotations left out, for "is it the same schema". */
function shapeOf(value: JsonValue | undefined): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (ANNOTATION_KEYS.has(key)) return undefined;
    if (isObject(v as JsonValue)) {
      const sorted: JsonObject = {};
      for (const k of Object.keys(v as JsonObject).sort()) sorted[k] = (v as JsonObject)[k];
      return sorted;
    }
    return v;
  });
}

const WORDING_KEYS = ['description', 'title', 'summary'] as const;
const MAX_WALK = 64;

/** The first description, title or summary that two same-shaped schemas word differently. */
function annotationDifference(a: JsonValue | undefined, b: JsonValue | undefined, pointer: string, depth = 0): { pointer: string; key: string } | undefined {
  if (depth > MAX_WALK) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const found = annotationDifference(a[i], b[i], `${pointer}/${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(a) || !isObject(b)) return undefined;
  for (const key of WORDING_KEYS) {
    if (typeof a[key] === 'string' && typeof b[key] === 'string' && a[key] !== b[key]) return { pointer, key };
  }
  for (const key of Object.keys(a)) {
    if (ANNOTATION_KEYS.has(key) || !Object.hasOwn(b, key)) continue;
    const found = annotationDifference(a[key], b[key], `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Where a merged component was first seen, as `page:line:column`. */
function firstSource(component: JsonObject): string | undefined {
  const one = component[SOURCE_EXTENSION];
  if (typeof one === 'string') return one;
  const many = component[SOURCES_EXTENSION];
  return Array.isArray(many) && typeof many[0] === 'string' ? many[0] : undefined;
}

function addSource(existing: JsonObject, incoming: JsonObject): void {
  const sources = new Set<string>();
  for (const c of [existing, incoming]) {
    const many = c[SOURCES_EXTENSION];
    if (Array.isArray(many)) for (const s of many) if (typeof s === 'string') sources.add(s);
    const one = c[SOURCE_EXTENSION];
    if (typeof one === 'string') sources.add(one);
  }
  delete existing[SOURCE_EXTENSION];
  existing[SOURCES_EXTENSION] = [...sources].sort(compareNatural);
}

function mergePaths(
  merged: OpenApiDocument,
  doc: OpenApiDocument,
  page: string,
  diagnostics: Diagnostic[],
  conflict: typeof warning,
): void {
  // Webhooks are path items too, keyed by name: a page that describes one keeps it.
  for (const section of ['paths', 'webhooks'] as const) {
    if (isObject(doc[section])) mergePathItems(isObject(merged[section]) ? merged[section] : (merged[section] = {}), doc[section], page, diagnostics, conflict);
  }
}

function mergePathItems(paths: JsonObject, items: JsonObject, page: string, diagnostics: Diagnostic[], conflict: typeof warning): void {
  for (const [path, item] of Object.entries(items)) {
    if (!isObject(item)) continue;
    const into = (Object.hasOwn(paths, path) ? paths[path] : (paths[path] = {})) as JsonObject;
    for (const [key, value] of Object.entries(item)) {
      if (value === undefined) continue;
      if (!(HTTP_METHODS as readonly string[]).includes(key)) {
        if (!Object.hasOwn(into, key)) into[key] = value;
        continue;
      }
      const existing = Object.hasOwn(into, key) ? into[key] : undefined;
      if (isObject(existing)) {
        const first = typeof existing[SOURCE_EXTENSION] === 'string' ? existing[SOURCE_EXTENSION] : 'another page';
        const operation = isObject(value) && typeof value[SOURCE_EXTENSION] === 'string' ? value[SOURCE_EXTENSION] : page;
        diagnostics.push(conflict(`${key.toUpperCase()} ${path} is already described by ${first}; this page's is ignored`, parseSourceRef(operation)));
        continue;
      }
      into[key] = value;
    }
  }
}
