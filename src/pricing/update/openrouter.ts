// OpenRouter GET /api/v1/models: { data: [{ id: "openai/gpt-5.4", pricing: { prompt, completion, input_cache_read,
// input_cache_write } }] }, strings in USD per token. What OpenRouter charges; no lanes, no history.
import { perTokenToMicros } from '../decimal.ts';
import { defined, notShape, type ImportedModel } from './imported.ts';

const covered = { openai: 'openai', anthropic: 'anthropic', google: 'google', deepseek: 'deepseek' } as const;
type Entry = { id?: unknown; pricing?: Record<string, unknown> };

export const isOpenrouter = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && Array.isArray((json as { data?: unknown }).data) &&
  ((json as { data: Entry[] }).data).every((m) => typeof m === 'object' && m !== null && typeof m.id === 'string');

export function importOpenrouter(json: unknown, source: string): ImportedModel[] {
  if (!isOpenrouter(json)) throw notShape(source, 'an OpenRouter models list ({"data": [{"id", "pricing"}]})');
  const out: ImportedModel[] = [];
  for (const m of (json as { data: Entry[] }).data) {
    if (String(m.id).includes(':')) continue; // :free, :beta… variants are not the list price
    const [prefix, ...rest] = String(m.id).split('/');
    const provider = covered[prefix as keyof typeof covered];
    const input = perTokenToMicros(m.pricing?.prompt);
    const output = perTokenToMicros(m.pricing?.completion);
    if (provider === undefined || rest.length === 0 || input === undefined || output === undefined) continue;
    const id = rest.join('/');
    out.push({
      provider,
      id,
      operations: id.includes('embed') ? ['embeddings'] : ['chat', 'responses', 'completions'],
      rates: defined({ input, output, cache_read: perTokenToMicros(m.pricing?.input_cache_read), cache_write_5m: perTokenToMicros(m.pricing?.input_cache_write) }),
    });
  }
  return out;
}
