// Keywords read from the plain words of a description, and nothing from vaguer prose.
import { describe, expect, it } from 'vitest';
import { readProseKeywords } from '../../../generator/importers/page/prose-keywords.js';

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
