// The property-tables importer: each fixture's fragment as a file snapshot, one operation read alike
// from its four renderings, the seed page's facts, located diagnostics, and no input that makes it throw.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/core/diagnostics.js';
import type { ImportResult, Page } from '../../generator/importers/importer.js';
import { referencePageImporter } from '../../generator/importers/reference-page.js';
import { FROM_PROSE_EXTENSION, isObject, SOURCE_EXTENSION, type JsonObject, type JsonValue } from '../../generator/core/openapi-types.js';
import { fixture, seedPath, toYaml } from '../helpers.js';
import { growthOfRegexWorkAsync } from '../support/regex-work.js';

const here = dirname(fileURLToPath(import.meta.url));

function page(file: string): Page {
  return fixture('property-tables', file);
}

async function read(input: Page): Promise<ImportResult> {
  return referencePageImporter.importPage(input);
}

function operationOf(result: ImportResult, path: string, method: string): JsonObject {
  const paths = result.fragment?.paths;
  const item = isObject(paths) ? paths[path] : undefined;
  const operation = isObject(item) ? item[method] : undefined;
  if (!isObject(operation)) throw new Error(`no ${method} ${path} in the fragment`);
  return operation;
}

/** The value at a path of keys and indexes, or undefined. */
function at(value: JsonValue | undefined, ...keys: (string | number)[]): JsonValue | undefined {
  let current = value;
  for (const key of keys) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

function jsonBody(owner: JsonValue | undefined, mediaType = 'application/json'): JsonValue | undefined {
  return at(owner, 'content', mediaType, 'schema');
}

/** The fragment without `x-specmill-source`, which differs between renderings of one page. */
function withoutSources(value: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => withoutSources(v) ?? null);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) if (key !== SOURCE_EXTENSION) out[key] = withoutSources(v);
  return out;
}

function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity}: ${d.message}`);
}

const UNMARKED_NESTING = /does not mark where a nested table ends/;

describe('property-tables fixtures', () => {
  const cases: [file: string, { method: string; path: string; warnings: RegExp[] }][] = [
    ['seed-create-instance.run-together.txt', { method: 'post', path: '/api/organizations/{organizationId}/instances', warnings: [UNMARKED_NESTING] }],
    ['four-renderings.run-together.txt', { method: 'post', path: '/api/projects/{projectId}/deployments', warnings: [UNMARKED_NESTING] }],
    ['four-renderings.pipe-table.txt', { method: 'post', path: '/api/projects/{projectId}/deployments', warnings: [UNMARKED_NESTING] }],
    ['four-renderings.markdown-export.md', { method: 'post', path: '/api/projects/{projectId}/deployments', warnings: [] }],
    ['four-renderings.html', { method: 'post', path: '/api/projects/{projectId}/deployments', warnings: [] }],
    ['query-parameters.md', { method: 'get', path: '/api/organizations/{organizationId}/projects', warnings: [] }],
    ['list-response.html', { method: 'get', path: '/api/projects/{projectId}/members', warnings: [] }],
    ['delete-no-body.pipe-table.txt', { method: 'delete', path: '/api/projects/{projectId}/members/{memberId}', warnings: [] }],
    ['patch-merge-patch.run-together.txt', { method: 'patch', path: '/api/projects/{projectId}', warnings: [] }],
    ['description-enums.md', { method: 'post', path: '/api/tokens', warnings: [] }],
    ['prose-limits.run-together.txt', { method: 'post', path: '/api/projects/{projectId}/repositories', warnings: [] }],
    ['named-schemas.md', { method: 'post', path: '/api/projects/{projectId}/transfer', warnings: [] }],
    ['deep-nesting.html', { method: 'get', path: '/api/pipelines/{pipelineId}/runs/{runId}', warnings: [] }],
    ['dotted-names.md', { method: 'post', path: '/api/projects/{projectId}/webhooks', warnings: [] }],
  ];

  it.each(cases)('%s', async (file, { method, path, warnings }) => {
    const result = await read(page(file));
    expect(result.fragment).toBeDefined();
    expect(result.diagnostics.map((d) => d.message)).toEqual(warnings.map((w) => expect.stringMatching(w)));
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(Object.keys(result.fragment?.paths ?? {})).toEqual([path]);
    expect(operationOf(result, path, method)[SOURCE_EXTENSION]).toMatch(new RegExp(`^test/fixtures/property-tables/${file.replace(/\./g, '\\.')}:\\d+:\\d+$`));
    await expect(toYaml(result.fragment)).toMatchFileSnapshot(join(here, '__snapshots__', 'property-tables', `${file.replace(/\.\w+$/, '')}.yaml`));
  });
});

describe('the seed page (Flowkiwi, POST /api/organizations/{organizationId}/instances, cells run together)', () => {
  it('keeps every fact the page shows', async () => {
    const seed: Page = { text: readFileSync(seedPath('003_ebfbe447b3948f37.txt'), 'utf8'), path: 'sources/create-instance.txt' };
    expect(seed.text).toBe(page('seed-create-instance.run-together.txt').text);
    const result = await read(seed);
    expect(messages(result.diagnostics)).toEqual([expect.stringMatching(UNMARKED_NESTING)]);
    expect(result.diagnostics[0]?.location).toEqual({ file: 'sources/create-instance.txt', line: 70, column: 1 });
    const fragment = result.fragment!;
    expect(fragment.openapi).toBe('3.1.0');
    expect(fragment.info).toEqual({ title: 'Create an instance', version: '0.0.0' });
    expect(fragment.servers).toBeUndefined();
    expect(fragment.components).toBeUndefined();

    const operation = operationOf(result, '/api/organizations/{organizationId}/instances', 'post');
    expect(operation[SOURCE_EXTENSION]).toBe('sources/create-instance.txt:6:1');
    expect(operation.summary).toBe('Create an instance');
    expect(operation.operationId).toBeUndefined();
    expect(operation.description).toMatch(/^Create an instance\.\n\nCreates a new instance within an organization\./);
    expect(operation.parameters).toEqual([
      { name: 'organizationId', in: 'path', description: 'OrganizationInstancesResource identifier', required: true, schema: { type: 'string' } },
    ]);

    const body = operation.requestBody as JsonObject;
    expect(body.required).toBe(true);
    expect(at(jsonBody(body), 'required')).toEqual(['name', 'handle']);
    expect(at(jsonBody(body), 'properties', 'handle')).toMatchObject({
      type: 'string',
      maxLength: 30,
      pattern: '^[a-z](?:[a-z-]*[a-z])?$',
      [FROM_PROSE_EXTENSION]: ['maxLength', 'pattern'],
    });

    const responses = operation.responses as JsonObject;
    expect(Object.keys(responses)).toEqual(['201', '400', '403', '404', '422']);
    const created = jsonBody(responses['201']);
    expect(Object.keys(at(created, 'properties') as JsonObject).slice(0, 4)).toEqual(['@context', '@id', '@type', 'id']);
    expect(at(created, 'required')).toEqual(['@id', '@type']);
    expect(at(created, 'properties', 'id')).toEqual({ type: ['string', 'null'], description: 'Unique identifier of the instance.' });
    expect(at(created, 'properties', 'created_at', 'format')).toBe('date-time');
    expect(at(responses, '400', 'description')).toBe('Invalid input');
    expect(at(jsonBody(responses['400']), 'properties', 'status')).toEqual({ type: ['number', 'null'] });
    expect(responses['403']).toEqual({ description: 'Only organization owners can create instances' });
    expect(responses['404']).toEqual({ description: 'Organization not found' });
    const violations = at(jsonBody(responses['422']), 'properties', 'violations');
    expect(at(violations, 'type')).toBe('array');
    expect(at(violations, 'items', 'required')).toEqual(['propertyPath', 'message']);
    expect(Object.keys(at(violations, 'items', 'properties') as JsonObject).slice(0, 5)).toEqual(['propertyPath', 'message', 'code', 'hint', 'payload']);
  });
});

describe('four renderings of one page', () => {
  const renderings = ['four-renderings.run-together.txt', 'four-renderings.pipe-table.txt', 'four-renderings.markdown-export.md', 'four-renderings.html'];

  it.each(renderings.slice(1))('%s gives the operation the run-together text gives', async (file) => {
    const text = await read(page(renderings[0]!));
    const other = await read(page(file));
    expect(withoutSources(other.fragment)).toEqual(withoutSources(text.fragment));
  });

  it('each points at its own operation line', async () => {
    const sources = await Promise.all(
      renderings.map(async (file) => operationOf(await read(page(file)), '/api/projects/{projectId}/deployments', 'post')[SOURCE_EXTENSION]),
    );
    expect(sources).toEqual([
      'test/fixtures/property-tables/four-renderings.run-together.txt:6:1',
      'test/fixtures/property-tables/four-renderings.pipe-table.txt:6:1',
      'test/fixtures/property-tables/four-renderings.markdown-export.md:3:1',
      'test/fixtures/property-tables/four-renderings.html:16:27',
    ]);
  });

  it('reads the three levels of nesting, the callout and the enums of the page', async () => {
    const operation = operationOf(await read(page('four-renderings.html')), '/api/projects/{projectId}/deployments', 'post');
    expect(operation.description).toMatch(/\n\nNote: Deployments to a production environment need an approved review\.$/);
    const accepted = jsonBody(at(operation, 'responses', '202'));
    const logs = at(accepted, 'properties', 'steps', 'items', 'properties', 'logs', 'items');
    expect(at(logs, 'properties', 'level', 'enum')).toEqual(['info', 'warn', 'error']);
    expect(at(logs, 'required')).toEqual(['level', 'text']);
    expect(at(operation, 'requestBody', 'content', 'application/json', 'schema', 'properties', 'strategy', 'properties', 'canaryPercent')).toMatchObject({
      minimum: 1,
      maximum: 50,
    });
  });
});

describe('what a page can carry', () => {
  it('what a curl command sends only adds the properties the page\'s own sample leaves out', async () => {
    const text = '# Create a thing\n\n`POST /things`\n\n## Request body\n\n```json\n{"id": 1, "tags": ["a"]}\n```\n\n```bash\ncurl -X POST https://h.example/things -d \'{"id": "integer", "name": "string"}\'\n```\n\n## Response\n\n201 Created\n';
    const operation = operationOf(await read({ text, path: 'p.md' }), '/things', 'post');
    expect(at(jsonBody(operation.requestBody), 'properties')).toEqual({ id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, name: { type: 'string' } });
  });

  const facts: [what: string, file: string, method: string, path: string, check: (operation: JsonObject, fragment: JsonObject) => void][] = [
    [
      'query and header parameters with bounds, defaults and enums',
      'query-parameters.md',
      'get',
      '/api/organizations/{organizationId}/projects',
      (operation) => {
        const parameters = operation.parameters as JsonObject[];
        expect(parameters.map((p) => [p.in, p.name, p.required ?? false])).toEqual([
          ['path', 'organizationId', true],
          ['query', 'page', false],
          ['query', 'itemsPerPage', false],
          ['query', 'order[createdAt]', false],
          ['query', 'status[]', false],
          ['query', 'search', false],
          ['header', 'Accept-Language', false],
        ]);
        expect(parameters[2]?.schema).toEqual({
          type: 'integer',
          minimum: 1,
          maximum: 100,
          default: 30,
          [FROM_PROSE_EXTENSION]: ['minimum', 'maximum', 'default'],
        });
        expect(parameters[3]?.schema).toMatchObject({ type: 'string', enum: ['asc', 'desc'], default: 'desc' });
        expect(parameters[4]?.schema).toMatchObject({ type: 'array', items: { type: 'string', enum: ['active', 'archived'] } });
      },
    ],
    [
      'a list response: `object[]` above the table of its items',
      'list-response.html',
      'get',
      '/api/projects/{projectId}/members',
      (operation) => {
        const list = jsonBody(at(operation, 'responses', '200'));
        expect(at(list, 'type')).toBe('array');
        expect(at(list, 'items', 'required')).toEqual(['userId', 'role']);
        expect(at(list, 'items', 'properties', 'joined_at', 'type')).toEqual(['string', 'null']);
        expect(at(operation, 'responses', '404')).toEqual({ description: 'Project not found' });
      },
    ],
    [
      'a DELETE with no body at all',
      'delete-no-body.pipe-table.txt',
      'delete',
      '/api/projects/{projectId}/members/{memberId}',
      (operation) => {
        expect(operation.requestBody).toBeUndefined();
        expect(operation.responses).toEqual({
          '204': { description: 'Member removed' },
          '403': { description: 'Only project owners can remove members' },
          '404': { description: 'Project or member not found' },
        });
      },
    ],
    [
      'a PATCH with a merge-patch body of optional fields and an operation id',
      'patch-merge-patch.run-together.txt',
      'patch',
      '/api/projects/{projectId}',
      (operation) => {
        expect(operation.operationId).toBe('updateProject');
        const body = operation.requestBody as JsonObject;
        expect(body.required).toBeUndefined();
        expect(Object.keys(body.content as JsonObject)).toEqual(['application/merge-patch+json']);
        expect(at(jsonBody(body, 'application/merge-patch+json'), 'required')).toBeUndefined();
        expect(at(jsonBody(body, 'application/merge-patch+json'), 'properties', 'description', 'type')).toEqual(['string', 'null']);
        expect(Object.keys(at(operation, 'responses') as JsonObject)).toEqual(['200', '400', '404']);
      },
    ],
    [
      'enums written in descriptions, typed by their schema, null added to a nullable one',
      'description-enums.md',
      'post',
      '/api/tokens',
      (operation) => {
        const properties = at(jsonBody(operation.requestBody), 'properties');
        expect(at(properties, 'kind')).toMatchObject({ type: 'string', enum: ['ci', 'personal', 'service-account'] });
        expect(at(properties, 'scopes', 'items', 'enum')).toEqual(['read', 'write', 'admin']);
        expect(at(properties, 'expiresInDays')).toMatchObject({ type: 'integer', enum: [7, 30, 90, 365], default: 30 });
        expect(at(properties, 'region')).toMatchObject({ type: ['string', 'null'], enum: ['eu', 'us', 'ap', null] });
        expect(at(properties, 'rotate')).toMatchObject({ type: 'boolean', default: true });
      },
    ],
    [
      'limits stated in prose, listed in x-specmill-from-prose',
      'prose-limits.run-together.txt',
      'post',
      '/api/projects/{projectId}/repositories',
      (operation) => {
        const properties = at(jsonBody(operation.requestBody), 'properties');
        expect(at(properties, 'slug')).toMatchObject({ minLength: 3, maxLength: 63, pattern: '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$' });
        expect(at(properties, 'displayName')).toMatchObject({ minLength: 1, maxLength: 100 });
        expect(at(properties, 'topics')).toMatchObject({ type: 'array', maxItems: 20, [FROM_PROSE_EXTENSION]: ['maxItems'] });
        expect(at(properties, 'retentionDays')).toMatchObject({ exclusiveMinimum: 0, maximum: 3650, default: 90 });
        expect(at(properties, 'quotaGb')).toMatchObject({ type: ['number', 'null'], minimum: 0.5 });
      },
    ],
    [
      'schemas the page names become components, stamped with their table',
      'named-schemas.md',
      'post',
      '/api/projects/{projectId}/transfer',
      (operation, fragment) => {
        const properties = at(jsonBody(at(operation, 'responses', '200')), 'properties');
        expect(at(properties, 'owner')).toEqual({ $ref: '#/components/schemas/Member', description: 'The new owner.' });
        expect(at(properties, 'previousOwner', 'anyOf')).toEqual([{ $ref: '#/components/schemas/Member' }, { type: 'null' }]);
        expect(at(properties, 'maintainers', 'items')).toEqual({ $ref: '#/components/schemas/Member' });
        expect(Object.keys(at(fragment, 'components', 'schemas') as JsonObject)).toEqual(['Member']);
        expect(at(fragment, 'components', 'schemas', 'Member', 'required')).toEqual(['id', 'email', 'role']);
        expect(at(fragment, 'components', 'schemas', 'Member', SOURCE_EXTENSION)).toBe('test/fixtures/property-tables/named-schemas.md:33:1');
      },
    ],
    [
      'tables nested four deep, in cells and in rows of their own',
      'deep-nesting.html',
      'get',
      '/api/pipelines/{pipelineId}/runs/{runId}',
      (operation) => {
        const run = jsonBody(at(operation, 'responses', '200'));
        const jobs = at(run, 'properties', 'stages', 'items', 'properties', 'jobs', 'items');
        expect(at(jobs, 'properties', 'artifacts', 'type')).toEqual(['array', 'null']);
        expect(at(jobs, 'properties', 'artifacts', 'items', 'required')).toEqual(['path', 'sizeBytes']);
        expect(Object.keys(at(jobs, 'properties') as JsonObject)).toEqual(['name', 'artifacts', 'exitCode']);
        expect(Object.keys(at(run, 'properties', 'stages', 'items', 'properties') as JsonObject)).toEqual(['name', 'jobs', 'durationMs']);
        expect(at(run, 'properties', 'trigger', 'properties', 'actor')).toMatchObject({ type: ['object', 'null'], required: ['id'] });
        expect(Object.keys(at(run, 'properties') as JsonObject)).toEqual(['id', 'stages', 'trigger', 'status']);
        expect(at(operation, 'parameters', 1, 'schema')).toMatchObject({ type: 'integer', minimum: 1 });
      },
    ],
    [
      'rows named by their path (`delivery.retry.maxAttempts`, `headers[].name`)',
      'dotted-names.md',
      'post',
      '/api/projects/{projectId}/webhooks',
      (operation) => {
        const properties = at(jsonBody(operation.requestBody), 'properties');
        expect(Object.keys(properties as JsonObject)).toEqual(['url', 'events', 'delivery', 'headers']);
        expect(at(properties, 'delivery', 'properties', 'retry', 'properties', 'maxAttempts')).toMatchObject({ minimum: 1, maximum: 10 });
        expect(at(properties, 'headers', 'items', 'required')).toEqual(['name', 'value']);
      },
    ],
  ];

  it.each(facts)('%s', async (_what, file, method, path, check) => {
    const result = await read(page(file));
    check(operationOf(result, path, method), result.fragment!);
  });
});

describe('small pages', () => {
  const pages: [what: string, text: string, check: (result: ImportResult) => void][] = [
    [
      'a title printed under the method badge',
      '<main><p><span class="method">POST</span> <code>/things</code></p><h1>Make a thing</h1><h2>Response</h2><h3>204 - Done</h3><p>No response body.</p></main>',
      (result) => expect(operationOf(result, '/things', 'post')).toMatchObject({ summary: 'Make a thing', responses: { '204': { description: 'Done' } } }),
    ],
    [
      'a full URL, which names the server',
      'Get a thing\n\nGET https://api.example.com/v1/things/:thingId\n\n200 - The thing\n',
      (result) => {
        expect(result.fragment?.servers).toEqual([{ url: 'https://api.example.com' }]);
        expect(operationOf(result, '/v1/things/{thingId}', 'get').parameters).toEqual([
          { name: 'thingId', in: 'path', required: true, schema: { type: 'string', 'x-specmill-inferred': ['type'] } },
        ]);
      },
    ],
    [
      'one parameters table with an In column',
      '# Search\n\n`GET /items/{id}`\n\n## Parameters\n\n| Parameter | In | Type | Required | Description |\n|---|---|---|---|---|\n| id | path | string | Yes | Item. |\n| q | query | string | - | Text. |\n| X-Trace | header | string | - | Trace. |\n',
      (result) => {
        const parameters = operationOf(result, '/items/{id}', 'get').parameters as JsonObject[];
        expect(parameters.map((p) => `${p.in} ${p.name}`)).toEqual(['path id', 'query q', 'header X-Trace']);
      },
    ],
    [
      'response headers',
      'Create\n\npost /jobs\n\nResponse\n\n202 - Accepted\n\nHeaders\n\nNameTypeRequiredDescription\nLocationstringrequiredWhere the job can be polled.\n',
      (result) => {
        const accepted = at(operationOf(result, '/jobs', 'post'), 'responses', '202');
        expect(accepted).toEqual({
          description: 'Accepted',
          headers: { Location: { description: 'Where the job can be polled.', required: true, schema: { type: 'string' } } },
        });
      },
    ],
    [
      'a table copied with tabs between its cells',
      'List\n\nget /things\n\nQuery parameters\n\nName\tType\tRequired\tDescription\nlimit\tinteger\t-\tAt most 50.\n\n200 - OK\n',
      (result) => expect(at(operationOf(result, '/things', 'get'), 'parameters', 0, 'schema')).toMatchObject({ type: 'integer', maximum: 50 }),
    ],
  ];

  it.each(pages)('%s', async (_what, text, check) => {
    check(await read({ text, path: 'p' }));
  });
});

describe('pages it cannot fully read', () => {
  it('no operation line: an error naming file, line and what was expected', async () => {
    const result = await read({ text: 'Create a thing\n\nPropertyTypeRequiredDescription\nnamestringrequiredThe name.\n', path: 'p.txt' });
    expect(result.fragment).toBeUndefined();
    expect(result.diagnostics).toEqual([
      { severity: 'error', message: expect.stringContaining('`POST /path`'), location: { file: 'p.txt', line: 1, column: 1 } },
    ]);
  });

  const head = 'T\n\npost /a/{id}\n\nPath parameters\n\nNameTypeRequiredDescription\nidstringrequiredId.\n\n';
  const warned: [what: string, text: string, want: RegExp, line: number, column: number][] = [
    ['a run-together row without a type', `${head}Request body\n\nPropertyTypeRequiredDescription\nnamestringrequiredThe name.\nlegacy_identifier-Old.\n`, /cannot split this table row.*a name followed by a type/, 14, 1],
    ['a run-together row with a stray word after its type', `${head}Request body\n\nNameTypeRequired\n  countinteger maybe\n`, /cannot split.*required marker/, 13, 16],
    ['an unreadable type cell', '# T\n\n`GET /a`\n\n## Query parameters\n\n| Name | Type | Required | Description |\n|---|---|---|---|\n| `q` | strnig | - | Query. |\n', /cannot read the type "strnig" of "q"/, 9, 9],
    ['an unknown required marker', `${head}Request body\n\nPropertyTypeRequiredDescription\n\nName | Type | Required | Description\nx | string | sometimes | X.\n`, /cannot read "sometimes" as a required marker/, 15, 1],
    ['a toggle that names no row', `${head}Response\n\n200 - OK\n\nPropertyTypeRequiredDescription\nidstring-\nShow owner fields\nPropertyTypeRequiredDescription\nnamestring-\n`, /"owner" names no row/, 16, 1],
    ['a path parameter the page does not describe', 'T\n\nget /a/{id}/b/{other}\n\nPath parameters\n\nNameTypeRequiredDescription\nidstringrequiredId.\n\n200 - OK\n', /"other" is not described/, 3, 1],
    ['a schema the page names but does not show', `${head}200 - OK\n\nPropertyTypeRequiredDescription\nownerUserrequiredThe owner.\n`, /names the schema "User" but shows none of its fields/, 13, 1],
    ['an enum without values', `${head}Request body\n\nPropertyTypeRequiredDescription\nkindenumrequiredThe kind.\n`, /"kind" is an enum but its description lists no values/, 13, 1],
    ['a second operation on the page', `${head}200 - OK\n\nget /b\n`, /second operation/, 12, 1],
    ['a page without responses', head, /no response status/, 3, 1],
  ];

  it.each(warned)('%s is a warning at its line and column', async (_what, text, want, line, column) => {
    const result = await read({ text, path: 'p.txt' });
    expect(result.fragment).toBeDefined();
    const found = result.diagnostics.find((d) => want.test(d.message));
    expect(found, messages(result.diagnostics).join('\n')).toMatchObject({ severity: 'warning', location: { file: 'p.txt', line, column } });
  });
});

describe('detect', () => {
  // The seeds: test/importers/detection.test.ts checks every importer against each of them.

  it.each(['four-renderings.run-together.txt', 'four-renderings.pipe-table.txt', 'four-renderings.markdown-export.md', 'four-renderings.html', 'deep-nesting.html'])(
    'is sure of %s',
    (file) => {
      expect(referencePageImporter.detect(page(file))).toBeGreaterThanOrEqual(0.9);
    },
  );
});

describe('any input', () => {
  // Pieces of real pages recombined at random reach the readers' corners faster than random text.
  const tokens = [
    'post /api/x/{id}', 'GET /a', '<table>', '</table>', '<tr>', '<td>', '<th>Name</th><th>Type</th>', '<details>', '<summary>Show x fields</summary>',
    '</details>', '| Name | Type | Required | Description |', '|---|---|---|---|', '| `x` | string \\| null | Yes | One of: a, b. |', ' | ', '|',
    'NameTypeRequiredDescription', 'PropertyTypeRequiredDescription', 'idstring | null-Unique.', 'xobject[]-', 'Show x fields', 'Show child attributes',
    'Path parameters', 'Query parameters', 'Request body', 'Response', 'Errors', '201 - Created', 'No response body.', 'Note', '# ', '## ', '`',
    'string', 'integer', 'array<', '>', '[]', ' | null', 'max 30 characters', 'between 1 and 100', 'Lowercase letters and hyphens only',
    'x.y', 'Member', '\n', '\n\n', '\t', ' ', 'text',
  ];
  const pageLike = fc.array(fc.constantFrom(...tokens), { maxLength: 150 }).map((parts) => parts.join(''));

  it('returns a fragment or an error, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), pageLike), async (text) => {
        const result = await read({ text, path: 'p.txt' });
        const score = referencePageImporter.detect({ text, path: 'p.txt' });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(result.fragment !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        for (const d of result.diagnostics) expect(d.location?.file).toBe('p.txt');
      }),
      { numRuns: 400 },
    );
  });

  // Each input grows with `n`. Read at full size, it must not fail; read at two sizes, the regex work
  // it costs must grow in proportion (test/support/regex-work.ts counts it): no reader scans the page
  // again and again. A regex that backtracks catastrophically would not finish the full-size read.
  const head = 'T\npost /a\nRequest body\n';
  const pathological: [what: string, make: (n: number) => string][] = [
    ['a run of spaces', (n) => `${head}201 ${' '.repeat(n)}x`],
    ['a long run-together row', (n) => `${head}PropertyTypeRequiredDescription\n${'a'.repeat(n / 2)}string${' | null'.repeat(n / 14)}-x\n`],
    ['many capitalized run-together rows', (n) => `${head}PropertyTypeRequiredDescription\n${'xMemberMemberMemberMember\n'.repeat(n / 25)}`],
    ['a pipe row of many cells', (n) => `${head}Name | Type | Required | Description\n${'x | string'.repeat(n / 10)}\n`],
    ['a long type cell', (n) => `${head}Name | Type | Required | Description\nx | ${'array<'.repeat(n / 7)}string${'>'.repeat(n / 7)} | - |\n`],
    ['many nested toggles', (n) => `${head}PropertyTypeRequiredDescription\nxobject-\n${'Show x fields\nPropertyTypeRequiredDescription\nxobject-\n'.repeat(n / 56)}`],
    ['deeply nested HTML', (n) => `<html><body><main>${'<div><span>'.repeat(n / 24)}post /a${'</span></div>'.repeat(n / 24)}</main></body></html>`],
    ['deeply nested HTML tables', (n) => `<html><body><p>post /a</p><h2>Response</h2><h3>200</h3>${'<table><tr><th>Name</th><th>Type</th></tr><tr><td>x</td><td>object</td><td>'.repeat(n / 80)}</body></html>`],
    ['a long description', (n) => `${head}PropertyTypeRequiredDescription\nxstring-${'One of: a, b, c and lowercase letters, digits or hyphens only '.repeat(n / 62)}\n`],
    ['backticks in Markdown cells', (n) => `# T\n\n\`POST /a\`\n\n## Request body\n\n| Name | Type |\n|---|---|\n| ${'`'.repeat(n + 1)} | string |\n`],
  ];
  it.each(pathological)('reads %s at full size, every diagnostic located', async (_what, make) => {
    const text = make(100_000);
    const result = await read({ text, path: 'p.txt' });
    referencePageImporter.detect({ text, path: 'p.txt' });
    expect(result.diagnostics.every((d) => d.location?.file === 'p.txt')).toBe(true);
  });

  it.each(pathological)('reads %s with regex work in proportion to its size', async (_what, make) => {
    const run = async (text: string) => {
      referencePageImporter.detect({ text, path: 'p.txt' });
      return read({ text, path: 'p.txt' });
    };
    expect(await growthOfRegexWorkAsync(make, run, 4000)).toBeLessThan(6);
  });
});
