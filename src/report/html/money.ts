// The page prints money from the same numbers as the JSON: each USD number (exact to 6 decimals) goes back
// to integer micro-dollars and through the one formatter the table uses, so the page and the table agree to
// the cent (half away from zero, on the decimal value, never on a double's binary approximation).
import { formatUsd } from '../money.ts';

/** USD number with at most 6 decimals -> micro-dollars. Exact below $9 billion (2^53 micro-dollars). */
export const usdToMicros = (usd: number): bigint => BigInt(Math.round(usd * 1e6));

/** $1,234.56 from a JSON USD number. */
export const usd = (value: number): string => formatUsd(usdToMicros(value));

/** A signed change: "-$135.00", "+$2.50", "$0.00". */
export function usdChange(micros: bigint): string {
  if (micros === 0n) return formatUsd(0n);
  return micros > 0n ? `+${formatUsd(micros)}` : formatUsd(micros);
}

/** 0..1 share as a percent with up to 2 decimals ("60%", "12.35%"), or an em dash when unknown. */
export function percentOfShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${Number((share * 100).toFixed(2))}%`;
}
