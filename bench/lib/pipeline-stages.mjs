// Runs specmill's pipeline in this process (through tsx, as the bin does) on the project in the
// current folder, then what `generate` does after it (the spec diff summary, the write), and prints
// JSON: each stage's start and end (from the pipeline's `onStage` events when it has them, else
// rebuilt from `result.timings`), and the process's resident memory sampled every 20 ms by a
// worker thread (which keeps sampling while the main thread is busy), so that each stage's memory
// peak can be read off its window.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = process.cwd();
const sampler = new Worker(
  `const { parentPort } = require('node:worker_threads');
   const samples = [];
   const timer = setInterval(() => samples.push([performance.timeOrigin + performance.now(), process.memoryUsage.rss()]), 20);
   parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(samples); });`,
  { eval: true },
);
const clock = () => performance.timeOrigin + performance.now();
const windows = [];
async function step(stage, run) {
  const start = clock();
  try {
    return await run();
  } finally {
    windows.push({ stage, start, end: clock() });
  }
}

const generator = (file) => import(pathToFileURL(path.join(root, 'generator', file)).href);
const { config, runPipeline, writeOutput, summarizeSpecChanges } = await step('load toolchain + config (tsx, imports)', async () => {
  register();
  const { loadConfig } = await generator('config/config.ts');
  const { runPipeline } = await generator('pipeline.ts');
  const { writeOutput } = await generator('output/write-output.ts');
  const { summarizeSpecChanges } = await generator('diff/run-diff.ts').catch(() => ({}));
  return { config: await loadConfig(root), runPipeline, writeOutput, summarizeSpecChanges };
});

const open = new Map();
const events = [];
const startPipeline = clock();
const result = await runPipeline(config, undefined, {
  onStage(event) {
    const key = `${event.stage}|${event.api ?? ''}`;
    if (event.phase === 'start') open.set(key, clock());
    else events.push({ stage: `${event.stage}${event.api ? ` (${event.api})` : ''}`, start: open.get(key) ?? clock(), end: clock() });
  },
});
const endPipeline = clock();
if (events.length > 0) {
  // Stretches of the pipeline outside any stage (printing the spec file, the package files).
  let at = startPipeline;
  for (const event of events.sort((a, b) => a.start - b.start)) {
    if (event.start - at > 50) windows.push({ stage: 'between stages (untimed by the pipeline)', start: at, end: event.start });
    windows.push(event);
    at = Math.max(at, event.end);
  }
  if (endPipeline - at > 50) windows.push({ stage: 'between stages (untimed by the pipeline)', start: at, end: endPipeline });
} else {
  // An older pipeline without stage events: rebuild the windows from the durations, in order.
  let at = startPipeline;
  for (const t of result.timings) {
    windows.push({ stage: `${t.stage}${t.api ? ` (${t.api})` : ''}`, start: at, end: at + t.ms });
    at += t.ms;
  }
  windows.push({ stage: 'untimed by the pipeline', start: at, end: endPipeline });
}
if (summarizeSpecChanges) await step('summarize spec changes (diff against specs/ on disk)', () => summarizeSpecChanges(config, result.specs, result.files));
await step('write output', () => writeOutput({ root: config.root, outputDir: config.outputDir }, result.files));

const samples = await new Promise((resolve) => {
  sampler.once('message', resolve);
  sampler.postMessage('stop');
});
await sampler.terminate();
process.stdout.write(
  `${JSON.stringify({
    windows,
    timings: result.timings,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    files: result.files.size,
    samples,
    maxRssKiB: process.resourceUsage().maxRSS,
  })}\n`,
);
