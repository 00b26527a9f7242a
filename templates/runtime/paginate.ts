// A paged list as one walk: each page fetched by the client's send, the next one worked out from the
// last (offset, page number, cursor or next link, kept under the base URL), loops refused.
import { PagedPromise, type ApiResponse } from './api-promise.js';
import type { CallOptions, OperationSpec, RequestParts } from './contracts.js';
import { linkUnderBase, nextPage, pageItems, type PageWalk } from './pagination.js';
import { redactUrl } from './redact.js';
import { RequestError } from './errors.js';
import type { Send } from './send.js';

export function paginate<TPage, TItem, THeaders>(send: Send, baseUrl: string, maxPages: number | undefined, operation: OperationSpec, parts: RequestParts, callOptions: CallOptions = {}): PagedPromise<TPage, TItem, THeaders> {
  const spec = operation.pagination;
  if (!spec) throw new RequestError(`${operation.operationId} declares no pagination`);
  const fetchPage = (query: Record<string, unknown>, path?: string) => send<TPage, THeaders>(operation, parts, callOptions, path === undefined ? { query } : { path, query });
  const firstQuery = { ...(parts.query as Record<string, unknown> | undefined) };
  const following = (previous: ApiResponse<TPage, THeaders>, walk: PageWalk) => {
    // The query that fetched `previous`, to work out the next one.
    const query = walk.query ?? firstQuery;
    if (spec.style === 'offset' || spec.style === 'page') walk.compareItems(pageItems(spec, previous.data), `the "${spec.style === 'offset' ? spec.offsetParam : spec.pageParam}" parameter`);
    const next = nextPage(spec, query, previous.data, previous.response.headers);
    if (!next) return undefined;
    if ('url' in next) {
      if (walk.pages === 1 && previous.response.url) walk.visit(previous.response.url, 'the first page');
      const link = linkUnderBase(next.url, baseUrl);
      walk.visit(link.href, `the next-page link ${redactUrl(link.href)}`);
      walk.query = link.query;
      return fetchPage(link.query, link.path);
    }
    if (spec.style === 'cursor') {
      if (walk.pages === 1 && query[spec.cursorParam] !== undefined) walk.visit(JSON.stringify(query[spec.cursorParam]), 'the cursor');
      walk.visit(JSON.stringify(next.query[spec.cursorParam]), `the cursor ("${spec.cursorParam}")`);
    }
    walk.query = next.query;
    return fetchPage(next.query);
  };
  const first = fetchPage(firstQuery);
  return new PagedPromise<TPage, TItem, THeaders>(first, following, (page) => pageItems(spec, page) as TItem[], callOptions.maxPages ?? maxPages);
}
