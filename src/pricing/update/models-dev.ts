// models.dev api.json: { <provider>: { models: { <id>: { cost: { input, output, cache_read, cache_write, tiers } } } } },
// USD per 1M tokens as numbers. One cache write rate (taken as the 5-minute write), no lanes; audio input and
// output (`input_audio`, `output_audio`) per 1M tokens.
import { perMTokToMicros } from '../decimal.ts';
import { defined, notShape, type ImportedModel } from './imported.ts';

const covered = { openai: 'openai', anthropic: 'anthropic', google: 'google', deepseek: 'deepseek' } as const;

export const isModelsDev = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && !Array.isArray(json) &&
  Object.values(json).some((p) => typeof p === 'object' && p !== null && 'models' in p && typeof (p as { models: unknown }).models === 'object');

type Cost = { input?: unknown; output?: unknown; cache_read?: unknown; cache_write?: unknown; input_audio?: unknown; output_audio?: unknown; tiers?: { tier?: { size?: unknown }; input?: unknown; output?: unknown; cache_read?: unknown; cache_write?: unknown }[] };

export function importModelsDev(json: unknown, source: string): ImportedModel[] {
  if (!isModelsDev(json)) throw notShape(source, 'a models.dev api.json (an object of providers with models)');
  const out: ImportedModel[] = [];
  for (const [pid, provider] of Object.entries(covered)) {
    const models = ((json as Record<string, { models?: Record<string, { id?: string; cost?: Cost }> }>)[pid]?.models) ?? {};
    for (const [id, m] of Object.entries(models)) {
      const c = m.cost;
      const input = perMTokToMicros(c?.input);
      const output = perMTokToMicros(c?.output);
      if (c === undefined || input === undefined || output === undefined) continue;
      const tiers = (c.tiers ?? [])
        .filter((t) => typeof t.tier?.size === 'number')
        .map((t) => defined({ above_input_tokens: t.tier!.size as number, input: perMTokToMicros(t.input), output: perMTokToMicros(t.output), cache_read: perMTokToMicros(t.cache_read), cache_write_5m: perMTokToMicros(t.cache_write) }));
      out.push({
        provider,
        id,
        operations: id.includes('embed') ? ['embeddings'] : ['chat', 'responses', 'completions'],
        rates: defined({
          input, output, cache_read: perMTokToMicros(c.cache_read), cache_write_5m: perMTokToMicros(c.cache_write),
          audio_input: perMTokToMicros(c.input_audio), audio_output: perMTokToMicros(c.output_audio),
        }),
        ...(tiers.length > 0 ? { tiers } : {}),
      });
    }
  }
  return out;
}
