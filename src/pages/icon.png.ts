import type { APIRoute } from 'astro';
import sharp from 'sharp';
import favicon from '../../public/favicon.svg?raw';

/** A 512×512 PNG of the favicon, for feed readers and platforms that want a raster icon. */
export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(favicon), { density: 1152 })
    .resize(512, 512)
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
