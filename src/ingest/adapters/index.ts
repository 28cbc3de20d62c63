// The adapter registry. Order matters: specific formats are tried before the generic batchable-* ones.
import type { Adapter } from '../adapter.ts';
import { anthropicAdapters } from './anthropic.ts';
import { batchableCsv, batchableJsonl } from './batchable.ts';
import { langfuseAdapters } from './langfuse.ts';
import { litellmAdapters } from './litellm.ts';
import { openaiAdapters } from './openai.ts';
import { openrouterAdapters } from './openrouter.ts';
import { otelAdapters } from './otel.ts';

export const adapters: readonly Adapter[] = [
  ...openaiAdapters,
  ...anthropicAdapters,
  ...openrouterAdapters,
  ...litellmAdapters,
  ...langfuseAdapters,
  ...otelAdapters,
  batchableCsv,
  batchableJsonl,
];
