// Portkey AI gateway logs: the rows of a log export (`POST /v1/logs/exports`, downloaded as JSONL: one log per line,
// its keys the export's field ids), the stored log object (`GET /v1/logs/{id}`, and the log files a hybrid deployment
// writes to its own storage: `{_id, request: {url, body, portkeyHeaders}, response: {status, body, responseTime}}`),
// and the analytics row beside it (the metric files: the export's columns plus `stream_mode`, `_user`, `virtual_key`,
// `cache_status`). Portkey's docs (portkey.ai/docs/product/observability/logs-export, the OpenAPI `LogObject`):
//   cost            in cents (USD): "Cost of the request in cents (USD)"; stated money, so reported_cost is cost / 100
//   response_time   milliseconds, end to end
//   req_units       input tokens; res_units output tokens (reasoning included)
//   request/response  the bodies as sent and received (the log object wraps them in `{url, headers, body}`); only when
//                   the request was logged with its bodies: a private log keeps tokens, cost and time only
//   metadata        the `x-portkey-metadata` object (string values; `_user` is the end user, copied from a request's
//                   `user`); the analytics row stores it as `{key: [...], value: [...]}`, the log object as the header's text
//   trace_id        `x-portkey-trace-id`: the caller's id for related requests, or one Portkey makes up per request
//
// Tokens: the response's usage block, when the export holds it, says how the cache was counted, which req_units cannot:
// OpenAI's chat usage counts cache reads inside prompt_tokens (prompt_tokens_details.cached_tokens), the Responses API
// inside input_tokens (input_tokens_details.cached_tokens), Anthropic's native usage outside input_tokens
// (cache_read_input_tokens, cache_creation_input_tokens). Portkey's gateway answers Anthropic calls made through its
// OpenAI-shaped API with prompt_tokens = Anthropic's input_tokens, the cache outside it, and the cache's own fields beside
// (Portkey-AI/gateway src/providers/anthropic/chatComplete.ts: `prompt_tokens: input_tokens`, then
// `cache_read_input_tokens`, `cache_creation_input_tokens` when there were any): so a usage block that names
// Anthropic's cache fields counts its input without them, whatever else it says. Without a usage block, req_units and
// res_units are the tokens, the cache unknown.
//
// Not billed, skipped: a response Portkey served from its own cache (cache_status HIT or SEMANTIC HIT), and a failed
// request (status 400 or more) that reports no tokens. Streaming: the request body's `stream`, or the analytics row's
// stream_mode; the export has no first-token time.
import { defineAdapter, type AdapterContext, type AdapterSelect, type Sample, type SelectList } from '../adapter.ts';
import { gatewayProviderSql, jsonFields, pageRecords } from './sql-helpers.ts';

/**
 * `created_at` as JavaScript's Date.toString() writes it (`Mon Aug 10 2026 12:00:00 GMT+0000 (Coordinated Universal
 * Time)`), which an importer verified on a real 46,241-row export parses beside ISO text and epochs
 * (VasiliyRad/metergraphrelay: `_PORTKEY_DATE_RE`), read with its offset; other text as it is (the engine reads ISO text
 * and epochs).
 */
const jsDateSql = (x: string) => `CASE WHEN regexp_full_match(${x}, '(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT[+-]\\d{4}( \\([^)]*\\))?')
  THEN try_strptime(substr(${x}, 5, 29), '%b %d %Y %H:%M:%S GMT%z')::VARCHAR ELSE ${x} END`;

/** The operation from the provider URL's path (or a Responses API answer's `object`); NULL leaves the engine's default (chat, or embeddings by the model's name). */
const operationOf = (url: string, responseObject: string) => `CASE
  WHEN contains(${url}, '/embeddings') THEN 'embeddings'
  WHEN contains(${url}, '/responses') OR ${responseObject} = 'response' THEN 'responses'
  WHEN contains(${url}, '/images/') THEN 'image'
  WHEN contains(${url}, '/audio/') THEN 'audio'
  WHEN regexp_matches(${url}, '/completions') AND NOT contains(${url}, '/chat/completions') THEN 'completions' END`;

/**
 * The metadata as one JSON object: the export's object, the analytics row's `{key: [...], value: [...]}` lists, or the
 * log object's `x-portkey-metadata` header text.
 */
const metadataSql = (meta: string, header: string) => `CASE
    WHEN json_type(${meta}) = 'OBJECT' AND json_type(${meta}->'key') = 'ARRAY' AND json_type(${meta}->'value') = 'ARRAY'
      THEN to_json(map(json_extract_string(${meta}, '$.key[*]'), json_extract_string(${meta}, '$.value[*]')))
    WHEN json_type(${meta}) = 'OBJECT' THEN ${meta}
    WHEN json_type(${meta}) = 'VARCHAR' AND json_valid(${meta}->>'$') AND json_type((${meta}->>'$')::JSON) = 'OBJECT' THEN (${meta}->>'$')::JSON
    WHEN json_valid(${header}) AND json_type(${header}::JSON) = 'OBJECT' THEN ${header}::JSON
    ELSE '{}'::JSON END`;

/**
 * The metadata as tags, without `_user` and `session_id`: they are the call's user_id and session_id, and a tag that
 * differs on every user's (or session's) calls would make each one's calls a name of their own.
 */
const metadataTagsSql = (metadata: string) => `json_merge_patch(${metadata}, '{"_user": null, "session_id": null}')`;

function portkeySelect(ctx: AdapterContext): AdapterSelect {
  const row = jsonFields('j', '_f');
  const f = row.field;
  // A field of the request or response body: the export holds the body itself, the log object wraps it in `body`.
  const body = (side: 'request' | 'response', path: string) => `coalesce(${f(`${side}.${path}`)}, ${f(`${side}.body.${path}`)})`;
  const usage = (path: string) => body('response', `usage.${path}`);
  const reqUnits = `coalesce(${f('req_units')}, ${f('request_tokens')})`;
  const resUnits = `coalesce(${f('res_units')}, ${f('response_tokens')})`;
  const status = `coalesce(${f('response_status_code')}, ${f('status_code')}, ${f('response.status')})`;
  const url = `coalesce(${f('request_url')}, ${f('request.url')}, '')`;
  const cacheStatus = `upper(coalesce(${f('cache_status')}, ${f('response.headers."x-portkey-cache-status"')}))`;
  const cost = f('cost');

  // The usage block's counts (see the top of this file), each NULL when the response holds none.
  const anthropicCache = `coalesce(${usage('cache_read_input_tokens')}, ${usage('cache_creation_input_tokens')}) IS NOT NULL`;
  const openaiCached = `coalesce(${usage('prompt_tokens_details.cached_tokens')}, ${usage('input_tokens_details.cached_tokens')})`;
  const usageInput = `CASE
    WHEN ${anthropicCache} THEN coalesce(${usage('input_tokens')}, ${usage('prompt_tokens')})
    WHEN bt_int(coalesce(${usage('prompt_tokens')}, ${usage('input_tokens')})) IS NOT NULL
      THEN (bt_int(coalesce(${usage('prompt_tokens')}, ${usage('input_tokens')})) - coalesce(bt_int(${openaiCached}), 0))::VARCHAR END`;
  const usageOutput = `coalesce(${usage('completion_tokens')}, ${usage('output_tokens')})`;
  const hasUsage = `(${usageInput} IS NOT NULL OR ${usageOutput} IS NOT NULL)`;
  const noTokens = `(NOT ${hasUsage} AND coalesce(bt_double(${reqUnits}), 0) = 0 AND coalesce(bt_double(${resUnits}), 0) = 0)`;
  // Numbers as ClickHouse writes them may be floats (`200.0`, `150.0`): bt_int reads a whole one, as the engine does tokens.
  const failed = `(coalesce(bt_int(${status}) >= 400, false) OR lower(coalesce(${f('is_success')}, '')) IN ('0', '0.0', 'false'))`;

  const columns: SelectList = {
    _line: '_line',
    _path: '_path',
    _skip: `CASE
      WHEN ${cacheStatus} IN ('HIT', 'SEMANTIC HIT', 'SEMANTIC_HIT')
        THEN 'served from Portkey''s cache (cache_status ' || ${cacheStatus} || '): no provider call, nothing billed'
      WHEN ${failed} AND ${noTokens}
        THEN 'failed request (status ' || coalesce(${status}, 'unknown') || ') without tokens: not billed' END`,
    _reject: `CASE WHEN NOT ${hasUsage} AND ${reqUnits} IS NULL AND ${resUnits} IS NULL
      THEN 'Portkey logged no token counts for this request (no req_units or res_units, and no usage in its response): export the logs again with req_units and res_units among requested_data' END`,
    call_id: `coalesce(${f('id')}, ${f('_id')})`,
    ts: jsDateSql(f('created_at')),
    latency_ms: `coalesce(${f('response_time')}, ${f('response.responseTime')})`,
    streamed: `coalesce(${body('request', 'stream')}, CASE WHEN bt_double(${f('stream_mode')}) > 0 THEN 'true' WHEN bt_double(${f('stream_mode')}) = 0 THEN 'false' END)`,
    status: `coalesce(bt_int(${status})::VARCHAR, ${status})`,
    provider: gatewayProviderSql(`coalesce(${f('ai_org')}, ${f('ai_provider')})`),
    // The response names the model that answered (`gpt-3.5-turbo-0125` for a request of `gpt-3.5-turbo`).
    model: `coalesce(nullif(trim(${f('ai_model')}), ''), ${body('response', 'model')}, ${body('request', 'model')})`,
    operation: operationOf(url, body('response', 'object')),
    lane: `bt_lane(coalesce(${body('response', 'service_tier')}, ${body('request', 'service_tier')}))`,
    input_tokens: `CASE WHEN ${hasUsage} THEN ${usageInput} ELSE ${reqUnits} END`,
    input_tokens_reported: reqUnits,
    cache_read_tokens: `CASE WHEN ${anthropicCache} THEN ${usage('cache_read_input_tokens')} ELSE ${openaiCached} END`,
    cache_write_unknown_tokens: usage('cache_creation_input_tokens'),
    output_tokens: `CASE WHEN ${usageOutput} IS NOT NULL THEN ${usageOutput} ELSE ${resUnits} END`,
    reasoning_tokens: `coalesce(${usage('completion_tokens_details.reasoning_tokens')}, ${usage('output_tokens_details.reasoning_tokens')})`,
    // Cents, exactly: a DECIMAL times 0.01 stays a DECIMAL (divided by 100 it would be a DOUBLE).
    reported_cost: `CASE WHEN bt_dec(${cost}) IS NULL THEN ${cost} ELSE (bt_dec(${cost}) * 0.01)::VARCHAR END`,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'estimated' END`,
    user_id: `nullif(trim(coalesce(_bt_meta->>'_user', ${f('_user')}, ${body('request', 'user')})), '')`,
    trace_id: `coalesce(${f('trace_id')}, ${f('request.portkeyHeaders."x-portkey-trace-id"')})`,
    session_id: `_bt_meta->>'session_id'`,
    api_key: `coalesce(${f('virtual_key')}, ${f('api_key_id')})`,
    project: f('workspace_slug'),
    tags: `json_merge_patch(${metadataTagsSql('_bt_meta')}, json_merge_patch('{}', json_object('portkey_provider', coalesce(${f('ai_org')}, ${f('ai_provider')}),
      'config', coalesce(${f('config')}, ${f('config_id')}), 'prompt_slug', ${f('prompt_slug')}, 'mode', ${f('mode')})))`,
  };
  // Every field above in one parse of the record (_f); the metadata in one more.
  const records = `(SELECT _line, _path, rec AS j FROM ${pageRecords(ctx.src)})`;
  const header = f('request.portkeyHeaders."x-portkey-metadata"');
  // The metadata's JSON text comes with the other fields (json_extract_string gives an object's text), so only that small
  // text is parsed again, not the record with its bodies: 200,000 records of 2 KB took 9.2 s with `j->'metadata'`.
  const metaText = f('metadata');
  const from = `(SELECT *, ${metadataSql('_bt_m', header)} AS _bt_meta
    FROM (SELECT *, CASE WHEN json_valid(${metaText}) THEN ${metaText}::JSON ELSE to_json(${metaText}) END AS _bt_m
      FROM (SELECT *, ${row.extract()} AS _f FROM ${records}))) p`;
  return { columns, from };
}

/** A Portkey log: the export's model and token fields (or their UI names), or a log object's Portkey headers. */
function isPortkeyLog(sample: Sample): boolean {
  const has = (k: string) => sample.keys.has(k);
  const exportRow = (has('ai_model') || has('ai_org')) && ['req_units', 'res_units', 'total_units', 'request_tokens', 'response_tokens'].some(has);
  const logObject = has('request.portkeyHeaders') || has('response.lastUsedOptionJsonPath');
  return exportRow || logObject;
}

export const portkeyLogs = defineAdapter({
  id: 'portkey-logs',
  title: 'Portkey gateway logs (log export JSONL, GET /v1/logs/{id} log objects, hybrid deployments\' log and metric files)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'keys include ai_model or ai_org with req_units, res_units or total_units; or request.portkeyHeaders (a log object)',
  detect: isPortkeyLog,
  idsFromSource: true,
  select: portkeySelect,
});
