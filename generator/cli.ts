// The `specmill` command: import, generate, lint, check, diff. Errors are `file:line:col: message` on
// stderr with exit 1; warnings go to stderr and do not fail the run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig, type ResolvedConfig } from './config.js';
import { error, formatDiagnostic, hasErrors, SpecmillError, type Diagnostic } from './diagnostics.js';
import { REPORT_FORMATS, type ReportFormat } from './diff/format-report.js';
import { runDiff, summarizeSpecChanges } from './diff/run-diff.js';
import { formatNames, importPage } from './importers/index.js';
import { lintSpecs } from './lint.js';
import { normalizeApi } from './normalize/index.js';
import { listOverlayFiles } from './overlays/load-overlays.js';
import { runPipeline } from './pipeline.js';
import { decodePage } from './read-page.js';
import { printSpec } from './spec-file.js';
import { findDrift, writeFileAtomic, writeOutput } from './write-output.js';

function report(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Each API's spec and overlays: redocly lints Overlay 1.0 files too. */
function relativeSpecFiles(config: ResolvedConfig): string[] {
  return config.apis.flatMap((a) => [a.specFile, ...listOverlayFiles(a.overlaysDir)].map((f) => path.relative(config.root, f)));
}

async function importCommand(pages: string[], options: { format?: string; out?: string; strict?: boolean }): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  const fragments = [];
  for (const file of pages) {
    let text: string;
    try {
      const decoded = decodePage(readFileSync(file), file);
      diagnostics.push(...decoded.diagnostics);
      text = decoded.text;
    } catch (e) {
      diagnostics.push({ severity: 'error', message: `cannot read the page: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, location: { file } });
      continue;
    }
    const result = await importPage({ text, path: file }, options.format);
    diagnostics.push(...result.diagnostics);
    if (result.fragment) fragments.push({ page: file, fragment: result.fragment });
  }
  if (hasErrors(diagnostics)) {
    report(diagnostics);
    return 1;
  }
  const normalized = normalizeApi(fragments, { strict: options.strict ?? false });
  report([...diagnostics, ...normalized.diagnostics]);
  if (hasErrors(normalized.diagnostics)) return 1;
  const text = printSpec(normalized.document);
  if (options.out) writeFileAtomic(options.out, text);
  else process.stdout.write(text);
  return 0;
}

async function generateCommand(options: { lint: boolean; lenient?: boolean }): Promise<number> {
  const config = { ...(await loadConfig(process.cwd())), lenient: options.lenient === true };
  const result = await runPipeline(config);
  report(result.diagnostics);
  if (hasErrors(result.diagnostics)) return 1;
  const layout = { root: config.root, outputDir: config.outputDir };
  const specChanges = summarizeSpecChanges(config, result.specs);
  let lintFailure: string | undefined;
  const written = await writeOutput(layout, result.files, {
    // Lint sees the new specs under their temporary names; a failure leaves the disk untouched.
    beforeCommit: async (readable) => {
      if (!options.lint) return;
      const specs = config.apis.map((a) => readable.get(path.relative(config.root, a.specFile).split(path.sep).join('/')) ?? a.specFile);
      const overlays = config.apis.flatMap((a) => listOverlayFiles(a.overlaysDir));
      const lint = await lintSpecs(config.root, [...specs, ...overlays].map((f) => path.relative(config.root, f)));
      if (!lint.ok) {
        lintFailure = lint.output;
        throw new SpecmillError(error('the new specs do not pass redocly lint (see above); nothing was written'));
      }
    },
  }).catch((e: unknown) => {
    if (lintFailure) process.stderr.write(`${lintFailure}\n`);
    throw e;
  });
  for (const line of specChanges) process.stderr.write(`${line}\n`);
  const removed = written.removed.length > 0 ? `, ${written.removed.length} removed` : '';
  process.stderr.write(`specmill: ${config.apis.length} API(s): ${written.written.length} files written, ${written.unchanged} unchanged${removed}\n`);
  return 0;
}

async function lintCommand(): Promise<number> {
  const config = await loadConfig(process.cwd());
  const lint = await lintSpecs(config.root, relativeSpecFiles(config));
  process.stderr.write(`${lint.output}\n`);
  return lint.ok ? 0 : 1;
}

async function checkCommand(options: { lenient?: boolean }): Promise<number> {
  const config = { ...(await loadConfig(process.cwd())), lenient: options.lenient === true };
  const result = await runPipeline(config);
  report(result.diagnostics);
  if (hasErrors(result.diagnostics)) return 1;
  const drift = findDrift({ root: config.root, outputDir: config.outputDir }, result.files);
  const stale = [...drift.changed.map((f) => `changed: ${f}`), ...drift.missing.map((f) => `missing: ${f}`), ...drift.extra.map((f) => `extra:   ${f}`)];
  if (stale.length === 0) {
    process.stderr.write('specmill: specs/ and generated/ are up to date\n');
    return 0;
  }
  process.stderr.write(`specmill: specs/ or generated/ differ from what the sources produce; run \`npm run generate\`\n${stale.map((s) => `  ${s}\n`).join('')}`);
  return 1;
}

async function diffCommand(api: string | undefined, options: { base: string; format: ReportFormat; failOn?: string; lenient?: boolean }): Promise<number> {
  const config = await loadConfig(process.cwd());
  const run = await runDiff(config, api, { base: options.base, format: options.format, failOnBreaking: options.failOn === 'breaking', lenient: options.lenient === true });
  report(run.diagnostics);
  process.stdout.write(run.report);
  return run.exitCode;
}

export function buildProgram(): Command {
  const program = new Command('specmill')
    .description('Turns API reference pages into OpenAPI 3.1 specs and typed TypeScript clients.')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('import')
    .description('import pages of one API into one OpenAPI 3.1 YAML document')
    .argument('<page...>', 'documentation pages (Markdown, text, HTML, OpenAPI files)')
    .addOption(new Option('--format <name>', 'force a page format instead of detecting it').choices([...formatNames]))
    .option('--out <file>', 'write the spec to a file instead of stdout')
    .option('--strict', 'two different schemas under one name is an error')
    .action(async (pages: string[], options: { format?: string; out?: string; strict?: boolean }) => {
      process.exitCode = await importCommand(pages, options);
    });
  program
    .command('generate')
    .description('import every API of specmill.config.ts, write specs/<api>/openapi.yaml and the clients')
    .option('--no-lint', 'do not run redocly lint on the new specs')
    .option('--lenient', 'an overlay target that matches nothing is a warning, not an error')
    .action(async (options: { lint: boolean; lenient?: boolean }) => {
      process.exitCode = await generateCommand(options);
    });
  program
    .command('lint')
    .description('lint specs/<api>/openapi.yaml with @redocly/cli and redocly.yaml')
    .action(async () => {
      process.exitCode = await lintCommand();
    });
  program
    .command('check')
    .description('fail, listing the files, when specs/ or generated/ differ from what the sources produce')
    .option('--lenient', 'an overlay target that matches nothing is a warning, not an error')
    .action(async (options: { lenient?: boolean }) => {
      process.exitCode = await checkCommand(options);
    });
  program
    .command('diff')
    .description("compare each API's spec at a git revision with the one its pages and overlays produce now, and classify each change as breaking or not")
    .argument('[api]', 'only this API (a key of apis in specmill.config.ts)')
    .option('--base <rev>', 'the git revision to compare with', 'HEAD')
    .addOption(new Option('--format <format>', 'how to print the report').choices([...REPORT_FORMATS]).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change is breaking').choices(['breaking']))
    .option('--lenient', 'an overlay target that matches nothing is a warning, not an error')
    .action(async (api: string | undefined, options: { base: string; format: ReportFormat; failOn?: string; lenient?: boolean }) => {
      process.exitCode = await diffCommand(api, options);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof SpecmillError) {
      report(e.diagnostics);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (typeof code === 'string' && code.startsWith('commander.')) return 1;
    process.stderr.write(`specmill: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
