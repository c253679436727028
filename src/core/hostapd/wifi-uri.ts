// The Wi-Fi network URI that phone cameras (iOS, Android, ZXing) read from a QR code to join a
// network: WIFI:T:<type>;S:<ssid>;P:<password>;H:true;; from the Wi-Fi Alliance's WPA3
// specification. In the SSID and password a backslash escapes each of \ ; , " and : (tools that
// skip this make codes that join the wrong network or none). The SSID is the one hostapd will
// broadcast: decoded back from the value the generated file gives it, not copied from the form.

import { encodeSsid } from './config.ts';
import type { HostapdSettings } from './settings.ts';

const SPECIAL = /[\\;,":]/g;

/** Escapes the five characters with a meaning in a Wi-Fi URI field. */
export function escapeWifiField(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

const SIMPLE_ESCAPES = new Map([
  ['\\', 0x5c],
  ['"', 0x22],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
  ['e', 0x1b],
]);

/** The bytes hostapd reads from an `ssid=` value or an `ssid2=P"…"` value (its printf_decode). */
export function ssidValueBytes(key: 'ssid' | 'ssid2', value: string): Uint8Array {
  const raw = new TextEncoder().encode(value);
  if (key === 'ssid') return raw;
  if (!value.startsWith('P"') || !value.endsWith('"')) {
    throw new Error(`ssid2 value ${JSON.stringify(value)} is not written as P"…"`);
  }
  const body = raw.slice(2, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const b = body[i] ?? 0;
    if (b !== 0x5c) {
      out.push(b);
      continue;
    }
    const e = String.fromCharCode(body[++i] ?? 0);
    const simple = SIMPLE_ESCAPES.get(e);
    if (simple !== undefined) out.push(simple);
    else if (e === 'x') {
      out.push(Number.parseInt(String.fromCharCode(body[i + 1] ?? 0, body[i + 2] ?? 0), 16));
      i += 2;
    } else throw new Error(`ssid2 value has an escape the generator never writes: \\${e}`);
  }
  return Uint8Array.from(out);
}

/** The SSID text hostapd will broadcast for these settings (validate them first). */
export function broadcastSsid(s: HostapdSettings): string {
  const { key, value } = encodeSsid(s.ssid);
  return new TextDecoder('utf-8', { fatal: true }).decode(ssidValueBytes(key, value));
}

/** The WIFI: URI for joining the network these (valid) settings describe. */
export function wifiUri(s: HostapdSettings): string {
  const open = s.security === 'open';
  const fields = [`T:${open ? 'nopass' : 'WPA'}`, `S:${escapeWifiField(broadcastSsid(s))}`];
  if (!open) fields.push(`P:${escapeWifiField(s.passphrase)}`);
  if (s.hidden === true) fields.push('H:true');
  return `WIFI:${fields.join(';')};;`;
}
