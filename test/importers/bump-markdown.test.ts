// The bump-markdown profile of the page model: each fixture's fragment as a file snapshot, flattened
// and line-broken pages read alike, every block used or reported, detection against the other seeds,
// and no input that makes it throw or work more than in proportion to its size.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { seedPath } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../generator/core/diagnostics.js';
import { bumpMarkdownImporter } from '../../generator/importers/bump-markdown.js';
import type { ImportResult, Page } from '../../generator/importers/importer.js';
import { ERROR_CODES_EXTENSION, isObject, SOURCE_EXTENSION, type JsonObject, type JsonValue } from '../../generator/core/openapi-types.js';
import { growthOfRegexWorkAsync } from '../support/regex-work.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'bump-markdown');

function fixture(name: string): Page {
  return { text: readFileSync(join(fixtures, name), 'utf8'), path: name };
}

async function read(page: Page): Promise<ImportResult> {
  return bumpMarkdownImporter.importPage(page);
}

function operationOf(result: ImportResult, path: string, method: string): JsonObject {
  const paths = result.fragment?.paths;
  const item = isObject(paths) ? paths[path] : undefined;
  const operation = isObject(item) ? item[method] : undefined;
  if (!isObject(operation)) throw new Error(`no ${method} ${path} in the fragment`);
  return operation;
}

/** The fragment without `x-specmill-source`, which differs between a page's two forms. */
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

/** What a page looks like once its line breaks are lost, as the seed was. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('bump-markdown fixtures', () => {
  const cases: [file: string, { warnings: RegExp[] }][] = [
    ['seed-create-extension-flattened.txt', { warnings: [] }],
    ['get-query-default-enum.md', { warnings: [] }],
    ['delete-without-body.md', { warnings: [] }],
    ['several-responses-line-breaks.md', { warnings: [] }],
    ['several-responses-flattened.md', { warnings: [] }],
    ['post-nested-role-assignments.md', { warnings: [] }],
    ['put-nested-objects-arrays.md', { warnings: [] }],
    ['header-cookie-params.md', { warnings: [] }],
    ['security-methods.md', { warnings: [/names its authentication methods only .*"Authorization token".*guessed/] }],
    ['keyword-sentences.md', { warnings: [] }],
  ];

  it.each(cases)('%s', async (file, { warnings }) => {
    const result = await read(fixture(file));
    expect(result.fragment).toBeDefined();
    expect(messages(result.diagnostics).filter((m) => m.startsWith('error'))).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(warnings.map((w) => expect.stringMatching(w)));
    await expect(stringify(result.fragment, { lineWidth: 0 })).toMatchFileSnapshot(join(here, '__snapshots__', 'bump-markdown', `${file.replace(/\.\w+$/, '')}.yaml`));
  });
});

describe('the seed page (Elastic Cloud, POST /deployments/extensions, flattened)', () => {
  it('shows every fact the official operation has on the page', async () => {
    const result = await read({ text: readFileSync(seedPath('002_2aaea495d352ef51.txt'), 'utf8'), path: 'sources/create-extension.md' });
    expect(result.diagnostics).toEqual([]);
    expect(result.fragment?.servers).toEqual([{ url: 'https://api.elastic-cloud.com/api/v1' }]);
    const operation = operationOf(result, '/deployments/extensions', 'post');
    expect(operation.summary).toBe('Create an extension');
    expect(operation.operationId).toBeUndefined();
    // The page is one line: the operation is located by its column.
    expect(operation[SOURCE_EXTENSION]).toBe('sources/create-extension.md:1:23');
    const body = (operation.requestBody as JsonObject).content as JsonObject;
    const request = (body['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(request.properties as JsonObject)).toEqual(['name', 'description', 'download_url', 'extension_type', 'version']);
    expect(request.required).toBeUndefined(); // the page marks no body field required
    expect((operation.requestBody as JsonObject).description).toBe('the data that creates the extension');

    const responses = operation.responses as JsonObject;
    expect(Object.keys(responses)).toEqual(['201', '400', '404', '409']);
    const created = responses['201'] as JsonObject;
    expect(Object.keys(created.headers as JsonObject)).toEqual(['x-cloud-resource-version', 'x-cloud-resource-created', 'x-cloud-resource-last-modified']);
    const extension = ((created.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect((extension.properties as JsonObject).deployments).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect((responses['400'] as JsonObject)[ERROR_CODES_EXTENSION]).toEqual(['extensions.request_execution_failed']);
    expect((responses['404'] as JsonObject)[ERROR_CODES_EXTENSION]).toEqual(['extensions.no_user_id']);
    expect((responses['409'] as JsonObject)[ERROR_CODES_EXTENSION]).toEqual(['extensions.id_already_exists']);
  });
});

describe('line breaks', () => {
  it('a page and its flattened copy give the same fragment', async () => {
    const broken = await read(fixture('several-responses-line-breaks.md'));
    const flat = await read(fixture('several-responses-flattened.md'));
    expect(withoutSources(flat.fragment)).toEqual(withoutSources(broken.fragment));
    expect(messages(flat.diagnostics)).toEqual(messages(broken.diagnostics));
  });

  // Flattening loses indentation, so only pages without nested properties read the same both ways
  // (and without a Markdown list in a description: its line breaks were what made it a list).
  it.each(['header-cookie-params.md', 'security-methods.md', 'several-responses-line-breaks.md'])(
    '%s reads the same once flattened',
    async (file) => {
      const page = fixture(file);
      const broken = await read(page);
      const flat = await read({ ...page, text: flatten(page.text) });
      expect(withoutSources(flat.fragment)).toEqual(withoutSources(broken.fragment));
      expect(messages(flat.diagnostics)).toEqual(messages(broken.diagnostics));
    },
  );

  it('keeps real line and column numbers: the operation line, by its column on a flattened page', async () => {
    const broken = await read(fixture('several-responses-line-breaks.md'));
    expect(operationOf(broken, '/billing/costs/{organization_id}/items', 'get')[SOURCE_EXTENSION]).toBe('several-responses-line-breaks.md:3:1');
    const untitled = await read({ text: 'Intro text **GET /things** Lists things. ## Responses ### 200 OK', path: 'p.md' });
    expect(operationOf(untitled, '/things', 'get')[SOURCE_EXTENSION]).toBe('p.md:1:12');
  });

  it('locates a warning on a flattened page by its column', async () => {
    const text = '# T **GET /a** D ## Parameters ### Query parameters - **q** (widget) A widget. ## Responses ### 200 OK';
    const result = await read({ text, path: 'p.md' });
    const unread = result.diagnostics.find((d) => d.message.includes('Query parameters'));
    expect(unread?.severity).toBe('warning');
    expect(unread?.location).toEqual({ file: 'p.md', line: 1, column: text.indexOf('- **q**') + 1 });
  });
});

describe('what a page can carry', () => {
  it('path, query, header and cookie parameters with their required markers', async () => {
    const operation = operationOf(await read(fixture('header-cookie-params.md')), '/deployments/{deployment_id}/notes', 'get');
    const parameters = (operation.parameters as JsonObject[]).map((p) => [p.in, p.name, p.required ?? false]);
    // Path parameters first, as a reader of the path expects; the others in page order.
    expect(parameters).toEqual([
      ['path', 'deployment_id', true],
      ['header', 'X-Request-Id', false],
      ['header', 'If-None-Match', true],
      ['query', 'limit', false],
      ['query', 'order', false],
      ['cookie', 'session_id', true],
      ['cookie', 'theme', false],
    ]);
    const order = (operation.parameters as JsonObject[]).find((p) => p.name === 'order');
    expect(order?.schema).toEqual({ type: 'string', enum: ['asc', 'desc'], default: 'desc', 'x-specmill-from-prose': ['enum', 'default'] });
    expect(order?.description).toBe('The order of the notes by creation date.');
  });

  it('security: one scheme per named method, `A & B` as one requirement', async () => {
    const result = await read(fixture('security-methods.md'));
    const operation = operationOf(result, '/versions', 'post');
    expect(operation.security).toEqual([{ authorizationToken: [] }, { basicToken: [] }, { organizationServiceToken: [], user: [] }]);
    const schemes = (result.fragment?.components as JsonObject).securitySchemes as JsonObject;
    expect(schemes.basicToken).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(schemes.authorizationToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
  });

  it('error codes of a response with two of them', async () => {
    const operation = operationOf(await read(fixture('delete-without-body.md')), '/deployments/extensions/{extension_id}', 'delete');
    expect(operation.requestBody).toBeUndefined();
    const responses = operation.responses as JsonObject;
    expect((responses['401'] as JsonObject)[ERROR_CODES_EXTENSION]).toEqual(['extensions.unauthorised', 'extensions.no_user_id']);
    expect(((responses['200'] as JsonObject).content as JsonObject)['application/json']).toEqual({ schema: { type: 'object' } });
  });

  const keywordCases: [property: string, want: JsonObject][] = [
    ['name', { minLength: 1, maxLength: 50, description: 'The name of the replica.' }],
    ['slug', { pattern: '^[a-z0-9-]+$' }],
    ['type', { enum: ['individual', 'character', 'brand'], default: 'character' }],
    ['private', { type: 'boolean', default: false }],
    ['whitelistEmails', { items: { type: 'string', format: 'email' }, maxItems: 10, default: [] }],
    ['tags', { minItems: 1, items: { type: 'string', enum: ['male', 'female', 'other'] } }],
    ['profileImage', { format: 'uri', pattern: 'https?:\\/\\/\\S+', default: 'https://example.com/default.webp' }],
    ['temperature', { type: ['number', 'null'], minimum: 0, maximum: 2 }],
    ['mode', { type: ['string', 'null'], enum: ['rag-search', 'prompt-caching', null] }],
    ['llm', { additionalProperties: false, required: undefined }],
  ];
  it.each(keywordCases)('keyword sentences of %s', async (property, want) => {
    const operation = operationOf(await read(fixture('keyword-sentences.md')), '/v1/replicas/{replicaUUID}', 'put');
    const body = ((operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject;
    const schema = ((body.schema as JsonObject).properties as JsonObject)[property] as JsonObject;
    expect(schema).toMatchObject(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)));
    expect(String(schema.description ?? '')).not.toMatch(/Values are|Default value|Minimum|maximum|pattern:|NOT allowed/);
  });

  it('query bounds and an exclusive minimum', async () => {
    const operation = operationOf(await read(fixture('keyword-sentences.md')), '/v1/replicas/{replicaUUID}', 'put');
    const [, , page, ratio] = operation.parameters as JsonObject[];
    expect(page?.schema).toMatchObject({ type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 1 });
    expect(ratio?.schema).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 1 });
  });
});

describe('pages it cannot fully read', () => {
  it('no `**METHOD /path**`: an error naming file, line and what was expected', async () => {
    const result = await read({ text: '# Just a title\n\nSome prose.\n', path: 'sources/x.md' });
    expect(result.fragment).toBeUndefined();
    expect(result.diagnostics).toEqual([
      { severity: 'error', message: expect.stringContaining('expected an operation line such as `POST /path`'), location: { file: 'sources/x.md', line: 1, column: 1 } },
    ]);
  });

  const warned: [what: string, text: string, want: RegExp, line: number][] = [
    ['text under a section that is none', '# T\n\n**GET /a**\n\n## Responses\n### 200\nOK\n\n## Code samples\ncurl ...\n', /"curl \.\.\." under `Responses` was not read/, 10],
    ['an unknown response part', '# T\n\n**GET /a**\n\n## Responses\n### 200\nOK\n#### Links\n- next\n', /a list under `Responses` was not read/, 9],
    ['a path parameter the page does not list', '# T\n\n**GET /a/{id}**\n\n## Responses\n### 200\nOK\n', /"id" is not described/, 3],
    ['an item whose type is no type', '# T\n\n**GET /a**\n\n## Parameters\n### Query parameters\n- **q** (widget)\n  A widget.\n\n## Responses\n### 200\nOK\n', /a list under `Query parameters` was not read/, 7],
    ['no responses', '# T\n\n**GET /a**\n', /describes no response status/, 3],
  ];
  it.each(warned)('%s is a warning naming its line', async (_what, text, want, line) => {
    const result = await read({ text, path: 'p.md' });
    expect(result.fragment).toBeDefined();
    const found = result.diagnostics.find((d) => want.test(d.message));
    expect(found, messages(result.diagnostics).join('\n')).toMatchObject({ severity: 'warning', location: { file: 'p.md', line } });
  });
});

describe('detect', () => {
  // The seeds: test/importers/detection.test.ts checks every importer against each of them.

  it('is sure of every fixture, footer or not', () => {
    for (const file of ['get-query-default-enum.md', 'several-responses-flattened.md', 'keyword-sentences.md']) {
      const page = fixture(file);
      expect(bumpMarkdownImporter.detect(page)).toBeGreaterThanOrEqual(0.9);
      expect(bumpMarkdownImporter.detect({ ...page, text: page.text.replace(/\[Powered by Bump\.sh\]\(https:\/\/bump\.sh\)/, '') })).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('coverage', () => {
  it.each(['seed-create-extension-flattened.txt', 'keyword-sentences.md', 'security-methods.md', 'several-responses-line-breaks.md'])('%s: every block used, none left unreported', async (file) => {
    const result = await read(fixture(file));
    expect(result.coverage).toBeDefined();
    expect(result.coverage!.used).toBe(result.coverage!.blocks);
    expect(result.coverage!.unread).toEqual([]);
  });

  it('a block it cannot read is reported where it stands, and counted as not used', async () => {
    const text = '# T\n\n**GET /a**\n\n## Parameters\n### Query parameters\n- **q** (widget)\n  A widget.\n\n## Responses\n### 200\nOK\n';
    const result = await read({ text, path: 'p.md' });
    expect(result.coverage!.unread).toEqual([{ kind: 'a list', at: { line: 7, column: 1 }, section: 'Query parameters' }]);
    expect(result.coverage!.used).toBe(result.coverage!.blocks - 1);
  });
});

describe('any input', () => {
  // Fragments of real pages recombined at random reach the parser's corners faster than random text.
  const tokens = [
    '# ', '## ', '### ', '#### ', '**GET /a/{b}**', '**POST /x**', '- **n** (', 'string', 'array[', 'object', ']', ')', '(', ' | null',
    ', required', 'Required ', 'Values are `a`, `b`, or `c`.', 'Default value is `x`.', 'Minimum value is 1, maximum value is 2.',
    'Format should match the following pattern: `^a$`.', '(code: `e.x`)', 'Servers - https://h: https://h ()', 'Responses', 'Parameters',
    'Body: application/json (object)', 'Headers', 'Cookies', 'Path parameters', 'Authentication methods - A & B', '200 ', 'default ',
    '```', '`', '\n', '  ', ' ', '[Powered by Bump.sh](https://bump.sh)', 'text',
  ];
  const bumpish = fc.array(fc.constantFrom(...tokens), { maxLength: 120 }).map((parts) => parts.join(''));

  it('returns a fragment or an error, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), bumpish), async (text) => {
        const result = await read({ text, path: 'p.md' });
        expect(result.fragment !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        for (const d of result.diagnostics) expect(d.location?.file).toBe('p.md');
        bumpMarkdownImporter.detect({ text, path: 'p.md' });
      }),
      { numRuns: 400 },
    );
  });

  // Each input grows with `n`; the regex work on it must grow in proportion (see test/support/regex-work.ts).
  const pathological: [what: string, make: (n: number) => string][] = [
    ['a run of spaces', (n) => ` ${' '.repeat(n)} `],
    ['unclosed items', (n) => '- **'.repeat(n / 4)],
    ['brackets', (n) => '(['.repeat(n / 2)],
    ['backticks', (n) => '`'.repeat(n + 1)],
    ['empty headings', (n) => '## '.repeat(n / 3)],
    ['deeply nested arrays', (n) => `## Parameters ### Query parameters - **q** (${'array['.repeat(n / 6)}string${']'.repeat(n / 6)}) `],
    ['deeply nested properties', (n) => `\n## Parameters\n### Body: application/json (object)\n${Array.from({ length: Math.sqrt(n) }, (_, i) => `${' '.repeat(i)}- **p${i}** (object)`).join('\n')}\n`],
    ['many prose lines', (n) => 'nav\n'.repeat(n / 4)],
  ];
  const page = (chunk: string) => `# T **GET /a** ${chunk} ## Responses ### 200 OK`;

  it.each(pathological)('reads %s at full size, every diagnostic located', async (_what, make) => {
    const result = await read({ text: page(make(100_000)), path: 'p.md' });
    expect(result.diagnostics.every((d) => d.location?.file === 'p.md')).toBe(true);
  });

  it.each(pathological)('reads %s with regex work in proportion to its size', async (_what, make) => {
    const growth = await growthOfRegexWorkAsync((n) => page(make(n)), (text) => read({ text, path: 'p.md' }), 4000);
    expect(growth).toBeLessThan(6);
  });

  it('reads a page behind many lines of site navigation', async () => {
    const result = await read({ text: `${'nav\n'.repeat(50_000)}# T\n**GET /a**\n## Responses\n### 200\nOK\n`, path: 'p.md' });
    expect(operationOf(result, '/a', 'get')[SOURCE_EXTENSION]).toBe('p.md:50002:1');
    expect(messages(result.diagnostics).filter((m) => m.startsWith('error'))).toEqual([]);
  });
});
