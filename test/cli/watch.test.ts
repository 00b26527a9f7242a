// `specmill generate --watch` on a copy of the project: an edited page regenerates only its API
// and prints the one-line diff summary; an edited config regenerates only the API whose settings
// changed; SIGINT stops it cleanly; what it wrote is exactly what a full run writes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { copyProject, type ProjectCopy } from '../support/project-copy.js';
import { runCli } from '../support/run-cli.js';

const WATCHING = 'specmill: watching for changes (Ctrl-C to stop)';

let project: ProjectCopy;
let child: ChildProcessWithoutNullStreams;
let stderr = '';

/** Resolves with the stderr written since `from` once it matches `pattern`. */
function waitFor(pattern: RegExp, from: number, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = stderr.slice(from);
      if (!pattern.test(text)) return false;
      clearTimeout(timer);
      child.stderr.off('data', check);
      resolve(text);
      return true;
    };
    const timer = setTimeout(() => {
      child.stderr.off('data', check);
      reject(new Error(`no ${pattern} within ${timeoutMs} ms; stderr since then:\n${stderr.slice(from)}`));
    }, timeoutMs);
    if (!check()) child.stderr.on('data', check);
  });
}

/** The APIs that stage-timing lines (--verbose) name. */
function apisRun(text: string): string[] {
  return [...new Set([...text.matchAll(/^ {2}([a-z0-9-]+) (?:import|normalize|overlay|model|plan): \d+ ms$/gm)].map((m) => m[1]!))];
}

beforeAll(async () => {
  project = copyProject();
  child = spawn(process.execPath, [path.join(ROOT, 'scripts/specmill.mjs'), 'generate', '--watch', '--no-lint', '--verbose'], {
    cwd: project.dir,
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  await waitFor(new RegExp(WATCHING.replace(/[()]/g, '\\$&')), 0, 120_000);
}, 150_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  project.remove();
});

describe('specmill generate --watch', () => {
  it('regenerates only the API whose page changed and prints its diff summary', async () => {
    const from = stderr.length;
    const page = project.path('specs/flowkiwi/sources/create-instance.txt');
    const text = readFileSync(page, 'utf8');
    // A new optional request property: one change, not breaking.
    writeFileSync(page, text.replace('Request body\n\nPropertyTypeRequiredDescription\n', 'Request body\n\nPropertyTypeRequiredDescription\nnotestring-Free text about the instance.\n'));
    const output = await waitFor(/flowkiwi: 1 change \(0 breaking\)\n(.|\n)*watching for changes/, from);
    expect(output).toContain('specmill: flowkiwi changed; generating');
    expect(apisRun(output)).toEqual(['flowkiwi']);
    expect(readFileSync(project.path('specs/flowkiwi/openapi.yaml'), 'utf8')).toContain('Free text about the instance.');
  });

  it('regenerates only the API whose settings in the config changed', async () => {
    const from = stderr.length;
    const config = project.path('specmill.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace("'elastic-cloud': { title: 'Elastic Cloud API' }", "'elastic-cloud': { title: 'Elastic Cloud API (watched)' }"));
    const output = await waitFor(/specmill: 4 API\(s\)(.|\n)*watching for changes/, from);
    expect(output).toContain('specmill: elastic-cloud changed; generating');
    expect(apisRun(output)).toEqual(['elastic-cloud']);
    expect(output).toMatch(/^elastic-cloud: /m);
    expect(readFileSync(project.path('specs/elastic-cloud/openapi.yaml'), 'utf8')).toContain('title: Elastic Cloud API (watched)');
  });

  it('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('specmill: stopped watching');
  });

  it('left output that a full run agrees with, byte for byte', () => {
    const check = runCli(['check'], project.dir);
    expect(check.stderr).toContain('up to date');
    expect(check.status).toBe(0);
  });
});
