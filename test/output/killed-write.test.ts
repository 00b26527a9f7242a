// All or nothing, with the process killed: the real CLI runs `generate` in a child process and is
// killed (SIGKILL) at every point of its write, by the test hook, and at random times; after the
// next command the project is byte for byte the old outputs or the new ones, never a mix.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL, LOCK, recoverInterruptedWrite } from '../../generator/output/write-output.js';
import { ROOT } from '../helpers.js';
import { runCli } from '../support/run-cli.js';

/** One API's single page: a plain OpenAPI document whose texts carry the state's name. */
function page(api: string, state: string, operations: number): string {
  const paths: Record<string, unknown> = {};
  for (let i = 1; i <= operations; i++) {
    paths[`/${api}/things-${i}`] = {
      get: {
        operationId: `listThings${i}`,
        summary: `List things ${i} (${state})`,
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    };
  }
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: `${api} API (${state})`, version: '1.0.0' },
    paths,
    components: { schemas: { Thing: { type: 'object', description: `A thing (${state})`, properties: { id: { type: 'string' } } } } },
  });
}

/** The inputs of a state: which APIs the config lists and their pages. */
function writeInputs(dir: string, state: 'old' | 'new'): void {
  const apis = state === 'old' ? { alpha: 2, beta: 1 } : { alpha: 3 };
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'specmill.config.ts'), `export default { apis: { ${Object.keys(apis).map((a) => `${a}: {}`).join(', ')} } };\n`);
  for (const [api, operations] of Object.entries(apis)) {
    mkdirSync(path.join(dir, 'specs', api, 'sources'), { recursive: true });
    writeFileSync(path.join(dir, 'specs', api, 'sources', 'api.json'), page(api, state, operations));
  }
}

/**
 * Every file of the project but its inputs (and docs-site/ and node_modules/, where the unit cache
 * keeps hash-checked entries outside the journal), with its bytes: specs/*\/openapi.yaml,
 * generated/, and anything left at the root.
 */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const file = path.join(d, name);
      const rel = path.relative(dir, file);
      if (statSync(file).isDirectory()) {
        if (rel !== 'docs-site' && rel !== 'node_modules') walk(file);
      }
      else if (!/^specs\/[^/]+\/sources\//.test(rel) && !['specmill.config.ts', 'redocly.yaml', 'package.json'].includes(rel)) out.set(rel, readFileSync(file, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

function describeDifference(actual: Map<string, string>, expected: Map<string, string>): string[] {
  const names = new Set([...actual.keys(), ...expected.keys()]);
  return [...names].filter((n) => actual.get(n) !== expected.get(n)).sort();
}

interface KilledRun {
  signal: NodeJS.Signals | null;
  status: number | null;
  stderr: string;
  /** From the start, when the journal first appeared, and when the child ended (ms). */
  journalAt?: number;
  endedAt: number;
}

/**
 * `specmill generate --no-lint` in a child process. `kill` kills it (SIGKILL) that many ms after
 * it started, or after its journal appeared (the write had begun): the test only watches the
 * project folder, the child does not know.
 */
function runGenerate(dir: string, env: Record<string, string>, kill?: { afterMs: number; from: 'start' | 'journal' }): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/specmill.mjs'), 'generate', '--no-lint'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let journalAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const watcher = setInterval(() => {
      if (journalAt !== undefined || !existsSync(path.join(dir, JOURNAL))) return;
      journalAt = performance.now() - started;
      if (kill?.from === 'journal') timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    }, 1);
    if (kill?.from === 'start') timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    child.once('error', reject);
    child.once('close', (status, signal) => {
      clearInterval(watcher);
      clearTimeout(timer);
      resolve({ status, signal, stderr, ...(journalAt === undefined ? {} : { journalAt }), endedAt: performance.now() - started });
    });
  });
}

let work: string;
/** The project after a complete run on the old inputs, and the same after a complete run on the new ones. */
let oldProject: string;
let oldTree: Map<string, string>;
let newTree: Map<string, string>;
let renames: number;
let removals: number;

/** A fresh copy of the old project with the new inputs in place, as a user would have it just before running generate. */
function prepare(name: string): string {
  const dir = path.join(work, name);
  cpSync(oldProject, dir, { recursive: true });
  rmSync(path.join(dir, 'specs'), { recursive: true, force: true });
  cpSync(path.join(oldProject, 'specs'), path.join(dir, 'specs'), { recursive: true });
  for (const api of readdirSync(path.join(dir, 'specs'))) rmSync(path.join(dir, 'specs', api, 'sources'), { recursive: true, force: true });
  writeInputs(dir, 'new');
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'specmill-killed-'));
  oldProject = path.join(work, 'old');
  mkdirSync(oldProject);
  writeInputs(oldProject, 'old');
  const first = runCli(['generate', '--no-lint'], oldProject, { CI: 'true' });
  expect(first.stderr).toMatch(/files written/);
  oldTree = snapshot(oldProject);
  const complete = prepare('complete');
  const run = await runGenerate(complete, {});
  expect(run.status).toBe(0);
  const done = /(\d+) files written, \d+ unchanged(?:, (\d+) removed)?/.exec(run.stderr);
  renames = Number(done?.[1]);
  removals = Number(done?.[2] ?? 0);
  newTree = snapshot(complete);
  // The change touches every kind of step: files replaced, added, and removed with their folder.
  expect(renames).toBeGreaterThan(5);
  expect(removals).toBeGreaterThan(5);
  expect(describeDifference(oldTree, newTree).length).toBeGreaterThan(renames);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a generate killed during its write', () => {
  it('is undone when killed before its commit point: the old outputs, byte for byte, and no temporary file', async () => {
    for (const k of [1, Math.ceil(renames / 2), renames]) {
      const dir = prepare(`temp-${k}`);
      const run = await runGenerate(dir, { SPECMILL_TEST_KILL_AT: `temp:${k}` });
      expect(run.signal).toBe('SIGKILL');
      expect(existsSync(path.join(dir, JOURNAL))).toBe(true);
      expect(recoverInterruptedWrite(dir)).toMatch(/was stopped before it wrote anything; removed its \d+ temporary file/);
      expect(describeDifference(snapshot(dir), oldTree), `killed after temporary file ${k}`).toEqual([]);
    }
  }, 300_000);

  it('is finished when killed after its commit point, at every rename and deletion: the new outputs, byte for byte', async () => {
    const seenMixed: number[] = [];
    for (let k = 0; k < renames + removals; k++) {
      const dir = prepare(`step-${k}`);
      const run = await runGenerate(dir, { SPECMILL_TEST_KILL_AT: `step:${k}` });
      expect(run.signal, `step ${k}`).toBe('SIGKILL');
      // What the kill left: a mix (which is why the journal exists), unless it struck before the first rename.
      const left = snapshot(dir);
      if (describeDifference(left, oldTree).length > 0 && describeDifference(left, newTree).length > 0) seenMixed.push(k);
      expect(recoverInterruptedWrite(dir)).toMatch(/was stopped while swapping its files in; finished it/);
      expect(describeDifference(snapshot(dir), newTree), `killed after step ${k}`).toEqual([]);
      expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
      expect(existsSync(path.join(dir, LOCK))).toBe(false);
    }
    expect(seenMixed.length).toBeGreaterThanOrEqual(renames + removals - 2);
  }, 600_000);

  it.each([
    ['check', ['check'], 'new'],
    ['lint', ['lint'], 'new'],
    ['diff', ['diff'], 'new'],
    ['generate', ['generate', '--no-lint'], 'new'],
    ['docs', ['docs'], 'new'],
    ['check, before the commit point', ['check'], 'old'],
  ] as const)('is recovered by `specmill %s` before it reads anything, with a one-line notice', async (_name, args, expected) => {
    const dir = prepare(`verb-${args[0]}-${expected}`);
    cpSync(path.join(ROOT, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
    const run = await runGenerate(dir, { SPECMILL_TEST_KILL_AT: expected === 'new' ? `step:${Math.floor(renames / 2)}` : 'temp:2' });
    expect(run.signal).toBe('SIGKILL');
    const next = runCli(args, dir, { CI: 'true' });
    const notices = next.stderr.split('\n').filter((line) => line.startsWith('specmill: a run (pid '));
    expect(notices, next.stderr).toHaveLength(1);
    expect(notices[0]).toMatch(expected === 'new' ? /finished it/ : /as they were before it/);
    expect(describeDifference(snapshot(dir), expected === 'new' ? newTree : oldTree)).toEqual([]);
    if (args[0] === 'check') expect(next.status).toBe(expected === 'new' ? 0 : 1);
  }, 120_000);

  it('leaves the old or the new outputs whole when killed at random times', async () => {
    // Each file operation of the write is slowed down, so that the write lasts long enough to be
    // hit. Half the kill times are uniform over the write (from when the journal appears), half
    // over the whole run. More iterations: SPECMILL_KILL_ITERATIONS=200.
    const env = { SPECMILL_TEST_WRITE_DELAY_MS: '40' };
    const timed = await runGenerate(prepare('random-timed'), env);
    expect(timed.status).toBe(0);
    expect(timed.journalAt).toBeDefined();
    const write = timed.endedAt - timed.journalAt!;
    const iterations = Number(process.env.SPECMILL_KILL_ITERATIONS ?? 8);
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < iterations; i++) {
      const dir = prepare(`random-${i}`);
      const kill = i % 2 === 0 ? { afterMs: Math.round(Math.random() * write), from: 'journal' as const } : { afterMs: Math.round(Math.random() * timed.endedAt), from: 'start' as const };
      await runGenerate(dir, env, kill);
      const midWrite = existsSync(path.join(dir, JOURNAL));
      recoverInterruptedWrite(dir);
      const tree = snapshot(dir);
      const state = describeDifference(tree, oldTree).length === 0 ? 'old' : describeDifference(tree, newTree).length === 0 ? 'new' : undefined;
      expect(state, `killed ${kill.afterMs} ms after the ${kill.from}: ${describeDifference(tree, newTree).join(', ')}`).toBeDefined();
      const outcome = `${state}${midWrite ? ' after recovery' : ''}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      rmSync(dir, { recursive: true, force: true });
    }
    process.stderr.write(`killed at random times (${iterations} runs of ${Math.round(timed.endedAt)} ms, the write ${Math.round(write)} ms): ${JSON.stringify(outcomes)}\n`);
  }, 900_000);
});
