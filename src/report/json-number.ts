// JSON numbers written from exact decimal text. JSON.stringify can only write a JS double, and money in a
// double is exact only below 2^53 micro-dollars and only by luck of the shortest round-trip spelling. A
// JsonDecimal holds the digits; stringifyJson writes them as a bare JSON number, byte for byte.
import { randomUUID } from 'node:crypto';
import { type Fraction, roundDiv } from '../simulate/fraction.ts';
import { microsPerDollar } from './money.ts';

/** A JSON number given by its decimal text (e.g. "225", "0.000003", "-12.5"). */
export class JsonDecimal {
  readonly text: string;
  constructor(text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(text)) throw new TypeError(`not a canonical JSON decimal: ${text}`);
    this.text = text;
  }
  /** The value as a double, for readers inside this process (the text is the contract). */
  toNumber(): number {
    return Number(this.text);
  }
}

/** `units / 10^places` as the shortest exact decimal: 3_000_000_000 micro-dollars -> "3000", 1_500 -> "0.0015". */
export function scaledDecimal(units: bigint, places: number): JsonDecimal {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const scale = 10n ** BigInt(places);
  const frac = places === 0 ? '' : (abs % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return new JsonDecimal(`${negative && abs !== 0n ? '-' : ''}${abs / scale}${frac === '' ? '' : `.${frac}`}`);
}

/** Micro-dollars as USD: exact, at most 6 decimals. */
export const usdJson = (micros: bigint): JsonDecimal => scaledDecimal(micros, Math.log10(Number(microsPerDollar)));

/** A count (requests, rows) as an exact integer. */
export const intJson = (n: bigint): JsonDecimal => scaledDecimal(n, 0);

/** An exact fraction rounded half away from zero to `places` decimals (shares: 6). */
export const fractionJson = (f: Fraction, places = 6): JsonDecimal => scaledDecimal(roundDiv(f.num * 10n ** BigInt(places), f.den), places);

/** JSON.stringify that writes every JsonDecimal as its bare digits. */
export function stringifyJson(value: unknown, indent = 2): string {
  // Each JsonDecimal becomes a string holding a per-call random marker, then the quoted marker is replaced by the
  // digits. The marker is unguessable, so no string from the input (a workload name) can turn into a number.
  const marker = `\u0000${randomUUID()}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof JsonDecimal ? `${marker}${v.text}` : v), indent);
  const quoted = JSON.stringify(marker).slice(1, -1); // as JSON.stringify writes it: \u0000 escaped
  return text.replace(new RegExp(`"${quoted.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(-?[0-9.]+)"`, 'g'), '$1');
}
