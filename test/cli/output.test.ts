// How generate talks, through the real CLI on a new project: plain lines under CI, JSON events
// with --json, stage timings with --verbose, and on a terminal a progress line and colours, never
// with NO_COLOR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitProject, type InitProject } from '../support/init-project.js';
import { hasScript, runCli, runCliInTerminal } from '../support/run-cli.js';

// An SGR sequence (colour, bold, dim): what NO_COLOR forbids.
const SGR = /\u001b\[[0-9;]*m/;

let project: InitProject;
beforeAll(() => {
  project = createInitProject();
  expect(project.init.status).toBe(0);
});
afterAll(() => project.remove());

describe('generate output', () => {
  it('under CI: plain lines on stderr, no progress line, no colour; --verbose adds each stage time', () => {
    const result = runCli(['generate', '--no-lint', '--force', '--verbose'], project.dir, { CI: 'true', NO_COLOR: undefined });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/[\r\u001b]/);
    const lines = result.stderr.trimEnd().split('\n');
    for (const stage of ['import', 'normalize', 'overlay', 'model', 'plan']) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  example ${stage}: \\d+ ms$`)));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}runtime: \d+ ms$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}write: \d+ ms$/));
    expect(lines).toContain('example: new spec with 1 operation');
    expect(lines.at(-1)).toMatch(/^specmill: 1 API\(s\): \d+ files written, 0 unchanged$/);
  });

  it('--json: one JSON object per event on stdout, nothing on stderr', () => {
    const result = runCli(['generate', '--no-lint', '--force', '--json'], project.dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const events = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { event: string; stage?: string; api?: string; ms?: number; ok?: boolean; unchanged?: number });
    expect(events.filter((e) => e.event === 'stage').map((e) => `${e.api ?? ''}:${e.stage}`)).toEqual(expect.arrayContaining(['example:import', 'example:normalize', ':runtime', ':write']));
    expect(events.every((e) => e.event !== 'stage' || typeof e.ms === 'number')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'done', ok: true, apis: 1, written: [] });
  });

  it('--json reports a missing config as a diagnostic event', () => {
    const broken = runCli(['docs', '--json', '--out', project.path('docs-site')], project.path('specs'));
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout.trim())).toMatchObject({ event: 'diagnostic', severity: 'error', message: expect.stringContaining('no specmill config here') });
  });

  it.skipIf(!hasScript)('on a terminal: a progress line that updates in place, and colours', () => {
    const result = runCliInTerminal(['generate', '--no-lint', '--force'], project.dir, { NO_COLOR: undefined, CI: undefined });
    expect(result.status).toBe(0);
    expect(result.output).toMatch(/\r\u001b\[2K\u001b\[2mspecmill \[1\/1\] example: import/);
    expect(result.output).toMatch(/\u001b\[32mspecmill: 1 API\(s\)/);
  });

  it.skipIf(!hasScript)('on a terminal with NO_COLOR: progress but not one colour', () => {
    const result = runCliInTerminal(['generate', '--no-lint', '--force'], project.dir, { NO_COLOR: '1', CI: undefined });
    expect(result.status).toBe(0);
    expect(result.output).toContain('specmill [1/1] example: import');
    expect(result.output).not.toMatch(SGR);
  });

  it.skipIf(!hasScript)('on a terminal under CI: lines only', () => {
    const result = runCliInTerminal(['generate', '--no-lint', '--force'], project.dir, { NO_COLOR: '1', CI: 'true' });
    expect(result.status).toBe(0);
    expect(result.output).not.toContain('\u001b[2K');
    expect(result.output).toContain('specmill: 1 API(s)');
  });
});
