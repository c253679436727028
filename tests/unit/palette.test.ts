// One palette (src/core/palette.ts): the stylesheet, the feed stylesheet, the card and the chart
// files all take their colours from it, so a colour changed in one copy fails here (issue 25).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartGeometry } from '../../src/core/loadavg/chart.ts';
import { chartSvgFile } from '../../src/core/loadavg/chart-svg.ts';
import { SIM_PRESETS, validateSim } from '../../src/core/loadavg/params.ts';
import { simulate } from '../../src/core/loadavg/simulate.ts';
import { cardTree } from '../../src/core/og/card.ts';
import { LIGHT, PALETTE, paletteCss } from '../../src/core/palette.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const HEX = /#[0-9a-fA-F]{3,8}\b/g;
const VALUES = new Set<string>(Object.values(PALETTE).flatMap((c) => [c.light, c.dark]));

describe('the palette', () => {
  it('is what global.css declares, property for property', () => {
    const declared = read('src/styles/global.css')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^--[\w-]+: light-dark\(/.test(l));
    expect(declared).toEqual(paletteCss());
  });

  it.each(['src/styles/global.css', 'src/styles/widgets.css', 'public/feed.xsl'])(
    '%s uses no colour outside it',
    (file) => {
      const stray = [...read(file).matchAll(HEX)].map((m) => m[0]).filter((c) => !VALUES.has(c));
      expect(stray).toEqual([]);
    },
  );

  it('gives feed.xsl each colour in the same role as on the site, in both themes', () => {
    const xsl = read('public/feed.xsl');
    const { fg, bg, accent, surface, border, muted } = PALETTE;
    for (const rule of [
      `color: ${fg.light}; background: ${bg.light}; }`,
      `a { color: ${accent.light}; }`,
      `background: ${surface.light}; border: 1px solid ${border.light};`,
      `.date { color: ${muted.light};`,
      `body { color: ${fg.dark}; background: ${bg.dark}; } a { color: ${accent.dark}; }`,
      `.note { background: ${surface.dark}; border-color: ${border.dark}; } .date { color: ${muted.dark}; }`,
    ])
      expect(xsl).toContain(rule);
  });

  it('colours chart files and cards with its light side only', () => {
    const p = validateSim(SIM_PRESETS[1]?.values ?? {});
    if (!p.ok) throw new Error('preset');
    const file = chartSvgFile(chartGeometry(simulate(p.value)), { title: 't', desc: 'd' });
    const used = new Set([...file.matchAll(HEX)].map((m) => m[0]));
    expect([...used].filter((c) => !Object.values(LIGHT).includes(c))).toEqual([]);
    expect(used).toContain(LIGHT.error);
    const card = JSON.stringify(cardTree({ title: 'T', date: new Date(0), siteName: 'S' }));
    expect(
      [...card.matchAll(HEX)].map((m) => m[0]).filter((c) => !Object.values(LIGHT).includes(c)),
    ).toEqual([]);
  });
});
