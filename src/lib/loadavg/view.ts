/**
 * The text the three widgets display, built from model results. Shared by the build-time render
 * and the browser so the static page and the live widget always say the same thing.
 */
import { escapeHtml } from '../html.ts';
import type { BeatResult, HzGuess } from './beat.ts';
import type { ChartGeometry } from './chart.ts';
import { formatDuration } from './format.ts';
import { cmp, formatDecimal, mul, type Rational, rat } from './rational.ts';

/** Placeholder shown in an output while its inputs are invalid. */
export const NO_VALUE = '—';

/** Display strings of the beat calculator, one per output. */
export interface BeatView {
  readonly period: string;
  readonly loadFreq: string;
  readonly drift: string;
  readonly repeat: string;
  readonly repeatHms: string;
  readonly naive: string;
  readonly caught: string;
  readonly gaps: string;
  readonly spikes: string;
  readonly statement: string;
}

function abs(r: Rational): Rational {
  return r.n < 0n ? rat(-r.n, r.d) : r;
}

/** "4 ms", "3.333… ms", "5.004 s": milliseconds below a second, seconds above. */
export function formatShort(r: Rational): string {
  const sign = r.n < 0n ? '−' : '';
  const a = abs(r);
  return cmp(a, rat(1)) >= 0
    ? `${sign}${formatDecimal(a, 6)} s`
    : `${sign}${formatDecimal(mul(a, rat(1000)), 3)} ms`;
}

/** Turns a beat analysis into the calculator's output texts. */
export function beatView(b: BeatResult): BeatView {
  const locked = b.drift.n === 0n;
  const { samples, shift } = b.step;
  const drift = locked
    ? '0 (the schedules never drift)'
    : samples === 1
      ? `${formatShort(b.drift)} per sample`
      : `${formatShort(b.drift)} per sample; net ${formatShort(shift)} every ${samples} samples`;
  const per = b.samplesPerCoincidence;
  const caught =
    per === null
      ? b.phase === 'always' || b.phase === 'continuous'
        ? 'every sample, all the time'
        : 'none'
      : per.min === per.max
        ? String(per.min)
        : `${per.min} to ${per.max}`;
  const sp = b.spacing;
  const gaps =
    sp === null
      ? 'no separate spikes'
      : cmp(sp.min, sp.max) === 0
        ? `every ${formatDuration(sp.min)}`
        : `${formatDuration(sp.min)} to ${formatDuration(sp.max)} apart, typically ${formatDuration(sp.median)}`;
  const varying = per !== null && per.min !== per.max;
  const spikes =
    b.coincidences.length === 0 || b.phase !== 'drifting'
      ? 'no separate spikes'
      : b.coincidences
          .slice(0, 6)
          .map((c) =>
            `${formatDuration(c.start)}${varying ? ` (${c.samples})` : ''}`.replace(/ /g, '\u00a0'),
          )
          .join(' · ');
  return {
    period: `${formatDecimal(b.samplePeriod, 5, 3)} s`,
    loadFreq: `LOAD_FREQ = ${b.loadFreqTicks} ticks of 1/${b.params.hz} s`,
    drift,
    repeat: `${formatDecimal(b.repeat, 3)} s`,
    repeatHms: formatDuration(b.repeat),
    naive: `${formatDecimal(b.naive, 3)} s = ${formatDuration(b.naive)}`,
    caught,
    gaps,
    spikes,
    statement: b.statement,
  };
}

/** The beat calculator's outputs while an input is invalid. */
export const EMPTY_BEAT_VIEW: BeatView = {
  period: NO_VALUE,
  loadFreq: '',
  drift: NO_VALUE,
  repeat: NO_VALUE,
  repeatHms: NO_VALUE,
  naive: NO_VALUE,
  caught: NO_VALUE,
  gaps: NO_VALUE,
  spikes: NO_VALUE,
  statement: 'Fix the highlighted field to see the figures.',
};

/** One row of the inverse widget's table. */
export interface HzRow {
  readonly hz: string;
  readonly predicted: string;
  readonly off: string;
}

/** Turns an HZ guess into the inverse widget's texts. */
export function hzView(g: HzGuess): { best: string; statement: string; rows: readonly HzRow[] } {
  return {
    best: g.best ? `HZ = ${g.best.hz}${g.confident ? '' : ' (poor fit)'}` : NO_VALUE,
    statement: g.statement,
    rows: g.ranked.map((c) => ({
      hz: String(c.hz),
      predicted: `${formatDuration(Math.round(Number(c.predicted.n) / Number(c.predicted.d)))}${c.basis === 'repeat' ? ' (full repeat)' : ''}`,
      off: `${c.ratio >= 1 ? '+' : '−'}${(Math.abs(c.ratio - 1) * 100).toFixed(1)} %`,
    })),
  };
}

/** SVG markup (children of the <svg>) for a chart: grid, axes labels, three lines, spike marks. */
export function chartSvg(g: ChartGeometry): string {
  const { plot } = g;
  const right = plot.x + plot.w;
  const bottom = plot.y + plot.h;
  const out: string[] = [];
  for (const t of g.yTicks) {
    out.push(
      `<line class="grid" x1="${plot.x}" x2="${right}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}"/>`,
      `<text class="tick" x="${plot.x - 4}" y="${(t.y + 4).toFixed(1)}" text-anchor="end">${escapeHtml(t.label)}</text>`,
    );
  }
  for (const t of g.xTicks) {
    out.push(
      `<text class="tick" x="${t.x.toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(t.label)}</text>`,
    );
  }
  out.push(
    `<line class="axis" x1="${plot.x}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`,
    `<path class="l15" d="${g.paths.load15}"/>`,
    `<path class="l5" d="${g.paths.load5}"/>`,
    `<path class="l1" d="${g.paths.load1}"/>`,
  );
  for (const m of g.markers) {
    const x = m.x.toFixed(1);
    const y = (m.y - 4).toFixed(1);
    out.push(
      `<path class="spike" d="M${x} ${y}l-4 -7h8z"><title>peak ${escapeHtml(m.label)}</title></path>`,
    );
  }
  return out.join('');
}
