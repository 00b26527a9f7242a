// Bodies named by the page and shown by samples become components, one per shape.
import { describe, expect, it } from 'vitest';
import { jsonSamplesImporter } from '../../../generator/importers/json-samples.js';
import type { ImportResult } from '../../../generator/importers/importer.js';
import { isObject, type JsonObject } from '../../../generator/core/openapi-types.js';

const envelope = '{"errors": [{"code": 0, "title": "string"}]}';

function page(responses: string, request = ''): string {
  return ['Get Thing', '', 'GET', 'https://h.example/things', request, 'Responses', responses].join('\n');
}

function read(text: string): ImportResult {
  return jsonSamplesImporter.importPage({ text, path: 'p.txt' }) as ImportResult;
}

function responses(result: ImportResult): JsonObject {
  const operation = (result.fragment?.paths as JsonObject)['/things'] as JsonObject;
  return (Object.values(operation)[0] as JsonObject).responses as JsonObject;
}

function schemaOf(result: ImportResult, status: string): unknown {
  const response = responses(result)[status] as JsonObject;
  return ((response.content as JsonObject)['application/json'] as JsonObject).schema;
}

function components(result: ImportResult): JsonObject {
  const all = result.fragment?.components;
  return isObject(all) && isObject(all.schemas) ? all.schemas : {};
}

describe('bodies as components', () => {
  it('one component for an envelope repeated under several statuses, named after its one property', () => {
    const result = read(page(['400', 'Bad Request', `Returns BadRequest of type(s) application/json`, envelope, '404', 'Not Found', 'Returns NotFound of type(s) application/json', envelope].join('\n')));
    expect(schemaOf(result, '400')).toEqual({ $ref: '#/components/schemas/Errors' });
    expect(schemaOf(result, '404')).toEqual({ $ref: '#/components/schemas/Errors' });
    expect(Object.keys(components(result))).toEqual(['Errors']);
  });

  it('a model name the page prints names the component; a stand-in name leaves the body inline', () => {
    const result = read(page(['200', 'OK', 'Returns Thing of type(s) application/json', '{"id": "string"}', '202', 'Accepted', 'Returns object of type(s) application/json', '{}'].join('\n')));
    expect(schemaOf(result, '200')).toEqual({ $ref: '#/components/schemas/Thing' });
    expect(components(result).Thing).toMatchObject({ type: 'object', properties: { id: { type: 'string' } }, 'x-specmill-source': 'p.txt:9:9' });
    expect(schemaOf(result, '202')).toEqual({ type: 'object' });
  });

  it('a request body named by the page is a component; two shapes under one name are told apart, said so', () => {
    const request = ['Request Body', 'Thing of type(s) application/json', '{"name": "string"}'].join('\n');
    const result = read(page(['200', 'OK', 'Returns Thing of type(s) application/json', '{"id": "string"}'].join('\n'), request));
    expect(Object.keys(components(result))).toEqual(['Thing', 'Thing_2']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: 'two different bodies on this page are named Thing; the second is renamed Thing_2' })]);
  });

  it('records what the page says the body is made of', () => {
    const result = read(page(['200', 'OK', 'Returns Thing of type(s) application/json', 'This response body class contains one of the following: A, B', '{"id": "string"}'].join('\n')));
    expect(components(result).Thing).toMatchObject({ 'x-specmill-one-of': ['A', 'B'] });
  });
});
