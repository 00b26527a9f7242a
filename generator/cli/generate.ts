// `specmill generate` once: run the pipeline, lint the new specs while they sit under temporary
// names, swap everything in, then say what changed. `--watch` calls the same steps for each change.
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { error, hasErrors, SpecmillError } from '../diagnostics.js';
import { summarizeSpecChanges } from '../diff/run-diff.js';
import { rememberSpec } from '../diff/spec-cache.js';
import { lintSpecs } from '../lint.js';
import { listOverlayFiles } from '../overlays/load-overlays.js';
import { runPipeline, type PipelineResult } from '../pipeline.js';
import { writeOutput } from '../write-output.js';
import type { Reporter } from './reporter.js';

export interface GenerateOptions {
  lint: boolean;
}

/** Times a step that is not a pipeline stage (lint, write) the way pipeline stages are timed. */
async function step<T>(reporter: Reporter, stage: string, run: () => Promise<T>): Promise<T> {
  reporter.stage({ phase: 'start', stage });
  const start = performance.now();
  try {
    return await run();
  } finally {
    reporter.stage({ phase: 'end', stage, ms: Math.round(performance.now() - start) });
  }
}

/** Runs the pipeline for `only` (default: every API), reporting each stage. */
export function runPipelineReported(config: ResolvedConfig, reporter: Reporter, only?: readonly string[]): Promise<PipelineResult> {
  reporter.start(only ?? config.apis.map((a) => a.name));
  return runPipeline(config, only, { onStage: (event) => reporter.stage(event) });
}

/**
 * Writes a run's files (all or nothing, after lint) and reports the diagnostics, each changed
 * spec's one-line diff summary and the totals. Returns the exit code.
 */
export async function writeGeneration(config: ResolvedConfig, result: PipelineResult, reporter: Reporter, options: GenerateOptions): Promise<number> {
  reporter.diagnostics(result.diagnostics);
  if (hasErrors(result.diagnostics)) {
    reporter.finish();
    reporter.done('specmill: nothing was written', { written: 0 }, false);
    return 1;
  }
  const layout = { root: config.root, outputDir: config.outputDir };
  const specChanges = summarizeSpecChanges(config, result.specs, result.files);
  let lintFailure: string | undefined;
  let written;
  try {
    written = await step(reporter, 'write', () =>
      writeOutput(layout, result.files, {
        // Lint sees the new specs under their temporary names; a failure leaves the disk untouched.
        beforeCommit: async (readable) => {
          if (!options.lint) return;
          const specs = config.apis.map((a) => readable.get(path.relative(config.root, a.specFile).split(path.sep).join('/')) ?? a.specFile);
          const overlays = config.apis.flatMap((a) => listOverlayFiles(a.overlaysDir));
          const files = [...specs, ...overlays].map((f) => path.relative(config.root, f));
          const lint = await step(reporter, 'lint', () => lintSpecs(config.root, files, { rules: config.lintRules }));
          if (!lint.ok) {
            lintFailure = lint.output;
            throw new SpecmillError(error('the new specs do not pass redocly lint (see above); nothing was written'));
          }
        },
      }),
    );
  } catch (e) {
    reporter.finish();
    if (lintFailure) reporter.toolOutput('redocly', lintFailure);
    if (e instanceof SpecmillError) {
      reporter.diagnostics(e.diagnostics);
      return 1;
    }
    throw e;
  }
  reporter.finish();
  if (written.recovered) reporter.info(written.recovered);
  // The next run compares against these specs: keep them as JSON so it need not parse the YAML.
  for (const api of config.apis) {
    const spec = result.specs.get(api.name);
    const text = result.files.get(path.relative(config.root, api.specFile).split(path.sep).join('/'));
    if (spec && text) rememberSpec(text, spec);
  }
  for (const line of specChanges) reporter.change(line.slice(0, line.indexOf(':')), line);
  const removed = written.removed.length > 0 ? `, ${written.removed.length} removed` : '';
  reporter.done(`specmill: ${config.apis.length} API(s): ${written.written.length} files written, ${written.unchanged} unchanged${removed}`, {
    apis: config.apis.length,
    written: written.written,
    unchanged: written.unchanged,
    removed: written.removed,
  });
  return 0;
}
