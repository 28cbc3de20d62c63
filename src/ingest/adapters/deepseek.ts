// DeepSeek platform usage export (platform.deepseek.com → Usage → Export): one row per day × model × type with an
// amount. The columns are not publicly documented and no public sample was found: this reads the layout the issue
// describes (date, model, type, amount; an optional cost column), names matched case-insensitively. The amount is a
// token count of one class, named by `type`: input with a cache hit (DeepSeek's discounted cache read), input with
// a cache miss, or output (reasoning included: deepseek-reasoner bills its chain of thought as output). Each row is
// a bucket holding that one class (the others 0); a cost column, when present, is the reported cost of the row.
// Requests are not exported: unknown (NULL). The platform's own usage API (`/api/v0/usage/amount`, behind the usage
// page) names its types PROMPT_CACHE_HIT_TOKEN, PROMPT_CACHE_MISS_TOKEN, PROMPT_TOKEN, RESPONSE_TOKEN and
// API_REQUEST_COUNT (as a public script that reads that API spells them): RESPONSE is output, and a request count is
// not tokens of any class, so its row is skipped (counted, with its count), not rejected.
import { sqlIdent } from '../../db/sql.ts';
import { defineAdapter, type AdapterContext, type AdapterSelect, type Sample } from '../adapter.ts';

const names = { date: ['date', 'usage_date', 'day'], model: ['model'], type: ['type', 'usage_type', 'token_type'], amount: ['amount', 'tokens', 'token_amount'] };
const costNames = ['cost', 'cost_usd', 'cost (usd)', 'price'];

const find = (header: readonly string[], options: readonly string[]) => header.find((h) => options.includes(h.trim().toLowerCase()));

function deepseekSelect(ctx: AdapterContext): AdapterSelect {
  const c = (options: readonly string[]) => {
    const h = find(ctx.header, options);
    return h === undefined ? 'NULL' : `nullif(trim(${sqlIdent(h)}), '')`;
  };
  const type = `lower(${c(names.type)})`;
  const amount = c(names.amount);
  const hit = `regexp_matches(${type}, 'hit|cache.?read|cached')`;
  const output = `regexp_matches(${type}, 'output|completion|response')`;
  const requestCount = `regexp_matches(${type}, 'request')`;
  const input = `regexp_matches(${type}, 'input|prompt|miss')`;
  const cost = c(costNames);
  return {
    columns: {
      _skip: `CASE WHEN ${requestCount} THEN 'a request count (' || coalesce(${c(names.type)}, '') || ': ' || coalesce(${amount}, '') || '), not tokens' END`,
      _reject: `CASE WHEN ${type} IS NULL OR NOT (${hit} OR ${output} OR ${input} OR ${requestCount}) THEN 'unknown DeepSeek usage type: "' || coalesce(${c(names.type)}, '') || '" (expected input cache hit, input cache miss or output)' END`,
      granularity: "'bucket'",
      ts: c(names.date),
      ended_at: `(bt_ts(${c(names.date)}) + INTERVAL 1 DAY)::VARCHAR`,
      provider: "'deepseek'",
      model: c(names.model),
      operation: "'chat'",
      input_tokens: `CASE WHEN ${hit} OR ${output} THEN '0' ELSE ${amount} END`,
      cache_read_tokens: `CASE WHEN ${hit} THEN ${amount} ELSE '0' END`,
      output_tokens: `CASE WHEN ${output} AND NOT ${hit} THEN ${amount} ELSE '0' END`,
      reported_cost: cost,
      reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'billed' END`,
      tags: `json_object('deepseek_type', ${c(names.type)})`,
    },
    from: ctx.src,
  };
}

const isDeepseekUsage = (sample: Sample) =>
  sample.kind === 'csv' && Object.values(names).every((options) => find(sample.header, options) !== undefined) && sample.header.length <= 8;

export const deepseekUsageCsv = defineAdapter({
  id: 'deepseek-usage-csv',
  title: 'DeepSeek platform usage export (CSV: date × model × type, an amount of tokens; buckets, requests unknown)',
  kinds: ['csv'],
  recognisedBy: 'a short header with date, model, type and amount (or tokens), optionally cost',
  detect: isDeepseekUsage,
  idsFromSource: false,
  select: deepseekSelect,
});
