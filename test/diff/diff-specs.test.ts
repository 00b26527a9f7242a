import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countChanges, diffSpecs, type SpecChange } from '../../generator/diff/diff-specs.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';

function spec(yaml: string): JsonObject {
  return parse(`openapi: 3.1.0\ninfo: { title: T, version: "1" }\n${yaml}`) as JsonObject;
}

/** POST /things with a JSON request body of the given schema (flow YAML). */
const sends = (schema: string, body = '') => `paths:
  /things:
    post:
      operationId: createThing
      requestBody:${body}
        content:
          application/json:
            schema: ${schema}
      responses:
        "201": { description: Created }
`;

/** GET /things answering 200 with a JSON body of the given schema (flow YAML). */
const returns = (schema: string, more = '') => `paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: ${schema}
${more}`;

/** GET /things/{id} with the given parameter list (flow YAML). */
const takes = (parameters: string, route = '/things/{id}') => `paths:
  ${route}:
    get:
      operationId: getThing
      parameters: ${parameters}
      responses:
        "200": { description: OK }
`;

const NO_BODY = sends('{ type: object }').replace(/ {6}requestBody:[\s\S]*?(?= {6}responses)/, '');
const ID = '{ name: id, in: path, required: true, schema: { type: string } }';

type Row = [kind: SpecChange['kind'], breaking: boolean];
function kinds(base: string, head: string): Row[] {
  return diffSpecs(spec(base), spec(head)).map((c) => [c.kind, c.breaking]);
}

describe('diffSpecs: each class of change, and whether it breaks callers', () => {
  it.each<[string, { base: string; head: string; want: Row[] }]>([
    // Operations
    ['an operation added', { base: 'paths: {}', head: returns('{ type: string }'), want: [['operation-added', false]] }],
    ['an operation removed', { base: returns('{ type: string }'), head: 'paths: {}', want: [['operation-removed', true]] }],
    ['an operationId changed (the method is named after it)', { base: returns('{ type: string }'), head: returns('{ type: string }').replace('listThings', 'getThings'), want: [['operation-id-changed', true]] }],
    // Parameters
    ['a required parameter added', { base: takes(`[${ID}]`), head: takes(`[${ID}, { name: q, in: query, required: true, schema: { type: string } }]`), want: [['parameter-added', true]] }],
    ['an optional parameter added', { base: takes(`[${ID}]`), head: takes(`[${ID}, { name: q, in: query, schema: { type: string } }]`), want: [['parameter-added', false]] }],
    ['a parameter removed', { base: takes(`[${ID}, { name: q, in: query, schema: { type: string } }]`), head: takes(`[${ID}]`), want: [['parameter-removed', true]] }],
    ['a parameter made required', { base: takes(`[${ID}, { name: q, in: query, schema: { type: string } }]`), head: takes(`[${ID}, { name: q, in: query, required: true, schema: { type: string } }]`), want: [['parameter-became-required', true]] }],
    ['a parameter made optional', { base: takes(`[${ID}, { name: q, in: query, required: true, schema: { type: string } }]`), head: takes(`[${ID}, { name: q, in: query, schema: { type: string } }]`), want: [['parameter-became-optional', false]] }],
    [
      'a path parameter renamed (same URL, new key in `path`)',
      { base: takes(`[${ID}]`), head: takes(`[{ name: thingId, in: path, required: true, schema: { type: string } }]`, '/things/{thingId}'), want: [['path-parameter-renamed', true]] },
    ],
    ['a header parameter whose name changes case only', { base: takes(`[${ID}, { name: X-Trace, in: header, schema: { type: string } }]`), head: takes(`[${ID}, { name: x-trace, in: header, schema: { type: string } }]`), want: [] }],
    ['a query enum value removed', { base: takes(`[${ID}, { name: q, in: query, schema: { enum: [a, b] } }]`), head: takes(`[${ID}, { name: q, in: query, schema: { enum: [a] } }]`), want: [['enum-value-removed', true]] }],
    // Request bodies
    ['a required request body added', { base: NO_BODY, head: sends('{ type: object }', '\n        required: true'), want: [['request-body-added', true]] }],
    ['an optional request body added', { base: NO_BODY, head: sends('{ type: object }'), want: [['request-body-added', false]] }],
    ['an optional request body removed', { base: sends('{ type: object }'), head: NO_BODY, want: [['request-body-removed', true]] }],
    ['a request body made required', { base: sends('{ type: object }'), head: sends('{ type: object }', '\n        required: true'), want: [['request-body-became-required', true]] }],
    ['a request body made optional', { base: sends('{ type: object }', '\n        required: true'), head: sends('{ type: object }'), want: [['request-body-became-optional', false]] }],
    ['a request media type added', { base: sends('{ type: object }'), head: sends('{ type: object }').replace('          application/json:', '          text/plain: { schema: { type: string } }\n          application/json:'), want: [['media-type-added', false]] }],
    ['a request media type removed', { base: sends('{ type: object }').replace('          application/json:', '          text/plain: { schema: { type: string } }\n          application/json:'), head: sends('{ type: object }'), want: [['media-type-removed', true]] }],
    // Request properties
    ['a required request property added', { base: sends('{ type: object, properties: { a: { type: string } } }'), head: sends('{ type: object, required: [b], properties: { a: { type: string }, b: { type: string } } }'), want: [['property-added', true]] }],
    ['an optional request property added', { base: sends('{ type: object, properties: { a: { type: string } } }'), head: sends('{ type: object, properties: { a: { type: string }, b: { type: string } } }'), want: [['property-added', false]] }],
    ['a request property removed', { base: sends('{ type: object, properties: { a: { type: string }, b: { type: string } } }'), head: sends('{ type: object, properties: { a: { type: string } } }'), want: [['property-removed', true]] }],
    ['a request property made required', { base: sends('{ type: object, properties: { a: { type: string } } }'), head: sends('{ type: object, required: [a], properties: { a: { type: string } } }'), want: [['property-became-required', true]] }],
    ['a request property made optional', { base: sends('{ type: object, required: [a], properties: { a: { type: string } } }'), head: sends('{ type: object, properties: { a: { type: string } } }'), want: [['property-became-optional', false]] }],
    ['a required readOnly property added to a request (never sent)', { base: sends('{ type: object, properties: { a: { type: string } } }'), head: sends('{ type: object, required: [id], properties: { a: { type: string }, id: { type: string, readOnly: true } } }'), want: [] }],
    ['a required property added through allOf', { base: sends('{ allOf: [{ type: object, properties: { a: { type: string } } }] }'), head: sends('{ allOf: [{ type: object, properties: { a: { type: string } } }, { required: [b], properties: { b: { type: integer } } }] }'), want: [['property-added', true]] }],
    // Response properties
    ['a response property added', { base: returns('{ type: object, properties: { a: { type: string } } }'), head: returns('{ type: object, required: [b], properties: { a: { type: string }, b: { type: string } } }'), want: [['property-added', false]] }],
    ['a response property removed', { base: returns('{ type: object, properties: { a: { type: string }, b: { type: string } } }'), head: returns('{ type: object, properties: { a: { type: string } } }'), want: [['property-removed', true]] }],
    ['a response property made optional', { base: returns('{ type: object, required: [a], properties: { a: { type: string } } }'), head: returns('{ type: object, properties: { a: { type: string } } }'), want: [['property-became-optional', true]] }],
    ['a response property made required', { base: returns('{ type: object, properties: { a: { type: string } } }'), head: returns('{ type: object, required: [a], properties: { a: { type: string } } }'), want: [['property-became-required', false]] }],
    ['a property removed inside array items', { base: returns('{ type: array, items: { type: object, properties: { a: { type: string } } } }'), head: returns('{ type: array, items: { type: object } }'), want: [['property-removed', true]] }],
    // Types
    ['a request integer widened to number', { base: sends('{ type: integer }'), head: sends('{ type: number }'), want: [['type-changed', false]] }],
    ['a request number narrowed to integer', { base: sends('{ type: number }'), head: sends('{ type: integer }'), want: [['type-changed', true]] }],
    ['a request string changed to integer', { base: sends('{ type: string }'), head: sends('{ type: integer }'), want: [['type-changed', true]] }],
    ['a request property made nullable', { base: sends('{ type: object, properties: { a: { type: string } } }'), head: sends('{ type: object, properties: { a: { type: [string, "null"] } } }'), want: [['type-changed', false]] }],
    ['a response integer widened to number', { base: returns('{ type: integer }'), head: returns('{ type: number }'), want: [['type-changed', true]] }],
    ['a response number narrowed to integer', { base: returns('{ type: number }'), head: returns('{ type: integer }'), want: [['type-changed', false]] }],
    ['a response property made nullable (anyOf with null)', { base: returns('{ type: object, properties: { a: { type: string } } }'), head: returns('{ type: object, properties: { a: { anyOf: [{ type: string }, { type: "null" }] } } }'), want: [['type-changed', true]] }],
    ['a response union given another alternative', { base: returns('{ anyOf: [{ type: string }, { type: integer }] }'), head: returns('{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }'), want: [['type-changed', true]] }],
    // Enums
    ['a response enum value added (exhaustive switches)', { base: returns('{ enum: [a, b] }'), head: returns('{ enum: [a, b, c] }'), want: [['enum-value-added', true]] }],
    ['a response enum value removed', { base: returns('{ enum: [a, b] }'), head: returns('{ enum: [a] }'), want: [['enum-value-removed', false]] }],
    ['a request enum value added', { base: sends('{ enum: [a, b] }'), head: sends('{ enum: [a, b, c] }'), want: [['enum-value-added', false]] }],
    ['a request enum value removed', { base: sends('{ enum: [a, b] }'), head: sends('{ enum: [a] }'), want: [['enum-value-removed', true]] }],
    ['a request string limited to an enum', { base: sends('{ type: string }'), head: sends('{ type: string, enum: [a] }'), want: [['enum-added', true]] }],
    ['a response string no longer limited to an enum', { base: returns('{ type: string, enum: [a] }'), head: returns('{ type: string }'), want: [['enum-removed', true]] }],
    // Statuses and headers
    ['an error status added', { base: returns('{ type: string }'), head: returns('{ type: string }', '        "404": { description: Not found }\n'), want: [['status-added', false]] }],
    ['an error status removed (isError narrowing)', { base: returns('{ type: string }', '        "404": { description: Not found }\n'), head: returns('{ type: string }'), want: [['status-removed', true]] }],
    ['a success status removed', { base: returns('{ type: string }', '        "204": { description: Empty }\n'), head: returns('{ type: string }'), want: [['status-removed', true]] }],
    ['a response header removed', { base: returns('{ type: string }').replace('description: OK', 'description: OK\n          headers: { X-Rate: { schema: { type: integer } } }'), head: returns('{ type: string }'), want: [['response-header-removed', true]] }],
    ['a response header added', { base: returns('{ type: string }'), head: returns('{ type: string }').replace('description: OK', 'description: OK\n          headers: { X-Rate: { schema: { type: integer } } }'), want: [['response-header-added', false]] }],
    // Security and servers
    ['auth required where none was', { base: returns('{ type: string }'), head: `security: [{ token: [] }]\n${returns('{ type: string }')}`, want: [['security-added', true]] }],
    ['another way to authenticate', { base: `security: [{ token: [] }]\n${returns('{ type: string }')}`, head: `security: [{ token: [] }, { key: [] }]\n${returns('{ type: string }')}`, want: [['security-added', false]] }],
    ['a way to authenticate removed', { base: `security: [{ token: [] }, { key: [] }]\n${returns('{ type: string }')}`, head: `security: [{ token: [] }]\n${returns('{ type: string }')}`, want: [['security-removed', true]] }],
    ['a scope added to the only way to authenticate', { base: `security: [{ oauth: [read] }]\n${returns('{ type: string }')}`, head: `security: [{ oauth: [read, write] }]\n${returns('{ type: string }')}`, want: [['security-added', false], ['security-removed', true]] }],
    ['a scope dropped from the only way to authenticate (asks for less)', { base: `security: [{ oauth: [read, write] }]\n${returns('{ type: string }')}`, head: `security: [{ oauth: [read] }]\n${returns('{ type: string }')}`, want: [['security-added', false], ['security-removed', false]] }],
    ['the default server changed', { base: `servers: [{ url: https://a.example.test }]\npaths: {}`, head: `servers: [{ url: https://b.example.test }]\npaths: {}`, want: [['server-changed', true]] }],
    ['nothing at all', { base: returns('{ type: string }'), head: returns('{ type: string }'), want: [] }],
  ])('%s', (_name, { base, head, want }) => {
    expect(kinds(base, head)).toEqual(want);
  });
});

describe('diffSpecs: references, locations and sources', () => {
  const components = (instance: string) => `paths:
  /things:
    get:
      operationId: listThings
      x-specmill-source: pages/list.md:8:1
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: { $ref: "#/components/schemas/List" }
components:
  schemas:
    List:
      type: object
      properties:
        first: { $ref: "#/components/schemas/Thing" }
        items: { type: array, items: { $ref: "#/components/schemas/Thing" } }
      x-specmill-source: pages/list.md:8:40
    Thing:
${instance}
      x-specmill-sources: [pages/get.md:3:1, pages/list.md:8:90]
`;

  it('follows $ref into components and reports the change there, once per operation, with the component page', () => {
    const base = components('      type: object\n      properties: { status: { enum: [on, off] } }');
    const head = components('      type: object\n      properties: { status: { enum: [on, off, paused] } }');
    expect(diffSpecs(spec(base), spec(head))).toEqual([
      {
        kind: 'enum-value-added',
        breaking: true,
        operation: 'GET /things',
        operationId: 'listThings',
        direction: 'response',
        pointer: '/components/schemas/Thing/properties/status/enum/2',
        source: 'pages/get.md:3:1',
        message: 'response 200 body property first.status can be "paused"',
        reason: "an exhaustive switch over the values no longer covers them all (TypeScript's never check fails)",
      },
    ]);
  });

  it('compares structure, so a schema moved into a component is no change', () => {
    const inline = returns('{ type: object, properties: { a: { type: string } } }');
    const viaRef = `${returns('{ $ref: "#/components/schemas/A" }')}components:\n  schemas:\n    A: { type: object, properties: { a: { type: string } } }\n`;
    expect(diffSpecs(spec(inline), spec(viaRef))).toEqual([]);
  });

  it('ends on recursive schemas and still finds the change inside', () => {
    const tree = (leaf: string) => `${returns('{ $ref: "#/components/schemas/Node" }')}components:
  schemas:
    Node:
      type: object
      properties:
        name: { type: ${leaf} }
        children: { type: array, items: { $ref: "#/components/schemas/Node" } }
        parent: { $ref: "#/components/schemas/Node" }
`;
    const changes = diffSpecs(spec(tree('string')), spec(tree('integer')));
    expect(changes.map((c) => [c.kind, c.pointer, c.message])).toEqual([['type-changed', '/components/schemas/Node/properties/name', 'response 200 body property name changed type from string to integer']]);
  });

  it('points at the operation and its page for what is removed, in the base spec', () => {
    const base = `paths:\n  /old:\n    delete:\n      operationId: deleteOld\n      x-specmill-source: pages/old.md:2:1\n      responses: { "204": { description: Gone } }\n`;
    expect(diffSpecs(spec(base), spec('paths: {}'))).toEqual([
      { kind: 'operation-removed', breaking: true, operation: 'DELETE /old', operationId: 'deleteOld', pointer: '/paths/~1old/delete', source: 'pages/old.md:2:1', message: 'removed DELETE /old', reason: "callers of the operation's method no longer compile" },
    ]);
  });

  it('treats a spec with no base as all new operations', () => {
    const changes = diffSpecs(undefined, spec(`${returns('{ type: string }')}`));
    expect(changes.map((c) => [c.kind, c.breaking, c.operation])).toEqual([['operation-added', false, 'GET /things']]);
    expect(countChanges(changes)).toEqual({ total: 1, breaking: 0 });
  });
});

describe('diffSpecs: validation keywords, requests narrowing and responses widening', () => {
  const query = (schema: string) => takes(`[${ID}, { name: q, in: query, schema: ${schema} }]`);
  const sendsProp = (schema: string) => sends(`{ type: object, properties: { name: ${schema} } }`);

  it('reports a request parameter whose maxLength dropped, with the keyword and both values', () => {
    const [change, ...rest] = diffSpecs(spec(query('{ type: string, maxLength: 64 }')), spec(query('{ type: string, maxLength: 32 }')));
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      kind: 'constraint-narrowed',
      breaking: true,
      direction: 'request',
      pointer: '/paths/~1things~1{id}/get/parameters/1/schema/maxLength',
      message: 'query parameter q: maxLength lowered from 64 to 32',
      reason: 'values callers could send before are refused now',
    });
    expect(change).not.toHaveProperty('fromProse');
  });

  it.each<[string, { base: string; head: string; want: Row[] }]>([
    ['a request property minimum raised', { base: sendsProp('{ type: integer, minimum: 0 }'), head: sendsProp('{ type: integer, minimum: 18 }'), want: [['constraint-narrowed', true]] }],
    ['a pattern added to a request property', { base: sendsProp('{ type: string }'), head: sendsProp('{ type: string, pattern: "^[a-z]+$" }'), want: [['constraint-narrowed', true]] }],
    ['a request pattern changed (neither side contains the other, as far as can be told)', { base: sendsProp('{ type: string, pattern: "^[a-z]+$" }'), head: sendsProp('{ type: string, pattern: "^[a-z0-9]+$" }'), want: [['constraint-changed', true]] }],
    ['a request maxItems raised', { base: sends('{ type: array, items: { type: string }, maxItems: 5 }'), head: sends('{ type: array, items: { type: string }, maxItems: 10 }'), want: [['constraint-widened', false]] }],
    ['a response maxLength raised', { base: returns('{ type: string, maxLength: 5 }'), head: returns('{ type: string, maxLength: 10 }'), want: [['constraint-widened', true]] }],
    ['a response minimum raised', { base: returns('{ type: integer, minimum: 0 }'), head: returns('{ type: integer, minimum: 1 }'), want: [['constraint-narrowed', false]] }],
    ['a response pattern removed', { base: returns('{ type: string, pattern: "^a" }'), head: returns('{ type: string }'), want: [['constraint-widened', true]] }],
    ['a request multipleOf from 2 to 4 (a subset)', { base: sends('{ type: integer, multipleOf: 2 }'), head: sends('{ type: integer, multipleOf: 4 }'), want: [['constraint-narrowed', true]] }],
    ['a request multipleOf from 4 to 2', { base: sends('{ type: integer, multipleOf: 4 }'), head: sends('{ type: integer, multipleOf: 2 }'), want: [['constraint-widened', false]] }],
    ['a response multipleOf from 2 to 3 (neither contains the other)', { base: returns('{ type: integer, multipleOf: 2 }'), head: returns('{ type: integer, multipleOf: 3 }'), want: [['constraint-changed', true]] }],
    ['a request format int64 narrowed to int32', { base: sends('{ type: integer, format: int64 }'), head: sends('{ type: integer, format: int32 }'), want: [['constraint-narrowed', true]] }],
    ['a response format int32 widened to int64', { base: returns('{ type: integer, format: int32 }'), head: returns('{ type: integer, format: int64 }'), want: [['constraint-widened', true]] }],
    ['a query enum added to a parameter', { base: query('{ type: string }'), head: query('{ type: string, enum: [a, b] }'), want: [['enum-added', true]] }],
    ['minLength 0 added (the default: no change)', { base: sends('{ type: string }'), head: sends('{ type: string, minLength: 0 }'), want: [] }],
    ['3.0 boolean exclusiveMaximum, upgraded, against the 3.1 number', { base: sends('{ type: number, exclusiveMaximum: 10 }'), head: sends('{ type: number, maximum: 10, exclusiveMaximum: true }'), want: [] }],
    ['an inclusive maximum made exclusive (3.0 boolean form)', { base: sends('{ type: number, maximum: 10 }'), head: sends('{ type: number, maximum: 10, exclusiveMaximum: true }'), want: [['constraint-narrowed', true]] }],
    ['a request property made readOnly (it leaves requests)', { base: sendsProp('{ type: string }'), head: sendsProp('{ type: string, readOnly: true }'), want: [['property-became-read-only', true]] }],
    ['a required request property no longer readOnly (it enters requests, required)', { base: sends('{ type: object, required: [id], properties: { id: { type: string, readOnly: true } } }'), head: sends('{ type: object, required: [id], properties: { id: { type: string } } }'), want: [['property-no-longer-read-only', true]] }],
    ['an optional request property no longer readOnly', { base: sendsProp('{ type: string, readOnly: true }'), head: sendsProp('{ type: string }'), want: [['property-no-longer-read-only', false]] }],
    ['a response property made writeOnly (it leaves responses)', { base: returns('{ type: object, properties: { secret: { type: string } } }'), head: returns('{ type: object, properties: { secret: { type: string, writeOnly: true } } }'), want: [['property-became-write-only', true]] }],
    ['a response property no longer writeOnly', { base: returns('{ type: object, required: [secret], properties: { secret: { type: string, writeOnly: true } } }'), head: returns('{ type: object, required: [secret], properties: { secret: { type: string } } }'), want: [['property-no-longer-write-only', false]] }],
    ['a readOnly request property tightened (never sent, so no change)', { base: sendsProp('{ type: string, readOnly: true }'), head: sendsProp('{ type: string, readOnly: true, maxLength: 3 }'), want: [] }],
    ['an x-extensible-enum value dropped from a request', { base: sendsProp('{ type: string, x-extensible-enum: [a, b] }'), head: sendsProp('{ type: string, x-extensible-enum: [a] }'), want: [['enum-value-removed', true]] }],
    ['an x-extensible-enum value added to a response (declared open)', { base: returns('{ type: string, x-extensible-enum: [a] }'), head: returns('{ type: string, x-extensible-enum: [a, b] }'), want: [['enum-value-added', false]] }],
    ['a request union given another alternative', { base: sends('{ anyOf: [{ type: string }, { type: integer }] }'), head: sends('{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }'), want: [['type-changed', false]] }],
    ['a request union losing an alternative', { base: sends('{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }'), head: sends('{ oneOf: [{ type: string }, { type: integer }] }'), want: [['type-changed', true]] }],
    ['a response union losing an alternative', { base: returns('{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }'), head: returns('{ anyOf: [{ type: string }, { type: integer }] }'), want: [['type-changed', false]] }],
    ['a response header no longer required', { base: returns('{ type: string }').replace('description: OK', 'description: OK\n          headers: { X-Rate: { required: true, schema: { type: integer } } }'), head: returns('{ type: string }').replace('description: OK', 'description: OK\n          headers: { X-Rate: { schema: { type: integer } } }'), want: [['response-header-became-optional', true]] }],
  ])('%s', (_name, { base, head, want }) => {
    expect(kinds(base, head)).toEqual(want);
  });

  it('says which constraints a page stated only in prose', () => {
    const changes = diffSpecs(spec(sendsProp('{ type: string, maxLength: 64, x-specmill-from-prose: [maxLength] }')), spec(sendsProp('{ type: string, maxLength: 32, pattern: "^[a-z]+$", x-specmill-from-prose: [maxLength] }')));
    expect(changes.map((c) => [c.message, c.fromProse ?? false])).toEqual([
      ['request body property name: maxLength lowered from 64 to 32', true],
      ['request body property name: pattern "^[a-z]+$" added', false],
    ]);
  });
});

describe('diffSpecs: a path parameter renamed', () => {
  it('is one breaking change naming both names, and the rest of the parameter is still compared', () => {
    const base = takes(`[{ name: bookId, in: path, required: true, schema: { type: string } }]`, '/books/{bookId}');
    const head = takes(`[{ name: id, in: path, required: true, schema: { type: string, maxLength: 10 } }]`, '/books/{id}');
    const changes = diffSpecs(spec(base), spec(head));
    expect(changes.map((c) => [c.kind, c.breaking, c.operation, c.pointer, c.message])).toEqual([
      ['path-parameter-renamed', true, 'GET /books/{id}', '/paths/~1books~1{id}/get/parameters/0', 'path parameter bookId renamed to id'],
      ['constraint-narrowed', true, 'GET /books/{id}', '/paths/~1books~1{id}/get/parameters/0/schema/maxLength', 'path parameter id: maxLength 10 added'],
    ]);
  });

  it('matches the names by their place in the path', () => {
    const two = (a: string, b: string) => takes(`[{ name: ${a}, in: path, required: true, schema: { type: string } }, { name: ${b}, in: path, required: true, schema: { type: string } }]`, `/shelves/{${a}}/books/{${b}}`);
    expect(diffSpecs(spec(two('shelf', 'book')), spec(two('shelf', 'id'))).map((c) => c.message)).toEqual(['path parameter book renamed to id']);
  });
});

describe('diffSpecs: a change to a shared schema', () => {
  const shared = (status: string) => `paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Thing" } } } } }
  /things/{id}:
    get:
      operationId: getThing
      parameters: [${ID}]
      responses:
        "200": { description: OK, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
    put:
      operationId: putThing
      parameters: [${ID}]
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
      responses: { "204": { description: Done } }
components:
  schemas:
    Thing:
      type: object
      properties: { status: { enum: [${status}] } }
      x-specmill-source: pages/thing.md:3:1
`;

  it('is reported once per direction, said of the schema, with the operations it reaches', () => {
    expect(diffSpecs(spec(shared('on, off')), spec(shared('on, off, paused')))).toEqual([
      {
        kind: 'enum-value-added',
        breaking: true,
        direction: 'response',
        pointer: '/components/schemas/Thing/properties/status/enum/2',
        source: 'pages/thing.md:3:1',
        message: 'schema Thing property status can be "paused"',
        reason: "an exhaustive switch over the values no longer covers them all (TypeScript's never check fails)",
        operations: [
          { operation: 'GET /things', operationId: 'listThings' },
          { operation: 'GET /things/{id}', operationId: 'getThing' },
        ],
      },
      {
        kind: 'enum-value-added',
        breaking: false,
        operation: 'PUT /things/{id}',
        operationId: 'putThing',
        direction: 'request',
        pointer: '/components/schemas/Thing/properties/status/enum/2',
        source: 'pages/thing.md:3:1',
        message: 'request body property status can be "paused"',
        reason: 'callers may send it but need not',
      },
    ]);
  });
});

describe('diffSpecs: deprecated operations and their sunset', () => {
  const op = (extra: string) => `paths:\n  /old:\n    get:\n      operationId: getOld\n${extra}      responses: { "204": { description: Done } }\n`;
  const removal = (extra: string, options?: Parameters<typeof diffSpecs>[2]) => diffSpecs(spec(op(extra)), spec('paths: {}'), options).map((c) => [c.kind, c.breaking, c.message, c.reason]);
  const policy = { deprecationDays: 30, today: '2025-06-01' };

  it('breaks callers when a deprecated operation goes, unless the policy is on and its sunset has passed', () => {
    expect(removal('      deprecated: true\n      x-sunset: "2025-01-01"\n')).toEqual([['operation-removed', true, 'removed deprecated GET /old (sunset 2025-01-01)', "callers of the operation's method no longer compile, deprecated or not"]]);
    expect(removal('      deprecated: true\n      x-sunset: "2025-01-01"\n', policy)).toEqual([['operation-removed', false, 'removed deprecated GET /old (sunset 2025-01-01)', 'it was deprecated and its sunset date 2025-01-01 has passed']]);
    expect(removal('      deprecated: true\n      x-sunset: "2025-06-01T08:00:00Z"\n', policy)).toEqual([['operation-removed', false, 'removed deprecated GET /old (sunset 2025-06-01)', 'it was deprecated and its sunset date 2025-06-01 has passed']]);
    expect(removal('      deprecated: true\n      x-sunset: "2025-06-02"\n', policy)).toEqual([['operation-removed', true, 'removed deprecated GET /old (sunset 2025-06-02)', 'its sunset date 2025-06-02 is still ahead']]);
    expect(removal('      deprecated: true\n', policy)).toEqual([['operation-removed', true, 'removed deprecated GET /old', 'it was deprecated without an x-sunset date, so callers were never told when it goes']]);
    expect(removal('      deprecated: true\n      x-sunset: "next spring"\n', policy)).toEqual([['operation-removed', true, 'removed deprecated GET /old', 'its x-sunset "next spring" is not an RFC 3339 date']]);
    expect(removal('      deprecated: true\n      x-sunset: "2025-02-30"\n', policy)[0]?.[1]).toBe(true);
    expect(removal('      x-sunset: "2025-01-01"\n', policy)).toEqual([['operation-removed', true, 'removed GET /old', "callers of the operation's method no longer compile"]]);
  });

  it('reports a deprecation as news, and under the policy asks it for a sunset far enough ahead', () => {
    const deprecate = (extra: string, options?: Parameters<typeof diffSpecs>[2]) => diffSpecs(spec(op('')), spec(op(extra)), options).map((c) => [c.kind, c.breaking, c.message, c.reason]);
    expect(deprecate('      deprecated: true\n')).toEqual([['operation-deprecated', false, 'deprecated', 'its method still works; callers are told to move']]);
    expect(deprecate('      deprecated: true\n', policy)).toEqual([['operation-deprecated', true, 'deprecated', '--deprecation-days 30 asks a deprecation for an x-sunset date at least 30 days ahead']]);
    expect(deprecate('      deprecated: true\n      x-sunset: "2025-06-20"\n', policy)).toEqual([['operation-deprecated', true, 'deprecated with sunset 2025-06-20', 'its sunset date 2025-06-20 is less than 30 days ahead']]);
    expect(deprecate('      deprecated: true\n      x-sunset: "2025-07-01"\n', policy)).toEqual([['operation-deprecated', false, 'deprecated with sunset 2025-07-01', 'its method still works; callers are told to move']]);
  });

  it('under the policy, refuses a sunset moved sooner than the grace period or dropped', () => {
    const move = (from: string, to: string) => diffSpecs(spec(op(`      deprecated: true\n${from}`)), spec(op(`      deprecated: true\n${to}`)), policy).map((c) => [c.kind, c.breaking, c.message]);
    expect(move('      x-sunset: "2025-09-01"\n', '      x-sunset: "2025-06-10"\n')).toEqual([['operation-sunset-changed', true, 'the sunset date changed from 2025-09-01 to 2025-06-10']]);
    expect(move('      x-sunset: "2025-06-10"\n', '      x-sunset: "2025-06-20"\n')).toEqual([['operation-sunset-changed', false, 'the sunset date changed from 2025-06-10 to 2025-06-20']]);
    expect(move('      x-sunset: "2025-09-01"\n', '')).toEqual([['operation-sunset-changed', true, 'the sunset date 2025-09-01 was removed']]);
  });
});
