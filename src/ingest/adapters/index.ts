// The adapter registry. Order matters: specific formats are tried before the generic batchable-* ones. What a
// format's calls mean for a report is said in notes.ts, keyed by these ids.
import type { Adapter } from '../adapter.ts';
import { anthropicAdapters } from './anthropic.ts';
import { azureAdapters } from './azure.ts';
import { batchableCsv, batchableJsonl } from './batchable.ts';
import { bedrockAdapters } from './bedrock.ts';
import { claudeCodeAdapters } from './claude-code.ts';
import { costAdapters } from './costs.ts';
import { deepseekUsageCsv } from './deepseek.ts';
import { googleAdapters } from './google.ts';
import { heliconeAdapters } from './helicone.ts';
import { langfuseAdapters } from './langfuse.ts';
import { langsmithAdapters } from './langsmith.ts';
import { litellmAdapters } from './litellm.ts';
import { openaiAdapters } from './openai.ts';
import { openrouterActivity } from './openrouter-activity.ts';
import { openrouterAdapters } from './openrouter.ts';
import { otelAdapters } from './otel.ts';
import { portkeyLogs } from './portkey.ts';
import { batchableParquet } from '../parquet.ts';

export const adapters: readonly Adapter[] = [
  ...openaiAdapters,
  ...anthropicAdapters,
  ...claudeCodeAdapters,
  ...bedrockAdapters,
  ...googleAdapters,
  ...costAdapters,
  ...azureAdapters,
  deepseekUsageCsv,
  ...openrouterAdapters,
  openrouterActivity,
  ...litellmAdapters,
  ...heliconeAdapters,
  portkeyLogs,
  ...langfuseAdapters,
  ...langsmithAdapters,
  ...otelAdapters,
  batchableCsv,
  batchableJsonl,
  batchableParquet,
];
