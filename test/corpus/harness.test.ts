// The corpus harness reports what it measures: a failure planted in one spec of a batch is
// reported against that spec, and only that one, whatever its place in the batch; the random draw
// is the same for the same seed and never takes a spec of the fixed sample.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSpecs, runCorpus, sampleSpecs } from '../../scripts/corpus.js';

let dir: string;
let specs: string[];

function spec(title: string, resource: string): string {
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title, version: '1.0.0' },
    paths: {
      [`/${resource}/{id}`]: {
        get: {
          operationId: `get-${resource}`,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${resource}` } } } } },
        },
      },
    },
    components: { schemas: { [resource]: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-corpus-harness-'));
  specs = ['pets', 'orders', 'users'].map((resource) => {
    const file = path.join(dir, `${resource}.json`);
    writeFileSync(file, spec(`${resource} API`, resource));
    return file;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runCorpus', () => {
  it.each([0, 1, 2])('reports a tsc failure planted in spec %i of a batch against that spec, the others clean', async (planted) => {
    const rows = await runCorpus(specs, {
      onGenerated: (name, files) => {
        if (name !== specs[planted]) return;
        const models = [...files.keys()].find((f) => f.endsWith('/models.d.ts'))!;
        files.set(models, `${files.get(models)!}export type PlantedFailure = NotDeclaredAnywhere;\n`);
      },
    });
    expect(rows.map((r) => r.outcome)).toEqual(specs.map((_, i) => (i === planted ? 'tsc-fail' : 'ok')));
    expect(rows[planted]!.detail).toMatch(/^models\.d\.ts\(\d+,\d+\): error TS2304: Cannot find name 'NotDeclaredAnywhere'\.$/);
  }, 120_000);

  it('reports a spec the pipeline rejects with its located error, and still checks the others', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"openapi": "3.1.0",\n "info": {"title": "x", "version": "1"},,\n "paths": {}}');
    const rows = await runCorpus([broken, specs[0]!]);
    expect(rows.map((r) => r.outcome)).toEqual(['rejected', 'ok']);
    expect(rows[0]!.detail).toMatch(/^broken\.json:2:\d+: error: /);
  }, 120_000);
});

describe('drawSpecs', () => {
  const candidates = [...sampleSpecs(), ...Array.from({ length: 40 }, (_, i) => `example-${i}.com/openapi.json`)];

  it('draws the same specs for the same seed, others for another, never one of the sample', () => {
    const first = drawSpecs(10, 7, candidates);
    expect(drawSpecs(10, 7, candidates)).toEqual(first);
    expect(drawSpecs(10, 8, candidates)).not.toEqual(first);
    expect(first).toHaveLength(10);
    expect(new Set(first).size).toBe(10);
    for (const s of first) expect(sampleSpecs()).not.toContain(s);
  });

  it('takes every candidate when asked for more than there are', () => {
    expect(drawSpecs(100, 1, candidates)).toHaveLength(40);
  });
});
