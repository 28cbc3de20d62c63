// pydantic genai-prices v2 data.json: [{ id, models: [{ id, prices }] }], USD per 1M tokens.
// `prices` is one price set or a list of {constraint?, prices}; the latest start_date entry is imported with
// its date as effective_from. Time-of-day entries (DeepSeek off-peak) are skipped. A tiered price {base, tiers}
// is a cliff on total input. Audio and image tokens per 1M like the text rates (`input_audio_mtok`…); web searches
// per 1,000 (`web_searches_kcount`), for Anthropic only, as in the bundled catalog (pricing/README.md).
import { perMTokToMicros } from '../decimal.ts';
import { defined, notShape, type ImportedModel, type PartialRates, type RateKey } from './imported.ts';

const covered = { openai: 'openai', anthropic: 'anthropic', google: 'google', deepseek: 'deepseek' } as const;
const keys: Record<string, RateKey> = {
  input_mtok: 'input', output_mtok: 'output', cache_read_mtok: 'cache_read', cache_write_mtok: 'cache_write_5m', cache_write_1h_mtok: 'cache_write_1h',
  input_audio_mtok: 'audio_input', output_audio_mtok: 'audio_output', input_image_mtok: 'image_input', output_image_mtok: 'image_output',
  web_searches_kcount: 'web_search',
};

type Price = number | { base?: number; tiers?: { start: number; price: number }[] };
type PriceSet = Record<string, Price>;
type Model = { id: string; prices: PriceSet | { constraint?: { start_date?: string; start_time?: string }; prices: PriceSet }[] };

export const isGenaiPrices = (json: unknown): boolean =>
  Array.isArray(json) && json.length > 0 && json.every((p) => typeof p === 'object' && p !== null && typeof p.id === 'string' && Array.isArray(p.models));

export function importGenaiPrices(json: unknown, source: string): ImportedModel[] {
  if (!isGenaiPrices(json)) throw notShape(source, 'a genai-prices data.json (an array of providers with models)');
  const out: ImportedModel[] = [];
  for (const p of json as { id: string; models: Model[] }[]) {
    const provider = covered[p.id as keyof typeof covered];
    if (provider === undefined) continue;
    for (const m of p.models) {
      if (provider === 'google' && m.id.startsWith('claude')) continue; // Claude on Vertex: Anthropic's model
      const dated = Array.isArray(m.prices) ? m.prices.filter((x) => x.constraint?.start_time === undefined) : [{ prices: m.prices }];
      const last = dated.at(-1) as { constraint?: { start_date?: string }; prices: PriceSet } | undefined;
      if (last === undefined) continue;
      const rates: PartialRates = {};
      const tiers = new Map<number, PartialRates>();
      for (const [k, v] of Object.entries(last.prices)) {
        const key = keys[k];
        if (key === undefined || (key === 'web_search' && provider !== 'anthropic')) continue;
        rates[key] = perMTokToMicros(typeof v === 'number' ? v : v.base);
        for (const t of typeof v === 'number' ? [] : (v.tiers ?? [])) tiers.set(t.start, { ...tiers.get(t.start), [key]: perMTokToMicros(t.price) });
      }
      if (rates.input === undefined || rates.output === undefined) continue;
      out.push({
        provider,
        id: m.id,
        operations: m.id.includes('embed') ? ['embeddings'] : ['chat', 'responses', 'completions'],
        rates: { ...defined(rates), input: rates.input, output: rates.output },
        ...(tiers.size > 0 ? { tiers: [...tiers].sort((a, b) => a[0] - b[0]).map(([above, r]) => ({ above_input_tokens: above, ...r })) } : {}),
        ...(last.constraint?.start_date ? { effectiveFrom: last.constraint.start_date } : {}),
      });
    }
  }
  return out;
}
