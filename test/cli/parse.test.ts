import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { parseNonNegative, parseShareFlag, parseStructural, parseUsdFlag } from '../../src/cli/parse.ts';
import { structuralFor } from '../../src/simulate/structural.ts';
import { frac } from '../../src/simulate/fraction.ts';

describe('scenario flags', () => {
  it('reads a global structural discount', () => {
    expect(structuralFor(parseStructural('0.15'), 'openai')).toEqual(frac(3n, 20n));
  });

  it('reads per-provider structural discounts, other providers at 0', () => {
    const d = parseStructural('anthropic=0.15, openai=0.1');
    expect(structuralFor(d, 'anthropic')).toEqual(frac(3n, 20n));
    expect(structuralFor(d, 'OpenAI')).toEqual(frac(1n, 10n));
    expect(structuralFor(d, 'google')).toEqual(frac(0n));
  });

  it.each([
    [() => parseShareFlag('--batch-share', '1.5'), '--batch-share 1.5: expected a decimal from 0 to at most 1, e.g. 0.15'],
    [() => parseShareFlag('--batch-share', 'lots'), '--batch-share lots: expected a decimal from 0 to at most 1, e.g. 0.15'],
    [() => parseShareFlag('--cache-hit-rate', '-0.1'), '--cache-hit-rate -0.1: expected a decimal from 0 to at most 1, e.g. 0.15'],
    [() => parseStructural('1'), '--structural-discount 1: expected a decimal from 0 to below 1, e.g. 0.15'],
    [() => parseStructural('anthropic=0.2,=0.1'), '--structural-discount anthropic=0.2,=0.1: expected 0.15 or provider=0.15,provider=0.1'],
    [() => parseStructural('openai=0.1,openai=0.2'), '--structural-discount openai=0.1,openai=0.2: openai is given twice'],
    [() => parseNonNegative('--credit-bonus', '-1'), '--credit-bonus -1: expected a non-negative decimal, e.g. 0.2'],
    [() => parseUsdFlag('--min-saving', 'ten', 0n), '--min-saving ten: expected a non-negative decimal, e.g. 0.2'],
  ])('rejects bad values naming the flag (%#)', (parse, message) => {
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  it('reads --min-saving as exact micro-dollars', () => {
    expect(parseUsdFlag('--min-saving', '2.50', 0n)).toBe(2_500_000n);
    expect(parseUsdFlag('--min-saving', '$10', 0n)).toBe(10_000_000n);
    expect(parseUsdFlag('--min-saving', undefined, 7n)).toBe(7n);
  });
});
