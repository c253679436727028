import { describe, expect, it } from 'vitest';
import { analyseBeat, guessHz } from '../../../src/core/loadavg/beat.ts';
import { beatView } from '../../../src/core/loadavg/beat-view.ts';
import { chartGeometry } from '../../../src/core/loadavg/chart.ts';
import { chartSvg } from '../../../src/core/loadavg/chart-svg.ts';
import { formatShort } from '../../../src/core/loadavg/format.ts';
import { hzView } from '../../../src/core/loadavg/hz-view.ts';
import { SIM_PRESETS, validateBeat, validateSim } from '../../../src/core/loadavg/params.ts';
import { rat } from '../../../src/core/loadavg/rational.ts';
import { simulate } from '../../../src/core/loadavg/simulate.ts';

/** Spike times are written with no-break spaces so a time never wraps in the middle. */
const keepTogether = (text: string): string => text.replace(/ /g, '\u00a0');

function view(interval: string, hz: string, burst: string) {
  const v = validateBeat({ interval, hz, burst });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return beatView(analyseBeat(v.value));
}

describe('beatView', () => {
  it('shows the default scenario the way the post quotes it', () => {
    expect(view('5', '250', '20')).toEqual({
      period: '5.004 s',
      loadFreq: 'LOAD_FREQ = 1251 ticks of 1/250 s',
      drift: '4 ms per sample',
      repeat: '6255 s',
      repeatHms: '1 h 44 min 15 s',
      naive: '6250 s = 1 h 44 min 10 s',
      caught: '5',
      gaps: 'every 1 h 44 min 15 s',
      spikes: [
        '0 s',
        '1 h 44 min 15 s',
        '3 h 28 min 30 s',
        '5 h 12 min 45 s',
        '6 h 57 min',
        '8 h 41 min 15 s',
      ]
        .map(keepTogether)
        .join(' · '),
      statement:
        'Each sample lands 4 ms later in the agent’s 5 s cycle than the one before; the whole pattern repeats after 6255 s (1 h 44 min 15 s).',
    });
  });

  it.each([
    ['5', '100', '5.010 s', '2505 s', '41 min 45 s'],
    ['5', '300', '5.00333… s', '7505 s', '2 h 5 min 5 s'],
    ['5', '1000', '5.001 s', '25005 s', '6 h 56 min 45 s'],
    ['10', '250', '5.004 s', '12510 s', '3 h 28 min 30 s'],
    ['60', '250', '5.004 s', '25020 s', '6 h 57 min'],
  ])('T1 = %s s, HZ = %s: period %s, repeat %s = %s', (t1, hz, period, repeat, hms) => {
    const v = view(t1, hz, '20');
    expect([v.period, v.repeat, v.repeatHms]).toEqual([period, repeat, hms]);
  });

  it('varying clusters show their sample counts and a range of gaps', () => {
    const v = view('10', '250', '20');
    expect(v.caught).toBe('2 to 3');
    expect(v.gaps).toBe(
      '1 h 44 min 9.996 s to 1 h 44 min 20.004 s apart, typically 1 h 44 min 20.004 s',
    );
    expect(v.spikes.replace(/\u00a0/g, ' ').startsWith('0 s (3) · 1 h 44 min 20.004 s (2)')).toBe(
      true,
    );
    expect(v.drift).toBe('5.004 s per sample; net 8 ms every 2 samples');
  });

  it('a locked scenario says so instead of printing Infinity', () => {
    const v = view('5.004', '250', '20');
    expect(v.drift).toBe('0 (the schedules never drift)');
    expect(v.caught).toBe('every sample, all the time');
    expect(v.gaps).toBe('no separate spikes');
    expect(v.spikes).toBe('no separate spikes');
    expect(JSON.stringify(v)).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('formatShort', () => {
  it.each([
    [rat(1, 250), '4 ms'],
    [rat(-3, 250), '−12 ms'],
    [rat(1, 300), '3.333… ms'],
    [rat(1251, 250), '5.004 s'],
  ])('%o → %s', (r, text) => {
    expect(formatShort(r)).toBe(text);
  });
});

describe('hzView', () => {
  it('ranks every common HZ with its prediction', () => {
    const v = hzView(guessHz(6240, 5e6));
    expect(v.best).toBe('HZ = 250');
    expect(v.rows.map((r) => r.hz)).toEqual(['250', '300', '100', '1000']);
    expect(v.rows[0]).toEqual({ hz: '250', predicted: '1 h 44 min 15 s', off: '−0.2 %' });
  });

  it('flags a poor fit', () => {
    expect(hzView(guessHz(60, 5e6)).best).toBe('HZ = 100 (poor fit)');
  });
});

describe('chartSvg', () => {
  it('draws three lines, the grid and one mark per spike', () => {
    const p = validateSim(SIM_PRESETS[1]?.values ?? {});
    if (!p.ok) throw new Error('preset');
    const r = simulate(p.value);
    const svg = chartSvg(chartGeometry(r));
    expect(svg.match(/<path class="l(1|5|15)" d="M/g)?.length).toBe(3);
    expect(svg.match(/class="spike"/g)?.length).toBe(r.spikes.length);
    expect(svg).toContain('>peak 18.28<');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });
});
