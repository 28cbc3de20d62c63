// Cost as SQL over the whole `calls` table: the catalog goes into small temp tables, every distinct model is
// resolved exactly, and one INSERT … SELECT builds `priced_calls` (src/db/analysis-tables.ts): the price in
// effect on the call's date, the long-context cliff on total input per request, the billed lane, and
// cost_pico = tokens x µ$/MTok (an exact integer number of pico-dollars).
import { pricedCallsColumns } from '../db/analysis-tables.ts';
import { hasRows } from '../db/has-rows.ts';
import type { Params, Workspace } from '../db/types.ts';
import { BatchableError } from '../errors.ts';
import { laneNames } from './catalog-schema.ts';
import { applyRatio, parseRatio } from './decimal.ts';
import { noPrice, resolveName, resolvesToHostCatalog, type Catalog } from './load-catalog.ts';
import { closestIds } from './model-names.ts';
import { closestText } from './unpriced.ts';
import { buildReconciliation } from './reconciliation.ts';
import { forgetStage } from '../db/analysis-state.ts';
import type { RouteRule } from './routes.ts';
import { oneLine as printable } from '../report/escape.ts';
import { chargeColumns, charges } from './charges.ts';

/** Runs a multi-row INSERT with parameters, a few hundred rows at a time. */
async function insertRows(ws: Workspace, table: string, casts: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((value, i) => (params.push(value), `$${params.length}::${casts[i]}`)).join(', ')})`);
    await ws.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`, params as Params);
  }
}

async function loadCatalogTables(ws: Workspace, catalog: Catalog, map: readonly (readonly [string, string | null, string])[]): Promise<void> {
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_map (model VARCHAR, call_provider VARCHAR, catalog_id VARCHAR)');
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_models (catalog_id VARCHAR, provider VARCHAR, batch_ops VARCHAR[])');
  // valid_from: the first entry of a model also covers earlier dates (there is nothing older to use).
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_entries (catalog_id VARCHAR, valid_from DATE, effective_from DATE)');
  // above = -1 marks the base prices so that the ASOF join (input > above) always finds a row.
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_tiers (catalog_id VARCHAR, effective_from DATE, above BIGINT)');
  await ws.run(`CREATE OR REPLACE TEMP TABLE _pc_rates (catalog_id VARCHAR, effective_from DATE, above BIGINT, lane VARCHAR,
    ${rateColumns.map((r) => `r_${r} BIGINT`).join(', ')})`);
  await insertRows(ws, '_pc_map', ['VARCHAR', 'VARCHAR', 'VARCHAR'], map);
  const used = new Set(map.map(([, , id]) => id));
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
        for (const [lane, r] of lanes) {
          rates.push([m.id, from, above, lane, r.input, r.cache_read, r.cache_write_5m, r.cache_write_1h, r.output, ...charges.map((c) => r.charges[c.field] ?? null)]);
        }
      }
    });
  }
  await insertRows(ws, '_pc_entries', ['VARCHAR', 'DATE', 'DATE'], entries);
  await insertRows(ws, '_pc_tiers', ['VARCHAR', 'DATE', 'BIGINT'], tiers);
  await insertRows(ws, '_pc_rates', ['VARCHAR', 'DATE', 'BIGINT', 'VARCHAR', ...rateColumns.map(() => 'BIGINT')], rates);
}

/** Unpriced model ids (most calls first) given the closest catalog ids; the report and the error list fewer. */
export const closestForFirst = 50;
/** Unknown models the --strict-prices error names; it counts the others. */
const namedInError = 10;

/** `--strict-prices`: any unpriced model stops the run, named with its call count, the closest ids and the fix. */
export function unknownModelsError(unknown: readonly UnpricedKey[]): BatchableError {
  // Today's wording; a reason other than the plain "no price" (an endpoint ARN, a free variant, a fine-tune) is added.
  const lines = unknown.slice(0, namedInError).map(
    (u) => `"${printable(u.model)}" (${u.calls.toLocaleString('en-US')} calls${u.reason === noPrice ? '' : `; ${u.reason}`}${closestText(u.closest, 'closest catalog ids')})`,
  );
  const first = printable(unknown[0]?.model ?? 'my-model').replaceAll("'", "'\\''");
  const example = `{"provider": "openai", "models": [{"id": "gpt-5.4", "aliases": ["${first}"]}]}`;
  return new BatchableError(
    `unknown model${unknown.length > 1 ? 's' : ''}, no price in the catalog: ${lines.join('; ')}${unknown.length > namedInError ? `; and ${(unknown.length - namedInError).toLocaleString('en-US')} more model ids (\`batchable pricing coverage\` lists every one)` : ''}. ` +
      `Fix: \`batchable pricing alias '${first}=<catalog id>'\`, or put a user catalog in --pricing-dir DIR (e.g. DIR/custom.json: ${example}), ` +
      `adding an alias to the model it is, or a model with its own "prices"; or run \`batchable pricing update\` to import current prices`,
  );
}

/**
 * The call's UTC calendar day as a day number (the date prices are chosen by). Arithmetic on the epoch: a
 * TIMESTAMPTZ -> DATE cast goes through the ICU time zone code and measured 9x slower at 5M calls (0.55 s vs 0.06 s).
 */
const utcDaySql = (ts: string) => `CAST(floor(epoch_us(${ts}) / 86400000000) AS BIGINT)`;

// The rates of one (model, entry, tier) side by side for every lane: one join per call instead of one per lane.
// Text token kinds, then the charges that are not text tokens (src/pricing/charges.ts: audio, image, web searches).
const textColumns = ['in', 'cr', 'cw5', 'cw1h', 'out'] as const;
const chargeKinds = charges.map((c) => c.kind);
const rateColumns = [...textColumns, ...chargeKinds] as const;

/** The billed lane's rate: its own price where the catalog publishes one, else the standard price. */
const billed = (r: string) =>
  `CASE lane WHEN 'batch' THEN coalesce(o.bat_${r}, o.std_${r}) WHEN 'flex' THEN coalesce(o.flx_${r}, o.std_${r})
    WHEN 'priority' THEN coalesce(o.pri_${r}, o.std_${r}) ELSE o.std_${r} END`;

/**
 * A charge's rate columns in price_points: std_ is NULL where the catalog has no rate (selectUnpriced reports the
 * quantity; it costs 0 here). The lane and billed rates are never NULL, so that sums over them stay defined: a
 * lane without its own price falls back to standard. Whether a call carrying the charge may move to the batch
 * lane is decided before (_pc_keys.bc), from whether the batch lane has its own rate.
 */
const chargeRates = (r: string) =>
  `o.std_${r} AS std_${r}, coalesce(o.bat_${r}, o.std_${r}, 0) AS bat_${r}, coalesce(o.flx_${r}, o.std_${r}, 0) AS flx_${r}, coalesce(${billed(r)}, 0) AS bil_${r}`;

/**
 * Bit i set: a call carrying charge i (in the order of `charges`) can move to the batch lane, because the batch
 * lane has a rate for it, or because it has no rate at all (unpriced either way, so moving invents nothing).
 */
const batchChargesSql = (w: string) =>
  charges.map((c, i) => `CASE WHEN ${w}.bat_${c.kind} IS NOT NULL OR ${w}.std_${c.kind} IS NULL THEN ${1 << i} ELSE 0 END`).join(' + ');
/** Bit i set: the call carries charge i. */
const neededChargesSql = charges.map((c, i) => `CASE WHEN coalesce(c.${c.column}, 0) > 0 THEN ${1 << i} ELSE 0 END`).join(' + ');
const laneRates = (lane: string, prefix: string) =>
  rateColumns.map((r) => `max(r_${r}) FILTER (WHERE lane = '${lane}') AS ${prefix}_${r}`).join(', ');

/**
 * Everything that does not vary call by call is resolved once per distinct (model, day) and per (entry, tier):
 * the catalog model, the entry in effect (an ASOF join over a few hundred keys, not over every call), the tier
 * thresholds, the provider and whether its batch lane takes the operation (the keys are per model, day and
 * operation). Each call then takes two hash joins against small tables.
 */
const pricedKeysSql = `
CREATE OR REPLACE TEMP TABLE _pc_wide AS
SELECT catalog_id, effective_from, above, ${laneRates('standard', 'std')}, ${laneRates('batch', 'bat')},
  ${laneRates('flex', 'flx')}, ${laneRates('priority', 'pri')}
FROM _pc_rates GROUP BY ALL;
CREATE OR REPLACE TEMP TABLE _pc_keys AS
WITH d AS (SELECT model, call_provider, utc_day, operation, DATE '1970-01-01' + CAST(utc_day AS INTEGER) AS day FROM _pc_days),
e AS (
  SELECT d.model, d.call_provider, d.utc_day, d.operation, m.catalog_id, e.effective_from
  FROM d JOIN _pc_map m ON m.model = d.model AND m.call_provider IS NOT DISTINCT FROM d.call_provider
  ASOF JOIN _pc_entries e ON m.catalog_id = e.catalog_id AND d.day >= e.valid_from
)
SELECT e.*, dense_rank() OVER (ORDER BY e.catalog_id, e.effective_from)::INTEGER AS mk, p.provider,
  -- Whether the provider's batch lane takes the operation: once per key, not a list lookup per call (0.15 s of CPU at 5M).
  coalesce(list_contains(p.batch_ops, e.operation), false) AS op_eligible,
  -- Tier thresholds, highest first; -1 (the base prices) is always last, so a call always finds its tier.
  (SELECT list(t.above ORDER BY t.above DESC) FROM _pc_tiers t
    WHERE t.catalog_id = e.catalog_id AND t.effective_from = e.effective_from) AS thresholds,
  -- Which charges the batch lane can take, from the base prices (a tier with its own charge prices is not known).
  coalesce((SELECT max(${batchChargesSql('w')}) FROM _pc_wide w
    WHERE w.catalog_id = e.catalog_id AND w.effective_from = e.effective_from AND w.above = -1), ${(1 << charges.length) - 1})::INTEGER AS bc
FROM e JOIN _pc_models p ON p.catalog_id = e.catalog_id;
-- Every price a call can take: (model entry, tier, billed lane, whether its operation is batchable), numbered.
CREATE OR REPLACE TABLE price_points AS
WITH k AS (SELECT DISTINCT mk, catalog_id, effective_from, provider, unnest(thresholds) AS above FROM _pc_keys),
o AS (
  SELECT k.*, w.* EXCLUDE (catalog_id, effective_from, above), lane, eligible
  FROM k JOIN _pc_wide w USING (catalog_id, effective_from, above),
    (SELECT unnest(['standard', 'batch', 'flex', 'priority']) AS lane), (SELECT unnest([true, false]) AS eligible)
  WHERE w.std_in IS NOT NULL
)
SELECT row_number() OVER ()::INTEGER AS pkey, mk, NULL::INTEGER AS rk, 'catalog' AS price_basis, above, lane, eligible,
  catalog_id, provider AS price_provider, eligible AND bat_in IS NOT NULL AS batch_eligible, above >= 0 AS long_context,
  effective_from AS price_effective_from,
  ${textColumns.map((r) => `std_${r}`).join(', ')}, ${textColumns.map((r) => `bat_${r}`).join(', ')}, ${textColumns.map((r) => `flx_${r}`).join(', ')},
  ${textColumns.map((r) => `${billed(r)} AS bil_${r}`).join(',\n  ')},
  ${chargeKinds.map(chargeRates).join(',\n  ')}
FROM o`;


/**
 * The per-call pricing select. `withCharges`: some call carries a charge that is not a text token; without any
 * (most exports), the charge quantities are not carried per call at all (the view shows them as 0), which keeps
 * pricing as fast as before they existed.
 */
const pricedSelect = (byProvider: boolean, withCharges: boolean) => `
WITH c AS (
  -- Eligible: the provider's batch lane takes the operation, and has a rate for every charge the call carries.
  SELECT c.call_key, c.ts, c.ended_at, k.mk, k.thresholds, c.requests, c.context_tier,
    k.op_eligible,${withCharges ? ` ${neededChargesSql} AS needs, k.bc,` : ''}
    CASE WHEN c.lane IN ('batch', 'flex', 'priority') THEN c.lane ELSE 'standard' END AS lane,
    coalesce(c.input_tokens, 0) AS in_tok,
    coalesce(c.cache_read_tokens, 0) AS cr_tok,
    coalesce(c.cache_write_5m_tokens, 0) + coalesce(c.cache_write_unknown_tokens, 0) AS cw5_tok,
    coalesce(c.cache_write_1h_tokens, 0) AS cw1h_tok,
    coalesce(c.output_tokens, 0) AS out_tok,
    ${(withCharges ? charges.map((c) => `coalesce(c.${c.column}, 0)`) : charges.map(() => '0')).map((v, i) => `${v} AS ${chargeKinds[i]}_tok`).join(', ')}
  FROM calls c JOIN _pc_keys k ON k.model = c.model AND k.utc_day = ${utcDaySql('c.ts')} AND k.operation IS NOT DISTINCT FROM c.operation${byProvider ? ' AND k.call_provider IS NOT DISTINCT FROM c.provider' : ''}
), r AS (
  -- Total input per request (input + cache read + cache writes), rounded up: x > t exactly when ceil(x) > t.
  -- Buckets use their average; with no request count, the reported context tier's lower bound, else no tier.
  SELECT *, ${withCharges ? 'op_eligible AND (needs & bc) = needs' : 'op_eligible'} AS eligible,
    CASE WHEN requests > 0 THEN (in_tok + cr_tok + cw5_tok + cw1h_tok + ain_tok + iin_tok + requests - 1) // requests
         WHEN requests IS NULL AND regexp_matches(context_tier, '^\\s*\\d+\\s*[kKmM]?\\s*-')
           THEN CAST(regexp_extract(context_tier, '^\\s*(\\d+)', 1) AS BIGINT)
                * CASE upper(regexp_extract(context_tier, '^\\s*\\d+\\s*([kKmM]?)', 1)) WHEN 'K' THEN 1000 WHEN 'M' THEN 1000000 ELSE 1 END
                + CASE WHEN CAST(regexp_extract(context_tier, '^\\s*(\\d+)', 1) AS BIGINT) > 0 THEN 1 ELSE 0 END
         ELSE 0 END AS per_request_input,
    (requests IS NULL OR requests > 1) AS averaged
  FROM c
), t AS (
  -- The tier: the highest threshold the per-request input is above (most models have only the base).
  SELECT *, CASE WHEN len(thresholds) = 1 THEN -1 ELSE list_filter(thresholds, x -> per_request_input > x)[1] END AS above FROM r
)
SELECT t.call_key, t.requests, t.ts, t.ended_at, p.pkey, t.averaged, ${storedColumns(withCharges).map((r) => `t.${r}_tok`).join(', ')}
FROM t JOIN price_points p ON p.mk = t.mk AND p.above = t.above AND p.lane = t.lane AND p.eligible = t.eligible`;

/**
 * `priced_calls` (src/db/analysis-tables.ts) is a view: each call keeps its tokens and the number of its price,
 * and the rates, names and cost come from the few hundred rows of price_points. Writing all 29 columns per call
 * took 3.3 s at 5M calls; this takes 1.4 s. The call's id is not stored (join `calls` on call_key for it):
 * writing 5M distinct id strings to the workspace file took 2.8-3.0 s of the statement's wall, 0.8-1.4 s without.
 */
/** The token columns priced_rows stores: the charge quantities only when some call carries a charge. */
const storedColumns = (withCharges: boolean) => (withCharges ? rateColumns : textColumns);

export function pricedView(withCharges: boolean): string {
  const perCall = new Set(['call_key', 'requests', 'ts', 'ended_at', 'averaged', ...storedColumns(withCharges).map((r) => `${r}_tok`)]);
  // Most calls carry no charge even where some do: the HUGEINT products only for those that do (DuckDB evaluates a
  // CASE branch on its rows only; measured 2.3x as slow for the savings pass at 2M calls, 5% with audio, without it).
  const chargePico = (lane: string) =>
    withCharges
      ? `CASE WHEN ${chargeKinds.map((r) => `r.${r}_tok`).join(' + ')} = 0 THEN 0 ELSE ${chargeKinds.map((r) => `CAST(r.${r}_tok AS HUGEINT) * p.${lane}_${r}`).join(' + ')} END`
      : '0::HUGEINT';
  const expr: Record<string, string> = {
    cost_pico: `${textColumns.map((r) => `CAST(r.${r}_tok AS HUGEINT) * p.bil_${r}`).join(' + ')} + chg_bil_pico`,
    chg_bil_pico: `(${chargePico('bil')})::HUGEINT`,
    chg_bat_pico: `(${chargePico('bat')})::HUGEINT`,
    ...(withCharges ? {} : Object.fromEntries(chargeKinds.map((r) => [`${r}_tok`, '0::BIGINT']))),
  };
  // cost_pico reads chg_bil_pico: a lateral alias, so it is computed once per call.
  return `CREATE OR REPLACE VIEW priced_calls AS
SELECT ${pricedCallsColumns.map((c) => (expr[c.name] !== undefined ? `${expr[c.name]} AS ${c.name}` : `${perCall.has(c.name) ? 'r' : 'p'}.${c.name}`)).join(', ')}
FROM priced_rows r JOIN price_points p USING (pkey)`;
}

/** A (model, provider) the catalog cannot price, and why; `provider` is null unless aliases are provider-scoped. */
export type UnpricedKey = { readonly model: string; readonly provider: string | null; readonly calls: bigint; readonly reason: string; readonly rules: readonly RouteRule[]; readonly closest: readonly string[] };

/** How each distinct model id of the calls resolved (for `pricing coverage`). */
export type ResolvedKey = { readonly model: string; readonly provider: string | null; readonly calls: bigint; readonly catalogId: string; readonly rules: readonly RouteRule[]; readonly alias: string | undefined };

export type PricingResult = { readonly resolved: readonly ResolvedKey[]; readonly unpriced: readonly UnpricedKey[] };

/** The reported cost of an unpriced call in nano-dollars, carried as input tokens at this pseudo-rate (µ$/MTok): nano x 1000 = pico. */
export const reportedRate = 1000n;

export async function priceCalls(ws: Workspace, catalog: Catalog, options: { strict?: boolean } = {}): Promise<PricingResult> {
  await forgetStage(ws, 'prices'); // its stored tables are replaced below
  // Provider-scoped aliases are the only reason two calls of one model id price differently; without them the
  // calls are grouped and joined on the model alone (one key column less over every call).
  // So is a model id a host's catalog prices for its own calls only (load-catalog.ts, hostCatalogs: Groq's
  // `qwen/qwen3-32b` is OpenRouter's slug too): found among the models first, then the calls grouped again with their provider.
  const scopedAliases = [...catalog.userAliases.values()].some((list) => list.some((a) => a.provider !== undefined));
  const daysSql = (providerSql: string) =>
    `CREATE OR REPLACE TEMP TABLE _pc_days AS SELECT model, ${providerSql} AS call_provider, ${utcDaySql('ts')} AS utc_day, operation, count(*) AS calls FROM calls GROUP BY ALL`;
  const distinctSql = 'SELECT model, call_provider, sum(calls)::BIGINT AS calls FROM _pc_days GROUP BY ALL ORDER BY calls DESC, model, call_provider';
  // One pass over the calls: their models, days and operations, from which models are resolved and prices chosen.
  await ws.run(daysSql(scopedAliases ? 'provider' : 'NULL::VARCHAR'));
  let distinct = await ws.all<{ model: string; call_provider: string | null; calls: bigint }>(distinctSql);
  const byProvider = scopedAliases || distinct.some((row) => resolvesToHostCatalog(catalog, row.model));
  if (byProvider && !scopedAliases) {
    await ws.run(daysSql('provider'));
    distinct = await ws.all(distinctSql);
  }
  const map: [string, string | null, string][] = [];
  const resolved: ResolvedKey[] = [];
  const unpriced: UnpricedKey[] = [];
  const ids = [...catalog.models.keys()].filter((id) => !id.includes(':') || id.startsWith('ft:'));
  // Route rules and aliases run here, once per distinct model id (and provider), never per call. The closest ids (an
  // edit distance to every catalog id) only for the most-called unpriced ids, the ones a report lists: a --map that
  // made a request id the model gave 50,000 ids, and 40 s of edit distances.
  for (const row of distinct) {
    const r = resolveName(catalog, row.model, row.call_provider);
    if (r.id === undefined) {
      const closest = unpriced.length < closestForFirst ? closestIds(row.model, ids) : [];
      unpriced.push({ model: row.model, provider: row.call_provider, calls: row.calls, reason: r.reason, rules: r.rules, closest });
    } else {
      map.push([row.model, row.call_provider, r.id]);
      resolved.push({ model: row.model, provider: row.call_provider, calls: row.calls, catalogId: r.id, rules: r.rules, alias: 'alias' in r ? r.alias?.name : undefined });
    }
  }
  if (unpriced.length > 0 && options.strict) throw unknownModelsError(unpriced);
  await loadCatalogTables(ws, catalog, map);
  await ws.run(pricedKeysSql);
  // Most exports carry no audio, image or web-search charge: one look, stopping at the first hit.
  const withCharges = await hasRows(ws, `SELECT 1 FROM calls WHERE ${chargeColumns.map((c) => `${c} > 0`).join(' OR ')}`);
  // In call_key order, as label_keys is: savings_base then pairs the two by position (src/db/queries/savings.ts).
  await ws.run(`CREATE OR REPLACE TABLE priced_rows AS ${pricedSelect(byProvider, withCharges)} ORDER BY t.call_key`);
  await ws.run('CREATE OR REPLACE TABLE price_unpriced (model VARCHAR, call_provider VARCHAR, reason VARCHAR, closest VARCHAR[])');
  if (unpriced.length > 0) {
    await insertRows(ws, 'price_unpriced', ['VARCHAR', 'VARCHAR', 'VARCHAR', 'JSON::VARCHAR[]'], unpriced.map((u) => [u.model, u.provider, u.reason, JSON.stringify(u.closest)]));
    await addReportedRows(ws, catalog, byProvider, withCharges);
  }
  await ws.run(pricedView(withCharges));
  await buildReconciliation(ws);
  return { resolved, unpriced };
}

/** Calls of an unpriced model (`price_unpriced`), matched on the model and, with provider-scoped aliases, the provider. */
const unpricedJoin = (byProvider: boolean, c: string) =>
  `price_unpriced u ON u.model = ${c}.model${byProvider ? ` AND u.call_provider IS NOT DISTINCT FROM ${c}.provider` : ''}`;

/**
 * Calls of unpriced models whose source states their cost are priced at it (price_basis 'reported'): the cost in
 * nano-dollars rides as input tokens at a 1000 µ$/MTok pseudo-rate on every lane, so the savings and check
 * queries need no special case; the batch rate is the call provider's batch rule applied to it (its cache
 * pseudo-rates equal input, so a cache-hit simulation changes nothing). Calls without a reported cost stay out
 * of priced_calls and are counted by selectUnpriced.
 */
async function addReportedRows(ws: Workspace, catalog: Catalog, byProvider: boolean, withCharges: boolean): Promise<void> {
  const pairs = await ws.all<{ model: string; provider: string | null }>(
    `SELECT DISTINCT c.model, c.provider FROM calls c SEMI JOIN ${unpricedJoin(byProvider, 'c')} WHERE c.reported_cost IS NOT NULL ORDER BY ALL`,
  );
  if (pairs.length === 0) return;
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_rmap (model VARCHAR, provider VARCHAR, rk INTEGER, batch_ops VARCHAR[])');
  const rmap: unknown[][] = [];
  const prices: unknown[][] = [];
  const [{ next } = { next: 0 }] = await ws.all<{ next: number }>('SELECT coalesce(max(pkey), 0)::INTEGER AS next FROM price_points');
  let pkey = next;
  pairs.forEach((pair, i) => {
    const provider = pair.provider?.toLowerCase() ?? null;
    const info = provider === null ? undefined : catalog.providers.get(provider);
    const ratio = info?.batchMultiplier === undefined ? undefined : parseRatio(info.batchMultiplier);
    const batch = ratio === undefined ? null : applyRatio(reportedRate, ratio);
    rmap.push([pair.model, pair.provider, i + 1, info?.batchOperations === undefined ? null : JSON.stringify(info.batchOperations)]);
    for (const lane of ['standard', 'batch', 'flex', 'priority']) {
      for (const eligible of [true, false]) {
        prices.push([++pkey, i + 1, lane, eligible, `${pair.model} (reported)`, provider, eligible && batch !== null, batch]);
      }
    }
  });
  await insertRows(ws, '_pc_rmap', ['VARCHAR', 'VARCHAR', 'INTEGER', 'JSON::VARCHAR[]'], rmap);
  await ws.run('CREATE OR REPLACE TEMP TABLE _pc_rprices (pkey INTEGER, rk INTEGER, lane VARCHAR, eligible BOOLEAN, catalog_id VARCHAR, price_provider VARCHAR, batch_eligible BOOLEAN, bat BIGINT)');
  await insertRows(ws, '_pc_rprices', ['INTEGER', 'INTEGER', 'VARCHAR', 'BOOLEAN', 'VARCHAR', 'VARCHAR', 'BOOLEAN', 'BIGINT'], prices);
  const rate = String(reportedRate);
  await ws.run(`INSERT INTO price_points BY NAME
    SELECT pkey, NULL::INTEGER AS mk, rk, 'reported' AS price_basis, -1::BIGINT AS above, lane, eligible, catalog_id, price_provider, batch_eligible,
      false AS long_context, NULL::DATE AS price_effective_from,
      ${textColumns.map((r) => `${rate}::BIGINT AS std_${r}, bat AS bat_${r}, ${rate}::BIGINT AS bil_${r}`).join(', ')},
      -- The reported cost covers every charge of the call: none is left to price, or to report unpriced.
      ${chargeKinds.map((r) => `0::BIGINT AS std_${r}, 0::BIGINT AS bat_${r}, 0::BIGINT AS flx_${r}, 0::BIGINT AS bil_${r}`).join(', ')}
    FROM _pc_rprices`);
  await ws.run(`INSERT INTO priced_rows
    SELECT c.call_key, c.requests, c.ts, c.ended_at, p.pkey, false AS averaged,
      CAST(c.reported_cost * 1000000000 AS BIGINT) AS in_tok, ${storedColumns(withCharges).slice(1).map((r) => `0 AS ${r}_tok`).join(', ')}
    FROM calls c JOIN _pc_rmap m ON m.model = c.model AND m.provider IS NOT DISTINCT FROM c.provider
      JOIN price_points p ON p.rk = m.rk
        AND p.lane = CASE WHEN c.lane IN ('batch', 'flex', 'priority') THEN c.lane ELSE 'standard' END
        AND p.eligible = coalesce(list_contains(m.batch_ops, c.operation), false)
    WHERE c.reported_cost IS NOT NULL`);
}
