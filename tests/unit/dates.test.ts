import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTime, parsePostDate } from '../../src/core/dates.ts';
import { renderSitemap } from '../../src/core/sitemap.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('parsePostDate', () => {
  it.each([
    ['2021-06-06', '2021-06-06T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['1990-01-01', '1990-01-01T00:00:00.000Z'],
    ['2021-06-06T14:30+02:00', '2021-06-06T12:30:00.000Z'],
    ['2021-06-06 23:59:59.999-00:30', '2021-06-07T00:29:59.999Z'],
  ])('%j is %s', (text, iso) => {
    const r = parsePostDate(text, 2027);
    expect('date' in r && r.date.toISOString()).toBe(iso);
  });

  it.each([
    ['2021-13-45', 'has no month 13'],
    ['2021-00-10', 'has no month 00'],
    ['2021-02-30', 'is not a day of the calendar'],
    ['2021-04-31', 'is not a day of the calendar'],
    ['2021-06-00', 'is not a day of the calendar'],
    ['1', 'is not in the form YYYY-MM-DD'],
    ['10000-01-01', 'is not in the form YYYY-MM-DD'],
    ['2021-6-6', 'is not in the form YYYY-MM-DD'],
    ['1989-12-31', 'is outside the years 1990 to 2027'],
    ['2028-01-01', 'is outside the years 1990 to 2027'],
    ['2021-06-06T12:00', 'is not in the form YYYY-MM-DD'],
    ['2021-06-06T12:60Z', 'has no such time of day'],
  ])('refuses %j: %s', (text, error) => {
    expect(parsePostDate(text, 2027)).toEqual({ error: expect.stringContaining(error) });
  });

  it('gives back the very day written, for every day of every accepted year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          const r = parsePostDate(day, 2027);
          expect('date' in r && r.date.toISOString().slice(0, 10)).toBe(day);
        },
      ),
    );
  });
});

describe('dateTime, the one machine-readable date form', () => {
  it('writes RFC 3339 in UTC for any date a post can have', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
        (d) => {
          expect(dateTime(d)).toMatch(RFC3339);
          expect(new Date(dateTime(d)).getTime()).toBe(d.getTime());
        },
      ),
    );
  });

  it.each([new Date('+010000-01-01T00:00:00Z'), new Date(-62198755200001), new Date(Number.NaN)])(
    'refuses %s, which no four-digit year can write',
    (d) => {
      expect(() => dateTime(d)).toThrow(
        'a date the site writes must lie in the years 0000 to 9999',
      );
    },
  );
});

describe('renderSitemap', () => {
  it('writes lastmod in the one date form', () => {
    const xml = renderSitemap([
      { loc: 'https://x.org/', lastmod: new Date('2024-03-01T04:30:00Z') },
      { loc: 'https://x.org/about/' },
    ]);
    expect(xml).toContain(
      '<url><loc>https://x.org/</loc><lastmod>2024-03-01T04:30:00.000Z</lastmod></url>',
    );
    expect(xml).toContain('<url><loc>https://x.org/about/</loc></url>');
  });

  it('never writes a lastmod that is not a W3C date (issue 16: "+010000-01")', () => {
    expect(() =>
      renderSitemap([{ loc: 'https://x.org/', lastmod: new Date('+010000-01-01T00:00:00Z') }]),
    ).toThrow('0000 to 9999');
  });
});
