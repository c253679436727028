/**
 * Scenario parameters for the beat calculator and the simulator: field limits, defaults, presets,
 * validation from raw form or URL values, and the query-string form of a beat scenario.
 */
import { type Checked, checked } from '../widgets/checked.ts';
import { type DecimalField, parseDuration, parseScaled } from './format.ts';

/** What the beat calculator needs, all integers: agent durations in µs, HZ in ticks per second. */
export interface BeatParams {
  /** The agent's collection interval T1 in microseconds (entered in seconds, ms precision). */
  readonly intervalUs: number;
  /** Kernel tick rate. */
  readonly hz: number;
  /** How long the agent's threads stay runnable after each collection starts, in µs. */
  readonly burstUs: number;
}

/** Everything the simulator needs, validated and in integer units. */
export interface SimParams extends BeatParams {
  /** Agent instances on the machine (host plus containers). */
  readonly instances: number;
  /** Threads each instance makes runnable per collection. */
  readonly threads: number;
  /** Background load in hundredths of a task (150 = 1.5 tasks on average). */
  readonly baselineCenti: number;
  /** Telegraf's round_interval: collections on wall-clock multiples of the interval. */
  readonly roundInterval: boolean;
  /** Telegraf's collection_jitter in µs: each collection is delayed by a uniform amount below it. */
  readonly jitterUs: number;
  /** Simulated time in whole seconds. */
  readonly spanS: number;
  /** Seed of the pseudo-random draws (start phases, jitter, fractional baseline). */
  readonly seed: number;
  /** Time of the kernel's first load sample after the wall-clock origin, in µs. */
  readonly kernelOffsetUs: number;
}

/** Names of the input fields, as used in error maps, ids and URL parameters. */
export type FieldName =
  | 'interval'
  | 'hz'
  | 'burst'
  | 'instances'
  | 'threads'
  | 'baseline'
  | 'jitter'
  | 'span'
  | 'seed'
  | 'offset';

/** Field limits; the parsed value is the entered number × 10^scale. */
export const FIELDS: Readonly<Record<FieldName, DecimalField>> = {
  interval: {
    label: 'Interval (s)',
    scale: 3,
    min: 0,
    max: 3600,
    minInclusive: false,
    unit: ' s',
    example: '5 or 2.5',
  },
  hz: { label: 'HZ', scale: 0, min: 10, max: 10000, minInclusive: true, example: '250' },
  burst: {
    label: 'Burst (ms)',
    scale: 3,
    min: 0,
    max: 3600000,
    minInclusive: false,
    unit: ' ms',
    example: '20',
  },
  instances: { label: 'Instances', scale: 0, min: 1, max: 32, minInclusive: true, example: '3' },
  threads: {
    label: 'Threads per collection',
    scale: 0,
    min: 1,
    max: 1000,
    minInclusive: true,
    example: '12',
  },
  baseline: {
    label: 'Baseline load',
    scale: 2,
    min: 0,
    max: 1000,
    minInclusive: true,
    example: '6 or 1.5',
  },
  jitter: {
    label: 'collection_jitter (s)',
    scale: 3,
    min: 0,
    max: 3600,
    minInclusive: true,
    unit: ' s',
    example: '0 or 2',
  },
  span: {
    label: 'Span (h)',
    scale: 2,
    min: 0.1,
    max: 24,
    minInclusive: true,
    unit: ' h',
    example: '12',
  },
  seed: { label: 'Seed', scale: 0, min: 0, max: 4294967295, minInclusive: true, example: '1' },
  offset: {
    label: 'Kernel offset (ms)',
    scale: 3,
    min: 0,
    max: 86400000,
    minInclusive: true,
    unit: ' ms',
    example: '2500',
  },
};

/** Per-field messages; a field is absent when its value was fine. */
export type FieldErrors = Partial<Record<FieldName, string>>;

/** Raw beat inputs as they come from a form or a URL: strings or numbers, possibly junk. */
export interface BeatInput {
  readonly interval?: unknown;
  readonly hz?: unknown;
  readonly burst?: unknown;
}

/** Raw simulator inputs; `round` is the round_interval checkbox. */
export interface SimInput extends BeatInput {
  readonly instances?: unknown;
  readonly threads?: unknown;
  readonly baseline?: unknown;
  readonly round?: unknown;
  readonly jitter?: unknown;
  readonly span?: unknown;
  readonly seed?: unknown;
  readonly offsetMs?: unknown;
}

/** The beat calculator's opening scenario: Telegraf every 5 s on an HZ=250 kernel. */
export const DEFAULT_BEAT_INPUT = { interval: '5', hz: '250', burst: '20' } as const;

function read(field: FieldName, raw: unknown, errors: FieldErrors): number {
  const r = parseScaled(raw, FIELDS[field]);
  if (r.ok) return r.value;
  errors[field] = r.error;
  return 0;
}

function checkBeat(raw: BeatInput, errors: FieldErrors): BeatParams {
  const intervalUs = read('interval', raw.interval, errors) * 1000;
  const hz = read('hz', raw.hz, errors);
  const burstUs = read('burst', raw.burst, errors);
  if (!errors.interval && !errors.burst && burstUs >= intervalUs) {
    errors.burst = `Burst (ms) must be shorter than the interval (${intervalUs / 1000} ms).`;
  }
  return { intervalUs, hz, burstUs };
}

/** Checks the beat calculator's three fields. */
export function validateBeat(raw: BeatInput): Checked<BeatParams, FieldName> {
  const errors: FieldErrors = {};
  const value = checkBeat(raw, errors);
  return checked(value, errors);
}

/** Checks every simulator field, including that burst and jitter are shorter than the interval. */
export function validateSim(raw: SimInput): Checked<SimParams, FieldName> {
  const errors: FieldErrors = {};
  const beat = checkBeat(raw, errors);
  const instances = read('instances', raw.instances, errors);
  const threads = read('threads', raw.threads, errors);
  const baselineCenti = read('baseline', raw.baseline, errors);
  const jitterUs = read('jitter', raw.jitter, errors) * 1000;
  const spanS = read('span', raw.span, errors) * 36;
  const seed = raw.seed === undefined ? 1 : read('seed', raw.seed, errors);
  if (!errors.interval && !errors.jitter && jitterUs >= beat.intervalUs) {
    errors.jitter = `collection_jitter (s) must be shorter than the interval (${beat.intervalUs / 1e6} s).`;
  }
  const kernelOffsetUs = read('offset', raw.offsetMs ?? '2500', errors);
  const roundInterval = raw.round === undefined ? true : raw.round === true || raw.round === 'true';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...beat,
      instances,
      threads,
      baselineCenti,
      roundInterval,
      jitterUs,
      spanS,
      seed,
      kernelOffsetUs,
    },
  };
}

/** Simulator inputs, as strings the form shows, keyed by field. */
export interface SimFormValues {
  readonly interval: string;
  readonly hz: string;
  readonly burst: string;
  readonly instances: string;
  readonly threads: string;
  readonly baseline: string;
  readonly round: boolean;
  readonly jitter: string;
  readonly span: string;
  readonly seed: string;
}

/** One preset button of the simulator: the story told one step at a time. */
export interface SimPreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly values: SimFormValues;
}

const BASE_SCENARIO: SimFormValues = {
  interval: '5',
  hz: '250',
  burst: '20',
  instances: '3',
  threads: '12',
  baseline: '6',
  round: true,
  jitter: '0',
  span: '12',
  seed: '1',
};

/** The presets, in story order; the second ("three in sync") is the simulator's opening scenario. */
export const SIM_PRESETS: readonly SimPreset[] = [
  {
    id: 'one',
    label: 'One Telegraf',
    description: 'A single agent, aligned to the clock: a spike every time the schedules meet.',
    values: { ...BASE_SCENARIO, instances: '1' },
  },
  {
    id: 'sync',
    label: 'Three in sync',
    description: 'Host and two containers, all aligned to :00, :05…: their threads stack up.',
    values: BASE_SCENARIO,
  },
  {
    id: 'round-off',
    label: 'round_interval = false',
    description: 'Each agent keeps its own start phase: the kernel catches one at a time.',
    values: { ...BASE_SCENARIO, round: false },
  },
  {
    id: 'jitter',
    label: 'collection_jitter = 2 s',
    description: 'Each collection starts up to 2 s late at random: coincidences no longer last.',
    values: { ...BASE_SCENARIO, jitter: '2' },
  },
];

/** The preset the simulator opens with when a post names none. */
export const DEFAULT_SIM_PRESET = 'sync';

/** The preset with this id; the default one when no id is given. Undefined for an unknown id. */
export function simPreset(id: string | undefined = DEFAULT_SIM_PRESET): SimPreset | undefined {
  return SIM_PRESETS.find((p) => p.id === id);
}

/** The HZ guesser's inputs as typed: the spike period someone sees and the agent's interval. */
export interface HzGuessInput {
  readonly observed?: unknown;
  readonly interval?: unknown;
}

/** The HZ guesser's opening question: spikes every 104 minutes with Telegraf every 5 s. */
export const DEFAULT_HZ_GUESS_INPUT = { observed: '104 minutes', interval: '5' } as const;

/** Checks the HZ guesser's two fields: a spike period in seconds and an interval in µs. */
export function validateHzGuess(
  raw: HzGuessInput,
): Checked<{ readonly observedS: number; readonly intervalUs: number }, 'observed' | 'interval'> {
  const observed = parseDuration(raw.observed, 'Spike period');
  const interval = parseScaled(raw.interval, { ...FIELDS.interval, label: 'Agent interval (s)' });
  if (observed.ok && interval.ok) {
    return { ok: true, value: { observedS: observed.value, intervalUs: interval.value * 1000 } };
  }
  return {
    ok: false,
    errors: {
      ...(observed.ok ? {} : { observed: observed.error }),
      ...(interval.ok ? {} : { interval: interval.error }),
    },
  };
}
