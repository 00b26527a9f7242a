#!/usr/bin/env node
// Where specmill's time and memory go on one big spec: a CPU profile of the real CLI
// (`node --cpu-prof scripts/specmill.mjs generate --no-lint`), summarised by function, by module and
// by pipeline step, plus the pipeline's own per-stage timings with the memory peak of each stage.
//
//   node bench/profile.mjs [--input github|stripe|msgraph] [--out bench/profile.md] [--keep]
//   node bench/profile.mjs --input stripe --rerun description|summary|add [--limit 90] [--out FILE]
//     (a rerun after one edit, under V8's tick profiler `--prof`, which writes as it goes, so a
//     run stopped at --limit seconds still gives its profile)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeProfile } from './lib/cpu-profile.mjs';
import { addOperation, createProject, editDescription, editSummary, prepareInput, ROOT, specmillCommand } from './lib/inputs.mjs';
import { loadSpec, pickOperations } from './lib/operations.mjs';
import { measure, MEMORY_METHOD } from './lib/measure.mjs';

const { values: options } = parseArgs({
  options: {
    input: { type: 'string', default: 'github' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    rerun: { type: 'string' },
    limit: { type: 'string', default: '90' },
  },
});
const outFile = path.resolve(options.out ?? path.join(ROOT, 'bench/profile.md'));
const STAGES_SCRIPT = fileURLToPath(new URL('./lib/pipeline-stages.mjs', import.meta.url));

/** Functions of specmill and of the libraries it calls whose inclusive time is worth knowing. */
const STEPS = [
  'loadConfig',
  'runPipeline',
  'importApi',
  'parseStructured',
  'fragmentFromDocument',
  'normalizeApi',
  'overlayApi',
  'printSpec',
  'buildClientModel',
  'planClient',
  'emitSchemaTypes',
  'openapiTS',
  'astToString',
  'emitClient',
  'emitModels',
  'printStructure',
  'compileModule',
  'transpileModule',
  'transpileDeclaration',
  'formatCode',
  'addRuntime',
  'summarizeSpecChanges',
  'writeOutput',
  'structuredClone',
];

const log = (m) => process.stderr.write(`[profile] ${m}\n`);
const threadId = (file) => Number(/\.(\d+)\.\d+\.cpuprofile$/.exec(file)?.[1] ?? 0);

function merge(threads, pick, skip) {
  const total = new Map();
  for (const t of threads) for (const entry of pick(t.analysis)) if (!skip.has(entry.name)) total.set(entry.name, (total.get(entry.name) ?? 0) + entry.ms);
  const sum = [...total.values()].reduce((a, b) => a + b, 0);
  return [...total].sort((a, b) => b[1] - a[1]).map(([name, v]) => ({ name, ms: v, share: v / sum }));
}
const mergedModules = (threads) => merge(threads, (a) => a.modules, new Set(['(idle)']));
const mergedFunctions = (threads) => merge(threads, (a) => a.functions, new Set(['(idle)', '(garbage collector)', '(program)']));

/** Collapses the per-second timeline into stretches with the same two leading modules. */
function timelineRows(timeline) {
  const rows = [];
  timeline.forEach((bucket, second) => {
    const lead = bucket.filter((m) => m.ms >= 100).slice(0, 2).map((m) => m.name);
    const key = lead.join(' + ') || '(little)';
    const lastRow = rows.at(-1);
    if (lastRow && lastRow.key === key) lastRow.end = second;
    else rows.push({ key, start: second, end: second });
  });
  return rows.map((r) => [r.start === r.end ? `${r.start}` : `${r.start}–${r.end}`, r.key]);
}
const ms = (v) => `${Math.round(v).toLocaleString('en-US')} ms`;
const pct = (v) => `${(v * 100).toFixed(1)}%`;
const row = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;

const workDir = mkdtempSync(path.join(os.tmpdir(), 'specmill-profile-'));
try {
  const input = await prepareInput(options.input, workDir);
  log(`${input.label}`);
  if (options.rerun) {
    await profileRerun(input);
    process.exit(0);
  }

  // 1. The real CLI under --cpu-prof.
  const project = createProject(input, workDir, 'cpu-prof');
  const profDir = path.join(workDir, 'cpu-prof');
  mkdirSync(profDir);
  log('running specmill generate under --cpu-prof');
  const run = await measure(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, path.join(project, 'scripts/specmill.mjs'), 'generate', '--no-lint'], { cwd: project });
  if (run.code !== 0) throw new Error(`specmill failed: ${run.stderr.slice(-2000)}`);
  // One profile per thread: the main thread first (thread id 0), then workers (tsx's loader
  // hooks, and any worker specmill starts).
  const profiles = readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => threadId(a) - threadId(b));
  const threads = profiles.map((f) => {
    const analysis = analyzeProfile(path.join(profDir, f), { inclusiveNames: STEPS });
    const busy = analysis.modules.filter((m) => m.name !== '(idle)');
    const top = busy.filter((m) => !m.name.startsWith('(')).slice(0, 3).map((m) => m.name);
    return { name: threadId(f) === 0 ? 'main' : `worker ${threadId(f)} (${top.join(', ')})`, analysis, busyMs: busy.reduce((a, m) => a + m.ms, 0), idleMs: analysis.totalMs - busy.reduce((a, m) => a + m.ms, 0) };
  });
  const analysis = threads[0].analysis;

  // 2. The pipeline in process, for its own stage timings and a memory trace.
  const stagesProject = createProject(input, workDir, 'stages');
  log('running the pipeline in process for per-stage timings and memory');
  const stagesRun = spawnSync(process.execPath, [STAGES_SCRIPT], { cwd: stagesProject, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (stagesRun.status !== 0) throw new Error(`pipeline-stages failed: ${stagesRun.stderr.slice(-2000)}`);
  const stages = JSON.parse(stagesRun.stdout.trim().split('\n').at(-1));

  const peakIn = (start, end) => Math.max(0, ...stages.samples.filter(([t]) => t >= start && t <= end).map(([, rss]) => rss)) / 1024 / 1024;
  const windows = stages.windows.map((w) => ({ ...w, ms: w.end - w.start }));
  const origin = Math.min(...windows.map((w) => w.start));
  // Stages may overlap (openapi-typescript runs in a worker beside the others): shares are of the wall time.
  const stageTotal = Math.max(...windows.map((w) => w.end)) - origin;

  const lines = [
    `# Where specmill's time goes: ${input.label}`,
    '',
    `Made by \`node bench/profile.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model}.`,
    '',
    `The CLI run (\`node --cpu-prof scripts/specmill.mjs generate --no-lint\`): ${(run.ms / 1000).toFixed(1)} s wall, ${Math.round(run.rssMiB)} MiB peak RSS (${MEMORY_METHOD}); the profile holds ${ms(analysis.totalMs)} of samples.`,
    '',
    `## By stage (the pipeline run in process by bench/lib/pipeline-stages.mjs: its stage events, memory sampled every 20 ms; ${stages.errors} errors, ${stages.files} files)`,
    '',
    row(['stage', 'from', 'to', 'time', 'share of the wall time', 'peak RSS in the stage']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...windows.map((w) => row([w.stage, ms(w.start - origin), ms(w.end - origin), ms(w.ms), pct(w.ms / stageTotal), `${Math.round(peakIn(w.start, w.end + 20))} MiB`])),
    row(['**wall, first stage to last**', '', '', ms(stageTotal), '100%', `${Math.round(stages.maxRssKiB / 1024)} MiB (process maxRSS)`]),
    '',
    '## Threads (CPU profile of the CLI run)',
    '',
    row(['thread', 'busy (incl. GC)', 'garbage collector', 'idle']),
    row(['---', '---:', '---:', '---:']),
    ...threads.map((t) => row([t.name, ms(t.busyMs), ms(t.analysis.modules.find((m) => m.name === '(garbage collector)')?.ms ?? 0), ms(t.idleMs)])),
    '',
    '## Main thread, second by second (the modules with the most self time in each stretch)',
    '',
    row(['seconds', 'what the main thread does']),
    row(['---', '---']),
    ...timelineRows(analysis.timeline).map(([span, what]) => row([span, what])),
    '',
    '## By module (self time, all threads, idle left out)',
    '',
    row(['module', 'self', 'share of busy time']),
    row(['---', '---:', '---:']),
    ...mergedModules(threads).slice(0, 20).map((m) => row([m.name, ms(m.ms), pct(m.share)])),
    '',
    '## By step (synchronous steps, inclusive time on the main thread; steps nest)',
    '',
    'Async work (`prettier.format`, openapi-typescript in its worker) resumes outside its caller\'s stack: it shows by module above, not here.',
    '',
    row(['function', 'inclusive', 'share of the main thread']),
    row(['---', '---:', '---:']),
    ...analysis.inclusive.filter((f) => f.ms >= 10).map((f) => row([`\`${f.name}\``, ms(f.ms), pct(f.share)])),
    '',
    '## Hottest functions (self time, all threads, idle and GC left out)',
    '',
    row(['function', 'self', 'share of busy time']),
    row(['---', '---:', '---:']),
    ...mergedFunctions(threads).slice(0, 30).map((f) => row([`\`${f.name}\``, ms(f.ms), pct(f.share)])),
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  writeFileSync(outFile, report);
  log(`wrote ${path.relative(process.cwd(), outFile)}`);
  if (options.keep) log(`kept ${workDir}`);
} finally {
  if (!options.keep) rmSync(workDir, { recursive: true, force: true });
}

/** A rerun after one edit under `--prof`: the tick log survives a run stopped at the limit. */
async function profileRerun(input) {
  if (!['description', 'summary', 'add'].includes(options.rerun)) throw new Error('--rerun: description, summary or add');
  if (options.rerun === 'summary' && input.kind !== 'spec') throw new Error('--rerun summary: a spec input only (github, stripe, small, msgraph)');
  const project = createProject(input, workDir, 'rerun');
  const { command, args, options: spawnOptions } = specmillCommand(project);
  log('a first run, so that specs/ and generated/ exist');
  const first = await measure(command, args, spawnOptions);
  if (first.code !== 0) throw new Error(`specmill failed: ${first.stderr.slice(-2000)}`);
  const doc = loadSpec(input.kind === 'spec' ? input.competitorInputs[0].file : path.join(project, 'specs', input.consumerApi, 'openapi.yaml'));
  const operation = pickOperations(doc, input.preferred)[0];
  const change = options.rerun === 'description' ? editDescription(project, input, 1, operation) : options.rerun === 'summary' ? editSummary(project, input, 1, operation) : addOperation(project, input, 1);
  const logDir = path.join(workDir, 'v8-log');
  mkdirSync(logDir);
  const limitMs = Number(options.limit) * 1000;
  log(`rerun after ${change}, under --prof, stopped after ${options.limit} s at most`);
  const run = await measure(process.execPath, ['--prof', `--logfile=${path.join(logDir, 'v8.log')}`, ...args], { ...spawnOptions, timeoutMs: limitMs });
  const logs = readdirSync(logDir).map((f) => path.join(logDir, f));
  const main = logs.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const processed = spawnSync(process.execPath, ['--prof-process', main], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const section = (title) => {
    const start = processed.indexOf(title);
    if (start < 0) return [];
    const rest = processed.slice(start).split('\n');
    const end = rest.findIndex((l, i) => i > 1 && l.trim() === '');
    return rest.slice(0, end < 0 ? 40 : end);
  };
  const heaviestPaths = () => {
    const rows = processed.split('\n');
    const start = rows.findIndex((l) => /^\s+ticks\s+parent\s+name/.test(l));
    return start < 0 ? [] : rows.slice(start, start + 45);
  };
  const lines = [
    `# specmill rerun after one change: ${input.label}`,
    '',
    `Made by \`node bench/profile.mjs ${process.argv.slice(2).join(' ')}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, Node ${process.version}.`,
    '',
    `Cold run first: ${(first.ms / 1000).toFixed(1)} s, ${Math.round(first.rssMiB)} MiB. Then ${change}, and the rerun under \`--prof\`: ${run.timedOut ? `**stopped after ${options.limit} s**` : `${(run.ms / 1000).toFixed(1)} s`}, ${Math.round(run.rssMiB)} MiB peak RSS.`,
    '',
    '```',
    ...section('[Summary]'),
    '',
    ...section('[JavaScript]').slice(0, 30),
    '```',
    '',
    'Heaviest call paths (`node --prof-process`, bottom up):',
    '',
    '```',
    ...heaviestPaths().map((l) => l.replace(/file:\/\/\S*\/(generator\/)/g, '$1').slice(0, 160)),
    '```',
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  writeFileSync(outFile, report);
  log(`wrote ${path.relative(process.cwd(), outFile)}`);
}
