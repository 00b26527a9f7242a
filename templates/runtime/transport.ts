// The `fetch` the runtime hands openapi-fetch: the caller's fetch (or the global one) with
// redirects followed by the runtime itself, so that no credential reaches another origin, network
// failures turned into redacted ConnectionErrors, and bodies held to `maxResponseBytes`.
//
// Redirects: every request asks fetch for `redirect: 'manual'`. Fetch on servers (Node's undici,
// and the others that are not browsers) answers the 3xx itself, and the runtime follows it under
// RedirectOptions. Browsers answer an opaque redirect (`type: 'opaqueredirect'`, as the Fetch
// standard requires: the target is hidden), so there the runtime refuses every redirect, as
// `redirect: 'error'` would, but with a RedirectError rather than a TypeError that looks like a
// network failure. No user-agent sniffing: the answer itself tells the two apart.
import { ConnectionError, RedirectError, ResponseTooLargeError } from './errors.js';
import { redactUrl } from './redact.js';

export interface RedirectOptions {
  /** Who follows redirects: `'runtime'` (default), under the rules below, or `'fetch'` (`redirect: 'follow'`, fetch's own rules, under which custom headers such as API keys go on to other origins). */
  follow?: 'runtime' | 'fetch';
  /** Redirects followed per attempt; one more is a RedirectError. Default 5. */
  maxHops?: number;
  /**
   * A hop to another origin: `'drop-credentials'` (default) sends only the `Accept`,
   * `Accept-Language`, `Content-Language`, `Content-Type` and `User-Agent` headers (no auth header,
   * API key, cookie or header of yours) and removes API-key query parameters from the target;
   * `'refuse'` raises RedirectError; `'keep'` sends every header on.
   */
  crossOrigin?: 'drop-credentials' | 'refuse' | 'keep';
  /** A 307 or 308 to another origin would send the request body again: `'refuse'` (default) raises RedirectError, `'resend'` sends it. */
  crossOriginBody?: 'refuse' | 'resend';
}

export const DEFAULT_REDIRECTS: Required<RedirectOptions> = { follow: 'runtime', maxHops: 5, crossOrigin: 'drop-credentials', crossOriginBody: 'refuse' };

export type Fetch = (request: Request) => Promise<Response>;

export interface TransportOptions {
  fetch: Fetch;
  redirects: Required<RedirectOptions>;
  /** Query parameters that carry credentials (API keys in the query). */
  credentialQuery: readonly string[];
  /** The idempotency header: it goes with the body, and only where the body goes. */
  idempotencyHeader: string;
  maxResponseBytes?: number;
}

/** Headers a hop to another origin keeps under `'drop-credentials'` (Content-Type only with the body). */
const CROSS_ORIGIN_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'user-agent']);
/** The Fetch standard's request-body-header names: dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length'];

function isRedirect(status: number): boolean {
  return (status > 300 && status < 304) || status === 307 || status === 308;
}

function describe(request: Request): string {
  return `${request.method} ${redactUrl(request.url)}`;
}

function discard(response: Response): void {
  // The connection goes back to the pool (or closes) without reading what nobody wants.
  response.body?.cancel().catch(() => undefined);
}

/** What a failed fetch becomes: the abort reason as it is (the caller's, or the time limit's), else a ConnectionError. */
function fetchFailure(request: Request, error: unknown): unknown {
  if (request.signal?.aborted) return request.signal.reason ?? error;
  return new ConnectionError(`${describe(request)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

async function fetchOnce(fetch: Fetch, request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    throw fetchFailure(request, error);
  }
}

/** Counts the body as it streams; past `max` bytes the read fails with ResponseTooLargeError. */
function limitBody(response: Response, max: number, request: Request): Response {
  const tooLarge = () => new ResponseTooLargeError(`${describe(request)}: the response body is longer than maxResponseBytes (${max})`, { status: response.status, maxResponseBytes: max });
  const declared = response.headers.get('content-length');
  if (declared !== null && !response.headers.has('content-encoding') && Number(declared) > max) {
    discard(response);
    throw tooLarge();
  }
  if (response.body === null) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperties(limited, { url: { value: response.url }, redirected: { value: response.redirected } });
  return limited;
}

/** The next request of a redirect chain, or a RedirectError when the policy forbids the hop. */
function nextHop(current: Request, response: Response, hops: number, body: ArrayBuffer | undefined, options: TransportOptions): Request {
  const { redirects } = options;
  const status = response.status;
  const location = response.headers.get('location')!;
  const refuse = (why: string) => new RedirectError(`${describe(current)} was redirected (${status}) to ${redactUrl(location)}: not followed, ${why}`, { status, location });
  if (hops >= redirects.maxHops) throw refuse(`more than ${redirects.maxHops} redirects (redirects.maxHops)`);
  let target: URL;
  try {
    target = new URL(location, current.url);
  } catch {
    throw refuse('the Location is not a URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw refuse('the Location is not http or https');
  if (target.username !== '' || target.password !== '') throw refuse('the Location carries credentials');
  const crossOrigin = target.origin !== new URL(current.url).origin;
  let method = current.method;
  // 303, and 301/302 after a POST, turn the request into a GET without its body (as fetch does).
  const toGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  if (toGet) method = 'GET';
  const withBody = !toGet && body !== undefined;
  if (crossOrigin && redirects.crossOrigin === 'refuse') throw refuse('it leads to another origin (redirects.crossOrigin is "refuse")');
  if (crossOrigin && withBody && redirects.crossOriginBody === 'refuse') throw refuse(`a ${status} to another origin would send the body again (redirects.crossOriginBody is "refuse")`);
  const headers = new Headers(current.headers);
  if (!withBody) {
    for (const name of BODY_HEADERS) headers.delete(name);
    headers.delete(options.idempotencyHeader);
  }
  if (crossOrigin && redirects.crossOrigin === 'drop-credentials') {
    for (const name of [...headers.keys()]) {
      // The idempotency key is still there only when the body goes on (see above), and goes with it.
      if (!CROSS_ORIGIN_HEADERS.has(name) && name !== options.idempotencyHeader.toLowerCase()) headers.delete(name);
    }
    for (const name of options.credentialQuery) if (target.searchParams.has(name)) target.searchParams.delete(name);
  }
  return new Request(target, { method, headers, body: withBody ? body : null, redirect: 'manual', signal: current.signal });
}

/**
 * The transport of one client. `strict` is for pages of a paginated list: their redirects may not
 * leave the origin at all, whatever the client's policy, as next links may not.
 */
export function createTransport(options: TransportOptions, strict = false): Fetch {
  const fetch = options.fetch;
  const max = options.maxResponseBytes;
  const follow = options.redirects.follow === 'runtime';
  const hopOptions: TransportOptions = strict ? { ...options, redirects: { ...options.redirects, crossOrigin: 'refuse' } } : options;

  async function followRedirects(first: Request, response: Response, copy: Request | undefined): Promise<Response> {
    let current = first;
    let body: ArrayBuffer | undefined;
    for (let hops = 0; ; hops++) {
      if (response.type === 'opaqueredirect') {
        throw new RedirectError(`${describe(current)} was redirected, and this fetch hides where to (browsers do): not followed. Pass redirects: { follow: 'fetch' } to let fetch follow redirects by its own rules.`, { status: 0, location: '' });
      }
      if (!isRedirect(response.status) || !response.headers.has('location')) return response;
      discard(response);
      // Read once, on the first hop: later hops send these bytes (or nothing, once a hop made it a GET).
      if (copy) body = await copy.arrayBuffer();
      copy = undefined;
      current = nextHop(current, response, hops, body, hopOptions);
      if (current.method === 'GET' || current.method === 'HEAD') body = undefined;
      response = await fetchOnce(fetch, current);
    }
  }

  return async (request: Request): Promise<Response> => {
    // A 307/308 sends the body again, and fetch has consumed it by then: keep a copy.
    const copy = follow && request.body !== null ? request.clone() : undefined;
    let response: Response;
    // Not fetchOnce: one async step less on every request.
    try {
      response = await fetch(request);
    } catch (error) {
      throw fetchFailure(request, error);
    }
    if (follow && (response.type === 'opaqueredirect' || isRedirect(response.status))) response = await followRedirects(request, response, copy);
    return max === undefined ? response : limitBody(response, max, request);
  };
}
