/**
 * The beat calculator's custom element: re-renders the figures from beat-view.ts on every edit,
 * with the scenario kept in the URL query (?interval=…&hz=…&burst=…) and the HZ quick picks.
 */
import { analyseBeat } from '../../core/loadavg/beat.ts';
import { BEAT_KEYS, type BeatValues, beatResultsHtml } from '../../core/loadavg/beat-view.ts';
import { DEFAULT_BEAT_INPUT, validateBeat } from '../../core/loadavg/params.ts';
import { FormState, failureHtml } from '../widgets/form-state.ts';
import { morph } from '../widgets/morph.ts';

class BeatCalculatorElement extends HTMLElement {
  connectedCallback(): void {
    const prefix = this.dataset['prefix'] ?? 'beat';
    const results = this.querySelector('[data-output="results"]');
    if (!results) throw new Error('beat-calculator: missing its results container');
    const defaults: BeatValues = { ...DEFAULT_BEAT_INPUT };
    const form = new FormState(this, {
      instance: prefix,
      defaults,
      validate: validateBeat,
      render: (checked, values) => {
        morph(results, beatResultsHtml(prefix, checked.ok ? analyseBeat(checked.value) : null));
        for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-hz]')) {
          b.setAttribute('aria-pressed', String(b.dataset['hz'] === values.hz.trim()));
        }
      },
      fail: (message) => morph(results, failureHtml(message)),
      urlKeys: BEAT_KEYS,
    });
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-hz]');
      if (!button) return;
      form.write({ hz: button.dataset['hz'] ?? '' });
      form.update(true);
    });
    form.start();
  }
}

if (!customElements.get('beat-calculator')) {
  customElements.define('beat-calculator', BeatCalculatorElement);
}
