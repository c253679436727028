/**
 * The font files social cards are drawn with, read from the @fontsource packages in node_modules
 * at build time (WOFF: satori reads TTF, OTF and WOFF, not WOFF2). Inter's Latin subsets are
 * always loaded; every other file only when a card's text needs it, so a blog in English pays
 * nothing for CJK or emoji coverage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type FontFamily, parseUnicodeRange } from '../../core/og/fonts.ts';
import type { CardFont } from './render.ts';

/** A @fontsource package: its display name, npm name and file prefix. */
interface FontPackage {
  readonly name: string;
  readonly pkg: string;
  readonly slug: string;
  /**
   * The subsets to use, when not all: the generic ones (latin, symbols…) of a Noto package declare
   * ranges their files do not fully draw, and Inter covers those scripts anyway.
   */
  readonly subsets?: RegExp;
}

/**
 * Preference order: Inter (Latin, Cyrillic, Greek, Vietnamese), then Noto for emoji (monochrome:
 * satori draws glyph outlines, not colour fonts), Arabic, Hebrew, Japanese, Chinese and Korean.
 */
export const CARD_FONT_PACKAGES: readonly FontPackage[] = [
  { name: 'Inter', pkg: '@fontsource/inter', slug: 'inter' },
  // Before CJK: their slices declare some symbols (✅ U+2705) that their files do not draw.
  { name: 'Noto Emoji', pkg: '@fontsource/noto-emoji', slug: 'noto-emoji' },
  {
    name: 'Noto Sans Arabic',
    pkg: '@fontsource/noto-sans-arabic',
    slug: 'noto-sans-arabic',
    subsets: /^arabic$/,
  },
  {
    name: 'Noto Sans Hebrew',
    pkg: '@fontsource/noto-sans-hebrew',
    slug: 'noto-sans-hebrew',
    subsets: /^hebrew$/,
  },
  // CJK packages come in numbered slices cut from the font's own character map.
  { name: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', slug: 'noto-sans-jp', subsets: /^\[/ },
  { name: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', slug: 'noto-sans-sc', subsets: /^\[/ },
  { name: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', slug: 'noto-sans-kr', subsets: /^\[/ },
];

function packageDir(root: string, pkg: string): string {
  const dir = join(root, 'node_modules', pkg);
  if (!existsSync(join(dir, 'unicode.json'))) {
    throw new Error(`Social cards need the npm package ${pkg} (missing in ${dir}): run "npm ci"`);
  }
  return dir;
}

/** The families of CARD_FONT_PACKAGES at one weight, each subset with its file path and ranges. */
export function cardFamilies(root: string, weight: 400 | 700): FontFamily[] {
  return CARD_FONT_PACKAGES.map(({ name, pkg, slug, subsets }) => {
    const dir = packageDir(root, pkg);
    const ranges = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<
      string,
      string
    >;
    return {
      name,
      subsets: Object.entries(ranges)
        .filter(([key]) => subsets?.test(key) ?? true)
        .map(([key, range]) => ({
          // "[12]" names a numbered subset (CJK), "latin" a named one.
          file: join(
            dir,
            'files',
            `${slug}-${key.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`,
          ),
          ranges: parseUnicodeRange(range),
        })),
    };
  });
}

const bytes = new Map<string, Uint8Array>();

/** A font file's bytes, read once per build. */
export function fontFile(file: string): Uint8Array {
  let data = bytes.get(file);
  if (!data) {
    data = new Uint8Array(readFileSync(file));
    bytes.set(file, data);
  }
  return data;
}

/** A card font named by its file, as the main thread sends it to a card worker. */
export interface FontSpec {
  readonly file: string;
  readonly weight: 400 | 700;
  readonly name?: string | undefined;
}

// The one font cache, on each thread: satori caches parsed fonts by the identity of the list it
// is given, so the same fonts must always come as the same array (a new list per card re-parsed
// every font for every card). render.ts converts each list to satori's shape once, by identity.
const lists = new Map<string, CardFont[]>();

/** The font list for these files and weights, the same array every time it is asked for. */
export function fontsFor(specs: readonly FontSpec[]): CardFont[] {
  const key = specs.map((f) => `${f.file}|${f.weight}|${f.name ?? ''}`).join('\n');
  let list = lists.get(key);
  if (!list) {
    list = specs.map(({ file, weight, name }) => ({
      weight,
      data: fontFile(file),
      file,
      ...(name === undefined ? {} : { name }),
    }));
    lists.set(key, list);
  }
  return list;
}

/** The font list for a card: the base fonts, then the extra files its text needs at weight 700. */
export function fontList(base: readonly CardFont[], extra: readonly string[]): CardFont[] {
  const specs = base.map((f) => {
    if (!f.file) throw new Error('A card font needs its file path');
    return { file: f.file, weight: f.weight, name: f.name };
  });
  return fontsFor([
    ...specs,
    ...extra.map((file) => ({ file, weight: 700 as const, name: basename(file) })),
  ]);
}
