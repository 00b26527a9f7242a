// The columns of a property table and how a row is cut into them. A header's words say which column
// is which; a row is cut by what each column can hold (an identifier, a type from the vocabulary, a
// required marker, free text), whether its cells ran together or were joined by pipes that types
// such as `string | null` also use.
import type { TableRow } from './blocks.js';
import { foreignRequired, inEnglish } from './foreign-words.js';
import { matchTypePrefix, parseTypeExpression } from './type-expression.js';

export type ColumnKind = 'name' | 'in' | 'type' | 'required' | 'default' | 'description' | 'notes' | 'other';

export interface Cell {
  text: string;
  /** 0-based offset of the cell's first character in its line (or source). */
  offset: number;
}

export type RowCells = Partial<Record<Exclude<ColumnKind, 'other'>, Cell>>;

const HEADER_WORDS: Record<string, ColumnKind> = {
  name: 'name',
  property: 'name',
  field: 'name',
  parameter: 'name',
  param: 'name',
  attribute: 'name',
  key: 'name',
  header: 'name',
  'header name': 'name',
  'param name': 'name',
  argument: 'name',
  variable: 'name',
  'property name': 'name',
  'field name': 'name',
  'parameter name': 'name',
  in: 'in',
  location: 'in',
  type: 'type',
  'data type': 'type',
  datatype: 'type',
  schema: 'type',
  required: 'required',
  'required?': 'required',
  mandatory: 'required',
  optionality: 'required',
  necessity: 'required',
  'is required?': 'required',
  'path element': 'name',
  default: 'default',
  'default value': 'default',
  description: 'description',
  details: 'description',
  notes: 'description',
  'additional information': 'notes',
  constraints: 'notes',
  scopes: 'notes',
  validations: 'notes',
};

const RUN_TOGETHER_HEADER =
  /^(Name|Property|Field|Parameter|Attribute|Key|Variable|Argument|Header|Param)(?:\s*name)?\s*(?:(In|Location)\s*)?(Type|Schema|Datatype)\s*(?:(Required|Mandatory)\s*)?(?:(Default(?: value)?)\s*)?(?:(Description|Details|Notes|Scopes)\s*)?(?:Example\s*)?$/;

/** Columns named by a header whose cells are separate, when it is a property table's header. */
export function columnsFromHeaderCells(cells: readonly string[]): ColumnKind[] | undefined {
  const columns = cells.map((cell) => headerWord(plainHeader(cell)) ?? 'other');
  // A notes column beside no description column is the description.
  const notes = columns.indexOf('notes');
  if (notes !== -1 && !columns.includes('description')) columns[notes] = 'description';
  // `Type` beside `Data Type`: the data type is the type, the other says where the parameter goes.
  const dataType = cells.findIndex((cell) => /^data ?type$/.test(plainHeader(cell)));
  const plainType = cells.findIndex((cell) => plainHeader(cell) === 'type');
  if (dataType !== -1 && plainType !== -1 && !columns.includes('in')) columns[plainType] = 'in';
  // A second type column (`Type` and `Schema`) is the first one's detail.
  columns.forEach((column, index) => {
    if (column === 'type' && columns.indexOf('type') !== index) columns[index] = 'other';
  });
  return columns.includes('name') && columns.includes('type') ? columns : undefined;
}

/** Columns named by a header whose words ran together (`NameTypeRequiredDescription`, `ИмяТипОписание`). */
export function columnsFromRunTogetherHeader(line: string): ColumnKind[] | undefined {
  const match = RUN_TOGETHER_HEADER.exec(line.trim());
  if (match) {
    return match
      .slice(1)
      .filter((word): word is string => word !== undefined)
      .map((word) => HEADER_WORDS[word.toLowerCase()] ?? 'other');
  }
  const words = headerWordsOf(line.trim());
  if (!words || words.length < 3) return undefined;
  const columns = words.map((word) => headerWord(word) ?? 'other');
  columns.forEach((column, index) => {
    if (column !== 'other' && columns.indexOf(column) !== index) columns[index] = 'other';
  });
  return columns[0] === 'name' && columns.includes('type') ? columns : undefined;
}

/** Whether a header cell names the column of names (`Name`, `Key`, `Header`, `キー`). */
export function isNameHeader(cell: string): boolean {
  return headerWord(plainHeader(cell)) === 'name';
}

/** The kind of column a header word names, in English or in another language. */
/** The kind of column a header cell names (`Required`, `Описание`), `other` for a word the table lacks. */
export function columnKindOfHeader(cell: string): ColumnKind {
  return headerWord(plainHeader(cell)) ?? 'other';
}

function headerWord(word: string): ColumnKind | undefined {
  const own = Object.hasOwn(HEADER_WORDS, word) ? HEADER_WORDS[word] : undefined;
  if (own) return own;
  const english = inEnglish(word);
  return english === undefined ? undefined : HEADER_WORDS[english.toLowerCase()];
}

/** Words a header line ran together, each one the table knows (`ИмяИсточникТип`); undefined when some is not. */
function headerWordsOf(line: string): string[] | undefined {
  if (line.length > 120 || line.length === 0) return undefined;
  const out: string[] = [];
  let at = 0;
  while (at < line.length) {
    while (line[at] === ' ' || line[at] === '\t') at++;
    if (at >= line.length) break;
    let taken = '';
    for (const word of KNOWN_HEADER_WORDS) {
      if (word.length > taken.length && line.slice(at, at + word.length).toLowerCase() === word) taken = line.slice(at, at + word.length);
    }
    if (!taken) return undefined;
    out.push(taken.toLowerCase());
    at += taken.length;
  }
  return out;
}

/** Words a run-together header may hold: the table's own and those of other languages that name a column. */
const KNOWN_HEADER_WORDS = [
  ...Object.keys(HEADER_WORDS),
  'nullable',
  'example',
  'since',
  'имя',
  'источник',
  'тип',
  'обязательный',
  'описание',
  'nombre',
  'tipo',
  'obligatorio',
  'descripción',
  'nome',
  'obrigatório',
  'descrição',
  'paramètre',
  'typ',
  'beschreibung',
  'parámetro',
  'parâmetro',
];

function plainHeader(cell: string): string {
  return cell
    .replace(/[`*_]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const REQUIRED_TRUE = new Set(['required', 'yes', 'true', 'y', 'mandatory', '✓', '✔', '✅', '*']);
const REQUIRED_FALSE = new Set(['', '-', '—', '–', 'optional', 'no', 'false', 'n', '✗', '✘', '×', '❌', '?', '⚠', '⚠️']);

/**
 * true, false, or undefined when the text is not a required marker. A mark before a word (`✅ Sim`,
 * `❌ Não`) says it; yes and no of other languages (`Да`, `否`) count.
 */
export function parseRequired(text: string): boolean | undefined {
  const trimmed = text.trim().toLowerCase();
  const word = trimmed === '*' || trimmed === '?' ? trimmed : trimmed.replace(/[`*_]/g, '');
  if (REQUIRED_TRUE.has(word)) return true;
  if (REQUIRED_FALSE.has(word)) return false;
  const foreign = foreignRequired(word);
  if (foreign !== undefined) return foreign;
  const marked = /^(✅|✔️?|✓|☑️?|❌|✗|✘|⚠️?)\s*\S.*$/u.exec(word);
  if (marked) return /^[✅✔✓☑]/u.test(marked[1]!);
  return undefined;
}

// Markers that can end a run-together type cell. Single letters and `*` stay out: they are too
// often the first letter of a description.
const RUN_TOGETHER_REQUIRED = ['required', 'Required', 'optional', 'Optional', 'Yes', 'yes', 'No', 'no', 'true', 'false', '-', '—', '–', '✓', '✔', '✗', 'Y ', 'N ', 'Да', 'Нет', 'Sí', 'Sim', 'Não', 'Ja', 'Nein', 'Oui', 'Non', '是', '否'];
const LOCATIONS = ['path', 'query', 'header', 'cookie'];
const NAME_CHAR = /[A-Za-z0-9_@$.\-[\]:#]/;
const MAX_NAME_LENGTH = 128;
const MAX_TYPE_CELLS = 8;
const MIN_SCORE = -0.5;

export interface SplitFailure {
  /** 0-based offset where the row stopped making sense. */
  offset: number;
  expected: string;
}

/**
 * Cuts a row whose cells ran together (`idstring | null-Unique identifier`) at the reading that
 * fits the columns best: a name, a type from the vocabulary, a required marker, then free text.
 */
export function splitRunTogetherRow(line: string, columns: readonly ColumnKind[]): RowCells | SplitFailure {
  let best: { score: number; cells: RowCells } | undefined;
  /** Where the text after the furthest vocabulary type starts, for the diagnostic. */
  let furthest = -1;
  const search = (index: number, at: number, score: number, cells: RowCells): void => {
    const start = skipSpaces(line, at);
    const column = columns[index];
    if (column === undefined) {
      if (start === line.length && (!best || score > best.score)) best = { score, cells };
      return;
    }
    const take = (end: number, gain: number) => {
      const key = column === 'other' ? undefined : column;
      const next = key ? { ...cells, [key]: { text: line.slice(start, end), offset: start } } : cells;
      search(index + 1, end, score + gain, next);
    };
    switch (column) {
      case 'name':
        // Longest names last, so that on a tie the longer name (`typestring` → `type`) wins.
        for (let end = start + 1; end <= Math.min(line.length, start + MAX_NAME_LENGTH); end++) {
          if (!NAME_CHAR.test(line[end - 1]!)) break;
          take(end, 0);
          // `idrequiredinteger...` under `NameTypeDescription`: the marker a rendering prints as the name's badge.
          if (!columns.includes('required')) {
            // Only the two words no name ends in by chance (`casino` is no `casi` + `no`).
            for (const word of ['required', 'optional']) {
              if (!line.startsWith(word, end)) continue;
              const marked = { ...cells, name: { text: line.slice(start, end), offset: start }, required: { text: word, offset: end } };
              search(index + 1, end + word.length, score + 2, marked);
            }
          }
        }
        return;
      case 'in':
        for (const word of LOCATIONS) if (line.startsWith(word, start)) take(start + word.length, 0);
        return;
      case 'type':
        for (const match of matchTypePrefix(line, start, { allowNamed: true, namedEndsAt: (at) => endsNamedType(line, at) })) {
          if (match.expr.kind !== 'named') furthest = Math.max(furthest, skipSpaces(line, match.end));
          take(match.end, 0.01 * (match.end - start) - match.penalty);
        }
        return;
      case 'required':
        for (const word of RUN_TOGETHER_REQUIRED) if (line.startsWith(word, start)) take(start + word.length, 2);
        take(start, 0);
        return;
      case 'description':
      case 'default':
      case 'notes':
      case 'other':
        if (index === columns.length - 1) take(line.length, descriptionScore(line.slice(start)));
        else if (column === 'default' || column === 'other') {
          // A default or an example amid the columns is one word, or nothing.
          const word = /^\S+/.exec(line.slice(start))?.[0];
          if (word && (start === 0 || /\s/.test(line[start - 1] ?? ''))) take(start + word.length, 0);
          take(start, 0);
        }
        return;
    }
  };
  search(0, 0, 0, {});
  // A reading that needs a schema name and a description starting with punctuation is no reading.
  if (best && best.score > MIN_SCORE) return best.cells;
  if (furthest === -1) {
    return { offset: skipSpaces(line, 0), expected: 'a name followed by a type such as string, integer, boolean, object[] or string | null' };
  }
  return { offset: furthest, expected: 'a required marker (required, optional, yes, no, -) or a description after the type' };
}

/** Where a schema name printed as a type can end when nothing separates it from the next cell. */
function endsNamedType(line: string, at: number): boolean {
  if (at >= line.length || !/\p{Ll}/u.test(line[at]!)) return true;
  return RUN_TOGETHER_REQUIRED.some((word) => line.startsWith(word, at));
}

function skipSpaces(line: string, at: number): number {
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
  return at;
}

/** Descriptions start like sentences; a stray `|` or lowercase word means the cut is off. */
function descriptionScore(text: string): number {
  const first = text.trim()[0];
  if (first === undefined) return 1;
  if (/[\p{Lu}\d"'`(]/u.test(first)) return 1;
  if (/\p{Ll}/u.test(first)) return 0;
  return -1;
}

/**
 * Fits cells split at every pipe to the columns: the type may take several cells (`string`,
 * `null`), the last column takes what is left, every other column one cell.
 */
export function fitCells(cells: readonly Cell[], columns: readonly ColumnKind[]): RowCells {
  // A row that lost its name cell shifts left, leaving its last cell empty: `| string | Email. | |`.
  if (cells.length === columns.length && cells.length >= 3 && columns[0] === 'name' && cells.at(-1)!.text === '') {
    const shifted = [{ text: '', offset: cells[0]!.offset }, ...cells.slice(0, -1)];
    const plain = fitPadded(cells, columns);
    const moved = fitPadded(shifted, columns);
    if (rowScore(moved, columns) > rowScore(plain, columns)) return moved;
    return plain;
  }
  if (cells.length < columns.length && columns.length - cells.length <= 2 && cells.length >= 2) {
    // A rendering that dropped an empty cell shifts the row: put the blank where the row reads best.
    let best: { score: number; cells: RowCells } | undefined;
    for (let at = 1; at <= cells.length; at++) {
      const padded = [...cells.slice(0, at), { text: '', offset: cells[at - 1]!.offset }, ...cells.slice(at)];
      const fitted = fitPadded(padded, columns);
      const score = columns.reduce((sum, column) => sum + (column === 'other' ? 0 : cellScore(column, fitted[column as keyof RowCells]?.text ?? '')), 0);
      if (!best || score > best.score) best = { score, cells: fitted };
    }
    const plain = fitPadded(cells, columns);
    const plainScore = columns.reduce((sum, column) => sum + (column === 'other' ? 0 : cellScore(column, plain[column as keyof RowCells]?.text ?? '')), 0);
    return best && best.score > plainScore ? best.cells : plain;
  }
  return fitPadded(cells, columns);
}

function fitPadded(cells: readonly Cell[], columns: readonly ColumnKind[]): RowCells {
  const typeIndex = columns.indexOf('type');
  const spare = Math.max(0, cells.length - columns.length);
  let best: { score: number; cells: RowCells } | undefined;
  // A union type has a handful of members at most: wider groups are never the type.
  for (let typeWidth = 1; typeWidth <= Math.min(spare + 2, MAX_TYPE_CELLS); typeWidth++) {
    if (typeIndex === -1 && typeWidth > 1) break;
    const fitted: RowCells = {};
    let score = 0;
    let next = 0;
    columns.forEach((column, index) => {
      const width = index === columns.length - 1 ? Math.max(0, cells.length - next) : column === 'type' ? typeWidth : 1;
      const group = cells.slice(next, next + width);
      next += width;
      const cell: Cell = { text: group.map((c) => c.text.trim()).join(' | '), offset: group[0]?.offset ?? cells.at(-1)?.offset ?? 0 };
      score += cellScore(column, cell.text);
      if (column !== 'other') fitted[column] = cell;
    });
    if (next < cells.length) score -= 4;
    if (!best || score > best.score) best = { score, cells: fitted };
  }
  return moveBadges(best?.cells ?? {});
}

function rowScore(cells: RowCells, columns: readonly ColumnKind[]): number {
  return columns.reduce((sum, column) => sum + (column === 'other' ? 0 : cellScore(column, cells[column as keyof RowCells]?.text ?? '')), 0);
}

function cellScore(column: ColumnKind, text: string): number {
  switch (column) {
    case 'name':
      return text === '' ? -3 : /\s/.test(text) ? -1 : 0;
    case 'type': {
      if (text === '') return -2;
      const type = parseTypeExpression(text);
      return type === undefined ? -4 : type.kind === 'named' ? -0.5 : 0;
    }
    case 'required':
      return text === '' ? 0 : parseRequired(text) === undefined ? -4 : 1;
    case 'in':
      return LOCATIONS.includes(text.toLowerCase()) ? 0 : -4;
    case 'description':
      return text.startsWith('|') ? -1 : 0;
    default:
      return 0;
  }
}

/**
 * A required marker printed in the name cell when there is no such column: a badge (`name
 * required`, `id required`), a star (`id*`: required) or a question mark (`comment?`: optional).
 */
function moveBadges(cells: RowCells): RowCells {
  const name = cells.name;
  if (!name || cells.required) return cells;
  const trimmed = name.text.trim();
  const mark = /^([A-Za-z_$@][\w.$@[\]-]*)\s*([*?])$/.exec(trimmed);
  if (mark?.[1]) return { ...cells, name: { ...name, text: mark[1] }, required: { text: mark[2]!, offset: name.offset + trimmed.length - 1 } };
  const match = /^(\S+)\s+\(?(\S+?)\)?$/.exec(trimmed);
  if (!match?.[1] || !match[2] || parseRequired(match[2]) === undefined) return cells;
  return { ...cells, name: { ...name, text: match[1] }, required: { text: match[2], offset: name.offset + name.text.indexOf(match[2]) } };
}

/** Cells of a pipe-table line, with offsets; `\|` and pipes inside backticks do not split. */
export function splitPipeRow(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  let inCode = false;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), offset: start + lead });
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      i++;
    } else if (char === '`' && (inCode || line.includes('`', i + 1))) {
      inCode = !inCode;
    } else if (char === '|' && !inCode) {
      push(i);
      start = i + 1;
    }
  }
  push(line.length);
  // Outer pipes frame the row; they do not make empty first and last cells.
  if (/^\s*\|/.test(line)) cells.shift();
  if (/\|\s*$/.test(line) && !/\\\|\s*$/.test(line) && cells.length > 0) cells.pop();
  return cells;
}

export function isDelimiterRow(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

/**
 * The description with a notes column (`Additional information`) after it; a `Required` opening
 * the notes is the row's required marker when no column holds one.
 */
export function withNotes(cells: RowCells): { description: string; required?: string } {
  const description = (cells.description?.text ?? '').trim().replace(/\s+/g, ' ');
  let notes = (cells.notes?.text ?? '').trim().replace(/\s+/g, ' ');
  let required: string | undefined;
  const marker = /^Required\b[.:]?\s*/.exec(notes);
  if (marker && !cells.required?.text.trim()) {
    required = 'required';
    notes = notes.slice(marker[0].length);
  }
  if (/^None\.?$/i.test(notes)) notes = '';
  const joined = [description, notes].filter(Boolean).join(' ');
  return required ? { description: joined, required } : { description: joined };
}

/**
 * A table row from its cells on 1-based `line`: each cell's text through `cellText` (the readers
 * differ in what markup a cell keeps), a missing cell's column at the row's indent.
 */
export function tableRowOf(cells: RowCells, line: number, cellText: (text: string) => string, indent = 0): TableRow {
  const text = (key: keyof RowCells) => cellText(cells[key]?.text ?? '');
  const column = (key: keyof RowCells) => (cells[key]?.offset ?? indent) + 1;
  const notes = withNotes(cells);
  return {
    name: text('name'),
    type: text('type'),
    required: notes.required ?? text('required'),
    description: notes.description,
    in: text('in'),
    default: text('default'),
    at: { line, column: column('name') },
    typeAt: { line, column: column('type') },
    nested: [],
  };
}

