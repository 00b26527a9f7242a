// From a pointer into a page's fragment to the place in the written spec, through the stamps both
// carry; and pointers as people read them.
import { describe, expect, it } from 'vitest';
import { indexSpec, placeInSpec, readablePointer } from '../../generator/report/spec-locations.js';

const FRAGMENT = {
  openapi: '3.1.0',
  paths: { '/v1/orders': { post: { 'x-specmill-source': 'p.md:3:1', requestBody: {}, responses: { '201': { description: 'Created' } } } } },
  components: { schemas: { Order: { type: 'object', 'x-specmill-source': 'p.md:20:1' } } },
};

// The normalizer moved the path under the server's base path and renamed the schema on a clash.
const SPEC = {
  openapi: '3.1.0',
  paths: { '/orders': { post: { 'x-specmill-source': 'p.md:3:1', requestBody: {}, responses: { '201': { description: 'Created' } } } } },
  components: { schemas: { Order2: { type: 'object', 'x-specmill-sources': ['q.md:1:1', 'p.md:20:1'] } } },
};

describe('placeInSpec', () => {
  it.each<[string, string, { pointer: string; found: boolean }]>([
    ['the operation, by its stamp', '/paths/~1v1~1orders/post', { pointer: '/paths/~1orders/post', found: true }],
    ['a part of the operation', '/paths/~1v1~1orders/post/responses/201', { pointer: '/paths/~1orders/post/responses/201', found: true }],
    ['a part the spec lacks', '/paths/~1v1~1orders/post/description', { pointer: '/paths/~1orders/post/description', found: false }],
    ['a schema seen on several pages', '/components/schemas/Order', { pointer: '/components/schemas/Order2', found: true }],
    ['no stamp on the way: the pointer as it is', '/openapi', { pointer: '/openapi', found: true }],
  ])('%s', (_, pointer, want) => {
    expect(placeInSpec(FRAGMENT, pointer, indexSpec(SPEC))).toEqual(want);
  });

  it('a stamp the spec does not carry (an older spec) keeps the fragment pointer, not found', () => {
    expect(placeInSpec(FRAGMENT, '/paths/~1v1~1orders/post/requestBody', indexSpec({ openapi: '3.1.0', paths: {} }))).toEqual({ pointer: '/paths/~1v1~1orders/post/requestBody', found: false });
  });
});

describe('readablePointer', () => {
  it.each([
    ['/paths/~1v1~1x/post/requestBody', 'paths./v1/x.post.requestBody'],
    ['/components/schemas/a~0b', 'components.schemas.a~b'],
    ['/paths/~1x/get/parameters/0', 'paths./x.get.parameters.0'],
    ['', '(the whole spec)'],
    ['not a pointer', 'not a pointer'],
  ])('%s reads %s', (pointer, want) => {
    expect(readablePointer(pointer)).toBe(want);
  });
});
