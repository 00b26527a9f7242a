// Runs openapi-typescript on one document in a worker thread, so that its crashes, hangs and
// memory use stay out of the main process (see ../emit/emit-types.ts). Plain JavaScript: workers
// do not inherit the main thread's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import openapiTS, { astToString } from 'openapi-typescript';

try {
  const ast = await openapiTS(workerData.document, workerData.options);
  parentPort.postMessage({ ok: true, text: astToString(ast) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
