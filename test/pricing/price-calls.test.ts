import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { loadCatalog, priceCalls, selectReconciliation } from '../../src/pricing/index.ts';
import { renderReconciliation } from '../../src/report/reconciliation.ts';
import { fixture } from '../helpers/cli.ts';
import { ingested, picoOfUsd, pricedFiles, type PricedRow } from '../helpers/workspace.ts';

let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

type Row = PricedRow;

async function priced(file: string, pricingDir?: string): Promise<Record<string, Row>> {
  let rows: Record<string, Row>;
  ({ ws, rows } = await pricedFiles([fixture(file)], pricingDir));
  return rows;
}

const usd = picoOfUsd;

describe('priceCalls: seed 003 figures', () => {
  it('40M in / 10M out on claude-sonnet-4.6 is $270.00; 30M / 10M on gpt-5.4 is $225.00, $112.50 on batch', async () => {
    const rows = await priced('pricing/seed-003-jobs.csv');
    expect(rows['sonnet-job']?.cost_pico).toBe(usd('270'));
    expect(rows['gpt-job']?.cost_pico).toBe(usd('225'));
    expect(rows['gpt-job-batch']?.cost_pico).toBe(usd('112.50'));
    expect(rows['gpt-job-batch']).toMatchObject({ catalog_id: 'gpt-5.4', lane: 'batch', bat_in: 1_250_000n, bat_out: 7_500_000n, bil_in: 1_250_000n });
    expect(rows['sonnet-job']).toMatchObject({ catalog_id: 'claude-sonnet-4.6', price_provider: 'anthropic', std_in: 3_000_000n, std_out: 15_000_000n, bat_in: 1_500_000n });
  });
});

describe('priceCalls: host price lists (Amazon Bedrock, Groq)', () => {
  it('prices Bedrock Nova per geography with its cache reads, Titan embeddings per version, and Groq at half on batch', async () => {
    const rows = await priced('pricing/hosts.csv');
    // 1M x $0.035 + 1M cache reads x $0.00875 + 1M x $0.14 (us. bills as the direct id)
    expect(rows['nova-us']).toMatchObject({ catalog_id: 'nova-micro', price_provider: 'amazon-bedrock', cost_pico: usd('0.18375') });
    // eu. at the geography's price, its cache reads at the same quarter of input: $0.046 + $0.0115 + $0.184
    expect(rows['nova-eu']).toMatchObject({ catalog_id: 'bedrock-eu:nova-micro', cost_pico: usd('0.2415') });
    expect(rows['nova-eu-batch']).toMatchObject({ lane: 'batch', cost_pico: usd('0.115') });
    expect(rows['titan-v2']).toMatchObject({ catalog_id: 'titan-embed-text-v2', cost_pico: usd('0.02') });
    expect(rows['titan-v1']).toMatchObject({ catalog_id: 'titan-embed-text-v1', cost_pico: usd('0.1') });
    expect(rows['llama-bedrock']).toMatchObject({ catalog_id: 'llama3-3-70b-instruct', cost_pico: usd('1.44') });
    // Groq: $0.05 in / $0.08 out, half on its Batch API.
    expect(rows['groq-llama-batch']).toMatchObject({ catalog_id: 'llama-3.1-8b-instant', price_provider: 'groq', cost_pico: usd('0.065') });
    expect(rows['groq-qwen']).toMatchObject({ catalog_id: 'qwen/qwen3-32b', cost_pico: usd('0.88') });
    // The same id from OpenRouter is another host's price: left unpriced, not billed at Groq's.
    expect(rows['openrouter-qwen']?.catalog_id ?? null).toBeNull();
  });
});

describe('priceCalls: cache, tiers, lanes, buckets', () => {
  it('prices Anthropic cache reads and 5m / 1h writes at their own rates, and halves all of them on batch', async () => {
    const rows = await priced('pricing/costs.csv');
    // 1M x $3 + 2M x $0.30 + 1M x $3.75 + 0.5M x $6 + 0.1M x $15
    expect(rows['anthropic-cache']).toMatchObject({ std_cr: 300_000n, std_cw5: 3_750_000n, std_cw1h: 6_000_000n, cw5_tok: 1_000_000n, cw1h_tok: 500_000n });
    expect(rows['anthropic-cache']?.cost_pico).toBe(usd('11.85'));
    expect(rows['anthropic-cache-batch']?.cost_pico).toBe(usd('5.925'));
    // Writes with no TTL are priced at the 5-minute rate.
    expect(rows['anthropic-unknown-ttl']?.cost_pico).toBe(usd('3.75'));
  });

  it('prices OpenAI cached input once: uncached input + cache reads (ingest keeps only the uncached part in input_tokens)', async () => {
    const rows = await priced('pricing/costs.csv');
    // 100k reported input = 60k uncached x $2.50 + 40k cached x $0.25; 10k output x $15
    expect(rows['openai-cached']).toMatchObject({ in_tok: 60_000n, cr_tok: 40_000n, long_context: false });
    expect(rows['openai-cached']?.cost_pico).toBe(usd('0.31'));
  });

  it('bills a whole request above the long-context threshold at the tier price (a cliff on total input)', async () => {
    const rows = await priced('pricing/costs.csv');
    // 250k input + 30k cache read = 280k > 272k: $5 / $0.50 / $22.50 on every token
    expect(rows['long-context']).toMatchObject({ long_context: true, std_in: 5_000_000n, std_cr: 500_000n, std_out: 22_500_000n, averaged: false });
    expect(rows['long-context']?.cost_pico).toBe(usd('1.49'));
    expect(rows['short-context']).toMatchObject({ long_context: false });
    expect(rows['short-context']?.cost_pico).toBe(usd('0.6575'));
    expect(rows['at-threshold']).toMatchObject({ long_context: false, cost_pico: usd('0.68') });
  });

  it('decides buckets on their average input per request and flags them', async () => {
    const rows = await priced('pricing/costs.csv');
    expect(rows['bucket-over']).toMatchObject({ long_context: true, averaged: true, cost_pico: usd('2.80') });
    // No request count: the reported context tier (200k-1M) decides; without one, no tier.
    expect(rows['bucket-tier-reported']).toMatchObject({ catalog_id: 'gemini-3.1-pro', long_context: true, averaged: true, cost_pico: usd('5.80') });
    expect(rows['bucket-no-count']).toMatchObject({ long_context: false, averaged: true, cost_pico: usd('3.20') });
  });

  it('bills flex at published prices, priority without a price at standard, and knows what each batch lane accepts', async () => {
    const rows = await priced('pricing/costs.csv');
    expect(rows.flex).toMatchObject({ lane: 'flex', bil_in: 1_250_000n, bil_out: 7_500_000n, cost_pico: usd('8.75') });
    expect(rows['priority-no-rule']).toMatchObject({ lane: 'priority', bil_in: 5_000_000n, cost_pico: usd('30') });
    expect(rows.embed).toMatchObject({ batch_eligible: true, bat_in: 10_000n, cost_pico: usd('0.02') });
    expect(rows['anthropic-other']?.batch_eligible).toBe(false);
    expect(rows.deepseek).toMatchObject({ batch_eligible: true, cost_pico: usd('0.42') });
  });

  it('prices a call at the entry in effect on its date: before and after a price change', async () => {
    const rows = await priced('pricing/price-change.csv', fixture('pricing/catalogs/price-change'));
    expect(rows.before).toMatchObject({ price_effective_from: expect.anything(), cost_pico: usd('1.75') });
    expect(rows.after).toMatchObject({ cost_pico: usd('1.40') });
    const dates = await ws!.all<{ call_id: string; d: string }>("SELECT c.call_id, strftime(p.price_effective_from, '%Y-%m-%d') AS d FROM priced_calls p JOIN calls c USING (call_key) ORDER BY c.call_id");
    expect(dates).toEqual([{ call_id: 'after', d: '2026-09-01' }, { call_id: 'before', d: '2026-03-05' }]);
  });
});

describe('priceCalls: unknown models with strict prices', () => {
  it('stops with exit 2, naming each unknown model with its call count, suggestions and the fix', async () => {
    ({ ws } = await ingested([fixture('pricing/unknown-models.csv')]));
    const error = await priceCalls(ws, await loadCatalog({}), { strict: true }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 2 });
    const message = (error as Error).message;
    expect(message).toContain('"gpt-5.4-turbo" (2 calls; closest catalog ids: gpt-5.4,');
    // Near no catalog id: no suggestion.
    expect(message).toContain('"mystery-model" (1 calls)');
    expect(message).not.toContain('claude-sonnet-4.6 (');
    expect(message).toContain('--pricing-dir DIR');
    expect(message).toContain('batchable pricing update');
  });
});

describe('reconciliation', () => {
  it('compares recomputed with reported cost per model and lane', async () => {
    await priced('pricing/costs.csv');
    const rows = await selectReconciliation(ws!);
    expect(rows).toEqual([
      { model: 'claude-sonnet-4.6', lane: 'batch', rows: 1n, recomputedMicros: 5_925_000n, reportedMicros: 5_900_000n, residualMicros: 25_000n, flag: null },
      { model: 'claude-sonnet-4.6', lane: 'standard', rows: 1n, recomputedMicros: 11_850_000n, reportedMicros: 11_850_000n, residualMicros: 0n, flag: null },
    ]);
    const text = renderReconciliation(rows, { color: false, columns: 120 });
    expect(text).toContain('$5.93');
    expect(text).toContain('$0.03');
    expect(renderReconciliation([], { color: false, columns: 120 })).toBe('');
  });
});
