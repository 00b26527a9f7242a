// The words docs sites put around property tables: the operation line, section titles, status lines,
// `Show X fields` toggles, `No response body.`, site chrome. Every reader and the page model share
// them, so a line means the same thing whichever rendering it came from.
import { STATUS_CODES } from 'node:http';
import { HTTP_METHODS, type ParameterLocation } from '../../core/openapi-types.js';
import { matchBodyNameLine, matchComposition } from './body-lines.js';
import { inEnglish } from './foreign-words.js';
import { parseTypeExpression, type TypeExpr } from './type-expression.js';

export interface OperationLine {
  method: string;
  path: string;
  server?: string;
  /** The names in the target's query string (`?apikey=`), in order. */
  query?: string[];
}

const METHODS = HTTP_METHODS.join('|');
// A method, then the request target: a path, a full URL, or a URL whose host is a template
// (`{{baseUrl}}/x`, `{server_url}/x`); glued to the method where cells ran together (`GEThttps://`).
const OPERATION_LINE = new RegExp(`^(${METHODS})\\s*((?:https?://|\\{\\{?[\\w.-]+\\}\\}?/|/)\\S*)(?:\\s+HTTP/\\d(?:\\.\\d)?)?$`, 'i');

/** `post /api/x`, `GET https://api.example.com/v1/x`, `DELETE/x` (cells that ran together). */
export function matchOperationLine(text: string): OperationLine | undefined {
  const match = OPERATION_LINE.exec(words(text).replace(/[*`]/g, '').replace(/\s+/g, ' '));
  if (!match?.[1] || !match[2]) return undefined;
  const target = readTarget(match[2]);
  return target && { method: match[1].toLowerCase(), ...target };
}

/**
 * A request target as pages print it, made an OpenAPI path: the query dropped, `:id`, `<id>`,
 * `[id]` and `{{id}}` made `{id}`, a host split off as the server (a templated host such as
 * `{{baseUrl}}` is no server the page shows), text glued after a closing `}` cut off.
 */
export function readTarget(raw: string): { path: string; server?: string; query?: string[] } | undefined {
  // `/webhooks/[Webhook ID]`: a placeholder named in words; a path template's name holds no space
  // (linters and clients read `{[\w.-]+}`), so the words are joined by `_`: `{Webhook_ID}`.
  let target = raw
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .replace(/\/[[<{]([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){1,3})[\]>}](?=\/|$)/g, (_, name: string) => `/{${name.replaceAll(' ', '_')}}`);
  let server: string | undefined;
  const url = /^((?:https?:\/\/)[^/\s]+)(\/\S*)?$/i.exec(target);
  if (url?.[1]) {
    server = url[1];
    target = url[2] ?? '/';
  } else {
    const templated = /^(\{\{?[\w.-]+\}\}?)(\/\S*)$/.exec(target);
    if (templated?.[2]) target = templated[2];
  }
  const query = [...(/\?([^#]*)/.exec(target)?.[1] ?? '').matchAll(/(?:^|&)([A-Za-z_][\w.-]*)=/g)].map((m) => m[1]!);
  target = target.replace(/[?#].*$/, '');
  // `/customer/{customerId}Request`: a renderer glued the next words to the path; `/uploadCOPY` its copy button.
  target = target.replace(/(\})[A-Za-z][^/]*$/, '$1').replace(/(?<=[a-z\d_])COPY$/, '');
  if (!target.startsWith('/')) return undefined;
  const path = target
    // `{name=projects/*/operations/*}` (gRPC transcoding: a name and the pattern it matches) and `{:id}`.
    .replace(/\{:?([A-Za-z_][\w.-]*)=[^{}]*\}/g, '{$1}')
    .replace(/\{:([A-Za-z_][\w-]*)\}/g, '{$1}')
    .replace(/\{\{\s*([\w.-]+)\s*\}\}/g, '{$1}')
    .replace(/\/:([A-Za-z_][\w-]*)/g, '/{$1}')
    .replace(/<([A-Za-z_][\w-]*)>/g, '{$1}')
    .replace(/\[([A-Za-z_][\w-]*)\]/g, '{$1}')
    .replace(/\$([A-Z][A-Z0-9_]*)/g, (_, name: string) => `{${name.toLowerCase()}}`)
    // A sentence's full stop is no part of the path; an ellipsis (`01HHX5...`) marks a value cut short.
    .replace(/(?<!\.)\.$/, '');
  if (/[<>[\]"'`\\]/.test(path)) return undefined;
  if (server) server = server.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, '{$1}');
  return { path, ...(server ? { server } : {}), ...(query.length > 0 ? { query } : {}) };
}

export type SectionTitle =
  /** `unplaced`: a section (`Request`) that does not say whether its fields are parameters or the body. */
  | { kind: 'parameters'; in?: ParameterLocation; required?: boolean; unplaced?: boolean }
  /** `type`: what the body is, when the title says (`Body: application/json (array[object])`). */
  | { kind: 'body'; mediaType?: string; type?: string; required?: boolean }
  | { kind: 'responses'; mediaType?: string }
  /** A section that is one response: `Response 200 fields (application/json)`, `Success Response (200 OK)`. */
  | { kind: 'response'; status: string; description: string; mediaType?: string }
  | { kind: 'headers'; of: 'request' | 'response' | 'either' }
  /** Authorizations, Security: what its tables list are security schemes, not parameters. */
  | { kind: 'security' }
  /** `Servers`: the URLs the API answers at. */
  | { kind: 'servers' };

const MEDIA_TYPE = String.raw`((?:application|text|multipart|image|audio|video)/[\w.+-]+)`;
// A body's type may carry its required marker: Bump's `Body: application/json (object, required)`.
const WITH_MEDIA_TYPE = String.raw`(?:\s*(?:[(:]|-)?\s*${MEDIA_TYPE}\)?)?(?:\s*\(((?:object|array|string|integer|number|boolean)(?:\[[^\]()]{1,60}\]{1,4})?)(?:,\s*(required))?\))?`;
const LOCATION_WORDS: Record<string, ParameterLocation> = { path: 'path', url: 'path', uri: 'path', router: 'path', route: 'path', query: 'query', header: 'header', cookie: 'cookie' };
const SECTIONS: [RegExp, (match: RegExpExecArray) => SectionTitle][] = [
  [
    /^(?:(required|optional) )?(path|url|uri|router|route|query|header|cookie)(?: string)? (?:parameters|params|arguments|variables)$/,
    (m) => ({ kind: 'parameters', in: LOCATION_WORDS[m[2]!]!, ...(m[1] ? { required: m[1] === 'required' } : {}) }),
  ],
  [/^(?:request |input )?(?:parameters|params|arguments|args)(?: \d+)?$/, () => ({ kind: 'parameters' })],
  [/^request$/, () => ({ kind: 'parameters', unplaced: true })],
  [/^(?:-\s*)?parameters in the request (header|path|query)s?$/, (m) => ({ kind: 'parameters', in: m[1] as ParameterLocation })],
  [new RegExp(`^(?:-\\s*)?parameters in the request body${WITH_MEDIA_TYPE}$`), (m) => (m[1] ? { kind: 'body', mediaType: m[1] } : { kind: 'body' })],
  [/^response headers$/, () => ({ kind: 'headers', of: 'response' })],
  [/^(?:request|http) headers?$/, () => ({ kind: 'headers', of: 'request' })],
  [/^headers$/, () => ({ kind: 'headers', of: 'either' })],
  [/^cookies$/, () => ({ kind: 'parameters', in: 'cookie' })],
  [/^servers?$/, () => ({ kind: 'servers' })],
  [/^(?:authorizations|security|authentication(?: methods)?)$/, () => ({ kind: 'security' })],
  [
    new RegExp(`^(?:request body|body|body parameters|body params|request payload|payload|request schema|request fields|request body schema|accepted fields)${WITH_MEDIA_TYPE}$`),
    (m) => ({ kind: 'body', ...(m[1] ? { mediaType: m[1] } : {}), ...(m[2] ? { type: m[2] } : {}), ...(m[3] ? { required: true } : {}) }),
  ],
  [
    new RegExp(`^response ([1-5]\\d\\d|[1-5]xx|default)(?: (?:fields|body|schema|\\w{0,6}))?${WITH_MEDIA_TYPE}$`),
    (m) => ({ kind: 'response', status: statusKey(m[1]!), description: '', ...(m[2] ? { mediaType: m[2] } : {}) }),
  ],
  [
    /^(?:(?:success(?:ful)?|error) )?response(?: examples?)? ?\(([1-5]\d\d)\b\s*([^)]*)\)?$/,
    (m) => ({ kind: 'response', status: m[1]!, description: (m[2] ?? '').trim() }),
  ],
  [/^([1-5]\d\d) response$/, (m) => ({ kind: 'response', status: m[1]!, description: '' })],
  [
    new RegExp(
      `^(?:possible )?(?:responses?|response body|response schema|response fields|response details|response description|response data|response parameters|response codes|response information|response examples?|(?:success(?:ful)?|error) responses?|responses? samples?|returns|return body|return status|raises|errors?|error responses?|error codes|common errors|status codes?|data returned)${WITH_MEDIA_TYPE}$`,
    ),
    (m) => (m[1] ? { kind: 'responses', mediaType: m[1] } : { kind: 'responses' }),
  ],
];

/**
 * A section title (`Path parameters`, `Request body`, `Errors`...), ignoring case, a colon, emoji
 * and a leading number; a title in another language (`请求体参数（Request Body）`, `Parámetros de
 * ruta`) is read in its English. `Body Required` is a body the page marks required.
 */
export function matchSectionTitle(text: string): SectionTitle | undefined {
  for (const title of titleForms(text)) {
    const section = matchEnglishTitle(title);
    if (section) return section;
    const marked = /^(.+?) (required|optional)$/.exec(title);
    const body = marked && matchEnglishTitle(marked[1]!);
    if (body?.kind === 'body') return { ...body, required: marked![2] === 'required' };
  }
  return undefined;
}

function matchEnglishTitle(title: string): SectionTitle | undefined {
  if (title.length > 80) return undefined;
  for (const [pattern, read] of SECTIONS) {
    const match = pattern.exec(title);
    if (match) return read(match);
  }
  return undefined;
}

/** The title as printed, then without a parenthesis or with only it, each also in English. */
function titleForms(text: string): string[] {
  const title = words(text)
    .replace(/[*_`]/g, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/^\d{1,2}(?:\.\d{1,2})*\.\s+|^\d{1,2}(?:\.\d{1,2})+\s+/, '')
    .replace(/\s*[:：]$/, '')
    .trim()
    .toLowerCase();
  if (title.length > 120) return [];
  const forms = [title];
  // `The following query parameters are optional:` over a table: a sentence that titles it.
  const sentence = /[:：]\s*$/.test(text) ? /^(?:you can use |use )?the following (path|query|header|cookie|body|request body) (parameters|params|fields|properties)(?: are (required|optional))?\b/.exec(title) : undefined;
  if (sentence) forms.push(`${sentence[3] ? `${sentence[3]} ` : ''}${sentence[1]} ${sentence[2]}`);
  // `URL Parameter:` as a label over the one parameter it lists (never `(path parameter)` after a description).
  const singular = /[:：]\s*$/.test(text) ? /^(path|url|uri|query|header|cookie) param(?:eter)?$/.exec(title) : undefined;
  if (singular) forms.push(`${singular[1]} parameters`);
  const aside = /^(.+?)\s*[（(]([^()（）]+)[)）]$/.exec(title);
  if (aside) forms.push(aside[1]!.trim(), aside[2]!.trim());
  for (const form of [...forms]) {
    const english = inEnglish(form);
    if (english) forms.push(english.toLowerCase());
  }
  return forms;
}

export interface StatusLine {
  status: string;
  description: string;
}

const STATUS_LINE = /^(?:status\s+|http\s+)?([1-5]\d\d|[1-5]xx|default)(?:\s*(?:[-–—:|]|\s)\s*(.*))?$/i;
const STATUS_WITH_SEPARATOR = /^(?:status\s+|http\s+)?([1-5]\d\d|[1-5]xx)\s*[-–—:]\s+\S/i;
/** `Status: 201 Created`, `Status code: 204`, `HTTP Code: 200`, `HTTP_STATUS = 200`, `Status: HTTP/1.1 404 Not Found`. */
const LABELLED_STATUS = /^(?:-\s*)?(?:(?:success(?:ful)? )?status(?: codes?)?(?:\(s\))?|http[ _](?:code|status)(?: code)?|response code|return status)\s*[:=]\s*(?:HTTP\/\d(?:\.\d)?\s+)?([1-5]\d\d)\b\.?\s*(.*)$/i;
/** `Code: 204 NO CONTENT`: a code labelled only `Code`, which says it is a status by its reason phrase. */
const LABELLED_CODE = /^(?:-\s*)?code\s*:\s*([1-5]\d\d)\s+([A-Za-z][A-Za-z' -]{1,40})$/i;
/** `HTTP/1.1 200 OK`, and `HTTP 401 returns ...`: a line that opens with the protocol and a code. */
const STATUS_LINE_OF_HTTP = /^HTTP(?:\/\d(?:\.\d)?)?\s+([1-5]\d\d)\b\s*(.*)$/i;
/** `Success 204`, `Error 401 - Unauthorized` (a tab's title, its emoji dropped): the outcome, then its code. */
const OUTCOME_THEN_CODE = /^(?:success(?:ful)?|error|failure|failed)\s*[-–—:]?\s*([1-5]\d\d)\b(?:\s*[-–—:]\s*)?([^.]{0,60})$/i;
/** `ok(200)`, `Not Found(404)`: a reason phrase, its code in parentheses. */
const PHRASE_THEN_CODE = /^([A-Za-z][A-Za-z ]{0,40}?)\s*\(([1-5]\d\d)\)$/;
/** `status: OK`, `status: Created`: the reason phrase alone. */
const LABELLED_PHRASE = /^(?:-\s*)?status\s*:\s*([A-Za-z][A-Za-z -]{1,40})$/i;
/** `Delete Link by Id 200`, `Delete Link by Id - 404`: an example's title ending in its status. */
const TITLE_THEN_CODE = /^(\S.{0,80}?)\s+(?:[-–—]\s+)?([1-5]\d\d)$/;

const REASONS: ReadonlyMap<string, string> = new Map(
  Object.entries(STATUS_CODES)
    .filter(([code]) => /^[1-5]\d\d$/.test(code))
    .map(([code, phrase]) => [(phrase ?? '').toLowerCase(), code]),
);

/** The code of a reason phrase standing alone (`OK`, `No Content`, `Unprocessable Entity`). */
export function statusOfReasonPhrase(text: string): string | undefined {
  return REASONS.get(words(text).replace(/[.!]$/, '').toLowerCase());
}

/**
 * The statuses a sentence states: a code and its own reason phrase (`returns 200 OK with the
 * body`, `a 404 Not Found when ...`), or a code after the word status (`mit einem Status 406`).
 * A bare number in prose says nothing.
 */
export function statusesInProse(text: string): StatusLine[] {
  const line = words(text);
  if (line.length > 400 || !/\s/.test(line)) return [];
  const found: StatusLine[] = [];
  for (const match of line.matchAll(/\b(?:(?:http[ _]?)?status(?: code)?|http)\s+([1-5]\d\d)\b|\b([1-5]\d\d)\s+([A-Za-z][A-Za-z' -]{1,40})/gi)) {
    const code = match[1] ?? match[2]!;
    const phrase = (STATUS_CODES[code] ?? '').toLowerCase();
    if (match[2] && !(phrase && `${match[3]!.toLowerCase()} `.startsWith(`${phrase} `))) continue;
    if (!found.some((status) => status.status === code)) found.push({ status: code, description: match[2] ? STATUS_CODES[code]! : '' });
  }
  return found;
}

/**
 * `201 - Instance successfully created`, `404 Not Found`, `default`, `Status: 201 Created`,
 * `HTTP/1.1 200 OK`, `Not Found(404)`. Outside a response section only forms that say they are a
 * status count: a bare number may open a sentence of prose.
 */
export function matchStatusLine(text: string, inResponses: boolean): StatusLine | undefined {
  // A tab's title may open with a coloured mark (`🟢 Success 204`): the mark says nothing the code does not.
  const trimmed = words(text.replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, ''));
  const labelled = LABELLED_STATUS.exec(trimmed) ?? STATUS_LINE_OF_HTTP.exec(trimmed) ?? OUTCOME_THEN_CODE.exec(trimmed);
  if (labelled?.[1]) return { status: labelled[1], description: (labelled[2] ?? '').trim() };
  const code = LABELLED_CODE.exec(trimmed);
  if (code?.[1] && statusOfReasonPhrase(code[2]!)) return { status: code[1], description: code[2]!.trim() };
  const phrase = LABELLED_PHRASE.exec(trimmed);
  if (phrase?.[1] && statusOfReasonPhrase(phrase[1])) return { status: statusOfReasonPhrase(phrase[1])!, description: phrase[1] };
  const coded = PHRASE_THEN_CODE.exec(trimmed);
  if (coded?.[2] && (inResponses || statusOfReasonPhrase(coded[1]!) !== undefined)) return { status: coded[2], description: coded[1]!.trim() };
  if (!inResponses && !STATUS_WITH_SEPARATOR.test(trimmed)) return undefined;
  const match = STATUS_LINE.exec(trimmed);
  if (match?.[1]) return { status: statusKey(match[1]), description: (match[2] ?? '').trim() };
  if (!inResponses) return undefined;
  const titled = TITLE_THEN_CODE.exec(trimmed);
  if (titled?.[2] && !/[.:;,]$/.test(titled[1]!)) return { status: titled[2], description: '' };
  return undefined;
}

function statusKey(raw: string): string {
  return raw.toUpperCase().replace('DEFAULT', 'default');
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

const MEDIA_TYPE_LINE = new RegExp(`^(?:(?:content[- ]type|media type|schema): ?)?${MEDIA_TYPE}$`, 'i');
const NO_BODY = /^(?:no (?:response |request )?body|no content|empty(?: (?:response )?body)?|this (?:response|request) has no body|none|operation does(?:n['’]t| not) return any data structure)\.?$/i;

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

/** `Base URL: https://...`, `All URIs are relative to *https://...*`. */
export function matchServer(text: string): string | undefined {
  const line = words(text).replace(/[*_`]/g, '');
  return /^(?:base url|server|servers|host|api base url|(?:all )?(?:uris|urls|paths) are relative to) ?:? ?(https?:\/\/\S+?)\/?\.?$/i.exec(line)?.[1];
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
  'try it out',
  'edit',
  'last updated',
  'expand all',
  'collapse all',
]);

export function isChrome(text: string): boolean {
  const phrase = words(text).toLowerCase();
  // `chevron-right`, `arrow-up`: an icon's name that a copied rendering kept as text.
  return CHROME.has(phrase) || /^(?:view|open|copy) (?:as|in) \S+$/.test(phrase) || /^(?:chevron|arrow|caret)-(?:right|left|up|down)$/.test(phrase) || /^powered by [\w.-]+$/.test(phrase) || UPDATED_AGO.test(phrase);
}

/** `Updated 6 months ago`: a docs site's footer. */
const UPDATED_AGO = /^(?:last )?updated (?:\d+|an?|one) (?:second|minute|hour|day|week|month|year)s? ago$/;

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
    matchMediaType(text) !== undefined ||
    matchBodyNameLine(text) !== undefined ||
    matchComposition(text) !== undefined
  );
}

/** Text with runs of whitespace made one space, so that no pattern here meets a long run of them. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
