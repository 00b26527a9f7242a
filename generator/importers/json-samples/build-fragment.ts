// Turns a read portal page into an OpenAPI 3.1 fragment: one component schema per body shape, named
// from the page; the curl sample's host placeholder and Authorization header become server and security.
import { warning, type Diagnostic } from '../../diagnostics.js';
import { isObject, SOURCE_EXTENSION, type JsonObject, type JsonValue, type OpenApiDocument } from '../../openapi-types.js';
import { sourceRef } from '../importer.js';
import { inferSchema, mergeSchemas, setOwn } from '../page/infer-schema.js';
import { looseKey, pascalCase, type PageIndex } from './page-text.js';
import { schemaFromType, withEnum, type PropertyBlock } from './property-blocks.js';
import { isJsonMedia, type BodyModel, type PageModel, type ParameterLocation, type ResponseModel } from './read-page.js';
import { formatReference } from '../../spec/references.js';

export interface BuildContext {
  index: PageIndex;
  file: string;
  diagnostics: Diagnostic[];
}

/** Used when the page names no version: the fragment must have one, and the page cannot supply it. */
const UNKNOWN_VERSION = '0.0.0';

const REASON_PHRASES: Record<string, string> = {
  '200': 'OK', '201': 'Created', '202': 'Accepted', '203': 'Non-Authoritative Information', '204': 'No Content',
  '206': 'Partial Content', '301': 'Moved Permanently', '302': 'Found', '303': 'See Other', '304': 'Not Modified',
  '307': 'Temporary Redirect', '308': 'Permanent Redirect', '400': 'Bad Request', '401': 'Unauthorized',
  '402': 'Payment Required', '403': 'Forbidden', '404': 'Not Found', '405': 'Method Not Allowed',
  '406': 'Not Acceptable', '408': 'Request Timeout', '409': 'Conflict', '410': 'Gone', '412': 'Precondition Failed',
  '413': 'Payload Too Large', '415': 'Unsupported Media Type', '422': 'Unprocessable Entity', '423': 'Locked',
  '429': 'Too Many Requests', '500': 'Internal Server Error', '501': 'Not Implemented', '502': 'Bad Gateway',
  '503': 'Service Unavailable', '504': 'Gateway Timeout',
};

/** Words the portal prints where a body has no model name of its own. */
const STAND_IN_NAMES = new Set(['object', 'string', 'integer', 'number', 'boolean', 'array', 'file', 'any']);

/** Headers OpenAPI describes elsewhere (media types, security), which it says to ignore as parameters. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export function buildFragment(model: PageModel, context: BuildContext): OpenApiDocument {
  const { server, path } = splitUrl(model, context);
  const components = new ComponentPlanner(context);
  const operation: JsonObject = {};
  if (model.title) operation.summary = model.title.text;
  if (model.description) operation.description = model.description;
  const parameters = buildParameters(model, path, context);
  if (parameters.length > 0) operation.parameters = parameters;

  // Plan every body first, so that one shape gets one name across all the statuses that return it.
  const requestRef = model.requestBody ? components.plan(model.requestBody) : undefined;
  const responseRefs = model.responses.map((r) => (r.body ? components.plan(r.body, r) : undefined));
  components.assignNames();

  if (model.requestBody) {
    const body = model.requestBody;
    const requestBody: JsonObject = {};
    if (body.description) requestBody.description = body.description;
    if (body.required) requestBody.required = true;
    requestBody.content = content(body, requestRef?.());
    operation.requestBody = requestBody;
  }
  const responses: JsonObject = {};
  model.responses.forEach((response, i) => {
    if (Object.hasOwn(responses, response.status.text)) {
      context.diagnostics.push(
        warning(`status ${response.status.text} is described twice; the first one is kept`, locate(context, response.status.offset)),
      );
      return;
    }
    setOwn(responses, response.status.text, buildResponse(response, responseRefs[i]?.()));
  });
  if (Object.keys(responses).length > 0) operation.responses = responses;
  else context.diagnostics.push(warning('expected responses (`200` ... `Returns X of type(s) ...`); the page shows none', locate(context, model.method.offset)));

  const security = buildSecurity(model);
  if (security) operation.security = [{ [security.name]: [] }];
  else if (model.authentication !== undefined) {
    context.diagnostics.push(
      warning(
        'the page has an Authentication section but names no method, and no curl sample sends an Authorization header; the operation gets no security',
        locate(context, model.method.offset),
      ),
    );
  }
  const at = context.index.position(model.method.offset);
  operation[SOURCE_EXTENSION] = sourceRef(context.file, at.line, at.column);

  const fragment: OpenApiDocument = {
    openapi: '3.1.0',
    // The page never names its API or version; the host is the nearest thing to the API's name.
    info: { title: apiTitle(server, model), version: UNKNOWN_VERSION },
  };
  if (server) fragment.servers = [server];
  fragment.paths = { [path]: { [model.method.value]: operation } };
  const schemas = components.schemas();
  const componentsObject: JsonObject = {};
  if (Object.keys(schemas).length > 0) componentsObject.schemas = schemas;
  if (security) componentsObject.securitySchemes = { [security.name]: security.scheme };
  if (Object.keys(componentsObject).length > 0) fragment.components = componentsObject;
  return fragment;
}

function locate(context: BuildContext, offset: number) {
  return { file: context.file, ...context.index.position(offset) };
}

/**
 * One rule for every page of an API: the server is the URL's origin and the operation path keeps
 * every segment (`https://{api_host}` + `/v3/service_instances`). A single page cannot tell which
 * leading segments are the API's base path, and splitting nothing keeps all pages in agreement.
 * A `{placeholder}` in the curl sample's host becomes a server variable whose default is the host
 * the page's URL shows in its place.
 */
function splitUrl(model: PageModel, context: BuildContext): { server?: JsonObject; path: string } {
  const page = splitOrigin(model.url.text);
  const curl = model.curl?.url ? splitOrigin(model.curl.url.value) : undefined;
  const path = page.path || '/';
  const templated = [page.origin, curl?.origin].find((o) => o && /\{[^}]+\}/.test(o));
  const concrete = [page.origin, curl?.origin].find((o) => o && !/\{[^}]+\}/.test(o));
  if (!templated) return concrete ? { server: { url: concrete }, path } : { path };
  const names = [...templated.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const pattern = new RegExp(
    `^${templated
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+?)')}$`,
  );
  const values = concrete ? pattern.exec(concrete)?.slice(1) : undefined;
  const variables: JsonObject = {};
  names.forEach((name, i) => {
    const value = values?.[i];
    if (value === undefined) {
      context.diagnostics.push(
        warning(`no example value for the server variable {${name}}: expected the page's URL to show a host in its place`, locate(context, model.url.offset)),
      );
    }
    setOwn(variables, name, { default: value ?? name });
  });
  return { server: { url: templated, variables }, path };
}

function splitOrigin(url: string): { origin?: string; path: string } {
  const match = /^(https?:\/\/[^/?#\s]+)?([^?#\s]*)/.exec(url);
  const origin = match?.[1];
  let path = match?.[2] ?? '';
  if (path && !path.startsWith('/')) path = `/${path}`;
  return origin ? { origin, path } : { path };
}

function apiTitle(server: JsonObject | undefined, model: PageModel): string {
  if (server && typeof server.url === 'string') {
    const variables = isObject(server.variables) ? server.variables : {};
    const host = server.url
      .replace(/^https?:\/\//, '')
      .replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const variable = variables[name];
        return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
      });
    if (host) return host;
  }
  return model.title?.text ?? 'API';
}

function buildParameters(model: PageModel, path: string, context: BuildContext): JsonObject[] {
  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const byKey = new Map<string, JsonObject>();
  for (const block of model.parameters) {
    const location: ParameterLocation = block.in ?? (templateNames.includes(block.name) ? 'path' : 'query');
    if (location === 'header' && IGNORED_HEADERS.has(block.name.toLowerCase())) continue;
    if (location === 'path' && !templateNames.includes(block.name)) {
      context.diagnostics.push(
        warning(`path parameter ${block.name} is not in the path ${path}; it is left out`, locate(context, block.offset)),
      );
      continue;
    }
    const key = `${location}:${block.name}`;
    if (byKey.has(key)) continue;
    const parameter: JsonObject = { name: block.name, in: location };
    if (block.description) parameter.description = block.description;
    // OpenAPI requires path parameters, whatever the page printed.
    if (location === 'path' || block.required) parameter.required = true;
    parameter.schema = blockSchema(block);
    byKey.set(key, parameter);
  }
  for (const name of templateNames) {
    if (!byKey.has(`path:${name}`)) byKey.set(`path:${name}`, { name, in: 'path', required: true, schema: { type: 'string' } });
  }
  const order: ParameterLocation[] = ['path', 'query', 'header'];
  const pathOrder = (p: JsonObject) => templateNames.indexOf(p.name as string);
  return [...byKey.values()].sort((a, b) => {
    const byLocation = order.indexOf(a.in as ParameterLocation) - order.indexOf(b.in as ParameterLocation);
    if (byLocation !== 0 || a.in !== 'path') return byLocation;
    return pathOrder(a) - pathOrder(b);
  });
}

function blockSchema(block: PropertyBlock): JsonObject {
  const schema = block.type ? schemaFromType(block.type) : { type: 'string' };
  return block.enum ? withEnum(schema, block.enum) : schema;
}

function buildResponse(response: ResponseModel, schemaRef: JsonObject | undefined): JsonObject {
  const out: JsonObject = {
    description: response.description ?? REASON_PHRASES[response.status.text] ?? `Status ${response.status.text}`,
  };
  const headers: JsonObject = {};
  for (const header of response.headers) {
    if (header.name.toLowerCase() === 'content-type' || Object.hasOwn(headers, header.name)) continue;
    const object: JsonObject = {};
    if (header.description) object.description = header.description;
    if (header.required) object.required = true;
    object.schema = blockSchema(header);
    setOwn(headers, header.name, object);
  }
  if (Object.keys(headers).length > 0) out.headers = headers;
  if (response.body) out.content = content(response.body, schemaRef);
  return out;
}

function content(body: BodyModel, schema: JsonObject | undefined): JsonObject {
  const out: JsonObject = {};
  for (const media of body.media) setOwn(out, media, isJsonMedia(media) && schema ? { schema } : {});
  return out;
}

interface PlannedBody {
  schema: JsonObject;
  /** A model name printed on the page. */
  pageName?: string;
  /** A name made up for an unnamed body worth a component. */
  madeUpName?: string;
  offset: number;
  group?: ShapeGroup;
}

interface ShapeGroup {
  schema: JsonObject;
  members: PlannedBody[];
  name?: string;
}

/**
 * Collects the page's bodies, groups them by shape and names each group once: the first model name
 * the page prints for it, else a name made up from the body, else the schema stays inline.
 */
class ComponentPlanner {
  private readonly bodies: PlannedBody[] = [];
  private readonly groups = new Map<string, ShapeGroup>();
  private readonly named: [string, ShapeGroup][] = [];

  constructor(private readonly context: BuildContext) {}

  /** Returns a thunk for the body's schema (a `$ref` or inline), valid after `assignNames`. */
  plan(body: BodyModel, response?: ResponseModel): (() => JsonObject) | undefined {
    const schema = bodySchema(body);
    if (!schema) return undefined;
    const planned: PlannedBody = { schema, offset: body.name.offset };
    const name = body.name.text;
    if (isModelName(name, response)) planned.pageName = sanitizeName(name);
    else planned.madeUpName = madeUpName(schema, name, response);
    this.bodies.push(planned);
    return () => {
      const groupName = planned.group?.name;
      return groupName ? { $ref: formatReference(['components', 'schemas', groupName]) } : planned.schema;
    };
  }

  assignNames(): void {
    for (const body of this.bodies) {
      if (!body.pageName && !body.madeUpName) continue;
      const key = shapeKey(body.schema);
      let group = this.groups.get(key);
      if (!group) {
        group = { schema: body.schema, members: [] };
        this.groups.set(key, group);
      }
      group.members.push(body);
      body.group = group;
    }
    const taken = new Set<string>();
    for (const group of this.groups.values()) {
      const first = group.members.find((m) => m.pageName) ?? group.members[0];
      const wanted = (first?.pageName ?? first?.madeUpName) as string;
      let name = wanted;
      for (let n = 2; taken.has(name); n++) name = `${wanted}_${n}`;
      if (name !== wanted) {
        this.context.diagnostics.push(
          warning(`two different bodies on this page are named ${wanted}; the second is renamed ${name}`, locate(this.context, first?.offset ?? 0)),
        );
      }
      taken.add(name);
      group.name = name;
      this.named.push([name, group]);
    }
  }

  schemas(): JsonObject {
    const out: JsonObject = {};
    for (const [name, group] of this.named) {
      const source = group.members.find((m) => m.pageName === name) ?? group.members[0];
      const at = this.context.index.position(source?.offset ?? 0);
      setOwn(out, name, { ...group.schema, [SOURCE_EXTENSION]: sourceRef(this.context.file, at.line, at.column) });
    }
    return out;
  }
}

/**
 * A name printed for a response can name its body's model (`UserProvidedServiceInstance`) or only
 * the response itself (`BadRequest` on a 400 "Bad Request", `500`): the latter are not schema names.
 */
function isModelName(name: string, response?: ResponseModel): boolean {
  if (!/^[A-Za-z_]/.test(name) || STAND_IN_NAMES.has(name.toLowerCase())) return false;
  if (!response) return true;
  const key = looseKey(name);
  const reason = REASON_PHRASES[response.status.text];
  return key !== looseKey(response.description ?? '') && (reason === undefined || key !== looseKey(reason));
}

/**
 * An unnamed body with properties still deserves a component when several responses share it: an
 * envelope with one property is named after that property (`{"errors": [...]}` -> `Errors`), as
 * the response's name would misname it under the other statuses; else the response's name.
 */
function madeUpName(schema: JsonObject, printed: string, response?: ResponseModel): string | undefined {
  // An unnamed request body belongs to its one operation: inline is clearer.
  if (!response) return undefined;
  if (schema.type !== 'object' || !isObject(schema.properties)) return undefined;
  const keys = Object.keys(schema.properties);
  if (keys.length === 1) {
    const name = sanitizeName(pascalCase(keys[0] as string));
    if (/^[A-Za-z]/.test(name)) return name;
  }
  if (/^[A-Za-z_]/.test(printed) && !STAND_IN_NAMES.has(printed.toLowerCase())) return sanitizeName(printed);
  return undefined;
}

/** Component names allow letters, digits, `.`, `-` and `_` only. */
function sanitizeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Same shape: equal once descriptions, titles and sources are left out (property names stay). */
function shapeKey(schema: JsonValue): string {
  return JSON.stringify(canonical(schema, false));
}

function canonical(value: JsonValue | undefined, isPropertyMap: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (!isObject(value)) return value;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value).sort()) {
    if (!isPropertyMap && (key === 'description' || key === 'title' || key === SOURCE_EXTENSION)) continue;
    entries.push([key, canonical(value[key], !isPropertyMap && key === 'properties')]);
  }
  return entries;
}

/** The body's schema from its samples, refined by the property blocks printed under it. */
function bodySchema(body: BodyModel): JsonObject | undefined {
  const [first, second] = body.samples;
  let schema: JsonObject | undefined;
  if (second) {
    if (first?.value !== undefined && second.value !== undefined) schema = inferSchema(second.value, { requiredSample: first.value });
    else if (second.value !== undefined) schema = inferSchema(second.value);
  } else if (first?.value !== undefined) {
    schema = inferSchema(first.value);
  } else if (body.samples.length === 0 && body.properties.length > 0) {
    schema = { type: 'object', properties: {} };
  }
  if (!schema) return undefined;
  if (body.properties.length > 0) schema = applyBlocks(schema, body.properties);
  if (body.composition) schema[`x-specmill-${kebab(body.composition.kind)}`] = body.composition.names;
  return schema;
}

function kebab(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The blocks printed under a sample say what the sample cannot: descriptions, required, enums, exact types. */
function applyBlocks(schema: JsonObject, blocks: readonly PropertyBlock[]): JsonObject {
  if (schema.type !== 'object') return schema;
  const out: JsonObject = { ...schema };
  const properties: JsonObject = { ...(isObject(out.properties) ? out.properties : {}) };
  const required = new Set(Array.isArray(out.required) ? out.required.filter((r): r is string => typeof r === 'string') : []);
  for (const block of blocks) {
    const existing = Object.hasOwn(properties, block.name) ? properties[block.name] : undefined;
    let property = isObject(existing) ? refineType(existing, block) : blockSchema(block);
    if (block.enum && isObject(existing)) property = withEnum(property, block.enum);
    if (block.description) property = { ...property, description: block.description };
    setOwn(properties, block.name, property);
    if (block.required === true) required.add(block.name);
    if (block.required === false) required.delete(block.name);
  }
  out.properties = properties;
  if (required.size > 0) out.required = [...required];
  else delete out.required;
  return out;
}

/** Placeholders cannot tell integer from number or show formats; the printed type can. */
function refineType(schema: JsonObject, block: PropertyBlock): JsonObject {
  if (!block.type) return schema;
  const printed = schemaFromType(block.type);
  if (schema.type === undefined && schema.anyOf === undefined) return printed;
  const numeric = new Set(['integer', 'number']);
  if (numeric.has(schema.type as string) && numeric.has(printed.type as string)) return { ...schema, ...printed };
  if (schema.type === printed.type && printed.format !== undefined) return { ...schema, format: printed.format };
  if (schema.type === 'array' && printed.type === 'array' && isObject(schema.items) && isObject(printed.items)) {
    return { ...schema, items: mergeSchemas(schema.items, printed.items) };
  }
  return schema;
}

/**
 * The Authorization header of the curl sample or of the header parameters (or an Authentication
 * section that says `bearer`) becomes one security scheme: HTTP bearer or basic when the page says
 * so, else an API key sent in that header.
 */
function buildSecurity(model: PageModel): { name: string; scheme: JsonObject } | undefined {
  const headers = model.curl?.headers ?? [];
  const parameter = model.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'authorization');
  const authorization = headers.find((h) => h.name.toLowerCase() === 'authorization') ?? (parameter && { value: parameter.description ?? '' });
  const said = `${authorization?.value ?? ''} ${model.authentication ?? ''}`;
  if (/\bbearer\b/i.test(said)) return { name: 'bearer', scheme: { type: 'http', scheme: 'bearer' } };
  if (/\bbasic\b/i.test(said)) return { name: 'basic', scheme: { type: 'http', scheme: 'basic' } };
  if (authorization) return { name: 'Authorization', scheme: { type: 'apiKey', in: 'header', name: 'Authorization' } };
  const apiKey = headers.find((h) => /api[-_]?key|auth[-_]?token|access[-_]?token/i.test(h.name));
  if (apiKey) return { name: sanitizeName(apiKey.name), scheme: { type: 'apiKey', in: 'header', name: apiKey.name } };
  return undefined;
}
