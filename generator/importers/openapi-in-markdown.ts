// `openapi-in-markdown`: a Markdown page whose body holds an OpenAPI document in one or more fenced
// JSON or YAML blocks, under a `# Title` and an `## METHOD /path` heading (site navigation text may
// surround it). The title becomes the operation's summary, prose under the headings its description.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Code, Heading, RootContent } from 'mdast';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { HTTP_METHODS, isHttpMethod, isObject, type JsonObject, type OpenApiDocument } from '../openapi-types.js';
import { parseStructured } from '../structured-text.js';
import type { Importer, Page } from './importer.js';
import { documentKind, fragmentFromDocument } from './openapi-document.js';

const OPERATION_HEADING = new RegExp(`^(${HTTP_METHODS.join('|')})\\s+(/\\S*)\\s*$`, 'i');
const STRUCTURED_LANGS = new Set(['json', 'yaml', 'yml', 'jsonc', '']);

export const openapiInMarkdownImporter: Importer = {
  name: 'openapi-in-markdown',
  description: 'a Markdown page with an `## METHOD /path` heading and an OpenAPI document in fenced JSON/YAML blocks',
  detect(page) {
    const fenced = /^\s{0,3}(```|~~~)\s*(json|ya?ml)?\s*$/im.test(page.text);
    if (!fenced) return 0;
    const embedsOpenapi = /["']?(openapi|swagger)["']?\s*:\s*["']?\d/.test(page.text);
    if (!embedsOpenapi) return 0;
    const heading = new RegExp(`^#{1,6}\\s+(${HTTP_METHODS.join('|')})\\s+/`, 'im').test(page.text);
    return heading ? 0.95 : 0.7;
  },
  importPage,
};

interface OperationHeading {
  method: string;
  path: string;
  line: number;
  column: number;
}

async function importPage(page: Page) {
  const diagnostics: Diagnostic[] = [];
  const tree = fromMarkdown(page.text);
  let title: string | undefined;
  let heading: OperationHeading | undefined;
  const prose: string[] = [];
  const documents: OpenApiDocument[] = [];
  let seenDocument = false;

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = toString(node).trim();
      const match = OPERATION_HEADING.exec(text);
      if (match?.[1] && match[2] && !heading) {
        heading = { method: match[1].toLowerCase(), path: match[2], ...start(node) };
      } else if (node.depth === 1 && title === undefined && !seenDocument) {
        title = text;
        prose.length = 0; // anything before the title is site navigation
      }
      continue;
    }
    if (node.type === 'code' && STRUCTURED_LANGS.has((node.lang ?? '').toLowerCase())) {
      const document = await readCodeBlock(node, page, diagnostics);
      if (document) {
        documents.push(document);
        seenDocument = true;
      }
      continue;
    }
    if (node.type === 'paragraph' && title !== undefined && !seenDocument) {
      // OpenAPI descriptions are CommonMark: keep the paragraph's own Markdown, not its plain text.
      const text = page.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).trim();
      if (text) prose.push(text);
    }
  }

  if (documents.length === 0) {
    if (!diagnostics.some((d) => d.severity === 'error')) {
      diagnostics.push(
        error('expected a fenced ```json or ```yaml block holding an OpenAPI document', { file: page.path, line: 1, column: 1 }),
      );
    }
    return { diagnostics };
  }
  const fragment = mergeDocuments(documents, page, diagnostics);
  describeOperation(fragment, { title, description: prose.join('\n\n'), heading }, page, diagnostics);
  return { fragment, diagnostics };
}

function start(node: RootContent): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

async function readCodeBlock(node: Code, page: Page, diagnostics: Diagnostic[]): Promise<OpenApiDocument | undefined> {
  const fence = start(node);
  const startLine = fence.line + 1;
  const parsed = parseStructured(node.value, { file: page.path, startLine, startColumn: fence.column });
  const looksLikeOpenapi = /["']?(openapi|swagger)["']?\s*:/.test(node.value);
  if (!parsed.result) {
    // A broken block that was meant to be the document is an error; a broken example is not ours.
    if (looksLikeOpenapi) diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  if (!documentKind(parsed.result.value)) {
    if (looksLikeOpenapi) {
      const { diagnostics: found } = await fragmentFromDocument(parsed.result, page.path);
      diagnostics.push(...found);
    }
    return undefined;
  }
  const { fragment, diagnostics: found } = await fragmentFromDocument(parsed.result, page.path);
  diagnostics.push(...found);
  return fragment;
}

/** Blocks of one page describe one API: later blocks add paths and components to the first. */
function mergeDocuments(documents: OpenApiDocument[], page: Page, diagnostics: Diagnostic[]): OpenApiDocument {
  const [first, ...rest] = documents as [OpenApiDocument, ...OpenApiDocument[]];
  const merged = structuredClone(first);
  for (const doc of rest) {
    for (const section of ['paths', 'webhooks'] as const) {
      mergeMap(merged, doc, [section], page, diagnostics);
    }
    if (isObject(doc.components)) {
      for (const kind of Object.keys(doc.components)) mergeMap(merged, doc, ['components', kind], page, diagnostics);
    }
  }
  return merged;
}

function mergeMap(target: JsonObject, source: JsonObject, at: string[], page: Page, diagnostics: Diagnostic[]): void {
  let from: unknown = source;
  for (const key of at) from = isObject(from) ? from[key] : undefined;
  if (!isObject(from)) return;
  let into: JsonObject = target;
  for (const key of at) {
    const next = into[key];
    into = isObject(next) ? next : (into[key] = {});
  }
  for (const [key, value] of Object.entries(from)) {
    if (key in into && JSON.stringify(into[key]) !== JSON.stringify(value)) {
      diagnostics.push(
        warning(`two blocks on this page define ${at.join('.')}.${key} differently; the first one is kept`, {
          file: page.path,
          line: 1,
        }),
      );
      continue;
    }
    into[key] = value;
  }
}

interface PageText {
  title: string | undefined;
  description: string;
  heading: OperationHeading | undefined;
}

/** Gives the page's title and prose to the operation its heading names. */
function describeOperation(fragment: OpenApiDocument, text: PageText, page: Page, diagnostics: Diagnostic[]): void {
  const operations: { path: string; method: string; operation: JsonObject }[] = [];
  if (isObject(fragment.paths)) {
    for (const [path, item] of Object.entries(fragment.paths)) {
      if (!isObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (isHttpMethod(method) && isObject(operation)) operations.push({ path, method, operation });
      }
    }
  }
  let target = operations.length === 1 ? operations[0] : undefined;
  if (text.heading) {
    const { method, path, line, column } = text.heading;
    const named = operations.find((o) => o.method === method && o.path === path);
    if (named) {
      target = named;
    } else {
      const found = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ') || 'no operation';
      diagnostics.push(
        warning(`the heading names ${method.toUpperCase()} ${path} but the embedded document has ${found}`, {
          file: page.path,
          line,
          column,
        }),
      );
    }
  }
  if (!target) return;
  if (text.title && typeof target.operation.summary !== 'string') target.operation.summary = text.title;
  if (text.description && typeof target.operation.description !== 'string') target.operation.description = text.description;
}
