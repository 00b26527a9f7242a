// The comparison of one page's output with its gold, table by table: paths modulo base paths and
// placeholders, types reduced as the gold reduces them, wrong attributes, invented and inferred facts.
import { describe, expect, it } from 'vitest';
import { parseGold, type Gold } from '../../generator/fidelity/gold.js';
import { basePath, normalizePlaceholders, scorePage } from '../../generator/fidelity/score-page.js';
import { baseType, readOperations } from '../../generator/fidelity/spec-facts.js';
import type { OpenApiDocument } from '../../generator/core/openapi-types.js';

function gold(partial: Partial<Record<keyof Gold, unknown>>): Gold {
  return parseGold({ method: 'get', path: '/x', params: [], body: [], statuses: [], response2xx: [], responseHeaders: [], ...partial });
}

function spec(path: string, operation: object, extra: object = {}): OpenApiDocument {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { [path]: { get: operation } }, ...extra } as OpenApiDocument;
}

describe('paths', () => {
  it.each([
    ['https://api.example.com/v1/', '/v1'],
    ['https://api.example.com', ''],
    ['http://{defaultHost}/api', '/api'],
    ['/openapi', '/openapi'],
    ['{{baseUrl}}/v3', '/v3'],
    ['https://{{OAUTH.formData.SUB}}.zendesk.com?x=1', ''],
  ])('the base path of %s is "%s"', (url, want) => expect(basePath(url)).toBe(want));

  it.each([
    ['/users/:id/items', '/users/{id}/items'],
    ['/users/<user-id>.json', '/users/{user-id}.json'],
    ['/webhooks/[guid]', '/webhooks/{guid}'],
    ['/domains/{{name}}', '/domains/{name}'],
    ['/a:b', '/a:b'],
  ])('%s is %s', (path, want) => expect(normalizePlaceholders(path)).toBe(want));

  it.each([
    ['the same path', '/v2/x', undefined, '/v2/x', undefined, true],
    ['the base path on the output server', '/v2/x', undefined, '/x', 'https://h/v2', true],
    ['the base path on the gold server', '/x', 'https://h/v2', '/v2/x', undefined, true],
    ['both servers', '/x', 'https://h/v2', '/x', 'https://other/v2', true],
    ['a missing base path', '/v2/x', undefined, '/x', undefined, false],
    ['another method', '/x', undefined, '/x', undefined, false, 'post'],
  ])('%s', (_, goldPath, goldServer, outPath, outServer, right, method = 'get') => {
    const doc = spec(outPath, { responses: {} }, outServer ? { servers: [{ url: outServer }] } : {});
    const score = scorePage(gold({ method, path: goldPath, ...(goldServer ? { server: goldServer } : {}) }), readOperations(doc));
    expect(score.operationRight).toBe(right);
    // A wrong operation is a miss and, being one the page does not show, an invention.
    expect(score.invented.length).toBe(right ? 0 : 1);
  });

  it('accepts any method where the gold has none', () => {
    expect(scorePage(gold({ method: null, path: '/x' }), readOperations(spec('/x', { responses: {} }))).operationRight).toBe(true);
  });
});

describe('types', () => {
  const doc = { components: { schemas: { Id: { type: 'integer' }, Cut: { type: 'object', 'x-specmill-unresolved': true } } } } as OpenApiDocument;
  it.each([
    [{ type: 'string' }, 'string'],
    [{ type: ['string', 'null'] }, 'string'],
    [{ type: ['string', 'integer'] }, null],
    [{ anyOf: [{ type: 'number' }, { type: 'null' }] }, 'number'],
    [{ oneOf: [{ type: 'string' }, { type: 'array' }] }, null],
    [{ allOf: [{ $ref: '#/components/schemas/Id' }] }, 'integer'],
    [{ $ref: '#/components/schemas/Id' }, 'integer'],
    [{ $ref: '#/components/schemas/Missing' }, null],
    [{ $ref: '#/components/schemas/Cut' }, null],
    [{ const: 'v1' }, 'string'],
    [{ enum: [1, 2, null] }, 'integer'],
    [{ properties: {} }, 'object'],
    [{ items: {} }, 'array'],
    [{}, null],
  ])('%j is %s', (schema, want) => expect(baseType(doc, schema)).toBe(want));
});

describe('facts', () => {
  const doc = spec(
    '/x/{id}',
    {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        { name: 'page', in: 'query', schema: { type: 'integer' }, 'x-specmill-inferred': true },
      ],
      requestBody: { content: { 'application/json': { schema: { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'integer' } } }], properties: { b: { type: 'string' } } } } } },
      responses: {
        '200': { description: 'ok', headers: { 'X-Rate': { schema: {} } }, content: { 'application/json': { schema: { properties: { id: { type: 'string' }, extra: { type: 'string' } } } } } },
        '500': { description: 'x', 'x-specmill-inferred': true },
      },
    },
  );
  const score = scorePage(
    gold({
      path: '/x/{id}',
      params: [
        { name: 'id', in: 'path', required: true, type: 'integer' },
        { name: 'x-trace', in: 'header', required: null, type: null },
        { name: 'q', in: 'query', required: false, type: 'string' },
      ],
      body: [
        { name: 'a', required: true, type: 'integer' },
        { name: 'b', required: true, type: null },
      ],
      statuses: ['200', '404'],
      response2xx: [
        { status: '200', name: 'id', type: 'string' },
        { status: null, name: 'extra', type: 'string' },
      ],
      responseHeaders: [{ status: '200', name: 'x-rate' }],
    }),
    readOperations(doc),
  );
  const outcome = (kind: string, fact: string) => score.facts.find((f) => f.kind === kind && f.fact === fact);

  it('finds a fact whose stated attributes agree, header names in any case', () => {
    expect(outcome('parameter', 'header x-trace')?.outcome).toBe('found');
    expect(outcome('body-property', 'a')?.outcome).toBe('found');
    expect(outcome('response-header', '200 x-rate')?.outcome).toBe('found');
  });

  it('counts an item with a wrong required or type as wrong, saying what differs', () => {
    expect(outcome('parameter', 'path id')).toMatchObject({ outcome: 'wrong', detail: 'type: string, expected integer' });
    expect(outcome('body-property', 'b')).toMatchObject({ outcome: 'wrong', detail: 'required: false, expected true' });
  });

  it('misses what the output lacks, and leaves out facts with no status', () => {
    expect(outcome('parameter', 'query q')?.outcome).toBe('missed');
    expect(outcome('status', '404')?.outcome).toBe('missed');
    expect(score.facts.filter((f) => f.kind === 'response-property').map((f) => f.fact)).toEqual(['200 id']);
  });

  it('lists what the page does not show as inferred when marked, else invented', () => {
    expect(score.inferred).toEqual([
      { kind: 'parameter', fact: 'query page' },
      { kind: 'status', fact: '500' },
    ]);
    // `extra` is shown under no status, so it is not invented.
    expect(score.invented).toEqual([]);
  });

  it('misses every fact of a refused page', () => {
    const refused = scorePage(gold({ statuses: ['200'] }), undefined);
    expect(refused.facts.map((f) => f.outcome)).toEqual(['missed', 'missed']);
  });
});

describe('a body that is one of several objects', () => {
  const doc = spec('/x', {
    requestBody: {
      content: {
        'application/json': {
          schema: {
            oneOf: [
              { type: 'object', required: ['kind', 'url'], properties: { kind: { const: 'link' }, url: { type: 'string' } } },
              { type: 'object', required: ['kind'], properties: { kind: { const: 'file' }, size: { type: 'integer' } } },
            ],
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'ok',
        content: {
          'application/json': {
            schema: {
              anyOf: [
                { $ref: '#/components/schemas/Done' },
                { type: 'object', required: ['data', 'error'], properties: { data: { type: 'null' }, error: { type: 'string' } } },
                { type: 'null' },
              ],
            },
          },
        },
      },
    },
  }, { components: { schemas: { Done: { type: 'object', required: ['data', 'error'], properties: { data: { type: 'object' }, error: { type: 'null' } } } } } });
  const [operation] = readOperations(doc);

  it("has every branch's properties once; required when every branch requires it, typed when they agree", () => {
    expect(operation!.body).toEqual([
      { name: 'kind', required: true, type: 'string', inferred: false },
      { name: 'url', required: false, type: 'string', inferred: false },
      { name: 'size', required: false, type: 'integer', inferred: false },
    ]);
    // `null` branches add nothing; `data` is an object in one branch and null in the other.
    expect(operation!.responses[0]!.properties).toEqual([
      { name: 'data', required: true, type: 'object', inferred: false },
      { name: 'error', required: true, type: 'string', inferred: false },
    ]);
  });
});
