// The bundled catalog carries the sources' charge rates (scripts/build-catalog.mjs): audio per token from LiteLLM,
// Anthropic's web search fee from LiteLLM's per-query figure and genai-prices' per-1,000 figure. Checked against
// verbatim excerpts of those databases (fixtures/pricing/sources/charges-excerpt.json), never ../shared.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/pricing/index.ts';
import { perMTokToMicros, perTokenToMicros } from '../../src/pricing/decimal.ts';
import { fixture } from '../helpers/cli.ts';

type LiteLLM = Record<string, Record<string, unknown>>;
type Genai = { id: string; models: { id: string; prices: Record<string, unknown> | { constraint?: unknown; prices: Record<string, unknown> }[] }[] }[];
const excerpt = JSON.parse(readFileSync(fixture('pricing/sources/charges-excerpt.json'), 'utf8')) as { litellm: LiteLLM; genai_prices: Genai };

/** The latest base-lane charge rates of a catalog model, µ$ per million units. */
async function latestCharges(id: string) {
  const catalog = await loadCatalog({});
  const model = catalog.models.get(id);
  if (model === undefined) throw new Error(`no ${id} in the catalog`);
  return model.entries.at(-1)!.tiers[0]!;
}

describe('the bundled catalog carries the sources charge rates', () => {
  it.each([
    ['gpt-4o-audio-preview', 'gpt-4o-audio-preview'],
    ['gpt-audio', 'gpt-audio'],
    ['gpt-audio-mini', 'gpt-audio-mini'],
    ['gpt-4o-mini-audio-preview', 'gpt-4o-mini-audio-preview'],
    ['gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['gemini-3-flash', 'gemini/gemini-3-flash-preview'],
  ])('%s: LiteLLM input/output_cost_per_audio_token (and the priority lane)', async (id, key) => {
    const e = excerpt.litellm[key]!;
    const t = await latestCharges(id);
    expect(t.standard.charges.audio_input).toBe(perTokenToMicros(e.input_cost_per_audio_token as number));
    expect(t.standard.charges.audio_output).toBe(e.output_cost_per_audio_token === undefined ? undefined : perTokenToMicros(e.output_cost_per_audio_token as number));
    if (e.input_cost_per_audio_token_priority !== undefined) {
      expect(t.lanes.priority?.charges.audio_input).toBe(perTokenToMicros(e.input_cost_per_audio_token_priority as number));
    }
    // No source publishes a batch audio price: the batch lane has none of its own.
    expect(t.lanes.batch?.charges.audio_input).toBeUndefined();
  });

  it('claude-sonnet-4.6: web searches at $10 per 1,000 in both sources, on every lane', async () => {
    const perQuery = excerpt.litellm['claude-sonnet-4-6']!.search_context_cost_per_query as Record<string, number>;
    expect(new Set(Object.values(perQuery))).toEqual(new Set([0.01]));
    const genai = excerpt.genai_prices.find((p) => p.id === 'anthropic')!.models.find((m) => m.id === 'claude-sonnet-4-6')!;
    const last = Array.isArray(genai.prices) ? genai.prices.at(-1)!.prices : genai.prices;
    const perMillion = perMTokToMicros(last.web_searches_kcount as number)! * 1000n; // per 1,000 -> per million searches
    const t = await latestCharges('claude-sonnet-4.6');
    expect(t.standard.charges.web_search).toBe(perMillion);
    // $ per query, read like a per-token price, is µ$ per million queries.
    expect(t.standard.charges.web_search).toBe(perTokenToMicros(perQuery.search_context_size_low!));
    expect(t.lanes.batch?.charges.web_search).toBe(perMillion);
    // A text model states no audio rate: audio on it is reported unpriced.
    expect(t.standard.charges.audio_input).toBeUndefined();
  });

  it('agrees with genai-prices input_audio_mtok where both sources state it', async () => {
    const google = excerpt.genai_prices.find((p) => p.id === 'google')!.models.find((m) => m.id === 'gemini-2.5-flash')!;
    const prices = Array.isArray(google.prices) ? google.prices.at(-1)!.prices : google.prices;
    expect((await latestCharges('gemini-2.5-flash')).standard.charges.audio_input).toBe(perMTokToMicros(prices.input_audio_mtok as number));
  });
});
