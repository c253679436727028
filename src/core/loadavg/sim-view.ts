/**
 * Everything the load-average simulator shows, as HTML from a simulation: presets, fields, the
 * chart, the peak, a summary in words and the table of spikes. Rendered by the component at build
 * time and by its custom element (src/components/loadavg/load-simulator.ts) in the browser.
 */
import { attributes, escapeHtml } from '../html.ts';
import { type FieldSpec, fieldsHtml, widgetId } from '../widgets/field.ts';
import { chartGeometry } from './chart.ts';
import { chartFileSize, chartSvg, chartSvgFile } from './chart-svg.ts';
import { formatDuration, NO_VALUE } from './format.ts';
import { formatLoad } from './kernel.ts';
import { SIM_PRESETS, type SimFormValues, type SimPreset, validateSim } from './params.ts';
import { gapSpread } from './runs.ts';
import { type SimResult, simulate } from './simulate.ts';

/** The simulator's field keys, in form order. */
export const SIM_KEYS = [
  'instances',
  'threads',
  'burst',
  'baseline',
  'round',
  'jitter',
  'hz',
  'interval',
  'span',
  'seed',
] as const satisfies readonly (keyof SimFormValues)[];

/** Plain-language reading of a simulation, for the text beside the chart and its alternative. */
export interface SimSummary {
  /** One or two sentences: the peak, how many spikes and how far apart. */
  readonly headline: string;
  /** The first spikes as table rows. */
  readonly rows: ReadonlyArray<{
    readonly time: string;
    readonly samples: number;
    readonly threads: number;
    readonly peak: string;
  }>;
  /** Spikes found but not listed in rows. */
  readonly more: number;
}

/** Summarises a result: peak, spike count and typical spacing, and up to `maxRows` spikes. */
export function summarise(result: SimResult, maxRows = 12): SimSummary {
  const settled = formatLoad(result.startLoad);
  const span = formatDuration(result.params.spanS);
  const rows = result.spikes.slice(0, maxRows).map((s) => ({
    time: formatDuration(Math.round(s.startS)),
    samples: s.samples,
    threads: s.maxThreads,
    peak: formatLoad(s.peakLoad1),
  }));
  let headline: string;
  if (result.spikeCount === 0) {
    headline = `No sample caught the agents’ threads in ${span}: the 1-minute load stays near ${settled} (peak ${formatLoad(result.peak.load1)}).`;
  } else {
    const gaps = gapSpread(result.spikes.map((s) => s.startS));
    const spacing = gaps ? `, typically ${formatDuration(Math.round(gaps.median))} apart` : '';
    const n = result.spikeCount;
    headline =
      `${n} spike${n === 1 ? '' : 's'} in ${span}${spacing}, over a settled load of about ${settled}; ` +
      `the highest 1-minute load is ${formatLoad(result.peak.load1)}, at ${peakTime(result)}.`;
  }
  return { headline, rows, more: Math.max(0, result.spikeCount - rows.length) };
}

function peakTime(result: SimResult): string {
  return formatDuration(Math.round(result.timesS[result.peak.sample] ?? 0));
}

/** "18.28 at 52 min 30 s": the highest 1-minute load and when. */
export function peakText(result: SimResult): string {
  return `${formatLoad(result.peak.load1)} at ${peakTime(result)}`;
}

/** The chart's title. */
export function chartTitle(result: SimResult): string {
  return `1-, 5- and 15-minute load average over ${formatDuration(result.params.spanS)}`;
}

/** What the chart shows, in figures: the scenario and the summary (alt text of the chart image). */
export function chartDescription(result: SimResult): string {
  const p = result.params;
  const n = p.instances;
  const scenario =
    `${n} agent instance${n === 1 ? '' : 's'} of ${p.threads} thread${p.threads === 1 ? '' : 's'} ` +
    `every ${p.intervalUs / 1e6} s, HZ = ${p.hz}, round_interval ${p.roundInterval ? 'on' : 'off'}` +
    (p.jitterUs > 0 ? `, collection_jitter ${p.jitterUs / 1e6} s` : '');
  return `Chart of the ${chartTitle(result)} for ${scenario}. ${summarise(result).headline}`;
}

/** The preset whose values equal the form's (text compared trimmed), if any. */
export function activePreset(values: SimFormValues): SimPreset | undefined {
  return SIM_PRESETS.find((p) =>
    SIM_KEYS.every((k) => {
      const v = values[k];
      return typeof v === 'string' ? v.trim() === p.values[k] : v === p.values[k];
    }),
  );
}

/** The preset buttons (the active one pressed) and the active preset's description. */
export function presetsHtml(prefix: string, values: SimFormValues): string {
  const active = activePreset(values);
  const buttons = SIM_PRESETS.map(
    (p) =>
      `<button${attributes({ type: 'button', id: widgetId(prefix, `preset-${p.id}`), 'data-preset': p.id, 'aria-pressed': String(p === active) })}>${escapeHtml(p.label)}</button>`,
  ).join('');
  return (
    `<div class="presets" role="group" aria-label="Scenarios">${buttons}</div>` +
    `<p class="preset-description" id="${escapeHtml(widgetId(prefix, 'preset-description'))}">${escapeHtml(active?.description ?? 'Your own scenario.')}</p>`
  );
}

/** The simulator's fields. */
export function simFields(v: SimFormValues): FieldSpec[] {
  const text = (
    key: Exclude<(typeof SIM_KEYS)[number], 'round'>,
    label: string,
    more: Partial<Pick<FieldSpec & { inputmode?: 'numeric' }, 'hint' | 'inputmode'>> = {},
  ): FieldSpec => ({ key, name: key, label, value: v[key], ...more });
  return [
    text('instances', 'Instances', { inputmode: 'numeric', hint: 'host + containers' }),
    text('threads', 'Threads per collection', { inputmode: 'numeric' }),
    text('burst', 'Burst (ms)'),
    text('baseline', 'Baseline load', {
      hint: 'other tasks runnable or in uninterruptible sleep (D state)',
    }),
    {
      kind: 'checkbox',
      key: 'round',
      name: 'round',
      label: 'round_interval',
      mono: true,
      checked: v.round,
      hint: 'align collections to the clock',
    },
    text('jitter', 'collection_jitter (s)'),
    {
      key: 'hz',
      name: 'hz',
      label: 'HZ',
      value: v.hz,
      inputmode: 'numeric',
      suggestions: ['100', '250', '300', '1000'],
    },
    text('interval', 'Interval (s)'),
    text('span', 'Span (h)', { hint: 'up to 24' }),
    text('seed', 'Seed', { inputmode: 'numeric', hint: 'random phases and jitter' }),
  ];
}

/** The simulator's form. */
export function simFormHtml(prefix: string, values: SimFormValues): string {
  return `<form id="${escapeHtml(widgetId(prefix, 'form'))}" class="controls" novalidate>${fieldsHtml(prefix, simFields(values))}</form>`;
}

/** Where a feed reader finds the chart as an image: URL, alt text and the image's size. */
export interface FeedChart {
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

/** The feed stand-in for a result's chart, served at `src` (see chartImagePath). */
export function feedChart(result: SimResult, src: string): FeedChart {
  return { src, alt: chartDescription(result), ...chartFileSize(chartGeometry(result)) };
}

const LEGEND =
  '<figcaption data-feed-omit><ul class="legend">' +
  '<li><span class="swatch l1" aria-hidden="true"></span>1-minute</li>' +
  '<li><span class="swatch l5" aria-hidden="true"></span>5-minute</li>' +
  '<li><span class="swatch l15" aria-hidden="true"></span>15-minute</li>' +
  '<li><span class="marker" aria-hidden="true">▼</span>spike (samples that counted the agents)</li>' +
  '</ul></figcaption>';

/**
 * The chart, peak, summary and spike table for a result, or placeholders while input is invalid.
 * With `feedChart`, the chart carries what toFeedHtml needs to put the chart image in its place.
 */
export function simResultsHtml(
  prefix: string,
  result: SimResult | null,
  feedChart?: FeedChart,
): string {
  const id = (part: string): string => widgetId(prefix, part);
  const forAll = SIM_KEYS.map(id).join(' ');
  const geometry = result ? chartGeometry(result) : null;
  const width = geometry?.width ?? 640;
  const height = geometry?.height ?? 260;
  const svg =
    `<svg${attributes({
      id: id('chart-svg'),
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': id('chart-title'),
      'aria-describedby': `${id('peak-line')} ${id('summary')}`,
      'data-feed-image': feedChart?.src,
      'data-feed-alt': feedChart?.alt,
      'data-feed-width': feedChart?.width,
      'data-feed-height': feedChart?.height,
    })}>` +
    `<title id="${escapeHtml(id('chart-title'))}">${escapeHtml(result ? chartTitle(result) : 'No chart: fix the highlighted field')}</title>` +
    `<g>${geometry ? chartSvg(geometry) : ''}</g></svg>`;
  const summary = result ? summarise(result) : null;
  const rows = (summary?.rows ?? [])
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.time)}</td><td>${r.samples}</td><td>${r.threads}</td><td>${escapeHtml(r.peak)}</td></tr>`,
    )
    .join('');
  const more = summary?.more ?? 0;
  const output = (part: string, text: string): string =>
    `<output${attributes({ id: id(part), for: forAll, 'aria-live': 'polite' })}>${escapeHtml(text)}</output>`;
  return (
    `<figure class="chart" id="${escapeHtml(id('chart'))}">${svg}${LEGEND}</figure>` +
    `<p class="headline" id="${escapeHtml(id('peak-line'))}"><span class="label">Peak 1-minute load:</span> ${output('peak', result ? peakText(result) : NO_VALUE)}</p>` +
    `<p class="summary">${output('summary', summary?.headline ?? 'Fix the highlighted field to run the simulation.')}</p>` +
    `<table id="${escapeHtml(id('spikes'))}"><caption>Spikes found</caption><thead><tr>` +
    '<th scope="col">Starts at</th><th scope="col">Samples</th><th scope="col">Agent threads counted</th><th scope="col">Peak 1-min load</th>' +
    `</tr></thead><tbody>${rows}</tbody></table>` +
    `<p${attributes({ class: 'more', id: id('more'), hidden: more === 0 })}>${more > 0 ? `… and ${more} more.` : ''}</p>`
  );
}

/** The chart image file of a preset's scenario, for feeds (built by src/pages/charts/). */
export function presetChartFile(preset: SimPreset): string {
  const checked = validateSim(preset.values);
  if (!checked.ok)
    throw new Error(`Preset ${preset.id} is invalid: ${JSON.stringify(checked.errors)}`);
  const result = simulate(checked.value);
  return chartSvgFile(chartGeometry(result), {
    title: chartTitle(result),
    desc: chartDescription(result),
  });
}
