import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageCount, pageLabel, paginate } from '../../src/core/pagination.ts';
import { listingPagePath as pagePath } from '../../src/core/routes.ts';

describe('pagination', () => {
  describe.each([
    { count: 0, size: 10, pages: 1 },
    { count: 1, size: 10, pages: 1 },
    { count: 10, size: 10, pages: 1 },
    { count: 11, size: 10, pages: 2 },
    { count: 1000, size: 10, pages: 100 },
    { count: 7, size: 1, pages: 7 },
  ])('$count posts at $size a page', ({ count, size, pages }) => {
    it(`make ${pages} page(s)`, () => {
      expect(pageCount(count, size)).toBe(pages);
      expect(
        paginate(
          Array.from({ length: count }, (_, i) => i),
          size,
          '',
        ),
      ).toHaveLength(pages);
    });
  });

  it.each([
    ['', 1, ''],
    ['', 2, 'page/2/'],
    ['tags/kde/', 1, 'tags/kde/'],
    ['tags/kde/', 7, 'tags/kde/page/7/'],
  ])('page %j #%i lives at %j', (first, n, path) => {
    expect(pagePath(first, n)).toBe(path);
  });

  it('links each page to its neighbours and labels it "page n of total"', () => {
    const pages = paginate(['a', 'b', 'c', 'd', 'e'], 2, 'tags/x/');
    expect(pages.map((p) => [p.items, p.prev, p.next, pageLabel(p)])).toEqual([
      [['a', 'b'], undefined, 'tags/x/page/2/', 'Page 1 of 3'],
      [['c', 'd'], 'tags/x/', 'tags/x/page/3/', 'Page 2 of 3'],
      [['e'], 'tags/x/page/2/', undefined, 'Page 3 of 3'],
    ]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses %d posts per page, naming the setting', (size) => {
    expect(() => paginate([1], size, '')).toThrow(/postsPerPage must be a whole number/);
  });

  it('property: the pages hold every item once, in order, none over the size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (items, size) => {
          const pages = paginate(items, size, '');
          expect(pages.flatMap((p) => p.items)).toEqual(items);
          for (const p of pages) {
            expect(p.items.length).toBeLessThanOrEqual(size);
            expect(p.total).toBe(pages.length);
          }
          // Following "next" from the first page visits every page.
          const seen = new Set<string>();
          for (let p = pages[0]; p; p = pages.find((q) => q.path === p?.next)) seen.add(p.path);
          expect(seen.size).toBe(pages.length);
        },
      ),
    );
  });
});
