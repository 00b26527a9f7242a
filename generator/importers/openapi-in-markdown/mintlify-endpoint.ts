// Mintlify's older `.md` export embeds not the OpenAPI document but the endpoint Mintlify resolved
// from it: `paths: {path, method, servers, request: {security, parameters: {path: {id: {schema:
// [...]}}}, body: {<media>: {schemaArray, requiredProperties}}}, response: {<status>: {<media>:
// {schemaArray, description}}}}`, then the document's `components`. This rebuilds the one-operation
// OpenAPI document it came from, every part located where the page shows it.
import { error, warning, type Diagnostic, type SourceLocation } from '../../core/diagnostics.js';
import { isHttpMethod, isObject, UNRESOLVED_EXTENSION, type JsonObject, type JsonValue } from '../../core/openapi-types.js';
import { joinPointer, pointerSegment, type StructuredText } from '../../parse/structured-text.js';
import type { DocumentCut } from '../openapi-document.js';

/** The endpoint format: `paths` holds one endpoint (`path: /x`) rather than a map of paths. */
export function isMintlifyEndpoint(value: unknown): boolean {
  if (!isObject(value) || 'openapi' in value || 'swagger' in value) return false;
  return isObject(value.paths) && typeof value.paths.path === 'string';
}

/** Text that holds such an endpoint, for format detection. */
export const MINTLIFY_ENDPOINT_TEXT = /^paths:[ \t]*\r?\n[ \t]+path:[ \t]*\S|"paths"\s*:\s*\{\s*"path"\s*:/m;

export interface RebuiltEndpoint {
  parsed?: StructuredText;
  cut?: DocumentCut;
  /** The page's pointer for a pointer of the rebuilt document. */
  sourcePointer: (pointer: string) => string;
  diagnostics: Diagnostic[];
}

/** Output pointer `to` stands for page pointer `from`; `copied`: what is below one is below the other. */
interface Link {
  to: string;
  from: string;
  copied: boolean;
}

const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;
const NO_CONTENT = '_mintlify/placeholder';
const ENDPOINT_KEYS = new Set(['path', 'method', 'servers', 'request', 'response', 'deprecated', 'type']);
const REQUEST_KEYS = new Set(['security', 'parameters', 'body', 'codeSamples']);
const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;
const CUT_INSIDE = 'the page was cut off inside it';

const seg = pointerSegment;

/** A copy with no two places sharing one object (YAML aliases share them). */
function copy<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Mintlify's own type words: `any` (no type), `enum<string>` (the enum's type), `file` (binary).
 * The rest of a schema is OpenAPI as the document wrote it.
 */
function withOpenApiType(schema: JsonObject): JsonObject {
  const { type, ...rest } = schema;
  if (type === 'any') return rest;
  if (typeof type === 'string') {
    const enumOf = /^enum<(\w+)>$/.exec(type);
    if (enumOf) return { type: enumOf[1]!, ...rest };
    if (type === 'file') return { type: 'string', ...rest, format: typeof rest.format === 'string' ? rest.format : 'binary' };
  }
  return type === undefined ? rest : { type, ...rest };
}

/** `{allOf: [X]}` and nothing else is X: how the export wraps every property. */
function unwrap(value: JsonValue | undefined): { schema: JsonValue | undefined; wrapped: boolean } {
  if (isObject(value) && Object.keys(value).length === 1 && Array.isArray(value.allOf) && value.allOf.length === 1 && isObject(value.allOf[0])) {
    return { schema: value.allOf[0], wrapped: true };
  }
  return { schema: value, wrapped: false };
}

class Rebuild {
  readonly links: Link[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly components: JsonObject;
  /** Schemas this rebuild named after their `refIdentifier`, to refer to the second time. */
  private readonly named = new Map<string, string>();

  constructor(
    private readonly parsed: StructuredText,
    private readonly open: ReadonlySet<string>,
    private readonly lost: string | undefined,
    components: JsonObject,
  ) {
    this.components = components;
  }

  link(to: string, from: string, copied: boolean): void {
    this.links.push({ to, from, copied });
  }

  at(from: string): SourceLocation {
    return this.parsed.locate(from);
  }

  /** The page cut this part off part way (its container was still open where the page ends). */
  isCut(from: string): boolean {
    return this.open.has(from) || (this.lost !== undefined && (this.lost === from || this.lost.startsWith(`${from}/`)));
  }

  warnUnread(what: string, from: string): void {
    this.diagnostics.push(warning(`${what} of the Mintlify endpoint was not read`, this.at(from)));
  }

  parameters(group: JsonValue | undefined, from: string, to: string): JsonObject[] {
    const parameters: JsonObject[] = [];
    if (!isObject(group)) return parameters;
    for (const location of PARAMETER_LOCATIONS) {
      const named = group[location];
      if (!isObject(named)) continue;
      for (const [name, raw] of Object.entries(named)) {
        const parameterFrom = `${from}/${location}/${seg(name)}`;
        const parameterTo = `${to}/${parameters.length}`;
        this.link(parameterTo, parameterFrom, false);
        parameters.push(this.parameter(name, location, raw, parameterFrom, parameterTo));
      }
    }
    for (const key of Object.keys(group)) if (!(PARAMETER_LOCATIONS as readonly string[]).includes(key)) this.warnUnread(`parameters in ${JSON.stringify(key)}`, `${from}/${seg(key)}`);
    return parameters;
  }

  /** `{schema: [{type, required, description, ...}], style}`: one entry per type the parameter takes. */
  private parameter(name: string, location: string, raw: JsonValue | undefined, from: string, to: string): JsonObject {
    const parameter: JsonObject = { name, in: location };
    const fields = isObject(raw) ? raw : {};
    const entries = Array.isArray(fields.schema) ? fields.schema.filter(isObject) : [];
    const required = entries.some((e) => e.required === true || e.required === 'true');
    if (required || location === 'path') parameter.required = true;
    const description = entries.find((e) => typeof e.description === 'string')?.description;
    if (description !== undefined) parameter.description = description;
    for (const [key, value] of Object.entries(fields)) if (key !== 'schema' && value !== undefined) parameter[key] = value;
    const schemas = entries.map((entry, i) => {
      const { required: _required, description: _description, ...schema } = entry;
      this.link(entries.length === 1 ? `${to}/schema` : `${to}/schema/anyOf/${i}`, `${from}/schema/${i}`, true);
      return withOpenApiType(schema);
    });
    if (schemas.length === 1) parameter.schema = schemas[0]!;
    else if (schemas.length > 1) parameter.schema = { anyOf: schemas };
    else parameter.schema = this.isCut(from) || this.isCut(`${from}/schema`) ? { [UNRESOLVED_EXTENSION]: CUT_INSIDE } : {};
    return parameter;
  }

  /** A body's or response's media types: `{<media>: {schemaArray, examples, description}}`. */
  content(media: JsonObject, from: string, to: string): { content: JsonObject; required: boolean; description?: string } {
    const content: JsonObject = {};
    let required = false;
    let description: string | undefined;
    for (const [type, raw] of Object.entries(media)) {
      const mediaFrom = `${from}/${seg(type)}`;
      if (!isObject(raw)) continue;
      if (typeof raw.description === 'string') description ??= raw.description;
      if (type === NO_CONTENT) continue; // a response with no body
      const mediaTo = `${to}/${seg(type)}`;
      this.link(mediaTo, mediaFrom, false);
      const out: JsonObject = {};
      if (Array.isArray(raw.schemaArray)) {
        const items = raw.schemaArray.flatMap((item, i) => (isObject(item) ? [{ item, i }] : []));
        const read = items.map(({ item, i }, j) => this.dataSchema(item, `${mediaFrom}/schemaArray/${i}`, items.length === 1 ? `${mediaTo}/schema` : `${mediaTo}/schema/anyOf/${j}`));
        required ||= read.some((r) => r.required);
        if (read.length === 1) out.schema = read[0]!.schema;
        else if (read.length > 1) out.schema = { anyOf: read.map((r) => r.schema) };
      }
      for (const [key, value] of Object.entries(raw)) {
        if (key === 'schemaArray' || key === 'description' || value === undefined) continue;
        if (key === 'examples' && isObject(value) && Object.keys(value).length === 0) continue;
        out[key] = value;
        this.link(`${mediaTo}/${seg(key)}`, `${mediaFrom}/${seg(key)}`, true);
      }
      content[type] = out;
    }
    return { content, required, ...(description !== undefined ? { description } : {}) };
  }

  /**
   * One item of a `schemaArray`: a schema whose properties are each wrapped in `allOf: [...]`, with
   * `requiredProperties` for `required`, `required: true` for "the body is required", and
   * `refIdentifier` naming the component it was. A component the page does not define is defined
   * again under that name, so that the client keeps its name.
   */
  private dataSchema(item: JsonObject, from: string, to: string): { schema: JsonValue; required: boolean } {
    const { required, requiredProperties, refIdentifier, ...rest } = item;
    const named = typeof refIdentifier === 'string' ? COMPONENT_REF.exec(refIdentifier)?.[1] : undefined;
    const name = named === '__proto__' ? undefined : named; // a text, never an object's prototype
    const schemas = isObject(this.components.schemas) ? this.components.schemas : undefined;
    const component = name !== undefined && !(schemas && Object.hasOwn(schemas, name)) && !this.named.has(name) ? joinPointer('components', 'schemas', name) : undefined;
    const at = component ?? to;
    const schema = this.schema(rest, from, at);
    if (Array.isArray(requiredProperties)) {
      schema.required = requiredProperties;
      this.link(`${at}/required`, `${from}/requiredProperties`, true);
    } else if (Array.isArray(required)) {
      schema.required = required;
    }
    const bodyRequired = required === true || required === 'true';
    if (name !== undefined && component) {
      const stored = isObject(this.components.schemas) ? this.components.schemas : (this.components.schemas = {});
      stored[name] = schema;
      this.named.set(name, JSON.stringify(schema));
      return { schema: { $ref: `#${component}` }, required: bodyRequired };
    }
    if (name !== undefined && this.named.get(name) === JSON.stringify(schema)) {
      return { schema: { $ref: `#${joinPointer('components', 'schemas', name)}` }, required: bodyRequired };
    }
    return { schema, required: bodyRequired };
  }

  private schema(item: JsonObject, from: string, to: string): JsonObject {
    this.link(to, from, true);
    const { properties, items, ...rest } = item;
    const schema = withOpenApiType(rest);
    if (isObject(properties)) {
      const out: JsonObject = {};
      for (const [name, value] of Object.entries(properties)) {
        const { schema: inner, wrapped } = unwrap(value);
        const property = `${from}/properties/${seg(name)}`;
        this.link(`${to}/properties/${seg(name)}`, `${property}${wrapped ? '/allOf/0' : ''}`, true);
        // A property the cut went through keeps its name; what it is went with the cut.
        const emptied = inner === undefined || inner === null || (isObject(inner) && Object.keys(inner).length === 0);
        out[name] = emptied && this.isCut(property) ? { [UNRESOLVED_EXTENSION]: CUT_INSIDE } : (inner ?? {});
      }
      schema.properties = out;
    } else if (properties !== undefined) {
      schema.properties = properties;
    }
    if (items !== undefined) {
      const { schema: inner, wrapped } = unwrap(items);
      this.link(`${to}/items`, `${from}/items${wrapped ? '/allOf/0' : ''}`, true);
      if (inner !== undefined) schema.items = inner;
    }
    return schema;
  }

  /**
   * `[{title, parameters: {header: {Authorization: {type: http, scheme: bearer}}}}]`: each entry
   * one way to authenticate, each of its parameters one scheme; the title names them (`A & B`).
   */
  security(entries: JsonValue[], from: string): JsonValue[] {
    const schemes = isObject(this.components.securitySchemes) ? this.components.securitySchemes : undefined;
    const found: JsonObject = {};
    const requirements = entries.map((entry, i) => {
      const requirement: JsonObject = {};
      if (!isObject(entry)) return requirement;
      const parameters = isObject(entry.parameters) ? entry.parameters : {};
      const declared = PARAMETER_LOCATIONS.flatMap((location) => {
        const named = parameters[location];
        return isObject(named) ? Object.entries(named).map(([name, scheme]) => ({ location, name, scheme })) : [];
      });
      const title = typeof entry.title === 'string' ? entry.title.trim() : '';
      const titles = title.split(/\s+&\s+/);
      declared.forEach(({ location, name, scheme }, j) => {
        const titled = titles.length === declared.length && titles[j] ? titles[j]! : declared.length === 1 && title ? title : name;
        const schemeName = titled === '__proto__' ? name : titled; // a text, never an object's prototype
        requirement[schemeName] = [];
        if ((schemes && Object.hasOwn(schemes, schemeName)) || Object.hasOwn(found, schemeName)) return;
        found[schemeName] = this.securityScheme(location, name, scheme, `${from}/${i}/parameters/${location}/${seg(name)}`);
      });
      return requirement;
    });
    if (Object.keys(found).length > 0) this.components.securitySchemes = { ...schemes, ...found };
    return requirements;
  }

  private securityScheme(location: string, name: string, raw: JsonValue | undefined, from: string): JsonObject {
    const fields = isObject(raw) ? raw : {};
    const description = typeof fields.description === 'string' ? { description: fields.description } : {};
    if (fields.type === 'http' && typeof fields.scheme === 'string') return { type: 'http', scheme: fields.scheme, ...description };
    if (fields.type === 'oauth2') {
      this.diagnostics.push(warning(`the page names the OAuth 2 scheme of ${JSON.stringify(name)} but not its flows`, this.at(from)));
      return { type: 'oauth2', flows: {}, ...description };
    }
    if (fields.type !== 'apiKey' && fields.type !== 'http') this.warnUnread(`the security type ${JSON.stringify(fields.type ?? null)} of ${JSON.stringify(name)}`, from);
    return { type: 'apiKey', in: location === 'path' ? 'header' : location, name, ...description };
  }
}

/** Rebuilds the OpenAPI document of a Mintlify endpoint; a cut page's cut is carried over. */
export function rebuildMintlifyEndpoint(parsed: StructuredText, cut?: DocumentCut): RebuiltEndpoint {
  const root = parsed.value as JsonObject;
  const endpoint = root.paths as JsonObject;
  const path = endpoint.path as string;
  const open = new Set(cut?.open ?? []);
  const components: JsonObject = isObject(root.components) ? copy(root.components) : {};
  const rebuild = new Rebuild(parsed, open, cut?.lost?.pointer, components);
  const { links, diagnostics } = rebuild;
  const sourcePointer = (pointer: string): string => {
    let best: Link | undefined;
    // The nearest link at or above the pointer; below a copied one the page has the same shape.
    for (const link of links) {
      if (pointer !== link.to && !pointer.startsWith(`${link.to}/`)) continue;
      if (!best || link.to.length >= best.to.length) best = link;
    }
    if (!best) return '/paths';
    return best.copied ? best.from + pointer.slice(best.to.length) : best.from;
  };
  const result = (document: JsonObject | undefined): RebuiltEndpoint => {
    if (!document) return { sourcePointer, diagnostics };
    const locate = (pointer: string): SourceLocation => ({ ...parsed.locate(sourcePointer(pointer)), pointer: sourcePointer(pointer) });
    return { parsed: { value: document, locate }, ...(cut ? { cut: carryCut(cut, links) } : {}), sourcePointer, diagnostics };
  };

  const method = typeof endpoint.method === 'string' ? endpoint.method.toLowerCase() : undefined;
  const document: JsonObject = { openapi: '3.1.0', info: { title: '', version: '' } };
  if (method === undefined || !isHttpMethod(method)) {
    // A page cut before the method holds no operation; the caller says so.
    if (cut) return result(document);
    diagnostics.push(error(`expected \`method\` to be an HTTP method (${JSON.stringify(endpoint.method ?? null)})`, parsed.locate('/paths/method')));
    return result(undefined);
  }
  const webhook = endpoint.type === 'webhook';
  const section = webhook ? 'webhooks' : 'paths';
  const operationPointer = joinPointer(section, path, method);
  links.push({ to: '/components', from: '/components', copied: true });
  links.push({ to: operationPointer, from: '/paths/path', copied: false });

  const operation: JsonObject = {};
  const request = isObject(endpoint.request) ? endpoint.request : {};
  const parameters = rebuild.parameters(request.parameters, '/paths/request/parameters', `${operationPointer}/parameters`);
  if (parameters.length > 0) operation.parameters = parameters;
  if (isObject(request.body) && Object.keys(request.body).length > 0) {
    const { content, required, description } = rebuild.content(request.body, '/paths/request/body', `${operationPointer}/requestBody/content`);
    links.push({ to: `${operationPointer}/requestBody`, from: '/paths/request/body', copied: false });
    operation.requestBody = { ...(description !== undefined ? { description } : {}), ...(required ? { required: true } : {}), content };
  }
  if (isObject(endpoint.response)) {
    const responses: JsonObject = {};
    for (const [status, raw] of Object.entries(endpoint.response)) {
      const from = `/paths/response/${seg(status)}`;
      const to = `${operationPointer}/responses/${seg(status)}`;
      links.push({ to, from, copied: false });
      const { content, description } = rebuild.content(isObject(raw) ? raw : {}, from, `${to}/content`);
      const response: JsonObject = {};
      // A response cut before its description is left without one: the cut repair marks it.
      if (description !== undefined || !open.has(from)) response.description = description ?? '';
      if (Object.keys(content).length > 0) response.content = content;
      responses[status] = response;
    }
    if (Object.keys(responses).length > 0) operation.responses = responses;
  }
  if (Array.isArray(request.security)) operation.security = rebuild.security(request.security, '/paths/request/security');
  if (Array.isArray(request.codeSamples)) {
    operation['x-codeSamples'] = request.codeSamples;
    links.push({ to: `${operationPointer}/x-codeSamples`, from: '/paths/request/codeSamples', copied: true });
  }
  for (const key of Object.keys(request)) if (!REQUEST_KEYS.has(key)) rebuild.warnUnread(`request.${key}`, `/paths/request/${seg(key)}`);
  if (typeof endpoint.deprecated === 'boolean' && endpoint.deprecated) operation.deprecated = true;
  for (const [key, value] of Object.entries(endpoint)) {
    if (ENDPOINT_KEYS.has(key) || value === undefined) continue;
    // `xMint` is the document's `x-mint`; other `x-` keys stay as they are.
    const extension = key.startsWith('x-') ? key : /^x[A-Z]/.test(key) ? `x-${key[1]!.toLowerCase()}${key.slice(2).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : undefined;
    if (extension) operation[extension] = value;
    else if ((key === 'summary' || key === 'description') && typeof value === 'string') operation[key] = value;
    else rebuild.warnUnread(`paths.${key}`, `/paths/${seg(key)}`);
  }
  if (Array.isArray(endpoint.servers)) {
    document.servers = endpoint.servers.map(withoutVariableTypes);
    links.push({ to: '/servers', from: '/paths/servers', copied: true });
  }
  document[section] = { [path]: { [method]: operation } };
  if (Object.keys(components).length > 0) document.components = components;
  for (const key of Object.keys(root)) if (key !== 'paths' && key !== 'components') rebuild.warnUnread(`${JSON.stringify(key)}`, `/${seg(key)}`);
  return result(copy(document));
}

/** Server variables are strings: the `type: string` the export gives each one says nothing more, and OpenAPI has no place for it. */
function withoutVariableTypes(server: JsonValue): JsonValue {
  if (!isObject(server) || !isObject(server.variables)) return server;
  const variables: JsonObject = {};
  for (const [name, variable] of Object.entries(server.variables)) {
    if (isObject(variable) && variable.type === 'string') {
      const { type: _type, ...rest } = variable;
      variables[name] = rest;
    } else variables[name] = variable;
  }
  return { ...server, variables };
}

/** The cut said where the page's text ended; say it again in the rebuilt document's pointers. */
function carryCut(cut: DocumentCut, links: readonly Link[]): DocumentCut {
  const toOutput = (pointer: string): string | undefined => {
    let best: Link | undefined;
    for (const link of links) {
      if (pointer !== link.from && !(link.copied && pointer.startsWith(`${link.from}/`))) continue;
      if (!best || link.from.length >= best.from.length) best = link;
    }
    if (!best) return undefined;
    return best.copied ? best.to + pointer.slice(best.from.length) : best.to;
  };
  const open = cut.open.flatMap((p) => {
    const mapped = toOutput(p);
    return mapped === undefined ? [] : [mapped];
  });
  const lost = cut.lost ? toOutput(cut.lost.pointer) : undefined;
  return { open, end: cut.end, ...(cut.lost && lost !== undefined ? { lost: { ...cut.lost, pointer: lost } } : {}) };
}
