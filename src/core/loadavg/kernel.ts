/**
 * The kernel side of the model: Linux's fixed-point load average, as include/linux/sched/loadavg.h
 * and kernel/sched/loadavg.c compute it, and the tick arithmetic of its sampling schedule.
 */
import { type Rational, rat } from './rational.ts';

/** Bits of fraction in the kernel's fixed-point load figures. */
export const FSHIFT = 11;
/** 1.0 in fixed point. */
export const FIXED_1 = 1 << FSHIFT;
/** 2048 / e^(5 s / 1 min): decay per sample of the 1-minute average. */
export const EXP_1 = 1884;
/** 2048 / e^(5 s / 5 min). */
export const EXP_5 = 2014;
/** 2048 / e^(5 s / 15 min). */
export const EXP_15 = 2037;

/** The HZ values Linux offers in Kconfig (CONFIG_HZ_100 … CONFIG_HZ_1000). */
export const COMMON_HZ: readonly number[] = [100, 250, 300, 1000];

/** Kernel ticks between two load samples: LOAD_FREQ = 5·HZ + 1. */
export function loadFreq(hz: number): number {
  return 5 * hz + 1;
}

/** Seconds between two load samples, exactly: (5·HZ + 1) / HZ. */
export function samplePeriod(hz: number): Rational {
  return rat(loadFreq(hz), hz);
}

/**
 * One step of the kernel's calc_load(): load and the result are fixed point, active is the task
 * count already multiplied by FIXED_1. Rounds up while the load climbs, so a constant count of n
 * tasks settles on exactly n and an idle machine on exactly 0.
 */
export function calcLoad(load: number, exp: number, active: number): number {
  let next = load * exp + active * (FIXED_1 - exp);
  if (active >= load) next += FIXED_1 - 1;
  // Exact: every operand is an integer far below 2^53 and the divisor is a power of two.
  return Math.floor(next / FIXED_1);
}

/** The three averages (1, 5, 15 min) in fixed point. */
export type Avenrun = readonly [number, number, number];

/** Applies one sample with `tasks` runnable or uninterruptible tasks to all three averages. */
export function calcGlobalLoad(avenrun: Avenrun, tasks: number): Avenrun {
  const active = tasks > 0 ? tasks * FIXED_1 : 0;
  return [
    calcLoad(avenrun[0], EXP_1, active),
    calcLoad(avenrun[1], EXP_5, active),
    calcLoad(avenrun[2], EXP_15, active),
  ];
}

/**
 * Text of a fixed-point load as /proc/loadavg and uptime print it: the kernel adds FIXED_1/200
 * before cutting to two decimals, so 2047 reads "1.00", not "0.99".
 */
export function formatLoad(fixed: number): string {
  const x = fixed + Math.floor(FIXED_1 / 200);
  const whole = Math.floor(x / FIXED_1);
  const frac = Math.floor(((x % FIXED_1) * 100) / FIXED_1);
  return `${whole}.${String(frac).padStart(2, '0')}`;
}

/** A fixed-point load as a plain number, for drawing only. */
export function loadToNumber(fixed: number): number {
  return fixed / FIXED_1;
}
