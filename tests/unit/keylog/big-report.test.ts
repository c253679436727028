// A huge paste is read a slice at a time and shown in part: the sliced reading must give exactly
// the report of reading at once, and the HTML lists a few hundred rows and counts the rest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigKeyLog } from '../../../scripts/bench/keylog-sample.ts';
import { KeyLogReader, parseKeyLog } from '../../../src/core/keylog/keylog.ts';
import { renderKeyLogHtml, SHOWN, summarizeKeyLog } from '../../../src/core/keylog/view.ts';

describe('reading in slices', () => {
  const line = fc.oneof(
    fc.constantFrom('', '# note', 'junk', `CLIENT_RANDOM ${'ab'.repeat(32)} ${'cd'.repeat(48)}`),
    fc.string({ maxLength: 40 }),
  );

  it('gives the same report as reading at once, whatever the slice sizes', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        (lines, slices) => {
          const text = lines.join('\n');
          const reader = new KeyLogReader(text);
          for (let i = 0; !reader.done; i++) reader.step(slices[i % slices.length] ?? 1);
          for (let i = 0; !reader.noteStep(slices[i % slices.length] ?? 1); i++);
          expect(reader.report()).toEqual(parseKeyLog(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('100,000 lines', () => {
  it.each([
    ['valid', bigKeyLog(20_000), 'connection', SHOWN.connections, 19_950],
    [
      'junk',
      Array.from({ length: 100_000 }, () => 'x').join('\n'),
      'malformed line',
      SHOWN.problems,
      99_800,
    ],
  ])('%s: the HTML shows the first ones and counts the rest', (_name, text, what, shown, more) => {
    const report = parseKeyLog(text);
    const html = renderKeyLogHtml(report);
    const rows = (html.match(/<tr>|<li /g) ?? []).length;
    expect(rows).toBeGreaterThan(shown - 1);
    expect(rows).toBeLessThanOrEqual(400);
    expect(html).toContain(`… and ${more.toLocaleString('en-US')} ${what}s more.`);
    expect(summarizeKeyLog(report)).toMatch(/^100,000 key lines: /);
  });
});

// Issue 24, item 6: 50,000 lines of one label for one client random blocked the page for 1.1 s
// (the table had a row per line, and a note per conflicting duplicate): the HTML stays a few rows
// long and the notes a few lines, however many lines the connection has.
describe('50,000 lines of one label for one connection', () => {
  const CR = '99cf2fab'.repeat(8);
  const same = (n: number) =>
    Array.from({ length: n }, () => `CLIENT_TRAFFIC_SECRET_0 ${CR} ${'63164e02'.repeat(8)}`).join(
      '\n',
    );
  const different = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `CLIENT_TRAFFIC_SECRET_0 ${CR} ${i.toString(16).padStart(64, '0')}`,
    ).join('\n');

  it.each([
    ['identical lines', same],
    ['a different secret on every line', different],
  ])('%s: one connection, a bounded table and at most one note per label', (_name, make) => {
    const report = parseKeyLog(make(50_000));
    expect(report.connections).toHaveLength(1);
    const c = report.connections[0];
    expect(c?.entries).toHaveLength(50_000);
    expect(c?.notes.length).toBeLessThanOrEqual(4);
    const html = renderKeyLogHtml(report);
    expect((html.match(/<tr[ >]/g) ?? []).length).toBeLessThanOrEqual(SHOWN.entries + 4);
    expect(html).toContain('… and 49,988 more lines for this connection.');
    expect(html.length).toBeLessThan(10_000);
  });

  it('says how many times a conflicting label appears, once', () => {
    const notes = parseKeyLog(different(50_000)).connections[0]?.notes ?? [];
    expect(notes.filter((n) => n.startsWith('CLIENT_TRAFFIC_SECRET_0 appears'))).toEqual([
      'CLIENT_TRAFFIC_SECRET_0 appears 50,000 times with 50,000 different secrets; Wireshark keeps the last one (line 50000).',
    ]);
  });
});
