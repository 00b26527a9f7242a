// Schema keywords that a description states in plain words: "One of: a, b", "max 30 characters",
// "between 1 and 100", "Lowercase letters and hyphens only", "ISO 8601", "Defaults to 20". Only
// plain statements are read; anything vaguer stays prose. Sentences that state a keyword and nothing
// else, as renderers write them from the schema ("Values are `a` or `b`.", "Default value is `x`."),
// are read first, exactly, and can be taken out of the description (`withoutKeywordSentences`).
import type { JsonValue } from '../../core/openapi-types.js';

/** Which schema a keyword constrains: the string, the number, the array, the object, or the value whatever its type. */
export type ProseTarget = 'string' | 'number' | 'array' | 'object' | 'value' | 'schema';

export interface ProseKeyword {
  keyword: string;
  value: JsonValue;
  target: ProseTarget;
  /** For a count of items said of a number (`up to 100 items` on `limit`): the number's keyword. */
  numericKeyword?: string;
  /** For a length said of an array (`Minimum length is 1` on a list): the array's keyword. */
  arrayKeyword?: string;
  /** The value is printed as a literal (`Default value is \`2025-03-25\``): taken as written, typed by the schema. */
  exact?: boolean;
}

const LENGTH_UNIT = String.raw`(?:characters?|chars?|letters|digits|symbols)`;
const ITEM_UNIT = String.raw`(?:items?|elements?|entries|values|records|results)`;
const UNIT = String.raw`(${LENGTH_UNIT}|${ITEM_UNIT})`;
const NUMBER = String.raw`(-?\d{1,15}(?:\.\d{1,15})?)`;
const MAX_WORDS = String.raw`(?:max(?:imum)?\.?(?:\s+(length|value|size))?(?:\s+(?:of|is))?|at most|up to|no more than|not more than|(?:must|may|can)\s*not exceed|cannot exceed|limited to)`;
const MIN_WORDS = String.raw`(?:min(?:imum)?\.?(?:\s+(length|value|size))?(?:\s+(?:of|is))?|at least|no fewer than|no less than|not less than)`;

const BETWEEN = new RegExp(String.raw`\b(?:between|from)\s+${NUMBER}\s+(?:and|to)\s+${NUMBER}(?:\s+${UNIT})?`, 'gi');
const RANGE_WITH_UNIT = new RegExp(String.raw`\b(\d{1,9})\s*(?:-|–|to)\s*(\d{1,9})\s+${UNIT}`, 'gi');
const MAX_BEFORE = new RegExp(String.raw`\b${MAX_WORDS}\s*:?\s*${NUMBER}(?:\s+${UNIT})?`, 'gi');
const MAX_AFTER = new RegExp(String.raw`\b(\d{1,9})\s+${UNIT}\s+(?:max(?:imum)?|or (?:less|fewer)|at most)\b`, 'gi');
const MIN_BEFORE = new RegExp(String.raw`\b${MIN_WORDS}\s*:?\s*${NUMBER}(?:\s+${UNIT})?`, 'gi');
const MIN_AFTER = new RegExp(String.raw`\b(\d{1,9})\s+${UNIT}\s+(?:min(?:imum)?|or more|at least)\b`, 'gi');
const EXACTLY = new RegExp(String.raw`\bexactly\s+(\d{1,9})\s+${UNIT}`, 'gi');
const COMPARISON = new RegExp(String.raw`\b(greater|more|less|fewer|higher|lower) than(\s+or equal to)?\s+${NUMBER}`, 'gi');

const ENUM_LEAD =
  /\b(?:(?:must be|can be|is|either)\s+)?(?:one of|possible values(?: are| include)?|allowed values(?: are)?|valid values(?: are)?|accepted values(?: are)?|supported values(?: are)?|available values(?: are)?|enum(?:eration)?(?: values)?|values? in)\s*:?\s*/gi;
const ENUM_ITEM = /^[\w.:+@#*/-]+$/;
const NOT_VALUES = new Set(['the', 'these', 'those', 'following', 'several', 'many', 'below', 'above']);

/** All keywords the description states, in the order of the keyword list below. */
export function readProseKeywords(description: string): ProseKeyword[] {
  if (!description.trim()) return [];
  // Bounded: descriptions are sentences; a pasted page in a cell is not worth reading for limits.
  const whole = description.replace(/\s+/g, ' ').slice(0, 4000);
  const found: ProseKeyword[] = [];
  const add = (keyword: ProseKeyword) => {
    if (!found.some((k) => k.keyword === keyword.keyword)) found.push(keyword);
  };
  // The exact sentences first; the readers of looser wording then see the rest of the text only.
  const sentences = readKeywordSentences(whole);
  for (const sentence of sentences) sentence.keywords.forEach(add);
  const text = blankOut(whole, sentences);
  const values = readEnum(text);
  if (values) add({ keyword: 'enum', value: values, target: 'value' });
  const format = readFormat(text);
  if (format) add({ keyword: 'format', value: format, target: 'string' });
  readLimits(text).forEach(add);
  const pattern = readPattern(text);
  if (pattern) add({ keyword: 'pattern', value: pattern, target: 'string' });
  const byDefault = readDefault(text);
  if (byDefault !== undefined) add({ keyword: 'default', value: byDefault, target: 'value' });
  if (/^\s*deprecated\b/i.test(text)) add({ keyword: 'deprecated', value: true, target: 'schema' });
  return found;
}

function readEnum(text: string): string[] | undefined {
  for (const lead of text.matchAll(ENUM_LEAD)) {
    const rest = text.slice(lead.index + lead[0].length);
    // The list runs to the end of its sentence or parenthesis; values may hold dots (`v1.2`).
    const list = rest.split(/\.(?=\s|$)|[;)\n]/)[0] ?? '';
    const items = list
      .split(/\s*,\s*(?:(?:and|or)\s+)?|\s+or\s+|\s+and\s+|\s*\|\s*/)
      .map((item) => item.trim().replace(/^["'`“‘]|["'`”’]$/g, ''))
      .filter((item) => item !== '');
    if (items.length === 0 || NOT_VALUES.has(items[0]!.toLowerCase())) continue;
    if (items.every((item) => ENUM_ITEM.test(item))) return [...new Set(items)];
  }
  return undefined;
}

function readFormat(text: string): string | undefined {
  if (!/\b(?:ISO[\s-]?8601|RFC[\s-]?3339)\b/i.test(text)) return undefined;
  if (/\bdate[\s-]?time\b|\bdate and time\b|\btimestamp\b|\btime\b/i.test(text)) return 'date-time';
  if (/\bdate\b/i.test(text)) return 'date';
  return undefined;
}

function readLimits(text: string): ProseKeyword[] {
  const found: ProseKeyword[] = [];
  const bound = (kind: 'min' | 'max', amount: string, unit: string | undefined, word: string | undefined) => {
    const value = Number(amount);
    if (!Number.isFinite(value)) return;
    const keyword = limitKeyword(kind, unitKind(unit, word));
    if (keyword) found.push({ ...keyword, value });
  };
  for (const m of text.matchAll(BETWEEN)) {
    bound('min', m[1]!, m[3], undefined);
    bound('max', m[2]!, m[3], undefined);
  }
  for (const m of text.matchAll(RANGE_WITH_UNIT)) {
    bound('min', m[1]!, m[3], undefined);
    bound('max', m[2]!, m[3], undefined);
  }
  for (const m of text.matchAll(EXACTLY)) {
    bound('min', m[1]!, m[2], undefined);
    bound('max', m[1]!, m[2], undefined);
  }
  for (const m of text.matchAll(MAX_BEFORE)) bound('max', m[2]!, m[3], m[1]);
  for (const m of text.matchAll(MAX_AFTER)) bound('max', m[1]!, m[2], undefined);
  for (const m of text.matchAll(MIN_BEFORE)) bound('min', m[2]!, m[3], m[1]);
  for (const m of text.matchAll(MIN_AFTER)) bound('min', m[1]!, m[2], undefined);
  for (const m of text.matchAll(COMPARISON)) {
    const above = /greater|more|higher/i.test(m[1]!);
    const inclusive = m[2] !== undefined;
    const keyword = above ? (inclusive ? 'minimum' : 'exclusiveMinimum') : inclusive ? 'maximum' : 'exclusiveMaximum';
    found.push({ keyword, value: Number(m[3]), target: 'number' });
  }
  if (/\bnon-?negative\b/i.test(text)) found.push({ keyword: 'minimum', value: 0, target: 'number' });
  else if (/\bpositive (?:integer|number|value)\b|\bmust be positive\b/i.test(text)) found.push({ keyword: 'exclusiveMinimum', value: 0, target: 'number' });
  return found;
}

function unitKind(unit: string | undefined, word: string | undefined): 'length' | 'items' | 'number' {
  if (unit) return new RegExp(`^${LENGTH_UNIT}$`, 'i').test(unit) ? 'length' : 'items';
  if (word?.toLowerCase() === 'length') return 'length';
  if (word?.toLowerCase() === 'size') return 'items';
  return 'number';
}

function limitKeyword(kind: 'min' | 'max', unit: 'length' | 'items' | 'number'): Omit<ProseKeyword, 'value'> | undefined {
  switch (unit) {
    case 'length':
      return { keyword: kind === 'min' ? 'minLength' : 'maxLength', target: 'string' };
    case 'items':
      return { keyword: kind === 'min' ? 'minItems' : 'maxItems', target: 'array', numericKeyword: kind === 'min' ? 'minimum' : 'maximum' };
    case 'number':
      return { keyword: kind === 'min' ? 'minimum' : 'maximum', target: 'number' };
  }
}

/** Character classes named in words, as they appear in `[...]` of a pattern. */
const CHARACTER_WORDS: [RegExp, string][] = [
  [/^(?:ascii\s+)?lower-?case\s+alphanumeric(?:s|\s+characters)?$/, 'a-z0-9'],
  [/^(?:ascii\s+)?upper-?case\s+alphanumeric(?:s|\s+characters)?$/, 'A-Z0-9'],
  [/^(?:ascii\s+)?alphanumeric(?:s|\s+characters)?$/, 'A-Za-z0-9'],
  [/^(?:ascii\s+)?lower-?case(?:\s+(?:ascii\s+)?letters)?$/, 'a-z'],
  [/^(?:ascii\s+)?upper-?case(?:\s+(?:ascii\s+)?letters)?$/, 'A-Z'],
  [/^(?:ascii\s+)?(?:letters|alphabetic characters)$/, 'A-Za-z'],
  [/^(?:digits|numbers|numerals|numeric characters)$/, '0-9'],
  [/^(?:hyphens?|dashes?)$/, '-'],
  [/^underscores?$/, '_'],
  [/^(?:periods?|dots?|full stops?)$/, '.'],
  [/^spaces?$/, ' '],
];
const TERM = String.raw`(?:(?:ascii\s+)?(?:lower-?case\s+|upper-?case\s+)?(?:ascii\s+)?(?:alphanumerics?(?:\s+characters)?|letters|alphabetic characters)|lower-?case|upper-?case|digits|numbers|numerals|numeric characters|hyphens?|dashes?|underscores?|periods?|dots?|full stops?|spaces?|\[[^\]\s]{1,20}\])`;
const TERM_LIST = String.raw`(${TERM}(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)${TERM}){0,8})`;
const ALLOWED_ONLY = [
  new RegExp(String.raw`\b${TERM_LIST}(?:\s+characters)?\s+only\b`, 'i'),
  new RegExp(String.raw`\bonly\s+${TERM_LIST}(?:\s+characters)?(?:\s+(?:are|is))?\s+(?:allowed|permitted|accepted|supported)`, 'i'),
  new RegExp(String.raw`\b(?:contains?|consists?\s+of|consisting\s+of|composed\s+of)\s+only\s+${TERM_LIST}`, 'i'),
  new RegExp(String.raw`\b(?:can|may|must|should)\s+only\s+(?:contain|consist\s+of|include|use)\s+${TERM_LIST}`, 'i'),
];
const EDGE_CHARACTER = String.raw`(hyphens?|dashes?|underscores?|periods?|dots?|spaces?)`;
const NO_LEADING_OR_TRAILING = new RegExp(String.raw`\bno\s+(?:leading|starting)\s+(?:or|and|/)\s+(?:trailing|ending)\s+${EDGE_CHARACTER}`, 'i');
const CANNOT_START_OR_END = new RegExp(String.raw`\b(?:must not|cannot|can't|may not|should not)\s+(?:start|begin)\s+or\s+end\s+with\s+(?:an?\s+)?${EDGE_CHARACTER}`, 'i');
const NO_LEADING = new RegExp(String.raw`\bno\s+leading\s+${EDGE_CHARACTER}|\b(?:must not|cannot|can't|may not)\s+(?:start|begin)\s+with\s+(?:an?\s+)?${EDGE_CHARACTER}`, 'i');
const NO_TRAILING = new RegExp(String.raw`\bno\s+trailing\s+${EDGE_CHARACTER}|\b(?:must not|cannot|can't|may not)\s+end\s+with\s+(?:an?\s+)?${EDGE_CHARACTER}`, 'i');

/** "Lowercase letters and hyphens only, no leading or trailing hyphen" → `^[a-z](?:[a-z-]*[a-z])?$`. */
function readPattern(text: string): string | undefined {
  let terms: string | undefined;
  for (const pattern of ALLOWED_ONLY) {
    terms = pattern.exec(text)?.[1];
    if (terms) break;
  }
  if (!terms) return undefined;
  const allowed = characterSet(terms);
  if (!allowed) return undefined;
  const both = NO_LEADING_OR_TRAILING.exec(text) ?? CANNOT_START_OR_END.exec(text);
  const leading = both?.[1] ?? firstGroup(NO_LEADING.exec(text));
  const trailing = both?.[1] ?? firstGroup(NO_TRAILING.exec(text));
  const all = classOf(allowed);
  const first = leading ? classOf(without(allowed, characterSet(leading) ?? [])) : all;
  const last = trailing ? classOf(without(allowed, characterSet(trailing) ?? [])) : all;
  if (!first || !last || !all) return undefined;
  if (leading && trailing) return `^${first}(?:${all}*${last})?$`;
  if (leading) return `^${first}${all}*$`;
  if (trailing) return `^${all}*${last}$`;
  return `^${all}+$`;
}

function firstGroup(match: RegExpExecArray | null): string | undefined {
  return match?.slice(1).find((group) => group !== undefined);
}

/** Ranges and characters named by a list of words, in a fixed order so patterns are stable. */
function characterSet(terms: string): string[] | undefined {
  const parts = terms
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*/i)
    .map((term) => term.trim().toLowerCase())
    .filter(Boolean);
  const set = new Set<string>();
  for (const part of parts) {
    const bracket = /^\[([^\]]+)\]$/.exec(part);
    if (bracket?.[1]) {
      for (const char of bracket[1]) set.add(char);
      continue;
    }
    const named = CHARACTER_WORDS.find(([pattern]) => pattern.test(part));
    if (!named) return undefined;
    for (const range of named[1].match(/.-.|./g) ?? []) set.add(range);
  }
  return ORDER.filter((item) => set.has(item)).concat([...set].filter((item) => !ORDER.includes(item)).sort());
}

const ORDER = ['a-z', 'A-Z', '0-9', '_', '.', ' ', '-'];

function without(allowed: string[], removed: string[]): string[] {
  return allowed.filter((item) => !removed.includes(item));
}

/** A character class; `-` last so that it needs no escape. */
function classOf(items: string[]): string | undefined {
  if (items.length === 0) return undefined;
  const body = items
    .filter((item) => item !== '-')
    .map((item) => (item.length === 1 ? item.replace(/[\]\\^]/g, '\\$&') : item))
    .join('');
  return `[${body}${items.includes('-') ? '-' : ''}]`;
}

/** `Defaults to 20`, `Default: asc`. Only a value that can be read safely: a number, a boolean, or a word. */
function readDefault(text: string): JsonValue | undefined {
  const match = /\bdefaults?\s+(?:to|is)\s+([^\s,;)]+)|\bdefault(?:\s+value)?\s*(?::|is)\s*([^\s,;)]+)/i.exec(text);
  const raw = (match?.[1] ?? match?.[2])?.replace(/\.$/, '').replace(/^["'`“]|["'`”]$/g, '');
  if (!raw) return undefined;
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^(?:the|a|an|no|none|empty|null)$/i.test(raw)) return undefined;
  return raw;
}

// Sentences that state one keyword, as renderers write them from a schema (Bump.sh, developer
// portals). Each is anchored to its own words, so ordinary prose around it is kept.
const LIST_SEPARATOR = String.raw`(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)`;
const QUOTED_LIST = String.raw`\x60[^\x60]{0,200}\x60(?:${LIST_SEPARATOR}\x60[^\x60]{0,200}\x60){0,100}`;
const PLAIN_LIST = String.raw`[\w:+@#/*-]+(?:\.[\w:+@#/*-]+)*(?:${LIST_SEPARATOR}[\w:+@#/*-]+(?:\.[\w:+@#/*-]+)*){1,100}`;
const STATED_VALUES = new RegExp(String.raw`\bValues? (?:are|is):?\s+(${QUOTED_LIST}|${PLAIN_LIST})\.?(?=\s|$)`, 'g');
/** A portal's `Possible values are : a, b,`: the list runs to the end of the description. */
const STATED_POSSIBLE = /\bPossible values are\s*:\s*([^,\s]{1,200}(?:\s*,\s*[^,\s]{1,200}){0,100}),?\s*$/g;
// An unquoted default is one word, so "Default value is the current date." stays prose.
const STATED_DEFAULT = /\bDefault value is\s+(`[^`]{0,500}`|\S{1,200}?)(?:\s+\(empty\))?\.(?=\s|$)/g;
const STATED_RANGE =
  /\b(Minimum|Maximum) (value|length) is (-?\d{1,15}(?:\.\d{1,15})?)( \(exclusive\))?(?:,?\s*(?:and\s+)?(minimum|maximum) (value|length) is (-?\d{1,15}(?:\.\d{1,15})?)( \(exclusive\))?)?\.?/gi;
const STATED_AT_LEAST = /\bAt least (\d{1,9}) (?:elements?|items?)\.?/gi;
const STATED_AT_MOST = /\bNot more than (\d{1,9}) (?:elements?|items?)\.?/gi;
const STATED_PATTERN = /\bFormat should match the following pattern:\s*(`[^`]{1,1000}`\.?|\S{1,1000})/g;
const STATED_CLOSED = /\bAdditional properties are NOT allowed\.?/g;

interface KeywordSentence {
  start: number;
  end: number;
  keywords: ProseKeyword[];
}

function readKeywordSentences(text: string): KeywordSentence[] {
  const found: KeywordSentence[] = [];
  const each = (pattern: RegExp, read: (match: RegExpExecArray) => ProseKeyword[]) => {
    for (const match of text.matchAll(pattern)) {
      const keywords = read(match);
      if (keywords.length > 0) found.push({ start: match.index, end: match.index + match[0].length, keywords });
    }
  };
  each(STATED_VALUES, (m) => [{ keyword: 'enum', value: listItems(m[1]!), target: 'value', exact: true }]);
  each(STATED_POSSIBLE, (m) => [{ keyword: 'enum', value: listItems(m[1]!), target: 'value', exact: true }]);
  each(STATED_DEFAULT, (m) => [{ keyword: 'default', value: literal(m[1]!), target: 'value', exact: true }]);
  each(STATED_RANGE, (m) => [bound(m[1]!, m[2]!, m[3]!, m[4]), ...(m[5] ? [bound(m[5], m[6]!, m[7]!, m[8])] : [])]);
  each(STATED_AT_LEAST, (m) => [{ keyword: 'minItems', value: Number(m[1]), target: 'array', numericKeyword: 'minimum' }]);
  each(STATED_AT_MOST, (m) => [{ keyword: 'maxItems', value: Number(m[1]), target: 'array', numericKeyword: 'maximum' }]);
  each(STATED_PATTERN, (m) => [{ keyword: 'pattern', value: unquote(m[1]!.replace(/\.$/, '')), target: 'string' }]);
  each(STATED_CLOSED, () => [{ keyword: 'additionalProperties', value: false, target: 'object' }]);
  return found.sort((a, b) => a.start - b.start);
}

/** `Minimum value is 0 (exclusive)`, `Maximum length is 50` (Bump says length of arrays too). */
function bound(side: string, of: string, amount: string, exclusive: string | undefined): ProseKeyword {
  const min = side.toLowerCase() === 'minimum';
  const value = Number(amount);
  if (of.toLowerCase() === 'length') {
    return { keyword: min ? 'minLength' : 'maxLength', value, target: 'string', arrayKeyword: min ? 'minItems' : 'maxItems' };
  }
  if (exclusive) return { keyword: min ? 'exclusiveMinimum' : 'exclusiveMaximum', value, target: 'number' };
  return { keyword: min ? 'minimum' : 'maximum', value, target: 'number' };
}

function listItems(list: string): string[] {
  const quoted = [...list.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
  if (quoted.length > 0) return [...new Set(quoted)];
  return [...new Set(list.split(new RegExp(LIST_SEPARATOR)).map((item) => item.trim()).filter(Boolean))];
}

/** A printed literal: JSON when it reads as JSON (`1`, `false`, `[]`), else its text. */
function literal(text: string): JsonValue {
  const value = unquote(text);
  if (!text.startsWith('`')) return value;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('`') && text.endsWith('`') ? text.slice(1, -1) : text;
}

function blankOut(text: string, sentences: readonly KeywordSentence[]): string {
  let out = text;
  for (const { start, end } of sentences) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/**
 * The description without the sentences that only state a keyword: for pages whose renderer wrote
 * those sentences from the schema, where the keywords say all they said.
 */
export function withoutKeywordSentences(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length > 4000) return text;
  const sentences = readKeywordSentences(text);
  if (sentences.length === 0) return description;
  return blankOut(text, sentences).replace(/\s+/g, ' ').trim();
}
