// What a reference is (generator/spec/references.ts): `$ref` parsing, pointer resolution, and which
// members the structure makes references, data or misplaced, position by position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../generator/guard/check-references.js';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import {
  findReferenceSites,
  formatReference,
  followReferences,
  parseReference,
  resolvePointer,
  rewriteReferences,
  splitPointer,
  type ReferenceSite,
} from '../../generator/spec/references.js';
import { parseStructured } from '../../generator/parse/structured-text.js';

describe('parseReference', () => {
  const cases: [string, { given: string; want: ReturnType<typeof parseReference> | { kind: 'malformed'; problem: RegExp } }][] = [
    ['a component', { given: '#/components/schemas/Pet', want: { kind: 'local', segments: ['components', 'schemas', 'Pet'] } }],
    ['the whole document', { given: '#', want: { kind: 'local', segments: [] } }],
    ['~1 and ~0 unescaped, in that order', { given: '#/paths/~1a~1{id}/x~01', want: { kind: 'local', segments: ['paths', '/a/{id}', 'x~1'] } }],
    ['percent-encoding decoded', { given: '#/components/schemas/A%20B%7Bx%7D', want: { kind: 'local', segments: ['components', 'schemas', 'A B{x}'] } }],
    ['a file', { given: '/etc/passwd', want: { kind: 'external', problem: 'only references inside the document (#/...) are followed' } }],
    ['a relative file with a pointer', { given: 'other.yaml#/components/schemas/A', want: { kind: 'external', problem: 'only references inside the document (#/...) are followed' } }],
    ['a URL', { given: 'http://127.0.0.1:9/x.json', want: { kind: 'external', problem: 'only references inside the document (#/...) are followed' } }],
    ['an empty string', { given: '', want: { kind: 'external', problem: 'only references inside the document (#/...) are followed' } }],
    ['a malformed percent escape', { given: '#/components/schemas/%zz', want: { kind: 'malformed', problem: /"%zz" is not a percent-encoded byte/ } }],
    ['a percent sign at the end', { given: '#/components/schemas/A%', want: { kind: 'malformed', problem: /"%" is not a percent-encoded byte/ } }],
    ['bytes that are not UTF-8', { given: '#/components/schemas/%C3%28', want: { kind: 'malformed', problem: /not UTF-8/ } }],
    ['an encoded slash', { given: '#/components/schemas/a%2Fb', want: { kind: 'malformed', problem: /%2F and %7E/ } }],
    ['an encoded tilde', { given: '#/components/schemas/a%7e1', want: { kind: 'malformed', problem: /%2F and %7E/ } }],
    ['a plain-name fragment ($anchor)', { given: '#Pet', want: { kind: 'malformed', problem: /expected a JSON pointer after "#"/ } }],
    ['a bad ~ escape', { given: '#/components/schemas/a~2', want: { kind: 'malformed', problem: /expected a JSON pointer/ } }],
    ['an empty key', { given: '#/components/schemas//Pet', want: { kind: 'malformed', problem: /empty key/ } }],
    ['a trailing slash', { given: '#/components/schemas/', want: { kind: 'malformed', problem: /empty key/ } }],
    ['a second #', { given: '#/a#/b', want: { kind: 'malformed', problem: /one "#"/ } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const got = parseReference(given);
    if ('problem' in want && want.problem instanceof RegExp) {
      expect(got.kind).toBe('malformed');
      expect((got as { problem: string }).problem).toMatch(want.problem);
    } else {
      expect(got).toEqual(want);
    }
  });

  it('never throws, whatever the text', () => {
    for (const text of ['#/%', '#/%%', '#/%E0%A4%A', '#/\uD800', '#/%ED%A0%80', '#%']) expect(() => parseReference(text)).not.toThrow();
  });
});

describe('formatReference', () => {
  it('writes a reference that parseReference reads back as the same keys, % and ~ and / included', () => {
    expect(formatReference(['components', 'schemas', 'a%41/b~c'])).toBe('#/components/schemas/a%2541~1b~0c');
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, unit: 'grapheme' }), { maxLength: 5 }), (keys) => {
        expect(parseReference(formatReference(keys))).toEqual({ kind: 'local', segments: keys });
      }),
    );
  });
});

describe('splitPointer', () => {
  it.each([
    ['', []],
    ['/', ['']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['a', undefined],
    ['/a~', undefined],
  ] as const)('%j', (given, want) => {
    expect(splitPointer(given)).toEqual(want);
  });
});

describe('resolvePointer', () => {
  const doc = { a: [{ b: 1 }, { b: 2 }], c: { '': 'empty', 'x/y': 'slash' } };
  it.each([
    [['a', '1', 'b'], 2],
    [['c', ''], 'empty'],
    [['c', 'x/y'], 'slash'],
    [['a', '01'], undefined],
    [['a', '-'], undefined],
    [['a', '2'], undefined],
    [['a', 'length'], undefined],
    [['c', 'constructor'], undefined],
    [['c', '__proto__'], undefined],
    [['c', 'toString'], undefined],
    [['missing'], undefined],
  ] as const)('%j', (segments, want) => {
    expect(resolvePointer(doc, segments)).toEqual(want);
  });
});

describe('followReferences', () => {
  const doc = {
    components: {
      schemas: { A: { $ref: '#/components/schemas/B' }, B: { type: 'string' }, Loop: { $ref: '#/components/schemas/Loop' }, Out: { $ref: 'http://x/y' } },
      parameters: { P: { name: 'p', in: 'query' } },
    },
    paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/P' }] } } },
  };
  it('follows a chain to its end, and anywhere in the document', () => {
    expect(followReferences(doc, { $ref: '#/components/schemas/A' })).toEqual({ type: 'string' });
    expect(followReferences(doc, { $ref: '#/paths/~1a/get/parameters/0' })).toEqual({ name: 'p', in: 'query' });
  });
  it('gives undefined for a loop, an external reference and a dangling one', () => {
    expect(followReferences(doc, { $ref: '#/components/schemas/Loop' })).toBeUndefined();
    expect(followReferences(doc, { $ref: '#/components/schemas/Out' })).toBeUndefined();
    expect(followReferences(doc, { $ref: '#/components/schemas/Nope' })).toBeUndefined();
  });
});

/** The sites of a document, as `pointer keyword role`. */
function sites(doc: unknown, as?: 'data'): string[] {
  return findReferenceSites(doc, as ? { as } : {}).map((s: ReferenceSite) => `${s.pointer} ${s.keyword} ${s.role}`);
}

const R = { $ref: '#/x' };
const op = (extra: object) => ({ openapi: '3.1.0', paths: { '/a': { get: { responses: { '200': { description: 'ok' } }, ...extra } } } });
const schemas = (s: object) => ({ openapi: '3.1.0', components: { schemas: s } });

describe('findReferenceSites: the structure decides, not the key name', () => {
  const cases: [string, unknown, string[]][] = [
    ['a schema', schemas({ A: R }), ['/components/schemas/A/$ref $ref reference']],
    ['a property called value', schemas({ A: { properties: { value: R } } }), ['/components/schemas/A/properties/value/$ref $ref reference']],
    ['a property called default', schemas({ A: { properties: { default: R } } }), ['/components/schemas/A/properties/default/$ref $ref reference']],
    ['a property called enum', schemas({ A: { properties: { enum: R } } }), ['/components/schemas/A/properties/enum/$ref $ref reference']],
    ['a property called example', schemas({ A: { properties: { example: R } } }), ['/components/schemas/A/properties/example/$ref $ref reference']],
    ['an x- property', schemas({ A: { properties: { 'x-foo': R } } }), ['/components/schemas/A/properties/x-foo/$ref $ref reference']],
    ['a component called enum', schemas({ enum: R }), ['/components/schemas/enum/$ref $ref reference']],
    ['a component called x-foo', schemas({ 'x-foo': R }), ['/components/schemas/x-foo/$ref $ref reference']],
    ['a property called $ref holding a schema is a name', schemas({ A: { properties: { $ref: { type: 'string' } } } }), []],
    ['nested schemas', schemas({ A: { items: { allOf: [R] }, additionalProperties: { not: R }, prefixItems: [R], $defs: { d: R } } }), [
      '/components/schemas/A/items/allOf/0/$ref $ref reference',
      '/components/schemas/A/additionalProperties/not/$ref $ref reference',
      '/components/schemas/A/prefixItems/0/$ref $ref reference',
      '/components/schemas/A/$defs/d/$ref $ref reference',
    ]],
    ['a tuple of items', schemas({ A: { items: [R, R] } }), ['/components/schemas/A/items/0/$ref $ref reference', '/components/schemas/A/items/1/$ref $ref reference']],
    ['a root x- extension', { openapi: '3.1.0', 'x-foo': R }, ['/x-foo/$ref $ref data']],
    ['a schema x- extension', schemas({ A: { 'x-foo': { deep: [R] } } }), ['/components/schemas/A/x-foo/deep/0/$ref $ref data']],
    ['schema example, default, const, enum and examples', schemas({ A: { example: R, default: R, const: R, enum: [R], examples: [R] } }), [
      '/components/schemas/A/example/$ref $ref data',
      '/components/schemas/A/default/$ref $ref data',
      '/components/schemas/A/const/$ref $ref data',
      '/components/schemas/A/enum/0/$ref $ref data',
      '/components/schemas/A/examples/0/$ref $ref data',
    ]],
    ['an unknown schema keyword', schemas({ A: { foo: R } }), ['/components/schemas/A/foo/$ref $ref data']],
    ['a parameter, its schema and its example', op({ parameters: [R, { name: 'p', in: 'query', schema: R, example: R }] }), [
      '/paths/~1a/get/parameters/0/$ref $ref reference',
      '/paths/~1a/get/parameters/1/schema/$ref $ref reference',
      '/paths/~1a/get/parameters/1/example/$ref $ref data',
    ]],
    ['a response, a request body, a header, a media type example', op({
      requestBody: R,
      responses: { '200': R, '201': { description: 'ok', headers: { 'X-A': R }, content: { 'application/json': { schema: R, example: R, examples: { e: { value: R }, f: R } } } }, 'x-r': R },
    }), [
      '/paths/~1a/get/responses/200/$ref $ref reference',
      '/paths/~1a/get/responses/201/headers/X-A/$ref $ref reference',
      '/paths/~1a/get/responses/201/content/application~1json/schema/$ref $ref reference',
      '/paths/~1a/get/responses/201/content/application~1json/example/$ref $ref data',
      '/paths/~1a/get/responses/201/content/application~1json/examples/e/value/$ref $ref data',
      '/paths/~1a/get/responses/201/content/application~1json/examples/f/$ref $ref reference',
      '/paths/~1a/get/responses/x-r/$ref $ref data',
      '/paths/~1a/get/requestBody/$ref $ref reference',
    ]],
    ['a path item, a callback, a webhook', {
      openapi: '3.1.0',
      paths: { '/b': R, '/c': { post: { callbacks: { cb: { '{$url}': R }, cc: R } } }, 'x-p': R },
      webhooks: { hook: R, 'x-h': R },
    }, [
      '/paths/~1b/$ref $ref reference',
      '/paths/~1c/post/callbacks/cb/{$url}/$ref $ref reference',
      '/paths/~1c/post/callbacks/cc/$ref $ref reference',
      '/paths/x-p/$ref $ref data',
      '/webhooks/hook/$ref $ref reference',
      '/webhooks/x-h/$ref $ref reference',
    ]],
    ['an example externalValue, and one in data', {
      openapi: '3.1.0',
      components: { examples: { e: { externalValue: 'x.json' } } },
      'x-e': { externalValue: 'y.json' },
    }, ['/components/examples/e/externalValue externalValue reference', '/x-e/externalValue externalValue data']],
    ['discriminator mapping: references, not names', schemas({ A: { discriminator: { propertyName: 't', mapping: { a: '#/components/schemas/B', b: 'B', c: 'models/c.yml', d: 'https://x/d', e: { $ref: '#/x' } } } } }), [
      '/components/schemas/A/discriminator/mapping/a mapping reference',
      '/components/schemas/A/discriminator/mapping/c mapping reference',
      '/components/schemas/A/discriminator/mapping/d mapping reference',
      '/components/schemas/A/discriminator/mapping/e/$ref $ref data',
    ]],
    ['$ref where nothing can be a reference', { ...schemas({ A: { properties: R } }), paths: { '/a': { get: R } }, info: R }, [
      '/components/schemas/A/properties/$ref $ref misplaced',
      '/paths/~1a/get/$ref $ref misplaced',
      '/info/$ref $ref data',
    ]],
    ['a link operationRef is text, not a site', op({ responses: { '200': { description: 'ok', links: { l: { operationRef: 'https://x/#/paths/~1a/get', parameters: { p: R } } } } } }), [
      '/paths/~1a/get/responses/200/links/l/parameters/p/$ref $ref data',
    ]],
    ['Swagger 2.0', {
      swagger: '2.0',
      definitions: { A: { properties: { value: R } } },
      parameters: { P: { in: 'body', name: 'b', schema: R } },
      paths: { '/a': { get: { parameters: [{ in: 'query', name: 'q', type: 'array', items: R, 'x-example': R }], responses: { '200': { description: 'ok', schema: R, examples: { 'application/json': R } } } } } },
    }, [
      '/definitions/A/properties/value/$ref $ref reference',
      '/parameters/P/schema/$ref $ref reference',
      '/paths/~1a/get/parameters/0/items/$ref $ref reference',
      '/paths/~1a/get/parameters/0/x-example/$ref $ref data',
      '/paths/~1a/get/responses/200/schema/$ref $ref reference',
      '/paths/~1a/get/responses/200/examples/application~1json/$ref $ref data',
    ]],
  ];
  it.each(cases)('%s', (_name, doc, want) => {
    expect(sites(doc)).toEqual(want);
  });

  it('finds every $ref and externalValue in a value of unknown place (as: data)', () => {
    expect(sites({ actions: [{ update: { properties: { value: R }, e: { externalValue: 'x' } } }] }, 'data')).toEqual([
      '/actions/0/update/properties/value/$ref $ref data',
      '/actions/0/update/e/externalValue externalValue data',
    ]);
  });

  it('reports a $ref that is not a string only where a reference belongs', () => {
    expect(sites(schemas({ A: { $ref: 5 }, B: { example: { $ref: 5 } } }))).toEqual(['/components/schemas/A/$ref $ref reference']);
  });
});

describe('rewriteReferences', () => {
  it('rewrites references, data and mapping entries, leaves misplaced ones and names alone', () => {
    const doc = {
      components: {
        schemas: {
          A: { properties: { b: { $ref: '#/components/schemas/B' }, deep: { $ref: '#/components/schemas/B/properties/x' } }, 'x-see': { $ref: '#/components/schemas/B' } },
          C: { discriminator: { propertyName: 't', mapping: { b: '#/components/schemas/B', name: 'B' } }, properties: { $ref: '#/components/schemas/B' } },
        },
      },
    };
    rewriteReferences(doc, ([section, kind, name, ...rest]) => (name === 'B' ? `#/${section}/${kind}/B_2${rest.map((r) => `/${r}`).join('')}` : undefined));
    expect(doc.components.schemas.A).toEqual({ properties: { b: { $ref: '#/components/schemas/B_2' }, deep: { $ref: '#/components/schemas/B_2/properties/x' } }, 'x-see': { $ref: '#/components/schemas/B_2' } });
    expect(doc.components.schemas.C).toEqual({ discriminator: { propertyName: 't', mapping: { b: '#/components/schemas/B_2', name: 'B' } }, properties: { $ref: '#/components/schemas/B' } });
  });
});

describe('checkReferences on a page', () => {
  const check = (text: string) => {
    const parsed = parseStructured(text, { file: 'page.yaml' }).result!;
    return checkReferences(parsed.value, 'page.yaml', { locate: parsed.locate, dangling: false }).map(formatDiagnostic);
  };

  it('locates each refusal at its line, never throws on a malformed escape', () => {
    const page = [
      'openapi: 3.1.0',
      'components:',
      '  schemas:',
      '    A:',
      '      properties:',
      '        value: { $ref: "/tmp/x.yaml" }',
      '        b: { $ref: "#/components/schemas/%zz" }',
      '      x-foo: { $ref: "http://127.0.0.1:1/x" }',
      '      discriminator: { propertyName: t, mapping: { a: "../m.yml" } }',
      '    B: { $ref: 5 }',
      '    C: { properties: { $ref: "#/components/schemas/A" } }',
      'x-e: { externalValue: "/etc/hosts" }',
    ].join('\n');
    expect(check(page)).toEqual([
      'page.yaml:6:18: error: refused $ref "/tmp/x.yaml": only references inside the document (#/...) are followed; join the files into one document first (`redocly bundle` does), or copy what it names into this one (at /components/schemas/A/properties/value/$ref)',
      'page.yaml:7:14: error: refused $ref "#/components/schemas/%zz": "%zz" is not a percent-encoded byte (at /components/schemas/A/properties/b/$ref)',
      'page.yaml:8:16: error: refused $ref "http://127.0.0.1:1/x": only references inside the document (#/...) are followed (also in example, default and extension values, which redocly follows) (at /components/schemas/A/x-foo/$ref)',
      'page.yaml:9:52: error: refused discriminator mapping "../m.yml": only references inside the document (#/...) are followed; join the files into one document first (`redocly bundle` does), or copy what it names into this one (at /components/schemas/A/discriminator/mapping/a)',
      'page.yaml:10:10: error: expected $ref to be a string (a JSON pointer such as "#/components/schemas/Name"), got number 5 (at /components/schemas/B/$ref)',
      'page.yaml:11:24: error: refused $ref "#/components/schemas/A": this object cannot be a reference (its keys are names or fields), yet redocly would read it as one (at /components/schemas/C/properties/$ref)',
      'page.yaml:12:8: error: refused externalValue "/etc/hosts": only references inside the document (#/...) are followed (also in example, default and extension values, which redocly follows) (at /x-e/externalValue)',
    ]);
  });

  it('quotes a long or control-laden reference safely', () => {
    const [message] = check(`openapi: 3.1.0\ncomponents: { schemas: { A: { $ref: "/x\\u001b[2J${'a'.repeat(500)}" } } }`);
    expect(message).toContain('refused $ref "/x\\u001b[2J');
    expect(message).not.toContain('\u001b');
    // Cut short at 200 characters: the rest of the message (what to do) is fixed text.
    expect(message).toContain(`${'a'.repeat(190)}..."`);
    expect(message).not.toContain('a'.repeat(201));
  });
});

describe('checkReferences on a merged spec', () => {
  it('refuses local references that point at nothing, in data and mappings too, and accepts the rest', () => {
    const doc = {
      openapi: '3.1.0',
      components: {
        schemas: {
          A: { type: 'object', 'x-see': { $ref: '#/components/schemas/B' }, examples: [{ $ref: '#/nowhere' }] },
          B: { oneOf: [{ $ref: '#/components/schemas/A' }], discriminator: { propertyName: 't', mapping: { a: '#/components/schemas/A', c: '#/components/schemas/C' } } },
        },
      },
    };
    expect(checkReferences(doc, 'spec.yaml').map(formatDiagnostic)).toEqual([
      'spec.yaml: error: $ref "#/nowhere" points at nothing in the document (at /components/schemas/A/examples/0/$ref)',
      'spec.yaml: error: discriminator mapping "#/components/schemas/C" points at nothing in the document (at /components/schemas/B/discriminator/mapping/c)',
    ]);
  });
});
