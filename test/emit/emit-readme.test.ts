// The per-API README: spec text that tries to be Markdown, HTML or a code fence stays text. The
// README is parsed back with the same Markdown parser the importers use (GFM) to prove it.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { emitApiReadme } from '../../generator/emit/emit-readme.js';
import { buildClientModel } from '../../generator/model/client-model.js';
import type { OpenApiDocument } from '../../generator/core/openapi-types.js';
import { planClient } from '../../generator/plan/plan-client.js';
import { markdownCode, markdownCodeBlock, markdownText } from '../../generator/plan/naming.js';

const HOSTILE_SUMMARY = '<script>alert(1)</script> **bold** [x](javascript:alert(1)) | cell';
const HOSTILE_TAG = 'Pipes | and ``` fences # heading';

const SPEC: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Evil <img src=x onerror=alert(1)> API', version: '1' },
  servers: [{ url: 'https://api.test/`x`|y' }],
  components: { securitySchemes: { 'key`s': { type: 'apiKey', in: 'header', name: 'X-Key|`', description: '[click](javascript:alert(1)) <b>now</b>' } } },
  security: [{ 'key`s': [] }],
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'list```Things',
        summary: HOSTILE_SUMMARY,
        tags: [HOSTILE_TAG],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok' }, '404': { description: 'no', content: { 'application/json': { schema: { type: 'object' } } } } },
        'x-pagination': { style: 'offset', items: '/data', offsetParam: 'offset' },
      },
      post: { operationId: 'makeThing', summary: 'Make a thing', responses: { '201': { description: 'made' } } },
    },
  },
};

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function all(node: Nodes, type: string): Nodes[] {
  const found: Nodes[] = node.type === type ? [node] : [];
  if ('children' in node) for (const child of node.children) found.push(...all(child as Nodes, type));
  return found;
}

const readme = emitApiReadme({ model: buildClientModel(SPEC), plan: planClient(buildClientModel(SPEC), 'evil'), packageName: '@acme/clients' });
const tree = parse(readme);

describe('the per-API README', () => {
  it('has the sections a user looks for', () => {
    const headings = all(tree, 'heading').map((h) => toString(h));
    expect(headings).toEqual(['Evil <img src=x onerror=alert(1)> API: the TypeScript client', 'Install', 'Usage', HOSTILE_TAG, 'Other operations', 'Auth', 'Errors', 'Retries and timeouts', 'Redirects', 'Pagination']);
    expect(readme).toContain('npm install path/to/acme-clients-0.0.0.tgz');
    expect(readme).toContain("from \"@acme/clients/evil\"");
  });

  it('never lets spec text become HTML, a link or a code fence', () => {
    expect(all(tree, 'html')).toEqual([]);
    expect(all(tree, 'link').map((l) => (l as { url: string }).url)).toEqual([]);
    // Every code block is one of ours: install, setup, one per group, errors, retries, redirects, pagination.
    expect(all(tree, 'code').map((c) => (c as { lang?: string }).lang)).toEqual(['sh', 'ts', 'ts', 'ts', 'ts', 'ts', 'ts', 'ts']);
    expect(readme).not.toMatch(/(?<!\\)<(script|img|b>)/);
  });

  it('keeps each table row to its columns, pipes and all', () => {
    const rows = all(tree, 'tableRow');
    for (const row of rows) expect((row as { children: unknown[] }).children.length).toBeGreaterThanOrEqual(2);
    const cells = rows.flatMap((row) => (row as { children: Nodes[] }).children.map((c) => toString(c)));
    expect(cells).toContain(`${HOSTILE_SUMMARY} (paged)`);
    expect(cells).toContain('GET /things/{id}');
  });

  it('shows scheme, server and operation names as written', () => {
    const text = toString(tree);
    expect(text).toContain('key`s');
    expect(text).toContain('X-Key|`');
    expect(text).toContain('https://api.test/`x`|y');
    expect(text).toContain('[click](javascript:alert(1)) <b>now</b>');
    expect(readme).toContain('client.isError(error, "list```Things")');
  });
});

describe('the Markdown helpers of naming.ts', () => {
  it.each([
    ['emphasis and HTML', '*a* <b>', '\\*a\\* \\<b\\>'],
    ['a line break', 'a\nb', 'a b'],
    ['a table pipe', 'a|b', 'a\\|b'],
    ['an entity', '&amp;', '\\&amp;'],
  ])('markdownText: %s', (_name, text, want) => {
    expect(markdownText(text)).toBe(want);
  });

  it.each([
    ['plain', 'a', '`a`'],
    ['with backticks', 'a`b', '``a`b``'],
    ['starting with a backtick', '`a', '`` `a ``'],
  ])('markdownCode: %s', (_name, text, want) => {
    expect(markdownCode(text)).toBe(want);
  });

  it('markdownCode in a table escapes the pipe', () => {
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
  });

  it('markdownCodeBlock picks a fence no line can close', () => {
    const block = markdownCodeBlock('const s = "```";\n', 'ts');
    expect(block).toBe('````ts\nconst s = "```";\n````');
    expect(all(parse(block), 'code')).toHaveLength(1);
  });
});
