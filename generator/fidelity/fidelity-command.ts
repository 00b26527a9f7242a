// `npm run fidelity`: scores the importers on a corpus of real pages with gold facts and prints the
// figures; floors (`--min-recall md-openapi=0.9`, `--floors FILE`) make it fail when missed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { addFloor, checkFloors, readFloorsFile, type FloorName, type Floors } from './floors.js';
import { findPages, formatPageDetail, formatPageTable, formatSummaryTable, toJson } from './report.js';
import { scoreCorpus } from './score-corpus.js';
import { summarize } from './summarize.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `--corpus`, else `SPECMILL_CORPUS`, else the shared development set beside the project. */
export function defaultCorpus(env: NodeJS.ProcessEnv = process.env): string {
  return env.SPECMILL_CORPUS || path.join(ROOT, '..', 'shared', 'corpus-pages');
}

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

interface Options {
  corpus?: string;
  kind: string[];
  page?: string;
  json?: boolean;
  pages: boolean;
  floors?: string;
  minOperation: string[];
  minRecall: string[];
  maxInvented: string[];
  maxCrashes: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Runs the command; returns the exit code (0, or 1 for a missed floor or bad input). */
export async function runFidelity(argv: readonly string[], io: CommandIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const program = new Command('fidelity')
    .description('Score the importers on real pages: right operations, fact recall, invented facts, warnings, crashes')
    .option('--corpus <dir>', 'the corpus: one folder of pages per kind, <page>.gold.json beside each page (default: $SPECMILL_CORPUS or ../shared/corpus-pages)')
    .option('--kind <kind>', 'score only this kind (repeatable)', collect, [])
    .option('--page <name>', 'show one page in detail: missed, wrong, invented and inferred facts, diagnostics')
    .option('--json', 'print everything as JSON')
    .option('--no-pages', 'leave out the table of pages')
    .option('--floors <file>', 'a JSON file of floors: {"min-recall": {"md-openapi": 0.9}, "max-invented": 0}')
    .option('--min-operation <[kind=]share>', 'least share of pages with the right operation (repeatable)', collect, [])
    .option('--min-recall <[kind=]share>', 'least share of facts recovered (repeatable)', collect, [])
    .option('--max-invented <[kind=]count>', 'most invented facts (repeatable)', collect, [])
    .option('--max-crashes <[kind=]count>', 'most crashes (repeatable)', collect, [])
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  }
  const options = program.opts<Options>();

  let floors: Floors = new Map();
  try {
    if (options.floors) floors = readFloorsFile(readFileSync(options.floors, 'utf8'), options.floors, floors);
    const flags: [FloorName, string[]][] = [
      ['min-operation', options.minOperation],
      ['min-recall', options.minRecall],
      ['max-invented', options.maxInvented],
      ['max-crashes', options.maxCrashes],
    ];
    for (const [name, specs] of flags) for (const spec of specs) addFloor(floors, name, spec);
  } catch (e) {
    io.err(`fidelity: error: ${(e as Error).message}\n`);
    return 1;
  }

  const corpus = options.corpus ?? defaultCorpus(io.env);
  const { pages, problems } = await scoreCorpus(corpus, { kinds: options.kind });
  for (const problem of problems) io.err(`${formatDiagnostic(problem)}\n`);
  if (hasErrors(problems)) return 1;

  const summaries = summarize(pages);
  const failures = checkFloors(summaries, floors);
  if (options.page) {
    const found = findPages(pages, options.page);
    if (found.length === 0) {
      io.err(`fidelity: error: no page "${options.page}" in ${corpus}: expected a name such as ${pages[0]?.file ?? 'kind/page.txt'}\n`);
      return 1;
    }
    for (const page of found) io.out(formatPageDetail(page));
  } else if (options.json) {
    io.out(toJson(corpus, summaries, pages, failures));
  } else {
    io.out(`fidelity of ${corpus}: ${pages.length} pages\n\n${formatSummaryTable(summaries)}`);
    if (options.pages) io.out(`\n${formatPageTable(pages)}`);
  }
  for (const failure of failures) io.err(`fidelity: floor missed: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}
