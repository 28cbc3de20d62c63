import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';
import { langfuseObservations } from '../../src/ingest/adapters/langfuse.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const columns = `call_id, trace_id, parent_id, model, provider, operation, input_tokens, cache_read_tokens, cache_write_unknown_tokens,
  output_tokens, reasoning_tokens, input_tokens_reported, ttft_ms, latency_ms, streamed, reported_cost::VARCHAR AS cost,
  reported_cost_kind, user_id, session_id, ts, ended_at`;

describe('langfuse-observations', () => {
  it('is detected in an API page and in JSONL, and does not take LiteLLM or OpenRouter files', async () => {
    expect(langfuseObservations.detect(await sniff(fixture('langfuse/observations-page.json')))).toBe(true);
    expect(langfuseObservations.detect(await sniff(fixture('langfuse/observations.jsonl')))).toBe(true);
    expect(langfuseObservations.detect(await sniff(fixture('litellm/spend-logs.json')))).toBe(false);
    expect(langfuseObservations.detect(await sniff(fixture('openrouter/generations.jsonl')))).toBe(false);
  });

  it('reads generations only, cache keys by their style, and seconds as ms', async () => {
    const { ws, summary } = await ingested([fixture('langfuse/observations-page.json')]);
    expect(summary).toMatchObject({ calls: 3, rejects: 0, skipped: 2 });
    const skips = await ws.all("SELECT path, reason FROM rejects WHERE kind = 'skip' ORDER BY path");
    expect(skips).toEqual([
      { path: '/data/0', reason: 'langfuse SPAN observation: no model usage' },
      { path: '/data/3', reason: 'langfuse EVENT observation: no model usage' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT ${columns}, source_path, tags::VARCHAR AS tags FROM calls ORDER BY ts, call_id`);
    expect(rows.map((r) => r.call_id)).toEqual(['e5b4a7c6-gen-nightly', 'b2e1d4f3-gen-anthropic', 'c3d2e5a4-gen-openai']);
    const [nightly, anthropic, openai] = rows;
    // Anthropic-style keys: cache reads/writes are outside `input`.
    expect(anthropic).toEqual({
      call_id: 'b2e1d4f3-gen-anthropic',
      trace_id: 'tr_9c1e',
      parent_id: 'a1f0c3e2-agent-root',
      model: 'claude-haiku-4-5',
      provider: 'anthropic',
      operation: 'chat',
      input_tokens: 1800n,
      cache_read_tokens: 12000n,
      cache_write_unknown_tokens: 500n,
      output_tokens: 220n,
      reasoning_tokens: null,
      input_tokens_reported: 1800n,
      ttft_ms: 640,
      latency_ms: 4200,
      streamed: true,
      cost: '0.004725000',
      reported_cost_kind: 'estimated',
      user_id: null,
      session_id: null,
      ts: new Date('2026-08-01T09:00:00.000Z'),
      ended_at: new Date('2026-08-01T09:00:04.200Z'),
      source_path: '/data/1',
      tags: '{"feature":"support-chat","name":"answer","environment":"production","level":"DEFAULT"}',
    });
    // OpenAI-style key: cached tokens are inside `input`; TTFT from completionStartTime when timeToFirstToken is null.
    expect(openai).toMatchObject({ input_tokens: 904n, cache_read_tokens: 4096n, cache_write_unknown_tokens: null, output_tokens: 310n, reasoning_tokens: 128n, ttft_ms: 350, latency_ms: 1500, streamed: true, cost: '0.002130000' });
    // Legacy usage (usageDetails empty); no completionStartTime: streamed unknown, not false.
    expect(nightly).toMatchObject({ input_tokens: 5200n, cache_read_tokens: null, output_tokens: 900n, streamed: null, ttft_ms: null, latency_ms: 8200, cost: '0.003100000' });
    expect(JSON.parse(nightly!.tags as string)).toEqual({ job: 'nightly-digest', name: 'summarize', environment: 'production', level: 'DEFAULT' });
  });

  it('reads JSONL with trace fields joined in, rejecting an unreadable latency with its line', async () => {
    const { ws, summary } = await ingested([fixture('langfuse/observations.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1, skipped: 1 });
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'reject'")).toEqual([{ line: 3n, reason: 'not a number in latency_ms: "fast"' }]);
    const rows = await ws.all<CallRow>(`SELECT ${columns}, tags->'tags' AS trace_tags FROM calls ORDER BY ts`);
    expect(rows.map((r) => [r.call_id, r.input_tokens, r.cache_read_tokens, r.ttft_ms, r.streamed, r.user_id, r.session_id])).toEqual([
      ['f6a5b8d7-gen-1', 900n, null, null, null, null, null],
      ['c9d8e1a0-gen-3', 320n, 0n, 300, true, 'u_42', 's_1'],
    ]);
    expect(rows[1]!.trace_tags).toBe('["web"]');
  });
});
