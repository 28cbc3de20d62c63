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
};

export async function selectReconciliation(ws: Workspace): Promise<ReconciliationRow[]> {
  return ws.all<ReconciliationRow>(`
    WITH j AS (
      SELECT p.catalog_id, p.lane, p.cost_pico, c.reported_cost
      FROM priced_calls p JOIN calls c ON c.call_key = p.call_key
      WHERE c.reported_cost IS NOT NULL
    ), s AS (
      SELECT catalog_id, lane, count(*) AS rows,
        CAST((sum(cost_pico) + 500000) // 1000000 AS BIGINT) AS recomputed_micros,
        CAST(round(sum(reported_cost) * 1000000) AS BIGINT) AS reported_micros
      FROM j GROUP BY catalog_id, lane
    )
    SELECT catalog_id, lane, CAST(rows AS BIGINT) AS rows, recomputed_micros, reported_micros,
      recomputed_micros - reported_micros AS residual_micros
    FROM s ORDER BY catalog_id, lane`);
}

/** The reconciliation table, or '' when no source reported a cost. */
export function renderReconciliation(rows: readonly ReconciliationRow[], style: Style): string {
  if (rows.length === 0) return '';
  const total = (k: 'recomputed_micros' | 'reported_micros' | 'residual_micros') => rows.reduce((a, r) => a + r[k], 0n);
  return renderTable(
    {
      head: ['model', 'lane', 'rows compared', 'recomputed', 'reported', 'residual'],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      rows: rows.map((r) => [r.catalog_id, r.lane, formatCount(r.rows), formatUsd(r.recomputed_micros), formatUsd(r.reported_micros), formatUsd(r.residual_micros)]),
      footer: ['total', '', formatCount(rows.reduce((a, r) => a + r.rows, 0n)), formatUsd(total('recomputed_micros')), formatUsd(total('reported_micros')), formatUsd(total('residual_micros'))],
    },
    style,
  );
}
