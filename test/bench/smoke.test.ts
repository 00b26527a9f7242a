// Keeps `npm run bench` from rotting: runs the harness in its quickest mode (one run of specmill on
// one seed API, no competitors) and checks that it produces every results table. It asserts no
// time: CI machines differ, and the benchmark is read by people, not by the tests.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

let tmp: string;
let run: { stdout: string; stderr: string };
let report: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'specmill-bench-smoke-'));
  const out = path.join(tmp, 'results.md');
  run = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bench/run.mjs'), '--quick', '--requests', '100', '--out', out], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  report = readFileSync(out, 'utf8');
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('prints the report it writes', () => {
    expect(run.stdout).toContain(report.trim());
  });

  it('says how it was made', () => {
    expect(report).toMatch(/^# specmill benchmark\n\nMade by `npm run bench -- --quick/);
    expect(report).toMatch(/\| Node \| v\d+/);
  });

  it('has a results table with a measured cold run of specmill', () => {
    expect(report).toContain('### Generators');
    expect(report).toMatch(/\| specmill \(types, models, client\) \| [\d.]+ s \(/);
  });

  it('measures the no-op, description and added-operation reruns', () => {
    for (const label of ['no-op rerun (nothing changed)', "rerun after one operation's description changed", 'rerun after one operation was added']) {
      expect(report).toMatch(new RegExp(`\\| ${label.replace(/[()]/g, '\\$&')} \\| [\\d.]+ s \\(`));
    }
  });

  it("type-checks a consumer of specmill's client and finds no errors", () => {
    expect(report).toContain('### Consumer type check');
    expect(report).toMatch(/\| specmill \| [\d.]+ s \(.*\| passes \(/);
  });

  it('measures requests per second against raw fetch', () => {
    expect(report).toMatch(/\| raw fetch \+ res\.json\(\) \| \d+ \(/);
    expect(report).toMatch(/\| specmill \(default runtime[^|]*\| \d+ \(/);
  });

  it('lists the targets of issue 16, each with a verdict or "not measured"', () => {
    expect(report).toContain('## Targets of issue 16');
    expect(report).toMatch(/\| a small spec, cold <= 0\.35 s \| .* \| (\*\*(met|missed)\*\*|not measured) \|/);
  });

  it('lists the targets of issue 8 with a verdict each', () => {
    expect(report).toContain('### Targets of issue 8');
    expect(report).toMatch(/\| no-op rerun \(nothing changed\) <= 0\.1x a cold run \| .* \| \*\*(met|missed)\*\* \|/);
  });
});
