// Anthropic adapters: Admin API usage report, Console usage CSV, Message Batches results.
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import type { Adapter } from '../../src/ingest/adapter.ts';
import { anthropicBatchResults, anthropicConsoleCsv, anthropicUsageReport } from '../../src/ingest/adapters/anthropic.ts';
import type { IngestSummary } from '../../src/ingest/ingest.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const columns = `call_id, granularity, ts::VARCHAR AS ts, ended_at::VARCHAR AS ended_at, provider, model, operation, lane, lane_source,
  service_tier_raw, speed, context_tier, inference_geo, requests, input_tokens, cache_read_tokens, cache_write_5m_tokens,
  cache_write_1h_tokens, cache_write_unknown_tokens, output_tokens, web_search_requests, api_key, api_key_name, project,
  finish_reason, tags::VARCHAR AS tags, source_row, source_path`;

async function rowAt(ws: Workspace, where: string): Promise<Record<string, unknown>> {
  const rows = await ws.all(`SELECT ${columns} FROM calls WHERE ${where}`);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The engine's first rejects, with line as a number (DuckDB hands BIGINT back as bigint). */
const firstRejects = (summary: IngestSummary) =>
  summary.files[0]!.firstRejects.map((r) => ({ ...r, line: r.line === null ? null : Number(r.line) }));

const detects = async (adapter: Adapter, file: string) => adapter.detect(await sniff(file));
const tempDir = () => mkdtempSync(join(tmpdir(), 'batchable-anthropic-'));

describe('anthropic-usage-report detection', () => {
  it('recognises a page and JSONL of pages, not OpenAI pages, cost reports or other files', async () => {
    expect(await detects(anthropicUsageReport, fixture('anthropic/usage-report.json'))).toBe(true);
    expect(await detects(anthropicUsageReport, fixture('anthropic/usage-report-pages.jsonl'))).toBe(true);
    for (const file of ['openai/usage-completions.json', 'openai/usage-older.jsonl', 'openai/usage-empty.json', 'anthropic/cost-report.json', 'anthropic/batch-results.jsonl', 'batchable/mixed-workloads.csv']) {
      expect(await detects(anthropicUsageReport, fixture(file)), file).toBe(false);
    }
  });
});

describe('anthropic-usage-report', () => {
  it('reads the spec example: uncached input as is, zero cache fields as 0, no request count', async () => {
    const { ws, summary } = await ingested([fixture('anthropic/usage-report.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-usage-report', rows: 3, calls: 3, rejects: 0, skipped: 0 });
    expect(await rowAt(ws, "source_path = '/data/0/results/0'")).toMatchObject({
      granularity: 'bucket',
      ts: '2026-07-29 00:00:00+00',
      ended_at: '2026-07-30 00:00:00+00',
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      lane: 'batch',
      lane_source: 'reported',
      service_tier_raw: 'batch',
      context_tier: '0-200k',
      requests: null, // the report has no request count
      input_tokens: 5000000n,
      cache_read_tokens: 0n,
      cache_write_5m_tokens: 0n,
      cache_write_1h_tokens: 0n,
      cache_write_unknown_tokens: null,
      output_tokens: 900000n,
      web_search_requests: 0n,
      api_key: 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
      project: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
    });
    const requests = await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM calls WHERE requests IS NOT NULL');
    expect(requests).toEqual([{ n: 0n }]);
    ws.close();
  });

  it('keeps the 5m/1h cache-write split, speed, geo and long-context tier', async () => {
    const { ws } = await ingested([fixture('anthropic/usage-report.json')]);
    expect(await rowAt(ws, "source_path = '/data/0/results/1'")).toMatchObject({
      model: 'claude-opus-4-7',
      lane: 'priority',
      service_tier_raw: 'priority_on_demand',
      speed: 'fast',
      inference_geo: 'us',
      context_tier: '200k-1M',
      input_tokens: 42000n,
      cache_read_tokens: 350000n,
      cache_write_5m_tokens: 12000n,
      cache_write_1h_tokens: 3000n,
      output_tokens: 18000n,
      web_search_requests: 7n,
      project: null,
    });
    ws.close();
  });

  it('leaves lane to the engine (standard, inferred) and absent cache writes NULL when not reported', async () => {
    const { ws } = await ingested([fixture('anthropic/usage-report.json')]);
    expect(await rowAt(ws, "source_path = '/data/1/results/0'")).toMatchObject({
      ts: '2026-07-30 00:00:00+00',
      lane: 'standard',
      lane_source: 'inferred',
      service_tier_raw: null,
      input_tokens: 80000n,
      cache_read_tokens: 20000n,
      cache_write_5m_tokens: null,
      cache_write_1h_tokens: null,
      web_search_requests: null,
    });
    ws.close();
  });

  it('reads JSONL pages, maps flex tiers, and rejects a bad count with file:line', async () => {
    const { ws, summary } = await ingested([fixture('anthropic/usage-report-pages.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1, skipped: 0 });
    expect(firstRejects(summary)).toEqual([{ line: 2, path: '/data/0/results/0', reason: 'not a whole number in output_tokens: "2.5k"' }]);
    const lanes = await ws.all('SELECT source_row, lane, service_tier_raw, ts::VARCHAR AS ts FROM calls ORDER BY source_row');
    expect(lanes).toEqual([
      { source_row: 1n, lane: 'standard', service_tier_raw: 'standard', ts: '2026-08-01 09:00:00+00' },
      { source_row: 3n, lane: 'flex', service_tier_raw: 'flex_discount', ts: '2026-08-01 11:00:00+00' },
    ]);
    ws.close();
  });
});

describe('anthropic-console-csv', () => {
  it('is detected by its header, and other CSV is not', async () => {
    expect(await detects(anthropicConsoleCsv, fixture('anthropic/console-usage.csv'))).toBe(true);
    expect(await detects(anthropicConsoleCsv, fixture('anthropic/console-usage-old.csv'))).toBe(true);
    expect(await detects(anthropicConsoleCsv, fixture('batchable/mixed-workloads.csv'))).toBe(false);
  });

  it('reads the documented example row as a day bucket', async () => {
    const { ws, summary } = await ingested([fixture('anthropic/console-usage.csv')]);
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-console-csv', rows: 3, calls: 3, rejects: 0, skipped: 0 });
    expect(await rowAt(ws, 'source_row = 2')).toMatchObject({
      granularity: 'bucket',
      ts: '2026-08-05 00:00:00+00',
      ended_at: '2026-08-06 00:00:00+00',
      provider: 'anthropic',
      model: 'claude-opus-5',
      lane: 'standard',
      lane_source: 'reported',
      service_tier_raw: 'standard',
      context_tier: '≤ 200k',
      inference_geo: 'global',
      speed: null, // empty trailing cell
      requests: null,
      input_tokens: 46981n,
      cache_write_5m_tokens: 15969n,
      cache_write_1h_tokens: 0n,
      cache_write_unknown_tokens: null,
      cache_read_tokens: 0n,
      output_tokens: 16932n,
      web_search_requests: 0n,
      api_key: null,
      api_key_name: 'Closer App',
      project: 'Default',
    });
    ws.close();
  });

  // Defect 3: an hourly export (`2026-03-31 02:00`) got 24-hour buckets; two hours of data showed a day's period.
  it('takes the bucket width from the data: hourly rows are 1 h buckets, day rows 1 day', async () => {
    const { ws } = await ingested([fixture('anthropic/console-usage-hourly.csv'), fixture('anthropic/console-usage.csv')]);
    const rows = await ws.all<{ ts: Date; ended_at: Date }>("SELECT ts, ended_at FROM calls ORDER BY ts LIMIT 3");
    expect(rows.map((r) => [r.ts.toISOString(), r.ended_at.toISOString()])).toEqual([
      ['2026-03-31T02:00:00.000Z', '2026-03-31T03:00:00.000Z'],
      ['2026-03-31T03:00:00.000Z', '2026-03-31T04:00:00.000Z'],
      ['2026-08-05T00:00:00.000Z', '2026-08-06T00:00:00.000Z'],
    ]);
    ws.close();
    const r = await runCli(['audit', fixture('anthropic/console-usage-hourly.csv'), '--db', ':memory:']);
    expect(r.stdout).toContain('Period: 2026-03-31 02:00 UTC to 2026-03-31 04:00 UTC (2.0 hours)');
    expect(r.stdout).toContain('no 30-day estimate');
  });

  it('maps usage_type to lanes', async () => {
    const { ws } = await ingested([fixture('anthropic/console-usage.csv')]);
    const lanes = await ws.all('SELECT source_row, lane, speed, context_tier, cache_write_1h_tokens FROM calls ORDER BY source_row');
    expect(lanes).toEqual([
      { source_row: 2n, lane: 'standard', speed: null, context_tier: '≤ 200k', cache_write_1h_tokens: 0n },
      { source_row: 3n, lane: 'batch', speed: null, context_tier: '≤ 200k', cache_write_1h_tokens: 0n },
      { source_row: 4n, lane: 'priority', speed: 'fast', context_tier: '> 200k', cache_write_1h_tokens: 2000n },
    ]);
    ws.close();
  });

  it('reads the older single cache-write column as writes with no TTL split, and rejects a bad cell with file:line', async () => {
    const { ws, summary } = await ingested([fixture('anthropic/console-usage-old.csv')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 1 });
    expect(firstRejects(summary)).toEqual([{ line: 3, path: null, reason: 'not a whole number in input_tokens: "n/a"' }]);
    expect(await rowAt(ws, 'source_row = 2')).toMatchObject({
      model: 'claude-3-7-sonnet-20250219',
      input_tokens: 81234n,
      cache_read_tokens: 120500n,
      cache_write_5m_tokens: null,
      cache_write_1h_tokens: null,
      cache_write_unknown_tokens: 9000n,
      output_tokens: 22100n,
      inference_geo: null,
    });
    ws.close();
  });

  it('reads a gzipped copy through detection and DuckDB', async () => {
    const file = join(tempDir(), 'claude_api_usage.csv.gz');
    writeFileSync(file, gzipSync(readFileSync(fixture('anthropic/console-usage.csv'))));
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-console-csv', calls: 3, rejects: 0 });
    const totals = await ws.all('SELECT sum(input_tokens)::BIGINT AS input, sum(output_tokens)::BIGINT AS output FROM calls');
    expect(totals).toEqual([{ input: 1251981n, output: 469932n }]);
    ws.close();
  });
});

describe('anthropic-usage-report accounts', () => {
  it("the API reference's example row carries an account and a service account: the account is the user, both kept in tags", async () => {
    const { ws } = await ingested([fixture('anthropic/usage-report-accounts.json')]);
    expect(await ws.all(`SELECT user_id, tags->>'service_account_id' AS service_account, input_tokens, output_tokens, web_search_requests FROM calls`)).toEqual([
      { user_id: 'user_01WCz1FkmYMm4gnmykNKUu3Q', service_account: 'svac_01Hk3R9TWxq7CfQak00OiVw4', input_tokens: 1500n, output_tokens: 500n, web_search_requests: 10n },
    ]);
    ws.close();
  });
});

describe('anthropic-batch-results', () => {
  it('is detected by custom_id and result, and OpenAI batch files are not', async () => {
    expect(await detects(anthropicBatchResults, fixture('anthropic/batch-results.jsonl'))).toBe(true);
    for (const file of ['openai/batch-output.jsonl', 'openai/batch-input.jsonl', 'anthropic/usage-report-pages.jsonl']) {
      expect(await detects(anthropicBatchResults, fixture(file)), file).toBe(false);
    }
  });

  it('reads succeeded lines as batch calls timed by the file, with the cache-write split', async () => {
    const file = join(tempDir(), 'msgbatch_results.jsonl');
    copyFileSync(fixture('anthropic/batch-results.jsonl'), file);
    utimesSync(file, new Date('2026-08-02T06:30:00Z'), new Date('2026-08-02T06:30:00Z'));
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-batch-results', rows: 6, calls: 3, rejects: 0, skipped: 3 });
    expect(await rowAt(ws, "call_id = 'msg_01GqA8pQxT3vN5mR2sK7wYzB'")).toMatchObject({
      granularity: 'call',
      ts: '2026-08-02 06:30:00+00',
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      lane: 'batch',
      lane_source: 'reported',
      service_tier_raw: 'batch',
      requests: 1n,
      input_tokens: 300n,
      cache_read_tokens: 4096n,
      cache_write_5m_tokens: 2048n,
      cache_write_1h_tokens: 1024n,
      cache_write_unknown_tokens: null,
      output_tokens: 800n,
      finish_reason: 'max_tokens',
      tags: '{"custom_id":"doc-summary-17"}',
    });
    expect(await rowAt(ws, "call_id = 'msg_014VwiXbi91y3JMjcpyGBHX5'")).toMatchObject({ input_tokens: 11n, output_tokens: 36n, cache_write_5m_tokens: 0n });
    ws.close();
  });

  it('puts a total-only cache write in cache_write_unknown_tokens', async () => {
    const { ws } = await ingested([fixture('anthropic/batch-results.jsonl')]);
    expect(await rowAt(ws, "call_id = 'msg_01LcY7hN2bV4xQ9wE6rT1uIo'")).toMatchObject({
      input_tokens: 45n,
      cache_write_5m_tokens: null,
      cache_write_1h_tokens: null,
      cache_write_unknown_tokens: 1500n,
      cache_read_tokens: 0n,
      service_tier_raw: null,
      lane: 'batch',
    });
    ws.close();
  });

  it('reads extended thinking (output_tokens_details.thinking_tokens) as the reasoning inside output', async () => {
    // The usage shape a Claude Code 2.1.233 log holds of the API's response (fixtures/claude-code/real-session-2.1.233.jsonl).
    const file = join(tempDir(), 'msgbatch_thinking.jsonl');
    writeFileSync(file, `${JSON.stringify({ custom_id: 'think-1', result: { type: 'succeeded', message: { id: 'msg_think1', model: 'claude-haiku-4-5-20251001',
      stop_reason: 'end_turn', usage: { input_tokens: 8, cache_read_input_tokens: 0, output_tokens: 177, output_tokens_details: { thinking_tokens: 107 } } } } })}\n`);
    const { ws } = await ingested([file]);
    expect(await ws.all('SELECT output_tokens, reasoning_tokens FROM calls')).toEqual([{ output_tokens: 177n, reasoning_tokens: 107n }]);
    ws.close();
  });

  it('skips errored, expired and canceled requests (not billed)', async () => {
    const { ws, summary } = await ingested([fixture('anthropic/batch-results.jsonl')]);
    expect(summary).toMatchObject({ skipped: 3, rejects: 0 });
    const skipped = await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line");
    expect(skipped).toEqual([
      { line: 4n, reason: 'batch request errored: not billed' },
      { line: 5n, reason: 'batch request expired: not billed' },
      { line: 6n, reason: 'batch request canceled: not billed' },
    ]);
    ws.close();
  });

  it('rejects a negative count and a truncated line with file:line', async () => {
    const { summary } = await ingested([fixture('anthropic/batch-results-malformed.jsonl')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 2, skipped: 0 });
    expect(firstRejects(summary)).toEqual([
      { line: 2, path: null, reason: 'negative input_tokens (-5)' },
      { line: 3, path: null, reason: 'malformed JSON' },
    ]);
  });
});

// Defect 5: usage-report rows carry no request count; audit showed `requests 1` per row. Unknown stays unknown.
describe('unknown request counts', () => {
  const file = fixture('anthropic/usage-report.json');
  it('the table shows ? and says why, never 1 per row', async () => {
    const r = await runCli(['audit', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    // $15.30 of tokens, and the Opus row's 7 web searches at $10 per 1,000 ($0.07).
    expect(r.stdout).toMatch(/│ total +│ +\? │ +\$15\.37 │/);
    expect(r.stdout).not.toMatch(/│ +[13] │ +\$/);
    expect(r.stdout).toContain('3 bucket row(s) carry no request count');
  });
  it('JSON says null with uncounted_rows; CSV leaves the cell empty', async () => {
    const json = JSON.parse((await runCli(['audit', file, '--db', ':memory:', '--format', 'json'])).stdout) as { totals: Record<string, unknown>; workloads: Record<string, unknown>[] };
    expect(json.totals).toMatchObject({ requests: null, uncounted_rows: 3 });
    expect(json.workloads.map((w) => [w.requests, w.uncounted_rows])).toEqual([[null, 1], [null, 1], [null, 1]]);
    const [savings, notes] = (await runCli(['audit', file, '--db', ':memory:', '--format', 'csv'])).stdout.split('\n\n');
    const csv = savings!.trim().split('\n');
    expect(csv[0]).toMatch(/^name,label,requests,.*,uncounted_rows$/);
    expect(csv.at(-1)).toMatch(/^total,,,.*,3$/);
    expect(notes).toContain('note,"3 bucket row(s) carry no request count');
  });
  it('a mix of counted and uncounted rows shows the known count and + ?', async () => {
    const counted = join(mkdtempSync(join(tmpdir(), 'batchable-req-')), 'counted.csv');
    writeFileSync(counted, 'ts,model,input_tokens,output_tokens,requests\n2026-07-29T10:00:00Z,claude-sonnet-4-6,1000,100,5\n');
    const r = await runCli(['audit', file, counted, '--db', ':memory:', '--by', 'provider']);
    expect(r.stdout).toMatch(/│ anthropic +│ +5 \+ \? │/);
  });
});

it("Anthropic's analytics report per user is named, with the API usage report to take instead (its rows are people's use of Anthropic's apps)", async () => {
  const file = fixture('anthropic/docs-analytics-user-usage-report.json');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}: Anthropic's analytics report per user (claude.ai, Claude Code and the other apps, by seat): people's use of ` +
    "Anthropic's apps, not API calls a batch lane could take. For the API, export the Admin API usage report (`usage_report/messages`), or run `batchable pull anthropic`\n");
});

it("Anthropic's Claude Code usage report is named, with the session logs to read instead (a day's totals per developer)", async () => {
  // Written from the Claude Code Analytics API reference (`GET /v1/organizations/usage_report/claude_code`: actor,
  // core_metrics, tool_actions, model_breakdown with tokens and an estimated cost in cents).
  const file = fixture('anthropic/claude-code-usage-report.json');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}: Anthropic's Claude Code usage report (Admin API \`usage_report/claude_code\`): a day's totals per developer and model, ` +
    "with no call to label or price. Read Claude Code's session logs instead (`~/.claude/projects/**/*.jsonl`, each assistant line a call), " +
    'or the Admin API usage report (`usage_report/messages`, or `batchable pull anthropic`)\n');
});

describe('anthropic-batch-results: real results (fixtures/SOURCES.md: MaxiDonkey/DelphiAnthropic guides/batch-processing.md)', () => {
  it('two real succeeded lines of claude-sonnet-4-5 (usage with inference_geo): batch calls of 10 + 12 and 11 + 19 tokens', async () => {
    const file = fixture('anthropic/real-batch-results-sonnet-4-5.jsonl');
    expect(await detects(anthropicBatchResults, file)).toBe(true);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-batch-results', rows: 2, calls: 2, rejects: 0, skipped: 0 });
    expect(await ws.all(`SELECT call_id, provider, model, lane, lane_source, service_tier_raw, inference_geo, requests, input_tokens, cache_read_tokens,
      cache_write_5m_tokens, cache_write_1h_tokens, cache_write_unknown_tokens, output_tokens, reasoning_tokens, finish_reason, tags->>'custom_id' AS custom_id
      FROM calls ORDER BY source_row`)).toEqual([
      { call_id: 'msg_017SY5ievvNM8fnNvtSeLZN6', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', lane: 'batch', lane_source: 'reported',
        service_tier_raw: 'batch', inference_geo: 'not_available', requests: 1n, input_tokens: 10n, cache_read_tokens: 0n, cache_write_5m_tokens: 0n,
        cache_write_1h_tokens: 0n, cache_write_unknown_tokens: null, output_tokens: 12n, reasoning_tokens: null, finish_reason: 'end_turn', custom_id: 'my-first-request' },
      { call_id: 'msg_01B3RHE29BGLhuEJbWsrKDPr', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', lane: 'batch', lane_source: 'reported',
        service_tier_raw: 'batch', inference_geo: 'not_available', requests: 1n, input_tokens: 11n, cache_read_tokens: 0n, cache_write_5m_tokens: 0n,
        cache_write_1h_tokens: 0n, cache_write_unknown_tokens: null, output_tokens: 19n, reasoning_tokens: null, finish_reason: 'end_turn', custom_id: 'my-second-request' },
    ]);
    ws.close();
  });
});

describe('anthropic-batch-results saved as one JSON array (fixtures/SOURCES.md: the real results above, as json.dump writes a list)', () => {
  // Every column of a call but where it came from: the array's calls must be the lines' calls.
  const callColumns = `call_id, granularity, ts::VARCHAR AS ts, provider, model, operation, lane, lane_source, service_tier_raw, speed, inference_geo,
    requests, status, finish_reason, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_write_unknown_tokens,
    output_tokens, reasoning_tokens, web_search_requests, tags::VARCHAR AS tags`;
  const when = new Date('2026-08-02T06:30:00Z');
  /** The calls and skips of `file`, copied into a temp directory as `name` and timed as the other copies. */
  async function read(file: string, name: string) {
    const copy = join(tempDir(), name);
    copyFileSync(file, copy);
    utimesSync(copy, when, when);
    const { ws, summary } = await ingested([copy]);
    const calls = await ws.all(`SELECT ${callColumns} FROM calls ORDER BY call_id`);
    const skips = await ws.all("SELECT path, reason FROM rejects WHERE kind = 'skip' ORDER BY path");
    ws.close();
    return { file: summary.files[0]!, calls, skips };
  }

  it('the real results as an array read as the same two batch calls as their JSONL, every column alike', async () => {
    const file = fixture('anthropic/real-batch-results-sonnet-4-5-array.json');
    expect(await detects(anthropicBatchResults, file)).toBe(true);
    const array = await read(file, 'results.json');
    const lines = await read(fixture('anthropic/real-batch-results-sonnet-4-5.jsonl'), 'results.jsonl');
    expect(array.file).toMatchObject({ format: 'anthropic-batch-results', rows: 2, calls: 2, rejects: 0, skipped: 0 });
    expect(array.calls).toHaveLength(2);
    expect(array.calls).toEqual(lines.calls);
    expect(array.calls[0]).toMatchObject({ call_id: 'msg_017SY5ievvNM8fnNvtSeLZN6', lane: 'batch', input_tokens: 10n, output_tokens: 12n, ts: '2026-08-02 06:30:00+00' });
  });

  it('an array of results that were not billed skips them by their place in the array, as the lines are skipped', async () => {
    const results = readFileSync(fixture('anthropic/batch-results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    const file = join(tempDir(), 'results.json');
    writeFileSync(file, JSON.stringify(results));
    const array = await read(file, 'results.json');
    const lines = await read(fixture('anthropic/batch-results.jsonl'), 'results.jsonl');
    expect(array.file).toMatchObject({ format: 'anthropic-batch-results', rows: 6, calls: 3, rejects: 0, skipped: 3 });
    expect(array.calls).toEqual(lines.calls);
    expect(array.skips).toEqual([
      { path: '/3', reason: 'batch request errored: not billed' },
      { path: '/4', reason: 'batch request expired: not billed' },
      { path: '/5', reason: 'batch request canceled: not billed' },
    ]);
  });

  it('an array longer than the sample detection reads (a large batch saved on one line) is still these results', async () => {
    const [first] = JSON.parse(readFileSync(fixture('anthropic/real-batch-results-sonnet-4-5-array.json'), 'utf8')) as { custom_id: string; result: { message: { id: string } } }[];
    const n = 1_000;
    const results = Array.from({ length: n }, (_, i) => ({ ...first!, custom_id: `request-${i}`, result: { ...first!.result, message: { ...first!.result.message, id: `msg_${i}` } } }));
    const file = join(tempDir(), 'large-results.json');
    writeFileSync(file, JSON.stringify(results));
    expect(readFileSync(file).length).toBeGreaterThan(256 * 1024);
    expect((await sniff(file)).records).toEqual([]);
    expect(await detects(anthropicBatchResults, file)).toBe(true);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-batch-results', rows: n, calls: n, rejects: 0 });
    expect(await ws.all("SELECT count(*) AS n, sum(input_tokens) AS input, sum(output_tokens) AS output FROM calls WHERE lane = 'batch'"))
      .toEqual([{ n: BigInt(n), input: BigInt(10 * n), output: BigInt(12 * n) }]);
    ws.close();
  });

  it('a JSON document that is not a list of results is still not this format', async () => {
    for (const file of ['anthropic/usage-report.json', 'anthropic/cost-report.json', 'openai/batch-object.json', 'anthropic/claude-code-usage-report.json']) {
      expect(await detects(anthropicBatchResults, fixture(file)), file).toBe(false);
    }
  });
});
