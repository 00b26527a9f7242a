// The one model of a reference page behind every rendering: the operation, its parameters, body and
// responses as rows with parsed types and nested rows. `readPageModel` turns any reader's blocks into it.
import { error, warning, type Diagnostic } from '../../diagnostics.js';
import type { Block, Position, TableRow } from './blocks.js';
import { parseRequired } from './columns.js';
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
  type OperationLine,
  type ParameterLocation,
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
}

export interface Parameter extends FieldRow {
  in: ParameterLocation;
}

export interface Payload {
  description: string;
  mediaType?: string;
  /** What the table describes when it is not one object (`object[]` printed above the table). */
  type?: TypeExpr;
  rows: FieldRow[];
  /** `No response body.` */
  noBody: boolean;
  at: Position;
}

export interface ResponseModel extends Payload {
  status: string;
  headers: FieldRow[];
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
  parameters: Parameter[];
  body?: Payload;
  responses: ResponseModel[];
}

type Section =
  | { kind: 'intro' }
  | { kind: 'parameters'; in?: ParameterLocation }
  | { kind: 'body'; payload: Payload }
  | { kind: 'responses'; mediaType?: string }
  | { kind: 'response'; response: ResponseModel }
  | { kind: 'response-headers'; response: ResponseModel }
  | { kind: 'other' };

/** Where the rows of the next table go: a section's rows, or a row's children. */
interface Frame {
  rows: FieldRow[];
  owner?: FieldRow;
  /** Closed by a `close` block; otherwise by the next table after its own. */
  explicit: boolean;
  filled: boolean;
}

export function readPageModel(blocks: readonly Block[], file: string): { model?: PageModel; diagnostics: Diagnostic[] } {
  const assembler = new PageAssembler(file);
  for (const block of blocks) assembler.read(block);
  return assembler.finish();
}

class PageAssembler {
  private readonly diagnostics: Diagnostic[] = [];
  private titleHeading: string | undefined;
  private lastText: string | undefined;
  private operation: (OperationLine & { at: Position }) | undefined;
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
  private readonly responses: ResponseModel[] = [];
  /** Nested tables that only a toggle line opens: text renderings do not show where they end. */
  private readonly unmarkedEnds: Position[] = [];
  /** Set at a second operation line: one page, one operation. */
  private done = false;

  constructor(private readonly file: string) {}

  read(block: Block): void {
    if (this.done) return;
    switch (block.kind) {
      case 'heading':
      case 'text':
        this.readLine(block.text, block.at, block.kind === 'heading' ? block.depth : undefined);
        return;
      case 'table':
        this.readTable(block.rows, block.at);
        return;
      case 'open':
        this.open(block.label, true, block.at);
        return;
      case 'close':
        this.close();
        return;
    }
  }

  finish(): { model?: PageModel; diagnostics: Diagnostic[] } {
    if (!this.operation) {
      this.diagnostics.unshift(
        error('expected an operation line such as `POST /path` (an HTTP method and a path) before the property tables', {
          file: this.file,
          line: 1,
          column: 1,
        }),
      );
      return { diagnostics: this.diagnostics };
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
    const title = this.titleHeading ?? this.lastText;
    const model: PageModel = {
      description: this.description.join('\n\n'),
      method: this.operation.method,
      path: this.operation.path,
      at: this.operation.at,
      parameters: this.parameters,
      responses: this.responses,
    };
    if (title) model.title = title;
    if (this.operation.server ?? this.server) model.server = this.operation.server ?? this.server;
    if (this.operationId) model.operationId = this.operationId;
    if (this.version) model.version = this.version;
    if (this.body) model.body = this.body;
    return { model, diagnostics: this.diagnostics };
  }

  private readLine(raw: string, at: Position, headingDepth: number | undefined): void {
    const text = raw.replace(/[ \t]+/g, ' ').trim();
    if (!text) return;
    if (!this.operation) {
      this.readHead(text, at, headingDepth);
      return;
    }
    if (matchOperationLine(text)) {
      this.warn('the page describes a second operation; only the first one is read', at);
      this.done = true;
      return;
    }
    const shown = matchShowFields(text);
    if (shown !== undefined) return this.open(shown, false, at);
    const section = matchSectionTitle(text);
    if (section) return this.startSection(section, at);
    const status = matchStatusLine(text, this.inResponses());
    if (status) return this.startResponse(status, at);
    if (this.readFact(text)) return;
    if (isChrome(text)) return;
    if (headingDepth !== undefined) {
      // Some pages print the method badge above the page's title.
      if (headingDepth === 1 && this.section.kind === 'intro') this.titleHeading ??= text;
      // An unknown heading (`Example`, `Authorizations`) ends the section: its tables are not ours.
      else if (this.section.kind !== 'intro') this.enter({ kind: 'other' });
      return;
    }
    this.addProse(text);
  }

  /** Before the operation line: the title, and site chrome to skip. */
  private readHead(text: string, at: Position, headingDepth: number | undefined): void {
    const operation = matchOperationLine(text);
    if (operation) {
      this.operation = { ...operation, at };
      return;
    }
    if (headingDepth === 1 && this.titleHeading === undefined) this.titleHeading = text;
    else if (!isChrome(text) && !matchShowFields(text)) this.lastText = text;
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
    return false;
  }

  private addProse(raw: string): void {
    let text = raw;
    const callout = matchCallout(text);
    if (callout && callout.rest === '') {
      this.pendingCallout = callout.label;
      return;
    }
    if (callout) text = `${callout.label}: ${callout.rest}`;
    else if (this.pendingCallout) text = `${this.pendingCallout}: ${text}`;
    this.pendingCallout = undefined;
    switch (this.section.kind) {
      case 'intro':
        this.description.push(text);
        return;
      case 'body':
        this.section.payload.description = joinProse(this.section.payload.description, text);
        return;
      case 'response':
        this.section.response.description = joinProse(this.section.response.description, text);
        return;
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
    if (section.kind === 'body') this.frames = [rootFrame(section.payload.rows)];
    else if (section.kind === 'response') this.frames = [rootFrame(section.response.rows)];
    else this.frames = [];
  }

  private startSection(title: SectionTitle, at: Position): void {
    switch (title.kind) {
      case 'parameters':
        return this.enter(title.in ? { kind: 'parameters', in: title.in } : { kind: 'parameters' });
      case 'body': {
        this.body ??= { description: '', rows: [], noBody: false, at };
        if (title.mediaType) this.body.mediaType = title.mediaType;
        return this.enter({ kind: 'body', payload: this.body });
      }
      case 'responses':
        return this.enter(title.mediaType ? { kind: 'responses', mediaType: title.mediaType } : { kind: 'responses' });
      case 'headers': {
        const response = this.section.kind === 'response' || this.section.kind === 'response-headers' ? this.section.response : undefined;
        if (response && title.of !== 'request') return this.enter({ kind: 'response-headers', response });
        return this.enter({ kind: 'parameters', in: 'header' });
      }
    }
  }

  private startResponse(status: StatusLine, at: Position): void {
    if (this.responses.some((r) => r.status === status.status)) {
      this.warn(`status ${status.status} is described twice; the first description is kept`, at);
      return this.enter({ kind: 'other' });
    }
    const mediaType = this.section.kind === 'responses' ? this.section.mediaType : undefined;
    const response: ResponseModel = { status: status.status, description: status.description, rows: [], headers: [], noBody: false, at };
    if (mediaType) response.mediaType = mediaType;
    this.responses.push(response);
    this.enter({ kind: 'response', response });
  }

  private readTable(rows: readonly TableRow[], at: Position): void {
    if (!this.operation) return;
    if (this.section.kind === 'responses') {
      // A response table under `Response` with no status line above it.
      this.warn('a response table has no status line above it; it is read as status 200', at);
      this.startResponse({ status: '200', description: '' }, at);
    }
    const section = this.section;
    if (section.kind !== 'body' && section.kind !== 'response' && this.frames.length > 0) {
      // The table of a toggle that has no row to nest under here: skipped (reported at the toggle).
      if (!this.top().explicit) this.frames.pop();
      return;
    }
    switch (section.kind) {
      case 'intro':
        if (rows.some((row) => row.in)) return this.readParameters(rows, undefined);
        this.warn('a property table comes before any parameters, body or response section; it is skipped', at);
        return;
      case 'parameters':
        return this.readParameters(rows, section.in);
      case 'response-headers':
        for (const row of rows) if (row.name) section.response.headers.push(this.field(row));
        return;
      case 'body':
      case 'response':
        return this.readFields(rows, at);
      case 'responses':
      case 'other':
        return;
    }
  }

  private readParameters(rows: readonly TableRow[], sectionIn: ParameterLocation | undefined): void {
    const path = this.operation?.path ?? '';
    for (const row of rows) {
      if (!row.name) continue;
      let location = sectionIn;
      const written = row.in.toLowerCase();
      if (written === 'path' || written === 'query' || written === 'header' || written === 'cookie') location = written;
      else if (written) this.warn(`unknown parameter location "${row.in}": expected path, query, header or cookie`, row.at);
      location ??= path.includes(`{${row.name}}`) ? 'path' : 'query';
      const key = `${location} ${row.name}`;
      if (this.parameterKeys.has(key)) {
        this.warn(`parameter "${row.name}" (${location}) is described twice; the first description is kept`, row.at);
        continue;
      }
      this.parameterKeys.add(key);
      this.parameters.push({ ...this.field(row), in: location });
    }
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
      if (row.name) addRow(frame.rows, this.field(row));
      for (const block of row.nested) this.read(block);
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
      type = parseTypeExpression(row.type);
      if (!type) {
        this.warn(
          `cannot read the type "${row.type}" of "${row.name}": expected a type such as string, integer, boolean, object, object[], string | null or a schema name`,
          row.typeAt,
        );
      }
    }
    let required = parseRequired(row.required);
    if (required === undefined) {
      this.warn(`cannot read "${row.required}" as a required marker: expected required, optional, yes, no or -`, row.at);
      required = false;
    }
    return { name: row.name, type, required, description: row.description, default: row.default, at: row.at, children: [] };
  }

  private warn(message: string, at: Position): void {
    this.diagnostics.push(warning(message, { file: this.file, line: at.line, column: at.column }));
  }
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
