// Shared by the importers whose pages hold a real OpenAPI document (plain files and documents
// fenced in Markdown): check the version, convert Swagger 2.0, stamp every operation and schema
// with the line it came from.
import swagger2openapi from 'swagger2openapi';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { HTTP_METHODS, isObject, SOURCE_EXTENSION, type OpenApiDocument } from '../openapi-types.js';
import { checkReferences } from '../guard/check-references.js';
import { joinPointer } from '../spec/references.js';
import type { StructuredText } from '../structured-text.js';
import { sourceRef } from './importer.js';

/** Reads the version of a parsed document, or says what was expected. */
export function documentKind(value: unknown): 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0' | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.openapi === 'string') {
    if (/^3\.0\.\d+/.test(value.openapi)) return 'openapi-3.0';
    if (/^3\.1\.\d+/.test(value.openapi)) return 'openapi-3.1';
  }
  if (value.swagger === '2.0') return 'swagger-2.0';
  return undefined;
}

/**
 * Turns a parsed document into an OpenAPI 3.x fragment stamped with sources, or explains why not.
 * `page` is the page path recorded in `x-specmill-source`.
 */
export async function fragmentFromDocument(
  parsed: StructuredText,
  page: string,
): Promise<{ fragment?: OpenApiDocument; diagnostics: Diagnostic[] }> {
  const kind = documentKind(parsed.value);
  const root = parsed.locate('');
  if (!kind) {
    const value = parsed.value;
    const version = isObject(value) ? (value.openapi ?? value.swagger) : undefined;
    const message =
      version === undefined
        ? 'expected an OpenAPI 3.0/3.1 or Swagger 2.0 document (an object with an `openapi` or `swagger` field)'
        : `unsupported version ${JSON.stringify(version)}: expected OpenAPI 3.0.x, 3.1.x or Swagger 2.0`;
    return { diagnostics: [error(message, root)] };
  }
  // Refs are checked on the page itself, so that a refused one is reported at its line, and before
  // swagger2openapi or any later tool could follow one.
  const refProblems = checkReferences(parsed.value, page, { locate: parsed.locate, dangling: false });
  if (refProblems.length > 0) return { diagnostics: refProblems };
  // Locations are read from the document as written, so stamp before any conversion.
  const stamped = structuredClone(parsed.value) as OpenApiDocument;
  stampSources(stamped, page, kind === 'swagger-2.0' ? 'definitions' : 'components', parsed.locate);
  if (kind !== 'swagger-2.0') return { fragment: stamped, diagnostics: [] };
  try {
    const converted = await swagger2openapi.convertObj(stamped, {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: true,
    });
    return { fragment: converted as OpenApiDocument, diagnostics: [] };
  } catch (e) {
    return { diagnostics: [error(`cannot convert Swagger 2.0: ${(e as Error).message}`, root)] };
  }
}

function stampSources(
  doc: OpenApiDocument,
  page: string,
  schemasAt: 'components' | 'definitions',
  locate: (pointer: string) => SourceLocation,
): void {
  const stamp = (target: Record<string, unknown>, pointer: string) => {
    const at = locate(pointer);
    target[SOURCE_EXTENSION] = sourceRef(page, at.line ?? 1, at.column);
  };
  if (isObject(doc.paths)) {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) stamp(operation, joinPointer('paths', path, method));
      }
    }
  }
  const schemas = schemasAt === 'components' ? (isObject(doc.components) ? doc.components.schemas : undefined) : doc.definitions;
  if (isObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) {
      if (isObject(schema)) stamp(schema, schemasAt === 'components' ? joinPointer('components', 'schemas', name) : joinPointer('definitions', name));
    }
  }
}
