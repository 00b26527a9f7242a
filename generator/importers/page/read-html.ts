// Reads the HTML page: headings, paragraphs and real <table> cells, with `<details>` around nested
// tables (next to the row or inside its cell). Site navigation and screen-reader-only text are left out.
import { createRequire } from 'node:module';

// cheerio takes a third of a second to load; only HTML pages need it, so it loads on first use.
const require = createRequire(import.meta.url);
let cheerio: typeof import('cheerio') | undefined;
const load: typeof import('cheerio').load = (...args) => (cheerio ??= require('cheerio') as typeof import('cheerio')).load(...args);
import type { AnyNode, Element } from 'domhandler';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Block, Position, ReadResult, TableRow } from './blocks.js';
import { columnsFromHeaderCells, fitCells, type RowCells } from './columns.js';
import { labelOfSummary, matchOperationLine } from './vocabulary.js';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'head', 'button', 'iframe', 'form', 'select', 'input', 'textarea']);
const HIDDEN_CLASSES = /(?:^|\s)(?:sr-only|visually-hidden|screen-reader-text)(?:\s|$)/;
const HEADINGS = /^h([1-6])$/;
/** Deeper markup is read as plain text: no page needs it, and recursion must stay bounded. */
const MAX_DEPTH = 64;
const BLOCKS = new Set([
  'html', 'body', 'main', 'article', 'section', 'div', 'header', 'aside', 'p', 'blockquote', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'fieldset', 'address', 'hr', 'summary', 'li',
]);

/** Reads a whole HTML page, from its `<main>` (or `<article>`) when it has one. */
export function readHtml(text: string, file: string): ReadResult {
  const $ = load(text, { sourceCodeLocationInfo: true });
  const content = $('main').first()[0] ?? $('article').first()[0] ?? $('[role="main"]').first()[0] ?? $('body').first()[0];
  const reader = new HtmlReader(file, { line: 1, column: 1 });
  const blocks: Block[] = [];
  reader.readNodes(content ? [content] : $.root().toArray(), blocks);
  return { blocks, diagnostics: reader.diagnostics };
}

/** Reads HTML embedded in another page (a table in Markdown), positioned from where it starts. */
export function readHtmlFragment(html: string, file: string, origin: Position): ReadResult {
  const $ = load(html, { sourceCodeLocationInfo: true }, false);
  const reader = new HtmlReader(file, origin);
  const blocks: Block[] = [];
  reader.readNodes($.root().contents().toArray(), blocks);
  return { blocks, diagnostics: reader.diagnostics };
}

class HtmlReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly origin: Position,
  ) {}

  /** Appends the blocks of `nodes`, gathering inline content into text blocks between them. */
  readNodes(nodes: readonly AnyNode[], out: Block[], depth = 0): void {
    let inline = '';
    let inlineAt: Position | undefined;
    const flush = () => {
      for (const line of inline.split('\n')) {
        const text = line.replace(/\s+/g, ' ').trim();
        if (text) out.push({ kind: 'text', text, at: inlineAt ?? this.origin });
      }
      inline = '';
      inlineAt = undefined;
    };
    for (const node of nodes) {
      if (node.type === 'text') {
        if (node.data.trim()) inlineAt ??= this.position(node);
        inline += node.data.replace(/\s+/g, ' ');
        continue;
      }
      if (!isElement(node) || isSkipped(node)) continue;
      const name = node.name.toLowerCase();
      const heading = HEADINGS.exec(name);
      if (name === 'br') {
        inline += '\n';
      } else if (heading?.[1]) {
        flush();
        out.push({ kind: 'heading', depth: Number(heading[1]), text: this.inlineText(node).replace(/\s+/g, ' ').trim(), at: this.position(node) });
      } else if (name === 'table' && depth < MAX_DEPTH) {
        flush();
        this.readTable(node, out, depth);
      } else if (name === 'details' && depth < MAX_DEPTH) {
        flush();
        this.readDetails(node, out, depth);
      } else if (name === 'ul' || name === 'ol') {
        flush();
        const items = node.children.filter(isElement).filter((li) => li.name === 'li');
        const text = items.map((li) => `- ${this.inlineText(li).replace(/\s+/g, ' ').trim()}`).join('\n');
        if (text) out.push({ kind: 'text', text, at: this.position(node) });
      } else if (name === 'pre') {
        flush();
        // An endpoint is sometimes printed as a one-line code block; other code is an example.
        const first = this.inlineText(node).trim().split('\n')[0] ?? '';
        if (matchOperationLine(first)) out.push({ kind: 'text', text: first.trim(), at: this.position(node) });
      } else if (depth < MAX_DEPTH && (BLOCKS.has(name) || hasBlockInside(node, depth))) {
        flush();
        this.readNodes(node.children, out, depth + 1);
      } else {
        inlineAt ??= this.position(node);
        inline += this.inlineText(node, depth);
      }
    }
    flush();
  }

  private readDetails(details: Element, out: Block[], depth: number): void {
    const summary = details.children.filter(isElement).find((child) => child.name === 'summary');
    const label = summary ? labelOfSummary(this.inlineText(summary).replace(/\s+/g, ' ')) : '';
    out.push({ kind: 'open', label, at: this.position(details) });
    this.readNodes(details.children.filter((child) => child !== summary), out, depth + 1);
    out.push({ kind: 'close', at: this.position(details) });
  }

  private readTable(table: Element, out: Block[], depth: number): void {
    const rows = tableRows(table);
    const headerIndex = rows.findIndex((row) => cellsOf(row).length > 0 && cellsOf(row).every((cell) => cell.name === 'th'));
    const header = rows[headerIndex === -1 ? 0 : headerIndex];
    const columns = header && columnsFromHeaderCells(cellsOf(header).map((cell) => this.inlineText(cell)));
    if (!columns) return;
    const read: TableRow[] = [];
    for (const row of rows.slice((headerIndex === -1 ? 0 : headerIndex) + 1)) {
      const cells = cellsOf(row).map((cell) => this.readCell(cell, depth + 1));
      const at = this.position(row);
      // A row of one wide cell holds a toggle and the nested table of the row above it.
      if (cells.length === 1 && columns.length > 1) {
        const nested = cells[0]!.nested;
        if (cells[0]!.text) nested.unshift({ kind: 'text', text: cells[0]!.text, at: cells[0]!.at });
        read.push({ name: '', type: '', required: '', description: '', in: '', default: '', at, typeAt: at, nested });
        continue;
      }
      const fitted = fitCells(
        cells.map((cell, index) => ({ text: cell.text, offset: index })),
        columns,
      );
      const nested = cells.flatMap((cell) => cell.nested);
      read.push(this.rowOf(fitted, cells, at, nested));
    }
    out.push({ kind: 'table', columns, rows: read, at: this.position(table) });
  }

  private rowOf(fitted: RowCells, cells: { at: Position }[], at: Position, nested: Block[]): TableRow {
    const text = (key: keyof RowCells) => fitted[key]?.text.trim() ?? '';
    const cellAt = (key: keyof RowCells) => cells[fitted[key]?.offset ?? -1]?.at ?? at;
    const name = text('name');
    return {
      name,
      type: text('type'),
      required: text('required'),
      description: text('description'),
      in: text('in'),
      default: text('default'),
      at: cellAt('name'),
      typeAt: cellAt('type'),
      // A nested table inside the row's own cells belongs to this row, whatever its toggle says.
      nested: nested.length > 0 && name ? [{ kind: 'open', label: name, at: nested[0]!.at }, ...nested, { kind: 'close', at: nested.at(-1)!.at }] : nested,
    };
  }

  /** A cell's text, and the blocks nested in it (tables, toggles) apart. */
  private readCell(cell: Element, depth: number): { text: string; at: Position; nested: Block[] } {
    const nested: Block[] = [];
    const prose: Block[] = [];
    let run: AnyNode[] = [];
    for (const child of cell.children) {
      if (isElement(child) && (child.name === 'details' || child.name === 'table' || hasTableInside(child))) {
        this.readNodes(run, prose, depth);
        run = [];
        this.readNodes([child], nested, depth);
      } else {
        run.push(child);
      }
    }
    this.readNodes(run, prose, depth);
    const text = prose
      .filter((block) => block.kind === 'text')
      .map((block) => block.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { text, at: this.position(cell), nested };
  }

  private inlineText(node: AnyNode, depth = 0): string {
    if (node.type === 'text') return node.data.replace(/\s+/g, ' ');
    if (!isElement(node) || isSkipped(node) || depth > MAX_DEPTH) return '';
    if (node.name === 'br') return '\n';
    if (node.name === 'pre') return textContent(node, depth);
    return node.children.map((child) => this.inlineText(child, depth + 1)).join('');
  }

  private position(node: AnyNode): Position {
    const location = node.sourceCodeLocation;
    if (!location) return this.origin;
    const line = this.origin.line + location.startLine - 1;
    const column = location.startLine === 1 ? this.origin.column + location.startCol - 1 : location.startCol;
    return { line, column };
  }
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag';
}

function isSkipped(node: Element): boolean {
  const attributes = node.attribs;
  return (
    SKIPPED.has(node.name.toLowerCase()) ||
    'hidden' in attributes ||
    attributes['aria-hidden'] === 'true' ||
    HIDDEN_CLASSES.test(attributes.class ?? '')
  );
}

function hasBlockInside(node: Element, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return node.children.some(
    (child) =>
      isElement(child) &&
      (BLOCKS.has(child.name) || child.name === 'table' || child.name === 'details' || HEADINGS.test(child.name) || hasBlockInside(child, depth + 1)),
  );
}

function hasTableInside(node: Element, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  return node.children.some((child) => isElement(child) && (child.name === 'table' || child.name === 'details' || hasTableInside(child, depth + 1)));
}

/** The table's own rows, not those of tables nested in its cells. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...child.children.filter(isElement).filter((row) => row.name === 'tr'));
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter(isElement).filter((cell) => cell.name === 'td' || cell.name === 'th');
}

function textContent(node: AnyNode, depth: number): string {
  if (node.type === 'text') return node.data;
  return isElement(node) && depth <= MAX_DEPTH ? node.children.map((child) => textContent(child, depth + 1)).join('') : '';
}
