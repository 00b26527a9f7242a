import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../generator/core/openapi-types.js';
import { upgradeSchema } from '../../generator/normalize/upgrade-to-3-1.js';

const doc: JsonObject = { components: { schemas: { Pet: { type: 'object' }, Name: { type: 'string' } } } };

const cases: [string, { given: JsonObject; want: JsonObject }][] = [
  ['nullable string', { given: { type: 'string', nullable: true }, want: { type: ['string', 'null'] } }],
  ['nullable enum gains null', { given: { type: 'string', enum: ['a'], nullable: true }, want: { type: ['string', 'null'], enum: ['a', null] } }],
  ['nullable false is dropped', { given: { type: 'integer', nullable: false }, want: { type: 'integer' } }],
  ['nullable without a type admits anything already', { given: { nullable: true }, want: {} }],
  ['lone allOf ref becomes a ref', { given: { allOf: [{ $ref: '#/components/schemas/Pet' }] }, want: { $ref: '#/components/schemas/Pet' } }],
  [
    'lone allOf ref keeps its description and drops a matching type',
    { given: { type: 'object', description: 'the pet', allOf: [{ $ref: '#/components/schemas/Pet' }] }, want: { description: 'the pet', $ref: '#/components/schemas/Pet' } },
  ],
  [
    'lone allOf ref with a constraining sibling stays',
    { given: { allOf: [{ $ref: '#/components/schemas/Name' }], maxLength: 3 }, want: { allOf: [{ $ref: '#/components/schemas/Name' }], maxLength: 3 } },
  ],
  [
    'nullable ref becomes anyOf with null, annotations outside',
    { given: { allOf: [{ $ref: '#/components/schemas/Pet' }], nullable: true, description: 'd' }, want: { description: 'd', anyOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'null' }] } },
  ],
  ['boolean exclusiveMinimum becomes a number', { given: { type: 'number', minimum: 0, exclusiveMinimum: true }, want: { type: 'number', exclusiveMinimum: 0 } }],
  ['false exclusiveMaximum is dropped', { given: { type: 'number', maximum: 9, exclusiveMaximum: false }, want: { type: 'number', maximum: 9 } }],
  ['example becomes examples', { given: { type: 'string', example: 'x' }, want: { type: 'string', examples: ['x'] } }],
  ['3.1 schemas are left alone', { given: { type: ['string', 'null'], examples: ['x'] }, want: { type: ['string', 'null'], examples: ['x'] } }],
];

describe('upgradeSchema', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const schema = structuredClone(given);
    upgradeSchema(schema, doc);
    expect(schema).toEqual(want);
  });
});
