// Hostile strings in every position a spec can put text: the output must either be refused with a
// located error or be safe: strict tsc accepts it and importing it runs nothing (a globalThis
// sentinel stays unset).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTempApi, type TempApi } from '../support/temp-api.js';
import { hostileSpec } from './hostile-spec.js';

let api: TempApi;
beforeAll(async () => {
  api = await generateTempApi({ 'spec.json': JSON.stringify(hostileSpec(), null, 2) });
}, 120_000);
afterAll(() => api.remove());

describe('hostile names in every position', () => {
  it('generates without errors', () => {
    expect(api.messages.filter((m) => m.includes('error'))).toEqual([]);
  });

  it('produces output that strict tsc accepts', () => {
    expect(api.typecheck()).toBe('');
  });

  it('runs no code when imported', () => {
    const run = api.importInNode('hostile');
    expect(run.stderr).toBe('');
    expect(run.sentinel).toBe('unset');
  });

  it('leaves Object.prototype alone', () => {
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
  });

  it('keeps each hostile property name as a quoted key, invisible characters escaped', () => {
    const types = api.result.files.get('generated/hostile/schema.d.ts')!;
    expect(types).toContain('"x: string; } export const pwned');
    expect(types).not.toMatch(/[\u2028\u2029\u202e\u200b]/);
    const models = api.result.files.get('generated/hostile/models.d.ts')!;
    expect(models).toContain('\\u202e');
    expect(types).toMatch(/['"]?valueOf['"]?\??: /);
    const client = api.result.files.get('generated/hostile/client.d.ts')!;
    expect(client).not.toMatch(/^\s*then\(/m);
    expect(client).not.toMatch(/[\u2028\u2029\u202e\u200b]/);
  });
});

describe('keys named __proto__', () => {
  it('are refused with a located error, in a spec file and in a fenced page', async () => {
    const spec = JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') } } } }, null, 2);
    const page = `# Get A\n\n## GET /a\n\n\`\`\`json\n${spec}\n\`\`\`\n`;
    const both = await generateTempApi({ 'spec.json': spec, 'page.md': page });
    try {
      expect(both.messages).toEqual([
        'specs/hostile/sources/page.md:18:11: error: the key "__proto__" is not accepted: JavaScript tools would read it as an object\'s prototype (at /components/schemas/A/properties/__proto__)',
        'specs/hostile/sources/spec.json:13:11: error: the key "__proto__" is not accepted: JavaScript tools would read it as an object\'s prototype (at /components/schemas/A/properties/__proto__)',
      ]);
    } finally {
      both.remove();
    }
  });
});

describe('the emitter, scanned', () => {
  it('lets no spec text out of a string literal or comment in any generated file', async () => {
    const ts = (await import('typescript')).default;
    const escaped: string[] = [];
    for (const [file, text] of api.result.files) {
      if (!/\.(js|d\.ts)$/.test(file)) continue;
      const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, file.endsWith('.js') ? ts.LanguageVariant.Standard : ts.LanguageVariant.Standard, text);
      for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
        // Every hostile string sets `globalThis.__specmillPwned`: as code, that is an identifier token.
        if (kind === ts.SyntaxKind.Identifier && scanner.getTokenValue() === '__specmillPwned') escaped.push(`${file}:${scanner.getTokenStart()}`);
      }
    }
    expect(escaped).toEqual([]);
  });

  it('builds code only through the naming module', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../generator/emit/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      // JSON.stringify is not a TypeScript quoter (U+2028, bidi): only package.json, the runtime
      // cache file, the worker hand-off and the unit cache's keys and entries (data, not code) may use it.
      if (!['emit-package.ts', 'emit-runtime.ts', 'emit-types.ts', 'types-units.ts', 'client-parts.ts'].includes(name)) expect(source, name).not.toMatch(/JSON\.stringify\(/);
      // Doc comments from the spec go through docText; fixed English needs no escaping.
      for (const match of source.matchAll(/docs: \[([^\]]*)\]/g)) expect(match[1], `${name}: docs: [${match[1]}]`).toMatch(/^(docText\(|'[^'$]*'$|methodDocs\(|authDocs\()/);
    }
  });
});
