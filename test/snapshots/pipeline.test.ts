// Snapshots of what reaches the disk (after prettier) for a fixture API whose pages show more than
// the seeds do (query and header parameters, enums, arrays, nested objects, a DELETE with 204),
// and the real tsc run over that output in strict mode.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config/config.js';
import { runPipeline, type PipelineResult } from '../../generator/pipeline.js';
import { ROOT } from '../helpers.js';

const SHOP = path.join(ROOT, 'test/fixtures/apis');
let result: PipelineResult;

beforeAll(async () => {
  const config = resolveConfig({ apis: { shop: { sources: 'shop/sources' } }, output: { dir: 'generated' } }, SHOP, path.join(SHOP, 'specmill.config.ts'));
  config.apis[0]!.specFile = path.join(SHOP, 'shop/openapi.yaml');
  result = await runPipeline(config);
});

describe('pipeline output for the shop fixture API', () => {
  it('has no diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('matches the file snapshots', async () => {
    const names = [...result.files.keys()].filter((f) => !f.startsWith('generated/runtime/')).sort();
    expect(names).toEqual([
      'generated/README.md',
      'generated/package.json',
      'generated/shop/README.md',
      'generated/shop/client.d.ts',
      'generated/shop/client.js',
      'generated/shop/index.d.ts',
      'generated/shop/index.js',
      'generated/shop/models.d.ts',
      'generated/shop/schema.d.ts',
      'shop/openapi.yaml',
    ]);
    for (const name of names) await expect(result.files.get(name)).toMatchFileSnapshot(`__snapshots__/shop/${name}`);
  });

  describe('type-checked by tsc', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-shop-'));
      for (const [name, text] of result.files) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(path.join(ROOT, 'node_modules/openapi-fetch'), path.join(dir, 'node_modules/openapi-fetch'), 'dir');
      symlinkSync(path.join(ROOT, 'node_modules/openapi-typescript-helpers'), path.join(dir, 'node_modules/openapi-typescript-helpers'), 'dir');
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, allowJs: true, checkJs: false }, include: ['generated/**/*'] }),
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('compiles in strict mode without skipLibCheck', () => {
      const run = () => execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      expect(run).not.toThrow();
    });
  });
});
