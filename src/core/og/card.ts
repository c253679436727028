import { LIGHT } from '../palette.ts';
import { formatDate } from '../posts.ts';

/** Width and height of an Open Graph / Twitter large card, in pixels. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The fixed palette of the card: the site's light theme, so every card looks the same anywhere. */
const COLOURS = LIGHT;

/** Font family name the layout uses; the renderer registers the Inter files under it. */
export const CARD_FONT = 'Inter';

/** What a card shows. */
export interface CardInput {
  readonly title: string;
  readonly date: Date;
  readonly siteName: string;
}

/** A node of the element tree satori lays out: the shape of a React element, without React. */
export interface CardNode {
  readonly type: string;
  readonly props: {
    readonly style?: Readonly<Record<string, string | number>>;
    readonly children?: string | CardNode | readonly (string | CardNode)[];
  };
}

/** Longest title drawn in full; longer ones end in an ellipsis rather than overflowing the card. */
export const MAX_TITLE_CHARS = 120;

/** Checks a card's fields; returns the problems, each naming the field and what is allowed. */
export function validateCard(card: CardInput): string[] {
  const problems: string[] = [];
  if (card.title.trim() === '') problems.push('title must not be empty');
  if (card.siteName.trim() === '') problems.push('siteName must not be empty');
  if (!(card.date instanceof Date) || Number.isNaN(card.date.getTime())) {
    problems.push('date must be a valid Date');
  }
  return problems;
}

/**
 * The title as drawn: white space and control characters (U+0085 NEXT LINE among them, which would
 * break the line) collapsed to single spaces, cut at a word boundary with an ellipsis when too long.
 */
export function fitTitle(title: string): string {
  const clean = title.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  // Count and cut whole code points, so an emoji is never split into a lone surrogate.
  const chars = Array.from(clean);
  if (chars.length <= MAX_TITLE_CHARS) return clean;
  const cut = chars.slice(0, MAX_TITLE_CHARS - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** Font size for the title: large for short titles, smaller so long ones still fit in four lines. */
export function titleSize(title: string): number {
  const n = fitTitle(title).length;
  if (n <= 32) return 80;
  if (n <= 60) return 68;
  if (n <= 90) return 56;
  return 48;
}

// satori sets white space in the font of the character before it when that font has a space, and
// Noto Emoji's space is 1.25 em wide. After an emoji, Inter's THIN SPACE (which Noto Emoji lacks, and
// which with the emoji's side bearing makes the same gap as a space between words, and is still a
// line-break opportunity) stands in for U+0020. Inter draws © ® ™ ‼ ⁉ itself, with its own space.
const SPACE_AFTER_EMOJI =
  /(?<=(?![©®™‼⁉])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0F|\u20E3) /gu;

/** The title's text for satori: fitTitle's, with the space after an emoji swapped as explained above. */
export function drawnTitle(title: string): string {
  return fitTitle(title).replace(SPACE_AFTER_EMOJI, '\u2009');
}

/** The card's element tree: site name at the top, the title, then the date; pure data for satori. */
export function cardTree(card: CardInput): CardNode {
  const problems = validateCard(card);
  if (problems.length > 0) throw new Error(`Invalid social card: ${problems.join('; ')}`);
  const title = drawnTitle(card.title);
  // Rules are boxes with a background, not CSS borders: satori draws a box as one rectangle, which
  // the card rasteriser (raster.ts) fills directly; borders become clip paths and masks.
  const rule = (height: number, colour: string): CardNode => ({
    type: 'div',
    props: { style: { height, background: colour, flexShrink: 0 } },
  });
  return {
    type: 'div',
    props: {
      style: {
        width: CARD_SIZE.width,
        height: CARD_SIZE.height,
        display: 'flex',
        flexDirection: 'column',
        background: COLOURS.bg,
        color: COLOURS.fg,
        fontFamily: CARD_FONT,
      },
      children: [
        rule(16, COLOURS.accent),
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'space-between',
              flexGrow: 1,
              padding: '64px 80px',
            },
            children: [
              {
                type: 'div',
                props: {
                  style: { fontSize: 36, fontWeight: 700, color: COLOURS.accent },
                  children: card.siteName.trim(),
                },
              },
              {
                type: 'div',
                props: {
                  style: {
                    display: 'flex',
                    fontSize: titleSize(title),
                    fontWeight: 700,
                    lineHeight: 1.15,
                  },
                  children: title,
                },
              },
              {
                type: 'div',
                props: {
                  style: { display: 'flex', flexDirection: 'column' },
                  children: [
                    rule(2, COLOURS.border),
                    {
                      type: 'div',
                      props: {
                        style: {
                          display: 'flex',
                          paddingTop: 28,
                          fontSize: 32,
                          fontWeight: 400,
                          color: COLOURS.muted,
                        },
                        children: formatDate(card.date),
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  };
}
