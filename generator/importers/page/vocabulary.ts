// The words docs sites put around property tables: the operation line, section titles, status lines,
// `Show X fields` toggles, `No response body.`, site chrome. Every reader and the page model share
// them, so a line means the same thing whichever rendering it came from.
import { HTTP_METHODS } from '../../openapi-types.js';
import { parseTypeExpression, type TypeExpr } from './type-expression.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface OperationLine {
  method: string;
  path: string;
  server?: string;
}

const OPERATION_LINE = new RegExp(
  `^(${HTTP_METHODS.join('|')})\\s*((?:https?://[^\\s/]+)?/[^\\s?#]*)(?:[?#]\\S*)?(?:\\s+HTTP/\\d(?:\\.\\d)?)?$`,
  'i',
);

/** `post /api/x`, `GET https://api.example.com/v1/x`, `DELETE/x` (cells that ran together). */
export function matchOperationLine(text: string): OperationLine | undefined {
  const match = OPERATION_LINE.exec(words(text));
  if (!match?.[1] || !match[2]) return undefined;
  let target = match[2];
  let server: string | undefined;
  const url = /^(https?:\/\/[^/]+)(\/.*)$/i.exec(target);
  if (url?.[1] && url[2]) {
    server = url[1];
    target = url[2];
  }
  // `/users/:id` is the same template as `/users/{id}`.
  const path = target.replace(/\/:([A-Za-z_][\w-]*)/g, '/{$1}');
  return server ? { method: match[1].toLowerCase(), path, server } : { method: match[1].toLowerCase(), path };
}

export type SectionTitle =
  | { kind: 'parameters'; in?: ParameterLocation }
  | { kind: 'body'; mediaType?: string }
  | { kind: 'responses'; mediaType?: string }
  | { kind: 'headers'; of: 'request' | 'response' | 'either' };

const MEDIA_TYPE = String.raw`((?:application|text|multipart|image|audio|video)/[\w.+-]+)`;
const WITH_MEDIA_TYPE = String.raw`(?:\s*(?:[(:]|-)?\s*${MEDIA_TYPE}\)?)?`;
const SECTIONS: [RegExp, (match: RegExpExecArray) => SectionTitle][] = [
  [/^(path|query|header|cookie)(?: string)? (?:parameters|params|arguments)$/, (m) => ({ kind: 'parameters', in: m[1] as ParameterLocation })],
  [/^(?:request )?(?:parameters|params|arguments)$/, () => ({ kind: 'parameters' })],
  [/^response headers$/, () => ({ kind: 'headers', of: 'response' })],
  [/^request headers$/, () => ({ kind: 'headers', of: 'request' })],
  [/^headers$/, () => ({ kind: 'headers', of: 'either' })],
  [
    new RegExp(`^(?:request body|body|body parameters|body params|request payload|payload|request schema)${WITH_MEDIA_TYPE}$`),
    (m) => (m[1] ? { kind: 'body', mediaType: m[1] } : { kind: 'body' }),
  ],
  [
    new RegExp(`^(?:responses?|response body|response schema|returns|errors?|error responses?)${WITH_MEDIA_TYPE}$`),
    (m) => (m[1] ? { kind: 'responses', mediaType: m[1] } : { kind: 'responses' }),
  ],
];

/** A section title (`Path parameters`, `Request body`, `Errors`...), ignoring case and a colon. */
export function matchSectionTitle(text: string): SectionTitle | undefined {
  const title = words(text).replace(/:$/, '').toLowerCase();
  for (const [pattern, read] of SECTIONS) {
    const match = pattern.exec(title);
    if (match) return read(match);
  }
  return undefined;
}

export interface StatusLine {
  status: string;
  description: string;
}

const STATUS_LINE = /^(?:status\s+|http\s+)?([1-5]\d\d|[1-5]xx|default)(?:\s*(?:[-–—:|]|\s)\s*(.*))?$/i;
const STATUS_WITH_SEPARATOR = /^(?:status\s+|http\s+)?([1-5]\d\d|[1-5]xx)\s*[-–—:]\s+\S/i;

/**
 * `201 - Instance successfully created`, `404 Not Found`, `default`. Outside a response section
 * only the form with a separator counts: a bare number may open a sentence of prose.
 */
export function matchStatusLine(text: string, inResponses: boolean): StatusLine | undefined {
  const trimmed = words(text);
  if (!inResponses && !STATUS_WITH_SEPARATOR.test(trimmed)) return undefined;
  const match = STATUS_LINE.exec(trimmed);
  if (!match?.[1]) return undefined;
  return { status: match[1].toUpperCase().replace('DEFAULT', 'default'), description: (match[2] ?? '').trim() };
}

const SHOW_FIELDS = /^(?:show|hide|view|expand|collapse)\s+(?:(\S+)\s+)?(?:child\s+)?(?:fields|properties|attributes|parameters|items)$/i;

/**
 * The toggle that opens a nested table, `Show violations fields` → `violations`; `''` for a toggle
 * that names no row (`Show child attributes`); undefined for any other text.
 */
export function matchShowFields(text: string): string | undefined {
  const match = SHOW_FIELDS.exec(words(text));
  if (!match) return undefined;
  const name = match[1] ?? '';
  return name.toLowerCase() === 'child' ? '' : name;
}

/** The row a `<summary>` names: `Show violations fields` or just `violations`. */
export function labelOfSummary(text: string): string {
  const shown = matchShowFields(text);
  if (shown !== undefined) return shown;
  const trimmed = words(text);
  return /^\S+$/.test(trimmed) ? trimmed : '';
}

const MEDIA_TYPE_LINE = new RegExp(`^(?:content[- ]type: ?)?${MEDIA_TYPE}$`, 'i');
const NO_BODY = /^(?:no (?:response |request )?body|no content|empty (?:response )?body|this (?:response|request) has no body|none)\.?$/i;

export function isNoBody(text: string): boolean {
  return NO_BODY.test(words(text));
}

export function matchMediaType(text: string): string | undefined {
  return MEDIA_TYPE_LINE.exec(words(text))?.[1]?.toLowerCase();
}

export function matchOperationId(text: string): string | undefined {
  return /^operation ?id ?:? ?([A-Za-z_][\w.-]*)$/i.exec(words(text))?.[1];
}

export function matchVersion(text: string): string | undefined {
  return /^(?:api )?version ?:? ?(v?\d[\w.-]*)$/i.exec(words(text))?.[1];
}

export function matchServer(text: string): string | undefined {
  return /^(?:base url|server|servers|host|api base url) ?:? ?(https?:\/\/\S+?)\/?$/i.exec(words(text))?.[1];
}

/**
 * `Type: object[]`, `Schema: Instance`, or a bare type that uses the vocabulary (`object[]`), printed
 * above a body's table to say what the table describes.
 */
export function matchTypeLine(text: string): TypeExpr | undefined {
  const trimmed = words(text);
  const labelled = /^(?:type|schema) ?: ?(.+)$/i.exec(trimmed);
  if (labelled?.[1]) return parseTypeExpression(labelled[1]);
  if (!/^(?:array\b|object\b|[\w]+\[\])/i.test(trimmed)) return undefined;
  const type = parseTypeExpression(trimmed);
  return type && type.kind !== 'named' ? type : undefined;
}

// Buttons and links that docs sites print around the content; never a title or a description.
const CHROME = new Set([
  'skip to content',
  'skip to main content',
  'view as markdown',
  'copy page',
  'copy as markdown',
  'copy',
  'copied!',
  'ask ai',
  'on this page',
  'edit this page',
  'search',
  'menu',
  'toggle navigation',
  'table of contents',
  'was this page helpful?',
  'try it',
  'open in chatgpt',
  'open in claude',
]);

export function isChrome(text: string): boolean {
  const phrase = words(text).toLowerCase();
  return CHROME.has(phrase) || /^(?:view|open|copy) (?:as|in) \S+$/.test(phrase);
}

const CALLOUT = /^\[?!?(note|warning|tip|info|important|caution|danger|attention)\]?\s*:?\s*(.*)$/is;

/** `Note` / `[!NOTE] text` / `Warning: text` → the label and what follows it. */
export function matchCallout(text: string): { label: string; rest: string } | undefined {
  const line = words(text);
  const match = CALLOUT.exec(line);
  if (!match?.[1]) return undefined;
  const label = match[1][0]!.toUpperCase() + match[1].slice(1).toLowerCase();
  const rest = match[2] ?? '';
  // `Note that ...` is a sentence, not a callout: a label stands alone or before a colon or a bracket.
  if (rest && !/^\[?!?\w+\]? ?:|^\[!/i.test(line)) return undefined;
  return { label, rest };
}

/** Lines that end a table whose rows ran together: they belong to the page, not to a row. */
export function isStructuralLine(raw: string): boolean {
  const text = words(raw);
  return (
    matchOperationLine(text) !== undefined ||
    matchSectionTitle(text) !== undefined ||
    matchStatusLine(text, false) !== undefined ||
    matchShowFields(text) !== undefined ||
    isNoBody(text) ||
    matchMediaType(text) !== undefined
  );
}

/** Text with runs of whitespace made one space, so that no pattern here meets a long run of them. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
