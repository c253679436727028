// Two instances of a widget on one page work independently (ids come from the instance), and the
// kit's Reset restores the opening scenario and clears it from the page address.
import { describe, expect, it } from 'vitest';
import { analyseBeat } from '../../src/core/loadavg/beat.ts';
import { beatFormHtml, beatResultsHtml } from '../../src/core/loadavg/beat-view.ts';
import {
  DEFAULT_BEAT_INPUT,
  simPreset,
  validateBeat,
  validateSim,
} from '../../src/core/loadavg/params.ts';
import { presetsHtml, simFormHtml, simResultsHtml } from '../../src/core/loadavg/sim-view.ts';
import { simulate } from '../../src/core/loadavg/simulate.ts';
import { liveSite } from '../support/browser.ts';

/** The simulator's opening scenario. */
const OPENING = simPreset()!.values;

const live = liveSite();
const LOAD_POST = 'posts/load-average-spikes/';

function ok<T>(v: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** A second calculator and simulator, as their components would render them with id="…-2". */
const SECOND =
  `<section class="widget"><beat-calculator data-prefix="beat-2">${beatFormHtml('beat-2', DEFAULT_BEAT_INPUT)}` +
  `<div data-output="results">${beatResultsHtml('beat-2', analyseBeat(ok(validateBeat(DEFAULT_BEAT_INPUT))))}</div></beat-calculator></section>` +
  `<section class="widget"><load-simulator data-prefix="sim-2" data-preset="sync"><div data-output="presets">${presetsHtml('sim-2', OPENING)}</div>` +
  `${simFormHtml('sim-2', OPENING)}<div data-output="results">${simResultsHtml('sim-2', simulate(ok(validateSim(OPENING))))}</div></load-simulator></section>`;

describe('two instances of a widget on one page', () => {
  it('share no id and answer only their own fields', async () => {
    const { page } = await live.open(LOAD_POST);
    await page.evaluate(
      (html) => document.querySelector('main')?.insertAdjacentHTML('beforeend', html),
      SECOND,
    );
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);

    await page.locator('#beat-2-hz').fill('1000');
    await expect.poll(() => page.locator('#beat-2-repeat').textContent()).toBe('25005 s');
    expect(await page.locator('#beat-repeat').textContent()).toBe('6255 s');
    await page.locator('#beat-2-hz').fill('abc');
    await expect.poll(() => page.locator('#beat-2-hz').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#beat-2-hz-error').isVisible()).toBe(true);
    expect(await page.locator('#beat-hz').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#beat-hz-error').isVisible()).toBe(false);

    await page.locator('#sim-2-preset-one').click();
    await expect
      .poll(() => page.locator('#sim-2-preset-one').getAttribute('aria-pressed'))
      .toBe('true');
    expect(await page.locator('#sim-2-instances').inputValue()).toBe('1');
    expect(await page.locator('#sim-preset-sync').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#sim-instances').inputValue()).toBe('3');
  });
});

describe('Reset', () => {
  it('brings back the opening scenario and takes it out of the page address', async () => {
    const { page } = await live.open(`${LOAD_POST}?interval=10&hz=300&burst=20&keep=1`);
    const calculator = page.locator('#beat-calculator');
    await expect.poll(() => calculator.getByLabel('HZ', { exact: true }).inputValue()).toBe('300');
    const opening = analyseBeat(ok(validateBeat(DEFAULT_BEAT_INPUT)));
    expect(await page.locator('#beat-repeat').textContent()).not.toBe(`${opening.repeat.n} s`);
    await calculator.getByRole('button', { name: 'Reset' }).click();
    await expect
      .poll(() => page.locator('#beat-repeat').textContent())
      .toBe(`${opening.repeat.n} s`);
    expect(await calculator.getByLabel('HZ', { exact: true }).inputValue()).toBe(
      DEFAULT_BEAT_INPUT.hz,
    );
    expect(new URL(page.url()).search).toBe('?keep=1');
  });
});
