import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import { detectFormat, importPage } from '../../generator/importers/index.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';
import { fixture, toYaml } from '../helpers.js';

describe('openapi importer', () => {
  it('converts Swagger 2.0 and keeps the source lines of operations and definitions', async () => {
    const page = fixture('openapi', 'swagger2-petstore.yaml');
    expect(detectFormat(page)?.name).toBe('openapi');
    const result = await importPage(page);
    expect(result.diagnostics).toEqual([]);
    const fragment = result.fragment!;
    expect(String(fragment.openapi)).toMatch(/^3\.0\./);
    expect(fragment.servers).toEqual([{ url: 'https://pets.example.test/v1' }]);
    const get = ((fragment.paths as JsonObject)['/pets'] as JsonObject).get as JsonObject;
    expect(get['x-specmill-source']).toBe('test/fixtures/openapi/swagger2-petstore.yaml:10:5');
    const pet = ((fragment.components as JsonObject).schemas as JsonObject).Pet as JsonObject;
    expect(pet['x-specmill-source']).toBe('test/fixtures/openapi/swagger2-petstore.yaml:24:3');
    await expect(toYaml(fragment)).toMatchFileSnapshot('__snapshots__/openapi/swagger2-petstore.yaml');
  });

  it('declares a path parameter that the path names and the document does not, and says so', async () => {
    const text = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /files/{fileId}:\n    delete:\n      responses:\n        "204": { description: Gone }\n';
    const result = await importPage({ text, path: 'spec.yaml' }, 'openapi');
    const del = ((result.fragment!.paths as JsonObject)['/files/{fileId}'] as JsonObject).delete as JsonObject;
    expect(del.parameters).toEqual([{ name: 'fileId', in: 'path', required: true, schema: { type: 'string', 'x-specmill-inferred': ['type'] } }]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'spec.yaml:5:5: warning: the path /files/{fileId} names {fileId}, which the document does not declare: it is added as a required path parameter, its type assumed to be string (x-specmill-inferred) (at /paths/~1files~1{fileId}/delete)',
    ]);
  });

  it.each([
    ['unsupported-version.json', /unsupported-version\.json:1:1: error: unsupported version "4\.0\.0"/],
    ['duplicate-keys.json', /duplicate-keys\.json:5:3: error: duplicate key/],
  ])('rejects %s with a located error', async (name, message) => {
    const page = fixture('openapi', name);
    const result = await importPage(page, 'openapi');
    expect(result.fragment).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic).join('\n')).toMatch(message);
  });

  it('refuses an unknown forced format, naming the known ones', async () => {
    const result = await importPage({ text: '{}', path: 'x.json' }, 'nope');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^x\.json: error: unknown format "nope": expected one of openapi, openapi-in-markdown/)]);
  });
});
