// OpenRouter activity (FORMATS.md §3a): the Activity page's CSV export (`Date, Slug, Usage, BYOK Usage, Requests,
// Prompt Tokens, Completion Tokens, Reasoning Tokens`) and `GET /api/v1/activity` (`{data: [{date, model,
// model_permaslug, endpoint_id, provider_name, usage, byok_usage_inference, requests, prompt_tokens,
// completion_tokens, reasoning_tokens}]}`): day × model buckets with the cost OpenRouter charged (`Usage`, USD).
//
// Token trap: the prompt figure INCLUDES cached tokens and the export cannot split them out, so input_tokens holds
// the whole prompt and cache reads stay unknown (NULL): the recomputed cost prices cached tokens as uncached, and the
// reconciliation says so. Reasoning tokens are part of the completion figure (informational here).
import { sqlIdent } from '../../db/sql.ts';
import { defineAdapter, hasAll, type AdapterContext, type AdapterSelect, type Sample } from '../adapter.ts';
import { pageRecords } from './sql-helpers.ts';

const csvHeader = ['date', 'slug', 'usage', 'requests', 'prompt tokens', 'completion tokens'];

/** A CSV column by case-insensitive name; NULL when absent. */
const col = (ctx: AdapterContext, name: string) => {
  const found = ctx.header.find((h) => h.trim().toLowerCase() === name);
  return found === undefined ? 'NULL' : `nullif(trim(${sqlIdent(found)}), '')`;
};

function activitySelect(ctx: AdapterContext): AdapterSelect {
  const csv = ctx.kind === 'csv';
  const f = (csvName: string, jsonName: string) => (csv ? col(ctx, csvName) : `(r->>'$.${jsonName}')`);
  const date = f('date', 'date');
  const cost = f('usage', 'usage');
  return {
    columns: {
      ...(csv ? {} : { _line: '_line', _path: '_path' }),
      granularity: "'bucket'",
      ts: date,
      ended_at: `(bt_ts(${date}) + INTERVAL 1 DAY)::VARCHAR`,
      // The slug is vendor-prefixed (openai/gpt-4.1): the engine takes the provider from the prefix.
      model: csv ? col(ctx, 'slug') : `coalesce((r->>'$.model'), (r->>'$.model_permaslug'))`,
      requests: f('requests', 'requests'),
      input_tokens: f('prompt tokens', 'prompt_tokens'),
      output_tokens: f('completion tokens', 'completion_tokens'),
      reasoning_tokens: f('reasoning tokens', 'reasoning_tokens'),
      input_tokens_reported: f('prompt tokens', 'prompt_tokens'),
      reported_cost: cost,
      reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'billed' END`,
      tags: csv
        ? `json_merge_patch('{}', json_object('byok_usage', ${col(ctx, 'byok usage')}, 'prompt_includes_cached', true))`
        : `json_merge_patch('{}', json_object('byok_usage', (r->>'$.byok_usage_inference'), 'endpoint_id', (r->>'$.endpoint_id'),
            'provider_name', (r->>'$.provider_name'), 'model_permaslug', (r->>'$.model_permaslug'), 'prompt_includes_cached', true))`,
    },
    from: csv
      ? ctx.src
      : `(SELECT _line, _path, rec AS r FROM ${pageRecords(ctx.src)}) a`,
  };
}

const isActivity = (sample: Sample): boolean =>
  sample.kind === 'csv'
    ? csvHeader.every((h) => sample.header.some((x) => x.trim().toLowerCase() === h))
    : hasAll(sample, ['date', 'requests', 'prompt_tokens', 'completion_tokens', 'usage']) && hasAll(sample, ['model']) && !hasAll(sample, ['generation_time']);

export const openrouterActivity = defineAdapter({
  id: 'openrouter-activity',
  title: 'OpenRouter activity export (CSV from the Activity page, or /api/v1/activity): day × model buckets with the cost charged',
  kinds: ['csv', 'json', 'jsonl'],
  recognisedBy: 'CSV header Date, Slug, Usage, Requests, Prompt Tokens, Completion Tokens; or records with date, model, usage, requests, prompt_tokens, completion_tokens',
  detect: isActivity,
  idsFromSource: false,
  select: activitySelect,
});
