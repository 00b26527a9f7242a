// What a page gave the spec, as spans of the page's text: the one place the report reads coverage.
// An importer that records coverage (the page model's, `ImportResult.coverage`) is read as it is; for
// a page that embeds an OpenAPI document, whose importer records none, its code blocks are the blocks
// and the operations and schemas stamped with their place on the page are what each one fed.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { ImportResult, Page, PageCoverage } from '../importers/importer.js';
import { findCodeBlocks } from '../importers/openapi-in-markdown/embedded-blocks.js';
import { LineIndex, type Position } from '../parse/line-index.js';
import { HTTP_METHODS, isObject, SOURCE_EXTENSION, type OpenApiDocument } from '../core/openapi-types.js';
import { joinPointer } from '../spec/references.js';

export interface CoverageSpan {
  /** Offsets into the page's text; `to` is exclusive. */
  from: number;
  to: number;
  /**
   * `fed`: it fed the fact at `pointer`; `unread`: it fed nothing; `document`: an embedded document
   * read whole, whose located parts are `fed` spans inside it.
   */
  state: 'fed' | 'unread' | 'document';
  /** What the block is, as the importer names it (`a property table`, `the heading "Responses"`). */
  kind: string;
  at: Position;
  /** `fed`: a JSON pointer into the page's fragment; absent when the page gave no fragment. */
  pointer?: string;
  /** `unread`: the section it stands in, when the importer knows it. */
  section?: string;
}

export interface PageSpans {
  /** `blocks`: the importer recorded every block; `documents`: read from the embedded documents' stamps. */
  measure: 'blocks' | 'documents';
  blocks: number;
  used: number;
  spans: CoverageSpan[];
}

/** Formats whose pages are (or embed) an OpenAPI document, read whole by their importer. */
const DOCUMENT_FORMATS = new Set(['openapi', 'openapi-in-markdown']);

/**
 * The page's coverage as spans, or undefined when nothing records it (an importer not built on the
 * page model, or a page refused before any block was read).
 */
export function readPageSpans(page: Page, result: ImportResult & { format?: string }): PageSpans | undefined {
  if (result.coverage) return spansOfBlocks(page.text, result.coverage, result.fragment);
  if (result.format && DOCUMENT_FORMATS.has(result.format) && result.fragment) return spansOfDocuments(page, result.format, result.fragment);
  return undefined;
}

/**
 * The page model records where each block starts, not where it ends: a block runs to the start of
 * the next one recorded (trailing blank space left out), the last one to the end of the page. A run
 * of unread prose lines is recorded once, at its start, so its span covers the whole run.
 */
function spansOfBlocks(text: string, coverage: PageCoverage, fragment: OpenApiDocument | undefined): PageSpans {
  const index = new LineIndex(text);
  const offsetOf = (at: Position) => Math.min(Math.max(index.offset(at), 0), text.length);
  const operation = fragment ? onlyOperation(fragment) : undefined;
  const spans: CoverageSpan[] = [
    ...coverage.fed.map((fed): CoverageSpan => ({
      from: offsetOf(fed.at),
      to: 0,
      state: 'fed',
      kind: fed.kind,
      at: { line: fed.at.line, column: fed.at.column },
      ...(operation === undefined ? {} : { pointer: operation + fed.pointer }),
    })),
    ...coverage.unread.map((unread): CoverageSpan => ({
      from: offsetOf(unread.at),
      to: 0,
      state: 'unread',
      kind: unread.kind,
      at: { line: unread.at.line, column: unread.at.column },
      ...(unread.section ? { section: unread.section } : {}),
    })),
  ];
  const starts = [...new Set(spans.map((s) => s.from))].sort((a, b) => a - b);
  for (const span of spans) {
    const next = starts.find((start) => start > span.from) ?? text.length;
    span.to = trimEnd(text, span.from, next);
  }
  return { measure: 'blocks', blocks: coverage.blocks, used: coverage.used, spans: inPageOrder(spans) };
}

/** The pointer of the fragment's one operation: a page-model page describes one operation. */
function onlyOperation(fragment: OpenApiDocument): string | undefined {
  const found: string[] = [];
  if (isObject(fragment.paths)) {
    for (const [path, item] of Object.entries(fragment.paths)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) if (isObject(item[method])) found.push(joinPointer('paths', path, method));
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * An embedded document is one block; it is used when something it holds was stamped with its place
 * (`x-specmill-source`: operations, component schemas). Each stamped part runs to the next one in
 * the same block, or to the block's end.
 */
function spansOfDocuments(page: Page, format: string, fragment: OpenApiDocument): PageSpans | undefined {
  const index = new LineIndex(page.text);
  const blocks =
    format === 'openapi'
      ? [{ from: 0, to: page.text.length, lang: '', end: page.text.length }]
      : findCodeBlocks(fromMarkdown(page.text), page.text).map((b) => ({ from: b.from, to: b.to, lang: b.lang, end: b.closed && !b.inline ? page.text.lastIndexOf('\n', b.to - 1) : b.to }));
  const stamps = findStamps(fragment, page.path)
    .map((stamp) => ({ ...stamp, offset: Math.min(index.offset(stamp.at), page.text.length) }))
    .sort((a, b) => a.offset - b.offset || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  // A part stamped outside every block (a document rebuilt from MDX props) is one these blocks cannot account for.
  if (blocks.length === 0 || stamps.some((s) => !blocks.some((b) => s.offset >= b.from && s.offset < b.to))) return undefined;
  const spans: CoverageSpan[] = [];
  let used = 0;
  for (const block of blocks) {
    const inside = stamps.filter((s) => s.offset >= block.from && s.offset < block.to);
    const at = index.position(block.from);
    const kind = format === 'openapi' ? 'the OpenAPI document' : `a code block${block.lang ? ` (${block.lang})` : ''}`;
    const to = trimEnd(page.text, block.from, block.to);
    if (inside.length === 0) {
      spans.push({ from: block.from, to, state: 'unread', kind, at });
      continue;
    }
    used++;
    spans.push({ from: block.from, to, state: 'document', kind, at });
    inside.forEach((stamp, i) => {
      // The last part ends where the document does, before the fence that closes the block.
      const next = inside.slice(i + 1).find((s) => s.offset > stamp.offset)?.offset ?? Math.max(block.end, stamp.offset + 1);
      spans.push({ from: stamp.offset, to: trimEnd(page.text, stamp.offset, next), state: 'fed', kind: stamp.kind, at: stamp.at, pointer: stamp.pointer });
    });
  }
  return { measure: 'documents', blocks: blocks.length, used, spans: inPageOrder(spans) };
}

interface Stamp {
  pointer: string;
  kind: string;
  at: Position;
}

/** Every object of the fragment stamped with a place on this page, with its pointer. */
function findStamps(fragment: OpenApiDocument, pagePath: string): Stamp[] {
  const stamps: Stamp[] = [];
  const visit = (node: unknown, segments: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...segments, String(i)]));
      return;
    }
    if (!isObject(node)) return;
    const source = node[SOURCE_EXTENSION];
    const at = typeof source === 'string' ? parseSource(source, pagePath) : undefined;
    if (at) stamps.push({ pointer: joinPointer(...segments), kind: describeStamped(segments), at });
    for (const [key, value] of Object.entries(node)) visit(value, [...segments, key]);
  };
  visit(fragment, []);
  return stamps;
}

function describeStamped(segments: readonly string[]): string {
  if (segments[0] === 'paths' && segments.length === 3) return `the operation ${segments[2]!.toUpperCase()} ${segments[1]}`;
  if (segments[0] === 'components' && segments.length === 3) return `the component ${segments[2]}`;
  return 'a located part of the document';
}

/** `page:line:column` (or `page:line`) of this page; undefined for another page's. */
export function parseSource(source: string, pagePath: string): Position | undefined {
  if (!source.startsWith(`${pagePath}:`)) return undefined;
  const match = /^(\d+)(?::(\d+))?$/.exec(source.slice(pagePath.length + 1));
  if (!match) return undefined;
  return { line: Number(match[1]), column: match[2] === undefined ? 1 : Number(match[2]) };
}

/** The end of a span with the blank space before the next one left out (never empty). */
function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from + 1 && /\s/.test(text[end - 1]!)) end--;
  return Math.max(end, Math.min(from + 1, text.length));
}

function inPageOrder(spans: CoverageSpan[]): CoverageSpan[] {
  const rank = { document: 0, unread: 1, fed: 2 } as const;
  // Outer spans first where two start together, so that the inner one is drawn inside.
  return spans.sort((a, b) => a.from - b.from || b.to - a.to || rank[a.state] - rank[b.state] || compareText(a.pointer ?? '', b.pointer ?? '') || compareText(a.kind, b.kind));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
