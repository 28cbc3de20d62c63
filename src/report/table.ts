// Terminal tables (cli-table3), coloured with chalk only when the style allows it. Cells are never cut: the
// first column (a workload or model name) keeps its full width, numbers keep theirs, headers wrap on words, and
// a long text column (`overflow`) moves under the table as a list when it would not fit unwrapped.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { groupThousands } from './digits.ts';
import { oneLine } from './escape.ts';
import type { Style } from './style.ts';

export type Align = 'left' | 'right';

export type TableSpec = {
  readonly head: readonly string[];
  readonly align: readonly Align[];
  readonly rows: readonly (readonly string[])[];
  /** A final row set apart (totals). */
  readonly footer?: readonly string[];
  /**
   * A long free-text column (reasons). Shown in the table only when every cell fits on one line within the
   * width (or `style.wide`); otherwise it is left out of the table and listed under it, one row per line,
   * as `<first cell>: <text>` under `title`, so that no cell wraps over ten lines.
   */
  readonly overflow?: { readonly column: number; readonly title: string };
};

/** Cell padding cli-table3 adds (one space each side) and the border before each column. */
const pad = 2;

const width = (text: string) => Math.max(0, ...text.split('\n').map((l) => l.length));
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
/** Rows drawn by one cli-table3 table; longer tables are drawn in chunks of this many (renderTable). */
export const chunkRows = 1000;

/** The widest cell of column i: a loop, not Math.max(...rows), whose arguments overflow the stack past ~120,000 rows. */
const widest = (rows: readonly (readonly string[])[], i: number) => rows.reduce((w, r) => Math.max(w, width(r[i] ?? '')), 0);

/** `chunk`: rows per cli-table3 table (tests compare a chunked table with one drawn whole). */
export function renderTable(raw: TableSpec, style: Style, chunk = chunkRows): string {
  // Cells can hold input (workload names, keys, models): control characters are shown, never sent to the
  // terminal. Headers are ours (and may hold a line break to wrap).
  const clean = (cells: readonly string[]) => cells.map(oneLine);
  const spec: TableSpec = { ...raw, rows: raw.rows.map(clean), ...(raw.footer ? { footer: clean(raw.footer) } : {}) };
  const moved = movedColumn(spec, style);
  const shown = moved === undefined ? spec : withoutColumn(spec, moved);
  const paint = new Chalk({ level: style.color ? 1 : 0 });
  const body = [...shown.rows, ...(shown.footer ? [shown.footer.map((cell) => paint.bold(cell))] : [])];
  const widths = fitWidths(shown, style);
  const draw = (rows: readonly (readonly string[])[], head: readonly string[], colWidths: { colWidths?: number[] }) => {
    const table = new Table({
      head: head.map((h) => paint.bold(h)),
      colAligns: [...shown.align],
      style: { head: [], border: [], compact: false },
      wordWrap: true,
      wrapOnWordBoundary: true,
      ...colWidths,
    });
    for (const row of rows) table.push([...row]);
    return table.toString();
  };
  let text: string;
  if (body.length <= chunk) text = `${draw(body, shown.head, widths)}\n`;
  else {
    // cli-table3 takes time that grows faster than its rows (8,000 rows: 1.4 s; 50,000: 160 s) and hands them to one
    // call as arguments (a stack overflow past ~120,000): a long table is drawn `chunk` rows at a time, with the
    // same column widths, and the chunks joined where one's bottom border meets the next one's top border.
    const fixed = { colWidths: widths.colWidths ?? naturalWidths(shown) };
    const parts: string[] = [];
    for (let start = 0; start < body.length; start += chunk) {
      const lines = draw(body.slice(start, start + chunk), start === 0 ? shown.head : [], fixed).split('\n');
      if (start > 0) lines[0] = (lines[0] ?? '').replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤');
      if (start + chunk < body.length) lines.pop();
      parts.push(lines.join('\n'));
    }
    text = `${parts.join('\n')}\n`;
  }
  if (moved !== undefined && spec.overflow !== undefined) {
    const items = spec.rows.filter((r) => (r[moved] ?? '') !== '' && r[moved] !== '–');
    if (items.length > 0) text += `\n${spec.overflow.title}:\n${items.map((r) => wrapItem(`${r[0] ?? ''}: ${r[moved] ?? ''}`, style.columns)).join('')}`;
  }
  return text;
}

/** The overflow column's index when it has to move under the table, else undefined. */
function movedColumn(spec: TableSpec, style: Style): number | undefined {
  const o = spec.overflow;
  if (o === undefined || style.wide === true) return undefined;
  const natural = naturalWidths(spec);
  const others = minWidths(withoutColumn(spec, o.column)).reduce((a, b) => a + b, 0);
  return others + (natural[o.column] ?? 0) + spec.head.length + 1 <= style.columns ? undefined : o.column;
}

const withoutColumn = (spec: TableSpec, column: number): TableSpec => {
  const drop = <T>(xs: readonly T[]) => xs.filter((_, i) => i !== column);
  return { head: drop(spec.head), align: drop(spec.align), rows: spec.rows.map(drop), ...(spec.footer ? { footer: drop(spec.footer) } : {}) };
};

/** Narrowest a column may get: its widest body cell (never cut), and its header's longest word (headers wrap). */
function minWidths(spec: TableSpec): number[] {
  const body = [...spec.rows, ...(spec.footer ? [spec.footer] : [])];
  return spec.head.map((h, i) => Math.max(longestWord(h), widest(body, i)) + pad);
}

/** Each column's natural width: its widest cell, header included, and the padding. */
function naturalWidths(spec: TableSpec): number[] {
  const all = [spec.head, ...spec.rows, ...(spec.footer ? [spec.footer] : [])];
  return spec.head.map((_, i) => widest(all, i) + pad);
}

/** Natural widths when they fit; else headers wrap, down to the minimum. A table wider than that stays wide. */
function fitWidths(spec: TableSpec, style: Style): { colWidths?: number[] } {
  const widths = naturalWidths(spec);
  const total = () => widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  if (style.wide === true || total() <= style.columns) return {};
  const floor = minWidths(spec);
  // Take one character at a time from the column with the most to give (a wrapping header), widest first.
  while (total() > style.columns) {
    let best = -1;
    widths.forEach((w, i) => {
      if (w > (floor[i] ?? w) && (best < 0 || w - (floor[i] ?? 0) > (widths[best] ?? 0) - (floor[best] ?? 0))) best = i;
    });
    if (best < 0) break;
    widths[best] = (widths[best] ?? 0) - 1;
  }
  return { colWidths: widths };
}

/**
 * A list item (`  name: text`) wrapped to the width on word boundaries, continuation lines indented two more.
 * Words longer than a line stay whole. `wide` (or a width under 40) leaves the text on one line.
 */
export function wrapItem(text: string, columns: number, indent = '  ', wide = false): string {
  if (wide || columns < 40) return `${indent}${text}\n`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const prefix = lines.length === 0 ? indent : `${indent}  `;
    if (line !== '' && prefix.length + line.length + 1 + word.length > columns) {
      lines.push(`${prefix}${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(`${lines.length === 0 ? indent : `${indent}  `}${line}`);
  return `${lines.join('\n')}\n`;
}

export const formatCount = (n: bigint | number | null | undefined): string =>
  n === null || n === undefined ? '–' : groupThousands(n);
