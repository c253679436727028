import { join } from 'node:path';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { cardFamilies, fontFile, fontList } from '../../src/build/og/font-files.ts';
import type { CardFont } from '../../src/build/og/render.ts';
import { CARD_FONT, cardTree, drawnTitle, fitTitle } from '../../src/core/og/card.ts';
import { parseUnicodeRange, planFonts } from '../../src/core/og/fonts.ts';
import { rasteriseSvg } from '../../src/core/og/raster.ts';
import { codePointLabel } from '../../src/core/text.ts';
import { toRgb } from '../support/rgb.ts';

const ROOT = join(import.meta.dirname, '../..');
const FAMILIES = cardFamilies(ROOT, 700);
const inter = (subset: string, weight: 400 | 700): CardFont => ({
  weight,
  file: join(ROOT, 'node_modules/@fontsource/inter/files', `inter-${subset}-${weight}-normal.woff`),
  data: fontFile(
    join(ROOT, 'node_modules/@fontsource/inter/files', `inter-${subset}-${weight}-normal.woff`),
  ),
  ...(subset === 'latin' ? {} : { name: `inter-${subset}` }),
});
const BASE = [
  inter('latin', 400),
  inter('latin', 700),
  inter('latin-ext', 400),
  inter('latin-ext', 700),
];

/** The card's SVG as satori draws it with the fonts the plan names, and what it found no glyph for. */
async function drawCard(title: string): Promise<{ svg: string; missing: string[] }> {
  const plan = planFonts(drawnTitle(title), FAMILIES);
  const base = new Set(BASE.map((f) => f.data));
  const fonts = fontList(
    BASE,
    plan.files.filter((f) => !base.has(fontFile(f))),
  );
  const missing: string[] = [];
  const svg = await satori(
    cardTree({ title, date: new Date(Date.UTC(2021, 0, 1)), siteName: 'Notes' }) as never,
    {
      width: 1200,
      height: 630,
      fonts: fonts.map((f) => ({
        name: f.name ?? CARD_FONT,
        weight: f.weight,
        style: 'normal',
        data: Buffer.from(f.data),
      })),
      // satori asks for more fonts exactly when a segment has no glyph in the ones it was given.
      loadAdditionalAsset: async (_language, segment) => {
        missing.push(segment);
        return [];
      },
    },
  );
  return { svg, missing };
}

/** The characters satori finds no glyph for when drawing the card with the fonts the plan names. */
async function unrendered(title: string): Promise<string[]> {
  return (await drawCard(title)).missing;
}

/** The inked column ranges [start, end) of a one-line title's band of the card, left to right. */
async function titleInk(title: string): Promise<[number, number][]> {
  const image = rasteriseSvg((await drawCard(title)).svg);
  const rgb = toRgb(image);
  const inked = (x: number) => {
    // The title's line, below the site name and above the rule and date.
    for (let y = 180; y < 480; y++) if ((rgb[(y * image.width + x) * 3] ?? 255) < 128) return true;
    return false;
  };
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= image.width; x++) {
    const ink = x < image.width && inked(x);
    if (ink && start < 0) start = x;
    if (!ink && start >= 0) {
      runs.push([start, x]);
      start = -1;
    }
  }
  return runs;
}

describe('social card fonts', () => {
  describe.each([
    ['Latin', 'Offsite backups for KDE’s servers: café, naïve, Łódź', ['inter-latin-ext']],
    ['Cyrillic and Greek', 'Привет, мир — Καλημέρα κόσμε', ['inter-cyrillic', 'inter-greek']],
    [
      'Arabic and Hebrew',
      'مرحبا بالعالم — שלום עולם',
      ['noto-sans-arabic-arabic', 'noto-sans-hebrew-hebrew'],
    ],
    [
      'Japanese, Chinese, Korean',
      '日本語のタイトル、中文标题、한국어 제목',
      ['noto-sans-jp-', 'noto-sans-kr-'],
    ],
    ['emoji', 'Launch day 🚀🎉 ✅', ['noto-emoji-']],
  ])('a %s title', (_script, title, families) => {
    it('loads only the subsets its characters need', () => {
      const files = planFonts(fitTitle(title), FAMILIES).files.map(
        (f) => f.split('/').at(-1) ?? '',
      );
      for (const family of families)
        expect(
          files.some((f) => f.startsWith(family)),
          family,
        ).toBe(true);
      expect(files.length).toBeLessThanOrEqual(12);
      if (!/[^\p{Script=Latin}\p{P}\s]/u.test(title)) {
        expect(files.every((f) => f.startsWith('inter-latin'))).toBe(true);
      }
    });
    it('draws every character: no glyph is missing', async () => {
      expect(await unrendered(title)).toEqual([]);
    });
  });

  // Noto Emoji has a space 1.25 em wide, and satori keeps white space in the font before it.
  it.each(['🚀', '🎉', '✅', '❤️'])(
    'leaves an ordinary space after %s, not a gap',
    async (emoji) => {
      // Ink runs: "A", the mark, then "w" of "with".
      const [, latin, latinNext] = await titleInk('A x with');
      const [, mark, next] = await titleInk(`A${emoji} with`);
      const latinGap = (latinNext?.[0] ?? 0) - (latin?.[1] ?? 0);
      const gap = (next?.[0] ?? Infinity) - (mark?.[1] ?? 0);
      expect(latinGap).toBeGreaterThan(10);
      expect(gap, `the space after ${emoji}`).toBeLessThan(2 * latinGap);
    },
  );

  it.each([
    ['Acme™ and Foo® ship ‼', 'Acme™ and Foo® ship ‼'],
    [
      'Launch 🚀 day ❤️ and 🇦🇷 flags 👍🏽 ok',
      'Launch 🚀\u2009day ❤️\u2009and 🇦🇷\u2009flags 👍🏽\u2009ok',
    ],
  ])('swaps only the spaces that follow an emoji in %j', (title, drawn) => {
    expect(drawnTitle(title)).toBe(drawn);
  });

  it('names what no font covers, so the build can warn about that post', () => {
    const plan = planFonts('Ge’ez: ሰላም and 𓀀', FAMILIES);
    expect(plan.missing).toEqual(['ሰ', 'ላ', 'ም', '𓀀']);
    expect(codePointLabel('𓀀')).toBe('U+13000');
  });

  it.each([
    ['Line\u0085break', 'Line break'],
    ['Tab\tand\r\nnewline\u2028sep', 'Tab and newline sep'],
    ['Bell\u0007 and DEL\u007f', 'Bell and DEL'],
  ])('never breaks the line or draws a control character in %j', (title, drawn) => {
    expect(fitTitle(title)).toBe(drawn);
  });

  it('cuts a long emoji title between code points, never inside one', () => {
    const drawn = fitTitle('🚀'.repeat(200));
    expect(drawn.endsWith('…')).toBe(true);
    expect(drawn).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it.each([
    [
      'U+0000-00FF, U+0131',
      [
        [0, 255],
        [0x131, 0x131],
      ],
    ],
    ['U+4??', [[0x400, 0x4ff]]],
    ['U+1f1e6-1f1ff', [[0x1f1e6, 0x1f1ff]]],
  ])('reads the unicode-range %j', (text, ranges) => {
    expect(parseUnicodeRange(text)).toEqual(ranges);
  });
  it('refuses a malformed unicode-range, quoting it', () => {
    expect(() => parseUnicodeRange('U+00ZZ')).toThrow(/"U\+00ZZ"/);
  });
});
