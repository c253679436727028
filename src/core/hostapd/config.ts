// Renders hostapd.conf. hostapd reads the file line by line: a line is a comment only when '#'
// is its first byte, the key runs to the first '=', and the value is everything after it, byte
// for byte (trailing spaces, '#' and a CRLF's '\r' included). So values never carry anything
// that could end a line, keys always start in column 0, and an SSID that plain `ssid=` would
// mangle for a human editor is written as `ssid2=P"…"`, which hostapd decodes with
// printf_decode (\" \\ \xNN …).

import {
  FIELD_LABELS,
  type FieldError,
  type FieldName,
  type HostapdSettings,
  isDfsChannel,
  isRawPsk,
  settingsWarnings,
  utf8Bytes,
  validateSettings,
} from './settings.ts';

/** How the SSID is written: plain `ssid=` or escaped `ssid2=P"…"`, and whether it is UTF-8. */
export interface EncodedSsid {
  key: 'ssid' | 'ssid2';
  value: string;
  /** Non-ASCII text: the file also sets utf8_ssid=1. */
  utf8: boolean;
}

// Printable ASCII without '#' (confusing next to comments) and without edge spaces (editors and
// readers lose them) is unambiguous as a plain `ssid=` value.
const PLAIN_SSID = /^[\x21-\x22\x24-\x7e](?:[\x20-\x22\x24-\x7e]*[\x21-\x22\x24-\x7e])?$/;

// Characters shown as themselves inside P"…"; anything else (format characters such as bidi
// overrides, unusual spaces, unassigned code points) becomes \xNN bytes so it is visible.
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Encodes an SSID so hostapd reads back exactly its UTF-8 bytes (validate it first). */
export function encodeSsid(ssid: string): EncodedSsid {
  const utf8 = /\P{ASCII}/u.test(ssid);
  if (PLAIN_SSID.test(ssid)) return { key: 'ssid', value: ssid, utf8 };
  let body = '';
  for (const ch of ssid) {
    if (ch === '"' || ch === '\\') body += `\\${ch}`;
    else if ((ch >= ' ' && ch <= '~') || VISIBLE.test(ch)) body += ch;
    else for (const b of utf8Bytes(ch)) body += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return { key: 'ssid2', value: `P"${body}"`, utf8 };
}

/** One `key=value` line of hostapd.conf with the comment lines above it. */
export interface ConfigLine {
  comments: readonly string[];
  key: string;
  value: string;
}

/** Result of generating the file: the text, or the errors that stop it being offered. */
export type BuildResult =
  | { ok: true; text: string; lines: ConfigLine[]; warnings: string[] }
  | { ok: false; errors: FieldError[] };

/** File name the download offers and the companion commands use. */
export const CONFIG_FILE_NAME = 'hostapd.conf';

function settingLines(s: HostapdSettings): ConfigLine[][] {
  const ssid = encodeSsid(s.ssid);
  const iface: ConfigLine[] = [
    {
      comments: ['the interface used by the AP, replace as needed'],
      key: 'interface',
      value: s.iface,
    },
  ];
  if (s.bridge !== '') {
    iface.push({
      comments: ['hostapd adds the interface to this bridge when it starts'],
      key: 'bridge',
      value: s.bridge,
    });
  }

  const radio: ConfigLine[] = [
    {
      comments:
        ssid.key === 'ssid'
          ? ['the name of the AP']
          : [
              'the name of the AP, written as P"…" so hostapd reads it exactly',
              '(\\" is a double quote, \\\\ a backslash, \\xNN one byte)',
            ],
      key: ssid.key,
      value: ssid.value,
    },
  ];
  if (ssid.utf8) {
    radio.push({ comments: ['tell clients the name is UTF-8 text'], key: 'utf8_ssid', value: '1' });
  }
  if (s.hidden === true) {
    radio.push({
      comments: ['leave the name out of beacons: clients must know it to join'],
      key: 'ignore_broadcast_ssid',
      value: '1',
    });
  }
  radio.push(
    {
      comments: ['Driver interface type; nl80211 suits every current Wi-Fi driver'],
      key: 'driver',
      value: s.driver,
    },
    {
      comments: ['Country code (ISO/IEC 3166-1): sets legal channels and power'],
      key: 'country_code',
      value: s.countryCode,
    },
    {
      comments: ['advertise the country code in beacons (802.11d)'],
      key: 'ieee80211d',
      value: '1',
    },
    {
      comments: ['Band: g = 2.4 GHz, a = 5 GHz'],
      key: 'hw_mode',
      value: s.band === '2.4' ? 'g' : 'a',
    },
    {
      comments: [
        s.band === '2.4'
          ? 'Channel; 1, 6 and 11 are the 2.4 GHz ones that do not overlap'
          : isDfsChannel(s.band, s.channel)
            ? 'Channel; a DFS one: hostapd listens for radar before sending'
            : 'Channel (20 MHz wide)',
      ],
      key: 'channel',
      value: String(s.channel),
    },
  );

  const auth: ConfigLine[] = [
    {
      comments: authAlgsComments(s.security),
      key: 'auth_algs',
      value: '1',
    },
  ];
  if (s.security === 'open') return [iface, radio, auth];

  auth.push({
    comments: ['1=WPA, 2=WPA2 (RSN), 3=both; WPA3 also uses 2'],
    key: 'wpa',
    value: '2',
  });

  const keyMgmt = {
    wpa2: { value: 'WPA-PSK', comment: 'WPA-PSK = WPA2-Personal' },
    wpa3: { value: 'SAE', comment: 'SAE = WPA3-Personal' },
    'wpa2-wpa3': {
      value: 'WPA-PSK SAE',
      comment: 'WPA-PSK SAE = WPA2 and WPA3, each client picks',
    },
  }[s.security];
  const wpa: ConfigLine[] = [
    {
      comments: [
        'Set of accepted cipher suites; disabling insecure TKIP (CCMP = AES)',
        'rsn_pairwise is the WPA2/WPA3 setting; the older wpa_pairwise=CCMP',
        'works too, as hostapd copies it when rsn_pairwise is missing',
      ],
      key: 'rsn_pairwise',
      value: 'CCMP',
    },
    {
      comments: ['Set of accepted key management algorithms', keyMgmt.comment],
      key: 'wpa_key_mgmt',
      value: keyMgmt.value,
    },
  ];
  if (s.security !== 'wpa2') {
    wpa.push({
      comments:
        s.security === 'wpa3'
          ? ['Protected management frames: 2 = required, as WPA3 demands']
          : ['Protected management frames: 1 = optional, so WPA2 clients can join'],
      key: 'ieee80211w',
      value: s.security === 'wpa3' ? '2' : '1',
    });
  }
  if (isRawPsk(s.passphrase)) {
    wpa.push({
      comments: ['Network key: a raw 256-bit PSK (64 hex digits), no passphrase'],
      key: 'wpa_psk',
      value: s.passphrase.toLowerCase(),
    });
  } else {
    const edge = /^ | $/.test(s.passphrase);
    wpa.push({
      comments: edge
        ? ['Network password; it starts or ends with a space: keep the space']
        : ['Network password'],
      key: 'wpa_passphrase',
      value: s.passphrase,
    });
  }
  return [iface, radio, auth, wpa];
}

const FILE_HEADER = [
  '# hostapd.conf, checked against hostapd 2.10.',
  '# A line starting with # is a comment. hostapd reads everything after',
  '# "=" literally: never put a comment or trailing spaces after a value.',
];

// Control characters, DEL and the C1 range: none may reach the file, whatever got past validation.
const UNSAFE = /[\p{Cc}\u2028\u2029]/u;

const KEY_FIELDS: Readonly<Record<string, FieldName>> = {
  interface: 'iface',
  bridge: 'bridge',
  ssid: 'ssid',
  ssid2: 'ssid',
  driver: 'driver',
  country_code: 'countryCode',
  wpa_passphrase: 'passphrase',
  wpa_psk: 'passphrase',
};

// auth_algs is the 802.11 authentication bit field: 1 = open system, 2 = shared key. WPA2-Personal
// authenticates with open system and then the 4-way handshake; WPA3-Personal authenticates with
// SAE (802.11 authentication algorithm 3), which hostapd allows when wpa_key_mgmt lists SAE,
// whatever auth_algs says (ieee802_11.c checks SAE against wpa_key_mgmt, not auth_algs).
function authAlgsComments(security: HostapdSettings['security']): string[] {
  const shared = '(2 = shared key, for WEP only; never use it)';
  switch (security) {
    case 'open':
      return [
        'Authentication algorithms: 1 = open system',
        shared,
        'No wpa= line follows: this network has no encryption',
      ];
    case 'wpa2':
      return ['Authentication algorithms: 1 = open system, which WPA2 uses', shared];
    case 'wpa3':
      return [
        'Authentication algorithms: 1 = open system; 2 = shared key (WEP only)',
        'WPA3 authenticates with SAE instead, which wpa_key_mgmt=SAE below',
        'turns on whatever this says',
      ];
    case 'wpa2-wpa3':
      return [
        'Authentication algorithms: 1 = open system, which WPA2 clients use',
        shared,
        'WPA3 clients authenticate with SAE, turned on by wpa_key_mgmt below',
      ];
  }
}

/** Validates the settings and renders hostapd.conf with LF line endings and explanatory comments. */
export function buildHostapdConfig(s: HostapdSettings): BuildResult {
  const errors = validateSettings(s);
  if (errors.length > 0) return { ok: false, errors };

  const groups = settingLines(s);
  const out: string[] = [...FILE_HEADER];
  for (const group of groups) {
    out.push('');
    for (const line of group) {
      if (UNSAFE.test(line.value)) {
        const field = KEY_FIELDS[line.key] ?? 'ssid';
        return {
          ok: false,
          errors: [{ field, message: `${FIELD_LABELS[field]} contains a control character` }],
        };
      }
      for (const c of line.comments) out.push(`# ${c}`);
      out.push(`${line.key}=${line.value}`);
    }
  }
  return {
    ok: true,
    text: `${out.join('\n')}\n`,
    lines: groups.flat(),
    warnings: settingsWarnings(s),
  };
}
