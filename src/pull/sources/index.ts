// The registry of `pull` sources, by the name users type.
import { UsageError } from '../../errors.ts';
import type { PullSource } from '../source.ts';
import { anthropicCostsSource } from './anthropic-costs.ts';
import { anthropicSource } from './anthropic.ts';
import { heliconeSource } from './helicone.ts';
import { langfuseSource } from './langfuse.ts';
import { litellmSource } from './litellm.ts';
import { openaiCostsSource } from './openai-costs.ts';
import { openaiSource } from './openai.ts';
import { openrouterActivitySource } from './openrouter-activity.ts';

export const pullSources: readonly PullSource[] = [
  openaiSource, anthropicSource, langfuseSource, litellmSource, heliconeSource, openaiCostsSource, anthropicCostsSource, openrouterActivitySource,
];

/** Every source name `pull` takes: the time-range sources here, and openrouter (by generation id, src/pull/openrouter.ts). */
export const pullSourceIds = (): string[] => [...pullSources.map((s) => s.id), 'openrouter'];

export function pullSource(id: string): PullSource {
  const source = pullSources.find((s) => s.id === id);
  if (!source) throw new UsageError(`unknown pull source "${id}": expected one of ${pullSourceIds().join(', ')}`);
  return source;
}
