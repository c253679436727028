/**
 * Everything the HZ guesser shows, as HTML from the model's answer: its fields, the most likely
 * HZ, the sentence explaining it and every candidate's prediction. Rendered by the component at
 * build time and by its custom element (src/components/loadavg/hz-guesser.ts) in the browser.
 */
import { attributes, escapeHtml } from '../html.ts';
import { type FieldSpec, fieldsHtml, widgetId } from '../widgets/field.ts';
import type { HzGuess } from './beat.ts';
import { formatDuration, NO_VALUE } from './format.ts';
import { COMMON_HZ } from './kernel.ts';
import { formatDecimal, rat, toNumber } from './rational.ts';

/** The guesser's form values, as typed. */
export interface HzGuessValues {
  readonly observed: string;
  readonly interval: string;
}

/** Field keys, in form order. */
export const HZ_GUESS_KEYS = ['observed', 'interval'] as const;

/** One row of the guesser's table. */
export interface HzRow {
  readonly hz: string;
  readonly predicted: string;
  readonly off: string;
}

function describeOff(ratio: number): string {
  const off = Math.abs(ratio - 1);
  if (off < 0.001) return 'less than 0.1 % from what you see';
  if (ratio > 2) return `about ${Math.round(ratio)} times shorter than what you see`;
  if (ratio < 0.5) return `about ${Math.round(1 / ratio)} times longer than what you see`;
  return `${(off * 100).toFixed(off < 0.1 ? 1 : 0)} % from what you see`;
}

/** The sentence under the answer: which HZ fits, how well, or why none does. */
export function hzStatement(g: HzGuess): string {
  const best = g.best;
  if (!best) {
    const interval = `${formatDecimal(rat(g.intervalUs, 1_000_000), 3)} s`;
    return `With a ${interval} interval none of HZ ${COMMON_HZ.join('/')} makes separate periodic spikes: the two schedules either never drift apart or meet all the time.`;
  }
  const what = best.basis === 'spacing' ? 'spikes every' : 'the full pattern repeating every';
  const predicted = `${what} ${formatDuration(Math.round(toNumber(best.predicted)))}`;
  const how = describeOff(best.ratio);
  return g.confident
    ? `HZ = ${best.hz} predicts ${predicted}, ${how}.`
    : `None of HZ ${COMMON_HZ.join('/')} fits well; the closest is HZ = ${best.hz}, which predicts ${predicted} (${how}). Check the interval, or the kernel may use another HZ.`;
}

/** Turns an HZ guess into the guesser's texts. */
export function hzView(g: HzGuess): { best: string; statement: string; rows: readonly HzRow[] } {
  return {
    best: g.best ? `HZ = ${g.best.hz}${g.confident ? '' : ' (poor fit)'}` : NO_VALUE,
    statement: hzStatement(g),
    rows: g.ranked.map((c) => ({
      hz: String(c.hz),
      predicted: `${formatDuration(Math.round(toNumber(c.predicted)))}${c.basis === 'repeat' ? ' (full repeat)' : ''}`,
      off: `${c.ratio >= 1 ? '+' : '−'}${(Math.abs(c.ratio - 1) * 100).toFixed(1)} %`,
    })),
  };
}

/** The guesser's fields. */
export function hzGuessFields(values: HzGuessValues): FieldSpec[] {
  return [
    {
      key: 'observed',
      name: 'observed',
      label: 'I see spikes every',
      value: values.observed,
      inputmode: 'text',
      size: 14,
      hint: 'minutes, or e.g. 1h44m, about 7 hours, 6250 s',
    },
    { key: 'interval', name: 'interval', label: 'Agent interval (s)', value: values.interval },
  ];
}

/** The guesser's form. */
export function hzGuessFormHtml(prefix: string, values: HzGuessValues): string {
  return `<form id="${escapeHtml(widgetId(prefix, 'form'))}" class="controls" novalidate>${fieldsHtml(prefix, hzGuessFields(values))}</form>`;
}

/** The answer, its explanation and the table of candidates, or placeholders for invalid input. */
export function hzGuessResultsHtml(prefix: string, guess: HzGuess | null): string {
  const v = guess
    ? hzView(guess)
    : { best: NO_VALUE, statement: 'Fix the highlighted field to see the answer.', rows: [] };
  const forAll = HZ_GUESS_KEYS.map((k) => widgetId(prefix, k)).join(' ');
  const out = (part: string, text: string): string =>
    `<output${attributes({ id: widgetId(prefix, part), for: forAll, 'aria-live': 'polite' })}>${escapeHtml(text)}</output>`;
  const rows = v.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.hz)}</th><td>${escapeHtml(r.predicted)}</td><td>${escapeHtml(r.off)}</td></tr>`,
    )
    .join('');
  return (
    `<p class="headline"><span class="label">Most likely:</span> ${out('best', v.best)}</p>` +
    `<p class="statement">${out('statement', v.statement)}</p>` +
    `<table id="${escapeHtml(widgetId(prefix, 'table'))}"><caption>What each common HZ predicts for this interval</caption>` +
    '<thead><tr><th scope="col">HZ</th><th scope="col">Spikes every</th><th scope="col">You see vs. this</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}
