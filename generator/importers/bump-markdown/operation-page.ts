// Reads one Bump.sh operation page (title, `**METHOD /path**`, servers, authentication, parameters,
// bodies, responses) into an OpenAPI 3.1 fragment holding that one operation.
import { error } from '../../diagnostics.js';
import { ERROR_CODES_EXTENSION, HTTP_METHODS, SOURCE_EXTENSION, type JsonObject, type OpenApiDocument } from '../../openapi-types.js';
import { sourceRef, type ImportResult, type Page } from '../importer.js';
import { readPageText, type PageLine } from './page-lines.js';
import { quote, warnAt, type PageReader } from './page-reader.js';
import { collapse, isListItem, matchingParen, readPropertyList, splitTopLevel, type ListItem } from './property-lists.js';
import { addProperties, schemaFromItem, typedSchema } from './schema-lists.js';
import { applyKeywords, readProse } from './schema-text.js';
import { buildSections, type Section } from './sections.js';
import { readSecurity, readServers } from './servers-security.js';

type ParameterIn = 'path' | 'query' | 'header' | 'cookie';

type Kind =
  | { kind: 'servers' | 'security' | 'parameters' | 'responses' | 'body'; rest: string }
  | { kind: 'parameter-group'; in: ParameterIn; rest: string }
  | { kind: 'unknown'; rest: string };

// Section names as Bump.sh writes them, and the older or plainer variants seen on its pages.
const KINDS: [RegExp, (rest: string) => Kind][] = [
  [/^servers\b/i, (rest) => ({ kind: 'servers', rest })],
  [/^(?:authentication(?: methods)?|authorizations?|security)\b/i, (rest) => ({ kind: 'security', rest })],
  [/^parameters\b/i, (rest) => ({ kind: 'parameters', rest })],
  [/^(?:path|url) parameters\b/i, (rest) => ({ kind: 'parameter-group', in: 'path', rest })],
  [/^query(?: string)? parameters\b/i, (rest) => ({ kind: 'parameter-group', in: 'query', rest })],
  [/^header(?:s| parameters)?\b/i, (rest) => ({ kind: 'parameter-group', in: 'header', rest })],
  [/^cookie(?:s| parameters)?\b/i, (rest) => ({ kind: 'parameter-group', in: 'cookie', rest })],
  [/^(?:request )?body\b/i, (rest) => ({ kind: 'body', rest })],
  [/^responses\b/i, (rest) => ({ kind: 'responses', rest })],
];

function classify(title: string): Kind {
  for (const [pattern, make] of KINDS) {
    const match = pattern.exec(title);
    if (match) return make(title.slice(match[0].length));
  }
  return { kind: 'unknown', rest: '' };
}

const METHOD_MARK = new RegExp(`^\\*\\*(${HTTP_METHODS.join('|')})[ \\t]+(/\\S*?)\\*\\*`, 'i');
const FOOTER = /\[Powered by Bump\.sh\]\([^)\s]*\)/i;
const STATUS = /^(\d{3}|[1-5]XX|default)\b[ \t]*:?(.*)$/i;
const MEDIA_TYPE = /^([\w.+-]+\/[\w.+*-]+(?:[ \t]*;[ \t]*[\w.-]+=[^\s;()]+)*)/;
const ERROR_CODE = /\(code:\s*`?([^`()\s]+)`?\s*\)/g;

interface Operation {
  method: string;
  path: string;
  at: PageLine;
  title?: string;
  titleAt?: PageLine;
  description: string;
}

interface OperationParts {
  parameters: JsonObject[];
  requestBody?: JsonObject;
  responses?: JsonObject;
  servers?: JsonObject[];
  security?: { schemes: Record<string, JsonObject>; requirements: JsonObject[] };
}

export function readOperationPage(page: Page): ImportResult {
  const text = readPageText(page.text);
  const reader: PageReader = { page, locate: text.locate, diagnostics: [] };
  const lines = text.lines.map((line) => (FOOTER.test(line.text) ? { ...line, text: line.text.replace(FOOTER, '').trim() } : line));
  const root = buildSections(lines);

  const title = root.children.find((s) => s.level === 1);
  const top = root.children.flatMap((s) => (s === title ? s.children : [s]));
  const operation = readHead(root, title, reader);
  if (!operation) {
    const at = title ? reader.locate(title.at.offset) : { line: 1, column: 1 };
    reader.diagnostics.push(
      error('expected the operation as `**METHOD /path**` (e.g. `**GET /users/{id}**`) under the page\'s `# Title`; found none, so the page cannot be read', {
        file: page.path,
        ...at,
      }),
    );
    return { diagnostics: reader.diagnostics };
  }

  const parts: OperationParts = { parameters: [] };
  for (const section of top) readTopSection(section, parts, reader);
  addTemplateParameters(operation, parts.parameters, reader);

  const op: JsonObject = {};
  if (operation.title) op.summary = operation.title;
  if (operation.description) op.description = operation.description;
  if (parts.parameters.length > 0) op.parameters = parts.parameters;
  if (parts.requestBody) {
    const { description, content, required } = parts.requestBody;
    op.requestBody = { ...(description === undefined ? {} : { description }), content, ...(required === undefined ? {} : { required }) };
  }
  if (parts.responses) op.responses = parts.responses;
  else warnAt(reader, 'no `## Responses` section: the operation has no documented response', operation.at);
  // An empty list would declare the operation public; a section we could not read says nothing of the kind.
  if (parts.security && parts.security.requirements.length > 0) op.security = parts.security.requirements;
  const source = operation.titleAt ?? operation.at;
  const { line, column } = reader.locate(source.offset);
  op[SOURCE_EXTENSION] = sourceRef(page.path, line, column);

  // The page names an operation, not its API, and shows no version: empty values let the merge take
  // them from another page or the config (the normalizer fills what no page gives).
  const fragment: OpenApiDocument = { openapi: '3.1.0', info: { title: '', version: '' } };
  if (parts.servers && parts.servers.length > 0) fragment.servers = parts.servers;
  fragment.paths = { [operation.path]: { [operation.method]: op } };
  if (parts.security && Object.keys(parts.security.schemes).length > 0) fragment.components = { securitySchemes: parts.security.schemes };
  return { fragment, diagnostics: reader.diagnostics };
}

/** The title, the `**METHOD /path**` line and the prose between it and the first section. */
function readHead(root: Section, title: Section | undefined, reader: PageReader): Operation | undefined {
  const beforeTitle = new Set(title ? root.lines : []);
  const candidates = [...root.lines, ...(title?.lines ?? [])];
  let found: { method: string; path: string; at: PageLine } | undefined;
  const prose: string[] = [];
  for (const line of candidates) {
    const match = line.verbatim ? null : METHOD_MARK.exec(line.text);
    if (match && !found) {
      found = { method: (match[1] ?? '').toLowerCase(), path: match[2] ?? '', at: line };
      const rest = line.text.slice(match[0].length).trim();
      if (rest) prose.push(rest);
      continue;
    }
    if (match) {
      warnAt(reader, `a second operation ${quote(line)} on the page is skipped: a Bump.sh page describes one`, line);
      continue;
    }
    if (beforeTitle.has(line)) {
      if (line === root.lines[0]) warnAt(reader, `text before the page's \`# Title\` is skipped: ${quote(line)}`, line);
      continue;
    }
    prose.push(line.text);
  }
  if (!found) return undefined;
  let path = found.path;
  const query = path.indexOf('?');
  if (query !== -1) {
    warnAt(reader, `the path ${JSON.stringify(path)} carries a query string; it is dropped from the path`, found.at);
    path = path.slice(0, query);
  }
  const operation: Operation = { method: found.method, path, at: found.at, description: collapse(prose.join(' ')) };
  if (title?.title) {
    operation.title = collapse(title.title);
    operation.titleAt = title.at;
  } else {
    warnAt(reader, 'the page has no `# Title`; the operation gets no summary', found.at);
  }
  return operation;
}

function readTopSection(section: Section, parts: OperationParts, reader: PageReader): void {
  const kind = classify(section.title);
  const lines = withRest(section, kind.rest);
  switch (kind.kind) {
    case 'servers':
      parts.servers = [...(parts.servers ?? []), ...readServers(section, lines, reader)];
      return;
    case 'security': {
      const read = readSecurity(section, lines, reader);
      parts.security = {
        schemes: { ...(parts.security?.schemes ?? {}), ...read.schemes },
        requirements: [...(parts.security?.requirements ?? []), ...read.requirements],
      };
      return;
    }
    case 'parameters':
      skipProse(lines, section, reader);
      for (const child of section.children) readParameterSection(child, parts, reader);
      return;
    case 'parameter-group':
    case 'body':
      readParameterSection(section, parts, reader);
      return;
    case 'responses':
      skipProse(lines, section, reader);
      parts.responses ??= {};
      for (const child of section.children) readResponse(child, parts.responses, reader);
      return;
    default:
      skipUnknown(section, reader);
  }
}

function readParameterSection(section: Section, parts: OperationParts, reader: PageReader): void {
  const kind = classify(section.title);
  const lines = withRest(section, kind.rest);
  if (kind.kind === 'parameter-group') {
    skipChildren(section, reader);
    const list = readPropertyList(lines);
    if (list.intro && list.introAt) warnAt(reader, `text before the first parameter under ${quote(section.at)} is skipped`, list.introAt);
    for (const item of list.items) addParameter(parts.parameters, parameterFromItem(item, kind.in, reader), item, reader);
    return;
  }
  if (kind.kind === 'body') {
    skipChildren(section, reader);
    const body = readBody(section, kind.rest, reader);
    parts.requestBody ??= { content: {} };
    const content = parts.requestBody.content as JsonObject;
    if (content[body.mediaType]) {
      warnAt(reader, `a second request body for ${body.mediaType} is skipped`, section.at);
      return;
    }
    content[body.mediaType] = { schema: body.schema };
    if (body.description && parts.requestBody.description === undefined) parts.requestBody.description = body.description;
    if (body.required) parts.requestBody.required = true;
    return;
  }
  skipUnknown(section, reader);
}

function parameterFromItem(item: ListItem, location: ParameterIn, reader: PageReader): JsonObject {
  const schema = schemaFromItem(item, reader);
  const parameter: JsonObject = { name: item.name, in: location };
  if (typeof schema.description === 'string') {
    parameter.description = schema.description;
    delete schema.description;
  }
  // OpenAPI requires path parameters to be required, whatever the page marks.
  if (location === 'path' || item.required) parameter.required = true;
  if (schema.deprecated === true) {
    parameter.deprecated = true;
    delete schema.deprecated;
  }
  parameter.schema = schema;
  return parameter;
}

function addParameter(parameters: JsonObject[], parameter: JsonObject, item: ListItem, reader: PageReader): void {
  const twin = parameters.find((p) => p.in === parameter.in && String(p.name).toLowerCase() === String(parameter.name).toLowerCase());
  if (twin) warnAt(reader, `${String(parameter.in)} parameter **${item.name}** is listed twice; the first one is kept`, item.at);
  else parameters.push(parameter);
}

/** Every `{name}` in the path is a parameter, even when the page lists none. */
function addTemplateParameters(operation: Operation, parameters: JsonObject[], reader: PageReader): void {
  for (const match of operation.path.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1] ?? '';
    if (parameters.some((p) => p.in === 'path' && p.name === name)) continue;
    warnAt(reader, `path parameter {${name}} is not described on the page; it is assumed to be a string`, operation.at);
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  for (const parameter of parameters) {
    if (parameter.in === 'path' && !operation.path.includes(`{${String(parameter.name)}}`)) {
      warnAt(reader, `path parameter **${String(parameter.name)}** does not appear in ${operation.path}`, operation.at);
    }
  }
}

interface Body {
  mediaType: string;
  schema: JsonObject;
  description: string;
  required: boolean;
}

/** `Body: application/json (object) description` and its property list; older pages put `Content-type: x` on the next line. */
function readBody(section: Section, rest: string, reader: PageReader): Body {
  let head = rest.replace(/^[ \t]*parameters\b/i, '').replace(/^[ \t]*:/, '').trim();
  let lines = section.lines;
  let mediaType = MEDIA_TYPE.exec(head)?.[1];
  if (mediaType) head = head.slice(mediaType.length).trim();
  else {
    const declared = lines.findIndex((l) => /^content-type:\s*\S+/i.test(l.text));
    if (declared !== -1) {
      mediaType = /^content-type:\s*(\S+)/i.exec(lines[declared]?.text ?? '')?.[1];
      lines = lines.filter((_, i) => i !== declared);
    }
  }
  if (!mediaType) {
    warnAt(reader, `no media type after ${quote(section.at)}; application/json is assumed`, section.at);
    mediaType = 'application/json';
  }
  let type: string | undefined;
  let required = false;
  if (head.startsWith('(')) {
    const close = matchingParen(head, 0);
    if (close !== -1) {
      const [first, ...flags] = splitTopLevel(head.slice(1, close), ',');
      type = first?.trim() || undefined;
      required = flags.some((f) => f.trim().toLowerCase() === 'required');
      head = head.slice(close + 1).trim();
    }
  }
  const mark = /^Required\b(?![ \t]+(?:if|when|unless)\b)[.:]?/.exec(head);
  if (mark) {
    required = true;
    head = head.slice(mark[0].length).trim();
  }
  const list = readPropertyList(lines);
  const schema = typedSchema(type, undefined, reader, section.at);
  if (list.items.length > 0) addProperties(schema, list.items, reader);
  // Keyword sentences describe the schema; what is left describes the body.
  const { description, keywords } = readProse(collapse(`${head} ${list.intro}`), schema);
  applyKeywords(schema, keywords);
  return { mediaType, schema, description, required };
}

function readResponse(section: Section, responses: JsonObject, reader: PageReader): void {
  const status = STATUS.exec(section.title);
  if (!status) {
    skipUnknown(section, reader);
    return;
  }
  const raw = status[1] ?? '';
  const code = raw.toLowerCase() === 'default' ? 'default' : raw.toUpperCase();
  if (responses[code]) {
    warnAt(reader, `a second response ${code} is skipped`, section.at);
    return;
  }
  const prose: string[] = [status[2] ?? ''];
  for (const line of section.lines) {
    if (isListItem(line)) warnAt(reader, `a property listed directly under ${quote(section.at)} is skipped: expected it under \`#### Body\``, line);
    else prose.push(line.text);
  }
  const description = collapse(prose.join(' '));
  const response: JsonObject = { description };
  for (const child of section.children) {
    const kind = classify(child.title);
    const lines = withRest(child, kind.rest);
    if (kind.kind === 'parameter-group' && kind.in === 'header') {
      skipChildren(child, reader);
      const list = readPropertyList(lines);
      if (list.intro && list.introAt) warnAt(reader, `text before the first header under ${quote(child.at)} is skipped`, list.introAt);
      const headers: JsonObject = (response.headers as JsonObject | undefined) ?? {};
      for (const item of list.items) {
        if (headers[item.name]) {
          warnAt(reader, `response header **${item.name}** is listed twice; the first one is kept`, item.at);
          continue;
        }
        headers[item.name] = headerFromItem(item, reader);
      }
      response.headers = headers;
    } else if (kind.kind === 'body') {
      skipChildren(child, reader);
      const body = readBody(child, kind.rest, reader);
      const content: JsonObject = (response.content as JsonObject | undefined) ?? {};
      if (content[body.mediaType]) {
        warnAt(reader, `a second ${code} body for ${body.mediaType} is skipped`, child.at);
        continue;
      }
      if (body.description) body.schema.description = body.description;
      content[body.mediaType] = { schema: body.schema };
      response.content = content;
    } else {
      skipUnknown(child, reader);
    }
  }
  const codes = [...new Set([...description.matchAll(ERROR_CODE)].map((m) => m[1] ?? ''))].filter(Boolean);
  if (codes.length > 0) response[ERROR_CODES_EXTENSION] = codes;
  responses[code] = response;
}

function headerFromItem(item: ListItem, reader: PageReader): JsonObject {
  const schema = schemaFromItem(item, reader);
  const header: JsonObject = {};
  if (typeof schema.description === 'string') {
    header.description = schema.description;
    delete schema.description;
  }
  if (item.required) header.required = true;
  header.schema = schema;
  return header;
}

/** A section's lines, led by whatever a flattened page ran into its heading after the section's name. */
function withRest(section: Section, rest: string): PageLine[] {
  const text = rest.trim();
  if (!text) return section.lines;
  const offset = section.at.offset + Math.max(0, section.at.text.lastIndexOf(text));
  return [{ text, indent: 0, offset, verbatim: false }, ...section.lines];
}

function skipProse(lines: readonly PageLine[], section: Section, reader: PageReader): void {
  const first = lines[0];
  if (first) warnAt(reader, `text directly under ${quote(section.at)} is skipped: ${quote(first)}`, first);
}

function skipChildren(section: Section, reader: PageReader): void {
  for (const child of section.children) skipUnknown(child, reader);
}

function skipUnknown(section: Section, reader: PageReader): void {
  warnAt(reader, `section ${quote(section.at)} is not one a Bump.sh operation page has; its content is skipped`, section.at);
}
