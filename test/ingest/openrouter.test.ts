import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.ts';
import { ingested, picoOfUsd, pricedFiles } from '../helpers/workspace.ts';
import type { Sample } from '../../src/ingest/adapter.ts';
import { openrouterCsv, openrouterGeneration } from '../../src/ingest/adapters/openrouter.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const tokenColumns = `call_id, model, provider, operation, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens,
  reasoning_tokens, input_tokens_reported, lane, lane_source, service_tier_raw, streamed, cancelled, ttft_ms, latency_ms,
  reported_cost::VARCHAR AS cost, reported_cost_kind, user_id, app, api_key_name, finish_reason, inference_geo, source_format`;

describe('openrouter-csv', () => {
  it('is detected from the log export header, and not from a batchable CSV', async () => {
    const sample = await sniff(fixture('openrouter/generations.csv'));
    expect(openrouterCsv.detect(sample)).toBe(true);
    expect(openrouterCsv.detect(await sniff(fixture('batchable/mixed-workloads.csv')))).toBe(false);
  });

  it('reads uncached input as prompt minus cached, and keeps the signals', async () => {
    const { ws, summary } = await ingested([fixture('openrouter/generations.csv')]);
    expect(summary).toMatchObject({ calls: 5, rejects: 0, skipped: 0 });
    const rows = await ws.all<CallRow>(`SELECT ${tokenColumns} FROM calls ORDER BY ts`);
    const byId = new Map(rows.map((r) => [r.call_id, r]));
    expect(byId.get('gen-1776070800-a1')).toEqual({
      call_id: 'gen-1776070800-a1',
      model: 'openai/gpt-4o-mini',
      provider: 'openai',
      operation: 'chat',
      input_tokens: 816n,
      cache_read_tokens: 1024n,
      cache_write_unknown_tokens: null,
      output_tokens: 212n,
      reasoning_tokens: 0n,
      input_tokens_reported: 1840n,
      lane: 'standard',
      lane_source: 'inferred',
      service_tier_raw: null,
      streamed: true,
      cancelled: false,
      ttft_ms: 410,
      latency_ms: 2380,
      cost: '0.000412000',
      reported_cost_kind: 'billed',
      user_id: 'user-17',
      app: 'Support Chat',
      api_key_name: 'Primary',
      finish_reason: 'stop',
      inference_geo: null,
      source_format: 'openrouter-csv',
    });
    // A user hit stop.
    expect(byId.get('gen-1776070861-b2')).toMatchObject({ provider: 'anthropic', cancelled: true, input_tokens: 5200n, cache_read_tokens: 0n, reasoning_tokens: null });
    // Background: no cached column value means unknown (NULL), not zero; no user, no TTFT.
    expect(byId.get('gen-1776042000-c3')).toMatchObject({ input_tokens: 12000n, cache_read_tokens: null, streamed: false, ttft_ms: null, user_id: null, app: null });
    expect(byId.get('gen-1776042002-d4')).toMatchObject({ provider: 'deepseek', input_tokens: 952n, cache_read_tokens: 2048n, reasoning_tokens: 1100n, finish_reason: 'length' });
    expect(byId.get('gen-1776042004-e5')).toMatchObject({ operation: 'embeddings', output_tokens: 0n });
  });

  it("a real export's newer columns: a free variant stays unpriced at the $0 OpenRouter billed, variant and BYOK cost kept as tags", async () => {
    // The header is a real export's (as its owner recorded it); the rows are written (the export's rows are private).
    const { ws, rows } = await pricedFiles([fixture('openrouter/export-variant-byok.csv')]);
    const calls = await ws.all<CallRow>(`SELECT call_id, model, reported_cost::VARCHAR AS cost, tags->>'variant' AS variant, tags->>'byok_usage_inference' AS byok FROM calls ORDER BY call_id`);
    expect(calls).toEqual([
      { call_id: 'gen-1782618417-free0001', model: 'openai/gpt-oss-120b:free', cost: '0.000000000', variant: 'free', byok: '0' },
      { call_id: 'gen-1782618500-std00002', model: 'openai/gpt-4o-mini', cost: '0.000312000', variant: 'standard', byok: '0' },
      { call_id: 'gen-1782618600-byok0003', model: 'anthropic/claude-haiku-4.5', cost: '0.000023400', variant: 'standard', byok: '0.000468' },
    ]);
    // The free call has no catalog price: it is carried at the $0 OpenRouter reported, not at gpt-oss-120b's list price;
    // the standard one is priced at the model's list price.
    expect(rows['gen-1782618417-free0001']).toMatchObject({ price_basis: 'reported', cost_pico: 0n });
    expect(rows['gen-1782618500-std00002']?.cost_pico).toBe(picoOfUsd('0.00036'));
    const [reason] = await ws.all<{ reason: string }>(`SELECT reason FROM price_unpriced WHERE model = 'openai/gpt-oss-120b:free'`);
    expect(reason?.reason).toContain('`:free` variant: billed $0 by OpenRouter');
  });

  it('rejects unreadable values with the file line, keeping the other rows', async () => {
    const file = fixture('openrouter/malformed.csv');
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 1, rejects: 2 });
    const rejects = await ws.all<{ line: bigint; reason: string }>('SELECT line, reason FROM rejects ORDER BY line');
    expect(rejects).toEqual([
      { line: 3n, reason: 'not a whole number in input_tokens: "1.2k"; not a whole number in input_tokens_reported: "1.2k"' },
      { line: 4n, reason: 'not true/false in streamed: "maybe"' },
    ]);
  });
});

describe('openrouter-generation', () => {
  it('is detected from generation responses, wrapped or bare, and not from the OpenRouter CSV', async () => {
    expect(openrouterGeneration.detect(await sniff(fixture('openrouter/generations.jsonl')))).toBe(true);
    expect(openrouterGeneration.detect(await sniff(fixture('openrouter/generations-array.json')))).toBe(true);
    const batchableLike: Sample = { kind: 'jsonl', delimiter: '', header: [], keys: new Set(['ts', 'model', 'input_tokens', 'output_tokens']), records: [], arrayDocument: false };
    expect(openrouterGeneration.detect(batchableLike)).toBe(false);
  });

  it('uses native counts, the service tier as lane, and only a reported TTFT', async () => {
    const { ws, summary } = await ingested([fixture('openrouter/generations.jsonl')]);
    expect(summary).toMatchObject({ calls: 4, rejects: 0 });
    const rows = await ws.all<CallRow>(`SELECT ${tokenColumns}, source_row, source_path, tags->>'user_agent' AS ua FROM calls ORDER BY ts DESC`);
    expect(rows[0]).toEqual({
      call_id: 'gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG',
      model: 'openai/gpt-4o-mini',
      provider: 'openai',
      operation: 'chat',
      input_tokens: 816n,
      cache_read_tokens: 1024n,
      cache_write_unknown_tokens: null,
      output_tokens: 212n,
      reasoning_tokens: 0n,
      input_tokens_reported: 1840n,
      lane: 'priority',
      lane_source: 'reported',
      service_tier_raw: 'priority',
      streamed: true,
      cancelled: false,
      ttft_ms: 380,
      latency_ms: 1250,
      cost: '0.000412000',
      reported_cost_kind: 'billed',
      user_id: 'user-123',
      app: 'https://chat.example.com/',
      api_key_name: null,
      finish_reason: 'stop',
      inference_geo: 'us',
      source_format: 'openrouter-generation',
      source_row: 1n,
      source_path: '/data',
      ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)',
    });
    const rest = new Map(rows.slice(1).map((r) => [r.call_id, r]));
    // No tier reported: inferred standard; no cached figure: NULL; latency - generation_time is not taken as TTFT.
    expect(rest.get('gen-9Fq2Lw0pXz7YtR4sK1mN6vB3')).toMatchObject({
      input_tokens: 12000n, cache_read_tokens: null, reasoning_tokens: null, lane: 'standard', lane_source: 'inferred', ttft_ms: null, latency_ms: 9800, streamed: false,
    });
    // `usage` (USD) stands in for total_cost; flex tier.
    expect(rest.get('gen-Kx81mQ2rT5uV8wY0zA3cD6eF')).toMatchObject({ cost: '0.009900000', lane: 'flex', input_tokens: 3000n, cache_read_tokens: 0n, reasoning_tokens: 1100n });
    expect(rest.get('gen-Em5bD9cF2gH4jK6lM8nP0qR2')).toMatchObject({ operation: 'embeddings', lane: 'standard', lane_source: 'reported', service_tier_raw: 'default' });
  });

  it('real generation logs (pasted in public issues): the generation id, and how long the call took', async () => {
    // fixtures/SOURCES.md: the log the Activity page shows for one generation, `generation_id` beside a numeric `id`
    // (0 on the second), `latency` far below `generation_time`.
    const { ws, summary } = await ingested([fixture('openrouter/real-generation-logs.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0, duplicates: 0 });
    const rows = await ws.all<CallRow>(`SELECT ${tokenColumns} FROM calls ORDER BY ts`);
    expect(rows.map((r) => [r.call_id, r.latency_ms, r.ttft_ms, r.input_tokens, r.cache_read_tokens, r.output_tokens, r.reasoning_tokens, r.cost])).toEqual([
      ['gen-1751192372-zg7zBUHiSy7WVs28OgCC', 7179, null, 76n, 15252n, 457n, 0n, '0.011711100'],
      ['gen-1785301746-y5WK0lm6e59yRx8tqg2u', 132529, null, 93500n, 0n, 9052n, 2499n, rows[1]!.cost],
    ]);
    // Two generations whose logs both have row id 0 (the second real one, and a copy of it as another generation):
    // two calls, not a call and its duplicate.
    const second = readFileSync(fixture('openrouter/real-generation-logs.jsonl'), 'utf8').split('\n')[1]!;
    const other = second.replace('gen-1785301746-y5WK0lm6e59yRx8tqg2u', 'gen-1785301800-other').replace('2026-07-29T05:09:06.673Z', '2026-07-29T05:10:00.000Z');
    const dir = mkdtempSync(join(tmpdir(), 'batchable-openrouter-'));
    writeFileSync(join(dir, 'zero-ids.jsonl'), `${second}\n${other}\n`);
    const zero = await ingested([join(dir, 'zero-ids.jsonl')]);
    expect(zero.summary).toMatchObject({ calls: 2, duplicates: 0 });
  });

  it('a real /api/v1/generation response (a stream the user stopped): native counts, cancelled, the generation time', async () => {
    const { ws, summary } = await ingested([fixture('openrouter/real-generation-cancelled.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0 });
    expect(await ws.all(`SELECT call_id, model, streamed, cancelled, input_tokens, output_tokens, latency_ms, reported_cost::VARCHAR AS cost, tags->>'provider_name' AS host FROM calls`)).toEqual([
      { call_id: 'gen-1771967973-0hZ8J5kY7qLMOKbPx0u3', model: 'meta-llama/llama-4-scout-17b-16e-instruct', streamed: true, cancelled: true,
        input_tokens: 64n, output_tokens: 98n, latency_ms: 2940, cost: '0.000034520', host: 'DeepInfra' },
    ]);
  });

  it('rejects an unreadable count in a JSON document with its pointer', async () => {
    const file = fixture('openrouter/generations-array.json');
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 1, rejects: 1 });
    const calls = await ws.all<CallRow>('SELECT input_tokens, cache_read_tokens, reasoning_tokens, provider FROM calls');
    expect(calls).toEqual([{ input_tokens: 1800n, cache_read_tokens: 600n, reasoning_tokens: 40n, provider: 'google' }]);
    const rejects = await ws.all<{ line: bigint | null; path: string; reason: string }>('SELECT line, path, reason FROM rejects');
    expect(rejects).toEqual([{ line: null, path: '/1', reason: 'not a whole number in input_tokens: "n/a"; not a whole number in input_tokens_reported: "n/a"' }]);
  });
});
