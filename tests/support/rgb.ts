import type { IndexedImage } from '../../src/core/og/raster.ts';

/** A palette image as RGB bytes, three a pixel, to compare with what other renderers draw. */
export function toRgb(image: IndexedImage): Uint8Array {
  const rgb = new Uint8Array(image.indices.length * 3);
  for (const [i, index] of image.indices.entries()) {
    const c = image.palette[index] ?? 0;
    rgb.set([c >> 16, (c >> 8) & 0xff, c & 0xff], i * 3);
  }
  return rgb;
}
