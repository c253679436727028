/**
 * The beat between an agent's collection schedule and the kernel's load sampling: exact drift and
 * repeat period, the coincidences actually found by walking the sample phases, and the inverse
 * question (which HZ explains the spike period someone sees).
 */
import { COMMON_HZ, loadFreq, samplePeriod } from './kernel.ts';
import type { BeatParams } from './params.ts';
import { cmp, div, mod, mul, type Rational, rat, ratLcm, sub, toNumber } from './rational.ts';
import { gapSpread, RunGrouper } from './runs.ts';

/**
 * Integer time units per second: lcm(10^6, HZ), so that both a kernel tick (1/HZ s) and a
 * microsecond of agent time are whole numbers of units. Plain microseconds would not do: at
 * HZ=300 a tick is 3333.33… µs. With HZ ≤ 10 000 a unit is ≥ 0.1 ns and a day is < 2^53 units.
 */
export function unitsPerSecond(hz: number): number {
  let a = 1_000_000;
  let b = hz;
  while (b !== 0) [a, b] = [b, a % b];
  return (1_000_000 / a) * hz;
}

/** One run of samples that caught the agent's threads (hits less than a minute apart). */
export interface Coincidence {
  /** Index of the first sample that caught a burst (sample 0 is at t = 0). */
  readonly firstSample: number;
  /** Index of the last sample of the run. */
  readonly lastSample: number;
  /** Samples in the run that caught a burst. */
  readonly samples: number;
  /** Exact time of the first sample, in seconds. */
  readonly start: Rational;
  /** True when the run touches the end of the horizon and may go on. */
  readonly truncated: boolean;
}

/** How the two schedules relate over the long run. */
export type PhaseKind = 'drifting' | 'always' | 'never' | 'continuous';

/** Everything the beat calculator shows. */
export interface BeatResult {
  readonly params: BeatParams;
  /** LOAD_FREQ in ticks. */
  readonly loadFreqTicks: number;
  /** Kernel sample period P in seconds. */
  readonly samplePeriod: Rational;
  /** Agent interval T1 in seconds. */
  readonly interval: Rational;
  /** P mod T1: how much later in the agent's cycle each sample lands than the one before. */
  readonly drift: Rational;
  /**
   * The slow drift that makes spikes: every `samples` samples, the kernel lands `shift` seconds
   * later (negative: earlier) in the agent's cycle. For T1 = 5 s it is one sample and one tick.
   */
  readonly step: { readonly samples: number; readonly shift: Rational };
  /** lcm(P, T1): after this long the whole pattern of phases starts over. */
  readonly repeat: Rational;
  /** Kernel samples in one repeat period. */
  readonly repeatSamples: number;
  /** Agent collections in one repeat period. */
  readonly repeatCollections: number;
  /** The often-quoted estimate 5 s × T1 ÷ (1/HZ), i.e. 5·T1·HZ seconds. */
  readonly naive: Rational;
  readonly phase: PhaseKind;
  /** Samples walked. */
  readonly horizonSamples: number;
  /** Time walked, in seconds. */
  readonly horizon: Rational;
  /** The coincidences found, first ones first (at most MAX_STORED_COINCIDENCES kept). */
  readonly coincidences: readonly Coincidence[];
  /** All coincidences found over the horizon, including those not kept. */
  readonly coincidenceCount: number;
  /** Fewest and most samples caught by one complete coincidence. */
  readonly samplesPerCoincidence: { readonly min: number; readonly max: number } | null;
  /** Gaps between the starts of consecutive coincidences. */
  readonly spacing: {
    readonly min: Rational;
    readonly median: Rational;
    readonly max: Rational;
  } | null;
}

/** Options of the walk over sample phases. */
export interface BeatOptions {
  /** Where the agent's cycle is at sample 0, in µs after a collection starts (default 0). */
  readonly offsetUs?: number;
  /** Samples to walk; by default four repeat periods or a day, whichever is longer. */
  readonly horizonSamples?: number;
  /** Hits closer than this many seconds form one coincidence (default 60: one 1-min window). */
  readonly clusterGapS?: number;
}

/**
 * Largest distance, in samples, between two hits of one coincidence: hits less than a minute
 * apart merge in the 1-minute average, and a stride of one interval plus one sample is how far
 * apart the same burst position comes round again when the interval is long.
 */
export function coincidenceGap(hz: number, intervalUs: number, gapS = 60): number {
  const lf = loadFreq(hz);
  const byMinute = Math.floor((gapS * hz) / lf);
  const num = intervalUs * hz;
  const den = 1_000_000 * lf;
  let whole = Math.floor(num / den);
  if (whole * den > num) whole--;
  const byInterval = whole + 1;
  return Math.max(1, byMinute, byInterval);
}

/** Upper bound on samples walked, about 23 days: keeps every input under a few milliseconds. */
export const MAX_HORIZON_SAMPLES = 400_000;
/** Coincidences kept in the result; later ones are only counted. */
export const MAX_STORED_COINCIDENCES = 500;

/** Computes drift, repeat period and the actual coincidences for one scenario. */
export function analyseBeat(params: BeatParams, options: BeatOptions = {}): BeatResult {
  const { intervalUs, hz, burstUs } = params;
  const P = samplePeriod(hz);
  const T1 = rat(intervalUs, 1_000_000);
  const drift = mod(P, T1);
  const repeat = ratLcm(P, T1);
  const repeatSamples = Number(div(repeat, P).n);
  const repeatCollections = Number(div(repeat, T1).n);
  const naive = mul(rat(5 * hz), T1);
  const step = slowStep(P, T1, repeatSamples);

  const U = unitsPerSecond(hz);
  const unitsPerUs = U / 1_000_000;
  const Pu = loadFreq(hz) * (U / hz);
  const Tu = intervalUs * unitsPerUs;
  const Wu = burstUs * unitsPerUs;
  const du = Pu % Tu;
  const offsetU = ((options.offsetUs ?? 0) * unitsPerUs) % Tu;

  const samplesPerDay = Math.ceil((86400 * hz) / loadFreq(hz));
  const wanted =
    options.horizonSamples ??
    Math.max(samplesPerDay, Math.min(4 * repeatSamples + 1, MAX_HORIZON_SAMPLES));
  const horizonSamples = Math.max(1, Math.min(Math.floor(wanted), MAX_HORIZON_SAMPLES));
  const maxGap = coincidenceGap(hz, intervalUs, options.clusterGapS);

  const coincidences: Coincidence[] = [];
  const starts: number[] = [];
  let minSamples = Number.POSITIVE_INFINITY;
  let maxSamples = 0;
  const runs = new RunGrouper(maxGap, (run, final) => {
    // The last run may go on past the horizon: it counts, but not towards the samples per run.
    const truncated = final && horizonSamples - 1 - run.last <= maxGap;
    if (!truncated) {
      minSamples = Math.min(minSamples, run.hits);
      maxSamples = Math.max(maxSamples, run.hits);
    }
    starts.push(run.first);
    if (coincidences.length < MAX_STORED_COINCIDENCES) {
      coincidences.push({
        firstSample: run.first,
        lastSample: run.last,
        samples: run.hits,
        start: mul(P, rat(run.first)),
        truncated,
      });
    }
  });
  // Phases as integers in [0, Tu): one add and one compare per sample, no drift of rounding.
  let r = offsetU;
  for (let k = 0; k < horizonSamples; k++) {
    if (r < Wu) runs.hit(k);
    r += du;
    if (r >= Tu) r -= Tu;
  }
  runs.finish();
  const count = starts.length;

  const samplesPerCoincidence = maxSamples > 0 ? { min: minSamples, max: maxSamples } : null;
  const gaps = gapSpread(starts);
  const spacing = gaps
    ? { min: mul(P, rat(gaps.min)), median: mul(P, rat(gaps.median)), max: mul(P, rat(gaps.max)) }
    : null;

  const locked = drift.n === 0n;
  const onlyOne = coincidences.length === 1 && coincidences[0]?.truncated === true;
  const phase: PhaseKind = locked
    ? offsetU < Wu
      ? 'always'
      : 'never'
    : count === 0 && horizonSamples >= repeatSamples
      ? 'never'
      : onlyOne && coincidences[0]?.firstSample === 0 && horizonSamples > 2 * maxGap
        ? 'continuous'
        : 'drifting';

  return {
    params,
    loadFreqTicks: loadFreq(hz),
    samplePeriod: P,
    interval: T1,
    drift,
    step,
    repeat,
    repeatSamples,
    repeatCollections,
    naive,
    phase,
    horizonSamples,
    horizon: mul(P, rat(horizonSamples)),
    coincidences,
    coincidenceCount: count,
    samplesPerCoincidence,
    spacing,
  };
}

function slowStep(P: Rational, T1: Rational, repeatSamples: number): BeatResult['step'] {
  // The first m whose m·P comes within 1 % of the interval of a whole number of intervals: that
  // m-sample stride is what creeps slowly through the agent's cycle and makes the spikes.
  const limit = Math.min(repeatSamples, 100_000);
  const tolerance = div(T1, rat(100));
  for (let m = 1; m <= limit; m++) {
    const x = mod(mul(P, rat(m)), T1);
    const back = sub(x, T1);
    if (cmp(x, tolerance) <= 0) return { samples: m, shift: x };
    if (cmp(sub(rat(0), back), tolerance) <= 0) return { samples: m, shift: back };
  }
  return { samples: repeatSamples, shift: rat(0) };
}

/** How well one HZ explains an observed spike period. */
export interface HzCandidate {
  readonly hz: number;
  /** The period this HZ predicts, in seconds. */
  readonly predicted: Rational;
  /** Whether that is the typical gap between spikes or the full repeat period. */
  readonly basis: 'spacing' | 'repeat';
  /** observed ÷ predicted. */
  readonly ratio: number;
}

/** The answer to "I see spikes every …": candidates best first. */
export interface HzGuess {
  /** The observed spike period, in seconds. */
  readonly observedS: number;
  /** The agent's interval, in µs. */
  readonly intervalUs: number;
  readonly best: HzCandidate | null;
  readonly ranked: readonly HzCandidate[];
  /** True when the best candidate is within 10 % of what is observed. */
  readonly confident: boolean;
}

/** Which of the common HZ values best explains spikes every `observedS` seconds with this interval. */
export function guessHz(observedS: number, intervalUs: number, burstUs = 20_000): HzGuess {
  const ranked: HzCandidate[] = [];
  for (const hz of COMMON_HZ) {
    const b = analyseBeat({ intervalUs, hz, burstUs: Math.min(burstUs, intervalUs - 1) });
    if (b.phase === 'always' || b.phase === 'never' || b.phase === 'continuous') continue;
    const options: Array<[Rational, 'spacing' | 'repeat']> = [[b.repeat, 'repeat']];
    if (b.spacing) options.unshift([b.spacing.median, 'spacing']);
    let bestHere: HzCandidate | null = null;
    for (const [predicted, basis] of options) {
      const ratio = observedS / toNumber(predicted);
      if (!bestHere || Math.abs(Math.log(ratio)) < Math.abs(Math.log(bestHere.ratio))) {
        bestHere = { hz, predicted, basis, ratio };
      }
    }
    if (bestHere) ranked.push(bestHere);
  }
  ranked.sort((a, b) => Math.abs(Math.log(a.ratio)) - Math.abs(Math.log(b.ratio)));
  const best = ranked[0] ?? null;
  const confident = best !== null && Math.abs(best.ratio - 1) <= 0.1;
  return { observedS, intervalUs, best, ranked, confident };
}
