// Terminal tables (cli-table3), coloured with chalk only when the style allows it.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Style } from '../cli/io.ts';

export type Align = 'left' | 'right';

export type TableSpec = {
  readonly head: readonly string[];
  readonly align: readonly Align[];
  readonly rows: readonly (readonly string[])[];
  /** A final row set apart (totals). */
  readonly footer?: readonly string[];
};

export function renderTable(spec: TableSpec, style: Style): string {
  const paint = new Chalk({ level: style.color ? 1 : 0 });
  const table = new Table({
    head: spec.head.map((h) => paint.bold(h)),
    colAligns: [...spec.align],
    style: { head: [], border: [], compact: false },
    wordWrap: true,
    wrapOnWordBoundary: true,
    ...fitWidths(spec, style.columns),
  });
  for (const row of spec.rows) table.push([...row]);
  if (spec.footer) table.push(spec.footer.map((cell) => paint.bold(cell)));
  return `${table.toString()}\n`;
}

/** Shrinks the widest text columns so the table fits the terminal; numbers keep their width. */
function fitWidths(spec: TableSpec, columns: number): { colWidths?: number[] } {
  const all = [spec.head, ...spec.rows, ...(spec.footer ? [spec.footer] : [])];
  const widths = spec.head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)) + 2);
  const total = () => widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  if (total() <= columns) return {};
  const shrinkable = spec.align.map((a, i) => (a === 'left' ? i : -1)).filter((i) => i >= 0);
  while (total() > columns) {
    const widest = shrinkable.reduce((best, i) => ((widths[i] ?? 0) > (widths[best] ?? 0) ? i : best), shrinkable[0] ?? 0);
    if ((widths[widest] ?? 0) <= 10) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return { colWidths: widths };
}

export const formatCount = (n: bigint | number | null | undefined): string =>
  n === null || n === undefined ? '–' : BigInt(n).toLocaleString('en-US');
