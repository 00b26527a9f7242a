// specmill diff against oasdiff, rule by rule: every case's verdict, every applicable ERR and WARN
// rule covered, every disagreement documented in ADR 0004, and the README's count kept true.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';
import { CONFORMANCE_CASES, DIFFERENCES, type ConformanceCase } from './cases.js';
import { judgeCase, summarizeConformance } from './judge.js';
import { NOT_APPLICABLE, OASDIFF_BREAKING_RULES, OASDIFF_INFO_RULES } from './oasdiff-rules.js';

const ADR = readFileSync(path.join(ROOT, 'docs/adr/0004-breaking-changes.md'), 'utf8');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('conformance with oasdiff, case by case', () => {
  it.each(CONFORMANCE_CASES.map((c) => [`${c.rule ?? '(no oasdiff check)'}: ${c.shows}`, c] as const))('%s', (_name, c) => {
    const judged = judgeCase(c);
    expect(judged.specmill).toBe(c.specmill);
    expect(judged.problem).toBeUndefined();
  });
});

describe('conformance with oasdiff, as a whole', () => {
  const summary = summarizeConformance(CONFORMANCE_CASES);

  it('agrees on every case that is not a documented difference', () => {
    expect(summary.problems).toEqual([]);
    expect(summary.agree + summary.differences).toBe(summary.total);
  });

  it('covers every ERR and WARN rule of oasdiff that applies, and only those with the level oasdiff gives', () => {
    const covered = new Set(CONFORMANCE_CASES.map((c) => c.rule));
    const missing = [...OASDIFF_BREAKING_RULES.keys()].filter((id) => !NOT_APPLICABLE.has(id) && !covered.has(id));
    expect(missing).toEqual([]);
    expect([...NOT_APPLICABLE.keys()].filter((id) => !OASDIFF_BREAKING_RULES.has(id))).toEqual([]);
    expect(CONFORMANCE_CASES.filter((c) => c.rule !== null && NOT_APPLICABLE.has(c.rule)).map((c) => c.rule)).toEqual([]);
    const wrongLevel = CONFORMANCE_CASES.filter((c) => c.rule !== null && OASDIFF_BREAKING_RULES.has(c.rule) && OASDIFF_BREAKING_RULES.get(c.rule) !== c.oasdiff);
    expect(wrongLevel.map((c) => c.rule)).toEqual([]);
    // Any other case is one of oasdiff's INFO rules, or a change it has no check for.
    const unknown = CONFORMANCE_CASES.filter((c) => (c.rule === null ? c.oasdiff !== 'none' : !OASDIFF_BREAKING_RULES.has(c.rule) && !(OASDIFF_INFO_RULES.has(c.rule) && c.oasdiff === 'INFO')));
    expect(unknown.map((c) => c.rule)).toEqual([]);
    expect([...OASDIFF_INFO_RULES].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('links each difference to its row in ADR 0004, and the ADR lists no difference without a case', () => {
    const rows = [...ADR.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...DIFFERENCES].sort());
    const used = new Set(CONFORMANCE_CASES.map((c) => c.difference).filter((d) => d !== undefined));
    expect(DIFFERENCES.filter((d) => !used.has(d))).toEqual([]);
  });

  it('is the count the README shows', () => {
    const match = /specmill agrees with oasdiff on \*\*(\d+) of (\d+)\*\* cases[^.]*; the other (\d+) are deliberate\s+differences/.exec(README);
    expect(match, 'the README states the conformance count').not.toBeNull();
    expect(match!.slice(1).map(Number)).toEqual([summary.agree, summary.total, summary.differences]);
  });
});

describe('the conformance harness', () => {
  const optionalParameter = CONFORMANCE_CASES.find((c) => c.rule === 'new-optional-request-parameter')!;

  it('reports a case whose recorded verdict is not what specmill says', () => {
    const planted: ConformanceCase = { ...optionalParameter, specmill: 'breaking' };
    expect(summarizeConformance([planted]).problems).toEqual(['new-optional-request-parameter (an optional query parameter added): specmill says compatible, the case records breaking']);
  });

  it('reports a disagreement with oasdiff that no difference documents, and a difference that is none', () => {
    const disagreeing: ConformanceCase = { ...optionalParameter, oasdiff: 'ERR' };
    const agreeing: ConformanceCase = { ...optionalParameter, difference: 'all-of-merged' };
    const summary = summarizeConformance([disagreeing, agreeing]);
    expect(summary.problems).toEqual([
      'new-optional-request-parameter (an optional query parameter added): oasdiff ERR against specmill compatible, and no documented difference',
      'new-optional-request-parameter (an optional query parameter added): marked as the difference all-of-merged, but specmill agrees with oasdiff',
    ]);
    expect([summary.total, summary.agree, summary.differences]).toEqual([2, 1, 0]);
  });
});
