import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseBeat,
  type BeatResult,
  coincidenceGap,
  guessHz,
  unitsPerSecond,
} from '../../../src/core/loadavg/beat.ts';
import { beatStatement } from '../../../src/core/loadavg/beat-view.ts';
import { formatDuration } from '../../../src/core/loadavg/format.ts';
import { hzStatement } from '../../../src/core/loadavg/hz-view.ts';
import { samplePeriod } from '../../../src/core/loadavg/kernel.ts';
import {
  add,
  cmp,
  div,
  formatDecimal,
  gcd,
  mod,
  mul,
  rat,
  sub,
  toNumber,
} from '../../../src/core/loadavg/rational.ts';

const beat = (intervalS: number, hz: number, burstMs = 20, offsetMs = 0): BeatResult =>
  analyseBeat(
    {
      intervalUs: Math.round(intervalS * 1e6),
      hz,
      burstUs: Math.round(burstMs * 1000),
    },
    { offsetUs: Math.round(offsetMs * 1000) },
  );

describe('exact repeat period', () => {
  it.each([
    [5, 100, 2505, '41 min 45 s', 2500],
    [5, 250, 6255, '1 h 44 min 15 s', 6250],
    [5, 300, 7505, '2 h 5 min 5 s', 7500],
    [5, 1000, 25005, '6 h 56 min 45 s', 25000],
    [10, 250, 12510, '3 h 28 min 30 s', 12500],
    [60, 250, 25020, '6 h 57 min', 75000],
  ])('T1 = %s s, HZ = %i: %i s (%s), not the quoted %i s', (t1, hz, repeat, hms, naive) => {
    const b = beat(t1, hz);
    expect(b.repeat).toEqual(rat(repeat));
    expect(formatDuration(b.repeat)).toBe(hms);
    expect(b.naive).toEqual(rat(naive));
  });

  it.each([100, 250, 300, 1000, 24, 1024, 9973])(
    'T1 = 5 s, HZ = %i: 25·HZ + 5 s, which is 5·HZ samples and 5·HZ + 1 collections',
    (hz) => {
      const b = beat(5, hz);
      expect(b.repeat).toEqual(rat(25 * hz + 5));
      expect(b.repeatSamples).toBe(5 * hz);
      expect(b.repeatCollections).toBe(5 * hz + 1);
      expect(b.drift).toEqual(rat(1, hz));
    },
  );

  it('is a whole number of samples and of collections, and the least such', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.integer({ min: 10, max: 10_000 }),
        (intervalMs, hz) => {
          const b = analyseBeat(
            { intervalUs: intervalMs * 1000, hz, burstUs: 1 },
            { horizonSamples: 1 },
          );
          const samples = div(b.repeat, b.samplePeriod);
          const collections = div(b.repeat, b.interval);
          expect(samples.d).toBe(1n);
          expect(collections.d).toBe(1n);
          expect(gcd(samples.n, collections.n)).toBe(1n);
          expect(Number(samples.n)).toBe(b.repeatSamples);
        },
      ),
    );
  });
});

describe('drift and the slow step', () => {
  it.each([
    [5, 250, '0.004', 1, '0.004'],
    [2.5, 250, '0.004', 1, '0.004'],
    [10, 250, '5.004', 2, '0.008'],
    [3, 250, '2.004', 3, '0.012'],
    [60, 250, '5.004', 12, '0.048'],
    [4.9, 250, '0.104', 47, '−0.012'],
    [5, 300, '0.003333…', 1, '0.003333…'],
  ])('T1 = %s s, HZ = %i: drift %s s, every %i sample(s) %s s', (t1, hz, drift, m, shift) => {
    const b = beat(t1, hz);
    expect(formatDecimal(b.drift)).toBe(drift);
    expect(b.step.samples).toBe(m);
    expect(formatDecimal(b.step.shift)).toBe(shift);
  });
});

describe('coincidences over the horizon', () => {
  it.each([
    [100, 2, '2505'],
    [250, 5, '6255'],
    [300, 6, '7505'],
    [1000, 20, '25005'],
  ])('T1 = 5 s, HZ = %i, 20 ms burst: %i samples caught every %s s', (hz, caught, spacing) => {
    const b = beat(5, hz, 20);
    expect(b.phase).toBe('drifting');
    expect(b.samplesPerCoincidence).toEqual({ min: caught, max: caught });
    expect(b.spacing && formatDecimal(b.spacing.min)).toBe(spacing);
    expect(b.spacing && formatDecimal(b.spacing.max)).toBe(spacing);
    expect(b.coincidences[1]?.start).toEqual(rat(Number(spacing)));
  });

  it('T1 = 10 s at HZ = 250: spikes about every 6255 s although the pattern repeats after 12510 s', () => {
    const b = beat(10, 250);
    expect(b.repeat).toEqual(rat(12510));
    expect(b.spacing?.min).toEqual(rat(6249996, 1000));
    expect(b.spacing?.max).toEqual(rat(6260004, 1000));
    expect(b.samplesPerCoincidence).toEqual({ min: 2, max: 3 });
  });

  it('T1 = 60 s at HZ = 250: uneven gaps that the closed formula does not give', () => {
    const b = beat(60, 250);
    expect(b.repeat).toEqual(rat(25020));
    expect(b.spacing).not.toBeNull();
    expect(cmp(b.spacing?.min ?? rat(0), b.spacing?.max ?? rat(0))).toBeLessThan(0);
    expect(toNumber(b.spacing?.median ?? rat(0))).toBeLessThan(25020);
  });

  it('a sample period that is a whole multiple of the interval never drifts: always in phase', () => {
    for (const t1 of [5.004, 2.502, 1.251]) {
      const b = beat(t1, 250, 1);
      expect(b.drift).toEqual(rat(0));
      expect(b.phase).toBe('always');
      expect(beatStatement(b)).toMatch(/never drift/);
      expect(beatStatement(b)).toMatch(/raised all the time/);
      expect(beatStatement(b)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('…or never in phase, when the burst sits elsewhere in the cycle', () => {
    const b = beat(5.004, 250, 20, 2500);
    expect(b.phase).toBe('never');
    expect(beatStatement(b)).toMatch(/no spikes at all/);
    expect(b.coincidences).toEqual([]);
    expect(b.samplesPerCoincidence).toBeNull();
    expect(b.spacing).toBeNull();
  });

  it('a pattern that repeats within a minute raises the load steadily', () => {
    const b = beat(10.008, 250, 20);
    expect(b.phase).toBe('continuous');
    expect(beatStatement(b)).toMatch(/steadily/);
  });

  it('stays bounded for awkward inputs', () => {
    const b = beat(3599.999, 9973, 1);
    expect(b.horizonSamples).toBeLessThanOrEqual(400_000);
    expect(b.repeatSamples).toBeGreaterThan(b.horizonSamples);
    expect(beatStatement(b)).not.toMatch(/NaN|Infinity|undefined/);
  });
});

/** Reference walk with exact rationals, one sample at a time. */
function slowHits(intervalMs: number, hz: number, burstUs: number, offsetUs: number, n: number) {
  const P = samplePeriod(hz);
  const T1 = rat(intervalMs, 1000);
  const W = rat(burstUs, 1_000_000);
  let t = rat(offsetUs, 1_000_000);
  const hits: number[] = [];
  for (let k = 0; k < n; k++) {
    if (cmp(mod(t, T1), W) < 0) hits.push(k);
    t = add(t, P);
  }
  return hits;
}

describe('the fast integer walk agrees with an exact rational walk', () => {
  it('same coincidences, same sample counts, same start times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 120_000 }),
        fc.constantFrom(100, 250, 300, 1000, 24, 1024, 1200),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 0, max: 120_000_000 }),
        (intervalMs, hz, burstRaw, offsetUs) => {
          const burstUs = Math.min(burstRaw, intervalMs * 1000 - 1);
          const n = 1500;
          const b = analyseBeat(
            { intervalUs: intervalMs * 1000, hz, burstUs },
            { horizonSamples: n, offsetUs },
          );
          const hits = slowHits(intervalMs, hz, burstUs, offsetUs, n);
          const gap = coincidenceGap(hz, intervalMs * 1000);
          const runs: Array<{ first: number; last: number; samples: number }> = [];
          for (const k of hits) {
            const run = runs[runs.length - 1];
            if (run && k - run.last <= gap) {
              run.last = k;
              run.samples++;
            } else runs.push({ first: k, last: k, samples: 1 });
          }
          if (b.drift.n === 0n) {
            expect(hits.length === 0 || hits.length === n).toBe(true);
            expect(b.phase).toBe(hits.length === 0 ? 'never' : 'always');
            return;
          }
          expect(b.coincidenceCount).toBe(runs.length);
          expect(
            b.coincidences.map((c) => ({
              first: c.firstSample,
              last: c.lastSample,
              samples: c.samples,
            })),
          ).toEqual(runs.slice(0, b.coincidences.length));
          for (const c of b.coincidences) {
            expect(c.start).toEqual(mul(b.samplePeriod, rat(c.firstSample)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the pattern of hits repeats exactly after one repeat period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 20_000 }),
        fc.constantFrom(100, 250, 300),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (intervalMs, hz, burstRaw, offsetUs) => {
          const burstUs = Math.min(burstRaw, intervalMs * 1000 - 1);
          const first = analyseBeat(
            { intervalUs: intervalMs * 1000, hz, burstUs },
            { horizonSamples: 1 },
          );
          fc.pre(first.repeatSamples <= 3000);
          const R = first.repeatSamples;
          const hits = slowHits(intervalMs, hz, burstUs, offsetUs, 2 * R);
          const early = hits.filter((k) => k < R);
          const late = hits.filter((k) => k >= R).map((k) => k - R);
          expect(late).toEqual(early);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shifting the start by whole intervals changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 60_000 }),
        fc.constantFrom(100, 250, 300, 1000),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 20 }),
        (intervalMs, hz, offsetUs, whole) => {
          const p = { intervalUs: intervalMs * 1000, hz, burstUs: 20_000 };
          const a = analyseBeat(p, { offsetUs, horizonSamples: 3000 });
          const b = analyseBeat(p, {
            offsetUs: offsetUs + whole * intervalMs * 1000,
            horizonSamples: 3000,
          });
          expect(b.coincidences).toEqual(a.coincidences);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with T1 = 5 s every coincidence catches ⌈w / drift⌉ samples and they are one repeat period apart', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(100, 250, 300, 1000),
        fc.integer({ min: 1, max: 200 }),
        (hz, burstMs) => {
          const b = beat(5, hz, burstMs);
          const perTick = Math.ceil((burstMs * hz) / 1000);
          expect(b.samplesPerCoincidence).toEqual({ min: perTick, max: perTick });
          expect(b.spacing?.min).toEqual(b.repeat);
          expect(b.spacing?.max).toEqual(b.repeat);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('drift lies in [0, T1) and the statement never shows NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.integer({ min: 10, max: 10_000 }),
        fc.integer({ min: 1, max: 3_600_000_000 }),
        (intervalMs, hz, burstRaw) => {
          const intervalUs = intervalMs * 1000;
          const b = analyseBeat(
            { intervalUs, hz, burstUs: Math.max(1, Math.min(burstRaw, intervalUs - 1)) },
            { horizonSamples: 2000 },
          );
          expect(b.drift.n >= 0n).toBe(true);
          expect(cmp(b.drift, b.interval)).toBeLessThan(0);
          expect(div(sub(b.samplePeriod, b.drift), b.interval).d).toBe(1n);
          expect(beatStatement(b)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('unitsPerSecond', () => {
  it.each([
    [250, 1_000_000],
    [300, 3_000_000],
    [1000, 1_000_000],
    [1024, 16_000_000],
    [9973, 9_973_000_000],
  ])('HZ = %i → %i units per second (a tick and a µs are both whole)', (hz, u) => {
    expect(unitsPerSecond(hz)).toBe(u);
    expect(Number.isInteger(u / hz)).toBe(true);
    expect(Number.isInteger(u / 1e6)).toBe(true);
  });
});

describe('guessing HZ from the spike period', () => {
  it.each([
    [6240, 5, 250],
    [6300, 5, 250],
    [25200, 5, 1000],
    [2505, 5, 100],
    [7500, 5, 300],
    [6255, 10, 250],
    [12510, 10, 250],
  ])('spikes every %i s with a %i s interval → HZ %i', (observed, t1, hz) => {
    const g = guessHz(observed, t1 * 1e6);
    expect(g.best?.hz).toBe(hz);
    expect(g.confident).toBe(true);
    expect(hzStatement(g)).toContain(`HZ = ${hz}`);
  });

  it('says so when nothing fits', () => {
    const g = guessHz(60, 5e6);
    expect(g.confident).toBe(false);
    expect(hzStatement(g)).toMatch(/None of HZ 100\/250\/300\/1000 fits well/);
    expect(hzStatement(g)).not.toMatch(/NaN|Infinity/);
  });

  it('says so when no common HZ drifts against the interval', () => {
    const g = guessHz(6000, 1e6 / 1000);
    expect(g.best).toBeNull();
    expect(hzStatement(g)).toMatch(/separate periodic spikes/);
  });
});
