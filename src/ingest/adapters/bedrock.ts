// Amazon Bedrock. Two sources:
//
// 1. Model invocation logs (CloudWatch Logs or S3 delivery; JSON lines, S3 objects gzipped), one record per call,
//    `schemaType: ModelInvocationLog`. Token counts are Bedrock's own: `input.inputTokenCount` is the UNCACHED input
//    (cache reads and writes are counted apart in `cacheReadInputTokenCount` / `cacheWriteInputTokenCount`, as the
//    Converse API's usage does); `output.outputTokenCount` includes any reasoning. The stream operations
//    (ConverseStream, InvokeModelWithResponseStream) are streamed calls. `modelId` is kept as written: a model id
//    (`anthropic.claude-sonnet-4-6`, `us.anthropic…` cross-region profiles) or an inference-profile ARN; pricing
//    resolves it. `requestMetadata` holds the caller's own keys: tags. Records exported from CloudWatch Logs come wrapped,
//    each one the text of a log event's message: Logs Insights' results (`[{"@timestamp", "@message"}, …]`) and the
//    CLI's `get-log-events` / `filter-log-events` (`{events: [{timestamp, message}, …]}`); they are read from there.
// 2. Batch inference output (`<input>.jsonl.out` in S3): one record per input record, `modelOutput` being the
//    model's native response body. Records carry no time (the file's modification time stands in) and, except
//    Anthropic's bodies, no model id.
import { defineAdapter, fileTimeSql, type AdapterContext, type AdapterSelect } from '../adapter.ts';
import { everyRecordHas, jsonFields, pageRecords } from './sql-helpers.ts';

const streamOperations = "('ConverseStream', 'InvokeModelWithResponseStream')";

function invocationLogSelect(ctx: AdapterContext): AdapterSelect {
  // Each record's fields in one parse of it (jsonFields): an invocation log can carry whole request and response
  // bodies. `columns` is built before `from` (property order), so every path is known when it is extracted.
  const record = jsonFields('j', '_j');
  const jtext = record.field;
  const op = jtext('operation');
  const model = jtext('modelId');
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      // A failed invocation (throttled, validation error) is logged with an error code and no output: not billed.
      _skip: `CASE WHEN ${jtext('schemaType')} IS DISTINCT FROM 'ModelInvocationLog' THEN 'not a Bedrock model invocation record'
        WHEN ${jtext('errorCode')} IS NOT NULL AND ${jtext('output.outputTokenCount')} IS NULL THEN 'Bedrock invocation failed (' || ${jtext('errorCode')} || '): not billed'
        -- A guardrail that blocks the prompt answers in the model's place: no token counts, no error code, and no model
        -- tokens billed (the guardrail's own policy units are billed apart).
        WHEN ${jtext('input.inputTokenCount')} IS NULL AND ${jtext('output.outputTokenCount')} IS NULL
          AND ${jtext('output.outputBodyJson."amazon-bedrock-guardrailAction"')} = 'INTERVENED'
        THEN 'Bedrock guardrail intervened before the model ran: no model tokens billed' END`,
      call_id: jtext('requestId'),
      granularity: "'call'",
      ts: jtext('timestamp'),
      provider: "'amazon-bedrock'",
      model,
      operation: `CASE WHEN regexp_matches(lower(${model}), 'embed') THEN 'embeddings' ELSE 'chat' END`,
      streamed: `CASE WHEN ${op} IN ${streamOperations} THEN 'true' WHEN ${op} IS NOT NULL THEN 'false' END`,
      // InvokeModelWithResponseStream logs its body as the list of stream events: the invocation's latency and its first
      // byte's are in the last one (`amazon-bedrock-invocationMetrics`, as the stream sends it), the stop reason in
      // `message_delta`.
      latency_ms: `coalesce(${jtext('output.outputBodyJson.metrics.latencyMs')},
        ${jtext('output.outputBodyJson[#-1]."amazon-bedrock-invocationMetrics".invocationLatency')})`,
      ttft_ms: jtext('output.outputBodyJson[#-1]."amazon-bedrock-invocationMetrics".firstByteLatency'),
      finish_reason: `coalesce(${jtext('output.outputBodyJson.stopReason')}, ${jtext('output.outputBodyJson.stop_reason')},
        CASE WHEN json_type(j, '$.output.outputBodyJson') = 'ARRAY'
          THEN list_filter(json_extract_string(j, '$.output.outputBodyJson[*].delta.stop_reason'), lambda x: x IS NOT NULL)[1] END)`,
      inference_geo: `coalesce(${jtext('inferenceRegion')}, ${jtext('region')})`,
      input_tokens: jtext('input.inputTokenCount'),
      cache_read_tokens: jtext('input.cacheReadInputTokenCount'),
      // Bedrock logs one cache-write count, without the TTL.
      cache_write_unknown_tokens: jtext('input.cacheWriteInputTokenCount'),
      output_tokens: `coalesce(${jtext('output.outputTokenCount')}, CASE WHEN regexp_matches(lower(${model}), 'embed') THEN '0' END)`,
      // The caller's IAM identity (a service's role, or an IAM user) is the credential the call was made with, as an
      // API key is: a role sends every call of its service, so read as an end user it made a whole service one
      // person (the fixture's chat-api, etl-runner and indexer roles). It names the key; Bedrock logs no end user.
      api_key: jtext('identity.arn'),
      api_key_name: `nullif(regexp_extract(${jtext('identity.arn')}, ':(?:assumed-role|role|user)/([^/]+)', 1), '')`,
      project: jtext('accountId'),
      tags: `json_merge_patch(CASE WHEN json_type(j, '$.requestMetadata') = 'OBJECT' THEN j->'requestMetadata' ELSE '{}'::JSON END,
        json_merge_patch('{}', json_object('bedrock_operation', ${op}, 'region', ${jtext('region')}, 'account_id', ${jtext('accountId')})))`,
    },
    from: `(SELECT *, ${record.extract()} AS _j FROM ${cloudWatchRecords(ctx.src)} WHERE j IS NOT NULL) records`,
  };
}

/** CloudWatch Logs' field that holds a log event's text: Logs Insights names it `@message`, the CLI `message`. */
const messageKeys = ['@message', 'message'];

/** The records of `src`, each log event's message read as the record where a CloudWatch Logs export wraps them. */
function cloudWatchRecords(src: string): string {
  // Only a record whose text holds an invocation record's text with its quotes escaped (a backslash before each) is looked into:
  // the others (the records themselves, with whole prompts) are not parsed again.
  const message = (r: string) => `CASE WHEN contains(${r}::VARCHAR, '\\"ModelInvocationLog\\"') THEN coalesce(${messageKeys.map((k) =>
    `CASE WHEN json_type(${r}, '$."${k}"') = 'VARCHAR' AND json_valid(${r}->>'$."${k}"') THEN (${r}->>'$."${k}"')::JSON END`).join(', ')}, ${r}) ELSE ${r} END`;
  return `(SELECT _line, _path AS _elem, ${message('rec')} AS j FROM ${pageRecords(src, 'events')})`;
}

/** A CloudWatch Logs event (or Logs Insights row) whose message is an invocation record's text. */
const wrapsInvocation = (event: unknown): boolean =>
  typeof event === 'object' && event !== null &&
  messageKeys.some((k) => { const m = (event as Record<string, unknown>)[k]; return typeof m === 'string' && /"schemaType"\s*:\s*"ModelInvocationLog"/.test(m); });

export const bedrockInvocationLogs = defineAdapter({
  id: 'bedrock-invocation-logs',
  title: 'Amazon Bedrock model invocation logs (CloudWatch / S3 JSON lines, often gzipped)',
  kinds: ['jsonl', 'json'],
  recognisedBy: 'records with schemaType ModelInvocationLog, modelId and operation; or CloudWatch Logs exports of them (Logs Insights rows with @message, or {events: [{message}]})',
  detect: (sample) => (everyRecordHas(sample, ['schemaType', 'modelId', 'operation']) &&
    sample.records.some((r) => (r as Record<string, unknown>).schemaType === 'ModelInvocationLog')) ||
    sample.records.some((r) => wrapsInvocation(r) || (Array.isArray((r as Record<string, unknown>).events) && ((r as Record<string, unknown>).events as unknown[]).some(wrapsInvocation))),
  idsFromSource: true,
  select: invocationLogSelect,
});

function batchOutputSelect(ctx: AdapterContext): AdapterSelect {
  const record = jsonFields('j', '_j');
  const jtext = record.field;
  const out = (path: string) => jtext(`modelOutput.${path}`);
  // Native bodies differ per model family: Anthropic (input_tokens…), Converse-style Nova (inputTokens…),
  // Llama (prompt_token_count…), Titan embeddings (inputTextTokenCount).
  const input = `coalesce(${out('usage.input_tokens')}, ${out('usage.inputTokens')}, ${out('prompt_token_count')}, ${out('inputTextTokenCount')})`;
  const embedding = `json_exists(j, '$.modelOutput.embedding')`;
  const model = out('model');
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      // Records that failed carry `error` instead of `modelOutput`: not billed.
      _skip: `CASE WHEN json_type(j, '$.modelOutput') IS DISTINCT FROM 'OBJECT'
        THEN 'Bedrock batch record failed (' || coalesce(${jtext('error.errorCode')}, 'no model output') || '): not billed' END`,
      _reject: `CASE WHEN ${model} IS NULL THEN 'no model: this Bedrock batch output body does not name its model (only Anthropic bodies do); ' ||
        'read the job''s modelId (aws bedrock get-model-invocation-job) and convert the file with --map to batchable-jsonl' END`,
      call_id: out('id'),
      granularity: "'call'",
      // Records carry no time; the file's modification time (about when the job ended) is the best available.
      ts: fileTimeSql(ctx),
      provider: "'amazon-bedrock'",
      model,
      operation: `CASE WHEN ${embedding} THEN 'embeddings' ELSE 'chat' END`,
      lane: "'batch'",
      status: "'success'",
      finish_reason: `coalesce(${out('stop_reason')}, ${out('stopReason')}, ${out('stop_reason')})`,
      input_tokens: input,
      cache_read_tokens: `coalesce(${out('usage.cache_read_input_tokens')}, ${out('usage.cacheReadInputTokens')}, ${out('usage.cacheReadInputTokenCount')})`,
      cache_write_5m_tokens: out('usage.cache_creation.ephemeral_5m_input_tokens'),
      cache_write_1h_tokens: out('usage.cache_creation.ephemeral_1h_input_tokens'),
      cache_write_unknown_tokens: `CASE WHEN json_type(j, '$.modelOutput.usage.cache_creation') IS DISTINCT FROM 'OBJECT' THEN
        coalesce(${out('usage.cache_creation_input_tokens')}, ${out('usage.cacheWriteInputTokens')}, ${out('usage.cacheWriteInputTokenCount')}) END`,
      output_tokens: `coalesce(${out('usage.output_tokens')}, ${out('usage.outputTokens')}, ${out('generation_token_count')}, CASE WHEN ${embedding} THEN '0' END)`,
      tags: `json_object('record_id', ${jtext('recordId')})`,
    },
    from: `(SELECT *, ${record.extract()} AS _j FROM ${ctx.src} WHERE j IS NOT NULL) records`,
  };
}

export const bedrockBatchOutput = defineAdapter({
  id: 'bedrock-batch-output',
  title: 'Amazon Bedrock batch inference output (.jsonl.out; calls on the batch lane, timed by the file)',
  kinds: ['jsonl'],
  recognisedBy: 'every line has recordId and modelInput, with modelOutput or error',
  detect: (sample) => everyRecordHas(sample, ['recordId', 'modelInput']) && sample.records.some((r) => 'modelOutput' in (r as object) || 'error' in (r as object)),
  idsFromSource: true,
  select: batchOutputSelect,
});

export const bedrockAdapters = [bedrockInvocationLogs, bedrockBatchOutput];
