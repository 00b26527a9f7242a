// Declares `x-pagination` on list operations whose pages the docs show plainly, so clients get
// page iterators without guessing at run time:
// - offset: the response holds an array and an object with integer `offset` and `limit` (and
//   maybe `total`), as SoftwareOne's `$meta.pagination` does;
// - cursor: a query parameter named like a cursor and a response property naming the next one;
// - page: `page` and a page-size query parameter beside an array of items.
// Operations that already declare it are left alone.
import { HTTP_METHODS, isObject, PAGINATION_EXTENSION, type JsonObject, type OpenApiDocument } from '../core/openapi-types.js';
import { followReferences, joinPointer } from '../spec/references.js';

type Schema = JsonObject;

function resolve(doc: OpenApiDocument, value: unknown, depth = 0): Schema | undefined {
  const target = followReferences(doc, value);
  if (!isObject(target) || depth > 20) return undefined;
  // `anyOf: [X, null]` is how the upgrade writes a nullable reference.
  if (Array.isArray(target.anyOf)) {
    const branches = target.anyOf.filter((b) => !(isObject(b) && b.type === 'null'));
    if (branches.length === 1) return resolve(doc, branches[0], depth + 1);
  }
  return target;
}

function properties(doc: OpenApiDocument, schema: Schema | undefined): [string, Schema][] {
  if (!schema || !isObject(schema.properties)) return [];
  return Object.entries(schema.properties).flatMap(([name, s]) => {
    const resolved = resolve(doc, s);
    return resolved ? [[name, resolved] as [string, Schema]] : [];
  });
}

function hasType(schema: Schema, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

function isInteger(schema: Schema | undefined): boolean {
  return !!schema && (hasType(schema, 'integer') || hasType(schema, 'number'));
}

/** The one top-level array property of a page, as a pointer. */
function itemsPointer(doc: OpenApiDocument, page: Schema): string | undefined {
  const arrays = properties(doc, page).filter(([, s]) => hasType(s, 'array'));
  return arrays.length === 1 ? joinPointer(arrays[0]![0]) : undefined;
}

/** Finds an object with integer `offset` and `limit` within three levels of the page. */
function findOffsetBlock(doc: OpenApiDocument, schema: Schema, path: string[], depth: number): { path: string[]; fields: Map<string, Schema> } | undefined {
  const fields = new Map(properties(doc, schema));
  if (isInteger(fields.get('offset')) && isInteger(fields.get('limit'))) return { path, fields };
  if (depth >= 3) return undefined;
  for (const [name, child] of fields) {
    if (!hasType(child, 'object') && !isObject(child.properties)) continue;
    const found = findOffsetBlock(doc, child, [...path, name], depth + 1);
    if (found) return found;
  }
  return undefined;
}

const CURSOR_PARAMS = ['cursor', 'after', 'starting_after', 'page_token', 'pageToken', 'next_token', 'continuation_token'];
const NEXT_CURSOR_FIELDS = ['next_cursor', 'nextCursor', 'next_page_token', 'nextPageToken', 'next_token', 'continuation_token'];
const PAGE_SIZE_PARAMS = ['per_page', 'page_size', 'pageSize', 'size', 'limit'];

/** The query parameters an operation takes: its own and its path's, references followed. */
function queryParams(doc: OpenApiDocument, item: JsonObject, operation: JsonObject): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = followReferences(doc, raw);
      if (isObject(p) && p.in === 'query' && typeof p.name === 'string') out.set(p.name, p);
    }
  }
  return out;
}

function inferFor(doc: OpenApiDocument, item: JsonObject, operation: JsonObject): JsonObject | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const ok = resolve(doc, responses['200']);
  const content = ok && isObject(ok.content) ? ok.content : {};
  const media = Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
  const page = resolve(doc, isObject(media) ? media.schema : undefined);
  if (!page) return undefined;
  const items = itemsPointer(doc, page);
  if (!items) return undefined;
  const query = queryParams(doc, item, operation);

  const cursorParam = CURSOR_PARAMS.find((n) => query.has(n));
  const nextCursor = properties(doc, page).find(([n]) => NEXT_CURSOR_FIELDS.includes(n))?.[0];
  if (cursorParam && nextCursor) {
    const hasMore = properties(doc, page).find(([n, s]) => (n === 'has_more' || n === 'hasMore') && hasType(s, 'boolean'))?.[0];
    return { style: 'cursor', items, cursorParam, nextCursor: joinPointer(nextCursor), ...(hasMore ? { hasMore: joinPointer(hasMore) } : {}) };
  }

  const block = findOffsetBlock(doc, page, [], 0);
  if (block) {
    const total = block.fields.has('total') ? joinPointer(...block.path, 'total') : undefined;
    // The response names its offset and limit; requests page with the same names.
    for (const name of ['offset', 'limit']) {
      if (query.has(name)) continue;
      operation.parameters = [
        ...(Array.isArray(operation.parameters) ? operation.parameters : []),
        {
          name,
          in: 'query',
          description: `Read from the response's pagination metadata (\`${[...block.path, name].join('.')}\`): the docs show paging but list no query parameters.`,
          schema: { type: 'integer', minimum: name === 'offset' ? 0 : 1 },
          'x-specmill-inferred': true,
        },
      ];
    }
    return { style: 'offset', items, offsetParam: 'offset', limitParam: 'limit', ...(total ? { total } : {}) };
  }

  if (query.has('page')) {
    const sizeParam = PAGE_SIZE_PARAMS.find((n) => query.has(n));
    const totalPages = properties(doc, page).find(([n, s]) => (n === 'total_pages' || n === 'totalPages') && isInteger(s))?.[0];
    return { style: 'page', items, pageParam: 'page', ...(sizeParam ? { sizeParam } : {}), ...(totalPages ? { totalPages: joinPointer(totalPages) } : {}) };
  }
  return undefined;
}

export function inferPagination(doc: OpenApiDocument): void {
  if (!isObject(doc.paths)) return;
  for (const item of Object.values(doc.paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (method !== 'get' || !isObject(operation) || operation[PAGINATION_EXTENSION] !== undefined) continue;
      const pagination = inferFor(doc, item, operation);
      if (pagination) operation[PAGINATION_EXTENSION] = pagination;
    }
  }
}
