// Reconciliation: where a source states its own cost (calls.reported_cost), recomputed vs reported per
// catalog model and lane, and the residual. Reads priced_calls (built by priceCalls) joined to calls.
import type { Style } from '../cli/io.ts';
import type { Workspace } from '../db/workspace.ts';
import { formatUsd } from '../report/money.ts';
import { formatCount, renderTable } from '../report/table.ts';

export type ReconciliationRow = {
  readonly catalog_id: string;
  readonly lane: string;
  /** rows with a reported cost */
  readonly rows: bigint;
  readonly recomputed_micros: bigint;
  readonly reported_micros: bigint;
  /** recomputed - reported */
  readonly residual_micros: bigint;
  /**
   * Set when the two differ by more than 1% (and a micro-dollar of rounding), in EITHER direction: a source that
   * under-reports (Langfuse dropping Gemini's thinking tokens from its cost) is as wrong as one that over-reports.
   */
  readonly flag: 'recomputed_above' | 'reported_above' | null;
};

/** How a flag reads in the table. */
export const flagText = { recomputed_above: 'recomputed higher', reported_above: 'reported higher' } as const;

export async function selectReconciliation(ws: Workspace): Promise<ReconciliationRow[]> {
  return ws.all<ReconciliationRow>(`
    WITH j AS (
      SELECT p.catalog_id, p.lane, p.cost_pico, c.reported_cost
      FROM priced_calls p JOIN calls c ON c.call_key = p.call_key
      -- Calls priced at their reported cost (unpriced models) have nothing to reconcile.
      WHERE c.reported_cost IS NOT NULL AND p.price_basis = 'catalog'
    ), s AS (
      SELECT catalog_id, lane, count(*) AS rows,
        CAST((sum(cost_pico) + 500000) // 1000000 AS BIGINT) AS recomputed_micros,
        CAST(round(sum(reported_cost) * 1000000) AS BIGINT) AS reported_micros
      FROM j GROUP BY catalog_id, lane
    )
    SELECT catalog_id, lane, CAST(rows AS BIGINT) AS rows, recomputed_micros, reported_micros,
      recomputed_micros - reported_micros AS residual_micros,
      CASE WHEN abs(recomputed_micros - reported_micros) > 1 AND abs(recomputed_micros - reported_micros) * 100 > greatest(recomputed_micros, reported_micros)
        THEN CASE WHEN recomputed_micros > reported_micros THEN 'recomputed_above' ELSE 'reported_above' END END AS flag
    FROM s ORDER BY catalog_id, lane`);
}

/** The reconciliation table, or '' when no source reported a cost. */
export function renderReconciliation(rows: readonly ReconciliationRow[], style: Style): string {
  if (rows.length === 0) return '';
  const total = (k: 'recomputed_micros' | 'reported_micros' | 'residual_micros') => rows.reduce((a, r) => a + r[k], 0n);
  // Per-call trace costs are fractions of a cent: cents would print every residual as $0.00.
  const decimals = total('recomputed_micros') < 1_000_000n && total('reported_micros') < 1_000_000n ? 6 : 2;
  const usd = (m: bigint) => formatUsd(m, decimals);
  const flagged = rows.filter((r) => r.flag !== null);
  const note =
    flagged.length === 0
      ? ''
      : `Flagged: ${flagged.length} row(s) differ by more than 1%. Recomputed higher: the source under-states its cost (tokens it did not price, ` +
        'such as reasoning); reported higher: a price, lane or discount the catalog does not know.\n';
  return renderTable(
    {
      head: ['model', 'lane', 'rows compared', 'recomputed', 'reported', 'residual', 'flag'],
      align: ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
      rows: rows.map((r) => [
        r.catalog_id, r.lane, formatCount(r.rows), usd(r.recomputed_micros), usd(r.reported_micros), usd(r.residual_micros),
        r.flag === null ? '' : flagText[r.flag],
      ]),
      footer: ['total', '', formatCount(rows.reduce((a, r) => a + r.rows, 0n)), usd(total('recomputed_micros')), usd(total('reported_micros')), usd(total('residual_micros')), ''],
    },
    style,
  ) + note;
}
