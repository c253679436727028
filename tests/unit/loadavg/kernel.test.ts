import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Avenrun,
  calcGlobalLoad,
  calcLoad,
  EXP_1,
  EXP_5,
  EXP_15,
  FIXED_1,
  FSHIFT,
  formatLoad,
  loadFreq,
  samplePeriod,
} from '../../../src/core/loadavg/kernel.ts';
import { formatDecimal, rat } from '../../../src/core/loadavg/rational.ts';

function settle(start: Avenrun, tasks: number, samples = 2000): Avenrun {
  let a = start;
  for (let i = 0; i < samples; i++) a = calcGlobalLoad(a, tasks);
  return a;
}

describe('kernel constants', () => {
  it('match include/linux/sched/loadavg.h', () => {
    expect([FSHIFT, FIXED_1, EXP_1, EXP_5, EXP_15]).toEqual([11, 2048, 1884, 2014, 2037]);
  });

  it.each([
    [EXP_1, 60],
    [EXP_5, 300],
    [EXP_15, 900],
  ])('EXP %i is 2048 / e^(5 s / %i s), rounded', (exp, window) => {
    expect(Math.round(FIXED_1 / Math.exp(5 / window))).toBe(exp);
  });
});

describe.each([
  [100, 501, '5.010', rat(501, 100)],
  [250, 1251, '5.004', rat(1251, 250)],
  [300, 1501, '5.00333…', rat(1501, 300)],
  [1000, 5001, '5.001', rat(5001, 1000)],
])('HZ = %i', (hz, ticks, text, exact) => {
  it(`samples every LOAD_FREQ = ${ticks} ticks`, () => {
    expect(loadFreq(hz)).toBe(ticks);
  });
  it(`samples every ${text} s exactly`, () => {
    expect(samplePeriod(hz)).toEqual(exact);
    expect(formatDecimal(samplePeriod(hz), 5, 3)).toBe(text);
  });
});

describe('calc_load', () => {
  it.each([
    // One task from idle: 2048·(2048−1884) + 2047 over 2048.
    [0, EXP_1, FIXED_1, 164],
    [0, EXP_5, FIXED_1, 34],
    [0, EXP_15, FIXED_1, 11],
    // Falling loads are truncated, not rounded up.
    [FIXED_1, EXP_1, 0, 1884],
    [1, EXP_1, 0, 0],
    // Rounding only while active >= load.
    [2047, EXP_1, FIXED_1, 2048],
    [2049, EXP_1, FIXED_1, 2048],
  ])('calc_load(%i, %i, %i) = %i', (load, exp, active, expected) => {
    expect(calcLoad(load, exp, active)).toBe(expected);
  });

  it('idle settles to exactly 0.00 from any load', () => {
    const a = settle([40 * FIXED_1, 40 * FIXED_1, 40 * FIXED_1], 0);
    expect(a).toEqual([0, 0, 0]);
    expect(a.map(formatLoad)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('one always-running task settles to exactly 1.00 from below and from above', () => {
    expect(settle([0, 0, 0], 1)).toEqual([FIXED_1, FIXED_1, FIXED_1]);
    expect(settle([9 * FIXED_1, 9 * FIXED_1, 9 * FIXED_1], 1)).toEqual([FIXED_1, FIXED_1, FIXED_1]);
    expect(settle([0, 0, 0], 1).map(formatLoad)).toEqual(['1.00', '1.00', '1.00']);
  });

  it('is monotonic in the previous load and in the task count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 << 24 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom(EXP_1, EXP_5, EXP_15),
        (load, tasks, exp) => {
          const active = tasks * FIXED_1;
          expect(calcLoad(load + 1, exp, active)).toBeGreaterThanOrEqual(
            calcLoad(load, exp, active),
          );
          expect(calcLoad(load, exp, active + FIXED_1)).toBeGreaterThanOrEqual(
            calcLoad(load, exp, active),
          );
        },
      ),
    );
  });

  it('any constant task count n settles on exactly n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (n, from) => {
        const a = settle([from * FIXED_1, from * FIXED_1, from * FIXED_1], n, 4000);
        expect(a).toEqual([n * FIXED_1, n * FIXED_1, n * FIXED_1]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('formatLoad prints like /proc/loadavg', () => {
  it.each([
    [0, '0.00'],
    [FIXED_1, '1.00'],
    [FIXED_1 - 1, '1.00'],
    [164, '0.08'],
    [FIXED_1 + FIXED_1 / 2, '1.50'],
    [18 * FIXED_1 + 575, '18.28'],
  ])('%i → %s', (fixed, text) => {
    expect(formatLoad(fixed)).toBe(text);
  });
});
