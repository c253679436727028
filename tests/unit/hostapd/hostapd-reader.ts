// A small model of how hostapd 2.10 reads its config file (hostapd_config_read and
// wpa_config_parse_string/printf_decode), so property tests can run thousands of cases quickly.
// The real hostapd judges a bounded sample in hostapd-judge.test.ts.

/** One setting as hostapd sees it: the key up to the first '=', the raw value after it. */
export interface ReadSetting {
  line: number;
  key: string;
  value: string;
}

/** Splits a config like hostapd: '#' only in column 0, no trimming, a lone '\r' stays in values. */
export function readSettings(text: string): ReadSetting[] {
  const out: ReadSetting[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw === '' || raw.startsWith('#')) return;
    const eq = raw.indexOf('=');
    if (eq < 0) throw new Error(`line ${i + 1} has no "=": ${JSON.stringify(raw)}`);
    out.push({ line: i + 1, key: raw.slice(0, eq), value: raw.slice(eq + 1) });
  });
  return out;
}

function hexByte(s: string, at: number): number {
  const pair = s.slice(at, at + 2);
  return /^[0-9a-fA-F]{2}$/.test(pair) ? Number.parseInt(pair, 16) : -1;
}

/** Port of printf_decode() from hostapd's src/utils/common.c, over UTF-8 bytes. */
export function printfDecode(bytes: Uint8Array): number[] {
  const s = String.fromCharCode(...bytes);
  const out: number[] = [];
  let pos = 0;
  while (pos < s.length) {
    const c = s[pos] ?? '';
    if (c !== '\\') {
      out.push(s.charCodeAt(pos));
      pos++;
      continue;
    }
    pos++;
    const e = s[pos] ?? '';
    const simple: Record<string, number> = {
      '\\': 0x5c,
      '"': 0x22,
      n: 0x0a,
      r: 0x0d,
      t: 0x09,
      e: 0x1b,
    };
    if (e in simple) {
      out.push(simple[e] ?? 0);
      pos++;
    } else if (e === 'x') {
      pos++;
      const v = hexByte(s, pos);
      if (v >= 0) {
        out.push(v);
        pos += 2;
      } else if (/^[0-9a-fA-F]$/.test(s[pos] ?? '')) {
        out.push(Number.parseInt(s[pos] ?? '0', 16));
        pos++;
      }
    } else if (/^[0-7]$/.test(e)) {
      let v = Number(e);
      pos++;
      for (let k = 0; k < 2 && /^[0-7]$/.test(s[pos] ?? ''); k++) {
        v = v * 8 + Number(s[pos]);
        pos++;
      }
      out.push(v & 0xff);
    } else if (e !== '') {
      // Unknown escape: hostapd keeps the character and drops the backslash.
      out.push(s.charCodeAt(pos));
      pos++;
    }
  }
  return out;
}

const enc = new TextEncoder();

/** The SSID bytes hostapd derives from an `ssid=` or `ssid2=` value, or null if it rejects it. */
export function ssidBytes(key: string, value: string): number[] | null {
  const raw = enc.encode(value);
  let bytes: number[] | null;
  if (key === 'ssid') {
    bytes = [...raw];
  } else if (value.startsWith('P"')) {
    bytes = value.endsWith('"') && value.length >= 3 ? printfDecode(raw.slice(2, -1)) : null;
  } else if (value.startsWith('"')) {
    bytes = value.endsWith('"') && value.length >= 2 ? [...raw.slice(1, -1)] : null;
  } else {
    bytes = /^(?:[0-9a-fA-F]{2})*$/.test(value)
      ? Array.from({ length: value.length / 2 }, (_, i) => hexByte(value, 2 * i))
      : null;
  }
  return bytes !== null && bytes.length >= 1 && bytes.length <= 32 ? bytes : null;
}
