// The copy of a spec that openapi-typescript reads, reshaped where openapi-typescript 7 would
// otherwise print types that fail strict tsc; the written spec is never changed. Three reshapings:
// a `$ref` into another object's inside is hoisted into components, a discriminator property that
// openapi-typescript would declare twice is declared once, and every operationId becomes the key
// openapi-typescript gives it in `operations`, which the client uses too (../model/operation-keys.ts).
import { deriveOperationKeys } from '../model/operation-keys.js';
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { walkDocumentSchemas } from '../normalize/schema-walk.js';
import { formatReference, parseReference, resolvePointer, rewriteReferences } from '../spec/references.js';

/**
 * The spec as openapi-typescript should see it: the spec itself when no reshaping applies (most
 * specs: the unit cache then hashes the spec's own objects once), else a reshaped deep copy.
 */
export function reshapeForTypes(spec: OpenApiDocument): OpenApiDocument {
  const references: JsonObject[] = [];
  let discriminated = false;
  walkDocumentSchemas(spec, (schema) => {
    if (typeof schema.$ref === 'string') references.push(schema);
    if (schema.discriminator !== undefined) discriminated = true;
  });
  const needed =
    innerReferenceTargets(spec, references).size > 0 ||
    [...deriveOperationKeys(spec)].some(([operation, key]) => operation.operationId !== key) ||
    (discriminated && duplicateDiscriminatorProperties(spec).length > 0);
  if (!needed) return spec;
  const copy = structuredClone(spec);
  const copied: JsonObject[] = [];
  walkDocumentSchemas(copy, (schema) => {
    if (typeof schema.$ref === 'string') copied.push(schema);
  });
  hoistInnerReferences(copy, copied);
  // Gives each operation of the copy its key as operationId, which openapi-typescript then keeps as is.
  for (const [operation, key] of deriveOperationKeys(copy)) operation.operationId = key;
  if (discriminated) for (const { properties, name } of duplicateDiscriminatorProperties(copy)) delete properties[name];
  return copy;
}

// ---------------------------------------------------------------------------------------------
// References into a schema's inside

/** `#/a/b~1c` -> ['a', 'b/c']; undefined for a reference that is not a local JSON pointer. */
function pointerSegments(ref: string): string[] | undefined {
  const parsed = parseReference(ref);
  return parsed.kind === 'local' ? parsed.segments : undefined;
}

/** The kinds of object a `$ref` can stand for, by the `components` section that holds them. */
type ComponentKind = 'schemas' | 'parameters' | 'responses' | 'requestBodies' | 'headers';

/** The keywords that only say how a property reads, kept beside the `$ref` that replaces it. */
const ANNOTATIONS = ['title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'example', 'examples'] as const;

/** Segments that name structure rather than an object, left out of a hoisted object's name. */
const STRUCTURAL = new Set(['components', 'schemas', 'paths', 'properties', 'content', 'schema', 'responses', 'parameters', 'headers', 'requestBodies', 'requestBody']);

/** Calls `visit` with every object in a place where the spec allows a parameter, response, request body or header, and its kind. */
function walkReferenceSlots(doc: JsonObject, visit: (node: JsonObject, kind: ComponentKind) => void): void {
  const each = (value: JsonValue | undefined, kind: ComponentKind) => {
    const list = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
    for (const node of list) if (isObject(node)) visit(node, kind);
  };
  const response = (node: JsonValue | undefined) => {
    if (isObject(node)) each(node.headers, 'headers');
  };
  for (const section of ['paths', 'webhooks'] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      if (!isObject(item)) continue;
      each(item.parameters, 'parameters');
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        each(operation.parameters, 'parameters');
        if (isObject(operation.requestBody)) visit(operation.requestBody, 'requestBodies');
        each(operation.responses, 'responses');
        if (isObject(operation.responses)) for (const r of Object.values(operation.responses)) response(r);
      }
    }
  }
  const components = doc.components;
  if (!isObject(components)) return;
  for (const kind of ['parameters', 'responses', 'requestBodies', 'headers'] as const) each(components[kind], kind);
  if (isObject(components.responses)) for (const r of Object.values(components.responses)) response(r);
}

/** Every object a `$ref` points at that is not a component of its kind, by its reference. */
function innerReferenceTargets(doc: JsonObject, schemaReferences: readonly JsonObject[]): Map<string, { segments: string[]; kind: ComponentKind }> {
  const targets = new Map<string, { segments: string[]; kind: ComponentKind }>();
  const collect = (node: JsonObject, kind: ComponentKind) => {
    if (typeof node.$ref !== 'string') return;
    const segments = pointerSegments(node.$ref);
    const isComponent = segments?.length === 3 && segments[0] === 'components' && segments[1] === kind;
    if (segments && segments.length > 0 && !isComponent) targets.set(formatReference(segments), { segments, kind });
  };
  for (const schema of schemaReferences) collect(schema, 'schemas');
  walkReferenceSlots(doc, collect);
  return targets;
}

/**
 * openapi-typescript turns a `$ref` into an indexed access along its pointer:
 * `#/components/schemas/X/properties/disks/items` becomes `components["schemas"]["X"]["disks"]["items"]`
 * (an index into an array type), `#/paths/.../schema/...` a key its output does not have, and
 * `#/paths/~1a/get/parameters/0` an index into an optional `query`: all fail tsc. Each object such
 * a reference points at becomes a component of its kind (`X.disks.items`), and the place it came
 * from, and every reference to it or into it, refer to that component.
 */
function hoistInnerReferences(copy: JsonObject, schemaReferences: readonly JsonObject[]): void {
  const targets = innerReferenceTargets(copy, schemaReferences);
  if (targets.size === 0) return;
  const components = isObject(copy.components) ? copy.components : (copy.components = {});
  const taken = new Map<ComponentKind, Set<string>>();
  const hoisted = new Map<string, string[]>();
  // Deepest first: hoisting an object replaces it by a `$ref`, so the pointers into it are used before.
  for (const [ref, { segments, kind }] of [...targets].sort(([, a], [, b]) => b.segments.length - a.segments.length)) {
    const parent = resolvePointer(copy, segments.slice(0, -1));
    const key = segments.at(-1)!;
    const target = Array.isArray(parent) ? parent[Number(key)] : isObject(parent) && Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (!isObject(target) || (target === copy)) continue;
    const section = isObject(components[kind]) ? components[kind] : (components[kind] = {});
    const names = taken.get(kind) ?? new Set(Object.keys(section));
    taken.set(kind, names);
    const base = segments.filter((s) => !STRUCTURAL.has(s)).join('.') || kind;
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}_${n}`;
    names.add(name);
    const replacement: JsonObject = { $ref: formatReference(['components', kind, name]) };
    if (kind === 'schemas') for (const annotation of ANNOTATIONS) if (target[annotation] !== undefined) replacement[annotation] = target[annotation];
    if (Array.isArray(parent)) parent[Number(key)] = replacement;
    else (parent as JsonObject)[key] = replacement;
    section[name] = target;
    hoisted.set(ref, ['components', kind, name]);
  }
  // A reference to a hoisted object, or into one, follows it: the longest hoisted prefix wins.
  rewriteReferences(copy, (segments) => {
    for (let length = segments.length; length > 0; length--) {
      const moved = hoisted.get(formatReference(segments.slice(0, length)));
      if (moved) return formatReference([...moved, ...segments.slice(length)]);
    }
    return undefined;
  });
}

// ---------------------------------------------------------------------------------------------
// Discriminator properties

/** openapi-typescript's pointer for a place in the document (its `createRef`), which keys its discriminator tables. */
function createRef(path: readonly (string | number)[]): string {
  return `#${path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
}

/**
 * openapi-typescript's `walk`: every object of the document, pre-order, with its path. The path
 * array is shared and changes as the walk goes on: read it during the call only.
 */
function walkObjects(node: JsonValue | undefined, visit: (node: JsonObject, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walkObjects(node[i], visit, path);
      path.pop();
    }
  } else if (isObject(node)) {
    visit(node, path);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child !== 'object' || child === null) continue;
      path.push(key);
      walkObjects(child, visit, path);
      path.pop();
    }
  }
}

/** openapi-typescript's `resolveRef`: follows a pointer, and the `$ref`s it lands on. */
function resolveRef(doc: JsonObject, ref: string, visited: string[] = []): JsonValue | undefined {
  const segments = pointerSegments(ref);
  if (!segments || segments.length === 0) return undefined;
  let node: JsonValue | undefined = doc;
  for (const key of segments) {
    const next: JsonValue | undefined = isObject(node) || Array.isArray(node) ? (node as JsonObject)[key] : undefined;
    if (!next) return undefined;
    node = next;
  }
  if (isObject(node) && typeof node.$ref === 'string') return visited.includes(node.$ref) ? undefined : resolveRef(doc, node.$ref, [...visited, node.$ref]);
  return node;
}

interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

function readDiscriminator(value: JsonValue | undefined): Discriminator | undefined {
  if (!isObject(value) || typeof value.propertyName !== 'string' || value.propertyName === '') return undefined;
  const mapping = isObject(value.mapping) ? Object.fromEntries(Object.entries(value.mapping).filter((e): e is [string, string] => typeof e[1] === 'string')) : undefined;
  return { propertyName: value.propertyName, ...(mapping ? { mapping } : {}) };
}

/**
 * What openapi-typescript's `scanDiscriminators` decides, without its changes to the document:
 * which places inherit a discriminator (`objects`, by pointer) and which already got the property
 * from a mapping (`handled`).
 */
function scanDiscriminators(doc: JsonObject): { objects: Map<string, Discriminator>; handled: Set<string> } {
  const objects = new Map<string, Discriminator>();
  const handled = new Set<string>();
  const patchable = (ref: string) => {
    const target = resolveRef(doc, ref);
    return isObject(target) && (target.allOf !== undefined || target.type === 'object');
  };
  walkObjects(doc, (node, path) => {
    const discriminator = readDiscriminator(node.discriminator);
    if (!discriminator) return;
    objects.set(createRef(path), discriminator);
    if (!Array.isArray(node.oneOf)) return;
    const mapped = new Set<string>();
    for (const item of node.oneOf) if (isObject(item) && typeof item.$ref === 'string' && item.$ref.split('/').pop()) mapped.add(item.$ref);
    for (const ref of Object.values(discriminator.mapping ?? {})) if (ref) mapped.add(ref);
    for (const ref of mapped) if (!handled.has(ref) && patchable(ref)) handled.add(ref);
  });
  walkObjects(doc, (node, path) => {
    if (!Array.isArray(node.allOf)) return;
    for (const item of node.allOf) {
      if (isObject(item) && typeof item.$ref === 'string') {
        const inherited = objects.get(item.$ref);
        if (!inherited) return;
        const ref = createRef(path);
        if (Object.values(inherited.mapping ?? {}).includes(ref) && patchable(ref)) handled.add(ref);
        objects.set(ref, { ...inherited });
      } else if (isObject(item)) {
        const own = readDiscriminator(item.discriminator);
        if (own) objects.set(createRef(path), own);
      }
    }
  });
  return { objects, handled };
}

/**
 * A component that inherits a discriminator through `allOf` gets the discriminator property
 * from openapi-typescript (`class: "Dog"`); when the component also declares that property
 * itself, the type literal holds it twice (TS2300): these are those own declarations. They go: the
 * inherited value is what the discriminator says it is, as openapi-typescript does itself when a
 * mapping names the component.
 */
function duplicateDiscriminatorProperties(doc: JsonObject): { properties: JsonObject; name: string }[] {
  const found: { properties: JsonObject; name: string }[] = [];
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : undefined;
  if (!schemas) return found;
  const { objects, handled } = scanDiscriminators(doc);
  for (const [name, schema] of Object.entries(schemas)) {
    const path = createRef(['components', 'schemas', name]);
    const discriminator = objects.get(path);
    if (!discriminator || handled.has(path)) continue;
    // The component and the inline members of its allOf are printed under the component's path.
    const pending: (JsonValue | undefined)[] = [schema];
    while (pending.length > 0) {
      const node = pending.pop();
      if (!isObject(node) || typeof node.$ref === 'string') continue;
      if (node.discriminator === undefined && (node.allOf !== undefined || node.anyOf !== undefined) && isObject(node.properties) && Object.hasOwn(node.properties, discriminator.propertyName)) {
        found.push({ properties: node.properties, name: discriminator.propertyName });
      }
      if (Array.isArray(node.allOf)) pending.push(...node.allOf);
    }
  }
  return found;
}
