// The plan's one pass over the labelled and priced calls, in DuckDB: the non-blocking work still billed on a
// synchronous lane, per (workload, provider route, model, operation), with its money (exact pico-dollars), its
// shape in time (per hour of day, busiest hour, day and minute, and the busiest window for each submission
// cadence) and what could go wrong (chained calls, deadlines, cache reads, aggregated rows).
// Reads label_keys, label_outcomes, priced_calls and calls (src/db/analysis-tables.ts); scope as the audit's.
import { scopeSql, type SavingsFilter } from '../db/queries/savings.ts';
import type { Workspace } from '../db/types.ts';
import { charges } from '../pricing/charges.ts';

/** Submission cadences the plan chooses from, hours (each divides a day). */
export const cadences = [1, 2, 3, 4, 6, 8, 12, 24] as const;

/**
 * A request line's size in a batch input file, estimated: about 4 bytes per input token (OpenAI's rule of
 * thumb, "one token generally corresponds to ~4 characters of common English text",
 * https://help.openai.com/en/articles/4936856-what-are-tokens-and-how-to-count-them) plus 400 bytes of
 * envelope (custom_id, method, url, model, max tokens, JSON syntax). Only the size limits read it.
 */
export const bytesPerInputToken = 4n;
export const envelopeBytes = 400n;

export type PlanGroupRow = {
  gid: number;
  workload: string;
  /** 'batchable': non-blocking, batch-eligible, on a synchronous lane; 'cannot': non-blocking, its batch lane does not take it. */
  pool: 'batchable' | 'cannot';
  source_provider: string | null;
  price_provider: string | null;
  catalog_id: string | null;
  operation: string;
  /** The model as the calls name it (the most frequent spelling): what the provider's API takes. */
  model: string;
  /** The requests its rows count; rows that count none (uncounted_rows) add nothing. */
  requests: bigint;
  /**
   * Usage rows that count no requests (Anthropic's usage report and Console export: `requests` NULL). A group with
   * any has no request count the plan can trust: sizes come from its tokens, its time shape from its tokens.
   */
  uncounted_rows: bigint;
  /** Requests from aggregated rows (usage buckets): no per-call times or sizes. */
  bucket_requests: bigint;
  /** Aggregated rows (usage buckets), counted or not: their times are the bucket's start. */
  bucket_rows: bigint;
  chain_requests: bigint;
  /** The tightest deadline a rule set, minutes; null when none. */
  deadline_minutes: bigint | null;
  in_tok: bigint;
  cr_tok: bigint;
  cw5_tok: bigint;
  cw1h_tok: bigint;
  out_tok: bigint;
  now_pico: bigint;
  batch_pico: bigint | null;
  /** Null unless every call of the group has a flex-lane price. */
  flex_pico: bigint | null;
  /** What the cache reads would cost extra at batch rates if every one became uncached input. */
  cache_loss_pico: bigint | null;
  /** Output tokens per request over per-call rows: 95th percentile and maximum (null: only buckets). */
  out_p95: bigint | null;
  out_max: bigint | null;
  first_ts: string;
  last_ts: string;
  days_active: bigint;
  max_day_requests: bigint;
  busiest_hour: string;
  busiest_hour_requests: bigint;
  busiest_hour_input: bigint;
  busiest_hour_output: bigint;
  peak_minute_requests: bigint;
  peak_minute_input: bigint;
  /** Requests per UTC hour of day, 0..23. */
  hour_of_day: bigint[];
  /** Tokens (input of every kind and output) per UTC hour of day: the shape of a group whose rows count no requests. */
  hour_of_day_tokens: bigint[];
  /** Per cadence (same order as `cadences`): the busiest aligned window's requests, input tokens and estimated bytes, and windows with traffic. */
  windows: { hours: number; max_requests: bigint; max_input: bigint; max_bytes: bigint; windows: bigint }[];
};

// Text token kinds and the charges that are not text tokens (audio, image, web searches: src/pricing/charges.ts).
const rates = ['in', 'cr', 'cw5', 'cw1h', 'out', ...charges.map((c) => c.kind)] as const;
const cost = (prefix: string) => rates.map((r) => `CAST(${r}_tok AS HUGEINT) * ${prefix}_${r}`).join(' + ');

/** The scoped calls' period, as the audit computes it: first start to last end over every call. */
export async function selectPeriod(ws: Workspace, filter: SavingsFilter): Promise<{ first: bigint | null; last: bigint | null }> {
  const scope = scopeSql(filter);
  const [row] = await ws.all<{ first: bigint | null; last: bigint | null }>(
    `SELECT epoch(min(p.ts))::BIGINT AS first, epoch(max(coalesce(p.ended_at, p.ts)))::BIGINT AS last
     FROM label_keys k JOIN priced_calls p USING (call_key) ${scope.where}`,
    scope.params,
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}

export async function selectPlanGroups(ws: Workspace, filter: SavingsFilter): Promise<PlanGroupRow[]> {
  const scope = scopeSql(filter);
  // The pool, narrow, once: the audit's "batchable" calls (non-blocking, eligible, synchronous, with batch rates)
  // and the non-blocking synchronous calls whose provider's batch lane does not take them.
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE _plan_calls AS
     WITH s AS (
       SELECT o.workload, o.deadline_minutes, k.agent_chain, c.model, p.catalog_id, p.price_provider, c.provider AS source_provider,
         coalesce(c.operation, 'chat') AS operation, coalesce(c.granularity = 'bucket', false) AS bucket,
         -- A row that counts no requests adds none (uncounted): it is not one request.
         coalesce(p.requests, 0) AS req, p.requests IS NULL AS uncounted, epoch_us(p.ts) AS ts_us,
         ${rates.map((r) => `p.${r}_tok`).join(', ')},
         ${rates.map((r) => `p.bil_${r}, p.bat_${r}, p.flx_${r}`).join(', ')},
         CASE WHEN p.batch_eligible AND p.bat_in IS NOT NULL THEN 'batchable' ELSE 'cannot' END AS pool
       FROM label_keys k JOIN label_outcomes o USING (outcome) JOIN priced_calls p USING (call_key) JOIN calls c USING (call_key)
       ${scope.where === '' ? 'WHERE' : `${scope.where} AND`} o.label = 'non_blocking' AND coalesce(p.lane, 'standard') IN ('standard', 'priority')
         -- Calls of a model the catalog cannot price ride at their reported cost (price_basis 'reported'): their
         -- token columns hold that cost, not tokens, so they cannot size a batch plan.
         AND p.price_basis = 'catalog'
     )
     SELECT dense_rank() OVER (ORDER BY workload, pool, source_provider, price_provider, catalog_id, operation)::INTEGER AS gid, *,
       ts_us // 3600000000 AS hr
     FROM s`,
    scope.params,
  );
  const gkey = 'gid, workload, pool, source_provider, price_provider, catalog_id, operation';
  const rows = await ws.all<PlanGroupRow>(
    `WITH g AS (
       SELECT ${gkey}, mode(model) AS model,
         sum(req)::BIGINT AS requests,
         count(*) FILTER (WHERE uncounted)::BIGINT AS uncounted_rows,
         coalesce(sum(req) FILTER (WHERE bucket), 0)::BIGINT AS bucket_requests,
         count(*) FILTER (WHERE bucket)::BIGINT AS bucket_rows,
         coalesce(sum(req) FILTER (WHERE agent_chain), 0)::BIGINT AS chain_requests,
         min(deadline_minutes)::BIGINT AS deadline_minutes,
         sum(in_tok)::HUGEINT AS in_tok, sum(cr_tok)::HUGEINT AS cr_tok, sum(cw5_tok)::HUGEINT AS cw5_tok,
         sum(cw1h_tok)::HUGEINT AS cw1h_tok, sum(out_tok)::HUGEINT AS out_tok,
         sum(${cost('bil')})::HUGEINT AS now_pico,
         CASE WHEN bool_and(bat_in IS NOT NULL) THEN sum(${cost('bat')}) END::HUGEINT AS batch_pico,
         CASE WHEN bool_and(flx_in IS NOT NULL) THEN sum(${cost('flx')}) END::HUGEINT AS flex_pico,
         CASE WHEN bool_and(bat_in IS NOT NULL) THEN sum(CAST(cr_tok AS HUGEINT) * (bat_in - bat_cr)) END::HUGEINT AS cache_loss_pico,
         CAST(ceil(quantile_cont(out_tok, 0.95) FILTER (WHERE NOT bucket AND req = 1)) AS BIGINT) AS out_p95,
         (max(out_tok) FILTER (WHERE NOT bucket AND req = 1))::BIGINT AS out_max,
         strftime(make_timestamp(min(ts_us)), '%Y-%m-%dT%H:%M:%SZ') AS first_ts,
         strftime(make_timestamp(max(ts_us)), '%Y-%m-%dT%H:%M:%SZ') AS last_ts
       FROM _plan_calls GROUP BY ALL
     ), h AS (
       SELECT gid, hr, sum(req) AS n, sum(in_tok + cr_tok + cw5_tok + cw1h_tok) AS input, sum(out_tok) AS output,
         sum(in_tok + cr_tok + cw5_tok + cw1h_tok + out_tok) AS tokens,
         sum(req) * ${envelopeBytes} + sum(in_tok + cr_tok + cw5_tok + cw1h_tok) * ${bytesPerInputToken} AS bytes
       FROM _plan_calls GROUP BY gid, hr
     ), busiest AS (
       -- The busiest hour by requests (by input tokens where rows count no requests: n is 0 there); of equally
       -- busy hours, the first (arg_max would pick any: output must be stable).
       SELECT gid, hr, n::BIGINT AS n, input::BIGINT AS input, output::BIGINT AS output
       FROM h QUALIFY row_number() OVER (PARTITION BY gid ORDER BY n DESC, CASE WHEN n = 0 THEN input END DESC NULLS LAST, hr) = 1
     ), days AS (
       SELECT gid, count(*)::BIGINT AS days_active, max(n)::BIGINT AS max_day_requests
       FROM (SELECT gid, hr // 24 AS d, sum(n) AS n FROM h GROUP BY ALL) GROUP BY gid
     ), hod AS (
       SELECT gid, list(n ORDER BY hod) AS hour_of_day, list(tokens ORDER BY hod) AS hour_of_day_tokens
       FROM (SELECT g.gid, x.hod, coalesce(sum(h.n), 0)::BIGINT AS n, coalesce(sum(h.tokens), 0)::BIGINT AS tokens
             FROM (SELECT DISTINCT gid FROM h) g CROSS JOIN range(24) x(hod) LEFT JOIN h ON h.gid = g.gid AND h.hr % 24 = x.hod
             GROUP BY ALL)
       GROUP BY gid
     ), win AS (
       SELECT gid, list({'hours': c, 'max_requests': max_n, 'max_input': max_input, 'max_bytes': max_bytes, 'windows': windows} ORDER BY c) AS windows
       FROM (
         SELECT gid, c, max(n)::BIGINT AS max_n, max(input)::BIGINT AS max_input, max(bytes)::BIGINT AS max_bytes, count(*)::BIGINT AS windows
         FROM (SELECT h.gid, c.c, h.hr // c.c AS w, sum(h.n) AS n, sum(h.input) AS input, sum(h.bytes) AS bytes
               FROM h CROSS JOIN (SELECT unnest([${cadences.join(', ')}]) AS c) c GROUP BY ALL)
         GROUP BY gid, c)
       GROUP BY gid
     ), minute AS (
       SELECT gid, n::BIGINT AS peak_minute_requests, input::BIGINT AS peak_minute_input
       FROM (SELECT gid, ts_us // 60000000 AS m, sum(req) AS n, sum(in_tok + cr_tok + cw5_tok + cw1h_tok) AS input FROM _plan_calls GROUP BY ALL)
       QUALIFY row_number() OVER (PARTITION BY gid ORDER BY n DESC, input DESC, m) = 1
     )
     SELECT g.*, days.days_active, days.max_day_requests,
       strftime(make_timestamp(busiest.hr * 3600000000), '%Y-%m-%dT%H:00Z') AS busiest_hour,
       busiest.n AS busiest_hour_requests, busiest.input AS busiest_hour_input, busiest.output AS busiest_hour_output,
       minute.peak_minute_requests, minute.peak_minute_input, hod.hour_of_day, hod.hour_of_day_tokens, win.windows
     FROM g JOIN busiest USING (gid) JOIN days USING (gid) JOIN hod USING (gid) JOIN win USING (gid) JOIN minute USING (gid)
     ORDER BY g.gid`,
  );
  await ws.run('DROP TABLE _plan_calls');
  return rows;
}
