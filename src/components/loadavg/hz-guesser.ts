/** The HZ guesser's custom element: re-renders the answer from hz-view.ts on every edit. */
import { guessHz } from '../../core/loadavg/beat.ts';
import { type HzGuessValues, hzGuessResultsHtml } from '../../core/loadavg/hz-view.ts';
import { DEFAULT_HZ_GUESS_INPUT, validateHzGuess } from '../../core/loadavg/params.ts';
import { FormState, failureHtml } from '../widgets/form-state.ts';
import { morph } from '../widgets/morph.ts';

class HzGuesserElement extends HTMLElement {
  connectedCallback(): void {
    const prefix = this.dataset['prefix'] ?? 'hz-guess';
    const results = this.querySelector('[data-output="results"]');
    if (!results) throw new Error('hz-guesser: missing its results container');
    const defaults: HzGuessValues = { ...DEFAULT_HZ_GUESS_INPUT };
    new FormState(this, {
      instance: prefix,
      defaults,
      validate: validateHzGuess,
      render: (checked) => {
        const guess = checked.ok
          ? guessHz(checked.value.observedS, checked.value.intervalUs)
          : null;
        morph(results, hzGuessResultsHtml(prefix, guess));
      },
      fail: (message) => morph(results, failureHtml(message)),
    }).start();
  }
}

if (!customElements.get('hz-guesser')) customElements.define('hz-guesser', HzGuesserElement);
