// lint: runs the real @redocly/cli on spec files with the project's redocly.yaml, in a child
// process so that its crashes and hangs become an error rather than ours.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface LintResult {
  ok: boolean;
  output: string;
  /** What the tool wrote on stdout alone (redocly's `--format json` report). */
  stdout?: string;
}

/** One problem redocly found, where it found it (1-based line and column). */
export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** The file as given to redocly (relative to the project root). */
  file: string;
  pointer: string;
  line?: number;
  column?: number;
}

const require = createRequire(import.meta.url);
const REDOCLY_BIN = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const LINT_TIMEOUT_MS = 120_000;

export interface LintOptions {
  /** Rule severities over redocly.yaml's (the config's `lint.rules`). */
  rules?: Readonly<Record<string, string>>;
}

/**
 * The redocly config to lint with: the project's own, or a temporary one that extends it with the
 * config's rules, so that redocly.yaml stays the one place rules are written by hand.
 */
function lintConfig(root: string, rules: Readonly<Record<string, string>>): { file: string; dispose(): void } {
  const projectConfig = path.join(root, 'redocly.yaml');
  if (Object.keys(rules).length === 0) return { file: projectConfig, dispose: () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-redocly-'));
  const file = path.join(dir, 'redocly.yaml');
  // JSON is YAML; rule ids and severities were checked by resolveConfig.
  writeFileSync(file, `${JSON.stringify({ extends: [projectConfig], rules }, null, 2)}\n`);
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function lintSpecs(root: string, files: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const config = lintConfig(root, options.rules ?? {});
  return runRedocly(root, ['lint', ...files, '--config', config.file, '--format', 'codeframe']).finally(() => config.dispose());
}

/** Redocly's `--format json` prints one JSON document per file linted, one after the other. */
function splitJsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if ((c === '}' || c === ']') && --depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
  }
  if (depth !== 0) throw new Error('unfinished JSON');
  return values;
}

/** Lints as `lintSpecs` does, but returns each problem with its place; `failure` when redocly itself failed. */
export async function lintSpecsStructured(root: string, files: readonly string[], options: LintOptions = {}): Promise<{ problems: LintProblem[] } | { failure: string }> {
  const config = lintConfig(root, options.rules ?? {});
  const run = await runRedocly(root, ['lint', ...files, '--config', config.file, '--format', 'json']).finally(() => config.dispose());
  try {
    const reports = splitJsonValues(run.stdout ?? '') as { problems: { ruleId: string; severity: string; message: string; location: { source: { ref: string }; pointer: string; start?: { line: number; col: number } }[] }[] }[];
    if (reports.length === 0) throw new Error('no report');
    return {
      problems: reports.flatMap((report) => report.problems).map((p) => {
        const at = p.location[0];
        return {
          ruleId: p.ruleId,
          severity: p.severity === 'error' ? 'error' : 'warn',
          message: p.message,
          file: at?.source.ref ?? '',
          pointer: at?.pointer ?? '#/',
          ...(at?.start ? { line: at.start.line, column: at.start.col } : {}),
        };
      }),
    };
  } catch {
    return { failure: run.output };
  }
}

/** Runs one redocly command (`lint ...`, `build-docs ...`) in a child process with a time and memory limit. */
export function runRedocly(root: string, command: readonly string[]): Promise<LintResult> {
  return new Promise((resolve) => {
    const args = ['--max-old-space-size=2048', REDOCLY_BIN, ...command];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: LINT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Chunks are joined before decoding, so that no character is split between two of them.
    const both: Buffer[] = [];
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      both.push(chunk);
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => both.push(chunk));
    child.on('error', (e) => resolve({ ok: false, output: `cannot run redocly: ${e.message}` }));
    child.on('close', (code, signal) => {
      // Redocly prints a Node-version banner on Node 20; it is not about the specs.
      const output = Buffer.concat(both).toString('utf8');
      const stdout = Buffer.concat(out).toString('utf8');
      const text = output.replace(/^\s*[╔║╚].*$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
      if (signal) resolve({ ok: false, output: `redocly ${command[0]} stopped (${signal}) after ${LINT_TIMEOUT_MS / 1000} s\n${text}` });
      else resolve({ ok: code === 0, output: text, stdout });
    });
  });
}
