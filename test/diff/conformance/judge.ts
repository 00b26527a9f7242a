// Runs a conformance case through diffSpecs and judges it: specmill's verdict, whether it agrees
// with oasdiff's level, and what is wrong with the case if anything (a verdict other than the one
// the case records, or a disagreement the case does not mark as a documented difference).
import { parse } from 'yaml';
import { diffSpecs, type SpecChange } from '../../../generator/diff/diff-specs.js';
import { upgradeDocument } from '../../../generator/normalize/upgrade-to-3-1.js';
import type { JsonObject } from '../../../generator/core/openapi-types.js';
import type { ConformanceCase, Verdict } from './cases.js';

export interface Judged {
  case: ConformanceCase;
  specmill: Verdict;
  agrees: boolean;
  problem?: string;
}

function documentOf(yaml: string, openapi30: boolean): JsonObject {
  const doc = parse(`openapi: ${openapi30 ? '3.0.3' : '3.1.0'}\ninfo: { title: Conformance, version: "1" }\n${yaml}`) as JsonObject;
  if (openapi30) upgradeDocument(doc);
  return doc;
}

export function verdictOf(changes: readonly SpecChange[]): Verdict {
  if (changes.length === 0) return 'none';
  return changes.some((c) => c.breaking) ? 'breaking' : 'compatible';
}

/**
 * ERR means breaking and INFO (or no check at all) means not. WARN is oasdiff's "possibly
 * breaking": specmill has no such verdict, so a WARN case is always a difference to document.
 */
export function agreesWith(oasdiff: ConformanceCase['oasdiff'], verdict: Verdict): boolean {
  if (oasdiff === 'ERR') return verdict === 'breaking';
  if (oasdiff === 'WARN') return false;
  return verdict !== 'breaking';
}

export function judgeCase(c: ConformanceCase): Judged {
  const openapi30 = c.openapi30 === true;
  const specmill = verdictOf(diffSpecs(documentOf(c.base, openapi30), documentOf(c.head, openapi30), c.options));
  const agrees = agreesWith(c.oasdiff, specmill);
  const name = `${c.rule ?? '(no oasdiff check)'} (${c.shows})`;
  let problem: string | undefined;
  if (specmill !== c.specmill) problem = `${name}: specmill says ${specmill}, the case records ${c.specmill}`;
  else if (!agrees && !c.difference) problem = `${name}: oasdiff ${c.oasdiff} against specmill ${specmill}, and no documented difference`;
  else if (agrees && c.difference) problem = `${name}: marked as the difference ${c.difference}, but specmill agrees with oasdiff`;
  return { case: c, specmill, agrees, ...(problem ? { problem } : {}) };
}

export interface ConformanceSummary {
  total: number;
  agree: number;
  /** Cases where specmill disagrees with oasdiff on purpose, as ADR 0004 documents. */
  differences: number;
  problems: string[];
}

export function summarizeConformance(cases: readonly ConformanceCase[]): ConformanceSummary {
  const judged = cases.map(judgeCase);
  return {
    total: judged.length,
    agree: judged.filter((j) => j.agrees).length,
    differences: judged.filter((j) => !j.agrees && j.case.difference !== undefined).length,
    problems: judged.flatMap((j) => (j.problem ? [j.problem] : [])),
  };
}
