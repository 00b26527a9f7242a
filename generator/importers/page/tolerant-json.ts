// Reads JSON as docs write it, which is often not JSON: comments, trailing commas, `...` or `…`
// for "more of the same", `<placeholder>` values, single quotes, unquoted keys, Ruby's `=>`, and a
// document cut off before its end, of which every complete member is kept and the loss reported
// where it happened. Never throws. Hostile input is refused as structured-text.ts refuses it.
import { createScanner } from 'jsonc-parser';
import { error, warning, type Diagnostic, type SourceLocation } from '../../core/diagnostics.js';
import { findBudgetProblem, findExcessiveNesting, MAX_DEPTH, offsetLocator, pointerSegment, type ParseOptions, type StructuredText } from '../../parse/structured-text.js';

export interface TolerantResult {
  /** Undefined when nothing could be read, or the input is refused (an error says why). */
  result?: StructuredText;
  /** Warnings for what was lost or skipped; an error when nothing is returned. */
  diagnostics: Diagnostic[];
  /** Containers the text ended inside: kept with their complete members, the rest was lost. */
  open: string[];
  /** The outermost member or item the end of the text took with it (its pointer names it). */
  lost?: SourceLocation & { pointer: string };
  /** Where `...` stood: in a container, for members or items not shown; as a value (read as null), for a value not shown. */
  elided: string[];
  /** Values written as placeholders (`<id>`, or a bare word such as `string`), read as their text. */
  placeholders: string[];
  /** Comments, each by the pointer of the member or item it is written beside. */
  comments: { pointer: string; text: string }[];
}

// jsonc-parser's SyntaxKind and ScanError: ambient const enums, which isolatedModules cannot read.
const SCAN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, null: 7, true: 8, false: 9, string: 10, number: 11, lineComment: 12, blockComment: 13, eof: 17, unknown: 16 } as const;
const END_OF_STRING = 2;
const END_OF_NUMBER = 3;

type Kind = '{' | '}' | '[' | ']' | ',' | ':' | 'scalar' | 'ellipsis' | 'placeholder' | 'word' | 'junk' | 'eof';

interface Token {
  kind: Kind;
  offset: number;
  end: number;
  /** A string, number or literal's value. */
  value?: unknown;
  /** The end of the text cut the token short (a string without its closing quote, a number). */
  cut?: boolean;
}

const PUNCTUATION: Record<number, Kind> = { [SCAN.openBrace]: '{', [SCAN.closeBrace]: '}', [SCAN.openBracket]: '[', [SCAN.closeBracket]: ']', [SCAN.comma]: ',', [SCAN.colon]: ':' };
const BARE_LITERALS: Record<string, null | boolean> = { nil: null, None: null, undefined: null, NULL: null, True: true, TRUE: true, False: false, FALSE: false };

/** Reads a single-quoted string from its opening quote; undefined when a line ends first. */
function readSingleQuoted(text: string, start: number): { value: string; end: number; cut: boolean } | undefined {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") return { value, end: i + 1, cut: false };
    if (c === '\n') return undefined;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i]!;
      value += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
    } else value += c;
  }
  return { value, end: text.length, cut: true };
}

function tokenize(text: string): { tokens: Token[]; comments: { offset: number; text: string }[] } {
  const scanner = createScanner(text, false);
  const tokens: Token[] = [];
  const comments: { offset: number; text: string }[] = [];
  for (;;) {
    const kind = scanner.scan();
    const offset = scanner.getTokenOffset();
    const end = offset + scanner.getTokenLength();
    const atEnd = end >= text.length;
    const punctuation = PUNCTUATION[kind];
    if (punctuation) tokens.push({ kind: punctuation, offset, end });
    else if (kind === SCAN.null || kind === SCAN.true || kind === SCAN.false) tokens.push({ kind: 'scalar', offset, end, value: kind === SCAN.null ? null : kind === SCAN.true });
    else if (kind === SCAN.string) {
      // The scanner ends a string at a line break too; only the end of the text cuts one.
      const broken = scanner.getTokenError() === END_OF_STRING;
      tokens.push(broken && !atEnd ? { kind: 'junk', offset, end } : { kind: 'scalar', offset, end, value: scanner.getTokenValue(), ...(broken ? { cut: true } : {}) });
    } else if (kind === SCAN.number) {
      // A number that reaches the end of the text may have lost digits.
      if (scanner.getTokenError() === END_OF_NUMBER && !atEnd) tokens.push({ kind: 'junk', offset, end });
      else tokens.push({ kind: 'scalar', offset, end, value: Number(scanner.getTokenValue()), ...(atEnd ? { cut: true } : {}) });
    } else if (kind === SCAN.lineComment || kind === SCAN.blockComment) {
      comments.push({ offset, text: text.slice(offset, end) });
    } else if (kind === SCAN.unknown) {
      const raw = text.slice(offset, end);
      if (raw.startsWith("'")) {
        const quoted = readSingleQuoted(text, offset);
        if (quoted) {
          tokens.push({ kind: 'scalar', offset, end: quoted.end, value: quoted.value, ...(quoted.cut ? { cut: true } : {}) });
          scanner.setPosition(quoted.end);
          continue;
        }
        tokens.push({ kind: 'junk', offset, end });
      } else if (raw === '...' || raw === '…') {
        tokens.push({ kind: 'ellipsis', offset, end });
      } else if (raw.startsWith('<')) {
        const close = text.indexOf('>', offset);
        const lineEnd = text.indexOf('\n', offset);
        if (close !== -1 && (lineEnd === -1 || close < lineEnd)) {
          tokens.push({ kind: 'placeholder', offset, end: close + 1 });
          scanner.setPosition(close + 1);
          continue;
        }
        tokens.push({ kind: 'junk', offset, end, ...(close === -1 && lineEnd === -1 ? { cut: true } : {}) });
      } else if (raw === '=>') {
        tokens.push({ kind: ':', offset, end });
      } else if (/^[A-Za-z_$][\w$.-]*$/.test(raw)) {
        tokens.push({ kind: 'word', offset, end, ...(atEnd ? { cut: true } : {}) });
      } else {
        tokens.push({ kind: 'junk', offset, end });
      }
    } else if (kind === SCAN.eof) {
      tokens.push({ kind: 'eof', offset: text.length, end: text.length });
      return { tokens, comments };
    }
  }
}

/** Input that is refused whole, as the strict parser refuses it. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Parsed = { value: unknown; partial?: boolean } | { cut: true } | { missing: true };

function isEmpty(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

class Reader {
  private i = 0;
  open: string[] = [];
  elided: { pointer: string; offset: number }[] = [];
  placeholders: string[] = [];
  readonly warnings: { message: string; offset: number }[] = [];
  /** Offset of each value, or of its key for a member. */
  readonly offsets = new Map<string, number>();
  /** What the end of the text took with it. */
  lost?: { what: string; offset: number; pointer: string };

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const token = this.tokens[this.i]!;
    if (token.kind !== 'eof') this.i++;
    return token;
  }

  private source(token: Token): string {
    return this.text.slice(token.offset, token.end);
  }

  /** Skips a stray stretch up to the next `,` or close at this level, over nested groups. */
  private skip(): void {
    let depth = 0;
    for (let first = true; ; first = false) {
      const token = this.peek();
      if (token.kind === 'eof') return;
      const closes = token.kind === '}' || token.kind === ']';
      if (depth === 0 && !first && (token.kind === ',' || closes)) return;
      if (token.kind === '{' || token.kind === '[') depth++;
      else if (closes && depth > 0) depth--;
      this.next();
    }
  }

  value(pointer: string, depth: number): Parsed {
    if (depth > MAX_DEPTH) throw new Refusal(`the document nests deeper than ${MAX_DEPTH} levels`, this.peek().offset);
    const token = this.peek();
    // A bare word or placeholder is a value inside a document, never a document.
    if (depth === 0 && (token.kind === 'word' || token.kind === 'placeholder' || token.kind === 'ellipsis')) return { missing: true };
    if (!this.offsets.has(pointer)) this.offsets.set(pointer, token.offset);
    switch (token.kind) {
      case '{':
        return this.object(pointer, depth);
      case '[':
        return this.array(pointer, depth);
      case 'scalar':
        this.next();
        // A number at the end of the text may have lost digits, unless it is the whole document.
        return token.cut && !(depth === 0 && typeof token.value === 'number') ? { cut: true } : { value: token.value };
      case 'ellipsis':
        this.next();
        this.elided.push({ pointer, offset: token.offset });
        return { value: null };
      case 'placeholder':
        this.next();
        this.placeholders.push(pointer);
        return { value: this.source(token) };
      case 'word': {
        this.next();
        if (token.cut) return { cut: true };
        const word = this.source(token);
        if (word in BARE_LITERALS) return { value: BARE_LITERALS[word] };
        this.placeholders.push(pointer);
        return { value: word };
      }
      case 'eof':
        return { cut: true };
      case 'junk':
        if (token.cut) {
          this.next();
          return { cut: true };
        }
        return { missing: true };
      default:
        return { missing: true };
    }
  }

  private object(pointer: string, depth: number): Parsed {
    this.next();
    const object: Record<string, unknown> = {};
    for (;;) {
      const token = this.peek();
      if (token.kind === ',') {
        this.next();
        continue;
      }
      if (token.kind === '}') {
        this.next();
        return { value: object };
      }
      if (token.kind === 'eof') return this.opened(pointer, object);
      if (token.kind === 'ellipsis') {
        this.next();
        this.elided.push({ pointer, offset: token.offset });
        continue;
      }
      if (!(token.kind === 'scalar' || token.kind === 'word' || token.kind === 'placeholder')) {
        this.warnings.push({ message: `expected a member name, found ${JSON.stringify(this.source(token))}; it was skipped`, offset: token.offset });
        this.skip();
        continue;
      }
      this.next();
      if (token.cut) return this.opened(pointer, object, { what: 'a member', offset: token.offset, pointer });
      const key = token.kind === 'scalar' ? String(token.value) : this.source(token);
      const at = pointer + '/' + pointerSegment(key);
      const colon = this.peek();
      if (colon.kind === 'eof') return this.opened(pointer, object, { what: `the member ${JSON.stringify(key)}`, offset: token.offset, pointer: at });
      if (colon.kind !== ':') {
        this.warnings.push({ message: `expected ":" after ${JSON.stringify(key)}; the member was skipped`, offset: colon.offset });
        this.skip();
        continue;
      }
      this.next();
      this.offsets.set(at, token.offset);
      const parsed = this.value(at, depth + 1);
      // A member cut before any part of its value was complete is lost whole.
      if ('cut' in parsed || ('value' in parsed && parsed.partial && isEmpty(parsed.value))) {
        this.drop(at);
        return this.opened(pointer, object, { what: `the member ${JSON.stringify(key)}`, offset: token.offset, pointer: at });
      }
      if ('missing' in parsed) {
        this.warnings.push({ message: `expected a value for ${JSON.stringify(key)}, found ${JSON.stringify(this.source(this.peek()))}; the member was skipped`, offset: this.peek().offset });
        this.skip();
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(object, key)) throw new Refusal(`duplicate key: ${JSON.stringify(key)} appears twice in one object`, token.offset);
      // Defined, not assigned: `__proto__` must stay an own key, for the budget check to refuse it.
      Object.defineProperty(object, key, { value: parsed.value, enumerable: true, writable: true, configurable: true });
      if (parsed.partial) return this.opened(pointer, object);
      const after = this.peek();
      if (after.kind !== ',' && after.kind !== '}' && after.kind !== 'eof') {
        this.warnings.push({ message: `expected "," or "}" after the member ${JSON.stringify(key)}`, offset: after.offset });
      }
    }
  }

  private array(pointer: string, depth: number): Parsed {
    this.next();
    const items: unknown[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === ',') {
        this.next();
        continue;
      }
      if (token.kind === ']') {
        this.next();
        return { value: items };
      }
      if (token.kind === 'eof') return this.opened(pointer, items);
      if (token.kind === 'ellipsis') {
        this.next();
        this.elided.push({ pointer, offset: token.offset });
        continue;
      }
      const at = `${pointer}/${items.length}`;
      const parsed = this.value(at, depth + 1);
      if ('cut' in parsed || ('value' in parsed && parsed.partial && isEmpty(parsed.value))) {
        this.drop(at);
        return this.opened(pointer, items, { what: `item ${items.length}`, offset: token.offset, pointer: at });
      }
      if ('missing' in parsed) {
        this.offsets.delete(at);
        this.warnings.push({ message: `expected an item, found ${JSON.stringify(this.source(token))}; it was skipped`, offset: token.offset });
        this.skip();
        continue;
      }
      items.push(parsed.value);
      if (parsed.partial) return this.opened(pointer, items);
      const after = this.peek();
      if (after.kind !== ',' && after.kind !== ']' && after.kind !== 'eof') this.warnings.push({ message: `expected "," or "]" after item ${items.length - 1}`, offset: after.offset });
    }
  }

  /** Forgets a value that was lost whole, and what was recorded inside it. */
  private drop(pointer: string): void {
    const inside = (p: string) => p === pointer || p.startsWith(`${pointer}/`);
    this.open = this.open.filter((p) => !inside(p));
    this.elided = this.elided.filter((e) => !inside(e.pointer));
    this.placeholders = this.placeholders.filter((p) => !inside(p));
    for (const p of [...this.offsets.keys()]) if (inside(p)) this.offsets.delete(p);
  }

  /** The text ended inside this container: keep it with what was complete. */
  private opened(pointer: string, value: unknown, lost?: Reader['lost']): Parsed {
    this.open.push(pointer);
    // Calls return outward, so the last loss named is the outermost thing lost.
    if (lost) this.lost = lost;
    return { value, partial: true };
  }
}

/** Attaches each comment to the value written before it on its line, else to the next value. */
function placeComments(comments: { offset: number; text: string }[], offsets: Map<string, number>, text: string): { pointer: string; text: string }[] {
  const byOffset = [...offsets].sort((a, b) => a[1] - b[1]);
  /** Index of the first value at or after `offset`. */
  const firstFrom = (offset: number) => {
    let low = 0;
    let high = byOffset.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byOffset[mid]![1] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return comments.map((comment) => {
    const lineStart = text.lastIndexOf('\n', comment.offset) + 1;
    const next = firstFrom(comment.offset);
    const before = byOffset[next - 1];
    const onLine = before && before[1] >= lineStart ? before : undefined;
    const after = byOffset[next];
    const body = comment.text.startsWith('//') ? comment.text.slice(2) : comment.text.replace(/^\/\*+/, '').replace(/\*+\/$/, '');
    return { pointer: (onLine ?? after ?? ['', 0])[0], text: body.trim() };
  });
}

function locator(offsets: Map<string, number>, at: (offset: number) => SourceLocation): (pointer: string) => SourceLocation {
  return (pointer) => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const offset = offsets.get(p);
      if (offset !== undefined) return pointer ? { ...at(offset), pointer } : at(offset);
      if (p === '') return pointer ? { ...at(0), pointer } : at(0);
    }
  };
}

const NOTHING = { open: [], elided: [], placeholders: [], comments: [] };

/** Reads JSON text that a page shows; see the module comment for what it tolerates. */
export function readTolerantJson(text: string, options: ParseOptions): TolerantResult {
  const at = offsetLocator(text, options);
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) return { ...NOTHING, diagnostics: [error(`the document nests deeper than ${MAX_DEPTH} levels`, at(tooDeep))] };
  const { tokens, comments } = tokenize(text);
  const reader = new Reader(tokens, text);
  let parsed: Parsed;
  try {
    parsed = reader.value('', 0);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { ...NOTHING, diagnostics: [error(e.message, at(e.offset))] };
  }
  if (!('value' in parsed)) {
    const first = reader.peek();
    const message = first.kind === 'eof' || 'cut' in parsed ? 'expected JSON, but the text ends before a value is complete' : `expected JSON, found ${JSON.stringify(text.slice(first.offset, first.end))}`;
    return { ...NOTHING, diagnostics: [error(message, at(first.offset))] };
  }
  const locate = locator(reader.offsets, at);
  const budget = findBudgetProblem(parsed.value, false);
  if (budget) return { ...NOTHING, diagnostics: [error(budget.message, locate(budget.pointer))] };

  const diagnostics: Diagnostic[] = reader.warnings.map((w) => warning(w.message, at(w.offset)));
  const rest = reader.peek();
  if (rest.kind !== 'eof') diagnostics.push(warning('text after the JSON value was not read', at(rest.offset)));
  if (reader.open.length > 0) {
    const lost = reader.lost ? `${reader.lost.what} was cut off and left out` : 'no member was cut in two';
    const where = reader.lost ? { ...at(reader.lost.offset), pointer: reader.lost.pointer } : at(text.trimEnd().length);
    diagnostics.push(warning(`the JSON is cut off before its end: ${lost}; ${reader.open.length} unclosed object(s) or array(s) keep their complete members`, where));
  }
  for (const { pointer, offset } of reader.elided) {
    diagnostics.push(warning('`...` stands for more than the page shows here; only what is shown was read', pointer ? { ...at(offset), pointer } : at(offset)));
  }
  return {
    result: { value: parsed.value, locate },
    diagnostics,
    open: reader.open,
    ...(reader.lost ? { lost: { ...at(reader.lost.offset), pointer: reader.lost.pointer } } : {}),
    elided: reader.elided.map((e) => e.pointer),
    placeholders: reader.placeholders,
    comments: placeComments(comments, reader.offsets, text),
  };
}
