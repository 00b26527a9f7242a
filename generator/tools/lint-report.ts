// What `specmill generate` says about redocly's findings on the new specs. Each problem points at
// its line in the spec that will be written (lint reads it under a temporary name) and, when the
// spec node it is in records one, at the page and line that node came from. Warnings are one count
// per rule unless --verbose: a vendor spec can have thousands.
import type { Diagnostic } from '../core/diagnostics.js';
import type { LintProblem } from './redocly.js';
import { isObject, SOURCE_EXTENSION, SOURCES_EXTENSION, type OpenApiDocument } from '../core/openapi-types.js';

export interface LintFiles {
  /** A file as lint was given it -> the file to name (temporary spec -> the spec it becomes). */
  shownAs: ReadonlyMap<string, string>;
  /** The spec each shown spec file holds, to find the page of a problem. */
  specs: ReadonlyMap<string, OpenApiDocument>;
  /** The API whose spec each shown spec file is. */
  apis?: ReadonlyMap<string, string>;
}

/** What to do about a rule's problem, where specmill knows a way. */
function remedy(ruleId: string, api: string | undefined): string {
  if (ruleId === 'no-empty-servers' && api !== undefined) {
    return `; the pages name no server: set apis.${api}.client.baseUrl in the specmill config (it becomes the spec's server) or add one with an overlay`;
  }
  return '';
}

function decodeSegment(segment: string): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all: keep it.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The page (`file:line:column`) recorded by the deepest node on the pointer's path that has one. */
export function sourceOf(spec: OpenApiDocument, pointer: string): string | undefined {
  let node: unknown = spec;
  let source: string | undefined;
  const segments = pointer.replace(/^#?\/?/, '').split('/').filter((s) => s !== '');
  for (let i = 0; ; i++) {
    if (isObject(node)) {
      const own = node[SOURCE_EXTENSION];
      const many = node[SOURCES_EXTENSION];
      if (typeof own === 'string') source = own;
      else if (Array.isArray(many) && typeof many[0] === 'string') source = many[0];
    }
    if (i === segments.length) return source;
    const key = decodeSegment(segments[i]!);
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return source;
  }
}

export function lintDiagnostics(problems: readonly LintProblem[], files: LintFiles): Diagnostic[] {
  return problems.map((problem) => {
    const file = files.shownAs.get(problem.file) ?? problem.file;
    const spec = files.specs.get(file);
    const source = spec ? sourceOf(spec, problem.pointer) : undefined;
    return {
      severity: problem.severity === 'error' ? 'error' : 'warning',
      message: `${problem.message} [${problem.ruleId}]${source ? ` (from ${source})` : ''}${remedy(problem.ruleId, files.apis?.get(file))}`,
      location: problem.line === undefined ? { file, pointer: problem.pointer } : { file, line: problem.line, ...(problem.column === undefined ? {} : { column: problem.column }) },
    };
  });
}

export interface WarningSummary {
  total: number;
  /** Rule id and count, most frequent first (ties by id). */
  rules: [rule: string, count: number][];
}

export function summarizeWarnings(problems: readonly LintProblem[]): WarningSummary {
  const counts = new Map<string, number>();
  for (const p of problems) if (p.severity !== 'error') counts.set(p.ruleId, (counts.get(p.ruleId) ?? 0) + 1);
  const rules = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return { total: rules.reduce((sum, [, n]) => sum + n, 0), rules };
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * `redocly lint: 3 warnings on the new specs (...)` and one indented line per rule. `lintCommand`
 * is named only when the specs were written, since it lints what is on disk.
 */
export function formatWarningSummary(summary: WarningSummary, lintCommand: string | undefined): string {
  const width = Math.max(...summary.rules.map(([, n]) => count(n).length));
  const lines = summary.rules.map(([rule, n]) => `  ${count(n).padStart(width)}  ${rule}`);
  const noun = summary.total === 1 ? 'warning' : 'warnings';
  return [`specmill: redocly lint: ${count(summary.total)} ${noun} on the new specs (${lintCommand ? `\`${lintCommand}\` or ` : ''}\`--verbose\` prints each):`, ...lines].join('\n');
}
