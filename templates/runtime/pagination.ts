// Walks the pages of a list operation as its spec declares (`x-pagination`): offset/limit,
// page numbers, cursors or next links. Nothing is guessed at run time: an operation without a
// declaration has no iterator. A walk that would never end (a next link or cursor that comes
// back, a page that repeats the one before) stops with a PaginationError.
import { PaginationError, RequestError } from './errors.js';
import { redactUrl } from './redact.js';

export type PaginationSpec =
  | { style: 'offset'; items: string; offsetParam: string; limitParam?: string; total?: string }
  | { style: 'page'; items: string; pageParam: string; sizeParam?: string; totalPages?: string; firstPage?: number }
  | { style: 'cursor'; items: string; cursorParam: string; nextCursor: string; hasMore?: string }
  | { style: 'next-link'; items: string; nextLink?: string };

/** Reads a JSON pointer (`/a/b/0`) out of a value. */
export function readPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function pageItems(spec: PaginationSpec, page: unknown): unknown[] {
  const items = readPointer(page, spec.items);
  return Array.isArray(items) ? items : [];
}

/** The `rel="next"` target of a Link header. */
export function nextFromLinkHeader(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (match?.[1] && /(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

export type NextPage = { query: Record<string, unknown> } | { url: string } | undefined;

/** What to ask for after `page`, given the query that fetched it; undefined when it was the last. */
export function nextPage(spec: PaginationSpec, query: Record<string, unknown>, page: unknown, headers: Headers): NextPage {
  const items = pageItems(spec, page);
  switch (spec.style) {
    case 'offset': {
      if (items.length === 0) return undefined;
      const offset = Number(query[spec.offsetParam] ?? 0) + items.length;
      const total = spec.total ? readPointer(page, spec.total) : undefined;
      if (typeof total === 'number' && offset >= total) return undefined;
      const limit = spec.limitParam ? Number(query[spec.limitParam]) : Number.NaN;
      if (Number.isFinite(limit) && items.length < limit) return undefined;
      return { query: { ...query, [spec.offsetParam]: offset } };
    }
    case 'page': {
      if (items.length === 0) return undefined;
      const current = Number(query[spec.pageParam] ?? spec.firstPage ?? 1);
      const totalPages = spec.totalPages ? readPointer(page, spec.totalPages) : undefined;
      if (typeof totalPages === 'number' && current >= totalPages) return undefined;
      return { query: { ...query, [spec.pageParam]: current + 1 } };
    }
    case 'cursor': {
      const cursor = readPointer(page, spec.nextCursor);
      const hasMore = spec.hasMore ? readPointer(page, spec.hasMore) : undefined;
      if (hasMore === false || cursor === undefined || cursor === null || cursor === '') return undefined;
      return { query: { ...query, [spec.cursorParam]: cursor } };
    }
    case 'next-link': {
      const link = spec.nextLink ? readPointer(page, spec.nextLink) : nextFromLinkHeader(headers.get('link'));
      return typeof link === 'string' && link !== '' ? { url: link } : undefined;
    }
  }
}

/** What one walk over a list's pages has seen, so that a list that never ends is stopped. */
export class PageWalk {
  /** Pages fetched so far. */
  pages = 0;
  /** The query of the page last asked for (undefined: the first page's). */
  query: Record<string, unknown> | undefined;
  readonly #seen = new Set<string>();
  #items: string | undefined;

  /** Throws when `key` (a page's URL or a cursor) came up before in this walk. */
  visit(key: string, what: string): void {
    if (this.#seen.has(key)) {
      throw new PaginationError(`${what} came back after ${this.pages} page(s): the list would never end, so the walk stops`, { pages: this.pages });
    }
    this.#seen.add(key);
  }

  /**
   * Throws when a page holds exactly the items of the page before: the server ignored the offset
   * or page number, and every further page would be the same.
   */
  compareItems(items: readonly unknown[], what: string): void {
    if (items.length === 0) return;
    const text = JSON.stringify(items);
    if (text === this.#items) {
      throw new PaginationError(`page ${this.pages} repeats the items of page ${this.pages - 1}: the server ignores ${what}, so the walk stops`, { pages: this.pages });
    }
    this.#items = text;
  }
}

/** Splits a next link into a path under the base URL and its query; refuses other origins. */
export function linkUnderBase(link: string, baseUrl: string): { href: string; path: string; query: Record<string, unknown> } {
  const base = new URL(`${baseUrl}/`);
  let url: URL;
  try {
    url = new URL(link, base);
  } catch {
    throw new RequestError(`the next-page link ${redactUrl(link)} is not a URL: not followed`);
  }
  const basePath = base.pathname.replace(/\/$/, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
    throw new RequestError(`the next-page link ${url.origin}${url.pathname} is not under ${redactUrl(baseUrl)}: not followed`);
  }
  const query: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { href: url.href, path: url.pathname.slice(basePath.length), query };
}
