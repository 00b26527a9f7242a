// `schema.d.ts`: openapi-typescript's types for the whole spec (paths, components, operations).
// openapi-typescript is third-party code fed untrusted names: it runs in a worker with a time and
// memory limit, and names it is known to crash on are swapped for placeholders around the call.
import { Worker } from 'node:worker_threads';
import { isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../openapi-types.js';
import { escapeInvisible, stringLiteral } from '../plan/naming.js';
import { prepareTypesInput } from './types-input.js';

const WORKER = new URL('../workers/openapi-typescript.worker.mjs', import.meta.url);
const TIME_LIMIT_MS = 120_000;
const MEMORY_LIMIT_MB = 4096;

/**
 * openapi-typescript 7 throws on schema and property names that are Object.prototype members
 * (`valueOf`, `hasOwnProperty`, ...): it reads them off plain objects. `constructor` and
 * `toString` survive; the rest are swapped for placeholders and swapped back in the output.
 */
const PROTOTYPE_NAMES = new Set(
  Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== 'constructor' && n !== 'toString'),
);

function placeholder(index: number): string {
  return `__specmillName${index}__`;
}

/** Renames prototype-member keys (and the `required` entries and `$ref`s naming them) in place. */
function protectNames(doc: JsonObject): Map<string, string> {
  const swaps = new Map<string, string>();
  const swap = (name: string) => {
    let token = swaps.get(name);
    if (!token) swaps.set(name, (token = placeholder(swaps.size)));
    return token;
  };
  const stack: JsonValue[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === 'required' && Array.isArray(value)) {
        node.required = value.map((v) => (typeof v === 'string' && PROTOTYPE_NAMES.has(v) ? swap(v) : v));
      } else if (key === '$ref' && typeof value === 'string') {
        node.$ref = value
          .split('/')
          .map((segment) => (PROTOTYPE_NAMES.has(segment) ? swap(segment) : segment))
          .join('/');
      }
      if (PROTOTYPE_NAMES.has(key)) {
        delete node[key];
        node[swap(key)] = value;
      }
      if (value !== undefined && typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return swaps;
}

function restoreNames(text: string, swaps: Map<string, string>): string {
  let out = text;
  for (const [name, token] of swaps) {
    // Quoted first (`["token"]`, `"token":`), then bare property names (`token?:`).
    out = out.replaceAll(`"${token}"`, stringLiteral(name)).replaceAll(token, stringLiteral(name));
  }
  return out;
}

export class ThirdPartyError extends Error {
  override readonly name = 'ThirdPartyError';
}

function runWorker(document: JsonObject): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      // JSON text crosses to the worker faster than a structured clone of a large object graph.
      workerData: { json: JSON.stringify(document), options: { emptyObjectsUnknown: true } },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ThirdPartyError(`openapi-typescript took longer than ${TIME_LIMIT_MS / 1000} s`));
    }, TIME_LIMIT_MS);
    worker.once('message', (message: { ok: boolean; text?: string; message?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.ok && typeof message.text === 'string') resolve(message.text);
      else reject(new ThirdPartyError(`openapi-typescript failed: ${message.message ?? 'no message'}`));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new ThirdPartyError(`openapi-typescript crashed: ${error.message}`));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new ThirdPartyError(`openapi-typescript stopped (exit code ${code}${code === 1 ? ', out of memory or killed' : ''})`));
    });
  });
}

export async function emitSchemaTypes(doc: OpenApiDocument): Promise<string> {
  // `type: object` with no properties is free-form in JSON Schema, not `Record<string, never>`:
  // hence emptyObjectsUnknown above.
  const copy = prepareTypesInput(doc);
  // redocly's bundle (which openapi-typescript's own entry runs) always adds `components`; so do we,
  // so that `components['schemas']` exists for every API.
  copy.components ??= {};
  const swaps = protectNames(copy);
  return escapeInvisible(restoreNames(await runWorker(copy), swaps));
}
