// LiteLLM proxy `LiteLLM_SpendLogs`: one row per proxied call, exported as CSV (SQL `COPY`)
// or as JSON from `/spend/logs` (an array; `/spend/logs/v2` wraps it in `{data: [...]}`) or JSONL. Also LiteLLM's
// callback payload, `StandardLoggingPayload` (docs/my-website/docs/proxy/logging_spec.md), as its S3, GCS and webhook
// loggers write it: the same call with other names for some fields (`id` for request_id, `response_cost` for spend,
// `metadata.user_api_key_hash` for api_key, times as epoch seconds) and its `stream` flag and `trace_id`.
//
// A response served from LiteLLM's own cache (`cache_hit`) never reached the provider: LiteLLM logs it with the cached
// answer's tokens and a cost of 0 (cost_calculator.py: `if cache_hit is not None and cache_hit is True: response_cost =
// 0.0`), so it is skipped, not priced as a call.
//
// Token semantics: LiteLLM reports prompt_tokens the OpenAI way, cache reads and writes INSIDE the prompt, also
// for Anthropic (whose native input excludes them). Cache figures only live in `metadata` (additional_usage_values,
// or usage_object in newer versions): when LiteLLM gives none they stay NULL and the prompt is taken as uncached.
//
// TTFT rule (conservative): LiteLLM sets completionStartTime to endTime for calls it did not stream, so a first-token
// time is only taken when it lies strictly between startTime and endTime; otherwise ttft_ms is NULL. `streamed` is
// only set when the record says so (the request's `stream`: the payload's model_parameters or the stored request; else
// the payload's own `stream`, unless its first token is at its end, LiteLLM's mark of a call it did not stream).
import { sqlIdent, sqlIn } from '../../db/sql.ts';
import { defineAdapter, type AdapterContext, type AdapterSelect, type Sample, type SelectList } from '../adapter.ts';
import { csvColumn, jsonFields, pageRecords, uncached } from './sql-helpers.ts';

/** How a field of the source is read: as text, or as JSON (CSV text columns and stringified JSON parsed). */
type Fields = { text: (name: string) => string; json: (name: string) => string };

function csvFields(ctx: AdapterContext): Fields {
  const column = (name: string) => csvColumn(ctx, name);
  return {
    text: column,
    json: (name) => `CASE WHEN json_valid(${column(name)}) THEN ${column(name)}::JSON END`,
  };
}

/** JSON records: text fields as slots of `row` (every field in one parse of the record, jsonFields). */
function jsonRecordFields(row: ReturnType<typeof jsonFields>): Fields {
  return {
    text: row.field,
    // Some exports stringify JSON columns: parse those strings.
    json: (name) => `CASE WHEN json_type(j->'${name}') = 'VARCHAR' AND json_valid(j->>'${name}') THEN (j->>'${name}')::JSON ELSE j->'${name}' END`,
  };
}

/** A field of a JSON value held in column `from`, as text. */
const jt = (from: string, path: string) => `(${from}->>'$.${path}')`;

/** The paths of LiteLLM's Usage object the select reads. */
const usagePaths = ['cache_read_input_tokens', 'prompt_tokens_details.cached_tokens', 'cache_creation_input_tokens',
  'prompt_tokens_details.audio_tokens', 'completion_tokens_details.audio_tokens', 'completion_tokens_details.reasoning_tokens'] as const;

/** LiteLLM call types as canonical operations (the async `a…` variants alike). */
const operationOf = (type: string) => {
  // Older proxies wrote `litellm.completion`, `litellm.acompletion`.
  const t = `regexp_replace(${type}, '^litellm\\.', '')`;
  return `CASE
  WHEN ${t} IS NULL THEN NULL
  WHEN ${sqlIn(`lower(${t})`, ['acompletion', 'completion', 'anthropic_messages', 'generate_content', 'agenerate_content'])} THEN 'chat'
  WHEN ${sqlIn(`lower(${t})`, ['aembedding', 'embedding'])} THEN 'embeddings'
  WHEN ${sqlIn(`lower(${t})`, ['aresponses', 'responses'])} THEN 'responses'
  WHEN ${sqlIn(`lower(${t})`, ['atext_completion', 'text_completion'])} THEN 'completions'
  WHEN ${sqlIn(`lower(${t})`, ['image_generation', 'aimage_generation', 'image_edit', 'aimage_edit'])} THEN 'image'
  WHEN ${sqlIn(`lower(${t})`, ['transcription', 'atranscription', 'speech', 'aspeech'])} THEN 'audio'
  ELSE 'other' END`;
};

/** Milliseconds from one time text to another. */
const msBetween = (from: string, to: string) => `date_diff('microsecond', bt_ts(${from}), bt_ts(${to})) / 1000.0`;

/** `["jobID:214590", "nightly"]` -> `{"jobID": "214590"}`: items without a colon stay only in the list. */
const keyValueTags = (list: string) => `('{' || coalesce(array_to_string(list_transform(
    list_filter(json_extract_string(${list}, '$[*]'), lambda t: contains(t, ':')),
    lambda t: to_json(split_part(t, ':', 1))::VARCHAR || ':' || to_json(substr(t, strpos(t, ':') + 1))::VARCHAR), ','), '') || '}')::JSON`;

const objectOr = (value: string, fallback = "'{}'") => `CASE WHEN json_type(${value}) = 'OBJECT' THEN ${value} ELSE ${fallback}::JSON END`;

function spendLogsSelect(ctx: AdapterContext): AdapterSelect {
  const row = jsonFields('j', '_f');
  const f = ctx.kind === 'csv' ? csvFields(ctx) : jsonRecordFields(row);
  const names = ['request_id', 'call_type', 'api_key', 'spend', 'prompt_tokens', 'completion_tokens', 'startTime', 'endTime',
    'completionStartTime', 'request_duration_ms', 'model', 'model_group', 'custom_llm_provider', 'user', 'end_user', 'team_id',
    'session_id', 'status', 'stream', 'api_base', 'cache_hit',
    // The callback payload's own names (see the top of this file), and its stored response's usage (usage, below).
    'id', 'response_cost', 'trace_id', 'model_parameters.stream', ...usagePaths.map((p) => `response.usage.${p}`)];
  // JSON rows: every field in one parse of the row (`_f`), and the metadata's in one more (`_bt_m`, below).
  const raw = names.map((n) => `${f.text(n)} AS ${sqlIdent(`_bt_f_${n}`)}`);
  const records =
    ctx.kind === 'csv'
      ? ctx.src
      : // `{data: [...]}` pages of /spend/logs/v2, or the rows themselves.
        `(SELECT _line, _path, rec AS j FROM ${pageRecords(ctx.src)})`;
  const parsed = ctx.kind === 'csv' ? records : `(SELECT *, ${row.extract()} AS _f FROM ${records})`;

  const metadata = jsonFields('_bt_md', '_bt_m');
  const m = metadata.field;
  const x = (n: string) => sqlIdent(`_bt_f_${n}`);
  // The provider's usage: in the metadata (additional_usage_values, or usage_object in newer versions), else in a JSON
  // record's stored response (a payload's `response`, or SpendLogs' with store_prompts_in_spend_logs): the same LiteLLM
  // Usage object, read with the record's other fields in its one parse.
  const usage = (path: (typeof usagePaths)[number]) =>
    `coalesce(${m(`additional_usage_values.${path}`)}, ${m(`usage_object.${path}`)}, ${x(`response.usage.${path}`)})`;
  const cacheRead = `coalesce(${usage('cache_read_input_tokens')}, ${usage('prompt_tokens_details.cached_tokens')})`;
  const cacheWrite = usage('cache_creation_input_tokens');
  const slm = objectOr(`_bt_md->'spend_logs_metadata'`);
  const cost = `coalesce(${x('spend')}, ${x('response_cost')})`;
  const columns: SelectList = {
    _skip: `CASE WHEN bt_bool(${x('cache_hit')}) THEN 'served from LiteLLM''s cache (cache_hit): no provider call, nothing billed' END`,
    call_id: `coalesce(${x('request_id')}, ${x('id')})`,
    ts: x('startTime'),
    ended_at: x('endTime'),
    latency_ms: `coalesce(${x('request_duration_ms')}, (${msBetween(x('startTime'), x('endTime'))})::VARCHAR)`,
    ttft_ms: `CASE WHEN bt_ts(${x('completionStartTime')}) > bt_ts(${x('startTime')}) AND bt_ts(${x('completionStartTime')}) < bt_ts(${x('endTime')})
      THEN ${msBetween(x('startTime'), x('completionStartTime'))} END`,
    // The payload's own `stream` is not the request's: three real payloads say true for calls that did not stream (their
    // model_parameters.stream false, the request body's too, completionStartTime = endTime). The request's parameter comes
    // first; a `stream` true with the first token at the end (LiteLLM's mark of a call it did not stream) is no stream.
    streamed: `coalesce(${x('model_parameters.stream')}, ${jt('_bt_psr', 'stream')},
      CASE WHEN bt_bool(${x('stream')}) AND bt_ts(${x('completionStartTime')}) >= bt_ts(${x('endTime')}) THEN 'false' ELSE ${x('stream')} END)`,
    provider: x('custom_llm_provider'),
    model: `coalesce(nullif(trim(${x('model')}), ''), ${x('model_group')})`,
    operation: operationOf(x('call_type')),
    status: `coalesce(${x('status')}, ${m('status')})`,
    // OpenAI chat usage counts audio inside prompt_tokens / completion_tokens (prompt_tokens_details.audio_tokens,
    // completion_tokens_details.audio_tokens): it goes to the audio columns, never priced as text.
    input_tokens: uncached(x('prompt_tokens'), cacheRead, cacheWrite, usage('prompt_tokens_details.audio_tokens')),
    cache_read_tokens: cacheRead,
    cache_write_unknown_tokens: cacheWrite,
    input_tokens_reported: x('prompt_tokens'),
    // Embeddings produce no output; LiteLLM may leave completion_tokens empty for them.
    output_tokens: uncached(
      `coalesce(${x('completion_tokens')}, CASE WHEN ${operationOf(x('call_type'))} = 'embeddings' THEN '0' END)`,
      usage('completion_tokens_details.audio_tokens'),
    ),
    audio_input_tokens: usage('prompt_tokens_details.audio_tokens'),
    audio_output_tokens: usage('completion_tokens_details.audio_tokens'),
    reasoning_tokens: usage('completion_tokens_details.reasoning_tokens'),
    reported_cost: cost,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'estimated' END`,
    api_key: `coalesce(${x('api_key')}, ${m('user_api_key_hash')})`,
    api_key_name: m('user_api_key_alias'),
    project: `coalesce(nullif(trim(${x('team_id')}), ''), ${m('user_api_key_team_id')})`,
    // The app's end user is `end_user` (the request's `user`); `user` is the LiteLLM internal user who owns the key
    // (`user_api_key_user_id`, often 'default_user_id' or a service account), the same on every call of that key: read
    // as an end user it made a whole key one person, and a job's calls a person's (the eval's server-only org as
    // SpendLogs: 38.5% of spend right). It stays in tags (`user`, `key_user_id`) for rules.
    user_id: `coalesce(nullif(trim(${x('end_user')}), ''), nullif(trim(${m('user_api_key_end_user_id')}), ''))`,
    session_id: x('session_id'),
    trace_id: x('trace_id'),
    tags: `json_merge_patch(json_merge_patch(json_merge_patch('{}', json_object(
        'request_tags', _bt_rt, 'call_type', ${x('call_type')}, 'model_group', ${x('model_group')}, 'api_base', ${x('api_base')},
        'user', ${x('user')}, 'end_user', ${x('end_user')}, 'cache_hit', ${x('cache_hit')},
        'team_alias', ${m('user_api_key_team_alias')}, 'key_user_id', ${m('user_api_key_user_id')})),
      CASE WHEN json_type(_bt_rt) = 'ARRAY' THEN ${keyValueTags('_bt_rt')} ELSE '{}'::JSON END), ${slm})`,
  };
  if (ctx.kind !== 'csv') Object.assign(columns, { _line: '_line', _path: '_path' });
  // A CSV's own columns are passed on (`*`), so that a scan of many files can tell each row's file
  // (src/ingest/many.ts, passesColumnsOn); the names this query adds begin `_bt_`, and a file with a column so named
  // is refused (src/ingest/header.ts, reservedColumn), since DuckDB would read the file's column in their place.
  const fields = `(SELECT ${ctx.kind === 'csv' ? '*, ' : '_line, _path, '}${raw.join(', ')},
      ${f.json('metadata')} AS _bt_md, ${f.json('request_tags')} AS _bt_rt, ${f.json('proxy_server_request')} AS _bt_psr
    FROM ${parsed})`;
  const from = `(SELECT *, ${metadata.extract()} AS _bt_m FROM ${fields}) s`;
  return { columns, from };
}

const lower = (names: Iterable<string>) => new Set([...names].map((n) => n.toLowerCase()));
const required = ['request_id', 'call_type', 'spend', 'starttime'];
/** The callback payload's: its id, cost and time fields. */
const payloadRequired = ['id', 'call_type', 'response_cost', 'starttime'];

export const litellmSpendLogs = defineAdapter({
  id: 'litellm-spendlogs',
  title: 'LiteLLM proxy LiteLLM_SpendLogs (SQL CSV export, /spend/logs JSON, JSONL) and StandardLoggingPayload (its S3, GCS and webhook logs)',
  kinds: ['csv', 'json', 'jsonl'],
  recognisedBy: 'header/keys include request_id, call_type, spend, startTime (a payload: id, call_type, response_cost, startTime) and prompt_tokens or total_tokens',
  detect: (sample: Sample) => {
    const names = lower(sample.kind === 'csv' ? sample.header : sample.keys);
    const tokens = names.has('prompt_tokens') || names.has('total_tokens');
    return tokens && (required.every((n) => names.has(n)) || payloadRequired.every((n) => names.has(n)));
  },
  idsFromSource: true,
  select: spendLogsSelect,
});

export const litellmAdapters = [litellmSpendLogs];
