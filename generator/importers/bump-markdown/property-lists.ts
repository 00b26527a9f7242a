// Reads Bump.sh's property lists, `- **name** (type, required) description`, nested by indentation,
// with the prose lines that follow an item added to its description.
import type { PageLine } from './page-lines.js';

export interface ListItem {
  name: string;
  /** The type expression as written (`array[string(date-time)]`, `string | null`), if any. */
  type?: string;
  /** Lower-case words after the type inside the parentheses: `required`, `deprecated`, ... */
  flags: string[];
  required: boolean;
  description: string;
  at: PageLine;
  children: ListItem[];
}

export interface PropertyList {
  /** Prose before the first item (a body's description). */
  intro: string;
  introAt?: PageLine;
  items: ListItem[];
}

const ITEM = /^[-*+][ \t]+\*\*(.+?)\*\*(.*)$/;
// `Required` after the parentheses marks the item, unless it opens a sentence ("Required if ...").
const REQUIRED_MARK = /^Required\b(?![ \t]+(?:if|when|unless|only|for|in|on|by|with|to|and|or|as|because|except|but|once)\b)[.:;,]?/;

export function isListItem(line: PageLine): boolean {
  return !line.verbatim && ITEM.test(line.text);
}

export function readPropertyList(lines: readonly PageLine[]): PropertyList {
  const intro: string[] = [];
  let introAt: PageLine | undefined;
  const items: ListItem[] = [];
  const open: { indent: number; item: ListItem }[] = [];
  const text = new Map<ListItem, string[]>();
  let last: ListItem | undefined;

  for (const line of lines) {
    const match = line.verbatim ? null : ITEM.exec(line.text);
    if (!match) {
      if (last) text.get(last)?.push(line.text);
      else {
        introAt ??= line;
        intro.push(line.text);
      }
      continue;
    }
    const item = parseItem(match[1] ?? '', match[2] ?? '', line);
    text.set(item, [item.description]);
    while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) >= line.indent) open.pop();
    const parent = open[open.length - 1]?.item;
    (parent ? parent.children : items).push(item);
    open.push({ indent: line.indent, item });
    last = item;
  }
  for (const [item, parts] of text) item.description = collapse(parts.join(' '));
  return introAt ? { intro: collapse(intro.join(' ')), introAt, items } : { intro: '', items };
}

function parseItem(rawName: string, rest: string, at: PageLine): ListItem {
  const name = rawName.trim().replace(/^`(.*)`$/, '$1');
  let tail = rest.trim();
  let type: string | undefined;
  const flags: string[] = [];
  if (tail.startsWith('(')) {
    const close = matchingParen(tail, 0);
    if (close !== -1) {
      const [first, ...others] = splitTopLevel(tail.slice(1, close), ',');
      type = first?.trim() || undefined;
      for (const flag of others) if (flag.trim()) flags.push(flag.trim().toLowerCase());
      tail = tail.slice(close + 1).trim();
    }
  }
  let required = flags.includes('required');
  const mark = REQUIRED_MARK.exec(tail);
  if (mark) {
    required = true;
    tail = tail.slice(mark[0].length).trim();
  }
  return { name, ...(type === undefined ? {} : { type }), flags, required, description: tail, at, children: [] };
}

/** Index of the `)` closing the `(` at `open`, or -1. */
export function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/** Splits at `separator` outside brackets and parentheses. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Descriptions lose their line breaks: a flattened page has none, and both forms must read alike. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
