// Reads a page turned to plain text into blocks: prose lines; property tables whose cells ran
// together (`idstring | null-Unique identifier`), were joined by pipes or tabs, or stand one per line;
// fields stacked one attribute per line (`userId` / `required` / `integer <int64>`); bullet lists
// nested by indentation; JSON samples, curl commands and fenced code.
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { Block, ListItem, Position, ReadResult, TableRow } from './blocks.js';
import {
  columnsFromHeaderCells,
  columnsFromRunTogetherHeader,
  fitCells,
  isDelimiterRow,
  splitPipeRow,
  splitRunTogetherRow,
  type Cell,
  type ColumnKind,
  type RowCells,
  type SplitFailure,
  withNotes,
} from './columns.js';
import { readTypeLine } from './type-expression.js';
import { readTypeFirstFields } from './type-first-fields.js';
import { isStructuralLine, matchOperationLine, matchSectionTitle, matchStatusLine } from './vocabulary.js';

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
const MARKER_LINE = /^\(?(required|optional|nullable|deprecated|read-?only|write-?only)\)?$/i;

export function readText(text: string, file: string): ReadResult {
  const lines = text.split(/\r\n|\r|\n/).map((raw, index): Line => ({ raw, text: raw.trim(), indent: raw.length - raw.trimStart().length, index }));
  return new TextReader(lines, file).read();
}

class TextReader {
  private readonly blocks: Block[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private i = 0;

  constructor(
    private readonly lines: Line[],
    private readonly file: string,
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
      if (this.readFence(line) || this.readSample(line) || this.readCurl(line) || this.readDelimitedTable() || this.readCellPerLineTable()) continue;
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
    let quote = false;
    const body: string[] = [];
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const raw = this.lines[j]!.raw;
      // A sample cut off in the middle of the page ends where the page's own structure resumes.
      if (j > this.i && isStructuralLine(this.lines[j]!.text)) {
        j--;
        break;
      }
      body.push(raw);
      for (let k = 0; k < raw.length; k++) {
        const c = raw[k];
        if (quote) {
          if (c === '\\') k++;
          else if (c === '"') quote = false;
        } else if (c === '"') quote = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
      }
      quote = false; // a string never runs over a line break in a sample
      if (depth <= 0) break;
    }
    // What a rendering glued after the closing bracket (`]429 Too many requests`) is the page's next line.
    const last = this.lines[j];
    let rest = '';
    if (last && depth <= 0) {
      const close = closingIndex(last.raw);
      rest = last.raw.slice(close + 1).trim();
      if (rest) body[body.length - 1] = last.raw.slice(0, close + 1);
    }
    this.blocks.push({ kind: 'code', lang: 'json', value: body.join('\n'), at: positionOf(line) });
    if (rest && last) {
      this.lines[j] = { ...last, raw: rest, text: rest, indent: last.raw.length - last.raw.trimStart().length };
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

  /** `curl ...` with its `\` continuation lines. */
  private readCurl(line: Line): boolean {
    if (!/^(?:\$\s*)?curl\s/.test(line.text)) return false;
    const body: string[] = [line.text.replace(/^\$\s*/, '')];
    let j = this.i;
    while (/\\\s*$/.test(this.lines[j]!.raw) && j + 1 < this.lines.length) {
      j++;
      body.push(this.lines[j]!.text);
    }
    this.blocks.push({ kind: 'code', lang: 'curl', value: body.join('\n'), at: positionOf(line) });
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
    const width = this.lines[delimiter]!.text.split('|').filter((part) => /-/.test(part)).length;
    const headerCells = splitStream(this.lines.slice(start, delimiter)).map((cell) => cell.text).filter((cell) => cell !== '');
    if (headerCells.length < width) return false;
    const header = headerCells.slice(-width);
    // Rows end where the pipes stop: a line without one, unless a pipe closes its cell soon after.
    let end = delimiter + 1;
    while (end < this.lines.length) {
      const text = this.lines[end]!.text;
      if (text === '') break;
      if (text.includes('|')) {
        end++;
        continue;
      }
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
    const built: TableRow[] = rows.map((row) => rowOf(fitCells(row.cells, columns), row.at.index, row.at.indent));
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
      rows.push(rowOf(cells, index, 0));
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
      // A line under the last item that is not itself a bullet: more of its text.
      if (last && (current.indent > lastIndent || (current.indent === lastIndent && j === this.i + 1)) && !startsSample(current.text) && !/^(?:\$\s*)?curl\s/.test(current.text)) {
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
      const description: string[] = [];
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
        if (this.fieldAt(k) || endsFields(text)) break;
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
      rows.push({
        name: field.name,
        type: field.type,
        required,
        description: description.join(' ').replace(/\s+/g, ' ').trim(),
        in: '',
        default: defaultValue,
        at: { line: nameLine.index + 1, column: nameLine.indent + 1 },
        typeAt: { line: field.typeLine + 1, column: 1 },
        nested: [],
      });
      if (opensFields) opens.push({ before: rows.length, label: field.name, at: { line: nameLine.index + 1, column: nameLine.indent + 1 } });
      const next = k < this.lines.length ? this.fieldAt(k) : undefined;
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
  private fieldAt(j: number): { name: string; type: string; required: string; typeLine: number; next: number } | undefined {
    const line = this.lines[j];
    if (!line) return undefined;
    const text = line.text;
    const inline = /^([A-Za-z_$@][\w.$@[\]-]*)\s+(\S.*)$/.exec(text);
    // `Page number`, `Base URL`: a capitalized word before a type word is prose, not a field.
    if (inline && inline[1]!.length <= MAX_FIELD_NAME && !/^[A-Z][a-z]+$/.test(inline[1]!)) {
      const type = readTypeLine(inline[2]!);
      if (type && type.expr.kind !== 'named' && type.rest === '') {
        return { name: inline[1]!, type: type.type, required: type.required === undefined ? '' : type.required ? 'required' : 'optional', typeLine: j, next: j + 1 };
      }
    }
    if (!FIELD_NAME.test(text) || text.length > MAX_FIELD_NAME) return undefined;
    // A word pages also use as a title (`payload`, `error`) is a field only when its type follows at once.
    if (MARKER_LINE.test(text)) return undefined;
    if (isVocabularyWord(text)) {
      const next = this.lines[j + 1]?.text ?? '';
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
      const type = FORMAT_WORD.test(next) ? undefined : readTypeLine(next);
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
        return { name: text, type: type.type, required: type.required === undefined ? required : type.required ? 'required' : 'optional', typeLine: k, next: k + 1 };
      }
      // A name and its required marker with no type (`Content-Type` / `required`): a field still.
      if (required) return { name: text, type: '', required, typeLine: j, next: k };
      break;
    }
    return undefined;
  }

  private nextNonBlank(j: number): number | undefined {
    for (let k = j + 1; k < this.lines.length; k++) if (this.lines[k]!.text !== '') return k;
    return undefined;
  }

  private pushTable(header: string[], rows: { cells: Cell[]; at: Line }[], at: Line): void {
    const columns = columnsFromHeaderCells(header);
    if (columns) {
      const built = rows.map((row) => rowOf(fitCells(row.cells, columns), row.at.index, 0));
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

/** Where the last bracket that closes a sample stands on its last line. */
function closingIndex(raw: string): number {
  let index = -1;
  let quote = false;
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k];
    if (quote) {
      if (c === '\\') k++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if (c === '}' || c === ']') index = k;
  }
  return index === -1 ? raw.length - 1 : index;
}

/** A sample opens with `{` or `[` and what can follow in JSON, Ruby hashes or JS objects. */
function startsSample(text: string): boolean {
  return /^(?:\{\s*(?:$|["'}\w•])|\[\s*(?:$|[{["\d\-\]tfn]))/.test(text) && !/^\[[^\]]*\]\(/.test(text) && !/^\{\{?[\w.-]+\}\}?(?:\/|$)/.test(text);
}

/** Lines a stack of fields never runs over. */
function endsFields(text: string): boolean {
  return HEADING_ANCHOR.test(text) || /^(?:[1-5]\d\d|[1-5]XX|default)$/i.test(text) || isStructuralLine(text) || startsSample(text) || /^(?:\$\s*)?curl\s/.test(text) || FENCE.test(text) || /^\|/.test(text) || BULLET.test(text);
}

const VOCABULARY = /^(?:object|array|string|integer|number|boolean|required|optional|nullable|example|examples|default|schema|responses?|request|body|headers?|parameters|enum|null|none|success|error)$/i;

function isVocabularyWord(text: string): boolean {
  return VOCABULARY.test(text) || matchSectionTitle(text) !== undefined || matchStatusLine(text, true) !== undefined || matchOperationLine(text) !== undefined;
}

const HEADER_WORD = /^(?:name|property|field|field name|parameter|parameter name|param|attribute|argument|key|in|location|type|data ?type|schema|required\??|mandatory|default|default value|description|details|notes|example)$/i;

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
  for (const line of lines) {
    if (line.text === '|') {
      if (pending) {
        current ??= { cells: [], at: line };
        current.cells.push({ text: pending.trim(), offset: 0 });
        pending = '';
      }
      if (current && current.cells.length >= width) finish();
      continue;
    }
    const inner = line.text.replace(/^\|/, '').replace(/\|$/, '');
    const pipes = (inner.match(/(?<!\\)\|/g) ?? []).length;
    if (pipes >= 1 && (line.text.startsWith('|') || pipes + 1 >= width || !current)) {
      // A row of its own, or the first line of one when it holds fewer cells than the header.
      finish();
      current = { cells: splitPipeRow(line.raw).map((cell) => ({ ...cell, offset: cell.offset })), at: line };
      if (!line.text.endsWith('|')) {
        pending = current.cells.pop()?.text ?? '';
      }
      if (current.cells.length >= width) finish();
      continue;
    }
    if (line.text.endsWith('|')) {
      current ??= { cells: [], at: line };
      current.cells.push({ text: `${pending} ${line.text.slice(0, -1)}`.trim(), offset: 0 });
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
      return line.includes('|') ? fitCells(splitPipeRow(line), columns) : 'end';
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

function rowOf(cells: RowCells, index: number, indent: number): TableRow {
  const text = (key: keyof RowCells) => unquote(cells[key]?.text ?? '');
  const column = (key: keyof RowCells) => (cells[key]?.offset ?? indent) + 1;
  const notes = withNotes(cells);
  return {
    name: text('name'),
    type: text('type'),
    required: notes.required ?? text('required'),
    description: notes.description,
    in: text('in'),
    default: text('default'),
    at: { line: index + 1, column: column('name') },
    typeAt: { line: index + 1, column: column('type') },
    nested: [],
  };
}

/** Pipe tables in plain text still often keep Markdown's backticks around names and types. */
function unquote(text: string): string {
  return text.trim().replace(/^`([^`]*)`$/, '$1').replace(/\\\|/g, '|').trim();
}

function positionOf(line: Line): Position {
  return { line: line.index + 1, column: line.indent + 1 };
}
