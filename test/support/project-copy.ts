// A temporary copy of this project (specs, output, config; the toolchain linked), so that tests
// can run `specmill generate` and `check` on it without touching the real one. With `git: true`
// the copy is its own git repository with everything committed, for `specmill diff`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export interface ProjectCopy {
  dir: string;
  path(...parts: string[]): string;
  /** Every file under the copy's specs/ and generated/, with its content. */
  snapshot(): Map<string, string>;
  /** Commits every change in the copy (only for a copy made with `git: true`). */
  commit(message: string): void;
  remove(): void;
}

function walk(dir: string, root: string, out: Map<string, string>): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file, root, out);
    else out.set(path.relative(root, file), readFileSync(file, 'utf8'));
  }
}

/** git in the copy, as arguments (no shell), with a fixed identity and no user or system config. */
function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'specmill tests', GIT_AUTHOR_EMAIL: 'tests@specmill.invalid', GIT_COMMITTER_NAME: 'specmill tests', GIT_COMMITTER_EMAIL: 'tests@specmill.invalid' },
  });
}

export function copyProject(options: { git?: boolean } = {}): ProjectCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-project-'));
  for (const name of ['specs', 'generated']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of ['specmill.config.ts', 'redocly.yaml', 'package.json']) cpSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ['generator', 'templates', 'scripts', 'node_modules']) symlinkSync(path.join(ROOT, name), path.join(dir, name), 'dir');
  const commit = (message: string) => {
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--allow-empty', '-m', message);
  };
  if (options.git) {
    git(dir, 'init', '--quiet');
    commit('the project as copied');
  }
  return {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    snapshot() {
      const out = new Map<string, string>();
      for (const name of ['specs', 'generated']) walk(path.join(dir, name), dir, out);
      return out;
    },
    commit,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
