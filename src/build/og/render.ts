import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import satori from 'satori';
import { CARD_FONT, CARD_SIZE, type CardInput, cardTree } from '../../core/og/card.ts';
import { rasteriseSvg } from '../../core/og/raster.ts';
import { encodePng } from './png.ts';

/** A font file satori can read (TTF, OTF or WOFF; not WOFF2) and the weight it provides. */
export interface CardFont {
  readonly weight: 400 | 700;
  readonly data: Uint8Array;
  /** Family name for satori; fallbacks need their own (satori uses one font per name and weight). */
  readonly name?: string | undefined;
  /** Where the bytes came from, so a worker thread can read the same file. */
  readonly file?: string | undefined;
}

/** Draws a card to PNG: renderCard itself, or the same work done elsewhere (a worker pool). */
export type CardRenderer = (
  card: CardInput,
  fonts: readonly CardFont[],
  onMissing?: (text: string) => void,
) => Promise<Uint8Array>;

/** Bump when the layout or renderers change in a way the inputs do not show, to drop old cached cards. */
export const CARD_VERSION = 'og-card-5';

type SatoriFonts = Parameters<typeof satori>[1]['fonts'];
// Satori caches parsed fonts by object identity, so the same font list must yield the same objects:
// rebuilding them per card made it re-parse every font for every card.
const satoriFontCache = new WeakMap<readonly CardFont[], SatoriFonts>();

function satoriFonts(fonts: readonly CardFont[]): SatoriFonts {
  let out = satoriFontCache.get(fonts);
  if (!out) {
    out = fonts.map((f) => ({
      name: f.name ?? CARD_FONT,
      weight: f.weight,
      style: 'normal' as const,
      data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength),
    }));
    satoriFontCache.set(fonts, out);
  }
  return out;
}

/**
 * Renders a card to PNG bytes. Text becomes paths and system fonts are never read, so output is
 * stable. `onMissing` hears of each run of text no font could draw (it is left out of the card).
 */
export async function renderCard(
  card: CardInput,
  fonts: readonly CardFont[],
  onMissing?: (text: string) => void,
): Promise<Uint8Array> {
  if (fonts.length === 0) throw new Error('renderCard needs at least one font (fonts is empty)');
  const svg = await satori(cardTree(card) as unknown as Parameters<typeof satori>[0], {
    ...CARD_SIZE,
    fonts: satoriFonts(fonts),
    // satori asks for more fonts exactly when a run of text has no glyph in the ones it has.
    loadAdditionalAsset: async (_language, segment) => {
      onMissing?.(segment);
      return [];
    },
  });
  // satori lays out the text and turns it into outlines; drawing and encoding them is ours
  // (raster.ts, png.ts): resvg and sharp took three quarters of a card's CPU for the same pixels.
  return encodePng(rasteriseSvg(svg));
}

/** A digest of everything that decides a card's pixels: layout version, text, date and font bytes. */
export function cardKey(card: CardInput, fonts: readonly CardFont[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([CARD_VERSION, card.title, card.date.toISOString(), card.siteName]));
  for (const f of fonts) h.update(`|${f.weight}|`).update(f.data);
  return h.digest('hex');
}

/** The outcome of a cached render: the PNG and whether it came from the cache. */
export interface CachedCard {
  readonly png: Uint8Array;
  readonly cached: boolean;
}

/** Renders a card, or reads it from `dir` when a card with the same content hash was made before. */
export async function cachedCard(
  card: CardInput,
  fonts: readonly CardFont[],
  dir: string,
  onMissing?: (text: string) => void,
  render: CardRenderer = renderCard,
): Promise<CachedCard> {
  const file = join(dir, `${cardKey(card, fonts)}.png`);
  try {
    return { png: new Uint8Array(await readFile(file)), cached: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const png = await render(card, fonts, onMissing);
  await mkdir(dir, { recursive: true });
  // Write then rename, so a build running in parallel never reads a half-written card.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, png);
  await rename(tmp, file);
  return { png, cached: false };
}
