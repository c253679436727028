/**
 * The site's one palette, each colour as its light and dark value. global.css writes it as
 * `light-dark()` custom properties (tested equal to `paletteCss()`), public/feed.xsl uses the same
 * values, and what must look the same on any background (social cards, chart files for feeds)
 * takes the light side from here.
 */
export const PALETTE = {
  bg: { light: '#ffffff', dark: '#0d1117' },
  fg: { light: '#1f2328', dark: '#e6edf3' },
  muted: { light: '#57606a', dark: '#9da7b3' },
  accent: { light: '#0b57d0', dark: '#79b8ff' },
  border: { light: '#d0d7de', dark: '#3d444d' },
  surface: { light: '#f6f8fa', dark: '#161b22' },
  'code-bg': { light: '#f6f8fa', dark: '#161b22' },
  error: { light: '#b42318', dark: '#ff938a' },
} as const;

/** A colour's name in the palette (and its CSS custom property, `--name`). */
export type Colour = keyof typeof PALETTE;

/** The light side of the palette: what cards and chart files use, whatever the reader's theme. */
export const LIGHT: Readonly<Record<Colour, string>> = Object.fromEntries(
  Object.entries(PALETTE).map(([name, c]) => [name, c.light]),
) as Record<Colour, string>;

/** The palette as global.css declares it, one `--name: light-dark(light, dark);` a line. */
export function paletteCss(): string[] {
  return Object.entries(PALETTE).map(
    ([name, c]) => `--${name}: light-dark(${c.light}, ${c.dark});`,
  );
}
