// DeepSeek platform usage export: written from the description (date x model x type with an amount); no
// public sample or documentation of the columns was found (fixtures/SOURCES.md).
import { describe, expect, it } from 'vitest';
import { deepseekUsageCsv } from '../../src/ingest/adapters/deepseek.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const file = fixture('deepseek/usage-export.csv');

describe('deepseek-usage-csv', () => {
  it('is detected, no other format takes it, and it takes no other CSV', async () => {
    const sample = await sniff(file);
    expect(adapters.filter((a) => a.kinds.includes('csv') && a.detect(sample)).map((a) => a.id)).toEqual(['deepseek-usage-csv']);
    for (const other of ['anthropic/console-usage.csv', 'anthropic/claude_api_cost_2026_08.csv', 'openrouter/activity.csv', 'batchable/mixed-workloads.csv', 'openai/completions_usage_2026-03-31_2026-04-02.csv', 'azure/apim-llm-log.csv']) {
      expect(deepseekUsageCsv.detect(await sniff(fixture(other))), other).toBe(false);
    }
  });

  it('reads each row as a bucket of one token class: cache hit = cache read, miss = input, output (reasoning included)', async () => {
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 4, rejects: 1 });
    expect(await ws.all("SELECT line, reason FROM rejects")).toEqual([{ line: 6n, reason: 'unknown DeepSeek usage type: "Storage" (expected input cache hit, input cache miss or output)' }]);
    expect(await ws.all(`SELECT model, provider, requests, input_tokens, cache_read_tokens, output_tokens, reported_cost::VARCHAR AS cost, ts, ended_at FROM calls ORDER BY source_row`)).toEqual([
      { model: 'deepseek-chat', provider: 'deepseek', requests: null, input_tokens: 0n, cache_read_tokens: 2000000n, output_tokens: 0n, cost: '0.056000000', ts: new Date('2026-09-10T00:00:00Z'), ended_at: new Date('2026-09-11T00:00:00Z') },
      { model: 'deepseek-chat', provider: 'deepseek', requests: null, input_tokens: 500000n, cache_read_tokens: 0n, output_tokens: 0n, cost: '0.140000000', ts: new Date('2026-09-10T00:00:00Z'), ended_at: new Date('2026-09-11T00:00:00Z') },
      { model: 'deepseek-chat', provider: 'deepseek', requests: null, input_tokens: 0n, cache_read_tokens: 0n, output_tokens: 300000n, cost: '0.126000000', ts: new Date('2026-09-10T00:00:00Z'), ended_at: new Date('2026-09-11T00:00:00Z') },
      { model: 'deepseek-reasoner', provider: 'deepseek', requests: null, input_tokens: 0n, cache_read_tokens: 0n, output_tokens: 120000n, cost: '0.050400000', ts: new Date('2026-09-10T00:00:00Z'), ended_at: new Date('2026-09-11T00:00:00Z') },
    ]);
  });

  it("reads the type names of DeepSeek's own usage API (RESPONSE_TOKEN is output) and skips its request counts, which are not tokens", async () => {
    const { ws, summary } = await ingested([fixture('deepseek/usage-api-type-names.csv')]);
    expect(summary).toMatchObject({ calls: 3, rejects: 0, skipped: 1 });
    expect(await ws.all('SELECT input_tokens, cache_read_tokens, output_tokens FROM calls ORDER BY source_row')).toEqual([
      { input_tokens: 0n, cache_read_tokens: 1000000n, output_tokens: 0n },
      { input_tokens: 500000n, cache_read_tokens: 0n, output_tokens: 0n },
      { input_tokens: 0n, cache_read_tokens: 0n, output_tokens: 100000n },
    ]);
    expect(await ws.all(`SELECT line, reason FROM rejects WHERE kind = 'skip'`)).toEqual([{ line: 5n, reason: 'a request count (API_REQUEST_COUNT: 120), not tokens' }]);
  });
});
