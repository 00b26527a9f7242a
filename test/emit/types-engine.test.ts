// openapi-typescript's worker: a transform that throws becomes a ThirdPartyError for that call,
// and the next call gets a new worker.
import { afterAll, describe, expect, it } from 'vitest';
import { emitSchemaTypes, ThirdPartyError } from '../../generator/emit/emit-types.js';
import { TypesEngine } from '../../generator/emit/types-engine.js';
import type { OpenApiDocument } from '../../generator/core/openapi-types.js';
import { SpecHashes } from '../../generator/cache/spec-hashes.js';
import { UnitCache } from '../../generator/cache/unit-cache.js';

const engine = new TypesEngine();
afterAll(() => engine.close());
const types = (spec: OpenApiDocument) => emitSchemaTypes(spec, { cache: UnitCache.memory(), engine, recipe: 'test', hashes: new SpecHashes() });
const info = { title: 'T', version: '1' };

describe('the types worker', () => {
  it('reports what openapi-typescript throws as a ThirdPartyError, then serves the next spec', async () => {
    const broken = { openapi: '3.1.0', info, components: { schemas: { Bad: [] } } } as unknown as OpenApiDocument;
    const error = await types(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThirdPartyError);
    expect((error as Error).message).toMatch(/^openapi-typescript failed: .*Bad/);
    expect(await types({ openapi: '3.1.0', info, components: { schemas: { Good: { type: 'string' } } } })).toContain('Good: string;');
    expect(engine.started).toBe(true);
  });
});
