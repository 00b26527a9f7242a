// The loose shape of OpenAPI documents as the pipeline passes them around. Fragments and specs are
// plain JSON objects: stages read them defensively rather than trusting a type.

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** An OpenAPI 3.0/3.1 document (or fragment of one). */
export type OpenApiDocument = JsonObject;

/** Where an operation or component came from: `page:line:column`, relative to the API folder. */
export const SOURCE_EXTENSION = 'x-specmill-source';
/** Every page a merged component was seen on. */
export const SOURCES_EXTENSION = 'x-specmill-sources';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
/** A parameter's `in`: the part of the request that carries it. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}

/**
 * On a schema: the keywords (`maxLength`, `pattern`, `enum`, ...) that an importer read from the
 * prose of a description rather than from a structured field.
 */
export const FROM_PROSE_EXTENSION = 'x-specmill-from-prose';
/**
 * On anything an importer or the normalizer put in the spec without the page saying it, listed by
 * name where the object holds several (`method` on an operation, `status` on a response, `in` on a
 * parameter, `media-type` on a media type object, `type` on a schema): the assumption is marked,
 * never silent.
 */
export const INFERRED_EXTENSION = 'x-specmill-inferred';
/** On a schema that stands for a `$ref` whose target the page lost (a document cut off before it). */
export const UNRESOLVED_EXTENSION = 'x-specmill-unresolved';
/** On a response: the documented error codes (e.g. Bump.sh's `(code: \`extensions.no_user_id\`)`). */
export const ERROR_CODES_EXTENSION = 'x-error-codes';
/**
 * On an operation: how its list pages (see templates/runtime/pagination.ts for the fields). The
 * normalizer writes it where the docs show paging plainly; users declare it elsewhere (overlays).
 */
export const PAGINATION_EXTENSION = 'x-pagination';
