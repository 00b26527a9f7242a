// One attempt of a call under its time limit. Attempts carry no AbortSignal (fetch makes each one
// dearer) until the client has seen its first time-out; from then on each is aborted at its limit,
// as it is whenever the caller passes a signal.
import { TimeoutError } from './errors.js';

export type FetchResult = { data?: unknown; error?: unknown; response: Response };
export type RawRequest = (method: string, url: string, init: Record<string, unknown>) => Promise<FetchResult>;

/** One call, as `send` works it out once for all its attempts. */
export interface Prepared {
  method: string;
  /** The path (for messages: it never has the query). */
  path: string;
  /** Path and query, as handed to openapi-fetch. */
  target: string;
  init: Record<string, unknown>;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

function timeoutError(call: Prepared): TimeoutError {
  return new TimeoutError(`${call.method.toUpperCase()} ${call.path} took longer than ${call.timeoutMs} ms`);
}

function abortOnTimeout(controller: AbortController, call: Prepared): void {
  controller.abort(timeoutError(call));
}

/** The attempt function of one client, over openapi-fetch's `request`. */
export function createAttempt(request: RawRequest): (call: Prepared) => Promise<FetchResult> {
  // Attempts carry no AbortSignal (fetch makes each one dearer) until this client has seen its
  // first time-out: the server is slow then, and later attempts are aborted at their limit.
  let abortTimeouts = false;

  function markTimedOut(): void {
    abortTimeouts = true;
  }

  /** One attempt under its time limit, without a signal: past the limit it is abandoned. */
  function attemptWithTimer(call: Prepared): Promise<FetchResult> {
    const pending = request(call.method, call.target, call.init);
    return new Promise<FetchResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        markTimedOut();
        reject(timeoutError(call));
      }, call.timeoutMs);
      pending.then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** One attempt aborted by its time limit or by the caller's signal. */
  async function attemptWithSignal(call: Prepared): Promise<FetchResult> {
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    if (call.timeoutMs <= 0) return await request(call.method, call.target, { ...call.init, signal });
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(abortOnTimeout, call.timeoutMs, controller, call);
    try {
      return await request(call.method, call.target, { ...call.init, signal: controller.signal });
    } catch (error) {
      if (controller.signal.reason instanceof TimeoutError) throw controller.signal.reason;
      if (signal?.aborted) throw signal.reason ?? error;
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function attempt(call: Prepared): Promise<FetchResult> {
    if (call.signal !== undefined || (abortTimeouts && call.timeoutMs > 0)) return attemptWithSignal(call);
    return call.timeoutMs > 0 ? attemptWithTimer(call) : request(call.method, call.target, call.init);
  }

  return attempt;
}
