// A Markdown page that lost its line breaks (a crawl or a copy flattened it onto one line) gets them
// back before the marks that start a line in Markdown: headings, list items, fences, the operation
// line. Each break replaces the one space before its mark, so every offset stays the page's own and
// a block read from the result is located by its column on the original line.
import { HTTP_METHODS } from '../../core/openapi-types.js';

const METHODS = HTTP_METHODS.join('|');
// Only marks that open a line; `#` alone is too common in prose to split at.
const MARK = new RegExp(
  [
    String.raw`#{1,6} (?=\S)`, // a heading
    String.raw`- (?=\*\*|` + '`' + String.raw`|\[)`, // a list item that opens with a name or a link
    String.raw`- (?=https?://)`, // a server item
    '`{3,}', // a fence
    String.raw`\*\*(?:${METHODS})\*\* `, // a method mark in bold
    String.raw`\*\*(?:${METHODS}) /`,
    String.raw`Endpoint: (?:${METHODS}) `, // a label line
    String.raw`Example: `,
    String.raw`\[Powered by`,
  ].join('|'),
  'gi',
);

/** True for a page that reads as Markdown squeezed onto a few very long lines. */
export function isFlattenedMarkdown(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.length > 3) return false;
  const longest = Math.max(...lines.map((line) => line.length));
  const marks = text.match(/ #{2,6} \S| - [`*]|\*\*(?:GET|POST|PUT|PATCH|DELETE)\b/gi)?.length ?? 0;
  // A short page needs more marks to tell it from a line of prose that mentions one.
  return longest >= 200 ? marks >= 2 : marks >= 3;
}

/** The text with a line break in place of the space before every mark (outside fenced code). */
export function unflatten(text: string): string {
  const out = text.split('');
  let inFence = false;
  MARK.lastIndex = 0;
  for (let match = MARK.exec(text); match; match = MARK.exec(text)) {
    const at = match.index;
    const fence = match[0].startsWith('```');
    if (inFence && !fence) continue;
    if (fence) {
      // A fence's language is its first word; the code starts on the next line.
      if (!inFence) {
        const lang = /^`{3,}[\w+-]*/.exec(text.slice(at))![0];
        const after = at + lang.length;
        if (text[after] === ' ') out[after] = '\n';
      }
      inFence = !inFence;
    }
    if (at > 0 && text[at - 1] === ' ') out[at - 1] = '\n';
  }
  return out.join('');
}
