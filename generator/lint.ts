// lint: runs the real @redocly/cli on spec files with the project's redocly.yaml, in a child
// process so that its crashes and hangs become an error rather than ours.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LintResult {
  ok: boolean;
  output: string;
}

const require = createRequire(import.meta.url);
const REDOCLY_BIN = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const LINT_TIMEOUT_MS = 120_000;

export function lintSpecs(root: string, files: readonly string[]): Promise<LintResult> {
  return new Promise((resolve) => {
    const args = ['--max-old-space-size=2048', REDOCLY_BIN, 'lint', ...files, '--config', path.join(root, 'redocly.yaml'), '--format', 'codeframe'];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: LINT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (e) => resolve({ ok: false, output: `cannot run redocly: ${e.message}` }));
    child.on('close', (code, signal) => {
      // Redocly prints a Node-version banner on Node 20; it is not about the specs.
      const text = output.replace(/^\s*[╔║╚].*$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
      if (signal) resolve({ ok: false, output: `redocly lint stopped (${signal}) after ${LINT_TIMEOUT_MS / 1000} s\n${text}` });
      else resolve({ ok: code === 0, output: text });
    });
  });
}
