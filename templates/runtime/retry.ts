// When and how long to wait before trying a request again: exponential backoff with full jitter,
// and `Retry-After` honoured only when it is readable, not in the past and within
// `maxRetryAfterMs` (60 s by default); otherwise the client's own backoff applies. No wait is
// longer than `maxDelayMs`, and a caller's signal cuts any wait short.

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** The first backoff's ceiling, in ms; it doubles each retry. Default 500. */
  initialDelayMs?: number;
  /** No backoff or Retry-After wait is longer than this, in ms. Default 30 000. */
  maxDelayMs?: number;
  /**
   * A `Retry-After` asking for longer than this (in ms) is ignored in favour of the backoff, as is
   * one that is unreadable or in the past. Default 60 000.
   */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };

/** Per-call options over the client's, the client's over the defaults; `false` turns retries off. */
export function mergeRetry(base: Required<RetryOptions> | false, override: RetryOptions | false | undefined): Required<RetryOptions> | false {
  if (override === undefined) return base;
  if (override === false) return false;
  return { ...(base || DEFAULT_RETRY), ...override };
}

const IDEMPOTENT_METHODS = new Set(['get', 'head', 'options', 'put', 'delete', 'trace']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toLowerCase());
}

/** 408, 429 and 5xx except 501 (Not Implemented will not change on a retry). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status <= 599);
}

/**
 * `Retry-After` as ms from now: delay-seconds or an HTTP date. Undefined when absent, unreadable
 * (`-5`, `soon`) or a date already past: the caller then uses its own backoff, not "now".
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) || date < now ? undefined : date - now;
}

/** The wait before retry number `retry` (1-based), in ms. */
export function retryDelay(retry: number, options: Required<RetryOptions>, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs <= options.maxRetryAfterMs) return Math.min(retryAfterMs, options.maxDelayMs);
  const ceiling = Math.min(options.initialDelayMs * 2 ** (retry - 1), options.maxDelayMs);
  return Math.floor(random() * ceiling);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
