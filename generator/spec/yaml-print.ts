// Prints a JSON value as block-style YAML, the way specs/<api>/openapi.yaml is written. The `yaml`
// library's stringify takes seconds on large specs (GitHub's REST spec); this covers the one case
// we need (plain JSON data) in a single pass, and a property test checks that `yaml` reads back
// exactly the value printed.

const SPECIAL_WORDS = /^(?:true|false|null|~|yes|no|on|off|y|n|\.inf|-\.inf|\+\.inf|\.nan)$/i;
const NUMBER_LIKE = /^[-+]?(?:\.?\d|0x|0o|\.(?:inf|nan))/i;
// Plain scalars start with a letter, `_`, `$` or `/`, and hold no line breaks, control or special
// characters; `: ` and ` #` would start a mapping or a comment.
const PLAIN = /^[A-Za-z_$/][^\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]*$/;

/** Version numbers (`3.1.0`) are no number, date or time in YAML 1.1 or 1.2: they may stay plain. */
const VERSION = /^\d+(?:\.\d+){2,}$/;

function isPlain(text: string): boolean {
  if (VERSION.test(text)) return true;
  return (
    PLAIN.test(text) &&
    !SPECIAL_WORDS.test(text) &&
    !NUMBER_LIKE.test(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    !text.endsWith(' ') &&
    !/[\t]/.test(text)
  );
}

/** JSON's escapes are valid YAML double-quoted escapes; YAML also reads U+0085, U+2028/9 as breaks. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Multi-line text reads best as a literal block, when every character can stand in one. */
function literalBlock(text: string, indent: string): string | undefined {
  if (!text.includes('\n') || /^[ \t]/.test(text) || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\r]/.test(text)) return undefined;
  const trailing = /\n*$/.exec(text)![0].length;
  const body = text.slice(0, text.length - trailing);
  // Text that is only line breaks, or starts with one, reads back wrong from a literal block.
  if (body === '' || body.startsWith('\n')) return undefined;
  if (body.split('\n').some((line, i) => i > 0 && /^[ \t]/.test(line) && line.trim() === '')) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = (trailing > 1 ? text.slice(0, -1) : body).split('\n');
  return `|${chomp}\n${lines.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
}

function scalar(value: unknown, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const text = String(value);
  if (isPlain(text)) return text;
  return literalBlock(text, indent) ?? quoted(text);
}

function key(name: string): string {
  return isPlain(name) ? name : quoted(name);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function write(out: string[], value: unknown, indent: string): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // `- ` then the first line of the item on the same line, the rest indented under it.
        const inner: string[] = [];
        write(inner, item, `${indent}  `);
        out.push(`${indent}- ${inner[0]!.slice(indent.length + 2)}`, ...inner.slice(1));
      } else {
        out.push(`${indent}- ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item, `${indent}  `)}`);
      }
    }
    return;
  }
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    if (isCollection(item) && !isEmpty(item)) {
      out.push(`${indent}${key(name)}:`);
      write(out, item, Array.isArray(item) ? `${indent}  ` : `${indent}  `);
    } else {
      out.push(`${indent}${key(name)}: ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item, `${indent}  `)}`);
    }
  }
}

/**
 * One mapping entry (`name: value` and what nests under it) as printYaml writes it at `indent`,
 * lines joined, no final line break: printYaml's text is its entries' texts, one per line.
 */
export function printYamlEntry(name: string, value: unknown, indent: string): string {
  const out: string[] = [];
  write(out, { [name]: value }, indent);
  return out.join('\n');
}

/** The line that opens a non-empty mapping entry: `name:` at `indent`. */
export function printYamlKey(name: string, indent: string): string {
  return `${indent}${key(name)}:`;
}

export function printYaml(value: unknown): string {
  if (!isCollection(value) || isEmpty(value)) return `${isCollection(value) ? (Array.isArray(value) ? '[]' : '{}') : scalar(value, '')}\n`;
  const out: string[] = [];
  write(out, value, '');
  return `${out.join('\n')}\n`;
}
