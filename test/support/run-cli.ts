// Runs the real `specmill` bin in a child process, as a user's shell would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The child's environment: ours with NO_COLOR set, then `env` on top (an `undefined` value removes a variable). */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function runCli(args: readonly string[], cwd = ROOT, env: Record<string, string | undefined> = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/specmill.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the bin without blocking this process (so that a test can watch what the child does while
 * it runs). A child still running after `limitMs` is killed and reported `hung`: a bound on a run
 * that should end, not a measure of its speed.
 */
export function runCliAsync(args: readonly string[], cwd: string, options: { env?: Record<string, string | undefined>; limitMs?: number } = {}): Promise<CliResult & { hung: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/specmill.mjs'), ...args], { cwd, env: childEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const limit = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, options.limitMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(limit);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(limit);
      resolve({ status, stdout, stderr, hung });
    });
  });
}

/** Whether `script` (util-linux) is here to give the CLI a real terminal. */
export const hasScript = existsSync('/usr/bin/script');

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the bin on a pseudo-terminal (util-linux `script`), as in a user's terminal: stdout and
 * stderr arrive together in `output`, with whatever escape codes the CLI wrote.
 */
export function runCliInTerminal(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): { status: number | null; output: string } {
  const command = [process.execPath, path.join(ROOT, 'scripts/specmill.mjs'), ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd,
    encoding: 'utf8',
    env: childEnv({ COLUMNS: '120', TERM: 'xterm-256color', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, output: result.stdout };
}
