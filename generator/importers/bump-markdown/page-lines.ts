// Cuts a Bump.sh page into located lines. A page that lost its line breaks gets them back before
// its structural markers, so one line-based reader serves flattened and line-broken pages alike.
import { HTTP_METHODS } from '../../openapi-types.js';
import { PageIndex } from '../page/page-index.js';

export interface PageLine {
  /** The line's text, without its indentation and trailing whitespace. */
  text: string;
  /** Leading spaces of a real line; on a flattened page, the spaces before a marker beyond the one that stood for the lost break. */
  indent: number;
  /** Offset of `text[0]` in the page, for diagnostics and `x-specmill-source`. */
  offset: number;
  /** Inside a fenced code block: prose, never a heading or a list item. */
  verbatim: boolean;
}

export interface PageText {
  lines: PageLine[];
  /** 1-based line and column of an offset in the original page. */
  locate(offset: number): { line: number; column: number };
}

const METHODS = HTTP_METHODS.join('|');
// Only markers Bump.sh writes at the start of a line; `# ` alone is too common in prose to split at.
const MARKER = new RegExp(
  `(?<=[ \\t])(?:#{2,6}[ \\t]|[-*+][ \\t]+\\*\\*|\\*\\*(?:${METHODS})[ \\t]+/|\\[Powered by Bump\\.sh\\])`,
  'gi',
);
// A bold name is a list item only when its `(type)` follows, so bold words in prose stay prose.
const ITEM_AT = /[-*+][ \t]+\*\*[^*\n]{1,300}?\*\*[ \t]*\(/y;
const FENCE = /^(`{3,}|~{3,})/;

export function readPageText(text: string): PageText {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  const lines: PageLine[] = [];
  let fence: string | undefined;
  for (let n = 0; n < lineStarts.length; n++) {
    const start = lineStarts[n] ?? 0;
    const end = n + 1 < lineStarts.length ? (lineStarts[n + 1] ?? text.length) - 1 : text.length;
    const raw = text.slice(start, end).replace(/\r$/, '');
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const opener = FENCE.exec(body)?.[1];
    if (fence !== undefined || opener !== undefined) {
      lines.push({ text: body, indent, offset: start + indent, verbatim: true });
      if (fence === undefined) fence = opener;
      else if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    for (const piece of splitAtMarkers(raw)) {
      lines.push({ text: piece.text, indent: piece.indent, offset: start + piece.start, verbatim: false });
    }
  }

  const index = new PageIndex(text);
  return { lines, locate: (offset) => index.position(offset) };
}

interface Piece {
  text: string;
  indent: number;
  start: number;
}

function splitAtMarkers(raw: string): Piece[] {
  const cuts: { at: number; indent: number }[] = [];
  let backticks = 0;
  let counted = 0;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(raw); match; match = MARKER.exec(raw)) {
    const at = match.index;
    for (; counted < at; counted++) if (raw[counted] === '`') backticks++;
    if (backticks % 2 === 1) continue; // a marker inside a code span is an example, not structure
    if (/^[-*+][ \t]/.test(match[0])) {
      ITEM_AT.lastIndex = at;
      if (!ITEM_AT.test(raw)) continue;
    }
    let space = at;
    while (space > 0 && (raw[space - 1] === ' ' || raw[space - 1] === '\t')) space--;
    if (space === 0) continue; // already at the start of its line
    cuts.push({ at, indent: at - space - 1 });
  }

  const pieces: Piece[] = [];
  const lead = raw.length - raw.trimStart().length;
  let from = lead;
  let indent = lead;
  for (const cut of cuts) {
    pieces.push({ text: raw.slice(from, cut.at).trimEnd(), indent, start: from });
    from = cut.at;
    indent = cut.indent;
  }
  pieces.push({ text: raw.slice(from).trimEnd(), indent, start: from });
  return pieces;
}
