// The eval family's generator: each org of eval/orgs.ts becomes one or two datasets, each a set of input
// files plus a truth file. Per-call orgs are batchable-csv with truth by call id; the usage-API org is
// rendered three times as OpenAI usage-API buckets (JSONL, 1 m, 1 h and 1 d, grouped by key, project and model) with
// truth per bucket as the share of its spend that someone waits on (a bucket may mix workloads). The held-out and
// blind per-call orgs are also written as a LiteLLM SpendLogs JSONL and an OpenRouter CSV (eval/renderings.ts).
// Every dataset's spend uses the eval's own small price table.
// Everything is generated in DuckDB from a seeded hash: the same seed gives byte-identical files.
import { join } from 'node:path';
import { generateCorpus } from './corpus.ts';
import { sqlString, type EvalDb } from './db.ts';
import { familyMacros, workloadSql } from './kinds.ts';
import { formats, writeRendering, type Format } from './renderings.ts';
import { family, type FamilyOrg } from './orgs.ts';

export { family, type FamilyOrg } from './orgs.ts';
export const defaultSeed = 20261001;

/** USD per 1M tokens: input, cache read, output (list, standard lane; batch and flex are half). */
export const evalPricesSql = `(VALUES
  ('claude-sonnet-4-6', 3.00, 0.30, 15.00), ('claude-opus-4-7', 5.00, 0.50, 25.00), ('claude-haiku-4-5', 1.00, 0.10, 5.00),
  ('gpt-5.4', 2.50, 0.25, 15.00), ('gpt-5.4-mini', 0.25, 0.025, 2.00),
  ('text-embedding-3-small', 0.02, 0.02, 0), ('text-embedding-3-large', 0.13, 0.13, 0)) AS p(model, p_in, p_cr, p_out)`;

/** Spend of a row with token columns (input_tokens uncached) and a lane, joined with evalPricesSql as p. */
export const evalUsdSql = (t: string): string => `CAST((coalesce(${t}.input_tokens, 0) * p.p_in + coalesce(${t}.cache_read_tokens, 0) * p.p_cr
  + coalesce(${t}.output_tokens, 0) * p.p_out) / 1e6 * CASE WHEN ${t}.lane IN ('batch', 'flex') THEN 0.5 ELSE 1 END AS DECIMAL(18, 9))`;

/**
 * One dataset to ingest and score. truth 'calls': call_id, truth_label, truth_workload.
 * truth 'buckets': start_time (Unix s), api_key, project, model, operation, batch (completions only), blocking_share, truth_workload (the workloads in it).
 */
export type Dataset = {
  readonly name: string;
  readonly org: FamilyOrg;
  readonly files: readonly string[];
  readonly truth: string;
  readonly truthBy: 'calls' | 'buckets';
  readonly rows: number;
  /** Set when the calls are written as another export than batchable-csv (eval/renderings.ts). */
  readonly format?: Format;
  /** Bucket datasets: which usage report wrote them (Anthropic's counts no requests). */
  readonly report?: 'openai' | 'anthropic';
};

const columns = `call_id, ts, model, operation, lane, input_tokens, cache_read_tokens, output_tokens, streamed, ttft_ms, cancelled,
  latency_ms, api_key, api_key_name, project, user_id, session_id, trace_id, app, tags`;

/** The org's calls with truth, as temp table _org_calls. */
async function orgCalls(db: EvalDb, org: FamilyOrg): Promise<void> {
  const parts = org.workloads.map((w) => workloadSql(org, w));
  await db.run(`CREATE OR REPLACE TEMP TABLE _org_calls AS ${parts.join('\nUNION ALL BY NAME\n')}`);
}

async function count(db: EvalDb, sql: string): Promise<number> {
  const [row] = await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM (${sql})`);
  return Number(row?.n ?? 0n);
}

/** Writes the org's dataset(s) into `dir` (one sub-folder per dataset). */
export async function generateOrg(db: EvalDb, org: FamilyOrg, dir: string, seed = defaultSeed): Promise<Dataset[]> {
  if (org.rendering === 'corpus') {
    const files = await generateCorpus(db, dir, seed);
    return [{ name: org.id, org, files: [files.corpus], truth: files.truth, truthBy: 'calls', rows: files.rows }];
  }
  for (const sql of familyMacros(seed)) await db.run(sql);
  await orgCalls(db, org);
  const out: Dataset[] = [];
  if (org.rendering === 'calls') {
    const corpus = join(dir, `${org.id}.csv`);
    const truth = join(dir, `${org.id}.truth.csv`);
    await db.run(`COPY (SELECT ${columns} FROM _org_calls ORDER BY ts, call_id) TO ${sqlString(corpus)} (FORMAT CSV, HEADER true)`);
    await db.run(`COPY (SELECT call_id, truth_label, truth_workload FROM _org_calls ORDER BY call_id) TO ${sqlString(truth)} (FORMAT CSV, HEADER true)`);
    const rows = await count(db, 'SELECT * FROM _org_calls');
    out.push({ name: org.id, org, files: [corpus], truth, truthBy: 'calls', rows });
    // The real exports' renderings (not of the varied orgs: one seed's worth); the tune orgs' are where export-specific
    // behaviour may be tuned.
    if (org.varied !== true) {
      for (const format of formats) {
        const file = await writeRendering(db, format, dir, `${org.id}-${format}`, evalUsdSql('c'), evalPricesSql);
        out.push({ name: `${org.id}-${format}`, org, files: [file], truth, truthBy: 'calls', rows, format });
      }
    }
  }
  if (org.rendering === 'usage' || org.usageToo === true) out.push(...(await writeBuckets(db, org, dir, org.rendering === 'usage' ? org.id : `${org.id}-usage`, openaiUsage)));
  // The per-call orgs through Anthropic's report too (`<id>-anthropic-1m` / `-1h` / `-1d`): the same calls with tokens and no
  // request count, every chat model included (a report of one vendor's models would drop most of an org's calls; its
  // embeddings are left out, as Anthropic serves none), so that
  // how rows without request counts are read has tune orgs to be tuned on and held-out ones to be measured on.
  if (org.rendering === 'anthropic-usage' || org.usageToo === true) out.push(...(await writeBuckets(db, org, dir, org.rendering === 'anthropic-usage' ? org.id : `${org.id}-anthropic`, anthropicUsage)));
  await db.run('DROP TABLE _org_calls');
  return out;
}

/**
 * How one usage report writes _org_calls' buckets: the sums it groups (beside the bucket's start, key, project, model,
 * operation and batch flag), and its page select over `_org_buckets` for a bucket width of `seconds`.
 */
type BucketReport = { readonly name: 'openai' | 'anthropic'; readonly calls: string; readonly sums: string; readonly pages: (seconds: number) => string };

/**
 * OpenAI usage-API buckets, grouped by key, project and model. Cache reads are inside input_tokens there. Completions
 * are grouped by batch too, as `batchable pull openai` asks for them (the embeddings result has no batch field); the
 * completions result covers every non-embedding call (legacy completions too), read back as 'chat'.
 */
const openaiUsage: BucketReport = {
  name: 'openai',
  calls: 'true',
  sums: `sum(coalesce(c.input_tokens, 0) + coalesce(c.cache_read_tokens, 0))::BIGINT AS input_tokens, sum(coalesce(c.cache_read_tokens, 0))::BIGINT AS cached,
        sum(c.output_tokens)::BIGINT AS output_tokens, count(*)::BIGINT AS requests`,
  pages: (seconds) => `
      SELECT 'bucket' AS object, start_time, start_time + ${seconds} AS end_time,
        list({'object': CASE WHEN operation = 'embeddings' THEN 'organization.usage.embeddings.result' ELSE 'organization.usage.completions.result' END,
          'input_tokens': input_tokens, 'input_cached_tokens': CASE WHEN operation = 'embeddings' THEN NULL ELSE cached END,
          'output_tokens': CASE WHEN operation = 'embeddings' THEN NULL ELSE output_tokens END, 'num_model_requests': requests,
          'project_id': project, 'user_id': NULL::VARCHAR, 'api_key_id': api_key, 'model': model, 'batch': batch}
          ORDER BY api_key, project, model, operation, batch) AS results
      FROM _org_buckets GROUP BY start_time ORDER BY start_time`,
};

/**
 * The Anthropic Admin API usage report (`usage_report/messages`), grouped as `batchable pull anthropic` asks (model,
 * api_key_id, workspace_id, service_tier, context_window), one JSON page per bucket as the pull writes them
 * (fixtures/anthropic/usage-report-pages.jsonl): uncached input, cache reads and writes, output, and no request count,
 * which this report does not have. The key is the API key id, the project the workspace id; the Batch API's calls
 * are its batch service tier. Its calls are all chat (Claude), so the truth's operation is 'chat'.
 */
const iso = (t: string) => `strftime(to_timestamp(${t}) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')`;
const anthropicUsage: BucketReport = {
  name: 'anthropic',
  // Anthropic serves no embeddings: an org's embedding calls go to another vendor, and are not in this report.
  calls: `c.operation IS DISTINCT FROM 'embeddings'`,
  sums: `sum(coalesce(c.input_tokens, 0))::BIGINT AS uncached, sum(coalesce(c.cache_read_tokens, 0))::BIGINT AS cache_read,
        sum(coalesce(c.output_tokens, 0))::BIGINT AS output_tokens`,
  pages: (seconds) => `
      SELECT [{'starting_at': ${iso('start_time')}, 'ending_at': ${iso(`start_time + ${seconds}`)},
          'results': list({'api_key_id': api_key, 'workspace_id': project, 'model': model, 'service_tier': CASE WHEN batch THEN 'batch' ELSE 'standard' END,
            'context_window': '0-200k', 'uncached_input_tokens': uncached, 'cache_read_input_tokens': cache_read,
            'cache_creation': {'ephemeral_5m_input_tokens': 0, 'ephemeral_1h_input_tokens': 0}, 'output_tokens': output_tokens,
            'server_tool_use': {'web_search_requests': 0}} ORDER BY api_key, project, model, batch)}] AS data,
        false AS has_more, NULL::VARCHAR AS next_page
      FROM _org_buckets GROUP BY start_time ORDER BY start_time`,
};

/**
 * _org_calls as a usage report's buckets at 1 m, 1 h and 1 d (snapped to UTC minutes, hours and days, as the reports' are; both
 * reports offer all three widths, and minutes show a poller's bursts where an hour cannot: signals/minute-buckets.ts), with
 * the truth per bucket: the share of its spend that is blocking, and the workloads in it.
 */
async function writeBuckets(db: EvalDb, org: FamilyOrg, dir: string, name: string, report: BucketReport): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for (const [width, seconds] of [['1m', 60], ['1h', 3600], ['1d', 86400]] as const) {
    await db.run(`CREATE OR REPLACE TEMP TABLE _org_buckets AS
      SELECT (epoch(c.ts)::BIGINT // ${seconds}) * ${seconds} AS start_time, c.api_key, c.project, c.model,
        CASE WHEN c.operation = 'embeddings' THEN 'embeddings' ELSE 'chat' END AS operation,
        CASE WHEN c.operation = 'embeddings' THEN NULL ELSE coalesce(c.lane = 'batch', false) END AS batch,
        ${report.sums},
        coalesce(sum(${evalUsdSql('c')}) FILTER (WHERE c.truth_label = 'blocking'), 0)::DOUBLE / nullif(sum(${evalUsdSql('c')}), 0)::DOUBLE AS blocking_share,
        string_agg(DISTINCT c.truth_workload, ' + ' ORDER BY c.truth_workload) AS truth_workload
      FROM _org_calls c JOIN ${evalPricesSql} USING (model) WHERE ${report.calls} GROUP BY ALL`);
    const sub = `${name}-${width}`;
    const file = join(dir, `${sub}.jsonl`);
    const truth = join(dir, `${sub}.truth.csv`);
    await db.run(`COPY (${report.pages(seconds)}) TO ${sqlString(file)} (FORMAT JSON)`);
    await db.run(`COPY (SELECT start_time, api_key, project, model, operation, batch, blocking_share, truth_workload FROM _org_buckets
      ORDER BY ALL) TO ${sqlString(truth)} (FORMAT CSV, HEADER true)`);
    out.push({ name: sub, org, files: [file], truth, truthBy: 'buckets', rows: await count(db, 'SELECT * FROM _org_buckets'), report: report.name });
    await db.run('DROP TABLE _org_buckets');
  }
  return out;
}

/**
 * A held-out org rendered with the variation the classifier never saw in tuning (kinds.ts `varied`: people's
 * days move with the weekday, a trend and noise; jobs vary more in size, pace and start), plus its `mixed`
 * workloads (a script on the key, project and model people use). Generated from another seed, so even its
 * unchanged workloads are fresh draws.
 */
export const variedOrg = (org: FamilyOrg): FamilyOrg => ({
  ...org, id: `${org.id}-varied`, varied: true, story: `${org.story}; varied`, workloads: [...org.workloads, ...(org.mixed ?? [])],
});
export const variedSeedOffset = 1;

/** Whether an org is also drawn varied: held-out and blind orgs, and the tune orgs a fault showed on at their blind first run. */
export const drawsVaried = (org: FamilyOrg): boolean => org.role !== 'tune' || org.blindUntil !== undefined;

/** Every dataset of the family (or of the named orgs), written under `dir`; each org that drawsVaried also varied unless `varied` is false. */
export async function generateFamily(db: EvalDb, dir: string, seed = defaultSeed, only?: readonly string[], varied = true): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for (const org of family) {
    if (only !== undefined && !only.includes(org.id)) continue;
    out.push(...(await generateOrg(db, org, dir, seed)));
    if (varied && drawsVaried(org)) out.push(...(await generateOrg(db, variedOrg(org), dir, seed + variedSeedOffset)));
  }
  return out;
}
