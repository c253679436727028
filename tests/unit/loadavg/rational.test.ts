import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  div,
  floor,
  gcd,
  lcm,
  mod,
  mul,
  rat,
  ratLcm,
  sub,
} from '../../../src/core/loadavg/rational.ts';

describe('rational arithmetic', () => {
  it.each([
    [rat(1251, 250), rat(5), rat(6255)],
    [rat(1251, 250), rat(10), rat(12510)],
    [rat(1251, 250), rat(60), rat(25020)],
    [rat(1251, 250), rat(5, 2), rat(6255, 2)],
    [rat(1501, 300), rat(5), rat(7505)],
  ])('lcm(%o, %o) = %o', (a, b, expected) => {
    expect(ratLcm(a, b)).toEqual(expected);
  });

  it.each([
    [rat(7, 2), 3n],
    [rat(-7, 2), -4n],
    [rat(-4), -4n],
    [rat(0), 0n],
  ])('floor(%o) = %s', (r, expected) => {
    expect(floor(r)).toBe(expected);
  });

  it('normalises sign and common factors', () => {
    expect(rat(10, -4)).toEqual({ n: -5n, d: 2n });
    expect(rat(0, 7)).toEqual({ n: 0n, d: 1n });
    expect(() => rat(1, 0)).toThrow(RangeError);
    expect(rat(12510, 2)).toEqual({ n: 6255n, d: 1n });
  });

  it('obeys the field laws it relies on', () => {
    const r = fc
      .tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([n, d]) => rat(n, d));
    const pos = fc
      .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([n, d]) => rat(n, d));
    fc.assert(
      fc.property(r, r, pos, (a, b, c) => {
        const l = ratLcm(c, add(c, rat(1, 3)));
        expect(div(l, c).d).toBe(1n);
        expect(div(l, add(c, rat(1, 3))).d).toBe(1n);
        expect(sub(add(a, b), b)).toEqual(a);
        expect(mul(div(a, c), c)).toEqual(a);
        const m = mod(a, c);
        expect(cmp(m, rat(0))).toBeGreaterThanOrEqual(0);
        expect(cmp(m, c)).toBeLessThan(0);
        expect(div(sub(a, m), c).d).toBe(1n);
      }),
    );
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (a, b) => {
          const l = lcm(a, b);
          expect(l % a).toBe(0n);
          expect(l % b).toBe(0n);
          expect(l * gcd(a, b)).toBe(a * b);
        },
      ),
    );
  });
});
