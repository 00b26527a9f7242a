// Field lines as renderers print them, table-driven: list items and stacked type lines.
import { describe, expect, it } from 'vitest';
import { readFieldItem } from '../../../generator/importers/page/assemble-operation.js';
import { readTypeLine, splitGluedField } from '../../../generator/importers/page/type-expression.js';

describe('list items that describe a field', () => {
  const cases: [string, { given: string; want: ReturnType<typeof readFieldItem> }][] = [
    ['Redocly: name, type and required in parentheses', { given: 'id (string, required) ID of the vault.', want: { name: 'id', type: 'string', required: 'required', description: 'ID of the vault.', in: '' } }],
    ['a location inside the parentheses', { given: 'id (path string, required)', want: { name: 'id', type: 'string', required: 'required', description: '', in: 'path' } }],
    ['Stainless: name colon type', { given: 'file_id: string The unique identifier.', want: { name: 'file_id', type: 'string', required: '', description: 'The unique identifier.', in: '' } }],
    ['Stainless: a literal type', { given: 'deleted: true Whether it was deleted.', want: { name: 'deleted', type: 'boolean', required: '', description: 'Whether it was deleted.', in: '' } }],
    ['Bump HTML: name, type, Required', { given: 'Authorization string Required Your API token', want: { name: 'Authorization', type: 'string', required: 'required', description: 'Your API token', in: '' } }],
    ['a type of several words', { given: 'options array[string]', want: { name: 'options', type: 'array[string]', required: '', description: '', in: '' } }],
    ['name, type and description between dashes', { given: 'managed_host_id - Number - Id of the host', want: { name: 'managed_host_id', type: 'Number', required: '', description: 'Id of the host', in: '' } }],
    ['a required marker after the colon', { given: 'token: required to identify the reader.', want: { name: 'token', type: '', required: 'required', description: 'to identify the reader.', in: '' } }],
    ['a type and allowed values after a semicolon', { given: 'x-error-codes (string; allowed values: [a.b])', want: { name: 'x-error-codes', type: 'string', required: '', description: '', in: '' } }],
    ['a section title with a marker over a header and its value', { given: 'Headers: Optional accept: application/json', want: { name: 'accept', type: '', required: 'optional', description: 'application/json', in: 'header' } }],
    ['a section title with a marker alone', { given: 'Headers: Required', want: undefined }],
    ['a required marker of another language in the parentheses', { given: 'id (number, 필수): The ID.', want: { name: 'id', type: 'number', required: 'required', description: 'The ID.', in: '' } }],
    ['the attributes in parentheses after a colon', { given: 'first_name: (string) The first name.', want: { name: 'first_name', type: 'string', required: '', description: 'The first name.', in: '' } }],
    ['a colon over parentheses that say no type', { given: 'note: (see below) more', want: undefined }],
    ['prose', { given: 'keep the first account settings', want: undefined }],
    ['a sentence with dashes', { given: 'Some value - see below - for details', want: undefined }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(readFieldItem(given)).toEqual(want);
  });
});

describe('type lines of stacked fields', () => {
  const cases: [string, { type: string; required?: boolean; nullable?: boolean; rest: string } | undefined][] = [
    ['integer <int64>', { type: 'integer <int64>', rest: '' }],
    ['string <uuid> = 36 characters', { type: 'string <uuid>', rest: '= 36 characters' }],
    ['stringRequired', { type: 'string', required: true, rest: '' }],
    ['stringnullable', { type: 'string', nullable: true, rest: '' }],
    ['string format: uuid', { type: 'string format: uuid', rest: '' }],
    ['Array of object (LogEntry) | null', { type: 'Array of object (LogEntry) | null', rest: '' }],
    ['Collection of Role', { type: 'Collection of Role', rest: '' }],
    ['The first name', undefined],
  ];
  it.each(cases)('%j', (given, want) => {
    const read = readTypeLine(given);
    expect(read && { type: read.type, rest: read.rest, ...(read.required !== undefined ? { required: read.required } : {}), ...(read.nullable ? { nullable: true } : {}) }).toEqual(want);
  });
});

describe('name, type and marker run together', () => {
  const cases: [string, ReturnType<typeof splitGluedField>][] = [
    ['tag_idstringRequired', { name: 'tag_id', type: 'string', required: 'required' }],
    ['x-shop-idstringRequired', { name: 'x-shop-id', type: 'string', required: 'required' }],
    ['categoryenumOptional', { name: 'category', type: 'enum', required: 'optional' }],
    ['created_atdatetime', { name: 'created_at', type: 'datetime', required: '' }],
    ['idstring · nullableOptional', { name: 'id', type: 'string | null', required: 'optional' }],
    ['comment?string|null', { name: 'comment', type: 'string|null', required: '?' }],
    ['id*string', { name: 'id', type: 'string', required: '*' }],
    ['typestring', { name: 'type', type: 'string', required: '' }],
    ['AuthorizationstringRequired', { name: 'Authorization', type: 'string', required: 'required' }],
    ['emailstring · emailOptional', { name: 'email', type: 'string <email>', required: 'optional' }],
    ['auditall ofOptional', { name: 'audit', type: 'all of', required: 'optional' }],
    // A composition word with no marker is no field.
    ['fall of', undefined],
    // Words that end in a type word, with no marker, are words.
    ['update', undefined],
    ['company', undefined],
    ['Substring', undefined],
    ['The id string', undefined],
  ];
  it.each(cases)('%s', (given, want) => {
    expect(splitGluedField(given)).toEqual(want);
  });
});
