// Billed vs recomputed: what cost exports say was charged (billed_costs, src/ingest/costs.ts) against the cost
// recomputed from the usage, per catalog model and UTC day. Cost rows name models their own way (display names,
// dated snapshots in OpenAI line items): each distinct name is resolved once, as calls' models are.
// Carried by the report model and rendered by src/report/billed.ts.
import type { Workspace } from '../db/types.ts';
import type { Catalog } from './load-catalog.ts';
import { picoToMicrosSql } from './units.ts';

export type BilledRow = {
  readonly catalog_id: string;
  readonly day: string;
  readonly billed_micros: bigint;
  readonly recomputed_micros: bigint;
  /** recomputed - billed */
  readonly residual_micros: bigint;
  readonly flag: 'recomputed_above' | 'reported_above' | null;
};

export type BilledReconciliation = {
  readonly rows: readonly BilledRow[];
  /** Billed cost not compared: rows naming no model (web search, storage…) or a model the catalog does not know. */
  readonly unattributedMicros: bigint;
  readonly unattributedNames: readonly string[];
};

/** `loadCatalog` is called only when the workspace holds billed costs (most do not: the catalog is then not loaded). */
export async function selectBilledReconciliation(ws: Workspace, loadCatalog: () => Promise<Catalog>): Promise<BilledReconciliation | undefined> {
  const exists = await ws.all("SELECT 1 FROM duckdb_tables() WHERE table_name = 'billed_costs' AND NOT temporary");
  if (exists.length === 0) return undefined;
  const names = await ws.all<{ model: string }>('SELECT DISTINCT model FROM billed_costs WHERE model IS NOT NULL ORDER BY model');
  if ((await ws.all('SELECT 1 FROM billed_costs LIMIT 1')).length === 0) return undefined;
  const catalog = await loadCatalog();
  const { resolveModel } = await import('./load-catalog.ts');
  await ws.run('CREATE OR REPLACE TEMP TABLE _bc_map (model VARCHAR, catalog_id VARCHAR)');
  const resolved = names.flatMap((n) => {
    const id = resolveModel(catalog, n.model);
    return id === undefined ? [] : [[n.model, id] as const];
  });
  for (let i = 0; i < resolved.length; i += 200) {
    const chunk = resolved.slice(i, i + 200);
    await ws.run(`INSERT INTO _bc_map VALUES ${chunk.map((_, k) => `($m${k}, $c${k})`).join(', ')}`,
      Object.fromEntries(chunk.flatMap(([m, c], k) => [[`m${k}`, m], [`c${k}`, c]])));
  }
  const rows = await ws.all<BilledRow>(`
    WITH b AS (
      SELECT m.catalog_id, CAST(floor(epoch_us(c.ts) / 86400000000) AS BIGINT) AS dn,
        CAST(round(sum(c.cost_usd) * 1000000) AS BIGINT) AS billed_micros
      FROM billed_costs c JOIN _bc_map m USING (model) GROUP BY ALL
    ), r AS (
      SELECT catalog_id, CAST(floor(epoch_us(ts) / 86400000000) AS BIGINT) AS dn, sum(cost_pico) AS pico
      FROM priced_calls WHERE catalog_id IN (SELECT catalog_id FROM b) GROUP BY ALL
    )
    SELECT b.catalog_id, strftime(to_timestamp(b.dn * 86400) AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, b.billed_micros,
      ${picoToMicrosSql('coalesce(r.pico, 0)')} AS recomputed_micros,
      ${picoToMicrosSql('coalesce(r.pico, 0)')} - b.billed_micros AS residual_micros
    FROM b LEFT JOIN r USING (catalog_id, dn) ORDER BY b.catalog_id, b.dn`);
  const flagged = rows.map((row) => {
    const d = row.residual_micros < 0n ? -row.residual_micros : row.residual_micros;
    const big = row.recomputed_micros > row.billed_micros ? row.recomputed_micros : row.billed_micros;
    const flag = d > 1n && d * 100n > big ? (row.residual_micros > 0n ? 'recomputed_above' : 'reported_above') : null;
    return { ...row, flag } as BilledRow;
  });
  const [u] = await ws.all<{ micros: bigint | null; names: string[] }>(
    `SELECT CAST(round(sum(cost_usd) * 1000000) AS BIGINT) AS micros,
       list(DISTINCT coalesce(model, line_item, '(no model)') ORDER BY coalesce(model, line_item, '(no model)')) AS names
     FROM billed_costs WHERE model IS NULL OR model NOT IN (SELECT model FROM _bc_map)`,
  );
  return { rows: flagged, unattributedMicros: u?.micros ?? 0n, unattributedNames: u?.names ?? [] };
}
