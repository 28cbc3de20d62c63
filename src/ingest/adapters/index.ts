// The adapter registry. Order matters: specific formats are tried before the generic batchable-* ones.
import type { Workspace } from '../../db/workspace.ts';
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
  ...langfuseAdapters,
  ...langsmithAdapters,
  ...otelAdapters,
  batchableCsv,
  batchableJsonl,
  batchableParquet,
];

/**
 * The report notes of the formats in the workspace (`sources` holds each file's format and call count): what a
 * source means for the decision, said once per format.
 */
export async function formatNotes(ws: Workspace, where: 'report' | 'reconciliation' = 'report'): Promise<string[]> {
  const rows = await ws.all<{ format: string; calls: bigint }>('SELECT format, sum(calls)::BIGINT AS calls FROM sources GROUP BY format ORDER BY format');
  return rows.flatMap((r) => {
    const adapter = adapters.find((a) => a.id === r.format);
    const note = where === 'report' ? adapter?.reportNote : adapter?.reconciliationNote;
    return note !== undefined && r.calls > 0n ? [note(r.calls)] : [];
  });
}
