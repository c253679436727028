/** Formatting shared by the benchmark and the Lighthouse report: tables that paste into the README. */

/** A Markdown table, padded to line up in plain text; columns after the first right-aligned. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number) =>
    i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w - 1)}` : `${'-'.repeat(w - 1)}:`));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Bytes as kilobytes of 1,000 bytes, one decimal, the unit the budgets are written in. */
export function kb(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

/** Median and 95th percentile in ms of `runs` calls after a warm-up; the sink keeps the work alive. */
export function timeRuns(
  run: () => unknown,
  runs: number,
): { median: number; p95: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < Math.min(50, runs); i++) sink += run() ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += run() ? 1 : 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), sink };
}
