/**
 * Timings of the iOS TLS post's models: hostapd.conf generation and key-log parsing, which the
 * widgets redo on every keystroke. Run with Node 24:
 *
 *   node --experimental-strip-types scripts/bench/models.ts [--runs=N]
 *
 * Prints the median and 95th percentile of many runs after a warm-up, like scripts/bench-loadavg.ts.
 */
import { companionSteps, renderCommands } from '../../src/core/hostapd/commands.ts';
import { buildHostapdConfig } from '../../src/core/hostapd/config.ts';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/core/hostapd/settings.ts';
import { renderStepsHtml } from '../../src/core/hostapd/view.ts';
import { parseKeyLog, SAMPLE_KEYLOG } from '../../src/core/keylog/keylog.ts';
import { renderKeyLogHtml, summarizeKeyLog } from '../../src/core/keylog/view.ts';
import { bigKeyLog } from './keylog-sample.ts';
import { timeRuns } from './report.ts';

const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith('--runs='));
const RUNS = Math.max(5, Number(runsArg?.slice('--runs='.length) ?? 200) || 200);

const BIG = bigKeyLog(1000);
const WPA3 = {
  ...DEFAULT_SETTINGS,
  security: 'wpa2-wpa3' as const,
  band: '5' as const,
  channel: 36,
};

const cases: { name: string; run: () => unknown }[] = [
  { name: 'hostapd: validate default settings', run: () => validateSettings(DEFAULT_SETTINGS) },
  {
    name: 'hostapd: build hostapd.conf (WPA2, 2.4 GHz)',
    run: () => buildHostapdConfig(DEFAULT_SETTINGS),
  },
  { name: 'hostapd: build hostapd.conf (WPA2/WPA3, 5 GHz)', run: () => buildHostapdConfig(WPA3) },
  {
    name: 'hostapd: conf + companion commands + their HTML',
    run: () => {
      const steps = companionSteps(DEFAULT_SETTINGS);
      return [
        buildHostapdConfig(DEFAULT_SETTINGS),
        steps && renderCommands(steps),
        renderStepsHtml(steps),
      ];
    },
  },
  { name: "key log: parse the post's sample (6 lines)", run: () => parseKeyLog(SAMPLE_KEYLOG) },
  {
    name: 'key log: parse + summary + table, sample',
    run: () => {
      const r = parseKeyLog(SAMPLE_KEYLOG);
      return [summarizeKeyLog(r), renderKeyLogHtml(r)];
    },
  },
  { name: 'key log: parse 5,000 lines (1,000 connections)', run: () => parseKeyLog(BIG) },
  {
    name: 'key log: parse + summary + table, 5,000 lines',
    run: () => {
      const r = parseKeyLog(BIG);
      return [summarizeKeyLog(r), renderKeyLogHtml(r)];
    },
  },
];

let sink = 0;
const rows: string[][] = [];
for (const c of cases) {
  const t = timeRuns(c.run, RUNS);
  sink += t.sink;
  rows.push([c.name, t.median.toFixed(3), t.p95.toFixed(3)]);
}

const header = ['case', 'median ms', 'p95 ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]): string =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ');
console.log(`hostapd and key-log models, ${RUNS} runs each, Node ${process.version}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (sink < 0) console.log(sink);
