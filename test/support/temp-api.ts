// Runs the real pipeline on pages written to a temporary project, writes its output there, and
// offers the checks the adversarial tests need: strict tsc over the output, and importing it in a
// fresh Node process to prove no code runs at import.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../generator/config/config.js';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import { runPipeline, type PipelineResult } from '../../generator/pipeline.js';
import { writeOutput } from '../../generator/output/write-output.js';
import { ROOT } from '../helpers.js';

export interface TempApi {
  dir: string;
  result: PipelineResult;
  /** Every diagnostic, formatted. */
  messages: string[];
  /** strict tsc over the generated package; '' when it passes. */
  typecheck(): string;
  /** Imports the API's entry in a new Node process; returns what the sentinel and the import did. */
  importInNode(api: string): { sentinel: string; stdout: string; stderr: string; status: number | null };
  remove(): void;
}

export async function generateTempApi(pages: Record<string, string | Buffer>, api = 'hostile'): Promise<TempApi> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-adversarial-'));
  const sources = path.join(dir, 'specs', api, 'sources');
  mkdirSync(sources, { recursive: true });
  for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(sources, name), text);
  const config = resolveConfig({ apis: { [api]: {} } }, dir, path.join(dir, 'specmill.config.ts'));
  const result = await runPipeline(config);
  if (!result.diagnostics.some((d) => d.severity === 'error')) await writeOutput({ root: dir, outputDir: config.outputDir }, result.files);
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  for (const dep of ['openapi-fetch', 'openapi-typescript-helpers']) symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(dir, 'node_modules', dep), 'dir');
  return {
    dir,
    result,
    messages: result.diagnostics.map(formatDiagnostic),
    typecheck() {
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true },
          include: ['generated/**/*.d.ts'],
        }),
      );
      try {
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
        return '';
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    },
    importInNode(name) {
      const entry = path.join(dir, 'generated', name, 'index.js');
      const script = `globalThis.__specmillPwned = 'unset';\nconst m = await import(${JSON.stringify(entry)});\nconsole.log(JSON.stringify({ sentinel: String(globalThis.__specmillPwned), exports: Object.keys(m).sort() }));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: dir });
      let sentinel = 'no output';
      try {
        sentinel = (JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { sentinel?: string }).sentinel ?? 'no output';
      } catch {
        /* reported through stdout/stderr */
      }
      return { sentinel, stdout: run.stdout, stderr: run.stderr, status: run.status };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
