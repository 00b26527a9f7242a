// What a generated method returns: a promise of the body that can also give the whole response
// (ApiPromise), and for lists that page, one that walks every page (PagedPromise).
import { PageWalk } from './pagination.js';

export type DocumentedHeaders = Record<string, string | undefined>;

export interface ApiResponse<TData, THeaders = DocumentedHeaders> {
  data: TData;
  status: number;
  /** The response headers the spec documents, by the names it gives them. */
  headers: THeaders;
  /** The response itself (its body already read), for anything the spec does not document. */
  response: Response;
}

/**
 * A promise of the response body that can also give the whole response:
 * `await client.op(...)` is the data, `await client.op(...).withResponse()` adds status and headers.
 * The request starts at once, whichever of the two the caller awaits.
 */
export class ApiPromise<TData, THeaders = DocumentedHeaders> implements PromiseLike<TData> {
  readonly #response: Promise<ApiResponse<TData, THeaders>>;
  // Made on first use, so that awaiting only withResponse() leaves no unhandled rejection behind.
  #data: Promise<TData> | undefined;

  constructor(response: Promise<ApiResponse<TData, THeaders>>) {
    this.#response = response;
  }

  #body(): Promise<TData> {
    return (this.#data ??= this.#response.then(dataOf));
  }

  then<TResult1 = TData, TResult2 = never>(
    onfulfilled?: ((value: TData) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#body().then(onfulfilled, onrejected);
  }

  catch<TResult = never>(onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null): Promise<TData | TResult> {
    return this.#body().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TData> {
    return this.#body().finally(onfinally);
  }

  withResponse(): Promise<ApiResponse<TData, THeaders>> {
    return this.#response;
  }
}

function dataOf<TData>(response: ApiResponse<TData, unknown>): TData {
  return response.data;
}

/** How a PagedPromise gets the page after `previous` (undefined after the last), within one walk. */
export type FollowingPage<TPage, THeaders> = (previous: ApiResponse<TPage, THeaders>, walk: PageWalk) => Promise<ApiResponse<TPage, THeaders>> | undefined;

// Declared by merging rather than as a `[Symbol.asyncIterator]()` member: TypeScript's isolated
// declaration emit writes such a member twice.
export interface PagedPromise<TPage, TItem, THeaders = DocumentedHeaders> extends AsyncIterable<TItem> {}

/**
 * The first page of a list operation that pages: `await` it for that page, `for await` over it
 * (or over `.items()`) for every item of every page, over `.pages()` for the pages themselves.
 * A walk stops after `maxPages` pages, and with a PaginationError when the list would never end.
 */
export class PagedPromise<TPage, TItem, THeaders = DocumentedHeaders> extends ApiPromise<TPage, THeaders> {
  readonly #following: FollowingPage<TPage, THeaders>;
  readonly #items: (page: TPage) => TItem[];
  readonly #maxPages: number;

  constructor(first: Promise<ApiResponse<TPage, THeaders>>, following: FollowingPage<TPage, THeaders>, items: (page: TPage) => TItem[], maxPages: number = Infinity) {
    super(first);
    this.#following = following;
    this.#items = items;
    this.#maxPages = maxPages;
  }

  async *pages(): AsyncGenerator<TPage, void, undefined> {
    const walk = new PageWalk();
    let current: Promise<ApiResponse<TPage, THeaders>> | undefined = this.withResponse();
    while (current) {
      const response: ApiResponse<TPage, THeaders> = await current;
      walk.pages++;
      yield response.data;
      if (walk.pages >= this.#maxPages) return;
      current = this.#following(response, walk);
    }
  }

  async *items(): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* this.#items(page);
  }
}

Object.defineProperty(PagedPromise.prototype, Symbol.asyncIterator, {
  value(this: PagedPromise<unknown, unknown>) {
    return this.items();
  },
  writable: true,
  configurable: true,
});
