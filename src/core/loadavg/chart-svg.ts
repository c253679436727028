/**
 * The load chart as SVG, from its geometry. On the page the chart is inline and styled by class,
 * so it follows the site's light or dark palette; as a file (for feeds, where readers apply no CSS
 * and may show any background) every colour, the font and an opaque background are written into
 * the SVG itself, with the legend drawn in.
 */
import { escapeHtml } from '../html.ts';
import { LIGHT } from '../palette.ts';
import type { ChartGeometry } from './chart.ts';

/** The parts of a chart that carry a style. */
type Part = 'grid' | 'axis' | 'tick' | 'l1' | 'l5' | 'l15' | 'spike';

/** Inline presentation attributes of each part in the chart file: the site's light palette. */
const INLINE: Readonly<Record<Part, string>> = {
  grid: `stroke="${LIGHT.border}" stroke-width="1"`,
  axis: `stroke="${LIGHT.muted}" stroke-width="1"`,
  tick: `fill="${LIGHT.muted}"`,
  l1: `fill="none" stroke="${LIGHT.accent}" stroke-width="1.5" stroke-linejoin="round"`,
  l5: `fill="none" stroke="${LIGHT.fg}" stroke-width="1.25" stroke-dasharray="5 3" stroke-linejoin="round"`,
  l15: `fill="none" stroke="${LIGHT.muted}" stroke-width="1.25" stroke-dasharray="1.5 2.5" stroke-linejoin="round"`,
  spike: `fill="${LIGHT.error}"`,
};

/** Legend entries, as on the page. */
const LEGEND: ReadonlyArray<readonly [Part, string]> = [
  ['l1', '1-minute'],
  ['l5', '5-minute'],
  ['l15', '15-minute'],
  ['spike', 'spike (samples that counted the agents)'],
];

const LEGEND_HEIGHT = 26;

/** Width and height of the chart file: the chart plus the legend row under it. */
export function chartFileSize(g: ChartGeometry): { width: number; height: number } {
  return { width: g.width, height: g.height + LEGEND_HEIGHT };
}

function parts(g: ChartGeometry, style: (part: Part) => string): string {
  const { plot } = g;
  const right = plot.x + plot.w;
  const bottom = plot.y + plot.h;
  const out: string[] = [];
  for (const t of g.yTicks) {
    const y = t.y.toFixed(1);
    out.push(
      `<line ${style('grid')} x1="${plot.x}" x2="${right}" y1="${y}" y2="${y}"/>`,
      `<text ${style('tick')} x="${plot.x - 4}" y="${(t.y + 4).toFixed(1)}" text-anchor="end">${escapeHtml(t.label)}</text>`,
    );
  }
  for (const t of g.xTicks) {
    out.push(
      `<text ${style('tick')} x="${t.x.toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(t.label)}</text>`,
    );
  }
  out.push(
    `<line ${style('axis')} x1="${plot.x}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`,
    `<path ${style('l15')} d="${g.paths.load15}"/>`,
    `<path ${style('l5')} d="${g.paths.load5}"/>`,
    `<path ${style('l1')} d="${g.paths.load1}"/>`,
  );
  for (const m of g.markers) {
    const x = m.x.toFixed(1);
    const y = (m.y - 4).toFixed(1);
    out.push(
      `<path ${style('spike')} d="M${x} ${y}l-4 -7h8z"><title>peak ${escapeHtml(m.label)}</title></path>`,
    );
  }
  return out.join('');
}

/** SVG markup (children of the page's <svg>) for a chart: grid, axis labels, three lines, spike marks. */
export function chartSvg(g: ChartGeometry): string {
  return parts(g, (part) => `class="${part}"`);
}

function legend(g: ChartGeometry): string {
  const y = g.height + LEGEND_HEIGHT / 2;
  let x = g.plot.x;
  const out: string[] = [];
  for (const [part, label] of LEGEND) {
    out.push(
      part === 'spike'
        ? `<path ${INLINE.spike} d="M${x + 8} ${y + 4}l-4 -7h8z"/>`
        : `<line ${INLINE[part]} x1="${x}" x2="${x + 24}" y1="${y}" y2="${y}"/>`,
      `<text ${INLINE.tick} x="${x + 30}" y="${y + 4}">${escapeHtml(label)}</text>`,
    );
    // Advance by the label at about 6 px a character of 11 px type.
    x += 30 + label.length * 6 + 18;
  }
  return out.join('');
}

/**
 * A standalone SVG file of the chart for feed readers: opaque white background, inline colours and
 * font, the legend under the plot, and a title and description for assistive technology.
 */
export function chartSvgFile(g: ChartGeometry, text: { title: string; desc: string }): string {
  const { height } = chartFileSize(g);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${height}" viewBox="0 0 ${g.width} ${height}" ` +
    'font-family="DejaVu Sans, Verdana, Arial, Helvetica, sans-serif" font-size="11" role="img">' +
    `<title>${escapeHtml(text.title)}</title><desc>${escapeHtml(text.desc)}</desc>` +
    `<rect width="${g.width}" height="${height}" fill="${LIGHT.bg}"/>` +
    parts(g, (part) => INLINE[part]) +
    legend(g) +
    '</svg>\n'
  );
}
