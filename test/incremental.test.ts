// A run that takes units from the cache (node_modules/.cache/specmill/units) gives, byte for byte,
// what a cold run gives for the same inputs: on the seed APIs after a page edit, and on a
// generated API of a few hundred operations after random sequences of edits. A pack that is
// corrupted or cut short is recomputed, never trusted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig, type ResolvedConfig } from '../generator/config/config.js';
import type { JsonObject } from '../generator/core/openapi-types.js';
import { runPipeline, type PipelineResult } from '../generator/pipeline.js';
import { applyEdit, generateApi, type Edit } from './support/generated-api.js';
import { copyProject } from './support/project-copy.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'specmill-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const folder = (name: string) => {
  const dir = path.join(scratch, `${name}-${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

function withoutErrors(result: PipelineResult): Map<string, string> {
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.files;
}

/** A cold run: nothing cached, nothing kept. */
async function cold(config: ResolvedConfig): Promise<Map<string, string>> {
  const result = await runPipeline(config);
  expect(result.cache.hits).toBe(0);
  return withoutErrors(result);
}

function expectSameFiles(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  // One file at a time, so that a failure names it (and the diff stays readable).
  for (const [file, text] of expected) expect(actual.get(file), file).toBe(text);
}

describe('the seed APIs', () => {
  it('a rerun with everything cached starts no worker and gives the same files; after a page edit, what a cold run gives', async () => {
    const project = copyProject();
    try {
      const config = await loadConfig(project.dir);
      const cacheDir = folder('seed-cache');
      const first = await runPipeline(config, undefined, { cacheDir });
      expect(first.cache.hits).toBe(0);
      const files = withoutErrors(first);

      const again = await runPipeline(config, undefined, { cacheDir });
      expect(again.cache).toMatchObject({ misses: 0, rejected: 0, workerStarted: false });
      expect(again.cache.hits).toBeGreaterThan(0);
      expectSameFiles(withoutErrors(again), files);

      const page = project.path('specs/softwareone-marketplace/sources/list-extension-instances.md');
      // Prose under the operation's heading is its description.
      writeFileSync(page, readFileSync(page, 'utf8').replace(/^(## GET \S+\n)/m, '$1\nLists the instances of an extension, newest first.\n'));
      const edited = await runPipeline(config, undefined, { cacheDir });
      expect(edited.cache.hits).toBeGreaterThan(0);
      expect(edited.cache.misses).toBeGreaterThan(0);
      const incremental = withoutErrors(edited);
      expect(incremental.get('generated/softwareone-marketplace/client.d.ts')).toContain('Lists the instances of an extension, newest first.');
      expectSameFiles(incremental, await cold(config));
    } finally {
      project.remove();
    }
  });
});

/** A project with one API whose one page is `doc`, as an `openapi` page. */
function writeProject(dir: string, doc: JsonObject): ResolvedConfig {
  const sources = path.join(dir, 'specs/gen/sources');
  mkdirSync(sources, { recursive: true });
  writeFileSync(path.join(sources, 'api.json'), JSON.stringify(doc, null, 1));
  return resolveConfig({ apis: { gen: { format: 'openapi' } } }, dir, path.join(dir, 'specmill.config.ts'));
}

const text = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}$/);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('summary' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('add operation' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove operation' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('schema property' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('rename component' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shared parameter' as const), required: fc.boolean(), text }),
  fc.record({ kind: fc.constant('base schema' as const), text }),
  fc.record({ kind: fc.constant('discriminator' as const), text }),
  fc.record({ kind: fc.constant('request body' as const), required: fc.boolean() }),
);

/** Edits `doc` step by step; after each, the run that reuses the cache must give what a cold run gives. */
async function checkEdits(doc: JsonObject, edits: readonly Edit[]): Promise<void> {
  const dir = folder('generated');
  const cacheDir = path.join(dir, 'node_modules/.cache/specmill');
  const config = writeProject(dir, doc);
  withoutErrors(await runPipeline(config, undefined, { cacheDir }));
  for (const change of edits) {
    applyEdit(doc, change);
    writeProject(dir, doc);
    const incremental = await runPipeline(config, undefined, { cacheDir });
    expect(incremental.cache.hits).toBeGreaterThan(0);
    expectSameFiles(withoutErrors(incremental), await cold(config));
  }
  rmSync(dir, { recursive: true, force: true });
}

describe('a generated API of a few hundred operations', () => {
  it('after each kind of edit in turn, the run that reuses the cache gives what a cold run gives', async () => {
    // Each kind once, those that change what other units read (a shared parameter, a base schema,
    // a discriminator, a request body) included, so that no kind is left to chance.
    await checkEdits(generateApi(300), [
      { kind: 'shared parameter', required: true, text: 'How many, at most.' },
      { kind: 'base schema', text: 'A name.' },
      { kind: 'discriminator', text: 'kitten' },
      { kind: 'request body', required: false },
      { kind: 'summary', at: 7, text: 'A new summary' },
      { kind: 'schema property', at: 3, text: 'An extra field' },
      { kind: 'rename component', at: 5 },
      { kind: 'add operation', at: 2 },
      { kind: 'remove operation', at: 11 },
    ]);
  }, 600_000);

  it('after each edit of a random sequence, the run that reuses the cache gives what a cold run gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => checkEdits(generateApi(300), edits)),
      { numRuns: 5 },
    );
  }, 600_000);
});

describe('a damaged cache', () => {
  it.each([
    ['an entry whose text changed', (pack: string) => pack.replace(/WidgetCreated|Created/, 'Cr3ated')],
    ['a pack cut short', (pack: string) => pack.slice(0, Math.floor(pack.length * 0.6))],
    ['an index that lies about offsets', (pack: string) => pack.replace(/,(\d+),(\d+),"/g, (_m, offset: string, length: string) => `,${Number(offset) + 1},${length},"`)],
    ['an index that is not JSON', (pack: string) => pack.replace('{"format":', '[[[[[[[[[[')],
  ])('%s is recomputed, not used', async (_name, damage) => {
    const dir = folder('damaged');
    const cacheDir = path.join(dir, 'node_modules/.cache/specmill');
    const config = writeProject(dir, generateApi(30));
    const files = withoutErrors(await runPipeline(config, undefined, { cacheDir }));
    const pack = path.join(cacheDir, 'units/gen.pack');
    writeFileSync(pack, damage(readFileSync(pack, 'utf8')));
    const rerun = await runPipeline(config, undefined, { cacheDir });
    expect(rerun.cache.misses).toBeGreaterThan(0);
    expectSameFiles(withoutErrors(rerun), files);
    // The recomputed units were written back: the next run finds them all.
    const healed = await runPipeline(config, undefined, { cacheDir });
    expect(healed.cache).toMatchObject({ misses: 0, rejected: 0, workerStarted: false });
  });

  it('an entry whose text no longer matches its hash is counted as rejected', async () => {
    const dir = folder('rejected');
    const cacheDir = path.join(dir, 'node_modules/.cache/specmill');
    const config = writeProject(dir, generateApi(30));
    const files = withoutErrors(await runPipeline(config, undefined, { cacheDir }));
    const pack = path.join(cacheDir, 'units/gen.pack');
    // Same length, other text: only the hash can tell.
    writeFileSync(pack, readFileSync(pack, 'utf8').replace(/string/g, 'strinG'));
    const rerun = await runPipeline(config, undefined, { cacheDir });
    expect(rerun.cache.rejected).toBeGreaterThan(0);
    expectSameFiles(withoutErrors(rerun), files);
  });
});
