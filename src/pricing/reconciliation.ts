// Reconciliation: where a source states its own cost (calls.reported_cost), recomputed vs reported per
// catalog model and lane, and the residual. Built by priceCalls from priced_calls joined to calls.
// Carried by the report model and rendered by every report format (src/report/reconciliation.ts).
import type { Workspace } from '../db/types.ts';
import { picoToMicrosSql } from './units.ts';

export type ReconciliationRow = {
  /** Catalog model id. */
  readonly model: string;
  readonly lane: string;
  /** Calls (rows) with a reported cost. */
  readonly rows: bigint;
  readonly recomputedMicros: bigint;
  readonly reportedMicros: bigint;
  /** recomputed - reported */
  readonly residualMicros: bigint;
  /**
   * Set when the two differ by more than 1% (and a micro-dollar of rounding), in EITHER direction: a source that
   * under-reports (Langfuse dropping Gemini's thinking tokens from its cost) is as wrong as one that over-reports.
   */
  readonly flag: 'recomputed_above' | 'reported_above' | null;
};

/**
 * Per catalog model and lane, over the calls whose source states a cost: built once per pricing into the table
 * `price_reconciliation` (it reads every call), so a what-if on a priced workspace does not scan them again.
 */
export async function buildReconciliation(ws: Workspace): Promise<void> {
  await ws.run(`CREATE OR REPLACE TABLE price_reconciliation AS
    WITH j AS (
      SELECT p.catalog_id, p.lane, p.cost_pico, c.reported_cost
      FROM priced_calls p JOIN calls c ON c.call_key = p.call_key
      -- Calls priced at their reported cost (unpriced models) have nothing to reconcile.
      WHERE c.reported_cost IS NOT NULL AND p.price_basis = 'catalog'
    ), s AS (
      SELECT catalog_id, lane, count(*) AS rows,
        ${picoToMicrosSql('sum(cost_pico)')} AS recomputed_micros,
        CAST(round(sum(reported_cost) * 1000000) AS BIGINT) AS reported_micros
      FROM j GROUP BY catalog_id, lane
    )
    SELECT catalog_id, lane, CAST(rows AS BIGINT) AS rows, recomputed_micros, reported_micros,
      recomputed_micros - reported_micros AS residual_micros,
      CASE WHEN abs(recomputed_micros - reported_micros) > 1 AND abs(recomputed_micros - reported_micros) * 100 > greatest(recomputed_micros, reported_micros)
        THEN CASE WHEN recomputed_micros > reported_micros THEN 'recomputed_above' ELSE 'reported_above' END END AS flag
    FROM s`);
}

export async function selectReconciliation(ws: Workspace): Promise<ReconciliationRow[]> {
  const rows = await ws.all<{
    catalog_id: string; lane: string; rows: bigint; recomputed_micros: bigint; reported_micros: bigint; residual_micros: bigint;
    flag: ReconciliationRow['flag'];
  }>('SELECT * FROM price_reconciliation ORDER BY catalog_id, lane');
  // One row per model and lane: a handful, not one per call.
  return rows.map((r) => ({
    model: r.catalog_id,
    lane: r.lane,
    rows: r.rows,
    recomputedMicros: r.recomputed_micros,
    reportedMicros: r.reported_micros,
    residualMicros: r.residual_micros,
    flag: r.flag,
  }));
}
