// Broken, mis-encoded and hostile documents through the real pipeline: each gives a located error
// (or a warning and a usable result), never a crash, a hang or a request off the machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTempApi } from '../support/temp-api.js';

const spec = (extra: object = {}) => ({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {}, ...extra });
const withSchema = (schema: object) => JSON.stringify(spec({ components: { schemas: { A: schema } } }), null, 2);

async function messages(pages: Record<string, string | Buffer>): Promise<string[]> {
  const api = await generateTempApi(pages);
  api.remove();
  return api.messages;
}

describe('references', () => {
  let connections = 0;
  const listener = createServer((_req, res) => {
    connections++;
    res.end('{}');
  });
  listener.on('connection', () => connections++);
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/schema.json`;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('refuses a $ref to a local file outside the document, at its line', async () => {
    expect(await messages({ 'spec.json': withSchema({ $ref: '/etc/passwd' }) })).toEqual([
      'specs/hostile/sources/spec.json:11:9: error: refused $ref "/etc/passwd": only references inside the document (#/...) are followed; copy what it names into this document (under components) and refer to it as "#/components/schemas/Name", or write it out in place of the reference (at /components/schemas/A/$ref)',
    ]);
  });

  it('refuses a remote $ref without connecting to it', async () => {
    const found = await messages({ 'spec.json': withSchema({ type: 'object', properties: { b: { $ref: url } } }) });
    expect(found).toEqual([expect.stringMatching(/^specs\/hostile\/sources\/spec\.json:14:13: error: refused \$ref "http:\/\/127\.0\.0\.1:\d+\/schema\.json"/)]);
    expect(connections).toBe(0);
  });

  it('refuses a $ref that points at nothing, at the page of the schema around it', async () => {
    expect(await messages({ 'spec.json': withSchema({ $ref: '#/components/schemas/Missing' }) })).toEqual([
      'specs/hostile/sources/spec.json:10:7: error: $ref "#/components/schemas/Missing" points at nothing in the document (at /components/schemas/A/$ref)',
    ]);
  });

  it('types legitimate recursion', async () => {
    const api = await generateTempApi({
      'spec.json': JSON.stringify(
        spec({
          paths: { '/tree': { get: { operationId: 'getTree', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Tree' } } } } } } } },
          components: {
            schemas: {
              Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } }, leaf: { $ref: '#/components/schemas/Leaf' } } },
              Leaf: { oneOf: [{ $ref: '#/components/schemas/Tree' }, { type: 'string' }] },
            },
          },
        }),
      ),
    });
    try {
      expect(api.messages).toEqual([]);
      expect(api.typecheck()).toBe('');
    } finally {
      api.remove();
    }
  });
});

describe('resource exhaustion', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

  it.each([
    ['a YAML alias bomb', { 'spec.yaml': `openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\nx-bomb:\n${bomb.replace(/^/gm, '  ')}\n` }, /spec\.yaml:1:1: error: cannot read the document: Excessive alias count/],
    ['JSON nested 3,000 deep', { 'spec.json': `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"x":${'['.repeat(3000)}${']'.repeat(3000)}}` }, /spec\.json:1:\d+: error: the document nests deeper than 200 levels/],
    ['duplicate keys', { 'spec.json': '{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"paths":{}}' }, /spec\.json:1:\d+: error: duplicate key/],
    ['YAML merge keys', { 'spec.yaml': 'openapi: 3.1.0\ninfo: &i {title: T, version: "1"}\npaths: {}\nx-info:\n  <<: *i\n' }, /spec\.yaml:5:3: error: YAML merge keys \(<<\) are not supported/],
  ])('refuses %s, located', async (_name, pages, message) => {
    // Refused by a limit (alias count, depth), not by running out of time or memory: the message says which.
    const found = await messages(pages);
    expect(found.join('\n')).toMatch(message);
  });
});

describe('broken and mis-encoded pages', () => {
  const markdown = '# List things\n\n## GET /things\n\n```json\n{"openapi":"3.0.1","info":{"title":"T","version":"1"},"paths":{"/things":{"get":{"responses":{"200":{"description":"ok"}}}}}}\n```\n';

  it('reads a UTF-8 page with a BOM', async () => {
    expect(await messages({ 'page.md': `\ufeff${markdown}` })).toEqual([]);
  });

  it('reads a UTF-16 page with a BOM', async () => {
    expect(await messages({ 'page.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(markdown, 'utf16le')]) })).toEqual([]);
  });

  it('warns, at the first bad byte, about a page that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(markdown.replace('List things', 'List th')), Buffer.from([0xe9, 0x20])]);
    expect(await messages({ 'page.md': bytes })).toEqual(['specs/hostile/sources/page.md:8:1: warning: the page is not valid UTF-8: unreadable bytes became U+FFFD (is it saved in another encoding?)']);
  });

  it.each([
    ['a Bump.sh page cut off mid-list', 'create.md', '# Create a thing\n\n**POST /things**\n\n## Parameters\n\n### Body: application/json (object)\n\n- **name** (str'],
    ['a property-table page with no operation', 'create.txt', 'Create a thing\n\nPath parameters\n\nNameTypeRequiredDescription\nidstringrequired'],
    ['a JSON-samples page with a broken sample', 'create.txt', 'Create a thing\nPOST\n/v3/things\nRequest\n{"name": "string",\nReturns Thing of type(s) application/json'],
    ['a Markdown page whose document is cut off', 'create.md', '# Create\n\n## POST /things\n\n```json\n{"openapi": "3.0.1", "paths": {"/things": {"post": \n```\n'],
    ['binary noise', 'noise.txt', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
  ])('reports %s with a location, never a crash', async (_name, file, text) => {
    const found = await messages({ [file]: text });
    expect(found.length).toBeGreaterThan(0);
    for (const message of found) expect(message).toMatch(/^specs\/hostile\/sources\/[^:]+:\d+(:\d+)?: (error|warning): /);
  });
});
