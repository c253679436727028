import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEAT_KEYS } from '../../../src/core/loadavg/beat-view.ts';
import { formatDuration, parseDuration, parseScaled } from '../../../src/core/loadavg/format.ts';
import {
  DEFAULT_BEAT_INPUT,
  FIELDS,
  SIM_PRESETS,
  validateBeat,
  validateSim,
} from '../../../src/core/loadavg/params.ts';
import { formatDecimal, rat } from '../../../src/core/loadavg/rational.ts';
import { queryWithValues, valuesFromQuery } from '../../../src/core/widgets/query.ts';

/** The beat calculator's scenario in a query string, as its FormState reads it. */
const beatInputFromQuery = (search: string) => {
  const { values, present } = valuesFromQuery(search, BEAT_KEYS, DEFAULT_BEAT_INPUT);
  return { ...values, present };
};
/** The same scenario written into a query string, as FormState writes it. */
const beatQuery = (values: Record<(typeof BEAT_KEYS)[number], string>, search = '') =>
  queryWithValues(search, BEAT_KEYS, values);

describe('formatDuration', () => {
  it.each([
    [6255, '1 h 44 min 15 s'],
    [6250, '1 h 44 min 10 s'],
    [25000, '6 h 56 min 40 s'],
    [25005, '6 h 56 min 45 s'],
    [3600, '1 h'],
    [0, '0 s'],
    [59, '59 s'],
    [86400 + 3661, '1 d 1 h 1 min 1 s'],
    [3127.5, '52 min 7.5 s'],
  ])('%s s → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it('keeps exact fractions and marks repeating ones', () => {
    expect(formatDuration(rat(6260004, 1000))).toBe('1 h 44 min 20.004 s');
    expect(formatDuration(rat(1501, 300))).toBe('5.003… s');
  });

  it('never prints NaN or Infinity', () => {
    expect(formatDuration(Number.NaN)).toBe('0 s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('0 s');
  });
});

describe('formatDecimal', () => {
  it.each([
    [rat(501, 100), 5, 3, '5.010'],
    [rat(1501, 300), 5, 3, '5.00333…'],
    [rat(6255), 6, 0, '6255'],
    [rat(-1, 250), 6, 0, '−0.004'],
    [rat(1, 3), 2, 0, '0.33…'],
  ])('%o (max %i, min %i) → %s', (r, max, min, text) => {
    expect(formatDecimal(r, max, min)).toBe(text);
  });
});

describe('parseDuration (the inverse widget’s input)', () => {
  it.each([
    ['104', 6240],
    ['104 minutes', 6240],
    ['104 min', 6240],
    ['104m', 6240],
    ['1h44m', 6240],
    ['1h 44m 10s', 6250],
    ['1 hour and 44 minutes', 6240],
    ['1:44', 6240],
    ['1:44:10', 6250],
    ['about 7 hours', 25200],
    ['~7h', 25200],
    ['every 104 minutes', 6240],
    ['6250 s', 6250],
    ['6250 seconds', 6250],
    ['  1.5 h ', 5400],
    ['7 hours or so', 25200],
  ])('“%s” → %i s', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it.each([
    ['', /empty/],
    ['banana', /Could not read “banana”/],
    ['0', /longer than 0/],
    ['-5', /negative/],
    ['5 parsecs', /Could not read/],
    ['1h 1h', /hours twice/],
    ['1h 44', /has no unit/],
    ['400 days', /at most 30 days/],
    ['NaN', /Could not read/],
    ['Infinity', /Could not read/],
    ['1e9', /Could not read/],
  ])('“%s” is refused with a clear message', (text, message) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('never returns NaN, Infinity or throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = parseDuration(text);
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBeGreaterThan(0);
        } else expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseScaled', () => {
  it.each([
    ['5', FIELDS.interval, 5000],
    ['2.5', FIELDS.interval, 2500],
    ['.25', FIELDS.interval, 250],
    ['0.001', FIELDS.interval, 1],
    ['5.0000', FIELDS.interval, 5000],
    [5, FIELDS.interval, 5000],
    ['250', FIELDS.hz, 250],
    ['20', FIELDS.burst, 20000],
    ['0.5', FIELDS.burst, 500],
  ])('%o → %i', (raw, field, value) => {
    expect(parseScaled(raw, field)).toEqual({ ok: true, value });
  });

  it.each([
    ['', FIELDS.interval, 'Interval (s) is empty'],
    ['abc', FIELDS.interval, 'Interval (s) must be a number'],
    ['0', FIELDS.interval, 'Interval (s) must be greater than 0'],
    ['-5', FIELDS.interval, 'Interval (s) must not be negative'],
    ['5.0001', FIELDS.interval, 'at most 3 decimal places'],
    ['1e3', FIELDS.interval, 'must be a number'],
    ['99999', FIELDS.interval, 'at most 3600 s'],
    ['1000000000', FIELDS.hz, 'HZ must be at most 10000'],
    ['250.5', FIELDS.hz, 'HZ must be a whole number'],
    ['0', FIELDS.hz, 'HZ must be at least 10'],
    [Number.NaN, FIELDS.hz, 'HZ must be a number'],
    [Number.POSITIVE_INFINITY, FIELDS.hz, 'HZ must be a number'],
    [1e21, FIELDS.hz, 'HZ must be at most 10000'],
    [null, FIELDS.hz, 'HZ is empty'],
  ])('%o is refused: %s', (raw, field, message) => {
    const r = parseScaled(raw, field);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('validateBeat', () => {
  it('accepts the default scenario in integer units', () => {
    expect(validateBeat({ interval: '5', hz: '250', burst: '20' })).toEqual({
      ok: true,
      value: { intervalUs: 5_000_000, hz: 250, burstUs: 20_000 },
    });
  });

  it('reports every bad field at once, naming it', () => {
    const r = validateBeat({ interval: 'x', hz: '1e9', burst: '-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(['burst', 'hz', 'interval']);
      expect(r.errors.hz).toMatch(/^HZ /);
    }
  });

  it('refuses a burst as long as the interval', () => {
    const r = validateBeat({ interval: '0.02', hz: '250', burst: '20' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.burst).toMatch(/shorter than the interval \(20 ms\)/);
  });
});

describe('validateSim', () => {
  it('accepts every preset', () => {
    for (const preset of SIM_PRESETS) expect(validateSim(preset.values).ok).toBe(true);
  });

  it.each([
    [{ span: '87600' }, 'span', 'Span (h) must be at most 24 h'],
    [{ span: '0' }, 'span', 'Span (h) must be at least 0.1 h'],
    [{ instances: '0' }, 'instances', 'Instances must be at least 1'],
    [{ instances: '1e6' }, 'instances', 'Instances must be a number'],
    [{ threads: '2.5' }, 'threads', 'whole number'],
    [{ jitter: '5' }, 'jitter', 'shorter than the interval (5 s)'],
    [{ baseline: '-1' }, 'baseline', 'must not be negative'],
  ])('%o → %s: %s', (patch, field, message) => {
    const base = SIM_PRESETS[1]?.values ?? {};
    const r = validateSim({ ...base, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field as keyof typeof r.errors]).toContain(message);
  });
});

describe('beat scenario in the URL', () => {
  it('reads ?interval=5&hz=250&burst=20', () => {
    expect(beatInputFromQuery('?interval=2.5&hz=1000&burst=7')).toEqual({
      interval: '2.5',
      hz: '1000',
      burst: '7',
      present: true,
    });
  });

  it('falls back to the defaults', () => {
    expect(beatInputFromQuery('')).toEqual({
      interval: '5',
      hz: '250',
      burst: '20',
      present: false,
    });
  });

  it('writes the scenario and keeps other parameters', () => {
    expect(beatQuery({ interval: '10', hz: '300', burst: '4' }, '?utm=x')).toBe(
      '?utm=x&interval=10&hz=300&burst=4',
    );
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (interval, hz, burst) => {
        const back = beatInputFromQuery(beatQuery({ interval, hz, burst }));
        expect(back).toEqual({
          interval: interval.trim(),
          hz: hz.trim(),
          burst: burst.trim(),
          present: true,
        });
      }),
    );
  });
});
