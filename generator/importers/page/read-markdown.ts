// Reads the Markdown export of a reference page: headings, paragraphs, callouts, GFM tables, and
// `<details>` blocks around nested tables. Table rows are re-cut from their source line, because GFM
// splits `string | null` at its pipe (even inside backticks) and drops nothing a reader could recover.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { List, Nodes, Paragraph, RootContent, Table } from 'mdast';
import type { Diagnostic } from '../../core/diagnostics.js';
import { HTTP_METHODS } from '../../core/openapi-types.js';
import type { Block, ListItem, Position, ReadResult, TableRow } from './blocks.js';

/** Deeper lists are read flat: no page needs more, and recursion stays bounded. */
const MAX_LIST_DEPTH = 16;
import { columnsFromHeaderCells, fitCells, splitPipeRow, tableRowOf, type Cell, type RowCells } from './columns.js';
import { isStructuralLine, labelOfSummary, matchCallout, matchOperationLine } from './vocabulary.js';
import { readHtmlFragment } from './read-html.js';

/**
 * Reads Markdown. `locate`, when given, maps an offset of `text` to the position in the page it was
 * taken from: a page flattened onto one line is read with its line breaks put back (see
 * unflatten.ts), and every block is still located by its column on the page's one line.
 */
export function readMarkdown(text: string, file: string, locate?: (offset: number) => Position): ReadResult {
  const lines = text.split(/\r\n|\r|\n/);
  const tree = fromMarkdown(withShallowBrackets(text), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const reader = new MarkdownReader(lines, file, text, locate);
  reader.readAll(tree.children);
  reader.flushSwaggerParameter();
  return { blocks: reader.blocks, diagnostics: reader.diagnostics };
}

/** A Liquid-style tag alone on its line, as GitBook writes its tabs: `{% tab title="201" %}`. */
const TEMPLATE_TAG = /^\s*\{%-?\s*((?:end)?(?:tabs?|hint|code|content-ref)\b[^%]*?)\s*-?%\}\s*$/;

/** `{% swagger-parameter in="path" name="id" %}` and its end tag, with what follows on the line. */
const SWAGGER_TAG = /^\s*\{%-?\s*(end)?swagger(?:-(parameter|response|description))?\b((?:[^%"]|"[^"]*")*?)-?%\}\s*$/;

/** `name="id" type="String"`: a tag's attributes. */
function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const match of text.matchAll(/([A-Za-z][\w-]*)\s*=\s*"([^"]*)"/g)) attributes[match[1]!] = match[2]!;
  return attributes;
}

const OPERATION_START = new RegExp(`^\\s*(?:${HTTP_METHODS.join('|')})\\s+/\\S*(?:\\s|$)`, 'i');

/** No link label nests this deep; a type such as `array[array[string]]` nests two. */
const MAX_BRACKET_DEPTH = 32;
/** No link text runs this long (CommonMark caps a label at 999 characters). */
const MAX_BRACKET_SPAN = 1000;
/** What stands for a bracket the Markdown parser is not shown, in the one place it was. */
const HIDDEN_OPEN = '\uE000';
const HIDDEN_CLOSE = '\uE001';

/**
 * The text with the brackets that cannot be a link (nested deeper or spanning further than any
 * link, or never closed before that far) hidden from the Markdown parser, each in its own place so
 * offsets stay the page's: its GFM extensions walk back over an open bracket's whole content at
 * every word, which on thousands of them costs the square of the page. `plainText` puts them back.
 */
function withShallowBrackets(text: string): string {
  if (!text.includes('[')) return text;
  const hidden = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') open.push(i);
    else if (c === ']' && open.length > 0) {
      const start = open.pop()!;
      if (open.length >= MAX_BRACKET_DEPTH || i - start > MAX_BRACKET_SPAN) hidden.add(start).add(i);
    }
  }
  for (const start of open) if (text.length - start > MAX_BRACKET_SPAN) hidden.add(start);
  if (hidden.size === 0) return text;
  return text.replace(/[[\]]/g, (bracket, offset: number) => (hidden.has(offset) ? (bracket === '[' ? HIDDEN_OPEN : HIDDEN_CLOSE) : bracket));
}

function restoreBrackets(value: string): string {
  return value.includes(HIDDEN_OPEN) || value.includes(HIDDEN_CLOSE) ? value.replaceAll(HIDDEN_OPEN, '[').replaceAll(HIDDEN_CLOSE, ']') : value;
}

class MarkdownReader {
  readonly blocks: Block[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** A `<details>` whose `<summary>` has not been seen yet. */
  private pendingOpen: Position | undefined;
  /** A GitBook `{% swagger-parameter %}` whose description runs to its end tag. */
  private swaggerParameter: { attributes: Record<string, string>; description: string[]; at: Position } | undefined;

  constructor(
    private readonly lines: string[],
    private readonly file: string,
    private readonly source: string,
    private readonly locate: ((offset: number) => Position) | undefined,
  ) {}

  private start(node: Nodes): Position {
    if (this.locate && node.position?.start.offset !== undefined) return this.locate(node.position.start.offset);
    return start(node);
  }

  /** The Markdown a node was written as. */
  private markdownOf(node: Nodes): string {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    return from === undefined || to === undefined ? plainText(node) : this.source.slice(from, to);
  }

  private listItems(list: List, depth = 0): ListItem[] {
    return list.children.map((item) => {
      const own = item.children.filter((child) => child.type !== 'list');
      const text = own.map((child) => plainText(child)).join(' ').replace(/\s+/g, ' ').trim();
      const markdown = own.map((child) => this.markdownOf(child)).join('\n').trim();
      const nested = depth < MAX_LIST_DEPTH ? item.children.filter((child): child is List => child.type === 'list') : [];
      return { text, markdown, at: this.start(item), children: nested.flatMap((child) => this.listItems(child, depth + 1)) };
    });
  }

  readAll(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.read(node);
  }

  private read(node: RootContent): void {
    const at = this.start(node);
    switch (node.type) {
      case 'heading':
        this.flushOpen();
        this.pushHeading(node.depth, plainText(node), node.children, at);
        return;
      case 'paragraph':
        this.flushOpen();
        this.readParagraph(node, at);
        return;
      case 'table':
        this.flushOpen();
        this.readTable(node, at);
        return;
      case 'blockquote':
        this.readAll(node.children);
        return;
      case 'list':
        this.flushOpen();
        if (holdsLabelledCode(node)) {
          // `- Status: 200 OK` / `- Body:` over a fenced sample: labelled lines, not a list of fields.
          for (const item of node.children) this.readAll(item.children);
          return;
        }
        this.blocks.push({ kind: 'list', items: this.listItems(node), at });
        return;
      case 'code': {
        this.flushOpen();
        // An endpoint is sometimes printed as a one-line code block; other code is an example.
        const value = restoreBrackets(node.value);
        const first = value.split('\n')[0] ?? '';
        if (matchOperationLine(first) && !value.includes('\n')) this.blocks.push({ kind: 'text', text: first.trim(), at: { line: at.line + 1, column: at.column } });
        else this.blocks.push({ kind: 'code', lang: (node.lang ?? '').toLowerCase(), value, at, valueAt: this.locate ? at : { line: at.line + 1, column: 1 } });
        return;
      }
      case 'html':
        this.readHtml(restoreBrackets(node.value), at);
        return;
      default:
        return;
    }
  }

  private pushHeading(depth: number, text: string, children: readonly Nodes[], at: Position): void {
    const from = children[0]?.position?.start.offset;
    const to = children.at(-1)?.position?.end.offset;
    const markdown = from === undefined || to === undefined ? undefined : this.source.slice(from, to).replace(/\s+/g, ' ').trim();
    this.blocks.push(markdown && markdown !== text ? { kind: 'heading', depth, text, markdown, at } : { kind: 'heading', depth, text, at });
  }

  /** Lines that are the page's structure (`POST /x`, `Show x fields`) stay apart from the prose they end. */
  private readParagraph(node: Paragraph, at: Position): void {
    const lines = plainText(node).split('\n');
    let prose: string[] = [];
    let proseAt = at;
    let markdown: string[] = [];
    const flush = () => {
      const text = prose.join(' ').replace(/\s+/g, ' ').trim();
      const source = markdown.join(' ').replace(/\s+/g, ' ').trim();
      if (text) this.blocks.push(source && source !== text ? { kind: 'text', text, markdown: source, at: proseAt } : { kind: 'text', text, at: proseAt });
      prose = [];
      markdown = [];
    };
    // The paragraph's own source lines (on a flattened page, those its line breaks were put back into).
    const rawLines = this.markdownOf(node).split('\n');
    const sourceLines = rawLines.map((line) => line.replace(/^\s*(?:>\s?)+/, ''));
    const lineStart = (k: number): Position => this.lineOfParagraph(node, rawLines, k, lines.length) ?? { line: at.line + k, column: k === 0 ? at.column : 1 };
    // `The body can contain:` over `    - \`name\`: (string) ...` lines indented under it: Markdown reads
    // the list as the sentence's continuation; it is a list of its own.
    let listFrom = lines.findIndex((line, k) => k > 0 && /:\s*$/.test(lines[k - 1]!) && lines.slice(k).every((rest) => /^\s*[-*+]\s+\S/.test(rest)));
    if (listFrom < 0 || sourceLines.length !== lines.length) listFrom = lines.length;
    lines.slice(0, listFrom).forEach((line, offset) => {
      const lineAt = lineStart(offset);
      // GitBook's API blocks: `{% swagger method="post" path="/x" %}`, a parameter's tag over its
      // description, `{% swagger-response status="200: OK" %}`. Read as the lines a page prints.
      const swagger = SWAGGER_TAG.exec(line);
      if (swagger) {
        flush();
        this.readSwaggerTag(swagger[1] !== undefined, swagger[2] ?? '', attributesOf(swagger[3]!), lineAt);
        proseAt = lineStart(offset + 1);
        return;
      }
      if (this.swaggerParameter) {
        this.swaggerParameter.description.push(line.trim());
        return;
      }
      // A template tag (`{% tabs %}`, `{% tab title="201" %}`, `{% endtab %}`) is the site's markup:
      // a tab's title is a line of its own (a status, a language), the tags themselves say nothing.
      const tag = TEMPLATE_TAG.exec(line);
      if (tag) {
        flush();
        // Only a tab's title says something of what follows (a code block's title is its file name).
        const title = /^tab\b/.test(tag[1]!) ? /\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag[1]!) : null;
        const label = (title?.[1] ?? title?.[2] ?? '').trim();
        if (label) this.blocks.push({ kind: 'text', text: label, at: lineAt });
        proseAt = lineStart(offset + 1);
        return;
      }
      // A callout's label on its own line (`> **Note**`) is kept apart, as a text rendering prints it.
      // On a flattened page, a line the operation opens is the operation's, with what the page ran into it.
      if (isStructuralLine(line) || (this.locate && offset > 0 && OPERATION_START.test(line)) || (offset === 0 && lines.length > 1 && matchCallout(line)?.rest === '')) {
        flush();
        this.blocks.push({ kind: 'text', text: line.trim(), at: lineAt });
        proseAt = lineStart(offset + 1);
        return;
      }
      if (prose.length === 0) proseAt = lineAt;
      prose.push(line);
      const source = sourceLines?.length === lines.length ? sourceLines[offset] : undefined;
      if (source !== undefined) markdown.push(source);
    });
    flush();
    if (listFrom < lines.length) {
      const items: ListItem[] = lines.slice(listFrom).map((line, k) => ({
        text: line.replace(/^\s*[-*+]\s+/, '').trim(),
        markdown: sourceLines[listFrom + k]!.replace(/^\s*[-*+]\s+/, '').trim(),
        at: lineStart(listFrom + k),
        children: [],
      }));
      this.blocks.push({ kind: 'list', items, at: items[0]!.at });
    }
  }

  /** A GitBook API block's tag: the operation, a parameter (held until its end tag), a response. */
  private readSwaggerTag(end: boolean, kind: string, attributes: Record<string, string>, at: Position): void {
    if (end) {
      if (kind === 'parameter') this.flushSwaggerParameter();
      return;
    }
    if (kind === '') {
      if (attributes.summary) this.blocks.push({ kind: 'text', text: attributes.summary, at });
      if (attributes.method && attributes.path) this.blocks.push({ kind: 'text', text: `${attributes.method.toUpperCase()} ${attributes.baseUrl ?? ''}${attributes.path}`, at });
    } else if (kind === 'parameter') {
      this.flushSwaggerParameter();
      this.swaggerParameter = { attributes, description: [], at };
    } else if (kind === 'response' && attributes.status) {
      this.blocks.push({ kind: 'text', text: attributes.status, at });
      if (attributes.description) this.blocks.push({ kind: 'text', text: attributes.description, at });
    }
  }

  flushSwaggerParameter(): void {
    const parameter = this.swaggerParameter;
    if (!parameter) return;
    this.swaggerParameter = undefined;
    const { attributes, at } = parameter;
    const row: TableRow = {
      name: attributes.name ?? '',
      type: attributes.type ?? '',
      required: attributes.required === 'true' ? 'required' : attributes.required === 'false' ? 'optional' : '',
      description: parameter.description.join(' ').replace(/\s+/g, ' ').trim() || (attributes.description ?? ''),
      in: attributes.in ?? '',
      default: '',
      at,
      typeAt: at,
      nested: [],
    };
    this.blocks.push({ kind: 'table', columns: ['name', 'in', 'type', 'required', 'description'], rows: [row], at });
  }

  /** Where line `k` of a paragraph starts on a flattened page (its lines are those unflatten.ts put back). */
  private lineOfParagraph(node: Paragraph, rawLines: readonly string[], k: number, count: number): Position | undefined {
    const from = node.position?.start.offset;
    if (!this.locate || from === undefined || rawLines.length !== count || k >= count) return undefined;
    let offset = from;
    for (let i = 0; i < k; i++) offset += rawLines[i]!.length + 1;
    if (k > 0) offset += /^\s*/.exec(rawLines[k]!)![0].length;
    return this.locate(offset);
  }

  private readTable(node: Table, at: Position): void {
    const [head, ...body] = node.children;
    const headerCells = head ? this.cellsOf(head.position?.start.line).map((c) => c.text) : [];
    const columns = columnsFromHeaderCells(headerCells);
    if (!columns) {
      // A table of statuses, errors or anything else: its cells as printed, for the recognizers.
      const grid = body.map((row) => ({ cells: row.children.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim()), at: this.start(row) }));
      this.blocks.push({ kind: 'grid', header: head ? head.children.map((cell) => plainText(cell).trim()) : [], rows: grid, at });
      return;
    }
    const rows: TableRow[] = [];
    for (const row of body) {
      const line = row.position?.start.line;
      if (line === undefined) continue;
      const cells = fitCells(this.cellsOf(line), columns);
      rows.push(tableRowOf(cells, line, (text) => text.trim()));
    }
    this.blocks.push({ kind: 'table', columns, rows, at });
  }

  /** Cells of a source line, as plain text: backticks, emphasis and `\|` escapes removed. */
  private cellsOf(line: number | undefined): Cell[] {
    const source = line === undefined ? '' : (this.lines[line - 1] ?? '');
    return splitPipeRow(source).map((cell) => ({ text: plainInline(cell.text), offset: cell.offset }));
  }

  /** `<details>`/`<summary>` mark nested tables; an HTML table is read as HTML. */
  private readHtml(html: string, at: Position): void {
    if (/<table\b/i.test(html)) {
      this.flushOpen();
      const read = readHtmlFragment(html, this.file, at);
      this.blocks.push(...read.blocks);
      this.diagnostics.push(...read.diagnostics);
      return;
    }
    for (const tag of html.matchAll(/<(\/?)(details|summary)\b[^>]*>([\s\S]*?)(?=<\/?(?:details|summary)\b|$)/gi)) {
      const closing = tag[1] === '/';
      const name = tag[2]!.toLowerCase();
      if (name === 'details' && !closing) {
        this.flushOpen();
        this.pendingOpen = at;
      } else if (name === 'details') {
        this.flushOpen();
        this.blocks.push({ kind: 'close', at });
      } else if (!closing) {
        const label = labelOfSummary(plainInline(tag[3] ?? ''));
        this.blocks.push({ kind: 'open', label, at: this.pendingOpen ?? at });
        this.pendingOpen = undefined;
      }
    }
  }

  /** A `<details>` without a `<summary>` still opens a nested table, for no named row. */
  private flushOpen(): void {
    if (!this.pendingOpen) return;
    this.blocks.push({ kind: 'open', label: '', at: this.pendingOpen });
    this.pendingOpen = undefined;
  }
}

function start(node: Nodes): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** A cell's Markdown as plain text. */
function plainInline(markdown: string): string {
  if (!/[`*_\\[<&!]/.test(markdown)) return markdown.trim();
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree.children.map(plainText).join(' ').replace(/\s+/g, ' ').trim();
}

/** Text of a node with hard breaks kept as newlines, inline HTML dropped. */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return restoreBrackets(node.value);
    case 'break':
      return '\n';
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : '';
    case 'image':
      return node.alt ?? '';
    default:
      if (!('children' in node)) return '';
      return node.children
        .map(plainText)
        .join(node.type === 'listItem' || node.type === 'blockquote' ? ' ' : '')
        .replace(/[ \t]+/g, ' ');
  }
}

/** A list item whose words end in a label (`Body:`) over a code block of its own: the list labels samples. */
function holdsLabelledCode(list: List): boolean {
  return list.children.some((item) => {
    const code = item.children.findIndex((child) => child.type === 'code');
    const label = code > 0 ? item.children[code - 1] : undefined;
    return label?.type === 'paragraph' && /:\s*$/.test(plainText(label));
  });
}
