// Finds the code blocks of a page, however the page was saved: fences of three or more backticks or
// tildes with an info string after the language (Mintlify's ````yaml <spec> get /path), fences
// left inside a line by an export that flattened the page onto one line (ReadMe, Fern), and the
// `<pre>` blocks of a page saved as HTML. Says where each starts and whether the page closed it, so
// a cut-off document is known as one.
import { createRequire } from 'node:module';
import type { Code, Root } from 'mdast';
import { LineIndex } from '../../parse/line-index.js';

// cheerio takes a third of a second to load; only pages with `<pre>` blocks need it.
const require = createRequire(import.meta.url);
let cheerio: typeof import('cheerio') | undefined;
const load: typeof import('cheerio').load = (...args) => (cheerio ??= require('cheerio') as typeof import('cheerio')).load(...args);

export interface CodeBlock {
  /** The block's text, without its fences. */
  text: string;
  /** The fence's language, lower-cased (`json`, `yaml`); '' when none. */
  lang: string;
  /** The rest of the fence's info string. */
  meta: string;
  /** Where the text starts on the page (1-based). */
  line: number;
  column: number;
  /** False when the page ends before the closing fence: the block may be cut off. */
  closed: boolean;
  /** The block sat inside a line of other text (a page flattened onto one line). */
  inline: boolean;
  /** The page offsets the block spans, fences included. */
  from: number;
  to: number;
}

/** A fence block mdast found, with whether its closing fence is on the page. */
function fromCode(node: Code, text: string): CodeBlock | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return undefined;
  const raw = text.slice(start.offset, end.offset);
  const opening = /^[ \t>]*(`{3,}|~{3,})/.exec(raw);
  if (!opening) return undefined; // an indented code block: not a fence
  const lines = raw.split('\n');
  const fence = opening[1]!;
  const last = lines.at(-1)!.replace(/^[ \t>]*/, '').trimEnd();
  const closed = lines.length > 1 && last.length >= fence.length && new RegExp(`^\\${fence[0]}+$`).test(last);
  return {
    text: node.value,
    // `yaml:openapi.yaml`, `json{3-5}`: the language is the word before a file name or attributes.
    lang: (node.lang ?? '').toLowerCase().replace(/[:{[].*$/, ''),
    meta: node.meta ?? '',
    line: start.line + 1,
    column: start.column,
    closed,
    inline: false,
    from: start.offset,
    to: end.offset,
  };
}

/**
 * Fences that open after other text on the same line: the block runs to the next fence of at
 * least the same length that stands alone between spaces, or to the end of the page (cut off).
 */
function findInlineFences(text: string, taken: readonly [number, number][]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const index = new LineIndex(text);
  const opening = /(`{3,}|~{3,})([A-Za-z][\w+-]*)?[ \t]+(?=\S)/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (/^[ \t>]*$/.test(text.slice(lineStart, match.index))) continue; // a fence at the line's start: mdast has it
    if (taken.some(([from, to]) => match!.index >= from && match!.index < to)) continue; // inside a block mdast found
    const fence = match[1]!;
    const from = match.index + match[0].length;
    const closing = new RegExp(`(?<=\\s)\\${fence[0]}{${fence.length},}(?=\\s|$)`, 'g');
    closing.lastIndex = from;
    const close = closing.exec(text);
    const to = close ? close.index : text.length;
    blocks.push({
      text: text.slice(from, to).trimEnd(),
      lang: (match[2] ?? '').toLowerCase(),
      meta: '',
      ...index.position(from),
      closed: Boolean(close),
      inline: true,
      from: match.index,
      to: close ? close.index + close[0].length : text.length,
    });
    opening.lastIndex = close ? close.index + close[0].length : text.length;
  }
  return blocks;
}

const PRE_OPEN = /<pre\b[^>]*>\s*(?:<code\b([^>]*)>)?/gi;
const PRE_CLOSE = /<\/pre\s*>/i;
const LANGUAGE_CLASS = /\bclass\s*=\s*["'][^"']*?\b(?:language|lang)-([\w+-]+)/i;

/**
 * `<pre>` blocks, as a page saved as HTML (or Markdown holding HTML) shows code: the text a reader
 * sees (highlighting tags stripped, entities decoded), the language from a `language-x` class. A
 * block runs to `</pre>` or, cut off, to the end of the page. Columns inside a block count the text
 * as decoded, so they may fall short where a line holds entities; lines hold.
 */
function findPreBlocks(text: string, taken: readonly [number, number][]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  if (!/<pre\b/i.test(text)) return blocks;
  const index = new LineIndex(text);
  PRE_OPEN.lastIndex = 0;
  for (let match = PRE_OPEN.exec(text); match; match = PRE_OPEN.exec(text)) {
    if (taken.some(([from, to]) => match!.index >= from && match!.index < to)) continue; // HTML shown inside a fence
    const from = match.index + match[0].length;
    const close = PRE_CLOSE.exec(text.slice(from));
    const end = close ? from + close.index : text.length;
    const inner = text.slice(from, end).replace(/<\/code\s*>\s*$/i, '');
    const lang = (LANGUAGE_CLASS.exec(match[1] ?? '') ?? LANGUAGE_CLASS.exec(match[0]))?.[1]?.toLowerCase() ?? '';
    blocks.push({
      text: load(`<pre>${inner}</pre>`)('pre').text(),
      lang,
      meta: '',
      ...index.position(from),
      closed: Boolean(close),
      inline: false,
      from: match.index,
      to: close ? end + close[0].length : text.length,
    });
    PRE_OPEN.lastIndex = close ? end + close[0].length : text.length;
  }
  return blocks;
}

/** The text a reader sees of some HTML: tags stripped, entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
  return load(`<div>${html}</div>`)('div').first().text().replace(/\s+/g, ' ').trim();
}

/** Every code block of the page, in page order. */
export function findCodeBlocks(tree: Root, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const taken: [number, number][] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') {
      const code = node as Code;
      const block = fromCode(code, text);
      if (block) blocks.push(block);
      taken.push([code.position?.start.offset ?? 0, code.position?.end.offset ?? 0]);
      return;
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visit(child);
  };
  visit(tree);
  blocks.push(...findInlineFences(text, taken), ...findPreBlocks(text, taken));
  return blocks.sort((a, b) => a.line - b.line || a.column - b.column);
}
