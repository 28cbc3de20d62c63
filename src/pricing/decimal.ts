// Exact decimal arithmetic for prices. Catalog prices are decimal text (or numbers) in USD per 1M tokens and
// become integer micro-dollars per 1M tokens (µ$/MTok) by parsing the digits, never by multiplying floats.
import { InternalError } from '../errors.ts';

export type Ratio = { readonly num: bigint; readonly den: bigint };

const decimalPattern = /^(\d+)(?:\.(\d*))?$/;

/** The decimal text of a catalog value: "2.50" stays "2.50"; numbers use their shortest JS spelling. */
function textOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : value.trim();
}

/** USD per MTok (≤ 6 decimals) -> µ$ per MTok. Returns undefined when the text is not such a decimal. */
export function tryUsdToMicros(value: string | number): bigint | undefined {
  const match = decimalPattern.exec(textOf(value));
  if (match === null) return undefined;
  const frac = match[2] ?? '';
  if (frac.length > 6) return undefined;
  return BigInt(match[1] ?? '0') * 1_000_000n + BigInt(frac.padEnd(6, '0') || '0');
}

export function usdToMicros(value: string | number): bigint {
  const micros = tryUsdToMicros(value);
  if (micros === undefined) throw new InternalError(`not a decimal with at most 6 decimals: ${String(value)}`);
  return micros;
}

/** µ$ per MTok -> the shortest USD text: 2500000n -> "2.5", 140000n -> "0.14". */
export function microsToUsdText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}`;
}

/** A multiplier such as "0.5" as an exact ratio. */
export function parseRatio(value: string | number): Ratio | undefined {
  const match = decimalPattern.exec(textOf(value));
  if (match === null) return undefined;
  const frac = match[2] ?? '';
  return { num: BigInt(`${match[1] ?? '0'}${frac}`), den: 10n ** BigInt(frac.length) };
}

/** rate x ratio, rounded half up to a whole µ$/MTok (exact for the usual 0.5 on whole-cent rates). */
export function applyRatio(rate: bigint, ratio: Ratio): bigint {
  return (rate * ratio.num * 2n + ratio.den) / (2n * ratio.den);
}

/**
 * A float from a price database -> µ$ per MTok, rounded half up to a whole µ$/MTok (6 decimals per MTok).
 * Works on the float's shortest decimal spelling, so 3e-06 USD/token is exactly 3000000 and float noise like
 * 2.9999999e-06 rounds to it. `power` is how many powers of ten turn the source unit into µ$/MTok.
 */
function floatToMicros(value: unknown, power: number): bigint | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  // A price that is there but is not a finite number (1e400 parses as Infinity, "n/a" as NaN) must not read as
  // "no price": the import would silently drop the model. It becomes `unreadablePrice`, which validation names.
  if (typeof n === 'number' && !Number.isFinite(n)) return unreadablePrice;
  if (typeof value === 'string' && value.trim() !== '' && Number.isNaN(n)) return unreadablePrice;
  if (typeof n !== 'number') return undefined;
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(Math.abs(n).toString());
  if (match === null) return undefined;
  const frac = match[2] ?? '';
  const digits = BigInt(`${match[1] ?? '0'}${frac}`);
  const shift = Number(match[3] ?? '0') - frac.length + power;
  let micros: bigint;
  if (shift >= 0) micros = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    micros = (digits * 2n + div) / (2n * div);
  }
  return n < 0 ? -micros : micros;
}

/** What a stated price that is not a finite number reads as; `pricing update` stops on it, naming the model. */
export const unreadablePrice = -(10n ** 30n);

/** USD per token (LiteLLM, OpenRouter) -> µ$ per MTok. */
export const perTokenToMicros = (value: unknown): bigint | undefined => floatToMicros(value, 12);

/** USD per MTok as a float (models.dev, genai-prices) -> µ$ per MTok. */
export const perMTokToMicros = (value: unknown): bigint | undefined => floatToMicros(value, 6);
