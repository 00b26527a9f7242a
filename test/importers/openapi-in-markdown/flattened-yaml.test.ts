// Block YAML that lost its line breaks: its nesting is read back from what OpenAPI allows where.
// The project's own specs, flattened, must keep every fact the fidelity harness counts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOperations } from '../../../generator/fidelity/spec-facts.js';
import { isFlattenedYaml, readFlattenedYaml } from '../../../generator/importers/openapi-in-markdown/flattened-yaml.js';
import type { OpenApiDocument } from '../../../generator/core/openapi-types.js';
import { ROOT } from '../../helpers.js';

/** What an export does to block YAML: every line break and indent becomes one space (comments are dropped first). */
const flatten = (yaml: string) => yaml.replace(/^#.*$/gm, '').replace(/\s*\n\s*/g, ' ').trim();
const read = (yaml: string) => readFlattenedYaml(flatten(yaml), (offset) => ({ file: 'p.md', line: 1, column: offset + 1 })).parsed?.value;

describe('flattened OpenAPI YAML', () => {
  // Operations, parameters, statuses and request properties. Not response properties: after a
  // nested `properties` map, a name may belong to it or to the map around it, and the flat text
  // cannot tell (flowkiwi's 422 body); nor where an `x-` key after a nested object belongs.
  it.each(readdirSync(path.join(ROOT, 'specs')).map((api) => path.join('specs', api, 'openapi.yaml')))('keeps the operations, parameters, statuses and request properties of %s', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const facts = (doc: unknown) =>
      readOperations(doc as OpenApiDocument).map((o) => ({
        operation: `${o.method} ${o.path}`,
        parameters: o.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, type: p.type })),
        body: o.body.map((p) => ({ name: p.name, required: p.required, type: p.type })),
        statuses: o.responses.map((r) => r.status),
      }));
    expect(facts(read(text))).toEqual(facts(parse(text)));
  });

  it.each([
    [
      'a required list goes to the schema whose properties it names',
      'type: object\nproperties:\n  a:\n    type: string\n  b:\n    type: integer\nrequired:\n  - a',
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'] },
    ],
    [
      'a key the inner schema cannot hold goes up',
      'type: object\nproperties:\n  tags:\n    type: array\n    items:\n      $ref: "#/components/schemas/Tag"\n    description: The tags\n  id:\n    type: string',
      { type: 'object', properties: { tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' }, description: 'The tags' }, id: { type: 'string' } } },
    ],
    ['a boolean schema', 'type: object\nadditionalProperties: false', { type: 'object', additionalProperties: false }],
    ['a string schema does not take object keywords', 'type: object\nproperties:\n  a:\n    type: string\nadditionalProperties: false', { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }],
  ])('in a schema: %s', (_, yaml, want) => {
    const doc = read(`openapi: 3.1.0\ncomponents:\n  schemas:\n    X:\n${yaml.replace(/^/gm, '      ')}`) as { components: { schemas: { X: unknown } } };
    expect(doc.components.schemas.X).toEqual(want);
  });

  it('puts a status after a header map back among the responses, and a content map beside a schema on the response', () => {
    const yaml = `openapi: 3.1.0
paths:
  /x:
    get:
      responses:
        '200':
          description: OK
          headers:
            X-Rate:
              schema:
                type: integer
          content:
            application/json:
              schema:
                type: object
        '404':
          description: Missing
`;
    expect(read(yaml)).toEqual(parse(yaml));
  });

  it('reads folded scalars, quoted keys, flow collections and lists of parameters', () => {
    const yaml = `openapi: 3.1.0
paths:
  /items/{id}:
    parameters: []
    delete:
      tags:
        - items
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
            enum:
              - a
              - b
        - name: force
          in: query
          schema:
            type: boolean
      responses:
        '204':
          description: Deleted, it's gone
          content:
            application/json:
              schema:
                $ref: >-
                  #/components/schemas/Deleted
components:
  schemas:
    Deleted: {}
`;
    expect(read(yaml)).toEqual(parse(yaml));
  });

  it('refuses nesting too deep for any API description before its recursion could overflow', () => {
    const { parsed, tooDeep } = readFlattenedYaml(`openapi: 3.1.0 ${'a: '.repeat(100_000)}b`, (offset) => ({ file: 'p.md', line: 1, column: offset + 1 }));
    expect(parsed).toBeUndefined();
    expect(tooDeep).toEqual({ file: 'p.md', line: 1, column: 16 + 3 * 201 });
  });

  it('tells flattened YAML from YAML and JSON', () => {
    expect(isFlattenedYaml('openapi: 3.1.0 info: title: X version: 1 paths: {}')).toBe(true);
    expect(isFlattenedYaml('openapi: 3.1.0\ninfo:\n  title: X')).toBe(false);
    expect(isFlattenedYaml('{"openapi": "3.1.0", "info": {"title": "X"}, "paths": {}}')).toBe(false);
  });
});
