// Prints fidelity results: the table per kind and in total (Markdown, so the README can show it),
// a row per page, one page in detail, or all of it as JSON.
import { formatDiagnostic } from '../core/diagnostics.js';
import type { PageResult } from './score-corpus.js';
import { operationShare, recall, type Summary } from './summarize.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function pageRecall(page: PageResult): { found: number; facts: number } {
  return { found: page.score.facts.filter((f) => f.outcome === 'found').length, facts: page.score.facts.length };
}

function state(page: PageResult): string {
  return page.crashed ? 'crashed' : page.refused ? 'refused' : 'imported';
}

export function formatSummaryTable(summaries: readonly Summary[]): string {
  const rows = [
    '| kind | pages | right operation | facts recovered | wrong required/type | invented | inferred | warnings per page | refused | crashes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...summaries.map(
      (s) =>
        `| ${s.kind} | ${s.pages} | ${s.operationRight} (${percent(operationShare(s))}) | ${s.found} of ${s.facts} (${percent(recall(s))}) | ${s.wrong} | ${s.invented} | ${s.inferred} | ${(s.pages === 0 ? 0 : s.warnings / s.pages).toFixed(1)} | ${s.refused} | ${s.crashes} |`,
    ),
  ];
  return `${rows.join('\n')}\n`;
}

export function formatPageTable(pages: readonly PageResult[]): string {
  const rows = [
    '| page | format | state | operation | facts recovered | invented | inferred | warnings |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...pages.map((p) => {
      const r = pageRecall(p);
      const warnings = p.diagnostics.filter((d) => d.severity === 'warning').length;
      return `| ${p.file} | ${p.format ?? '-'} | ${state(p)} | ${p.score.operationRight ? 'right' : 'wrong'} | ${r.found} of ${r.facts} (${percent(r.facts === 0 ? 1 : r.found / r.facts)}) | ${p.score.invented.length} | ${p.score.inferred.length} | ${warnings} |`;
    }),
  ];
  return `${rows.join('\n')}\n`;
}

/** Pages that `NAME` names: `kind/file.txt`, `file.txt` or `file`, else those whose name starts so. */
export function findPages(pages: readonly PageResult[], name: string): PageResult[] {
  const exact = pages.filter((p) => p.file === name || p.name === name || p.name.replace(/\.[^.]*$/, '') === name || p.file.replace(/\.[^.]*$/, '') === name);
  return exact.length > 0 ? exact : pages.filter((p) => p.name.startsWith(name) || p.file.startsWith(name));
}

export function formatPageDetail(page: PageResult): string {
  const r = pageRecall(page);
  const lines = [
    `${page.file} (${page.format ?? 'no format'}, ${state(page)}): operation ${page.score.operationRight ? 'right' : 'wrong'}, ${r.found} of ${r.facts} facts recovered, ${page.score.invented.length} invented, ${page.score.inferred.length} inferred`,
  ];
  const section = (title: string, items: string[]) => {
    lines.push(`${title}:${items.length === 0 ? ' none' : ''}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  section('missed', page.score.facts.filter((f) => f.outcome === 'missed').map((f) => `${f.kind} ${f.fact}`));
  section('wrong', page.score.facts.filter((f) => f.outcome === 'wrong').map((f) => `${f.kind} ${f.fact}: ${f.detail ?? ''}`));
  section('invented', page.score.invented.map((f) => `${f.kind} ${f.fact}`));
  section('inferred', page.score.inferred.map((f) => `${f.kind} ${f.fact}`));
  section('found', page.score.facts.filter((f) => f.outcome === 'found').map((f) => `${f.kind} ${f.fact}`));
  section('diagnostics', page.diagnostics.map((d) => formatDiagnostic({ ...d, message: d.message.split('\n')[0]! })));
  return `${lines.join('\n')}\n`;
}

export function toJson(corpus: string, summaries: readonly Summary[], pages: readonly PageResult[], failures: readonly string[]): string {
  return `${JSON.stringify(
    {
      corpus,
      summary: summaries.map((s) => ({ ...s, operationShare: operationShare(s), recall: recall(s) })),
      pages: pages.map((p) => ({ ...p, diagnostics: p.diagnostics.map(formatDiagnostic) })),
      floorsMissed: failures,
    },
    null,
    2,
  )}\n`;
}
