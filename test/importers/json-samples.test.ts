// The json-samples profile of the page model: each fixture's fragment as a file snapshot, the seed
// against the facts its official operation has, flattened and line-broken pages read alike, sidebars
// left out and reported, every block used or reported, located diagnostics, detection against the
// other seeds, and no input that makes it throw or work more than in proportion to its size.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { seedPath } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../generator/core/diagnostics.js';
import type { ImportResult, Page } from '../../generator/importers/importer.js';
import { jsonSamplesImporter } from '../../generator/importers/json-samples.js';
import { isObject, SOURCE_EXTENSION, type JsonObject, type JsonValue } from '../../generator/core/openapi-types.js';
import { growthOfRegexWork } from '../support/regex-work.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'json-samples');
const SEED = '004_68b5ddc88128bc58.txt';

function fixture(name: string): Page {
  return { text: readFileSync(join(fixtures, name), 'utf8'), path: name };
}

function seedPage(): Page {
  return { text: readFileSync(seedPath(SEED), 'utf8'), path: 'sources/create-service-instance.txt' };
}

function read(page: Page): ImportResult {
  return jsonSamplesImporter.importPage(page) as ImportResult;
}

function operationOf(result: ImportResult, path: string, method: string): JsonObject {
  const paths = result.fragment?.paths;
  const item = isObject(paths) ? paths[path] : undefined;
  const operation = isObject(item) ? item[method] : undefined;
  if (!isObject(operation)) throw new Error(`no ${method} ${path} in the fragment`);
  return operation;
}

function schemaOf(result: ImportResult, name: string): JsonObject {
  const components = result.fragment?.components;
  const schemas = isObject(components) ? components.schemas : undefined;
  const schema = isObject(schemas) ? schemas[name] : undefined;
  if (!isObject(schema)) throw new Error(`no components.schemas.${name} in the fragment`);
  return schema;
}

/** Follows `a.b.c` through plain objects. */
function at(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let current = value;
  for (const key of path.split('.')) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** The fragment without `x-specmill-source`, which differs between a page's two forms. */
function withoutSources(value: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => withoutSources(v) ?? null);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) if (key !== SOURCE_EXTENSION) out[key] = withoutSources(v);
  return out;
}

/** Every string with its whitespace made single spaces. */
function withoutBreaks(value: JsonValue | undefined): JsonValue | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ');
  if (Array.isArray(value)) return value.map((v) => withoutBreaks(v) ?? null);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withoutBreaks(v) ?? null]));
}

function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity}: ${d.message}`);
}

const snapshot = (name: string) => join(here, '__snapshots__', 'json-samples', `${name.replace(/\.\w+$/, '')}.yaml`);

describe('json-samples fixtures', () => {
  const files = [
    'get-query-parameters.txt',
    'delete-202-job-location.txt',
    'patch-one-sample.txt',
    'map-sample.txt',
    'free-form-object.txt',
    'nested-objects-arrays.txt',
    'enums-in-prose.txt',
    'sidebar.txt',
    'sidebar-without-code-sample.txt',
    'flattened-create-service-instance.txt',
    'flattened-list-service-instances.txt',
    'header-parameters-media-types.txt',
  ];

  // Only the page without a curl sample cannot tell how the operation authenticates; a sidebar of
  // other operations is left out, and said so once.
  const NO_METHOD = /^warning: the page has an authentication section but names no method/;
  const NAVIGATION = /^warning: a list of other operations \(site navigation, \d+ blocks\) was not read$/;
  const expected: Record<string, RegExp[]> = {
    'sidebar.txt': [NAVIGATION],
    'sidebar-without-code-sample.txt': [NO_METHOD, NAVIGATION],
    'flattened-create-service-instance.txt': [NAVIGATION],
    'flattened-list-service-instances.txt': [NAVIGATION],
  };

  it.each(files)('%s', async (file) => {
    const result = read(fixture(file));
    expect(messages(result.diagnostics)).toEqual((expected[file] ?? []).map((m) => expect.stringMatching(m)));
    await expect(stringify(result.fragment, { lineWidth: 0 })).toMatchFileSnapshot(snapshot(file));
  });

  it('the seed page', async () => {
    const result = read(seedPage());
    expect(result.diagnostics).toEqual([]);
    await expect(stringify(result.fragment, { lineWidth: 0 })).toMatchFileSnapshot(snapshot('seed-create-service-instance'));
  });
});

describe('the seed page (Cloud Foundry, POST /v3/service_instances)', () => {
  const result = read(seedPage());
  const operation = operationOf(result, '/v3/service_instances', 'post');

  it('is an OpenAPI 3.1 fragment whose info has a version though the page names none', () => {
    expect(result.fragment?.openapi).toBe('3.1.0');
    expect(result.fragment?.info).toEqual({ title: 'Create Service Instance', version: '0.0.0' });
  });

  it('turns {api_host} into a server variable, the origin only, and keeps /v3 in the path', () => {
    expect(result.fragment?.servers).toEqual([{ url: 'https://{api_host}', variables: { api_host: { default: 'api.example.local' } } }]);
  });

  it('takes the title as summary, the prose as description, and leaves operationId to the normalizer', () => {
    expect(operation.summary).toBe('Create Service Instance');
    // The title printed twice and restated in sentence case is the summary; the two paragraphs under it stay two.
    expect(operation.description).toMatch(/^This endpoint creates a new service instance\. .*\n\nIf failures occur .* OSBAPI specification$/s);
    expect(operation.operationId).toBeUndefined();
    expect(operation[SOURCE_EXTENSION]).toBe('sources/create-service-instance.txt:12:1');
  });

  it('names the request body from the page and reads required properties off the short sample', () => {
    expect(operation.requestBody).toEqual({
      description: 'A request to create a service instance',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ServiceInstanceCreateRequestBody' } } },
    });
    const body = schemaOf(result, 'ServiceInstanceCreateRequestBody');
    expect(body.required).toEqual(['type', 'name', 'relationships']);
    expect(at(body, 'properties.relationships.required')).toEqual(['space']);
    expect(at(body, 'properties.relationships.properties.space.required')).toBeUndefined();
    expect(Object.keys(at(body, 'properties') as JsonObject)).toEqual([
      'type', 'name', 'parameters', 'credentials', 'tags', 'syslog_drain_url', 'route_service_url', 'relationships', 'metadata',
    ]);
    expect(at(body, 'properties.parameters')).toEqual({ type: 'object' });
    expect(at(body, 'properties.tags')).toEqual({ type: 'array', items: { type: 'string' } });
    // The curl sample sends `"relationships": "object"`, a placeholder: the page's own samples say what it is.
    expect(at(body, 'properties.relationships.type')).toBe('object');
    expect(at(body, 'properties.metadata.properties.labels')).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(body[SOURCE_EXTENSION]).toBe('sources/create-service-instance.txt:19:1');
  });

  it('returns the named model for 201 and notes the classes it is made of', () => {
    expect(at(operation, 'responses.201')).toEqual({
      description: 'User Provided Service instance created',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/UserProvidedServiceInstance' } } },
    });
    const model = schemaOf(result, 'UserProvidedServiceInstance');
    expect(model['x-specmill-all-of']).toEqual(['BaseSchema']);
    expect(model.required).toBeUndefined();
    expect(at(model, 'properties.links.properties.self')).toEqual({ type: 'object', properties: { href: { type: 'string' }, method: { type: 'string' } } });
  });

  it('keeps 202 as a Location header without content', () => {
    expect(at(operation, 'responses.202')).toEqual({
      description: 'Service instance creation in progress',
      headers: { Location: { description: 'URL of the job that is creating the service instance', schema: { type: 'string' } } },
    });
  });

  it('makes the error envelope repeated for 400..503 one component that every status references', () => {
    const statuses = ['400', '401', '403', '409', '422', '500', '503'];
    for (const status of statuses) {
      const content = at(operation, `responses.${status}.content`) as JsonObject;
      expect(content['application/json']).toEqual({ schema: { $ref: '#/components/schemas/Errors' } });
    }
    expect(at(operation, 'responses.500.description')).toBe('Internal Server Error');
    const components = at(result.fragment, 'components.schemas') as JsonObject;
    expect(Object.keys(components)).toEqual(['ServiceInstanceCreateRequestBody', 'UserProvidedServiceInstance', 'Errors']);
    expect(at(components, 'Errors.properties.errors.items.properties.code')).toEqual({ type: 'integer' });
  });

  it('turns the curl sample\'s Authorization header into a security scheme the operation requires', () => {
    expect(result.fragment?.components?.valueOf()).toMatchObject({
      securitySchemes: { Authorization: { type: 'apiKey', in: 'header', name: 'Authorization' } },
    });
    expect(operation.security).toEqual([{ Authorization: [] }]);
  });
});

describe('what the other pages carry', () => {
  it('query parameters: arrays written `string of array`, integers, enums in prose, nothing required', () => {
    const operation = operationOf(read(fixture('get-query-parameters.txt')), '/v3/service_instances', 'get');
    const parameters = operation.parameters as JsonObject[];
    expect(parameters.map((p) => p.name)).toEqual([
      'names', 'guids', 'type', 'space_guids', 'organization_guids', 'service_plan_guids', 'page', 'per_page', 'order_by', 'label_selector', 'created_ats', 'fields',
    ]);
    expect(parameters.every((p) => p.in === 'query' && p.required === undefined)).toBe(true);
    expect(parameters[0]?.schema).toEqual({ type: 'array', items: { type: 'string' } });
    expect(parameters[2]).toEqual({
      name: 'type',
      in: 'query',
      description: "Filter by type; valid values are 'managed' and 'user-provided'",
      schema: { type: 'string', enum: ['managed', 'user-provided'], 'x-specmill-from-prose': ['enum'] },
    });
    expect(parameters.find((p) => p.name === 'page')?.schema).toEqual({ type: 'integer' });
  });

  it('a list: required from the blocks under the sample, an array of objects, the named type a component', () => {
    const result = read(fixture('get-query-parameters.txt'));
    const list = schemaOf(result, 'ServiceInstanceList');
    expect(list.required).toEqual(['pagination', 'resources']);
    // The page types `pagination` as `Pagination`; its sample shows what that schema holds.
    expect(at(list, 'properties.pagination')).toEqual({ $ref: '#/components/schemas/Pagination', description: 'pagination' });
    expect(at(schemaOf(result, 'Pagination'), 'properties.total_results')).toEqual({ type: 'integer' });
    expect(at(list, 'properties.resources.type')).toBe('array');
    expect(at(list, 'properties.resources.items.properties.upgrade_available')).toEqual({ type: 'boolean' });
    expect(at(list, 'properties.resources.description')).toBe('resources');
  });

  it('DELETE: a path parameter, a boolean query parameter, 202 with the job Location, 204 without body', () => {
    const operation = operationOf(read(fixture('delete-202-job-location.txt')), '/v3/service_instances/{guid}', 'delete');
    expect(operation.parameters).toEqual([
      { name: 'guid', in: 'path', description: 'The unique identifier for the resource', required: true, schema: { type: 'string' } },
      {
        name: 'purge',
        in: 'query',
        description: 'If true, deletes the service instance and all associated resources without any interaction with the service broker.',
        schema: { type: 'boolean' },
      },
    ]);
    expect(at(operation, 'responses.202')).toEqual({
      description: 'Accepted',
      headers: { Location: { description: 'URL of the job that is deleting the service instance', schema: { type: 'string' } } },
    });
    expect(at(operation, 'responses.204')).toEqual({ description: 'No Content' });
    expect(operation.requestBody).toBeUndefined();
  });

  it('PATCH with one sample: a required body whose properties are not required, a path enum in prose', () => {
    const result = read(fixture('patch-one-sample.txt'));
    const operation = operationOf(result, '/v3/feature_flags/{name}', 'patch');
    expect(at(operation, 'requestBody.required')).toBe(true);
    const body = schemaOf(result, 'FeatureFlagUpdateRequestBody');
    expect(body).toEqual({
      type: 'object',
      properties: { enabled: { type: 'boolean' }, custom_error_message: { type: 'string' } },
      [SOURCE_EXTENSION]: 'patch-one-sample.txt:25:1',
    });
    const name = (operation.parameters as JsonObject[])[0];
    expect(at(name, 'schema.enum')).toHaveLength(18);
    expect(name?.required).toBe(true);
  });

  it('a map sample becomes additionalProperties, in the request and the response alike', () => {
    const result = read(fixture('map-sample.txt'));
    const map = { type: 'object', additionalProperties: { type: 'string' } };
    expect(at(schemaOf(result, 'AppEnvironmentVariablesUpdate'), 'properties.var')).toEqual({
      ...map,
      description: 'Environment variables to inject; keys and values must be strings',
    });
    expect(at(schemaOf(result, 'AppEnvironmentVariables'), 'properties.var')).toEqual(map);
  });

  it('`{}` returned under a stand-in name stays an inline free-form object', () => {
    const result = read(fixture('free-form-object.txt'));
    const operation = operationOf(result, '/v3/service_instances/{guid}/parameters', 'get');
    expect(at(operation, 'responses.200.content')).toEqual({ 'application/json': { schema: { type: 'object' } } });
    expect(Object.keys(at(result.fragment, 'components.schemas') as JsonObject)).toEqual(['Errors']);
  });

  it('nested objects and arrays of objects: required deep down, formats from real values, items joined', () => {
    const result = read(fixture('nested-objects-arrays.txt'));
    const create = schemaOf(result, 'DeploymentCreate');
    expect(create.required).toEqual(['relationships']);
    expect(at(create, 'properties.relationships.properties.app.properties.data.required')).toEqual(['guid']);
    expect(at(create, 'properties.options.properties.canary.properties.steps.items.properties.instance_weight')).toEqual({ type: 'integer' });
    const deployment = schemaOf(result, 'Deployment');
    expect(at(deployment, 'properties.guid')).toEqual({ type: 'string', format: 'uuid' });
    expect(at(deployment, 'properties.created_at')).toEqual({ type: 'string', format: 'date-time' });
    expect(at(deployment, 'properties.status.properties.value')).toEqual({ type: 'string' });
    expect(at(deployment, 'properties.options.properties.canary.properties.steps.items.properties.instance_weight')).toEqual({ type: 'number' });
    expect(Object.keys(at(deployment, 'properties.new_processes.items.properties') as JsonObject)).toEqual(['guid', 'type', 'command']);
    expect(at(deployment, 'properties.previous_droplet')).toEqual({});
  });

  it('enums in prose on query parameters (items of arrays, integers) and on response properties', () => {
    const result = read(fixture('enums-in-prose.txt'));
    const parameters = operationOf(result, '/v3/jobs/{guid}', 'get').parameters as JsonObject[];
    expect(at(parameters[1], 'schema.items.enum')).toEqual(['space', 'space.organization']);
    expect(at(parameters[2], 'schema.enum')).toEqual([0, 1, 2]);
    expect(parameters[2]?.description).toBe('How deep to include related resources');
    const job = schemaOf(result, 'Job');
    expect(at(job, 'properties.state')).toEqual({
      type: 'string',
      enum: ['PROCESSING', 'POLLING', 'COMPLETE', 'FAILED'],
      'x-specmill-from-prose': ['enum'],
      description: 'State of the job',
    });
    expect(job.required).toEqual(['operation', 'state']);
  });

  it('header parameters, an Authorization header parameter as security, headers before the body, two media types', () => {
    const result = read(fixture('header-parameters-media-types.txt'));
    const operation = operationOf(result, '/v3/packages/{guid}/upload', 'post');
    expect((operation.parameters as JsonObject[]).map((p) => `${p.in} ${p.name}`)).toEqual(['path guid', 'header X-Request-Id']);
    expect(operation.security).toEqual([{ Authorization: [] }]);
    expect(operation.description).toBe('Upload bits for a package\n\nUpload a zip of bits.');
    expect(at(operation, 'responses.200.headers')).toEqual({ 'X-RateLimit-Remaining': { description: 'Requests left', schema: { type: 'string' } } });
    expect(at(operation, 'responses.200.content')).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Package' } },
      'text/html': {},
    });
    expect(schemaOf(result, 'Package')['x-specmill-one-of']).toEqual(['BitsPackage', 'DockerPackage']);
  });

  it('a bearer Authorization header becomes an HTTP bearer scheme', () => {
    const result = read(fixture('enums-in-prose.txt'));
    expect(at(result.fragment, 'components.securitySchemes')).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(operationOf(result, '/v3/jobs/{guid}', 'get').security).toEqual([{ bearer: [] }]);
  });
});

describe('line breaks', () => {
  const pairs: [flattened: string, lineBroken: Page][] = [
    ['flattened-create-service-instance.txt', seedPage()],
    ['flattened-list-service-instances.txt', fixture('get-query-parameters.txt')],
  ];

  it.each(pairs)('%s reads like its line-broken copy, apart from source positions', (flattened, lineBroken) => {
    const flat = read(fixture(flattened));
    const broken = read(lineBroken);
    // The flattened copies end with a sidebar, which the line-broken ones lack; and a page flattened
    // onto one line has lost the breaks between its paragraphs.
    expect(messages(flat.diagnostics)).toEqual([expect.stringMatching(/site navigation/)]);
    expect(broken.diagnostics).toEqual([]);
    expect(withoutBreaks(withoutSources(flat.fragment))).toEqual(withoutBreaks(withoutSources(broken.fragment)));
  });

  it('gives real columns on a one-line page', () => {
    const result = read(fixture('flattened-create-service-instance.txt'));
    const text = fixture('flattened-create-service-instance.txt').text;
    expect(operationOf(result, '/v3/service_instances', 'post')[SOURCE_EXTENSION]).toBe(`flattened-create-service-instance.txt:1:${text.indexOf('POST https://') + 1}`);
    expect(schemaOf(result, 'UserProvidedServiceInstance')[SOURCE_EXTENSION]).toBe(
      `flattened-create-service-instance.txt:1:${text.indexOf('UserProvidedServiceInstance of type(s)') + 1}`,
    );
  });
});

describe('sidebars', () => {
  it.each(['sidebar.txt', 'sidebar-without-code-sample.txt', 'flattened-list-service-instances.txt'])('nothing of the sidebar reaches the operation (%s)', (file) => {
    const result = read(fixture(file));
    const text = JSON.stringify(result.fragment);
    expect(text).not.toMatch(/Sidebar|leak|Service Plans|List service plans|Delete a service instance/);
    expect(messages(result.diagnostics).filter((m) => !m.includes('names no method'))).toEqual([expect.stringMatching(/^warning: a list of other operations \(site navigation/)]);
  });

  it('reports the sidebar once, where it starts', () => {
    const result = read(fixture('sidebar.txt'));
    expect(result.coverage?.unread).toEqual([{ kind: expect.stringMatching(/^a list of other operations/), at: { line: 59, column: 1 }, section: '' }]);
  });

  it('keeps the last response whole when the sidebar follows it directly', () => {
    const result = read(fixture('sidebar-without-code-sample.txt'));
    const operation = operationOf(result, '/v3/service_instances/{guid}', 'get');
    expect(Object.keys(operation.responses as JsonObject)).toEqual(['200', '404']);
    expect(at(schemaOf(result, 'Errors'), 'properties.errors.description')).toBe('errors');
    // Without a curl sample there is no placeholder: the page's own origin is the server.
    expect(result.fragment?.servers).toEqual([{ url: 'https://api.example.local' }]);
  });
});

describe('coverage', () => {
  const pages: [what: string, page: Page][] = [['the seed', seedPage()], ...['delete-202-job-location.txt', 'header-parameters-media-types.txt', 'flattened-list-service-instances.txt'].map((file): [string, Page] => [file, fixture(file)])];
  it.each(pages)(
    '%s: every block used or reported',
    (_what, page) => {
      const coverage = read(page).coverage!;
      const reported = coverage.unread.length;
      // A sidebar is one report for all its blocks; nothing else is left unread.
      expect(coverage.unread.every((u) => u.kind.startsWith('a list of other operations'))).toBe(true);
      expect(coverage.used + (reported > 0 ? Number(/(\d+) blocks/.exec(coverage.unread[0]!.kind)![1]) : 0)).toBe(coverage.blocks);
    },
  );
});

describe('pages it cannot fully read', () => {
  it('a broken JSON sample: read as docs write JSON, a warning at the page\'s line and column, the rest still read', async () => {
    const result = read(fixture('broken-json-sample.txt'));
    await expect(stringify(result.fragment, { lineWidth: 0 })).toMatchFileSnapshot(snapshot('broken-json-sample'));
    expect(result.diagnostics).toEqual([
      { severity: 'warning', message: 'expected "," or "}" after the member "name"', location: { file: 'broken-json-sample.txt', line: 42, column: 5 } },
    ]);
    const operation = operationOf(result, '/v3/feature_flags/{name}', 'patch');
    expect(at(operation, 'responses.200.content')).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/FeatureFlag' } } });
    expect(Object.keys(at(schemaOf(result, 'FeatureFlag'), 'properties') as JsonObject)).toEqual(['name', 'enabled', 'updated_at', 'custom_error_message', 'links']);
    expect(at(operation, 'responses.400.content')).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } });
  });

  it('an unclosed sample on a flattened page: its complete members kept, a warning where the page cut it off', async () => {
    const page = fixture('broken-json-sample-flattened.txt');
    const result = read(page);
    await expect(stringify(result.fragment, { lineWidth: 0 })).toMatchFileSnapshot(snapshot('broken-json-sample-flattened'));
    const sample = '{"enabled":false,"custom_error_message":"string"';
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(/^the JSON is cut off before its end/),
        location: { file: 'broken-json-sample-flattened.txt', line: 1, column: page.text.indexOf(sample) + sample.length + 1 },
      },
    ]);
    expect(Object.keys(at(schemaOf(result, 'FeatureFlagUpdateRequestBody'), 'properties') as JsonObject)).toEqual(['enabled', 'custom_error_message']);
    expect(Object.keys(operationOf(result, '/v3/feature_flags/{name}', 'patch').responses as JsonObject)).toEqual(['200', '400', '404']);
  });

  const cases: [what: string, text: string, message: RegExp, where: { line: number; column: number }][] = [
    ['no response', 'GET\nhttps://h.example/a\n', /describes no response status/, { line: 1, column: 1 }],
    ['no method and URL', 'Create Thing\n\nCreate Thing\nReturns Thing of type(s) application/json\n{}\n', /expected an operation line such as `POST \/path`/, { line: 1, column: 1 }],
    ['a body named under no status', 'T\n\nT\nGET\nhttps://h.example/a\nReturns A of type(s) application/json\n{"a": "string"}\n', /stands under no status code/, { line: 6, column: 1 }],
    ['a JSON body without a sample', 'T\n\nT\nGET\nhttps://h.example/a\nResponses\n200\n\nOK\n\nReturns A of type(s) application/json\n\n400\n', /names the body A but shows no sample or fields of it/, { line: 11, column: 9 }],
    ['no responses at all', 'T\n\nT\nPOST\nhttps://h.example/a\nRequest Body\nA of type(s) application/json\n{"a": "string"}\n', /describes no response status/, { line: 4, column: 1 }],
    [
      'an Authentication section without a method',
      'T\n\nT\nGET\nhttps://h.example/a\nAuthentication\nThis operation uses the following authentication methods.\nResponses\n204\n\nNo Content\n\nOperation doesn\'t return any data structure\n',
      /authentication section but names no method/,
      { line: 6, column: 1 },
    ],
    ['a path parameter missing from the path', 'T\n\nT\nGET\nhttps://h.example/a\nPath Parameters\nstring\nid\nRequired\n\nThe id\nResponses\n204\n\nNo Content\n\nOperation doesn\'t return any data structure\n', /path parameter "id" does not appear in the path \/a/, { line: 8, column: 1 }],
    ['a sample nested too deep for the reader', `GET https://h.example/a\n200\nOK\nReturns A of type(s) application/json\n${'['.repeat(500)}${']'.repeat(500)}`, /a sample was not read: the document nests deeper than 200 levels/, { line: 5, column: 201 }],
  ];

  it.each(cases)('%s: a located diagnostic saying what was expected', (_what, text, message, where) => {
    const result = read({ text, path: 'p.txt' });
    const found = result.diagnostics.find((d) => message.test(d.message));
    expect(found, messages(result.diagnostics).join('\n')).toBeDefined();
    expect(found?.location).toEqual({ file: 'p.txt', ...where });
  });

  it('a status shown by its reason phrase alone (`OK`) is that status', () => {
    const text = 'T\n\nT\nGET\nhttps://h.example/a\nResponses\nOK\nReturns A of type(s) application/json\n{"a": "string"}\n';
    const operation = operationOf(read({ text, path: 'p.txt' }), '/a', 'get');
    expect(at(operation, 'responses.200.content')).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/A' } } });
  });
});

describe('detect', () => {
  // The other seeds: test/importers/detection.test.ts checks every importer against each of them.
  it('is sure of the seed and of every fixture, flattened or not', () => {
    expect(jsonSamplesImporter.detect(seedPage())).toBeGreaterThanOrEqual(0.9);
    for (const file of ['get-query-parameters.txt', 'delete-202-job-location.txt', 'flattened-create-service-instance.txt', 'sidebar-without-code-sample.txt']) {
      expect(jsonSamplesImporter.detect(fixture(file)), file).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe('any input', () => {
  const tokens = [
    ' ', '\n', 'Title ', 'GET ', 'POST ', 'DELETE ', 'https://h.example/v1/a/{id} ', 'https://{api_host}/v1/a ', 'COPY ', 'Request Body ',
    'Query Parameters ', 'Path Parameters ', 'string ', 'string of array ', 'array of object ', 'integer As int64 ', 'name ', 'id ',
    'Required ', 'Optional ', 'Possible values are : a, b, ', 'A of type(s) application/json ', 'Returns B of type(s) application/json ',
    'Show optional properties ', 'This response body class contains all of the following: Base ', 'Operation doesn\'t return any data structure ',
    'Response Headers ', 'Location ', 'Authentication ', 'Responses ', '200 ', '202 ', '404 ', '{', '}', '[', ']', '"a"', ':', ',', '"string"',
    '0', 'true', 'null', '{"labels": {"labels": "string"}}', 'Code Samples ', "curl -X GET -H 'Authorization: bearer x' ", '-H ', "'", '"', '\\',
  ];
  const portalish = fc.array(fc.constantFrom(...tokens), { maxLength: 150 }).map((parts) => parts.join(''));

  it('returns a fragment or an error, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), portalish), (text) => {
        const result = read({ text, path: 'p.txt' });
        jsonSamplesImporter.detect({ text, path: 'p.txt' });
        expect(result.fragment !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        expect(messages(result.diagnostics).filter((m) => m.includes('importer failed'))).toEqual([]);
        for (const d of result.diagnostics) expect(d.location?.file).toBe('p.txt');
      }),
      { numRuns: 500 },
    );
  });

  // Each input grows with `n`; the regex work on it must grow in proportion (see test/support/regex-work.ts).
  const pathological: [what: string, make: (n: number) => string][] = [
    ['many unclosed samples', (n) => `GET https://h.example/a ${'Returns A of type(s) application/json { '.repeat(n / 40)}`],
    ['deeply nested array sample', (n) => `GET https://h.example/a 200 OK Returns A of type(s) application/json ${'['.repeat(n / 2)}${']'.repeat(n / 2)}`],
    ['deeply nested object sample', (n) => `GET https://h.example/a 200 OK Returns A of type(s) application/json ${'{"a":'.repeat(n / 6)}1${'}'.repeat(n / 6)}`],
    ['a long run of block-like words', (n) => `GET https://h.example/a Query Parameters ${'array of array of string name '.repeat(n / 30)}`],
    ['many statuses', (n) => `GET https://h.example/a Responses ${'200 '.repeat(n / 4)}Returns A of type(s) application/json {}`],
    ['a long page with line breaks', (n) => `T\n\nT\nGET\nhttps://h.example/a\nQuery Parameters\n${'string\nname\nOptional\n\nThe name\n\n'.repeat(n / 32)}`],
  ];

  it.each(pathological)('%s: read at full size, no importer failure', (_what, make) => {
    const result = read({ text: make(100_000), path: 'p.txt' });
    expect(messages(result.diagnostics).filter((m) => m.includes('importer failed'))).toEqual([]);
  });

  it.each(pathological)('%s: regex work in proportion to its size', (_what, make) => {
    const growth = growthOfRegexWork(make, (text) => {
      jsonSamplesImporter.detect({ text, path: 'p.txt' });
      return read({ text, path: 'p.txt' });
    }, 4000);
    expect(growth).toBeLessThan(6);
  });
});
