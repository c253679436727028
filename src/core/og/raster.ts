/**
 * Turns the SVG satori writes for a social card into pixels. A general SVG renderer (resvg)
 * spent about 30 ms per card, most of it allocating, clearing and copying full-size RGBA buffers;
 * a card is a few filled rectangles and text outlines on white, so this draws exactly that:
 * `<rect>` and `<path>` with a solid fill, in document order, anti-aliased by exact area coverage
 * (the accumulation method of font-rs). Anything else in the SVG (strokes, clips, masks in use,
 * transforms, images, gradients) is refused by name, so a layout change that needs more fails the
 * build instead of drawing a wrong card. The tests compare its output with resvg's.
 *
 * The image is kept as palette indices from the start: white, a few inks and their edge blends
 * fit 256 colours, the PNG stores one byte a pixel, and no full-colour buffer is ever made.
 * Should a drawing need more, the extra colours take the nearest one in the palette.
 */

/** An image of at most 256 colours: one palette index a pixel, rows top to bottom. */
export interface IndexedImage {
  readonly width: number;
  readonly height: number;
  /** Colours as 0xRRGGBB, in the order first painted. */
  readonly palette: readonly number[];
  readonly indices: Uint8Array;
}

/** The colours of an image being painted, each with its index. */
class Palette {
  readonly colours: number[] = [];
  readonly #index = new Map<number, number>();
  /**
   * The index of a colour, added if new. Past 256 colours (only edge blends of several inks over one
   * another could get there) a colour takes the index of the nearest one already there.
   */
  of(colour: number): number {
    let i = this.#index.get(colour);
    if (i === undefined) {
      i = this.colours.length < 256 ? this.colours.push(colour) - 1 : this.#nearest(colour);
      this.#index.set(colour, i);
    }
    return i;
  }

  #nearest(colour: number): number {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [i, c] of this.colours.entries()) {
      const d =
        (((c >> 16) & 0xff) - ((colour >> 16) & 0xff)) ** 2 +
        (((c >> 8) & 0xff) - ((colour >> 8) & 0xff)) ** 2 +
        ((c & 0xff) - (colour & 0xff)) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  }
}

interface Canvas {
  readonly width: number;
  readonly height: number;
  readonly indices: Uint8Array;
  readonly palette: Palette;
}

/** Coverage levels of an edge pixel, from none to full. */
const COVERAGE_STEPS = 63;

/** Containers whose content is never painted by itself (satori writes unused overflow masks). */
const NOT_PAINTED = new Set([
  'defs',
  'mask',
  'clipPath',
  'linearGradient',
  'radialGradient',
  'pattern',
]);
/** Attributes each painted element may carry; any other one is a feature this renderer lacks. */
const ALLOWED = new Map<string, ReadonlySet<string>>([
  ['svg', new Set(['width', 'height', 'viewBox', 'xmlns'])],
  ['g', new Set()],
  ['rect', new Set(['x', 'y', 'width', 'height', 'fill'])],
  ['path', new Set(['fill', 'd'])],
]);

/** Parses `#rgb` or `#rrggbb` to 0xRRGGBB; anything else is refused with the value named. */
export function parseColour(value: string): number {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short)
    return Number.parseInt(
      short
        .slice(1)
        .map((c) => `${c}${c}`)
        .join(''),
      16,
    );
  if (/^#[0-9a-f]{6}$/i.test(value)) return Number.parseInt(value.slice(1), 16);
  throw new Error(`card raster: fill "${value}" is not a #rgb or #rrggbb colour`);
}

/** `a` blended towards `b` by `t` (0 to 1), channel by channel, as 0xRRGGBB. */
function mix(a: number, b: number, t: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const ca = (a >> shift) & 0xff;
    const cb = (b >> shift) & 0xff;
    out |= Math.round(ca + (cb - ca) * t) << shift;
  }
  return out;
}

/**
 * Flattens SVG path data (M L H V Q C Z, absolute or relative) into line segments, appended to
 * `out` as x0, y0, x1, y1 quadruples. Curves become lines short enough that the error stays under
 * a tenth of a pixel.
 */
export function flattenPath(d: string, out: number[]): void {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  let i = 0;
  let cmd = '';
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  const num = (): number => {
    const t = tokens[i++];
    const n = t === undefined ? Number.NaN : Number(t);
    if (!Number.isFinite(n))
      throw new Error(`card raster: path data has "${t}" where a number belongs`);
    return n;
  };
  const line = (x1: number, y1: number) => {
    out.push(x, y, x1, y1);
    x = x1;
    y = y1;
  };
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'Z' || cmd === 'z') {
        line(sx, sy);
        continue;
      }
    } else if (cmd === '' || cmd === 'Z' || cmd === 'z') {
      throw new Error(`card raster: path data starts a number "${t}" with no command`);
    }
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (cmd.toUpperCase()) {
      case 'M':
        x = sx = ox + num();
        y = sy = oy + num();
        cmd = rel ? 'l' : 'L'; // further pairs after a move are lines
        break;
      case 'L':
        line(ox + num(), oy + num());
        break;
      case 'H':
        line(ox + num(), y);
        break;
      case 'V':
        line(x, oy + num());
        break;
      case 'Q': {
        const [cx, cy, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num()];
        const n = segments(Math.hypot(x - 2 * cx + ex, y - 2 * cy + ey));
        const [x0, y0] = [x, y];
        for (let k = 1; k <= n; k++) {
          const t1 = k / n;
          const u = 1 - t1;
          line(
            u * u * x0 + 2 * u * t1 * cx + t1 * t1 * ex,
            u * u * y0 + 2 * u * t1 * cy + t1 * t1 * ey,
          );
        }
        break;
      }
      case 'C': {
        const [c1x, c1y, c2x, c2y, ex, ey] = [
          ox + num(),
          oy + num(),
          ox + num(),
          oy + num(),
          ox + num(),
          oy + num(),
        ];
        const dev = Math.max(
          Math.hypot(x - 2 * c1x + c2x, y - 2 * c1y + c2y),
          Math.hypot(c1x - 2 * c2x + ex, c1y - 2 * c2y + ey),
        );
        const n = segments(1.5 * dev);
        const [x0, y0] = [x, y];
        for (let k = 1; k <= n; k++) {
          const t1 = k / n;
          const u = 1 - t1;
          const [a, b, c, e] = [u * u * u, 3 * u * u * t1, 3 * u * t1 * t1, t1 * t1 * t1];
          line(a * x0 + b * c1x + c * c2x + e * ex, a * y0 + b * c1y + c * c2y + e * ey);
        }
        break;
      }
      default:
        throw new Error(`card raster: path command "${cmd}" is not supported (M L H V Q C Z only)`);
    }
  }
}

/** Line segments for a curve whose control polygon bends by `deviation` pixels: error ≤ 0.1 px. */
function segments(deviation: number): number {
  return Math.max(1, Math.min(64, Math.ceil(Math.sqrt(deviation * 1.25))));
}

/**
 * Fills the shape bounded by `lines` (non-zero winding) with a colour, blending by the exact area
 * of each pixel the shape covers.
 */
function fill(canvas: Canvas, lines: readonly number[], ink: number): void {
  const { width, height, indices, palette } = canvas;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < lines.length; k += 2) {
    const px = lines[k] ?? 0;
    const py = lines[k + 1] ?? 0;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  const x0 = Math.max(0, Math.floor(minX));
  const y0 = Math.max(0, Math.floor(minY));
  const y1 = Math.min(height, Math.ceil(maxY));
  const x1 = Math.min(width, Math.ceil(maxX));
  if (x1 <= x0 || y1 <= y0) return;
  const w = x1 - x0 + 2; // two spare columns: a line's area spills one pixel to the right
  const h = y1 - y0;
  const acc = new Float32Array(w * h);
  for (let k = 0; k < lines.length; k += 4) {
    // Clamp x into the area drawn: coverage left of the image piles up at its left edge, as it should.
    const ax = Math.min(Math.max((lines[k] ?? 0) - x0, 0), w - 2);
    const ay = (lines[k + 1] ?? 0) - y0;
    const bx = Math.min(Math.max((lines[k + 2] ?? 0) - x0, 0), w - 2);
    const by = (lines[k + 3] ?? 0) - y0;
    accumulate(acc, w, h, ax, ay, bx, by);
  }
  const inkIndex = palette.of(ink);
  // What each (colour below, coverage level) pair becomes: computed once, looked up after.
  const blended = new Int16Array(256 * (COVERAGE_STEPS + 1)).fill(-1);
  for (let row = 0; row < h; row++) {
    let sum = 0;
    let o = (y0 + row) * width + x0;
    const base = row * w;
    for (let col = 0; col < w - 2; col++, o++) {
      sum += acc[base + col] ?? 0;
      // Coverage in 63rds: finer steps than the eye tells apart at text edges, and few enough
      // colours (white, four inks, 62 blends each) for the PNG to fit an 8-bit palette.
      const level = Math.round(Math.min(1, Math.abs(sum)) * COVERAGE_STEPS);
      if (level === 0) continue;
      if (level === COVERAGE_STEPS) {
        indices[o] = inkIndex;
        continue;
      }
      const below = indices[o] ?? 0;
      const slot = below * (COVERAGE_STEPS + 1) + level;
      let index = blended[slot] ?? -1;
      if (index < 0) {
        index = palette.of(mix(palette.colours[below] ?? 0xffffff, ink, level / COVERAGE_STEPS));
        blended[slot] = index;
      }
      indices[o] = index;
    }
  }
}

/** Adds one line's signed area to the accumulation buffer (font-rs's `draw_line`). */
function accumulate(
  acc: Float32Array,
  w: number,
  h: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): void {
  if (ay === by) return;
  const dir = ay < by ? 1 : -1;
  const [px, py, qx, qy] = ay < by ? [ax, ay, bx, by] : [bx, by, ax, ay];
  const dxdy = (qx - px) / (qy - py);
  let x = px;
  let top = py;
  if (top < 0) {
    x -= top * dxdy;
    top = 0;
  }
  const bottom = Math.min(qy, h);
  for (let y = Math.floor(top); y < bottom; y++) {
    const start = y * w;
    const dy = Math.min(y + 1, bottom) - Math.max(y, top);
    const xnext = x + dxdy * dy;
    const d = dy * dir;
    const [l, rr] = x < xnext ? [x, xnext] : [xnext, x];
    const lf = Math.floor(l);
    const li = lf;
    const rc = Math.ceil(rr);
    const ri = rc;
    if (ri <= li + 1) {
      const xmf = 0.5 * (x + xnext) - lf;
      acc[start + li] = (acc[start + li] ?? 0) + d - d * xmf;
      acc[start + li + 1] = (acc[start + li + 1] ?? 0) + d * xmf;
    } else {
      const s = 1 / (rr - l);
      const x0f = l - lf;
      const a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
      const x1f = rr - rc + 1;
      const am = 0.5 * s * x1f * x1f;
      acc[start + li] = (acc[start + li] ?? 0) + d * a0;
      if (ri === li + 2) {
        acc[start + li + 1] = (acc[start + li + 1] ?? 0) + d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - x0f);
        acc[start + li + 1] = (acc[start + li + 1] ?? 0) + d * (a1 - a0);
        for (let xi = li + 2; xi < ri - 1; xi++) acc[start + xi] = (acc[start + xi] ?? 0) + d * s;
        const a2 = a1 + (ri - li - 3) * s;
        acc[start + ri - 1] = (acc[start + ri - 1] ?? 0) + d * (1 - a2 - am);
      }
      acc[start + ri] = (acc[start + ri] ?? 0) + d * am;
    }
    x = xnext;
  }
}

/** Paints a rectangle; whole-pixel edges (all satori writes for boxes) are set, not rasterised. */
function fillRect(canvas: Canvas, x: number, y: number, w: number, h: number, ink: number): void {
  if (![x, y, w, h].every(Number.isInteger)) {
    fill(
      canvas,
      [x, y, x + w, y, x + w, y, x + w, y + h, x + w, y + h, x, y + h, x, y + h, x, y],
      ink,
    );
    return;
  }
  const { width, height, indices, palette } = canvas;
  const [left, right] = [Math.max(0, x), Math.min(width, x + w)];
  if (right <= left) return;
  const index = palette.of(ink);
  for (let row = Math.max(0, y); row < Math.min(height, y + h); row++) {
    indices.fill(index, row * width + left, row * width + right);
  }
}

/** Renders a satori SVG of filled rectangles and paths on a white canvas; refuses anything else. */
export function rasteriseSvg(svg: string): IndexedImage {
  let image: Canvas | undefined;
  let hidden = 0;
  const tags = /<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  for (const [, closing, name = '', attrText = '', selfClosing] of svg.matchAll(tags)) {
    if (NOT_PAINTED.has(name)) {
      if (!selfClosing) hidden += closing ? -1 : 1;
      continue;
    }
    if (closing || hidden > 0) continue;
    const allowed = ALLOWED.get(name);
    if (!allowed)
      throw new Error(`card raster: <${name}> is not supported (rect, path and g only)`);
    const attrs = new Map<string, string>();
    for (const [, key = '', value = ''] of attrText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (!allowed.has(key)) {
        throw new Error(`card raster: <${name} ${key}="${value}"> is not supported`);
      }
      attrs.set(key, value);
    }
    const numberOf = (key: string) => {
      const n = Number(attrs.get(key) ?? 0);
      if (!Number.isFinite(n)) throw new Error(`card raster: <${name}> ${key} is not a number`);
      return n;
    };
    if (name === 'svg') {
      const [width, height] = [numberOf('width'), numberOf('height')];
      const viewBox = attrs.get('viewBox');
      if (viewBox !== undefined && viewBox !== `0 0 ${width} ${height}`) {
        throw new Error(`card raster: viewBox "${viewBox}" must be "0 0 ${width} ${height}"`);
      }
      if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
        throw new Error(`card raster: the SVG needs whole-pixel width and height`);
      }
      const palette = new Palette();
      palette.of(0xffffff); // index 0, which the new pixels hold
      image = { width, height, indices: new Uint8Array(width * height), palette };
      continue;
    }
    if (!image) throw new Error(`card raster: <${name}> comes before <svg>`);
    const paint = attrs.get('fill') ?? '#000';
    if (name === 'g' || paint === 'none') continue;
    const colour = parseColour(paint);
    if (name === 'rect') {
      fillRect(image, numberOf('x'), numberOf('y'), numberOf('width'), numberOf('height'), colour);
    } else {
      const lines: number[] = [];
      flattenPath(attrs.get('d') ?? '', lines);
      fill(image, lines, colour);
    }
  }
  if (!image) throw new Error('card raster: no <svg> element');
  const { width, height, indices, palette } = image;
  return { width, height, indices, palette: palette.colours };
}
