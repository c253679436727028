/**
 * Simulation of a machine running N metrics agents: at each kernel load sample, count the
 * baseline tasks plus the agent threads still runnable from their latest collection, and feed
 * that count through the kernel's fixed-point averages. Time is kept in integer units (see
 * unitsPerSecond) so every sample and collection instant is exact; randomness comes from a
 * counter-based hash of (seed, stream, index), so a result never depends on evaluation order.
 */
import { coincidenceGap, unitsPerSecond } from './beat.ts';
import { calcLoad, EXP_1, EXP_5, EXP_15, FIXED_1, loadFreq, samplePeriod } from './kernel.ts';
import type { SimParams } from './params.ts';
import { add, mul, type Rational, rat } from './rational.ts';
import { RunGrouper } from './runs.ts';

/** One spike: samples that counted agent threads, less than a minute apart. */
export interface Spike {
  /** First sample that counted agent threads. */
  readonly firstSample: number;
  /** Last such sample of the run. */
  readonly lastSample: number;
  /** Samples of the run that counted agent threads. */
  readonly samples: number;
  /** Most agent threads counted by one sample of the run. */
  readonly maxThreads: number;
  /** Highest 1-minute load during the run, fixed point. */
  readonly peakLoad1: number;
  /** Sample where that peak was reached. */
  readonly peakSample: number;
  /** Time of the first sample in seconds since the start (for display). */
  readonly startS: number;
}

/** The simulated series and what was found in it. */
export interface SimResult {
  readonly params: SimParams;
  /** Kernel sample period in seconds. */
  readonly samplePeriod: Rational;
  /** Exact time of sample 0 in seconds. */
  readonly firstSample: Rational;
  readonly sampleCount: number;
  /** Time of every sample in seconds, for drawing (exact times: sampleTime). */
  readonly timesS: Float64Array;
  /** 1-, 5- and 15-minute load after every sample, fixed point (FIXED_1 = 1.0). */
  readonly load1: Uint32Array;
  readonly load5: Uint32Array;
  readonly load15: Uint32Array;
  /** Tasks counted at each sample (baseline plus agent threads). */
  readonly tasks: Uint32Array;
  /** Agent threads counted at each sample. */
  readonly caught: Uint32Array;
  /** Spikes, first ones first (at most MAX_SPIKES kept). */
  readonly spikes: readonly Spike[];
  /** All spikes found, including those not kept. */
  readonly spikeCount: number;
  /** Highest 1-minute load of the whole span, fixed point, and where. */
  readonly peak: { readonly load1: number; readonly sample: number };
  /** Load the averages start from: the long-run mean of baseline plus agents, fixed point. */
  readonly startLoad: number;
}

/** Spikes kept in a result; later ones are only counted. */
export const MAX_SPIKES = 500;

const STREAM_PHASE = 1;
const STREAM_JITTER = 2;
const STREAM_BASELINE = 3;

function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic 32-bit pseudo-random value for (seed, stream, index); same inputs, same output. */
export function hash32(seed: number, stream: number, index: number): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(stream, 0x85ebca6b) ^ 0x27d4eb2f);
  return mix32(h ^ (index | 0));
}

/** Maps a 32-bit value onto [0, n) for n ≤ 2^32 as floor(u·n / 2^32), exactly in doubles. */
export function below(u: number, n: number): number {
  const nh = Math.floor(n / 65536);
  const nl = n % 65536;
  const a = u * nh; // < 2^48
  const ah = Math.floor(a / 65536);
  const al = a % 65536;
  return ah + Math.floor((al * 65536 + u * nl) / 4294967296);
}

function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

/** Runs one scenario over its span; bounded by 24 h × 32 instances of work. */
export function simulate(p: SimParams): SimResult {
  const { hz, intervalUs, burstUs, jitterUs, instances, threads, baselineCenti, seed } = p;
  const U = unitsPerSecond(hz);
  const uPerUs = U / 1_000_000;
  const Pu = loadFreq(hz) * (U / hz);
  const Tu = intervalUs * uPerUs;
  const Wu = burstUs * uPerUs;
  const Ju = jitterUs * uPerUs;
  const offsetU = (p.kernelOffsetUs * uPerUs) % Pu;
  const spanU = p.spanS * U;
  const count = Math.floor((spanU - offsetU) / Pu) + 1;

  const phases = new Float64Array(instances);
  for (let i = 0; i < instances; i++) {
    phases[i] = p.roundInterval ? 0 : below(hash32(seed, STREAM_PHASE, i), intervalUs) * uPerUs;
  }
  const baseWhole = Math.floor(baselineCenti / 100);
  const baseFrac = baselineCenti % 100;

  // The averages start at their long-run mean (baseline plus threads × burst ÷ interval) so the
  // chart shows spikes over a settled load rather than a boot ramp.
  const meanFixed =
    (BigInt(baselineCenti) * BigInt(FIXED_1) * BigInt(intervalUs) +
      100n * BigInt(instances * threads) * BigInt(burstUs) * BigInt(FIXED_1) +
      50n * BigInt(intervalUs)) /
    (100n * BigInt(intervalUs));
  const startLoad = Number(meanFixed);

  const timesS = new Float64Array(count);
  const load1 = new Uint32Array(count);
  const load5 = new Uint32Array(count);
  const load15 = new Uint32Array(count);
  const tasks = new Uint32Array(count);
  const caught = new Uint32Array(count);
  let a1 = startLoad;
  let a5 = startLoad;
  let a15 = startLoad;

  for (let m = 0; m < count; m++) {
    const s = offsetU + m * Pu;
    let agent = 0;
    for (let i = 0; i < instances; i++) {
      const phi = phases[i] ?? 0;
      const jHi = floorDiv(s - phi, Tu);
      const jLo = floorDiv(s - phi - Ju - Wu, Tu) + 1;
      for (let j = jLo; j <= jHi; j++) {
        let start = phi + j * Tu;
        if (jitterUs > 0) start += below(hash32(seed, STREAM_JITTER + 4 * i, j), jitterUs) * uPerUs;
        if (start <= s && s < start + Wu) agent += threads;
      }
    }
    let n = baseWhole + agent;
    if (baseFrac > 0 && below(hash32(seed, STREAM_BASELINE, m), 100) < baseFrac) n++;
    const active = n * FIXED_1;
    a1 = calcLoad(a1, EXP_1, active);
    a5 = calcLoad(a5, EXP_5, active);
    a15 = calcLoad(a15, EXP_15, active);
    timesS[m] = s / U;
    load1[m] = a1;
    load5[m] = a5;
    load15[m] = a15;
    tasks[m] = n;
    caught[m] = agent;
  }

  const maxGap = coincidenceGap(hz, intervalUs);
  const spikes: Spike[] = [];
  let spikeCount = 0;
  let peak = { load1: 0, sample: 0 };
  const runs = new RunGrouper(maxGap, (run) => {
    spikeCount++;
    if (spikes.length >= MAX_SPIKES) return;
    let peakSample = run.first;
    for (let k = run.first; k <= run.last; k++) {
      if ((load1[k] ?? 0) > (load1[peakSample] ?? 0)) peakSample = k;
    }
    spikes.push({
      firstSample: run.first,
      lastSample: run.last,
      samples: run.hits,
      maxThreads: run.maxWeight,
      peakLoad1: load1[peakSample] ?? 0,
      peakSample,
      startS: timesS[run.first] ?? 0,
    });
  });
  for (let m = 0; m < count; m++) {
    const l = load1[m] ?? 0;
    if (l > peak.load1) peak = { load1: l, sample: m };
    const c = caught[m] ?? 0;
    if (c > 0) runs.hit(m, c);
  }
  runs.finish();

  return {
    params: p,
    samplePeriod: samplePeriod(hz),
    firstSample: rat(offsetU, U),
    sampleCount: count,
    timesS,
    load1,
    load5,
    load15,
    tasks,
    caught,
    spikes,
    spikeCount,
    peak,
    startLoad,
  };
}

/** Exact time of sample m of a result, in seconds. */
export function sampleTime(result: SimResult, m: number): Rational {
  return add(result.firstSample, mul(result.samplePeriod, rat(m)));
}
