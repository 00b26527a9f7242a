// Adds page scores up per kind and in total, the figures `npm run fidelity` prints and floors check.
import type { PageResult } from './score-corpus.js';

export interface Summary {
  /** A kind (corpus folder), or `total`. */
  kind: string;
  pages: number;
  operationRight: number;
  facts: number;
  found: number;
  /** Facts whose item came through with a wrong `required` or type (counted as not recovered). */
  wrong: number;
  invented: number;
  inferred: number;
  warnings: number;
  refused: number;
  crashes: number;
}

export const TOTAL = 'total';

function add(into: Summary, page: PageResult): void {
  into.pages++;
  if (page.score.operationRight) into.operationRight++;
  into.facts += page.score.facts.length;
  into.found += page.score.facts.filter((f) => f.outcome === 'found').length;
  into.wrong += page.score.facts.filter((f) => f.outcome === 'wrong').length;
  into.invented += page.score.invented.length;
  into.inferred += page.score.inferred.length;
  into.warnings += page.diagnostics.filter((d) => d.severity === 'warning').length;
  if (page.refused) into.refused++;
  if (page.crashed) into.crashes++;
}

function empty(kind: string): Summary {
  return { kind, pages: 0, operationRight: 0, facts: 0, found: 0, wrong: 0, invented: 0, inferred: 0, warnings: 0, refused: 0, crashes: 0 };
}

/** One row per kind in corpus order, then the total. */
export function summarize(pages: readonly PageResult[]): Summary[] {
  const byKind = new Map<string, Summary>();
  const total = empty(TOTAL);
  for (const page of pages) {
    if (!byKind.has(page.kind)) byKind.set(page.kind, empty(page.kind));
    add(byKind.get(page.kind)!, page);
    add(total, page);
  }
  return [...byKind.values(), total];
}

export function recall(summary: Pick<Summary, 'facts' | 'found'>): number {
  return summary.facts === 0 ? 1 : summary.found / summary.facts;
}

export function operationShare(summary: Pick<Summary, 'pages' | 'operationRight'>): number {
  return summary.pages === 0 ? 1 : summary.operationRight / summary.pages;
}
