// The reconciliation as a terminal table (recomputed vs reported cost per model and lane, with a total row).
import type { ReconciliationRow } from '../pricing/reconciliation.ts';
import { formatUsd } from './money.ts';
import type { Style } from './style.ts';
import { formatCount, renderTable, type TableSpec } from './table.ts';

export const reconciliationTitle = 'Reconciliation: recomputed cost vs the cost the source reported';

/** How a flag reads in the table. */
export const flagText = { recomputed_above: 'recomputed higher', reported_above: 'reported higher' } as const;

/** The sums of the total row. */
export function reconciliationTotals(rows: readonly ReconciliationRow[]): Omit<ReconciliationRow, 'model' | 'lane' | 'flag'> {
  const total = (k: 'rows' | 'recomputedMicros' | 'reportedMicros' | 'residualMicros') => rows.reduce((a, r) => a + r[k], 0n);
  return { rows: total('rows'), recomputedMicros: total('recomputedMicros'), reportedMicros: total('reportedMicros'), residualMicros: total('residualMicros') };
}

export function reconciliationSpec(rows: readonly ReconciliationRow[]): TableSpec {
  const t = reconciliationTotals(rows);
  // Per-call trace costs are fractions of a cent: cents would print every residual as $0.00.
  // A flagged residual under a cent would print as $0.00 too: then the table shows micro-dollars.
  const underCent = rows.some((r) => r.flag !== null && r.residualMicros > -10_000n && r.residualMicros < 10_000n);
  const decimals = underCent || (t.recomputedMicros < 1_000_000n && t.reportedMicros < 1_000_000n) ? 6 : 2;
  const usd = (m: bigint) => formatUsd(m, decimals);
  return {
    head: ['model', 'lane', 'rows compared', 'recomputed', 'reported', 'residual', 'flag'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
    rows: rows.map((r) => [
      r.model, r.lane, formatCount(r.rows), usd(r.recomputedMicros), usd(r.reportedMicros), usd(r.residualMicros),
      r.flag === null ? '' : flagText[r.flag],
    ]),
    footer: ['total', '', formatCount(t.rows), usd(t.recomputedMicros), usd(t.reportedMicros), usd(t.residualMicros), ''],
  };
}

/** What a flagged row means, or '' when no row is flagged. */
export function reconciliationNote(rows: readonly ReconciliationRow[]): string {
  const flagged = rows.filter((r) => r.flag !== null);
  return flagged.length === 0
    ? ''
    : `Flagged: ${flagged.length} row(s) differ by more than 1%. Recomputed higher: the source under-states its cost (tokens it did not price, ` +
        'such as reasoning); reported higher: a price, lane or discount the catalog does not know.';
}

/**
 * What every format says under the reconciliation table: the note on flagged rows (when a row is flagged), then what
 * the sources' figures mean for it (their adapters' notes). None when no source reported a cost.
 */
export function reconciliationLines(rows: readonly ReconciliationRow[], sourceNotes: readonly string[] = []): string[] {
  return rows.length === 0 ? [] : [reconciliationNote(rows), ...sourceNotes].filter((n) => n !== '');
}

/** The reconciliation table and its notes (reconciliationLines), or '' when no source reported a cost. */
export function renderReconciliation(rows: readonly ReconciliationRow[], style: Style, sourceNotes: readonly string[] = []): string {
  if (rows.length === 0) return '';
  return renderTable(reconciliationSpec(rows), style) + reconciliationLines(rows, sourceNotes).map((n) => `${n}\n`).join('');
}
