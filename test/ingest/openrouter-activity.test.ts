// OpenRouter activity export (CSV and /api/v1/activity), written from OpenRouter's documentation of ActivityItem and
// the Activity export guide (fixtures/SOURCES.md). Figures: gpt-5.4-mini 420,000 x $0.75 + 21,000 x $4.50 = $0.4095
// (reported $0.41); claude-sonnet-4.6 380,000 x $3 + 50,800 x $15 = $1.902 (reported $1.902); gemini-2.5-flash
// 9,000 x $0.30 + 16,000 x $2.50 = $0.0427 (reported $0.0451: flagged).
import { describe, expect, it } from 'vitest';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { openrouterActivity } from '../../src/ingest/adapters/openrouter-activity.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const csv = fixture('openrouter/activity.csv');
const json = fixture('openrouter/activity.json');

describe('openrouter-activity', () => {
  it('is detected (CSV and API JSON), and no other format takes it; it takes no other format', async () => {
    for (const file of [csv, json]) {
      const sample = await sniff(file);
      expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual(['openrouter-activity']);
    }
    for (const other of ['openrouter/generations.csv', 'openrouter/generations.jsonl', 'openrouter/generations-array.json', 'openai/usage-completions.json', 'litellm/spend-logs.json', 'batchable/mixed-workloads.csv']) {
      expect(openrouterActivity.detect(await sniff(fixture(other))), other).toBe(false);
    }
  });

  it('reads day x model buckets with the cost charged; the prompt figure (cached included) stays whole, cache reads unknown', async () => {
    const { ws, summary } = await ingested([csv]);
    expect(summary).toMatchObject({ calls: 3, rejects: 0 });
    expect(await ws.all(`SELECT model, provider, granularity, requests, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens,
      reported_cost::VARCHAR AS cost, reported_cost_kind, ts, ended_at, tags->>'byok_usage' AS byok FROM calls ORDER BY source_row`)).toEqual([
      { model: 'openai/gpt-5.4-mini', provider: 'openai', granularity: 'bucket', requests: 310n, input_tokens: 420000n, cache_read_tokens: null, output_tokens: 21000n,
        reasoning_tokens: 0n, cost: '0.410000000', reported_cost_kind: 'billed', ts: new Date('2026-09-01T00:00:00Z'), ended_at: new Date('2026-09-02T00:00:00Z'), byok: '0' },
      { model: 'anthropic/claude-sonnet-4.6', provider: 'anthropic', granularity: 'bucket', requests: 45n, input_tokens: 380000n, cache_read_tokens: null, output_tokens: 50800n,
        reasoning_tokens: 0n, cost: '1.902000000', reported_cost_kind: 'billed', ts: new Date('2026-09-01T00:00:00Z'), ended_at: new Date('2026-09-02T00:00:00Z'), byok: '0' },
      { model: 'google/gemini-2.5-flash', provider: 'google', granularity: 'bucket', requests: 12n, input_tokens: 9000n, cache_read_tokens: null, output_tokens: 16000n,
        reasoning_tokens: 11000n, cost: '0.045100000', reported_cost_kind: 'billed', ts: new Date('2026-09-02T00:00:00Z'), ended_at: new Date('2026-09-03T00:00:00Z'), byok: '0.0022' },
    ]);
  });

  it('reads the API form the same way', async () => {
    const { ws } = await ingested([json]);
    expect(await ws.all("SELECT model, requests, input_tokens, output_tokens, source_path, tags->>'provider_name' AS p FROM calls ORDER BY source_path")).toEqual([
      { model: 'openai/gpt-5.4-mini', requests: 310n, input_tokens: 420000n, output_tokens: 21000n, source_path: '/data/0', p: 'OpenAI' },
      { model: 'google/gemini-2.5-flash', requests: 12n, input_tokens: 9000n, output_tokens: 16000n, source_path: '/data/1', p: 'Google AI Studio' },
    ]);
  });

  it('the reconciliation says the prompt figure includes cached tokens', async () => {
    const r = await runCli(['audit', csv, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 OpenRouter activity bucket(s): their prompt tokens include cached tokens, which the export cannot split out');
    expect(r.stdout).toMatch(/gemini-2\.5-flash +│ standard +│ +1 │ +\$0\.042700 │ +\$0\.045100 │ +-\$0\.002400 │ reported higher/);
    expect(r.stdout).toMatch(/claude-sonnet-4\.6 +│ standard +│ +1 │ +\$1\.902000 │ +\$1\.902000 │ +\$0\.000000 │ +│/);
  });
});
