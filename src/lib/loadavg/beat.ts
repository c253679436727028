/**
 * The beat between an agent's collection schedule and the kernel's load sampling: exact drift and
 * repeat period, the coincidences actually found by walking the sample phases, and the inverse
 * question (which HZ explains the spike period someone sees).
 */
import { formatDuration } from './format.ts';
import { COMMON_HZ, loadFreq, samplePeriod } from './kernel.ts';
import type { BeatParams } from './params.ts';
import {
  cmp,
  div,
  formatDecimal,
  mod,
  mul,
  type Rational,
  rat,
  ratLcm,
  sub,
  toNumber,
} from './rational.ts';

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
  /** One or two plain sentences saying what happens. */
  readonly statement: string;
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
  const startGaps: number[] = [];
  let count = 0;
  let minSamples = Number.POSITIVE_INFINITY;
  let maxSamples = 0;
  let first = -1;
  let last = -1;
  let hits = 0;
  let prevStart = -1;
  const close = (truncated: boolean): void => {
    count++;
    if (!truncated) {
      minSamples = Math.min(minSamples, hits);
      maxSamples = Math.max(maxSamples, hits);
    }
    if (prevStart >= 0) startGaps.push(first - prevStart);
    prevStart = first;
    if (coincidences.length < MAX_STORED_COINCIDENCES) {
      coincidences.push({
        firstSample: first,
        lastSample: last,
        samples: hits,
        start: mul(P, rat(first)),
        truncated,
      });
    }
  };
  // Phases as integers in [0, Tu): one add and one compare per sample, no drift of rounding.
  let r = offsetU;
  for (let k = 0; k < horizonSamples; k++) {
    if (r < Wu) {
      if (first >= 0 && k - last > maxGap) close(false);
      if (first < 0 || k - last > maxGap) {
        first = k;
        hits = 0;
      }
      last = k;
      hits++;
    }
    r += du;
    if (r >= Tu) r -= Tu;
  }
  if (first >= 0) close(horizonSamples - 1 - last <= maxGap);

  const samplesPerCoincidence = maxSamples > 0 ? { min: minSamples, max: maxSamples } : null;
  const sortedGaps = [...startGaps].sort((a, b) => a - b);
  const spacing =
    sortedGaps.length > 0
      ? {
          min: mul(P, rat(sortedGaps[0] ?? 0)),
          median: mul(P, rat(sortedGaps[(sortedGaps.length - 1) >> 1] ?? 0)),
          max: mul(P, rat(sortedGaps[sortedGaps.length - 1] ?? 0)),
        }
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

  const base = {
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
  return { ...base, statement: describe(base) };
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

function seconds(r: Rational, digits = 6): string {
  return `${formatDecimal(r, digits)} s`;
}

function describe(b: Omit<BeatResult, 'statement'>): string {
  const period = seconds(b.samplePeriod);
  const interval = seconds(b.interval);
  if (b.drift.n === 0n) {
    return (
      `The kernel samples every ${period}, a whole multiple of the ${interval} interval, so the two ` +
      'schedules never drift apart: every sample sees the agent at the same point of its cycle. ' +
      (b.phase === 'always'
        ? 'Here that point is inside the burst, so every sample counts the agent’s threads: the load is raised all the time, with no spikes.'
        : 'Here that point is outside the burst, so no sample ever counts the agent’s threads: no spikes at all.')
    );
  }
  if (b.phase === 'continuous') {
    return (
      `The pattern repeats every ${seconds(b.repeat)}, so often that samples keep catching the agent ` +
      'over and over: the load is raised steadily instead of in separate spikes.'
    );
  }
  const shift = b.step.shift;
  const later = shift.n >= 0n ? 'later' : 'earlier';
  const magnitude = rat(shift.n < 0n ? -shift.n : shift.n, shift.d);
  const stride =
    b.step.samples === 1
      ? `Each sample lands ${formatMs(magnitude)} ${later} in the agent’s ${interval} cycle than the one before`
      : `Every ${b.step.samples} samples (${seconds(mul(b.samplePeriod, rat(b.step.samples)))}) the kernel lands ${formatMs(magnitude)} ${later} in the agent’s ${interval} cycle`;
  const repeat = `the whole pattern repeats after ${seconds(b.repeat)} (${formatDuration(b.repeat)}).`;
  if (b.phase === 'never') {
    return `${stride}; ${repeat} With this start, no sample ever falls inside a burst.`;
  }
  return `${stride}; ${repeat}`;
}

function formatMs(r: Rational): string {
  return cmp(r, rat(1)) >= 0
    ? `${formatDecimal(r, 6)} s`
    : `${formatDecimal(mul(r, rat(1000)), 3)} ms`;
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

/** The answer to "I see spikes every …": candidates best first, and a sentence. */
export interface HzGuess {
  readonly best: HzCandidate | null;
  readonly ranked: readonly HzCandidate[];
  /** True when the best candidate is within 10 % of what is observed. */
  readonly confident: boolean;
  readonly statement: string;
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
  const interval = `${formatDecimal(rat(intervalUs, 1_000_000), 3)} s`;
  if (!best) {
    return {
      best,
      ranked,
      confident: false,
      statement: `With a ${interval} interval none of HZ ${COMMON_HZ.join('/')} makes separate periodic spikes: the two schedules either never drift apart or meet all the time.`,
    };
  }
  const off = Math.abs(best.ratio - 1);
  const confident = off <= 0.1;
  const what = best.basis === 'spacing' ? 'spikes every' : 'the full pattern repeating every';
  const predicted = `${what} ${formatDuration(Math.round(toNumber(best.predicted)))}`;
  const how = describeOff(best.ratio);
  const statement = confident
    ? `Most likely HZ = ${best.hz}: it predicts ${predicted}, ${how}.`
    : `None of HZ ${COMMON_HZ.join('/')} fits well; the closest is HZ = ${best.hz}, which predicts ${predicted} (${how}). Check the interval, or the kernel may use another HZ.`;
  return { best, ranked, confident, statement };
}

function describeOff(ratio: number): string {
  const off = Math.abs(ratio - 1);
  if (off < 0.001) return 'less than 0.1 % from what you see';
  if (ratio > 2) return `about ${Math.round(ratio)} times shorter than what you see`;
  if (ratio < 0.5) return `about ${Math.round(1 / ratio)} times longer than what you see`;
  return `${(off * 100).toFixed(off < 0.1 ? 1 : 0)} % from what you see`;
}
