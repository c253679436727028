/**
 * Everything the beat calculator shows, as HTML from the model's result: its fields, its figures
 * and the sentence saying what happens. The component renders it at build time and the custom
 * element (src/components/loadavg/beat-calculator.ts) in the browser, so each label and row is
 * written once.
 */
import { attributes, escapeHtml } from '../html.ts';
import { type FieldSpec, fieldsHtml, widgetId } from '../widgets/field.ts';
import type { BeatResult } from './beat.ts';
import { formatDuration, formatSeconds, formatShort, NO_VALUE } from './format.ts';
import { COMMON_HZ } from './kernel.ts';
import { cmp, formatDecimal, mul, rat } from './rational.ts';

/** The calculator's form values, as typed. */
export interface BeatValues {
  readonly interval: string;
  readonly hz: string;
  readonly burst: string;
}

/** Field keys, in form order; also the URL parameters. */
export const BEAT_KEYS = ['interval', 'hz', 'burst'] as const;

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

/** One or two plain sentences saying what happens in this scenario. */
export function beatStatement(b: BeatResult): string {
  const period = formatSeconds(b.samplePeriod);
  const interval = formatSeconds(b.interval);
  if (b.drift.n === 0n) {
    return (
      `The kernel samples every ${period}, a whole multiple of the ${interval} interval, so the two ` +
      'schedules never drift apart: every sample sees the agent at the same point of its cycle. ' +
      (b.phase === 'always'
        ? 'Here that point is inside the burst, so every sample counts the agent’s threads: the load is raised all the time, with no spikes.'
        : 'Here that point is outside the burst, so no sample ever counts the agent’s threads: no spikes at all.')
    );
  }
  if (b.phase === 'continuous') {
    return (
      `The pattern repeats every ${formatSeconds(b.repeat)}, so often that samples keep catching the agent ` +
      'over and over: the load is raised steadily instead of in separate spikes.'
    );
  }
  const shift = b.step.shift;
  const later = shift.n >= 0n ? 'later' : 'earlier';
  const magnitude = formatShort(rat(shift.n < 0n ? -shift.n : shift.n, shift.d));
  const stride =
    b.step.samples === 1
      ? `Each sample lands ${magnitude} ${later} in the agent’s ${interval} cycle than the one before`
      : `Every ${b.step.samples} samples (${formatSeconds(mul(b.samplePeriod, rat(b.step.samples)))}) the kernel lands ${magnitude} ${later} in the agent’s ${interval} cycle`;
  const repeat = `the whole pattern repeats after ${formatSeconds(b.repeat)} (${formatDuration(b.repeat)}).`;
  if (b.phase === 'never') {
    return `${stride}; ${repeat} With this start, no sample ever falls inside a burst.`;
  }
  return `${stride}; ${repeat}`;
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
            // No-break spaces, so a time never wraps in the middle.
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
    statement: beatStatement(b),
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

/** The quick-pick buttons for the common HZ values; the one in the field is pressed. */
export function hzPresetsHtml(hz: string): string {
  const buttons = COMMON_HZ.map(
    (v) =>
      `<button${attributes({ type: 'button', 'data-hz': String(v), 'aria-pressed': String(String(v) === hz.trim()) })}>${v}</button>`,
  );
  return `<div class="presets" role="group" aria-label="Common values">${buttons.join('')}</div>`;
}

/** The calculator's fields. */
export function beatFields(values: BeatValues): FieldSpec[] {
  return [
    {
      key: 'interval',
      name: 'interval',
      label: 'Interval (s)',
      value: values.interval,
      hint: 'Telegraf’s interval',
    },
    {
      key: 'hz',
      name: 'hz',
      label: 'HZ',
      value: values.hz,
      inputmode: 'numeric',
      suggestions: COMMON_HZ.map(String),
      hint: 'kernel ticks per second',
      after: hzPresetsHtml(values.hz),
    },
    {
      key: 'burst',
      name: 'burst',
      label: 'Burst (ms)',
      value: values.burst,
      hint: 'how long its threads stay runnable',
    },
  ];
}

/** The calculator's form: its fields and a Reset button. */
export function beatFormHtml(prefix: string, values: BeatValues): string {
  return (
    `<form id="${escapeHtml(widgetId(prefix, 'form'))}" class="controls" novalidate>` +
    fieldsHtml(prefix, beatFields(values)) +
    '<div class="actions"><button type="reset">Reset</button></div></form>'
  );
}

/** The calculator's figures and statement for a result, or placeholders while input is invalid. */
export function beatResultsHtml(prefix: string, result: BeatResult | null): string {
  const v = result ? beatView(result) : EMPTY_BEAT_VIEW;
  const id = (part: string): string => escapeHtml(widgetId(prefix, part));
  const forAll = BEAT_KEYS.map((k) => widgetId(prefix, k)).join(' ');
  const out = (part: string, text: string, live = true, cls = ''): string =>
    `<output${attributes({ id: widgetId(prefix, part), for: forAll, 'aria-live': live ? 'polite' : undefined, class: cls || undefined })}>${escapeHtml(text)}</output>`;
  const row = (term: string, detail: string): string =>
    `<div><dt>${escapeHtml(term)}</dt><dd>${detail}</dd></div>`;
  return (
    '<dl class="results">' +
    row(
      'Kernel sample period',
      out('period', v.period) +
        (v.loadFreq === ''
          ? ''
          : `<span class="aside"> (<span id="${id('loadfreq')}">${escapeHtml(v.loadFreq)}</span>)</span>`),
    ) +
    row('Drift', out('drift', v.drift)) +
    row(
      'Exact repeat period',
      `${out('repeat', v.repeat, true, 'key')} = ${out('repeat-hms', v.repeatHms, false, 'key')}` +
        `<span class="aside"> (often quoted as 5 s × interval ÷ tick: ${out('naive', v.naive, false)})</span>`,
    ) +
    row('Samples caught per coincidence', out('caught', v.caught)) +
    row('Spikes', out('gaps', v.gaps)) +
    row('Spikes start at', out('spikes', v.spikes, false)) +
    '</dl>' +
    `<p class="statement">${out('statement', v.statement)}</p>`
  );
}
