import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { printYaml } from '../../generator/spec/yaml-print.js';

const tricky = fc.constantFrom('', ' ', '\n', '\n\n', '\na\n', 'true', 'No', 'null', '~', '1', '1.0', '0x1F', '.inf', '-', '- a', ': x', 'a: b', 'a #b', '#', 'a:', '@x', '*a', '&a', '!t', '%p', '|', '>', "'", '"', '{a}', '[a]', 'a\nb', 'a\n', 'a\n\n', '\na', ' a\nb', 'a \nb', 'a\n  b', '\t', 'a\u2028b', '\u0085', '\ufeffa', '2026-01-01', 'y', '$ref', '/v3/{id}', 'é', '😀');
const text = fc.oneof(tricky, fc.string(), fc.string({ unit: 'binary' }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text.filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 4 }),
})).value;

describe('printYaml', () => {
  it('is read back by the yaml library as exactly the value printed', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(parse(printYaml(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads like hand-written YAML', () => {
    expect(printYaml({ openapi: '3.1.0', info: { title: 'Shop: API', version: '1' }, tags: [{ name: 'Orders' }], paths: {}, 'x-n': [1, true, null], d: 'line one\nline two' })).toBe(
      'openapi: 3.1.0\ninfo:\n  title: "Shop: API"\n  version: "1"\ntags:\n  - name: Orders\npaths: {}\nx-n:\n  - 1\n  - true\n  - null\nd: |-\n  line one\n  line two\n',
    );
  });
});
