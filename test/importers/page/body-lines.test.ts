// The lines portals print around a body's sample, read apart from the prose around them.
import { describe, expect, it } from 'vitest';
import { compositionExtension, isOptionalToggle, matchBodyNameLine, matchComposition } from '../../../generator/importers/page/body-lines.js';

describe('body lines', () => {
  const names: [string, { given: string; want: ReturnType<typeof matchBodyNameLine> }][] = [
    ['a response body', { given: 'Returns Job of type(s) application/json', want: { returns: true, name: 'Job', nameOffset: 8, mediaTypes: ['application/json'] } }],
    ['a request body', { given: 'CreateBody of type(s) application/json', want: { returns: false, name: 'CreateBody', nameOffset: 0, mediaTypes: ['application/json'] } }],
    ['several media types', { given: 'Returns Package of type(s) application/json, text/html', want: { returns: true, name: 'Package', nameOffset: 8, mediaTypes: ['application/json', 'text/html'] } }],
    ['a status for a name', { given: 'Returns 500 of type(s) application/json', want: { returns: true, name: '500', nameOffset: 8, mediaTypes: ['application/json'] } }],
    ['prose that mentions types', { given: 'It returns a list of type(s) we know.', want: undefined }],
  ];
  it.each(names)('%s', (_what, { given, want }) => {
    expect(matchBodyNameLine(given)).toEqual(want);
  });

  it('reads what a body class contains', () => {
    expect(matchComposition('This response body class contains all of the following: BaseSchema')).toEqual({ kind: 'allOf', names: ['BaseSchema'] });
    expect(matchComposition('This request body class contains one of the following: A, B')).toEqual({ kind: 'oneOf', names: ['A', 'B'] });
    expect(matchComposition('This class contains things.')).toBeUndefined();
    expect(compositionExtension('oneOf')).toBe('x-specmill-one-of');
  });

  it('knows the toggle above a required-only sample', () => {
    expect(isOptionalToggle('Show optional properties')).toBe(true);
    expect(isOptionalToggle('Show violations fields')).toBe(false);
  });
});
