// `specmill import --report`: for each page, the share of its blocks that fed the spec and, located,
// every block that was not read. Pages read by an importer not built on the page model say so.
import { formatLocation, terminalSafe } from '../../core/diagnostics.js';
import type { PageCoverage } from '../importer.js';

export interface PageReport {
  page: string;
  format?: string;
  coverage?: PageCoverage;
}

export function formatCoverageReport(reports: readonly PageReport[]): string {
  const lines: string[] = [];
  for (const { page, format, coverage } of reports) {
    if (!coverage) {
      lines.push(`${page}: coverage not measured (${format ? `the ${format} importer` : 'no importer'} does not read through the page model)`);
      continue;
    }
    const share = coverage.blocks === 0 ? 100 : (100 * coverage.used) / coverage.blocks;
    lines.push(`${page}: ${coverage.used} of ${coverage.blocks} blocks used (${share.toFixed(1)}%)${format ? `, read as ${format}` : ''}`);
    for (const unread of coverage.unread) {
      const where = formatLocation({ file: page, line: unread.at.line, column: unread.at.column });
      const section = unread.section ? ` under \`${unread.section}\`` : '';
      lines.push(`  not read: ${unread.kind}${section} at ${where}`);
    }
  }
  return terminalSafe(lines.join('\n')) + (lines.length > 0 ? '\n' : '');
}
