// Azure OpenAI, through Azure API Management's LLM logging: the `ApiManagementGatewayLlmLog` table (diagnostic
// setting "Logs related to generative AI gateway"), exported from Log Analytics as CSV (portal export: headers such
// as `TimeGenerated [UTC]`) or JSON (`az monitor log-analytics query`). It is the Azure log that carries tokens per
// request: PromptTokens, CompletionTokens, TotalTokens, with ModelName, DeploymentName, IsStreamCompletion, RequestId.
// The Azure OpenAI resource's own diagnostic logs (AzureDiagnostics, category RequestResponse) carry no token
// counts, and its metrics (ProcessedPromptTokens, GeneratedTokens) are per-minute aggregates without request
// identity: neither is read.
//
// API Management's older GatewayLogs (below, `azure-apim-gateway-logs`) carry no token counts of their own either,
// but when the diagnostic setting logs payloads, the backend's response body holds the model's `usage`: it is read
// from there, and a model call whose logged body holds none is rejected with what to log instead.
//
// Token semantics are OpenAI's: PromptTokens includes cached tokens, and this log does not split them out, so cache
// reads stay unknown (NULL). Large exchanges are split into several entries (SequenceNumber 0, 1, …): only the first
// carries the call; the others are skipped. A row without ModelName uses the deployment name, which pricing
// aliases resolve to a model.
import { sqlIdent } from '../../db/sql.ts';
import { defineAdapter, hasAll, type AdapterContext, type AdapterSelect, type Sample } from '../adapter.ts';
import { responseUsage } from './openai.ts';

const required = ['TimeGenerated', 'DeploymentName', 'PromptTokens', 'CompletionTokens'];

/** Portal exports add the unit to time columns: `TimeGenerated [UTC]`. */
const bare = (h: string) => h.replace(/\s*\[[^\]]*\]\s*$/, '').trim();

/** A Log Analytics export's column by its bare name (CSV: `TimeGenerated [UTC]`; JSON: the key), blank read as NULL. */
function logColumn(ctx: AdapterContext, name: string): string {
  if (ctx.kind !== 'csv') return `nullif((j->>'$.${name}'), '')`;
  const found = ctx.header.find((h) => bare(h) === name);
  return found === undefined ? 'NULL' : `nullif(trim(${sqlIdent(found)}), '')`;
}

/** TimeGenerated as the portal's CSV export writes it, as displayed in UTC ("9/23/2026, 2:00:05.120 AM"), made ISO. */
const portalTimeSql = (time: string) => `CASE WHEN regexp_matches(${time}, '^\\d{1,2}/\\d{1,2}/\\d{4}, ')
        THEN coalesce(strftime(try_strptime(${time}, ['%m/%d/%Y, %I:%M:%S.%g %p', '%m/%d/%Y, %I:%M:%S %p']), '%Y-%m-%dT%H:%M:%S.%gZ'), ${time})
        ELSE ${time} END`;

function gatewayLlmSelect(ctx: AdapterContext): AdapterSelect {
  const csv = ctx.kind === 'csv';
  const c = (name: string) => logColumn(ctx, name);
  const seq = c('SequenceNumber');
  const stream = c('IsStreamCompletion');
  return {
    columns: {
      ...(csv ? {} : { _line: '_line', _path: '_elem' }),
      _skip: `CASE WHEN coalesce(bt_int(${seq}), 0) > 0 THEN 'continuation of a split LLM log entry (sequence ' || ${seq} || '): its call is on entry 0' END`,
      call_id: `coalesce(${c('RequestId')}, ${c('CorrelationId')})`,
      granularity: "'call'",
      ts: portalTimeSql(c('TimeGenerated')),
      provider: "'azure-openai'",
      model: `coalesce(${c('ModelName')}, ${c('DeploymentName')})`,
      operation: `CASE WHEN regexp_matches(lower(coalesce(${c('OperationName')}, '')), 'embedding') THEN 'embeddings' ELSE 'chat' END`,
      streamed: `CASE WHEN bt_bool(${stream}) THEN 'true' WHEN ${stream} IS NOT NULL THEN 'false' END`,
      input_tokens: c('PromptTokens'),
      input_tokens_reported: c('PromptTokens'),
      output_tokens: c('CompletionTokens'),
      inference_geo: c('Region'),
      app: c('DeploymentName'),
      tags: `json_merge_patch('{}', json_object('deployment', ${c('DeploymentName')}, 'operation_name', ${c('OperationName')},
        'api_version', ${c('ApiVersion')}, 'correlation_id', ${c('CorrelationId')}, 'prompt_includes_cached', true))`,
    },
    from: csv ? ctx.src : `${ctx.src} WHERE j IS NOT NULL`,
  };
}

const isGatewayLlmLog = (sample: Sample) =>
  sample.kind === 'csv' ? required.every((r) => sample.header.some((h) => bare(h) === r)) : hasAll(sample, required);

export const azureApimLlmLogs = defineAdapter({
  id: 'azure-apim-llm-logs',
  title: 'Azure OpenAI via API Management LLM logs (ApiManagementGatewayLlmLog, CSV or JSON export from Log Analytics)',
  kinds: ['csv', 'json', 'jsonl'],
  recognisedBy: `columns or keys ${required.join(', ')} (portal CSV headers such as "TimeGenerated [UTC]" included)`,
  detect: isGatewayLlmLog,
  idsFromSource: true,
  select: gatewayLlmSelect,
});

/**
 * API Management's GatewayLogs, one record per request through the gateway, in two layouts: the resource log as a
 * diagnostic setting writes it to a storage account or an event hub (lines of `{time, category: "GatewayLogs",
 * correlationId, durationMs, properties: {apiId, url, backendUrl, responseCode, backendResponseBody, …}}`), and the
 * Log Analytics table `ApiManagementGatewayLogs` exported as CSV or JSON (`TimeGenerated`, `CorrelationId`, `TotalTime`,
 * `Url`, `BackendResponseBody`, …). Token counts exist only inside the logged response body (the payload logging of
 * the diagnostic setting, at most 8,192 bytes of a body), as the Azure OpenAI API returned it: a chat or Responses
 * body's `usage`, or, for a stream, the last server-sent event that carries one (`stream_options.include_usage`).
 */
function gatewayLogsSelect(ctx: AdapterContext): AdapterSelect {
  const csv = ctx.kind === 'csv';
  // The resource log's names are camelCase under `properties` (a few at the top), the table's PascalCase at the top.
  const c = (property: string | null, column: string, top = false) => {
    if (csv) return logColumn(ctx, column);
    const own = property === null ? 'NULL' : `(j->>'$.${top ? '' : 'properties.'}${property}')`;
    return `nullif(coalesce(${own}, (j->>'$.${column}')), '')`;
  };
  const body = `coalesce(${c('backendResponseBody', 'BackendResponseBody')}, ${c('responseBody', 'ResponseBody')})`;
  const requestBody = `coalesce(${c('backendRequestBody', 'BackendRequestBody')}, ${c('requestBody', 'RequestBody')})`;
  const url = `coalesce(${c('backendUrl', 'BackendUrl')}, ${c('url', 'Url')})`;
  const rows = csv ? ctx.src : `${ctx.src} WHERE j IS NOT NULL`;
  // The body once per row: as JSON when it is (a whole response), else as text (a stream's events, or a cut body).
  const from = `(SELECT *, CASE WHEN json_valid(_bt_text) THEN _bt_text::JSON END AS _bt_json
    FROM (SELECT *, ${body} AS _bt_text, ${url} AS _bt_url, ${requestBody} AS _bt_request FROM ${rows}) g0) g`;
  // A usage field of the JSON body, else its last value in the body's text (a stream's final usage event): `a.b` is
  // `"b": n` inside the object `"a": {…}`.
  const usage = (path: string) => {
    const [outer, inner] = path.split('.');
    const pattern = inner === undefined ? `"${outer}"\\s*:\\s*(\\d+)` : `"${outer}"\\s*:\\s*\\{[^{}]*"${inner}"\\s*:\\s*(\\d+)`;
    return `coalesce(json_extract_string(_bt_json, '$.usage.${path}'), list_last(regexp_extract_all(_bt_text, '${pattern}', 1)))`;
  };
  const prompt = `coalesce(${usage('prompt_tokens')}, ${usage('input_tokens')})`;
  const completion = `coalesce(${usage('completion_tokens')}, ${usage('output_tokens')})`;
  const status = `coalesce(${c('backendResponseCode', 'BackendResponseCode')}, ${c('responseCode', 'ResponseCode')})`;
  const ok = `coalesce(bt_int(${status}) BETWEEN 200 AND 299, true)`;
  const path = `lower(regexp_extract(coalesce(_bt_url, ''), '^[^?]*'))`;
  const operation = `CASE WHEN regexp_matches(${path}, '/embeddings$') THEN 'embeddings' WHEN regexp_matches(${path}, '/responses$') THEN 'responses'
    WHEN regexp_matches(${path}, '/chat/completions$') THEN 'chat' WHEN regexp_matches(${path}, '/completions$') THEN 'completions' END`;
  const deployment = `nullif(regexp_extract(coalesce(_bt_url, ''), '/deployments/([^/?]+)', 1), '')`;
  const noUsage = `(${prompt} IS NULL AND ${completion} IS NULL)`;
  const streamed = `(left(ltrim(coalesce(_bt_text, '')), 5) = 'data:' OR regexp_matches(coalesce(_bt_request, ''), '"stream"\\s*:\\s*true'))`;
  return {
    columns: {
      ...(csv ? {} : { _line: '_line', _path: '_elem' }),
      // Other APIs behind the same gateway, and failed requests (not billed), are not usage.
      _skip: `CASE WHEN (${operation}) IS NULL AND ${noUsage} THEN 'gateway request that is not a model call (' || coalesce(${c('method', 'Method')} || ' ', '') || ${path} || ')'
        WHEN ${noUsage} AND NOT ${ok} THEN 'failed request (status ' || ${status} || ') without usage: not billed' END`,
      _reject: `CASE WHEN ${noUsage} THEN 'Azure OpenAI ' || (${operation}) || ' call logged without usage: ' ||
        CASE WHEN _bt_text IS NULL THEN 'the response body was not logged (the diagnostic setting logs no payload bytes)'
          WHEN ${streamed} THEN 'a stream whose logged events hold none (the body is cut at the setting''s byte limit, or the request did not ask for stream_options.include_usage)'
          ELSE 'the logged body (' || length(_bt_text) || ' characters) was cut at the diagnostic setting''s byte limit before its usage' END ||
        '. Log API Management''s LLM log (ApiManagementGatewayLlmLog, "Logs related to generative AI gateway") instead, which counts tokens per request' END`,
      call_id: c('correlationId', 'CorrelationId', true),
      granularity: "'call'",
      ts: portalTimeSql(c('time', 'TimeGenerated', true)),
      // The whole request as the caller saw it (the backend's share is BackendTime).
      latency_ms: c('durationMs', 'TotalTime', true),
      provider: "'azure-openai'",
      // The model the deployment runs, as the response names it; the deployment (from the URL) stands in.
      model: `coalesce(json_extract_string(_bt_json, '$.model'), nullif(regexp_extract(coalesce(_bt_text, ''), '"model"\\s*:\\s*"([^"]+)"', 1), ''), ${deployment})`,
      operation: `coalesce(${operation}, 'chat')`,
      streamed: `CASE WHEN ${streamed} THEN 'true' ELSE 'false' END`,
      status: `CASE WHEN ${ok} THEN 'success' ELSE 'error' END`,
      finish_reason: `coalesce(json_extract_string(_bt_json, '$.choices[0].finish_reason'), json_extract_string(_bt_json, '$.incomplete_details.reason'),
        json_extract_string(_bt_json, '$.status'))`,
      // The body is the Azure OpenAI API's response: OpenAI's usage semantics.
      ...responseUsage(usage, operation),
      // The gateway subscription is the caller's key; the API (and its product) what it called.
      api_key: c('apimSubscriptionId', 'ApimSubscriptionId'),
      app: deployment,
      project: c('productId', 'ProductId'),
      tags: `json_merge_patch('{}', json_object('deployment', ${deployment}, 'api_id', ${c('apiId', 'ApiId')}, 'operation_id', ${c('operationId', 'OperationId')},
        'response_id', json_extract_string(_bt_json, '$.id'), 'region', ${c('location', 'Region', true)}))`,
    },
    from,
  };
}

const resourceLogKeys = ['time', 'category', 'properties.apiId', 'properties.url'];
const tableColumns = ['TimeGenerated', 'CorrelationId', 'ApiId', 'Url', 'TotalTime'];

const isGatewayLogs = (sample: Sample) =>
  sample.kind === 'csv'
    ? tableColumns.every((r) => sample.header.some((h) => bare(h) === r)) && !sample.header.some((h) => bare(h) === 'PromptTokens')
    : hasAll(sample, resourceLogKeys) || (hasAll(sample, tableColumns) && !hasAll(sample, ['PromptTokens']));

export const azureApimGatewayLogs = defineAdapter({
  id: 'azure-apim-gateway-logs',
  title: "Azure OpenAI via API Management GatewayLogs (resource log lines, or ApiManagementGatewayLogs exported as CSV or JSON): tokens from the logged response body",
  kinds: ['csv', 'json', 'jsonl'],
  recognisedBy: `keys ${resourceLogKeys.join(', ')} (the resource log), or columns ${tableColumns.join(', ')} without PromptTokens (the Log Analytics table)`,
  detect: isGatewayLogs,
  idsFromSource: true,
  select: gatewayLogsSelect,
});

export const azureAdapters = [azureApimLlmLogs, azureApimGatewayLogs];
