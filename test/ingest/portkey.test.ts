import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.ts';
import { ingested, picoOfUsd, pricedFiles } from '../helpers/workspace.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { portkeyLogs } from '../../src/ingest/adapters/portkey.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const columns = `call_id, provider, model, operation, lane, status, streamed, input_tokens, cache_read_tokens, cache_write_unknown_tokens,
  output_tokens, reasoning_tokens, input_tokens_reported, latency_ms, reported_cost::VARCHAR AS cost, reported_cost_kind, user_id,
  trace_id, session_id, api_key, project, tags::VARCHAR AS tags, strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') AS ts`;

const portkeyFixtures = ['log-export.jsonl', 'metric-rows-cache.jsonl', 'docs-sample-log-object.json', 'docs-sample-metric-row.json', 'metergraphrelay-test-rows.jsonl'];

async function rowsOf(file: string): Promise<{ byId: Map<unknown, CallRow>; summary: unknown; skips: unknown[]; rejects: unknown[] }> {
  const { ws, summary } = await ingested([fixture(`portkey/${file}`)]);
  const rows = await ws.all<CallRow>(`SELECT ${columns} FROM calls`);
  const skips = await ws.all(`SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line`);
  const rejects = await ws.all(`SELECT line, reason FROM rejects WHERE kind <> 'skip' ORDER BY line`);
  return { byId: new Map(rows.map((r) => [r.call_id, r])), summary, skips, rejects };
}

describe('portkey-logs', () => {
  it('is the format the registry picks for every Portkey file (export rows, log objects, metric rows), and takes no other gateway file', async () => {
    for (const f of portkeyFixtures) {
      const sample = await sniff(fixture(`portkey/${f}`));
      expect(adapters.find((a) => a.kinds.includes(sample.kind) && a.detect(sample))?.id, f).toBe('portkey-logs');
    }
    for (const f of ['helicone/query-clickhouse-page.json', 'helicone/export.jsonl', 'litellm/spend-logs.json', 'openrouter/generations.jsonl',
      'langfuse/observations-page.json', 'otel/spans.jsonl', 'bedrock/real-elastic-invocations.jsonl', 'openai/real-batch-output-responses.jsonl']) {
      expect(portkeyLogs.detect(await sniff(fixture(f))), f).toBe(false);
    }
  });

  it('reads export rows: cost in cents, the usage block deciding the cache split per API shape, private rows from their units', async () => {
    const { byId, summary, skips, rejects } = await rowsOf('log-export.jsonl');
    // 9 lines: 6 calls, a repeated log (duplicate), a failed request without tokens (skipped), one without any token count (rejected).
    expect(summary).toMatchObject({ calls: 6, duplicates: 1, skipped: 1, rejects: 1 });
    // OpenAI chat: cache reads inside prompt_tokens (1450 - 1152 fresh); streamed by its request; `_user` is the user, not a tag.
    expect(byId.get('pk-01-openai-stream')).toEqual({
      call_id: 'pk-01-openai-stream', provider: 'openai', model: 'gpt-4o-2024-08-06', operation: 'chat', lane: 'standard', status: '200',
      streamed: true, input_tokens: 298n, cache_read_tokens: 1152n, cache_write_unknown_tokens: null, output_tokens: 224n, reasoning_tokens: 0n,
      input_tokens_reported: 1450n, latency_ms: 2762, cost: '0.004425000', reported_cost_kind: 'estimated', user_id: 'user_8812',
      trace_id: 'tr-support-77', session_id: null, api_key: null, project: null, ts: '2026-09-14T09:02:11.204',
      tags: '{"feature":"support-chat","environment":"production","portkey_provider":"openai","config":"pc-support-01","mode":"single"}',
    });
    // Anthropic through Portkey's OpenAI-shaped API: prompt_tokens is Anthropic's input, the cache beside it (not inside,
    // though prompt_tokens_details.cached_tokens names the reads too).
    expect(byId.get('pk-02-anthropic-gateway')).toMatchObject({ input_tokens: 1800n, cache_read_tokens: 12000n, cache_write_unknown_tokens: 1500n, output_tokens: 580n, cost: '0.023325000' });
    // Anthropic's native usage: the cache outside input_tokens.
    expect(byId.get('pk-03-anthropic-native')).toMatchObject({ model: 'claude-haiku-4-5', input_tokens: 920n, cache_read_tokens: 8000n, cache_write_unknown_tokens: 0n, output_tokens: 310n });
    // Responses API: cache reads inside input_tokens, reasoning inside output_tokens; the flex lane from the response's service tier.
    expect(byId.get('pk-04-responses')).toMatchObject({ operation: 'responses', lane: 'flex', input_tokens: 952n, cache_read_tokens: 2048n, output_tokens: 900n, reasoning_tokens: 640n });
    // The user from metadata._user alone (no `user` in the request), and not a tag.
    expect(byId.get('pk-04-responses')).toMatchObject({ user_id: 'analyst-3', tags: '{"feature":"migration-planner","portkey_provider":"openai"}' });
    expect(byId.get('pk-05-embeddings')).toMatchObject({ operation: 'embeddings', input_tokens: 8100n, output_tokens: 0n });
    // A log kept private (no bodies): req_units and res_units as ClickHouse writes them (1200.0), the cache unknown.
    expect(byId.get('pk-06-private')).toMatchObject({
      provider: 'azure-openai', input_tokens: 1200n, cache_read_tokens: null, output_tokens: 300n, status: '200', latency_ms: 1810, cost: '0.000360000',
    });
    expect(skips).toEqual([{ line: 7n, reason: 'failed request (status 429) without tokens: not billed' }]);
    expect(rejects).toEqual([{ line: 8n, reason: expect.stringContaining('export the logs again with req_units and res_units among requested_data') }]);
  });

  it('prices every written export row to the cost Portkey reported in cents (the unit and the token split agree with list prices)', async () => {
    const { rows } = await pricedFiles([fixture('portkey/log-export.jsonl'), fixture('portkey/metric-rows-cache.jsonl')]);
    const { ws } = await ingested([fixture('portkey/log-export.jsonl'), fixture('portkey/metric-rows-cache.jsonl')]);
    const reported = await ws.all<{ call_id: string; cost: string }>('SELECT call_id, reported_cost::VARCHAR AS cost FROM calls ORDER BY call_id');
    expect(reported.length).toBe(7);
    for (const r of reported) expect(rows[r.call_id]?.cost_pico, r.call_id).toBe(picoOfUsd(r.cost));
  });

  it("reads metric rows (metadata as key and value lists, stream_mode, _user, virtual key) and skips a response Portkey's cache served", async () => {
    const { byId, summary, skips } = await rowsOf('metric-rows-cache.jsonl');
    expect(summary).toMatchObject({ calls: 1, skipped: 1, rejects: 0 });
    expect(byId.get('pk-m-1')).toMatchObject({
      provider: 'amazon-bedrock', streamed: true, status: '200', input_tokens: 640n, output_tokens: 120n, latency_ms: 1530, user_id: 'agent-42',
      api_key: 'vk-bedrock-prod', project: 'support', trace_id: 'tr-m-1', ts: '2026-09-15T08:00:00.000', tags: '{"feature":"triage","portkey_provider":"bedrock"}',
    });
    expect(skips).toEqual([{ line: 2n, reason: "served from Portkey's cache (cache_status HIT): no provider call, nothing billed" }]);
  });

  it("reads Portkey's docs samples: a stored log object (bodies in envelopes, the trace in its headers) and an analytics row", async () => {
    const log = await rowsOf('docs-sample-log-object.json');
    expect(log.summary).toMatchObject({ calls: 1, rejects: 0 });
    // The model that answered (the response's), tokens from the response body's usage, the time from responseTime.
    expect(log.byId.get('046b73bd-87da-4c0f-b716-2906d5f3f000')).toMatchObject({
      model: 'gpt-3.5-turbo-0125', operation: 'chat', status: '200', input_tokens: 9n, output_tokens: 9n, latency_ms: 517,
      trace_id: '8ecf39a3-06f0-49a4-80d6-83ab75c8c444', ts: '2024-05-22T15:18:54.404',
    });
    const metric = await rowsOf('docs-sample-metric-row.json');
    expect(metric.byId.get('550e8400-e29b-41d4-a716-446655440001')).toMatchObject({
      model: 'gpt-4', input_tokens: 150n, output_tokens: 200n, streamed: false, user_id: 'john.doe@acme.com', session_id: 'sess_stu901',
      api_key: 'vk_mno345', project: 'main-workspace', cost: '0.000105000',
      // session_id is the call's session, not a tag (nor is _user).
      tags: '{"department":"support","priority":"high","portkey_provider":"openai","config":"default","prompt_slug":"customer-support-v2","mode":"sync"}',
    });
  });

  it("reads an outside importer's test rows (Responses, Vertex, Anthropic bodies without usage) from their units, a repeated id once", async () => {
    const { byId, summary } = await rowsOf('metergraphrelay-test-rows.jsonl');
    expect(summary).toMatchObject({ calls: 3, duplicates: 1, rejects: 0 });
    expect(byId.get('pk-req-1')).toMatchObject({ operation: 'responses', input_tokens: 100n, output_tokens: 40n, cost: '0.125000000', trace_id: 'trace-1' });
    expect(byId.get('pk-req-2')).toMatchObject({ provider: 'google-vertex', model: 'gemini-2.0-flash', input_tokens: 50n, output_tokens: 20n });
    expect(byId.get('pk-req-3')).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-5', input_tokens: 200n, output_tokens: 60n, latency_ms: 1200 });
  });

  it("reads created_at as ISO text without a zone (UTC), an epoch in ms, or JavaScript's Date text with its offset", async () => {
    const { byId, summary } = await rowsOf('created-at-forms.jsonl');
    expect(summary).toMatchObject({ calls: 3, rejects: 0 });
    expect([...byId.values()].map((r) => [r.call_id, r.ts])).toEqual([
      ['pk-js-1', '2026-08-11T12:30:05.000'], ['pk-js-2', '2026-08-11T12:30:05.123'], ['pk-js-3', '2026-08-11T12:30:05.000'],
    ]);
  });
});
