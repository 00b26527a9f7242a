// A real HTTP server on 127.0.0.1 for end-to-end tests: records every request and answers with
// whatever the test queued for the route.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The raw request target, exactly as sent (path and query, still encoded). */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The client closed the connection before the reply was complete (an aborted request). */
  aborted?: boolean;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Drops the connection instead of answering. */
  reset?: boolean;
}

export interface ServerOptions {
  /**
   * Answer browsers on other origins: CORS headers on every reply (every response header
   * exposed, so `.withResponse()` sees them) and CORS preflights answered 204, not recorded.
   */
  cors?: boolean;
}

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** The CORS preflights answered (only with `cors`), kept apart from `requests`. */
  preflights: RecordedRequest[];
  /** Sets the replies for the next requests, in order; the last one repeats. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

function corsHeaders(req: IncomingMessage, reply: Reply | undefined): Record<string, string> {
  const exposed = Object.keys({ 'content-type': '', ...reply?.headers }).join(', ');
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': exposed,
    vary: 'Origin',
  };
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const preflights: RecordedRequest[] = [];
  let queue: Reply[] = [{ status: 200, body: '{}' }];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      if (options.cors && req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        preflights.push(recorded);
        res.writeHead(204, {
          ...corsHeaders(req, undefined),
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      requests.push(recorded);
      res.on('close', () => {
        if (!res.writableFinished) recorded.aborted = true;
      });
      const reply = queue.length > 1 ? queue.shift()! : queue[0]!;
      const answer = () => {
        if (reply.reset) {
          req.socket.destroy();
          return;
        }
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers, ...(options.cors ? corsHeaders(req, reply) : {}) });
        res.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    preflights,
    reply: (...replies) => {
      queue = replies;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}
