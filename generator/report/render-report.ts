// The coverage report of one API as one self-contained HTML page: a summary, then each source page
// with the spans that fed the spec linked to the spec path they produced and the unread ones marked
// with their warning, then each spec path with what the spec holds there. No script, no request
// (a Content-Security-Policy forbids both); every string from a page or the spec is escaped.
import { escapeHtml } from '../docs/build-docs.js';
import { formatLocation, type Diagnostic } from '../core/diagnostics.js';
import { LineIndex, type Position } from '../parse/line-index.js';
import { renderSource, type SourceMark } from './render-source.js';
import { readablePointer } from './spec-locations.js';

export interface ReportModel {
  api: string;
  title: string;
  /** The spec's path, relative to the project. */
  specFile: string;
  /** The command that writes the spec again, for the message of a fact the spec lacks. */
  generateCommand: string;
  pages: ReportPage[];
  specPlaces: SpecPlaceEntry[];
}

export interface ReportPage {
  /** The page's path, relative to the project. */
  path: string;
  format?: string;
  text: string;
  /** Absent when nothing records the page's coverage; `notMeasured` says why. */
  coverage?: { measure: 'blocks' | 'documents'; blocks: number; used: number };
  notMeasured?: string;
  spans: ReportSpan[];
  diagnostics: Diagnostic[];
}

export interface ReportSpan {
  from: number;
  to: number;
  state: 'fed' | 'unread' | 'document';
  kind: string;
  at: Position;
  /** `fed`: the index of its entry in `specPlaces`; absent when the page gave no spec. */
  specPlace?: number;
  /** `unread`: what the warning says. */
  message?: string;
  /** Indexes into the page's diagnostics that this span stands for. */
  diagnostics: number[];
}

export interface SpecPlaceEntry {
  pointer: string;
  found: boolean;
  /** The line in the spec file, when found. */
  line?: number;
  /** What the spec holds there, as YAML (cut to a few lines). */
  yaml?: string;
  /** The spans that fed it: page and span indexes. */
  fedBy: { page: number; span: number }[];
}

const STYLE = `
      body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
      header, main { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
      h1 { font-size: 1.6rem; margin: 1.5rem 0 0.5rem; }
      h2 { font-size: 1.2rem; margin: 2rem 0 0.25rem; overflow-wrap: anywhere; }
      table.summary { border-collapse: collapse; margin: 0.75rem 0; }
      table.summary th, table.summary td { border: 1px solid #d0d7de; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
      table.summary td.number { text-align: right; font-variant-numeric: tabular-nums; }
      .muted, .legend { color: #59636e; font-size: 0.875rem; }
      .not-measured { color: #9a6700; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.7 ui-monospace, SFMono-Regular, Menlo, monospace; }
      pre.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem; }
      pre.yaml { background: #f6f8fa; padding: 0.5rem 0.75rem; margin: 0.25rem 0; }
      .fed { background: #d1f4d9; box-shadow: inset 0 -2px #2da44e; color: inherit; text-decoration: none; }
      .document { background: #eefaf1; }
      .unread { background: #ffe2c7; text-decoration: underline wavy #cf222e; color: inherit; }
      .in-unread { text-decoration: underline wavy #cf222e; }
      .tag { font: 600 11px/1.3 system-ui, sans-serif; border-radius: 3px; padding: 0 0.35em; margin: 0 0.3em 0 0; white-space: normal; text-decoration: none; color: #fff; user-select: none; }
      .tag.fed { background: #1a7f37; box-shadow: none; }
      .tag.document { background: #57ab5a; }
      .tag.unread { background: #bc4c00; text-decoration: none; }
      .tag.diagnostic { background: #cf222e; }
      .diagnostics li.warning::marker { color: #9a6700; }
      .diagnostics li.error::marker { color: #cf222e; }
      :target { outline: 2px solid #0969da; outline-offset: 1px; }
      section.spec-place { border-top: 1px solid #d0d7de; padding: 0.25rem 0; }
      section.spec-place h3 { font-size: 1rem; margin: 0.5rem 0 0; overflow-wrap: anywhere; }
      .missing { color: #cf222e; }
`;

export function renderReport(model: ReportModel): string {
  const pages = model.pages.map((page, i) => renderPage(page, i, model)).join('\n');
  const places = model.specPlaces.map((place, i) => renderSpecPlace(place, i, model)).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(`${model.title}: coverage report`)}</title>
    <style>${STYLE}    </style>
  </head>
  <body>
    <header>
      <h1>${escapeHtml(model.title)}: what the pages gave the spec</h1>
${renderSummary(model)}
      <p class="legend"><span class="fed">green</span>: a span that fed the spec, labelled with the spec path it produced (follow it to see what the spec holds there); <span class="unread">orange, underlined</span>: a span not read, labelled with its warning; <span class="document">light green</span>: an embedded OpenAPI document read whole. Spans run from where a block starts to where the next one starts.</p>
    </header>
    <main>
${pages}
      <h2 id="spec">Spec paths the pages fed, in ${escapeHtml(model.specFile)}</h2>
${places || '      <p class="muted">None.</p>'}
    </main>
  </body>
</html>
`;
}

function share(used: number, blocks: number): string {
  return `${(blocks === 0 ? 100 : (100 * used) / blocks).toFixed(1)}%`;
}

function countOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderSummary(model: ReportModel): string {
  const measured = model.pages.filter((p) => p.coverage);
  const blocks = measured.reduce((n, p) => n + p.coverage!.blocks, 0);
  const used = measured.reduce((n, p) => n + p.coverage!.used, 0);
  const unread = model.pages.reduce((n, p) => n + p.spans.filter((s) => s.state === 'unread').length, 0);
  const warnings = model.pages.reduce((n, p) => n + p.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const refused = model.pages.filter((p) => p.diagnostics.some((d) => d.severity === 'error')).length;
  const parts = [
    countOf(model.pages.length, 'page'),
    measured.length > 0 ? `${used} of ${blocks} blocks used (${share(used, blocks)}) on the ${countOf(measured.length, 'page')} whose coverage is recorded` : 'no page records its coverage',
    `${unread} not read`,
    countOf(warnings, 'warning'),
  ];
  if (measured.length < model.pages.length) parts.push(`${model.pages.length - measured.length} not measured`);
  if (refused > 0) parts.push(`${refused} refused`);
  const rows = model.pages
    .map((page, i) => {
      const cells = page.coverage
        ? `<td class="number">${page.coverage.used} of ${page.coverage.blocks}${page.coverage.measure === 'documents' ? ' code blocks' : ''}</td><td class="number">${share(page.coverage.used, page.coverage.blocks)}</td>`
        : '<td colspan="2" class="not-measured">not measured</td>';
      const unreadHere = page.spans.filter((s) => s.state === 'unread').length;
      const warningsHere = page.diagnostics.filter((d) => d.severity === 'warning').length;
      const errorsHere = page.diagnostics.filter((d) => d.severity === 'error').length;
      return `        <tr><td><a href="#page-${i + 1}">${escapeHtml(page.path)}</a></td><td>${escapeHtml(page.format ?? '(none)')}</td>${cells}<td class="number">${unreadHere}</td><td class="number">${warningsHere}</td><td class="number">${errorsHere}</td></tr>`;
    })
    .join('\n');
  return `      <p class="summary-line">${escapeHtml(parts.join(' · '))}</p>
      <table class="summary">
        <thead><tr><th>page</th><th>read as</th><th>blocks used</th><th>share</th><th>not read</th><th>warnings</th><th>errors</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>`;
}

function pageLine(page: ReportPage): string {
  const parts = [page.format ? `read as ${page.format}` : 'no importer read it'];
  if (page.coverage?.measure === 'blocks') parts.push(`${page.coverage.used} of ${page.coverage.blocks} blocks used (${share(page.coverage.used, page.coverage.blocks)})`);
  if (page.coverage?.measure === 'documents') {
    // The importer of embedded documents records no coverage of its own: what it fed is read from its stamps.
    parts.push(`${page.coverage.used} of ${page.coverage.blocks} code blocks used (${share(page.coverage.used, page.coverage.blocks)}); the prose around them is not measured`);
  }
  parts.push(`${page.spans.filter((s) => s.state === 'unread').length} not read`);
  parts.push(countOf(page.diagnostics.length, 'diagnostic'));
  return parts.join(' · ');
}

function renderPage(page: ReportPage, i: number, model: ReportModel): string {
  const id = `p${i + 1}`;
  const index = new LineIndex(page.text);
  const spanIds = page.spans.map((_, j) => `${id}-s${j + 1}`);
  const diagnosticIds = page.diagnostics.map((_, k) => `${id}-d${k + 1}`);
  const marks: SourceMark[] = page.spans.map((span, j) => {
    const place = span.specPlace === undefined ? undefined : model.specPlaces[span.specPlace];
    const where = `${span.at.line}:${span.at.column}`;
    if (span.state === 'fed') {
      if (!place) return { from: span.from, to: span.to, className: 'fed', id: spanIds[j]!, label: 'fed the import (no spec: the page was refused)', title: `${span.kind} at ${where}` };
      const missing = place.found ? '' : ' (not in the spec)';
      return {
        from: span.from,
        to: span.to,
        className: 'fed',
        id: spanIds[j]!,
        href: `#spec-${span.specPlace! + 1}`,
        label: readablePointer(place.pointer) + missing,
        title: `${span.kind} at ${where} fed ${place.pointer}${missing}`,
        pointer: place.pointer,
      };
    }
    if (span.state === 'document') return { from: span.from, to: span.to, className: 'document', id: spanIds[j]!, label: `OpenAPI document`, title: `${span.kind} at ${where}: an OpenAPI document, read whole` };
    const first = span.diagnostics[0];
    return {
      from: span.from,
      to: span.to,
      className: 'unread',
      id: spanIds[j]!,
      ...(first === undefined ? {} : { href: `#${diagnosticIds[first]}` }),
      label: `not read: ${span.message ?? span.kind}`,
      title: `${span.message ?? span.kind} (${where})`,
    };
  });
  // Diagnostics no span stands for are badges at their place.
  const attached = new Map<number, number>();
  page.spans.forEach((span, j) => span.diagnostics.forEach((k) => attached.set(k, j)));
  page.diagnostics.forEach((d, k) => {
    if (attached.has(k) || d.location?.line === undefined) return;
    const offset = index.offset({ line: d.location.line, column: d.location.column ?? 1 });
    marks.push({ from: offset, to: offset, className: 'diagnostic', id: `${diagnosticIds[k]}-at`, href: `#${diagnosticIds[k]}`, label: `⚠ ${d.severity}`, title: d.message });
  });
  const diagnostics = page.diagnostics
    .map((d, k) => {
      const j = attached.get(k);
      const target = j !== undefined ? spanIds[j] : d.location?.line !== undefined ? `${diagnosticIds[k]}-at` : undefined;
      const where = d.location ? formatLocation(d.location) : page.path;
      const place = target ? `<a href="#${escapeHtml(target)}">${escapeHtml(where)}</a>` : escapeHtml(where);
      return `        <li class="${d.severity}" id="${diagnosticIds[k]}">${place}: ${d.severity}: ${escapeHtml(d.message)}${d.location?.pointer ? ` (at ${escapeHtml(d.location.pointer)})` : ''}</li>`;
    })
    .join('\n');
  const notMeasured = page.coverage ? '' : `\n      <p class="not-measured">Coverage not measured: ${escapeHtml(page.notMeasured ?? 'nothing records it')}. The page is shown as it is.</p>`;
  return `      <section class="page" id="page-${i + 1}">
      <h2>${escapeHtml(page.path)}</h2>
      <p class="muted">${escapeHtml(pageLine(page))}</p>${notMeasured}
      <pre class="source">${renderSource(page.text, marks)}</pre>
${diagnostics ? `      <ol class="diagnostics">\n${diagnostics}\n      </ol>` : '      <p class="muted">No warnings.</p>'}
      </section>`;
}

function renderSpecPlace(place: SpecPlaceEntry, i: number, model: ReportModel): string {
  const fedBy = place.fedBy
    .map(({ page, span }) => {
      const p = model.pages[page]!;
      const s = p.spans[span]!;
      return `<a href="#p${page + 1}-s${span + 1}">${escapeHtml(formatLocation({ file: p.path, line: s.at.line, column: s.at.column }))}</a>`;
    })
    .join(', ');
  const where = place.found
    ? `${escapeHtml(model.specFile)}${place.line === undefined ? '' : `:${place.line}`}`
    : `<span class="missing">not in ${escapeHtml(model.specFile)}: the spec may be older than the pages (run \`${escapeHtml(model.generateCommand)}\`), or a later stage left it out</span>`;
  const yaml = place.yaml === undefined ? '' : `\n        <pre class="yaml">${escapeHtml(place.yaml)}</pre>`;
  return `      <section class="spec-place" id="spec-${i + 1}">
        <h3><code>${escapeHtml(readablePointer(place.pointer))}</code></h3>
        <p class="muted"><code>${escapeHtml(place.pointer || '(the whole spec)')}</code> · ${where}</p>${yaml}
        <p class="muted">fed by ${fedBy}</p>
      </section>`;
}
