// Cost as SQL over the whole `calls` table: the catalog goes into small temp tables, every distinct model is
// resolved exactly, and one INSERT … SELECT builds `priced_calls` (src/db/analysis-tables.ts): the price in
// effect on the call's date (ASOF join), the long-context cliff on total input per request, the billed lane,
// and cost_pico = tokens x µ$/MTok (an exact integer number of pico-dollars).
import { ddlFor, pricedCallsColumns } from '../db/analysis-tables.ts';
import type { Params, Workspace } from '../db/workspace.ts';
import { BatchableError } from '../errors.ts';
import { laneNames } from './catalog-schema.ts';
import { resolveModel, type Catalog } from './load-catalog.ts';
import { closestIds } from './model-names.ts';

/** Runs a multi-row INSERT with parameters, a few hundred rows at a time. */
async function insertRows(ws: Workspace, table: string, casts: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((value, i) => (params.push(value), `$${params.length}::${casts[i]}`)).join(', ')})`);
    await ws.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`, params as Params);
  }
}

async function loadCatalogTables(ws: Workspace, catalog: Catalog, map: readonly (readonly [string, string])[]): Promise<void> {
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_map (model VARCHAR, catalog_id VARCHAR)');
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_models (catalog_id VARCHAR, provider VARCHAR, batch_ops VARCHAR[])');
  // valid_from: the first entry of a model also covers earlier dates (there is nothing older to use).
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_entries (catalog_id VARCHAR, valid_from DATE, effective_from DATE)');
  // above = -1 marks the base prices so that the ASOF join (input > above) always finds a row.
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_tiers (catalog_id VARCHAR, effective_from DATE, above BIGINT)');
  await ws.run(`CREATE OR REPLACE TEMP TABLE _pc_rates (catalog_id VARCHAR, effective_from DATE, above BIGINT, lane VARCHAR,
    r_in BIGINT, r_cr BIGINT, r_cw5 BIGINT, r_cw1h BIGINT, r_out BIGINT)`);
  await insertRows(ws, '_pc_map', ['VARCHAR', 'VARCHAR'], map);
  const used = new Set(map.map(([, id]) => id));
  const models = [...catalog.models.values()].filter((m) => used.has(m.id));
  // The batch operations travel as JSON text and become a VARCHAR[] by cast.
  await insertRows(ws, '_pc_models', ['VARCHAR', 'VARCHAR', 'JSON::VARCHAR[]'], models.map((m) => {
    const ops = catalog.providers.get(m.provider)?.batchOperations;
    return [m.id, m.provider, ops === undefined ? null : JSON.stringify(ops)];
  }));
  const entries: unknown[][] = [];
  const tiers: unknown[][] = [];
  const rates: unknown[][] = [];
  for (const m of models) {
    m.entries.forEach((e, i) => {
      const from = e.entry.effective_from;
      entries.push([m.id, i === 0 ? '0001-01-01' : from, from]);
      for (const t of e.tiers) {
        const above = t.above === 0 ? -1 : t.above;
        tiers.push([m.id, from, above]);
        const lanes = [['standard', t.standard] as const, ...laneNames.flatMap((l) => (t.lanes[l] ? [[l, t.lanes[l]] as const] : []))];
        for (const [lane, r] of lanes) rates.push([m.id, from, above, lane, r.input, r.cache_read, r.cache_write_5m, r.cache_write_1h, r.output]);
      }
    });
  }
  await insertRows(ws, '_pc_entries', ['VARCHAR', 'DATE', 'DATE'], entries);
  await insertRows(ws, '_pc_tiers', ['VARCHAR', 'DATE', 'BIGINT'], tiers);
  await insertRows(ws, '_pc_rates', ['VARCHAR', 'DATE', 'BIGINT', 'VARCHAR', 'BIGINT', 'BIGINT', 'BIGINT', 'BIGINT', 'BIGINT'], rates);
}

/** Unknown models stop the run: each named with its call count, the closest ids, and how to fix it. */
function unknownModelsError(unknown: readonly { model: string; calls: bigint }[], catalog: Catalog): BatchableError {
  const ids = [...catalog.models.keys()];
  const lines = unknown.map((u) => `"${u.model}" (${u.calls.toLocaleString('en-US')} calls; closest catalog ids: ${closestIds(u.model, ids).join(', ')})`);
  const first = unknown[0]?.model ?? 'my-model';
  const example = `{"provider": "openai", "models": [{"id": "gpt-5.4", "aliases": ["${first}"]}]}`;
  return new BatchableError(
    `unknown model${unknown.length > 1 ? 's' : ''}, no price in the catalog: ${lines.join('; ')}. ` +
      `Fix: put a user catalog in --pricing-dir DIR (e.g. DIR/custom.json: ${example}), ` +
      `adding an alias to the model it is, or a model with its own "prices"; or run \`batchable pricing update\` to import current prices`,
  );
}

const pricedSelect = `
WITH c AS (
  SELECT c.call_id, m.catalog_id, c.operation, c.requests, c.context_tier,
    CASE WHEN c.lane IN ('batch', 'flex', 'priority') THEN c.lane ELSE 'standard' END AS lane,
    CAST(c.ts AS DATE) AS day,
    coalesce(c.input_tokens, 0) AS in_tok,
    coalesce(c.cache_read_tokens, 0) AS cr_tok,
    coalesce(c.cache_write_5m_tokens, 0) + coalesce(c.cache_write_unknown_tokens, 0) AS cw5_tok,
    coalesce(c.cache_write_1h_tokens, 0) AS cw1h_tok,
    coalesce(c.output_tokens, 0) AS out_tok
  FROM calls c JOIN _pc_map m ON m.model = c.model
), r AS (
  -- Total input per request (input + cache read + cache writes), rounded up: x > t exactly when ceil(x) > t.
  -- Buckets use their average; with no request count, the reported context tier's lower bound, else no tier.
  SELECT *,
    CASE WHEN requests > 0 THEN (in_tok + cr_tok + cw5_tok + cw1h_tok + requests - 1) // requests
         WHEN requests IS NULL AND regexp_matches(context_tier, '^\\s*\\d+\\s*[kKmM]?\\s*-')
           THEN CAST(regexp_extract(context_tier, '^\\s*(\\d+)', 1) AS BIGINT)
                * CASE upper(regexp_extract(context_tier, '^\\s*\\d+\\s*([kKmM]?)', 1)) WHEN 'K' THEN 1000 WHEN 'M' THEN 1000000 ELSE 1 END
                + CASE WHEN CAST(regexp_extract(context_tier, '^\\s*(\\d+)', 1) AS BIGINT) > 0 THEN 1 ELSE 0 END
         ELSE 0 END AS per_request_input,
    (requests IS NULL OR requests > 1) AS averaged
  FROM c
), e AS (
  SELECT r.*, e.effective_from FROM r ASOF JOIN _pc_entries e ON r.catalog_id = e.catalog_id AND r.day >= e.valid_from
), t AS (
  SELECT e.*, t.above FROM e ASOF JOIN _pc_tiers t
    ON e.catalog_id = t.catalog_id AND e.effective_from = t.effective_from AND e.per_request_input > t.above
)
SELECT t.call_id, t.catalog_id, m.provider, t.lane,
  coalesce(list_contains(m.batch_ops, t.operation), false) AND b.r_in IS NOT NULL,
  t.above >= 0, t.averaged, t.effective_from,
  t.in_tok, t.cr_tok, t.cw5_tok, t.cw1h_tok, t.out_tok,
  s.r_in, s.r_cr, s.r_cw5, s.r_cw1h, s.r_out,
  b.r_in, b.r_cr, b.r_cw5, b.r_cw1h, b.r_out,
  coalesce(l.r_in, s.r_in), coalesce(l.r_cr, s.r_cr), coalesce(l.r_cw5, s.r_cw5), coalesce(l.r_cw1h, s.r_cw1h), coalesce(l.r_out, s.r_out),
  CAST(t.in_tok AS HUGEINT) * coalesce(l.r_in, s.r_in) + CAST(t.cr_tok AS HUGEINT) * coalesce(l.r_cr, s.r_cr)
    + CAST(t.cw5_tok AS HUGEINT) * coalesce(l.r_cw5, s.r_cw5) + CAST(t.cw1h_tok AS HUGEINT) * coalesce(l.r_cw1h, s.r_cw1h)
    + CAST(t.out_tok AS HUGEINT) * coalesce(l.r_out, s.r_out)
FROM t
JOIN _pc_models m ON m.catalog_id = t.catalog_id
JOIN _pc_rates s ON s.catalog_id = t.catalog_id AND s.effective_from = t.effective_from AND s.above = t.above AND s.lane = 'standard'
LEFT JOIN _pc_rates b ON b.catalog_id = t.catalog_id AND b.effective_from = t.effective_from AND b.above = t.above AND b.lane = 'batch'
LEFT JOIN _pc_rates l ON l.catalog_id = t.catalog_id AND l.effective_from = t.effective_from AND l.above = t.above AND l.lane = t.lane`;

export async function priceCalls(ws: Workspace, catalog: Catalog): Promise<void> {
  const distinct = await ws.all<{ model: string; calls: bigint }>('SELECT model, count(*) AS calls FROM calls GROUP BY model ORDER BY calls DESC, model');
  const map: [string, string][] = [];
  const unknown: { model: string; calls: bigint }[] = [];
  for (const row of distinct) {
    const id = resolveModel(catalog, row.model);
    if (id === undefined) unknown.push(row);
    else map.push([row.model, id]);
  }
  if (unknown.length > 0) throw unknownModelsError(unknown, catalog);
  await loadCatalogTables(ws, catalog, map);
  await ws.run(ddlFor('priced_calls', pricedCallsColumns));
  await ws.run(`INSERT INTO priced_calls ${pricedSelect}`);
}
