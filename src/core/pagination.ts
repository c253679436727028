import { listingPagePath } from './routes.ts';
/** One page of a paginated listing: its posts, where it lives and where its neighbours live. */
export interface ListingPage<T> {
  /** 1-based page number. */
  readonly number: number;
  /** How many pages the listing has (at least 1, even when it is empty). */
  readonly total: number;
  /** The items on this page, in listing order. */
  readonly items: readonly T[];
  /** Site-relative path of this page ("" or "tags/kde/" for page 1, then ".../page/2/"). */
  readonly path: string;
  /** Path of the page before (newer posts), if any. */
  readonly prev?: string | undefined;
  /** Path of the page after (older posts), if any. */
  readonly next?: string | undefined;
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`postsPerPage must be a whole number of at least 1 (it is ${size})`);
  }
}

/** How many pages `count` items fill at `size` per page; an empty listing still has its first page. */
export function pageCount(count: number, size: number): number {
  checkSize(size);
  return Math.max(1, Math.ceil(count / size));
}

/** Splits a listing into pages of `size` items, each knowing its path and its neighbours'. */
export function paginate<T>(items: readonly T[], size: number, first: string): ListingPage<T>[] {
  const total = pageCount(items.length, size);
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number,
      total,
      items: items.slice(i * size, number * size),
      path: listingPagePath(first, number),
      prev: number > 1 ? listingPagePath(first, number - 1) : undefined,
      next: number < total ? listingPagePath(first, number + 1) : undefined,
    };
  });
}

/** The visible position of a page, "Page 2 of 7". */
export function pageLabel(page: Pick<ListingPage<unknown>, 'number' | 'total'>): string {
  return `Page ${page.number} of ${page.total}`;
}
