// The benchmark's verdicts on issue 16's targets, from made-up measurements: a target missed is
// reported missed (one is planted here), one met is met, an input not run is "not measured".
import { describe, expect, it } from 'vitest';

interface Row {
  target: string;
  value: string;
  ok: boolean | undefined;
}
// A plain .mjs module of the bench: imported by path, typed here.
const report = (await import('../../bench/lib/report.mjs' as string)) as { evaluateIssue16(results: unknown): Row[]; renderReport(results: unknown): string };

const stat = (median: number) => ({ median, min: median, max: median });
const cold = (ms: number, rssMiB: number) => ({ ok: true, runs: 3, ms: stat(ms), rssMiB: stat(rssMiB), cpuMs: stat(ms) });

function section(name: string, generators: { id: string; ms: number; rss: number }[], reruns: { id: string; ms: number }[] = []) {
  return {
    input: { name, label: name, bytes: 1, summary: '' },
    generators: generators.map((g) => ({ id: g.id, label: g.id, kind: 'client', cold: cold(g.ms, g.rss) })),
    reruns: reruns.map((r) => ({ id: r.id, label: r.id, change: '', stats: cold(r.ms, 100) })),
    consumers: [],
    notes: [],
  };
}

const results = {
  environment: { command: 'test', date: '', cpus: 2, cpuModel: '', memoryGiB: '', os: '', node: '', git: '', loadStart: '', runs: 3, tscRuns: 5, requestRounds: 5, memoryMethod: '', tools: [] },
  sections: [
    section(
      'github',
      [
        { id: 'specmill', ms: 3000, rss: 300 },
        { id: 'specmill-lint', ms: 9000, rss: 400 },
        { id: 'redocly', ms: 2500, rss: 360 },
      ],
      [
        // Planted: 0.5x of cold, where the target is 0.15x.
        { id: 'summary', ms: 1500 },
        { id: 'summary-lint', ms: 6000 },
        { id: 'add', ms: 300 },
      ],
    ),
    section('small', [{ id: 'specmill', ms: 300, rss: 90 }]),
    section('msgraph', [
      { id: 'specmill', ms: 60_000, rss: 2000 },
      { id: 'redocly', ms: 30_000, rss: 900 },
    ]),
  ],
};

const byTarget = (rows: Row[], start: string) => rows.find((r) => r.target.startsWith(start))!;

describe("issue 16's targets in the benchmark report", () => {
  const rows = report.evaluateIssue16(results);

  it('reports the planted miss as missed, with both figures and the with-lint ones beside', () => {
    const summary = byTarget(rows, "GitHub, rerun after one operation's summary");
    expect(summary.ok).toBe(false);
    expect(summary.value).toBe('0.50x (1.50 s vs 3.00 s); with lint 6.00 s (0.67x of a cold run with lint)');
    expect(byTarget(rows, 'Microsoft Graph beta').ok).toBe(false);
    expect(byTarget(rows, 'GitHub REST, cold full client').value).toBe('1.20x (3.00 s vs 2.50 s); with lint 9.00 s');
  });

  it('reports what is within its target as met', () => {
    expect(byTarget(rows, 'GitHub, rerun after one operation was added').ok).toBe(true);
    expect(byTarget(rows, 'GitHub REST, cold run peak RSS').ok).toBe(true);
    expect(byTarget(rows, 'a small spec').ok).toBe(true);
  });

  it('says "not measured" for an input the run left out', () => {
    expect(byTarget(rows, 'seed APIs')).toMatchObject({ value: 'not measured', ok: undefined });
  });

  it('puts the verdicts in the Markdown', () => {
    const markdown = report.renderReport(results);
    expect(markdown).toContain('## Targets of issue 16');
    expect(markdown).toMatch(/\| GitHub, rerun after one operation's summary changed \(in place\) <= 0\.15x of cold \| 0\.50x .*\| \*\*missed\*\* \|/);
    expect(markdown).toMatch(/\| GitHub, rerun after one operation was added <= 0\.15x of cold \| 0\.10x .*\| \*\*met\*\* \|/);
  });
});
