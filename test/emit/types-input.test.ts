// The copy of the spec that openapi-typescript reads: each reshaping, given a spec, wants a copy;
// the spec itself is never changed, and a spec that needs no reshaping is handed over as it is.
import { describe, expect, it } from 'vitest';
import { reshapeForTypes } from '../../generator/emit/types-input.js';
import { operationTypeKeys } from '../../generator/model/operation-keys.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';

const ok = { '200': { description: 'OK' } };

function withSchemas(schemas: JsonObject, paths: JsonObject = {}): JsonObject {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas } };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('hoisting a $ref into another schema', () => {
  const disks = { type: 'array', items: { type: 'object', properties: { size: { type: 'integer' } } } };
  const paging = { type: 'object', properties: { next: { type: 'string' } } };
  const listPath = (schema: JsonObject) => ({ '/vms': { get: { operationId: 'listVms', responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } } } });

  it.each<[string, { given: JsonObject; want: Record<string, unknown> }]>([
    [
      'an array item inside a component becomes a component, and both places refer to it',
      {
        given: withSchemas({ Vm: { type: 'object', properties: { disks } }, Disk: { $ref: '#/components/schemas/Vm/properties/disks/items' } }),
        want: {
          'Vm.disks.items': disks.items,
          Vm: { type: 'object', properties: { disks: { type: 'array', items: { $ref: '#/components/schemas/Vm.disks.items' } } } },
          Disk: { $ref: '#/components/schemas/Vm.disks.items' },
        },
      },
    ],
    [
      'a property of a response schema under paths',
      {
        given: withSchemas(
          { Other: { type: 'object', properties: { paging: { $ref: '#/paths/~1vms/get/responses/200/content/application~1json/schema/properties/paging' } } } },
          listPath({ type: 'object', properties: { paging: { ...paging, description: 'The page' } } }),
        ),
        want: {
          '/vms.get.200.application/json.paging': { ...paging, description: 'The page' },
          Other: { type: 'object', properties: { paging: { $ref: '#/components/schemas/~1vms.get.200.application~1json.paging' } } },
        },
      },
    ],
    [
      'a reference into a reference target, deepest first, with a name taken by another component',
      {
        given: withSchemas({
          'A.b': { type: 'string' },
          A: { type: 'object', properties: { b: { type: 'object', properties: { c: { type: 'integer' } } } } },
          X: { type: 'object', properties: { b: { $ref: '#/components/schemas/A/properties/b' }, c: { $ref: '#/components/schemas/A/properties/b/properties/c' } } },
        }),
        want: {
          'A.b': { type: 'string' },
          'A.b.c': { type: 'integer' },
          A_b_2: undefined,
          'A.b_2': { type: 'object', properties: { c: { $ref: '#/components/schemas/A.b.c' } } },
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/A.b_2' } } },
          X: { type: 'object', properties: { b: { $ref: '#/components/schemas/A.b_2' }, c: { $ref: '#/components/schemas/A.b.c' } } },
        },
      },
    ],
    [
      'a percent-encoded pointer, and the annotations of the place it came from kept beside the $ref',
      {
        given: withSchemas({
          'My Vm': { type: 'object', properties: { size: { type: 'integer', default: 1, description: 'GB' } } },
          Y: { $ref: '#/components/schemas/My%20Vm/properties/size' },
        }),
        want: {
          'My Vm': { type: 'object', properties: { size: { $ref: '#/components/schemas/My Vm.size', default: 1, description: 'GB' } } },
          'My Vm.size': { type: 'integer', default: 1, description: 'GB' },
        },
      },
    ],
    [
      'references to whole components left alone',
      { given: withSchemas({ A: { type: 'string' }, B: { $ref: '#/components/schemas/A' } }), want: { A: { type: 'string' }, B: { $ref: '#/components/schemas/A' } } },
    ],
  ])('%s', (_name, { given, want }) => {
    const before = clone(given);
    const copy = reshapeForTypes(given);
    expect(given).toEqual(before);
    const schemas = (copy.components as JsonObject).schemas as JsonObject;
    for (const [name, schema] of Object.entries(want)) expect(schemas[name], name).toEqual(schema);
  });

  it('hoists a parameter of another operation into components.parameters, and follows references into a hoisted object', () => {
    const given: JsonObject = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/keys': { get: { operationId: 'listKeys', parameters: [{ name: 'per_page', in: 'query', schema: { type: 'integer' } }], responses: { '401': { description: 'No', headers: { 'x-reason': { schema: { type: 'string' } } } } } } },
        '/vms': {
          get: {
            operationId: 'listVms',
            parameters: [{ $ref: '#/paths/~1keys/get/parameters/0' }],
            responses: { '401': { $ref: '#/paths/~1keys/get/responses/401' }, '403': { description: 'No', headers: { 'x-reason': { $ref: '#/paths/~1keys/get/responses/401/headers/x-reason' } } } },
          },
        },
      },
    };
    const before = clone(given);
    const copy = reshapeForTypes(given);
    expect(given).toEqual(before);
    expect(copy.components).toEqual({
      parameters: { '/keys.get.0': { name: 'per_page', in: 'query', schema: { type: 'integer' } } },
      responses: { '/keys.get.401': { description: 'No', headers: { 'x-reason': { $ref: '#/components/headers/~1keys.get.401.x-reason' } } } },
      headers: { '/keys.get.401.x-reason': { schema: { type: 'string' } } },
    });
    const vms = ((copy.paths as JsonObject)['/vms'] as JsonObject).get as JsonObject;
    expect(vms.parameters).toEqual([{ $ref: '#/components/parameters/~1keys.get.0' }]);
    expect(vms.responses).toEqual({ '401': { $ref: '#/components/responses/~1keys.get.401' }, '403': { description: 'No', headers: { 'x-reason': { $ref: '#/components/headers/~1keys.get.401.x-reason' } } } });
  });

  it('rewrites a discriminator mapping that names a hoisted schema', () => {
    const copy = reshapeForTypes(
      withSchemas({
        Box: { type: 'object', properties: { inner: { type: 'object', properties: { kind: { type: 'string' } } } } },
        Inner: { $ref: '#/components/schemas/Box/properties/inner' },
        Any: { oneOf: [{ $ref: '#/components/schemas/Box/properties/inner' }], discriminator: { propertyName: 'kind', mapping: { inner: '#/components/schemas/Box/properties/inner' } } },
      }),
    );
    const any = ((copy.components as JsonObject).schemas as JsonObject).Any as JsonObject;
    expect(any).toEqual({ oneOf: [{ $ref: '#/components/schemas/Box.inner' }], discriminator: { propertyName: 'kind', mapping: { inner: '#/components/schemas/Box.inner' } } });
  });
});

describe('discriminator properties', () => {
  const pet = { type: 'object', required: ['class'], properties: { class: { type: 'string' }, name: { type: 'string' } }, discriminator: { propertyName: 'class' } };
  const dog = (extra: JsonObject = {}) => ({ allOf: [{ $ref: '#/components/schemas/Pet' }], type: 'object', properties: { class: { type: 'string' }, bark: { type: 'boolean' } }, ...extra });

  it.each<[string, { given: JsonObject; want: JsonObject }]>([
    ['a component inheriting the discriminator through allOf loses its own declaration of the property', { given: withSchemas({ Pet: pet, Dog: dog() }), want: { properties: { bark: { type: 'boolean' } } } }],
    [
      'the same in an inline allOf member that itself has an allOf (printed under the component)',
      {
        given: withSchemas({ Pet: pet, Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { allOf: [{ type: 'object' }], properties: { class: { type: 'string' }, bark: { type: 'boolean' } } }] } }),
        want: { allOf: [{ $ref: '#/components/schemas/Pet' }, { allOf: [{ type: 'object' }], properties: { bark: { type: 'boolean' } } }] },
      },
    ],
    [
      'a component the mapping names keeps it: openapi-typescript adds the value to an allOf member instead',
      { given: withSchemas({ Pet: { ...pet, discriminator: { propertyName: 'class', mapping: { dog: '#/components/schemas/Dog' } } }, Dog: dog() }), want: { properties: { class: { type: 'string' }, bark: { type: 'boolean' } } } },
    ],
    ['a component with a discriminator of its own keeps it', { given: withSchemas({ Pet: pet, Dog: dog({ discriminator: { propertyName: 'class' } }) }), want: { properties: { class: { type: 'string' }, bark: { type: 'boolean' } } } }],
    [
      'a component whose allOf names a schema without a discriminator keeps it',
      { given: withSchemas({ Pet: { ...pet, discriminator: undefined }, Dog: dog() }), want: { properties: { class: { type: 'string' }, bark: { type: 'boolean' } } } },
    ],
  ])('%s', (_name, { given, want }) => {
    const before = clone(given);
    const copy = reshapeForTypes(given);
    expect(given).toEqual(before);
    expect(((copy.components as JsonObject).schemas as JsonObject).Dog).toMatchObject(want);
    const dogProperties = (((copy.components as JsonObject).schemas as JsonObject).Dog as JsonObject).properties as JsonObject | undefined;
    if (dogProperties && !('class' in (want.properties as JsonObject))) expect(dogProperties).not.toHaveProperty('class');
  });
});

describe('operation keys', () => {
  const spec = (...ids: string[]): JsonObject => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: Object.fromEntries(ids.map((id, i) => [`/p${i}`, { get: { operationId: id, responses: ok } }])),
  });

  it.each<[string, { given: string[]; want: string[] }]>([
    ['plain ids are their own keys', { given: ['listPets', 'get-pet'], want: ['listPets', 'get-pet'] }],
    ['`#` becomes `/`, as openapi-typescript names it', { given: ['Pets#list', 'a#b#c'], want: ['Pets/list', 'a/b/c'] }],
    ['`%` (which openapi-typescript decodes on one side only) becomes `_`', { given: ['get%41', 'bad%zz', '100%'], want: ['get_41', 'bad_zz', '100_'] }],
    ['two ids that meet on one key get a suffix, in document order', { given: ['a/b', 'a#b', 'a#b_2'], want: ['a/b', 'a/b_2', 'a/b_2_2'] }],
  ])('%s', (_name, { given, want }) => {
    const doc = spec(...given);
    const keys = operationTypeKeys(doc);
    expect(given.map((id) => keys.get(id))).toEqual(want);
    const copy = reshapeForTypes(doc);
    expect(Object.values(copy.paths as JsonObject).map((item) => ((item as JsonObject).get as JsonObject).operationId)).toEqual(want);
    expect(doc).toEqual(spec(...given));
  });
});

describe('a spec that needs no reshaping', () => {
  it('is handed over as it is, not copied', () => {
    const doc = withSchemas({ Pet: { type: 'object', properties: { id: { type: 'string' } } }, Pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } }, { '/pets': { get: { operationId: 'listPets', responses: ok } } });
    expect(reshapeForTypes(doc)).toBe(doc);
  });
});
