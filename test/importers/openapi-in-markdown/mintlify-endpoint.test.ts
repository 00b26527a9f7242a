// Mintlify's resolved endpoint (its older `.md` export) back to the OpenAPI document it came from.
// The project's own specs, resolved the way the export resolves them, keep every fact the fidelity
// harness counts; Mintlify's own words (`enum<string>`, `any`, `file`) become OpenAPI's.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../../generator/core/diagnostics.js';
import { detectFormat, importPage, isImporterFailure } from '../../../generator/importers/index.js';
import { readOperations } from '../../../generator/fidelity/spec-facts.js';
import { isMintlifyEndpoint, rebuildMintlifyEndpoint } from '../../../generator/importers/openapi-in-markdown/mintlify-endpoint.js';
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../../../generator/core/openapi-types.js';
import { fixture, ROOT } from '../../helpers.js';

const located = (value: unknown) => ({ value, locate: (pointer: string) => ({ file: 'p.md', line: 1, pointer }) });

/** What the export does to one schema of a body or response: each property wrapped in `allOf`. */
function toDataSchema(schema: JsonValue, required: boolean): JsonObject {
  if (!isObject(schema) || !isObject(schema.properties)) return { ...(isObject(schema) ? schema : {}), ...(required ? { required: true } : {}) };
  const { properties, required: names, ...rest } = schema;
  const wrapped = Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, { allOf: [value as JsonValue] }]));
  return { ...rest, properties: wrapped, ...(required ? { required: true } : {}), ...(Array.isArray(names) ? { requiredProperties: names } : {}) };
}

function toMedia(content: JsonValue | undefined, required: boolean, description?: string): JsonObject {
  const media: JsonObject = {};
  for (const [type, value] of Object.entries(isObject(content) ? content : {})) {
    const schema = isObject(value) ? value.schema : undefined;
    media[type] = { schemaArray: schema === undefined ? [] : [toDataSchema(schema, required)], ...(description !== undefined ? { description } : {}) };
  }
  if (Object.keys(media).length === 0 && description !== undefined) media['_mintlify/placeholder'] = { schemaArray: [{ type: 'any' }], description };
  return media;
}

/** One operation of a spec as the export writes it. */
function resolveEndpoint(doc: JsonObject, path: string, method: string): JsonObject {
  const item = (doc.paths as JsonObject)[path] as JsonObject;
  const operation = item[method] as JsonObject;
  const parameters: Record<string, JsonObject> = { path: {}, query: {}, header: {}, cookie: {} };
  for (const parameter of [...((item.parameters as JsonValue[]) ?? []), ...((operation.parameters as JsonValue[]) ?? [])]) {
    if (!isObject(parameter) || typeof parameter.in !== 'string' || typeof parameter.name !== 'string') continue;
    parameters[parameter.in]![parameter.name] = { schema: [{ ...(isObject(parameter.schema) ? parameter.schema : {}), required: parameter.required === true }] };
  }
  const body = isObject(operation.requestBody) ? toMedia(operation.requestBody.content, operation.requestBody.required === true) : {};
  const response: JsonObject = {};
  for (const [status, value] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
    response[status] = isObject(value) ? toMedia(value.content, false, typeof value.description === 'string' ? value.description : '') : {};
  }
  return { paths: { path, method, servers: doc.servers ?? [], request: { security: [], parameters, body }, response, deprecated: false, type: 'path' }, components: doc.components ?? {} };
}

function facts(doc: unknown) {
  return readOperations(doc as OpenApiDocument).map((o) => ({
    operation: `${o.method} ${o.path}`,
    parameters: o.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, type: p.type })),
    body: o.body.map((p) => ({ name: p.name, required: p.required, type: p.type })),
    statuses: o.responses.map((r) => ({ status: r.status, properties: r.properties.map((p) => ({ name: p.name, required: p.required, type: p.type })) })),
  }));
}

describe("Mintlify's resolved endpoint", () => {
  it.each(readdirSync(path.join(ROOT, 'specs')).map((api) => path.join('specs', api, 'openapi.yaml')))('keeps the facts of every operation of %s', (file) => {
    const doc = parse(readFileSync(path.join(ROOT, file), 'utf8')) as JsonObject;
    for (const [path_, item] of Object.entries(doc.paths as JsonObject)) {
      for (const method of HTTP_METHODS) {
        if (!isObject((item as JsonObject)[method])) continue;
        const endpoint = resolveEndpoint(doc, path_, method);
        expect(isMintlifyEndpoint(endpoint)).toBe(true);
        const rebuilt = rebuildMintlifyEndpoint(located(endpoint));
        expect(rebuilt.diagnostics).toEqual([]);
        const one: JsonObject = { ...doc, paths: { [path_]: { ...(item as JsonObject), ...Object.fromEntries(HTTP_METHODS.filter((m) => m !== method).map((m) => [m, undefined])) } } };
        expect(facts(rebuilt.parsed!.value)).toEqual(facts(JSON.parse(JSON.stringify(one))));
      }
    }
  });

  it.each([
    ['enum<string>', { type: 'enum<string>', enum: ['a'] }, { type: 'string', enum: ['a'] }],
    ['enum<integer>', { type: 'enum<integer>', enum: [1] }, { type: 'integer', enum: [1] }],
    ['any', { type: 'any', title: 'X' }, { title: 'X' }],
    ['file', { type: 'file' }, { type: 'string', format: 'binary' }],
    ['an OpenAPI type', { type: ['string', 'null'] }, { type: ['string', 'null'] }],
  ])('reads the type %s', (_, given, want) => {
    const endpoint = { paths: { path: '/x', method: 'get', request: { parameters: { query: { q: { schema: [{ ...given, required: false }] } } } }, response: {} } };
    const value = rebuildMintlifyEndpoint(located(endpoint)).parsed!.value as JsonObject;
    expect((((value.paths as JsonObject)['/x'] as JsonObject).get as JsonObject).parameters).toEqual([{ name: 'q', in: 'query', schema: want }]);
  });

  it('is found in JSON as in YAML', async () => {
    const endpoint = { paths: { path: '/pings', method: 'post', request: { parameters: {}, body: {} }, response: { '204': { '_mintlify/placeholder': { schemaArray: [{ type: 'any' }], description: 'Pong.' } } } } };
    const page = { text: `# Ping\n\n\`\`\`json\n${JSON.stringify(endpoint, null, 2)}\n\`\`\`\n`, path: 'ping.md' };
    expect(detectFormat(page)?.name).toBe('openapi-in-markdown');
    const { fragment, diagnostics } = await importPage(page);
    expect(diagnostics).toEqual([]);
    expect((fragment?.paths as JsonObject)['/pings']).toMatchObject({ post: { summary: 'Ping', responses: { '204': { description: 'Pong.' } } } });
  });

  it('never fails on a page cut anywhere: each prefix gives the operation or says why not', async () => {
    const { text } = fixture('openapi-in-markdown', 'mintlify-resolved-endpoint.md');
    const ends = new Set<number>();
    for (let i = text.indexOf('paths:'); i !== -1 && i < text.length; i = text.indexOf('\n', i + 1)) ends.add(i).add(i + 3);
    for (const end of ends) {
      const { fragment, diagnostics } = await importPage({ text: text.slice(0, end), path: 'cut.md' }, 'openapi-in-markdown');
      expect(diagnostics.filter(isImporterFailure)).toEqual([]);
      if (!fragment) expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('takes names from the text as text: `__proto__` names no component and no scheme', () => {
    const body = { 'application/json': { schemaArray: [{ type: 'object', properties: { a: { allOf: [{ type: 'string' }] } }, refIdentifier: '#/components/schemas/__proto__' }] } };
    const security = [{ title: '__proto__', parameters: { header: { 'X-Key': { type: 'apiKey' } } } }];
    const value = rebuildMintlifyEndpoint(located({ paths: { path: '/x', method: 'post', request: { security, body }, response: {} } })).parsed!.value as JsonObject;
    const operation = ((value.paths as JsonObject)['/x'] as JsonObject).post as JsonObject;
    expect((((operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
    expect(operation.security).toEqual([{ 'X-Key': [] }]);
    expect(value.components).toEqual({ securitySchemes: { 'X-Key': { type: 'apiKey', in: 'header', name: 'X-Key' } } });
  });

  it('says what it does not read, where the page has it', () => {
    const endpoint = { paths: { path: '/x', method: 'get', request: { security: [{ title: 'oauth', parameters: { header: { Authorization: { type: 'oauth2' } } } }], callbacks: {} }, response: {}, rateLimit: 10 } };
    const rebuilt = rebuildMintlifyEndpoint(located(endpoint));
    expect(rebuilt.diagnostics.map(formatDiagnostic)).toEqual([
      'p.md:1: warning: the page names the OAuth 2 scheme of "Authorization" but not its flows (at /paths/request/security/0/parameters/header/Authorization)',
      'p.md:1: warning: request.callbacks of the Mintlify endpoint was not read (at /paths/request/callbacks)',
      'p.md:1: warning: paths.rateLimit of the Mintlify endpoint was not read (at /paths/rateLimit)',
    ]);
  });

  it('refuses an endpoint whose method is no HTTP method, at its line', () => {
    const rebuilt = rebuildMintlifyEndpoint(located({ paths: { path: '/x', method: 'fetch' } }));
    expect(rebuilt.parsed).toBeUndefined();
    expect(rebuilt.diagnostics.map(formatDiagnostic)).toEqual(['p.md:1: error: expected `method` to be an HTTP method ("fetch") (at /paths/method)']);
  });
});
