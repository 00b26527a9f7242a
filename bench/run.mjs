#!/usr/bin/env node
// `npm run bench`: specmill against openapi-typescript, @hey-api/openapi-ts, orval and
// `redocly generate-client` on GitHub's and Stripe's specs and on the seed APIs: cold runs,
// specmill's reruns, the consumers' tsc, output size and per-request overhead. Prints Markdown
// tables and writes them to bench/results.md. A script, not a test: nothing here asserts a time.
//
//   npm run bench [-- --only github,stripe,seeds,small,msgraph] [--runs 3] [--requests 2000]
//                 [--no-competitors] [--no-lint-runs] [--quick] [--out FILE] [--json FILE] [--keep]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COMPETITORS, competitorCommands, competitorOutput } from './lib/competitors.mjs';
import { CONSUMER_TOOLS, outputSize, tscErrors, writeConsumer } from './lib/consumer.mjs';
import { addOperation, createProject, DEFAULT_INPUTS, editDescription, editSummary, INPUT_NAMES, prepareInput, QUICK_SEED, ROOT, specmillCommand } from './lib/inputs.mjs';
import { measure as measureNow, measureSequence as measureSequenceNow, MEMORY_METHOD, summarize, lastLines, waitForQuiet } from './lib/measure.mjs';
import { listOperations, loadSpec, pickOperations } from './lib/operations.mjs';
import { renderReport } from './lib/report.mjs';
import { benchRequests } from './lib/requests.mjs';

const USAGE = `usage: npm run bench -- [options]
  --only <inputs>     comma-separated: ${INPUT_NAMES.join(', ')} (default: ${DEFAULT_INPUTS.join(', ')})
  --runs <n>          cold runs per tool and reruns of each kind (default 3)
  --requests <n>      sequential calls per client in the request loop (default 2000; 0: skip)
  --no-competitors    specmill only
  --tools <list>      only these competitors: ${COMPETITORS.map((t) => t.id).join(', ')}
                      (default: all, but only redocly on small and msgraph)
  --skip <list>       leave out parts: reruns, tsc, requests (default: none, but small skips
                      tsc and requests, and msgraph all three)
  --no-lint-runs      measure specmill without lint only (default: also with lint, beside)
  --no-wait           do not wait for a quiet machine before each run (--quick never waits)
  --timeout <s>       stop a cold run after this many seconds (default 1800); a specmill rerun
                      is stopped after 10x its cold run (at least 120 s)
  --quick             1 run, specmill only, the ${QUICK_SEED} seed API unless --only says otherwise
  --out <file>        Markdown report (default bench/results.md; --quick writes none unless given)
  --json <file>       the raw measurements as JSON
  --keep              keep the temporary folder with every project and output`;

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    requests: { type: 'string' },
    'no-competitors': { type: 'boolean', default: false },
    'no-lint-runs': { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
    timeout: { type: 'string' },
    tools: { type: 'string' },
    skip: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const quick = options.quick;
const runs = Number(options.runs ?? (quick ? 1 : 3));
const requestCount = Number(options.requests ?? (quick ? 300 : 2000));
const withCompetitors = !quick && !options['no-competitors'];
const chosenTools = options.tools ? COMPETITORS.filter((t) => options.tools.split(',').includes(t.id)) : undefined;
const chosenSkip = options.skip === undefined ? undefined : new Set(options.skip.split(',').filter(Boolean));
for (const part of chosenSkip ?? []) if (!['reruns', 'tsc', 'requests'].includes(part)) fail(`--skip: unknown part ${part}\n${USAGE}`);
const withLint = !quick && !options['no-lint-runs'];
/**
 * What each input runs by default: the small spec is about start-up (redocly beside it, no
 * consumer or request loop); Microsoft Graph beta is about memory (one cold run each of specmill
 * and redocly). --tools and --skip, when given, apply to every input.
 */
const INPUT_PLANS = {
  small: { tools: ['redocly'], skip: ['tsc', 'requests'] },
  msgraph: { tools: ['redocly'], skip: ['reruns', 'tsc', 'requests'], runs: 1, lint: false },
};
function planFor(name) {
  const plan = INPUT_PLANS[name] ?? {};
  return {
    competitors: chosenTools ?? (plan.tools ? COMPETITORS.filter((t) => plan.tools.includes(t.id)) : COMPETITORS),
    skip: chosenSkip ?? new Set(plan.skip ?? []),
    runs: options.runs === undefined && plan.runs !== undefined ? plan.runs : runs,
    lint: withLint && plan.lint !== false,
  };
}
const competitors = chosenTools ?? COMPETITORS;
const waitForQuietMachine = !quick && !options['no-wait'];
const coldTimeoutMs = Number(options.timeout ?? 1800) * 1000;
const inputNames = options.only ? options.only.split(',').map((s) => s.trim()) : quick ? ['seeds'] : DEFAULT_INPUTS;
const outFile = options.out ? path.resolve(options.out) : quick ? undefined : path.join(ROOT, 'bench/results.md');
for (const name of inputNames) if (!INPUT_NAMES.includes(name)) fail(`unknown input ${name}\n${USAGE}`);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs: expected a positive integer\n${USAGE}`);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// Other sessions share this machine: each measured run waits (up to 2 minutes) for a quiet
// moment first, and how much CPU other processes took during each run is kept for the report.
const neighbours = { waitedMs: 0, othersCpu: [] };
async function quiet() {
  if (!waitForQuietMachine) return;
  const waited = await waitForQuiet();
  neighbours.waitedMs += waited;
  if (waited > 5000) log(`waited ${Math.round(waited / 1000)} s for the machine to calm down`);
}
async function measure(command, args, spawnOptions) {
  await quiet();
  const run = await measureNow(command, args, spawnOptions);
  if (run.othersCpu !== undefined) neighbours.othersCpu.push(run.othersCpu);
  return run;
}
async function measureSequence(commands) {
  await quiet();
  const run = await measureSequenceNow(commands);
  neighbours.othersCpu.push(run.othersCpu);
  return run;
}

// specmill keeps a cache under node_modules/.cache/specmill (shared by every project, since the
// toolchain is linked). A cold run starts with no output of its own, not with an empty cache:
// the report says what the cache held and what the cold runs added to it.
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/specmill');
const cacheEntries = () => (existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR) : []);
const cacheAtStart = cacheEntries();

const started = Date.now();
function log(message) {
  const elapsed = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`[bench +${elapsed}s] ${message}\n`);
}
const brief = (run) => (run.code === 0 ? `${(run.ms / 1000).toFixed(2)} s, ${Math.round(run.rssMiB)} MiB` : `FAILED ${lastLines(run, 3)}`);

/** A hash of the toolchain's sources: other sessions edit them, maybe in the middle of a run. */
function toolchainFingerprint() {
  const hash = createHash('sha256');
  for (const dir of ['generator', 'templates', 'scripts']) {
    const base = path.join(ROOT, dir);
    if (!existsSync(base)) continue;
    const files = readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

function gitDescription() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'generator', 'templates', 'scripts'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return `commit ${head}${dirty ? ' with uncommitted changes under generator/, templates/ or scripts/' : ''}`;
  } catch {
    return 'not a git checkout';
  }
}

const environment = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '?',
  memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  git: `${gitDescription()}; sources hash ${toolchainFingerprint()} (generator/, templates/, scripts/)`,
  loadStart: os.loadavg()[0].toFixed(2),
  runs,
  tscRuns: quick ? 1 : runs + 2,
  requestRounds: quick ? 1 : Math.max(5, runs),
  memoryMethod: MEMORY_METHOD,
  tools: withCompetitors ? competitors.map((t) => t.label()) : ['competitors not run'],
  lint: withLint ? 'specmill also runs with lint (`generate` without --no-lint), beside each no-lint figure' : 'specmill runs without lint only',
};

const workDir = mkdtempSync(path.join(os.tmpdir(), 'specmill-bench-'));
log(`working in ${workDir}`);
const sections = [];
try {
  for (const name of inputNames) sections.push(await benchInput(name));
} finally {
  if (!options.keep) rmSync(workDir, { recursive: true, force: true });
}
environment.loadEnd = os.loadavg()[0].toFixed(2);
if (neighbours.othersCpu.length > 0) {
  const sorted = [...neighbours.othersCpu].sort((a, b) => a - b);
  const share = (v) => `${Math.round(v * 100)}%`;
  environment.neighbours = `other processes used ${share(sorted[Math.floor(sorted.length / 2)])} of the machine's CPU during the median measured run (${share(sorted.at(-1))} at most); ${Math.round(neighbours.waitedMs / 1000)} s spent waiting for quiet before runs`;
}

const results = { environment, sections };
const report = renderReport(results);
process.stdout.write(`${report}\n`);
if (outFile) {
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, report);
  log(`wrote ${path.relative(process.cwd(), outFile) || outFile}`);
}
if (options.json) writeFileSync(path.resolve(options.json), `${JSON.stringify(results, null, 2)}\n`);

async function benchInput(name) {
  const input = await prepareInput(name, workDir, { seedApis: quick && !options.only ? [QUICK_SEED] : undefined });
  log(`${name}: ${input.label}`);
  const section = { input: { name, label: input.label, bytes: input.bytes }, generators: [], reruns: [], consumers: [], notes: [] };
  const fingerprintAtStart = toolchainFingerprint();
  const plan = planFor(name);
  const { skip, runs } = plan;

  // ---- cold runs, interleaved: specmill, then each competitor, `runs` times -----------------
  const tools = [
    { id: 'specmill', label: 'specmill (types, models, client)', kind: 'client' },
    ...(plan.lint ? [{ id: 'specmill-lint', label: 'specmill with lint (redocly lint of the new spec)', kind: 'client' }] : []),
    ...(withCompetitors ? plan.competitors.map((t) => ({ ...t, label: t.label() })) : []),
  ];
  const samples = new Map(tools.map((t) => [t.id, []]));
  const last = new Map();
  const cacheWrites = new Set();
  for (let round = 1; round <= runs; round++) {
    for (const tool of tools) {
      let run;
      let where;
      if (tool.id.startsWith('specmill')) {
        where = createProject(input, workDir, 'cold');
        const { command, args, options: spawnOptions } = specmillCommand(where, { lint: tool.id === 'specmill-lint' });
        const cacheBefore = new Set(cacheEntries());
        run = acceptLintVerdict(await measure(command, args, { ...spawnOptions, timeoutMs: coldTimeoutMs }), section);
        for (const entry of cacheEntries()) if (!cacheBefore.has(entry)) cacheWrites.add(entry);
        if (run.code === 0 && input.kind === 'pages' && round === 1 && tool.id === 'specmill') adoptSpecmillSpecs(input, where);
      } else {
        where = path.join(workDir, 'out', name, `${tool.id}-${round}`);
        run = await measureSequence(competitorCommands(tool, input, where).map((c) => ({ ...c, options: { ...c.options, timeoutMs: coldTimeoutMs } })));
      }
      samples.get(tool.id).push(run);
      log(`${name}: ${tool.id} cold ${round}/${runs}: ${brief(run)}`);
      // Keep only the newest output of each tool: the big specs make big outputs.
      if (last.has(tool.id) && run.code === 0) rmSync(last.get(tool.id), { recursive: true, force: true });
      if (run.code === 0 || !last.has(tool.id)) last.set(tool.id, where);
    }
  }
  const specmillProject = last.get('specmill');
  for (const tool of tools) {
    const where = last.get(tool.id);
    const size = tool.id.startsWith('specmill') ? outputSize(path.join(where, 'generated')) : outputSize(where);
    section.generators.push({ id: tool.id, label: tool.label, kind: tool.kind, cold: summarize(samples.get(tool.id)), size });
  }
  const specmillOk = samples.get('specmill').some((r) => r.code === 0);
  const cacheNote = `specmill's cache (node_modules/.cache/specmill) held ${cacheAtStart.length} entr${cacheAtStart.length === 1 ? 'y' : 'ies'} when the benchmark started${cacheAtStart.length ? ` (${cacheAtStart.slice(0, 3).join(', ')}${cacheAtStart.length > 3 ? ', …' : ''})` : ''}`;
  section.notes.push(
    cacheWrites.size > 0
      ? `${cacheNote}; the cold runs of this input added ${cacheWrites.size} (${[...cacheWrites].slice(0, 3).join(', ')}${cacheWrites.size > 3 ? ', …' : ''}), which later cold runs could read.`
      : `${cacheNote}; the cold runs of this input added none.`,
  );

  // ---- the operations the consumer calls and the request loop sends --------------------------
  const ownSpec = path.join(specmillProject, 'specs', input.consumerApi, 'openapi.yaml');
  const docFile = input.kind === 'spec' ? input.competitorInputs[0].file : existsSync(ownSpec) ? ownSpec : input.competitorInputs.find((c) => c.api === input.consumerApi)?.file;
  const doc = loadSpec(docFile);
  const ops = pickOperations(doc, input.preferred);
  const operationCount = listOperations(doc).length;
  section.input.summary =
    input.kind === 'spec'
      ? `${(input.bytes / 1024 / 1024).toFixed(1)} MB, ${Object.keys(doc.paths ?? {}).length} paths, ${operationCount} operations, ${Object.keys(doc.components?.schemas ?? {}).length} schemas.`
      : `${input.apis.length} API${input.apis.length === 1 ? '' : 's'} from ${(input.bytes / 1024).toFixed(0)} KB of pages; specmill reads the pages, the competitors read the spec specmill made of them (one process per API, times added).`;
  section.consumerOperations = ops.map((o) => `\`${o.operationId}\``).join(' and ') + (input.kind === 'pages' ? ` of ${input.consumerApi}` : '');

  // ---- consumers' tsc and whether each output passes strict tsc -------------------------------
  const outputs = {};
  const consumerTools = skip.has('tsc') ? [] : CONSUMER_TOOLS.filter((id) => id === 'specmill' || (id === 'openapi-fetch' ? last.has('openapi-typescript') : last.has(id)));
  for (const id of consumerTools) {
    const toolId = id === 'openapi-fetch' ? 'openapi-typescript' : id;
    const labels = { specmill: 'specmill', 'openapi-fetch': 'openapi-typescript + openapi-fetch', 'hey-api': 'hey-api', orval: 'orval', redocly: 'redocly generate-client' };
    const entry = { id, label: labels[id] };
    section.consumers.push(entry);
    const ok = toolId === 'specmill' ? specmillOk : samples.get(toolId).some((r) => r.code === 0);
    if (!ok) {
      entry.error = 'no output: every run of the generator failed';
      continue;
    }
    const outDir = id === 'specmill' ? path.join(specmillProject, 'generated') : competitorOutput(input, last.get(toolId));
    const dir = path.join(workDir, 'consumers', name, id);
    let written;
    try {
      written = writeConsumer({ tool: id, dir, outDir, api: input.consumerApi, doc, ops });
    } catch (e) {
      written = { error: e.message.split('\n')[0] };
    }
    if (written.error) {
      entry.error = written.error;
      continue;
    }
    outputs[id] = { out: outDir, generated: outDir, consumerDir: dir };
    // tsc is quick next to the generators: a few more runs steady the median.
    const consumerRuns = [];
    for (let i = 0; i < environment.tscRuns; i++) consumerRuns.push(await measure(written.consumer.command, written.consumer.args, written.consumer.options));
    // tsc exits 1 or 2 on type errors: time and memory still count, the errors are reported.
    entry.consumer = summarize(consumerRuns.map((r) => ({ ...r, code: r.code === 0 || tscErrors(r).count > 0 ? 0 : r.code })));
    entry.consumerErrors = tscErrors(consumerRuns.at(-1));
    const strict = await measure(written.strict.command, written.strict.args, written.strict.options);
    entry.strict = { ms: strict.ms, rssMiB: strict.rssMiB, errors: tscErrors(strict), code: strict.code };
    log(`${name}: tsc consumer of ${id}: ${brief({ ...consumerRuns.at(-1), code: 0 })}, ${entry.consumerErrors.count} errors; strict: ${entry.strict.errors.count} errors`);
    if (entry.consumerErrors.count > 0) section.notes.push(`tsc finds ${entry.consumerErrors.count} errors in the ${entry.label} consumer's program, e.g. ${entry.consumerErrors.first[0]}`);
  }

  // ---- per-request overhead ------------------------------------------------------------------
  const read = ops[0];
  if (requestCount > 0 && read && !skip.has('requests')) {
    const requestOutputs = {};
    if (outputs.specmill) requestOutputs.specmill = outputs.specmill;
    if (outputs['hey-api']) requestOutputs['hey-api'] = outputs['hey-api'];
    if (outputs.redocly) requestOutputs.redocly = outputs.redocly;
    section.requests = await benchRequests({
      dir: path.join(workDir, 'requests', name),
      doc,
      op: read,
      api: input.consumerApi,
      outputs: requestOutputs,
      count: requestCount,
      warmup: Math.max(20, Math.round(requestCount / 10)),
      rounds: environment.requestRounds,
      quiet,
      log: (m) => log(`${name}: ${m}`),
    });
  }

  // ---- specmill's reruns in the last cold run's project ---------------------------------------
  if (specmillOk && !skip.has('reruns')) {
    const inPlace =
      input.kind === 'spec'
        ? { id: 'summary', label: "rerun after one operation's summary changed (in place)", edit: (n) => editSummary(specmillProject, input, n, read) }
        : undefined;
    const kinds = [
      { id: 'noop', label: 'no-op rerun (nothing changed)', edit: () => 'nothing' },
      { id: 'description', label: "rerun after one operation's description changed", edit: (n) => editDescription(specmillProject, input, n, read) },
      ...(inPlace ? [inPlace] : []),
      { id: 'add', label: 'rerun after one operation was added', edit: (n) => addOperation(specmillProject, input, n) },
    ];
    // The same edits with lint on: the figures a user without --no-lint sees.
    if (plan.lint) {
      for (const kind of kinds.filter((k) => k.id === (inPlace ? 'summary' : 'description') || k.id === 'add')) {
        kinds.push({ ...kind, id: `${kind.id}-lint`, label: `${kind.label}, with lint`, lint: true });
      }
    }
    // A rerun slower than ten cold runs has missed its target by far: stop it there.
    const coldMs = section.generators.find((g) => g.id === 'specmill').cold.ms?.median ?? coldTimeoutMs / 10;
    const limitMs = Math.max(120_000, 10 * coldMs);
    let n = 0;
    for (const kind of kinds) {
      const kindRuns = [];
      let change;
      for (let i = 1; i <= runs; i++) {
        change = kind.edit(++n);
        const { command, args, options: spawnOptions } = specmillCommand(specmillProject, { lint: kind.lint === true });
        const run = acceptLintVerdict(await measure(command, args, { ...spawnOptions, timeoutMs: limitMs }), section);
        kindRuns.push(run);
        log(`${name}: specmill ${kind.id} rerun ${i}/${runs}: ${run.timedOut ? `stopped after ${Math.round(limitMs / 1000)} s` : brief(run)}`);
        // The next runs would be stopped too; and the project's spec on disk is now stale.
        if (run.timedOut) {
          section.notes.push(`specmill's ${kind.id} rerun was stopped after ${Math.round(limitMs / 1000)} s (10x its cold run), so specs/ still held the spec before the change: the next reruns saw this change as well.`);
          break;
        }
      }
      section.reruns.push({ id: kind.id, label: kind.label, change, stats: summarize(kindRuns) });
    }
  }
  if (input.kind === 'pages' && withCompetitors) section.notes.push('Competitors ran once per seed API (four processes per run, wall times added, the largest peak kept); specmill made all four in one process.');
  const fingerprintAtEnd = toolchainFingerprint();
  if (fingerprintAtEnd !== fingerprintAtStart) {
    section.notes.push(`specmill's sources changed while this input ran (hash ${fingerprintAtStart} -> ${fingerprintAtEnd}): other sessions edit the repository; its figures mix two versions.`);
    log(`${name}: the toolchain changed during the runs (${fingerprintAtStart} -> ${fingerprintAtEnd})`);
  }
  return section;
}

/**
 * A run with lint that redocly's rules reject (third-party specs rarely pass redocly.yaml's rules)
 * did all its work, lint included, and wrote nothing: its time counts, and the report says so.
 */
function acceptLintVerdict(run, section) {
  if (run.code !== 1 || !/do not pass redocly lint/.test(run.stderr)) return run;
  const note = 'Runs with lint: redocly lint finds errors in this spec under redocly.yaml\'s rules, so those runs end with exit 1 and write nothing; their times (pipeline and lint, no write) are shown as measured.';
  if (!section.notes.includes(note)) section.notes.push(note);
  return { ...run, code: 0 };
}

/** The competitors read the spec specmill made of the seed pages in this very run. */
function adoptSpecmillSpecs(input, projectDir) {
  for (const entry of input.competitorInputs) {
    const made = path.join(projectDir, 'specs', entry.api, 'openapi.yaml');
    if (existsSync(made)) cpSync(made, entry.file);
  }
}
