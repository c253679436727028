/**
 * The hostapd.conf generator's custom element: on every edit it validates with the model, shows
 * each message at its field and re-renders the file, the commands and the QR code from view.ts.
 * Nothing goes into the page address or storage: the passphrase stays in the page. The QR encoder
 * (7 KB gzipped) loads at the first edit; until then the code the build drew is reused.
 */
import { CONFIG_FILE_NAME } from '../../core/hostapd/config.ts';
import { channelForBand, DEFAULT_SETTINGS } from '../../core/hostapd/settings.ts';
import type { QrDrawer } from '../../core/hostapd/view.ts';
import {
  channelOptions,
  checkGenerator,
  type GeneratorValues,
  generatorOutputHtml,
  generatorValues,
  settingsFrom,
  ssidHint,
} from '../../core/hostapd/view.ts';
import { optionsHtml } from '../../core/widgets/field.ts';
import { byId, FormState, failureHtml, setText } from '../widgets/form-state.ts';
import { morph } from '../widgets/morph.ts';

class HostapdGeneratorElement extends HTMLElement {
  #text = '';

  connectedCallback(): void {
    const prefix = this.dataset['prefix'] ?? 'hostapd-generator';
    const output = this.querySelector('[data-output="results"]');
    if (!output) throw new Error('hostapd-generator: missing its results container');
    const drawn = new Map<string, string>();
    const built = this.querySelector(`#${prefix}-qr`);
    const builtUri = this.querySelector('[data-output="uri"]')?.textContent;
    if (built && builtUri) drawn.set(builtUri, built.outerHTML);
    let encoder: QrDrawer | undefined;
    const drawQr: QrDrawer = (text, options) => encoder?.(text, options) ?? drawn.get(text);
    const form = new FormState<GeneratorValues, unknown>(this, {
      instance: prefix,
      defaults: generatorValues(DEFAULT_SETTINGS),
      validate: checkGenerator,
      render: (checked, values) => {
        const s = settingsFrom(values);
        setText(byId(this, `${prefix}-ssid-hint`), ssidHint(values.ssid));
        form.control('passphrase').disabled = values.security === 'open';
        morph(output, generatorOutputHtml(prefix, s, { live: true, drawQr }));
        this.#text = checked.ok
          ? (this.querySelector('[data-output="config"]')?.textContent ?? '')
          : '';
      },
      fail: (message) => {
        this.#text = '';
        morph(output, failureHtml(message));
      },
    });
    // Runs before the form's own listener: the channel list must match the band it validates.
    form.control('band').addEventListener('input', () => {
      const channel = form.control('channel');
      const band = form.control('band').value === '5' ? '5' : '2.4';
      const chosen = channelForBand(band, Number(channel.value));
      channel.innerHTML = optionsHtml(channelOptions(band), String(chosen));
    });
    this.addEventListener('click', (event) => {
      const action = (event.target as Element).closest('button')?.dataset['action'];
      if (action === 'copy') void this.#copy();
      if (action === 'download') this.#download();
    });
    this.addEventListener(
      'input',
      () =>
        void import('../../core/hostapd/qr-svg.ts').then(({ qrSvg }) => {
          encoder = qrSvg;
          form.update();
        }),
      { once: true },
    );
    const fieldset = this.querySelector('fieldset');
    if (fieldset) fieldset.disabled = false;
    form.start();
  }

  #status(message: string): void {
    const el = this.querySelector('.status');
    if (el) el.textContent = message;
  }

  async #copy(): Promise<void> {
    if (this.#text === '') return;
    try {
      await navigator.clipboard.writeText(this.#text);
      this.#status(`Copied ${CONFIG_FILE_NAME} to the clipboard.`);
    } catch {
      const code = this.querySelector('[data-output="config"]');
      const selection = window.getSelection();
      if (code && selection) {
        const range = document.createRange();
        range.selectNodeContents(code);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.#status('Copying was blocked; the file is selected, press Ctrl+C.');
    }
  }

  #download(): void {
    if (this.#text === '') return;
    const url = URL.createObjectURL(new Blob([this.#text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = CONFIG_FILE_NAME;
    a.hidden = true;
    this.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.#status(`Saved ${CONFIG_FILE_NAME}.`);
  }
}

if (!customElements.get('hostapd-generator')) {
  customElements.define('hostapd-generator', HostapdGeneratorElement);
}
