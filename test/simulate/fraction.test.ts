import { describe, expect, it } from 'vitest';
import { frac, parseDecimal, roundDiv, roundTo, toNumber } from '../../src/simulate/fraction.ts';

describe('parseDecimal', () => {
  it.each([
    ['0.15', frac(3n, 20n)],
    ['0.6', frac(3n, 5n)],
    ['1', frac(1n)],
    ['.5', frac(1n, 2n)],
    ['0.1', frac(1n, 10n)],
    ['2.50', frac(5n, 2n)],
  ])('%s is exact', (text, expected) => expect(parseDecimal(text)).toEqual(expected));

  it.each(['', '-0.1', '1e-2', 'abc', '0.1.2', '15%', 'NaN'])('%j is not a decimal', (text) => expect(parseDecimal(text)).toBeUndefined());

  it('never goes through a double: 0.1 + 0.2 is exactly 0.3', () => {
    const a = parseDecimal('0.1');
    const b = parseDecimal('0.2');
    expect(a && b && frac(a.num * b.den + b.num * a.den, a.den * b.den)).toEqual(parseDecimal('0.3'));
  });
});

describe('rounding half away from zero', () => {
  it.each([
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [-5n, 10n, -1n],
    [-4n, 10n, 0n],
    [25n, -10n, -3n],
  ])('%d / %d -> %d', (n, d, q) => expect(roundDiv(n, d)).toBe(q));

  it('pico-dollars to micro-dollars', () => {
    expect(roundTo(frac(1_500_000n), 1_000_000n)).toBe(2n);
    expect(roundTo(frac(1_499_999n), 1_000_000n)).toBe(1n);
  });

  it('shares for display', () => expect(toNumber(frac(2n, 3n), 4)).toBe(0.6667));
});
