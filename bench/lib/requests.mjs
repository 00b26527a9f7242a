// Per-request overhead: each client makes sequential calls of one GET operation against a loopback
// server (its own process, so client and server run on different cores). Each client runs in a
// fresh process per round, rounds interleave the clients, and the median requests per second is
// compared with raw `fetch` + `res.json()`. Adapters are bundled by esbuild first, so that the
// TypeScript outputs (hey-api, redocly) run as they would in an app build.
import { execFile, fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from './inputs.mjs';
import { median } from './measure.mjs';
import { concretePath, heyApiNames, operationKey, redoclyNames, sampleRequest, specmillFactory, specmillNames } from './operations.mjs';

const RUNNER = fileURLToPath(new URL('./request-runner.mjs', import.meta.url));
const SERVER = fileURLToPath(new URL('./loopback-server.mjs', import.meta.url));
const literal = (value) => JSON.stringify(value);

function startServer() {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve({ child, ...message }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the loopback server exited (${code}) before it listened`)));
  });
}

/** The adapter module of each client: `setup(baseUrl)` -> one call, resolving to the parsed body. */
function adapters({ doc, op, outputs, api }) {
  const request = sampleRequest(doc, op);
  const out = [
    {
      id: 'fetch',
      label: 'raw fetch + res.json()',
      resolveDir: ROOT,
      code: `const PATH = ${literal(concretePath(op, request))};
export async function setup(baseUrl) {
  const url = baseUrl + PATH;
  return async () => {
    const res = await fetch(url);
    return res.json();
  };
}`,
    },
    {
      id: 'openapi-fetch',
      label: 'openapi-fetch',
      resolveDir: ROOT,
      code: `import createClient from 'openapi-fetch';
export async function setup(baseUrl) {
  const client = createClient({ baseUrl });
  const init = ${literal(request.path || request.query ? { params: { ...(request.path ? { path: request.path } : {}), ...(request.query ? { query: request.query } : {}) } } : {})};
  return async () => (await client.${op.method.toUpperCase()}(${literal(op.path)}, init)).data;
}`,
    },
  ];
  if (outputs.specmill) {
    const clientJs = readFileSync(path.join(outputs.specmill.generated, api, 'client.js'), 'utf8');
    const name = specmillNames(clientJs).get(op.operationId);
    const factory = specmillFactory(clientJs);
    if (name && factory) {
      out.push({
        id: 'specmill',
        label: 'specmill (default runtime: retries, timeout, errors)',
        resolveDir: outputs.specmill.consumerDir,
        code: `import { ${factory} } from 'specmill-clients/${api}';
export async function setup(baseUrl) {
  const client = ${factory}({ baseUrl });
  return async () => await client.${name}(${literal(request)});
}`,
      });
    }
  }
  if (outputs['hey-api']) {
    const name = heyApiNames(readFileSync(path.join(outputs['hey-api'].out, 'sdk.gen.ts'), 'utf8')).get(operationKey(op));
    if (name) {
      out.push({
        id: 'hey-api',
        label: '@hey-api client-fetch',
        resolveDir: outputs['hey-api'].consumerDir,
        code: `import { client } from './out/client.gen.ts';
import { ${name} } from './out/sdk.gen.ts';
export async function setup(baseUrl) {
  client.setConfig({ baseUrl });
  return async () => (await ${name}(${literal(request)})).data;
}`,
      });
    }
  }
  if (outputs.redocly) {
    const name = redoclyNames(readFileSync(path.join(outputs.redocly.out, 'client.ts'), 'utf8')).get(op.operationId);
    if (name) {
      out.push({
        id: 'redocly',
        label: 'redocly generate-client',
        resolveDir: outputs.redocly.consumerDir,
        code: `import { configure, ${name} } from './out/client.ts';
export async function setup(baseUrl) {
  configure({ serverUrl: baseUrl });
  return async () => await ${name}(${literal(request)});
}`,
      });
    }
  }
  return out;
}

function runClient(bundle, baseUrl, count, warmup, body) {
  return new Promise((resolve) => {
    execFile(process.execPath, [RUNNER, bundle, baseUrl, String(count), String(warmup), body], { timeout: 10 * 60_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) resolve({ error: `${error.message.split('\n')[0]} ${stderr.trim().split('\n').slice(-2).join(' | ')}`.slice(0, 400) });
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

/**
 * `outputs`: `{ specmill?: { generated, consumerDir }, 'hey-api'?: { out, consumerDir }, redocly?: ... }`;
 * `quiet`: awaited before each measured loop (waits for the machine to calm down).
 * Resolves to `{ operation, count, rounds, clients: [{ id, label, rps: { median, min, max }, ratio }] }`.
 */
export async function benchRequests({ dir, doc, op, api, outputs, count, warmup, rounds, quiet, log }) {
  mkdirSync(dir, { recursive: true });
  const clients = [];
  for (const adapter of adapters({ doc, op, outputs, api })) {
    const outfile = path.join(dir, `${adapter.id}.mjs`);
    try {
      await build({
        stdin: { contents: adapter.code, resolveDir: adapter.resolveDir, loader: 'js', sourcefile: `${adapter.id}-adapter.mjs` },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        logLevel: 'silent',
      });
      clients.push({ ...adapter, bundle: outfile, samples: [] });
    } catch (e) {
      clients.push({ ...adapter, error: `esbuild: ${String(e.message).split('\n').slice(0, 3).join(' ')}`.slice(0, 400), samples: [] });
    }
  }
  const server = await startServer();
  try {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    // Warm the server's JIT first, so the first client measured does not pay for it.
    const warm = clients.find((c) => c.id === 'fetch' && !c.error);
    if (warm) await runClient(warm.bundle, baseUrl, count, warmup, server.body);
    for (let round = 1; round <= rounds; round++) {
      // Each round starts with another client, so no client always follows the same one.
      const order = clients.map((_, i) => clients[(i + round - 1) % clients.length]);
      for (const client of order) {
        if (client.error) continue;
        await quiet?.();
        const run = await runClient(client.bundle, baseUrl, count, warmup, server.body);
        if (run.error) client.error = run.error;
        else client.samples.push(run.rps);
        log?.(`requests ${client.id} round ${round}: ${run.error ?? `${Math.round(run.rps)} req/s`}`);
      }
    }
  } finally {
    server.child.disconnect();
    server.child.kill();
  }
  const raw = clients.find((c) => c.id === 'fetch');
  const rawMedian = raw?.samples.length ? median(raw.samples) : undefined;
  return {
    operation: `${op.method.toUpperCase()} ${op.path} (${op.operationId})`,
    count,
    warmup,
    rounds,
    clients: clients.map((c) => {
      const rps = c.samples.length ? { median: median(c.samples), min: Math.min(...c.samples), max: Math.max(...c.samples) } : undefined;
      return { id: c.id, label: c.label, ...(rps ? { rps, ratio: rawMedian ? rps.median / rawMedian : undefined } : {}), ...(c.error ? { error: c.error } : {}) };
    }),
  };
}
