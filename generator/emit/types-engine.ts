// The openapi-typescript worker, started early and fed units. openapi-typescript is third-party code
// fed untrusted names: it runs in a worker with a time and memory limit, and a crash, a hang or an
// exception there becomes a ThirdPartyError, never a crash of the run.
import { Worker } from 'node:worker_threads';
import type { TypesUnit, TypesUnitResult } from './types-units.js';

const WORKER = new URL('../workers/openapi-typescript.worker.mjs', import.meta.url);
const TIME_LIMIT_MS = 120_000;
const MEMORY_LIMIT_MB = 4096;
/** Units per message: results stream back (and are cached) while the worker goes on. */
const BATCH = 64;

export class ThirdPartyError extends Error {
  override readonly name = 'ThirdPartyError';
}

type Reply = { type: 'loaded' } | { type: 'units'; batch: number; results: TypesUnitResult[] } | { type: 'error'; batch: number; message: string };

/**
 * One worker thread running openapi-typescript. It starts loading TypeScript as soon as it is made,
 * so make it before the pages are read when units are likely to miss the cache.
 */
export class TypesEngine {
  #worker: Worker | undefined;
  #started = false;
  #pending = new Map<number, { resolve: (results: TypesUnitResult[]) => void; reject: (e: Error) => void }>();
  #batches = 0;

  /** Starts the worker now (it loads openapi-typescript while the caller goes on). */
  start(): this {
    if (this.#worker) return this;
    const worker = new Worker(WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // Each handler speaks for its own worker: a failed one is replaced by a new one for the next API.
    const fail = (error: ThirdPartyError) => this.#fail(worker, error);
    worker.on('message', (reply: Reply) => {
      if (reply.type === 'loaded') return;
      const waiting = this.#pending.get(reply.batch);
      // An error outside a batch (reading a document) fails what waits on the worker.
      if (!waiting) return void (reply.type === 'error' && fail(new ThirdPartyError(`openapi-typescript failed: ${reply.message}`)));
      if (reply.type === 'units') {
        this.#pending.delete(reply.batch);
        waiting.resolve(reply.results);
      } else fail(new ThirdPartyError(`openapi-typescript failed: ${reply.message}`));
    });
    worker.once('error', (error) => fail(new ThirdPartyError(`openapi-typescript crashed: ${error.message}`)));
    worker.once('exit', (code) => fail(new ThirdPartyError(`openapi-typescript stopped (exit code ${code}${code === 1 ? ', out of memory or killed' : ''})`)));
    this.#worker = worker;
    this.#started = true;
    return this;
  }

  #fail(worker: Worker, error: ThirdPartyError): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    void worker.terminate();
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }

  /**
   * Transforms `units` of the document `json` (prepared by types-units.ts), calling `onResults`
   * as each batch comes back, in order.
   */
  async transform(json: string, units: readonly TypesUnit[], onResults: (from: number, results: TypesUnitResult[]) => void): Promise<void> {
    if (units.length === 0) return;
    const worker = this.start().#worker!;
    worker.ref();
    worker.postMessage({ type: 'document', json });
    // The worker has its copy: this one (the size of the spec) need not live until the last batch.
    json = '';
    const timer = setTimeout(() => this.#fail(worker, new ThirdPartyError(`openapi-typescript took longer than ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS);
    try {
      const batches: Promise<TypesUnitResult[]>[] = [];
      for (let from = 0; from < units.length; from += BATCH) {
        const batch = ++this.#batches;
        const results = new Promise<TypesUnitResult[]>((resolve, reject) => this.#pending.set(batch, { resolve, reject }));
        // Awaited in order below; a failure rejects them all, and the first awaited one reports it.
        results.catch(() => {});
        batches.push(results);
        worker.postMessage({ type: 'units', batch, units: units.slice(from, from + BATCH) });
      }
      for (let i = 0; i < batches.length; i++) onResults(i * BATCH, await batches[i]!);
      // The next API sends its own document: let this one go now.
      worker.postMessage({ type: 'release' });
    } finally {
      clearTimeout(timer);
      if (this.#worker === worker) worker.unref();
    }
  }

  /** Whether a worker was started at all (a run whose units are all cached starts none). */
  get started(): boolean {
    return this.#started;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}
