// Prints spec changes for people (text for a terminal, Markdown for a pull request) and for
// programs (JSON). Names and values come from specs, so they are escaped for the medium.
import { countChanges, type SpecChange } from './diff-specs.js';

export const REPORT_FORMATS = ['text', 'markdown', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ApiDiff {
  api: string;
  /** The revision compared against (`HEAD`, `origin/main`, ...). */
  base: string;
  /** The API has no spec at that revision, so everything in it is new. */
  new?: boolean;
  changes: SpecChange[];
}

export function formatReport(diffs: readonly ApiDiff[], format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify({ apis: diffs.map((d) => ({ api: d.api, base: d.base, new: d.new === true, summary: countChanges(d.changes), changes: d.changes })) }, null, 2)}\n`;
  return diffs.map(format === 'markdown' ? formatMarkdown : formatText).join('\n');
}

/** `elastic-cloud: 2 changes (1 breaking)`, as `specmill generate` prints it. */
export function formatSummaryLine(api: string, changes: readonly SpecChange[]): string {
  const { total, breaking } = countChanges(changes);
  return `${api}: ${total} change${total === 1 ? '' : 's'} (${breaking} breaking)`;
}

interface OperationGroup {
  title: string;
  state: 'added' | 'removed' | 'changed' | 'shared';
  /** For a shared group, the title of each operation it reaches. */
  reaches?: string[];
  changes: SpecChange[];
}

/** `GET /things (listThings)` */
function operationTitle(operation: string, operationId: string | undefined): string {
  return operationId ? `${operation} (${operationId})` : operation;
}

/**
 * Changes by operation, in the order found; changes to the whole API come first. A change to a
 * shared component is one group of its own, titled with the operations it reaches.
 */
function groupByOperation(changes: readonly SpecChange[]): { api: SpecChange[]; operations: OperationGroup[] } {
  const api: SpecChange[] = [];
  const groups = new Map<string, OperationGroup>();
  for (const change of changes) {
    if (change.operations) {
      const reaches = change.operations.map((o) => operationTitle(o.operation, o.operationId));
      const title = reaches.join(', ');
      const key = `\0shared\0${JSON.stringify(reaches)}`;
      let group = groups.get(key);
      if (!group) {
        group = { title, state: 'shared', reaches, changes: [] };
        groups.set(key, group);
      }
      group.changes.push(change);
      continue;
    }
    if (!change.operation) {
      api.push(change);
      continue;
    }
    let group = groups.get(change.operation);
    if (!group) {
      group = { title: change.operation, state: 'changed', changes: [] };
      groups.set(change.operation, group);
    }
    if (change.kind === 'operation-added') group.state = 'added';
    if (change.kind === 'operation-removed') group.state = 'removed';
    if (change.operationId) group.title = operationTitle(change.operation, change.operationId);
    group.changes.push(change);
  }
  return { api, operations: [...groups.values()] };
}

/** A constraint an importer read from a page's prose is a softer fact than a structured field. */
const PROSE_NOTE = 'read from prose';

function headline(diff: ApiDiff): string {
  const { total, breaking } = countChanges(diff.changes);
  if (diff.new) return `new at ${diff.base}: ${total} change${total === 1 ? '' : 's'}`;
  if (total === 0) return `no changes since ${diff.base}`;
  return `${total} change${total === 1 ? '' : 's'} (${breaking} breaking) since ${diff.base}`;
}

function formatText(diff: ApiDiff): string {
  const lines = [`${plain(diff.api)}: ${plain(headline(diff))}`];
  const { api, operations } = groupByOperation(diff.changes);
  const row = (c: SpecChange) => {
    lines.push(`    ${c.breaking ? 'BREAKING' : 'ok      '}  ${plain(c.message)} (${plain(c.reason)})${c.fromProse ? ` [${PROSE_NOTE}]` : ''}`);
    lines.push(`              at ${plain(c.pointer)}${c.source ? ` from ${plain(c.source)}` : ''}`);
  };
  if (api.length > 0) {
    lines.push('  the API');
    api.forEach(row);
  }
  for (const group of operations) {
    lines.push(group.state === 'shared' ? `  shared by ${plain(group.title)}` : `  ${group.state} ${plain(group.title)}`);
    group.changes.forEach(row);
  }
  return `${lines.join('\n')}\n`;
}

function formatMarkdown(diff: ApiDiff): string {
  const { total, breaking } = countChanges(diff.changes);
  const out = [`## ${mdText(diff.api)}: ${mdText(headline(diff))}`, ''];
  if (total === 0) return `${out.join('\n')}\n`;
  if (breaking > 0) out.push(`**${breaking} breaking change${breaking === 1 ? '' : 's'}** for code written against ${mdCode(diff.base)}.`, '');
  const { api, operations } = groupByOperation(diff.changes);
  const table = (changes: readonly SpecChange[]) => {
    out.push('| | change | why | where |', '| --- | --- | --- | --- |');
    for (const c of changes) {
      const where = [mdCode(c.pointer), ...(c.source ? [mdCode(c.source)] : [])].join('<br>');
      out.push(`| ${c.breaking ? '**breaking**' : 'compatible'} | ${mdText(c.message)}${c.fromProse ? ` (${PROSE_NOTE})` : ''} | ${mdText(c.reason)} | ${where} |`);
    }
    out.push('');
  };
  if (api.length > 0) {
    out.push('### The API', '');
    table(api);
  }
  for (const group of operations) {
    out.push(group.state === 'shared' ? `### Shared by ${group.reaches!.map(mdCode).join(', ')}` : `### ${mdCode(group.title)}: ${group.state}`, '');
    table(group.changes);
  }
  return `${out.join('\n')}\n`;
}

/** Control characters from a spec would drive the terminal; show them as escapes instead. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text in a Markdown table cell: no HTML, no emphasis or links, no cell breaks. */
function mdText(text: string): string {
  return plain(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`);
}

/** A code span that survives backticks in its text, inside a table cell. */
function mdCode(text: string): string {
  const value = plain(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
