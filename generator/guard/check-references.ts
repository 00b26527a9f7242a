// The last check before third-party tools (openapi-typescript, redocly) see a spec: every `$ref`
// must point inside the document, at something that exists. Those tools would otherwise read
// local files (`/etc/...`) or make HTTP requests for external refs, and crash on dangling ones.
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { isObject, type JsonValue, type OpenApiDocument } from '../openapi-types.js';
import { pointerSegment } from '../structured-text.js';

/** The value at a JSON pointer (`/components/schemas/X`, segments URI- and `~`-escaped), if any. */
export function resolvePointer(doc: OpenApiDocument, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

const DATA_KEYS = new Set(['example', 'value', 'const', 'enum', 'default']);

/**
 * Reports every non-local `$ref` and, unless `dangling` is false (a fragment whose targets may be
 * on another block of the page), every local one that points at nothing.
 */
export function checkReferences(
  doc: OpenApiDocument,
  file: string,
  options: { locate?: (pointer: string) => SourceLocation; dangling?: boolean } = {},
): Diagnostic[] {
  const { locate, dangling = true } = options;
  const diagnostics: Diagnostic[] = [];
  const where = (pointer: string): SourceLocation => (locate ? locate(pointer) : { file, pointer });
  const stack: [JsonValue, string][] = [[doc, '']];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, `${at}/${i}`]));
      continue;
    }
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (value === undefined) continue;
      const here = `${at}/${pointerSegment(key)}`;
      // Inside examples, `const`, `enum`, `default` and extensions, `$ref` is data, not a reference.
      if (DATA_KEYS.has(key) || key.startsWith('x-') || (key === 'examples' && Array.isArray(value))) continue;
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#')) {
          diagnostics.push(error(`refused $ref "${value}": only references inside the document (#/...) are followed`, where(here)));
        } else if (dangling && resolvePointer(doc, value.slice(1)) === undefined) {
          diagnostics.push(error(`$ref "${value}" points at nothing in the document`, where(here)));
        }
        continue;
      }
      if (typeof value === 'object' && value !== null) stack.push([value, here]);
    }
  }
  return diagnostics;
}
