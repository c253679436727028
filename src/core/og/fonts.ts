/**
 * Which font files a social card needs. Inter draws Latin, Cyrillic and Greek; Noto families cover
 * the other scripts a title may use. Each family is split (by @fontsource) into subsets with a
 * declared Unicode range, so a card loads only the few subset files its own text needs.
 */

/** An inclusive range of code points. */
export type CodeRange = readonly [start: number, end: number];

/** One font file and the code points it declares. */
export interface FontSubset {
  /** Stable id of the file (e.g. "@fontsource/noto-sans-jp/files/noto-sans-jp-12-700-normal.woff"). */
  readonly file: string;
  /** The code points the file covers, as its CSS unicode-range declares them. */
  readonly ranges: readonly CodeRange[];
}

/** A font family in preference order, with its subsets. */
export interface FontFamily {
  /** Name for messages ("Noto Sans JP"). */
  readonly name: string;
  readonly subsets: readonly FontSubset[];
}

/** What a card's text needs: the subset files to load, and the characters no family covers. */
export interface FontPlan {
  /** Subset files in the order of the families that provide them (first family first). */
  readonly files: readonly string[];
  /** Characters (whole code points) that no family covers, each once, in order of appearance. */
  readonly missing: readonly string[];
}

/** Parses a CSS unicode-range list ("U+0000-00FF, U+0131, U+4??") into code point ranges. */
export function parseUnicodeRange(text: string): CodeRange[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part);
      if (!m?.[1])
        throw new Error(`Not a unicode-range item: "${part}" (expected U+XXXX or U+XXXX-YYYY)`);
      const start = m[1];
      if (start.includes('?')) {
        return [
          Number.parseInt(start.replaceAll('?', '0'), 16),
          Number.parseInt(start.replaceAll('?', 'F'), 16),
        ] as const;
      }
      const from = Number.parseInt(start, 16);
      return [from, m[2] ? Number.parseInt(m[2], 16) : from] as const;
    });
}

// Characters a card never draws as glyphs: white space and controls (turned into spaces or removed
// before layout), joiners and variation selectors (they only shape their neighbours).
const INVISIBLE = /^(?:[\p{White_Space}\p{Cc}\p{Cf}]|\p{Variation_Selector})$/u;

function covers(subset: FontSubset, cp: number): boolean {
  return subset.ranges.some(([a, b]) => cp >= a && cp <= b);
}

/**
 * The subset files that draw `text`: for each visible character, the first family (in the order
 * given) with a subset covering it. Characters no family covers come back in `missing`.
 */
export function planFonts(text: string, families: readonly FontFamily[]): FontPlan {
  const chosen = new Map<string, number>();
  const missing: string[] = [];
  for (const ch of new Set(Array.from(text))) {
    if (INVISIBLE.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    let found = false;
    for (const [rank, family] of families.entries()) {
      const subset = family.subsets.find((s) => covers(s, cp));
      if (subset) {
        if (!chosen.has(subset.file)) chosen.set(subset.file, rank);
        found = true;
        break;
      }
    }
    if (!found) missing.push(ch);
  }
  const files = [...chosen].sort((a, b) => a[1] - b[1]).map(([file]) => file);
  return { files, missing };
}
