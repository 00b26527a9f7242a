// Keywords read from the plain words of a description, and nothing from vaguer prose.
import { describe, expect, it } from 'vitest';
import { readProseKeywords, withoutKeywordSentences } from '../../../generator/importers/page/prose-keywords.js';

function keywords(description: string): Record<string, unknown> {
  return Object.fromEntries(readProseKeywords(description).map((k) => [k.keyword, k.value]));
}

describe('prose keywords', () => {
  const cases: [string, { given: string; want: Record<string, unknown> }][] = [
    ['an enum after "One of:"', { given: 'Sort order. One of: asc, desc.', want: { enum: ['asc', 'desc'] } }],
    ['an enum after "Possible values"', { given: 'Possible values: draft, active or archived.', want: { enum: ['draft', 'active', 'archived'] } }],
    ['an enum of quoted values', { given: 'Allowed values are "a", "b".', want: { enum: ['a', 'b'] } }],
    ['values with colons and dots', { given: 'One of hydra:Collection, v1.2.', want: { enum: ['hydra:Collection', 'v1.2'] } }],
    ['"one of" in a sentence', { given: 'One of the instances of the organization.', want: {} }],
    ['a maximum length', { given: 'Display name, max 30 characters.', want: { maxLength: 30 } }],
    ['a length range', { given: 'Between 3 and 63 characters.', want: { minLength: 3, maxLength: 63 } }],
    ['a number range', { given: 'Page size, between 1 and 100.', want: { minimum: 1, maximum: 100 } }],
    ['comparisons', { given: 'Greater than 0 and less than or equal to 500.', want: { exclusiveMinimum: 0, maximum: 500 } }],
    ['an item count', { given: 'At most 20 items.', want: { maxItems: 20 } }],
    ['a date-time in ISO 8601', { given: 'Date and time it was created (ISO 8601, UTC).', want: { format: 'date-time' } }],
    ['a date in ISO 8601', { given: 'Birth date, ISO 8601.', want: { format: 'date' } }],
    ['allowed characters', { given: 'Lowercase letters and hyphens only.', want: { pattern: '^[a-z-]+$' } }],
    ['allowed characters with edges', { given: 'Lowercase letters and hyphens only, no leading or trailing hyphen.', want: { pattern: '^[a-z](?:[a-z-]*[a-z])?$' } }],
    ['characters in brackets', { given: 'Only ASCII alphanumeric and [_.-] characters allowed', want: { pattern: '^[a-zA-Z0-9_.-]+$' } }],
    ['characters that must not end it', { given: 'May only contain letters, digits and underscores; must not end with an underscore.', want: { pattern: '^[a-zA-Z0-9_]*[a-zA-Z0-9]$' } }],
    ['a default number', { given: 'Defaults to 30.', want: { default: 30 } }],
    ['a default word', { given: 'Default: desc', want: { default: 'desc' } }],
    ['no default from a sentence', { given: 'Defaults to the organization of the token.', want: {} }],
    ['deprecation', { given: 'Deprecated: use name instead.', want: { deprecated: true } }],
    ['unique and immutable say nothing a schema keeps', { given: 'Unique across all instances. It cannot be changed after creation.', want: {} }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(keywords(given)).toEqual(want);
  });
});

describe('sentences that state a keyword, as renderers write them from a schema', () => {
  const cases: [string, { given: string; want: Record<string, unknown> }][] = [
    ['quoted values', { given: 'The order. Values are `asc` or `desc`.', want: { enum: ['asc', 'desc'] } }],
    ['one quoted value', { given: 'Values are `extensions.not_found`.', want: { enum: ['extensions.not_found'] } }],
    ['plain values', { given: 'Values are item or order.', want: { enum: ['item', 'order'] } }],
    ['a portal\'s values to the end', { given: 'How deep. Possible values are : 0, 1, 2', want: { enum: ['0', '1', '2'] } }],
    ['a printed default', { given: 'Default value is `2025-03-25`.', want: { default: '2025-03-25' } }],
    ['a printed list default', { given: 'Not more than 10 elements. Default value is `[]` (empty).', want: { maxItems: 10, default: [] } }],
    ['an exclusive bound', { given: 'Minimum value is 0 (exclusive), maximum value is 1.', want: { exclusiveMinimum: 0, maximum: 1 } }],
    ['lengths', { given: 'Minimum length is 1, maximum length is 50.', want: { minLength: 1, maxLength: 50 } }],
    ['a pattern', { given: 'Format should match the following pattern: `^[a-z0-9-]+$`.', want: { pattern: '^[a-z0-9-]+$' } }],
    ['closed objects', { given: 'Additional properties are NOT allowed.', want: { additionalProperties: false } }],
    ['an unquoted default sentence stays prose', { given: 'Default value is the current date.', want: {} }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(keywords(given)).toEqual(want);
  });

  it('marks a printed value exact, and a length said of a list with its array keyword', () => {
    const read = readProseKeywords('Minimum length is 1. Default value is `x`.');
    expect(read.find((k) => k.keyword === 'default')).toMatchObject({ value: 'x', exact: true });
    expect(read.find((k) => k.keyword === 'minLength')).toMatchObject({ arrayKeyword: 'minItems' });
  });

  it('takes the sentences out of a description, and keeps the rest', () => {
    expect(withoutKeywordSentences('The order of the notes. Values are `asc` or `desc`. Default value is `desc`.')).toBe('The order of the notes.');
    expect(withoutKeywordSentences('Filter by type; valid values are managed. Possible values are : managed, user-provided,')).toBe('Filter by type; valid values are managed.');
    expect(withoutKeywordSentences('No keyword here.')).toBe('No keyword here.');
  });
});
