// The errors a generated client raises. One class per failure kind so that callers can tell a
// documented API error (typed body) from a broken response or a network failure.

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
  /** The response itself (its body already read), for anything the spec does not document. */
  readonly response: Response;
  /** The body exactly as received. */
  readonly rawText: string;
  /** Whether the spec documents this status for the operation (or has a `default` response). */
  readonly documented: boolean;
  readonly method: string;
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
    super(`${init.method.toUpperCase()} ${redactUrl(init.url)} failed with status ${init.status} (${init.operationId})`);
    this.operationId = init.operationId;
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.response = init.response;
    this.rawText = init.rawText;
    this.documented = init.documented;
    this.method = init.method;
    this.url = init.url;
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

/** A request the client refuses to send: a bad path parameter, a header with CR/LF, no base URL. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
}

/** The request never got a response (DNS, refused or reset connection...). */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt that took longer than its time limit. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** URLs may carry credentials (`?api_key=`, `user:pass@`): messages never show them. */
export function redactUrl(url: string): string {
  const q = url.search(/[?#]/);
  const withoutQuery = q === -1 ? url : `${url.slice(0, q)}?…`;
  return withoutQuery.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1…@');
}
