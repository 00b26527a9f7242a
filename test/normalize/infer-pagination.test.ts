// Pagination inference (generator/normalize/infer-pagination.ts), one table per rule: each rule has
// cases that only it can satisfy, so deleting a rule fails a test. `given` is a GET operation's
// query parameters and 200 body; `want` the `x-pagination` declared and the parameters it ends with.
import { describe, expect, it } from 'vitest';
import { inferPagination } from '../../generator/normalize/infer-pagination.js';
import { normalizeApi } from '../../generator/normalize/index.js';
import type { JsonObject, JsonValue } from '../../generator/core/openapi-types.js';

interface Given {
  query?: string[];
  body: JsonObject;
  /** Extra components (for `$ref`s), path item fields and operation fields. */
  components?: JsonObject;
  pathItem?: JsonObject;
  operation?: JsonObject;
  method?: string;
}

interface Want {
  pagination: JsonObject | undefined;
  /** The operation's query parameters afterwards, by name; `*` marks one specmill added. */
  query: string[];
}

const array = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } };
const int = { type: 'integer' };

function documentOf(given: Given): JsonObject {
  const parameters = (given.query ?? []).map((name) => ({ name, in: 'query', schema: { type: 'string' } }));
  return {
    openapi: '3.1.0',
    paths: {
      '/things': {
        ...given.pathItem,
        [given.method ?? 'get']: {
          operationId: 'listThings',
          ...(parameters.length > 0 ? { parameters } : {}),
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: given.body } } } },
          ...given.operation,
        },
      },
    },
    components: given.components ?? {},
  };
}

function infer(given: Given): Want {
  const doc = documentOf(given);
  inferPagination(doc);
  const operation = ((doc.paths as JsonObject)['/things'] as JsonObject)[given.method ?? 'get'] as JsonObject;
  const parameters = (operation.parameters ?? []) as JsonObject[];
  return {
    pagination: operation['x-pagination'] as JsonObject | undefined,
    query: parameters.filter((p) => p.in === 'query').map((p) => `${String(p.name)}${p['x-specmill-inferred'] === true ? '*' : ''}`),
  };
}

type Case = [string, { given: Given; want: Want }];

describe('the offset rule: integer offset and limit in the response, within three levels', () => {
  const cases: Case[] = [
    [
      "SoftwareOne's $meta.pagination, no query parameters: offset and limit are added, marked",
      {
        given: { body: { type: 'object', properties: { $meta: { type: 'object', properties: { pagination: { type: 'object', properties: { offset: int, limit: int, total: int } } } }, data: array } } },
        want: { pagination: { style: 'offset', items: '/data', offsetParam: 'offset', limitParam: 'limit', total: '/$meta/pagination/total' }, query: ['offset*', 'limit*'] },
      },
    ],
    [
      'offset and limit the page lists are kept and not marked',
      {
        given: { query: ['limit', 'offset'], body: { type: 'object', properties: { offset: int, limit: int, items: array } } },
        want: { pagination: { style: 'offset', items: '/items', offsetParam: 'offset', limitParam: 'limit' }, query: ['limit', 'offset'] },
      },
    ],
    [
      'only the missing one is added',
      {
        given: { query: ['limit'], body: { type: 'object', properties: { page: { type: 'object', properties: { offset: { type: 'number' }, limit: int } }, results: array } } },
        want: { pagination: { style: 'offset', items: '/results', offsetParam: 'offset', limitParam: 'limit' }, query: ['limit', 'offset*'] },
      },
    ],
    [
      'references and nullable references are followed',
      {
        given: {
          body: { $ref: '#/components/schemas/Page' },
          components: {
            schemas: {
              Page: { type: 'object', properties: { meta: { anyOf: [{ $ref: '#/components/schemas/Meta' }, { type: 'null' }] }, data: { $ref: '#/components/schemas/List' } } },
              Meta: { type: 'object', properties: { offset: int, limit: int, total: int } },
              List: array,
            },
          },
        },
        want: { pagination: { style: 'offset', items: '/data', offsetParam: 'offset', limitParam: 'limit', total: '/meta/total' }, query: ['offset*', 'limit*'] },
      },
    ],
    [
      'offset and limit that are strings are no offset block',
      { given: { body: { type: 'object', properties: { offset: { type: 'string' }, limit: int, data: array } } }, want: { pagination: undefined, query: [] } },
    ],
    [
      'deeper than three levels is not looked at',
      {
        given: { body: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', properties: { c: { type: 'object', properties: { d: { type: 'object', properties: { offset: int, limit: int } } } } } } } }, data: array } } },
        want: { pagination: undefined, query: [] },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(infer(given)).toEqual(want));
});

describe('the cursor rule: a cursor query parameter and a next-cursor field', () => {
  const cases: Case[] = [
    [
      'cursor and next_cursor, with has_more',
      {
        given: { query: ['cursor', 'limit'], body: { type: 'object', properties: { data: array, next_cursor: { type: 'string' }, has_more: { type: 'boolean' } } } },
        want: { pagination: { style: 'cursor', items: '/data', cursorParam: 'cursor', nextCursor: '/next_cursor', hasMore: '/has_more' }, query: ['cursor', 'limit'] },
      },
    ],
    [
      'pageToken and nextPageToken, no has_more',
      {
        given: { query: ['pageToken'], body: { type: 'object', properties: { nextPageToken: { type: 'string' }, items: array } } },
        want: { pagination: { style: 'cursor', items: '/items', cursorParam: 'pageToken', nextCursor: '/nextPageToken' }, query: ['pageToken'] },
      },
    ],
    [
      'a has_more that is not a boolean is left out',
      {
        given: { query: ['after'], body: { type: 'object', properties: { data: array, next_token: { type: 'string' }, hasMore: { type: 'string' } } } },
        want: { pagination: { style: 'cursor', items: '/data', cursorParam: 'after', nextCursor: '/next_token' }, query: ['after'] },
      },
    ],
    [
      'a cursor parameter by reference',
      {
        given: {
          body: { type: 'object', properties: { data: array, continuation_token: { type: 'string' } } },
          components: { parameters: { Cursor: { name: 'continuation_token', in: 'query', schema: { type: 'string' } } } },
          operation: { parameters: [{ $ref: '#/components/parameters/Cursor' }] },
        },
        want: { pagination: { style: 'cursor', items: '/data', cursorParam: 'continuation_token', nextCursor: '/continuation_token' }, query: [] },
      },
    ],
    [
      'a cursor parameter on the path item',
      {
        given: { body: { type: 'object', properties: { data: array, nextCursor: { type: 'string' } } }, pathItem: { parameters: [{ name: 'starting_after', in: 'query', schema: { type: 'string' } }] } },
        want: { pagination: { style: 'cursor', items: '/data', cursorParam: 'starting_after', nextCursor: '/nextCursor' }, query: [] },
      },
    ],
    ['a cursor parameter without a next cursor', { given: { query: ['cursor'], body: { type: 'object', properties: { data: array } } }, want: { pagination: undefined, query: ['cursor'] } }],
    ['a next cursor without a cursor parameter', { given: { body: { type: 'object', properties: { data: array, next_cursor: { type: 'string' } } } }, want: { pagination: undefined, query: [] } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(infer(given)).toEqual(want));
});

describe('the page rule: a page query parameter beside an array of items', () => {
  const cases: Case[] = [
    [
      'page and per_page, with total_pages',
      {
        given: { query: ['page', 'per_page'], body: { type: 'object', properties: { results: array, total_pages: int } } },
        want: { pagination: { style: 'page', items: '/results', pageParam: 'page', sizeParam: 'per_page', totalPages: '/total_pages' }, query: ['page', 'per_page'] },
      },
    ],
    [
      'page alone',
      { given: { query: ['page'], body: { type: 'object', properties: { items: array } } }, want: { pagination: { style: 'page', items: '/items', pageParam: 'page' }, query: ['page'] } },
    ],
    [
      'page with pageSize; a totalPages that is a string is left out',
      {
        given: { query: ['pageSize', 'page'], body: { type: 'object', properties: { items: array, totalPages: { type: 'string' } } } },
        want: { pagination: { style: 'page', items: '/items', pageParam: 'page', sizeParam: 'pageSize' }, query: ['pageSize', 'page'] },
      },
    ],
    ['a page-size parameter without page', { given: { query: ['per_page'], body: { type: 'object', properties: { items: array } } }, want: { pagination: undefined, query: ['per_page'] } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(infer(given)).toEqual(want));
});

describe('what no rule reads', () => {
  const cases: Case[] = [
    ['a body without an array', { given: { query: ['page'], body: { type: 'object', properties: { id: { type: 'string' } } } }, want: { pagination: undefined, query: ['page'] } }],
    ['a body with two arrays', { given: { query: ['page'], body: { type: 'object', properties: { a: array, b: array } } }, want: { pagination: undefined, query: ['page'] } }],
    ['a POST', { given: { method: 'post', query: ['page'], body: { type: 'object', properties: { items: array } } }, want: { pagination: undefined, query: ['page'] } }],
    [
      'an operation that declares its own x-pagination',
      {
        given: { query: ['page'], body: { type: 'object', properties: { items: array } }, operation: { 'x-pagination': { style: 'next-link', items: '/items' } } },
        want: { pagination: { style: 'next-link', items: '/items' }, query: ['page'] },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(infer(given)).toEqual(want));
});

describe('turned off', () => {
  it('declares nothing and adds no parameter', () => {
    const fragment = documentOf({ body: { type: 'object', properties: { offset: int, limit: int, data: array } } }) as JsonValue as JsonObject;
    const on = normalizeApi([{ page: 'a.json', fragment }]).document;
    const off = normalizeApi([{ page: 'a.json', fragment }], { inferPagination: false }).document;
    const get = (doc: JsonObject) => ((doc.paths as JsonObject)['/things'] as JsonObject).get as JsonObject;
    expect(get(on)['x-pagination']).toMatchObject({ style: 'offset' });
    expect(get(on).parameters).toHaveLength(2);
    expect(get(off)['x-pagination']).toBeUndefined();
    expect(get(off).parameters).toBeUndefined();
  });
});
