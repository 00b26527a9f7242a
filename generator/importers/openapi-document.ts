// Shared by the importers whose pages hold a real OpenAPI document (plain files and documents
// embedded in pages): read the document's text (strictly when it is whole, as docs write it when
// not), recover what a page cut off before its end, check the version, convert Swagger 2.0, stamp
// every operation and schema with the line it came from.
import swagger2openapi from 'swagger2openapi';
import { error, warning, type Diagnostic, type SourceLocation } from '../core/diagnostics.js';
import { checkReferences } from '../guard/check-references.js';
import { HTTP_METHODS, INFERRED_EXTENSION, isObject, SOURCE_EXTENSION, UNRESOLVED_EXTENSION, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { findReferenceSites, followReferences, isReference, joinPointer, resolveReference, splitPointer } from '../spec/references.js';
import { findBudgetProblem, MAX_DEPTH, offsetLocator, parseStructured, pointerSegment, type StructuredText } from '../parse/structured-text.js';
import { sourceRef } from './importer.js';
import { isFlattenedYaml, readFlattenedYaml } from './openapi-in-markdown/flattened-yaml.js';
import { readTolerantJson } from './page/tolerant-json.js';
import { readTolerantYaml } from './page/tolerant-yaml.js';

/** Reads the version of a parsed document, or says what was expected. */
export function documentKind(value: unknown): 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0' | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.openapi === 'string') {
    if (/^3\.0\.\d+/.test(value.openapi)) return 'openapi-3.0';
    if (/^3\.1\.\d+/.test(value.openapi)) return 'openapi-3.1';
  }
  if (value.swagger === '2.0') return 'swagger-2.0';
  return undefined;
}

/** What the end of a page took from a document: where it ended, and what it left open or lost. */
export interface DocumentCut {
  /** Objects and arrays the text ended inside (JSON pointers). */
  open: string[];
  /** The outermost member the cut took, when one was cut in two. */
  lost?: SourceLocation & { pointer: string };
  /** Where the text ends. */
  end: SourceLocation;
  /** Set by the repair: the lost member it kept by name (its "left out" warning no longer holds). */
  restored?: string;
}

/** A document's text as a page shows it: a code block's text and where it starts. */
export interface DocumentText {
  text: string;
  /** The block's language, if the page gives one (`json`, `yaml`). */
  lang?: string;
  /** Where the text starts on the page (1-based). */
  line: number;
  column: number;
  /** False when the page ends before the block does. */
  closed: boolean;
}

export interface ReadDocument {
  parsed?: StructuredText;
  cut?: DocumentCut;
  diagnostics: Diagnostic[];
}

/**
 * Reads a document's text: strict JSON or YAML when it is whole; the text as docs write it (see
 * page/tolerant-json.ts) when strict reading fails or the page cut the block off.
 */
export function readDocumentText(block: DocumentText, page: string): ReadDocument {
  const options = { file: page, startLine: block.line, startColumn: block.column };
  const json = /^\s*[[{]/.test(block.text);
  if (!json && isFlattenedYaml(block.text)) return readFlattened(block, page);
  const strict = parseStructured(block.text, options);
  if (strict.result && (json || block.closed)) return { parsed: strict.result, diagnostics: [] };
  if (!json && block.closed) return { diagnostics: strict.diagnostics };
  const tolerant = json ? readTolerantJson(block.text, options) : readTolerantYaml(block.text, { ...options, cut: true });
  if (!tolerant.result) return { diagnostics: tolerant.diagnostics };
  const lines = block.text.trimEnd().split('\n');
  const end = { file: page, line: block.line + lines.length - 1, column: lines.length === 1 ? block.column + lines[0]!.length : lines.at(-1)!.length + 1 };
  const cut = !json || tolerant.open.length > 0 ? { open: tolerant.open, ...(tolerant.lost ? { lost: tolerant.lost } : {}), end } : undefined;
  return { parsed: tolerant.result, ...(cut ? { cut } : {}), diagnostics: tolerant.diagnostics };
}

/** Block YAML an export put on one line: its nesting read back from what OpenAPI allows where. */
function readFlattened(block: DocumentText, page: string): ReadDocument {
  const at = offsetLocator(block.text, { file: page, startLine: block.line, startColumn: block.column });
  const { parsed, leftOver, repeated, tooDeep } = readFlattenedYaml(block.text, at);
  if (!parsed) return { diagnostics: [error(`the document nests deeper than ${MAX_DEPTH} levels`, tooDeep ?? at(0))] };
  const budget = findBudgetProblem(parsed.value, true);
  if (budget) return { diagnostics: [error(budget.message, parsed.locate(budget.pointer))] };
  const diagnostics = [warning('this YAML lost its line breaks (the page was flattened onto one line): its nesting is read from what OpenAPI allows where', at(0))];
  for (const { key, offset } of repeated) diagnostics.push(warning(`${JSON.stringify(key)} appears again where nothing can take it: this second value was left out`, at(offset)));
  if (leftOver !== undefined) diagnostics.push(warning('text after the flattened document was not read', at(leftOver)));
  const end = at(block.text.trimEnd().length);
  if (block.closed) return { parsed, diagnostics };
  diagnostics.push(warning('the flattened YAML may be cut off before its end (its fence is not closed)', end));
  return { parsed, cut: { open: [], end }, diagnostics };
}

/**
 * Turns a parsed document into an OpenAPI 3.x fragment stamped with sources, or explains why not.
 * `page` is the page path recorded in `x-specmill-source`. A `cut` document is repaired first.
 */
export async function fragmentFromDocument(
  parsed: StructuredText,
  page: string,
  options: { cut?: DocumentCut } = {},
): Promise<{ fragment?: OpenApiDocument; diagnostics: Diagnostic[] }> {
  const kind = documentKind(parsed.value);
  const root = parsed.locate('');
  if (!kind) {
    const value = parsed.value;
    const version = isObject(value) ? (value.openapi ?? value.swagger) : undefined;
    const message =
      version === undefined
        ? 'expected an OpenAPI 3.0/3.1 or Swagger 2.0 document (an object with an `openapi` or `swagger` field)'
        : `unsupported version ${JSON.stringify(version)}: expected OpenAPI 3.0.x, 3.1.x or Swagger 2.0`;
    return { diagnostics: [error(message, root)] };
  }
  const diagnostics: Diagnostic[] = [];
  let document = parsed.value as OpenApiDocument;
  if (options.cut) {
    document = structuredClone(document);
    diagnostics.push(...repairCutDocument(document, options.cut, parsed.locate, kind === 'swagger-2.0' ? 'definitions' : 'components'));
  }
  // Refs are checked on the page itself, so that a refused one is reported at its line, and before
  // swagger2openapi or any later tool could follow one.
  const refProblems = checkReferences(document, page, { locate: parsed.locate, dangling: false });
  if (refProblems.length > 0) return { diagnostics: refProblems };
  // Locations are read from the document as written, so stamp before any conversion.
  const stamped = options.cut ? document : (structuredClone(document) as OpenApiDocument);
  stampSources(stamped, page, kind === 'swagger-2.0' ? 'definitions' : 'components', parsed.locate);
  if (kind !== 'swagger-2.0') {
    diagnostics.push(...declareTemplateParameters(stamped, parsed.locate));
    return { fragment: stamped, diagnostics };
  }
  try {
    const converted = (await swagger2openapi.convertObj(stamped, {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: true,
    })) as OpenApiDocument;
    diagnostics.push(...declareTemplateParameters(converted, parsed.locate));
    return { fragment: converted, diagnostics };
  } catch (e) {
    return { diagnostics: [error(`cannot convert Swagger 2.0: ${(e as Error).message}`, root)] };
  }
}

/** `{name}` in a path template. */
const TEMPLATE_NAME = /\{([^{}]+)\}/g;

/**
 * A name in a path template that no parameter declares (invalid OpenAPI, yet real docs have it)
 * becomes a required path parameter: the page shows it in the path, the client needs it to build
 * the URL. Its type is not shown, so `string` is marked `x-specmill-inferred`. A declaration that
 * differs only in case is kept as the document wrote it, with a warning.
 */
function declareTemplateParameters(doc: OpenApiDocument, locate: (pointer: string) => SourceLocation): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!isObject(doc.paths)) return diagnostics;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue;
    const names = [...new Set([...path.matchAll(TEMPLATE_NAME)].map((m) => m[1]!))];
    if (names.length === 0) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const lists = [item.parameters, operation.parameters].flatMap((list) => (Array.isArray(list) ? list : []));
      // A reference that points nowhere may be the declaration: the reference guard reports it.
      if (lists.some((raw) => isReference(raw) && !isObject(followReferences(doc, raw)))) continue;
      const declared = lists.flatMap((raw) => {
        const parameter = followReferences(doc, raw);
        return isObject(parameter) && parameter.in === 'path' && typeof parameter.name === 'string' ? [parameter.name] : [];
      });
      const added: JsonObject[] = [];
      const at = locate(joinPointer('paths', path, method));
      for (const name of names) {
        if (declared.includes(name)) continue;
        const other = declared.find((d) => d.toLowerCase() === name.toLowerCase());
        if (other !== undefined) {
          diagnostics.push(warning(`the path ${path} names {${name}} but the document declares the path parameter ${JSON.stringify(other)}: it is kept as declared`, at));
          continue;
        }
        added.push({ name, in: 'path', required: true, schema: { type: 'string', [INFERRED_EXTENSION]: ['type'] } });
        diagnostics.push(warning(`the path ${path} names {${name}}, which the document does not declare: it is added as a required path parameter, its type assumed to be string (${INFERRED_EXTENSION})`, at));
      }
      if (added.length > 0) operation.parameters = [...added, ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
    }
  }
  return diagnostics;
}

/** Maps whose values are schemas: a member the cut took from one is a property of unknown type. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
const STATUS = /^([1-5]\d\d|[1-5]XX|default)$/i;
/** Values that hold data, not spec, as the reference guard reads them: a `$ref` in them is text. */
const DATA_KEYS = new Set(['example', 'value', 'const', 'enum', 'default']);

function segmentsOf(pointer: string): string[] {
  return splitPointer(pointer) ?? [];
}

function parentOf(doc: JsonObject, pointer: string): { parent: JsonValue | undefined; key: string } {
  const segments = segmentsOf(pointer);
  const key = segments.pop() ?? '';
  let parent: JsonValue | undefined = doc;
  for (const s of segments) parent = Array.isArray(parent) ? parent[Number(s)] : isObject(parent) ? parent[s] : undefined;
  return { parent, key };
}

/**
 * What stands for a part of the document the page cut off, by where it sits: a schema is `{}`,
 * a response keeps its status, each marked `x-specmill-unresolved`. Undefined: drop the part.
 */
function standIn(pointer: string, reason: string): JsonObject | undefined {
  const segments = segmentsOf(pointer);
  const key = segments.at(-1) ?? '';
  const parentKey = segments.at(-2) ?? '';
  const mark = { [UNRESOLVED_EXTENSION]: reason };
  if (parentKey === 'parameters' || parentKey === 'examples' || parentKey === 'links' || parentKey === 'callbacks' || parentKey === 'paths') return undefined;
  if (key === 'requestBody' || parentKey === 'requestBodies') return { content: {}, ...mark };
  if ((parentKey === 'responses' && STATUS.test(key)) || (segments.length === 3 && segments[1] === 'responses')) return { description: '', ...mark };
  if (parentKey === 'headers') return { schema: {}, ...mark };
  return mark;
}

/**
 * Makes a document the page cut off usable without inventing anything: the member the cut took
 * from a map of properties or responses keeps its name (a schema or response marked
 * `x-specmill-unresolved`), parameters cut before their name or location are left out, and a
 * local `$ref` whose target the cut took becomes such a stand-in. Each is a located warning.
 */
function repairCutDocument(doc: JsonObject, cut: DocumentCut, locate: (pointer: string) => SourceLocation, schemasAt: 'components' | 'definitions'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (cut.lost) {
    const { parent, key } = parentOf(doc, cut.lost.pointer);
    const parentKey = segmentsOf(cut.lost.pointer).at(-2) ?? '';
    const schemaMap = SCHEMA_MAPS.has(parentKey) || cut.lost.pointer === joinPointer(...(schemasAt === 'components' ? ['components', 'schemas', key] : ['definitions', key]));
    if (isObject(parent) && !(key in parent) && (schemaMap || (parentKey === 'responses' && STATUS.test(key)))) {
      parent[key] = standIn(cut.lost.pointer, 'the page was cut off inside it') ?? {};
      // This replaces the reader's "left out" for the same member.
      diagnostics.push(warning(`the document is cut off inside ${JSON.stringify(key)}: its name is kept, what it is is not known (${UNRESOLVED_EXTENSION})`, cut.lost));
      cut.restored = cut.lost.pointer;
    }
  }
  // Parameters and responses the cut left without their required fields.
  walk(doc, '', (node, pointer) => {
    const segments = segmentsOf(pointer);
    if (Array.isArray(node) && segments.at(-1) === 'parameters') {
      for (let i = node.length - 1; i >= 0; i--) {
        const parameter = node[i];
        if (!isObject(parameter) || typeof parameter.$ref === 'string') continue;
        if (typeof parameter.name === 'string' && typeof parameter.in === 'string') continue;
        node.splice(i, 1);
        diagnostics.push(warning('a parameter the page cut off before its name and location was left out', locate(`${pointer}/${i}`)));
      }
    }
    if (isObject(node) && segments.at(-2) === 'responses' && STATUS.test(segments.at(-1) ?? '') && typeof node.$ref !== 'string' && typeof node.description !== 'string' && cut.open.includes(pointer)) {
      node.description = '';
      node[UNRESOLVED_EXTENSION] = 'the page was cut off inside it';
    }
  });
  // Local references whose target the cut took.
  const reported = new Set<string>();
  const missing: { pointer: string; ref: string }[] = [];
  for (const site of findReferenceSites(doc)) {
    if (site.role !== 'reference' || site.keyword !== '$ref' || typeof site.value !== 'string' || !site.value.startsWith('#')) continue;
    if (resolveRef(doc, site.value) === undefined) missing.push({ pointer: site.pointer.slice(0, site.pointer.lastIndexOf('/')), ref: site.value });
  }
  // Later siblings first, so that removing an array item leaves the pointers of the others right.
  for (const { pointer, ref } of missing.reverse()) {
    const { parent, key } = parentOf(doc, pointer);
    const replacement = standIn(pointer, ref);
    if (Array.isArray(parent)) {
      if (replacement) parent[Number(key)] = { ...withoutRef(parent[Number(key)]), ...replacement };
      else parent.splice(Number(key), 1);
    } else if (isObject(parent)) {
      if (replacement) parent[key] = { ...withoutRef(parent[key]), ...replacement };
      else delete parent[key];
    }
    if (!reported.has(ref)) {
      reported.add(ref);
      const what = replacement ? `it stands as ${UNRESOLVED_EXTENSION}` : 'what refers to it was left out';
      diagnostics.push(warning(`${ref} is not on the page, which was cut off before its end: ${what}`, locate(pointer)));
    }
  }
  return diagnostics;
}

function withoutRef(value: JsonValue | undefined): JsonObject {
  if (!isObject(value)) return {};
  const { $ref: _ref, ...rest } = value;
  return rest;
}

function resolveRef(doc: JsonObject, ref: string): JsonValue | undefined {
  try {
    return resolveReference(doc, ref);
  } catch {
    return undefined;
  }
}

/** Visits every object and array of the spec (not of its example data), children before parents. */
function walk(node: JsonValue | undefined, pointer: string, visit: (node: JsonValue, pointer: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`, visit));
  else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) if (!DATA_KEYS.has(key)) walk(child, `${pointer}/${pointerSegment(key)}`, visit);
  } else return;
  visit(node, pointer);
}

function stampSources(
  doc: OpenApiDocument,
  page: string,
  schemasAt: 'components' | 'definitions',
  locate: (pointer: string) => SourceLocation,
): void {
  const stamp = (target: Record<string, unknown>, pointer: string) => {
    const at = locate(pointer);
    target[SOURCE_EXTENSION] = sourceRef(page, at.line ?? 1, at.column);
  };
  for (const section of ['paths', 'webhooks'] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const [path, item] of Object.entries(items)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) stamp(operation, joinPointer(section, path, method));
      }
    }
  }
  const schemas = schemasAt === 'components' ? (isObject(doc.components) ? doc.components.schemas : undefined) : doc.definitions;
  if (isObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) {
      if (isObject(schema)) stamp(schema, schemasAt === 'components' ? joinPointer('components', 'schemas', name) : joinPointer('definitions', name));
    }
  }
}
