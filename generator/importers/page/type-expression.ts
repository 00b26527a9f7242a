// The type column of a property table: `string`, `integer<int64>`, `object[]`, `string | null`,
// `array of Instance`... read as a whole cell, or at the start of text whose cells ran together.
import { foreignType } from './foreign-words.js';

export type Primitive = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'any';

export type TypeExpr =
  | { kind: 'primitive'; name: Primitive; format?: string; isEnum?: boolean }
  | { kind: 'array'; items: TypeExpr }
  | { kind: 'named'; name: string }
  | { kind: 'union'; members: TypeExpr[] };

export interface TypeMatch {
  /** Offset just past the type. */
  end: number;
  expr: TypeExpr;
  /** How much less likely this reading is than a plain lowercase vocabulary type (0). */
  penalty: number;
}

type Word = { name: Primitive; format?: string; isEnum?: boolean };

// Docs sites print JSON Schema types, language types and formats alike in the type column.
const TYPE_WORDS: Record<string, Word> = {
  string: { name: 'string' },
  number: { name: 'number' },
  integer: { name: 'integer' },
  int: { name: 'integer' },
  int32: { name: 'integer', format: 'int32' },
  int64: { name: 'integer', format: 'int64' },
  long: { name: 'integer', format: 'int64' },
  float: { name: 'number', format: 'float' },
  double: { name: 'number', format: 'double' },
  decimal: { name: 'number' },
  boolean: { name: 'boolean' },
  bool: { name: 'boolean' },
  object: { name: 'object' },
  array: { name: 'array' },
  null: { name: 'null' },
  any: { name: 'any' },
  unknown: { name: 'any' },
  undefined: { name: 'any' },
  mixed: { name: 'any' },
  file: { name: 'string', format: 'binary' },
  binary: { name: 'string', format: 'binary' },
  date: { name: 'string', format: 'date' },
  'date-time': { name: 'string', format: 'date-time' },
  datetime: { name: 'string', format: 'date-time' },
  uuid: { name: 'string', format: 'uuid' },
  uri: { name: 'string', format: 'uri' },
  url: { name: 'string', format: 'uri' },
  email: { name: 'string', format: 'email' },
  enum: { name: 'string', isEnum: true },
};
const WORDS_LONGEST_FIRST = Object.keys(TYPE_WORDS).sort((a, b) => b.length - a.length || a.localeCompare(b));
const FORMAT_SUFFIX = /^(?:<([a-z0-9][a-z0-9-]*)>|\s?\(([a-z0-9][a-z0-9-]*)\))/i;
const ARRAY_OF = /^(?:<|\[|\s+of\s+)/i;
const UNION_SEPARATOR = /^\s*\|\s*|^\s+or\s+/i;
const NAMED_TYPE = /^[A-Z][A-Za-z0-9_]*/;
/** Bounds the work on text that is not a type at all; no real type cell comes near it. */
const MAX_TYPE_LENGTH = 200;
/** Bounds the work on text that is not a type at all. */
const MAX_CANDIDATES = 64;
const MAX_DEPTH = 4;

/** Every reading of a type that starts at `start` in `text`; the caller picks by what follows it. */
export function matchTypePrefix(text: string, start: number, options: TypeOptions): TypeMatch[] {
  return matchUnion(text, start, options, 0);
}

export interface TypeOptions {
  /** Whether a schema name (`Instance`, `Violation[]`) may stand for a type. */
  allowNamed: boolean;
  /** Where a schema name may end; every prefix of a capitalized word otherwise. */
  namedEndsAt?: (offset: number) => boolean;
}

/** Reads a whole type cell, or returns undefined when it is not a type. */
export function parseTypeExpression(cell: string): TypeExpr | undefined {
  const plain = cell.trim().replace(/^`(.*)`$/s, '$1').trim();
  let text = normalizeSpelling(foreignType(plain) ?? plain);
  if (text.length === 0 || text.length > MAX_TYPE_LENGTH) return undefined;
  const nullable = readNullableFlag(text);
  if (nullable !== undefined) text = nullable;
  let best: TypeMatch | undefined;
  for (const match of matchUnion(text, 0, { allowNamed: true }, 0)) {
    if (match.end === text.length && (!best || match.penalty < best.penalty)) best = match;
  }
  if (!best) return undefined;
  return nullable !== undefined ? { kind: 'union', members: [best.expr, { kind: 'primitive', name: 'null' }] } : best.expr;
}

/** `nullable string`, `string (nullable)`, `string, nullable`: the type without its flag. */
function readNullableFlag(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (lower.startsWith('nullable ')) return text.slice('nullable '.length).trim();
  const bare = lower.endsWith(')') ? lower.slice(0, -1) : lower;
  if (!bare.endsWith('nullable')) return undefined;
  let end = bare.length - 'nullable'.length;
  while (end > 0 && /[\s,(]/.test(bare[end - 1]!)) end--;
  return end > 0 && end < bare.length - 'nullable'.length ? text.slice(0, end) : undefined;
}

function matchUnion(text: string, start: number, options: TypeOptions, depth: number): TypeMatch[] {
  const found: TypeMatch[] = [];
  let frontier = matchItem(text, start, options, depth).map((m) => ({ ...m, members: [m.expr] }));
  while (frontier.length > 0 && found.length < MAX_CANDIDATES) {
    const next: typeof frontier = [];
    for (const partial of frontier) {
      const expr: TypeExpr = partial.members.length === 1 ? partial.members[0]! : { kind: 'union', members: partial.members };
      found.push({ end: partial.end, expr, penalty: partial.penalty });
      const separator = UNION_SEPARATOR.exec(text.slice(partial.end, partial.end + 8));
      if (!separator) continue;
      for (const item of matchItem(text, partial.end + separator[0].length, options, depth)) {
        next.push({ end: item.end, expr: item.expr, penalty: partial.penalty + item.penalty, members: [...partial.members, item.expr] });
      }
    }
    frontier = next.slice(0, MAX_CANDIDATES);
  }
  return found;
}

function matchItem(text: string, start: number, options: TypeOptions, depth: number): TypeMatch[] {
  if (depth > MAX_DEPTH || start >= text.length) return [];
  const bases: TypeMatch[] = [];
  const ahead = text.slice(start, start + 16);
  const lower = ahead.toLowerCase();
  for (const word of WORDS_LONGEST_FIRST) {
    if (!lower.startsWith(word)) continue;
    const penalty = ahead.startsWith(word) ? 0 : 0.3;
    const end = start + word.length;
    const base = TYPE_WORDS[word]!;
    bases.push({ end, expr: { kind: 'primitive', ...base }, penalty });
    if (base.name === 'array') bases.push(...matchArrayOf(text, end, options, depth, penalty));
    const format = FORMAT_SUFFIX.exec(text.slice(end, end + 40));
    if (format && (base.name === 'string' || base.name === 'integer' || base.name === 'number')) {
      const name = (format[1] ?? format[2] ?? '').toLowerCase();
      // `Number (Integer)`, `number <int64>`: a format that names a type narrows the number to it.
      const narrower = base.name === 'number' ? TYPE_WORDS[name] : undefined;
      const expr: TypeExpr =
        name === 'enum'
          ? { kind: 'primitive', ...base, isEnum: true }
          : narrower?.name === 'integer'
            ? { kind: 'primitive', ...narrower }
            : { kind: 'primitive', name: base.name, format: name };
      bases.push({ end: end + format[0].length, expr, penalty });
    }
  }
  if (options.allowNamed) {
    const named = NAMED_TYPE.exec(text.slice(start, start + 80))?.[0] ?? '';
    for (let length = 2; length <= named.length; length++) {
      if (options.namedEndsAt && !options.namedEndsAt(start + length)) continue;
      bases.push({ end: start + length, expr: { kind: 'named', name: named.slice(0, length) }, penalty: 1 });
    }
  }
  return bases.flatMap((match) => withArraySuffixes(text, match));
}

/** `array<T>`, `array[T]`, `array of T` (a plural `Ts` reads as `T`). */
function matchArrayOf(text: string, at: number, options: TypeOptions, depth: number, penalty: number): TypeMatch[] {
  const opener = ARRAY_OF.exec(text.slice(at, at + 8));
  if (!opener) return [];
  const open = opener[0].trim();
  const close = open === '<' ? '>' : open === '[' ? ']' : '';
  const found: TypeMatch[] = [];
  for (const inner of matchUnion(text, at + opener[0].length, options, depth + 1)) {
    let end = inner.end;
    if (close) {
      if (text[end] !== close) continue;
      end++;
    } else if (text[end] === 's' && inner.expr.kind !== 'union') {
      found.push({ end: end + 1, expr: { kind: 'array', items: inner.expr }, penalty: penalty + inner.penalty });
    }
    found.push({ end, expr: { kind: 'array', items: inner.expr }, penalty: penalty + inner.penalty });
  }
  return found;
}

function withArraySuffixes(text: string, match: TypeMatch): TypeMatch[] {
  const found = [match];
  let { end, expr } = match;
  while (text.startsWith('[]', end)) {
    end += 2;
    expr = { kind: 'array', items: expr };
    found.push({ end, expr, penalty: match.penalty });
  }
  return found;
}

/**
 * Renderers' own spellings of the same types, brought to one: `string format: uuid` and
 * `string ($uuid)` (a format), `Array of object (Name)` and `object (Name)` (the schema's name beside
 * its type), `enum<string>`, `Collection of X` (ASP.NET), `array[object]`.
 */
function normalizeSpelling(text: string): string {
  if (text.length > MAX_TYPE_LENGTH) return text;
  return text
    .replace(/\s+format:\s*([a-z0-9][a-z0-9-]*)/gi, '<$1>')
    .replace(/\s+<([a-z0-9][a-z0-9-]*)>/gi, '<$1>')
    .replace(/\(\$([a-z0-9][a-z0-9-]*)\)/gi, '($1)')
    .replace(/^enum\s*<\s*(string|integer|number)\s*>/i, '$1 (enum)')
    .replace(/\b(object|array)\s*\(\s*[A-Z][A-Za-z0-9_]*\s*\)/g, '$1')
    .replace(/\bcollection of\s+/gi, 'array of ')
    .replace(/^(?:List|Set|Collection|Iterable)<(.+)>$/, 'array<$1>')
    .replace(/^(?:Map|Dictionary|Record)<.+>$/, 'object')
    .replace(/\barray\[(object|string|integer|number|boolean)\]/gi, 'array<$1>')
    // Developer portals: `string of array` (an array of strings), `integer As int64` (a format).
    .replace(/\s+As\s+([a-z0-9][a-z0-9-]*)/g, '<$1>')
    .replace(/^(\S+)((?:\s+of\s+array){1,4})$/i, (_, base: string, arrays: string) => `${'array of '.repeat(arrays.match(/\bof\s+array/gi)!.length)}${base}`);
}

export interface TypeLine {
  /** The type as printed, its markers taken off. */
  type: string;
  expr: TypeExpr;
  /** A `required` or `optional` marker glued to the type (`stringRequired`). */
  required?: boolean;
  nullable?: boolean;
  /** What followed the type on its line (`= 36 characters`, `>= 1`). */
  rest: string;
}

const GLUED_MARKER = /(?:\s*|(?<=[a-z\]>)]))(required|optional|nullable|deprecated)$/i;
const CONSTRAINT_TAIL = /\s*(?:=|>=|<=|≥|≤|[<>](?=\s*-?\d))\s*.*$|\s+(?:length|Example:).*$/i;

/**
 * A line that states a field's type, as stacked renderings print it under the field's name:
 * `integer <int64>`, `stringRequired`, `string | null`, `string <uuid> = 36 characters`,
 * `Array of object (Name) | null`. Undefined for any other line.
 */
export function readTypeLine(line: string): TypeLine | undefined {
  let text = line.trim();
  if (text.length === 0 || text.length > MAX_TYPE_LENGTH) return undefined;
  const result: Omit<TypeLine, 'type' | 'expr'> = { rest: '' };
  // `string · minLength: 1 · maxLength: 200 · required`: the type, then its attributes, each after a dot.
  const attributes = text.split(/\s*[·•]\s*/);
  if (attributes.length > 1 && attributes[0] !== '') {
    const kept: string[] = [];
    for (const attribute of attributes.slice(1)) {
      const word = attribute.toLowerCase();
      if (word === 'required') result.required = true;
      else if (word === 'optional') result.required = false;
      else if (word === 'nullable') result.nullable = true;
      else if (attribute !== '') kept.push(attribute);
    }
    const expr = parseTypeExpression(attributes[0]!);
    if (!expr) return undefined;
    return { type: attributes[0]!, expr, ...result, rest: kept.join(' · ') };
  }
  for (let i = 0; i < 3; i++) {
    const marker = GLUED_MARKER.exec(text);
    if (!marker || marker.index === 0) break;
    const word = marker[1]!.toLowerCase();
    if (word === 'required') result.required = true;
    else if (word === 'optional') result.required = false;
    else if (word === 'nullable') result.nullable = true;
    text = text.slice(0, marker.index).trim();
  }
  const tail = CONSTRAINT_TAIL.exec(text);
  if (tail && tail.index > 0) {
    result.rest = tail[0].trim();
    text = text.slice(0, tail.index).trim();
  }
  const expr = parseTypeExpression(text);
  if (!expr) return undefined;
  return { type: text, expr, ...result };
}

export interface GluedField {
  name: string;
  /** The type as printed, its markers taken off. */
  type: string;
  /** `required`, `optional`, `*` (the name's star), `?` (the name's question mark) or ''. */
  required: string;
}

/** Type words safe to find glued after a name with no marker: no English word ends in them (`update` ends in `date`). */
const GLUED_TYPES = /^(?:string|integer|number|boolean|object|array|datetime|date-time|enum|uuid|double|float|int32|int64|unknown|undefined)\b/i;
const GLUED_NAME = /^[A-Za-z_$@][\w.$@-]*$/;
/** The composition words a rendering prints for a field typed by several schemas. */
const COMPOSITION = /^(?:all|any|one) of$/i;
const MAX_GLUED = 160;

/**
 * A field whose name, type and required marker ran together, as rendered pages copy them:
 * `tag_idstringRequired`, `idstring · nullableOptional`, `comment?string|null`, `id*string`,
 * `created_atdatetime`. The type is read against the vocabulary; the name is the longest that
 * leaves one. Without a marker only unmistakable type words count, and the name starts lower case.
 */
export function splitGluedField(text: string): GluedField | undefined {
  let rest = text.trim();
  if (rest.length === 0 || rest.length > MAX_GLUED || /\s{2,}/.test(rest)) return undefined;
  let required = '';
  const marker = /(?<=[a-z\]>)])(Required|Optional)$/.exec(rest);
  if (marker) {
    required = marker[1]!.toLowerCase();
    rest = rest.slice(0, marker.index);
  }
  // `string · nullable`, `string · email`: what follows the type word is the type's (a flag or its format).
  const suffix = /\s*·\s*([A-Za-z][\w-]{0,30})$/.exec(rest);
  const nullable = suffix && /^nullable$/i.test(suffix[1]!) ? suffix : undefined;
  const format = suffix && !nullable ? suffix[1]! : undefined;
  if (suffix) rest = rest.slice(0, suffix.index);
  for (let end = Math.min(rest.length - 1, 128); end >= 2; end--) {
    let name = rest.slice(0, end);
    let type = rest.slice(end);
    let mark = '';
    const sign = /[*?]$/.exec(name);
    if (sign) {
      mark = sign[0];
      name = name.slice(0, -1);
    }
    const marked = required !== '' || mark !== '';
    // `auditall ofOptional`: a composition whose members the rendering does not show; the type
    // stays as printed, for the reader to report.
    if (marked && !format && GLUED_NAME.test(name) && name.length >= 2 && COMPOSITION.test(type)) return { name, type, required: required || mark };
    if (!GLUED_NAME.test(name) || name.length < 2 || /\s/.test(type.trimEnd()) && !/\|/.test(type)) continue;
    if (!marked && (!/^[a-z_$@]/.test(name) || !GLUED_TYPES.test(type))) continue;
    type = type.trim();
    const expr = parseTypeExpression(type);
    if (!expr || expr.kind === 'named') continue;
    // A name cannot end where a type word would go on (`typestring` is `type` + `string`, not `typestrin` + `g`).
    if (!/^[A-Za-z]/.test(type)) continue;
    if (format !== undefined) {
      // Only a format the type can carry (`string · email`); anything else is not this reading.
      const formatted = parseTypeExpression(`${type} <${format}>`);
      if (formatted?.kind !== 'primitive' || formatted.format === undefined) continue;
      return { name, type: `${type} <${format}>`, required: required || mark };
    }
    return { name, type: nullable ? `${type} | null` : type, required: required || mark };
  }
  return undefined;
}
