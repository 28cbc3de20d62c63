// The HTML report fixture (fixtures/html/report-input.json): the page's input with every money figure as a JSON
// string of integer micro-dollars (`*_micros`, the waterfall's `micros`), turned into bigints here. JSON has no
// bigint, and a JSON number would be read as a double: exactly what the page must never print money from.
import { readFileSync } from 'node:fs';
import type { HtmlReportInput } from '../../src/report/html/input.ts';
import { fixture } from './cli.ts';

const isMoney = (key: string): boolean => key === 'micros' || key.endsWith('_micros');

export function loadHtmlInput(name = 'html/report-input.json'): HtmlReportInput {
  return JSON.parse(readFileSync(fixture(name), 'utf8'), (key, value: unknown) => {
    if (!isMoney(key)) return value;
    if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw new Error(`${name}: ${key} must be a string of integer micro-dollars, got ${JSON.stringify(value)}`);
    return BigInt(value);
  }) as HtmlReportInput;
}

/**
 * The expected text of a money figure, computed apart from the code under test: micro-dollars rounded half away
 * from zero to cents, grouped by thousands with a regex.
 */
export function cents(micros: bigint): string {
  const abs = micros < 0n ? -micros : micros;
  const c = (abs + 5_000n) / 10_000n;
  const dollars = (c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${micros < 0n && c !== 0n ? '-' : ''}$${dollars}.${(c % 100n).toString().padStart(2, '0')}`;
}
