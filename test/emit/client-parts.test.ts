// client.d.ts, client.js and models.d.ts put together from parts printed alone (and cached) are
// byte for byte what ts-morph prints for the whole files: with and without operations, models,
// pagination, security and client defaults.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClientDefaults } from '../../generator/config/config.js';
import { emitClientParts, emitIndexParts, emitModelsParts } from '../../generator/emit/client-parts.js';
import { emitClient } from '../../generator/emit/emit-client.js';
import { emitIndex, emitModels } from '../../generator/emit/emit-models.js';
import { printStructure } from '../../generator/emit/print.js';
import { buildClientModel } from '../../generator/model/client-model.js';
import type { OpenApiDocument } from '../../generator/core/openapi-types.js';
import { planClient } from '../../generator/plan/plan-client.js';
import { UnitCache } from '../../generator/cache/unit-cache.js';
import { ROOT } from '../helpers.js';
import { generateApi } from '../support/generated-api.js';

const yaml = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8')) as OpenApiDocument;

const CASES: [string, OpenApiDocument, ClientDefaults][] = [
  ['softwareone-marketplace (paged, bearer auth)', yaml('specs/softwareone-marketplace/openapi.yaml'), {}],
  ['elastic-cloud with client defaults', yaml('specs/elastic-cloud/openapi.yaml'), { timeoutMs: 5000, retry: false }],
  ['a generated API', generateApi(90), {}],
  ['no operations and no schemas', { openapi: '3.1.0', info: { title: 'Empty', version: '1' }, paths: {} }, {}],
];

describe('client files from parts', () => {
  it.each(CASES)('%s: the same text as printing the whole files', async (_name, spec, defaults) => {
    const model = buildClientModel(spec);
    const plan = planClient(model, 'api');
    const whole = emitClient(model, plan, defaults);
    const cache = UnitCache.memory();
    for (let run = 0; run < 2; run++) {
      // The second run takes every part from the cache.
      const parts = await emitClientParts(model, plan, defaults, { cache, recipe: 'test' });
      expect(parts.declarations).toBe(printStructure('client.d.ts', whole.declarations));
      expect(parts.implementation).toBe(printStructure('client.js', whole.implementation));
      expect(await emitModelsParts(plan, { cache, recipe: 'test' })).toBe(printStructure('models.d.ts', emitModels(plan)));
      const index = await emitIndexParts({ cache, recipe: 'test' });
      expect(index.declarations).toBe(printStructure('index.d.ts', emitIndex().declarations));
      expect(index.implementation).toBe(printStructure('index.js', emitIndex().implementation));
    }
    expect(cache.stats.misses).toBeGreaterThan(0);
  });

  it('an operation that changes is printed again; the others come from the cache', async () => {
    const spec = generateApi(30);
    const cache = UnitCache.memory();
    const model = buildClientModel(spec);
    await emitClientParts(model, planClient(model, 'api'), {}, { cache, recipe: 'test' });
    const misses = cache.stats.misses;
    const edited = buildClientModel(spec);
    edited.operations[4]!.summary = 'Another summary';
    const plan = planClient(edited, 'api');
    const parts = await emitClientParts(edited, plan, {}, { cache, recipe: 'test' });
    expect(cache.stats.misses - misses).toBe(1);
    expect(parts.declarations).toBe(printStructure('client.d.ts', emitClient(edited, plan, {}).declarations));
  });
});
