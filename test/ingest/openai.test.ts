// OpenAI adapters: Usage API pages (openai-usage) and Batch API output files (openai-batch-output).
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { noModelCsvReason, noModelReason, openaiBatchOutput, openaiDashboardCsv, openaiUsage } from '../../src/ingest/adapters/openai.ts';
import type { IngestSummary } from '../../src/ingest/ingest.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const tokenColumns = `granularity, ts::VARCHAR AS ts, ended_at::VARCHAR AS ended_at, provider, model, operation, lane, lane_source,
  service_tier_raw, requests, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
  cache_write_unknown_tokens, output_tokens, audio_input_tokens, audio_output_tokens, image_input_tokens, image_output_tokens, reasoning_tokens, input_tokens_reported`;

async function rowAt(ws: Workspace, where: string): Promise<Record<string, unknown>> {
  const rows = await ws.all(`SELECT ${tokenColumns}, call_id, api_key, project, user_id, tags::VARCHAR AS tags, finish_reason, status,
    source_row, source_path FROM calls WHERE ${where}`);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The engine's first rejects, with line as a number (DuckDB hands BIGINT back as bigint). */
const firstRejects = (summary: IngestSummary) =>
  summary.files[0]!.firstRejects.map((r) => ({ ...r, line: r.line === null ? null : Number(r.line) }));

const detects = async (adapter: { detect: typeof openaiUsage.detect }, file: string) => adapter.detect(await sniff(file));
const tempDir = () => mkdtempSync(join(tmpdir(), 'batchable-openai-'));

describe('openai-usage detection', () => {
  it('recognises a page, JSONL of pages, an array of pages, an array of bare buckets and an empty page', async () => {
    for (const file of ['usage-completions.json', 'usage-older.jsonl', 'usage-pages-malformed.json', 'usage-buckets.json', 'usage-empty.json']) {
      expect(await detects(openaiUsage, fixture(`openai/${file}`)), file).toBe(true);
    }
  });

  it('does not take costs pages, Anthropic usage reports, batch files or batchable CSV', async () => {
    for (const file of ['openai/costs-page.json', 'anthropic/usage-report.json', 'anthropic/usage-report-pages.jsonl', 'openai/batch-output.jsonl', 'anthropic/batch-results.jsonl', 'batchable/mixed-workloads.csv']) {
      expect(await detects(openaiUsage, fixture(file)), file).toBe(false);
    }
  });
});

describe('openai-usage', () => {
  it('reads the spec example: input 5000 = cached 1800 + cache write 200 + uncached 3000 (of which audio 300, image 200)', async () => {
    const { ws, summary } = await ingested([fixture('openai/usage-completions.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-usage', rows: 5, calls: 5, rejects: 0, skipped: 0 });
    expect(await rowAt(ws, "source_path = '/data/0/results/0'")).toMatchObject({
      granularity: 'bucket',
      ts: '2024-11-01 00:00:00+00',
      ended_at: '2024-11-02 00:00:00+00',
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      operation: 'chat',
      lane: 'standard',
      lane_source: 'reported',
      service_tier_raw: 'default',
      requests: 5n,
      // The uncached 3000 hold 300 audio tokens (input_audio_tokens) and 200 image tokens (input_image_tokens):
      // text input is the other 2500 (= input_text_tokens in the spec example).
      input_tokens: 2500n,
      cache_read_tokens: 1800n,
      cache_write_5m_tokens: null,
      cache_write_1h_tokens: null,
      cache_write_unknown_tokens: 200n,
      output_tokens: 1000n,
      audio_input_tokens: 300n,
      audio_output_tokens: 0n,
      image_input_tokens: 200n,
      image_output_tokens: 0n,
      reasoning_tokens: null,
      input_tokens_reported: 5000n,
      api_key: 'key_abc',
      project: 'proj_abc',
      user_id: 'user-abc',
    });
    ws.close();
  });

  it('maps batch and service tiers to lanes, keeping the tier text', async () => {
    const { ws } = await ingested([fixture('openai/usage-completions.json')]);
    const lanes = await ws.all<{ path: string; lane: string; lane_source: string; tier: string }>(
      'SELECT source_path AS path, lane, lane_source, service_tier_raw AS tier FROM calls ORDER BY source_path',
    );
    expect(lanes).toEqual([
      { path: '/data/0/results/0', lane: 'standard', lane_source: 'reported', tier: 'default' },
      { path: '/data/0/results/1', lane: 'batch', lane_source: 'reported', tier: 'default' }, // batch: true wins
      { path: '/data/0/results/2', lane: 'flex', lane_source: 'reported', tier: 'flex' },
      { path: '/data/2/results/0', lane: 'priority', lane_source: 'reported', tier: 'priority' },
      { path: '/data/2/results/1', lane: 'standard', lane_source: 'reported', tier: 'scale' },
    ]);
    ws.close();
  });

  it("a result rejected inside a page keeps the result's own text, and its pointer", async () => {
    // The first page gets a second bucket whose second result has tokens that are not a number: the reject's text was
    // the page's from its start (the first bucket's result), which is not the row that was wrong.
    const dir = mkdtempSync(join(tmpdir(), 'usage-raw-'));
    const file = join(dir, 'usage-pages.jsonl');
    const lines = readFileSync(fixture('openai/usage-older.jsonl'), 'utf8').trimEnd().split('\n');
    const page = JSON.parse(lines[0]!) as { data: { start_time: number; end_time: number; results: Record<string, unknown>[] }[] };
    const bucket = structuredClone(page.data[0]!);
    bucket.start_time -= 86400; // the day before: a bucket of its own, not a copy of the first
    bucket.end_time -= 86400;
    bucket.results.push({ ...bucket.results[0], input_tokens: 'n/a', model: 'gpt-4o-mini' });
    page.data.push(bucket);
    writeFileSync(file, [JSON.stringify(page), ...lines.slice(1)].join('\n') + '\n');
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 3, rejects: 1 });
    const [reject] = await ws.all<{ line: bigint; path: string; raw: string }>("SELECT line, path, raw FROM rejects WHERE kind = 'reject'");
    expect([reject?.line, reject?.path]).toEqual([1n, '/data/1/results/1']);
    expect(JSON.parse(reject!.raw)).toMatchObject({ input_tokens: 'n/a', model: 'gpt-4o-mini' });
    ws.close();
  });

  it('derives uncached input for older rows, keeps absent cache writes NULL, reads embeddings and skips images', async () => {
    const { ws, summary } = await ingested([fixture('openai/usage-older.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0, skipped: 1 });
    expect(await rowAt(ws, 'source_row = 1')).toMatchObject({
      ts: '2024-07-01 00:00:00+00',
      model: 'gpt-4o-2024-08-06',
      requests: 12n,
      input_tokens: 2000n, // 2400 - 400 cached
      cache_read_tokens: 400n,
      cache_write_unknown_tokens: null, // not reported: unknown, not 0
      output_tokens: 600n,
      input_tokens_reported: 2400n,
      lane: 'standard',
      lane_source: 'inferred', // neither batch nor service_tier grouped
      service_tier_raw: null,
      source_path: '/data/0/results/0',
    });
    expect(await rowAt(ws, 'source_row = 2')).toMatchObject({
      operation: 'embeddings',
      model: 'text-embedding-3-small',
      requests: 300n,
      input_tokens: 90000n,
      cache_read_tokens: null,
      output_tokens: 0n,
      input_tokens_reported: 90000n,
      project: 'proj_search',
      api_key: 'key_indexer',
    });
    const skipped = await ws.all("SELECT line, path, reason FROM rejects WHERE kind = 'skip'");
    expect(skipped).toEqual([{ line: 3n, path: '/data/0/results/0', reason: 'OpenAI usage result organization.usage.images.result: not LLM token usage' }]);
    ws.close();
  });

  it('reads an array of bare buckets (the cookbook collects every page’s data)', async () => {
    const { ws, summary } = await ingested([fixture('openai/usage-buckets.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0, skipped: 0 });
    expect(await rowAt(ws, 'true')).toMatchObject({
      ts: '2024-11-01 00:00:00+00',
      ended_at: '2024-11-01 01:00:00+00',
      requests: 6n,
      input_tokens: 1000n,
      cache_read_tokens: 500n,
      source_path: '/0/results/0',
    });
    ws.close();
  });

  it('a bucket whose results are not a list holds no rows; a null result is a reject at its path', async () => {
    const dir = tempDir();
    const file = join(dir, 'odd-buckets.jsonl');
    const ok = { object: 'organization.usage.completions.result', input_tokens: 100, output_tokens: 10, num_model_requests: 2, model: 'gpt-4o-mini-2024-07-18' };
    const buckets = [
      { object: 'bucket', start_time: 1730419200, end_time: 1730419260, results: { object: 'not a list' } },
      { object: 'bucket', start_time: 1730419260, end_time: 1730419320, results: [null, ok] },
      null,
      { object: 'bucket', start_time: 1730419320, end_time: 1730419380, results: [] },
    ];
    writeFileSync(file, `${JSON.stringify({ object: 'page', data: buckets, has_more: false, next_page: null })}\n`);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-usage', rows: 2, calls: 1, rejects: 1, skipped: 0 });
    expect(firstRejects(summary)).toEqual([{ line: 1, path: '/data/1/results/0', reason: noModelReason }]);
    expect(await rowAt(ws, 'true')).toMatchObject({ ts: '2024-11-01 00:01:00+00', ended_at: '2024-11-01 00:02:00+00', requests: 2n, source_path: '/data/1/results/1' });
    ws.close();
  });

  it('reads a page whose buckets are all empty as no rows, without error', async () => {
    const { ws, summary } = await ingested([fixture('openai/usage-empty.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-usage', status: 'ingested', rows: 0, calls: 0, rejects: 0, skipped: 0 });
    ws.close();
  });

  it('rejects an unreadable token count with the JSON path of its result', async () => {
    const { ws, summary } = await ingested([fixture('openai/usage-pages-malformed.json')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1 });
    expect(firstRejects(summary)).toEqual([
      {
        line: null,
        path: '/1/data/0/results/1',
        reason: 'not a whole number in input_tokens: "1.2k"; not a whole number in input_tokens_reported: "1.2k"',
      },
    ]);
    const paths = await ws.all<{ p: string }>('SELECT source_path AS p FROM calls ORDER BY 1');
    expect(paths.map((r) => r.p)).toEqual(['/0/data/0/results/0', '/1/data/0/results/0']);
    // Its text is the result's own (it was the second page's, from its start), its page unnested once.
    const [reject] = await ws.all<{ raw: string }>('SELECT raw FROM rejects');
    expect(JSON.parse(reject!.raw)).toMatchObject({ input_tokens: '1.2k', num_model_requests: 2 });
    ws.close();
  });

  it('recognises a page larger than the sniffed sample by its key names', async () => {
    const result = (i: number) => ({
      object: 'organization.usage.completions.result', input_tokens: 1000 + i, input_cached_tokens: 0, output_tokens: 10,
      num_model_requests: 1, project_id: null, user_id: `user-${i}`, api_key_id: 'key_abc', model: 'gpt-4o-mini-2024-07-18',
    });
    const page = { object: 'page', data: [{ object: 'bucket', start_time: 1730419200, end_time: 1730505600, results: Array.from({ length: 2000 }, (_, i) => result(i)) }], has_more: false, next_page: null };
    const file = join(tempDir(), 'usage-big.json');
    writeFileSync(file, JSON.stringify(page, null, 2));
    const sample = await sniff(file);
    expect(sample.records).toHaveLength(0); // too large to parse whole: detection sees key names only
    expect(openaiUsage.detect(sample)).toBe(true);
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 2000, rejects: 0 });
    expect(await ws.all('SELECT sum(input_tokens)::BIGINT AS input FROM calls')).toEqual([{ input: 3999000n }]);
    ws.close();
  });

  it('reads a gzipped copy through detection and DuckDB', async () => {
    const file = join(tempDir(), 'usage.jsonl.gz');
    writeFileSync(file, gzipSync(readFileSync(fixture('openai/usage-older.jsonl'))));
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-usage', calls: 2, skipped: 1, rejects: 0 });
    const totals = await ws.all('SELECT sum(input_tokens)::BIGINT AS input, sum(requests)::BIGINT AS requests FROM calls');
    expect(totals).toEqual([{ input: 92000n, requests: 312n }]);
    ws.close();
  });
});

describe('openai-batch-output detection', () => {
  it('recognises output/error lines and nothing else', async () => {
    expect(await detects(openaiBatchOutput, fixture('openai/batch-output.jsonl'))).toBe(true);
    expect(await detects(openaiBatchOutput, fixture('openai/batch-output-malformed.jsonl'))).toBe(true);
    for (const file of ['openai/batch-input.jsonl', 'anthropic/batch-results.jsonl', 'openai/usage-older.jsonl', 'batchable/mixed-workloads.csv']) {
      expect(await detects(openaiBatchOutput, fixture(file)), file).toBe(false);
    }
  });
});

describe('openai-batch-output', () => {
  it('reads chat usage: prompt_tokens include cache reads and writes', async () => {
    const { ws, summary } = await ingested([fixture('openai/batch-output.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-batch-output', rows: 6, calls: 4, rejects: 0, skipped: 2 });
    expect(await rowAt(ws, "call_id = 'batch_req_124'")).toMatchObject({
      granularity: 'call',
      ts: '2024-03-26 17:44:20+00',
      provider: 'openai',
      model: 'gpt-5.4-2026-03-05',
      operation: 'chat',
      lane: 'batch',
      lane_source: 'reported',
      service_tier_raw: 'default',
      requests: 1n,
      input_tokens: 1220n, // 2500 - 1024 cached - 256 written
      cache_read_tokens: 1024n,
      cache_write_5m_tokens: null,
      cache_write_1h_tokens: null,
      cache_write_unknown_tokens: 256n,
      output_tokens: 400n,
      reasoning_tokens: 128n,
      input_tokens_reported: 2500n,
      finish_reason: 'length',
      status: 'success',
      tags: '{"custom_id":"request-2","request_id":"req_abd"}',
      source_row: 2n,
    });
    expect(await rowAt(ws, "call_id = 'batch_req_123'")).toMatchObject({ input_tokens: 22n, cache_read_tokens: 0n, cache_write_unknown_tokens: 0n, output_tokens: 2n });
    ws.close();
  });

  it('reads Responses usage, with no cache-write field as NULL', async () => {
    const { ws } = await ingested([fixture('openai/batch-output.jsonl')]);
    expect(await rowAt(ws, "call_id = 'batch_req_125'")).toMatchObject({
      ts: '2024-03-26 17:45:00+00', // created_at
      operation: 'responses',
      model: 'gpt-5-mini-2025-08-07',
      input_tokens: 1200n,
      cache_read_tokens: 600n,
      cache_write_unknown_tokens: null,
      output_tokens: 700n,
      reasoning_tokens: 512n,
      input_tokens_reported: 1800n,
    });
    ws.close();
  });

  it('real Responses batch lines (fixtures/SOURCES.md): usage, the batch lane over the body\'s default tier, and the status as why it stopped', async () => {
    const { ws, summary } = await ingested([fixture('openai/real-batch-output-responses.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-batch-output', rows: 2, calls: 2, rejects: 0, skipped: 0 });
    expect(await ws.all(`SELECT call_id, ts::VARCHAR AS ts, model, operation, lane, service_tier_raw, input_tokens, cache_read_tokens, output_tokens, finish_reason
      FROM calls ORDER BY source_row`)).toEqual([
      { call_id: 'batch_req_6938b10e2b788190b33b96fd5a082739', ts: '2025-12-09 23:28:43+00', model: 'gpt-4o-mini-2024-07-18', operation: 'responses', lane: 'batch',
        service_tier_raw: 'default', input_tokens: 14n, cache_read_tokens: 0n, output_tokens: 171n, finish_reason: 'completed' },
      { call_id: 'batch_req_6938b10d14bc8190b765b1fc7a26fd72', ts: expect.any(String), model: 'gpt-4o-mini-2024-07-18', operation: 'responses', lane: 'batch',
        service_tier_raw: 'default', input_tokens: 14n, cache_read_tokens: 0n, output_tokens: 57n, finish_reason: 'completed' },
    ]);
    ws.close();
  });

  it('a real Groq batch output line (the same file format): provider groq, its usage timings as the latency', async () => {
    const { ws, summary } = await ingested([fixture('openai/real-groq-batch-output.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-batch-output', rows: 1, calls: 1, rejects: 0 });
    expect(await ws.all('SELECT call_id, provider, model, lane, input_tokens, output_tokens, latency_ms, finish_reason FROM calls')).toEqual([
      { call_id: 'batch_req_out_01jpra5p4ve4v8k14zkqn6agjm', provider: 'groq', model: 'llama-3.1-8b-instant', lane: 'batch', input_tokens: 55n, output_tokens: 55n,
        latency_ms: 83.234896, finish_reason: 'stop' },
    ]);
    const { ws: openai } = await ingested([fixture('openai/real-batch-output-responses.jsonl')]);
    expect(await openai.all('SELECT DISTINCT provider, latency_ms FROM calls')).toEqual([{ provider: 'openai', latency_ms: null }]);
    ws.close();
    openai.close();
  });

  it("a real Azure OpenAI batch output (fixtures/SOURCES.md): every line carries the batch's id, so each call is named by its completion's id", async () => {
    const { ws, summary } = await ingested([fixture('openai/real-azure-batch-output.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-batch-output', rows: 2, calls: 2, duplicates: 0, rejects: 0 });
    expect(await ws.all('SELECT call_id, model, input_tokens, output_tokens, tags->>\'custom_id\' AS custom_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'chatcmpl-9F5W6CqNoAA7Qgc1ZyGS0LSIGG0UC', model: 'gpt-35-turbo', input_tokens: 29n, output_tokens: 15n, custom_id: '123a' },
      { call_id: 'chatcmpl-9F5W728FkYlTqgO9JLLsWmXhudP9Q', model: 'gpt-35-turbo', input_tokens: 12n, output_tokens: 53n, custom_id: '124a' },
    ]);
    ws.close();
  });

  it("Gemini's OpenAI-compatible batch output (fixtures/SOURCES.md): camelCase usage, the thinking beyond prompt and completion as output", async () => {
    // The real line, as its project kept it, has no line id and no model: recognised, and rejected for the model alone.
    const { summary } = await ingested([fixture('openai/gemini-compat-batch-output.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-batch-output', rows: 1, calls: 0, rejects: 1 });
    expect(summary.files[0]?.firstRejects[0]?.reason).toBe('missing model');
    const file = join(tempDir(), 'gemini_compat_output.jsonl');
    const line = JSON.parse(readFileSync(fixture('openai/gemini-compat-batch-output.jsonl'), 'utf8'));
    line.response.body.model = 'models/gemini-2.5-flash';
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const { ws } = await ingested([file]);
    expect(await ws.all('SELECT provider, model, lane, input_tokens, output_tokens, reasoning_tokens FROM calls')).toEqual([
      { provider: 'google', model: 'gemini-2.5-flash', lane: 'batch', input_tokens: 29n, output_tokens: 1344n, reasoning_tokens: 1323n },
    ]);
    ws.close();
  });

  it('a Responses run that failed (200, its error in the body, no usage) is skipped as not billed, not rejected', async () => {
    const file = join(tempDir(), 'responses_output.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'batch_req_f1', custom_id: 'r-1', response: { status_code: 200, request_id: 'req_f1',
      body: { id: 'resp_f1', object: 'response', created_at: 1760000000, status: 'failed', model: 'gpt-5.4', error: { code: 'server_error', message: 'The model failed to generate a response.' }, output: [], usage: null } }, error: null })}\n`);
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 0, skipped: 1, rejects: 0 });
    expect(await ws.all("SELECT reason FROM rejects WHERE kind = 'skip'")).toEqual([{ reason: 'batch request failed: server_error' }]);
    ws.close();
  });

  it('reads embeddings with output 0, timed by the file when the body has no time', async () => {
    const file = join(tempDir(), 'batch_output.jsonl');
    copyFileSync(fixture('openai/batch-output.jsonl'), file);
    utimesSync(file, new Date('2026-09-01T12:00:00Z'), new Date('2026-09-01T12:00:00Z'));
    const { ws } = await ingested([file]);
    expect(await rowAt(ws, "call_id = 'batch_req_126'")).toMatchObject({
      ts: '2026-09-01 12:00:00+00',
      operation: 'embeddings',
      model: 'text-embedding-3-small',
      input_tokens: 64n,
      cache_read_tokens: null,
      output_tokens: 0n,
      lane: 'batch',
    });
    ws.close();
  });

  it('skips failed and expired requests (not billed), counted apart from rejects', async () => {
    const { ws, summary } = await ingested([fixture('openai/batch-output.jsonl')]);
    expect(summary).toMatchObject({ skipped: 2, rejects: 0 });
    const skipped = await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line");
    expect(skipped).toEqual([
      { line: 5n, reason: 'batch request failed: 400' },
      { line: 6n, reason: 'batch request failed: batch_expired' },
    ]);
    ws.close();
  });

  it('rejects an unreadable count with file:line, and keeps a missing cache field NULL', async () => {
    const { ws, summary } = await ingested([fixture('openai/batch-output-malformed.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1 });
    expect(firstRejects(summary)).toEqual([{ line: 2, path: null, reason: 'not a whole number in output_tokens: "five"' }]);
    expect(await rowAt(ws, "call_id = 'batch_req_203'")).toMatchObject({ input_tokens: 40n, cache_read_tokens: null, cache_write_unknown_tokens: null });
    ws.close();
  });

  it('takes call ids from the source: a line seen in another file is a duplicate', async () => {
    const file = join(tempDir(), 'retry_output.jsonl');
    writeFileSync(file, readFileSync(fixture('openai/batch-output.jsonl'), 'utf8').split('\n')[0] + '\n');
    const { ws, summary } = await ingested([fixture('openai/batch-output.jsonl'), file]);
    expect(summary).toMatchObject({ calls: 4, duplicates: 1 });
    ws.close();
  });
});

// Defect 4: pages fetched without group_by=model (OpenAI's cookbook does this) have model null everywhere.
describe('openai-usage without group_by=model', () => {
  it('rejects each result with what to do: re-export grouped by model, project and key, with the command', async () => {
    const file = fixture('openai/usage-no-group-by.json');
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 0, rejects: 2 });
    const reasons = await ws.all<{ path: string; reason: string }>("SELECT path, reason FROM rejects WHERE kind = 'reject' ORDER BY path");
    expect(reasons.map((r) => r.path)).toEqual(['/data/0/results/0', '/data/1/results/0']);
    expect(reasons[0]!.reason).toBe(noModelReason);
    expect(noModelReason).toContain('group_by=model&group_by=project_id&group_by=api_key_id');
    expect(noModelReason).toContain('curl -H "Authorization: Bearer $OPENAI_ADMIN_KEY"');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stdout).toContain('Re-export grouped by model');
  });
});

// The dashboard's usage export, written from the description of its header (start_time, end_time,
// start_time_iso, end_time_iso, the grouping, then the Usage API's token fields). Observed in public: the export of a
// period with no usage holds the four time columns alone (fixtures/SOURCES.md).
describe('openai-usage-csv (dashboard export)', () => {
  it('an export of days without usage (the four time columns alone) is read: every bucket a skip, not an unknown format', async () => {
    const empty = fixture('openai/completions_usage_2025-01-01_2025-01-02.csv');
    const { ws, summary } = await ingested([empty]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-usage-csv', calls: 0, rejects: 0, skipped: 2 });
    expect(await ws.all('SELECT line, reason FROM rejects ORDER BY line')).toEqual([
      { line: 2n, reason: 'an empty bucket: the export holds no usage for it' },
      { line: 3n, reason: 'an empty bucket: the export holds no usage for it' },
    ]);
    // In a populated export, a bucket row with no requests and no tokens is a skip too (it was a reject: no model).
    const lines = readFileSync(fixture('openai/completions_usage_2026-03-31_2026-04-02.csv'), 'utf8').trimEnd().split('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-openai-empty-')), 'completions_usage_2026-03-31_2026-04-03.csv');
    writeFileSync(file, [...lines, '1775088000,1775174400,2026-04-02T00:00:00+00:00,2026-04-03T00:00:00+00:00,,,,,,,,,,,,,'].join('\n') + '\n');
    const populated = await ingested([file]);
    expect(populated.summary.files[0]).toMatchObject({ calls: 3, rejects: 1, skipped: 1 });
    expect(await populated.ws.all("SELECT line FROM rejects WHERE kind = 'skip'")).toEqual([{ line: 6n }]);
  });

  const completions = fixture('openai/completions_usage_2026-03-31_2026-04-02.csv');
  const embeddings = fixture('openai/embeddings_usage_2026-03-31_2026-04-01.csv');
  it('is detected by content, and no other format takes it', async () => {
    for (const file of [completions, embeddings]) {
      const sample = await sniff(file);
      expect(adapters.filter((a) => a.kinds.includes('csv') && a.detect(sample)).map((a) => a.id)).toEqual(['openai-usage-csv']);
    }
    for (const other of ['anthropic/console-usage.csv', 'openrouter/generations.csv', 'batchable/mixed-workloads.csv', 'litellm/spend-logs.csv']) {
      expect(openaiDashboardCsv.detect(await sniff(fixture(other))), other).toBe(false);
    }
  });
  it('reads buckets with the Usage API semantics: input includes cached tokens and audio, audio goes to its own columns', async () => {
    const { ws, summary } = await ingested([completions, embeddings]);
    expect(summary).toMatchObject({ calls: 4, rejects: 1 });
    expect((await ws.all<{ reason: string }>("SELECT reason FROM rejects"))[0]!.reason).toBe(noModelCsvReason);
    expect(await ws.all(`SELECT model, granularity, lane, operation, requests, input_tokens, cache_read_tokens, output_tokens, input_tokens_reported,
      project, api_key_name, ts, ended_at FROM calls ORDER BY ts, model`)).toEqual([
      // gpt-5.4-mini on 03-31 reports 12000 audio input and 3000 audio output inside its 250000 / 50000: text is the rest.
      { model: 'gpt-5.4-2026-03-05', granularity: 'bucket', lane: 'batch', operation: 'chat', requests: 1200n, input_tokens: 2000000n, cache_read_tokens: 1000000n,
        output_tokens: 400000n, input_tokens_reported: 3000000n, project: 'proj_etl', api_key_name: 'etl-nightly', ts: new Date('2026-03-31T00:00:00Z'), ended_at: new Date('2026-04-01T00:00:00Z') },
      { model: 'gpt-5.4-mini-2026-03-17', granularity: 'bucket', lane: 'priority', operation: 'chat', requests: 900n, input_tokens: 38000n, cache_read_tokens: 200000n,
        output_tokens: 47000n, input_tokens_reported: 250000n, project: 'proj_chat', api_key_name: 'support-web', ts: new Date('2026-03-31T00:00:00Z'), ended_at: new Date('2026-04-01T00:00:00Z') },
      { model: 'text-embedding-3-small', granularity: 'bucket', lane: 'standard', operation: 'embeddings', requests: 4100n, input_tokens: 8200000n, cache_read_tokens: null,
        output_tokens: 0n, input_tokens_reported: 8200000n, project: 'proj_search', api_key_name: null, ts: new Date('2026-03-31T00:00:00Z'), ended_at: new Date('2026-04-01T00:00:00Z') },
      { model: 'gpt-5.4-mini-2026-03-17', granularity: 'bucket', lane: 'standard', operation: 'chat', requests: 880n, input_tokens: 90000n, cache_read_tokens: 150000n,
        output_tokens: 48000n, input_tokens_reported: 240000n, project: 'proj_chat', api_key_name: 'support-web', ts: new Date('2026-04-01T00:00:00Z'), ended_at: new Date('2026-04-02T00:00:00Z') },
    ]);
    expect(await ws.all('SELECT model, audio_input_tokens, audio_output_tokens FROM calls ORDER BY ts, model')).toEqual([
      { model: 'gpt-5.4-2026-03-05', audio_input_tokens: 0n, audio_output_tokens: 0n },
      { model: 'gpt-5.4-mini-2026-03-17', audio_input_tokens: 12000n, audio_output_tokens: 3000n },
      { model: 'text-embedding-3-small', audio_input_tokens: null, audio_output_tokens: null },
      { model: 'gpt-5.4-mini-2026-03-17', audio_input_tokens: 0n, audio_output_tokens: 0n },
    ]);
  });
});

// A real export (fixtures/SOURCES.md): a week of one developer's usage and cost exports, as published in a public
// repository's notes (pasted there as tab-separated text; written back with commas). Counts and tokens as decimals
// (`10.0`), `batch` as FALSE, the newer uncached and per-modality columns, a user column, and days without usage as
// rows of the four time columns alone, in both files.
describe('openai dashboard exports, a real week', () => {
  it('reads the usage export to its buckets and the cost export to its days, the empty days skipped', async () => {
    const usage = fixture('openai/completions_usage_2025-10-05_2025-10-12.csv');
    const cost = fixture('openai/cost_2025-10-05_2025-10-12.csv');
    const { ws, summary } = await ingested([usage, cost]);
    expect(summary.files.map((f) => [f.format, f.calls, f.rejects, f.skipped])).toEqual([
      ['openai-usage-csv', 6, 0, 1],
      ['openai-costs-csv', 0, 0, 2],
    ]);
    expect(await ws.all(`SELECT strftime(ts, '%m-%d') AS day, model, requests, input_tokens, cache_read_tokens, output_tokens, input_tokens_reported, lane, user_id
      FROM calls ORDER BY ts, requests`)).toEqual([
      { day: '10-05', model: 'gpt-4o-2024-08-06', requests: 10n, input_tokens: 53440n, cache_read_tokens: 5760n, output_tokens: 10646n, input_tokens_reported: 59200n, lane: 'standard', user_id: 'user-dAU7Ud7OljwJvKfi4wQzWHyV' },
      { day: '10-06', model: 'gpt-5-2025-08-07', requests: 1n, input_tokens: 5783n, cache_read_tokens: 0n, output_tokens: 16000n, input_tokens_reported: 5783n, lane: 'standard', user_id: 'user-dAU7Ud7OljwJvKfi4wQzWHyV' },
      { day: '10-06', model: 'gpt-5-2025-08-07', requests: 8n, input_tokens: 38072n, cache_read_tokens: 8192n, output_tokens: 60000n, input_tokens_reported: 46264n, lane: 'standard', user_id: 'user-dAU7Ud7OljwJvKfi4wQzWHyV' },
      { day: '10-07', model: 'gpt-5-mini-2025-08-07', requests: 21n, input_tokens: 80992n, cache_read_tokens: 0n, output_tokens: 274770n, input_tokens_reported: 80992n, lane: 'standard', user_id: 'user-dAU7Ud7OljwJvKfi4wQzWHyV' },
      { day: '10-10', model: 'gpt-5-mini-2025-08-07', requests: 11n, input_tokens: 124784n, cache_read_tokens: 0n, output_tokens: 154852n, input_tokens_reported: 124784n, lane: 'standard', user_id: 'user-dAU7Ud7OljwJvKfi4wQzWHyV' },
      { day: '10-11', model: 'gpt-5-mini-2025-08-07', requests: 2n, input_tokens: 22688n, cache_read_tokens: 0n, output_tokens: 33191n, input_tokens_reported: 22688n, lane: 'standard', user_id: 'user-dAU7Ud7OljwJvKfi4wQzWHyV' },
    ]);
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY file, line")).toEqual([
      { line: 6n, reason: 'an empty bucket: the export holds no usage for it' },
      { line: 6n, reason: 'an empty bucket: no cost in it' },
      { line: 9n, reason: 'an empty bucket: no cost in it' },
    ]);
    ws.close();
  });
});

describe('openai-batch-output audio tokens', () => {
  it('takes chat usage audio_tokens out of prompt and completion tokens into the audio columns', async () => {
    // The fixture's first line (22 prompt, 2 completion tokens) with audio details, as chat usage reports them.
    const line = JSON.parse(readFileSync(fixture('openai/batch-output.jsonl'), 'utf8').split('\n')[0]!);
    line.response.body.usage.prompt_tokens_details.audio_tokens = 15;
    line.response.body.usage.completion_tokens_details.audio_tokens = 1;
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-')), 'batch-audio.jsonl');
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const { ws } = await ingested([file]);
    expect(await ws.all('SELECT input_tokens, output_tokens, audio_input_tokens, audio_output_tokens, input_tokens_reported FROM calls')).toEqual([
      { input_tokens: 7n, output_tokens: 1n, audio_input_tokens: 15n, audio_output_tokens: 1n, input_tokens_reported: 22n },
    ]);
    ws.close();
  });
});

it("an OpenAI Batch object is named, with the job's output file to read instead (one job's totals, not its calls)", async () => {
  // Written from the Batch object of the API reference (`GET /v1/batches/{id}`), with the `usage` and `model` it has
  // carried since 2025 (a real one pasted in BerriAI/litellm#14884: 9,872 requests of gpt-5 summed in one object).
  const file = fixture('openai/batch-object.json');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}: an OpenAI Batch object (\`/v1/batches\`): one job's status and totals, not its calls. Read the job's output file instead ` +
    '(`GET /v1/files/{output_file_id}/content`: a line per call, on the batch lane), or the usage API (`batchable pull openai`)\n');
});
