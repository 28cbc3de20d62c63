import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';
import { litellmSpendLogs } from '../../src/ingest/adapters/litellm.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const columns = `call_id, provider, model, operation, status, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens,
  reasoning_tokens, input_tokens_reported, ttft_ms, latency_ms, streamed, reported_cost::VARCHAR AS cost, reported_cost_kind,
  api_key_name, project, user_id, session_id, lane, lane_source, tags::VARCHAR AS tags`;

describe('litellm-spendlogs', () => {
  it('is detected in JSON and CSV exports, and does not take OpenRouter files', async () => {
    expect(litellmSpendLogs.detect(await sniff(fixture('litellm/spend-logs.json')))).toBe(true);
    expect(litellmSpendLogs.detect(await sniff(fixture('litellm/spend-logs.csv')))).toBe(true);
    expect(litellmSpendLogs.detect(await sniff(fixture('openrouter/generations.csv')))).toBe(false);
    expect(litellmSpendLogs.detect(await sniff(fixture('openrouter/generations.jsonl')))).toBe(false);
  });

  it('takes cache reads and writes out of prompt_tokens, NULL when LiteLLM gives no cache figures', async () => {
    const { ws, summary } = await ingested([fixture('litellm/spend-logs.json')]);
    expect(summary).toMatchObject({ calls: 5, rejects: 0, skipped: 0 });
    const rows = await ws.all<CallRow>(`SELECT ${columns}, source_path FROM calls ORDER BY ts DESC`);
    const byId = new Map(rows.map((r) => [r.call_id, r]));
    expect(byId.get('chatcmpl-9f1c2b7e-5a0d-4c1e-9a77-2f3b8c1d0e01')).toEqual({
      call_id: 'chatcmpl-9f1c2b7e-5a0d-4c1e-9a77-2f3b8c1d0e01',
      provider: 'openai',
      model: 'gpt-5.4',
      operation: 'chat',
      status: 'success',
      input_tokens: 176n,
      cache_read_tokens: 1024n,
      cache_write_unknown_tokens: null,
      output_tokens: 85n,
      reasoning_tokens: 0n,
      input_tokens_reported: 1200n,
      ttft_ms: 490,
      latency_ms: 2780,
      streamed: null,
      cost: '0.000420000',
      reported_cost_kind: 'estimated',
      api_key_name: 'web-app',
      project: 'team-web',
      user_id: 'u_42',
      session_id: 'sess-7a1',
      lane: 'standard',
      lane_source: 'inferred',
      tags: '{"request_tags":[],"call_type":"acompletion","model_group":"gpt-5.4","api_base":"https://api.openai.com/v1","user":"default_user_id","end_user":"u_42","cache_hit":"False","team_alias":"Web","key_user_id":"default_user_id"}',
      source_path: '/0',
    });
    // Anthropic through LiteLLM: prompt_tokens 15300 = 1800 uncached + 12000 read + 1500 written.
    // The team comes from the key's metadata when the column is empty.
    // completionStartTime = endTime is LiteLLM's value for a call it did not stream: no TTFT; latency from the times.
    expect(byId.get('chatcmpl-2b8e4c1a-7d3f-4e2b-8c6a-1a9b0c2d3e02')).toMatchObject({
      provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', input_tokens: 1800n, cache_read_tokens: 12000n,
      cache_write_unknown_tokens: 1500n, input_tokens_reported: 15300n, ttft_ms: null, latency_ms: 4250, user_id: null,
      project: 'team-web', tags: expect.stringContaining('"feature":"chat"'),
    });
    // `user` is the key owner inside LiteLLM ('default_user_id', 'svc-etl'), not an end user: only `end_user` is one.
    const nightly = byId.get('chatcmpl-5c3d2e1f-0a9b-4c8d-7e6f-5a4b3c2d1e03')!;
    expect(nightly).toMatchObject({ input_tokens: 5200n, cache_read_tokens: null, cache_write_unknown_tokens: null, reasoning_tokens: null, ttft_ms: null, api_key_name: 'etl-nightly', project: 'team-data', user_id: null });
    expect(JSON.parse(nightly.tags as string)).toMatchObject({
      request_tags: ['jobID:214590', 'taskName:run_page_classification', 'nightly'],
      jobID: '214590',
      taskName: 'run_page_classification',
      env: 'prod',
      owner: 'data-eng',
    });
    expect(byId.get('emb-8d7c6b5a-4f3e-2d1c-0b9a-8f7e6d5c4b04')).toMatchObject({ operation: 'embeddings', input_tokens: 820n, output_tokens: 0n });
    // A failed call is still a call.
    expect(byId.get('failed-3e2d1c0b-9a8f-7e6d-5c4b-3a2f1e0d9c05')).toMatchObject({ status: 'failure', input_tokens: 0n, output_tokens: 0n, cost: '0.000000000', latency_ms: 30000 });
  });

  it('parses the JSON text columns of a SQL CSV export and rejects an unreadable count with its line', async () => {
    const { ws, summary } = await ingested([fixture('litellm/spend-logs.csv')]);
    expect(summary).toMatchObject({ calls: 3, rejects: 1 });
    const rows = await ws.all<CallRow>(`SELECT ${columns} FROM calls ORDER BY call_id`);
    expect(rows.map((r) => [r.call_id, r.input_tokens, r.cache_read_tokens, r.cache_write_unknown_tokens, r.ttft_ms, r.latency_ms, r.user_id, r.api_key_name])).toEqual([
      ['chatcmpl-c1', 176n, 1024n, null, 490, 2780, 'u_42', 'web-app'],
      ['chatcmpl-c2', 1800n, 12000n, 1500n, null, 4250, null, 'web-app'],
      ['chatcmpl-c3', 5200n, null, null, null, 8200, null, 'etl-nightly'],
    ]);
    expect(JSON.parse(rows[2]!.tags as string)).toMatchObject({ jobID: '214590', env: 'prod', request_tags: ['jobID:214590', 'taskName:run_page_classification', 'nightly'] });
    expect(await ws.all('SELECT line, reason FROM rejects')).toEqual([{ line: 5n, reason: 'not a whole number in output_tokens: "NaN"' }]);
  });

  it('reads /spend/logs/v2 pages as JSONL: rows under data, a truncated line rejected with its line', async () => {
    const { ws, summary } = await ingested([fixture('litellm/spend-logs-v2-pages.jsonl')]);
    expect(summary).toMatchObject({ calls: 3, rejects: 1 });
    expect(await ws.all('SELECT call_id, source_row, source_path, input_tokens, cache_read_tokens FROM calls ORDER BY source_row, source_path')).toEqual([
      { call_id: 'chatcmpl-5c3d2e1f-0a9b-4c8d-7e6f-5a4b3c2d1e03', source_row: 1n, source_path: '/data/0', input_tokens: 5200n, cache_read_tokens: null },
      { call_id: 'emb-8d7c6b5a-4f3e-2d1c-0b9a-8f7e6d5c4b04', source_row: 1n, source_path: '/data/1', input_tokens: 820n, cache_read_tokens: null },
      { call_id: 'chatcmpl-9f1c2b7e-5a0d-4c1e-9a77-2f3b8c1d0e01', source_row: 3n, source_path: '/data/0', input_tokens: 176n, cache_read_tokens: 1024n },
    ]);
    expect(await ws.all('SELECT line, reason FROM rejects')).toEqual([{ line: 2n, reason: 'malformed JSON' }]);
  });
});

describe('litellm callback payloads and cache hits', () => {
  it("reads LiteLLM's StandardLoggingPayload (real GCS logger payloads): its id, response_cost, key hash, stream flag and epoch times", async () => {
    for (const f of ['real-standard-logging-payload.json', 'real-standard-logging-payload-epoch.jsonl', 'real-spend-logs-payload.json']) {
      expect(litellmSpendLogs.detect(await sniff(fixture(`litellm/${f}`))), f).toBe(true);
    }
    const { ws, summary } = await ingested([fixture('litellm/real-standard-logging-payload.json'), fixture('litellm/real-standard-logging-payload-epoch.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0 });
    const rows = await ws.all<CallRow>(`SELECT call_id, model, streamed, input_tokens, output_tokens, reported_cost::VARCHAR AS cost, latency_ms, api_key,
      strftime(ts, '%Y-%m-%dT%H:%M:%S.%f') AS ts FROM calls ORDER BY call_id`);
    expect(rows).toEqual([
      // startTime as a datetime text; no key (its hash is null). `stream: true` in the payload, but its first token at its end
      // (LiteLLM's mark of a call it did not stream): not streamed.
      { call_id: 'chatcmpl-2299b6a2-82a3-465a-b47c-04e685a2227f', model: 'gpt-4o', streamed: false, input_tokens: 10n, output_tokens: 20n,
        cost: '0.000225000', latency_ms: 4.583, api_key: null, ts: '2025-01-24T09:20:46.847371' },
      // startTime as epoch seconds (1739235379.683053); the key's hash from metadata.user_api_key_hash (a secret's shape: masked).
      // Its model_parameters.stream is false (the payload's own `stream` says true).
      { call_id: 'chatcmpl-9870a859d6df402795f75dc5fca5b2e0', model: 'my-fake-model', streamed: false, input_tokens: 9n, output_tokens: 12n,
        cost: '0.000037500', latency_ms: 162.277, api_key: 'sk-…-123', ts: '2025-02-11T00:56:19.683053' },
    ]);
  });

  it("a real payload's `stream: true` for a call the request did not stream (LiteLLM 1.72.3, Bedrock through an inference profile) reads as not streamed", async () => {
    // fixtures/SOURCES.md: the standard_logging_object of a proxy call whose request body, kwargs and model_parameters all say
    // stream false and whose completionStartTime is its endTime; the payload's own `stream` is true. Before: streamed true.
    const { ws, summary } = await ingested([fixture('litellm/real-standard-logging-payload-bedrock.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0 });
    expect(await ws.all(`SELECT call_id, provider, model, streamed, ttft_ms, latency_ms, input_tokens, cache_read_tokens, output_tokens,
      reported_cost::VARCHAR AS cost, trace_id FROM calls`)).toEqual([
      { call_id: 'chatcmpl-fa9be5b7-9487-46ab-86de-6462d578fea1', provider: 'bedrock',
        model: 'arn:aws:bedrock:us-west-2:1234567890123:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0', streamed: false, ttft_ms: null,
        latency_ms: 236.798, input_tokens: 14n, cache_read_tokens: 0n, output_tokens: 67n, cost: '0.001047000', trace_id: '4c97150b-b1a3-4dec-bd7a-734786b1b3bc' },
    ]);
  });

  it("takes a payload's cache reads from its stored response's usage when the metadata holds none", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-litellm-payload-'));
    const file = join(dir, 'payload.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'chatcmpl-p1', call_type: 'acompletion', response_cost: 0.000456, startTime: 1767261600.5, endTime: 1767261602.0,
      completionStartTime: 1767261602.0, model: 'gpt-4o-mini', prompt_tokens: 1200, completion_tokens: 50, total_tokens: 1250, stream: false, metadata: {},
      response: { usage: { prompt_tokens: 1200, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 1024 } } } })}\n`);
    const { ws } = await ingested([file]);
    expect(await ws.all('SELECT input_tokens, cache_read_tokens, output_tokens, streamed FROM calls')).toEqual([
      { input_tokens: 176n, cache_read_tokens: 1024n, output_tokens: 50n, streamed: false },
    ]);
  });

  it("skips a response LiteLLM's cache served (spend 0, the cached answer's tokens): no provider call", async () => {
    const { ws, summary } = await ingested([fixture('litellm/cache-hit.jsonl')]);
    expect(summary).toMatchObject({ calls: 1, skipped: 1, rejects: 0 });
    expect(await ws.all('SELECT call_id FROM calls')).toEqual([{ call_id: 'chatcmpl-7c1d0e2f-miss' }]);
    expect(await ws.all(`SELECT line, reason FROM rejects WHERE kind = 'skip'`)).toEqual([
      { line: 2n, reason: "served from LiteLLM's cache (cache_hit): no provider call, nothing billed" },
    ]);
  });

  it('reads the call types older proxies wrote (litellm.completion) as chat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-litellm-'));
    const file = join(dir, 'old.csv');
    writeFileSync(file, 'request_id,call_type,spend,startTime,endTime,model,prompt_tokens,completion_tokens\n' +
      'r1,litellm.completion,0.00002,2024-02-04 10:00:00,2024-02-04 10:00:01,gpt-3.5-turbo,10,5\n' +
      'r2,litellm.aembedding,0.00001,2024-02-04 10:00:02,2024-02-04 10:00:03,text-embedding-ada-002,40,0\n');
    const { ws } = await ingested([file]);
    expect(await ws.all('SELECT call_id, operation FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'r1', operation: 'chat' }, { call_id: 'r2', operation: 'embeddings' },
    ]);
  });
});

describe('litellm audio tokens', () => {
  it('takes usage audio_tokens out of prompt and completion tokens into the audio columns', async () => {
    // The fixture's first log with audio counted (its usage shape has prompt_tokens_details.audio_tokens: 0).
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const doc = JSON.parse(readFileSync(fixture('litellm/spend-logs.json'), 'utf8'));
    const first = Array.isArray(doc) ? doc[0] : doc.data[0];
    first.metadata.additional_usage_values = { prompt_tokens_details: { cached_tokens: 0, audio_tokens: 100 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 20 } };
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-')), 'spend-logs-audio.json');
    writeFileSync(file, JSON.stringify(doc));
    const { ws } = await ingested([file]);
    const [row] = await ws.all<Record<string, bigint | null>>(
      'SELECT input_tokens, input_tokens_reported, output_tokens, audio_input_tokens, audio_output_tokens FROM calls WHERE call_id = $1', [first.request_id]);
    expect(row).toEqual({
      input_tokens: BigInt(first.prompt_tokens) - 100n, input_tokens_reported: BigInt(first.prompt_tokens),
      output_tokens: BigInt(first.completion_tokens) - 20n, audio_input_tokens: 100n, audio_output_tokens: 20n,
    });
    ws.close();
  });
});

it("LiteLLM's usage page export (daily totals per team, tag or key) is named, with the spend logs to export instead", async () => {
  // As the dashboard's export writes it (ui/litellm-dashboard/src/components/EntityUsageExport/utils.ts: daily_with_models).
  const file = join(mkdtempSync(join(tmpdir(), 'batchable-litellm-usage-')), 'team-usage.csv');
  writeFileSync(file, 'Date,Team,Team ID,Model,Spend ($),Requests,Successful,Failed,Total Tokens\n2026-07-01,research,team-1,claude-haiku-4-5,0.0123,4,4,0,5230\n');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}: a LiteLLM usage page export: daily totals per team, tag or key, with no call and no split of its tokens into ` +
    'input and output. Export the spend logs instead (LiteLLM_SpendLogs: `/spend/logs`, or the table as CSV), or run `batchable pull litellm`\n');
});
