import { codePointLabel } from '../text.ts';
// The settings behind the hostapd.conf generator and their validation. The rules follow
// hostapd 2.10's config parser (hostapd/config_file.c) or the standard, whichever is stricter:
// hostapd silently truncates long interface names, only counts passphrase characters and takes
// any two upper-case letters as a country, so those checks come from Linux, 802.11 and ISO 3166.

/** Security modes the generator writes. */
export type SecurityMode = 'wpa2' | 'wpa3' | 'wpa2-wpa3' | 'open';

/** Radio bands: 2.4 GHz is hostapd's hw_mode=g, 5 GHz is hw_mode=a. */
export type Band = '2.4' | '5';

/**
 * hostapd driver interface. Only nl80211: every current Linux Wi-Fi driver speaks it, and the
 * old Prism2 `hostap` driver left the kernel years ago.
 */
export type Driver = 'nl80211';

/** Everything the reader chooses; strings are taken as typed, nothing is trimmed. */
export interface HostapdSettings {
  /** Wi-Fi interface hostapd runs the access point on, e.g. wlan0. */
  iface: string;
  /** Bridge hostapd adds the Wi-Fi interface to; empty for none. */
  bridge: string;
  /** Wired interface the companion commands add to the bridge; empty for none. */
  uplink: string;
  /** Network name, any Unicode text of 1–32 bytes in UTF-8. */
  ssid: string;
  driver: Driver;
  /** ISO 3166-1 alpha-2 code, upper case. */
  countryCode: string;
  band: Band;
  channel: number;
  security: SecurityMode;
  /** 8–63 printable ASCII characters, or 64 hex digits taken as a raw PSK; ignored for open. */
  passphrase: string;
  /** Leave the SSID out of beacons (hostapd's ignore_broadcast_ssid); false when missing. */
  hidden?: boolean;
}

/** Names of the settings, used to place an error next to its form control. */
export type FieldName = keyof HostapdSettings;

/** A problem with one setting: the field and a sentence saying what is allowed. */
export interface FieldError {
  field: FieldName;
  message: string;
}

/** The iOS TLS post's example (interface, bridge, SSID, driver, country, WPA2-PSK, passphrase), plus an explicit band and channel. */
export const DEFAULT_SETTINGS: Readonly<HostapdSettings> = Object.freeze({
  iface: 'wlan0',
  bridge: 'br0',
  uplink: 'enp1s0',
  ssid: 'iPhoneCapture',
  driver: 'nl80211',
  countryCode: 'AR',
  band: '2.4',
  channel: 6,
  security: 'wpa2',
  passphrase: 'helloworld',
});

/** Human labels of the fields, as on the form; error messages start with them. */
export const FIELD_LABELS: Readonly<Record<FieldName, string>> = Object.freeze({
  iface: 'Interface',
  bridge: 'Bridge',
  uplink: 'Uplink',
  ssid: 'SSID',
  driver: 'Driver',
  countryCode: 'Country code',
  band: 'Band',
  channel: 'Channel',
  security: 'Security',
  passphrase: 'Passphrase',
  hidden: 'Hidden network',
});

/** Security modes with the wording the form shows. */
export const SECURITY_MODES: readonly { value: SecurityMode; label: string }[] = [
  { value: 'wpa2', label: 'WPA2-Personal' },
  { value: 'wpa3', label: 'WPA3-Personal (SAE)' },
  { value: 'wpa2-wpa3', label: 'WPA2/WPA3 transition' },
  { value: 'open', label: 'Open (no password)' },
];

/** Bands with the wording the form shows. */
export const BANDS: readonly { value: Band; label: string }[] = [
  { value: '2.4', label: '2.4 GHz' },
  { value: '5', label: '5 GHz' },
];

/** Drivers with the wording the form shows. */
export const DRIVERS: readonly { value: Driver; label: string }[] = [
  { value: 'nl80211', label: 'nl80211 (every current Linux Wi-Fi driver)' },
];

const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

// Channel 14 is left out: it is 802.11b-only and allowed in Japan alone. On 5 GHz these are the
// 20 MHz channels of UNII-1 to UNII-3 that most regulatory domains know.
const CHANNELS: Readonly<Record<Band, readonly number[]>> = Object.freeze({
  '2.4': range(1, 13, 1),
  '5': [...range(36, 64, 4), ...range(100, 144, 4), ...range(149, 165, 4)],
});

/** Channels the generator offers for a band. */
export function channelsFor(band: Band): readonly number[] {
  return CHANNELS[band];
}

/** The channel to keep when the band changes: the same one if the band has it, else its usual default. */
export function channelForBand(band: Band, current: number): number {
  if (channelsFor(band).includes(current)) return current;
  return band === '5' ? 36 : 6;
}

/** Whether a 5 GHz channel needs radar detection (DFS) before the AP may transmit. */
export function isDfsChannel(band: Band, channel: number): boolean {
  return band === '5' && channel >= 52 && channel <= 144;
}

// Officially assigned ISO 3166-1 alpha-2 codes (249, as in Debian's iso-codes).
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
    'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
    'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
    'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
    'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
    'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
    'VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Whether a string is an officially assigned ISO 3166-1 alpha-2 code in upper case. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, so check {@link hasLoneSurrogate}). */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Whether a string holds half of a surrogate pair, which has no UTF-8 form. */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

const NAMED_CONTROLS: Readonly<Record<number, string>> = {
  0: 'NUL',
  9: 'tab',
  10: 'line feed',
  11: 'vertical tab',
  12: 'form feed',
  13: 'carriage return',
  27: 'escape',
  127: 'delete',
};

/** Describes one character for an error message, naming invisible ones by code point. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = codePointLabel(ch);
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) && !/\s/.test(ch)) return `"${ch}"`;
  const name = NAMED_CONTROLS[cp] ?? (cp === 32 ? 'space' : undefined);
  return name ? `${hex} (${name})` : hex;
}

const CONTROL = /\p{Cc}/u;

function firstMatch(text: string, re: RegExp): string | undefined {
  return text.match(re)?.[0];
}

function checkIfname(field: 'iface' | 'bridge' | 'uplink', value: string): string | undefined {
  const label = FIELD_LABELS[field];
  if (value === '') return undefined;
  const allowed = `${label} must be a Linux interface name: 1–15 bytes, without "/", ":", spaces or control characters`;
  if (hasLoneSurrogate(value)) return `${allowed}; it contains an invalid Unicode character`;
  const bad = firstMatch(value, /[/:\s\p{Cc}]/u);
  if (bad !== undefined) return `${allowed}; found ${describeChar(bad)}`;
  const bytes = utf8Bytes(value).length;
  if (bytes > 15) return `${allowed}; "${value}" is ${bytes} bytes`;
  if (value === '.' || value === '..') return `${allowed}; "." and ".." are reserved`;
  return undefined;
}

function checkSsid(ssid: string): string | undefined {
  const allowed = 'SSID must be 1–32 bytes of text (UTF-8: "é" counts as 2 bytes, most emoji as 4)';
  if (ssid === '') return `${allowed}; it is empty`;
  if (hasLoneSurrogate(ssid)) return `${allowed}; it contains an invalid Unicode character`;
  const bad = firstMatch(ssid, CONTROL);
  if (bad !== undefined) {
    return `SSID must not contain control characters such as newline, tab or NUL; found ${describeChar(bad)}`;
  }
  const bytes = utf8Bytes(ssid).length;
  if (bytes > 32) return `${allowed}; this one is ${bytes} bytes`;
  return undefined;
}

const PSK_RE = /^[0-9a-fA-F]{64}$/;

/** Whether the passphrase field holds a raw 256-bit PSK (64 hex digits) rather than a passphrase. */
export function isRawPsk(value: string): boolean {
  return PSK_RE.test(value);
}

function checkPassphrase(value: string, security: SecurityMode): string | undefined {
  const allowed =
    'Passphrase must be 8–63 printable ASCII characters (letters, digits, space and symbols), or exactly 64 hex digits for a raw PSK';
  if (isRawPsk(value)) {
    if (security === 'wpa3' || security === 'wpa2-wpa3') {
      return 'Passphrase: WPA3 (SAE) needs a real passphrase of 8–63 printable ASCII characters; a 64-hex-digit PSK only works with WPA2-Personal';
    }
    return undefined;
  }
  if (hasLoneSurrogate(value)) return `${allowed}; it contains an invalid Unicode character`;
  const bad = firstMatch(value, /[^\x20-\x7e]/u);
  if (bad !== undefined) return `${allowed}; found ${describeChar(bad)}`;
  if (value.length === 64)
    return `${allowed}; a 64-character value must be all hex digits (0–9, a–f)`;
  if (value.length < 8 || value.length > 63) {
    return `${allowed}; it has ${value.length} character${value.length === 1 ? '' : 's'}`;
  }
  return undefined;
}

function oneOf<T extends string>(values: readonly { value: T }[], v: unknown): v is T {
  return values.some((x) => x.value === v);
}

/** Checks every setting; an empty list means the settings can be rendered. */
export function validateSettings(s: HostapdSettings): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: FieldName, message: string | undefined): void => {
    if (message !== undefined) errors.push({ field, message });
  };

  add(
    'iface',
    s.iface === ''
      ? 'Interface is required: the Wi-Fi interface name, e.g. wlan0'
      : checkIfname('iface', s.iface),
  );
  add('bridge', checkIfname('bridge', s.bridge));
  add('uplink', checkIfname('uplink', s.uplink));
  if (s.bridge !== '' && s.bridge === s.iface) {
    add(
      'bridge',
      'Bridge must differ from Interface: hostapd adds the Wi-Fi interface to the bridge',
    );
  }
  if (s.uplink !== '') {
    if (s.bridge === '')
      add('uplink', 'Uplink needs a Bridge to join: fill in Bridge, or leave Uplink empty');
    else if (s.uplink === s.bridge)
      add('uplink', 'Uplink must differ from Bridge: it is the wired interface added to it');
    if (s.uplink === s.iface)
      add(
        'uplink',
        'Uplink must differ from Interface: it is the wired interface, not the Wi-Fi one',
      );
  }

  add('ssid', checkSsid(s.ssid));

  if (!oneOf(DRIVERS, s.driver))
    add('driver', 'Driver must be nl80211, which every current Linux Wi-Fi driver supports');

  if (!isCountryCode(s.countryCode)) {
    const upper = typeof s.countryCode === 'string' ? s.countryCode.toUpperCase() : '';
    const hint =
      upper !== s.countryCode && isCountryCode(upper) ? `; did you mean "${upper}"?` : '';
    add(
      'countryCode',
      `Country code must be an ISO 3166-1 alpha-2 code in upper case, such as AR, DE or US${hint}`,
    );
  }

  if (!oneOf(BANDS, s.band)) {
    add('band', 'Band must be 2.4 GHz or 5 GHz');
  } else if (!channelsFor(s.band).includes(s.channel)) {
    const list = s.band === '2.4' ? '1–13' : channelsFor('5').join(', ');
    add('channel', `Channel must be one of ${list} for ${s.band} GHz`);
  }

  if (!oneOf(SECURITY_MODES, s.security)) {
    add('security', 'Security must be WPA2-Personal, WPA3-Personal, WPA2/WPA3 transition or open');
  } else if (s.security !== 'open') {
    add('passphrase', checkPassphrase(s.passphrase, s.security));
  }
  return errors;
}

/** Non-blocking remarks about valid settings, for the reader rather than for hostapd. */
export function settingsWarnings(s: HostapdSettings): string[] {
  const notes: string[] = [];
  if (s.security === 'open')
    notes.push('Open network: anyone nearby can join it and use the uplink.');
  if (isDfsChannel(s.band, s.channel)) {
    notes.push(
      `Channel ${s.channel} is a DFS channel: hostapd listens for radar for at least a minute before starting, and many USB adapters cannot run an AP there.`,
    );
  }
  if (s.security !== 'open' && !isRawPsk(s.passphrase) && /^ | $/.test(s.passphrase)) {
    notes.push(
      'The passphrase starts or ends with a space; it is part of the passphrase, keep it when editing the file.',
    );
  }
  return notes;
}
