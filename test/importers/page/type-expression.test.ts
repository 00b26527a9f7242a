// The type column's vocabulary: JSON Schema types, formats, arrays, unions with null, schema names.
import { describe, expect, it } from 'vitest';
import { matchTypePrefix, parseTypeExpression, type TypeExpr } from '../../../generator/importers/page/type-expression.js';

const string: TypeExpr = { kind: 'primitive', name: 'string' };
const nul: TypeExpr = { kind: 'primitive', name: 'null' };

describe('type cells', () => {
  const cases: [string, TypeExpr | undefined][] = [
    ['string', string],
    ['String', string],
    ['`string`', string],
    ['string | null', { kind: 'union', members: [string, nul] }],
    ['string or null', { kind: 'union', members: [string, nul] }],
    ['nullable string', { kind: 'union', members: [string, nul] }],
    ['string (nullable)', { kind: 'union', members: [string, nul] }],
    ['object[]', { kind: 'array', items: { kind: 'primitive', name: 'object' } }],
    ['string[][]', { kind: 'array', items: { kind: 'array', items: string } }],
    ['array<integer>', { kind: 'array', items: { kind: 'primitive', name: 'integer' } }],
    ['array of strings', { kind: 'array', items: string }],
    ['integer(int64)', { kind: 'primitive', name: 'integer', format: 'int64' }],
    ['string<date-time>', { kind: 'primitive', name: 'string', format: 'date-time' }],
    ['string (uuid)', { kind: 'primitive', name: 'string', format: 'uuid' }],
    ['int32', { kind: 'primitive', name: 'integer', format: 'int32' }],
    ['date-time', { kind: 'primitive', name: 'string', format: 'date-time' }],
    ['enum', { kind: 'primitive', name: 'string', isEnum: true }],
    ['string (enum)', { kind: 'primitive', name: 'string', isEnum: true }],
    ['Instance', { kind: 'named', name: 'Instance' }],
    ['Instance[] | null', { kind: 'union', members: [{ kind: 'array', items: { kind: 'named', name: 'Instance' } }, nul] }],
    ['Number (Integer)', { kind: 'primitive', name: 'integer' }],
    ['number <int64>', { kind: 'primitive', name: 'integer', format: 'int64' }],
    ['unknown', { kind: 'primitive', name: 'any' }],
    ['a widget', undefined],
    ['strnig', undefined],
    ['', undefined],
    ['x'.repeat(500), undefined],
  ];
  it.each(cases)('%j', (given, want) => {
    expect(parseTypeExpression(given)).toEqual(want);
  });
});

describe('types at the start of run-together text', () => {
  it('offers every end a type can have, so the row decides', () => {
    const ends = matchTypePrefix('string | null-Unique', 0, { allowNamed: false }).map((m) => m.end);
    expect(ends).toEqual([6, 13]);
  });

  it('ends a schema name only where the caller allows', () => {
    const text = 'UserrequiredThe owner';
    const ends = matchTypePrefix(text, 0, { allowNamed: true, namedEndsAt: (at) => text.startsWith('required', at) }).map((m) => m.end);
    expect(ends).toEqual([4]);
  });
});
