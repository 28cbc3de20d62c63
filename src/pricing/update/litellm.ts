// LiteLLM model_prices_and_context_window.json: { "<model>": { litellm_provider, mode, *_cost_per_token… } },
// USD per token. Keys without litellm_provider (sample_spec, fallback_generalizations) are skipped. Audio and image
// tokens come per token like the text rates (`input_cost_per_audio_token`…, per lane by suffix); Anthropic's web
// search fee per query by search-context size (`search_context_cost_per_query`), taken when it is one figure for
// every size, as scripts/build-catalog.mjs takes it for the bundled catalog.
import { z } from 'zod';
import { perTokenToMicros } from '../decimal.ts';
import { defined, notShape, type ImportedModel, type PartialRates } from './imported.ts';

const providerOf: Record<string, ImportedModel['provider']> = { openai: 'openai', anthropic: 'anthropic', gemini: 'google', deepseek: 'deepseek' };
const modes: Record<string, ImportedModel['operations']> = { chat: ['chat', 'responses', 'completions'], responses: ['responses'], completion: ['completions'], embedding: ['embeddings'] };

const shape = z.record(z.string(), z.unknown()).refine((o) => Object.values(o).some((v) => typeof v === 'object' && v !== null && 'litellm_provider' in v));

function rates(e: Record<string, unknown>, suffix: string): PartialRates {
  return defined({
    input: perTokenToMicros(e[`input_cost_per_token${suffix}`]),
    output: perTokenToMicros(e[`output_cost_per_token${suffix}`]),
    cache_read: perTokenToMicros(e[`cache_read_input_token_cost${suffix}`] ?? (suffix === '' ? e.input_cost_per_token_cache_hit : undefined)),
    cache_write_5m: perTokenToMicros(e[`cache_creation_input_token_cost${suffix}`]),
    cache_write_1h: perTokenToMicros(suffix === '' ? e.cache_creation_input_token_cost_above_1hr : e[`cache_creation_input_token_cost_above_1hr${suffix}`]),
    audio_input: perTokenToMicros(e[`input_cost_per_audio_token${suffix}`]),
    audio_output: perTokenToMicros(e[`output_cost_per_audio_token${suffix}`]),
    image_input: perTokenToMicros(e[`input_cost_per_image_token${suffix}`]),
    image_output: perTokenToMicros(e[`output_cost_per_image_token${suffix}`]),
  });
}

/**
 * µ$ per 1,000 web searches from LiteLLM's USD per query, when every search-context size costs the same (also how
 * scripts/build-catalog.mjs takes the bundled catalog's fee).
 */
export function webSearch(e: Record<string, unknown>): bigint | undefined {
  const perQuery = e.search_context_cost_per_query;
  const sizes = typeof perQuery === 'object' && perQuery !== null ? Object.values(perQuery) : [];
  if (sizes.length === 0 || sizes.some((v) => v !== sizes[0])) return undefined;
  // USD per query read as per token is µ$ per million queries; per 1,000 is that over 1,000.
  const perMillion = perTokenToMicros(sizes[0]);
  return perMillion === undefined || perMillion < 0n ? perMillion : perMillion / 1000n;
}

export const isLitellm = (json: unknown): boolean => shape.safeParse(json).success;

export function importLitellm(json: unknown, source: string): ImportedModel[] {
  if (!isLitellm(json)) throw notShape(source, 'a LiteLLM price map (an object of models with litellm_provider)');
  const out: ImportedModel[] = [];
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const e = value as Record<string, unknown>;
    const provider = providerOf[String(e.litellm_provider)];
    const operations = modes[String(e.mode)];
    if (provider === undefined || operations === undefined) continue;
    // Web searches for Anthropic only: only its usage reports count them per call (pricing/README.md).
    const std = { ...rates(e, ''), ...defined({ web_search: provider === 'anthropic' ? webSearch(e) : undefined }) };
    if (std.input === undefined || std.output === undefined) continue;
    const lanes = defined({ batch: rates(e, '_batches'), flex: rates(e, '_flex'), priority: rates(e, '_priority') });
    for (const lane of ['batch', 'flex', 'priority'] as const) if (Object.keys(lanes[lane] ?? {}).length === 0) delete lanes[lane];
    const tiers = Object.keys(e)
      .map((k) => /^input_cost_per_token_above_(\d+)k_tokens$/.exec(k)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => ({ above_input_tokens: Number(n) * 1000, ...rates(e, `_above_${n}k_tokens`) }))
      .sort((a, b) => a.above_input_tokens - b.above_input_tokens);
    out.push({
      provider,
      id: key.includes('/') ? key.slice(key.indexOf('/') + 1) : key,
      operations,
      rates: { ...std, input: std.input, output: std.output },
      ...(Object.keys(lanes).length > 0 ? { lanes } : {}),
      ...(tiers.length > 0 ? { tiers } : {}),
    });
  }
  return out;
}
