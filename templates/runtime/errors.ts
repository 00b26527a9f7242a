// The errors a generated client raises. One class per failure kind, so that callers can tell a
// documented API error (typed body) from a broken response, a network failure or a request that
// could never be sent. No message, URL or cause carries a credential (see redact.ts).
import { redactText, redactUrl } from './redact.js';

/** A non-2xx response. `status` narrows `body` to the operation's documented error body. */
export class ApiError<
  TOperation extends string = string,
  TStatus extends number = number,
  TBody = unknown,
  THeaders = Record<string, string | undefined>,
> extends Error {
  override readonly name = 'ApiError';
  readonly operationId: TOperation;
  readonly status: TStatus;
  /** The parsed body: JSON when the response said so and it parsed, else the raw text. */
  readonly body: TBody;
  /** The response headers the spec documents for this status, by the names it gives them. */
  readonly headers: THeaders;
  /**
   * The response itself (its body already read), for anything the spec does not document. Not
   * enumerable: its `url` is the raw one, so logging the error (`JSON.stringify`, `util.inspect`)
   * leaves it out.
   */
  declare readonly response: Response;
  /** The body exactly as received. */
  readonly rawText: string;
  /** Whether the spec documents this status for the operation (or has a `default` response). */
  readonly documented: boolean;
  readonly method: string;
  /** The URL that answered, redacted: query values, userinfo and fragment are `…`. */
  readonly url: string;

  constructor(init: {
    operationId: TOperation;
    status: TStatus;
    body: TBody;
    headers: THeaders;
    response: Response;
    rawText: string;
    documented: boolean;
    method: string;
    url: string;
  }) {
    const url = redactUrl(init.url);
    super(`${init.method.toUpperCase()} ${url} failed with status ${init.status} (${init.operationId})`);
    this.operationId = init.operationId;
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false });
    this.rawText = init.rawText;
    this.documented = init.documented;
    this.method = init.method;
    this.url = url;
  }
}

/** A 2xx response whose body is not what the operation documents (not JSON, empty, HTML...). */
export class ResponseParseError extends Error {
  override readonly name = 'ResponseParseError';
  readonly status: number;
  readonly rawText: string;
  readonly headers: Headers;
  constructor(message: string, init: { status: number; rawText: string; headers: Headers }) {
    super(message);
    this.status = init.status;
    this.rawText = init.rawText;
    this.headers = init.headers;
  }
}

/**
 * A request the client refuses to build, before anything is sent: a bad path parameter, an
 * invalid header name or value, a base URL with credentials, a query value no URL can carry.
 * Never retried.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
}

/**
 * A redirect the client would not follow: too many hops, a hop it may not take under the redirect
 * policy (another origin with a body, or with `crossOrigin: 'refuse'`), or one that fetch hides
 * (browsers). Never retried.
 */
export class RedirectError extends Error {
  override readonly name = 'RedirectError';
  /** The status of the redirect refused (0 where fetch hides it). */
  readonly status: number;
  /** Where it pointed, redacted; empty where fetch hides it. */
  readonly location: string;
  constructor(message: string, init: { status: number; location: string }) {
    super(message);
    this.status = init.status;
    this.location = init.location === '' ? '' : redactUrl(init.location);
  }
}

/** A response body longer than the client's `maxResponseBytes`; reading stopped there. Never retried. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  readonly status: number;
  readonly maxResponseBytes: number;
  constructor(message: string, init: { status: number; maxResponseBytes: number }) {
    super(message);
    this.status = init.status;
    this.maxResponseBytes = init.maxResponseBytes;
  }
}

/** A list that would never end: its next link, cursor or page came back again. */
export class PaginationError extends Error {
  override readonly name = 'PaginationError';
  /** Pages fetched before the walk stopped. */
  readonly pages: number;
  constructor(message: string, init: { pages: number }) {
    super(message);
    this.pages = init.pages;
  }
}

/**
 * The request never got a whole response (DNS, refused or reset connection...). The message and
 * `cause` are fetch's, redacted: the cause chain holds copies (name, message, `code`), never the
 * originals, whose messages and fields may quote a URL or header value.
 */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactText(message), options?.cause === undefined ? undefined : { cause: redactCause(options.cause, 0) });
  }
}

/** An attempt that took longer than its time limit. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

function redactCause(cause: unknown, depth: number): Error {
  const source = (cause ?? {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const inner = depth < 4 && source.cause !== undefined && source.cause !== null ? { cause: redactCause(source.cause, depth + 1) } : undefined;
  const copy = new Error(redactText(String(source.message ?? cause)), inner) as Error & { code?: string };
  if (typeof source.name === 'string') copy.name = source.name;
  if (typeof source.code === 'string') copy.code = source.code;
  return copy;
}
