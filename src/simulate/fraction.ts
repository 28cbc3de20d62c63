// Exact rationals over bigint: discounts, shares and bonuses are parsed from their decimal text into these,
// so no JS double ever touches money (docs/architecture.md "One definition per rule").
export type Fraction = { readonly num: bigint; readonly den: bigint };

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A reduced fraction with a positive denominator. */
export function frac(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError('fraction with a zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export const zero = frac(0n);
export const one = frac(1n);

export const add = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.num, a.den * b.den);
export const div = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den, a.den * b.num);
export const cmp = (a: Fraction, b: Fraction): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const min = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) >= 0 ? a : b);
export const isZero = (a: Fraction): boolean => a.num === 0n;
export const sum = (items: Iterable<Fraction>): Fraction => {
  let total = zero;
  for (const item of items) total = add(total, item);
  return total;
};

/** Integer division rounded half away from zero: the one rounding rule of the product. */
export function roundDiv(num: bigint, den: bigint): bigint {
  if (den < 0n) return roundDiv(-num, -den);
  const q = (abs(num) * 2n + den) / (2n * den);
  return num < 0n ? -q : q;
}

/** Rounds to an integer number of units of `unit` (e.g. pico-dollars -> micro-dollars: unit 1_000_000). */
export const roundTo = (value: Fraction, unit: bigint = 1n): bigint => roundDiv(value.num, value.den * unit);

const decimalPattern = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;

/** "0.15" -> 15/100, exactly. Returns undefined for anything that is not a plain non-negative decimal. */
export function parseDecimal(text: string): Fraction | undefined {
  const m = decimalPattern.exec(text.trim());
  if (!m) return undefined;
  const whole = m[1] ?? '0';
  const digits = m[2] ?? m[3] ?? '';
  return frac(BigInt(whole + digits), 10n ** BigInt(digits.length));
}

/** For display and JSON only (shares, never money): a double rounded to `places` decimals. */
export function toNumber(value: Fraction, places = 6): number {
  const scale = 10n ** BigInt(places);
  return Number(roundDiv(value.num * scale, value.den)) / Number(scale);
}

/** a / b as a fraction, or undefined when b is 0. */
export const ratio = (a: bigint, b: bigint): Fraction | undefined => (b === 0n ? undefined : frac(a, b));
