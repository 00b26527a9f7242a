// Finds the code blocks of a page, however the page was saved: fences of three or more backticks or
// tildes with an info string after the language (Mintlify's ````yaml <spec> get /path), and fences
// left inside a line by an export that flattened the page onto one line (ReadMe, Fern). Says where
// each starts and whether the page closed it, so a cut-off document is known as one.
import type { Code, Root } from 'mdast';

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

function positionOfOffset(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
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
    lang: (node.lang ?? '').toLowerCase(),
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
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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
      ...positionOfOffset(starts, from),
      closed: Boolean(close),
      inline: true,
      from: match.index,
      to: close ? close.index + close[0].length : text.length,
    });
    opening.lastIndex = close ? close.index + close[0].length : text.length;
  }
  return blocks;
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
  blocks.push(...findInlineFences(text, taken));
  return blocks.sort((a, b) => a.line - b.line || a.column - b.column);
}
