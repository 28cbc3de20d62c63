// Scenario flags, from their text to exact values. Every bad value is a UsageError naming the flag.
import { UsageError } from '../errors.ts';
import { cmp, frac, type Fraction, mul, one, parseDecimal, roundTo, zero } from './fraction.ts';

/** A structural discount: one for every provider, or per provider (catalog provider ids). */
export type StructuralDiscount = { readonly global: Fraction; readonly perProvider: ReadonlyMap<string, Fraction> };

export const noStructural: StructuralDiscount = { global: zero, perProvider: new Map() };

/** A decimal in [0, 1] (or [0, 1) with `below1`), e.g. "0.6". */
export function parseShareFlag(flag: string, text: string | undefined, below1 = false): Fraction | undefined {
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  const upper = below1 ? 'below 1' : 'at most 1';
  if (value === undefined || cmp(value, one) > 0 || (below1 && cmp(value, one) === 0)) {
    throw new UsageError(`${flag} ${text}: expected a decimal from 0 to ${upper}, e.g. 0.15`);
  }
  return value;
}

/** `0.15` for every provider, or `anthropic=0.15,openai=0.1`. */
export function parseStructural(text: string | undefined): StructuralDiscount {
  if (text === undefined) return noStructural;
  if (!text.includes('=')) return { global: parseShareFlag('--structural-discount', text, true) ?? zero, perProvider: new Map() };
  const perProvider = new Map<string, Fraction>();
  for (const pair of text.split(',').map((p) => p.trim())) {
    const eq = pair.indexOf('=');
    const provider = pair.slice(0, eq).trim().toLowerCase();
    if (eq <= 0 || provider === '') throw new UsageError(`--structural-discount ${text}: expected 0.15 or provider=0.15,provider=0.1`);
    if (perProvider.has(provider)) throw new UsageError(`--structural-discount ${text}: ${provider} is given twice`);
    perProvider.set(provider, parseShareFlag(`--structural-discount ${provider}=`, pair.slice(eq + 1).trim(), true) ?? zero);
  }
  return { global: zero, perProvider };
}

export const structuralFor = (d: StructuralDiscount, provider: string | null): Fraction =>
  (provider === null ? undefined : d.perProvider.get(provider.toLowerCase())) ?? d.global;

/** A non-negative decimal such as a credit bonus of 0.2 (= 20% extra credit). */
export function parseNonNegative(flag: string, text: string | undefined): Fraction | undefined {
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  if (value === undefined) throw new UsageError(`${flag} ${text}: expected a non-negative decimal, e.g. 0.2`);
  return value;
}

/** USD text ("10", "2.50", "$10") to integer micro-dollars. */
export function parseUsdFlag(flag: string, text: string | undefined, fallback: bigint): bigint {
  const value = parseNonNegative(flag, text?.replace(/^\$/, ''));
  return value === undefined ? fallback : roundTo(mul(value, frac(1_000_000n)));
}
