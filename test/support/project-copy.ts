// A temporary copy of this project (specs, output, config; the toolchain linked), so that tests
// can run `specmill generate` and `check` on it without touching the real one.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export interface ProjectCopy {
  dir: string;
  path(...parts: string[]): string;
  /** Every file under the copy's specs/ and generated/, with its content. */
  snapshot(): Map<string, string>;
  remove(): void;
}

function walk(dir: string, root: string, out: Map<string, string>): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file, root, out);
    else out.set(path.relative(root, file), readFileSync(file, 'utf8'));
  }
}

export function copyProject(): ProjectCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-project-'));
  for (const name of ['specs', 'generated']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of ['specmill.config.ts', 'redocly.yaml', 'package.json']) cpSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ['generator', 'templates', 'scripts', 'node_modules']) symlinkSync(path.join(ROOT, name), path.join(dir, name), 'dir');
  return {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    snapshot() {
      const out = new Map<string, string>();
      for (const name of ['specs', 'generated']) walk(path.join(dir, name), dir, out);
      return out;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
