// `batchable plan` end to end: job counts at the documented per-batch limits (exactly at a limit, one over) for
// each provider, routes (Bedrock, Vertex, DeepSeek), deadlines and the flex alternative, templates that parse as
// the target's batch input format, the JSON contract, and the bundled month as a table and a checklist.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { targets } from '../../src/plan/limits.ts';
import { fixture, runCli } from '../helpers/cli.ts';

const limits = fixture('plan/limits.csv');
const rules = fixture('plan/rules.yaml');
const month = fixture('example-month/larkspur-2026-10.csv.gz');
const monthRules = fixture('example-month/rules.yaml');

type Entry = {
  workload: string;
  target: string;
  model: string;
  operation: string;
  requests: number | null;
  uncounted_rows: number;
  per_day: { requests: number | null; input_tokens: number };
  busiest_hour: { at: string; requests: number | null; input_tokens: number };
  max_output_tokens: { suggested: number | null; observed_max: number | null; p95: number | null };
  deadline_minutes: number | null;
  schedule: { cadence_hours: number | null; submit_at_utc: string[]; jobs_per_submission: number | null; jobs_per_day: number | null; limited_by: string | null; busiest_submission: { requests: number | null; input_tokens?: number; bytes: number } | null };
  money: { current_usd: number; target_usd: number; savings_usd: number; monthly_savings_usd: number | null; after_fixed_cost_usd: number };
  template: { request_line: string; result_line: string; id_scheme: string };
  risks: string[];
};
type PlanDoc = {
  schema_version: number;
  command: string;
  period: { since: string; until: string; days: number };
  assumptions: { min_saving_usd: number; limits_checked_on: string };
  totals: { workloads: number; savings_usd: number; monthly_savings_usd: number | null; after_fixed_cost_usd: number; jobs_per_day: number };
  workloads: Entry[];
  not_moved: { workload: string; reason: string; savings_usd: number }[];
  limits: { target: string; max_requests_per_job: number | null; max_bytes_per_job: number | null; sources: string[] }[];
};

// The bundled month is ingested once into a file workspace; each run then labels, prices and plans (about 1 s).
const monthDb = join(mkdtempSync(join(tmpdir(), 'batchable-plan-')), 'month.duckdb');
beforeAll(async () => {
  expect((await runCli(['ingest', month, '--db', monthDb])).code).toBe(0);
}, 30_000);

const planJson = async (...args: string[]): Promise<PlanDoc> => {
  const db = args.includes(month) ? monthDb : ':memory:';
  const r = await runCli(['plan', ...args.filter((a) => a !== month), '--db', db, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as PlanDoc;
};

let cached: Promise<PlanDoc> | undefined;
const limitPlan = () => (cached ??= planJson(limits, '--rules', rules, '--min-saving', '0'));
const entry = async (workload: string): Promise<Entry> => {
  const e = (await limitPlan()).workloads.find((w) => w.workload === workload);
  if (e === undefined) throw new Error(`no plan entry for ${workload}`);
  return e;
};

describe('plan: jobs per submission at the documented limits', () => {
  it.each([
    // OpenAI Batch API: 50,000 requests, 200 MB per input file.
    ['oa-requests-at', 'openai-batch', 1, 'none'],
    ['oa-requests-over', 'openai-batch', 2, 'requests'],
    ['oa-bytes-at', 'openai-batch', 1, 'none'],
    ['oa-bytes-over', 'openai-batch', 2, 'bytes'],
    // Anthropic Message Batches: 100,000 requests or 256 MB.
    ['an-requests-at', 'anthropic-message-batches', 1, 'none'],
    ['an-requests-over', 'anthropic-message-batches', 2, 'requests'],
    ['an-bytes-at', 'anthropic-message-batches', 1, 'none'],
    ['an-bytes-over', 'anthropic-message-batches', 2, 'bytes'],
    // Gemini Batch API: 2 GB input file; no request count limit published.
    ['gm-bytes-at', 'gemini-batch', 1, 'none'],
    ['gm-bytes-over', 'gemini-batch', 2, 'bytes'],
    // OpenAI embeddings: 50,000 requests (and 50,000 embedding inputs) per batch.
    ['oa-embed', 'openai-batch', 2, 'requests'],
  ])('%s -> %s: %i job(s) a submission (%s)', async (workload, target, jobs, limitedBy) => {
    const e = await entry(workload);
    expect(e.target).toBe(target);
    expect(e.schedule.jobs_per_submission).toBe(jobs);
    expect(e.schedule.limited_by).toBe(limitedBy);
    expect(e.schedule.cadence_hours).toBe(24); // one scheduled run a day
    expect(e.schedule.jobs_per_day).toBe(jobs);
  });

  it('sizes files as 400 bytes + 4 bytes per input token a request: exactly 200 MB is one OpenAI job, 4 bytes more is two', async () => {
    expect((await entry('oa-bytes-at')).schedule.busiest_submission).toEqual({ requests: 1000, input_tokens: 52_328_800, bytes: 200 * 1024 * 1024 });
    expect((await entry('oa-bytes-over')).schedule.busiest_submission?.bytes).toBe(200 * 1024 * 1024 + 4);
    expect((await entry('an-bytes-at')).schedule.busiest_submission?.bytes).toBe(256 * 1024 * 1024);
    expect((await entry('gm-bytes-at')).schedule.busiest_submission?.bytes).toBe(2 * 1024 * 1024 * 1024);
  });

  it('reads every limit from the one sourced table, and says where each came from', async () => {
    const doc = await limitPlan();
    const openai = doc.limits.find((l) => l.target === 'openai-batch');
    expect(openai).toMatchObject({ max_requests_per_job: targets['openai-batch'].maxRequestsPerJob.value, max_bytes_per_job: 200 * 1024 * 1024 });
    for (const l of doc.limits) {
      expect(l.sources.length).toBeGreaterThan(0);
      for (const s of l.sources) expect(s).toMatch(/^https:\/\//);
    }
    expect(doc.assumptions.limits_checked_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('plan: where each provider route goes', () => {
  it('Bedrock and Vertex routes go to their own batch services; DeepSeek is listed as not moved, with the reason', async () => {
    expect((await entry('bedrock-digest')).target).toBe('bedrock-batch-inference');
    expect((await entry('vertex-digest')).target).toBe('vertex-batch-prediction');
    const deepseek = (await limitPlan()).not_moved.find((s) => s.workload === 'deepseek-digest');
    expect(deepseek?.reason).toContain('DeepSeek documents no batch endpoint');
    expect(deepseek?.savings_usd).toBe(0);
    // Providers that publish no per-job request limit: jobs are counted by size, and the plan says so.
    expect((await entry('bedrock-digest')).risks.some((r) => r.includes('account quotas'))).toBe(true);
  });
});

describe('plan: deadlines and the flex alternative', () => {
  it('a 4 h deadline on OpenAI goes to flex processing: no jobs, priced at the flex rates', async () => {
    const e = await entry('flex-report');
    expect(e.target).toBe('openai-flex');
    expect(e.deadline_minutes).toBe(240);
    expect(e.schedule).toMatchObject({ cadence_hours: null, jobs_per_day: null, submit_at_utc: [] });
    expect(JSON.parse(e.template.request_line)).toMatchObject({ model: 'gpt-5.4', service_tier: 'flex' });
    // gpt-5.4 at $2.50 / $15 per MTok: 2 x (4M in + 0.4M out) = $32.00 now, $16.00 at flex (batch) rates.
    expect(e.money).toMatchObject({ current_usd: 32, target_usd: 16, savings_usd: 16 });
  });

  it('a 4 h deadline where no flex lane exists stays on batch, with the risk said', async () => {
    const e = await entry('an-deadline');
    expect(e.target).toBe('anthropic-message-batches');
    expect(e.risks.some((r) => r.startsWith('deadline 4 h (rule) is under the 24 h window'))).toBe(true);
  });

  it('a 4 h deadline on an OpenAI model without a published flex price stays on batch, and says why', async () => {
    const e = await entry('oa-deadline-noflex');
    expect(e.target).toBe('openai-batch');
    expect(e.risks).toContain('flex processing is not an option here: the catalog publishes no flex price for gpt-4.1 (chat)');
  });

  it('a 36 h deadline on work spread over the day: submit every 12 h (36 h - the 24 h window)', async () => {
    const e = await entry('oa-36h');
    expect(e.schedule.cadence_hours).toBe(12);
    expect(e.schedule.submit_at_utc).toEqual(['00:05', '12:05']);
    // Two 12 h windows a day, each with 4 of the day's 8 buckets of 1,000 requests: one job each.
    expect(e.schedule).toMatchObject({ jobs_per_submission: 1, jobs_per_day: 2, busiest_submission: { requests: 4000 } });
  });

  it("usage rows that count no requests (as Anthropic's usage report): requests unknown, not one a row; jobs sized by tokens", async () => {
    // Two hourly rows of 60M and 50M input tokens with no request count: the old plan said "2 requests" and put a
    // max_tokens of twice the output per "request" (2,000,000) in the request line.
    const e = await entry('an-uncounted');
    expect(e.target).toBe('anthropic-message-batches');
    expect(e).toMatchObject({ requests: null, uncounted_rows: 2, per_day: { requests: null, input_tokens: 55_000_000 } });
    expect(e.busiest_hour).toMatchObject({ at: '2026-10-01T02:00Z', requests: null, input_tokens: 60_000_000 });
    // 4 bytes per input token, no envelope for the requests nobody counted: 240 MB, under the 256 MB limit (a floor).
    expect(e.schedule).toMatchObject({ cadence_hours: 24, submit_at_utc: ['02:00'], jobs_per_submission: 1, limited_by: 'none' });
    expect(e.schedule.busiest_submission).toEqual({ requests: null, input_tokens: 60_000_000, bytes: 240_000_000 });
    expect(e.max_output_tokens).toEqual({ suggested: null, observed_max: null, p95: null });
    expect(JSON.parse(e.template.request_line)).toMatchObject({ params: { model: 'claude-sonnet-4-6', max_tokens: 4096 } });
    expect(e.risks.some((r) => r.startsWith('request count unknown: 2 usage row(s) count no requests') && r.includes('4,096 tokens is a placeholder'))).toBe(true);
    expect(e.risks.some((r) => r.includes('60,000,000 input tokens in the busiest hour'))).toBe(true);
  });

  it('says so in the table and the checklist: no request count where the rows show none', async () => {
    const args = ['plan', limits, '--rules', rules, '--min-saving', '0', '--db', ':memory:', '--workload', 'an-uncounted', '--wide'];
    const table = await runCli(args);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Volume: 55.0M input and 950k output tokens a day on 2 days; requests not counted (2 usage rows count none); busiest hour 2026-10-01T02:00Z: 60.0M input tokens');
    expect(table.stdout).toContain('(busiest submission: at least ~228.9 MB, requests not counted, within every limit)');
    expect(table.stdout).toContain("max output unknown (4096 tokens in the line is a placeholder: set your calls' own)");
    const md = await runCli([...args, '--format', 'markdown']);
    expect(md.stdout).toContain('55,000,000 input tokens a day on claude-sonnet-4-6 (chat), requests not counted (2 usage rows count none)');
    expect(md.stdout).not.toMatch(/\b2 requests\b/);
  });

  it('warns that a chained loop waits up to a window per step', async () => {
    const e = await entry('chained-enrich');
    expect(e.risks.some((r) => r.includes('steps of a chained loop'))).toBe(true);
  });
});

// The target APIs' batch input line formats, from the pages cited in src/plan/limits.ts.
const openaiLine = z.object({
  custom_id: z.string().min(1),
  method: z.literal('POST'),
  url: z.enum(['/v1/chat/completions', '/v1/responses', '/v1/embeddings', '/v1/completions']),
  body: z.object({ model: z.string().min(1) }).passthrough(),
}).strict();
const anthropicLine = z.object({
  custom_id: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
  params: z.object({ model: z.string().min(1), max_tokens: z.number().int().min(1), messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).min(1) }),
}).strict();
const geminiLine = z.object({
  key: z.string().min(1),
  request: z.union([
    z.object({ contents: z.array(z.object({ role: z.string(), parts: z.array(z.object({ text: z.string() })) })).min(1), generationConfig: z.object({ maxOutputTokens: z.number().int().min(1) }) }),
    z.object({ model: z.string(), content: z.object({ parts: z.array(z.object({ text: z.string() })) }) }),
  ]),
}).strict();
const vertexLine = z.object({ request: z.object({ contents: z.array(z.unknown()).min(1), generationConfig: z.object({ maxOutputTokens: z.number().int() }) }).passthrough() }).strict();
const bedrockLine = z.object({ recordId: z.string().regex(/^[A-Za-z0-9]{11}$/), modelInput: z.object({ anthropic_version: z.literal('bedrock-2023-05-31'), max_tokens: z.number().int().min(1), messages: z.array(z.unknown()).min(1) }) }).strict();
const flexBody = z.object({ model: z.string().min(1), service_tier: z.literal('flex') }).passthrough();

const formats: Record<string, z.ZodType> = {
  'openai-batch': openaiLine,
  'anthropic-message-batches': anthropicLine,
  'gemini-batch': geminiLine,
  'vertex-batch-prediction': vertexLine,
  'bedrock-batch-inference': bedrockLine,
  'openai-flex': flexBody,
};

describe('plan: request and result lines', () => {
  it('every template parses as its target API batch input format, and its result line carries the same id', async () => {
    const doc = await limitPlan();
    const seen = new Set<string>();
    for (const e of doc.workloads) {
      const request = JSON.parse(e.template.request_line) as Record<string, unknown>;
      const schema = formats[e.target];
      expect(schema, e.target).toBeDefined();
      const parsed = schema?.safeParse(request);
      expect(parsed?.success, `${e.workload}: ${JSON.stringify(parsed?.error?.issues)}`).toBe(true);
      const result = JSON.parse(e.template.result_line) as Record<string, unknown>;
      for (const key of ['custom_id', 'key', 'recordId'] as const) if (key in request) expect(result[key]).toBe(request[key]);
      seen.add(e.target);
    }
    expect([...seen].sort()).toEqual(Object.keys(formats).sort());
  });

  it('sizes max output from the largest output seen, and keeps the model name the calls used', async () => {
    const e = await entry('chained-enrich');
    const line = openaiLine.parse(JSON.parse(e.template.request_line));
    expect(line.body).toMatchObject({ model: 'gpt-5.4', max_completion_tokens: 20_224 }); // 20,000 rounded up to a multiple of 256
    expect(line.custom_id).toBe('chained-enrich-20261001-000001');
    expect(e.template.id_scheme).toBe('chained-enrich-{date}-{seq}');
  });
});

describe('plan: the JSON contract and the audit it comes from', () => {
  it('has the documented shape; totals add up; money has at most 6 decimals', async () => {
    const doc = await limitPlan();
    expect(Object.keys(doc)).toEqual(['schema_version', 'command', 'period', 'assumptions', 'totals', 'workloads', 'not_moved', 'limits']);
    expect(doc.schema_version).toBe(2);
    expect(doc.command).toBe('plan');
    const sum = doc.workloads.reduce((s, w) => s + Math.round(w.money.savings_usd * 1e6), 0);
    expect(Math.round(doc.totals.savings_usd * 1e6)).toBe(sum);
    expect(doc.totals.workloads).toBe(doc.workloads.length);
    for (const w of doc.workloads) expect(Number.isInteger(Math.round(w.money.savings_usd * 1e6))).toBe(true);
  });

  it('on the bundled month: each workload saves what audit counts for it, so the plan never exceeds the audit', async () => {
    const plan = await planJson(month, '--rules', monthRules);
    const audit = JSON.parse((await runCli(['audit', '--rules', monthRules, '--db', monthDb, '--format', 'json'])).stdout) as { totals: { savings_usd: number }; workloads: { name: string; savings_usd: number }[] };
    expect(plan.workloads.map((w) => [w.workload, w.target])).toEqual([
      ['nightly-digest', 'anthropic-message-batches'],
      ['sla-triage-report', 'openai-flex'],
      ['weekly-eval', 'openai-batch'],
      ['churn-signals', 'gemini-batch'],
      ['catalog-enrichment', 'openai-batch'],
    ]);
    for (const w of plan.workloads) expect(w.money.savings_usd).toBe(audit.workloads.find((a) => a.name === w.workload)?.savings_usd);
    expect(plan.totals.savings_usd).toBeLessThanOrEqual(audit.totals.savings_usd);
    // The two low-volume workloads are listed, not planned: their saving is under the $10 fixed cost.
    expect(plan.not_moved.map((s) => s.workload)).toEqual(['kb-embed-backfill', 'invoice-notes-etl']);
    // After the fixed cost: each workload's 30-day saving less $10, summed.
    const after = plan.workloads.reduce((s, w) => s + Math.round(((w.money.monthly_savings_usd ?? 0) - 10) * 1e6), 0);
    expect(Math.round(plan.totals.after_fixed_cost_usd * 1e6)).toBe(after);
  });

  it('--min-saving is the fixed cost: raising it drops workloads from the plan', async () => {
    const plan = await planJson(month, '--rules', monthRules, '--min-saving', '50');
    expect(plan.workloads.map((w) => w.workload)).toEqual(['nightly-digest', 'sla-triage-report', 'weekly-eval']);
  });
});

describe('plan: output forms', () => {
  it('table at COLUMNS=80, on the bundled month', async () => {
    const table = await runCli(['plan', '--rules', monthRules, '--db', monthDb], 80);
    expect(table.code).toBe(0);
    await expect(table.stdout).toMatchFileSnapshot('./__snapshots__/plan-month.cols80.txt');
    for (const line of table.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l))) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('markdown: a checklist to paste into a ticket, on the bundled month', async () => {
    const md = await runCli(['plan', '--rules', monthRules, '--db', monthDb, '--format', 'markdown']);
    await expect(md.stdout).toMatchFileSnapshot('./__snapshots__/plan-month.md');
    expect(md.stdout).toContain('- [ ] Build one line per request, id `nightly-digest-{date}-{seq}`');
  });

  it('a workload name from input never acts on the terminal or the markdown', async () => {
    const args = ['plan', fixture('plan/hostile-name.csv'), '--rules', rules, '--db', ':memory:', '--min-saving', '0'];
    const table = await runCli(args);
    expect(table.stdout).toContain('evil\\x1b[31m|[x](javascript:y)');
    expect(table.stdout).not.toContain('\x1b');
    const md = await runCli([...args, '--format', 'markdown']);
    expect(md.stdout).toContain('## evil\\\\x1b\\[31m\\|\\[x\\](javascript:y) → OpenAI Batch API');
    expect(md.stdout).not.toMatch(/[^\\]\]\(javascript/); // every ] before (javascript is escaped: no link forms
    // The custom_id keeps only [a-z0-9_-].
    expect(md.stdout).toContain('id `evil-31m-x-javascript-y-{date}-{seq}`');
  });

  it('with nothing to move, says so and exits 0', async () => {
    const r = await runCli(['plan', '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No workload is worth moving: nothing non-blocking on a synchronous lane saves more than --min-saving $10.00 per 30 days.\n');
  });

  it('bad flags are one line and exit 2', async () => {
    const csv = await runCli(['plan', '--db', ':memory:', '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toBe('error: --format csv: expected one of table, json, markdown\n');
    const saving = await runCli(['plan', '--db', ':memory:', '--min-saving', 'lots']);
    expect(saving.code).toBe(2);
    expect(saving.stderr).toMatch(/^error: --min-saving lots: /);
  });
});

describe('plan: money in the JSON contract is exact decimal text', () => {
  it('writes micro-dollar figures past 2^53 digit for digit (a JS double would round them)', async () => {
    const { plan } = await import('../../src/app/plan.ts');
    const { renderPlanJson } = await import('../../src/report/plan/json.ts');
    const result = await plan({ files: [limits], rules, minSavingMicros: 0n });
    const huge = 12_345_678_901_234_567_891n; // $12,345,678,901,234.567891
    const text = renderPlanJson({ ...result.plan, totals: { ...result.plan.totals, savingsMicros: huge } });
    expect(text).toContain('"savings_usd": 12345678901234.567891');
  });
});
