import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import { detectFormat, importPage } from '../../generator/importers/index.js';
import { openapiInMarkdownImporter } from '../../generator/importers/openapi-in-markdown.js';
import { isObject, type JsonObject } from '../../generator/core/openapi-types.js';
import { fixture, toYaml } from '../helpers.js';

function operation(fragment: JsonObject | undefined, path: string, method: string): JsonObject {
  const paths = fragment?.paths;
  const item = isObject(paths) ? paths[path] : undefined;
  const op = isObject(item) ? item[method] : undefined;
  if (!isObject(op)) throw new Error(`no ${method} ${path}`);
  return op;
}

describe('openapi-in-markdown importer', () => {
  it.each([
    ['apis/shop/sources', 'query-enum-get.md'],
    ['apis/shop/sources', 'delete-no-body.md'],
    ['apis/shop/sources', 'two-blocks.md'],
    ['openapi-in-markdown', 'heading-mismatch.md'],
  ])('imports %s/%s', async (folder, name) => {
    const page = fixture(folder, name);
    expect(detectFormat(page)?.name).toBe('openapi-in-markdown');
    const result = await importPage(page);
    await expect(toYaml(result)).toMatchFileSnapshot(`__snapshots__/openapi-in-markdown/${name}.yaml`);
  });

  it('takes the title as summary and the prose under the heading as description, not the navigation', async () => {
    const { fragment } = await importPage(fixture('apis/shop/sources', 'query-enum-get.md'));
    const op = operation(fragment, '/v2/stores/{storeId}/orders', 'get');
    expect(op.summary).toBe('List Orders');
    expect(op.description).toBe('Returns the orders of a store, newest first.\n\nUse `status` to filter.');
    expect(op['x-specmill-source']).toBe('test/fixtures/apis/shop/sources/query-enum-get.md:18:7');
  });

  it('keeps query, header and path parameters with their enums and arrays', async () => {
    const { fragment } = await importPage(fixture('apis/shop/sources', 'query-enum-get.md'));
    const op = operation(fragment, '/v2/stores/{storeId}/orders', 'get');
    const parameters = op.parameters as JsonObject[];
    expect(parameters.map((p) => `${String(p.in)}:${String(p.name)}`)).toEqual(['path:storeId', 'query:status', 'query:limit', 'query:tag', 'header:X-Request-Id']);
    expect((parameters[1]!.schema as JsonObject).enum).toEqual(['open', 'shipped', 'cancelled']);
  });

  it('merges a second block of components and ignores a JSON example that is not a document', async () => {
    const { fragment, diagnostics } = await importPage(fixture('apis/shop/sources', 'two-blocks.md'));
    expect(diagnostics).toEqual([]);
    const schemas = (fragment?.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toEqual(['Store']);
    expect((schemas.Store as JsonObject)['x-specmill-source']).toMatch(/two-blocks\.md:19:5$/);
  });

  it('warns, naming the heading line, when the heading disagrees with the document', async () => {
    const { fragment, diagnostics } = await importPage(fixture('openapi-in-markdown', 'heading-mismatch.md'));
    expect(fragment).toBeDefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'test/fixtures/openapi-in-markdown/heading-mismatch.md:3:1: warning: the heading names PUT /v2/orders/{id} but the embedded document has PATCH /v2/orders/{id}',
    ]);
  });

  it('keeps the operation of a JSON block cut off before its end, and says where it ends', async () => {
    const { fragment, diagnostics } = await importPage(fixture('openapi-in-markdown', 'broken-json.md'));
    expect(Object.keys(operation(fragment, '/v2/orders', 'post').responses as JsonObject)).toEqual(['201']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'test/fixtures/openapi-in-markdown/broken-json.md:6:141: warning: the JSON is cut off before its end: no member was cut in two; 1 unclosed object(s) or array(s) keep their complete members',
    ]);
  });

  it('errors when the page holds no document', async () => {
    const page = { text: '# Title\n\n## GET /x\n\nNothing here.\n', path: 'p.md' };
    const { diagnostics } = await openapiInMarkdownImporter.importPage(page);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['p.md:1:1: error: expected a fenced ```json or ```yaml block holding an OpenAPI document']);
  });
});
