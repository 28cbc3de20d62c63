// Azure OpenAI, through Azure API Management's LLM logging: the `ApiManagementGatewayLlmLog` table (diagnostic
// setting "Logs related to generative AI gateway"), exported from Log Analytics as CSV (portal export: headers such
// as `TimeGenerated [UTC]`) or JSON (`az monitor log-analytics query`). It is the Azure log that carries tokens per
// request: PromptTokens, CompletionTokens, TotalTokens, with ModelName, DeploymentName, IsStreamCompletion, RequestId.
// The Azure OpenAI resource's own diagnostic logs (AzureDiagnostics, category RequestResponse) carry no token
// counts, and its metrics (ProcessedPromptTokens, GeneratedTokens) are per-minute aggregates without request
// identity: neither is read.
//
// Token semantics are OpenAI's: PromptTokens includes cached tokens, and this log does not split them out, so cache
// reads stay unknown (NULL). Large exchanges are split into several entries (SequenceNumber 0, 1, …): only the first
// carries the call; the others are skipped. A row without ModelName uses the deployment name, which pricing
// aliases resolve to a model.
import { sqlIdent } from '../../db/sql.ts';
import { defineAdapter, hasAll, type AdapterContext, type AdapterSelect, type Sample } from '../adapter.ts';

const required = ['TimeGenerated', 'DeploymentName', 'PromptTokens', 'CompletionTokens'];

/** Portal exports add the unit to time columns: `TimeGenerated [UTC]`. */
const bare = (h: string) => h.replace(/\s*\[[^\]]*\]\s*$/, '').trim();

function gatewayLlmSelect(ctx: AdapterContext): AdapterSelect {
  const csv = ctx.kind === 'csv';
  const c = (name: string) => {
    if (!csv) return `nullif((j->>'$.${name}'), '')`;
    const found = ctx.header.find((h) => bare(h) === name);
    return found === undefined ? 'NULL' : `nullif(trim(${sqlIdent(found)}), '')`;
  };
  const seq = c('SequenceNumber');
  const stream = c('IsStreamCompletion');
  return {
    columns: {
      ...(csv ? {} : { _line: '_line', _path: '_elem' }),
      _skip: `CASE WHEN coalesce(bt_int(${seq}), 0) > 0 THEN 'continuation of a split LLM log entry (sequence ' || ${seq} || '): its call is on entry 0' END`,
      call_id: `coalesce(${c('RequestId')}, ${c('CorrelationId')})`,
      granularity: "'call'",
      // The portal's CSV export writes times as displayed, in UTC ("9/23/2026, 2:00:05.120 AM").
      ts: `CASE WHEN regexp_matches(${c('TimeGenerated')}, '^\\d{1,2}/\\d{1,2}/\\d{4}, ')
        THEN coalesce(strftime(try_strptime(${c('TimeGenerated')}, ['%m/%d/%Y, %I:%M:%S.%g %p', '%m/%d/%Y, %I:%M:%S %p']), '%Y-%m-%dT%H:%M:%S.%gZ'), ${c('TimeGenerated')})
        ELSE ${c('TimeGenerated')} END`,
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

export const azureAdapters = [azureApimLlmLogs];
