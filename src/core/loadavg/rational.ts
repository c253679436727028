/**
 * Exact non-negative-denominator rationals on bigint, for the handful of figures (periods, drifts,
 * repeat times) that must come out exact. Hot loops work on safe integers instead.
 */
export interface Rational {
  /** Numerator; carries the sign. */
  readonly n: bigint;
  /** Denominator; always positive and coprime with the numerator. */
  readonly d: bigint;
}

/** Greatest common divisor of two bigints (always non-negative). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Least common multiple of two positive bigints. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Builds a normalised rational n/d; a zero denominator is a programming error and throws. */
export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('rational with zero denominator');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** a × b. */
export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

/** a ÷ b (b must not be zero). */
export function div(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d, a.d * b.n);
}

/** Compares a and b: negative, zero or positive like a − b. */
export function cmp(a: Rational, b: Rational): number {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
}

/** Largest integer not above r. */
export function floor(r: Rational): bigint {
  const q = r.n / r.d;
  return r.n < 0n && q * r.d !== r.n ? q - 1n : q;
}

/** a mod b for positive b, in [0, b). */
export function mod(a: Rational, b: Rational): Rational {
  return sub(a, mul(b, rat(floor(div(a, b)))));
}

/** Least common multiple of two positive rationals: the smallest positive value both divide. */
export function ratLcm(a: Rational, b: Rational): Rational {
  return rat(lcm(a.n, b.n), gcd(a.d, b.d));
}

/** Nearest double, for drawing and ranking only. */
export function toNumber(r: Rational): number {
  return Number(r.n) / Number(r.d);
}

/**
 * Decimal text of r: exact when the expansion ends within maxDigits fraction digits, otherwise
 * truncated there and marked with an ellipsis ("5.00333…"); minDigits pads exact values ("5.010").
 */
export function formatDecimal(r: Rational, maxDigits = 6, minDigits = 0): string {
  const negative = r.n < 0n;
  const n = negative ? -r.n : r.n;
  const whole = n / r.d;
  let rest = n % r.d;
  let digits = '';
  while (rest !== 0n && digits.length < maxDigits) {
    rest *= 10n;
    digits += String(rest / r.d);
    rest %= r.d;
  }
  const exact = rest === 0n;
  if (exact) digits = digits.padEnd(minDigits, '0');
  const text = digits === '' ? String(whole) : `${whole}.${digits}`;
  return `${negative ? '−' : ''}${text}${exact ? '' : '…'}`;
}
