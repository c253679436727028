/**
 * Timings of the load-average model, the budget being a 24-hour simulation with 3 instances in
 * under 5 ms. Run with Node 24:
 *
 *   node --experimental-strip-types scripts/bench-loadavg.ts [--runs=N] [--check]
 *
 * Prints the median and 95th percentile of many runs after a warm-up; with --check, exits 1 when
 * a budgeted figure is over its budget.
 */
import { analyseBeat, guessHz } from '../src/core/loadavg/beat.ts';
import { chartGeometry } from '../src/core/loadavg/chart.ts';
import { parseDuration } from '../src/core/loadavg/format.ts';
import { SIM_PRESETS, type SimFormValues, validateSim } from '../src/core/loadavg/params.ts';
import { summarise } from '../src/core/loadavg/sim-view.ts';
import { simulate } from '../src/core/loadavg/simulate.ts';
import { timeRuns } from './bench/report.ts';

const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith('--runs='));
const RUNS = Math.max(5, Number(runsArg?.slice('--runs='.length) ?? 200) || 200);
const CHECK = args.includes('--check');

function params(patch: Partial<SimFormValues>) {
  const base = SIM_PRESETS.find((p) => p.id === 'sync')?.values;
  const r = validateSim({ ...base, ...patch });
  if (!r.ok) throw new Error(`bad benchmark scenario: ${JSON.stringify(r.errors)}`);
  return r.value;
}

interface Case {
  readonly name: string;
  readonly budgetMs?: number;
  readonly run: () => unknown;
}

const day3 = params({ span: '24' });
const cases: Case[] = [
  { name: 'simulate 24 h, 3 instances in sync', budgetMs: 5, run: () => simulate(day3) },
  {
    name: 'simulate 24 h, 3 instances, round_interval off',
    budgetMs: 5,
    run: () => simulate({ ...day3, roundInterval: false }),
  },
  {
    name: 'simulate 24 h, 3 instances, jitter 2 s',
    budgetMs: 5,
    run: () => simulate({ ...day3, jitterUs: 2_000_000 }),
  },
  {
    name: 'simulate 24 h, 3 instances, HZ 1000, baseline 1.5',
    budgetMs: 5,
    run: () => simulate({ ...day3, hz: 1000, baselineCenti: 150 }),
  },
  {
    name: 'simulate 24 h, 32 instances, jitter 4.999 s (worst)',
    run: () => simulate({ ...day3, instances: 32, jitterUs: 4_999_000, burstUs: 4_999_000 }),
  },
  {
    name: 'simulate + chart + summary, 24 h, 3 instances',
    run: () => {
      const r = simulate(day3);
      return [chartGeometry(r), summarise(r)];
    },
  },
  {
    name: 'analyseBeat T1 = 5 s, HZ = 250',
    run: () => analyseBeat({ intervalUs: 5e6, hz: 250, burstUs: 20_000 }),
  },
  {
    name: 'analyseBeat T1 = 60 s, HZ = 1000',
    run: () => analyseBeat({ intervalUs: 60e6, hz: 1000, burstUs: 20_000 }),
  },
  {
    name: 'analyseBeat worst case (400 000 samples)',
    run: () => analyseBeat({ intervalUs: 3_599_999_000, hz: 9973, burstUs: 1 }),
  },
  { name: 'guessHz "about 7 hours", T1 = 5 s', run: () => guessHz(25200, 5e6) },
  { name: 'parseDuration "1h 44m 10s"', run: () => parseDuration('1h 44m 10s') },
];

let sink = 0;
const rows: string[][] = [];
let over = 0;
for (const c of cases) {
  const { median, p95, sink: s } = timeRuns(c.run, RUNS);
  sink += s;
  const verdict =
    c.budgetMs === undefined
      ? ''
      : median <= c.budgetMs
        ? `ok (< ${c.budgetMs} ms)`
        : `OVER ${c.budgetMs} ms`;
  if (c.budgetMs !== undefined && median > c.budgetMs) over++;
  rows.push([c.name, median.toFixed(3), p95.toFixed(3), verdict]);
}

const header = ['case', 'median ms', 'p95 ms', 'budget'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]): string =>
  cells
    .map((cell, i) =>
      i === 0 || i === 3 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
    )
    .join('  ');
console.log(`load-average model, ${RUNS} runs each, Node ${process.version}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (sink < 0) console.log(sink);
if (CHECK && over > 0) {
  console.error(`${over} figure(s) over budget`);
  process.exit(1);
}
