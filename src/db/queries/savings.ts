// The savings query: labels x priced_calls (x calls when grouping by its columns), aggregated in DuckDB into a few
// groups per report row (one per label, reason, lane, eligibility, provider and rate set), so the stacking module
// only ever sees sums.
// Money is computed from tokens x rates (priced_calls.cost_pico is the same sum on the billed lane).
import { UsageError } from '../../errors.ts';
import type { Params, Workspace } from '../workspace.ts';
import { charges } from '../../pricing/charges.ts';
import { synchronousSql } from '../../pricing/units.ts';

export const groupings = ['workload', 'model', 'provider', 'project', 'api_key', 'day'] as const;
export type GroupBy = (typeof groupings)[number];

/**
 * The report row key per grouping, in two parts: `inner` from calls (grouped per call in the first pass),
 * `outer` from that (g), priced_calls' group columns and label_outcomes (o). Fixed SQL text chosen from this
 * list; user text never gets here.
 */
const keySql: Record<GroupBy, { inner: string; outer: string; readsCalls?: true }> = {
  workload: { inner: "''", outer: "coalesce(o.workload, '(none)')" },
  model: { inner: 'c.model', outer: 'coalesce(g.catalog_id, g.row_key)', readsCalls: true },
  provider: { inner: 'c.provider', outer: "coalesce(g.price_provider, g.row_key, '(unknown)')", readsCalls: true },
  project: { inner: "coalesce(c.project, '(none)')", outer: 'g.row_key', readsCalls: true },
  api_key: { inner: "coalesce(c.api_key_name, c.api_key, '(none)')", outer: 'g.row_key', readsCalls: true },
  day: { inner: "strftime(timezone($tz, p.ts), '%Y-%m-%d')", outer: 'g.row_key' },
};

export type SavingsFilter = {
  /** Calendar dates (YYYY-MM-DD) in `tz`; `until` is inclusive. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly tz: string;
  /** Only these workloads (labels.workload), when non-empty. */
  readonly workloads: readonly string[];
};

/** Only the parameters the statement uses: DuckDB rejects names it does not find. */
function used(sql: string, params: Record<string, string>): Params {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}

const query = <T>(ws: Workspace, sql: string, params: Record<string, string>): Promise<T[]> => ws.all<T>(sql, used(sql, params));

/**
 * WHERE clause for a period and workloads over priced_calls (p) and label_keys (k), with the parameters it
 * uses (DuckDB rejects unused names): the one scope of the report and of `check`. User text only as parameters.
 * `outcome` is the column holding the label's outcome number (savings_base's own, where it is read instead).
 */
export function scopeSql(filter: SavingsFilter, outcome = 'k.outcome'): { where: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.since !== undefined) {
    where.push('p.ts >= timezone($tz, $since::DATE::TIMESTAMP)');
    params.since = filter.since;
  }
  if (filter.until !== undefined) {
    where.push('p.ts < timezone($tz, ($until::DATE + 1)::TIMESTAMP)');
    params.until = filter.until;
  }
  if (where.length > 0) params.tz = filter.tz;
  if (filter.workloads.length > 0) {
    where.push(`${outcome} IN (SELECT outcome FROM label_outcomes WHERE workload IN (${filter.workloads.map((_, i) => `$w${i}`).join(', ')}))`);
    filter.workloads.forEach((w, i) => (params[`w${i}`] = w));
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

// A row without a request count (Anthropic's usage report) weighs as one request in shares and allocation;
// uncounted_rows says how many such rows a group holds, so what is shown keeps them unknown.
const requestsSql = 'coalesce(p.requests, 1)';

/**
 * One row per (report row, label, deciding reason, lane, eligibility, provider, rate set): the only pass over
 * the calls. Stacking is linear in tokens and requests, so these groups are priced as they are and summed;
 * reasons and the period are folded from the same rows.
 */
export type SavingsGroupRow = {
  name: string;
  label: string;
  reason: string | null;
  lane: string;
  synchronous: boolean;
  batch_eligible: boolean;
  has_batch_rates: boolean;
  price_provider: string | null;
  rows: bigint;
  requests: bigint;
  /** Rows whose source gives no request count: each weighs 1 in `requests`, and is shown as unknown. */
  uncounted_rows: bigint;
  tight_deadline_requests: bigint;
  agent_chain_requests: bigint;
  /** Epoch seconds of the first call start and the last call end in the group. */
  first_start: bigint;
  last_end: bigint;
  in_tok: bigint;
  cr_tok: bigint;
  cw5_tok: bigint;
  cw1h_tok: bigint;
  out_tok: bigint;
  bil_in: bigint;
  bil_cr: bigint;
  bil_cw5: bigint;
  bil_cw1h: bigint;
  bil_out: bigint;
  bat_in: bigint | null;
  bat_cr: bigint | null;
  bat_cw5: bigint | null;
  bat_cw1h: bigint | null;
  bat_out: bigint | null;
  /**
   * The charges that are not text tokens (audio, image, web searches), as money: their cost at the billed rates
   * and at the batch-lane rates, pico-dollars. Summed per group rather than grouped by ten more rate columns.
   */
  chg_bil_pico: bigint;
  chg_bat_pico: bigint;
};

const rates = ['bil_in', 'bil_cr', 'bil_cw5', 'bil_cw1h', 'bil_out', 'bat_in', 'bat_cr', 'bat_cw5', 'bat_cw1h', 'bat_out'];

/** The first pass's group columns: the report row, the label's outcome number and the pricing columns. */
const groupSql = (by: GroupBy): string[] => [
  `${keySql[by].inner} AS row_key`, 'k.outcome', 'p.catalog_id', 'p.price_provider',
  "coalesce(p.lane, 'standard') AS lane", 'coalesce(p.batch_eligible, false) AS batch_eligible', 'p.bat_in IS NOT NULL AS has_batch_rates',
  ...rates.map((r) => `p.${r}`),
];

const textKinds = ['in', 'cr', 'cw5', 'cw1h', 'out'] as const;

/**
 * A group's billed cost from its token sums: the billed rates are group columns, so the sum of tokens x rate per
 * call is the sum of tokens x rate, exactly (integers). Multiplying once per group instead of once per call
 * (five HUGEINT products on every call) took the savings pass from 1.7 s to 1.1 s of CPU at 5M calls.
 */
const billedSql = (filter: string): string =>
  `${textKinds.map((r) => `sum(p.${r}_tok)${filter} * p.bil_${r}`).join(' + ')} + sum(p.chg_bil_pico)${filter}`;
/** The first pass: the calls grouped on the label's outcome number and the pricing columns. */
const firstPassSql = (by: GroupBy, where: string): string => {
  const groups = groupSql(by);
  return `
       SELECT ${groups.join(', ')},
              count(*) AS rows,
              sum(${requestsSql}) AS requests,
              count(*) FILTER (WHERE p.requests IS NULL) AS uncounted_rows,
              sum(${requestsSql}) FILTER (WHERE k.agent_chain) AS chain_requests,
              min(p.ts) AS first_start,
              max(coalesce(p.ended_at, p.ts)) AS last_end,
              sum(p.in_tok) AS in_tok, sum(p.cr_tok) AS cr_tok, sum(p.cw5_tok) AS cw5_tok, sum(p.cw1h_tok) AS cw1h_tok, sum(p.out_tok) AS out_tok,
              sum(p.chg_bil_pico) AS chg_bil_pico, sum(p.chg_bat_pico) AS chg_bat_pico,
              ${billedSql('')} AS cost_pico,
              ${billedSql(' FILTER (WHERE p.requests IS NULL)')} AS uncounted_pico
       FROM label_keys k JOIN priced_calls p USING (call_key) ${keySql[by].readsCalls ? 'JOIN calls c USING (call_key)' : ''} ${where}
       GROUP BY ${groups.map((_, i) => i + 1).join(', ')}`;
};

/**
 * savings_base's rows (firstPassSql('workload', '') gives the same rows and types, through the priced_calls view):
 * the calls are summed per (outcome, price point) straight from priced_rows, integers only, and the few thousand
 * sums are then joined to price_points and grouped on its columns. Through the view every call carried its rates,
 * names and charge products into a grouping on 17 columns: 1.3 s of CPU at 5M calls (wide bench shape), this 0.9 s.
 * The money is the same exact integers: a group's rates are constant, so the sum of tokens x rate over its calls is
 * its token sum x rate, and the charges (whose rates are not group columns) are multiplied per price point.
 */
function baseSql(withCharges: boolean, paired: boolean): string {
  const kinds = withCharges ? [...textKinds, ...charges.map((c) => c.kind)] : [...textKinds];
  const uncounted = 'FILTER (WHERE r.requests IS NULL)';
  const chargeSum = (rates: 'bil' | 'bat', prefix: string) =>
    withCharges ? charges.map((c) => `c.${prefix}${c.kind}_tok * p.${rates}_${c.kind}`).join(' + ') : '0::HUGEINT';
  const group = [
    "'' AS row_key", 'outcome', 'catalog_id', 'price_provider', "coalesce(lane, 'standard') AS lane", 'coalesce(batch_eligible, false) AS batch_eligible',
    'bat_in IS NOT NULL AS has_batch_rates', ...rates,
  ];
  return `
    WITH c AS (
      SELECT k.outcome, r.pkey, count(*) AS rows, sum(coalesce(r.requests, 1)) AS requests, count(*) ${uncounted} AS uncounted_rows,
        sum(coalesce(r.requests, 1)) FILTER (WHERE k.agent_chain) AS chain_requests,
        min(r.ts) AS first_start, max(coalesce(r.ended_at, r.ts)) AS last_end,
        ${kinds.map((t) => `sum(r.${t}_tok) AS ${t}_tok, sum(r.${t}_tok) ${uncounted} AS u_${t}_tok`).join(',\n        ')}
      FROM label_keys k ${paired ? 'POSITIONAL JOIN priced_rows r' : 'JOIN priced_rows r USING (call_key)'} GROUP BY k.outcome, r.pkey
    ), g AS (
      SELECT c.*, p.* EXCLUDE (pkey), (${chargeSum('bil', '')})::HUGEINT AS chg_bil, (${chargeSum('bat', '')})::HUGEINT AS chg_bat, (${chargeSum('bil', 'u_')})::HUGEINT AS u_chg_bil
      FROM c JOIN price_points p USING (pkey)
    )
    SELECT ${group.join(', ')},
      sum(rows)::BIGINT AS rows, sum(requests) AS requests, sum(uncounted_rows)::BIGINT AS uncounted_rows, sum(chain_requests) AS chain_requests,
      min(first_start) AS first_start, max(last_end) AS last_end,
      ${textKinds.map((t) => `sum(${t}_tok) AS ${t}_tok`).join(', ')},
      sum(chg_bil) AS chg_bil_pico, sum(chg_bat) AS chg_bat_pico,
      ${textKinds.map((t) => `sum(${t}_tok) * bil_${t}`).join(' + ')} + sum(chg_bil) AS cost_pico,
      ${textKinds.map((t) => `sum(u_${t}_tok) * bil_${t}`).join(' + ')} + ${withCharges ? 'sum(u_chg_bil)' : '0::HUGEINT'} AS uncounted_pico
    FROM g GROUP BY ${group.map((_, i) => i + 1).join(', ')}`;
}

/**
 * `savings_base`: the first pass by workload over the whole period, kept in the workspace once computed. It has a
 * row per (outcome, rate set, lane), a few thousand at most, so the default report and every what-if on it (any
 * --batch-share, discount, cache-hit rate, credit bonus, --workload) read those instead of every call: 50M calls
 * grouped take tens of seconds, the base milliseconds. Its billed cost (`cost_pico`, and `uncounted_pico` for rows
 * without a request count) lets `check` and audit's low-confidence note read it too. Labelling and pricing drop it
 * (forgetStage in src/db/analysis-state.ts): it is only ever as old as the label_keys and priced_rows it was
 * computed from.
 */
export async function ensureSavingsBase(ws: Workspace): Promise<void> {
  const [state] = await ws.all<{ built: boolean; charged: boolean }>(
    `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = 'savings_base') > 0 AS built,
       (SELECT count(*) FROM duckdb_columns() WHERE table_name = 'priced_rows' AND column_name = $charge) > 0 AS charged`,
    { charge: `${charges[0]?.kind ?? 'ain'}_tok` },
  );
  if (state?.built === true) return;
  // priced_rows carries the charges' quantities only when some call has one (src/pricing/price-calls.ts).
  await ws.run(`CREATE TABLE IF NOT EXISTS savings_base AS ${baseSql(state?.charged === true, await pairedByPosition(ws))}`);
}

/**
 * Whether label_keys and priced_rows can be paired by position. Classify and price write both in call_key order:
 * when they hold the same calls (every call priced), row i of one is row i of the other, checked here on every row
 * (a few hundredths of a second). A join of every call with every call on call_key took 0.9-1.1 s of CPU at 5M
 * calls (wide bench shape), the pairing 0.25-0.45 s. Otherwise (unpriced calls, tables written another way) the join.
 */
export async function pairedByPosition(ws: Workspace): Promise<boolean> {
  const [order] = await ws.all<{ paired: boolean }>(
    'SELECT count(*) FILTER (WHERE k.call_key IS DISTINCT FROM r.call_key) = 0 AS paired FROM label_keys k POSITIONAL JOIN priced_rows r',
  );
  return order?.paired === true;
}

/** Whether a filter can be answered from savings_base: the whole period (a workload scope is fine). */
export const wholePeriod = (filter: SavingsFilter): boolean => filter.since === undefined && filter.until === undefined;

export async function selectSavingsGroups(ws: Workspace, by: GroupBy, filter: SavingsFilter): Promise<SavingsGroupRow[]> {
  const scope = scopeSql(filter);
  const params = { ...scope.params, tz: filter.tz }; // --by day reads it too
  // Two passes: the calls grouped on the label's outcome number and the pricing columns (integers and a few
  // low-cardinality strings), then the few thousand groups joined to label_outcomes for names and reasons.
  // Carrying each call's workload and reasons through the joins measured 1.6x as slow at 5M calls (4.1 s vs 2.5 s).
  // priced_calls carries the call's requests and times, so `calls` is read only for groupings by its columns.
  let first: string;
  if (by === 'workload' && wholePeriod(filter)) {
    await ensureSavingsBase(ws);
    first = `SELECT * FROM savings_base k ${scope.where}`; // the workload scope reads k.outcome only
  } else {
    first = firstPassSql(by, scope.where);
  }
  return query<SavingsGroupRow>(
    ws,
    `WITH g AS (${first})
     SELECT ${keySql[by].outer} AS name,
            o.label,
            o.reasons[1] AS reason,
            g.lane,
            ${synchronousSql('g.lane')} AS synchronous,
            g.batch_eligible,
            g.has_batch_rates,
            g.price_provider,
            sum(g.rows)::BIGINT AS rows,
            sum(g.requests)::BIGINT AS requests,
            sum(g.uncounted_rows)::BIGINT AS uncounted_rows,
            coalesce(sum(g.requests) FILTER (WHERE o.deadline_minutes < 1440), 0)::BIGINT AS tight_deadline_requests,
            coalesce(sum(g.chain_requests), 0)::BIGINT AS agent_chain_requests,
            epoch(min(g.first_start))::BIGINT AS first_start,
            epoch(max(g.last_end))::BIGINT AS last_end,
            sum(g.in_tok)::HUGEINT AS in_tok, sum(g.cr_tok)::HUGEINT AS cr_tok, sum(g.cw5_tok)::HUGEINT AS cw5_tok,
            sum(g.cw1h_tok)::HUGEINT AS cw1h_tok, sum(g.out_tok)::HUGEINT AS out_tok,
            sum(g.chg_bil_pico)::HUGEINT AS chg_bil_pico, sum(g.chg_bat_pico)::HUGEINT AS chg_bat_pico,
            ${rates.map((r) => `g.${r}`).join(', ')}
     FROM g LEFT JOIN label_outcomes o USING (outcome)
     GROUP BY ALL
     ORDER BY name, label, reason, lane, price_provider, bil_in, bil_out`,
    params,
  );
}

/** --tz must be a zone DuckDB knows before it is used in a filter. */
export async function assertTimeZone(ws: Workspace, tz: string): Promise<void> {
  try {
    await ws.all("SELECT timezone($tz, TIMESTAMP '2020-01-01 00:00:00') AS t", { tz });
  } catch (error) {
    throw new UsageError(`--tz ${tz}: unknown time zone; use an IANA name such as UTC or Europe/Berlin`, { cause: error });
  }
}
