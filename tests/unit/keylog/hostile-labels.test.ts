// Labels are pasted text: names inherited from Object.prototype must read as unknown labels,
// never as known ones and never as a crash (issue 16, finding 2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/html.ts';
import { parseKeyLog } from '../../../src/core/keylog/keylog.ts';
import { renderKeyLogHtml, summarizeKeyLog } from '../../../src/core/keylog/view.ts';

/** A string matched literally inside a RegExp. */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const CR = '99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7';
const S32 = 'ab'.repeat(32);

describe.each(PROTO_NAMES)('the label %s', (name) => {
  it.each([
    ['with a client random and a secret', `${name} ${CR} ${S32}`],
    ['with two short fields', `${name} a b`],
    ['alone', name],
  ])('%s is an unknown label', (_case, line) => {
    const r = parseKeyLog(`${line}\n`);
    expect(r.connections).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.reason).toMatch(/^unknown label /);
    expect(r.problems[0]?.reason).toContain(JSON.stringify(name));
  });

  it('in upper or lower case is an unknown label too', () => {
    const r = parseKeyLog(`${name.toUpperCase()} ${CR} ${S32}\n${name.toLowerCase()} ${CR} ${S32}`);
    expect(r.problems.map((p) => p.reason.slice(0, 14))).toEqual([
      'unknown label ',
      'unknown label ',
    ]);
  });
});

// A label is the line's first field, up to the first space, as in Wireshark: `[object Object]`
// typed as a label names `[object`.
describe.each([
  ['NaN', 'NaN'],
  ['undefined', 'undefined'],
  ['[object Object]', '[object'],
  ['Infinity', 'Infinity'],
  ['null', 'null'],
])('the label %s, which reads like a program’s mistake', (typed, label) => {
  it('is an unknown label, named as typed', () => {
    const r = parseKeyLog(`${typed} ${CR} ${S32}\n`);
    expect(r.connections).toEqual([]);
    expect(r.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(new RegExp(`^unknown label ${escapeRegExp(JSON.stringify(label))};`)),
    ]);
    expect(renderKeyLogHtml(r)).toContain(escapeHtml(JSON.stringify(label)));
  });
});

/** Words a program writes by mistake; a reader's own text may hold them, so generated text never does. */
const MISTAKE = /undefined|NaN|Infinity|\[object /i;

describe('property: any text, Object.prototype names included, parses and renders', () => {
  const hex = fc.stringMatching(/^[0-9a-fA-F]{0,100}$/);
  // What the property searches the output for must come from the code, not from the input.
  const text = (options?: fc.StringConstraints) =>
    fc.string(options).filter((s) => !MISTAKE.test(s));
  const word = fc.oneof(fc.constantFrom(...PROTO_NAMES, 'CLIENT_RANDOM', 'RSA'), text());
  const line = fc.oneof(
    fc.tuple(word, hex, hex).map((f) => f.join(' ')),
    fc.tuple(word, text(), text()).map((f) => f.join(' ')),
    text({ maxLength: 200 }),
    word,
  );

  it('never throws, accounts for each line, and says nothing undefined', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const r = parseKeyLog(lines.join(eol));
          const secrets = r.connections.reduce((n, c) => n + c.entries.length, 0);
          expect(secrets + r.problems.length + r.rsaEntries).toBe(r.lines);
          for (const p of r.problems) expect(p.reason).not.toMatch(MISTAKE);
          expect(summarizeKeyLog(r)).not.toMatch(MISTAKE);
          expect(renderKeyLogHtml(r)).not.toMatch(MISTAKE);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
