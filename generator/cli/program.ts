// The `specmill` command: init, import, generate, lint, check, diff, docs, report. Errors are
// `file:line:col: message` on stderr with exit 1; warnings go to stderr and do not fail the run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type ResolvedConfig } from '../config/config.js';
import { formatDiagnostic, hasErrors, SpecmillError, type Diagnostic } from '../core/diagnostics.js';
import { commandHint } from '../core/command-hint.js';
import { Reporter } from './reporter.js';
import { fingerprint, isUpToDate, recordRun } from '../cache/run-cache.js';
import type { ReportFormat } from '../diff/format-report.js';
import type { PageReport } from '../importers/page/coverage-report.js';
import { findDrift, recoverInterruptedWrite, writeFileAtomic } from '../output/write-output.js';
import { enableCompileCache, flushCompileCache } from '../workers/compile-cache.mjs';

// Each command loads what it needs when it runs: a start that loads every command's modules (the
// importers alone are a few hundred files) costs a small spec's run most of its time.

function report(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Each API's spec and overlays: redocly lints Overlay 1.0 files too. */
function relativeSpecFiles(config: ResolvedConfig, listOverlayFiles: (dir: string) => string[]): string[] {
  return config.apis.flatMap((a) => [a.specFile, ...listOverlayFiles(a.overlaysDir)].map((f) => path.relative(config.root, f)));
}

async function importCommand(pages: string[], options: { format?: string; out?: string; strict?: boolean; report?: boolean }): Promise<number> {
  const [{ importPage }, { formatCoverageReport }, { normalizeApi }, { decodePage }, { printSpec }] = await Promise.all([
    import('../importers/index.js'),
    import('../importers/page/coverage-report.js'),
    import('../normalize/index.js'),
    import('../parse/decode-page.js'),
    import('../spec/spec-file.js'),
  ]);
  const diagnostics: Diagnostic[] = [];
  const fragments = [];
  const reports: PageReport[] = [];
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
    reports.push({ page: file, ...(result.format ? { format: result.format } : {}), ...(result.coverage ? { coverage: result.coverage } : {}) });
  }
  // The coverage goes to stderr, so that the spec on stdout stays a document.
  if (options.report) process.stderr.write(formatCoverageReport(reports));
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

/**
 * Every verb that reads specs/ or generated/ first finishes (or undoes) a write that a stopped run
 * left half done, so that it never reads old and new files mixed; it says so in one line.
 */
function recoverProject(say: (notice: string) => void): void {
  const notice = recoverInterruptedWrite(process.cwd());
  if (notice) say(notice);
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

interface OutputOptions {
  json?: boolean;
  verbose?: boolean;
}

/** Runs a command that reports through a Reporter, so that a bad config is also reported as --json asks. */
async function reported(options: OutputOptions, command: (reporter: Reporter) => Promise<number>): Promise<number> {
  const reporter = new Reporter(options);
  try {
    return await command(reporter);
  } catch (e) {
    if (!(e instanceof SpecmillError)) throw e;
    reporter.finish();
    reporter.diagnostics(e.diagnostics);
    return 1;
  }
}

async function generateCommand(options: { lint: boolean; lenient?: boolean; watch?: boolean; force?: boolean } & OutputOptions): Promise<number> {
  return reported(options, async (reporter) => {
    recoverProject((notice) => reporter.info(notice));
    // The pipeline and its dependencies (TypeScript's, ts-morph, prettier) load only when needed.
    if (options.watch) return (await import('./watch.js')).watchGenerate(process.cwd(), reporter, { lint: options.lint, lenient: options.lenient === true });
    const config = { ...(await loadConfig(process.cwd())), lenient: options.lenient === true };
    const stamp = fingerprint(config, JSON.stringify({ lenient: config.lenient, lint: options.lint }));
    if (!options.force && isUpToDate(config, stamp)) {
      reporter.done('specmill: up to date (nothing it reads has changed since its last run)', { apis: config.apis.length, written: [], upToDate: true }, true);
      return 0;
    }
    // Something changed: openapi-typescript's worker loads TypeScript while this thread loads the pipeline.
    const { TypesEngine } = await import('../emit/types-engine.js');
    const engine = new TypesEngine().start();
    const { runPipelineReported, writeGeneration } = await import('./generate.js');
    const result = await runPipelineReported(config, reporter, undefined, engine);
    const code = await writeGeneration(config, result, reporter, { lint: options.lint });
    if (code === 0) recordRun(config, stamp, result.files);
    return code;
  });
}

async function docsCommand(options: { out?: string } & OutputOptions): Promise<number> {
  return reported(options, async (reporter) => {
    recoverProject((notice) => reporter.info(notice));
    const config = await loadConfig(process.cwd());
    const { buildDocs, DEFAULT_DOCS_DIR } = await import('../docs/build-docs.js');
    const outDir = path.resolve(config.root, options.out ?? DEFAULT_DOCS_DIR);
    reporter.start(config.apis.map((a) => a.name));
    const built = await buildDocs(config, outDir, (api, phase, ms) => reporter.stage({ phase, stage: 'docs', api, ...(ms === undefined ? {} : { ms }) }));
    reporter.finish();
    reporter.diagnostics(built.diagnostics);
    const ok = !hasErrors(built.diagnostics);
    const index = path.relative(process.cwd(), built.index) || built.index;
    reporter.done(`specmill: ${built.pages.length} API reference(s) in ${path.relative(process.cwd(), outDir) || '.'}; open ${index}`, { index, pages: built.pages }, ok);
    return ok ? 0 : 1;
  });
}

async function reportCommand(apis: string[], options: { out?: string }): Promise<number> {
  recoverProject(say);
  const config = await loadConfig(process.cwd());
  const { DEFAULT_DOCS_DIR } = await import('../docs/build-docs.js');
  const outDir = path.resolve(config.root, options.out ?? DEFAULT_DOCS_DIR);
  // Loaded only here: it imports the pipeline's page listing, and with it the emitters.
  const { buildReports } = await import('../report/build-report.js');
  const built = await buildReports(config, outDir, apis);
  report(built.diagnostics);
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  for (const r of built.reports) {
    const share = r.blocks === 0 ? 100 : (100 * r.used) / r.blocks;
    const measured = r.measured > 0 ? `${r.used} of ${r.blocks} blocks used (${share.toFixed(1)}%) on ${r.measured} of ${r.pages} page(s)` : `no page of ${r.pages} records its coverage`;
    const refused = r.refused > 0 ? `, ${r.refused} page(s) refused` : '';
    process.stderr.write(`${r.api}: ${measured}, ${r.unread} span(s) not read${refused}: ${shown(r.file)}\n`);
  }
  if (built.reports.length > 0) process.stderr.write(`specmill: ${built.reports.length} coverage report(s) in ${shown(outDir) || '.'}; open ${shown(built.index)}\n`);
  return hasErrors(built.diagnostics) ? 1 : 0;
}

async function initCommand(): Promise<number> {
  const root = process.cwd();
  const { initProject } = await import('./init.js');
  const created = initProject(root);
  report(created.diagnostics);
  for (const file of created.written) process.stderr.write(`created ${file}\n`);
  if (created.scripts.length > 0) process.stderr.write(`added ${created.scripts.map((s) => `"${s}"`).join(', ')} to the scripts of package.json\n`);
  process.stderr.write(`specmill: next, run \`${commandHint(root, 'generate')}\`; then put your API's pages in specs/<api>/sources/ and list the API in specmill.config.ts\n`);
  return 0;
}

async function lintCommand(): Promise<number> {
  recoverProject(say);
  const config = await loadConfig(process.cwd());
  const [{ checkFileReferences }, { listOverlayFiles }, { lintSpecs }] = await Promise.all([import('../guard/check-references.js'), import('../overlays/load-overlays.js'), import('../tools/redocly.js')]);
  // redocly follows every $ref it finds: the committed files are checked as generate checks pages.
  const unsafe = config.apis.flatMap((a) => [
    ...checkFileReferences(a.specFile, path.relative(config.root, a.specFile), 'document'),
    ...listOverlayFiles(a.overlaysDir).flatMap((f) => checkFileReferences(f, path.relative(config.root, f), 'data')),
  ]);
  if (unsafe.length > 0) {
    report(unsafe);
    return 1;
  }
  const lint = await lintSpecs(config.root, relativeSpecFiles(config, listOverlayFiles), { rules: config.lintRules });
  process.stderr.write(`${lint.output}\n`);
  return lint.ok ? 0 : 1;
}

async function checkCommand(options: { lenient?: boolean }): Promise<number> {
  recoverProject(say);
  const config = { ...(await loadConfig(process.cwd())), lenient: options.lenient === true };
  const { runPipeline } = await import('../pipeline.js');
  const { projectCacheDir } = await import('../cache/unit-cache.js');
  const result = await runPipeline(config, undefined, { cacheDir: projectCacheDir(config.root) });
  report(result.diagnostics);
  if (hasErrors(result.diagnostics)) return 1;
  const drift = findDrift({ root: config.root, outputDir: config.outputDir }, result.files);
  const stale = [...drift.changed.map((f) => `changed: ${f}`), ...drift.missing.map((f) => `missing: ${f}`), ...drift.extra.map((f) => `extra:   ${f}`)];
  if (stale.length === 0) {
    process.stderr.write('specmill: specs/ and generated/ are up to date\n');
    return 0;
  }
  process.stderr.write(`specmill: specs/ or generated/ differ from what the sources produce; run \`${commandHint(config.root, 'generate')}\`\n${stale.map((s) => `  ${s}\n`).join('')}`);
  return 1;
}

/** `--deprecation-days`: a whole number of days, 0 or more. */
function parseDays(value: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new InvalidArgumentError('expected a whole number of days, 0 or more (such as 90)');
  return Number(value);
}

interface DiffCommandOptions {
  base: string;
  format: ReportFormat;
  failOn?: string;
  lenient?: boolean;
  deprecationDays?: number;
}

async function packCommand(options: { out: string }): Promise<number> {
  recoverProject(say);
  const config = await loadConfig(process.cwd());
  const { packGenerated } = await import('./pack.js');
  const packed = packGenerated(config, path.resolve(options.out));
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const shown = path.relative(process.cwd(), packed.file) || packed.file;
  process.stderr.write(
    `specmill: packed ${path.relative(process.cwd(), config.outputDir) || '.'}/ into ${shown} (${packed.files} files, ${kB(packed.size)}; ${kB(packed.unpackedSize)} unpacked)\n` +
      `specmill: in an app, install it with \`npm install ${packed.file}\`\n`,
  );
  return 0;
}

async function diffCommand(api: string | undefined, options: DiffCommandOptions): Promise<number> {
  recoverProject(say);
  const config = await loadConfig(process.cwd());
  const { runDiff } = await import('../diff/run-diff.js');
  const run = await runDiff(config, api, {
    base: options.base,
    format: options.format,
    failOnBreaking: options.failOn === 'breaking',
    lenient: options.lenient === true,
    ...(options.deprecationDays === undefined ? {} : { deprecationDays: options.deprecationDays }),
  });
  report(run.diagnostics);
  process.stdout.write(run.report);
  return run.exitCode;
}

/** specmill's own version, from its package.json (two folders up from generator/cli/ and from dist/cli/ alike). */
function readVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Lists that some commands' options offer, each held by the module that uses it. */
interface OptionLists {
  formats: readonly string[];
  reportFormats: readonly string[];
  docsDir: string;
}

/** The commands that need none of OptionLists: they start without loading the modules that hold them. */
const PLAIN_COMMANDS = new Set(['generate', 'check', 'lint', 'pack', 'init']);

async function loadOptionLists(argv: readonly string[]): Promise<OptionLists | undefined> {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (command !== undefined && PLAIN_COMMANDS.has(command) && !argv.includes('--help') && !argv.includes('-h')) return undefined;
  const [{ acceptedFormatNames }, { REPORT_FORMATS }, { DEFAULT_DOCS_DIR }] = await Promise.all([import('../importers/index.js'), import('../diff/format-report.js'), import('../docs/build-docs.js')]);
  return { formats: acceptedFormatNames, reportFormats: REPORT_FORMATS, docsDir: DEFAULT_DOCS_DIR };
}

/** The program; `lists` may be left out when the command to run is one of PLAIN_COMMANDS. */
export function buildProgram(lists?: OptionLists): Command {
  const program = new Command('specmill')
    .description('Turns API reference pages into OpenAPI 3.1 specs and typed TypeScript clients.')
    .version(readVersion(), '-V, --version', "print specmill's version")
    .showHelpAfterError()
    .exitOverride();
  program
    .command('import')
    .description('import pages of one API into one OpenAPI 3.1 YAML document')
    .argument('<page...>', 'documentation pages (Markdown, text, HTML, OpenAPI files)')
    .addOption(new Option('--format <name>', 'force a page format instead of detecting it').choices([...(lists?.formats ?? [])]))
    .option('--out <file>', 'write the spec to a file instead of stdout')
    .option('--strict', 'two different schemas under one name is an error')
    .option('--report', "print each page's coverage on stderr: the share of its blocks used, and the blocks not read")
    .action(async (pages: string[], options: { format?: string; out?: string; strict?: boolean; report?: boolean }) => {
      process.exitCode = await importCommand(pages, options);
    });
  program
    .command('generate')
    .description('import every API of specmill.config.ts, write specs/<api>/openapi.yaml and the clients')
    .option('--no-lint', 'do not run redocly lint on the new specs')
    .option('--lenient', 'an overlay target that matches nothing is a warning, not an error')
    .option('--watch', 'generate again after each change to pages, overlays or the config (only the APIs it touches) until Ctrl-C')
    .option('--json', 'print one JSON object per event and diagnostic on stdout, nothing on stderr')
    .option('--verbose', 'print how long each stage of each API took, and every lint warning')
    .option('--force', 'run every stage even when nothing it reads has changed since the last run')
    .action(async (options: { lint: boolean; lenient?: boolean; watch?: boolean; force?: boolean } & OutputOptions) => {
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
    .addOption(new Option('--format <format>', 'how to print the report').choices([...(lists?.reportFormats ?? [])]).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change is breaking').choices(['breaking']))
    .option('--lenient', 'an overlay target that matches nothing is a warning, not an error')
    .option('--deprecation-days <n>', 'removing a deprecated operation after its x-sunset date is not breaking, and a deprecation must give an x-sunset at least n days ahead', parseDays)
    .action(async (api: string | undefined, options: DiffCommandOptions) => {
      process.exitCode = await diffCommand(api, options);
    });
  program
    .command('pack')
    .description('write the generated package as a tarball (npm pack) that an app installs with `npm install <tarball>`')
    .option('--out <dir>', 'the folder to write the tarball to', '.')
    .action(async (options: { out: string }) => {
      process.exitCode = await packCommand(options);
    });
  program
    .command('init')
    .description('write a commented specmill.config.ts and an example API (specs/example/sources/) here, and add the generate, check and lint scripts to package.json; never overwrites a file')
    .action(async () => {
      process.exitCode = await initCommand();
    });
  program
    .command('docs')
    .description(`build an HTML API reference per spec with redocly build-docs, and an index page (default folder: ${lists?.docsDir ?? ''}/)`)
    .option('--out <dir>', 'the folder to write the pages to', lists?.docsDir)
    .option('--json', 'print one JSON object per event and diagnostic on stdout')
    .option('--verbose', "print how long each API's page took")
    .action(async (options: { out?: string } & OutputOptions) => {
      process.exitCode = await docsCommand(options);
    });
  program
    .command('report')
    .description(`write an HTML coverage report per API: each source page with the spans that fed the spec linked to the spec path they produced, and the spans not read marked (default folder: ${lists?.docsDir ?? ''}/)`)
    .argument('[api...]', 'only these APIs (keys of apis in specmill.config.ts); all when none is named')
    .option('--out <dir>', 'the folder to write the reports to', lists?.docsDir)
    .action(async (apis: string[], options: { out?: string }) => {
      process.exitCode = await reportCommand(apis, options);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  enableCompileCache();
  try {
    await buildProgram(await loadOptionLists(argv)).parseAsync([...argv], { from: 'user' });
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
  } finally {
    // The libraries this run compiled (ts-morph, prettier) start faster next time.
    flushCompileCache();
  }
}
