// Tolerant YAML: a document cut off before its end keeps every complete entry and says what the cut
// took; an uncut one reads exactly as structured-text.ts reads it; hostile input is still refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatDiagnostic } from '../../../generator/core/diagnostics.js';
import { readTolerantYaml } from '../../../generator/importers/page/tolerant-yaml.js';

const read = (text: string, cut = true) => readTolerantYaml(text, { file: 'page.md', startLine: 20, cut });

describe('tolerant YAML', () => {
  it('drops the line the cut went through and keeps the rest', () => {
    const result = read('components:\n  schemas:\n    Session:\n      properties:\n        id:\n          type: string\n        name:\n          type: strin');
    expect(result.result?.value).toEqual({ components: { schemas: { Session: { properties: { id: { type: 'string' } } } } } });
    expect(result.lost).toEqual({ file: 'page.md', line: 26, column: 9, pointer: '/components/schemas/Session/properties/name' });
    expect(result.open).toEqual(['', '/components', '/components/schemas', '/components/schemas/Session', '/components/schemas/Session/properties']);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'page.md:26:9: warning: the YAML is cut off before its end: the value of "name" was cut off and left out; every complete entry was kept (at /components/schemas/Session/properties/name)',
    ]);
  });

  it('drops a key left with no value at the very end', () => {
    const result = read('info:\n  title: T\ncomponents:\n  securitySchemes:\n');
    expect(result.result?.value).toEqual({ info: { title: 'T' }, components: {} });
    expect(result.lost?.pointer).toBe('/components/securitySchemes');
  });

  it('keeps a whole last line and only warns that more may have followed', () => {
    const result = read('a:\n  b: 1\n  c: [1, 2]\n   ');
    expect(result.result?.value).toEqual({ a: { b: 1, c: [1, 2] } });
    expect(result.lost).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(['page.md:22:12: warning: the YAML may be cut off before its end (its fence is not closed); every entry was kept']);
  });

  it('drops from the line YAML cannot read, such as a flow collection the cut left open', () => {
    const result = read('a: 1\nb: {c: 1,\n  d: 2\n');
    expect(result.result?.value).toEqual({ a: 1 });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'page.md:21:1: warning: the YAML is cut off before its end: the last line was cut off and left out ("b: {c: 1," and after); every complete entry was kept',
    ]);
  });

  it('reads an uncut document strictly', () => {
    expect(read('a: 1\nb: [1, 2\n', false).diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^page\.md:2[12]:\d+: error: expected valid JSON or YAML: /)]);
    expect(read('a: 1\n', false)).toMatchObject({ result: { value: { a: 1 } }, diagnostics: [] });
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\nb: x', /error: duplicate key/],
    ['`__proto__`', 'a:\n  __proto__: {polluted: 1}\nb: x', /error: the key "__proto__" is not accepted/],
    ['a merge key', 'a: &x {b: 1}\nc:\n  <<: *x\nd: x', /error: YAML merge keys/],
  ])('still refuses %s in a cut document', (_, text, want) => {
    const result = read(text);
    expect(result.result).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(want)]);
  });
});

const safe = (v: unknown) => !/"(__proto__|<<)"/.test(JSON.stringify(v));
/** One-line strings, so that every line of the printed YAML is a whole entry. */
const value = fc.jsonValue({ maxDepth: 4 }).filter((v) => safe(v) && !JSON.stringify(v).includes('\\n') && !JSON.stringify(v).includes('\\r'));

function isCompletePart(part: unknown, whole: unknown): boolean {
  if (Array.isArray(part)) return Array.isArray(whole) && part.length <= whole.length && part.every((p, i) => isCompletePart(p, whole[i]));
  if (typeof part === 'object' && part !== null) {
    if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return false;
    return Object.entries(part).every(([k, v]) => Object.prototype.hasOwnProperty.call(whole, k) && isCompletePart(v, (whole as Record<string, unknown>)[k]));
  }
  return Object.is(part, whole) || (part === 0 && whole === 0);
}

describe('tolerant YAML, for any document', () => {
  it('never throws on any prefix of a document, and keeps only complete entries', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value).filter(safe), fc.nat(), (document, at) => {
        const text = stringify(document, { lineWidth: 0 });
        const prefix = text.slice(0, at % (text.length + 1));
        const { result, diagnostics } = read(prefix);
        if (result) expect(isCompletePart(result.value ?? {}, document)).toBe(true);
        else expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
