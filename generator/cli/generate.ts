// `specmill generate` once: run the pipeline, lint and write its files (pipeline.ts's writeRun),
// then say what changed. `--watch` calls the same steps for each change.
import type { ResolvedConfig } from '../config/config.js';
import { hasErrors } from '../core/diagnostics.js';
import { summarizeSpecChanges } from '../diff/run-diff.js';
import type { TypesEngine } from '../emit/types-engine.js';
import { runPipeline, writeRun, type LintFound, type PipelineOptions, type PipelineResult } from '../pipeline.js';
import { projectCacheDir } from '../cache/unit-cache.js';
import { commandHint } from '../core/command-hint.js';
import { formatWarningSummary, summarizeWarnings } from '../tools/lint-report.js';
import type { Reporter } from './reporter.js';

export interface GenerateOptions {
  lint: boolean;
}

/** The run's options as generate and watch give them: progress to the reporter, the project's cache. */
function reportedOptions(config: ResolvedConfig, reporter: Reporter): PipelineOptions {
  return { onStage: (event) => reporter.stage(event), cacheDir: projectCacheDir(config.root) };
}

/**
 * Runs the pipeline for `only` (default: every API), reporting each stage, with the project's
 * cache and openapi-typescript's worker started first (`engine`, when the caller started it).
 */
export function runPipelineReported(config: ResolvedConfig, reporter: Reporter, only?: readonly string[], engine?: TypesEngine): Promise<PipelineResult> {
  reporter.start(only ?? config.apis.map((a) => a.name));
  return runPipeline(config, only, { ...reportedOptions(config, reporter), startTypes: 'early', ...(engine ? { engine } : {}) });
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
  // Read before the write: it compares the new specs with those on disk.
  const specChanges = summarizeSpecChanges(config, result.specs, result.files);
  let outcome;
  try {
    outcome = await writeRun(config, result, { ...reportedOptions(config, reporter), lint: options.lint });
  } finally {
    reporter.finish();
  }
  if ('failed' in outcome) {
    if (outcome.lintFailure) reporter.toolOutput('redocly', outcome.lintFailure);
    reportLint(config, reporter, outcome.lint, false);
    reporter.diagnostics(outcome.failed);
    return 1;
  }
  const { written } = outcome;
  if (written.recovered) reporter.info(written.recovered);
  reportLint(config, reporter, outcome.lint, true);
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
