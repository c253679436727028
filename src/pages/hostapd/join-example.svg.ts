import type { APIRoute } from 'astro';
import { qrSvg } from '../../core/hostapd/qr-svg.ts';
import { DEFAULT_SETTINGS } from '../../core/hostapd/settings.ts';
import { JOIN_IMAGE_SIZE, joinImageAlt } from '../../core/hostapd/view.ts';
import { wifiUri } from '../../core/hostapd/wifi-uri.ts';

// The QR code of the TLS post's example network as an image file: feeds show it in place of the
// inline SVG, which readers drop or draw without its colours.
export const GET: APIRoute = () =>
  new Response(
    qrSvg(wifiUri(DEFAULT_SETTINGS), {
      title: joinImageAlt(DEFAULT_SETTINGS),
      size: JOIN_IMAGE_SIZE,
    }),
    {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
    },
  );
