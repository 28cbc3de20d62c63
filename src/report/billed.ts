// The billed-vs-recomputed reconciliation (cost exports against the cost recomputed from usage) as a terminal table.
import type { BilledReconciliation } from '../pricing/billed.ts';
import { formatUsd } from './money.ts';
import { flagText } from './reconciliation.ts';
import type { Style } from './style.ts';
import { formatCount, renderTable } from './table.ts';

export const billedTitle = 'Billed cost (cost exports) vs cost recomputed from usage, per model and day';

/** The billed-vs-recomputed table and what it leaves out, or '' without cost exports. */
export function renderBilledReconciliation(b: BilledReconciliation | undefined, style: Style): string {
  if (b === undefined) return '';
  const sum = (k: 'billed_micros' | 'recomputed_micros' | 'residual_micros') => b.rows.reduce((a, r) => a + r[k], 0n);
  const table =
    b.rows.length === 0
      ? ''
      : renderTable(
          {
            head: ['model', 'day (UTC)', 'billed', 'recomputed', 'residual', 'flag'],
            align: ['left', 'left', 'right', 'right', 'right', 'left'],
            rows: b.rows.map((r) => [r.catalog_id, r.day, formatUsd(r.billed_micros), formatUsd(r.recomputed_micros), formatUsd(r.residual_micros), r.flag === null ? '' : flagText[r.flag]]),
            footer: ['total', formatCount(BigInt(b.rows.length)) + ' day(s)', formatUsd(sum('billed_micros')), formatUsd(sum('recomputed_micros')), formatUsd(sum('residual_micros')), ''],
          },
          style,
        );
  return `${table}${billedNotes(b).map((n) => `${n}\n`).join('')}`;
}

/** What the billed-vs-recomputed table cannot show (a day with no usage, billed cost not compared); every format prints these. */
export function billedNotes(b: BilledReconciliation): string[] {
  const notes: string[] = [];
  if (b.rows.some((r) => r.recomputed_micros === 0n)) notes.push('A day billed with nothing recomputed: the usage export for that day or model is missing.');
  if (b.unattributedMicros > 0n) {
    const shown = b.unattributedNames.slice(0, 6).join(', ') + (b.unattributedNames.length > 6 ? ', …' : '');
    notes.push(`${formatUsd(b.unattributedMicros)} billed is not compared: no model, or a model the catalog does not price (${shown}).`);
  }
  return notes;
}
