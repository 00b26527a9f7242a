// schema.d.ts put together from units (one path item or component at a time in the worker) is
// byte for byte what openapi-typescript prints for the whole document, on specs that exercise
// what it reads across units: shared parameters, `allOf` + `required`, discriminators, prototype
// names, webhooks, `$defs`, roots it cannot split, empty sections.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { astToString, resolveRef, scanDiscriminators, transformSchema } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitSchemaTypes } from '../../generator/emit/emit-types.js';
import { TypesEngine } from '../../generator/emit/types-engine.js';
import { finishTypes, prepareTypesInput } from '../../generator/emit/types-units.js';
import type { JsonObject, OpenApiDocument } from '../../generator/core/openapi-types.js';
import { SpecHashes } from '../../generator/cache/spec-hashes.js';
import { UnitCache } from '../../generator/cache/unit-cache.js';
import { OPENAPI_TS_OPTIONS } from '../../generator/workers/openapi-typescript-options.mjs';
import { ROOT } from '../helpers.js';
import { generateApi } from '../support/generated-api.js';

const engine = new TypesEngine();
afterAll(() => engine.close());

/** The reference: openapi-typescript's transform of the whole prepared document, in this process. */
function wholeDocument(spec: OpenApiDocument): string {
  const input = prepareTypesInput(spec);
  const doc = JSON.parse(JSON.stringify(input.document)) as JsonObject;
  const ctx = {
    ...OPENAPI_TS_OPTIONS,
    discriminators: scanDiscriminators(doc as never, OPENAPI_TS_OPTIONS),
    injectFooter: [],
    resolve: ($ref: string) => resolveRef(doc, $ref, { silent: true }),
  };
  return finishTypes(input, astToString(transformSchema(doc as never, ctx as never)));
}

function units(spec: OpenApiDocument, cache = UnitCache.memory()): Promise<string> {
  return emitSchemaTypes(spec, { cache, engine, recipe: 'test', hashes: new SpecHashes() });
}

const yaml = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8')) as OpenApiDocument;
const info = { title: 'T', version: '1' };

const CASES: [string, () => OpenApiDocument][] = [
  ['softwareone-marketplace', () => yaml('specs/softwareone-marketplace/openapi.yaml')],
  ['cloud-foundry', () => yaml('specs/cloud-foundry/openapi.yaml')],
  ['a generated API (shared refs, allOf + required, a discriminator)', () => generateApi(60)],
  [
    'prototype-member names and an inline discriminator',
    () => ({
      openapi: '3.1.0',
      info,
      paths: {
        '/valueOf': {
          get: {
            operationId: 'hasOwnProperty',
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': {
                    schema: { oneOf: [{ $ref: '#/components/schemas/valueOf' }, { $ref: '#/components/schemas/B' }], discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/valueOf' } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          valueOf: { type: 'object', properties: { kind: { type: 'string' }, isPrototypeOf: { type: 'string' } }, required: ['isPrototypeOf'] },
          B: { allOf: [{ $ref: '#/components/schemas/valueOf' }, { type: 'object', properties: { b: { type: 'string' } } }], required: ['kind', 'b'] },
        },
      },
    }),
  ],
  [
    'webhooks, $defs, empty sections and a path item without operations',
    () => ({
      openapi: '3.1.0',
      info,
      paths: { '/only-parameters': { parameters: [{ name: 'x', in: 'query', schema: { type: 'string' } }] } },
      webhooks: { ping: { post: { operationId: 'ping', requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'OK' } } } } },
      $defs: { Thing: { type: 'string' } },
      components: { schemas: {}, responses: { Empty: { description: 'Nothing' } } },
    }),
  ],
  [
    'a discriminator inside an allOf',
    () => ({
      openapi: '3.1.0',
      info,
      paths: {},
      components: {
        schemas: {
          Shape: { allOf: [{ type: 'object', properties: { kind: { type: 'string' } } }, { oneOf: [{ $ref: '#/components/schemas/Square' }], discriminator: { propertyName: 'kind', mapping: { sq: '#/components/schemas/Square' } } }] },
          Square: { type: 'object', properties: { kind: { type: 'string' }, side: { type: 'number' } } },
          Other: { type: 'string' },
        },
      },
    }),
  ],
  ['no paths, no components', () => ({ openapi: '3.1.0', info })],
  ['a root it cannot split (paths as an array)', () => ({ openapi: '3.1.0', info, paths: [] as never, components: { schemas: { A: { type: 'string' } } } })],
];

describe('schema.d.ts from units', () => {
  it.each(CASES)('%s: the same text as the whole document', async (_name, make) => {
    const spec = make();
    const cache = UnitCache.memory();
    const text = await units(spec, cache);
    expect(text).toBe(wholeDocument(spec));
    // And again from the cache alone.
    expect(await units(spec, cache)).toBe(text);
  });

  it('a few changed units, made from a document cut down to them, give the same text as the whole', async () => {
    const spec = generateApi(60) as JsonObject & { paths: Record<string, Record<string, JsonObject>>; components: { schemas: Record<string, JsonObject & { allOf: JsonObject[] }> } };
    const cache = UnitCache.memory();
    await units(spec, cache);
    spec.paths['/widget0s']!.get!.summary = 'Changed';
    spec.components.schemas.Gadget1!.allOf[1]!.properties = { renamed: { type: 'string' } };
    const misses = cache.stats.misses;
    expect(await units(spec, cache)).toBe(wholeDocument(spec));
    expect(cache.stats.misses - misses).toBe(2);
  });

  it('a large spec, made a slice at a time, gives the same text as the whole', async () => {
    for (const [, make] of CASES.filter(([name]) => /generated|discriminator|webhooks/.test(name))) {
      const spec = make();
      const text = await emitSchemaTypes(spec, { cache: UnitCache.memory(), engine, recipe: 'test', hashes: new SpecHashes(), slicing: { large: 0, size: 1 } });
      expect(text).toBe(wholeDocument(spec));
    }
  });

  it('reads the spec without changing it', async () => {
    const spec = CASES[3]![1]();
    const before = JSON.stringify(spec);
    await units(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });
});
