// Exact sums of the money amounts cost APIs report (OpenAI: JSON numbers in USD; Anthropic: decimal text in cents).
// Each amount is read from its decimal spelling into an integer and a power of ten, never added as a float.

/** `int × 10^-scale`. */
export type Decimal = { readonly int: bigint; readonly scale: number };

export const zeroDecimal: Decimal = { int: 0n, scale: 0 };

const pattern = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A decimal text or a JSON number's shortest spelling (`0.06`, `1.2e-7`) as an exact decimal; undefined if neither. */
export function parseDecimal(value: unknown): Decimal | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  const m = text === undefined ? null : pattern.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const exponent = Number(m[4] ?? 0);
  let int = BigInt(`${m[2] ?? '0'}${frac}`);
  let scale = frac.length - exponent;
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { int: m[1] === '-' ? -int : int, scale };
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { int: a.int * 10n ** BigInt(scale - a.scale) + b.int * 10n ** BigInt(scale - b.scale), scale };
}

/** `d / 10^digits` (cents to dollars: 2). */
export const shiftDecimal = (d: Decimal, digits: number): Decimal => ({ int: d.int, scale: d.scale + digits });

/** The exact decimal text, at least 2 decimals: `12.3456789`, `0.06` -> `0.06`, `5` -> `5.00`. */
export function formatDecimal(d: Decimal): string {
  const negative = d.int < 0n;
  const digits = (negative ? -d.int : d.int).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale).replace(/0+$/, '').padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}
