import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs, summarize, type SpecChange } from '../../generator/diff/diff-specs.js';
import type { JsonObject } from '../../generator/openapi-types.js';

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
      { base: takes(`[${ID}]`), head: takes(`[{ name: thingId, in: path, required: true, schema: { type: string } }]`, '/things/{thingId}'), want: [['parameter-removed', true], ['parameter-added', true]] },
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
    expect(summarize(changes)).toEqual({ total: 1, breaking: 0 });
  });
});
