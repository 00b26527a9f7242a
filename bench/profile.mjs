#!/usr/bin/env node
// Where specmill's time and memory go on one big spec: a CPU profile of the real CLI
// (`node --cpu-prof scripts/specmill.mjs generate --no-lint`), summarised by function, by module and
// by pipeline step, plus the pipeline's own per-stage timings with the memory peak of each stage.
//
//   node bench/profile.mjs [--input github|stripe|msgraph] [--out bench/profile.md] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeProfile } from './lib/cpu-profile.mjs';
import { createProject, prepareInput, ROOT } from './lib/inputs.mjs';
import { measure, MEMORY_METHOD } from './lib/measure.mjs';

const { values: options } = parseArgs({
  options: { input: { type: 'string', default: 'github' }, out: { type: 'string' }, keep: { type: 'boolean', default: false } },
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
const ms = (v) => `${Math.round(v).toLocaleString('en-US')} ms`;
const pct = (v) => `${(v * 100).toFixed(1)}%`;
const row = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;

const workDir = mkdtempSync(path.join(os.tmpdir(), 'specmill-profile-'));
try {
  const input = await prepareInput(options.input, workDir);
  log(`${input.label}`);

  // 1. The real CLI under --cpu-prof.
  const project = createProject(input, workDir, 'cpu-prof');
  const profDir = path.join(workDir, 'cpu-prof');
  mkdirSync(profDir);
  log('running specmill generate under --cpu-prof');
  const run = await measure(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, path.join(project, 'scripts/specmill.mjs'), 'generate', '--no-lint'], { cwd: project });
  if (run.code !== 0) throw new Error(`specmill failed: ${run.stderr.slice(-2000)}`);
  const profiles = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  const analysis = analyzeProfile(path.join(profDir, profiles[0]), { inclusiveNames: STEPS });

  // 2. The pipeline in process, for its own stage timings and a memory trace.
  const stagesProject = createProject(input, workDir, 'stages');
  log('running the pipeline in process for per-stage timings and memory');
  const stagesRun = spawnSync(process.execPath, [STAGES_SCRIPT], { cwd: stagesProject, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (stagesRun.status !== 0) throw new Error(`pipeline-stages failed: ${stagesRun.stderr.slice(-2000)}`);
  const stages = JSON.parse(stagesRun.stdout.trim().split('\n').at(-1));

  const peakIn = (start, end) => Math.max(0, ...stages.samples.filter(([t]) => t >= start && t <= end).map(([, rss]) => rss)) / 1024 / 1024;
  const windows = [];
  let at = stages.pipeline.start;
  const timedTotal = stages.timings.reduce((a, t) => a + t.ms, 0);
  const untimed = Math.max(0, stages.pipeline.end - stages.pipeline.start - timedTotal);
  windows.push({ stage: 'load toolchain + config (tsx, imports)', ms: stages.load.end - stages.load.start, start: stages.load.start, end: stages.load.end });
  for (const t of stages.timings) {
    windows.push({ stage: `${t.stage}${t.api ? ` (${t.api})` : ''}`, ms: t.ms, start: at, end: at + t.ms });
    at += t.ms;
    // The pipeline does not time printing the spec file (between overlay and model).
    if (t.stage === 'overlay' && stages.timings.filter((x) => x.stage === 'overlay').length === 1) {
      windows.push({ stage: 'print specs/<api>/openapi.yaml (untimed by the pipeline)', ms: untimed, start: at, end: at + untimed });
      at += untimed;
    }
  }
  windows.push({ stage: 'write output', ms: stages.write.end - stages.write.start, start: stages.write.start, end: stages.write.end });
  const stageTotal = windows.reduce((a, w) => a + w.ms, 0);

  const lines = [
    `# Where specmill's time goes: ${input.label}`,
    '',
    `Made by \`node bench/profile.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model}.`,
    '',
    `The CLI run (\`node --cpu-prof scripts/specmill.mjs generate --no-lint\`): ${(run.ms / 1000).toFixed(1)} s wall, ${Math.round(run.rssMiB)} MiB peak RSS (${MEMORY_METHOD}); the profile holds ${ms(analysis.totalMs)} of samples.`,
    '',
    '## By stage (the pipeline in process: `result.timings`, memory sampled every 20 ms)',
    '',
    row(['stage', 'time', 'share', 'peak RSS in the stage']),
    row(['---', '---:', '---:', '---:']),
    ...windows.map((w) => row([w.stage, ms(w.ms), pct(w.ms / stageTotal), `${Math.round(peakIn(w.start, w.end + 20))} MiB`])),
    row(['**total**', ms(stageTotal), '100%', `${Math.round(stages.maxRssKiB / 1024)} MiB (process maxRSS)`]),
    '',
    '## By step (inclusive CPU time in the profile of the CLI run; steps nest)',
    '',
    row(['function', 'inclusive', 'share']),
    row(['---', '---:', '---:']),
    ...analysis.inclusive.map((f) => row([`\`${f.name}\``, ms(f.ms), pct(f.share)])),
    '',
    '## By module (self time)',
    '',
    row(['module', 'self', 'share']),
    row(['---', '---:', '---:']),
    ...analysis.modules.slice(0, 20).map((m) => row([m.name, ms(m.ms), pct(m.share)])),
    '',
    '## Hottest functions (self time)',
    '',
    row(['function', 'self', 'share']),
    row(['---', '---:', '---:']),
    ...analysis.functions.slice(0, 30).map((f) => row([`\`${f.name}\``, ms(f.ms), pct(f.share)])),
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
