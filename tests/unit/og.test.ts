import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardFont, cachedCard, cardKey, renderCard } from '../../src/build/og/render.ts';
import {
  CARD_SIZE,
  cardTree,
  fitTitle,
  MAX_TITLE_CHARS,
  titleSize,
  validateCard,
} from '../../src/core/og/card.ts';
import { blogPosting, jsonForScript } from '../../src/core/og/meta.ts';
import { ogImagePath } from '../../src/core/routes.ts';

const require = createRequire(import.meta.url);
function font(file: string): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(`@fontsource/inter/files/${file}`)));
}
const FONTS: CardFont[] = [
  { weight: 400, data: font('inter-latin-400-normal.woff') },
  { weight: 700, data: font('inter-latin-700-normal.woff') },
];
const CARD = {
  title: 'The mystery of load average spikes',
  date: new Date('2021-06-06T00:00:00Z'),
  siteName: 'nicolas17’s notes',
};

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Uint8Array): [number, number] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('card layout', () => {
  it.each([
    [{ ...CARD, title: ' ' }, 'title must not be empty'],
    [{ ...CARD, siteName: '' }, 'siteName must not be empty'],
    [{ ...CARD, date: new Date('not a date') }, 'date must be a valid Date'],
  ])('rejects a bad card, naming the field: %s', (card, message) => {
    expect(validateCard(card)).toContain(message);
    expect(() => cardTree(card)).toThrow(message);
  });

  it('shows the site name, the title and the date', () => {
    const text = JSON.stringify(cardTree(CARD));
    expect(text).toContain('nicolas17’s notes');
    expect(text).toContain('The mystery of load average spikes');
    expect(text).toContain('6 June 2021');
  });

  it.each([
    ['Short', 80],
    ['Decrypting iOS TLS traffic with a longer title', 68],
    ['x '.repeat(40), 56],
    ['x '.repeat(55), 48],
  ])('title %j is drawn at %dpx', (title, size) => {
    expect(titleSize(title)).toBe(size);
  });

  it('fits any title: whitespace collapsed, long ones cut with an ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), (title) => {
        const fitted = fitTitle(title);
        expect(fitted.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
        expect(fitted).not.toMatch(/\s{2}|^\s|\s$/);
        if (title.replace(/\s+/g, ' ').trim().length > MAX_TITLE_CHARS)
          expect(fitted).toMatch(/…$/);
      }),
    );
  });
});

describe('renderCard', () => {
  it('makes a 1200×630 PNG, the same bytes every time', async () => {
    const a = await renderCard(CARD, FONTS);
    const b = await renderCard(CARD, FONTS);
    expect(pngSize(a)).toEqual([CARD_SIZE.width, CARD_SIZE.height]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await renderCard({ ...CARD, title: 'Another title' }, FONTS);
    expect(Buffer.from(other).equals(Buffer.from(a))).toBe(false);
  });

  it('needs a font', async () => {
    await expect(renderCard(CARD, [])).rejects.toThrow('at least one font');
  });
});

describe('cachedCard', () => {
  it('renders once per content hash, then reads the cached file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    const first = await cachedCard(CARD, FONTS, join(dir, 'og'));
    expect(first.cached).toBe(false);
    const second = await cachedCard(CARD, FONTS, join(dir, 'og'));
    expect(second.cached).toBe(true);
    expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(true);
    expect(readdirSync(join(dir, 'og'))).toEqual([`${cardKey(CARD, FONTS)}.png`]);
    const changed = await cachedCard({ ...CARD, title: 'Changed' }, FONTS, join(dir, 'og'));
    expect(changed.cached).toBe(false);
    expect(readdirSync(join(dir, 'og'))).toHaveLength(2);
  });

  it('keys on every input: title, date, site name and font bytes', () => {
    const key = cardKey(CARD, FONTS);
    expect(cardKey({ ...CARD }, FONTS)).toBe(key);
    expect(cardKey({ ...CARD, title: 'x' }, FONTS)).not.toBe(key);
    expect(cardKey({ ...CARD, date: new Date('2021-06-07') }, FONTS)).not.toBe(key);
    expect(cardKey({ ...CARD, siteName: 'x' }, FONTS)).not.toBe(key);
    expect(cardKey(CARD, FONTS.slice(0, 1))).not.toBe(key);
  });
});

describe('head metadata', () => {
  it('names the card after the post', () => {
    expect(ogImagePath('load-average-spikes')).toBe('og/load-average-spikes.png');
  });

  it('describes a post as a schema.org BlogPosting', () => {
    const ld = blogPosting({
      title: 'T',
      description: 'D',
      url: 'https://blog.example.org/posts/t/',
      image: 'https://blog.example.org/og/t.png',
      published: new Date('2021-06-06T00:00:00Z'),
      tags: ['kde', 'sysadmin'],
      author: { name: 'Nicolás Alvarez', url: 'https://blog.example.org/about/' },
      lang: 'en',
    });
    expect(ld).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'T',
      datePublished: '2021-06-06T00:00:00.000Z',
      dateModified: '2021-06-06T00:00:00.000Z',
      keywords: 'kde, sysadmin',
      author: { '@type': 'Person', name: 'Nicolás Alvarez' },
    });
  });

  it('escapes JSON so no title can end the <script> element', () => {
    const text = jsonForScript({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028' });
  });
});
