// Org "pacific-saas" of the eval family (eval/family.ts), the first labelled corpus: a simulated month of one
// org's LLM traffic, generated in DuckDB SQL from a seeded hash (the same seed gives the same rows), written as batchable-csv with the truth kept beside it.
// The org works on Pacific time (UTC-7), so "2 a.m." is 09:00 UTC: a classifier assuming UTC office hours fails.
// Hard on purpose: untagged workloads, daytime background jobs, non-streamed interactive calls, a job that
// carries user ids, a tagged "report" that users wait on, and event-driven work with minute deadlines.
import { join } from 'node:path';
import { sqlString, type EvalDb } from './db.ts';

export type CorpusWorkload = { readonly name: string; readonly truth: 'blocking' | 'non_blocking'; readonly story: string; readonly sql: string };

/** Local midnight, 1 October 2026, in UTC; the month is 31 days. */
const monthStart = `TIMESTAMPTZ '2026-10-01 07:00:00+00'`;
const monthSeconds = 31 * 86400;
const inMonth = (u: string): string => `${monthStart} + (${u} * ${monthSeconds}) * INTERVAL 1 SECOND`;
/** Local time of a UTC timestamp, for the org's schedule. */
const local = (t: string): string => `(${t} - INTERVAL 7 HOUR)`;

const macros = (seed: number): string[] => [
  `CREATE OR REPLACE TEMP MACRO ur(key, k) AS (hash(key, k, ${Math.trunc(seed)}) % 1000000007)::DOUBLE / 1000000007.0`,
  `CREATE OR REPLACE TEMP MACRO ri(key, k, lo, hi) AS (lo + floor(ur(key, k) * (hi - lo + 1)))::BIGINT`,
  // Human activity by local hour and weekday: office hours, evenings, a little weekend.
  `CREATE OR REPLACE TEMP MACRO act(t) AS CASE
     WHEN isodow(${local('t')}) <= 5 THEN CASE
       WHEN hour(${local('t')}) BETWEEN 8 AND 17 THEN 1.0 WHEN hour(${local('t')}) BETWEEN 18 AND 21 THEN 0.35
       WHEN hour(${local('t')}) = 7 THEN 0.4 ELSE 0.03 END
     ELSE CASE WHEN hour(${local('t')}) BETWEEN 9 AND 20 THEN 0.15 ELSE 0.02 END END`,
  // Local days of the month (day 0 = 1 October) that are weekdays.
  `CREATE OR REPLACE TEMP MACRO local_day(d) AS ${monthStart} + d * INTERVAL 1 DAY`,
];

/** Human-shaped start times: uniform candidates kept with probability act(t). */
const humanStarts = (tag: string, candidates: number): string => `
  SELECT i, t0 FROM (SELECT i, ${inMonth(`ur('${tag}' || i, 1)`)} AS t0 FROM range(${candidates}) r(i)) WHERE ur('${tag}' || i, 2) < act(t0)`;

const columns = `call_id, ts, model, operation, lane, input_tokens, cache_read_tokens, output_tokens, streamed, ttft_ms, cancelled,
  latency_ms, api_key, api_key_name, project, user_id, session_id, trace_id, app, tags`;

export const corpusWorkloads: readonly CorpusWorkload[] = [
  {
    name: 'support chat', truth: 'blocking', story: 'streamed chat with sessions and users; 30% of calls untagged; 2% cancelled',
    sql: `WITH s AS (${humanStarts('chat', 9000)}),
      m AS (SELECT s.i, j, s.t0 + (j * 45 + ur('chat' || i || '.' || j, 3) * 40) * INTERVAL 1 SECOND AS ts
            FROM s, range(10) r(j) WHERE j < ri('chat' || i, 4, 2, 9))
      SELECT 'chat-' || i || '-' || j AS call_id, ts, 'claude-sonnet-4-6' AS model, 'chat' AS operation, NULL AS lane,
        ri('chat' || i || j, 5, 500, 2500) AS input_tokens, ri('chat' || i || j, 6, 0, 2000) AS cache_read_tokens,
        ri('chat' || i || j, 7, 150, 600) AS output_tokens, ur('chat' || i || j, 8) < 0.95 AS streamed,
        CASE WHEN ur('chat' || i || j, 8) < 0.95 THEN ri('chat' || i || j, 9, 250, 900) END AS ttft_ms,
        ur('chat' || i || j, 10) < 0.02 AS cancelled, ri('chat' || i || j, 11, 2000, 9000) AS latency_ms,
        'key_web' AS api_key, 'web-prod' AS api_key_name, 'proj_app' AS project, 'u' || ri('chat' || i, 12, 1, 900) AS user_id,
        'sess-chat-' || i AS session_id, NULL AS trace_id, NULL AS app,
        CASE WHEN ur('chat' || i, 13) < 0.7 THEN '{"feature":"support-chat"}' END AS tags
      FROM m`,
  },
  {
    name: 'crm assistant', truth: 'blocking', story: 'non-streamed, untagged: only user ids with think-time gaps say a human waits',
    sql: `WITH s AS (${humanStarts('crm', 5000)}),
      m AS (SELECT s.i, j, s.t0 + (j * 70 + ur('crm' || i || '.' || j, 3) * 60) * INTERVAL 1 SECOND AS ts
            FROM s, range(8) r(j) WHERE j < ri('crm' || i, 4, 2, 7))
      SELECT 'crm-' || i || '-' || j AS call_id, ts, 'gpt-5.4' AS model, 'chat' AS operation, NULL AS lane,
        ri('crm' || i || j, 5, 1200, 3500) AS input_tokens, NULL AS cache_read_tokens, ri('crm' || i || j, 7, 200, 700) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('crm' || i || j, 11, 3000, 12000) AS latency_ms,
        'key_crm' AS api_key, 'crm-backend' AS api_key_name, 'proj_crm' AS project, 'crm-user-' || ri('crm' || i, 12, 1, 400) AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'autocomplete', truth: 'blocking', story: 'tagged, tiny calls a few seconds apart while someone types',
    sql: `WITH s AS (${humanStarts('ac', 4000)}),
      m AS (SELECT s.i, j, s.t0 + (j * 5 + ur('ac' || i || '.' || j, 3) * 4) * INTERVAL 1 SECOND AS ts
            FROM s, range(20) r(j) WHERE j < ri('ac' || i, 4, 5, 19))
      SELECT 'ac-' || i || '-' || j AS call_id, ts, 'gpt-5.4-mini' AS model, 'completions' AS operation, NULL AS lane,
        ri('ac' || i || j, 5, 300, 900) AS input_tokens, NULL AS cache_read_tokens, ri('ac' || i || j, 7, 8, 40) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('ac' || i || j, 11, 150, 400) AS latency_ms,
        'key_ide' AS api_key, 'ide-plugin' AS api_key_name, 'proj_ide' AS project, 'dev-' || ri('ac' || i, 12, 1, 300) AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, '{"feature":"autocomplete"}' AS tags
      FROM m`,
  },
  {
    name: 'agent loops', truth: 'blocking', story: 'untagged, non-streamed multi-step agent: steps chained within a trace, ms apart',
    sql: `WITH s AS (${humanStarts('ag', 7000)}),
      steps AS (SELECT s.i, j, ri('ag' || i || '.' || j, 5, 2000, 6000) AS lat, ri('ag' || i || '.' || j, 6, 150, 700) AS gap
                FROM s, range(8) r(j) WHERE j < ri('ag' || i, 4, 3, 8)),
      m AS (SELECT steps.*, s.t0 + (sum(lat + gap) OVER (PARTITION BY steps.i ORDER BY j) - lat - gap) * INTERVAL 1 MILLISECOND AS ts
            FROM steps JOIN s USING (i))
      SELECT 'ag-' || i || '-' || j AS call_id, ts, 'claude-sonnet-4-6' AS model, 'chat' AS operation, NULL AS lane,
        3000 + j * 1500 + ri('ag' || i || j, 7, 0, 1500) AS input_tokens, j * 2500 AS cache_read_tokens, ri('ag' || i || j, 8, 80, 500) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, lat AS latency_ms,
        'key_agent' AS api_key, 'agent-svc' AS api_key_name, 'proj_agent' AS project,
        CASE WHEN ur('ag' || i, 9) < 0.5 THEN 'u' || ri('ag' || i, 12, 1, 900) END AS user_id,
        NULL AS session_id, 'trace-' || i AS trace_id, NULL AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'query embeddings', truth: 'blocking', story: 'untagged search-box embeddings: short inputs, no user id',
    sql: `WITH s AS (${humanStarts('qe', 50000)})
      SELECT 'qe-' || i AS call_id, t0 AS ts, 'text-embedding-3-small' AS model, 'embeddings' AS operation, NULL AS lane,
        ri('qe' || i, 5, 6, 60) AS input_tokens, NULL AS cache_read_tokens, 0 AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('qe' || i, 11, 40, 200) AS latency_ms,
        'key_search' AS api_key, 'search-api' AS api_key_name, 'proj_search' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM s`,
  },
  {
    name: 'ticket router', truth: 'blocking', story: 'event-driven, untagged, no user, not streamed: routes each new ticket within minutes (deadline < 1 h)',
    sql: `WITH s AS (${humanStarts('tr', 30000)})
      SELECT 'tr-' || i AS call_id, t0 AS ts, 'gpt-5.4-mini' AS model, 'chat' AS operation, NULL AS lane,
        ri('tr' || i, 5, 800, 2500) AS input_tokens, NULL AS cache_read_tokens, ri('tr' || i, 7, 20, 80) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('tr' || i, 11, 800, 2500) AS latency_ms,
        'key_hooks' AS api_key, 'support-webhooks' AS api_key_name, 'proj_support' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM s`,
  },
  {
    name: 'report builder', truth: 'blocking', story: 'tagged "report" but users click Generate and wait (non-streamed)',
    sql: `WITH s AS (${humanStarts('rb', 4000)}),
      m AS (SELECT s.i, j, s.t0 + (j * 240 + ur('rb' || i || '.' || j, 3) * 200) * INTERVAL 1 SECOND AS ts
            FROM s, range(4) r(j) WHERE j < ri('rb' || i, 4, 1, 4))
      SELECT 'rb-' || i || '-' || j AS call_id, ts, 'gpt-5.4' AS model, 'chat' AS operation, NULL AS lane,
        ri('rb' || i || j, 5, 4000, 9000) AS input_tokens, NULL AS cache_read_tokens, ri('rb' || i || j, 7, 600, 1500) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('rb' || i || j, 11, 8000, 20000) AS latency_ms,
        'key_web' AS api_key, 'web-prod' AS api_key_name, 'proj_app' AS project, 'u' || ri('rb' || i, 12, 1, 900) AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, '{"feature":"report-builder"}' AS tags
      FROM m`,
  },
  {
    name: 'nightly digest', truth: 'non_blocking', story: 'tagged job at 02:00 local (09:00 UTC) in a tight loop; carries recipient user ids',
    sql: `WITH m AS (SELECT d, k, local_day(d) + INTERVAL 2 HOUR + (k * 1.1 + ur('nd' || d || '.' || k, 3)) * INTERVAL 1 SECOND AS ts
                   FROM range(31) a(d), range(700) b(k))
      SELECT 'nd-' || d || '-' || k AS call_id, ts, 'gpt-5.4' AS model, 'chat' AS operation, NULL AS lane,
        ri('nd' || d || k, 5, 3000, 6000) AS input_tokens, NULL AS cache_read_tokens, ri('nd' || d || k, 7, 400, 900) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('nd' || d || k, 11, 4000, 9000) AS latency_ms,
        'key_etl' AS api_key, 'etl-runner' AS api_key_name, 'proj_jobs' AS project, 'u' || (k + 1) AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, '{"job":"nightly-digest"}' AS tags
      FROM m`,
  },
  {
    name: 'embedding backfill', truth: 'non_blocking', story: 'untagged, in office hours on 4 weekdays: bulk documents in a tight loop',
    sql: `WITH m AS (SELECT d, k, local_day(d) + INTERVAL 10 HOUR + (k * 0.8 + ur('bf' || d || '.' || k, 3) * 0.5) * INTERVAL 1 SECOND AS ts
                   FROM (VALUES (12), (13), (14), (15)) a(d), range(4000) b(k))
      SELECT 'bf-' || d || '-' || k AS call_id, ts, 'text-embedding-3-large' AS model, 'embeddings' AS operation, NULL AS lane,
        ri('bf' || d || k, 5, 5000, 8000) AS input_tokens, NULL AS cache_read_tokens, 0 AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('bf' || d || k, 11, 300, 900) AS latency_ms,
        'key_data' AS api_key, 'data-platform' AS api_key_name, 'proj_data' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'eval runs', truth: 'non_blocking', story: 'weekday afternoons (in office hours), only the app name says eval',
    sql: `WITH days AS (SELECT d FROM range(31) a(d) WHERE isodow(local_day(d)) <= 5),
      m AS (SELECT d, k, local_day(d) + INTERVAL 15 HOUR + (k * 1.4 + ur('ev' || d || '.' || k, 3)) * INTERVAL 1 SECOND AS ts
            FROM days, range(500) b(k))
      SELECT 'ev-' || d || '-' || k AS call_id, ts, 'claude-opus-4-7' AS model, 'chat' AS operation, NULL AS lane,
        ri('ev' || d || k, 5, 2000, 6000) AS input_tokens, NULL AS cache_read_tokens, ri('ev' || d || k, 7, 300, 1200) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('ev' || d || k, 11, 5000, 15000) AS latency_ms,
        'key_ml' AS api_key, 'ml-research' AS api_key_name, 'proj_ml' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, 'eval-harness' AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'enrichment worker', truth: 'non_blocking', story: 'untagged queue worker at a steady rate around the clock',
    sql: `WITH m AS (SELECT k, ${monthStart} + (k * 90 + ur('qw' || k, 3) * 30) * INTERVAL 1 SECOND AS ts FROM range(${Math.floor(monthSeconds / 90)}) b(k))
      SELECT 'qw-' || k AS call_id, ts, 'gpt-5.4-mini' AS model, 'chat' AS operation, NULL AS lane,
        ri('qw' || k, 5, 1500, 4000) AS input_tokens, NULL AS cache_read_tokens, ri('qw' || k, 7, 100, 300) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('qw' || k, 11, 1500, 4000) AS latency_ms,
        'key_crm_worker' AS api_key, 'crm-queue' AS api_key_name, 'proj_crm' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'finance report', truth: 'non_blocking', story: 'untagged daily job at 13:00 local on weekdays, in the middle of office hours',
    sql: `WITH days AS (SELECT d FROM range(31) a(d) WHERE isodow(local_day(d)) <= 5),
      m AS (SELECT d, k, local_day(d) + INTERVAL 13 HOUR + (k * 1.5 + ur('fr' || d || '.' || k, 3) * 0.4) * INTERVAL 1 SECOND AS ts
            FROM days, range(400) b(k))
      SELECT 'fr-' || d || '-' || k AS call_id, ts, 'gpt-5.4' AS model, 'chat' AS operation, NULL AS lane,
        ri('fr' || d || k, 5, 5000, 12000) AS input_tokens, NULL AS cache_read_tokens, ri('fr' || d || k, 7, 500, 1500) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('fr' || d || k, 11, 6000, 15000) AS latency_ms,
        'key_fin' AS api_key, 'fin-analytics' AS api_key_name, 'proj_finance' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'weekly summary', truth: 'non_blocking', story: 'untagged, low volume, Monday 09:30 local at a leisurely pace: looks like office traffic',
    sql: `WITH days AS (SELECT d FROM range(31) a(d) WHERE isodow(local_day(d)) = 1),
      m AS (SELECT d, k, local_day(d) + INTERVAL 570 MINUTE + (k * 30 + ur('ws' || d || '.' || k, 3) * 20) * INTERVAL 1 SECOND AS ts
            FROM days, range(60) b(k))
      SELECT 'ws-' || d || '-' || k AS call_id, ts, 'gpt-5.4' AS model, 'chat' AS operation, NULL AS lane,
        ri('ws' || d || k, 5, 3000, 8000) AS input_tokens, NULL AS cache_read_tokens, ri('ws' || d || k, 7, 300, 900) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, ri('ws' || d || k, 11, 5000, 12000) AS latency_ms,
        'key_ops' AS api_key, 'ops-bot' AS api_key_name, 'proj_ops' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, NULL AS tags
      FROM m`,
  },
  {
    name: 'streamed summariser', truth: 'non_blocking', story: 'a nightly job whose SDK streams by default: streaming says someone watches, wrongly',
    sql: `WITH m AS (SELECT d, k, local_day(d) + INTERVAL 3 HOUR + (k * 2.5 + ur('ss' || d || '.' || k, 3)) * INTERVAL 1 SECOND AS ts
                   FROM range(31) a(d), range(300) b(k))
      SELECT 'ss-' || d || '-' || k AS call_id, ts, 'gpt-5.4-mini' AS model, 'chat' AS operation, NULL AS lane,
        ri('ss' || d || k, 5, 2000, 4000) AS input_tokens, NULL AS cache_read_tokens, ri('ss' || d || k, 7, 300, 600) AS output_tokens,
        true AS streamed, ri('ss' || d || k, 9, 300, 800) AS ttft_ms, NULL AS cancelled, ri('ss' || d || k, 11, 2000, 5000) AS latency_ms,
        'key_docs' AS api_key, 'docs-pipeline' AS api_key_name, 'proj_docs' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, '{"job":"doc-summarise"}' AS tags
      FROM m`,
  },
  {
    name: 'batched classification', truth: 'non_blocking', story: 'already on the batch lane',
    sql: `WITH m AS (SELECT k, ${inMonth("ur('bt' || k, 1)")} AS ts FROM range(15000) b(k))
      SELECT 'bt-' || k AS call_id, ts, 'gpt-5.4' AS model, 'chat' AS operation, 'batch' AS lane,
        ri('bt' || k, 5, 1000, 3000) AS input_tokens, NULL AS cache_read_tokens, ri('bt' || k, 7, 50, 200) AS output_tokens,
        false AS streamed, NULL AS ttft_ms, NULL AS cancelled, NULL AS latency_ms,
        'key_etl' AS api_key, 'etl-runner' AS api_key_name, 'proj_jobs' AS project, NULL AS user_id,
        NULL AS session_id, NULL AS trace_id, NULL AS app, '{"job":"ticket-classify"}' AS tags
      FROM m`,
  },
];

export type CorpusFiles = { readonly corpus: string; readonly truth: string; readonly rows: number };

/** Writes `corpus.csv` (batchable-csv) and `truth.csv` (call_id, truth_label, truth_workload) into `dir`. */
export async function generateCorpus(ws: EvalDb, dir: string, seed = 20261001): Promise<CorpusFiles> {
  for (const sql of macros(seed)) await ws.run(sql);
  const parts = corpusWorkloads.map((w) => `SELECT ${columns}, ${sqlString(w.truth)} AS truth_label, ${sqlString(w.name)} AS truth_workload FROM (${w.sql})`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _corpus AS ${parts.join('\nUNION ALL BY NAME\n')}`);
  const corpus = join(dir, 'corpus.csv');
  const truth = join(dir, 'truth.csv');
  await ws.run(`COPY (SELECT ${columns} FROM _corpus ORDER BY ts, call_id) TO ${sqlString(corpus)} (FORMAT CSV, HEADER true)`);
  await ws.run(`COPY (SELECT call_id, truth_label, truth_workload FROM _corpus ORDER BY call_id) TO ${sqlString(truth)} (FORMAT CSV, HEADER true)`);
  const [count] = await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _corpus');
  await ws.run('DROP TABLE _corpus');
  return { corpus, truth, rows: Number(count?.n ?? 0n) };
}
