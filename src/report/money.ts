// Money is integer micro-dollars (bigint) from SQL to here; this is where it becomes text. JSON writes it as exact
// decimal text (./json-number.ts usdJson); nothing turns money into a JS double.
import { groupThousands } from './digits.ts';

export type Micros = bigint;

export const microsPerDollar = 1_000_000n;

/** $1,234.56 (rounded half away from zero to cents), or with more decimals when asked. */
export function formatUsd(micros: Micros, decimals = 2): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const unit = 10n ** BigInt(6 - decimals);
  const rounded = (abs + unit / 2n) / unit;
  const scale = 10n ** BigInt(decimals);
  const whole = groupThousands(rounded / scale);
  const frac = decimals > 0 ? `.${(rounded % scale).toString().padStart(decimals, '0')}` : '';
  return `${negative && rounded !== 0n ? '-' : ''}$${whole}${frac}`;
}

/** USD text with exactly 6 decimals, for CSV. */
export function usdText(micros: Micros): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  return `${negative ? '-' : ''}${abs / microsPerDollar}.${(abs % microsPerDollar).toString().padStart(6, '0')}`;
}
