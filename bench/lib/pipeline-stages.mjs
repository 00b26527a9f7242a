// Runs specmill's pipeline in this process (through tsx, as the bin does) on the project in the
// current folder, then writes its output, and prints JSON: the pipeline's own per-stage timings,
// and the process's resident memory sampled every 20 ms by a worker thread (which keeps sampling
// while the main thread is busy), so that each stage's memory peak can be read off its window.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = process.cwd();
const sampler = new Worker(
  `const { parentPort } = require('node:worker_threads');
   const t0 = performance.timeOrigin;
   const samples = [];
   const timer = setInterval(() => samples.push([performance.timeOrigin + performance.now(), process.memoryUsage.rss()]), 20);
   parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(samples); });`,
  { eval: true },
);
const clock = () => performance.timeOrigin + performance.now();

const startLoad = clock();
register();
const generator = (file) => import(pathToFileURL(path.join(root, 'generator', file)).href);
const { loadConfig } = await generator('config.ts');
const { runPipeline } = await generator('pipeline.ts');
const { writeOutput } = await generator('write-output.ts');
const config = await loadConfig(root);
const startPipeline = clock();
const result = await runPipeline(config);
const endPipeline = clock();
writeOutput({ root: config.root, outputDir: config.outputDir }, result.files);
const endWrite = clock();

const samples = await new Promise((resolve) => {
  sampler.once('message', resolve);
  sampler.postMessage('stop');
});
await sampler.terminate();
process.stdout.write(
  `${JSON.stringify({
    load: { start: startLoad, end: startPipeline },
    pipeline: { start: startPipeline, end: endPipeline },
    write: { start: endPipeline, end: endWrite },
    timings: result.timings,
    diagnostics: result.diagnostics.filter((d) => d.severity === 'error').length,
    files: result.files.size,
    samples,
    maxRssKiB: process.resourceUsage().maxRSS,
  })}\n`,
);
