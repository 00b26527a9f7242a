// A new project made by the real `specmill init` in a temporary folder, with specmill itself
// linked as its dependency (node_modules/specmill), as a user's project would have it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { runCli, type CliResult } from './run-cli.js';

export interface InitProject {
  dir: string;
  init: CliResult;
  path(...parts: string[]): string;
  remove(): void;
}

export function createInitProject(): InitProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-init-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'specmill'), 'dir');
  const init = runCli(['init'], dir);
  return { dir, init, path: (...parts) => path.join(dir, ...parts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
