// A throwaway consumer project: the generated package and its one dependency installed under
// node_modules (as symlinks), so tests import clients exactly as a user's project would.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';

export interface ConsumerProject {
  dir: string;
  /** Writes a file into the project and returns its absolute path. */
  write(name: string, text: string): string;
  remove(): void;
}

export function createConsumerProject(): ConsumerProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-consumer-'));
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  symlinkSync(path.join(ROOT, 'generated'), path.join(modules, 'specmill-clients'), 'dir');
  symlinkSync(path.join(ROOT, 'node_modules/openapi-fetch'), path.join(modules, 'openapi-fetch'), 'dir');
  symlinkSync(path.join(ROOT, 'node_modules/openapi-typescript-helpers'), path.join(modules, 'openapi-typescript-helpers'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Imports one API of the generated package the way a consumer's code does: `specmill-clients/<api>`. */
export async function importAsConsumer<T>(consumer: ConsumerProject, api: string): Promise<T> {
  const entry = consumer.write(`${api}.mjs`, `export * from 'specmill-clients/${api}';\n`);
  return (await import(pathToFileURL(entry).href)) as T;
}
