// Samples read into schemas: a printed JSON Schema is taken as it stands, data is inferred from.
import { describe, expect, it } from 'vitest';
import { inferSchema } from '../../../generator/importers/page/infer-schema.js';

describe('a JSON Schema printed where a sample would be', () => {
  const cases: [string, { given: unknown; want: unknown }][] = [
    [
      'an object schema is the schema, its required list kept',
      {
        given: { type: 'object', properties: { id: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['id'] },
        want: { type: 'object', properties: { id: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['id'] },
      },
    ],
    [
      'data that has a `type` key is data',
      { given: { type: 'contacts', id: 42 }, want: { type: 'object', properties: { type: { type: 'string' }, id: { type: 'integer' } } } },
    ],
    [
      'a schema-like object with a key no schema has is data',
      {
        given: { type: 'object', properties: { id: { type: 'string' } }, count: 2 },
        want: { type: 'object', properties: { type: { type: 'string' }, properties: { type: 'object', properties: { id: { type: 'object', properties: { type: { type: 'string' } } } } }, count: { type: 'integer' } } },
      },
    ],
    ['a lone `{"type": "string"}` says too little to tell', { given: { type: 'string' }, want: { type: 'object', properties: { type: { type: 'string' } } } }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(inferSchema(given)).toEqual(want);
  });
});
