// A block that holds part of an OpenAPI document without its `openapi` line: a `paths:` snippet,
// the `components` a page shows in a block of their own, or a bare map of paths (`/pets/{id}:`).
// It is completed into a document of the version the page's other blocks give (else 3.1), so that
// it is read, repaired and merged as any other block.
import { HTTP_METHODS, isObject, type JsonObject } from '../../core/openapi-types.js';
import type { StructuredText } from '../../parse/structured-text.js';

const ROOT_KEYS = new Set(['info', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs', 'jsonSchemaDialect']);
const COMPONENT_KINDS = new Set(['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems']);

/** Text that may hold such a block, for format detection. */
export const PARTIAL_DOCUMENT_TEXT = new RegExp(
  `^(?:paths:[ \\t]*\\r?\\n[ \\t]+['"]?/|/\\S*:[ \\t]*\\r?\\n[ \\t]+(?:${HTTP_METHODS.join('|')}):)|"paths"\\s*:\\s*\\{\\s*"/`,
  'm',
);

export type PartialShape = 'document-part' | 'paths';

/** A path item: an object with at least one operation. */
function isPathItem(value: unknown): boolean {
  return isObject(value) && HTTP_METHODS.some((method) => isObject(value[method]));
}

/** The kind of part a parsed block is, or undefined when it is something else (an example). */
export function partialDocumentShape(value: unknown): PartialShape | undefined {
  if (!isObject(value) || 'openapi' in value || 'swagger' in value) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined;
  if (keys.every((k) => k.startsWith('/')) && Object.values(value).some(isPathItem)) return 'paths';
  if (!keys.every((k) => ROOT_KEYS.has(k))) return undefined;
  const { paths, webhooks, components } = value;
  if (paths !== undefined && !(isObject(paths) && Object.keys(paths).every((k) => k.startsWith('/')) && Object.values(paths).some(isPathItem))) return undefined;
  if (webhooks !== undefined && !(isObject(webhooks) && Object.values(webhooks).some(isPathItem))) return undefined;
  if (components !== undefined && !(isObject(components) && Object.keys(components).length > 0 && Object.keys(components).every((k) => COMPONENT_KINDS.has(k) || k.startsWith('x-')))) return undefined;
  return paths !== undefined || webhooks !== undefined || components !== undefined ? 'document-part' : undefined;
}

/** The part as a whole document of `version`, every pointer located where the block has it. */
export function completeDocument(parsed: StructuredText, shape: PartialShape, version: string): StructuredText {
  const value = parsed.value as JsonObject;
  const body: JsonObject = shape === 'paths' ? { paths: value } : value;
  const document: JsonObject = { openapi: version, ...(isObject(body.info) ? {} : { info: { title: '', version: '' } }), ...body };
  if (shape === 'document-part') return { value: document, locate: parsed.locate };
  const locate = (pointer: string) => {
    const inner = pointer === '/paths' ? '' : pointer.startsWith('/paths/') ? pointer.slice('/paths'.length) : pointer;
    return { ...parsed.locate(inner), ...(pointer ? { pointer } : {}) };
  };
  return { value: document, locate };
}
