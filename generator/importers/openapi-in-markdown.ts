// `openapi-in-markdown`: a page whose body holds an OpenAPI document in one or more code blocks of
// JSON or YAML, however its site renders it: GitBook (`# Title`, `## METHOD /path` or a summary
// heading, a one-line JSON block), Mintlify (YAML in a four-backtick fence, `get /path` in its info
// string), ReadMe and Fern exports flattened onto one line, docusaurus-plugin-openapi-docs MDX. A
// block the page cut off keeps every complete operation. The title becomes the summary and the
// prose before the document, Markdown kept, the description, unless the document has its own.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import { HTTP_METHODS, isHttpMethod, isObject, type JsonObject, type OpenApiDocument } from '../core/openapi-types.js';
import type { Importer, Page } from './importer.js';
import { findCodeBlocks, htmlText, type CodeBlock } from './openapi-in-markdown/embedded-blocks.js';
import { isDocusaurusMdx, readDocusaurusMdx } from './openapi-in-markdown/docusaurus-mdx.js';
import { readFrontMatter, type FrontMatter } from './openapi-in-markdown/front-matter.js';
import { completeDocument, partialDocumentShape, PARTIAL_DOCUMENT_TEXT, type PartialShape } from './openapi-in-markdown/partial-document.js';
import { isMintlifyEndpoint, MINTLIFY_ENDPOINT_TEXT, rebuildMintlifyEndpoint } from './openapi-in-markdown/mintlify-endpoint.js';
import { documentKind, fragmentFromDocument, readDocumentText, type DocumentCut } from './openapi-document.js';

const METHODS = HTTP_METHODS.join('|');
/** `GET /path` or `GET https://host/path`, alone in a heading. */
const OPERATION_HEADING = new RegExp(`^(${METHODS})\\s+((?:https?://[^\\s/]+)?/\\S*)\\s*$`, 'i');
/** `get /path` in a fence's info string (Mintlify: `<spec url> get /path`, or `POST /path`). */
const OPERATION_META = new RegExp(`(?:^|\\s)(${METHODS})\\s+(/\\S*)\\s*$`, 'i');
/** `PATCH https://host/path` or `PATCH /path` in the page's text (Fern), upper case only. */
const OPERATION_LINE = new RegExp(`(?:^|\\s)(${METHODS.toUpperCase()})\\s+((?:https?://[^\\s/]+)?/[^\\s\`'"<>]*)`, 'g');
/** A first-level heading that only says where a saved copy came from (`# Source: https://...`). */
const PROVENANCE = /^(?:(?:source|url|origin)\s*:\s*)?https?:\/\/\S+$/i;
const STRUCTURED_LANGS = new Set(['json', 'yaml', 'yml', 'jsonc', 'json5', '']);
const LOOKS_LIKE_OPENAPI = /["']?(openapi|swagger)["']?\s*:/;

export const openapiInMarkdownImporter: Importer = {
  name: 'openapi-in-markdown',
  description: 'a page that embeds an OpenAPI document in fenced JSON/YAML blocks (GitBook, Mintlify, ReadMe, Fern, Docusaurus MDX)',
  detect(page) {
    if (isDocusaurusMdx(page.text)) return /<StatusCodes\b|<ParamsDetails\b|<RequestSchema\b/.test(page.text) ? 0.95 : 0.7;
    const pre = /<pre\b/i.test(page.text);
    if (!pre && !/`{3,}|~{3,}/.test(page.text)) return 0;
    // In `<pre>` blocks, highlighting tags sit between a key and its value.
    const text = pre ? page.text.replace(/<[^<>]*>/g, '') : page.text;
    const embedsOpenapi = /(?:["']|&quot;|&#0*34;)?(openapi|swagger)(?:["']|&quot;|&#0*34;)?\s*:\s*(?:["']|&quot;|&#0*34;|&#0*39;)?\d/.test(text) || MINTLIFY_ENDPOINT_TEXT.test(text);
    const embedsPart = !embedsOpenapi && PARTIAL_DOCUMENT_TEXT.test(text);
    if (!embedsOpenapi && !embedsPart) return 0;
    const named = new RegExp(`^#{1,6}\\s+(${METHODS})\\s+\\S*/`, 'im').test(page.text) || new RegExp(`^(\`{3,}|~{3,}).*\\s(${METHODS})\\s+/`, 'im').test(page.text);
    // A `paths:` snippet alone is weaker evidence than a whole document.
    if (embedsPart) return named ? 0.9 : 0.6;
    return named ? 0.95 : 0.8;
  },
  importPage,
};

interface NamedOperation {
  method: string;
  /** The path as the page names it, maybe with its host (`https://api.x.com/v2/things`). */
  path: string;
  line: number;
  column: number;
}

interface ReadFragment {
  fragment: OpenApiDocument;
  cut?: DocumentCut;
}

async function importPage(page: Page) {
  const diagnostics: Diagnostic[] = [];
  const front = readFrontMatter(page.text);
  const tree = fromMarkdown(front.body);
  const blocks = findCodeBlocks(tree, page.text);
  const documents: ReadFragment[] = [];
  const documentBlocks = new Set<CodeBlock>();

  const parts: { block: CodeBlock; part: PartRead }[] = [];
  for (const block of blocks) {
    const read = await readBlock(block, page, diagnostics);
    if (!read) continue;
    if ('shape' in read) parts.push({ block, part: read });
    else documents.push(read);
    documentBlocks.add(block);
  }
  // Parts without a version of their own are of the version the page's document says.
  const version = documents.map((d) => d.fragment.openapi).find((v): v is string => typeof v === 'string') ?? '3.1.0';
  for (const { block, part } of parts) {
    if (documents.length === 0) {
      diagnostics.push(warning(`this block holds part of an OpenAPI document without its \`openapi\` version: it is read as OpenAPI ${version}`, { file: page.path, line: block.line, column: block.column }));
    }
    const complete = completeDocument(part.read.parsed!, part.shape, version);
    const { fragment, diagnostics: found } = await fragmentFromDocument(complete, page.path, part.read.cut ? { cut: part.read.cut } : {});
    const restored = part.read.cut?.restored;
    diagnostics.push(...part.read.diagnostics.filter((d) => !restored || d.location?.pointer !== restored), ...found);
    if (fragment) documents.push({ fragment, ...(part.read.cut ? { cut: part.read.cut } : {}) });
  }
  if (documents.length === 0 && isDocusaurusMdx(page.text)) {
    const mdx = readDocusaurusMdx(page.text, page.path);
    diagnostics.push(...mdx.diagnostics);
    if (mdx.parsed) {
      const { fragment, diagnostics: found } = await fragmentFromDocument(mdx.parsed, page.path, mdx.cut ? { cut: mdx.cut } : {});
      diagnostics.push(...found);
      if (fragment) documents.push({ fragment, ...(mdx.cut ? { cut: mdx.cut } : {}) });
    }
  }

  if (documents.length === 0) {
    if (!diagnostics.some((d) => d.severity === 'error')) {
      diagnostics.push(error('expected a fenced ```json or ```yaml block holding an OpenAPI document', { file: page.path, line: 1, column: 1 }));
    }
    return { diagnostics };
  }
  const fragment = mergeDocuments(
    documents.map((d) => d.fragment),
    page,
    diagnostics,
  );
  const operations = listOperations(fragment);
  const cut = documents.find((d) => d.cut)?.cut;
  if (operations.length === 0 && cut) {
    diagnostics.push(error('the embedded OpenAPI document is cut off before any operation is complete', cut.end));
    return { diagnostics };
  }
  const text = readPageText(tree.children, page, blocks, documentBlocks, front);
  const named = text.heading ?? nameFromBlocks(blocks, documentBlocks) ?? nameFromText(page.text, blocks);
  describeOperation(operations, fragment, { ...text, named }, page, diagnostics);
  return { fragment, diagnostics };
}

/** A block that holds part of a document without its version, read but not yet completed. */
interface PartRead {
  shape: PartialShape;
  read: ReturnType<typeof readDocumentText>;
}

/**
 * Reads a code block that holds an OpenAPI document, or part of one; undefined for any other
 * block (an example).
 */
async function readBlock(block: CodeBlock, page: Page, diagnostics: Diagnostic[]): Promise<ReadFragment | PartRead | undefined> {
  const looksLikeOpenapi = LOOKS_LIKE_OPENAPI.test(block.text);
  if (!STRUCTURED_LANGS.has(block.lang) && !looksLikeOpenapi) return undefined;
  const read = readDocumentText(block, page.path);
  if (!read.parsed) {
    // A broken block that was meant to be the document is an error; a broken example is not ours.
    if (looksLikeOpenapi) diagnostics.push(...read.diagnostics);
    return undefined;
  }
  if (isMintlifyEndpoint(read.parsed.value)) return readMintlifyBlock(read, page, diagnostics);
  const shape = partialDocumentShape(read.parsed.value);
  if (shape) return { shape, read };
  if (!documentKind(read.parsed.value) && !looksLikeOpenapi) return undefined;
  const { fragment, diagnostics: found } = await fragmentFromDocument(read.parsed, page.path, read.cut ? { cut: read.cut } : {});
  const restored = read.cut?.restored;
  diagnostics.push(...read.diagnostics.filter((d) => !restored || d.location?.pointer !== restored), ...found);
  return fragment ? { fragment, ...(read.cut ? { cut: read.cut } : {}) } : undefined;
}

/** A block of Mintlify's resolved endpoint: the document it came from, rebuilt, then read as any other. */
async function readMintlifyBlock(read: ReturnType<typeof readDocumentText>, page: Page, diagnostics: Diagnostic[]): Promise<ReadFragment | undefined> {
  const rebuilt = rebuildMintlifyEndpoint(read.parsed!, read.cut);
  diagnostics.push(...rebuilt.diagnostics);
  if (!rebuilt.parsed) {
    diagnostics.push(...read.diagnostics);
    return undefined;
  }
  const { fragment, diagnostics: found } = await fragmentFromDocument(rebuilt.parsed, page.path, rebuilt.cut ? { cut: rebuilt.cut } : {});
  // The repair kept the member the reader reported lost: that report no longer holds.
  const restored = rebuilt.cut?.restored === undefined ? undefined : rebuilt.sourcePointer(rebuilt.cut.restored);
  diagnostics.push(...read.diagnostics.filter((d) => restored === undefined || d.location?.pointer !== restored), ...found);
  return fragment ? { fragment, ...(rebuilt.cut ? { cut: rebuilt.cut } : {}) } : undefined;
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
  /** Prose blocks between the title and the first document, each under its heading's text. */
  prose: { text: string; heading: boolean; section: string | undefined }[];
  heading: NamedOperation | undefined;
}

function start(node: RootContent): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function source(page: Page, node: RootContent): string {
  return page.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/**
 * The page's title, its `METHOD /path` heading, and the prose between the title and the first
 * document as Markdown (lists, inline code, links, sub-headings and examples kept). What comes
 * before the title is site navigation; a line that also holds a flattened block is not prose.
 */
function readPageText(nodes: readonly RootContent[], page: Page, blocks: readonly CodeBlock[], documents: ReadonlySet<CodeBlock>, front: FrontMatter): PageText {
  let title: string | undefined;
  let heading: NamedOperation | undefined;
  const prose: PageText['prose'] = [];
  let section: string | undefined;
  const firstDocument = Math.min(...[...documents].map((b) => b.from));
  const holdsBlock = (node: RootContent) => blocks.some((b) => b.inline && b.from >= (node.position?.start.offset ?? 0) && b.from < (node.position?.end.offset ?? 0));
  const isTitle = (node: RootContent) => node.type === 'heading' && node.depth === 1 && !PROVENANCE.test(toString(node).trim());
  // A page titled only in its front matter has no navigation before its prose.
  if (front.title && !nodes.some((node) => isTitle(node) && (node.position?.start.offset ?? 0) < firstDocument)) title = front.title;
  for (const node of nodes) {
    if ((node.position?.start.offset ?? 0) >= firstDocument) break;
    if (holdsBlock(node)) continue;
    if (node.type === 'heading') {
      const text = toString(node).trim();
      const match = OPERATION_HEADING.exec(text);
      if (match?.[1] && match[2] && !heading) {
        heading = { method: match[1].toLowerCase(), path: match[2], ...start(node) };
      } else if (node.depth === 1 && PROVENANCE.test(text)) {
        continue; // `# Source: https://...`: where the copy came from, not the page's title
      } else if (node.depth === 1 && title === undefined) {
        title = text;
        section = undefined;
        prose.length = 0; // anything before the title is site navigation
      } else if (title !== undefined) {
        section = text;
        prose.push({ text: source(page, node).trim(), heading: true, section });
      }
      continue;
    }
    if (title === undefined) continue;
    if (node.type === 'paragraph' || node.type === 'list' || node.type === 'code' || node.type === 'table' || node.type === 'html') {
      // OpenAPI descriptions are CommonMark: keep the block's own Markdown, not its plain text.
      const text = source(page, node).trim();
      if (text) prose.push({ text, heading: false, section });
    } else if (node.type === 'blockquote') {
      const text = source(page, node)
        .split('\n')
        .map((line) => line.replace(/^\s{0,3}> ?/, ''))
        .join('\n')
        .trim();
      if (text) prose.push({ text, heading: false, section });
    }
  }
  // A heading with nothing under it before the document (`## OpenAPI`) only introduces it.
  while (prose.at(-1)?.heading) prose.pop();
  // Front matter speaks for a page without a title of its own, or before its prose.
  if (front.description && !prose.some((p) => p.text === front.description)) prose.unshift({ text: front.description, heading: false, section: undefined });
  if (title === undefined) {
    const html = readHtmlText(page.text.slice(0, firstDocument));
    return { title: html.title, prose: [...prose, ...html.prose], heading };
  }
  return { title, prose, heading };
}

/** A page saved as HTML: its `<h1>` is the title, the paragraphs after it up to the document the prose. */
function readHtmlText(html: string): Pick<PageText, 'title' | 'prose'> {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html);
  if (!h1) return { title: undefined, prose: [] };
  const title = htmlText(h1[1]!) || undefined;
  const after = html.slice(h1.index + h1[0].length);
  const prose = [...after.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi)].flatMap((p) => {
    const text = htmlText(p[1]!);
    return text ? [{ text, heading: false, section: undefined }] : [];
  });
  return { title, prose };
}

/**
 * The page's prose as the operation's description: under a heading that repeats the operation's
 * summary only that section (GitBook heads a page with its tag, then the summary), else all of it.
 */
function describe(prose: PageText['prose'], summary: unknown): string {
  const own = typeof summary === 'string' ? prose.filter((p) => !p.heading && p.section?.toLowerCase() === summary.trim().toLowerCase()) : [];
  const chosen = own.length > 0 && own.length < prose.length ? own : prose;
  return chosen.map((p) => p.text).join('\n\n');
}

/** The operation a fence's info string names (Mintlify: ````yaml <spec url> get /path). */
function nameFromBlocks(blocks: readonly CodeBlock[], documents: ReadonlySet<CodeBlock>): NamedOperation | undefined {
  for (const block of blocks) {
    if (!documents.has(block)) continue;
    const match = OPERATION_META.exec(block.meta);
    if (match?.[1] && match[2]) return { method: match[1].toLowerCase(), path: match[2], line: block.line - 1, column: block.column };
  }
  return undefined;
}

/** A `METHOD /path` or `METHOD https://host/path` in the page's text, outside its blocks (Fern). */
function nameFromText(text: string, blocks: readonly CodeBlock[]): NamedOperation | undefined {
  OPERATION_LINE.lastIndex = 0;
  for (let match = OPERATION_LINE.exec(text); match; match = OPERATION_LINE.exec(text)) {
    const at = match.index + match[0].indexOf(match[1]!);
    if (blocks.some((b) => at >= b.from && at < b.to)) continue;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { method: match[1]!.toLowerCase(), path: match[2]!, line, column: at - before.lastIndexOf('\n') };
  }
  return undefined;
}

interface Operation {
  path: string;
  method: string;
  operation: JsonObject;
  servers: string[];
}

function listOperations(fragment: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const urls = (node: unknown) => (isObject(node) && Array.isArray(node.servers) ? node.servers.flatMap((s) => (isObject(s) && typeof s.url === 'string' ? [s.url] : [])) : []);
  for (const section of [fragment.paths, fragment.webhooks]) {
    if (!isObject(section)) continue;
    for (const [path, item] of Object.entries(section)) {
      if (!isObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (isHttpMethod(method) && isObject(operation)) operations.push({ path, method, operation, servers: [...urls(operation), ...urls(item), ...urls(fragment)] });
      }
    }
  }
  return operations;
}

/** The path part of a server URL (`https://h/v2/` -> `/v2`). */
function basePath(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** The page names this operation: same method, and the same path alone or under one of its servers. */
function isNamed(named: NamedOperation, operation: Operation): boolean {
  if (named.method !== operation.method) return false;
  const path = named.path.replace(/^https?:\/\/[^/]+/i, '');
  if (path === operation.path) return true;
  return operation.servers.some((server) => basePath(server) + operation.path === path);
}

/** Gives the page's title and prose to the operation the page names. */
function describeOperation(operations: Operation[], fragment: OpenApiDocument, text: PageText & { named: NamedOperation | undefined }, page: Page, diagnostics: Diagnostic[]): void {
  let target = operations.length === 1 ? operations[0] : undefined;
  if (text.named) {
    const { method, path, line, column } = text.named;
    const named = operations.find((o) => isNamed(text.named!, o));
    if (named) {
      target = named;
    } else {
      const found = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ') || 'no operation';
      diagnostics.push(
        warning(`the ${text.heading ? 'heading' : 'page'} names ${method.toUpperCase()} ${path} but the embedded document has ${found}`, {
          file: page.path,
          line,
          column,
        }),
      );
    }
  }
  if (!target || !fragment) return;
  if (text.title && typeof target.operation.summary !== 'string') target.operation.summary = text.title;
  const description = describe(text.prose, target.operation.summary);
  if (description && typeof target.operation.description !== 'string') target.operation.description = description;
}
