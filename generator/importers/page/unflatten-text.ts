// A page of text that lost its line breaks (a crawl or a copy put a portal page on one line) gets them
// back before and after its landmarks: the title and its repeats, the operation, section titles,
// statuses, the lines that name a body, its samples, fields printed type first, the curl sample and
// the navigation after it. Each break replaces a space, so every offset stays the page's own and the
// text reader's blocks are located by their column on the page's one line (see `readFlattenedText`).
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Block, ListItem, Position, ReadResult, TableRow } from './blocks.js';
import { readCurlCommand } from './curl-sample.js';
import { LineIndex } from '../../parse/line-index.js';
import { readText } from './read-text.js';

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE';
const OPERATION = new RegExp(`(?<!\\S)(?:${METHODS})\\s+(?:https?://|/)\\S*`, 'g');
const SECTION = /(?<!\S)(?:Request\s+Body|Path\s+Parameters|Query\s+Parameters|Header\s+Parameters|Authentication|Responses|Response\s+Headers|Code\s+Samples)(?!\S)/g;
const MEDIA = String.raw`[\w.+-]+/[\w.+*-]+`;
const BODY_NAME = new RegExp(String.raw`(?<!\S)(?:Returns\s+)?\S+\s+of\s+type\(s\)\s+${MEDIA}(?:\s*,\s*${MEDIA})*`, 'g');
const NO_DATA = /(?<!\S)Operation\s+does(?:n['’]t|\s+not)\s+return\s+any\s+data\s+structure(?!\S)/g;
const TAIL_MARK = /^(?:Required|Optional|Show\s+optional\s+properties|This\s+(?:request\s+|response\s+)?body\s+class\s+contains\s+(?:all|one|any)\s+of\s+the\s+following\s*:\s*[A-Za-z_][\w.-]*(?:\s*,\s*[A-Za-z_][\w.-]*)*)(?!\S)/;
const STATUS = /(?<!\S)(?:[1-5](?:\d\d|XX)|default)(?!\S)/g;
const PRIMITIVE = 'string|integer|number|boolean|object|array|file';
/** `array of X`, `X of array`, `X As format`: the portal's type spellings. */
const TYPE = `(?:array\\s+of\\s+)*(?:${PRIMITIVE}|[A-Z][A-Za-z0-9_]*)(?:\\s+of\\s+array)*(?:\\s+As\\s+[\\w-]+)*`;
const PRIMITIVE_TYPE = `(?:array\\s+of\\s+)*(?:${PRIMITIVE})(?:\\s+of\\s+array)*(?:\\s+As\\s+[\\w-]+)*`;
/** A field name never ends in sentence punctuation, so prose does not read as one. */
const NAME = '[A-Za-z_$@](?:[\\w.$@\\[\\]-]*[\\w$@\\]])?';
const FIELD = new RegExp(`(?<!\\S)(${TYPE})\\s+(${NAME})\\s+(Required|Optional)(?!\\S)`, 'g');
const HEADER_FIELD = new RegExp(`(?<!\\S)(${PRIMITIVE_TYPE})\\s+([A-Z][A-Za-z0-9-]*|[a-z][a-z0-9]*-[A-Za-z0-9-]+)(?!\\S)`, 'g');
const COPY = /(?<!\S)COPY(?!\S)/g;
const CURL = /(?<!\S)curl(?=[ \t])/g;
const NAVIGATION_METHOD = new RegExp(`(?<!\\S)(?:${METHODS})(?!\\S)`, 'g');
/** A navigation lists its operations close together: this many method words, this far apart at most. */
const NAVIGATION_RUN = 3;
const NAVIGATION_GAP = 120;
const MIN_LENGTH = 200;
const ARTICLES = new Set(['a', 'an', 'the']);

interface Span {
  start: number;
  end: number;
}

/** A page of text on at most three lines that shows an operation and a portal's landmarks. */
export function isFlattenedText(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.length > 3 || !lines.some((line) => line.length >= MIN_LENGTH)) return false;
  if (!first(OPERATION, text, 0)) return false;
  return first(BODY_NAME, text, 0) !== undefined || first(NO_DATA, text, 0) !== undefined || count(SECTION, text) >= 2;
}

/** Reads a flattened page of text: its line breaks put back, its blocks located on the page as it is. */
export function readFlattenedText(text: string, file: string): ReadResult {
  const lined = unflattenText(text);
  const read = readText(lined, file);
  const from = new LineIndex(lined);
  const to = new LineIndex(text);
  const move = (at: Position): Position => to.position(from.offset(at));
  return { blocks: read.blocks.map((block) => relocateBlock(block, move)), diagnostics: read.diagnostics.map((d) => relocateDiagnostic(d, move)) };
}

/** The text with a line break in place of the space before (and after) every landmark. */
export function unflattenText(text: string): string {
  const operation = first(OPERATION, text, 0);
  if (!operation) return text;
  const out = text.split('');
  const cut = (at: number) => {
    if (at > 0 && at < text.length && (text[at - 1] === ' ' || text[at - 1] === '\t')) out[at - 1] = '\n';
  };
  const cutAround = (span: Span) => {
    cut(span.start);
    cut(skipSpace(text, span.end));
  };

  cutHead(text, operation.start, cut);
  cutAround(operation);
  const copy = first(COPY, text, operation.end);
  if (copy && skipSpace(text, operation.end) === copy.start) cutAround(copy);

  const curl = readCurlSpan(text, operation.end);
  const navigation = navigationStart(text, operation.end, curl);
  const limit = Math.min(navigation ?? text.length, curl?.start ?? text.length);

  const samples: Span[] = [];
  const anchors: (Span & { tail: number; request: boolean })[] = [];
  const responses = first(SECTION, text, operation.end, (m) => /^Responses$/.test(m));
  // Every body line, found once: a sample runs no further than the next one, so a page of unclosed
  // samples is still read in one pass.
  const bodyLines = [...all(BODY_NAME, text, operation.end, limit).map((span) => ({ ...span, named: true })), ...all(NO_DATA, text, operation.end, limit).map((span) => ({ ...span, named: false }))].sort(
    (a, b) => a.start - b.start,
  );
  let at = operation.end;
  for (const [index, next] of bodyLines.entries()) {
    if (next.start < at) continue;
    const sampleLimit = bodyLines[index + 1]?.start ?? limit;
    cutAround(next);
    let tail = next.end;
    if (next.named) {
      for (let mark = TAIL_MARK.exec(text.slice(skipSpace(text, tail), skipSpace(text, tail) + 400)); mark; mark = TAIL_MARK.exec(text.slice(skipSpace(text, tail), skipSpace(text, tail) + 400))) {
        const start = skipSpace(text, tail);
        cutAround({ start, end: start + mark[0].length });
        tail = start + mark[0].length;
      }
      for (let n = 0; n < 2; n++) {
        const start = skipSpace(text, tail);
        if (text[start] !== '{' && text[start] !== '[') break;
        cut(start);
        const end = balancedEnd(text, start, sampleLimit);
        if (end === undefined) break;
        cut(skipSpace(text, end));
        samples.push({ start, end });
        tail = end;
      }
    }
    const request = next.named && !/^Returns\s/.test(text.slice(next.start, next.end)) && (responses === undefined || next.start < responses.start);
    anchors.push({ ...next, tail, request });
    at = tail;
  }
  // Samples are found in page order: the one that could hold an offset is found by halving.
  const sampleStarts = samples.map((sample) => sample.start);
  const outside = (span: Span) => {
    const sample = samples[lastAtOrBefore(sampleStarts, span.start)];
    return !sample || span.start >= sample.end;
  };

  const sections = all(SECTION, text, operation.end, limit).filter(outside);
  sections.forEach(cutAround);
  // Each response's status is the last one before its body: numbers before it belong to the previous response.
  const statusCuts: number[] = [];
  let regionStart = responses?.end ?? operation.end;
  for (const anchor of anchors) {
    if (anchor.request) continue;
    const status = all(STATUS, text, regionStart, anchor.start).filter(outside).pop();
    if (status) {
      cutAround(status);
      statusCuts.push(status.start);
    }
    regionStart = anchor.tail;
  }
  for (const field of allMatches(FIELD, text, operation.end, limit)) {
    if (!outside({ start: field.index, end: field.index })) continue;
    const [whole, type, name] = field as unknown as [string, string, string];
    const nameAt = field.index + whole.indexOf(name, type.length);
    const markerAt = field.index + whole.lastIndexOf(field[3]!);
    cut(field.index);
    cut(nameAt);
    cutAround({ start: markerAt, end: field.index + whole.length });
  }
  const boundaries = [...statusCuts, ...anchors.map((a) => a.start), ...sections.map((s) => s.start)].sort((a, b) => a - b);
  for (const section of sections) {
    if (!/^Response\s+Headers$/.test(text.slice(section.start, section.end))) continue;
    const end = Math.min(limit, boundaries[lastAtOrBefore(boundaries, section.end) + 1] ?? limit);
    for (const header of allMatches(HEADER_FIELD, text, section.end, end)) {
      const nameAt = header.index + header[0].lastIndexOf(header[2]!);
      cut(header.index);
      cutAround({ start: nameAt, end: header.index + header[0].length });
    }
  }
  for (const word of all(COPY, text, operation.end, text.length)) if (outside(word)) cutAround(word);
  if (curl) cutAround(curl);
  if (navigation !== undefined) {
    for (const method of all(NAVIGATION_METHOD, text, navigation, text.length)) if (!curl || method.start >= curl.end || method.start < curl.start) cutAround(method);
  }
  return out.join('');
}

/**
 * The head before the operation: the title printed twice (a breadcrumb, then the heading), the
 * summary restating it in sentence case, the description; `Request` / `URI` labels above the method.
 */
function cutHead(text: string, end: number, cut: (at: number) => void): void {
  const words = [...text.slice(0, end).matchAll(/\S+/g)].map((m) => ({ text: m[0], offset: m.index }));
  for (let k = words.length - 1; k >= 0 && /^(?:Request|URI)$/.test(words[k]!.text); k--) cut(words[k]!.offset);
  for (let k = Math.min(20, Math.floor(words.length / 2)); k >= 1; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = words[i]!.text === words[k + i]!.text;
    if (!same) continue;
    cut(words[k]!.offset);
    if (words[2 * k]) cut(words[2 * k]!.offset);
    const restated = restatedTitle(words.slice(0, k).map((w) => w.text), words.slice(2 * k).map((w) => w.text));
    if (restated > 0 && words[2 * k + restated]) cut(words[2 * k + restated]!.offset);
    return;
  }
}

/**
 * How many leading words restate the title in sentence case (`Create Service Instance` -> `Create a
 * service instance`). Only a whole restatement counts, one the next sentence follows with a capital:
 * a flattened page shows no other end to it.
 */
function restatedTitle(title: string[], words: string[]): number {
  const norm = (w: string) => w.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = title.map(norm).filter((w) => !ARTICLES.has(w));
  let i = 0;
  let j = 0;
  while (i < wanted.length && j < words.length) {
    const word = norm(words[j]!);
    j++;
    if (ARTICLES.has(word)) continue;
    if (word !== wanted[i]) return 0;
    i++;
  }
  if (i < wanted.length) return 0;
  const next = words[j];
  return next === undefined || /^[A-Z]/.test(next) ? j : 0;
}

/** The curl command after the operation, from the word `curl` to its last word. */
function readCurlSpan(text: string, from: number): Span | undefined {
  const start = first(CURL, text, from);
  if (!start) return undefined;
  const command = readCurlCommand(text.slice(start.start));
  return command ? { start: start.start, end: start.start + command.end } : undefined;
}

/** The first run of method words close together: a navigation listing other operations. */
function navigationStart(text: string, from: number, curl: Span | undefined): number | undefined {
  const methods = all(NAVIGATION_METHOD, text, from, text.length).filter((m) => !curl || m.start < curl.start || m.start >= curl.end);
  for (let i = 0; i + NAVIGATION_RUN - 1 < methods.length; i++) {
    let run = true;
    for (let j = i + 1; j < i + NAVIGATION_RUN && run; j++) run = methods[j]!.start - methods[j - 1]!.end <= NAVIGATION_GAP;
    if (run) return methods[i]!.start;
  }
  return undefined;
}

/** One past the bracket that closes the one at `start`, skipping brackets inside strings. */
function balancedEnd(text: string, start: number, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** The index of the last of the sorted offsets at or before `offset`; -1 when there is none. */
function lastAtOrBefore(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function first(regex: RegExp, text: string, from: number, accept: (match: string) => boolean = () => true): Span | undefined {
  regex.lastIndex = from;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (accept(match[0])) return { start: match.index, end: match.index + match[0].length };
    if (match[0].length === 0) regex.lastIndex++;
  }
  return undefined;
}

function all(regex: RegExp, text: string, from: number, to: number): Span[] {
  return allMatches(regex, text, from, to).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Every match inside [from, to). The search runs over that stretch only (and the one character on
 * each side that lookarounds see), so searching many small stretches of a long page stays linear.
 */
function allMatches(regex: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const start = Math.max(0, from - 1);
  const stretch = to >= text.length && start === 0 ? text : text.slice(start, Math.min(text.length, to + 1));
  regex.lastIndex = from - start;
  for (let match = regex.exec(stretch); match && start + match.index + match[0].length <= to; match = regex.exec(stretch)) {
    const shifted = Object.assign([...match], { index: start + match.index, input: text, groups: match.groups }) as unknown as RegExpExecArray;
    found.push(shifted);
    if (match[0].length === 0) regex.lastIndex++;
  }
  return found;
}

function count(regex: RegExp, text: string): number {
  return all(regex, text, 0, text.length).length;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function relocateBlock(block: Block, move: (at: Position) => Position): Block {
  switch (block.kind) {
    case 'table':
      return { ...block, at: move(block.at), rows: block.rows.map((row) => relocateRow(row, move)) };
    case 'grid':
      return { ...block, at: move(block.at), rows: block.rows.map((row) => ({ ...row, at: move(row.at) })) };
    case 'list':
      return { ...block, at: move(block.at), items: block.items.map((item) => relocateItem(item, move)) };
    case 'code':
      return { ...block, at: move(block.at), ...(block.valueAt ? { valueAt: move(block.valueAt) } : {}) };
    default:
      return { ...block, at: move(block.at) };
  }
}

function relocateRow(row: TableRow, move: (at: Position) => Position): TableRow {
  return { ...row, at: move(row.at), typeAt: move(row.typeAt), nested: row.nested.map((block) => relocateBlock(block, move)) };
}

function relocateItem(item: ListItem, move: (at: Position) => Position): ListItem {
  return { ...item, at: move(item.at), children: item.children.map((child) => relocateItem(child, move)) };
}

function relocateDiagnostic(diagnostic: Diagnostic, move: (at: Position) => Position): Diagnostic {
  const location = diagnostic.location;
  if (!location || location.line === undefined) return diagnostic;
  return { ...diagnostic, location: { ...location, ...move({ line: location.line, column: location.column ?? 1 }) } };
}
