// Tolerant JSON: what docs write instead of JSON reads as meant, a cut document keeps exactly its
// complete members, hostile input is refused as the strict parser refuses it, and nothing throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../generator/core/diagnostics.js';
import { readTolerantJson } from '../../../generator/importers/page/tolerant-json.js';

const read = (text: string) => readTolerantJson(text, { file: 'page.md', startLine: 10 });
const messages = (text: string) => read(text).diagnostics.map(formatDiagnostic);

describe('tolerant JSON', () => {
  it.each([
    ['comments', '{\n  "a": 1, // the count\n  /* next */ "b": 2\n}', { a: 1, b: 2 }],
    ['trailing commas', '{"a": [1, 2,], "b": {"c": 3,},}', { a: [1, 2], b: { c: 3 } }],
    ['single quotes', `{'a': 'it\\'s', "b": 'x'}`, { a: "it's", b: 'x' }],
    ['unquoted keys', '{a: 1, b_c: true, $d: null}', { a: 1, b_c: true, $d: null }],
    ['Ruby hashes', '{"a" => {"b" => nil}}', { a: { b: null } }],
    ['placeholders', '{"id": <your id>, "type": string, "n": <n>}', { id: '<your id>', type: 'string', n: '<n>' }],
    ['`...` in arrays', '{"a": [1, 2, ...], "b": [ … ]}', { a: [1, 2], b: [] }],
    ['`...` among members', '{"id": 1, ...}', { id: 1 }],
    ['`...` as a value, read as null', '{"id": 1, "data": ...}', { id: 1, data: null }],
    ['a missing comma', '{"a": 1\n "b": 2}', { a: 1, b: 2 }],
  ])('reads %s', (_, text, want) => {
    const { result, diagnostics } = read(text);
    expect(result?.value).toEqual(want);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says where placeholders, elisions and comments are', () => {
    const result = read('{\n"id": <id>, // the id\n"tags": [1, ...],\n"more": ...\n}');
    expect(result.placeholders).toEqual(['/id']);
    expect(result.elided).toEqual(['/tags', '/more']);
    expect(result.comments).toEqual([{ pointer: '/id', text: 'the id' }]);
    expect(result.result?.locate('/tags')).toEqual({ file: 'page.md', line: 12, column: 1, pointer: '/tags' });
  });

  it('warns at each `...` and at what it skipped, with the line and column on the page', () => {
    expect(messages('{"a": [1, ...],\n "b": 2 3, "c": 4}')).toEqual([
      'page.md:11:9: warning: expected "," or "}" after the member "b"',
      'page.md:11:10: warning: expected ":" after "3"; the member was skipped',
      'page.md:10:11: warning: `...` stands for more than the page shows here; only what is shown was read (at /a)',
    ]);
  });

  it('keeps every complete member of a cut document and names what was lost, where', () => {
    const text = '{"openapi": "3.1.0",\n "paths": {"/x": {"get": {"responses": {"200": {"description": "ok"}},\n   "parameters": [{"name": "a", "in": "query"}, {"name": "b", "in": "qu';
    const result = read(text);
    const parameters = [{ name: 'a', in: 'query' }, { name: 'b' }];
    expect(result.result?.value).toEqual({ openapi: '3.1.0', paths: { '/x': { get: { responses: { '200': { description: 'ok' } }, parameters } } } });
    expect(result.open).toEqual(['/paths/~1x/get/parameters/1', '/paths/~1x/get/parameters', '/paths/~1x/get', '/paths/~1x', '/paths', '']);
    expect(result.lost).toEqual({ file: 'page.md', line: 12, column: 63, pointer: '/paths/~1x/get/parameters/1/in' });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'page.md:12:63: warning: the JSON is cut off before its end: the member "in" was cut off and left out; 6 unclosed object(s) or array(s) keep their complete members (at /paths/~1x/get/parameters/1/in)',
    ]);
  });

  it.each([
    ['a member whose value is cut', '{"a": 1, "b": "tex', { a: 1 }],
    ['a number that may have lost digits', '{"a": 1, "b": 12', { a: 1 }],
    ['a word that may go on', '{"a": 1, "b": tr', { a: 1 }],
    ['a key with no value yet', '{"a": 1, "b":', { a: 1 }],
    ['an object with nothing complete yet', '{"a": 1, "b": {"c": [', { a: 1 }],
    ['a placeholder not closed', '{"a": 1, "b": <your', { a: 1 }],
  ])('drops %s', (_, text, want) => expect(read(text).result?.value).toEqual(want));

  it.each([
    ['a duplicate key', '{"a": 1, "a": 2}', 'page.md:10:10: error: duplicate key: "a" appears twice in one object'],
    ['`__proto__`', '{"a": {"__proto__": {"polluted": 1}}}', `page.md:10:8: error: the key "__proto__" is not accepted: JavaScript tools would read it as an object's prototype (at /a/__proto__)`],
    ['deep nesting', `${'['.repeat(300)}`, 'page.md:10:201: error: the document nests deeper than 200 levels'],
    ['nothing', '  ', 'page.md:10:3: error: expected JSON, but the text ends before a value is complete'],
    ['prose', 'see below', 'page.md:10:1: error: expected JSON, found "see"'],
  ])('refuses %s', (_, text, want) => {
    const result = read(text);
    expect(result.result).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([want]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** JSON values without `__proto__` keys, which are refused on purpose. */
const jsonValue = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"'));

/** `part` holds only what `whole` holds: same scalars, objects' members a subset, arrays a prefix. */
function isCompletePart(part: unknown, whole: unknown): boolean {
  if (Array.isArray(part)) return Array.isArray(whole) && part.length <= whole.length && part.every((p, i) => isCompletePart(p, whole[i]));
  if (typeof part === 'object' && part !== null) {
    if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return false;
    return Object.entries(part).every(([k, v]) => Object.prototype.hasOwnProperty.call(whole, k) && isCompletePart(v, (whole as Record<string, unknown>)[k]));
  }
  return Object.is(part, whole) || (part === 0 && whole === 0);
}

describe('tolerant JSON, for any document', () => {
  it('reads valid JSON the same as JSON.parse, without a warning', () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const { result, diagnostics } = read(text);
        expect(diagnostics).toEqual([]);
        expect(result?.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('never throws on any prefix, and keeps only complete members', () => {
    const documents = fc.oneof(fc.dictionary(fc.string(), jsonValue), fc.array(jsonValue)).filter((v) => !JSON.stringify(v).includes('"__proto__"'));
    fc.assert(
      fc.property(documents, fc.boolean(), fc.nat(), (value, pretty, at) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const prefix = text.slice(0, at % (text.length + 1));
        const { result, diagnostics } = read(prefix);
        if (result) expect(isCompletePart(result.value, value)).toBe(true);
        else expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
        if (prefix.length < text.length && result) expect(diagnostics.some((d) => d.message.startsWith('the JSON is cut off'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', "'", '.', '…', '<', '>', 'a', '1', ' ', '\n', '/', '*', '=', '\\') }), (text) => {
        read(text);
      }),
      { numRuns: 500 },
    );
  });
});
