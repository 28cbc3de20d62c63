// OpenRouter: the per-generation log CSV of the Activity/Logs page, and the
// `/api/v1/generation` responses. Both are per call and carry the best interactivity signals of any source
// (streamed, cancelled, time to first token). Cached tokens are a subset of the prompt on both, so the uncached
// input is the prompt minus the cached tokens.
import { sqlIn } from '../../db/sql.ts';
import { defineAdapter, hasAll, hasAny, jtext, type AdapterContext, type AdapterSelect, type SelectList } from '../adapter.ts';
import { csvColumn, uncached } from './sql-helpers.ts';

const csvHeaderKeys = ['generation_id', 'model_permaslug', 'tokens_prompt', 'tokens_completion'];

function csvSelect(ctx: AdapterContext): AdapterSelect {
  const c = (name: string) => csvColumn(ctx, name);
  const columns: SelectList = {
    call_id: c('generation_id'),
    ts: c('created_at'),
    // The permaslug is vendor-prefixed (openai/gpt-4o-mini): the engine takes the provider from the prefix. Newer exports
    // name the variant in a column of its own (`variant`: a real export's header has it); a `free` one is billed $0, so it
    // is written back onto the slug (`…:free`), which the resolver leaves unpriced at the cost OpenRouter reported, instead
    // of pricing a free call at the paid model's list price. Other variants (nitro, floor…) are the model's own price.
    model: `CASE WHEN lower(trim(${c('variant')})) = 'free' AND NOT contains(${c('model_permaslug')}, ':')
      THEN ${c('model_permaslug')} || ':free' ELSE ${c('model_permaslug')} END`,
    input_tokens: uncached(c('tokens_prompt'), c('tokens_cached')),
    cache_read_tokens: c('tokens_cached'),
    input_tokens_reported: c('tokens_prompt'),
    output_tokens: c('tokens_completion'),
    reasoning_tokens: c('tokens_reasoning'),
    reported_cost: c('cost_total'),
    reported_cost_kind: `CASE WHEN ${c('cost_total')} IS NOT NULL THEN 'billed' END`,
    streamed: c('streamed'),
    cancelled: c('cancelled'),
    ttft_ms: c('time_to_first_token_ms'),
    latency_ms: c('generation_time_ms'),
    finish_reason: c('finish_reason_normalized'),
    api_key_name: c('api_key_name'),
    app: c('app_name'),
    user_id: c('user'),
    // OpenRouter's log does not say the lane: left NULL, the engine records it as inferred standard.
    // byok_usage_inference: on a bring-your-own-key call cost_total is OpenRouter's fee alone, the inference billed to the
    // user's own provider key; kept beside the call (no real row shows how the two add up).
    tags: `json_merge_patch('{}', json_object('provider_name', ${c('provider_name')}, 'cost_cache', ${c('cost_cache')},
      'cost_web_search', ${c('cost_web_search')}, 'cost_file_processing', ${c('cost_file_processing')},
      'num_search_results', ${c('num_search_results')}, 'variant', ${c('variant')}, 'byok_usage_inference', ${c('byok_usage_inference')}))`,
  };
  return { columns, from: ctx.src };
}

export const openrouterCsv = defineAdapter({
  id: 'openrouter-csv',
  title: 'OpenRouter per-generation log CSV (Activity/Logs export)',
  kinds: ['csv'],
  recognisedBy: `header includes ${csvHeaderKeys.join(', ')}`,
  detect: (sample) => sample.kind === 'csv' && csvHeaderKeys.every((k) => sample.header.some((h) => h.toLowerCase() === k)),
  idsFromSource: true,
  select: csvSelect,
});

/** OpenRouter's `api_type` as a canonical operation; NULL lets the engine infer it from the model. */
const operationOf = (t: string) => `CASE
  WHEN ${t} IS NULL THEN NULL
  WHEN ${sqlIn(`lower(${t})`, ['completions', 'chat', 'chat_completions'])} THEN 'chat'
  WHEN ${sqlIn(`lower(${t})`, ['embeddings', 'embedding'])} THEN 'embeddings'
  WHEN lower(${t}) = 'responses' THEN 'responses'
  WHEN ${sqlIn(`lower(${t})`, ['tts', 'stt', 'speech', 'transcription', 'audio'])} THEN 'audio'
  WHEN ${sqlIn(`lower(${t})`, ['image', 'images', 'image_generation'])} THEN 'image'
  ELSE 'other' END`;

function generationSelect(ctx: AdapterContext): AdapterSelect {
  const r = (path: string) => jtext(path, 'r');
  const prompt = `coalesce(${r('native_tokens_prompt')}, ${r('tokens_prompt')})`;
  // `usage` is the cost in USD on this endpoint; elsewhere it is an object, which is not a cost.
  const cost = `coalesce(${r('total_cost')}, CASE WHEN json_type(r->'usage') IN ('DOUBLE', 'BIGINT', 'UBIGINT') THEN ${r('usage')} END)`;
  const columns: SelectList = {
    _line: '_line',
    _path: '_path',
    // The API's `data.id` is the generation id (gen-…); the log the Activity page shows for a generation (pasted in
    // public issues) has `generation_id` beside a numeric `id` of its own row, 0 on some: the generation id first.
    call_id: `coalesce(${r('generation_id')}, ${r('id')})`,
    ts: r('created_at'),
    model: r('model'),
    operation: operationOf(r('api_type')),
    // Billing uses the native (provider tokenizer) counts; the normalised ones only stand in when they are absent.
    input_tokens: uncached(prompt, r('native_tokens_cached')),
    cache_read_tokens: r('native_tokens_cached'),
    input_tokens_reported: prompt,
    output_tokens: `coalesce(${r('native_tokens_completion')}, ${r('tokens_completion')})`,
    reasoning_tokens: r('native_tokens_reasoning'),
    reported_cost: cost,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'billed' END`,
    lane: `bt_lane(${r('service_tier')})`,
    service_tier_raw: r('service_tier'),
    inference_geo: r('data_region'),
    streamed: r('streamed'),
    cancelled: r('cancelled'),
    // Only a reported TTFT: `latency` is not one (it is not always first-token time, and a TTFT reads as someone
    // watching a stream).
    ttft_ms: r('time_to_first_token_ms'),
    // How long the call took: the docs' example has `latency` (1250 ms) above `generation_time` (1200), so latency would
    // be the whole; real logs have it far below (1616 against 7179 ms, 6008 against 132529: the wait before the first
    // token). The longer of the two, so that a call's end is never put before its generation ended.
    latency_ms: `CASE WHEN ${r('latency')} IS NULL OR try_cast(${r('generation_time')} AS DOUBLE) > try_cast(${r('latency')} AS DOUBLE)
      THEN coalesce(${r('generation_time')}, ${r('latency')}) ELSE ${r('latency')} END`,
    finish_reason: r('finish_reason'),
    user_id: r('external_user'),
    app: `coalesce(${r('origin')}, ${r('http_referer')}, ${r('app_id')})`,
    tags: `json_merge_patch('{}', json_object('provider_name', ${r('provider_name')}, 'app_id', ${r('app_id')},
      'origin', ${r('origin')}, 'http_referer', ${r('http_referer')}, 'user_agent', ${r('user_agent')},
      'api_type', ${r('api_type')}, 'upstream_id', ${r('upstream_id')}, 'router', ${r('router')}, 'preset_id', ${r('preset_id')},
      'is_byok', r->'is_byok', 'generation_time_ms', r->'generation_time', 'moderation_latency_ms', r->'moderation_latency',
      'num_search_results', r->'num_search_results', 'cache_discount', r->'cache_discount',
      'upstream_inference_cost', r->'upstream_inference_cost'))`,
  };
  // A response `{data: {...}}` or the bare data object.
  const from = `(SELECT _line,
      _elem || CASE WHEN json_type(j->'data') = 'OBJECT' THEN '/data' ELSE '' END AS _path,
      CASE WHEN json_type(j->'data') = 'OBJECT' THEN j->'data' ELSE j END AS r
    FROM ${ctx.src} WHERE j IS NOT NULL) g`;
  return { columns, from };
}

const generationKeys = ['native_tokens_prompt', 'native_tokens_completion'];

export const openrouterGeneration = defineAdapter({
  id: 'openrouter-generation',
  title: 'OpenRouter /api/v1/generation responses (JSON or JSONL)',
  kinds: ['json', 'jsonl'],
  recognisedBy: `keys include ${generationKeys.join(', ')} and one of generation_time, provider_name`,
  detect: (sample) => hasAll(sample, generationKeys) && hasAny(sample, ['generation_time', 'provider_name']),
  idsFromSource: true,
  select: generationSelect,
});

export const openrouterAdapters = [openrouterCsv, openrouterGeneration];
