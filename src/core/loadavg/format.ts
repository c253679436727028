/**
 * Reading and writing the figures the widgets show: form fields and URL parameters in, durations
 * and decimals out. Every reader returns a message naming the field instead of NaN or a throw.
 */
import type { FieldChecked } from '../widgets/checked.ts';
import { cmp, formatDecimal, mul, type Rational, rat } from './rational.ts';

/** Limits of one decimal field: `scale` decimal places are kept, so the value is returned × 10^scale. */
export interface DecimalField {
  /** Label used in messages, e.g. "Interval (s)". */
  readonly label: string;
  /** Decimal places accepted; the parsed value is an integer in units of 10^-scale. */
  readonly scale: number;
  /** Smallest allowed value, in the field's own unit (not scaled). */
  readonly min: number;
  /** Largest allowed value, in the field's own unit. */
  readonly max: number;
  /** Whether the minimum itself is allowed (false for "greater than 0"). */
  readonly minInclusive: boolean;
  /** Wording of the unit in range messages, e.g. " s" or " ms". */
  readonly unit?: string;
  /** A valid value to quote in messages, e.g. "5 or 2.5". */
  readonly example: string;
}

const DECIMAL = /^\+?(\d+)(?:\.(\d*))?$|^\+?\.(\d+)$/;

/**
 * Reads a plain decimal ("5", "2.5", ".25") into an integer count of 10^-scale units, checking the
 * range; exponents, commas, words and empty text are refused with a message naming the field.
 */
export function parseScaled(raw: unknown, field: DecimalField): FieldChecked<number> {
  const text =
    typeof raw === 'number' ? numberText(raw) : typeof raw === 'string' ? raw.trim() : '';
  const unit = field.unit ?? '';
  const example = `such as ${field.example}`;
  if (text === '')
    return { ok: false, error: `${field.label} is empty: enter a number ${example}.` };
  if (/^-/.test(text)) return { ok: false, error: `${field.label} must not be negative.` };
  const m = DECIMAL.exec(text);
  if (!m)
    return { ok: false, error: `${field.label} must be a number ${example}, not “${clip(text)}”.` };
  const whole = m[1] ?? '0';
  const frac = m[2] ?? m[3] ?? '';
  const significant = frac.replace(/0+$/, '');
  if (significant.length > field.scale) {
    return {
      ok: false,
      error:
        field.scale === 0
          ? `${field.label} must be a whole number.`
          : `${field.label} accepts at most ${field.scale} decimal place${field.scale === 1 ? '' : 's'}.`,
    };
  }
  const digits = whole.replace(/^0+(?=\d)/, '');
  // A value with more digits than the maximum cannot be in range; checking length first keeps
  // absurd input ("1000000000000000000000") from becoming an inexact double.
  if (digits.length > String(Math.trunc(field.max)).length + 1) {
    return { ok: false, error: `${field.label} must be at most ${field.max}${unit}.` };
  }
  const scaled =
    Number(digits) * 10 ** field.scale + Number(significant.padEnd(field.scale, '0') || '0');
  const min = field.min * 10 ** field.scale;
  const max = field.max * 10 ** field.scale;
  if (scaled > max)
    return { ok: false, error: `${field.label} must be at most ${field.max}${unit}.` };
  if (field.minInclusive ? scaled < min : scaled <= min) {
    if (field.min === 0) return { ok: false, error: `${field.label} must be greater than 0.` };
    return { ok: false, error: `${field.label} must be at least ${field.min}${unit}.` };
  }
  return { ok: true, value: scaled };
}

function numberText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  // Avoid "1e+21": plain digits let the length check produce the range message.
  return Math.abs(x) >= 1e21 ? x.toLocaleString('en-US', { useGrouping: false }) : String(x);
}

function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

const UNIT_SECONDS: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/^(?:d|days?)$/, 86400, 'days'],
  [/^(?:h|hrs?|hours?)$/, 3600, 'hours'],
  [/^(?:m|mins?|minutes?)$/, 60, 'minutes'],
  [/^(?:s|secs?|seconds?)$/, 1, 'seconds'],
];

const FILLER =
  /^(?:(?:about|around|roughly|approximately|approx\.?|circa|ca\.|nearly|almost|once|every|each|like|~|≈)\s*)+/;

/** Longest spike period the inverse accepts: anything slower is not a beat anyone would notice. */
export const MAX_OBSERVED_SECONDS = 30 * 86400;

/**
 * Reads how often spikes are seen: "104", "104 minutes", "1h44m", "1:44:10", "about 7 hours",
 * "6250 s". A bare number is in minutes. Returns seconds.
 */
export function parseDuration(raw: unknown, label = 'Spike period'): FieldChecked<number> {
  const original = typeof raw === 'string' ? raw : typeof raw === 'number' ? numberText(raw) : '';
  const hint = 'Try 104, 104 minutes, 1h44m or about 7 hours.';
  let text = original.trim().toLowerCase();
  if (text === '') return { ok: false, error: `${label} is empty. ${hint}` };
  text = text
    .replace(FILLER, '')
    .replace(/\s*(?:or so|ish)$/, '')
    .trim();
  if (/^-/.test(text)) return { ok: false, error: `${label} must not be negative.` };
  let seconds: number;
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/.exec(text);
  if (clock) {
    seconds = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  } else {
    const parts = text.replace(/,|\band\b/g, ' ').match(/\d+(?:\.\d+)?|\.\d+|[a-zµ.]+|\S/g);
    if (!parts)
      return { ok: false, error: `Could not read “${clip(original)}” as a duration. ${hint}` };
    seconds = 0;
    const used = new Set<string>();
    let i = 0;
    while (i < parts.length) {
      const num = parts[i] ?? '';
      if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(num)) {
        return { ok: false, error: `Could not read “${clip(original)}” as a duration. ${hint}` };
      }
      const next = parts[i + 1];
      let factor = 60;
      let unitName = 'minutes';
      if (next !== undefined) {
        const unit = UNIT_SECONDS.find(([re]) => re.test(next));
        if (!unit) {
          return { ok: false, error: `Could not read “${clip(original)}” as a duration. ${hint}` };
        }
        [, factor, unitName] = unit;
        i += 2;
      } else {
        if (i > 0) {
          return {
            ok: false,
            error: `${label}: “${num}” has no unit; write e.g. 1h44m or 104 minutes.`,
          };
        }
        i += 1;
      }
      if (used.has(unitName)) {
        return { ok: false, error: `${label} gives ${unitName} twice in “${clip(original)}”.` };
      }
      used.add(unitName);
      if (num.length > 12)
        return { ok: false, error: `${label} is far too long to be a beat period.` };
      seconds += Number(num) * factor;
    }
  }
  if (!(seconds > 0)) return { ok: false, error: `${label} must be longer than 0 seconds.` };
  if (seconds > MAX_OBSERVED_SECONDS) {
    return { ok: false, error: `${label} must be at most 30 days.` };
  }
  return { ok: true, value: seconds };
}

/**
 * Writes a duration in seconds as "1 h 44 min 15 s" (days when longer than a day); zero parts are
 * left out, and seconds keep up to `digits` decimals, with "…" when they do not end there.
 */
export function formatDuration(seconds: Rational | number, digits = 3): string {
  const r = typeof seconds === 'number' ? numberToRational(seconds) : seconds;
  if (r.n < 0n) return `−${formatDuration(rat(-r.n, r.d), digits)}`;
  const whole = r.n / r.d;
  const fracPart = rat(r.n - whole * r.d, r.d);
  const days = whole / 86400n;
  const hours = (whole % 86400n) / 3600n;
  const minutes = (whole % 3600n) / 60n;
  const secs = rat((whole % 60n) * fracPart.d + fracPart.n, fracPart.d);
  const parts: string[] = [];
  if (days > 0n) parts.push(`${days} d`);
  if (hours > 0n) parts.push(`${hours} h`);
  if (minutes > 0n) parts.push(`${minutes} min`);
  if (secs.n !== 0n || parts.length === 0) parts.push(`${formatDecimal(secs, digits)} s`);
  return parts.join(' ');
}

function numberToRational(x: number): Rational {
  if (!Number.isFinite(x)) return rat(0);
  // Durations handed in as doubles are display values; a millisecond grid is plenty.
  return rat(Math.round(x * 1000), 1000);
}

/** Placeholder shown in an output while its inputs are invalid. */
export const NO_VALUE = '—';

/** "5.004 s", "6255 s": exact seconds with up to `digits` decimals ("…" when they go on). */
export function formatSeconds(r: Rational, digits = 6): string {
  return `${formatDecimal(r, digits)} s`;
}

/** "4 ms", "3.333… ms", "−12 ms", "5.004 s": milliseconds below a second, seconds above. */
export function formatShort(r: Rational): string {
  const negative = r.n < 0n;
  const a = negative ? rat(-r.n, r.d) : r;
  const text = cmp(a, rat(1)) >= 0 ? formatSeconds(a) : `${formatDecimal(mul(a, rat(1000)), 3)} ms`;
  return negative ? `−${text}` : text;
}
