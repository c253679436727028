/**
 * The card rasteriser and PNG encoder, judged by independent peers: resvg draws the same SVG, and
 * sharp (libvips, libspng) decodes the PNG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import satori from 'satori';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/build/og/png.ts';
import { CARD_SIZE, cardTree } from '../../src/core/og/card.ts';
import { flattenPath, type IndexedImage, rasteriseSvg } from '../../src/core/og/raster.ts';
import { toRgb } from '../support/rgb.ts';

const require = createRequire(import.meta.url);
const inter = (subset: string, weight: 400 | 700) => ({
  name: subset === 'latin' ? 'Inter' : `inter-${subset}`,
  weight,
  style: 'normal' as const,
  data: readFileSync(
    require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`),
  ),
});
const FONTS = [
  inter('latin', 400),
  inter('latin', 700),
  inter('latin-ext', 400),
  inter('latin-ext', 700),
];

const cardSvg = (title: string) =>
  satori(
    cardTree({
      title,
      date: new Date('2021-06-06T00:00:00Z'),
      siteName: 'nicolas17’s notes',
    }) as never,
    { ...CARD_SIZE, fonts: FONTS },
  );

/** How far two RGB(A) pixel arrays are apart: mean difference per channel, and the worst pixels. */
function difference(ours: Uint8Array, theirs: Uint8Array, theirChannels: number) {
  let sum = 0;
  let far = 0;
  const pixels = ours.length / 3;
  for (let p = 0; p < pixels; p++) {
    let worst = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs((ours[p * 3 + c] ?? 0) - (theirs[p * theirChannels + c] ?? 0));
      sum += d;
      worst = Math.max(worst, d);
    }
    if (worst > 64) far++;
  }
  return { mean: sum / ours.length, farShare: far / pixels };
}

const svg = (body: string, w = 40, h = 20) =>
  `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

/** Total ink of a black-on-white image, in pixels: the area the shapes cover. */
const inked = (image: IndexedImage) =>
  image.indices.reduce((n, i) => n + (255 - ((image.palette[i] ?? 0) & 0xff)) / 255, 0);

describe('rasteriseSvg draws what resvg draws', () => {
  it.each([
    ['a short title', 'Short'],
    ['a two-line title with quotes and a dash', 'Decrypting iOS TLS traffic — “quotes”, & more'],
    ['accented Latin from the latin-ext subset', 'Łódź, Ærøskøbing and Đakovo: ŞŢ ő ű'],
    ['the longest title, cut with an ellipsis', 'word '.repeat(40)],
  ])('%s', async (_, title) => {
    const card = await cardSvg(title);
    const ours = rasteriseSvg(card);
    const theirs = new Resvg(card, { font: { loadSystemFonts: false } }).render();
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
    const { mean, farShare } = difference(toRgb(ours), theirs.pixels, 4);
    // Only anti-aliased edges may differ, and only slightly.
    expect(mean).toBeLessThan(0.5);
    expect(farShare).toBeLessThan(0.001);
  });
});

describe('rasteriseSvg', () => {
  it('fills a shape by area: a triangle covers half its box, whatever its size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 2, max: 16 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (w, h, x) => {
          const image = rasteriseSvg(
            svg(`<path fill="#000" d="M${x} 2 L${x + w} 2 L${x} ${2 + h} Z"/>`),
          );
          expect(Math.abs(inked(image) - (w * h) / 2)).toBeLessThan(0.02 * w * h + 0.5);
        },
      ),
    );
  });

  it('fills by the non-zero rule: the same outline twice is one shape, a reversed inner one a hole', () => {
    const square = 'M4 4 L14 4 L14 14 L4 14 Z';
    expect(inked(rasteriseSvg(svg(`<path fill="#000" d="${square} ${square}"/>`)))).toBeCloseTo(
      100,
      0,
    );
    const hole = 'M7 7 L7 11 L11 11 L11 7 Z';
    expect(inked(rasteriseSvg(svg(`<path fill="#000" d="${square} ${hole}"/>`)))).toBeCloseTo(
      84,
      0,
    );
  });

  it('reads relative and absolute commands alike', () => {
    const abs = rasteriseSvg(svg('<path fill="#000" d="M2 2 H12 V12 Q7 18 2 12 C2 8 2 6 2 2 Z"/>'));
    const rel = rasteriseSvg(
      svg('<path fill="#000" d="m2 2 h10 v10 q-5 6 -10 0 c0 -4 0 -6 0 -10 z"/>'),
    );
    expect(toRgb(rel)).toEqual(toRgb(abs));
  });

  it('paints in document order and leaves masks and clip paths undrawn', () => {
    const image = rasteriseSvg(
      svg(
        '<mask id="m"><rect x="0" y="0" width="40" height="20" fill="#fff"/></mask>' +
          '<rect x="0" y="0" width="20" height="20" fill="#0b57d0"/><rect x="10" y="0" width="30" height="20" fill="#f00"/>',
      ),
    );
    const at = (x: number) => image.palette[image.indices[x] ?? 0];
    expect([at(0), at(15), at(39)]).toEqual([0x0b57d0, 0xff0000, 0xff0000]);
  });

  it('draws any number of colours: past 256, a colour takes the nearest in the palette', () => {
    // 300 distinct inks: reds 0 to 255, then 44 more with a touch of green.
    const ink = (i: number): [number, number, number] => [i % 256, i < 256 ? 0 : 12, 0];
    const hex = (i: number) =>
      `#${ink(i)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')}`;
    const rects = Array.from(
      { length: 300 },
      (_, i) => `<rect x="${i}" y="0" width="1" height="1" fill="${hex(i)}"/>`,
    );
    const image = rasteriseSvg(svg(rects.join(''), 300, 1));
    expect(image.palette.length).toBe(256);
    const rgb = toRgb(image);
    for (let i = 0; i < 300; i++) {
      const drawn = [...rgb.subarray(i * 3, i * 3 + 3)];
      const distance = Math.hypot(...drawn.map((c, k) => c - (ink(i)[k] ?? 0)));
      expect(distance, `pixel ${i}`).toBeLessThanOrEqual(12);
    }
  });

  it.each([
    ['<circle cx="5" cy="5" r="3"/>', '<circle> is not supported'],
    ['<path fill="#000" stroke="#000" d="M0 0 L5 5"/>', 'stroke="#000"> is not supported'],
    [
      '<g clip-path="url(#c)"><rect x="0" y="0" width="4" height="4" fill="#000"/></g>',
      'clip-path',
    ],
    ['<rect x="0" y="0" width="4" height="4" fill="url(#gradient)"/>', 'fill "url(#gradient)"'],
    ['<path fill="#000" d="M0 0 A2 2 0 0 1 4 4"/>', 'path command "A"'],
    ['<path fill="#000" d="M0 0 L5"/>', 'where a number belongs'],
  ])('refuses what it cannot draw: %s', (body, message) => {
    expect(() => rasteriseSvg(svg(body))).toThrow(message);
  });

  it('refuses a viewBox that would scale the drawing', () => {
    expect(() =>
      rasteriseSvg(
        '<svg width="10" height="10" viewBox="0 0 20 20"><rect x="0" y="0" width="4" height="4" fill="#000"/></svg>',
      ),
    ).toThrow('viewBox "0 0 20 20" must be "0 0 10 10"');
  });

  it('flattens curves into lines that stay close to the curve', () => {
    const lines: number[] = [];
    flattenPath('M0 0 Q50 100 100 0', lines);
    // Every vertex lies on the curve y = 2x(1 − x/100) of this quadratic (x runs 0 to 100 evenly).
    for (let k = 2; k < lines.length; k += 4) {
      const [x, y] = [lines[k] ?? 0, lines[k + 1] ?? 0];
      expect(y).toBeCloseTo(2 * x * (1 - x / 100), 6);
    }
    expect(lines.length / 4).toBeGreaterThan(4);
  });
});

describe('encodePng', () => {
  it('writes a palette PNG that libvips decodes to the same pixels', async () => {
    const image = rasteriseSvg(await cardSvg('The mystery of load average spikes'));
    const png = encodePng(image);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([
      CARD_SIZE.width,
      CARD_SIZE.height,
      3,
    ]);
    expect(Buffer.from(toRgb(image)).equals(data)).toBe(true);
    // Colour type 3 (indexed): one byte a pixel, so a card stays small.
    expect(png[25]).toBe(3);
    expect(png.length).toBeLessThan(40_000);
  });

  it('refuses an image whose size does not match its pixels', () => {
    expect(() =>
      encodePng({ width: 2, height: 2, palette: [0], indices: new Uint8Array(3) }),
    ).toThrow('3 indices is not 2×2 pixels');
  });
});
