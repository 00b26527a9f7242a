// Traps that show whether a run read what a hostile reference points at: a listener on loopback
// that counts connections, a marker file, and a FIFO whose opening is seen. A reader's open() of a
// FIFO blocks until a writer comes; the trap keeps trying to come as that writer (a non-blocking
// open fails with ENXIO while nobody reads), so a blocked reader is seen, fed the marker and set
// free instead of hanging the run.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ReadTraps {
  /** A URL on the listener, a regular file holding the marker, and a FIFO. */
  url: string;
  file: string;
  fifo: string;
  /** Text that appears in a run's output or files only if it read one of the traps. */
  marker: string;
  connections(): number;
  fifoOpened(): boolean;
  close(): Promise<void>;
}

export async function setReadTraps(): Promise<ReadTraps> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-traps-'));
  const marker = `specmill-trap-${path.basename(dir)}`;
  // A valid schema, so that a tool that reads it goes on as if the reference were fine.
  const body = JSON.stringify({ type: 'object', description: marker, properties: { [marker]: { type: 'string' } } });
  let connections = 0;
  const listener = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(body);
  });
  listener.on('connection', () => connections++);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const file = path.join(dir, 'schema.json');
  writeFileSync(file, body);
  const fifo = path.join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  let opened = false;
  const poll = setInterval(() => {
    let fd: number | undefined;
    try {
      fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch {
      return; // ENXIO: nobody has it open for reading
    }
    opened = true;
    try {
      writeSync(fd, body);
    } catch {
      /* the reader left: it opened the FIFO all the same */
    } finally {
      closeSync(fd);
    }
  }, 10);
  return {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/schema.json`,
    file,
    fifo,
    marker,
    connections: () => connections,
    fifoOpened: () => opened,
    close: async () => {
      clearInterval(poll);
      listener.closeAllConnections();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
