// Reads a page turned to plain text into blocks: prose lines; property tables whose cells ran
// together (`idstring | null-Unique identifier`), were joined by pipes or tabs, or stand one per line;
// fields stacked one attribute per line (`userId` / `required` / `integer <int64>`); bullet lists
// nested by indentation; JSON samples, curl commands and fenced code.
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import type { Block, ListItem, Position, ReadResult, TableRow } from './blocks.js';
import {
  columnsFromHeaderCells,
  columnsFromRunTogetherHeader,
  fitCells,
  isDelimiterRow,
  splitPipeRow,
  splitRunTogetherRow,
  tableRowOf,
  type Cell,
  type ColumnKind,
  type RowCells,
  type SplitFailure,
} from './columns.js';
import { foreignMarker } from './foreign-words.js';
import { parseTypeExpression, readTypeLine, splitGluedField } from './type-expression.js';
import { readTypeFirstFields } from './type-first-fields.js';
import { isStructuralLine, matchOperationLine, matchSectionTitle, matchStatusLine, statusOfReasonPhrase } from './vocabulary.js';

type TableStyle = 'pipe' | 'tab' | 'run-together';

interface Line {
  /** The line as printed, without its line break. */
  raw: string;
  text: string;
  indent: number;
  /** 0-based index. */
  index: number;
}

/** Deeper lists are read flat: no page needs more, and recursion stays bounded. */
const MAX_LIST_DEPTH = 16;
const BULLET = /^([•●◦▪‣*+-])\s+(?=\S)/;
const FENCE = /^(`{3,}|~{3,})\s*([\w+-]*)/;
const FIELD_NAME = /^[A-Za-z_$@][\w.$@[\]:-]*$/;
const MAX_FIELD_NAME = 80;
/** Type words that are also common field names: alone on a line, they are the next field. */
const FORMAT_WORD = /^(?:email|url|uri|date|uuid|file|binary|any|enum)$/i;
/** The label some renderers give a heading's anchor, glued to the text around it when copied. */
const HEADING_ANCHOR = /^(.*?)Section titled “([^”]*)”(.*)$/;
/** `required`, `(optional)`, `optional • nullable • schema=Error`: a field's markers, on a line of their own. */
const MARKER_LINE = /^(?:[•·]\s*)?\(?(required|optional|nullable|deprecated|read-?only|write-?only)\)?(?:\s*[•·]\s*[\w=<>.:-]+){0,6}$/i;

export function readText(text: string, file: string): ReadResult {
  const lines = text.split(/\r\n|\r|\n/).map((raw, index): Line => ({ raw, text: raw.trim(), indent: raw.length - raw.trimStart().length, index }));
  const keys = new Set([...text.matchAll(/"([A-Za-z_$@][\w.$@-]{0,80})"\s*:/g)].map((match) => match[1]!));
  return new TextReader(unglueLines(lines), file, keys).read();
}

/**
 * Lines a copied rendering ran into the next one, cut where the next one starts: a section title
 * glued after a value (`uuidResponse Body`, `"inactive"Response Body`), and a field glued after a
 * list of literal values (`"person" | "company"comment?string`). Code stays as it is.
 */
function unglueLines(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  let fence: string | undefined;
  let skip = -1;
  for (const [k, line] of lines.entries()) {
    if (k === skip) continue;
    const open = FENCE.exec(line.text);
    if (open) fence = fence === undefined ? open[1] : undefined;
    if (fence !== undefined || open) {
      out.push(line);
      continue;
    }
    // `id` / `(number, required): The ID.`: a name over its parenthesized attributes is one field line.
    const attributes = lines[k + 1]?.text ?? '';
    if (FIELD_NAME.test(line.text) && line.text.length <= MAX_FIELD_NAME && PARENTHESIZED_ATTRIBUTES.test(attributes) && !isVocabularyWord(line.text)) {
      const text = `${line.text} ${attributes}`;
      out.push({ ...line, raw: ' '.repeat(line.indent) + text, text });
      skip = k + 1;
      continue;
    }
    // `обязательно`, `필수`: another language's marker alone on its line reads as the English one.
    const marker = foreignMarker(line.text);
    out.push(...(marker ? [{ ...line, text: marker }] : cutGlued(line)));
  }
  return out;
}

/** `(number, required): The ID.`, `(string)`: a field's attributes in parentheses opening its line, its description after a colon or dash. */
const PARENTHESIZED_ATTRIBUTES = /^\([^()]{1,60}\)(?:\s*[:–—-]\s|\s*$)/;
/** `0 <= value`, `value <= 100`, `1 <= length <= 64`: a constraint line as Fumadocs prints it, text glued after it. */
const RANGE_THEN_TEXT = /^(?:-?\d+(?:\.\d+)?\s*<=?\s*)?(?:value|length|items)(?:\s*<=?\s*-?\d+(?:\.\d+)?)?(?=[A-Za-z_$@])/;
const LITERALS_THEN_TEXT = /^("[^"\n]*"(?:\s*[|,]\s*"[^"\n]*")*)(?=[A-Za-z_])/;

function cutGlued(line: Line): Line[] {
  const text = line.text;
  if (text.length > 400) return [line];
  const literals = LITERALS_THEN_TEXT.exec(text);
  // `Section titled “Request body”| Key | Type |`: the heading's anchor, then the table's header.
  const anchor = /Section titled “[^”]*”(?=\S)/.exec(text);
  // `POST https://host/api/students{`: the request sample starts on the operation's line.
  const opened = /^(\S+\s+\S+?)([{[])\s*$/.exec(text);
  const sample = opened && matchOperationLine(opened[1]!) ? opened[1]!.length : undefined;
  // `string · maxLength: 200 · requiredparent`: the marker that ends a field's attributes, the next field's name glued on.
  const marker = /(?:^|\s)[•·]\s*(?:required|optional)(?=[a-z_$][\w$-]*$)/.exec(text);
  // `0 <= valueoffset?number`: a field's range, the next field glued on (cut only where a field follows).
  const range = RANGE_THEN_TEXT.exec(text);
  const rangeEnd = range && splitGluedField(text.slice(range[0].length)) ? range[0].length : undefined;
  const at =
    rangeEnd ??
    (anchor
      ? anchor.index + anchor[0].length
      : literals
        ? literals[1]!.length
        : marker
          ? marker.index + marker[0].length
          : (sample ?? gluedTitleAt(text) ?? leadingTitleEnd(text)));
  if (at === undefined) return [line];
  const head = text.slice(0, at).trimEnd();
  const tail = text.slice(at);
  const first: Line = { ...line, raw: ' '.repeat(line.indent) + head, text: head };
  const rest: Line = { ...line, raw: ' '.repeat(line.indent + at) + tail, text: tail, indent: line.indent + at };
  return [first, ...cutGlued(rest)];
}

/** Where a section title that opens a line ends, when its value ran into it (`Response bodyResponseWrapper`, `Request bodyНет`). */
function leadingTitleEnd(text: string): number | undefined {
  for (let i = Math.min(text.length - 1, 60); i >= 3; i--) {
    if (!/[\p{Lu}\d]/u.test(text[i]!) || !/\p{Ll}/u.test(text[i - 1]!)) continue;
    // `ResponseWrapper` is one name: a one-word title splits off only a number or another script.
    const title = text.slice(0, i);
    if (!/\s/.test(title) && /[A-Za-z]/.test(text[i]!)) continue;
    if (matchSectionTitle(title) !== undefined) return i;
  }
  return undefined;
}

/** Where a section title glued to the end of a line starts (`uuidResponse Body`); undefined when none is. */
function gluedTitleAt(text: string): number | undefined {
  for (let i = 1; i < text.length; i++) {
    // After a reason phrase in capitals too: `OKResponse headers:`.
    if (!/\p{Lu}/u.test(text[i]!) || !(/[\p{Ll}\d"')\]}]/u.test(text[i - 1]!) || statusOfReasonPhrase(text.slice(0, i)) !== undefined)) continue;
    const title = text.slice(i);
    if (title.length > 60 || matchSectionTitle(title) === undefined) continue;
    // One capitalized word after a lower-case one is a camelCase name (`requestBody`), unless a value closed before it.
    if (!/\s/.test(title.trim()) && !/["')\]}]/.test(text[i - 1]!)) continue;
    return i;
  }
  return undefined;
}

class TextReader {
  private readonly blocks: Block[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private i = 0;

  constructor(
    private readonly lines: Line[],
    private readonly file: string,
    /** Keys the page's JSON samples show: a name that is one of them glued to a capitalized word is no name. */
    private readonly sampleKeys: ReadonlySet<string> = new Set(),
  ) {}

  read(): ReadResult {
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.text === '') {
        this.i++;
        continue;
      }
      // A heading's anchor label glued to the text around it (`Section titled “default”Error`).
      const anchored = HEADING_ANCHOR.exec(line.text);
      if (anchored) {
        const at = positionOf(line);
        if (anchored[1]!.trim()) this.blocks.push({ kind: 'text', text: anchored[1]!.trim(), at });
        this.blocks.push({ kind: 'heading', depth: 2, text: anchored[2]!.trim(), at: { line: at.line, column: at.column + anchored[1]!.length } });
        const rest = anchored[3]!.trim();
        if (rest) {
          this.lines[this.i] = { ...line, raw: rest, text: rest };
          continue;
        }
        this.i++;
        continue;
      }
      const heading = /^(#{1,6})\s+(\S.*)$/.exec(line.text);
      if (heading) {
        this.blocks.push({ kind: 'heading', depth: heading[1]!.length, text: heading[2]!.replace(/\s+/g, ' ').trim(), at: positionOf(line) });
        this.i++;
        continue;
      }
      if (this.readFence(line) || this.readSample(line) || this.readBracelessSample(line) || this.readCurl(line) || this.readDelimitedTable() || this.readCellPerLineTable()) continue;
      if (this.readTypeFirst() || this.readHeaderTable(line) || this.readList(line) || this.readStackedFields()) continue;
      this.blocks.push({ kind: 'text', text: line.text.replace(/\s+/g, ' '), at: positionOf(line) });
      this.i++;
    }
    return { blocks: this.blocks, diagnostics: this.diagnostics };
  }

  /** ```` ```lang ```` ... ```` ``` ````: a code block as the Markdown it was. */
  private readFence(line: Line): boolean {
    const open = FENCE.exec(line.text);
    if (!open) return false;
    const body: string[] = [];
    let j = this.i + 1;
    for (; j < this.lines.length; j++) {
      const close = FENCE.exec(this.lines[j]!.text);
      if (close && close[1]![0] === open[1]![0] && close[1]!.length >= open[1]!.length && !close[2]) break;
      body.push(this.lines[j]!.raw);
    }
    this.blocks.push({ kind: 'code', lang: (open[2] ?? '').toLowerCase(), value: body.join('\n'), at: positionOf(line), valueAt: { line: line.index + 2, column: 1 } });
    this.i = Math.min(j + 1, this.lines.length);
    return true;
  }

  /**
   * A JSON (or JSON-like) sample printed in the text: from a line opening with `{` or `[` to the line
   * where its brackets balance, or the page's end when it was cut off.
   */
  private readSample(line: Line): boolean {
    if (!startsSample(line.text)) return false;
    let depth = 0;
    const body: string[] = [];
    let j = this.i;
    /** Where on its last line the sample's outer bracket closes. */
    let close = -1;
    for (; j < this.lines.length; j++) {
      const raw = this.lines[j]!.raw;
      // A sample cut off in the middle of the page ends where the page's own structure resumes.
      if (j > this.i && isStructuralLine(this.lines[j]!.text)) {
        j--;
        break;
      }
      body.push(raw);
      // A string never runs over a line break in a sample: each line is scanned on its own.
      visitBrackets(raw, (bracket, k) => {
        if (bracket === '{' || bracket === '[') depth++;
        else if (--depth === 0) {
          close = k;
          return true;
        }
        return false;
      });
      if (depth <= 0) break;
    }
    // What a rendering glued after the closing bracket (`]429 Too many requests`, `}{` the next
    // sample) is the page's next line.
    const last = this.lines[j];
    let rest = '';
    if (last && depth <= 0) {
      if (close === -1) close = closingIndex(last.raw);
      rest = last.raw.slice(close + 1).trim();
      if (rest) body[body.length - 1] = last.raw.slice(0, close + 1);
    }
    this.blocks.push({ kind: 'code', lang: 'json', value: body.join('\n'), at: positionOf(line) });
    if (rest && last) {
      const column = last.raw.indexOf(rest, close + 1);
      this.lines[j] = { ...last, raw: ' '.repeat(column) + rest, text: rest, indent: column };
      this.i = j;
      return true;
    }
    this.i = Math.min(j + 1, this.lines.length);
    return true;
  }

  /** Fields printed type first, one attribute per line (type-first-fields.ts). */
  private readTypeFirst(): boolean {
    const read = readTypeFirstFields(this.lines, this.i, endsFields);
    if (!read) return false;
    this.blocks.push(...read.blocks);
    this.i = read.next;
    return true;
  }

  /**
   * A sample whose braces the rendering dropped or moved: `JSON "label": "string"` over an empty
   * `{ }`, or lines of `"key": value` members. The members at the outer indent are read as one
   * object (a member whose value opens a nested container is read as an empty one of its kind);
   * the block keeps the page's lines, so what the reader reports stays located.
   */
  private readBracelessSample(line: Line): boolean {
    const first = BRACELESS_LEAD.exec(line.text);
    if (!first) return false;
    const next = this.lines[this.i + 1]?.text ?? '';
    const inline = /",\s*"[^"]+"\s*:/.test(line.text) || next === '{' || next === '{ }';
    if (!inline && !MEMBER.test(next)) return false;
    const base = line.indent;
    const kept: string[] = [];
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const current = this.lines[j]!;
      const text = j === this.i ? current.text.slice(first[1]?.length ?? 0).trim() : current.text;
      if (j > this.i && (current.text === '' || current.indent < base || (current.indent === base && !MEMBER.test(text)))) break;
      if (current.indent > base) {
        kept.push('');
        continue;
      }
      // A value that opens a container whose end the rendering dropped stands as an empty one.
      const opened = /^("[^"]+"\s*:\s*)([[{])\s*$/.exec(text);
      const member = opened ? `${opened[1]}${opened[2] === '[' ? '[]' : '{}'}` : text;
      kept.push(/,\s*$/.test(member) ? member : `${member},`);
    }
    // An empty `{` `}` right under members printed before it: the braces they belong in.
    let end = j;
    if (this.lines[j]?.text === '{' && this.lines[j + 1]?.text === '}') end = j + 2;
    else if (this.lines[j]?.text === '{ }' || this.lines[j]?.text === '{}') end = j + 1;
    const at = positionOf(line);
    const lead = first[1]?.length ?? 0;
    this.blocks.push({ kind: 'code', lang: 'json', value: `{${kept.join('\n')}\n}`, at, valueAt: { line: at.line, column: at.column + lead - 1 } });
    this.i = end;
    return true;
  }

  /**
   * `curl ...` with its `\\` continuation lines and the lines of a quoted argument (`--data '` over
   * several lines). What a rendering glued after the command's last quote (`'{`, `"Response`) is
   * the page's next line.
   */
  private readCurl(line: Line): boolean {
    if (!/^(?:\$\s*)?curl\s/.test(line.text)) return false;
    // A help centre's editor turns a command's quotes typographic (`'https://...’`): they are shell quotes.
    const straight = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
    const body: string[] = [straight(line.text.replace(/^\$\s*/, ''))];
    let j = this.i;
    let quote = quoteAfter(body[0]!, undefined);
    // `curl --request DELETE` over its URL: a command that names no URL yet goes on to a line that opens with one.
    const urlNext = () => !/https?:\/\//.test(body.join(' ')) && /^['"‘“]?https?:\/\//.test(this.lines[j + 1]?.text ?? '');
    while (j + 1 < this.lines.length && body.length < MAX_CURL_LINES && (/\\\s*$/.test(this.lines[j]!.raw) || quote !== undefined || urlNext())) {
      j++;
      const text = straight(this.lines[j]!.text);
      body.push(text);
      quote = quoteAfter(text, quote);
    }
    const last = this.lines[j]!;
    const startQuote = body.length > 1 ? quoteBefore(body) : undefined;
    const cut = quote === undefined ? gluedAfterCommand(body.at(-1)!, startQuote) : undefined;
    this.blocks.push({ kind: 'code', lang: 'curl', value: body.join('\n'), at: positionOf(line) });
    if (cut !== undefined) {
      const text = body.at(-1)!;
      body[body.length - 1] = text.slice(0, cut);
      (this.blocks.at(-1) as { value: string }).value = body.join('\n');
      const rest = text.slice(cut);
      const column = last.raw.length - last.raw.trimStart().length + (body.length === 1 ? line.text.length - line.text.replace(/^\$\s*/, '').length : 0) + cut;
      this.lines[j] = { ...last, raw: ' '.repeat(column) + rest, text: rest, indent: column };
      this.i = j;
      return true;
    }
    this.i = j + 1;
    return true;
  }

  /**
   * A pipe table with a delimiter row (`|---|---|`), however its renderer broke its lines: a row per
   * line, a row over several lines, or one cell per line, each ending with its pipe.
   */
  private readDelimitedTable(): boolean {
    const start = this.i;
    if (!this.lines[start]!.text.includes('|')) return false;
    let delimiter = -1;
    for (let j = start; j < Math.min(this.lines.length, start + 12); j++) {
      const text = this.lines[j]!.text;
      if (isDelimiterRow(text) && text.includes('|')) {
        delimiter = j;
        break;
      }
      if (j > start && !(text.endsWith('|') || text === '|')) return false;
    }
    if (delimiter <= start) return false;
    let width = this.lines[delimiter]!.text.split('|').filter((part) => /-/.test(part)).length;
    const headerCells = splitStream(this.lines.slice(start, delimiter)).map((cell) => cell.text).filter((cell) => cell !== '');
    // `Name | Type | Required |` over a lone `---|`: a rendering kept one delimiter cell of the header's.
    if (delimiter === start + 1 && width === 1 && headerCells.length > 1) width = headerCells.length;
    if (headerCells.length < width) return false;
    const header = headerCells.slice(-width);
    // Rows end where the pipes stop: a line without one, unless a pipe closes its cell soon after.
    let end = delimiter + 1;
    while (end < this.lines.length) {
      const text = this.lines[end]!.text;
      if (text === '') break;
      // The header of the next table (its cells, over its delimiter row) ends this one.
      if (this.headerAhead(end)) break;
      if (text.includes('|')) {
        end++;
        continue;
      }
      if (this.headerAhead(end + 1)) break;
      const next = this.lines[end + 1]?.text ?? '';
      const after = this.lines[end + 2]?.text ?? '';
      if (next === '|' || (next.endsWith('|') && !next.startsWith('|') && after !== '' && !isDelimiterRow(next)) ) {
        end++;
        continue;
      }
      break;
    }
    const body = this.lines.slice(delimiter + 1, end);
    const rows = groupRows(body, width);
    this.pushTable(header, rows, this.lines[start]!);
    this.i = end;
    return true;
  }

  /** Whether the lines from `from` are a table's header: cells ending with pipes, then a delimiter row as wide. */
  private headerAhead(from: number): boolean {
    let k = from;
    while (k < this.lines.length && k - from <= 16) {
      const text = this.lines[k]!.text;
      if (isDelimiterRow(text) || !(text.endsWith('|') || text === '|')) break;
      k++;
    }
    const delimiter = this.lines[k]?.text ?? '';
    if (k === from || !isDelimiterRow(delimiter) || !delimiter.includes('|')) return false;
    const width = delimiter.split('|').filter((part) => /-/.test(part)).length;
    return splitStream(this.lines.slice(from, k)).filter((cell) => cell.text !== '').length === width;
  }

  /**
   * A table printed one cell per line with no pipes: a run of header words (`Parameter`, `Mandatory`,
   * `Type`, `Description`), then rows whose name is followed by a required marker or a type.
   */
  private readCellPerLineTable(): boolean {
    const header: string[] = [];
    let j = this.i;
    while (j < this.lines.length && header.length < 8) {
      const text = this.lines[j]!.text.replace(/\|$/, '').trimEnd();
      if (!isHeaderWord(text)) break;
      // A header names each column once: a second name column is the first row's name.
      const kinds = columnsFromHeaderCells([...header, text, 'type']) ?? [];
      if (header.length > 0 && kinds.slice(0, -1).filter((kind, index) => kind !== 'other' && kinds.indexOf(kind) !== index).length > 0) break;
      header.push(text);
      j++;
    }
    const columns = header.length >= 3 ? columnsFromHeaderCells(header) : undefined;
    if (!columns) return false;
    const width = columns.length;
    const rows: { cells: Cell[]; at: Line }[] = [];
    const typeIndex = columns.indexOf('type');
    const requiredIndex = columns.indexOf('required');
    // A row starts at a name whose next cells read as the columns after it say.
    const startsRow = (k: number): boolean => {
      const name = this.lines[k]?.text ?? '';
      if (!FIELD_NAME.test(name) || name.length > MAX_FIELD_NAME) return false;
      const cell = (column: number) => this.lines[k + column]?.text ?? '';
      if (requiredIndex > 0 && !/^(yes|no|true|false|required|optional|mandatory|-)$/i.test(cell(requiredIndex))) return false;
      if (typeIndex > 0 && !readTypeLine(cell(typeIndex))) return false;
      return true;
    };
    while (j < this.lines.length && startsRow(j)) {
      const cells: Cell[] = [];
      for (let c = 0; c < width - 1; c++) cells.push({ text: this.lines[j + c]!.text, offset: 0 });
      let k = j + width - 1;
      const description: string[] = [];
      while (k < this.lines.length && !startsRow(k) && this.lines[k]!.text !== '' && !isStructuralLine(this.lines[k]!.text) && !/^-\s/.test(this.lines[k]!.text)) {
        description.push(this.lines[k]!.text);
        k++;
      }
      cells.push({ text: description.join(' '), offset: 0 });
      rows.push({ cells, at: this.lines[j]! });
      j = k;
    }
    if (rows.length === 0) return false;
    const built: TableRow[] = rows.map((row) => tableRowOf(fitCells(row.cells, columns), row.at.index + 1, unquote, row.at.indent));
    this.blocks.push({ kind: 'table', columns, header, rows: built, at: positionOf(this.lines[this.i]!) });
    this.i = j;
    return true;
  }

  /** A header line (pipes, tabs, or words run together) and the rows under it, up to a blank line. */
  private readHeaderTable(line: Line): boolean {
    const header = readHeader(line.text);
    if (!header) return false;
    const rows: TableRow[] = [];
    let index = this.i + 1;
    for (; index < this.lines.length && this.lines[index]!.text !== ''; index++) {
      const rowLine = this.lines[index]!.raw;
      if (header.style === 'pipe' && isDelimiterRow(rowLine)) continue;
      const cells = cutRow(rowLine, header.style, header.columns);
      // A name on a line of its own, the row's other cells run together on the next (`projectUuid` / `pathStringДаНет`).
      const nextLine = this.lines[index + 1]?.text ?? '';
      if (header.style === 'run-together' && cells !== 'end' && 'expected' in cells && FIELD_NAME.test(rowLine.trim()) && nextLine !== '') {
        const joined = cutRow(rowLine.trim() + nextLine, header.style, header.columns);
        if (joined !== 'end' && !('expected' in joined)) {
          rows.push(tableRowOf(joined, index + 1, unquote));
          index++;
          continue;
        }
      }
      if (cells === 'end') break;
      if ('expected' in cells) {
        this.diagnostics.push(
          warning(`cannot split this table row into its columns: expected ${cells.expected}; the row is skipped`, {
            file: this.file,
            line: index + 1,
            column: cells.offset + 1,
          }),
        );
        continue;
      }
      rows.push(tableRowOf(cells, index + 1, unquote));
    }
    this.blocks.push({ kind: 'table', columns: header.columns, header: header.cells, rows, at: positionOf(line) });
    this.i = index;
    return true;
  }

  /** Bullet lines (`•`, `-`, `*`), nested by indentation; lines under an item that are no bullet continue it. */
  private readList(line: Line): boolean {
    if (!BULLET.test(line.text) || isDelimiterRow(line.text) || matchSectionTitle(line.text.replace(BULLET, '')) !== undefined) return false;
    const root: ListItem[] = [];
    const open: { indent: number; item: ListItem }[] = [];
    let j = this.i;
    let last: ListItem | undefined;
    let lastIndent = line.indent;
    while (j < this.lines.length) {
      const current = this.lines[j]!;
      if (current.text === '') {
        // A blank line inside a list: the list goes on when what follows is indented or a bullet.
        const next = this.nextNonBlank(j);
        if (next === undefined) break;
        const following = this.lines[next]!;
        if (!(BULLET.test(following.text) && following.indent >= line.indent) && following.indent <= line.indent) break;
        if (startsSample(following.text) || /^(?:\$\s*)?curl\s/.test(following.text)) break;
        j = next;
        continue;
      }
      const bullet = BULLET.exec(current.text);
      if (bullet && current.indent >= line.indent) {
        const text = current.text.slice(bullet[0].length).replace(/\s+/g, ' ');
        const item: ListItem = { text, markdown: text, at: { line: current.index + 1, column: current.indent + bullet[0].length + 1 }, children: [] };
        while (open.length > 0 && open.at(-1)!.indent >= current.indent) open.pop();
        const parent = open.length < MAX_LIST_DEPTH ? open.at(-1)?.item : undefined;
        (parent ? parent.children : root).push(item);
        open.push({ indent: current.indent, item });
        last = item;
        lastIndent = current.indent;
        j++;
        continue;
      }
      // A line under the last item that is not itself a bullet: more of its text (a status code or a
      // section title at the item's own indent starts the next part of the page).
      const structural = current.indent <= lastIndent && (/^(?:[1-5]\d\d|[1-5]XX|default|path|query|header|cookie|body)$/i.test(current.text) || isStructuralLine(current.text));
      // At the item's own indent only a line that reads on from it (the item's sentence not ended, or
      // the line starting in lower case) is more of it; `Examples` after `... no garden has this ID.` is not.
      const readsOn = current.indent > lastIndent || (j === this.i + 1 && (!/[.!?:]$/.test(last?.text ?? '') || /^\p{Ll}/u.test(current.text)));
      if (last && !structural && readsOn && !startsSample(current.text) && !/^(?:\$\s*)?curl\s/.test(current.text)) {
        const added = current.text.replace(/\s+/g, ' ');
        last.text = `${last.text} ${added}`;
        last.markdown = `${last.markdown}\n${added}`;
        j++;
        continue;
      }
      break;
    }
    this.blocks.push({ kind: 'list', items: root, at: positionOf(line) });
    this.i = j;
    return true;
  }

  /**
   * Fields printed one attribute per line, as many renderers do: the name, then its type, required
   * marker, format and description lines (`userId` / `required` / `integer <int64>` / `The ID ...`).
   * Also `name type` on one line (`id stringrequired`). Read into one table.
   */
  private readStackedFields(): boolean {
    const first = this.fieldAt(this.i);
    if (!first) return false;
    const rows: TableRow[] = [];
    /** Where a field's own fields start: the text shows no end to them. */
    const opens: { before: number; label: string; at: Position }[] = [];
    let j = this.i;
    let field = first;
    for (;;) {
      const nameLine = this.lines[j]!;
      let k = field.next;
      const description: string[] = field.rest ? [field.rest] : [];
      // `object (ErrorResponse)`: a named object whose fields the rendering prints right after it.
      let opensFields = /\(\s*[A-Z][A-Za-z0-9_]*\s*\)/.test(field.type) && /\b(?:object|array)\b/i.test(field.type);
      let required = field.required;
      let defaultValue = '';
      // Attribute and description lines run to the next field or the next structural line.
      while (k < this.lines.length) {
        const text = this.lines[k]!.text;
        if (text === '') {
          k++;
          continue;
        }
        if (this.fieldAt(k) || this.describedFieldAt(k) || endsFields(text) || this.definitionAt(k, [...rows, { name: field.name, type: field.type }])) break;
        const marker = MARKER_LINE.exec(text);
        if (/^object$/i.test(text) && /\b(?:object|array)\b/i.test(field.type)) {
          // A lone `object` under an object's description: its label in the rendering, no field.
          k++;
          continue;
        }
        if (marker && /^(required|optional)$/i.test(marker[1]!)) required = marker[1]!.toLowerCase() === 'required' ? 'required' : 'optional';
        else if (!marker) {
          const byDefault = /^Default:?\s*(.+)$/.exec(text);
          if (byDefault && !defaultValue) defaultValue = byDefault[1]!.trim();
          else description.push(text);
        }
        k++;
      }
      // `username` / `required` / `Username (3+ chars)` / `string`: a rendering that prints the type last.
      let type = field.type;
      const last = description.at(-1);
      const typeLast = !type && description.length > 1 && last !== undefined ? readTypeLine(last) : undefined;
      if (typeLast && typeLast.expr.kind !== 'named' && typeLast.rest === '' && !FORMAT_WORD.test(last!)) {
        type = typeLast.type;
        description.pop();
      }
      rows.push({
        name: field.name,
        type,
        required,
        description: description.join(' ').replace(/\s+/g, ' ').trim(),
        in: '',
        default: defaultValue,
        at: { line: nameLine.index + 1, column: nameLine.indent + 1 },
        typeAt: { line: field.typeLine + 1, column: 1 },
        nested: [],
      });
      if (opensFields) opens.push({ before: rows.length, label: field.name, at: { line: nameLine.index + 1, column: nameLine.indent + 1 } });
      // `ErrorResponse` / `object • ErrorResponse` after the fields: the definition of the schema a
      // field above is typed by; the fields under it are that field's.
      const definition = k < this.lines.length ? this.definitionAt(k, rows) : undefined;
      if (definition) {
        opens.push({ before: rows.length, label: definition.owner, at: positionOf(this.lines[k]!) });
        k = definition.next;
      }
      const next = k < this.lines.length ? (this.fieldAt(k) ?? this.describedFieldAt(k)) : undefined;
      if (!next) {
        this.i = k;
        break;
      }
      j = k;
      field = next;
    }
    // Each nested run of fields is a table of its own after a mark naming the field it belongs to.
    const columns: ColumnKind[] = ['name', 'type', 'required', 'description', 'default'];
    let from = 0;
    for (const open of opens) {
      if (open.before === rows.length) continue;
      const part = rows.slice(from, open.before);
      if (part.length > 0) this.blocks.push({ kind: 'table', columns, rows: part, at: part[0]!.at });
      this.blocks.push({ kind: 'open-unmarked', label: open.label, at: open.at });
      from = open.before;
    }
    const rest = rows.slice(from);
    if (rest.length > 0) this.blocks.push({ kind: 'table', columns, rows: rest, at: rest[0]!.at });
    return true;
  }

  /**
   * The field whose name stands at line `j`: a lone name followed by a type or a required marker
   * (within two lines), or a name and its type on one line.
   */
  private fieldAt(j: number): { name: string; type: string; required: string; typeLine: number; next: number; rest?: string } | undefined {
    const line = this.lines[j];
    if (!line) return undefined;
    const text = line.text;
    const inline = /^([A-Za-z_$@][\w.$@[\]-]*)\s+(\S.*)$/.exec(text);
    // `Page number`, `Base URL`: a capitalized word before a type word is prose, not a field; so is
    // `phonePhone number`, a sample's key `phone` glued to the words that describe it.
    if (inline && inline[1]!.length <= MAX_FIELD_NAME && !/^[A-Z][a-z]+$/.test(inline[1]!) && !this.gluedToKey(inline[1]!)) {
      const type = readTypeLine(inline[2]!);
      if (type && type.expr.kind !== 'named' && type.rest === '') {
        return { name: inline[1]!, type: type.type, required: type.required === undefined ? '' : type.required ? 'required' : 'optional', typeLine: j, next: j + 1 };
      }
    }
    // `tag_idstringRequired`, `comment?string|null`: name, type and marker run together.
    const split = splitGluedField(text);
    const glued = split && !isVocabularyWord(split.name) ? { name: split.name, type: split.type, required: split.required, typeLine: j, next: j + 1 } : undefined;
    if (!FIELD_NAME.test(text) || text.length > MAX_FIELD_NAME) return glued;
    // A word pages also use as a title (`payload`, `error`) is a field only when its type follows at once.
    if (MARKER_LINE.test(text)) return undefined;
    if (isVocabularyWord(text)) {
      const next = this.lines[j + 1]?.text ?? '';
      // `error` / `ErrorResponse` / `optional • nullable`: typed by a schema's name, its markers under it.
      if (/^[a-z]/.test(text) && (readTypeLine(next)?.expr.kind === 'named' || /^[A-Z]$/.test(next)) && MARKER_LINE.test(this.lines[j + 2]?.text ?? '')) {
        return { name: text, type: /^[A-Z]$/.test(next) ? '' : next, required: '', typeLine: j + 1, next: j + 2 };
      }
      const type = /^[a-z]/.test(text) ? readTypeLine(next) : undefined;
      if (!type || type.expr.kind === 'named' || MARKER_LINE.test(next) || /^(?:object|array|string|integer|number|boolean|null)$/.test(text)) return undefined;
      return { name: text, type: type.type, required: type.required === undefined ? '' : type.required ? 'required' : 'optional', typeLine: j + 1, next: j + 2 };
    }
    let required = '';
    for (let k = j + 1, seen = 0; k < this.lines.length && seen < 3; k++) {
      const next = this.lines[k]!.text;
      if (next === '') continue;
      seen++;
      const marker = MARKER_LINE.exec(next);
      if (marker) {
        if (/^required$/i.test(marker[1]!)) required = 'required';
        else if (/^optional$/i.test(marker[1]!)) required = 'optional';
        continue;
      }
      // A format word is a field's name as often as a type, unless a marker follows it (`url` / `uri` / `optional`).
      const type = FORMAT_WORD.test(next) && !/^(?:required|optional)$/i.test(this.lines[k + 1]?.text ?? '') ? undefined : readTypeLine(next);
      // `error` / `ErrorResponse` / `optional • nullable`: a schema's name as the type, markers under it
      // (`T`, a type parameter, says no more than that there is a value).
      if ((type?.expr.kind === 'named' || /^[A-Z]$/.test(next)) && MARKER_LINE.test(this.lines[k + 1]?.text ?? '')) {
        return { name: text, type: /^[A-Z]$/.test(next) ? '' : next, required, typeLine: k, next: k + 1 };
      }
      // `details` / `Account_Details` / `object`: the schema's name printed between a field and its type.
      if (type?.expr.kind === 'named' && /[_A-Z]/.test(next.slice(1))) {
        // Its type may follow a line of description (`Account_Id` / `A valid account ID` / `string`).
        for (let after = k + 1; after <= k + 2; after++) {
          const line = this.lines[after]?.text ?? '';
          const base = readTypeLine(line);
          // Kept as `object (Name)`: a named object's fields follow it.
          if (base && base.expr.kind !== 'named' && !FORMAT_WORD.test(line)) return { name: text, type: /^(?:object|array)$/i.test(base.type) ? `${base.type} (${next})` : base.type, required, typeLine: after, next: after + 1 };
        }
      }
      if (type && type.expr.kind !== 'named') {
        // What the type line says after the type (`minLength: 1`, `>= 1`) opens the description.
        return { name: text, type: type.type, required: type.required === undefined ? required : type.required ? 'required' : 'optional', typeLine: k, next: k + 1, ...(type.rest ? { rest: type.rest } : {}) };
      }
      // A name and its required marker with no type (`Content-Type` / `required`): a field still.
      if (required) return glued ? { ...glued, required } : { name: text, type: '', required, typeLine: j, next: k };
      break;
    }
    return glued;
  }

  /**
   * Among stacked fields that print the type last: a name, a line of description, then the type
   * (`passwordConfirm` / `Must match password` / `string`). Only read once a field has started the
   * run; alone, a word over a sentence is no field.
   */
  private describedFieldAt(j: number): { name: string; type: string; required: string; typeLine: number; next: number } | undefined {
    const text = this.lines[j]?.text ?? '';
    if (!FIELD_NAME.test(text) || text.length > MAX_FIELD_NAME || isVocabularyWord(text) || readTypeLine(text)) return undefined;
    const prose = this.lines[j + 1]?.text ?? '';
    const type = this.lines[j + 2]?.text ?? '';
    if (!/^\p{Lu}\S*\s+\S/u.test(prose) || readTypeLine(prose)) return undefined;
    const typed = readTypeLine(type);
    if (!typed || typed.expr.kind === 'named' || typed.rest !== '' || FORMAT_WORD.test(type)) return undefined;
    return { name: text, type: '', required: '', typeLine: j + 2, next: j + 1 };
  }

  /** A schema's name over `object • Name` at line `k`, when a field among `rows` is typed by it: the field it defines. */
  private definitionAt(k: number, rows: readonly { name: string; type: string }[]): { owner: string; next: number } | undefined {
    const text = this.lines[k]?.text ?? '';
    if (!/^[A-Z][\w<>]*$/.test(text) || !/^object\b/i.test(this.lines[k + 1]?.text ?? '')) return undefined;
    const owner = rows.find((row) => row.type === text);
    return owner && { owner: owner.name, next: k + 2 };
  }

  /** `phonePhone`: a key the samples show, glued to a capitalized word, where the name itself is no key. */
  private gluedToKey(name: string): boolean {
    if (this.sampleKeys.has(name)) return false;
    for (let k = 1; k < name.length; k++) {
      if (/\p{Lu}/u.test(name[k]!) && this.sampleKeys.has(name.slice(0, k))) return true;
    }
    return false;
  }

  private nextNonBlank(j: number): number | undefined {
    for (let k = j + 1; k < this.lines.length; k++) if (this.lines[k]!.text !== '') return k;
    return undefined;
  }

  private pushTable(header: string[], rows: { cells: Cell[]; at: Line }[], at: Line): void {
    const columns = columnsFromHeaderCells(header);
    if (columns) {
      const built = rows.map((row) => tableRowOf(fitCells(row.cells.map((cell) => ({ ...cell, text: unquote(cell.text) })), columns), row.at.index + 1, unquote));
      this.blocks.push({ kind: 'table', columns, header, rows: built, at: positionOf(at) });
      return;
    }
    this.blocks.push({
      kind: 'grid',
      header,
      rows: rows.map((row) => ({ cells: row.cells.map((cell) => cell.text), at: { line: row.at.index + 1, column: row.at.indent + 1 } })),
      at: positionOf(at),
    });
  }
}

/** `"key": value` opening a line, after a `JSON` tab label when the rendering kept one. */
const BRACELESS_LEAD = /^(JSON\s+)?"[^"\n]{1,80}"\s*:\s*\S/;
const MEMBER = /^"[^"\n]{1,80}"\s*:\s*\S/;

/** Lines a curl command may run over; a longer run is no command. */
const MAX_CURL_LINES = 400;

/** The quote still open at the end of `text` when `open` was open at its start (shell quoting). */
function quoteAfter(text: string, open: string | undefined): string | undefined {
  let quote = open;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quote === undefined) {
      if (c === '\\') k++;
      else if (c === "'" || c === '"') quote = c;
    } else if (c === quote) quote = undefined;
    else if (quote === '"' && c === '\\') k++;
  }
  return quote;
}

/** The quote open at the start of the last of these lines. */
function quoteBefore(lines: readonly string[]): string | undefined {
  let quote: string | undefined;
  for (const line of lines.slice(0, -1)) quote = quoteAfter(line, quote);
  return quote;
}

/** Where text glued right after the command's last closing quote starts (`'{`, `"Response`). */
function gluedAfterCommand(text: string, open: string | undefined): number | undefined {
  let quote = open;
  let lastClose = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quote === undefined) {
      if (c === '\\') k++;
      else if (c === "'" || c === '"') quote = c;
    } else if (c === quote) {
      quote = undefined;
      lastClose = k;
    } else if (quote === '"' && c === '\\') k++;
  }
  if (lastClose === -1 || lastClose === text.length - 1) return undefined;
  return /^[{[\p{Lu}]/u.test(text.slice(lastClose + 1)) ? lastClose + 1 : undefined;
}

/** Where the last bracket that closes a sample stands on its last line. */
function closingIndex(raw: string): number {
  let index = -1;
  visitBrackets(raw, (bracket, k) => {
    if (bracket === '}' || bracket === ']') index = k;
    return false;
  });
  return index === -1 ? raw.length - 1 : index;
}

/** Calls `visit` with each bracket of a sample's line outside its strings, until `visit` returns true. */
function visitBrackets(raw: string, visit: (bracket: string, index: number) => boolean): void {
  let quote = false;
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    if (quote) {
      if (c === '\\') k++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if ((c === '{' || c === '[' || c === '}' || c === ']') && visit(c, k)) return;
  }
}

/** A sample opens with `{` or `[` and what can follow in JSON, Ruby hashes or JS objects. */
function startsSample(text: string): boolean {
  return /^(?:\{\s*(?:$|["'}\w•])|\[\s*(?:$|[{["\d\-\]tfn]))/.test(text) && !/^\[[^\]]*\]\(/.test(text) && !/^\{\{?[\w.-]+\}\}?(?:\/|$)/.test(text);
}

/** The tab over a code sample (`json`, `bash`): no field's description. */
const LANGUAGE_TAB = /^(?:json|bash|shell|sh|curl|javascript|js|typescript|python|http|xml|yaml)$/i;

/** Lines a stack of fields never runs over. */
function endsFields(text: string): boolean {
  return LANGUAGE_TAB.test(text) || /^\/\/\s/.test(text) || HEADING_ANCHOR.test(text) || /^(?:[1-5]\d\d|[1-5]XX|default)$/i.test(text) || isStructuralLine(text) || startsSample(text) || /^(?:\$\s*)?curl\s/.test(text) || FENCE.test(text) || /^\|/.test(text) || BULLET.test(text);
}

const VOCABULARY = /^(?:object|array|string|integer|number|boolean|required|optional|nullable|example|examples|default|schema|responses?|request|body|headers?|parameters|enum|null|none|success|error)$/i;

function isVocabularyWord(text: string): boolean {
  return VOCABULARY.test(text) || matchSectionTitle(text) !== undefined || matchStatusLine(text, true) !== undefined || matchOperationLine(text) !== undefined;
}

const HEADER_WORD = /^(?:name|property|field|field name|parameter|parameter name|param|attribute|argument|key|path element|in|location|type|data ?type|schema|required\??|is required\?|mandatory|necessity|default|default value|description|details|notes|example)$/i;

function isHeaderWord(text: string): boolean {
  return HEADER_WORD.test(text.replace(/[`*_]/g, '').trim());
}

/** Cells of lines whose pipes end cells wherever they fall, with offsets into their own line. */
function splitStream(lines: readonly Line[]): Cell[] {
  return lines
    .map((line) => line.text)
    .join(' ')
    .split(/(?<!\\)\|/)
    .map((text) => ({ text: text.trim(), offset: 0 }));
}

/**
 * The rows under a delimiter row. A line with pipes between cells is a row (or the start of one that
 * goes on over the next lines, when it has too few cells); lines that each end with one pipe hold
 * one cell each, `width` cells to a row; a lone `|` ends a row.
 */
function groupRows(lines: readonly Line[], width: number): { cells: Cell[]; at: Line }[] {
  const rows: { cells: Cell[]; at: Line }[] = [];
  let current: { cells: Cell[]; at: Line } | undefined;
  let pending = '';
  const finish = () => {
    if (current && current.cells.some((cell) => cell.text !== '')) rows.push(current);
    current = undefined;
  };
  const innerPipes = (line: Line | undefined) => (line ? (line.text.replace(/^\|/, '').replace(/\|$/, '').match(/(?<!\\)\|/g) ?? []).length : 0);
  for (const [k, line] of lines.entries()) {
    if (line.text === '|') {
      if (pending) {
        current ??= { cells: [], at: line };
        current.cells.push(...cellsOfPart(pending, width - current.cells.length));
        pending = '';
      } else if (!current) {
        // A row's opening frame.
        current = { cells: [], at: line };
        continue;
      } else if (current.cells.length === 0) {
        // Right after the frame: an empty first cell.
        current.cells.push({ text: '', offset: 0 });
        continue;
      } else {
        // After cells: the row ends here, short of cells or not.
        finish();
        continue;
      }
      if (current && current.cells.length >= width) finish();
      continue;
    }
    const inner = line.text.replace(/^\|/, '').replace(/\|$/, '');
    const pipes = (inner.match(/(?<!\\)\|/g) ?? []).length;
    // `**id** | **String**|  |`: a row closed by its pipe, with fewer cells than the header (the
    // empty ones at its end left out), is a row of its own.
    const next = lines[k + 1];
    // A line that fills exactly the cells an open row lacks (`token |` then `string | API Token. |`) goes on with it.
    const completes = current !== undefined && current.cells.length > 0 && !line.text.startsWith('|') && pipes + 1 < width && current.cells.length + pipes + 1 >= width;
    const closed = pipes >= 1 && line.text.endsWith('|') && !pending && !completes && (next === undefined || innerPipes(next) >= 1);
    if (pipes >= 1 && (line.text.startsWith('|') || pipes + 1 >= width || !current || closed)) {
      // A row of its own, or the first line of one when it holds fewer cells than the header.
      finish();
      current = { cells: splitPipeRow(line.raw).map((cell) => ({ ...cell, offset: cell.offset })), at: line };
      if (!line.text.endsWith('|')) {
        pending = current.cells.pop()?.text ?? '';
      }
      if (current.cells.length >= width || closed) finish();
      continue;
    }
    if (line.text.endsWith('|')) {
      // `| id |`, its other cells one per line below: the opening pipe starts a row, it holds no empty cell.
      const framed = line.text.startsWith('|') && !pending;
      if (framed) finish();
      current ??= { cells: [], at: line };
      current.cells.push(...cellsOfPart(`${pending} ${line.text.slice(framed ? 1 : 0, -1)}`, width - current.cells.length));
      pending = '';
      if (current.cells.length >= width) finish();
      continue;
    }
    pending = `${pending} ${line.text}`;
  }
  if (pending.trim()) {
    current ??= { cells: [], at: lines.at(-1)! };
    current.cells.push({ text: pending.trim(), offset: 0 });
  }
  finish();
  return rows.map((row) => ({ ...row, cells: fitWidth(row.cells, width) }));
}

/**
 * The rest of a row a rendering split over lines (`token |` then `string | API Token. |`): its
 * cells, when the row has `room` for more than one (extra cells are a union type's, which fitting
 * the row to its header joins again); a line that is a type union (`string | null`) is one cell.
 */
function cellsOfPart(text: string, room: number): Cell[] {
  const parts = text.split(/(?<!\\)\|/).map((part) => part.trim());
  const type = parts.length > 1 ? parseTypeExpression(text.trim()) : undefined;
  if (parts.length === 1 || room < 2 || (type && type.kind !== 'named')) return [{ text: text.trim(), offset: 0 }];
  return parts.map((part) => ({ text: part, offset: 0 }));
}

/** Trailing empty cells beyond the header's width are the frame's, not the row's. */
function fitWidth(cells: Cell[], width: number): Cell[] {
  const out = [...cells];
  while (out.length > width && out.at(-1)!.text === '') out.pop();
  return out;
}

function readHeader(line: string): { style: TableStyle; columns: ColumnKind[]; cells: string[] } | undefined {
  if (line.includes('|')) {
    const cells = splitPipeRow(line).map((c) => c.text);
    const columns = columnsFromHeaderCells(cells);
    return columns && { style: 'pipe', columns, cells };
  }
  if (line.includes('\t')) {
    const cells = line.split('\t');
    const columns = columnsFromHeaderCells(cells);
    if (columns) return { style: 'tab', columns, cells };
  }
  const columns = columnsFromRunTogetherHeader(line);
  return columns && { style: 'run-together', columns, cells: [line] };
}

/** The row's cells, `'end'` when the line is no row (the table is over), or why it cannot be cut. */
function cutRow(line: string, style: TableStyle, columns: ColumnKind[]): RowCells | SplitFailure | 'end' {
  switch (style) {
    case 'pipe':
      return line.includes('|') ? fitCells(splitPipeRow(line).map((cell) => ({ ...cell, text: unquote(cell.text) })), columns) : 'end';
    case 'tab':
      return line.includes('\t') ? fitCells(splitTabs(line), columns) : 'end';
    case 'run-together':
      if (isStructuralLine(line) || readHeader(line) || startsSample(line.trim())) return 'end';
      return splitRunTogetherRow(line, columns);
  }
}

function splitTabs(line: string): Cell[] {
  const cells: Cell[] = [];
  let offset = 0;
  for (const part of line.split('\t')) {
    cells.push({ text: part.trim(), offset: offset + (part.length - part.trimStart().length) });
    offset += part.length + 1;
  }
  return cells;
}

/** Pipe tables in plain text still often keep Markdown's backticks and bold around names and types. */
function unquote(text: string): string {
  return text
    .trim()
    .replace(/^`([^`]*)`$/, '$1')
    .replace(/^\*\*([^*]+)\*\*$/, '$1')
    .replace(/\\\|/g, '|')
    .trim();
}

function positionOf(line: Line): Position {
  return { line: line.index + 1, column: line.indent + 1 };
}
