// The page prints money from integer micro-dollars through the one formatter the table uses, so the page, the
// table and the JSON agree to the cent at any size (half away from zero on the exact value; a JS double holds
// micro-dollars exactly only below 2^53, about $9 billion, and no money figure here ever passes through one).
import { formatUsd } from '../money.ts';

/** $1,234.56 from micro-dollars. */
export const usd = (micros: bigint): string => formatUsd(micros);

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
