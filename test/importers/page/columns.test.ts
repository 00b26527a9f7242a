// Cutting a table row into its columns by what each column can hold, not by its words.
import { describe, expect, it } from 'vitest';
import {
  columnsFromHeaderCells,
  columnsFromRunTogetherHeader,
  fitCells,
  parseRequired,
  splitPipeRow,
  splitRunTogetherRow,
  type ColumnKind,
  type RowCells,
} from '../../../generator/importers/page/columns.js';

const COLUMNS: ColumnKind[] = ['name', 'type', 'required', 'description'];

function texts(cells: RowCells | { offset: number; expected: string }): Record<string, string | number> {
  if ('expected' in cells) return { failsAt: cells.offset };
  return Object.fromEntries(Object.entries(cells).map(([key, cell]) => [key, cell.text]));
}

describe('headers', () => {
  const cases: [string, { given: string; want: ColumnKind[] | undefined }][] = [
    ['names, types, required markers and descriptions', { given: 'NameTypeRequiredDescription', want: COLUMNS }],
    ['a property table without a required column', { given: 'PropertyTypeDescription', want: ['name', 'type', 'description'] }],
    ['a parameter table with a location column', { given: 'ParameterInTypeRequiredDescription', want: ['name', 'in', 'type', 'required', 'description'] }],
    ['spaces or tabs between the words', { given: 'Field\tType  Required Description', want: COLUMNS }],
    ['prose that starts like a header', { given: 'Name Type of the thing', want: undefined }],
  ];
  it.each(cases)('run together: %s', (_what, { given, want }) => {
    expect(columnsFromRunTogetherHeader(given)).toEqual(want);
  });

  it.each([
    ['Chinese', ['参数名', '类型', '必填', '描述'], ['name', 'type', 'required', 'description']],
    ['Japanese', ['キー', '形式', '必須', '説明', '値の例'], ['name', 'type', 'required', 'description', 'other']],
    ['Portuguese', ['Campo', 'Tipo', 'Obrigatório', 'Descrição'], ['name', 'type', 'required', 'description']],
    ['a Type column beside a Data Type column says where', ['Parameter', 'Type', 'Optionality', 'Data Type', 'MIME Type', 'Description'], ['name', 'in', 'required', 'type', 'other', 'description']],
  ] as const)('separate cells in %s', (_what, given, want) => {
    expect(columnsFromHeaderCells(given)).toEqual(want);
  });

  it.each([
    ['Russian, run together', 'ИмяИсточникТипОбязательныйNullableSchema', ['name', 'in', 'type', 'required', 'other', 'other']],
    ['French, with spaces', 'Paramètre Type Description', ['name', 'type', 'description']],
  ] as const)('%s', (_what, given, want) => {
    expect(columnsFromRunTogetherHeader(given)).toEqual(want);
  });

  it('separate cells, with unknown columns kept in place', () => {
    expect(columnsFromHeaderCells(['**Property**', 'Type', 'Required?', 'Example', 'Description'])).toEqual(['name', 'type', 'required', 'other', 'description']);
    expect(columnsFromHeaderCells(['Status', 'Description'])).toBeUndefined();
  });
});

describe('rows whose cells ran together', () => {
  const cases: [string, { given: string; want: Record<string, string | number> }][] = [
    ['a required string', { given: 'organizationIdstringrequiredOrganization identifier', want: { name: 'organizationId', type: 'string', required: 'required', description: 'Organization identifier' } }],
    ['a nullable type, whose pipe is no cell border', { given: 'idstring | null-Unique identifier.', want: { name: 'id', type: 'string | null', required: '-', description: 'Unique identifier.' } }],
    ['an array of objects with no description', { given: 'violationsobject[]-', want: { name: 'violations', type: 'object[]', required: '-', description: '' } }],
    ['a JSON-LD name', { given: '@contextobject-', want: { name: '@context', type: 'object', required: '-', description: '' } }],
    ['a name that ends in a type word', { given: 'hintstring-An extra hint', want: { name: 'hint', type: 'string', required: '-', description: 'An extra hint' } }],
    ['a name that contains a type word', { given: 'phone_numberstringrequiredThe phone', want: { name: 'phone_number', type: 'string', required: 'required', description: 'The phone' } }],
    ['a name that is a type word', { given: 'typestring-A URI reference', want: { name: 'type', type: 'string', required: '-', description: 'A URI reference' } }],
    ['a format', { given: 'created_atstring(date-time)-When', want: { name: 'created_at', type: 'string(date-time)', required: '-', description: 'When' } }],
    ['an array written out', { given: 'tagsarray of stringsrequiredTags', want: { name: 'tags', type: 'array of strings', required: 'required', description: 'Tags' } }],
    ['a schema name', { given: 'violationsViolation[]-', want: { name: 'violations', type: 'Violation[]', required: '-', description: '' } }],
    ['a schema name before a required marker', { given: 'ownerUserrequiredThe owner', want: { name: 'owner', type: 'User', required: 'required', description: 'The owner' } }],
    ['Yes and No markers', { given: 'limitintegerNoPage size', want: { name: 'limit', type: 'integer', required: 'No', description: 'Page size' } }],
    ['no type at all', { given: 'legacy_identifier-Old.', want: { failsAt: 0 } }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(texts(splitRunTogetherRow(given, COLUMNS))).toEqual(want);
  });

  it('without a required column', () => {
    expect(texts(splitRunTogetherRow('countintegerNumber of items', ['name', 'type', 'description']))).toEqual({
      name: 'count',
      type: 'integer',
      description: 'Number of items',
    });
  });
});

describe('rows split at every pipe', () => {
  const cases: [string, { given: string; want: Record<string, string | number> }][] = [
    ['a nullable type split in two', { given: '| id | string | null | - | Unique identifier |', want: { name: 'id', type: 'string | null', required: '-', description: 'Unique identifier' } }],
    ['an empty last cell', { given: '| `@context` | object | - | |', want: { name: '`@context`', type: 'object', required: '-', description: '' } }],
    ['no outer pipes and no description', { given: 'id | string | null | -', want: { name: 'id', type: 'string | null', required: '-', description: '' } }],
    ['pipes in the description', { given: '| x | string | - | a | b |', want: { name: 'x', type: 'string', required: '-', description: 'a | b' } }],
    ['pipes inside backticks and escaped', { given: '| `x` | `string | null` | Yes | a \\| b |', want: { name: '`x`', type: '`string | null`', required: 'Yes', description: 'a \\| b' } }],
    ['a required badge in the name cell', { given: '| name required | string | The name |', want: { name: 'name', required: 'required', type: 'string', description: 'The name' } }],
    ['a star after the name', { given: '| id* | string | The id |', want: { name: 'id', required: '*', type: 'string', description: 'The id' } }],
    ['a question mark after the name', { given: '| note? | string | A note |', want: { name: 'note', required: '?', type: 'string', description: 'A note' } }],
    ['a row that lost its name shifts back', { given: '| string | Email of the company. | format: email | |', want: { name: '', type: 'string', description: 'Email of the company.', notes: 'format: email' } }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    const columns: ColumnKind[] = /name required|id\*|note\?/.test(given) ? ['name', 'type', 'description'] : given.includes('format: email') ? ['name', 'type', 'description', 'notes'] : COLUMNS;
    expect(texts(fitCells(splitPipeRow(given), columns))).toEqual(want);
  });

  it('keeps each cell at its offset', () => {
    expect(splitPipeRow('| a | bb |')).toEqual([
      { text: 'a', offset: 2 },
      { text: 'bb', offset: 6 },
    ]);
  });
});

describe('required markers', () => {
  const cases: [string, boolean | undefined][] = [
    ['required', true], ['Yes', true], ['✓', true], ['*', true], ['**required**', true],
    ['-', false], ['', false], ['optional', false], ['No', false],
    ['?', false], ['✅ Sim', true], ['❌ Não', false], ['⚠️', false], ['Да', true], ['否', false],
    ['sometimes', undefined],
  ];
  it.each(cases)('%j', (given, want) => {
    expect(parseRequired(given)).toBe(want);
  });
});
