import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';
import { heliconeRequests } from '../../src/ingest/adapters/helicone.ts';
import { litellmSpendLogs } from '../../src/ingest/adapters/litellm.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const columns = `call_id, provider, model, operation, status, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens,
  reasoning_tokens, audio_input_tokens, audio_output_tokens, ttft_ms, latency_ms, streamed, cancelled, reported_cost::VARCHAR AS cost,
  reported_cost_kind, user_id, session_id, app, project, tags::VARCHAR AS tags`;

describe('helicone-requests', () => {
  it('is detected in API pages, JSONL and both CSV exports, and takes no other gateway format', async () => {
    for (const f of ['query-clickhouse-page.json', 'export.jsonl', 'export-legacy.csv', 'mapper-test-record.jsonl']) {
      expect(heliconeRequests.detect(await sniff(fixture(`helicone/${f}`))), f).toBe(true);
      expect(litellmSpendLogs.detect(await sniff(fixture(`helicone/${f}`))), f).toBe(false);
    }
    for (const f of ['litellm/spend-logs.json', 'litellm/spend-logs.csv', 'openrouter/generations.csv', 'openrouter/generations.jsonl', 'langfuse/observations-page.json', 'langfuse/observations.jsonl', 'otel/spans.jsonl']) {
      expect(heliconeRequests.detect(await sniff(fixture(f))), f).toBe(false);
    }
  });

  it('reads an API page: fresh input as given, reasoning added to output, TTFT only on streams, -3 cancelled, cache hits skipped', async () => {
    const { ws, summary } = await ingested([fixture('helicone/query-clickhouse-page.json')]);
    // 6 records: 5 calls and a response Helicone served from its own cache (no provider call).
    expect(summary).toMatchObject({ calls: 5, rejects: 0, skipped: 1 });
    const rows = await ws.all<CallRow>(`SELECT ${columns}, source_path FROM calls`);
    const byId = new Map(rows.map((r) => [r.call_id, r]));
    expect(byId.get('a1e0b2c3-0001-4d5e-8f90-000000000001')).toEqual({
      call_id: 'a1e0b2c3-0001-4d5e-8f90-000000000001',
      provider: 'openai',
      model: 'gpt-4o-2024-08-06',
      operation: 'chat',
      status: '200',
      // Helicone's prompt_tokens is the fresh input (OpenAI's prompt 1450 minus the 1152 cached).
      input_tokens: 298n,
      cache_read_tokens: 1152n,
      cache_write_unknown_tokens: 0n,
      output_tokens: 224n,
      reasoning_tokens: 0n,
      audio_input_tokens: null,
      audio_output_tokens: null,
      ttft_ms: 412,
      latency_ms: 2762,
      streamed: true,
      cancelled: null,
      cost: '0.004425000',
      reported_cost_kind: 'estimated',
      user_id: 'user_8812',
      session_id: 'sess-41c',
      app: null,
      project: null,
      tags: '{"helicone_session_id":"sess-41c","helicone_session_path":"/support/answer","feature":"support-chat","environment":"production","helicone_provider":"OPENAI","country_code":"DE"}',
      source_path: '/data/0',
    });
    // Anthropic: cache reads and writes outside the input; not streamed (no TTFT); property keys in snake case.
    expect(byId.get('a1e0b2c3-0002-4d5e-8f90-000000000002')).toMatchObject({
      provider: 'anthropic', input_tokens: 1800n, cache_read_tokens: 12000n, cache_write_unknown_tokens: 1500n, output_tokens: 580n,
      ttft_ms: null, streamed: null, user_id: null, tags: expect.stringContaining('"use_case":"nightly-digest","tenant_id":"acme"'),
    });
    // A stream the client stopped (-3): billed up to the stop, cancelled; completion_tokens excludes the 60 reasoning.
    expect(byId.get('a1e0b2c3-0003-4d5e-8f90-000000000003')).toMatchObject({
      status: '-3', cancelled: true, streamed: true, ttft_ms: 380, input_tokens: 1290n, output_tokens: 122n, reasoning_tokens: 60n,
    });
    expect(byId.get('a1e0b2c3-0004-4d5e-8f90-000000000004')).toMatchObject({ operation: 'embeddings', input_tokens: 820n, output_tokens: 0n });
    // A rate-limited request is still a call (zero tokens, zero cost).
    expect(byId.get('a1e0b2c3-0006-4d5e-8f90-000000000006')).toMatchObject({ status: '429', input_tokens: 0n, output_tokens: 0n, cost: '0.000000000' });
    const skips = await ws.all<{ path: string; reason: string }>(`SELECT path, reason FROM rejects WHERE kind = 'skip'`);
    expect(skips).toEqual([
      { path: '/data/4', reason: "served from Helicone's cache (cache_reference_id a1e0b2c3-0001-4d5e-8f90-000000000001): no provider call, nothing billed" },
    ]);
  });

  it('reads JSONL records of older exports (costUSD, request_properties, bodies) and skips a record a page already gave', async () => {
    const { ws, summary } = await ingested([fixture('helicone/query-clickhouse-page.json'), fixture('helicone/export.jsonl')]);
    expect(summary).toMatchObject({ calls: 7, duplicates: 1, skipped: 2, rejects: 0 });
    // An overloaded request (529) without usage was not billed: skipped, with its status.
    expect(await ws.all('SELECT line, reason FROM rejects WHERE line IS NOT NULL')).toEqual([
      { line: 4n, reason: 'failed request (status 529) without usage: not billed' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT ${columns} FROM calls WHERE call_id LIKE '%-000000000007' OR call_id LIKE '%-000000000008'`);
    const byId = new Map(rows.map((r) => [r.call_id, r]));
    // --include-body: the request body says it did not stream. The Project property names the project (Helicone
    // records no key or project of its own).
    expect(byId.get('a1e0b2c3-0007-4d5e-8f90-000000000007')).toMatchObject({
      provider: 'anthropic', model: 'claude-haiku-4-5-20251001', input_tokens: 950n, output_tokens: 310n, streamed: false, cost: '0.002500000', project: 'helpdesk',
      tags: expect.stringContaining('"feature":"ticket-summaries","job":"backfill-2026-10"'),
    });
    // Audio apart from the text tokens; Azure as the catalog names it; the App property as the app.
    expect(byId.get('a1e0b2c3-0008-4d5e-8f90-000000000008')).toMatchObject({
      provider: 'azure-openai', input_tokens: 400n, output_tokens: 180n, audio_input_tokens: 700n, audio_output_tokens: 250n,
      streamed: true, app: 'voice-assistant', session_id: 'call-77', user_id: 'user_4410',
    });
  });

  it('reads the legacy export CSV, whose JSON cells have their quotes doubled twice', async () => {
    const { ws, summary } = await ingested([fixture('helicone/export-legacy.csv')]);
    expect(summary).toMatchObject({ calls: 4, rejects: 0 });
    const rows = await ws.all<CallRow>(`SELECT ${columns} FROM calls ORDER BY ts`);
    expect(rows.map((r) => [r.call_id, r.operation, r.input_tokens, r.output_tokens, r.latency_ms, r.streamed, r.cancelled, r.session_id, r.cost])).toEqual([
      ['b1f0c2d4-0002-4e5f-9a1b-000000000002', 'chat', 1800n, 580n, 7300, false, null, null, null],
      ['b1f0c2d4-0004-4e5f-9a1b-000000000004', 'embeddings', 820n, 0n, 180, null, null, null, null],
      ['b1f0c2d4-0001-4e5f-9a1b-000000000001', 'chat', 298n, 224n, 2762, true, null, 'sess-41c', null],
      ['b1f0c2d4-0003-4e5f-9a1b-000000000003', 'chat', 1290n, 62n, 5500, true, true, 'sess-41c', null],
    ]);
    expect(JSON.parse(rows[2]!.tags as string)).toEqual({
      helicone_session_id: 'sess-41c', helicone_session_path: '/support/answer', feature: 'support-chat', environment: 'production',
    });
  });

  it("rejects a successful record without usage with Helicone's reason (a record from Helicone's own tests)", async () => {
    const { ws, summary } = await ingested([fixture('helicone/mapper-test-record.jsonl')]);
    expect(summary).toMatchObject({ calls: 0, rejects: 1 });
    const [reject] = await ws.all<{ line: bigint; reason: string }>('SELECT line, reason FROM rejects');
    expect(reject).toEqual({ line: 1n, reason: 'Helicone recorded no token counts for this request (prompt_tokens and completion_tokens are empty): it cannot be priced' });
  });
});

describe('helicone-requests, priced', () => {
  // Helicone's own cost of each record (at list prices) equals the cost batchable recomputes from the tokens read:
  // a wrong token rule (cache reads taken out of an input that already excludes them, reasoning left out, audio
  // billed as text) shows here as a residual.
  it("recomputes Helicone's stated cost to the micro-dollar on every model", async () => {
    const r = await runCli(['audit', fixture('helicone/query-clickhouse-page.json'), fixture('helicone/export.jsonl'), '--db', ':memory:', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { reconciliation: { model: string; rows: number; residual_usd: number; flag: string | null }[] };
    expect(doc.reconciliation.map((x) => [x.model, x.rows, x.residual_usd, x.flag])).toEqual([
      ['claude-haiku-4.5', 1, 0, null],
      ['claude-sonnet-4.5', 1, 0, null],
      ['gpt-4o', 2, 0, null],
      ['gpt-4o-mini-audio-preview', 1, 0, null],
      ['o4-mini', 1, 0, null],
      ['text-embedding-3-small', 1, 0, null],
    ]);
  });
});
