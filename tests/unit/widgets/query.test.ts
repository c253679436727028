import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryWithout, queryWithValues, valuesFromQuery } from '../../../src/core/widgets/query.ts';

const DEFAULTS = { interval: '5', hz: '250', burst: '20', round: true };
const KEYS = ['interval', 'hz', 'burst', 'round'] as const;

describe('widget state in the query string', () => {
  it.each([
    ['', DEFAULTS, false],
    ['?hz=1000', { ...DEFAULTS, hz: '1000' }, true],
    [
      '?interval=10&hz=300&burst=5&round=false&utm=x',
      { interval: '10', hz: '300', burst: '5', round: false },
      true,
    ],
    ['?round=1', DEFAULTS, true],
    ['?other=1', DEFAULTS, false],
  ])('reads %j', (search, values, present) => {
    expect(valuesFromQuery(search, KEYS, DEFAULTS)).toEqual({ values, present });
  });

  it('writes trimmed values and keeps unrelated parameters', () => {
    expect(
      queryWithValues('?utm=a&hz=1', ['interval', 'hz', 'burst'], { ...DEFAULTS, hz: ' 1000 ' }),
    ).toBe('?utm=a&hz=1000&interval=5&burst=20');
  });

  it('reset removes only the widget’s parameters', () => {
    expect(queryWithout('?interval=5&utm=a&hz=1&burst=2&round=true', KEYS)).toBe('?utm=a');
    expect(queryWithout('?hz=1', KEYS)).toBe('');
  });

  it('reads back whatever it wrote', () => {
    const text = fc.string({ maxLength: 12 }).map((s) => s.trim());
    fc.assert(
      fc.property(text, text, text, fc.boolean(), (interval, hz, burst, round) => {
        const values = { interval, hz, burst, round };
        const q = queryWithValues('?x=1', KEYS, values);
        expect(valuesFromQuery(q, KEYS, DEFAULTS).values).toEqual(values);
      }),
    );
  });
});
