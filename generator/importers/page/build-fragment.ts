// Turns the page model into an OpenAPI 3.1 fragment: one operation, its parameters, body and
// responses as inline schemas, and components only for the schemas the page names.
import { STATUS_CODES } from 'node:http';
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import { FROM_PROSE_EXTENSION, INFERRED_EXTENSION, SOURCE_EXTENSION, isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../../core/openapi-types.js';
import { sourceRef } from '../importer.js';
import type { Position } from './blocks.js';
import { inferSchema, mergeSchemas } from './infer-schema.js';
import type { FieldRow, PageModel, Parameter, Payload, PageResponse } from './assemble-operation.js';
import { compositionExtension } from './body-lines.js';
import { readProseKeywords, withoutKeywordSentences, type ProseKeyword } from './prose-keywords.js';
import type { TypeExpr } from './type-expression.js';
import { formatReference } from '../../spec/references.js';

const DEFAULT_MEDIA_TYPE = 'application/json';

export interface BuildOptions {
  /**
   * `move`: sentences that only state a keyword (`Values are ...`) leave the description once read,
   * for renderers that write them from the schema. `keep` (the default): descriptions stay whole.
   */
  keywordSentences?: 'keep' | 'move';
  /**
   * When a request body is required: `stated` only where the page says so (exports that always
   * state it), `stated-or-fields` (the default) also when it has required fields.
   */
  requiredBody?: 'stated' | 'stated-or-fields';
}

export function buildFragment(model: PageModel, page: string, options: BuildOptions = {}): { fragment: OpenApiDocument; diagnostics: Diagnostic[] } {
  const builder = new SchemaBuilder(page, options);
  const operation: JsonObject = {};
  if (model.title) operation.summary = model.title;
  if (model.description) operation.description = model.description;
  if (model.operationId) operation.operationId = model.operationId;
  const parameters = buildParameters(model, builder);
  if (parameters.length > 0) operation.parameters = parameters;
  const body = model.body && buildRequestBody(model.body, builder);
  if (body) operation.requestBody = body;
  if (model.responses.length > 0) {
    operation.responses = Object.fromEntries(model.responses.map((response) => [response.status, buildResponse(response, builder)]));
  } else {
    builder.warn('the page describes no response status (such as `200 - OK`)', model.at);
  }
  if (model.methodInferred) operation[INFERRED_EXTENSION] = ['method'];
  operation[SOURCE_EXTENSION] = sourceRef(page, model.at.line, model.at.column);

  const fragment: OpenApiDocument = {
    openapi: '3.1.0',
    // A reference page names an operation, not its API, and rarely a version: the page title
    // stands in, and '0.0.0' says that no version was given.
    info: { title: model.title ?? page, version: model.version ?? '0.0.0' },
  };
  if (model.server) fragment.servers = [{ url: model.server }];
  fragment.paths = { [model.path]: { [model.method]: operation } };
  const schemas = builder.components();
  if (Object.keys(schemas).length > 0) fragment.components = { schemas };
  return { fragment, diagnostics: builder.diagnostics };
}

function buildParameters(model: PageModel, builder: SchemaBuilder): JsonObject[] {
  const templated = [...model.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const parameters: JsonObject[] = [];
  const undescribed = templated.filter((name) => !model.parameters.some((p) => p.in === 'path' && p.name === name));
  const unplaced = model.parameters.filter((p) => p.in === 'path' && !templated.includes(p.name));
  // One placeholder no row describes and one path parameter the path does not name: the page calls
  // one parameter by two names (`{document_id}` in the path, `id` in its list).
  const renamed = undescribed.length === 1 && unplaced.length === 1 ? { from: unplaced[0]!, to: undescribed[0]! } : undefined;
  for (const name of undescribed) {
    if (renamed) continue;
    builder.warn(`path parameter "${name}" is not described on the page; it is typed as a string`, model.at);
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string', [INFERRED_EXTENSION]: ['type'] } });
  }
  for (const parameter of model.parameters) {
    if (parameter === renamed?.from) {
      builder.warn(`path parameter "${parameter.name}" does not appear in the path ${model.path}: it is read as its one undescribed placeholder {${renamed.to}}`, parameter.at);
      parameters.push(buildParameter({ ...parameter, name: renamed.to }, builder));
      continue;
    }
    if (parameter.in === 'path' && !templated.includes(parameter.name)) {
      // A path parameter must stand in the path, or the spec is invalid. What a page lists under
      // `URI Parameters` (or wrongly under a path section) and the path does not name is most
      // likely sent in the query: it is read so, marked as assumed, and said.
      builder.warn(`path parameter "${parameter.name}" does not appear in the path ${model.path}: it is read as a query parameter`, parameter.at);
      parameters.push(buildParameter({ ...parameter, in: 'query', inInferred: true }, builder));
      continue;
    }
    parameters.push(buildParameter(parameter, builder));
  }
  // The path's own order first, as a reader of the path expects.
  return parameters.sort((a, b) => Number(b.in === 'path') - Number(a.in === 'path'));
}

function buildParameter(parameter: Parameter, builder: SchemaBuilder): JsonObject {
  const built: JsonObject = { name: parameter.name, in: parameter.in };
  const description = builder.description(parameter.description);
  if (description) built.description = description;
  // Path parameters are always required, whatever the table's column says.
  if (parameter.required || parameter.in === 'path') built.required = true;
  built.schema = builder.fieldSchema(parameter, { withDescription: false });
  if (isObject(built.schema) && built.schema.deprecated === true) {
    delete built.schema.deprecated;
    built.deprecated = true;
  }
  const assumed = [...(parameter.inInferred ? ['in'] : []), ...(parameter.nameInferred ? ['name'] : [])];
  if (assumed.length > 0) built[INFERRED_EXTENSION] = assumed;
  return built;
}

function buildRequestBody(body: Payload, builder: SchemaBuilder): JsonObject | undefined {
  if (body.noBody || (body.rows.length === 0 && !body.type && !body.sample && !body.schemaName)) return undefined;
  const built: JsonObject = {};
  if (body.description) built.description = body.description;
  // A body whose fields are required cannot be left out.
  if (body.required || (builder.options.requiredBody !== 'stated' && body.rows.some((row) => row.required))) built.required = true;
  built.content = body.rows.length === 0 && !body.type && !body.sample ? unshownContent(body, builder) : content(body, builder);
  return built;
}

/** A body the page names (`Returns Job of type(s) application/json`) without showing it: its media types only. */
function unshownContent(payload: Payload, builder: SchemaBuilder): JsonObject {
  builder.warn(`the page names the body ${payload.schemaName?.name ?? ''} but shows no sample or fields of it`, payload.schemaName?.at ?? payload.at);
  const built: JsonObject = {};
  for (const media of [payload.mediaType ?? DEFAULT_MEDIA_TYPE, ...(payload.moreMediaTypes ?? [])]) built[media] = {};
  return built;
}

/**
 * The payload's one media type object. A page that shows fields but names no media type does not
 * say JSON (form-encoded bodies look the same): application/json is then marked as assumed.
 */
function content(payload: Payload, builder: SchemaBuilder): JsonObject {
  let schema = payload.rows.length > 0 || payload.type ? builder.payloadSchema(payload) : sampleSchema(payload);
  // A sample beside the table shows what the table leaves out: its properties join, the table's win.
  if (payload.sample && (payload.rows.length > 0 || payload.type)) schema = builder.withSample(schema, sampleSchema(payload), payload.sample.at);
  if (payload.composition) schema = { ...schema, [compositionExtension(payload.composition.kind)]: payload.composition.names };
  const media: JsonObject = { schema };
  if (!payload.mediaType) media[INFERRED_EXTENSION] = ['media-type'];
  const built: JsonObject = { [payload.mediaType ?? DEFAULT_MEDIA_TYPE]: media };
  // Further media types the page names, whose bodies it does not show.
  for (const other of payload.moreMediaTypes ?? []) if (!(other in built)) built[other] = {};
  return built;
}

/** A payload shown only by its sample: the schema the sample's values give, nothing marked required. */
function sampleSchema(payload: Payload): JsonObject {
  const all = payload.sample ? [payload.sample, ...(payload.moreSamples ?? [])] : [];
  // The samples the page shows come first; what a curl command sends only adds what they leave out.
  const shown = all.filter((sample) => !sample.sent);
  const sent = all.filter((sample) => sample.sent);
  const [first, full, ...rest] = shown;
  let schema: JsonObject;
  if (!first) schema = {};
  // A required-only sample above the full one: the full one's schema, required read off the short one.
  else if (payload.requiredSampleFirst && full) schema = rest.reduce((merged, sample) => mergeSchemas(merged, inferSchema(sample.value)), inferSchema(full.value, { requiredSample: first.value }));
  // Two samples of one payload (a short and a full one, or two examples) show one schema together.
  else schema = shown.slice(1).reduce((merged, sample) => mergeSchemas(merged, inferSchema(sample.value)), inferSchema(first.value));
  for (const sample of sent) schema = Object.keys(schema).length === 0 ? inferSchema(sample.value) : withMissingProperties(schema, inferSchema(sample.value));
  return schema;
}

/** The schema with the properties another shows and it does not; where both show one, its own stays. */
function withMissingProperties(schema: JsonObject, other: JsonObject): JsonObject {
  if (!isObject(schema.properties) || !isObject(other.properties)) return schema;
  const properties: JsonObject = { ...schema.properties };
  for (const [name, property] of Object.entries(other.properties)) if (!Object.hasOwn(properties, name)) properties[name] = property;
  return { ...schema, properties };
}

function buildResponse(response: PageResponse, builder: SchemaBuilder): JsonObject {
  const built: JsonObject = { description: response.description || STATUS_CODES[response.status] || 'Response' };
  if (response.headers.length > 0) {
    built.headers = Object.fromEntries(
      response.headers.map((header) => {
        const object: JsonObject = {};
        if (header.description) object.description = header.description;
        if (header.required) object.required = true;
        object.schema = builder.fieldSchema(header, { withDescription: false });
        return [header.name, object];
      }),
    );
  }
  if (!response.noBody && (response.rows.length > 0 || response.type || response.sample)) built.content = content(response, builder);
  else if (!response.noBody && response.schemaName) built.content = unshownContent(response, builder);
  if (response.statusInferred) built[INFERRED_EXTENSION] = ['status'];
  return built;
}

interface Fields {
  rows: readonly FieldRow[];
  at: Position;
}

class SchemaBuilder {
  readonly diagnostics: Diagnostic[] = [];
  private readonly described = new Map<string, JsonObject>();
  private readonly named = new Map<string, Position>();

  constructor(
    private readonly page: string,
    readonly options: BuildOptions,
  ) {}

  /** A description as the page wrote it, or without its keyword sentences when the options say so. */
  description(text: string): string {
    return this.options.keywordSentences === 'move' ? withoutKeywordSentences(text) : text;
  }

  warn(message: string, at: Position): void {
    this.diagnostics.push(warning(message, { file: this.page, line: at.line, column: at.column }));
  }

  /** Every schema the page names; one it names but never describes is an empty schema. */
  /** The schema with the sample's properties it does not describe; a named schema shown only by it takes them all. */
  withSample(schema: JsonObject, sample: JsonObject, at: Position): JsonObject {
    const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : undefined;
    if (ref !== undefined) {
      const described = this.described.get(ref);
      if (!described && sample.type === 'object') this.described.set(ref, { ...sample, [SOURCE_EXTENSION]: sourceRef(this.page, at.line, at.column) });
      else if (described) this.described.set(ref, this.withSample(described, sample, at));
      return schema;
    }
    if (!isObject(sample.properties) || (schema.type !== 'object' && schema.type !== undefined)) return schema;
    const properties: JsonObject = isObject(schema.properties) ? { ...schema.properties } : {};
    for (const [name, property] of Object.entries(sample.properties)) {
      const own = properties[name];
      if (!(name in properties)) properties[name] = property;
      else if (isObject(own) && isObject(property)) properties[name] = this.fillFromSample(own, property, at);
    }
    return { ...schema, type: 'object', properties };
  }

  /**
   * What a table's row leaves unsaid and the sample shows: the schema a named type stands for, the
   * properties of an `object`, the items of an `array` (`errors` / `array of object` above a sample
   * whose errors have a code and a title). The row's own words win.
   */
  private fillFromSample(own: JsonObject, sample: JsonObject, at: Position): JsonObject {
    // A field the table names without a type: the sample's value shows it.
    if (own.type === undefined && own.$ref === undefined && sample.type !== undefined) return { type: sample.type, ...own };
    if (typeof own.$ref === 'string') {
      // The named schema takes what the sample shows of it; the property keeps its own words.
      this.withSample({ $ref: own.$ref }, sample, at);
      return own;
    }
    if (hasType(own, 'object') && isObject(sample.properties)) return this.withSample(own, sample, at);
    if (hasType(own, 'object') && own.additionalProperties === undefined && isObject(sample.additionalProperties)) return { ...own, additionalProperties: sample.additionalProperties };
    if (hasType(own, 'array') && isObject(sample.items)) {
      return { ...own, items: isObject(own.items) ? this.fillFromSample(own.items, sample.items, at) : sample.items };
    }
    return own;
  }

  components(): JsonObject {
    const schemas: JsonObject = {};
    for (const [name, at] of this.named) {
      const schema = this.described.get(name);
      if (!schema) this.warn(`the page names the schema "${name}" but shows none of its fields`, at);
      schemas[name] = schema ?? { [SOURCE_EXTENSION]: sourceRef(this.page, at.line, at.column) };
    }
    return schemas;
  }

  payloadSchema(payload: Payload): JsonObject {
    const fields = { rows: payload.rows, at: payload.rows[0]?.at ?? payload.at };
    if (payload.type) return this.typeSchema(payload.type, payload.rows.length > 0 ? fields : undefined, payload.at);
    return this.objectSchema(fields.rows);
  }

  objectSchema(rows: readonly FieldRow[]): JsonObject {
    const schema: JsonObject = { type: 'object' };
    if (rows.length === 0) return schema;
    schema.properties = Object.fromEntries(rows.map((row) => [row.name, this.fieldSchema(row, { withDescription: true })]));
    const required = [...new Set(rows.filter((row) => row.required).map((row) => row.name))];
    if (required.length > 0) schema.required = required;
    return schema;
  }

  fieldSchema(row: FieldRow, options: { withDescription: boolean }): JsonObject {
    const fields: Fields | undefined = row.children.length > 0 ? { rows: row.children, at: row.childrenAt ?? row.at } : undefined;
    const built = row.type ? this.typeSchema(row.type, fields, row.at) : fields ? this.objectSchema(fields.rows) : {};
    const { $ref, type, format, ...rest } = built;
    const schema: JsonObject = {};
    if ($ref !== undefined) schema.$ref = $ref;
    if (type !== undefined) schema.type = type;
    if (format !== undefined) schema.format = format;
    const description = this.description(row.description);
    if (options.withDescription && description) schema.description = description;
    Object.assign(schema, rest);
    if (row.default) setDefault(schema, row.default);
    this.applyProse(schema, row);
    if (options.withDescription && row.nameInferred) schema[INFERRED_EXTENSION] = ['name'];
    return applyFlags(schema, row.flags);
  }

  private typeSchema(type: TypeExpr, fields: Fields | undefined, at: Position): JsonObject {
    const holder = fields ? fieldHolder(type) : undefined;
    if (fields && !holder) this.warn('a nested table describes fields of a value whose type holds none; the fields are left out', fields.at);
    return this.schemaOf(type, holder === undefined ? undefined : { holder, fields: fields! }, at);
  }

  private schemaOf(type: TypeExpr, nested: { holder: TypeExpr; fields: Fields } | undefined, at: Position): JsonObject {
    const fields = nested && nested.holder === type ? nested.fields : undefined;
    switch (type.kind) {
      case 'primitive':
        if (fields) {
          const object = this.objectSchema(fields.rows);
          return type.name === 'array' ? { type: 'array', items: object } : object;
        }
        if (type.name === 'any') return {};
        return type.format ? { type: type.name, format: type.format } : { type: type.name };
      case 'array':
        return { type: 'array', items: this.schemaOf(type.items, nested, at) };
      case 'named':
        this.named.set(type.name, this.named.get(type.name) ?? at);
        if (fields) this.describe(type.name, fields);
        return { $ref: formatReference(['components', 'schemas', type.name]) };
      case 'union': {
        const members = type.members.filter((member) => !(member.kind === 'primitive' && member.name === 'null'));
        const nullable = members.length < type.members.length;
        const schemas = members.map((member) => this.schemaOf(member, nested, at));
        if (schemas.length === 0) return { type: 'null' };
        if (schemas.length === 1) return nullable ? withNull(schemas[0]!) : schemas[0]!;
        if (schemas.every((schema) => Object.keys(schema).length === 1 && typeof schema.type === 'string')) {
          return { type: [...new Set(schemas.map((schema) => schema.type as string)), ...(nullable ? ['null'] : [])] };
        }
        return { anyOf: nullable ? [...schemas, { type: 'null' }] : schemas };
      }
    }
  }

  private describe(name: string, fields: Fields): void {
    const schema = this.objectSchema(fields.rows);
    schema[SOURCE_EXTENSION] = sourceRef(this.page, fields.at.line, fields.at.column);
    const earlier = this.described.get(name);
    if (!earlier) {
      this.described.set(name, schema);
      return;
    }
    const strip = ({ [SOURCE_EXTENSION]: _, ...rest }: JsonObject) => JSON.stringify(rest);
    if (strip(earlier) !== strip(schema)) this.warn(`the schema "${name}" is described twice with different fields; the first is kept`, fields.at);
  }

  /** Keywords the description states, each on the schema it constrains, listed in FROM_PROSE_EXTENSION. */
  private applyProse(schema: JsonObject, row: FieldRow): void {
    const keywords = readProseKeywords(row.description);
    const scalar = hasType(schema, 'array') && isObject(schema.items) ? schema.items : schema;
    if (isEnumType(row.type) && !keywords.some((k) => k.keyword === 'enum')) {
      this.warn(`"${row.name}" is an enum but its description lists no values (such as "One of: a, b")`, row.at);
    }
    const touched = new Map<JsonObject, string[]>();
    for (const keyword of keywords) {
      const placed = place(keyword, schema, scalar);
      if (!placed || placed.target[placed.keyword] !== undefined) continue;
      placed.target[placed.keyword] = placed.value;
      touched.set(placed.target, [...(touched.get(placed.target) ?? []), placed.keyword]);
    }
    for (const [target, names] of touched) target[FROM_PROSE_EXTENSION] = names;
  }
}

/** Which schema a prose keyword goes on, under which name and with which value; undefined when none fits. */
function place(keyword: ProseKeyword, schema: JsonObject, scalar: JsonObject): { target: JsonObject; keyword: string; value: JsonValue } | undefined {
  const numeric = hasType(scalar, 'number') || hasType(scalar, 'integer');
  switch (keyword.target) {
    case 'schema':
      return { target: schema, keyword: keyword.keyword, value: keyword.value };
    case 'array':
      if (hasType(schema, 'array')) return { target: schema, keyword: keyword.keyword, value: keyword.value };
      return numeric && keyword.numericKeyword ? { target: scalar, keyword: keyword.numericKeyword, value: keyword.value } : undefined;
    case 'string':
      if (keyword.arrayKeyword && hasType(schema, 'array')) return { target: schema, keyword: keyword.arrayKeyword, value: keyword.value };
      if (!hasType(scalar, 'string') || (keyword.keyword === 'format' && scalar.format !== undefined)) return undefined;
      return { target: scalar, keyword: keyword.keyword, value: keyword.value };
    case 'object': {
      const holder = hasType(schema, 'object') || (schema.type === undefined && schema.$ref === undefined && schema.anyOf === undefined) ? schema : hasType(schema, 'array') && isObject(schema.items) && hasType(schema.items, 'object') ? schema.items : undefined;
      return holder ? { target: holder, keyword: keyword.keyword, value: keyword.value } : undefined;
    }
    case 'number':
      return numeric ? { target: scalar, keyword: keyword.keyword, value: keyword.value } : undefined;
    case 'value': {
      // A printed default of a whole list or object (`[]`) is the array's or object's own.
      if (keyword.exact && keyword.keyword === 'default' && typeof keyword.value === 'object' && keyword.value !== null) {
        const fits = Array.isArray(keyword.value) ? hasType(schema, 'array') : hasType(schema, 'object');
        return fits ? { target: schema, keyword: 'default', value: keyword.value } : undefined;
      }
      if (scalar.$ref !== undefined || scalar.anyOf !== undefined || hasType(scalar, 'object') || hasType(scalar, 'array')) return undefined;
      const value = keyword.keyword === 'enum' ? enumValues(keyword.value, scalar) : defaultValue(keyword.value, scalar, keyword.exact === true);
      return value === undefined ? undefined : { target: scalar, keyword: keyword.keyword, value };
    }
  }
}

/** Values read as the schema's type; a nullable schema's enum must list null to accept it. */
function enumValues(value: JsonValue, scalar: JsonObject): JsonValue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // A nullable schema's `null` among the words is the null value, appended below.
  const words = value.map(String).filter((word) => !(word === 'null' && hasType(scalar, 'null')));
  let typed: JsonValue[] = words;
  if (hasType(scalar, 'integer') || hasType(scalar, 'number')) {
    if (!words.every((word) => /^-?\d+(?:\.\d+)?$/.test(word))) return undefined;
    typed = words.map(Number);
  } else if (hasType(scalar, 'boolean')) {
    if (!words.every((word) => word === 'true' || word === 'false')) return undefined;
    typed = words.map((word) => word === 'true');
  }
  return hasType(scalar, 'null') ? [...typed, null] : typed;
}

/**
 * A default said in prose, kept only when it fits the schema (a word must be one of its enum values);
 * one printed as a literal (`exact`) is taken as the schema's type reads it.
 */
function defaultValue(value: JsonValue, scalar: JsonObject, exact: boolean): JsonValue | undefined {
  if (typeof value === 'number') return hasType(scalar, 'integer') || hasType(scalar, 'number') ? value : exact && hasType(scalar, 'string') ? String(value) : undefined;
  if (typeof value === 'boolean') return hasType(scalar, 'boolean') ? value : exact && hasType(scalar, 'string') ? String(value) : undefined;
  if (exact && typeof value === 'string' && hasType(scalar, 'string')) return !Array.isArray(scalar.enum) || scalar.enum.includes(value) ? value : undefined;
  return Array.isArray(scalar.enum) && scalar.enum.includes(value) ? value : undefined;
}

/** `deprecated`, `nullable`, `read-only`, `write-only` printed beside a type. */
function applyFlags(schema: JsonObject, flags: readonly string[] | undefined): JsonObject {
  if (!flags) return schema;
  let out = schema;
  for (const flag of flags) {
    if (flag === 'deprecated') out.deprecated = true;
    else if (flag === 'read-only') out.readOnly = true;
    else if (flag === 'write-only') out.writeOnly = true;
    else if (flag === 'nullable') out = withNull(out);
  }
  return out;
}

function setDefault(schema: JsonObject, text: string): void {
  const scalar = hasType(schema, 'array') && isObject(schema.items) ? schema.items : schema;
  const literal = text.replace(/^["'`]|["'`]$/g, '');
  if (/^-?\d+(?:\.\d+)?$/.test(literal) && (hasType(scalar, 'integer') || hasType(scalar, 'number'))) schema.default = Number(literal);
  else if ((literal === 'true' || literal === 'false') && hasType(scalar, 'boolean')) schema.default = literal === 'true';
  else if (hasType(scalar, 'string') && literal !== '-') schema.default = literal;
}

function hasType(schema: JsonObject, name: string): boolean {
  return schema.type === name || (Array.isArray(schema.type) && schema.type.includes(name));
}

function withNull(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  // `{}` already admits null; a reference or a union does not.
  if (Object.keys(schema).length === 0) return schema;
  return { anyOf: [schema, { type: 'null' }] };
}

/** The part of a type that a nested table describes: the first object, array of objects or schema name. */
function fieldHolder(type: TypeExpr): TypeExpr | undefined {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'object' || type.name === 'array' || type.name === 'any' ? type : undefined;
    case 'named':
      return type;
    case 'array':
      return fieldHolder(type.items);
    case 'union':
      for (const member of type.members) {
        const holder = fieldHolder(member);
        if (holder) return holder;
      }
      return undefined;
  }
}

function isEnumType(type: TypeExpr | undefined): boolean {
  if (!type) return false;
  if (type.kind === 'primitive') return type.isEnum === true;
  if (type.kind === 'array') return isEnumType(type.items);
  if (type.kind === 'union') return type.members.some(isEnumType);
  return false;
}
