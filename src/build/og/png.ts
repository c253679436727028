/**
 * A PNG encoder for the cards: an 8-bit palette image (colour type 3), no interlacing, zlib from
 * Node. A card is mostly runs of one colour, so rows go unfiltered and deflate with run-length
 * matching, which compresses them about as well as the default strategy for a fraction of the CPU.
 */
import { constants, crc32, deflateSync } from 'node:zlib';
import type { IndexedImage } from '../../core/og/raster.ts';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** PNG colour type 3: palette indices (PNG specification, section 11.2.2). */
const INDEXED = 3;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes a palette image as PNG bytes; the same image always gives the same bytes. */
export function encodePng(image: IndexedImage): Uint8Array {
  const { width, height, palette, indices } = image;
  if (indices.length !== width * height) {
    throw new Error(`encodePng: ${indices.length} indices is not ${width}×${height} pixels`);
  }
  if (palette.length < 1 || palette.length > 256) {
    throw new Error(`encodePng: a palette holds 1 to 256 colours (got ${palette.length})`);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, INDEXED, 0, 0, 0], 8); // 8-bit indices, deflate, filter set 0, no interlace
  const plte = new Uint8Array(palette.length * 3);
  for (const [i, c] of palette.entries()) plte.set([c >> 16, (c >> 8) & 0xff, c & 0xff], i * 3);
  // Each row starts with its filter type, 0 (none).
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const parts = [
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 6, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
