import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/html.ts';
import { analyseBeat, guessHz } from '../../../src/core/loadavg/beat.ts';
import { beatFormHtml, beatResultsHtml, beatView } from '../../../src/core/loadavg/beat-view.ts';
import { chartGeometry } from '../../../src/core/loadavg/chart.ts';
import { chartSvgFile } from '../../../src/core/loadavg/chart-svg.ts';
import { hzGuessFormHtml, hzGuessResultsHtml, hzView } from '../../../src/core/loadavg/hz-view.ts';
import {
  DEFAULT_BEAT_INPUT,
  DEFAULT_HZ_GUESS_INPUT,
  SIM_PRESETS,
  simPreset,
  validateBeat,
  validateHzGuess,
  validateSim,
} from '../../../src/core/loadavg/params.ts';
import {
  chartDescription,
  feedChart,
  peakText,
  presetChartFile,
  presetsHtml,
  simFormHtml,
  simResultsHtml,
  summarise,
} from '../../../src/core/loadavg/sim-view.ts';
import { simulate } from '../../../src/core/loadavg/simulate.ts';

/** The simulator's opening scenario. */
const OPENING = simPreset()!.values;

function ok<T>(v: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

const beat = analyseBeat(ok(validateBeat(DEFAULT_BEAT_INPUT)));
const hzInput = ok(validateHzGuess(DEFAULT_HZ_GUESS_INPUT));
const guess = guessHz(hzInput.observedS, hzInput.intervalUs);
const sim = simulate(ok(validateSim(OPENING)));

/** Each widget's whole markup for one instance, as the component renders it at build time. */
const WIDGETS: readonly [string, (prefix: string) => string, () => string[]][] = [
  [
    'beat calculator',
    (p) => beatFormHtml(p, DEFAULT_BEAT_INPUT) + beatResultsHtml(p, beat),
    () => Object.values(beatView(beat)).filter((t) => t !== ''),
  ],
  [
    'HZ guesser',
    (p) => hzGuessFormHtml(p, DEFAULT_HZ_GUESS_INPUT) + hzGuessResultsHtml(p, guess),
    () => {
      const v = hzView(guess);
      return [v.best, v.statement, ...v.rows.flatMap((r) => [r.hz, r.predicted, r.off])];
    },
  ],
  [
    'load simulator',
    (p) =>
      presetsHtml(p, OPENING) +
      simFormHtml(p, OPENING) +
      simResultsHtml(p, sim, feedChart(sim, '/c.svg')),
    () => {
      const s = summarise(sim);
      return [peakText(sim), s.headline, ...s.rows.flatMap((r) => [r.time, r.peak])];
    },
  ],
];

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (n: { children: unknown[] }): void => {
    for (const c of n.children as Element[]) {
      if (c.type === 'element') {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(fromHtml(html, { fragment: true }));
  return out;
}

/** The text a reader sees (no markup), as the browser's textContent would give it. */
function textOf(html: string): string {
  const walk = (n: { type: string; value?: string; children?: unknown[] }): string =>
    n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map((c) => walk(c as never)).join('');
  return walk(fromHtml(html, { fragment: true }));
}

const idsOf = (html: string): string[] =>
  elements(html).flatMap((e) =>
    typeof e.properties['id'] === 'string' ? [e.properties['id']] : [],
  );

/** Every id an element points at through for, list or an ARIA relation. */
const references = (html: string): string[] =>
  elements(html).flatMap((e) =>
    ['htmlFor', 'list', 'ariaDescribedBy', 'ariaLabelledBy'].flatMap((k) => {
      const v = e.properties[k];
      return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(' ') : [];
    }),
  );

describe.each(WIDGETS)('the %s view', (_name, render, figures) => {
  it('gives every id the instance prefix, so two instances on one page never collide', () => {
    const a = idsOf(render('one'));
    const b = idsOf(render('two'));
    expect(a.length).toBeGreaterThan(5);
    expect(new Set(a).size).toBe(a.length);
    for (const id of a) expect(id.startsWith('one-')).toBe(true);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('points labels, outputs and descriptions only at ids of the same instance', () => {
    const html = render('one');
    const ids = new Set(idsOf(html));
    expect(references(html).filter((r) => !ids.has(r))).toEqual([]);
  });

  it('shows every figure of the model’s result as text', () => {
    const text = textOf(render('one'));
    for (const figure of figures()) expect(text).toContain(figure);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('the simulator’s counted tasks', () => {
  it('says the baseline is tasks runnable or in uninterruptible sleep, not "waiting" ones', () => {
    const text = textOf(simFormHtml('sim', OPENING));
    expect(text).toContain('runnable or in uninterruptible sleep (D state)');
    expect(text).not.toMatch(/waiting/);
  });
});

describe('the chart image for feeds', () => {
  it.each(SIM_PRESETS.map((p) => [p.id, p] as const))(
    'preset %s: opaque background, colours and font inline, no class or CSS variable',
    (_id, preset) => {
      const svg = presetChartFile(preset);
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/,
      );
      expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
      expect(svg).toContain('font-family="');
      expect(svg).not.toMatch(/class=|var\(|<style/);
      // Every drawn line and shape has its own colour.
      for (const tag of svg.match(/<(?:path|line|text)\b[^>]*>/g) ?? []) {
        expect(tag).toMatch(/(?:stroke|fill)="#[0-9a-f]{6}"/);
      }
      expect(svg).toContain('1-minute');
    },
  );

  it('describes the chart in figures: scenario, spike count, spacing, peak', () => {
    const alt = chartDescription(sim);
    expect(alt).toContain('3 agent instances of 12 threads every 5 s, HZ = 250');
    expect(alt).toContain(summarise(sim).headline);
    const file = chartSvgFile(chartGeometry(sim), { title: 't', desc: alt });
    expect(file).toContain(`<desc>${escapeHtml(alt)}</desc>`);
  });
});
