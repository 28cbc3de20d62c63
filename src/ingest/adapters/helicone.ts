// Helicone request exports: the records of `POST /v1/request/query-clickhouse` (`HeliconeRequest`), as the
// `@helicone/export` tool and the `helicone requests export` CLI write them (JSON array, JSONL, or the API's
// `{data: [...]}` pages), and the CSV those tools write from the same records.
//
// Token rule (Helicone's usage processors, packages/cost/usage): `prompt_tokens` is the FRESH input, cache reads,
// cache writes and audio already taken out (Anthropic's input_tokens as is; OpenAI's prompt_tokens minus
// cached_tokens and audio_tokens); `completion_tokens` excludes reasoning (its own column, `reasoning_tokens`, in
// rows logged since Helicone split it out: the API's total_tokens is prompt + completion + reasoning) and audio.
// So: input = prompt_tokens, output = completion_tokens + reasoning_tokens, cache and audio columns as given.
//
// Signals: Helicone's proxy records time_to_first_token for streamed requests only (worker DBLoggable: null when
// the request did not stream), status -3 is a stream the client cancelled, and the request body (with
// --include-body) carries `stream`. `request_user_id` is the Helicone-User-Id header (the app's end user), and
// `properties` are the Helicone-Property-* headers plus Helicone-Session-Id / -Path / -Name.
import { defineAdapter, type AdapterContext, type AdapterSelect, type Sample, type SelectList } from '../adapter.ts';
import { csvColumn, gatewayProviderSql, jsonFields, pageRecords } from './sql-helpers.ts';

/** The fields read from a record (text), in the order jsonFields extracts them. */
const fieldNames = [
  'request_id', 'response_id', 'request_created_at', 'response_created_at', 'response_status', 'delay_ms', 'latency',
  'time_to_first_token', 'prompt_tokens', 'completion_tokens', 'reasoning_tokens', 'prompt_cache_read_tokens',
  'prompt_cache_write_tokens', 'prompt_audio_tokens', 'completion_audio_tokens', 'model', 'model_override', 'response_model',
  'request_model', 'provider', 'request_user_id', 'user_id', 'request_path', 'target_url', 'country_code', 'prompt_id',
  'cost', 'costUSD', 'cost_usd', 'cache_reference_id',
] as const;
type FieldName = (typeof fieldNames)[number];

/** Helicone's default cache reference: a request that was not served from its cache. */
const noCacheReference = '00000000-0000-0000-0000-000000000000';

/**
 * A JSON field that may arrive as an object or as its text. The legacy `@helicone/export` CSV doubled the quotes
 * of objects before quoting the cell, so a cell reads `{""a"":1}` after CSV unquoting: undone when the text alone
 * is not valid JSON.
 */
const jsonValue = (x: string) => `CASE
  WHEN (${x}) IS NULL THEN NULL
  WHEN json_valid((${x})::VARCHAR) THEN (${x})::VARCHAR::JSON
  WHEN json_valid(replace((${x})::VARCHAR, '""', '"')) THEN replace((${x})::VARCHAR, '""', '"')::JSON END`;

/**
 * Helicone properties as tags, keys in snake case (`UseCase` → `use_case`, `Helicone-Session-Id` →
 * `helicone_session_id`): property keys come as the client spelled its Helicone-Property-* headers (its users' code
 * writes `Feature`, `UseCase`, `TenantId`), and the workload names and rules read tag keys exactly, so `Feature` and
 * `feature` must be the same tag.
 */
const snakeKeys = (obj: string) => `CASE WHEN json_type(${obj}) = 'OBJECT' THEN ('{' || coalesce(array_to_string(list_transform(json_keys(${obj}),
    lambda k: to_json(lower(replace(regexp_replace(k, '([a-z0-9])([A-Z])', '\\1_\\2', 'g'), '-', '_')))::VARCHAR || ':'
      || to_json(json_extract_string(${obj}, '$."' || replace(k, '"', '\\"') || '"'))::VARCHAR), ','), '') || '}')::JSON
  ELSE '{}'::JSON END`;

function heliconeSelect(ctx: AdapterContext): AdapterSelect {
  let f: (name: FieldName) => string;
  let from: string;
  const isJson = ctx.kind !== 'csv';
  if (isJson) {
    const row = jsonFields('j', '_f');
    f = (name) => row.field(name);
    for (const n of fieldNames) f(n);
    // `{data: [...]}` pages of the API, or the records themselves.
    const records = `(SELECT _line, _path, rec AS j FROM ${pageRecords(ctx.src)})`;
    from = `(SELECT *, ${row.extract()} AS _f,
        coalesce(CASE WHEN json_type(j->'properties') = 'OBJECT' THEN j->'properties' END, ${jsonValue(`j->>'request_properties'`)}) AS _bt_props,
        ${jsonValue(`j->>'request_body'`)} AS _bt_body
      FROM ${records}) h`;
  } else {
    const column = (name: string) => csvColumn(ctx, name);
    f = column;
    // The file's columns are passed on (a scan of many files reads each row's file from them); the names added here
    // begin `_bt_`, and a file with a column so named is refused (src/ingest/header.ts, reservedColumn).
    from = `(SELECT *, coalesce(${jsonValue(column('properties'))}, ${jsonValue(column('request_properties'))}) AS _bt_props,
        ${jsonValue(column('request_body'))} AS _bt_body FROM ${ctx.src}) h`;
  }
  const prop = (key: string) => `json_extract_string(_bt_props, '$."${key}"')`;
  const status = f('response_status');
  const ttft = `bt_double(${f('time_to_first_token')})`;
  const path = `coalesce(${f('target_url')}, ${f('request_path')}, '')`;
  const cacheRef = f('cache_reference_id');
  const cost = `coalesce(${f('costUSD')}, ${f('cost_usd')}, ${f('cost')})`;
  // Helicone's status: the HTTP status, or its own codes below zero (-3: a stream the client cancelled, whose
  // tokens up to the stop were billed); NULL when the response never arrived.
  const okStatus = `coalesce(bt_int(${status}) BETWEEN 200 AND 399 OR bt_int(${status}) = -3, true)`;
  const columns: SelectList = {
    // A response served from Helicone's own cache never reached the provider: nothing was billed for it.
    _skip: `CASE WHEN nullif(nullif(trim(${cacheRef}), ''), '${noCacheReference}') IS NOT NULL
        AND ${cacheRef} IS DISTINCT FROM coalesce(${f('request_id')}, '')
      THEN 'served from Helicone''s cache (cache_reference_id ' || ${cacheRef} || '): no provider call, nothing billed'
      WHEN ${f('prompt_tokens')} IS NULL AND ${f('completion_tokens')} IS NULL AND NOT ${okStatus}
      THEN 'failed request (status ' || ${status} || ') without usage: not billed' END`,
    // A failed request without usage was not billed; a successful one without usage cannot be priced, and says why.
    _reject: `CASE WHEN ${f('prompt_tokens')} IS NULL AND ${f('completion_tokens')} IS NULL AND ${okStatus}
      THEN 'Helicone recorded no token counts for this request (prompt_tokens and completion_tokens are empty): it cannot be priced' END`,
    call_id: `coalesce(${f('request_id')}, ${f('response_id')})`,
    ts: f('request_created_at'),
    ended_at: f('response_created_at'),
    latency_ms: `coalesce(${f('delay_ms')}, ${f('latency')},
      (date_diff('microsecond', bt_ts(${f('request_created_at')}), bt_ts(${f('response_created_at')})) / 1000.0)::VARCHAR)`,
    // Only streamed requests get a first-token time from Helicone; 0 means none was seen.
    ttft_ms: `CASE WHEN ${ttft} > 0 THEN ${ttft} END`,
    streamed: `coalesce(json_extract_string(_bt_body, '$.stream'), CASE WHEN ${ttft} > 0 THEN 'true' END)`,
    cancelled: `CASE WHEN ${status} = '-3' THEN 'true' END`,
    status,
    provider: gatewayProviderSql(f('provider')),
    model: `coalesce(nullif(trim(${f('model')}), ''), ${f('model_override')}, ${f('response_model')}, ${f('request_model')})`,
    operation: `CASE WHEN contains(${path}, '/embeddings') THEN 'embeddings' END`,
    input_tokens: f('prompt_tokens'),
    cache_read_tokens: f('prompt_cache_read_tokens'),
    cache_write_unknown_tokens: f('prompt_cache_write_tokens'),
    output_tokens: `CASE WHEN bt_int(${f('completion_tokens')}) IS NULL THEN ${f('completion_tokens')}
      ELSE (bt_int(${f('completion_tokens')}) + coalesce(bt_int(${f('reasoning_tokens')}), 0))::VARCHAR END`,
    reasoning_tokens: f('reasoning_tokens'),
    audio_input_tokens: f('prompt_audio_tokens'),
    audio_output_tokens: f('completion_audio_tokens'),
    reported_cost: cost,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'estimated' END`,
    user_id: `nullif(trim(coalesce(${f('request_user_id')}, ${f('user_id')})), '')`,
    session_id: `coalesce(${prop('Helicone-Session-Id')}, ${prop('helicone-session-id')})`,
    // Helicone records no key or project: the properties a service's client sets name it (Helicone-Property-App,
    // -Project), and workloads are named from them as from a key and a project.
    app: `coalesce(${prop('App')}, ${prop('app')}, ${prop('AppName')}, ${prop('appname')})`,
    project: `coalesce(${prop('Project')}, ${prop('project')})`,
    // Not the target URL: its path (`/v1/chat/completions`) would read as a name word ("chat") for every call.
    tags: `json_merge_patch(${snakeKeys('_bt_props')}, json_merge_patch('{}', json_object('helicone_provider', ${f('provider')},
      'country_code', ${f('country_code')}, 'prompt_id', ${f('prompt_id')})))`,
  };
  if (isJson) Object.assign(columns, { _line: '_line', _path: '_path' });
  return { columns, from };
}

const lower = (names: Iterable<string>) => new Set([...names].map((n) => n.toLowerCase().replace(/^data\./, '')));

/** A Helicone record: its request time and token counts, with a field only Helicone's records have. */
function isHeliconeRequest(sample: Sample): boolean {
  const names = lower(sample.kind === 'csv' ? sample.header : sample.keys);
  const has = (n: string) => names.has(n);
  return (
    has('request_created_at') && has('prompt_tokens') && has('completion_tokens') && (has('request_id') || has('response_id')) &&
    (has('response_status') || has('delay_ms') || has('request_properties') || has('helicone_user'))
  );
}

export const heliconeRequests = defineAdapter({
  id: 'helicone-requests',
  title: 'Helicone request export (@helicone/export or `helicone requests export`: JSON, JSONL, CSV; /v1/request/query-clickhouse pages)',
  kinds: ['csv', 'json', 'jsonl'],
  recognisedBy: 'header/keys include request_created_at, prompt_tokens, completion_tokens, request_id or response_id, and one of response_status, delay_ms, request_properties',
  detect: isHeliconeRequest,
  idsFromSource: true,
  select: heliconeSelect,
});

export const heliconeAdapters = [heliconeRequests];
