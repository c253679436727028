import type { APIRoute } from 'astro';
import { DEFAULT_SETTINGS } from '../../lib/hostapd/settings.ts';
import { joinImageSvg } from '../../lib/hostapd/view.ts';

// The QR code of the TLS post's example network as an image file: feeds show it in place of the
// inline SVG, which readers drop or draw without its colours.
export const GET: APIRoute = () =>
  new Response(joinImageSvg(DEFAULT_SETTINGS), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
