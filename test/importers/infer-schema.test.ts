// The json-samples inferrer: placeholder samples to schemas, required properties from a short sample.
import { describe, expect, it } from 'vitest';
import { inferSchema, mergeSchemas } from '../../generator/importers/page/infer-schema.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';

describe('inferSchema', () => {
  const cases: [name: string, { given: { sample: unknown; requiredSample?: unknown }; want: JsonObject }][] = [
    ['"string" is a string, not a constant', { given: { sample: 'string' }, want: { type: 'string' } }],
    ['0 is an integer', { given: { sample: 0 }, want: { type: 'integer' } }],
    ['a fraction is a number', { given: { sample: 1.5 }, want: { type: 'number' } }],
    ['true and false are booleans', { given: { sample: false }, want: { type: 'boolean' } }],
    ['{} is a free-form object', { given: { sample: {} }, want: { type: 'object' } }],
    ['[] is an array of anything', { given: { sample: [] }, want: { type: 'array' } }],
    ['["string"] is an array of strings', { given: { sample: ['string'] }, want: { type: 'array', items: { type: 'string' } } }],
    ['a lone null says nothing', { given: { sample: null }, want: {} }],
    ['a date-time sample gets its format', { given: { sample: '2019-08-24T14:15:22Z' }, want: { type: 'string', format: 'date-time' } }],
    ['a date sample gets its format', { given: { sample: '2019-08-24' }, want: { type: 'string', format: 'date' } }],
    ['a uuid sample gets its format', { given: { sample: '59c3d133-2b83-46f3-960e-7765a129aea4' }, want: { type: 'string', format: 'uuid' } }],
    ['literal strings are not enums', { given: { sample: { state: 'ACTIVE' } }, want: { type: 'object', properties: { state: { type: 'string' } } } }],
    [
      'nested objects keep their nesting',
      {
        given: { sample: { relationships: { space: { data: { guid: 'string' } } } } },
        want: {
          type: 'object',
          properties: {
            relationships: {
              type: 'object',
              properties: { space: { type: 'object', properties: { data: { type: 'object', properties: { guid: { type: 'string' } } } } } },
            },
          },
        },
      },
    ],
    [
      'a map is one key repeating its parent\'s name',
      {
        given: { sample: { labels: { labels: 'string' } } },
        want: { type: 'object', properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } } },
      },
    ],
    [
      'a map of objects',
      {
        given: { sample: { env: { env: { value: 'string' } } } },
        want: {
          type: 'object',
          properties: { env: { type: 'object', additionalProperties: { type: 'object', properties: { value: { type: 'string' } } } } },
        },
      },
    ],
    [
      'a top-level object is never a map: it has no parent name',
      { given: { sample: { labels: 'string' } }, want: { type: 'object', properties: { labels: { type: 'string' } } } },
    ],
    [
      'Swagger UI\'s additionalProp keys are a map',
      {
        given: { sample: { tags: { additionalProp1: 'string', additionalProp2: 'string' } } },
        want: { type: 'object', properties: { tags: { type: 'object', additionalProperties: { type: 'string' } } } },
      },
    ],
    [
      'an array of objects joins its items\' properties',
      {
        given: { sample: [{ guid: 'string', type: 'web' }, { guid: 'string', command: 'string' }] },
        want: {
          type: 'array',
          items: { type: 'object', properties: { guid: { type: 'string' }, type: { type: 'string' }, command: { type: 'string' } } },
        },
      },
    ],
    ['items 1 and 1.5 are numbers', { given: { sample: [1, 1.5] }, want: { type: 'array', items: { type: 'number' } } }],
    ['a null beside a string is a nullable string', { given: { sample: ['string', null] }, want: { type: 'array', items: { type: ['string', 'null'] } } }],
    [
      'unrelated item types become anyOf',
      { given: { sample: ['string', { a: 0 }] }, want: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'integer' } } }] } } },
    ],
    ['"Name Object" stands for a nested model', { given: { sample: 'Property Object' }, want: { type: 'object', title: 'Property' } }],
    [
      'one sample: nothing is required',
      { given: { sample: { name: 'string', enabled: false } }, want: { type: 'object', properties: { name: { type: 'string' }, enabled: { type: 'boolean' } } } },
    ],
    [
      'the short sample\'s keys are required, at every depth it shows',
      {
        given: {
          requiredSample: { name: 'string', relationships: { space: { data: { guid: 'string' } } } },
          sample: { name: 'string', tags: ['string'], relationships: { space: { data: { guid: 'string' } }, plan: { data: { guid: 'string' } } } },
        },
        want: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
            relationships: {
              type: 'object',
              properties: {
                space: {
                  type: 'object',
                  properties: { data: { type: 'object', properties: { guid: { type: 'string' } }, required: ['guid'] } },
                  required: ['data'],
                },
                plan: { type: 'object', properties: { data: { type: 'object', properties: { guid: { type: 'string' } } } } },
              },
              required: ['space'],
            },
          },
          required: ['name', 'relationships'],
        },
      },
    ],
    [
      '{} in the short sample marks the property required but says nothing inside it',
      {
        given: { requiredSample: { space: {} }, sample: { space: { data: { guid: 'string' } } } },
        want: {
          type: 'object',
          properties: { space: { type: 'object', properties: { data: { type: 'object', properties: { guid: { type: 'string' } } } } } },
          required: ['space'],
        },
      },
    ],
    [
      'a key only the short sample shows is kept',
      {
        given: { requiredSample: { kind: 'string' }, sample: { name: 'string' } },
        want: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } }, required: ['kind'] },
      },
    ],
    [
      'required inside array items',
      {
        given: { requiredSample: { steps: [{ weight: 0 }] }, sample: { steps: [{ weight: 0, note: 'string' }] } },
        want: {
          type: 'object',
          properties: { steps: { type: 'array', items: { type: 'object', properties: { weight: { type: 'integer' }, note: { type: 'string' } }, required: ['weight'] } } },
          required: ['steps'],
        },
      },
    ],
    [
      '__proto__ is an ordinary property name',
      { given: { sample: JSON.parse('{"__proto__": "string"}') }, want: JSON.parse('{"type": "object", "properties": {"__proto__": {"type": "string"}}}') },
    ],
  ];

  it.each(cases)('%s', (_name, { given, want }) => {
    const options = given.requiredSample === undefined ? {} : { requiredSample: given.requiredSample };
    expect(inferSchema(given.sample, options)).toEqual(want);
  });

  it('cuts off samples nested deeper than it recurses', () => {
    let deep: unknown = 'string';
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => inferSchema(deep)).not.toThrow();
  });
});

describe('mergeSchemas', () => {
  const cases: [name: string, { given: [JsonObject, JsonObject]; want: JsonObject }][] = [
    ['same type stays', { given: [{ type: 'string' }, { type: 'string' }], want: { type: 'string' } }],
    ['different formats drop the format', { given: [{ type: 'string', format: 'uuid' }, { type: 'string' }], want: { type: 'string' } }],
    ['integer and number make a number', { given: [{ type: 'integer' }, { type: 'number' }], want: { type: 'number' } }],
    ['unknown gives way to known', { given: [{}, { type: 'boolean' }], want: { type: 'boolean' } }],
    [
      'objects take the union of properties',
      {
        given: [
          { type: 'object', properties: { a: { type: 'string' } } },
          { type: 'object', properties: { b: { type: 'integer' } } },
        ],
        want: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } },
      },
    ],
    ['a free-form object takes the other\'s items', { given: [{ type: 'array' }, { type: 'array', items: { type: 'string' } }], want: { type: 'array', items: { type: 'string' } } }],
  ];

  it.each(cases)('%s', (_name, { given, want }) => {
    expect(mergeSchemas(...given)).toEqual(want);
  });
});
