/**
 * The simulator's custom element: re-runs the simulation on every edit and re-renders presets and
 * results from sim-view.ts; a preset button fills the form with its scenario.
 */
import {
  SIM_PRESETS,
  type SimFormValues,
  simPreset,
  validateSim,
} from '../../core/loadavg/params.ts';
import { presetsHtml, simResultsHtml } from '../../core/loadavg/sim-view.ts';
import { simulate } from '../../core/loadavg/simulate.ts';
import { FormState, failureHtml } from '../widgets/form-state.ts';
import { morph } from '../widgets/morph.ts';

class LoadSimulatorElement extends HTMLElement {
  connectedCallback(): void {
    const prefix = this.dataset['prefix'] ?? 'sim';
    const presets = this.querySelector('[data-output="presets"]');
    const results = this.querySelector('[data-output="results"]');
    if (!presets || !results) throw new Error('load-simulator: missing its output containers');
    const opening = simPreset(this.dataset['preset']) ?? simPreset();
    if (!opening) throw new Error('load-simulator: no presets');
    const defaults: SimFormValues = { ...opening.values };
    const form = new FormState(this, {
      instance: prefix,
      defaults,
      validate: validateSim,
      render: (checked, values) => {
        morph(presets, presetsHtml(prefix, values));
        morph(results, simResultsHtml(prefix, checked.ok ? simulate(checked.value) : null));
      },
      fail: (message) => morph(results, failureHtml(message)),
    });
    presets.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-preset]');
      const preset = SIM_PRESETS.find((p) => p.id === button?.dataset['preset']);
      if (!preset) return;
      form.write(preset.values);
      form.update();
    });
    form.start();
  }
}

if (!customElements.get('load-simulator')) {
  customElements.define('load-simulator', LoadSimulatorElement);
}
