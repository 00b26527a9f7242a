// The one module through which every string from a spec reaches generated code: string literals,
// property keys, doc and line comments, identifiers and file names. ts-morph prints names and
// types verbatim, so it is not a sanitizer: emitters must never interpolate spec text directly.

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await async of get set ' +
    'any boolean constructor declare module require number string symbol type from never unknown object bigint undefined ' +
    'arguments eval NaN Infinity then'
  ).split(' '),
);

/** Characters that change how text displays or is tokenized without being visible. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Characters that must never appear raw in generated code: bidi controls, invisibles, separators. */
const UNSAFE_IN_CODE = /[\u0080-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/g;

/**
 * Writes those characters as `\uXXXX`. Inside string literals that is the same value; inside
 * comments it is visible text. Safe over any TypeScript text that has no template literals or
 * regular expressions (openapi-typescript's output, our emitted code).
 */
export function escapeInvisible(code: string): string {
  return code.replace(UNSAFE_IN_CODE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A TypeScript string literal holding `value` exactly (also safe inside a `//` line). */
export function stringLiteral(value: string): string {
  return escapeInvisible(JSON.stringify(value));
}

/** Whether `name` can be written bare as a property name. */
export function isPlainPropertyName(name: string): boolean {
  return IDENTIFIER.test(name) && name !== '__proto__';
}

/**
 * A property key for a type literal or an object literal. `__proto__` becomes a computed key
 * because `{ "__proto__": x }` in an object literal sets the prototype instead.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return isPlainPropertyName(name) ? name : stringLiteral(name);
}

/** Text for a `/** ... *\/` comment: cannot close it early, start a tag line, or hide characters. */
export function docText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE, (c) => (c === '\n' || c === '\t' ? c : ''))
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@')
    .trim();
}

/** Text for a `// ...` comment: one line, whatever the input. */
export function lineComment(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').trim();
}

/** The words of a text, ASCII letters and digits only: accents dropped, camel humps split. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(INVISIBLE, '')
    .split(/[^A-Za-z0-9]+/)
    .flatMap((w) => w.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter(Boolean);
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

export type IdentifierStyle = 'pascal' | 'camel';

/**
 * A valid ASCII identifier made of the text's words: `list-instances v2` -> `listInstancesV2`
 * (camel) or `ListInstancesV2` (pascal). Never empty, never a reserved word.
 */
export function identifier(text: string, style: IdentifierStyle, fallback = 'unnamed'): string {
  const parts = words(text);
  let id = parts.map((w, i) => (i === 0 && style === 'camel' ? w[0]!.toLowerCase() + w.slice(1) : capitalize(w))).join('');
  if (!id) id = style === 'pascal' ? capitalize(fallback) : fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED_WORDS.has(id)) id = `${id}_`;
  return id;
}

/**
 * Hands out names in one namespace: each desired name gets itself or, once taken, a numbered
 * variant. Claims happen in a fixed order (the planner sorts first), so results are stable.
 */
export class NameScope {
  readonly #taken = new Set<string>();
  readonly #caseInsensitive: boolean;

  constructor(reserved: Iterable<string> = [], options: { caseInsensitive?: boolean } = {}) {
    this.#caseInsensitive = options.caseInsensitive ?? false;
    for (const name of reserved) this.#taken.add(this.#key(name));
  }

  #key(name: string): string {
    return this.#caseInsensitive ? name.toLowerCase() : name;
  }

  claim(desired: string): string {
    let name = desired;
    for (let n = 2; this.#taken.has(this.#key(name)); n++) name = `${desired}${n}`;
    this.#taken.add(this.#key(name));
    return name;
  }
}

/**
 * A file or folder name made from spec text: lowercase words joined by `-`, so it cannot hold a
 * separator, `..`, a drive letter or a reserved device name. Uniqueness across a folder
 * (case-insensitively) is the caller's NameScope.
 */
export function fileName(text: string): string {
  const base = words(text)
    .map((w) => w.toLowerCase())
    .join('-')
    .slice(0, 80);
  const safe = base || 'unnamed';
  return /^(con|prn|aux|nul|com\d|lpt\d)$/.test(safe) ? `${safe}-api` : safe;
}

/**
 * Spec text as Markdown prose on one line: every character that could start markup (emphasis,
 * links, HTML, entities, table cells, a heading's closing `#`s) is backslash-escaped, so the text
 * shows as written. Callers never put it at the start of a line, where `-` or `1.` would matter.
 */
export function markdownText(text: string): string {
  return lineComment(text).replace(/[\\`*_[\]<>#!|~&]/g, '\\$&');
}

/**
 * Spec text as an inline code span on one line: the fence is one backtick longer than any run
 * inside. In a GFM table a `|` ends the cell even inside code, so `inTable` escapes it.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  const line = lineComment(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = /^`|`$/.test(line) || /^ .* $/.test(line) ? ` ${line} ` : line;
  return `${fence}${options.inTable ? padded.replace(/\|/g, '\\|') : padded}${fence}`;
}

/** A fenced code block whose fence no line of `code` can close (code is ours, with spec strings quoted by stringLiteral). */
export function markdownCodeBlock(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${escapeInvisible(code.replace(LINE_BREAKS, '\n')).replace(/\n+$/, '')}\n${fence}`;
}

/**
 * Plain data (strings, finite numbers, booleans, null, arrays, objects) as a JavaScript literal:
 * strings through stringLiteral, keys through propertyKey. Anything else is refused, not guessed.
 */
export function literalValue(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (Array.isArray(value)) return `[${value.map(literalValue).join(', ')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{ ${Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${literalValue(v)}`).join(', ')} }`;
  }
  throw new Error(`cannot write a ${typeof value} as a literal`);
}
