/**
 * Geometry of the load chart, as plain data: SVG path strings, axis ticks and spike markers. The
 * component renders it once at build time and the browser re-applies it on every input, so the
 * static and live charts come from the same code.
 */
import { formatLoad, loadToNumber } from './kernel.ts';
import type { SimResult } from './simulate.ts';

/** Where things go in a chart of the given size. */
export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  /** The plotting area inside the axes. */
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** `d` attributes of the 1-, 5- and 15-minute lines. */
  readonly paths: { readonly load1: string; readonly load5: string; readonly load15: string };
  readonly yTicks: ReadonlyArray<{ readonly y: number; readonly label: string }>;
  readonly xTicks: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  /** One marker per spike (at most 200), at the spike's peak. */
  readonly markers: ReadonlyArray<{
    readonly x: number;
    readonly y: number;
    readonly label: string;
  }>;
  /** Top of the y axis, in load units. */
  readonly yMax: number;
}

const MARGIN = { left: 36, right: 20, top: 10, bottom: 24 };

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function hoursStep(spanS: number): number {
  const h = spanS / 3600;
  if (h <= 1) return 600;
  if (h <= 3) return 1800;
  if (h <= 6) return 3600;
  if (h <= 12) return 7200;
  return 14400;
}

function timeLabel(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} h`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h > 0 ? `${h} h ${m}` : `${m} min`;
}

/**
 * Lays out a simulation as a chart: one point per pixel column (the highest value of the column,
 * so a one-sample spike is never averaged away), ticks on round loads and hours.
 */
export function chartGeometry(result: SimResult, width = 640, height = 260): ChartGeometry {
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    w: width - MARGIN.left - MARGIN.right,
    h: height - MARGIN.top - MARGIN.bottom,
  };
  const spanS = result.params.spanS;
  let top = 0;
  for (const series of [result.load1, result.load5, result.load15]) {
    for (const v of series) if (v > top) top = v;
  }
  const topLoad = Math.max(loadToNumber(top), 0.5);
  const step = niceStep(topLoad, 4);
  const yMax = Math.ceil((topLoad * 1.05) / step) * step;
  const yOf = (fixed: number): number => plot.y + plot.h - (loadToNumber(fixed) / yMax) * plot.h;
  const xOf = (s: number): number => plot.x + (s / spanS) * plot.w;

  const columns = Math.max(1, Math.round(plot.w));
  const path = (series: Uint32Array): string => {
    const xs: string[] = [];
    const ys: string[] = [];
    let col = -1;
    let best = 0;
    const flush = (): void => {
      if (col < 0) return;
      xs.push(num(plot.x + ((col + 0.5) / columns) * plot.w));
      ys.push(num(yOf(best)));
    };
    for (let m = 0; m < series.length; m++) {
      const c = Math.min(columns - 1, Math.floor(((result.timesS[m] ?? 0) / spanS) * columns));
      if (c !== col) {
        flush();
        col = c;
        best = 0;
      }
      best = Math.max(best, series[m] ?? 0);
    }
    flush();
    // Flat stretches need only their two ends: keeps the static HTML (and feeds) small.
    const parts: string[] = [];
    for (let i = 0; i < xs.length; i++) {
      const flat = i > 0 && i < xs.length - 1 && ys[i] === ys[i - 1] && ys[i] === ys[i + 1];
      if (!flat) parts.push(`${parts.length === 0 ? 'M' : 'L'}${xs[i]} ${ys[i]}`);
    }
    return parts.join('');
  };

  const yTicks: Array<{ y: number; label: string }> = [];
  for (let v = 0; v <= yMax + step / 1000; v += step) {
    const rounded = Math.round(v / step) * step;
    yTicks.push({
      y: plot.y + plot.h - (rounded / yMax) * plot.h,
      label: step < 1 ? rounded.toFixed(1) : String(rounded),
    });
  }
  const xTicks: Array<{ x: number; label: string }> = [];
  const every = hoursStep(spanS);
  for (let s = 0; s <= spanS; s += every) xTicks.push({ x: xOf(s), label: timeLabel(s) });

  const markers = result.spikes.slice(0, 200).map((spike) => ({
    x: xOf(result.timesS[spike.peakSample] ?? 0),
    y: yOf(spike.peakLoad1),
    label: formatLoad(spike.peakLoad1),
  }));

  return {
    width,
    height,
    plot,
    paths: { load1: path(result.load1), load5: path(result.load5), load15: path(result.load15) },
    yTicks,
    xTicks,
    markers,
    yMax,
  };
}
