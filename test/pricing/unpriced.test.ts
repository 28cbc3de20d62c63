import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { loadCatalog, priceCalls } from '../../src/pricing/index.ts';
import { fixCommand, selectUnpriced, unpricedTotals } from '../../src/pricing/unpriced.ts';
import { classifyCalls, loadRules } from '../../src/classify/index.ts';
import { fixture } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

type Row = { call_id: string; catalog_id: string; price_basis: string; cost_pico: bigint; bat_in: bigint | null; batch_eligible: boolean; lane: string };

describe('unknown models do not stop pricing', () => {
  it('prices every call it can, carries unpriced calls at their reported cost, and leaves the rest out', async () => {
    ({ ws } = await ingested([fixture('pricing/unpriced-mixed.csv')]));
    const result = await priceCalls(ws, await loadCatalog({}));
    expect(result.unpriced.map((u) => [u.model, u.calls, u.reason])).toEqual([
      ['acme-internal-llm', 2n, 'no price in the catalog'],
      ['mystery-model', 2n, 'no price in the catalog'],
      ['google/gemini-2.5-flash:free', 1n, 'an OpenRouter `:free` variant: billed $0 by OpenRouter, no catalog price'],
    ]);
    expect(result.resolved.find((r) => r.model === 'us.anthropic.claude-opus-4-6-v1')).toMatchObject({ catalogId: 'bedrock-regional:claude-opus-4.6', rules: ['bedrock', 'bedrock-regional', 'exact'] });
    const rows = Object.fromEntries((await ws.all<Row>('SELECT c.call_id, p.* FROM priced_calls p JOIN calls c USING (call_key) ORDER BY c.call_id')).map((r) => [r.call_id, r]));
    expect(Object.keys(rows)).toEqual(['known-1', 'known-2', 'rep-1', 'rep-2']);
    // 1M in x $3 + 100k out x $15 = $4.50; Bedrock's us. profile bills Opus 4.6 at $5.50 (not $5), and its 2 web
    // searches at their own rate, $10 per 1,000 (LiteLLM's search_context_cost_per_query, $0.01 at every size): $5.52.
    expect(rows['known-1']).toMatchObject({ catalog_id: 'claude-sonnet-4.6', price_basis: 'catalog', cost_pico: 4_500_000_000_000n });
    expect(rows['known-2']).toMatchObject({ catalog_id: 'bedrock-regional:claude-opus-4.6', cost_pico: 5_520_000_000_000n, ws_tok: 2n, std_ws: 10_000_000_000n, bil_ws: 10_000_000_000n });
    // The reported cost, exact to the nano-dollar, and half of it on OpenAI's batch lane.
    expect(rows['rep-1']).toMatchObject({ catalog_id: 'acme-internal-llm (reported)', price_basis: 'reported', cost_pico: 12_345_678_000n, bat_in: 500n, batch_eligible: true });
    expect(rows['rep-2']).toMatchObject({ lane: 'batch', cost_pico: 6_000_000_000n });
  });

  it('counts what is left unpriced, with the cost the source reported, the closest ids and the fix; and web searches with no rate as unpriced quantities', async () => {
    ({ ws } = await ingested([fixture('pricing/unpriced-mixed.csv')]));
    await classifyCalls(ws, await loadRules(undefined));
    await priceCalls(ws, await loadCatalog({}));
    const u = await selectUnpriced(ws, { tz: 'UTC', workloads: [] });
    expect(u.models.map((m) => ({ ...m, closest: m.closest.length }))).toEqual([
      // acme-internal-llm and mystery-model are near no catalog id (nearEdits): no suggestion to alias them to.
      { model: 'acme-internal-llm', provider: 'openai', reason: 'no price in the catalog', closest: 0, calls: 2n, requests: 2n, tokens: 11_000n, reportedMicros: 18_346n, reportedCalls: 2n, unpricedRequests: 0n, fix: "batchable pricing alias 'acme-internal-llm=<catalog id>'" },
      { model: 'mystery-model', provider: null, reason: 'no price in the catalog', closest: 0, calls: 2n, requests: 2n, tokens: 330n, reportedMicros: null, reportedCalls: 0n, unpricedRequests: 2n, fix: expect.stringContaining("'mystery-model=") },
      { model: 'google/gemini-2.5-flash:free', provider: 'openrouter', reason: expect.stringContaining(':free'), closest: 3, calls: 1n, requests: 1n, tokens: 110n, reportedMicros: null, reportedCalls: 0n, unpricedRequests: 1n, fix: expect.any(String) },
    ]);
    // The Opus calls' searches are priced (above); mystery-model's have no rate, as the model has none.
    expect(u.charges).toEqual([{ model: 'mystery-model', charge: 'web_search_requests', calls: 1n, quantity: 3n }]);
    expect(unpricedTotals(u)).toEqual({ requests: 5n, unpricedRequests: 3n, reportedMicros: 18_346n });
  });

  it("fills in the closest id only when the name extends it, never the name itself (another host's price)", () => {
    expect(fixCommand('openai/gpt-4o-proxy', null, ['gpt-4o'])).toBe("batchable pricing alias 'openai/gpt-4o-proxy=gpt-4o'");
    // Groq's id in an OpenRouter call: unpriced because the price is Groq's; an alias to it would apply Groq's price.
    expect(fixCommand('qwen/qwen3-32b', 'openrouter', ['qwen/qwen3-32b'])).toBe("batchable pricing alias 'qwen/qwen3-32b=<catalog id>' --provider 'openrouter'");
  });

  it('--strict-prices: any unpriced model stops the run with exit 2 and today\'s message', async () => {
    ({ ws } = await ingested([fixture('pricing/unknown-models.csv')]));
    const error = await priceCalls(ws, await loadCatalog({}), { strict: true }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 2 });
    const message = (error as Error).message;
    expect(message).toContain('"gpt-5.4-turbo" (2 calls; closest catalog ids: gpt-5.4,');
    expect(message).toContain('"mystery-model" (1 calls)');
  });
});
