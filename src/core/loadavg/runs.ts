/**
 * Grouping the kernel samples that caught the agents into runs (one spike or coincidence each),
 * and the spread of the gaps between runs: shared by the beat analysis and the simulator, so both
 * cut spikes the same way.
 */

/** One run of hits: sample indices at most `maxGap` apart. */
export interface Run {
  /** First sample of the run. */
  readonly first: number;
  /** Last sample of the run. */
  readonly last: number;
  /** Samples of the run that were hits. */
  readonly hits: number;
  /** Largest weight given to one hit of the run (e.g. threads counted); 1 if none given. */
  readonly maxWeight: number;
}

/**
 * Collects hits given in increasing sample order into runs: a hit more than `maxGap` samples after
 * the previous one starts a new run. `onRun` gets each finished run; `final` is true for the last
 * one, which `finish()` closes and which may go on past the samples walked.
 */
export class RunGrouper {
  #run: { first: number; last: number; hits: number; maxWeight: number } | null = null;
  readonly #maxGap: number;
  readonly #onRun: (run: Run, final: boolean) => void;

  constructor(maxGap: number, onRun: (run: Run, final: boolean) => void) {
    this.#maxGap = maxGap;
    this.#onRun = onRun;
  }

  /** Records a hit at sample k (k never decreasing). */
  hit(k: number, weight = 1): void {
    const run = this.#run;
    if (run && k - run.last <= this.#maxGap) {
      run.last = k;
      run.hits++;
      run.maxWeight = Math.max(run.maxWeight, weight);
      return;
    }
    if (run) this.#onRun(run, false);
    this.#run = { first: k, last: k, hits: 1, maxWeight: weight };
  }

  /** Closes the open run, if any, as the final one. */
  finish(): void {
    if (this.#run) this.#onRun(this.#run, true);
    this.#run = null;
  }
}

/**
 * Smallest, median (the lower one for an even count) and largest gap between consecutive values
 * of an increasing list, or null with fewer than two values.
 */
export function gapSpread(
  starts: readonly number[],
): { readonly min: number; readonly median: number; readonly max: number } | null {
  if (starts.length < 2) return null;
  const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
  gaps.sort((a, b) => a - b);
  return {
    min: gaps[0] ?? 0,
    median: gaps[(gaps.length - 1) >> 1] ?? 0,
    max: gaps[gaps.length - 1] ?? 0,
  };
}
