// `maxResponseBytes` against a real server on 127.0.0.1 that sends too much: with a length it
// declares, in an endless chunked stream, gzipped (small on the wire, large once inflated), and as
// the body of an error status. The body is counted as it streams, so reading stops at the limit.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../../templates/runtime/client.js';
import type { OperationSpec } from '../../templates/runtime/contracts.js';
import { ResponseTooLargeError } from '../../templates/runtime/errors.js';

const LIMIT = 100_000;
const CHUNK = Buffer.alloc(64 * 1024, 'x');
const ENDLESS = 256 * 1024 * 1024;

let server: Server;
let baseUrl: string;
const hits = new Map<string, number>();
/** Bytes the endless stream had written when the client went away. */
let streamed = { bytes: 0, closed: false };

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (req.url === '/small') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else if (req.url === '/declared') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(LIMIT + 1) }).end(Buffer.alloc(LIMIT + 1, ' '));
    } else if (req.url === '/gzip') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(10 * LIMIT, ' ')));
    } else {
      // An endless body (no length), written as fast as the client reads it: /stream with 200, /error with 503.
      res.writeHead(req.url === '/error' ? 503 : 200, { 'content-type': 'application/json' });
      const progress = { bytes: 0, closed: false };
      streamed = progress;
      res.on('close', () => {
        progress.closed = true;
      });
      const pump = () => {
        while (!progress.closed && progress.bytes < ENDLESS) {
          progress.bytes += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', pump);
        }
        if (!progress.closed) res.end();
      };
      pump();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => hits.clear());

const operation = (path: string): OperationSpec => ({ operationId: 'get', method: 'get', path, errors: ['5XX'], json: ['200', '5XX'] });
const runtime = () => createRuntime({ baseUrl, maxResponseBytes: LIMIT, retry: { initialDelayMs: 1, maxDelayMs: 5 } }, { title: 'T', servers: [], securitySchemes: {} });

describe('maxResponseBytes', () => {
  it('lets a body within the limit through', async () => {
    expect(await runtime().call(operation('/small'), {})).toEqual({ ok: true });
  });

  it.each([
    ['a declared length past the limit', '/declared', 200],
    ['a gzipped body that inflates past the limit', '/gzip', 200],
    ['an endless stream', '/stream', 200],
    ['an endless error body', '/error', 503],
  ])('%s is a ResponseTooLargeError, not retried', async (_name, path, status) => {
    const error = await runtime().call(operation(path), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status, maxResponseBytes: LIMIT });
    expect((error as Error).message).toBe(`GET ${baseUrl}${path}: the response body is longer than maxResponseBytes (${LIMIT})`);
    expect(hits.get(path)).toBe(1);
  });

  it('stops reading at the limit: the server is cut off, not drained', async () => {
    await expect(runtime().call(operation('/stream'), {})).rejects.toBeInstanceOf(ResponseTooLargeError);
    await vi.waitFor(() => expect(streamed.closed).toBe(true));
    // Socket buffers hold a few MiB at most; a client that read it all would take 256 MiB.
    expect(streamed.bytes).toBeLessThan(32 * 1024 * 1024);
  });
});
