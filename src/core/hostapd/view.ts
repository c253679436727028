// Everything the hostapd.conf generator shows, as HTML: its form, the file, the companion commands
// and the QR code to join. The component renders it for the post's example at build time and the
// custom element (src/components/tls/hostapd-generator.ts) in the browser, so each label and row
// is written once. Text the reader typed ends up in commands and warnings: all of it is escaped.

import { escapeHtml } from '../html.ts';
import { ROUTES } from '../routes.ts';
import type { Checked } from '../widgets/checked.ts';
import { type FieldSpec, fieldsHtml, type SelectOption, widgetId } from '../widgets/field.ts';
import { type CompanionStep, companionSteps } from './commands.ts';
import { buildHostapdConfig, CONFIG_FILE_NAME } from './config.ts';
import type { QrSvgOptions } from './qr-svg.ts';
import {
  BANDS,
  type Band,
  channelsFor,
  FIELD_LABELS,
  type HostapdSettings,
  SECURITY_MODES,
  type SecurityMode,
  utf8Bytes,
} from './settings.ts';
import { broadcastSsid, wifiUri } from './wifi-uri.ts';

/**
 * What each mode asks of the phone. WPA3 needs both iOS 13 and the hardware of an iPhone 7 or later
 * (Apple Platform Security, "WPA3 support"): an iPhone 6s or first SE runs iOS 13 to 15 and still
 * cannot join a network that only offers SAE.
 */
const SECURITY_HINT =
  'Every iPhone joins WPA2. WPA3 needs an iPhone 7 or later with iOS 13 or later (an iPhone 6s or the first SE cannot join it, even on iOS 15); on a WPA2/WPA3 transition network, other iPhones join with WPA2.';

function stepHtml(step: CompanionStep): string {
  const warning =
    step.warning === undefined
      ? ''
      : `<p class="warning"><strong>Warning:</strong> ${escapeHtml(step.warning)}</p>`;
  return (
    `<li><p class="step-title">${escapeHtml(step.title)}</p>` +
    `<pre><code>${escapeHtml(step.command)}</code></pre>${warning}</li>`
  );
}

/** The setup steps and, when there is one, the teardown, as ordered lists. */
export function renderStepsHtml(steps: readonly CompanionStep[] | null): string {
  if (steps === null)
    return '<p class="empty">Fix the interface names above to see the commands.</p>';
  const setup = steps.filter((s) => s.phase === 'setup');
  const teardown = steps.filter((s) => s.phase === 'teardown');
  const list = (items: CompanionStep[]): string => `<ol>${items.map(stepHtml).join('')}</ol>`;
  return (
    `<h4>Setup</h4>${list(setup)}` +
    (teardown.length === 0 ? '' : `<h4>Teardown</h4>${list(teardown)}`)
  );
}

/** The generator's form values, as typed (text) or chosen. */
export interface GeneratorValues {
  readonly iface: string;
  readonly bridge: string;
  readonly uplink: string;
  readonly ssid: string;
  readonly passphrase: string;
  readonly countryCode: string;
  readonly security: string;
  readonly band: string;
  readonly channel: string;
  readonly hidden: boolean;
}

/** The form values that show a set of settings. */
export function generatorValues(s: HostapdSettings): GeneratorValues {
  return {
    iface: s.iface,
    bridge: s.bridge,
    uplink: s.uplink,
    ssid: s.ssid,
    passphrase: s.passphrase,
    countryCode: s.countryCode,
    security: s.security,
    band: s.band,
    channel: String(s.channel),
    hidden: s.hidden === true,
  };
}

/** The settings the form values describe (not yet validated). */
export function settingsFrom(v: GeneratorValues): HostapdSettings {
  return {
    iface: v.iface,
    bridge: v.bridge,
    uplink: v.uplink,
    ssid: v.ssid,
    driver: 'nl80211',
    countryCode: v.countryCode,
    band: v.band as Band,
    channel: Number(v.channel),
    security: v.security as SecurityMode,
    passphrase: v.passphrase,
    hidden: v.hidden,
  };
}

/** The model's verdict in the widget kit's shape: the settings, or one message per field. */
export function checkGenerator(v: GeneratorValues): Checked<HostapdSettings> {
  const s = settingsFrom(v);
  const result = buildHostapdConfig(s);
  if (result.ok) return { ok: true, value: s };
  const errors = new Map<string, string>();
  for (const e of result.errors) {
    const before = errors.get(e.field);
    errors.set(e.field, before === undefined ? e.message : `${before} ${e.message}`);
  }
  return { ok: false, errors: Object.fromEntries(errors) };
}

/** The SSID hint, with the byte count of what is typed now. */
export function ssidHint(ssid: string): string {
  return `Network name, 1–32 bytes of UTF-8 (now ${utf8Bytes(ssid).length}).`;
}

// Far beyond any valid value (an SSID is at most 32 bytes), so a stray paste of a whole file stays
// an error message instead of 200 KB the browser lays out again on every key.
const MAX_CHARS = 256;

function fieldSpecs(v: GeneratorValues): FieldSpec[] {
  const text = (key: keyof GeneratorValues, hint: string, value: string): FieldSpec => ({
    key,
    label: FIELD_LABELS[key as keyof typeof FIELD_LABELS],
    hint,
    value,
    inputmode: 'text',
    size: 16,
    maxlength: MAX_CHARS,
  });
  return [
    text('iface', 'The Wi-Fi interface, e.g. wlan0 (see ip link).', v.iface),
    text('bridge', 'Leave empty for no bridge.', v.bridge),
    text('uplink', 'Wired interface added to the bridge, e.g. enp1s0.', v.uplink),
    text('ssid', ssidHint(v.ssid), v.ssid),
    text(
      'passphrase',
      '8–63 printable ASCII characters, or 64 hex digits for a raw key. It stays in this page.',
      v.passphrase,
    ),
    text('countryCode', 'Two upper-case letters (ISO 3166-1), e.g. AR.', v.countryCode),
    {
      kind: 'select',
      key: 'security',
      label: FIELD_LABELS.security,
      hint: SECURITY_HINT,
      value: v.security,
      options: SECURITY_MODES,
    },
    {
      kind: 'select',
      key: 'band',
      label: FIELD_LABELS.band,
      hint: '5 GHz needs a card that can run an AP there.',
      value: v.band,
      options: BANDS,
    },
    {
      kind: 'select',
      key: 'channel',
      label: FIELD_LABELS.channel,
      hint: 'Channels 52–144 need radar detection (DFS).',
      value: v.channel,
      options: channelOptions(v.band === '5' ? '5' : '2.4'),
    },
    {
      kind: 'checkbox',
      key: 'hidden',
      label: FIELD_LABELS.hidden,
      hint: 'The name is left out of beacons; phones must be told it.',
      checked: v.hidden,
    },
  ];
}

/** The channels of a band as select options. */
export function channelOptions(band: Band): SelectOption[] {
  return channelsFor(band).map((c) => ({ value: String(c), label: String(c) }));
}

/**
 * The settings form. It is disabled as built: without the script nothing would read it, and the
 * feeds drop forms. method="dialog" and controls without a name: even a submit sends nothing.
 */
export function generatorFormHtml(prefix: string, v: GeneratorValues): string {
  return (
    '<form method="dialog" aria-label="Access point settings">' +
    '<fieldset class="controls" disabled><legend>Access point</legend>' +
    `${fieldsHtml(prefix, fieldSpecs(v))}</fieldset></form>`
  );
}

/** Site path of the QR code image of the post's example (src/pages/hostapd/join-example.svg.ts). */
export const JOIN_EXAMPLE_IMAGE = ROUTES.hostapdJoinExample;

/** Width and height of that image, in pixels. */
export const JOIN_IMAGE_SIZE = 256;

/** What the QR code image shows, for its alt text. */
export function joinImageAlt(s: HostapdSettings): string {
  return `QR code that joins the Wi-Fi network “${broadcastSsid(s)}”: ${wifiUri(s)}`;
}

/** Where the feeds find the QR code of the post's example, and what it shows. */
export interface FeedQr {
  readonly src: string;
  readonly alt: string;
}

/**
 * Draws a QR code as SVG (qrSvg from qr-svg.ts), or undefined while it cannot yet: the browser
 * loads the QR encoder only once the reader edits the settings.
 */
export type QrDrawer = (text: string, options: QrSvgOptions) => string | undefined;

function joinHtml(prefix: string, s: HostapdSettings, drawQr: QrDrawer, feedQr?: FeedQr): string {
  const uri = wifiUri(s);
  const name = broadcastSsid(s);
  const svg = drawQr(uri, {
    title: `QR code that joins the Wi-Fi network “${name}”`,
    attrs: {
      id: widgetId(prefix, 'qr'),
      'data-feed-image': feedQr?.src,
      'data-feed-alt': feedQr?.alt,
      'data-feed-width': feedQr ? String(JOIN_IMAGE_SIZE) : undefined,
      'data-feed-height': feedQr ? String(JOIN_IMAGE_SIZE) : undefined,
    },
  });
  return (
    `<figure class="join">${svg ?? '<p class="empty">Drawing the QR code…</p>'}<figcaption>` +
    `<p>Point an iPhone’s or Android phone’s camera at the code to join <strong>${escapeHtml(name)}</strong>. It holds this text:</p>` +
    `<p><code data-output="uri">${escapeHtml(uri)}</code></p>` +
    '<p class="hint">The code is drawn in this page: the passphrase in it never leaves the page.</p>' +
    '</figcaption></figure>'
  );
}

/**
 * Everything under the form: the file (or why there is none), its copy and download buttons
 * (`live`: shown, as the script can run them), warnings, the commands and the QR code to join.
 */
export function generatorOutputHtml(
  prefix: string,
  s: HostapdSettings,
  options: { live: boolean; drawQr: QrDrawer; feedQr?: FeedQr },
): string {
  const result = buildHostapdConfig(s);
  const n = result.ok ? 0 : result.errors.length;
  const text = result.ok
    ? result.text
    : `# No file yet: ${n} setting${n === 1 ? ' needs' : 's need'} fixing above.`;
  const disabled = result.ok ? '' : ' disabled';
  const title = widgetId(prefix, 'file-title');
  const warnings = result.ok ? result.warnings : [];
  return (
    `<div class="file"><div class="file-head"><h4 id="${escapeHtml(title)}">${CONFIG_FILE_NAME}</h4>` +
    `<div class="actions"${options.live ? '' : ' hidden'}>` +
    `<button type="button" data-action="copy"${disabled}>Copy</button>` +
    `<button type="button" data-action="download"${disabled}>Download ${CONFIG_FILE_NAME}</button></div></div>` +
    `<ul class="warnings"${warnings.length === 0 ? ' hidden' : ''}>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` +
    `<pre class="config" tabindex="0" role="region" aria-labelledby="${escapeHtml(title)}"${result.ok ? '' : ' data-invalid'}>` +
    `<code data-output="config">${escapeHtml(text)}</code></pre></div>` +
    `<div class="commands">${renderStepsHtml(companionSteps(s))}</div>` +
    `<h4>Join from a phone</h4>${result.ok ? joinHtml(prefix, s, options.drawQr, options.feedQr) : '<p class="empty">Fix the settings above to get a QR code.</p>'}`
  );
}
