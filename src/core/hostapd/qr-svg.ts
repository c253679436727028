// A QR code as SVG, drawn from @paulmillr/qr's module matrix: one path of dark squares on an
// opaque white square, colours inline, so it scans and reads the same on a page in dark mode, in
// a feed reader with no CSS, or as a standalone image file.

import { encodeQR } from '@paulmillr/qr';
import { attributes, escapeHtml } from '../html.ts';

/** What goes on the `<svg>` besides the drawing. */
export interface QrSvgOptions {
  /** Accessible name, also the `<title>`. */
  readonly title: string;
  /** Rendered size in CSS pixels; 4 per module unless given. */
  readonly size?: number;
  /** Extra attributes (id, data-feed-image…). */
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

/** The QR code of `text` (byte mode, UTF-8, error correction M, 4-module quiet zone) as SVG. */
export function qrSvg(text: string, options: QrSvgOptions): string {
  const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: 4, encoding: 'byte' });
  const n = matrix.length;
  let d = '';
  matrix.forEach((row, y) => {
    for (let x = 0; x < n; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      d += `M${x} ${y}h${end - x + 1}v1h${x - end - 1}z`;
      x = end;
    }
  });
  const size = options.size ?? n * 4;
  return (
    `<svg${attributes({
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${n} ${n}`,
      width: size,
      height: size,
      role: 'img',
      'shape-rendering': 'crispEdges',
      ...options.attrs,
    })}><title>${escapeHtml(options.title)}</title>` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
