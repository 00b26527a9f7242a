// The one model of a reference page behind every rendering: the operation, its parameters, body and
// responses as rows with parsed types and nested rows. `readPageModel` runs the recognizers over any
// reader's blocks (method+path, sections, parameter tables and lists, statuses, samples) and keeps,
// for every block, whether it fed a fact; what fed none is reported where it stands.
import { STATUS_CODES } from 'node:http';
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import { HTTP_METHODS, type ParameterLocation } from '../../core/openapi-types.js';
import type { Block, ListItem, Position, TableRow } from './blocks.js';
import { columnKindOfHeader, isNameHeader, parseRequired } from './columns.js';
import { isOptionalToggle, matchBodyNameLine, matchComposition, type Composition } from './body-lines.js';
import { foreignMarker, inEnglish } from './foreign-words.js';
import { findOperation, looksLikeValue, readCurlData, readCurlTarget, sameOperationPath, samePath, type OperationFound } from './find-operation.js';
import { readTolerantJson } from './tolerant-json.js';
import { readTypeLine, splitGluedField } from './type-expression.js';
import {
  isChrome,
  isNoBody,
  matchCallout,
  matchMediaType,
  matchOperationId,
  matchOperationLine,
  matchSectionTitle,
  matchServer,
  matchShowFields,
  matchStatusLine,
  matchTypeLine,
  matchVersion,
  statusOfReasonPhrase,
  statusesInProse,
  type SectionTitle,
  type StatusLine,
} from './vocabulary.js';
import { parseTypeExpression, type TypeExpr } from './type-expression.js';

/** Deeper nesting is no real page's; bounding it keeps every later recursion shallow. */
const MAX_NESTING = 32;

export interface FieldRow {
  name: string;
  /** Undefined when the page gives no type, or one that could not be read (reported). */
  type: TypeExpr | undefined;
  required: boolean;
  description: string;
  /** The text of a Default column, when the table has one. */
  default: string;
  at: Position;
  /** Rows of the table nested under this one (`Show name fields`, `name.child`). */
  children: FieldRow[];
  /** Where the nested table starts. */
  childrenAt?: Position;
  /** Markers printed beside the type: `deprecated`, `nullable`, `read-only`, `write-only`. */
  flags?: string[];
  /** The page printed no name for it; the name was taken from the URL or a sample. */
  nameInferred?: boolean;
}

export interface Parameter extends FieldRow {
  in: ParameterLocation;
  /** The page does not say where the parameter goes: the location is assumed. */
  inInferred?: boolean;
}

export interface Sample {
  value: unknown;
  at: Position;
  truncated: boolean;
  /** What a curl command sends (`-d '{...}'`): placeholders there may stand for a type (`"object"`). */
  sent?: boolean;
}

export interface Payload {
  description: string;
  mediaType?: string;
  /** What the table describes when it is not one object (`object[]` printed above the table). */
  type?: TypeExpr;
  rows: FieldRow[];
  /** A sample printed for it, read into a schema when no table describes it. */
  sample?: Sample;
  /** The page marks the body itself required. */
  required?: boolean;
  /** Further samples of the same payload. */
  moreSamples?: Sample[];
  /** `No response body.` */
  noBody: boolean;
  at: Position;
  /** The name the page prints for the body (`Returns Job of type(s) ...`), and where. */
  schemaName?: { name: string; at: Position };
  /** Media types the page lists after the first (`application/json, text/html`). */
  moreMediaTypes?: string[];
  /** The schemas the page says the body is made of (`contains all of the following: Base`). */
  composition?: Composition;
  /** `Show optional properties` above two samples: the first shows the required properties only. */
  requiredSampleFirst?: boolean;
}

export interface PageResponse extends Payload {
  status: string;
  headers: FieldRow[];
  /** The page shows this response without its status code. */
  statusInferred?: boolean;
}

export interface PageModel {
  title?: string;
  description: string;
  method: string;
  path: string;
  server?: string;
  operationId?: string;
  version?: string;
  /** The operation line. */
  at: Position;
  /** The page prints no method: the one given is assumed. */
  methodInferred?: boolean;
  parameters: Parameter[];
  body?: Payload;
  responses: PageResponse[];
  /** A `Servers` section's items (`- name: url (description)`), read by servers-security.ts. */
  servers?: { text: string; at: Position }[];
  /** An authentication section: the methods it lists by name and its prose. */
  authentication?: { methods: { name: string; at: Position }[]; text: string; at: Position };
}

/** How much of the page fed the spec, and what did not: every block is in `fed` or in `unread`. */
export interface Coverage {
  blocks: number;
  used: number;
  /**
   * What each used block fed, as a JSON pointer under the operation (`/parameters`,
   * `/requestBody`, `/responses/201`, `/description`; `` for the operation line itself).
   */
  fed: { kind: string; at: Position; pointer: string }[];
  unread: { kind: string; at: Position; section: string }[];
}

type Section =
  | { kind: 'intro' }
  | { kind: 'parameters'; in?: ParameterLocation; required?: boolean; unplaced?: boolean; title: string }
  | { kind: 'body'; payload: Payload; title: string }
  | { kind: 'responses'; mediaType?: string; title: string }
  | { kind: 'response'; response: PageResponse; title: string }
  | { kind: 'response-headers'; response: PageResponse; title: string }
  | { kind: 'security'; title: string }
  | { kind: 'servers'; title: string }
  | { kind: 'other'; title: string };

/** Where the rows of the next table go: a section's rows, or a row's children. */
interface Frame {
  rows: FieldRow[];
  owner?: FieldRow;
  /** Closed by a `close` block; otherwise by the next table after its own. */
  explicit: boolean;
  filled: boolean;
}

/**
 * Reads the blocks into the page's operation. `navigation`: blocks the page prints around the
 * operation that list other operations (navigation.ts); they are not read, and reported once.
 */
export interface ReadOptions {
  /** Blocks the page prints around the operation that list other operations (navigation.ts); not read, reported once. */
  navigation?: { start: number; end: number };
  /**
   * Whether an authentication section's lists name its methods and its prose is read for them
   * (`read`, for exports that list scheme names), or its blocks are reported as not read (`report`).
   */
  securitySections?: 'read' | 'report';
}

export function readPageModel(blocks: readonly Block[], file: string, options: ReadOptions = {}): { model?: PageModel; diagnostics: Diagnostic[]; coverage: Coverage } {
  const navigation = options.navigation;
  const inNavigation = (index: number) => navigation !== undefined && index >= navigation.start && index < navigation.end;
  const visible = navigation ? blocks.map((block, index): Block => (inNavigation(index) ? { kind: 'text', text: '', at: block.at } : block)) : blocks;
  const operation = findOperation(visible);
  const assembler = new PageAssembler(file, operation, blocks, options, sampleKeys(visible, file));
  blocks.forEach((block, index) => {
    if (!inNavigation(index)) assembler.read(block, index);
  });
  return assembler.finish();
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);
/** `GET /x/{id} Retrieves an x.`: a method and a target at the start of a line, and what follows them. */
const OPERATION_PREFIX = new RegExp(String.raw`^[*\x60_]*(?:${HTTP_METHODS.join('|')})[*\x60_]*\s*[*\x60_]*(?:\/|https?:\/\/|\{)\S*?[*\x60_]*(?:\s+|$)(.*)$`, 'i');
/** The header of a table's status column, in English or (through `inEnglish`) another language. */
const CODE_HEADER = /^(?:http )?(?:status(?: code| value)?|code|response(?: code)?|http code|http status(?: code)?|http response code|error code)$/i;
const SAMPLES_LABEL = /^(?:(request|response|code)s? (?:samples?|examples?)|(?:samples?|examples?) (request|response)s?)$/i;
const TOGGLE_CHROME = /\s*\b(?:Hide|Show)\s+(?:\S+\s+)?(?:attributes?|properties|fields|child attributes)\b/gi;
/** A renderer's footer that a page flattened onto one line ran into its last list item. */
const FOOTER = /\s*\[?Powered by [\w.-]+\]?(?:\([^)\s]*\))?\s*$/i;

class PageAssembler {
  private readonly diagnostics: Diagnostic[] = [];
  private titleHeading: string | undefined;
  private firstText: string | undefined;
  private readonly description: string[] = [];
  private pendingCallout: string | undefined;
  private operationId: string | undefined;
  private version: string | undefined;
  private server: string | undefined;
  private section: Section = { kind: 'intro' };
  private frames: Frame[] = [];
  private readonly parameters: Parameter[] = [];
  private readonly parameterKeys = new Set<string>();
  private body: Payload | undefined;
  private readonly responses: PageResponse[] = [];
  private readonly servers: { text: string; at: Position }[] = [];
  private authentication: PageModel['authentication'];
  /** Samples printed under a `Response` that names no status: they go to the page's first 2xx. */
  private readonly loneResponseSamples: { sample: Sample; error: boolean }[] = [];
  /** Nested tables that only a toggle line opens: text renderings do not show where they end. */
  private readonly unmarkedEnds: Position[] = [];
  /** Set at a second operation line after the page's own: one page, one operation. */
  private done = false;
  private readonly used = new Set<number>();
  private readonly fed = new Map<number, string>();
  private index = 0;
  /** The last line of prose, which often labels the sample under it (`Example Request:`). */
  private lastLabel = '';
  private previousLabel = '';
  /** Statuses a page lists before it describes them (`- 200`, `- 401`): described in that order. */
  private pendingStatuses: PageResponse[] = [];
  private inHeaderSample = false;
  /** Samples printed right under the operation line, placed once the page's tables are read. */
  private readonly underOperation: Sample[] = [];
  /** The response being read when a `Response samples` label came: its samples are not that response's own. */
  private responseAtLabel: PageResponse | undefined;
  /** The media type a request header table's `Content-Type` gives. */
  private requestMediaType: string | undefined;
  /** Body rows of a parameter table that printed no name, until the request sample can name them. */
  private readonly namelessBody: TableRow[] = [];
  /** The depth of the heading that started the section, when a heading did. */
  private sectionDepth: number | undefined;
  /** `Required fields:` just above: the next list or table's unmarked rows are (not) required. */
  private listRequired: boolean | undefined;
  /** The block just read was a request sample (curl): an unlabelled sample right after it is its response. */
  private requestShown = false;
  private afterRequest = false;
  /** The block just read printed the operation (`POST /x`, or an example of it): a sample right under it is what it sends. */
  private operationShown = false;
  private afterOperation = false;
  /** Under `Request samples` / `Response samples`: where the samples that follow belong. */
  private sampleMode: 'request' | 'response' | undefined;
  /** The samples label a section title came under (`Request example` / `# Headers`): whose headers they are. */
  private sectionUnderSamples: 'request' | 'response' | undefined;

  constructor(
    private readonly file: string,
    private readonly operation: OperationFound | undefined,
    private readonly blocks: readonly Block[],
    private readonly options: ReadOptions,
    /** The keys the page's JSON samples show, longest first: they tell where a glued name ends. */
    private readonly keys: readonly string[] = [],
  ) {
    for (const index of operation?.blocks ?? []) {
      this.used.add(index);
      this.fed.set(index, '');
    }
  }

  read(block: Block, index: number): void {
    this.index = index;
    if (this.done) return;
    this.afterRequest = this.requestShown;
    this.requestShown = false;
    this.afterOperation = this.operationShown;
    this.operationShown = false;
    switch (block.kind) {
      case 'heading':
      case 'text':
        this.readLine(block.text, block.at, block.kind === 'heading' ? block.depth : undefined, block.markdown);
        return;
      case 'table':
        this.readTable(block.rows, block.at);
        return;
      case 'grid':
        this.readGrid(block.header, block.rows, block.at);
        return;
      case 'list':
        this.readList(block.items, block.at);
        return;
      case 'code':
        this.readCode(block.lang, block.value, block.at, block.valueAt);
        return;
      case 'open':
        this.use();
        this.open(block.label, true, block.at);
        return;
      case 'open-unmarked':
        this.use();
        this.open(block.label, false, block.at);
        return;
      case 'close':
        this.use();
        this.close();
        return;
    }
  }

  finish(): { model?: PageModel; diagnostics: Diagnostic[]; coverage: Coverage } {
    const coverage = this.coverage();
    if (!this.operation) {
      this.diagnostics.unshift(
        error('expected an operation line such as `POST /path` (an HTTP method and a path), a `Method:` and `URL:` pair, or a curl sample', {
          file: this.file,
          line: 1,
          column: 1,
        }),
      );
      return { diagnostics: this.diagnostics, coverage };
    }
    const [first, ...others] = this.unmarkedEnds;
    if (first) {
      const lines = others.length > 0 ? ` (and those at lines ${others.map((at) => at.line).join(', ')})` : '';
      this.warn(
        `this rendering does not mark where a nested table ends: every row after its header${lines} is read as a field of the nested object; ` +
          "the page's Markdown export or HTML tells apart rows that belong to the enclosing table",
        first,
      );
    }
    this.settleStatuslessResponses();
    this.placeUnderOperation();
    this.placeLoneSamples();
    for (const payload of [this.body, ...this.responses]) if (payload) this.nestRowsBySample(payload);
    this.nameNamelessBody();
    if (this.body && !this.body.mediaType && this.requestMediaType) this.body.mediaType = this.requestMediaType;
    const path = this.templatePath(this.operation.path);
    // `/v2/subscribers/sub_p03Gjl8U`: a path printed only as an example, its parameter named nowhere.
    const example = path.split('/').find((segment) => segment !== '' && looksLikeValue(segment) && /\d/.test(segment));
    if (example) this.warn(`the path ${path} holds the example value "${example}" where a parameter goes, and the page names no parameter for it; it is kept as printed`, this.operation.at);
    const title = this.titleHeading ?? this.firstText;
    const model: PageModel = {
      description: this.description.join('\n\n'),
      method: this.operation.method,
      path,
      at: this.operation.at,
      parameters: this.parameters,
      responses: this.responses,
    };
    if (this.operation.methodInferred) model.methodInferred = true;
    if (title) model.title = title;
    if (this.operation.server ?? this.server) model.server = this.operation.server ?? this.server;
    if (this.operationId) model.operationId = this.operationId;
    if (this.version) model.version = this.version;
    if (this.body) model.body = this.body;
    if (this.servers.length > 0) model.servers = this.servers;
    if (this.authentication) model.authentication = this.authentication;
    for (const unread of coverage.unread) {
      const where = unread.section ? ` under \`${unread.section}\`` : '';
      this.warn(`${unread.kind}${where} was not read`, unread.at);
    }
    return { model, diagnostics: this.diagnostics, coverage };
  }

  /**
   * A text rendering lists an object's fields after it with nothing to mark where they end
   * (`data` / `object` / `id string` / ... / `object string`). The sample beside the table shows
   * it: rows it has under `data` and not at its top follow `data` into its children.
   */
  private nestRowsBySample(payload: Payload): void {
    const value = payload.sample?.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const top = value as Record<string, unknown>;
    const rows = payload.rows;
    // `meta.total` with no `meta` row: a literal key, unless the sample holds `total` inside an object `meta`.
    for (let i = 0; i < rows.length; i++) {
      const dotted = /^([A-Za-z_$@][\w$@-]*)\.([A-Za-z_$@][\w$@-]*)$/.exec(rows[i]!.name);
      const inner = dotted ? top[dotted[1]!] : undefined;
      if (!dotted || Object.hasOwn(top, rows[i]!.name) || !inner || typeof inner !== 'object' || Array.isArray(inner) || !Object.hasOwn(inner, dotted[2]!)) continue;
      let holder = rows.find((row) => row.name === dotted[1]);
      if (!holder) {
        holder = { name: dotted[1]!, type: { kind: 'primitive', name: 'object' }, required: false, description: '', default: '', at: rows[i]!.at, children: [], childrenAt: rows[i]!.at };
        rows.splice(i, 0, holder);
        i++;
      }
      holder.children.push({ ...rows[i]!, name: dotted[2]! });
      rows.splice(i, 1);
      i--;
    }
    for (let i = 0; i < rows.length; i++) {
      const owner = rows[i]!;
      const inner = top[owner.name];
      if (owner.children.length > 0 || !inner || typeof inner !== 'object' || Array.isArray(inner)) continue;
      let end = i + 1;
      while (end < rows.length && !Object.hasOwn(top, rows[end]!.name) && Object.hasOwn(inner, rows[end]!.name)) end++;
      if (end === i + 1) continue;
      owner.children = rows.splice(i + 1, end - i - 1);
      owner.childrenAt = owner.children[0]!.at;
      this.warn(`the rendering does not mark where the fields of "${owner.name}" end; the ${owner.children.length} after it that the sample shows inside it are read as its fields`, owner.at);
    }
  }

  /** Whether a line of prose the page did not read stands between the last table and this block. */
  private proseSinceLastTable(): boolean {
    for (let k = this.index - 1; k >= 0; k--) {
      const block = this.blocks[k]!;
      if (block.kind === 'table') return false;
      if (block.kind === 'text' && !this.used.has(k) && /\s/.test(block.text.trim())) return true;
    }
    return false;
  }

  /** Headers printed for a response whose status the page never gave: the success response's, said so. */
  private settleStatuslessResponses(): void {
    for (const response of this.responses.filter((r) => r.status === '')) {
      const success = this.responses.find((r) => r.status.startsWith('2'));
      if (success) {
        this.warn(`headers under a response that names no status are read as the ${success.status} response's`, response.at);
        for (const header of response.headers) if (!success.headers.some((h) => h.name.toLowerCase() === header.name.toLowerCase())) success.headers.push(header);
        this.responses.splice(this.responses.indexOf(response), 1);
      } else {
        this.warn('headers under a response that names no status are read as status 200', response.at);
        response.status = '200';
        response.statusInferred = true;
      }
    }
  }

  /**
   * A path printed only with example values (`/v3/webhooks/789`) while the page lists its path
   * parameter (`webhook_id`): the segment that holds the example becomes the parameter.
   */
  private templatePath(path: string): string {
    const missing = this.parameters.filter((p) => p.in === 'path' && !path.includes(`{${p.name}}`));
    if (missing.length !== 1) return path;
    if (path.length > 1 && path.endsWith('/')) {
      // `environments/` with `id` listed under `path`: the printed URL left its last segment out.
      this.warn(`the path ${path} leaves no place for path parameter "${missing[0]!.name}"; it is read as the last segment`, missing[0]!.at);
      return `${path}{${missing[0]!.name}}`;
    }
    const segments = path.split('/');
    // A segment is an example value when it looks like one, the parameter's description gives it as
    // an example (quoted, or after `e.g.`: a word the description only uses, `dogs` in "Only dogs of
    // this breed", is no example), or one of the page's samples holds it as a string
    // (`"document_id": "doc-xyz789"`).
    const inSample = (segment: string) => segment.length >= 4 && this.blocks.some((block) => block.kind === 'code' && block.value.includes(`"${segment}"`));
    const values = segments
      .map((segment, i) => ({ segment, i }))
      .filter(({ segment }) => segment !== '' && !segment.startsWith('{') && (looksLikeValue(segment) || givesAsExample(missing[0]!.description, segment) || inSample(segment)));
    const last = values.at(-1);
    if (!last || last.i !== segments.length - 1) return path;
    segments[last.i] = `{${missing[0]!.name}}`;
    return segments.join('/');
  }

  private coverage(): Coverage {
    const unread: Coverage['unread'] = [];
    const sections = this.sectionTitles();
    const navigation = this.options.navigation;
    this.blocks.forEach((block, index) => {
      if (navigation && index >= navigation.start && index < navigation.end) {
        if (index === navigation.start) unread.push({ kind: `a list of other operations (site navigation, ${navigation.end - navigation.start} blocks)`, at: block.at, section: '' });
        return;
      }
      if (this.used.has(index) || block.kind === 'open' || block.kind === 'close' || block.kind === 'open-unmarked') return;
      // A run of unread prose lines is one thing not read, reported once at its start.
      const previous = this.blocks[index - 1];
      if (block.kind === 'text' && previous?.kind === 'text' && !this.used.has(index - 1)) return;
      unread.push({ kind: describeBlock(block), at: block.at, section: sections[index] ?? '' });
    });
    const fed = [...this.used]
      .sort((a, b) => a - b)
      .map((index) => ({ kind: describeBlock(this.blocks[index]!), at: this.blocks[index]!.at, pointer: this.fed.get(index) ?? '' }));
    return { blocks: this.blocks.length, used: this.used.size, fed, unread };
  }

  /** The title of the section each block stands in, for messages. */
  private sectionTitles(): string[] {
    let current = '';
    return this.blocks.map((block) => {
      if ((block.kind === 'heading' || block.kind === 'text') && matchSectionTitle(block.text)) current = block.text.replace(/\s+/g, ' ').trim();
      return current;
    });
  }

  /** Marks the block being read as used, feeding the part of the operation the section stands for. */
  private use(): void {
    this.used.add(this.index);
    if (!this.fed.has(this.index)) this.fed.set(this.index, this.pointer());
  }

  private pointer(): string {
    const section = this.section;
    switch (section.kind) {
      case 'intro':
        return '/description';
      case 'parameters':
        return section.unplaced && BODY_METHODS.has(this.operation?.method ?? '') ? '/requestBody' : '/parameters';
      case 'body':
        return '/requestBody';
      case 'responses':
        return '/responses';
      case 'response':
        return `/responses/${section.response.status}`;
      case 'response-headers':
        return `/responses/${section.response.status}/headers`;
      case 'security':
        return '/security';
      case 'servers':
        return '/servers';
      case 'other':
        return '';
    }
  }

  private readLine(raw: string, at: Position, headingDepth: number | undefined, markdown: string | undefined): void {
    const text = raw.replace(/[ \t]+/g, ' ').trim();
    if (!text) return this.use();
    if (this.used.has(this.index)) {
      // The operation's own line; what a flattened page ran into it after the path is prose.
      if (this.fed.get(this.index) === '') this.operationShown = true;
      const rest = OPERATION_PREFIX.exec(text)?.[1]?.trim();
      if (rest && this.operation?.source === 'line' && !matchOperationLine(text)) {
        const source = markdown ? OPERATION_PREFIX.exec(markdown.trim())?.[1]?.trim() : undefined;
        this.addProse(source || rest);
      }
      return;
    }
    // `URI` alone above the method and URL: the label of the operation line.
    if (/^(?:uri|url|endpoint)$/i.test(text) && this.operation?.blocks.includes(this.index + 1)) {
      this.used.add(this.index);
      this.fed.set(this.index, '');
      return;
    }
    const operation = matchOperationLine(text);
    if (operation && this.operation) {
      this.use();
      if (operation.method === this.operation.method && sameOperationPath(this.operation.path, operation.path)) {
        this.operationShown = true;
        return;
      }
      if (at.line > this.operation.at.line || (at.line === this.operation.at.line && at.column > this.operation.at.column)) {
        if (this.section.kind !== 'intro') {
          this.warn('the page describes a second operation; only the first one is read', at);
          this.done = true;
        }
      } else {
        this.warn(`\`${text}\` is another form of the operation; ${this.operation.method.toUpperCase()} ${this.operation.path} is read`, at);
      }
      return;
    }
    if (this.readBodyLine(text, at)) return;
    // `path`, `query` alone under `Parameters`: where the parameters under it go.
    const place = /^(path|query|header|cookie|body|form ?data)$/i.exec(text);
    if (place && this.section.kind === 'parameters') {
      this.use();
      const word = place[1]!.toLowerCase();
      if (word === 'body' || word.startsWith('form')) return this.startSection({ kind: 'body' }, text, at);
      this.section = { ...this.section, in: word as ParameterLocation };
      return;
    }
    // `Route` over the operation line, `Status` over a status code: labels of what follows.
    const next = this.blocks[this.index + 1];
    if (/^(?:route|endpoint|status|status code)$/i.test(text) && (next?.kind === 'text' || next?.kind === 'heading') && (matchOperationLine(next.text) || /^[1-5]\d\d\b/.test(next.text))) return this.use();
    // `Code Examples`: the label over the samples, which say what they are themselves.
    if (headingDepth === undefined && /^code (?:samples?|examples?)$/i.test(text)) {
      this.use();
      this.lastLabel = text;
      return;
    }
    // `bash`, `json`, `cURL`: the tab a rendering prints over its code sample (a comment line may come between).
    const after = this.blocks[this.index + 1];
    const commented = after?.kind === 'text' && /^\/\/\s*\S/.test(after.text) ? this.blocks[this.index + 2] : after;
    if (LANGUAGE_LABEL.test(text) && commented?.kind === 'code') return this.use();
    // `// SUCCESS` over a sample: a comment the rendering moved out of it, the sample's label.
    if (/^\/\/\s*\S/.test(text) && after?.kind === 'code') {
      this.use();
      this.lastLabel = text.replace(/^\/\/\s*/, '');
      return;
    }
    const shown = matchShowFields(text);
    if (shown !== undefined) {
      this.use();
      return this.open(shown, false, at);
    }
    const samples = SAMPLES_LABEL.exec(text) ?? SAMPLES_LABEL.exec(inEnglish(text) ?? '');
    if (samples) {
      // `Request samples`, `Response examples`: what follows shows the operation, it adds no section.
      this.use();
      const of = (samples[1] ?? samples[2])!.toLowerCase();
      // `Code samples` show how to call the operation (a curl command), not a payload of their own.
      if (of === 'code') {
        this.sampleMode = undefined;
        this.enter({ kind: 'other', title: text });
      } else this.sampleMode = of === 'request' ? 'request' : 'response';
      this.lastLabel = text;
      // `Response Example` over `204` / its description / its sample: the statuses under it are responses.
      this.responseAtLabel = this.section.kind === 'response' ? this.section.response : undefined;
      if (this.sampleMode === 'response' && !this.inResponses()) this.enter({ kind: 'responses', title: text });
      return;
    }
    const section = matchSectionTitle(text);
    if (section) {
      this.use();
      this.lastLabel = text;
      this.sectionUnderSamples = this.sampleMode;
      this.sampleMode = undefined;
      this.startSection(section, text, at);
      this.sectionDepth = headingDepth;
      return;
    }
    // A heading on a flattened page runs on into the prose under it: its first words are the title.
    // `Error 401` is a status, though its first word could title a section.
    const lead = headingDepth !== undefined && !matchStatusLine(text, this.inResponses()) ? leadingSection(text) : undefined;
    if (lead) {
      this.use();
      this.lastLabel = lead.title;
      this.sampleMode = undefined;
      this.startSection(lead.section, lead.title, at);
      this.addProse(lead.rest);
      return;
    }
    const status = matchStatusLine(text, this.inResponses()) ?? this.statusBeforeSample(text);
    if (status) {
      this.use();
      this.lastLabel = text;
      // The description as the page wrote it, inline code and links kept.
      const written = markdown ? matchStatusLine(markdown.replace(/\s+/g, ' ').trim(), this.inResponses()) : undefined;
      this.startResponse(written?.status === status.status ? written : status, at);
      // `Status: 201 Created` or `HTTP/1.1 201 Created`: header lines may follow, as in a response.
      if (/^(?:-\s*)?(?:status|http)\b/i.test(text)) this.inHeaderSample = true;
      return;
    }
    if (this.inResponses() && this.readPendingDescription(text)) return;
    // `Schema` over a payload's fields: the tab a rendering printed, the fields say the rest.
    if (/^schema$/i.test(text) && this.payload()) return this.use();
    if (this.inResponses() && this.readLooseStatus(text, at)) return;
    if (this.readHeaderLine(text, at)) return;
    if (this.readFact(text)) return this.use();
    if (isChrome(text)) return this.use();
    if (headingDepth !== undefined) {
      this.use();
      if (this.section.kind === 'intro' && this.titleHeading === undefined && (headingDepth <= 2 || this.firstText === undefined)) this.titleHeading = text;
      else if (this.readSubheading(text, headingDepth, at)) return;
      // An unknown heading (`Example`, `Authorizations`) ends the section: its tables are not ours.
      else if (this.section.kind !== 'intro') this.enter({ kind: 'other', title: text });
      return;
    }
    this.previousLabel = this.lastLabel;
    this.lastLabel = text;
    // The title again (a breadcrumb, then the heading) or restated in sentence case (`Create a service instance`).
    const title = this.titleHeading ?? this.firstText;
    if (this.section.kind === 'intro' && title !== undefined && !/[.!?]$/.test(text) && restatesTitle(title, text)) {
      this.used.add(this.index);
      this.fed.set(this.index, '/summary');
      return;
    }
    // `Required fields:`, `Optional parameters:` over a list or table: what it lists is (not) required.
    const marking = /^(required|optional) (?:fields?|parameters?|params|keys|properties|attributes)\s*:?$/i.exec(text);
    if (marking && (this.section.kind === 'parameters' || this.section.kind === 'body')) {
      this.use();
      this.listRequired = marking[1]!.toLowerCase() === 'required';
      return;
    }
    if (this.readProseStatuses(text, at)) return;
    if (this.readPlacedNameLine(text, at)) return;
    if (this.readGluedNameLine(text, at)) return;
    if (this.section.kind === 'intro' && this.firstText === undefined && this.titleHeading === undefined && text.length <= 120 && !/[.:]$/.test(text)) {
      this.used.add(this.index);
      this.fed.set(this.index, '/summary');
      this.firstText = text;
      return;
    }
    this.addProse(markdown ?? text);
  }

  /**
   * A sentence that states statuses (`A successful call returns 200 OK.`, `..., wird mit einem
   * Status 406 geantwortet:`): each becomes a response, the first one taking what follows.
   */
  private readProseStatuses(text: string, at: Position): boolean {
    // In a responses section any such sentence counts; elsewhere one that introduces a sample (`...
    // mit einem Status 406 geantwortet:` over it), for prose about the API may name statuses in passing.
    const introducesSample = /:$/.test(text) && this.blocks[this.index + 1]?.kind === 'code';
    if (!this.inResponses() && !introducesSample) return false;
    const statuses = statusesInProse(text);
    if (statuses.length === 0) return false;
    this.use();
    const [first, ...others] = statuses;
    for (const status of others) if (!this.responses.some((r) => r.status === status.status)) this.responses.push({ ...newResponse(status, at) });
    this.startResponse({ status: first!.status, description: text }, at);
    return true;
  }

  /**
   * `id: Document ID to delete (path parameter)` under `Args:` (a docstring rendered as the page):
   * a name and a description that says where the parameter goes.
   */
  private readPlacedNameLine(text: string, at: Position): boolean {
    if (this.section.kind !== 'parameters') return false;
    const line = /^([A-Za-z_][\w.-]*):\s+(.*\((path|query|header|cookie) param(?:eter)?\).*)$/i.exec(text);
    if (!line) return false;
    this.use();
    this.readParameters([{ name: line[1]!, type: '', required: '', description: line[2]!.trim(), in: line[3]!.toLowerCase(), default: '', at, typeAt: at, nested: [] }], undefined, undefined, false);
    return true;
  }

  /**
   * A field line under a parameters or body section whose name ran into its description, as text
   * copied from a rendering keeps it: `id requiredThe unique identifier` (a marker ends the name),
   * `phonePhone number` (a key one of the page's samples shows ends it). Read as a one-row table.
   */
  private readGluedNameLine(text: string, at: Position): boolean {
    if (this.section.kind !== 'parameters' && this.section.kind !== 'body') return false;
    let row: TableRow | undefined;
    const marked = /^([A-Za-z_$@][\w.$@-]*)\s+(required|optional)(?=\p{Lu}|\s|$)\s*(.*)$/u.exec(text);
    if (marked) row = { name: marked[1]!, type: '', required: marked[2]!, description: marked[3]!, in: '', default: '', at, typeAt: at, nested: [] };
    else {
      const key = this.keys.find((name) => text.length > name.length && text.startsWith(name) && /\p{Lu}/u.test(text[name.length]!));
      if (key) row = { name: key, type: '', required: '', description: text.slice(key.length).trim(), in: '', default: '', at, typeAt: at, nested: [] };
    }
    // `id (number, required): The ID.`: a field item printed as a line of text, not a list's item.
    const item = row ? undefined : /^[A-Za-z_$@][\w.$@-]*\s*\(/.test(text) ? readFieldItem(text) : undefined;
    if (item && (item.type || item.required)) row = { name: item.name, type: item.type, required: item.required, description: item.description, in: item.in, default: '', at, typeAt: at, nested: [] };
    if (!row) return false;
    this.use();
    this.readTable([row], at);
    return true;
  }

  /**
   * A heading under a body or parameters section's own heading: one that opens with a field's
   * name (`` `files` array items ``) starts that field's nested table; one that speaks of fields
   * (`Other optional parameters`, `其他可选参数`) goes on with the section's own table.
   */
  private readSubheading(text: string, depth: number, at: Position): boolean {
    if (this.sectionDepth === undefined || depth <= this.sectionDepth) return false;
    if (this.section.kind !== 'body' && this.section.kind !== 'parameters') return false;
    const first = /^[`"']?([A-Za-z_$@][\w.$@-]*)[`"']?(?:\s|$)/.exec(text)?.[1];
    const root = this.frames[0];
    if (first && this.section.kind === 'body' && root && findRow(root.rows, first)) {
      this.frames = [root];
      // The next heading ends the nested table: the rendering marks its end.
      this.open(first, true, at);
      return true;
    }
    const words = `${text} ${inEnglish(text) ?? ''}`.toLowerCase();
    if (!/\b(?:param(?:eter)?s?|fields?|propert(?:y|ies)|attributes?|arguments?)\b/.test(words)) return false;
    if (root) this.frames = [root];
    // `Other optional parameters`: what it lists is optional.
    if (/\boptional\b|可选|任意|opcional|optionnel/.test(words)) this.listRequired = false;
    return true;
  }

  /** A bare status code (`200`) just above a sample: the sample's status. */
  private statusBeforeSample(text: string): StatusLine | undefined {
    const bare = /^([1-5]\d\d)$/.exec(text.trim());
    if (!bare) return undefined;
    if (this.blocks[this.index + 1]?.kind === 'code') return { status: bare[1]!, description: '' };
    // `200` / `OK` / `Returns Job of type(s) ...`: a status above the line that names its body.
    for (const block of this.blocks.slice(this.index + 1, this.index + 4)) {
      if (block.kind !== 'text') break;
      if (matchBodyNameLine(block.text)?.returns || isNoBody(block.text)) return { status: bare[1]!, description: '' };
    }
    return undefined;
  }

  /** In a responses section: `200OK 400Bad Request` run together, or a reason phrase alone (`OK`). */
  private readLooseStatus(text: string, at: Position): boolean {
    // `No content` under a status says its body is empty; it is no status of its own.
    if (this.section.kind === 'response' && isNoBody(text)) return false;
    const phrase = statusOfReasonPhrase(text);
    // `201 Created` / `Created`: a rendering printed the reason phrase again under its status.
    if (phrase && this.section.kind === 'response' && this.section.response.status === phrase) {
      this.use();
      return true;
    }
    if (phrase && !this.responses.some((r) => r.status === phrase)) {
      this.use();
      this.startResponse({ status: phrase, description: text }, at);
      return true;
    }
    const run = [...text.matchAll(/(?:^|\s)([1-5]\d\d)(?=[A-Z])([A-Za-z][A-Za-z ]*?)(?=\s+[1-5]\d\d[A-Z]|\s*$)/g)];
    if (run.length >= 2) {
      this.use();
      for (const match of run) this.startResponse({ status: match[1]!, description: match[2]!.trim() }, at);
      return true;
    }
    // `200Paginated array of orders`: a status glued to its description.
    const gluedText = /^([1-5]\d\d)(?=[A-Z]|\1)\1?\s*[—–-]?\s*(.*)$/.exec(text);
    if (gluedText && !this.responses.some((r) => r.status === gluedText[1])) {
      this.use();
      this.startResponse({ status: gluedText[1]!, description: gluedText[2]!.trim() }, at);
      return true;
    }
    // `401{"errors": ...}`: an error table whose code ran into its example.
    const glued = /^([1-5]\d\d)\s*([{[].*)$/.exec(text);
    if (glued) {
      this.use();
      this.startResponse({ status: glued[1]!, description: '' }, at);
      const sample = this.readSampleText(glued[2]!, { line: at.line, column: at.column + text.indexOf(glued[2]!) });
      if (sample && this.section.kind === 'response') this.section.response.sample ??= sample;
      this.enter({ kind: 'responses', title: '' });
      return true;
    }
    return false;
  }

  /** `name: value` lines under a sample's `# Headers` label: the response's headers. */
  private readHeaderLine(text: string, at: Position): boolean {
    if (/^#?\s*headers$/i.test(text)) {
      this.inHeaderSample = this.section.kind === 'response';
      if (this.inHeaderSample) this.use();
      return this.inHeaderSample;
    }
    const section = this.section;
    if (section.kind === 'parameters' && section.in === 'header') {
      // `Content-Type: application/json` under a request's headers: a header it sends.
      const line = /^([A-Za-z][\w-]*):\s*\S/.exec(text);
      if (!line) return false;
      this.use();
      if (/^content-type$/i.test(line[1]!)) this.requestMediaType ??= matchMediaType(text.slice(text.indexOf(':') + 1).split(';')[0]!.trim());
      // `Host: api.example.com` in a request's header dump names the server the sample called, no parameter.
      if (/^host$/i.test(line[1]!)) return true;
      const key = `header ${line[1]!}`;
      if (!this.parameterKeys.has(key)) {
        this.parameterKeys.add(key);
        this.parameters.push({ name: line[1]!, in: 'header', type: undefined, required: false, description: '', default: '', at, children: [] });
      }
      return true;
    }
    if (section.kind === 'response-headers') {
      this.inHeaderSample = true;
      // `x-error-codes (string; allowed values: [...])`: a header described as a field, its description on the lines after.
      const field = /^[A-Za-z][\w-]*\s*\(/.test(text) ? readFieldItem(text) : undefined;
      if (field) {
        this.use();
        const type = parseTypeExpression(field.type);
        section.response.headers.push({ name: field.name, type, required: parseRequired(field.required) === true, description: field.description, default: '', at, children: [] });
        return true;
      }
      // `X-RateLimit-Limit` alone on its line, its description on the next: a header's name.
      if (/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/.test(text) && !section.response.headers.some((h) => h.name.toLowerCase() === text.toLowerCase())) {
        this.use();
        section.response.headers.push({ name: text, type: undefined, required: false, description: '', default: '', at, children: [] });
        return true;
      }
      const last = section.response.headers.at(-1);
      if (last && last.at.line < at.line && !/^[A-Za-z][\w-]*:\s*\S/.test(text) && !last.description) {
        this.use();
        last.description = text;
        return true;
      }
    }
    if (!this.inHeaderSample || (this.section.kind !== 'response' && this.section.kind !== 'response-headers')) return false;
    const header = /^([A-Za-z][\w-]*):\s*\S/.exec(text);
    if (header && /^(?:status|http)/i.test(header[1]!)) return false;
    if (!header) {
      this.inHeaderSample = false;
      return false;
    }
    this.use();
    const response = (this.section as { response: PageResponse }).response;
    if (!response.headers.some((h) => h.name.toLowerCase() === header[1]!.toLowerCase())) {
      response.headers.push({ name: header[1]!, type: undefined, required: false, description: '', default: '', at, children: [] });
    }
    return true;
  }

  /**
   * The lines portals print around a body's sample: `X of type(s) M` names the request's body,
   * `Returns X of type(s) M` the response's; what the body is made of; the toggle above a
   * required-only sample.
   */
  private readBodyLine(text: string, at: Position): boolean {
    const named = matchBodyNameLine(text);
    if (named) {
      this.use();
      this.lastLabel = text;
      let payload: Payload | undefined;
      if (this.section.kind === 'response') payload = this.section.response;
      else if (this.section.kind === 'response-headers') {
        // The body named after the response's headers: back to the response.
        payload = this.section.response;
        this.enter({ kind: 'response', response: this.section.response, title: this.section.title });
      } else if (!named.returns) {
        this.body ??= { description: '', rows: [], noBody: false, at };
        payload = this.body;
        this.enter({ kind: 'body', payload, title: text });
      }
      if (!payload) {
        this.warn(`\`${text}\` stands under no status code (such as \`200\`): its sample goes to the first success`, at);
        return true;
      }
      payload.schemaName = { name: named.name, at: { line: at.line, column: at.column + named.nameOffset } };
      payload.mediaType ??= named.mediaTypes[0];
      if (named.mediaTypes.length > 1) payload.moreMediaTypes = named.mediaTypes.slice(1);
      return true;
    }
    const payload = this.payload();
    const composition = matchComposition(text);
    if (composition && payload) {
      this.use();
      payload.composition = composition;
      return true;
    }
    if (isOptionalToggle(text)) {
      this.use();
      if (payload) payload.requiredSampleFirst = true;
      return true;
    }
    return false;
  }

  /** Single facts printed as lines: no body, media type, operation id, version, server, body type. */
  private readFact(text: string): boolean {
    const payload = this.payload();
    if (isNoBody(text)) {
      if (payload) payload.noBody = true;
      return true;
    }
    const mediaType = matchMediaType(text);
    if (mediaType) {
      if (payload) payload.mediaType = mediaType;
      else if (this.section.kind === 'responses') this.section.mediaType = mediaType;
      return true;
    }
    const operationId = matchOperationId(text);
    if (operationId) {
      this.operationId ??= operationId;
      return true;
    }
    const version = matchVersion(text);
    if (version) {
      this.version ??= version;
      return true;
    }
    const server = matchServer(text);
    if (server) {
      this.server ??= server;
      return true;
    }
    const type = payload && payload.rows.length === 0 ? matchTypeLine(text) : undefined;
    if (payload && type) {
      payload.type = type;
      return true;
    }
    // `(string) (required) The changes to apply.`, `(AccountResponse)`: the payload's own type, in parentheses.
    const typed = payload && payload.rows.length === 0 && !payload.type ? /^\(([A-Za-z][\w<>[\] |]{0,60})\)\s*(?:\((required|optional)\))?\s*(.*)$/.exec(text) : undefined;
    const own = typed ? parseTypeExpression(typed[1]!) : undefined;
    if (payload && typed && own) {
      payload.type = own;
      if (typed[2] === 'required') payload.required = true;
      if (typed[3]) payload.description = joinProse(payload.description, typed[3]);
      return true;
    }
    if (payload && /^(?:required|optional)$/i.test(text) && this.section.kind === 'body') {
      if (/^required$/i.test(text)) payload.required = true;
      return true;
    }
    return false;
  }

  private addProse(raw: string): void {
    let text = raw;
    const callout = matchCallout(text);
    if (callout && callout.rest === '') {
      this.pendingCallout = callout.label;
      this.use();
      return;
    }
    if (callout) text = `${callout.label}: ${callout.rest}`;
    else if (this.pendingCallout) text = `${this.pendingCallout}: ${text}`;
    this.pendingCallout = undefined;
    switch (this.section.kind) {
      case 'intro':
        this.use();
        this.description.push(text);
        return;
      case 'body':
        this.use();
        this.section.payload.description = joinProse(this.section.payload.description, text);
        return;
      case 'security': {
        this.use();
        this.authentication ??= { methods: [], text: '', at: this.operation?.at ?? { line: 1, column: 1 } };
        // `- A - B & C`: a list of methods a page flattened onto one line ran together.
        const items = runTogetherItems(text);
        if (items) this.authentication.methods.push(...items.map((name) => ({ name, at: this.blocks[this.index]!.at })));
        // Else prose, which may name the scheme (`a bearer token`).
        else this.authentication.text = joinProse(this.authentication.text, text);
        return;
      }
      case 'servers': {
        const items = runTogetherItems(text);
        if (!items) return;
        this.use();
        this.servers.push(...items.map((item) => ({ text: item, at: this.blocks[this.index]!.at })));
        return;
      }
      case 'response': {
        this.use();
        const pending = this.nextPending();
        if (pending && this.section.response.rows.length > 0) {
          this.enter({ kind: 'response', response: pending, title: pending.status });
          if (this.section.kind === 'response') this.section.response.description ||= text;
          return;
        }
        this.section.response.description = joinProse(this.section.response.description, text);
        return;
      }
      default:
        return;
    }
  }

  private inResponses(): boolean {
    const kind = this.section.kind;
    return kind === 'responses' || kind === 'response' || kind === 'response-headers';
  }

  private payload(): Payload | undefined {
    if (this.section.kind === 'body') return this.section.payload;
    if (this.section.kind === 'response') return this.section.response;
    return undefined;
  }

  private enter(section: Section): void {
    this.section = section;
    this.pendingCallout = undefined;
    this.inHeaderSample = false;
    if (section.kind === 'body') this.frames = [rootFrame(section.payload.rows)];
    else if (section.kind === 'response') this.frames = [rootFrame(section.response.rows)];
    else this.frames = [];
  }

  private startSection(title: SectionTitle, text: string, at: Position): void {
    switch (title.kind) {
      case 'parameters': {
        if (this.section.kind === 'response' || this.section.kind === 'response-headers') {
          // `Response Parameters` under a status describe its body, not the request's parameters.
        }
        const section: Section = { kind: 'parameters', title: text };
        if (title.in) section.in = title.in;
        if (title.required !== undefined) section.required = title.required;
        if (title.unplaced) section.unplaced = true;
        return this.enter(section);
      }
      case 'body': {
        if (this.section.kind === 'responses' && /^#?\s*(?:payload|body)\b/i.test(text)) {
          // `Body application/json` under `Response` with no status yet: the response's body.
          if (title.mediaType) this.section.mediaType ??= title.mediaType;
          return;
        }
        if ((this.section.kind === 'response' || this.section.kind === 'response-headers') && /^#?\s*(?:payload|body)\b/i.test(text)) {
          // `Payload` under a response's example is that response's body.
          const response = this.section.response;
          if (title.mediaType) response.mediaType ??= title.mediaType;
          if (title.type) response.type ??= parseTypeExpression(title.type);
          return this.enter({ kind: 'response', response, title: this.section.title });
        }
        this.body ??= { description: '', rows: [], noBody: false, at };
        if (title.mediaType) this.body.mediaType = title.mediaType;
        if (title.required) this.body.required = true;
        if (title.type) this.body.type ??= parseTypeExpression(title.type);
        return this.enter({ kind: 'body', payload: this.body, title: text });
      }
      case 'responses': {
        const section: Section = { kind: 'responses', title: text };
        if (title.mediaType) section.mediaType = title.mediaType;
        return this.enter(section);
      }
      case 'response':
        this.startResponse({ status: title.status, description: title.description }, at, title.mediaType);
        return;
      case 'security':
        if (this.options.securitySections !== 'read') return this.enter({ kind: 'other', title: text });
        this.authentication ??= { methods: [], text: '', at };
        return this.enter({ kind: 'security', title: text });
      case 'servers':
        return this.enter({ kind: 'servers', title: text });
      case 'headers': {
        const response = this.section.kind === 'response' || this.section.kind === 'response-headers' ? this.section.response : undefined;
        if (response && title.of !== 'request') return this.enter({ kind: 'response-headers', response, title: text });
        // `Response Headers` under `Responses` that has listed its statuses: the success response's headers.
        const success = this.section.kind === 'responses' && title.of === 'response' ? this.responses.find((r) => r.status.startsWith('2')) : undefined;
        if (success) return this.enter({ kind: 'response-headers', response: success, title: text });
        const next = this.blocks[this.index + 1];
        const dump = next?.kind === 'text' && /^[A-Za-z][\w-]*:\s*\S/.test(next.text);
        if (this.section.kind === 'responses' && title.of !== 'request' && this.sectionUnderSamples !== 'request' && dump && (this.body !== undefined || this.parameters.length > 0)) {
          // `Response` / `Headers` / `X-Request-Id: 42` ... / `Status` / `200 OK`, after the request was shown:
          // the header lines of a response whose status comes after them.
          const statusless: PageResponse = { status: '', description: '', rows: [], headers: [], noBody: false, at };
          this.responses.push(statusless);
          return this.enter({ kind: 'response-headers', response: statusless, title: text });
        }
        return this.enter({ kind: 'parameters', in: 'header', title: text });
      }
    }
  }

  private startResponse(status: StatusLine, at: Position, mediaType?: string): void {
    const current = this.section.kind === 'response' || this.section.kind === 'response-headers' ? this.section.response : undefined;
    if (current?.status === '' && !this.responses.some((r) => r.status === status.status)) {
      // The status of the response whose headers came first.
      current.status = status.status;
      current.description = cleanStatusDescription(status.description).text;
      if (mediaType) current.mediaType = mediaType;
      return this.enter({ kind: 'response', response: current, title: status.status });
    }
    const existing = this.responses.find((r) => r.status === status.status);
    if (existing) {
      // A page shows a response twice: once described, once as an example. Both are the same response.
      if (!existing.description && status.description && !isMediaTypeText(status.description)) existing.description = status.description;
      return this.enter({ kind: 'response', response: existing, title: status.status });
    }
    const described = cleanStatusDescription(status.description);
    const sectionMedia = this.section.kind === 'responses' ? this.section.mediaType : undefined;
    const response: PageResponse = { status: status.status, description: described.text, rows: [], headers: [], noBody: false, at };
    const media = mediaType ?? described.mediaType ?? sectionMedia;
    if (media) response.mediaType = media;
    this.responses.push(response);
    this.enter({ kind: 'response', response, title: status.status });
  }

  /**
   * `- 204` `- 400` listed as tabs, then each one's panel: `No Content`, `Bad request. The request
   * failed validation.` A panel's text opening with a listed status's reason phrase is that status's.
   */
  private readPendingDescription(text: string): boolean {
    const lower = text.toLowerCase();
    const response = this.pendingStatuses.find((r) => {
      const phrase = (STATUS_CODES[r.status] ?? '').toLowerCase();
      return phrase !== '' && lower.startsWith(phrase) && /^(?:$|[.:,;]|\s[-–—])/.test(lower.slice(phrase.length));
    });
    if (!response || response.rows.length > 0 || response.sample) return false;
    if (!response.description) response.description = text;
    if (isNoBody(text) || text.trim().toLowerCase() === 'no content') response.noBody = true;
    this.enter({ kind: 'response', response, title: response.status });
    this.use();
    return true;
  }

  /** The next status a page listed before describing it, once the current one has its fields. */
  private nextPending(): PageResponse | undefined {
    const current = this.section.kind === 'response' ? this.section.response : undefined;
    if (current && current.rows.length === 0 && !current.sample) return undefined;
    const index = current ? this.pendingStatuses.indexOf(current) : -1;
    const next = this.pendingStatuses[index + 1];
    if (next && next.rows.length === 0) return next;
    return undefined;
  }

  private readTable(given: readonly TableRow[], at: Position): void {
    if (!this.operation) return;
    const marking = this.listRequired;
    this.listRequired = undefined;
    const rows = withOptionalMarks(marking === undefined ? given : given.map((row) => (row.required.trim() === '' ? { ...row, required: marking ? 'required' : 'optional' } : row)));
    const pending = this.section.kind === 'response' || this.section.kind === 'responses' ? this.nextPending() : undefined;
    if (pending && (this.section.kind === 'responses' || (this.section.kind === 'response' && this.section.response.rows.length > 0))) {
      this.enter({ kind: 'response', response: pending, title: pending.status });
    }
    if (this.section.kind === 'responses') {
      // A response table under `Response` with no status line above it: the latest status without
      // fields takes it, else the first success.
      const latest = this.responses.at(-1);
      const emptySuccess = this.responses.find((r) => r.status.startsWith('2') && r.rows.length === 0 && !r.sample && !r.noBody);
      const success = emptySuccess ?? (latest && latest.rows.length === 0 && !latest.sample ? latest : this.responses.find((r) => r.status.startsWith('2')));
      const assumed = this.responses.find((r) => r.status === '200' && r.statusInferred && r.rows.length > 0);
      if (success && success.rows.length === 0) {
        this.enter({ kind: 'response', response: success, title: success.status });
      } else if (assumed) {
        // A second response with no status: taking it as the first one's would invent its fields
        // there. Not read (and so reported); the section goes on, for a status may follow.
        return;
      } else {
        this.warn('a response table has no status line above it; it is read as status 200', at);
        this.startResponse({ status: '200', description: '' }, at);
        const response = this.responses.at(-1)!;
        if (response.status === '200') response.statusInferred = true;
      }
    }
    if (this.section.kind === 'response' && this.section.response.statusInferred && this.section.response.rows.length > 0 && this.proseSinceLastTable()) {
      // `Not found` / `object` / fields, after the assumed 200's own: another response whose status the rendering lost.
      return this.enter({ kind: 'responses', title: this.section.title });
    }
    const section = this.section;
    if (section.kind !== 'body' && section.kind !== 'response' && this.frames.length > 0) {
      // The table of a toggle that has no row to nest under here: skipped (reported at the toggle).
      if (!this.top().explicit) this.frames.pop();
      return;
    }
    switch (section.kind) {
      case 'intro':
        // A table under the operation line with no section title: its parameters, or the body of a POST.
        this.use();
        if (!rows.some((row) => row.in) && !rows.some((row) => this.operation?.path.includes(`{${row.name}}`)) && !BODY_METHODS.has(this.operation?.method ?? '')) {
          this.warn('a property table comes before any parameters, body or response section; it is skipped', at);
          return;
        }
        return this.readParameters(rows, undefined, undefined, true);
      case 'parameters':
        this.use();
        return this.readParameters(rows, section.in, section.required, section.unplaced);
      case 'response-headers':
        this.use();
        for (const row of rows) if (row.name) section.response.headers.push(this.field(row));
        return;
      case 'body':
      case 'response':
        this.use();
        return this.readFields(rows, at);
      case 'responses':
      case 'other':
        return;
    }
  }

  /** A table that is no property table: statuses with their descriptions, or something not read. */
  private readGrid(header: readonly string[], rows: readonly { cells: string[]; at: Position }[], at: Position): void {
    // `Name | Description`, `Name | Description | Required` under a parameters or body section:
    // fields whose types the page leaves out, required where a column says so, wherever it stands.
    const kinds = header.map(columnKindOfHeader);
    const requiredColumn = kinds.indexOf('required');
    const descriptionColumn = kinds.indexOf('description');
    const untyped = kinds[0] === 'name' && descriptionColumn !== -1 && kinds.slice(1).every((kind) => kind === 'description' || kind === 'required' || kind === 'default');
    if ((this.section.kind === 'parameters' || this.section.kind === 'body') && untyped) {
      const fields = rows.map((row): TableRow => {
        const badge = /^(\S+)\s+(required|optional)$/i.exec(row.cells[0]?.trim() ?? '');
        const required = badge ? badge[2]!.toLowerCase() : requiredColumn === -1 ? '' : (row.cells[requiredColumn]?.trim() ?? '');
        const defaultValue = kinds.indexOf('default') === -1 ? '' : (row.cells[kinds.indexOf('default')]?.trim() ?? '');
        return { name: badge ? badge[1]! : (row.cells[0]?.trim() ?? ''), type: '', required, description: row.cells[descriptionColumn]?.trim() ?? '', in: '', default: defaultValue, at: row.at, typeAt: row.at, nested: [] };
      });
      if (fields.every((field) => /^[A-Za-z_$@][\w.$@[\]-]*$/.test(field.name))) return this.readTable(fields, at);
    }
    // `Key | Value` under a headers section: the headers sent or returned, each with its example value.
    const section = this.section;
    const headers = (section.kind === 'parameters' && section.in === 'header') || section.kind === 'response-headers';
    if (headers && header.length >= 1 && isNameHeader(header[0]!) && rows.every((row) => /^[A-Za-z][\w-]*$/.test(row.cells[0]?.trim() ?? ''))) {
      this.use();
      for (const row of rows) {
        const name = row.cells[0]!.trim();
        // A `Required` column, wherever it stands (`Header | Required | Value`), says which are sent
        // always; a `Description` column (`Header | Description`) describes the header rather than
        // showing its value.
        const required = requiredColumn > 0 && parseRequired(row.cells[requiredColumn] ?? '') === true;
        const description = descriptionColumn > 0 ? (row.cells[descriptionColumn]?.trim() ?? '') : '';
        const field: FieldRow = { name, type: undefined, required, description, default: '', at: row.at, children: [] };
        // The Content-Type a request or response is printed with is its payload's media type.
        const valueCells = row.cells.filter((_, index) => index > 0 && index !== requiredColumn);
        const media = /^content-type$/i.test(name) ? valueCells.map(matchMediaType).find((type) => type !== undefined) : undefined;
        if (media && section.kind === 'response-headers') section.response.mediaType ??= media;
        else if (media) this.requestMediaType ??= media;
        if (section.kind === 'response-headers') {
          if (!section.response.headers.some((h) => h.name.toLowerCase() === name.toLowerCase())) section.response.headers.push(field);
        } else if (!this.parameterKeys.has(`header ${name}`)) {
          this.parameterKeys.add(`header ${name}`);
          this.parameters.push({ ...field, in: 'header' });
        }
      }
      return;
    }
    const codeColumn = header.findIndex((cell) => {
      const plain = cell.replace(/[*`]/g, '').trim();
      return CODE_HEADER.test(plain) || CODE_HEADER.test(inEnglish(plain) ?? '');
    });
    const statuses = rows
      .map((row) => {
        const cells = codeColumn === -1 ? row.cells : [...row.cells.slice(codeColumn), ...row.cells.slice(0, codeColumn)];
        const match = /^([1-5]\d\d|[1-5]XX|default)\b\s*(.*)$/i.exec((cells[0] ?? '').replace(/[*`]/g, '').trim());
        return match ? { status: match[1]!.toUpperCase().replace('DEFAULT', 'default'), description: (match[2] || cells.slice(1).find((c) => !/^[-–—]?$/.test(c.trim())) || '').trim(), at: row.at } : undefined;
      })
      .filter((status) => status !== undefined);
    if (statuses.length === 0 || (codeColumn === -1 && statuses.length < rows.length / 2)) return;
    this.use();
    const previous = this.section;
    for (const status of statuses) {
      if (!this.responses.some((r) => r.status === status.status)) this.startResponse(status, status.at);
    }
    this.section = previous.kind === 'response' ? { kind: 'responses', title: previous.title } : previous;
    this.frames = [];
  }

  /** A list: statuses, fields of the section it stands in, media types, or prose. */
  private readList(items: readonly ListItem[], at: Position): void {
    // The list that states the operation (`- Method: POST`, `- Path: /x`) fed it already.
    if (this.fed.get(this.index) === '') return;
    if (this.section.kind === 'servers' || this.section.kind === 'security') {
      // Servers and authentication methods listed one per item; servers-security.ts reads them.
      this.use();
      const entries = items.map((item) => ({ text: item.text.replace(/\s+/g, ' ').trim(), at: item.at }));
      if (this.section.kind === 'servers') this.servers.push(...entries);
      else this.authentication!.methods.push(...entries.map(({ text, at }) => ({ name: text, at })));
      return;
    }
    const texts = items.map((item) => cleanItem(item.text));
    // Tabs of a rendering (`- application/json`, `- Schema`, `- Example`): chrome, but a media type counts.
    if (texts.every((text) => matchMediaType(text) || /^(?:schema|example(?: \((?:from schema|auto)\))?|examples?|.{0,40}\b[1-5]\d\d)$/i.test(text))) {
      this.use();
      // The tabs under a response's headers lead back to its body.
      if (this.section.kind === 'response-headers') this.enter({ kind: 'response', response: this.section.response, title: this.section.title });
      const media = texts.map((text) => matchMediaType(text)).find(Boolean);
      const payload = this.payload();
      if (media && payload) payload.mediaType ??= media;
      if (this.inResponses() || !media) {
        for (const text of texts) {
          const status = /^([1-5]\d\d|default)$/i.exec(text.trim());
          if (status) this.startResponse({ status: status[1]!.toLowerCase(), description: '' }, at);
        }
        if (this.section.kind === 'response' && texts.every((text) => /^([1-5]\d\d|default)$/i.test(text.trim()))) {
          this.pendingStatuses = texts.map((text) => this.responses.find((r) => r.status === text.trim().toLowerCase())).filter((r) => r !== undefined);
          this.enter({ kind: 'responses', title: this.section.title });
        }
      }
      return;
    }
    const statusItems = items.map((item, i): { item: ListItem; status: (StatusLine & { mediaType?: string }) | undefined } => ({
      item,
      status: readStatusItem(texts[i]!) ?? matchStatusLine(texts[i]!, this.inResponses()) ?? (this.inResponses() ? readReasonItem(texts[i]!) : undefined),
    }));
    // Fields, then the responses a rendering printed in the same list with no heading between
    // (`• version_id string Required` ... `• 200 object` `• 404`): the fields first, then each status.
    const firstStatus = statusItems.findIndex((entry) => readStatusItem(texts[statusItems.indexOf(entry)]!) !== undefined);
    if (firstStatus > 0 && statusItems.slice(firstStatus).every((entry, k) => readStatusItem(texts[firstStatus + k]!) !== undefined) && items.slice(0, firstStatus).every((item) => this.itemRow(item) !== undefined)) {
      this.readList(items.slice(0, firstStatus), at);
      this.readStatusItems(statusItems.slice(firstStatus));
      return;
    }
    if (statusItems.every((entry) => entry.status !== undefined) && (this.inResponses() || statusItems.length >= 2)) {
      this.readStatusItems(statusItems);
      return;
    }
    const fieldSection = this.section.kind !== 'intro' && this.section.kind !== 'other';
    const rows = items.map((item) => this.itemRow(item));
    if (fieldSection && rows.some((row) => row !== undefined)) {
      this.readTable(rows.filter((row) => row !== undefined), at);
      return;
    }
    // A note between fields printed as a list item (`* Call ... first.`), the next fields indented
    // so far that Markdown nests them under it: the fields are read, the note reported.
    const nestedRows = items.flatMap((item) => item.children.map((child) => this.itemRow(child)));
    if (fieldSection && nestedRows.length > 0 && nestedRows.every((row) => row !== undefined)) {
      for (const item of items) {
        const text = cleanItem(item.text);
        this.warn(`the list item "${text.length > 60 ? `${text.slice(0, 57)}...` : text}" names no field and was not read`, item.at);
      }
      this.readTable(nestedRows, at);
      return;
    }
    // A list of prose under a section of fields was meant as fields and is not read (and so reported).
    if (this.section.kind === 'intro' || this.section.kind === 'response') {
      this.addProse(items.map((item) => `- ${item.markdown.replace(/\n/g, ' ')}`).join('\n'));
    }
  }

  /** Status items (`200 application/json Created`), each with the fields listed under it. */
  private readStatusItems(entries: readonly { item: ListItem; status: (StatusLine & { mediaType?: string }) | undefined }[]): void {
    this.use();
    for (const { item, status } of entries) {
      this.startResponse(status!, item.at, status!.mediaType);
      const rows = item.children.map((child) => this.itemRow(child));
      if (rows.some((row) => row !== undefined) && this.section.kind === 'response') this.readFields(rows.filter((row) => row !== undefined), item.at);
      // Items that name no field (`• The public URL of your documentation.`): a rendering lost their names.
      item.children.forEach((child, k) => {
        if (rows[k] === undefined) this.warn(`a list item under ${status!.status} names no field and was not read`, child.at);
      });
    }
    this.enter({ kind: 'responses', title: '' });
  }

  /** A list item as a table row: `name (type, required) description`, `name: type`, `name type Required`. */
  private itemRow(item: ListItem): TableRow | undefined {
    const field = readFieldItem(cleanItem(item.text));
    if (!field) return undefined;
    // The description as the page wrote it, inline code and links kept.
    field.description = markdownTail(item.markdown.replace(/\n/g, ' ').replace(FOOTER, ''), field.description);
    const nested: Block[] = [];
    const children = item.children.map((child) => this.itemRow(child)).filter((row) => row !== undefined);
    if (children.length > 0) {
      nested.push({ kind: 'open', label: field.name, at: item.at }, { kind: 'table', columns: ['name', 'type', 'required', 'description'], rows: children, at: children[0]!.at }, { kind: 'close', at: item.at });
    }
    return { name: field.name, type: field.type, required: field.required, description: field.description, in: field.in, default: '', at: item.at, typeAt: item.at, nested, ...(field.flags ? { flags: field.flags } : {}) };
  }

  private readCode(lang: string, value: string, at: Position, valueAt?: Position): void {
    if (lang === 'curl' || readCurlTarget(value)) {
      this.use();
      const curl = readCurlTarget(value);
      if (curl?.server && this.operation && samePath(this.operation.path, curl.path)) this.server ??= curl.server;
      // The JSON the command sends is a sample of the request body.
      const data = readCurlData(value);
      const sample = data ? this.readSampleText(data.text, offsetIn(value, data.offset, at)) : undefined;
      if (sample && (isRecord(sample.value) ? Object.keys(sample.value).length > 0 : Array.isArray(sample.value))) {
        this.body ??= { description: '', rows: [], noBody: false, at };
        addSample(this.body, { ...sample, sent: true });
      }
      this.requestShown = true;
      return;
    }
    const sample = /^(?:json|jsonc|json5|js|javascript|ruby|text|)$/.test(lang) ? this.readSampleText(value, valueAt ?? at) : undefined;
    if (!sample) return;
    const located = sample;
    const section = this.section;
    const own = this.lastLabel.toLowerCase();
    // A label like `For example:` says nothing: the line before it may (`HTTP body should contain ...`).
    const label = /\b(?:request|response|returns?|success|body)\b/.test(own) ? own : `${this.previousLabel} ${own}`.toLowerCase();
    if (section.kind === 'parameters' && section.in === 'header' && isRecord(sample.value)) {
      // Headers printed as a JSON object: each key is a header the request sends.
      this.use();
      for (const name of Object.keys(sample.value)) {
        const key = `header ${name}`;
        if (this.parameterKeys.has(key)) continue;
        this.parameterKeys.add(key);
        this.parameters.push({ name, in: 'header', type: undefined, required: false, description: '', default: '', at, children: [] });
      }
      return;
    }
    if (this.readFieldExample(located)) return;
    if (this.afterOperation && BODY_METHODS.has(this.operation?.method ?? '') && this.sampleMode !== 'response' && section.kind !== 'response' && section.kind !== 'responses') {
      // `POST /users` over `{...}`: the request the line prints, its body, unless the fields the page
      // lists later show it to be the response (a rendering that puts the response example first).
      // The sample right after it is the response.
      this.use();
      this.underOperation.push(located);
      this.requestShown = true;
      return;
    }
    if (this.afterRequest && this.sampleMode !== 'request' && !/\brequest\b/.test(own) && section.kind !== 'response') {
      // The sample right under a curl command is what the command gets back.
      this.use();
      this.loneResponseSamples.push({ sample: located, error: ERROR_LABEL.test(label) });
      return;
    }
    if (this.sampleMode === 'request' || (this.sampleMode === undefined && (section.kind === 'body' || (section.kind === 'parameters' && section.unplaced))) || (section.kind !== 'response' && section.kind !== 'responses' && /\brequest\b/.test(label) && !/\bresponse\b/.test(label))) {
      this.use();
      this.body ??= { description: '', rows: [], noBody: false, at };
      // A short sample and a full one (`Show optional properties`) show one body together.
      addSample(this.body, located);
      return;
    }
    // Under `Response samples`, a sample goes to a status printed after that label, else it waits for the first success.
    if (this.sampleMode === 'response' && (section.kind !== 'response' || section.response === this.responseAtLabel)) {
      this.use();
      this.loneResponseSamples.push({ sample: located, error: ERROR_LABEL.test(label) });
      return;
    }
    if (section.kind === 'response') {
      this.use();
      addSample(section.response, located);
      return;
    }
    if (section.kind === 'responses' || /\b(?:response|returns?|success)\b/.test(label)) {
      this.use();
      this.loneResponseSamples.push({ sample: located, error: ERROR_LABEL.test(label) });
      return;
    }
    // An unlabelled sample before any response, on a page whose method sends a body, shows the body.
    if ((section.kind === 'intro' || section.kind === 'parameters') && BODY_METHODS.has(this.operation?.method ?? '') && !this.body?.sample && this.responses.length === 0 && /\b(?:body|example|request|sample)\b/.test(label)) {
      this.use();
      this.body ??= { description: '', rows: [], noBody: false, at };
      this.body.sample = located;
    }
  }

  /**
   * `delivery_stats` / `object` / its description / `Example:` over `{...}`: the example of the
   * field just listed, not of the payload; its keys are that field's, nested under it.
   */
  private readFieldExample(sample: Sample): boolean {
    const rows = this.payload()?.rows ?? [];
    const row = rows.at(-1);
    // The label stands alone, or a text rendering ran it into the field's description.
    if (!row || !(/^examples?\s*:?$/i.test(this.lastLabel.trim()) || /\bexamples?\s*:$/i.test(row.description))) return false;
    if (!isRecord(sample.value) || row.at.line >= sample.at.line || sample.at.line - row.at.line > 12) return false;
    if (row.type && !(row.type.kind === 'primitive' && row.type.name === 'object') && row.type.kind !== 'named') return false;
    const keys = Object.keys(sample.value);
    if (keys.length === 0 || keys.some((key) => rows.some((other) => other.name === key))) return false;
    this.use();
    row.description = row.description.replace(/\s*\bexamples?\s*:$/i, '');
    if (row.children.length === 0) {
      row.childrenAt = sample.at;
      for (const [name, value] of Object.entries(sample.value)) {
        row.children.push({ name, type: parseTypeExpression(jsonTypeOf(value)), required: false, description: '', default: '', at: sample.at, children: [] });
      }
    }
    return true;
  }

  /**
   * A sample's value, read with the tolerant reader (comments, `...`, Ruby's `=>`, a cut-off end),
   * its warnings located on the page. Bullets a rendering put before members are blanked first.
   */
  private readSampleText(text: string, at: Position): Sample | undefined {
    const start = text.search(/[[{]/);
    if (start === -1) return undefined;
    const before = text.slice(0, start).split('\n');
    const startLine = at.line + before.length - 1;
    const startColumn = before.length === 1 ? at.column + start : before.at(-1)!.length + 1;
    const body = text.slice(start).replace(/^(\s*)•/gm, '$1 ');
    const read = readTolerantJson(body, { file: this.file, startLine, startColumn });
    // A sample that cannot be read at all says why, as a warning: the page is read without it.
    if (!read.result) {
      for (const diagnostic of read.diagnostics) this.diagnostics.push({ ...diagnostic, severity: 'warning', message: `a sample was not read: ${diagnostic.message}` });
      return undefined;
    }
    for (const diagnostic of read.diagnostics) if (diagnostic.severity === 'warning') this.diagnostics.push(diagnostic);
    const sampleAt = { line: startLine, column: startColumn };
    let value = read.result.value;
    // `"200": {}, "400": {}` among a sample's keys: a generator's list of the operation's statuses,
    // not properties of the payload. Left out, and said so.
    const codes = isRecord(value) ? Object.keys(value).filter((key) => /^[1-5]\d\d$/.test(key)) : [];
    if (isRecord(value) && codes.length >= 2) {
      const listed = codes.map((code) => `\`${code}\``).join(', ');
      if (codes.length === Object.keys(value).length) {
        this.warn(`a sample whose keys are status codes (${listed}) was not read as a payload`, sampleAt);
        return undefined;
      }
      this.warn(`the keys ${listed} of a sample are status codes, not properties: left out`, sampleAt);
      value = Object.fromEntries(Object.entries(value).filter(([key]) => !codes.includes(key)));
    }
    return { value, at: sampleAt, truncated: read.open.length > 0 };
  }

  /** A sample right under the operation line: the body's, unless only the success response's fields name its keys. */
  private placeUnderOperation(): void {
    for (const sample of this.underOperation) {
      const keys = isRecord(sample.value) ? Object.keys(sample.value) : [];
      const overlap = (rows: readonly FieldRow[]) => rows.filter((row) => keys.includes(row.name)).length;
      const bodyShare = overlap(this.body?.rows ?? []);
      const responseShare = Math.max(0, ...this.responses.filter((r) => r.status.startsWith('2')).map((r) => overlap(r.rows)));
      // Also when the response's fields name every key and the body's only some (a create that echoes its input).
      if ((bodyShare === 0 && responseShare > 0) || (responseShare === keys.length && responseShare > bodyShare)) {
        this.loneResponseSamples.push({ sample, error: false });
        continue;
      }
      this.body ??= { description: '', rows: [], noBody: false, at: sample.at };
      addSample(this.body, sample);
    }
  }

  /**
   * Samples under a `Response` with no status go to the first 2xx the page names, else to a 200 it
   * does not; one labelled as an error goes to the listed error status its own `status` names.
   * What finds no place is reported.
   */
  private placeLoneSamples(): void {
    for (const { sample, error: labelled } of this.loneResponseSamples) {
      const error = labelled || saysItFailed(sample.value);
      if (error) {
        const code = statusInSample(sample.value);
        const target = code ? this.responses.find((r) => r.status === code && !r.sample && r.rows.length === 0) : undefined;
        if (target) target.sample = sample;
        else this.warn('an error sample that names no listed status was not read', sample.at);
        continue;
      }
      const success = this.responses.find((r) => r.status.startsWith('2') && r.status !== '204' && !r.sample && !r.noBody);
      if (success) {
        success.sample = sample;
        continue;
      }
      if (this.responses.some((r) => r.status.startsWith('2'))) {
        this.warn('a response sample tied to no status was not read: the page shows more samples than success responses', sample.at);
        continue;
      }
      this.responses.unshift({ status: '200', description: '', rows: [], headers: [], noBody: false, at: sample.at, sample, statusInferred: true });
    }
  }

  private readParameters(rows: readonly TableRow[], sectionIn: ParameterLocation | undefined, sectionRequired: boolean | undefined, unplaced = false): void {
    const path = this.operation?.path ?? '';
    // Fields listed under `Path parameters` that the path does not name, on a method that sends a
    // body (a renderer that prints the body's fields with no heading of their own): the body's,
    // once the path's own placeholders (or its example values) have a row each.
    let openPlaceholders = sectionIn === 'path' ? this.undescribedPlaceholders(rows) : 0;
    const nameless: TableRow[] = [];
    for (const original of rows) {
      if (original.name === '*') continue;
      if (!original.name) {
        nameless.push(original);
        continue;
      }
      let row = original;
      // `delete_request[reason]` on a method that sends a body: a field of the body, as forms nest them.
      if (!row.in && !sectionIn && /^[A-Za-z_$@][\w$@-]*\[[A-Za-z_][\w-]*\]/.test(row.name) && BODY_METHODS.has(this.operation?.method ?? '')) {
        this.addBodyRow(row);
        continue;
      }
      if (sectionIn === 'path' && !row.in && !path.includes(`{${row.name}}`)) {
        if (openPlaceholders > 0) openPlaceholders--;
        else if (BODY_METHODS.has(this.operation?.method ?? '')) {
          this.addBodyRow(row);
          continue;
        }
      }
      // `query · integer`: the location printed in the type cell.
      const placed = /^(path|query|header|cookie|body)\s*[·•|,:/-]\s*(.+)$/i.exec(row.type);
      if (placed && !row.in) row = { ...row, in: placed[1]!, type: placed[2]! };
      let location = sectionIn;
      let inferred = false;
      const written = row.in.toLowerCase();
      if (written === 'path' || written === 'query' || written === 'header' || written === 'cookie') location = written;
      else if (written === 'body' || written === 'form') {
        this.addBodyRow(row);
        continue;
      } else if (written) this.warn(`unknown parameter location "${row.in}": expected path, query, header or cookie`, row.at);
      // A parameter the path template names is a path parameter, whatever section it stands in.
      if (location !== 'path' && !written && path.includes(`{${row.name}}`)) location = 'path';
      if (!location) {
        if (path.includes(`{${row.name}}`)) location = 'path';
        else if ((unplaced || BODY_METHODS.has(this.operation?.method ?? '')) && isBodyRow(row)) {
          // The row that is the request body itself (`body`, "The body of the request"): its type names the body.
          this.body ??= { description: row.description, rows: [], noBody: false, at: row.at };
          const type = parseTypeExpression(row.type);
          if (type) this.body.type = type;
          if (parseRequired(row.required)) this.body.required = true;
          continue;
        } else if (unplaced && rows.some(isBodyRow)) {
          location = 'query';
          inferred = true;
        } else if (unplaced && BODY_METHODS.has(this.operation?.method ?? '')) {
          this.addBodyRow(row);
          continue;
        } else if (/\b(?:request body|in the body|JSON body|body of the request)\b/i.test(row.description) && BODY_METHODS.has(this.operation?.method ?? '')) {
          this.addBodyRow(row);
          continue;
        } else if (/\bheader\b/i.test(row.description)) location = 'header';
        else {
          location = 'query';
          inferred = !/\bquery\b/i.test(row.description);
        }
      }
      const key = `${location} ${row.name}`;
      if (this.parameterKeys.has(key)) {
        this.warn(`parameter "${row.name}" (${location}) is described twice; the first description is kept`, row.at);
        continue;
      }
      this.parameterKeys.add(key);
      const field = this.field(row);
      if (sectionRequired !== undefined && !row.required) field.required = sectionRequired;
      const parameter: Parameter = { ...field, in: location };
      if (inferred) parameter.inInferred = true;
      this.parameters.push(parameter);
    }
    for (const row of nameless) this.nameNameless(row, sectionIn, sectionRequired);
  }

  /**
   * A parameter row whose name cell is empty (a rendering dropped the names): a path row takes the
   * one placeholder no row describes, a query row the next name the URL's query string shows, a
   * body row waits for the request sample. The name is marked assumed; a row left nameless is reported.
   */
  private nameNameless(row: TableRow, sectionIn: ParameterLocation | undefined, sectionRequired: boolean | undefined): void {
    const where = row.in.toLowerCase() || sectionIn || '';
    let name: string | undefined;
    if (where === 'path') {
      const open = [...(this.operation?.path ?? '').matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((placeholder) => !this.parameterKeys.has(`path ${placeholder}`));
      if (open.length === 1) name = open[0];
    } else if (where === 'query') {
      name = (this.operation?.query ?? []).find((key) => !this.parameterKeys.has(`query ${key}`));
    } else if (where === 'body' || where === 'form') {
      this.namelessBody.push(row);
      return;
    }
    if (!name) {
      this.warn('a row with no name was not read', row.at);
      return;
    }
    this.warn(`a row with no name is read as "${name}", the ${where} parameter the URL shows`, row.at);
    this.readParameters([{ ...row, name, nameInferred: true }], sectionIn, sectionRequired);
  }

  /** Body rows with no name, named by the request sample's keys in order when they fit, else reported. */
  private nameNamelessBody(): void {
    if (this.namelessBody.length === 0) return;
    const sample = this.body?.sample?.value;
    const described = new Set(this.body?.rows.map((row) => row.name));
    const keys = isRecord(sample) ? Object.keys(sample).filter((key) => !described.has(key)) : [];
    const fits = keys.length === this.namelessBody.length && this.namelessBody.every((row, k) => typeFits(row.type, (sample as Record<string, unknown>)[keys[k]!]));
    for (const [k, row] of this.namelessBody.entries()) {
      if (!fits) {
        this.warn('a row with no name was not read', row.at);
        continue;
      }
      this.warn(`a row with no name is read as "${keys[k]}", the key the request sample shows in its place`, row.at);
      this.addBodyRow({ ...row, name: keys[k]!, nameInferred: true });
    }
  }

  /** Placeholders of the path (and segments holding example values) that no row of the table names. */
  private undescribedPlaceholders(rows: readonly TableRow[]): number {
    const path = this.operation?.path ?? '';
    const named = new Set(rows.map((row) => row.name));
    const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].filter((m) => !named.has(m[1]!) && !this.parameterKeys.has(`path ${m[1]}`)).length;
    return placeholders + path.split('/').filter((segment) => segment !== '' && looksLikeValue(segment)).length;
  }

  private addBodyRow(row: TableRow): void {
    this.body ??= { description: '', rows: [], noBody: false, at: row.at };
    addRow(this.body.rows, this.field(row));
  }

  private readFields(rows: readonly TableRow[], at: Position): void {
    // A table that follows a nested table closed by nothing but itself belongs further out.
    while (this.frames.length > 1 && this.top().filled && !this.top().explicit) this.frames.pop();
    const frame = this.top();
    frame.filled = true;
    if (frame.owner) frame.owner.childrenAt ??= at;
    if (frame.owner && !frame.explicit && rows.length > 0) this.unmarkedEnds.push(at);
    for (const row of rows) {
      const depth = this.frames.length;
      if (row.name && row.name !== '*') addRow(frame.rows, this.field(row));
      else if (!row.name && (row.type || row.description)) this.warn('a row with no name was not read', row.at);
      for (const block of row.nested) this.read(block, this.index);
      this.frames.length = Math.min(this.frames.length, depth);
    }
  }

  private open(label: string, explicit: boolean, at: Position): void {
    if (this.section.kind !== 'body' && this.section.kind !== 'response') {
      if (this.section.kind === 'parameters') this.warn('nested parameter tables are not read yet; this one is skipped', at);
      this.frames.push({ rows: [], explicit, filled: false });
      return;
    }
    if (this.frames.length > MAX_NESTING) {
      this.warn(`tables nested more than ${MAX_NESTING} deep are not read; this one is skipped`, at);
      this.frames.push({ rows: [], explicit, filled: false });
      return;
    }
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const frame = this.frames[index]!;
      const row = findRow(frame.rows, label);
      if (row) {
        this.frames.length = index + 1;
        this.frames.push({ rows: row.children, owner: row, explicit, filled: false });
        return;
      }
      // `<details>` inside the row's own cell reopens the row it is already reading.
      if (explicit && frame.owner && (label === '' || frame.owner.name === label)) {
        this.frames.push({ rows: frame.rows, owner: frame.owner, explicit, filled: false });
        return;
      }
    }
    const named = label ? `"${label}"` : 'the toggle';
    this.warn(`${named} names no row of the table above it that can hold fields; the nested table is skipped`, at);
    this.frames.push({ rows: [], explicit, filled: false });
  }

  private close(): void {
    while (this.frames.length > 1) {
      const frame = this.frames.pop()!;
      if (frame.explicit) return;
    }
  }

  private top(): Frame {
    if (this.frames.length === 0) this.frames.push({ rows: [], explicit: false, filled: false });
    return this.frames.at(-1)!;
  }

  private field(row: TableRow): FieldRow {
    let type: TypeExpr | undefined;
    if (row.type) {
      type = parseTypeExpression(row.type) ?? readTypeLine(row.type)?.expr;
      if (!type) {
        this.warn(
          `cannot read the type "${row.type}" of "${row.name}": expected a type such as string, integer, boolean, object, object[], string | null or a schema name`,
          row.typeAt,
        );
      }
    }
    let required = parseRequired(row.required);
    if (required === undefined) {
      const marker = /^\(?(required|optional)\)?/i.exec(row.required.trim());
      required = marker ? marker[1]!.toLowerCase() === 'required' : undefined;
    }
    if (required === undefined) {
      this.warn(`cannot read "${row.required}" as a required marker: expected required, optional, yes, no or -`, row.at);
      required = false;
    }
    let description = row.description;
    // `Required.` opening a description, or `(required)` in it, when no column says so.
    if (!required && row.required.trim() === '') {
      const said = /^Required\b[.:]?\s*|\s*\((?:required)\)\s*/i.exec(description);
      if (said && (said.index === 0 || /\(required\)/i.test(said[0]))) {
        required = true;
        description = (description.slice(0, said.index) + ' ' + description.slice(said.index + said[0].length)).trim();
      }
    }
    return { name: row.name, type, required, description, default: row.default, at: row.at, children: [], ...(row.nameInferred ? { nameInferred: true } : {}), ...(row.flags ? { flags: row.flags } : {}) };
  }

  private warn(message: string, at: Position): void {
    this.diagnostics.push(warning(message, { file: this.file, line: at.line, column: at.column }));
  }
}

/**
 * Rows marked optional by a question mark (`comment?`): a page that marks the optional ones leaves
 * the required ones unmarked, so an unmarked row is required, unless some row is marked required.
 */
function withOptionalMarks(rows: readonly TableRow[]): readonly TableRow[] {
  if (!rows.some((row) => row.required.trim() === '?')) return rows;
  if (rows.some((row) => parseRequired(row.required) === true)) return rows;
  return rows.map((row) => (row.required.trim() === '' ? { ...row, required: 'required' } : row));
}

const LANGUAGE_LABEL = /^(?:bash|sh|shell|curl|json|jsonc|javascript|js|node(?:\.js)?|typescript|ts|python|py|ruby|go|java|php|http|text|xml|yaml|c#|csharp|swift|kotlin|rust|powershell)$/i;
const ERROR_LABEL = /\b(?:errors?|fail(?:ure|ed)?)\b/i;

/**
 * A sample that says of itself that the call failed: `"success": false` or `"ok": false`, or
 * nothing but an error (`{"error": {...}}`, `{"errors": [...], "message": ...}`).
 */
function saysItFailed(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.success === false || value.ok === false) return true;
  const keys = Object.keys(value);
  return keys.some((key) => /^errors?$/i.test(key)) && keys.every((key) => /^(?:errors?|message|code|status|status_?code|detail|details|title|type|request_?id|trace_?id)$/i.test(key));
}

/** The HTTP status an error sample states of itself (`"status": 404`, `"statusCode": 404`), at most two levels down. */
function statusInSample(value: unknown, depth = 0): string | undefined {
  if (!isRecord(value) || depth > 2) return undefined;
  for (const [key, field] of Object.entries(value)) {
    if (/^(?:status|status_?code|http_?status)$/i.test(key) && /^[1-5]\d\d$/.test(String(field))) return String(field);
  }
  for (const field of Object.values(value)) {
    const found = statusInSample(field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function newResponse(status: StatusLine, at: Position): PageResponse {
  return { status: status.status, description: status.description, rows: [], headers: [], noBody: false, at };
}

/** Every key the page's JSON samples show (three levels down), longest first. */
function sampleKeys(blocks: readonly Block[], file: string): string[] {
  const keys = new Set<string>();
  const collect = (value: unknown, depth: number): void => {
    if (depth > 3) return;
    if (Array.isArray(value)) for (const item of value.slice(0, 20)) collect(item, depth + 1);
    else if (isRecord(value)) {
      for (const [key, field] of Object.entries(value)) {
        if (/^[A-Za-z_$@][\w.$@-]*$/.test(key)) keys.add(key);
        collect(field, depth + 1);
      }
    }
  };
  for (const block of blocks) {
    if (block.kind !== 'code') continue;
    const sources = [block.value.slice(Math.max(0, block.value.search(/[[{]/)))];
    const data = readCurlData(block.value);
    if (data) sources.push(data.text);
    for (const source of sources) {
      if (!/^[[{]/.test(source)) continue;
      collect(readTolerantJson(source, { file, startLine: 1, startColumn: 1 }).result?.value, 0);
    }
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

/** Whether a sample's value fits a row's printed type (any value fits a row that prints none). */
function typeFits(type: string, value: unknown): boolean {
  const expr = type ? parseTypeExpression(type) : undefined;
  if (!expr || expr.kind !== 'primitive') return true;
  switch (expr.name) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    default:
      return true;
  }
}

/** Where an offset into a block's text stands on the page, the block starting at `at`. */
function offsetIn(text: string, offset: number, at: Position): Position {
  const before = text.slice(0, offset).split('\n');
  return before.length === 1 ? { line: at.line, column: at.column + offset } : { line: at.line + before.length - 1, column: before.at(-1)!.length + 1 };
}

/** A row that stands for the whole request body, as Swagger 2 pages print it. */
function isBodyRow(row: TableRow): boolean {
  if (/\b(?:body of the request|request body)\b/i.test(row.description)) return true;
  return /^body$/i.test(row.name) && (row.type === '' || /^[A-Z]/.test(row.type));
}

function addSample(payload: Payload, sample: Sample): void {
  if (!payload.sample) payload.sample = sample;
  else (payload.moreSamples ??= []).push(sample);
}

/** The end of an item's Markdown that reads as `plain` once its marks are taken off. */
function markdownTail(markdown: string, plain: string): string {
  if (!plain || markdown === plain) return plain;
  // Underscores inside a word (`no_user_id`) are the word's, not emphasis.
  const strip = (text: string) => text.replace(/[`*]|(?<!\w)_|_(?!\w)|\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  const head = plain.slice(0, 24);
  for (let k = 0; k < markdown.length; k++) {
    if (k > 0 && markdown[k - 1] !== ' ') continue;
    const tail = markdown.slice(k);
    if (strip(tail) === plain || (strip(tail).startsWith(head) && strip(tail).length === plain.length)) return tail.trim();
  }
  return plain;
}

/** `- A - B`: list items a page flattened onto one line ran into one line of text. */
function runTogetherItems(text: string): string[] | undefined {
  if (!text.startsWith('- ')) return undefined;
  const items = text
    .slice(2)
    .split(/\s+-\s+/)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** `Create a service instance` restates `Create Service Instance`: the same words, case and articles aside. */
function restatesTitle(title: string, text: string): boolean {
  const words = (line: string) =>
    line
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== '' && word !== 'a' && word !== 'an' && word !== 'the');
  const a = words(title);
  const b = words(text);
  return a.length > 0 && a.length === b.length && a.every((word, i) => word === b[i]);
}

/** The section title a heading starts with (up to eight words), and the prose after it. */
function leadingSection(text: string): { section: SectionTitle; title: string; rest: string } | undefined {
  const words = text.split(' ');
  for (let count = Math.min(8, words.length - 1); count >= 1; count--) {
    const title = words.slice(0, count).join(' ');
    const section = matchSectionTitle(title);
    if (section) return { section, title, rest: words.slice(count).join(' ') };
  }
  return undefined;
}

/** The type word of a sample's value: what its field is typed when only the sample shows it. */
function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeBlock(block: Block): string {
  switch (block.kind) {
    case 'table':
      return 'a property table';
    case 'grid':
      return `a table (${block.header.join(' | ').slice(0, 60)})`;
    case 'list':
      return 'a list';
    case 'code':
      return block.lang ? `a ${block.lang} block` : 'a code block';
    case 'heading':
      return `the heading "${block.text.slice(0, 60)}"`;
    case 'text':
      return `the text "${block.text.length > 60 ? `${block.text.slice(0, 57)}...` : block.text}"`;
    default:
      return 'a nesting mark';
  }
}

/** Toggle labels and a trailing type word that renderers print inside list items. */
function cleanItem(text: string): string {
  return text.replace(TOGGLE_CHROME, '').replace(FOOTER, '').replace(/\s+/g, ' ').trim();
}

function isMediaTypeText(text: string): boolean {
  return matchMediaType(text.split(' ')[0] ?? '') !== undefined;
}

/** A status's description with a media type taken off its front (`application/json Current user`). */
function cleanStatusDescription(text: string): { text: string; mediaType?: string } {
  const first = text.split(' ')[0] ?? '';
  const media = matchMediaType(first);
  const rest = (media ? text.slice(first.length) : text).replace(/\s+(?:object|array)$/, '').trim();
  return media ? { text: rest, mediaType: media } : { text: rest };
}

/** `200 application/json ...`, `` `200`: Contact updated ``, `400 Bad Request: Invalid body`, `200`. */
function readStatusItem(text: string): (StatusLine & { mediaType?: string }) | undefined {
  const match = /^`?([1-5]\d\d|[1-5]XX|default)`?(?:\s*[:–—-]\s*|\s+|$)(.*)$/i.exec(text.trim());
  if (!match) return undefined;
  const described = cleanStatusDescription((match[2] ?? '').replace(/^(?:object|array)(?:\s+|$)/, ''));
  const status = match[1]!.toUpperCase().replace('DEFAULT', 'default');
  return described.mediaType ? { status, description: described.text, mediaType: described.mediaType } : { status, description: described.text };
}

/** `OK object`, `Not Found`: under Responses, an item that is a reason phrase (and its body's type) is that status. */
function readReasonItem(text: string): StatusLine | undefined {
  const phrase = text.replace(/\s+(?:object|array|string)$/i, '').trim();
  const status = statusOfReasonPhrase(phrase);
  return status ? { status, description: phrase } : undefined;
}

const ITEM_NAME = String.raw`[A-Za-z_$@*][\w.$@[\]-]*`;
const PAREN_ITEM = new RegExp(String.raw`^(${ITEM_NAME})\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*[:.–—-]?\s*(.*)$`);
const COLON_ITEM = new RegExp(String.raw`^(${ITEM_NAME}):\s*(.*)$`);
const DASH_ITEM = new RegExp(String.raw`^(${ITEM_NAME})\s+[-–—]\s+([A-Za-z][\w<>[\]() |]{0,40}?)\s+[-–—]\s+(.*)$`);
const LOCATIONS = new Set(['path', 'query', 'header', 'cookie', 'body', 'form']);
const FLAG = /^(?:deprecated|nullable|read-?only|write-?only)$/i;

/**
 * A list item that describes a field: `name (type, required) description` (Redocly, Bump),
 * `id (path string, required)`, `name: type description` (Stainless, literal types too),
 * `name type Required description` (Bump's HTML). Undefined for an item that is none of these.
 */
export function readFieldItem(text: string): { name: string; type: string; required: string; description: string; in: string; flags?: string[] } | undefined {
  const paren = PAREN_ITEM.exec(text);
  if (paren) {
    let type = '';
    let required = '';
    let location = '';
    const flags: string[] = [];
    for (const part of paren[2]!.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
      if (FLAG.test(part)) {
        flags.push(part.toLowerCase().replace(/^(read|write)-?only$/, '$1-only'));
        continue;
      }
      const words = part.split(/\s+/);
      if (LOCATIONS.has(words[0]!.toLowerCase()) && words.length <= 3) {
        location = words.shift()!.toLowerCase();
      }
      const rest = words.join(' ');
      if (/^(required|optional)$/i.test(rest)) required = rest.toLowerCase();
      else if (foreignMarker(rest)) required = foreignMarker(rest)!;
      else if (rest && !type && (parseTypeExpression(rest) || readTypeLine(rest))) type = rest;
    }
    // `Required` after the parentheses, unless it opens a sentence (`Required if ...`).
    let description = paren[3]!.trim();
    const mark = /^Required\b(?!\s+(?:if|when|unless|only|for|in|on|by|with|to|and|or|as|because|except|but|once)\b)[.:;,]?\s*/.exec(description);
    if (mark && !required) {
      required = 'required';
      description = description.slice(mark[0].length);
    }
    if (type || required || location) return { name: paren[1]!, type, required, description, in: location, ...(flags.length > 0 ? { flags } : {}) };
  }
  // `managed_host_id - Number - Id of the managed host`: name, type and description between dashes.
  const dashed = DASH_ITEM.exec(text);
  if (dashed && (parseTypeExpression(dashed[2]!) || readTypeLine(dashed[2]!))) return { name: dashed[1]!, type: dashed[2]!, required: '', description: dashed[3]!.trim(), in: '' };
  const colon = COLON_ITEM.exec(text);
  // `first_name: (string) The first name.`: the attributes in parentheses after the colon.
  if (colon && colon[2]!.startsWith('(')) {
    const item = readFieldItem(`${colon[1]} ${colon[2]}`);
    if (item && (item.type || item.required)) return item;
  }
  // `token: required to identify the subscriber`: a name, then a required marker opening its description.
  const marked = colon ? /^(required|optional)\b[.:,]?\s*(.*)$/i.exec(colon[2]!) : undefined;
  // `Headers: Optional accept: application/json`: a section's title (no field) saying whether what it
  // lists is needed; a header printed with its value after it is that header.
  const titled = marked && /^\p{Lu}/u.test(colon![1]!) ? matchSectionTitle(colon![1]!) : undefined;
  if (titled) {
    const header = titled.kind === 'headers' ? /^([A-Za-z][\w-]*):\s*(\S.*)$/.exec(marked![2]!.trim()) : undefined;
    return header ? { name: header[1]!, type: '', required: marked![1]!.toLowerCase(), description: header[2]!, in: 'header' } : undefined;
  }
  if (colon && marked) return { name: colon[1]!, type: '', required: marked[1]!.toLowerCase(), description: marked[2]!.trim(), in: '' };
  if (colon) {
    const [first = '', ...rest] = colon[2]!.split(/\s+/);
    const literal = /^(?:true|false)$/.test(first) ? 'boolean' : /^"[^"]*"$/.test(first) ? 'string' : /^-?\d+$/.test(first) ? 'integer' : '';
    const type = literal || (readTypeLine(first)?.expr.kind === 'primitive' || readTypeLine(first)?.expr.kind === 'array' || readTypeLine(first)?.expr.kind === 'union' ? first : '');
    if (type) return { name: colon[1]!, type, required: '', description: rest.join(' '), in: '' };
  }
  const words = text.split(/\s+/);
  const name = words[0] ?? '';
  // `resourceUuidStringRequired UUID of the resource`: the name, type and marker ran together.
  const glued = splitGluedField(name);
  if (glued) return { name: glued.name, type: glued.type, required: glued.required, description: words.slice(1).join(' '), in: '' };
  if (!new RegExp(`^${ITEM_NAME}$`).test(name) || words.length < 2) return undefined;
  for (let take = Math.min(4, words.length - 1); take >= 1; take--) {
    const candidate = words.slice(1, 1 + take).join(' ');
    const type = readTypeLine(candidate);
    if (!type || type.expr.kind === 'named' || type.rest) continue;
    let rest = words.slice(1 + take);
    let required = type.required === undefined ? '' : type.required ? 'required' : 'optional';
    if (/^(required|optional)$/i.test(rest[0] ?? '')) {
      required = rest[0]!.toLowerCase();
      rest = rest.slice(1);
    }
    return { name, type: type.type, required, description: rest.join(' '), in: '' };
  }
  return undefined;
}

function rootFrame(rows: FieldRow[]): Frame {
  return { rows, explicit: false, filled: false };
}

function joinProse(before: string, text: string): string {
  return before ? `${before}\n\n${text}` : text;
}

/** The row a toggle names; for a toggle that names none, the last row that can hold fields. */
function findRow(rows: readonly FieldRow[], label: string): FieldRow | undefined {
  if (label === '') return lastOf(rows, (row) => holdsFields(row.type));
  return lastOf(rows, (row) => row.name === label) ?? lastOf(rows, (row) => row.name.toLowerCase() === label.toLowerCase());
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index]!)) return items[index];
  return undefined;
}

function holdsFields(type: TypeExpr | undefined): boolean {
  if (!type) return true;
  switch (type.kind) {
    case 'primitive':
      return type.name === 'object' || type.name === 'array' || type.name === 'any';
    case 'named':
      return true;
    case 'array':
      return holdsFields(type.items);
    case 'union':
      return type.members.some(holdsFields);
  }
}

/** Appends a row, under its parent when its name is a path (`violations[].code`, `meta.total`). */
function addRow(rows: FieldRow[], row: FieldRow): void {
  // `delete_request[reason]` (Rails, PHP): the brackets state the nesting, the object that holds it included.
  const bracketed = /^[A-Za-z_$@][\w$@-]*(?:\[[A-Za-z_][\w-]*\])+$/.test(row.name) ? row.name.split(/[[\]]+/).filter(Boolean) : undefined;
  if (bracketed && bracketed.length <= MAX_NESTING) {
    let siblings = rows;
    for (const segment of bracketed.slice(0, -1)) {
      let holder = lastOf(siblings, (candidate) => candidate.name === segment);
      if (!holder) {
        holder = { name: segment, type: { kind: 'primitive', name: 'object' }, required: false, description: '', default: '', at: row.at, children: [] };
        siblings.push(holder);
      }
      holder.childrenAt ??= row.at;
      siblings = holder.children;
    }
    siblings.push({ ...row, name: bracketed.at(-1)! });
    return;
  }
  const segments = row.name.split('.').map((segment) => segment.replace(/\[\d*\]$/, ''));
  if (segments.length > 1 && segments.length <= MAX_NESTING && segments.every((s) => s !== '')) {
    let siblings = rows;
    let parent: FieldRow | undefined;
    for (const segment of segments.slice(0, -1)) {
      parent = lastOf(siblings, (candidate) => candidate.name === segment);
      if (!parent) break;
      siblings = parent.children;
    }
    if (parent) {
      parent.childrenAt ??= row.at;
      parent.children.push({ ...row, name: segments.at(-1)! });
      return;
    }
  }
  rows.push(row);
}

/** Whether a description gives `value` as an example: quoted (`"x"`, `'x'`, `` `x` ``) or after `e.g.`, `example` or `such as`. */
function givesAsExample(description: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`["'\`\u201c\u2018]${escaped}["'\`\u201d\u2019]|\\b(?:e\\.g\\.|eg|example|for example|such as)[:,]?\\s+${escaped}(?![\\w-])`, 'i').test(description);
}
