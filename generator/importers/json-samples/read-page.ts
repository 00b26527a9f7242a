// Reads a portal page into a small model with page offsets. One reader for pages with and without
// line breaks: landmarks (`Returns X of type(s) ...`, status codes, labels) match across any whitespace.
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { HttpMethod } from '../../openapi-types.js';
import { readCurl, type CurlCommand } from './curl.js';
import { collapse, findAll, Finder, skipSpace, type Found, type PageIndex } from './page-text.js';
import { readHeaderBlocks, readPropertyBlocks, type PropertyBlock } from './property-blocks.js';
import { readSample, type Sample } from './samples.js';

export interface Located {
  text: string;
  offset: number;
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface ParameterModel extends PropertyBlock {
  /** Undefined when the page lost the section label; the path template then decides. */
  in?: ParameterLocation;
}

export interface BodyModel {
  /** The name printed before `of type(s)`: a model's name, a response's name or a stand-in. */
  name: Located;
  media: string[];
  /** From the `Required`/`Optional` printed under a request body. */
  required?: boolean;
  description?: string;
  /** `This response body class contains all of the following: A, B`. */
  composition?: { kind: 'allOf' | 'oneOf' | 'anyOf'; names: string[] };
  /** A request body may show a required-only sample, then the full one. */
  samples: Sample[];
  properties: PropertyBlock[];
}

export interface ResponseModel {
  status: Located;
  description?: string;
  body?: BodyModel;
  headers: PropertyBlock[];
}

export interface PageModel {
  title?: Located;
  description?: string;
  method: { value: HttpMethod; offset: number };
  url: Located;
  parameters: ParameterModel[];
  requestBody?: BodyModel;
  responses: ResponseModel[];
  /** The Authentication section's text, collapsed. */
  authentication?: string;
  curl?: CurlCommand;
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE';
const METHOD_URL = new RegExp(`(?<!\\S)(${METHODS})\\s+(https?://[^\\s]+)`, 'g');
const METHOD_PATH = new RegExp(`(?<!\\S)(${METHODS})\\s+(/[^\\s]*)`, 'g');
const MEDIA = '[\\w.+-]+/[\\w.+*-]+';
const MEDIA_LIST = `${MEDIA}(?:\\s*,\\s*${MEDIA})*`;
const ANCHOR = new RegExp(
  `(?<!\\S)(?:Returns\\s+(\\S+)\\s+of\\s+type\\(s\\)\\s+(${MEDIA_LIST})` +
    `|(\\S+)\\s+of\\s+type\\(s\\)\\s+(${MEDIA_LIST})` +
    `|(Operation\\s+does(?:n['’]t|\\s+not)\\s+return\\s+any\\s+data\\s+structure))`,
  'g',
);
const REQUIRED_MARK = /^(Required|Optional)(?!\S)/;
const SHOW_OPTIONAL = /^Show\s+optional\s+properties(?!\S)/i;
const COMPOSITION = /^This\s+(?:request\s+|response\s+)?body\s+class\s+contains\s+(all|one|any)\s+of\s+the\s+following\s*:\s*([A-Za-z_][\w.-]*(?:\s*,\s*[A-Za-z_][\w.-]*)*)/i;
const STATUS = /(?<!\S)([1-5](?:\d\d|XX)|default)(?!\S)/g;
const CODE_SAMPLES = /(?<!\S)Code\s+Samples(?!\S)/g;
const CURL = /(?<!\S)curl(?=[ \t])/g;
const REQUEST_BODY_LABEL = /(?<!\S)Request\s+Body(?!\S)/g;
const AUTHENTICATION_LABEL = /(?<!\S)Authentication(?!\S)/g;
const RESPONSES_LABEL = /(?<!\S)Responses(?!\S)/g;
const RESPONSE_HEADERS_LABEL = /(?<!\S)Response\s+Headers(?!\S)/g;
const PARAMETER_LABEL = /(?<!\S)(Path|Query|Header)\s+Parameters(?!\S)/g;
const COPY_BUTTON = /^COPY(?!\S)/;
/** A sidebar lists other operations: method words close together, with short titles between them. */
const SIDEBAR_METHOD = new RegExp(`(?<!\\S)(?:${METHODS})(?!\\S)`, 'g');
const SIDEBAR_RUN = 3;
const SIDEBAR_GAP = 120;

interface Anchor {
  kind: 'body' | 'returns' | 'none';
  start: number;
  end: number;
  body?: BodyModel;
  /** Where the anchor's own text, labels and samples end. */
  tailEnd: number;
}

export function readPage(index: PageIndex, file: string, diagnostics: Diagnostic[]): PageModel | undefined {
  const text = index.text;
  const operation = firstMatch(text, METHOD_URL) ?? firstMatch(text, METHOD_PATH);
  if (!operation) return undefined;
  const method = { value: (operation.match[1] as string).toLowerCase() as HttpMethod, offset: operation.start };
  // Text extraction sometimes glues the copy button's label to the URL.
  const urlText = (operation.match[2] as string).replace(/(?<=.)COPY$/, '');
  const url = { text: urlText, offset: operation.end - (operation.match[2] as string).length };
  let bodyStart = skipSpace(text, operation.end);
  const copy = COPY_BUTTON.exec(text.slice(bodyStart, bodyStart + 5));
  if (copy) bodyStart += copy[0].length;

  // Found up front: anchors printed in a sidebar must not be read as the operation's.
  const sidebar = sidebarStart(text, bodyStart);
  const { anchors, cursor, sampleRanges } = scanAnchors(index, { from: bodyStart, to: sidebar ?? text.length }, file, diagnostics);
  const { curl, contentEnd } = findContentEnd(text, cursor, sidebar);
  const outside = (found: Found | undefined): boolean => !!found && !sampleRanges.some(([s, e]) => found.start >= s && found.start < e);
  const firstLabel = (regex: RegExp, from: number, to: number): Found | undefined =>
    findAll(text, regex, from, to).find((f) => outside(f));

  const requestAnchor = anchors[0]?.kind === 'body' ? anchors[0] : undefined;
  const responseAnchors = anchors.filter((a) => a !== requestAnchor);
  const firstResponse = responseAnchors[0];
  const requestEnd = requestAnchor?.tailEnd ?? bodyStart;
  const responsesLabel = firstLabel(RESPONSES_LABEL, requestEnd, firstResponse?.start ?? contentEnd);
  const authLabel = firstLabel(AUTHENTICATION_LABEL, requestEnd, responsesLabel?.start ?? firstResponse?.start ?? contentEnd);

  const statuses = findStatuses(index, responseAnchors, responsesLabel?.end ?? Math.max(requestEnd, authLabel?.end ?? 0), { file, diagnostics });
  const firstStatus = statuses.find((s) => s !== undefined);

  // Everything between the URL and the first of these is parameters.
  const parametersEnd = Math.min(
    ...[
      firstLabel(REQUEST_BODY_LABEL, bodyStart, requestAnchor?.start ?? contentEnd)?.start,
      requestAnchor?.body?.name.offset,
      authLabel?.start,
      responsesLabel?.start,
      firstStatus?.start,
      contentEnd,
    ].filter((n): n is number => n !== undefined),
  );
  const parameters = readParameters(text, bodyStart, parametersEnd);

  let requestBody: BodyModel | undefined;
  if (requestAnchor?.body) {
    requestBody = requestAnchor.body;
    const label = firstLabel(REQUEST_BODY_LABEL, bodyStart, requestAnchor.start);
    const description = label ? collapse(text.slice(label.end, requestBody.name.offset)) : '';
    if (description) requestBody.description = description;
    const propertiesEnd = Math.min(authLabel?.start ?? contentEnd, responsesLabel?.start ?? contentEnd, firstStatus?.start ?? contentEnd);
    requestBody.properties = readPropertyBlocks(text, requestAnchor.tailEnd, Math.max(requestAnchor.tailEnd, propertiesEnd));
  }
  const responses = readResponses(text, { anchors: responseAnchors, statuses, contentEnd, firstLabel });

  const model: PageModel = { method, url, parameters, responses };
  const head = readHead(text, operation.start);
  if (head.title) model.title = head.title;
  else diagnostics.push(warning('expected the page title before the method and URL; the operation has no summary', { file, line: 1, column: 1 }));
  if (head.description) model.description = head.description;
  if (requestBody) model.requestBody = requestBody;
  if (authLabel) {
    const authEnd = responsesLabel?.start ?? firstStatus?.start ?? contentEnd;
    model.authentication = collapse(text.slice(authLabel.end, Math.max(authLabel.end, authEnd)));
  }
  if (curl) model.curl = curl;
  return model;
}

/**
 * The status of each response is the last status-like word before its anchor: the words before it
 * belong to the previous response (descriptions may hold numbers), the response's own description
 * follows the status.
 */
function findStatuses(index: PageIndex, anchors: Anchor[], firstRegionStart: number, { file, diagnostics }: { file: string; diagnostics: Diagnostic[] }) {
  const statuses: (Found | undefined)[] = [];
  let regionStart = firstRegionStart;
  for (const anchor of anchors) {
    const status = findAll(index.text, STATUS, regionStart, anchor.start).pop();
    if (!status) {
      diagnostics.push(warning('expected a status code (e.g. `200`) before this response; it is left out', { file, ...index.position(anchor.start) }));
    }
    statuses.push(status);
    regionStart = anchor.tailEnd;
  }
  return statuses;
}

interface ResponseLayout {
  anchors: Anchor[];
  statuses: (Found | undefined)[];
  contentEnd: number;
  firstLabel: (regex: RegExp, from: number, to: number) => Found | undefined;
}

/** Each response runs from its status to the next one: description, headers, body, property blocks. */
function readResponses(text: string, { anchors, statuses, contentEnd, firstLabel }: ResponseLayout): ResponseModel[] {
  const responses: ResponseModel[] = [];
  anchors.forEach((anchor, i) => {
    const status = statuses[i];
    if (!status) return;
    const nextStatus = statuses.slice(i + 1).find((s) => s !== undefined);
    const segmentEnd = nextStatus?.start ?? contentEnd;
    const headersLabel = firstLabel(RESPONSE_HEADERS_LABEL, status.end, segmentEnd);
    const response: ResponseModel = { status: { text: status.match[1] as string, offset: status.start }, headers: [] };
    // The portal may print the headers before the body or after it.
    const headersFirst = headersLabel !== undefined && headersLabel.start < anchor.start;
    const description = collapse(text.slice(status.end, headersFirst ? headersLabel.start : anchor.start));
    if (description) response.description = description;
    let propertiesEnd = segmentEnd;
    if (headersLabel) {
      response.headers = readHeaderBlocks(text, headersLabel.end, headersFirst ? anchor.start : segmentEnd);
      if (headersLabel.start >= anchor.tailEnd) propertiesEnd = headersLabel.start;
    }
    if (anchor.body) {
      anchor.body.properties = readPropertyBlocks(text, anchor.tailEnd, Math.max(anchor.tailEnd, propertiesEnd));
      response.body = anchor.body;
    }
    responses.push(response);
  });
  return responses;
}

function firstMatch(text: string, regex: RegExp): Found | undefined {
  regex.lastIndex = 0;
  const match = regex.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length, match } : undefined;
}

/**
 * Walks the anchors in page order, reading each one's labels and samples, so that nothing inside a
 * sample is ever taken for a landmark. Stops at the code samples.
 */
function scanAnchors(index: PageIndex, { from, to }: { from: number; to: number }, file: string, diagnostics: Diagnostic[]) {
  const text = index.text;
  const anchors: Anchor[] = [];
  const sampleRanges: [number, number][] = [];
  const anchorFinder = new Finder(text, ANCHOR);
  const codeFinder = new Finder(text, CODE_SAMPLES);
  let cursor = from;
  for (;;) {
    const found = anchorFinder.next(cursor);
    const code = codeFinder.next(cursor);
    if (!found || found.start >= to || (code && code.start < found.start)) break;
    const m = found.match;
    cursor = found.end;
    if (m[5]) {
      anchors.push({ kind: 'none', start: found.start, end: found.end, tailEnd: found.end });
      continue;
    }
    const returns = m[1] !== undefined;
    const name = (returns ? m[1] : m[3]) as string;
    const media = (returns ? m[2] : m[4]) as string;
    // Only the first anchor, ahead of any `Returns`, can be the request body.
    const isRequest = !returns && anchors.length === 0 && !findAll(text, RESPONSES_LABEL, from, found.start).length;
    const nameOffset = returns ? text.indexOf(name, found.start + 'Returns'.length) : found.start;
    const body: BodyModel = {
      name: { text: name, offset: nameOffset },
      media: media.split(',').map((s) => s.trim()),
      samples: [],
      properties: [],
    };
    const limit = Math.min(anchorFinder.next(found.end)?.start ?? to, codeFinder.next(found.end)?.start ?? to, to);
    cursor = readBodyTail(index, body, { from: cursor, limit, maxSamples: isRequest ? 2 : 1 }, file, diagnostics);
    for (const sample of body.samples) sampleRanges.push([sample.start, sample.end]);
    const attempted = '{['.includes(text[skipSpace(text, cursor)] ?? ' ');
    // A broken sample has been reported already; a missing one has not.
    if (body.samples.length === 0 && !attempted && body.media.some(isJsonMedia)) {
      diagnostics.push(
        warning(`expected a JSON sample after \`${collapse(text.slice(found.start, found.end))}\``, { file, ...index.position(found.start) }),
      );
    }
    anchors.push({ kind: isRequest ? 'body' : 'returns', start: found.start, end: found.end, body, tailEnd: cursor });
  }
  return { anchors, cursor, sampleRanges };
}

export function isJsonMedia(media: string): boolean {
  return /[/+]json\b/i.test(media);
}

/** Reads `Required`, `Show optional properties`, a composition line and up to `maxSamples` samples. */
function readBodyTail(
  index: PageIndex,
  body: BodyModel,
  { from, limit, maxSamples }: { from: number; limit: number; maxSamples: number },
  file: string,
  diagnostics: Diagnostic[],
): number {
  const text = index.text;
  let cursor = from;
  for (;;) {
    const at = skipSpace(text, cursor);
    const rest = text.slice(at, at + 400);
    const mark = REQUIRED_MARK.exec(rest);
    const show = SHOW_OPTIONAL.exec(rest);
    const composition = COMPOSITION.exec(rest);
    if (mark) {
      body.required = mark[1] === 'Required';
      cursor = at + mark[0].length;
    } else if (show) {
      cursor = at + show[0].length;
    } else if (composition) {
      const kind = composition[1]?.toLowerCase() === 'all' ? 'allOf' : composition[1]?.toLowerCase() === 'one' ? 'oneOf' : 'anyOf';
      body.composition = { kind, names: (composition[2] as string).split(',').map((s) => s.trim()) };
      cursor = at + composition[0].length;
    } else {
      break;
    }
  }
  while (body.samples.length < maxSamples) {
    const at = skipSpace(text, cursor);
    if (text[at] !== '{' && text[at] !== '[') break;
    const sample = readSample(index, { start: at, limit }, file, diagnostics);
    if (!sample) break;
    body.samples.push(sample);
    cursor = sample.end;
  }
  return cursor;
}

/**
 * Where the operation's text ends: at the code samples, and past the curl command; whatever comes
 * after (a sidebar of other operations) is not read. Without code samples, at the sidebar.
 */
function findContentEnd(text: string, from: number, sidebar: number | undefined): { curl?: CurlCommand; contentEnd: number } {
  const limit = sidebar ?? text.length;
  CODE_SAMPLES.lastIndex = from;
  const codeMatch = CODE_SAMPLES.exec(text);
  const code = codeMatch && codeMatch.index < limit ? codeMatch : undefined;
  CURL.lastIndex = code ? code.index : from;
  const curlMatch = CURL.exec(text);
  // Under a `Code Samples` label the curl is trusted even where its `-X GET` looks like a sidebar.
  const curl = curlMatch && (code || curlMatch.index < limit) ? readCurl(text, curlMatch.index) : undefined;
  return { ...(curl ? { curl } : {}), contentEnd: code?.index ?? curlMatch?.index ?? limit };
}

/** The first run of method words close together after `from`: a sidebar listing other operations. */
function sidebarStart(text: string, from: number): number | undefined {
  const methods = findAll(text, SIDEBAR_METHOD, from, text.length);
  for (let i = 0; i + SIDEBAR_RUN - 1 < methods.length; i++) {
    let run = true;
    for (let j = i + 1; j < i + SIDEBAR_RUN && run; j++) {
      run = (methods[j] as Found).start - (methods[j - 1] as Found).end <= SIDEBAR_GAP;
    }
    if (run) return lineStartOrGroup(text, from, (methods[i] as Found).start);
  }
  return undefined;
}

/** The sidebar's group heading sits just before its first method word, on its own line when lines survive. */
function lineStartOrGroup(text: string, from: number, methodStart: number): number {
  const lineStart = text.lastIndexOf('\n', methodStart - 1);
  if (lineStart < from) return methodStart;
  const previousLine = text.lastIndexOf('\n', lineStart - 1);
  const heading = text.slice(previousLine + 1, lineStart).trim();
  // A short line without sentence punctuation is the group's heading, not the last description's end.
  return heading && heading.length <= 60 && !/[.:;]$/.test(heading) && previousLine >= from ? previousLine + 1 : lineStart + 1;
}

function readParameters(text: string, from: number, to: number): ParameterModel[] {
  if (to <= from) return [];
  const labels = findAll(text, PARAMETER_LABEL, from, to);
  const sections: { in?: ParameterLocation; start: number; end: number }[] = [];
  sections.push({ start: from, end: labels[0]?.start ?? to });
  labels.forEach((label, i) => {
    const location = (label.match[1] as string).toLowerCase() as ParameterLocation;
    sections.push({ in: location, start: label.end, end: labels[i + 1]?.start ?? to });
  });
  return sections.flatMap((section) =>
    readPropertyBlocks(text, section.start, section.end).map((block): ParameterModel => (section.in ? { ...block, in: section.in } : block)),
  );
}

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * How many leading words restate the title in sentence case (`Create Service Instance` -> `Create a
 * service instance`): the portal prints the operation's summary there, which the title already is.
 * Only a whole restatement counts, one the next sentence follows with a capital; a flattened page
 * shows no other end to it.
 */
function restatedTitle(title: string[], words: string[]): number {
  const norm = (w: string) => w.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = title.map(norm).filter((w) => !ARTICLES.has(w));
  let i = 0;
  let j = 0;
  while (i < wanted.length && j < words.length) {
    const word = norm(words[j] as string);
    j++;
    if (ARTICLES.has(word)) continue;
    if (word !== wanted[i]) return 0;
    i++;
  }
  if (i < wanted.length) return 0;
  const next = words[j];
  return next === undefined || /^[A-Z]/.test(next) ? j : 0;
}

/**
 * The title is printed twice (breadcrumb, then heading), which also finds it on a flattened page;
 * failing that, the first line. The prose after it is the description, up to the `Request`/`URI`
 * labels above the method.
 */
function readHead(text: string, end: number): { title?: Located; description?: string } {
  const words = [...text.slice(0, end).matchAll(/\S+/g)].map((m) => ({ text: m[0], offset: m.index }));
  while (words.length > 0 && /^(Request|URI)$/.test(words[words.length - 1]?.text ?? '')) words.pop();
  if (words.length === 0) return {};
  let titleWords = 0;
  let skip = 0;
  for (let k = Math.min(20, Math.floor(words.length / 2)); k >= 1; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = words[i]?.text === words[k + i]?.text;
    if (same) {
      titleWords = k;
      skip = 2 * k;
      break;
    }
  }
  if (titleWords === 0) {
    const firstLineEnd = text.indexOf('\n', words[0]?.offset ?? 0);
    if (firstLineEnd !== -1 && firstLineEnd < end) {
      titleWords = words.filter((w) => w.offset < firstLineEnd).length;
      skip = titleWords;
    }
  }
  if (titleWords > 0) skip += restatedTitle(words.slice(0, titleWords).map((w) => w.text), words.slice(skip).map((w) => w.text));
  const result: { title?: Located; description?: string } = {};
  if (titleWords > 0) {
    result.title = { text: words.slice(0, titleWords).map((w) => w.text).join(' '), offset: words[0]?.offset ?? 0 };
  }
  const description = words.slice(skip).map((w) => w.text).join(' ');
  if (description) result.description = description;
  return result;
}
