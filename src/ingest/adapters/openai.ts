// OpenAI sources: Usage API pages (buckets of aggregated usage) and Batch API output
// files (one billed request per line). OpenAI's input figures INCLUDE cache reads and writes; both adapters
// subtract them so that `input_tokens` holds uncached input only, and keep the source's figure in
// `input_tokens_reported` for audit.
import { sqlIdent, sqlString } from '../../db/sql.ts';
import { everyRecordHas, isUsagePage, sumOf, uncached, usagePages } from './sql-helpers.ts';
import { defineAdapter, fileTimeSql, hasAll, jtext, type Adapter, type AdapterContext, type SelectList } from '../adapter.ts';

/** The reject reason for usage results without a model, with the command that fetches them grouped. */
export const noModelReason =
  'no model: the usage page was fetched without group_by=model, so its tokens cannot be priced. Re-export grouped by model ' +
  '(and project and key, to tell workloads apart): curl -H "Authorization: Bearer $OPENAI_ADMIN_KEY" ' +
  '"https://api.openai.com/v1/organization/usage/completions?start_time=START&bucket_width=1d&group_by=model&group_by=project_id&group_by=api_key_id" ' +
  '(the same for /usage/embeddings; follow next_page until has_more is false)';

/** OpenAI's usage pages: buckets from start_time to end_time. */
const usagePagesOpenai = usagePages('start_time', 'end_time');

function usageSelect(ctx: AdapterContext) {
  const rows = usagePagesOpenai.rows(ctx);
  const res = rows.res;
  const object = res('object');
  const completions = `(${object} = 'organization.usage.completions.result' OR (${object} IS NULL AND ${res('output_tokens')} IS NOT NULL))`;
  const embeddings = `(${object} = 'organization.usage.embeddings.result' OR (${object} IS NULL AND ${res('input_tokens')} IS NOT NULL))`;
  const columns = {
    _line: 'rr._line',
    _path: 'rr._path',
    // Images, audio, moderations, vector stores… count images, seconds or bytes, not LLM tokens we price.
    _skip: `CASE WHEN NOT ${completions} AND NOT ${embeddings}
      THEN 'OpenAI usage result ' || coalesce(${object}, 'without token counts') || ': not LLM token usage' END`,
    // A page fetched without group_by=model (as OpenAI's own cookbook does) has model null on every result:
    // its tokens cannot be priced, and the only fix is a re-export, so the reason says how.
    _reject: `CASE WHEN ${res('model')} IS NULL THEN ${sqlString(noModelReason)} END`,
    granularity: "'bucket'",
    ts: 'rr.bucket_start',
    ended_at: 'rr.bucket_end',
    provider: "'openai'",
    model: res('model'),
    operation: `CASE WHEN ${completions} THEN 'chat' ELSE 'embeddings' END`,
    // batch and service_tier are only present when grouped by them; with neither, lane stays NULL and the
    // engine assumes standard (lane_source 'inferred').
    lane: `CASE WHEN bt_bool(${res('batch')}) THEN 'batch' ELSE bt_lane(${res('service_tier')}) END`,
    service_tier_raw: res('service_tier'),
    requests: res('num_model_requests'),
    // Newer rows say uncached input outright; older ones only have the total, which includes cache reads
    // (and cache writes, when reported). Either includes audio, which has its own rates: it is taken out here
    // and carried in audio_input_tokens (cached audio out of the cache reads likewise), never priced as text.
    // Uncached image tokens likewise go to image_input_tokens (priced at the model's image rate, which is the
    // input rate unless it has its own); cached image tokens stay cache reads, billed as such.
    input_tokens: uncached(
      `coalesce(${res('input_uncached_tokens')}, ${uncached(res('input_tokens'), res('input_cached_tokens'), res('input_cache_write_tokens'))})`,
      res('input_audio_tokens'),
      res('input_image_tokens'),
    ),
    cache_read_tokens: uncached(res('input_cached_tokens'), res('input_cached_audio_tokens')),
    // OpenAI does not split cache writes by TTL.
    cache_write_unknown_tokens: res('input_cache_write_tokens'),
    output_tokens: `CASE WHEN ${completions} THEN ${uncached(res('output_tokens'), res('output_audio_tokens'), res('output_image_tokens'))} ELSE '0' END`,
    audio_input_tokens: sumOf(res('input_audio_tokens'), res('input_cached_audio_tokens')),
    audio_output_tokens: res('output_audio_tokens'),
    image_input_tokens: res('input_image_tokens'),
    image_output_tokens: `CASE WHEN ${completions} THEN ${res('output_image_tokens')} END`,
    input_tokens_reported: res('input_tokens'),
    api_key: res('api_key_id'),
    project: res('project_id'),
    user_id: res('user_id'),
  };
  return { columns, from: rows.from() };
}

export const openaiUsage = defineAdapter({
  id: 'openai-usage',
  title: 'OpenAI Usage API pages (completions, embeddings)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'usage pages whose buckets have start_time, end_time and results (costs pages, with amount, are not usage)',
  detect: (sample) => isUsagePage(sample, 'start_time', 'end_time', 'num_model_requests', ['amount', 'line_item']),
  idsFromSource: false,
  select: usageSelect,
  unnests: usagePagesOpenai.unnests,
});

/**
 * The token columns of an OpenAI API response's `usage` (`usage(path)`: one of its fields as text), as Azure OpenAI
 * returns it too. Chat usage says prompt_tokens / completion_tokens, Responses usage input_tokens / output_tokens; either
 * way the input figure includes cache reads and writes, and chat usage counts audio inside prompt and completion
 * tokens (…_details.audio_tokens): audio columns. Embeddings (by `operation`) produce no output.
 */
export function responseUsage(usage: (path: string) => string, operation: string): SelectList {
  const reportedInput = `coalesce(${usage('prompt_tokens')}, ${usage('input_tokens')})`;
  const cached = `coalesce(${usage('prompt_tokens_details.cached_tokens')}, ${usage('input_tokens_details.cached_tokens')})`;
  const cacheWrite = `coalesce(${usage('prompt_tokens_details.cache_write_tokens')}, ${usage('input_tokens_details.cache_write_tokens')})`;
  return {
    input_tokens: uncached(reportedInput, cached, cacheWrite, usage('prompt_tokens_details.audio_tokens')),
    cache_read_tokens: cached,
    cache_write_unknown_tokens: cacheWrite,
    output_tokens: `CASE WHEN (${operation}) = 'embeddings' THEN '0' ELSE ${uncached(`coalesce(${usage('completion_tokens')}, ${usage('output_tokens')})`, usage('completion_tokens_details.audio_tokens'))} END`,
    audio_input_tokens: usage('prompt_tokens_details.audio_tokens'),
    audio_output_tokens: usage('completion_tokens_details.audio_tokens'),
    reasoning_tokens: `coalesce(${usage('completion_tokens_details.reasoning_tokens')}, ${usage('output_tokens_details.reasoning_tokens')})`,
    input_tokens_reported: reportedInput,
  };
}

function batchOutputSelect(ctx: AdapterContext) {
  const body = (path: string) => jtext(`response.body.${path}`);
  const usage = (path: string) => body(`usage.${path}`);
  const statusCode = jtext('response.status_code');
  // Gemini's OpenAI-compatible batch output: usage in camelCase (geminiCompatUsage).
  const gemini = `(${usage('promptTokens')} IS NOT NULL AND ${usage('prompt_tokens')} IS NULL)`;
  const operation = `CASE ${body('object')} WHEN 'chat.completion' THEN 'chat' WHEN 'response' THEN 'responses'
    WHEN 'list' THEN 'embeddings' WHEN 'embedding' THEN 'embeddings' WHEN 'text_completion' THEN 'completions' END`;
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      // Failed and expired requests are in the error file and are not billed.
      // A Responses run that failed answers 200 with the failure in its body (`status: failed`, an `error`) and no usage.
      _skip: `CASE WHEN ${jtext('error')} IS NOT NULL OR ${statusCode} IS NULL OR ${statusCode} <> '200'
        THEN 'batch request failed: ' || coalesce(${statusCode}, ${jtext('error.code')}, 'no response')
        WHEN (${body('status')} = 'failed' OR json_type(j, '$.response.body.error') = 'OBJECT') AND ${body('usage')} IS NULL
        THEN 'batch request failed: ' || coalesce(${body('error.code')}, ${body('error.message')}, 'status failed') END`,
      // The line's id is the request's in OpenAI's and Groq's files (batch_req_…); Azure OpenAI's writes the batch's
      // id on every line, so there the completion's own id names the call (else every line but one was a duplicate).
      call_id: `CASE WHEN starts_with(${jtext('id')}, 'batch_req') OR ${body('id')} IS NULL THEN ${jtext('id')} ELSE ${body('id')} END`,
      granularity: "'call'",
      // Chat completions carry `created`, responses `created_at`; embeddings responses carry no time at all,
      // so they fall back to the file's modification time, the best time we have.
      ts: `coalesce(${body('created')}, ${body('created_at')}, ${fileTimeSql(ctx)})`,
      // Groq's Batch API writes the same file; its bodies carry x_groq, and usage timings in seconds.
      provider: `CASE WHEN json_type(j, '$.response.body.x_groq') IS NOT NULL THEN 'groq' WHEN ${gemini} THEN 'google' ELSE 'openai' END`,
      latency_ms: `(try_cast(${usage('total_time')} AS DOUBLE) * 1000)::VARCHAR`,
      model: `regexp_replace(${body('model')}, '^models/', '')`,
      operation,
      lane: "'batch'",
      service_tier_raw: body('service_tier'),
      status: "'success'",
      // A Responses body has no choices: why it stopped short (incomplete_details.reason), else its status.
      finish_reason: `coalesce(${body('choices[0].finish_reason')}, ${body('incomplete_details.reason')}, ${body('status')})`,
      ...geminiCompatUsage(usage, gemini, operation),
      tags: `json_object('custom_id', ${jtext('custom_id')}, 'request_id', ${jtext('response.request_id')})`,
    },
    from: `${ctx.src} WHERE j IS NOT NULL`,
  };
}

/**
 * Gemini's OpenAI-compatible Batch API (`/v1beta/openai/batches`) writes this file with its usage in camelCase
 * (`promptTokens`, `completionTokens`, `totalTokens`), the thinking outside both: a real line (sinas-platform/sinas'
 * "exact observed payload") had 29 + 21 of 1,373. What the total holds beyond them is the thinking, billed as output.
 * Other lines' usage is OpenAI's (responseUsage).
 */
function geminiCompatUsage(usage: (path: string) => string, gemini: string, operation: string): SelectList {
  const [prompt, completion, total] = ['promptTokens', 'completionTokens', 'totalTokens'].map((k) => `bt_int(${usage(k)})`);
  const thinking = `greatest(coalesce(${total}, 0) - ${prompt} - coalesce(${completion}, 0), 0)`;
  const ifGemini = (gem: string, other: string) => `CASE WHEN ${gemini} THEN ${gem} ELSE ${other} END`;
  const base = responseUsage(usage, operation);
  return {
    ...base,
    input_tokens: ifGemini(`${prompt}::VARCHAR`, base.input_tokens!),
    input_tokens_reported: ifGemini(`${prompt}::VARCHAR`, base.input_tokens_reported!),
    output_tokens: ifGemini(`(coalesce(${completion}, 0) + ${thinking})::VARCHAR`, base.output_tokens!),
    reasoning_tokens: ifGemini(`nullif(${thinking}, 0)::VARCHAR`, base.reasoning_tokens!),
  };
}

export const openaiBatchOutput = defineAdapter({
  id: 'openai-batch-output',
  title: 'OpenAI Batch API output / error file (JSONL)',
  kinds: ['jsonl'],
  recognisedBy: 'every line has custom_id and response, and id or response.status_code (the batch input file, with method, url and body, is not usage)',
  // Judged on the lines' own keys: bare key names in the sample also come from nested response bodies. Gemini's
  // OpenAI-compatible batch output was seen without the line id.
  detect: (sample) => everyRecordHas(sample, ['custom_id', 'response']) &&
    (everyRecordHas(sample, ['id']) || sample.records.every((r) => typeof (r as { response?: { status_code?: unknown } }).response?.status_code === 'number')),
  idsFromSource: true,
  select: batchOutputSelect,
});

/** The dashboard exports' first columns (platform.openai.com/usage → Export), usage's and costs' alike. */
export const openaiDashboardHead = ['start_time', 'end_time', 'start_time_iso', 'end_time_iso'];

/** A dashboard export's column by its exact name, blank read as NULL; NULL when the export lacks it. */
export const dashboardColumn = (ctx: AdapterContext, name: string): string =>
  ctx.header.includes(name) ? `nullif(trim(${sqlIdent(name)}), '')` : 'NULL';

function dashboardCsvSelect(ctx: AdapterContext) {
  const c = (name: string) => dashboardColumn(ctx, name);
  // The embeddings export has no output columns: that is how the two exports differ in content.
  const completions = ctx.header.includes('output_tokens');
  return {
    columns: {
      // A bucket with no usage: a row with no requests and no tokens (an export of days without any has only the four
      // time columns, as the dashboard writes it for a period with no usage).
      _skip: `CASE WHEN ${c('num_model_requests')} IS NULL AND ${c('input_tokens')} IS NULL AND ${c('output_tokens')} IS NULL
        THEN 'an empty bucket: the export holds no usage for it' END`,
      _reject: ctx.header.includes('model')
        ? `CASE WHEN ${c('model')} IS NULL THEN ${sqlString(noModelCsvReason)} END`
        : sqlString(noModelCsvReason),
      granularity: "'bucket'",
      ts: `coalesce(${c('start_time_iso')}, ${c('start_time')})`,
      ended_at: `coalesce(${c('end_time_iso')}, ${c('end_time')})`,
      provider: "'openai'",
      model: c('model'),
      operation: completions ? "'chat'" : "'embeddings'",
      lane: `CASE WHEN bt_bool(${c('batch')}) THEN 'batch' ELSE bt_lane(${c('service_tier')}) END`,
      service_tier_raw: c('service_tier'),
      requests: c('num_model_requests'),
      // The Usage API's fields, so its semantics: input_tokens INCLUDES cached (and cache-write) tokens, and
      // audio, which goes to the audio columns (as in the usage pages above).
      input_tokens: uncached(
        `coalesce(${c('input_uncached_tokens')}, ${uncached(c('input_tokens'), c('input_cached_tokens'), c('input_cache_write_tokens'))})`,
        c('input_audio_tokens'),
        c('input_image_tokens'),
      ),
      cache_read_tokens: uncached(c('input_cached_tokens'), c('input_cached_audio_tokens')),
      cache_write_unknown_tokens: c('input_cache_write_tokens'),
      output_tokens: completions ? uncached(c('output_tokens'), c('output_audio_tokens'), c('output_image_tokens')) : "'0'",
      audio_input_tokens: sumOf(c('input_audio_tokens'), c('input_cached_audio_tokens')),
      audio_output_tokens: completions ? c('output_audio_tokens') : 'NULL',
      image_input_tokens: c('input_image_tokens'),
      image_output_tokens: completions ? c('output_image_tokens') : 'NULL',
      input_tokens_reported: c('input_tokens'),
      api_key: c('api_key_id'),
      api_key_name: c('api_key_name'),
      project: coalesceCols(ctx, ['project_id', 'project_name']),
      user_id: coalesceCols(ctx, ['user_id', 'user_email']),
    },
    from: ctx.src,
  };
}

const coalesceCols = (ctx: AdapterContext, names: string[]) => {
  const present = names.filter((n) => ctx.header.includes(n)).map((n) => `nullif(trim(${sqlIdent(n)}), '')`);
  return present.length === 0 ? 'NULL' : `coalesce(${present.join(', ')})`;
};

export const noModelCsvReason =
  'no model: the usage export was not grouped by model, so its tokens cannot be priced. Export again with the usage page grouped by model ' +
  '(and project and API key), or fetch the Usage API with group_by=model&group_by=project_id&group_by=api_key_id';

export const openaiDashboardCsv = defineAdapter({
  id: 'openai-usage-csv',
  title: 'OpenAI dashboard usage export (completions_usage_*.csv, embeddings_usage_*.csv; buckets)',
  kinds: ['csv'],
  recognisedBy: `header begins ${openaiDashboardHead.join(', ')} and has input_tokens and num_model_requests, or is those four alone (a period with no usage)`,
  detect: (sample) =>
    openaiDashboardHead.every((h, i) => sample.header[i] === h) &&
    (hasAll(sample, ['input_tokens', 'num_model_requests']) || sample.header.length === openaiDashboardHead.length),
  idsFromSource: false,
  select: dashboardCsvSelect,
});

export const openaiAdapters: readonly Adapter[] = [openaiUsage, openaiBatchOutput, openaiDashboardCsv];
