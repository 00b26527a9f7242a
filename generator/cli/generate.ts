// `specmill generate` once: run the pipeline, lint the new specs while they sit under temporary
// names, swap everything in, then say what changed. `--watch` calls the same steps for each change.
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { error, hasErrors, SpecmillError, type Diagnostic } from '../core/diagnostics.js';
import { summarizeSpecChanges } from '../diff/run-diff.js';
import { rememberSpec } from '../diff/spec-cache.js';
import { lintSpecsStructured, type LintProblem } from '../tools/redocly.js';
import type { OpenApiDocument } from '../core/openapi-types.js';
import { listOverlayFiles } from '../overlays/load-overlays.js';
import type { TypesEngine } from '../emit/types-engine.js';
import { runPipeline, type PipelineResult } from '../pipeline.js';
import { projectCacheDir } from '../cache/unit-cache.js';
import { writeOutput } from '../output/write-output.js';
import { commandHint } from '../core/command-hint.js';
import { formatWarningSummary, lintDiagnostics, summarizeWarnings } from './lint-report.js';
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

/**
 * Runs the pipeline for `only` (default: every API), reporting each stage, with the project's
 * cache and openapi-typescript's worker started first (`engine`, when the caller started it).
 */
export function runPipelineReported(config: ResolvedConfig, reporter: Reporter, only?: readonly string[], engine?: TypesEngine): Promise<PipelineResult> {
  reporter.start(only ?? config.apis.map((a) => a.name));
  return runPipeline(config, only, { onStage: (event) => reporter.stage(event), cacheDir: projectCacheDir(config.root), startTypes: 'early', ...(engine ? { engine } : {}) });
}

/** Lints the new specs (under their temporary names) and the overlays; problems point at the specs to be written. */
async function lintNewSpecs(config: ResolvedConfig, result: PipelineResult, readable: ReadonlyMap<string, string>): Promise<LintFound | { failure: string }> {
  const shownAs = new Map<string, string>();
  const specs = new Map<string, OpenApiDocument>();
  const apis = new Map<string, string>();
  const files: string[] = [];
  for (const api of config.apis) {
    const shown = path.relative(config.root, api.specFile).split(path.sep).join('/');
    const given = path.relative(config.root, readable.get(shown) ?? api.specFile);
    files.push(given);
    shownAs.set(given, shown);
    apis.set(shown, api.name);
    const spec = result.specs.get(api.name);
    if (spec) specs.set(shown, spec);
  }
  files.push(...config.apis.flatMap((a) => listOverlayFiles(a.overlaysDir)).map((f) => path.relative(config.root, f)));
  const lint = await lintSpecsStructured(config.root, files, { rules: config.lintRules });
  return 'failure' in lint ? lint : { problems: lint.problems, diagnostics: lintDiagnostics(lint.problems, { shownAs, specs, apis }) };
}

interface LintFound {
  problems: LintProblem[];
  /** The problems as diagnostics, in the same order. */
  diagnostics: Diagnostic[];
}

/** Lint errors each at its place; warnings too under --verbose, else one count per rule. */
function reportLint(config: ResolvedConfig, reporter: Reporter, found: LintFound, written: boolean): void {
  reporter.diagnostics(reporter.verbose ? found.diagnostics : found.diagnostics.filter((d) => d.severity === 'error'));
  const summary = summarizeWarnings(found.problems);
  if (reporter.verbose || summary.total === 0) return;
  reporter.info(formatWarningSummary(summary, written ? commandHint(config.root, 'lint') : undefined), { lint: { warnings: summary.total, rules: Object.fromEntries(summary.rules) } });
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
  let lintFound: LintFound = { problems: [], diagnostics: [] };
  let written;
  try {
    written = await step(reporter, 'write', () =>
      writeOutput(layout, result.files, {
        // Lint sees the new specs under their temporary names; a failure leaves the disk untouched.
        beforeCommit: async (readable) => {
          if (!options.lint) return;
          const lint = await step(reporter, 'lint', () => lintNewSpecs(config, result, readable));
          if ('failure' in lint) {
            lintFailure = lint.failure;
            throw new SpecmillError(error('redocly lint could not check the new specs (see above); nothing was written'));
          }
          lintFound = lint;
          if (hasErrors(lintFound.diagnostics)) throw new SpecmillError(error('the new specs do not pass redocly lint (see above); nothing was written'));
        },
      }),
    );
  } catch (e) {
    reporter.finish();
    if (lintFailure) reporter.toolOutput('redocly', lintFailure);
    reportLint(config, reporter, lintFound, false);
    if (e instanceof SpecmillError) {
      reporter.diagnostics(e.diagnostics);
      return 1;
    }
    throw e;
  }
  reporter.finish();
  if (written.recovered) reporter.info(written.recovered);
  reportLint(config, reporter, lintFound, true);
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
