// Amazon Bedrock. Two sources:
//
// 1. Model invocation logs (CloudWatch Logs or S3 delivery; JSON lines, S3 objects gzipped), one record per call,
//    `schemaType: ModelInvocationLog`. Token counts are Bedrock's own: `input.inputTokenCount` is the UNCACHED input
//    (cache reads and writes are counted apart in `cacheReadInputTokenCount` / `cacheWriteInputTokenCount`, as the
//    Converse API's usage does); `output.outputTokenCount` includes any reasoning. The stream operations
//    (ConverseStream, InvokeModelWithResponseStream) are streamed calls. `modelId` is kept as written: a model id
//    (`anthropic.claude-sonnet-4-6`, `us.anthropic…` cross-region profiles) or an inference-profile ARN; pricing
//    resolves it. `requestMetadata` holds the caller's own keys: tags. Records exported from CloudWatch Logs come wrapped,
//    each one the text of a log event's message: Logs Insights' results (`[{"@timestamp", "@message"}, …]`), the API's
//    and CLI's `get-query-results` (`{results: [[{field, value}, …], …]}`) and `get-log-events` / `filter-log-events`
//    (`{events: [{timestamp, message}, …]}`); they are read from there. The Logs Insights console's CSV download has the
//    query's fields as columns: `@message` is the record; without it, the fields Insights discovered in the JSON
//    records (`modelId`, `input.inputTokenCount`: their paths, dotted) are nested back into one.
// 2. Batch inference output (`<input>.jsonl.out` in S3): one record per input record, `modelOutput` being the
//    model's native response body. Records carry no time (the file's modification time stands in) and, except
//    Anthropic's bodies, no model id.
import { sqlIdent, sqlString } from '../../db/sql.ts';
import { defineAdapter, fileTimeSql, type AdapterContext, type AdapterSelect, type Sample } from '../adapter.ts';
import { everyRecordHas, jsonFields, mayHoldKeySql, namesKeySql } from './sql-helpers.ts';

const streamOperations = "('ConverseStream', 'InvokeModelWithResponseStream')";

function invocationLogSelect(ctx: AdapterContext): AdapterSelect {
  const csv = ctx.kind === 'csv';
  // A CSV's columns are passed on: the names added over them begin _bt_ (a column of the file could be named j).
  const j = csv ? '_bt_j' : 'j';
  // Each record's fields in one parse of it (jsonFields): an invocation log can carry whole request and response
  // bodies. `columns` is built before `from` (property order), so every path is known when it is extracted.
  const record = jsonFields(j, csv ? '_bt_jf' : '_j');
  const jtext = record.field;
  const op = jtext('operation');
  // A query of the records' fields may name the model by another name (`model`, as one real Logs Insights query did).
  const model = `coalesce(${jtext('modelId')}, ${jtext('model')})`;
  return {
    columns: {
      ...(csv ? {} : { _line: '_line', _path: '_elem' }),
      // A failed invocation (throttled, validation error) is logged with an error code and no output: not billed.
      _skip: `CASE WHEN ${jtext('schemaType')} IS DISTINCT FROM 'ModelInvocationLog' THEN 'not a Bedrock model invocation record'
        WHEN ${jtext('errorCode')} IS NOT NULL AND ${jtext('output.outputTokenCount')} IS NULL THEN 'Bedrock invocation failed (' || ${jtext('errorCode')} || '): not billed'
        -- A guardrail that blocks the prompt answers in the model's place: no token counts, no error code, and no model
        -- tokens billed (the guardrail's own policy units are billed apart).
        WHEN (${jtext('input.inputTokenCount')} IS NULL AND ${jtext('output.outputTokenCount')} IS NULL
            AND ${jtext('output.outputBodyJson."amazon-bedrock-guardrailAction"')} = 'INTERVENED')
          -- Converse logs the same block as a call of no tokens that stopped for the guardrail (real records: elastic/integrations).
          OR (${jtext('output.outputBodyJson.stopReason')} = 'guardrail_intervened'
            AND coalesce(bt_int(${jtext('input.inputTokenCount')}), 0) = 0 AND coalesce(bt_int(${jtext('output.outputTokenCount')}), 0) = 0)
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
        CASE WHEN json_type(${j}, '$.output.outputBodyJson') = 'ARRAY'
          THEN list_filter(json_extract_string(${j}, '$.output.outputBodyJson[*].delta.stop_reason'), lambda x: x IS NOT NULL)[1] END)`,
      inference_geo: `coalesce(${jtext('inferenceRegion')}, ${jtext('region')})`,
      input_tokens: jtext('input.inputTokenCount'),
      cache_read_tokens: jtext('input.cacheReadInputTokenCount'),
      // Bedrock logs one cache-write count, without the TTL; an Anthropic body (InvokeModel's, or a stream's message_start)
      // splits it by TTL (usage.cache_creation), and a 1-hour write costs 2x input against 1.25x: read there where it is.
      ...cacheWritesByTtl(jtext('input.cacheWriteInputTokenCount'), (ttl) => `coalesce(${jtext(`output.outputBodyJson.usage.cache_creation.ephemeral_${ttl}_input_tokens`)},
        ${jtext(`output.outputBodyJson[0].message.usage.cache_creation.ephemeral_${ttl}_input_tokens`)})`),
      output_tokens: `coalesce(${jtext('output.outputTokenCount')}, CASE WHEN regexp_matches(lower(${model}), 'embed') THEN '0' END)`,
      // The caller's IAM identity (a service's role, or an IAM user) is the credential the call was made with, as an
      // API key is: a role sends every call of its service, so read as an end user it made a whole service one
      // person (the fixture's chat-api, etl-runner and indexer roles). It names the key; Bedrock logs no end user.
      api_key: jtext('identity.arn'),
      api_key_name: `nullif(regexp_extract(${jtext('identity.arn')}, ':(?:assumed-role|role|user)/([^/]+)', 1), '')`,
      project: jtext('accountId'),
      tags: `json_merge_patch(CASE WHEN json_type(${j}, '$.requestMetadata') = 'OBJECT' THEN ${j}->'requestMetadata' ELSE '{}'::JSON END,
        json_merge_patch('{}', json_object('bedrock_operation', ${op}, 'region', ${jtext('region')}, 'account_id', ${jtext('accountId')})))`,
    },
    // A CSV keeps every row (one output row per input row): a row whose record cannot be read is skipped as not one.
    from: csv
      ? `(SELECT *, ${record.extract()} AS _bt_jf FROM (SELECT *, ${insightsCsvRecord(ctx.header)} AS _bt_j FROM ${ctx.src})) records`
      : `(SELECT *, ${record.extract()} AS _j FROM ${cloudWatchRecords(ctx.src)} WHERE j IS NOT NULL) records`,
  };
}

/**
 * The cache-write columns from Bedrock's one count (`total`) and the body's split by TTL (`split('5m')`, `split('1h')`),
 * where the body has it: what the split leaves of the count stays without a TTL (billed at the 5-minute rate).
 */
function cacheWritesByTtl(total: string, split: (ttl: '5m' | '1h') => string): { cache_write_5m_tokens: string; cache_write_1h_tokens: string; cache_write_unknown_tokens: string } {
  const [w5, w1] = [split('5m'), split('1h')];
  const known = `(coalesce(bt_int(${w5}), 0) + coalesce(bt_int(${w1}), 0))`;
  return {
    cache_write_5m_tokens: w5,
    cache_write_1h_tokens: w1,
    cache_write_unknown_tokens: `CASE WHEN ${w5} IS NULL AND ${w1} IS NULL THEN ${total}
      WHEN bt_int(${total}) > ${known} THEN (bt_int(${total}) - ${known})::VARCHAR END`,
  };
}

/**
 * A row of the Logs Insights console's CSV download as the invocation record: its `@message`, else its fields nested
 * back into one (`input.inputTokenCount` is `{"input": {"inputTokenCount": …}}`), with `timestamp` from `@timestamp`
 * where the query did not name it, and the record type the query's fields stand for.
 */
function insightsCsvRecord(header: readonly string[]): string {
  const column = (h: string) => `nullif(trim(${sqlIdent(h)}), '')`;
  const fromMessage = header.includes('@message')
    ? `CASE WHEN json_valid(${column('@message')}) AND json_type(${column('@message')}::JSON) = 'OBJECT' THEN ${column('@message')}::JSON END`
    : 'NULL::JSON';
  const fields = header.filter((h) => !h.startsWith('@'));
  if (fields.length === 0) return fromMessage;
  const nest = (h: string) => h.split('.').reduceRight((inner, key) => `json_object(${sqlString(key)}, ${inner})`, column(h));
  const base = `json_object('schemaType', 'ModelInvocationLog'${header.includes('@timestamp') ? `, 'timestamp', ${column('@timestamp')}` : ''})`;
  const merged = fields.reduce((acc, h) => `json_merge_patch(${acc}, ${nest(h)})`, base);
  return `coalesce(${fromMessage}, ${merged})`;
}

/** A Logs Insights CSV download of invocation records: `@message`, or the fields Insights discovered in them. */
const isInsightsCsv = (sample: Sample): boolean =>
  sample.kind === 'csv' && (sample.header.includes('@message') || (sample.header.includes('modelId') && sample.header.some((h) => h.startsWith('input.') || h.startsWith('output.'))));

/** CloudWatch Logs' field that holds a log event's text: Logs Insights names it `@message`, the CLI `message`. */
const messageKeys = ['@message', 'message'];

/**
 * The records of `src`, each log event's message read as the record where a CloudWatch Logs export wraps them: pages of
 * log events (`{events: [...]}`) and `get-query-results`' pages of rows (`{results: [[{field, value}, …], …]}`, each row
 * made the object a Logs Insights row is, `{"@message": …}`: only its message is read, which holds the whole record).
 * As pageRecords reads pages (sql-helpers.ts, which says why), both lists in its one pass, each test a filter of its own;
 * `results` is looked for only where the text has it plainly, as the API writes it. That look costs: on a JSONL file of
 * 60,000 invocation records of 3.5 KB, this statement took a median 1.7 s against 1.3 s without it (6 runs each,
 * alternated, a loaded machine); a second pageRecords over the first, which scanned the records twice more, and one test
 * over both lists in an expression (no filter's short cut) cost more.
 */
function cloudWatchRecords(src: string): string {
  // Only a record whose text holds an invocation record's text with its quotes escaped (a backslash before each) is looked into:
  // the others (the records themselves, with whole prompts) are not parsed again.
  const message = (r: string) => `CASE WHEN contains(${r}::VARCHAR, '\\"ModelInvocationLog\\"') THEN coalesce(${messageKeys.map((k) =>
    `CASE WHEN json_type(${r}, '$."${k}"') = 'VARCHAR' AND json_valid(${r}->>'$."${k}"') THEN (${r}->>'$."${k}"')::JSON END`).join(', ')}, ${r}) ELSE ${r} END`;
  const mayHoldEvents = mayHoldKeySql('j', 'events');
  const mayHoldResults = namesKeySql('j', 'results');
  // A row of fields (`[{field, value}, …]`) as the object a Logs Insights row is: its message, which holds the whole
  // record; without one, its fields nested back into the record (`input.inputTokenCount` is {"input": {"inputTokenCount": …}}),
  // as the console's CSV of a query's fields is read (insightsCsvRecord).
  const fieldOf = (e: string) => `(${e}->>'field')`;
  const nested = (e: string) => `CASE WHEN regexp_full_match(${fieldOf(e)}, '[A-Za-z0-9_@:-]+(\\.[A-Za-z0-9_@:-]+)*')
    THEN ('{"' || replace(${fieldOf(e)}, '.', '":{"') || '":' || coalesce((${e}->'value')::VARCHAR, 'null')
      || repeat('}', length(${fieldOf(e)}) - length(replace(${fieldOf(e)}, '.', '')) + 1))::JSON ELSE '{}'::JSON END`;
  const fields = (r: string) => `json_merge_patch(json_object('schemaType', 'ModelInvocationLog',
      'timestamp', list_filter(json_extract(${r}, '$[*]'), lambda e: e->>'field' = '@timestamp')[1]->>'value'),
    list_reduce(list_transform(json_extract(${r}, '$[*]'), lambda e: ${nested('e')}), lambda a, b: json_merge_patch(a, b)))`;
  const rowMessage = (r: string) => `list_filter(json_extract(${r}, '$[*]'), lambda e: e->>'field' = '@message')[1]->>'value'`;
  const row = `CASE WHEN ${rowMessage('r')} IS NOT NULL THEN json_object('@message', ${rowMessage('r')}) ELSE ${fields('r')} END`;
  // PowerShell's ConvertTo-Json writes the rows as one flat list of fields: each `@message` there is a record.
  const results = `json_extract(j, '$.results[*]')`;
  const flat = `json_type(j, '$.results[0]') = 'OBJECT' AND json_type(j, '$.results[0].field') = 'VARCHAR'`;
  const resultItems = `CASE WHEN ${flat} AND list_bool_or(list_transform(${results}, lambda e: e->>'field' = '@message'))
    THEN list_transform(list_filter(range(len(${results})), lambda i: ${results}[i + 1]->>'field' = '@message'),
      lambda i: json_object('@message', ${results}[i + 1]->>'value', '_at', i))
    ELSE list_transform(${results}, lambda r: CASE WHEN json_type(r) = 'ARRAY' THEN ${row} ELSE r END) END`;
  const isEvents = `json_type(j->'events') = 'ARRAY'`;
  // `_at`: a flat list's record, pointed at by its message's place in the list.
  return `(SELECT _line, CASE WHEN rec->>'$._at' IS NULL THEN _path ELSE regexp_replace(_path, '[0-9]+$', rec->>'$._at') END AS _elem, ${message('rec')} AS j FROM (
      SELECT _line, _elem || '/' || _key || '/' || (generate_subscripts(items, 1) - 1) AS _path, unnest(items) AS rec
      FROM (SELECT _line, _elem, CASE WHEN ${isEvents} THEN 'events' ELSE 'results' END AS _key,
          CASE WHEN ${isEvents} THEN json_extract(j, '$.events[*]')
            ELSE ${resultItems} END AS items
        FROM ${src} WHERE (${mayHoldEvents} AND ${isEvents}) OR (${mayHoldResults} AND json_type(j->'results') = 'ARRAY'))
      UNION ALL
      SELECT _line, _elem AS _path, j AS rec FROM ${src} WHERE j IS NOT NULL AND (NOT ${mayHoldEvents} OR coalesce(json_type(j->'events'), '') <> 'ARRAY')
        AND (NOT ${mayHoldResults} OR coalesce(json_type(j->'results'), '') <> 'ARRAY')))`;
}

const invocationText = (m: unknown): boolean => typeof m === 'string' && /"schemaType"\s*:\s*"ModelInvocationLog"/.test(m);
/** A CloudWatch Logs event (or Logs Insights row) whose message is an invocation record's text. */
const wrapsInvocation = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && messageKeys.some((k) => invocationText((event as Record<string, unknown>)[k]));
/**
 * A `get-query-results` response whose rows hold invocation records in `@message`, or the records' token fields
 * (`input.inputTokenCount`…); rows as lists of fields, or (PowerShell's ConvertTo-Json) one flat list of them.
 */
const queryResultsOfInvocations = (doc: unknown): boolean => {
  const results = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).results : undefined;
  const invocationField = (e: unknown): boolean => {
    if (typeof e !== 'object' || e === null) return false;
    const { field, value } = e as Record<string, unknown>;
    return (field === '@message' && invocationText(value)) || field === 'input.inputTokenCount' || field === 'output.outputTokenCount';
  };
  return Array.isArray(results) && results.some((row) => (Array.isArray(row) ? row.some(invocationField) : invocationField(row)));
};

export const bedrockInvocationLogs = defineAdapter({
  id: 'bedrock-invocation-logs',
  title: 'Amazon Bedrock model invocation logs (CloudWatch / S3 JSON lines, often gzipped)',
  kinds: ['jsonl', 'json', 'csv'],
  recognisedBy: 'records with schemaType ModelInvocationLog, modelId and operation; or CloudWatch Logs exports of them (Logs Insights rows with @message, {results: [[{field, value}]]}, or {events: [{message}]}; the Logs Insights CSV download with @message, or modelId and input./output. fields)',
  detect: (sample) => isInsightsCsv(sample) || (everyRecordHas(sample, ['schemaType', 'modelId', 'operation']) &&
    sample.records.some((r) => (r as Record<string, unknown>).schemaType === 'ModelInvocationLog')) ||
    sample.records.some((r) => wrapsInvocation(r) || queryResultsOfInvocations(r) ||
      (Array.isArray((r as Record<string, unknown>).events) && ((r as Record<string, unknown>).events as unknown[]).some(wrapsInvocation))),
  idsFromSource: true,
  select: invocationLogSelect,
});

function batchOutputSelect(ctx: AdapterContext): AdapterSelect {
  const record = jsonFields('j', '_j');
  const jtext = record.field;
  const out = (path: string) => jtext(`modelOutput.${path}`);
  // Native bodies differ per model family: Anthropic (input_tokens…), Converse-style Nova (inputTokens…),
  // Llama (prompt_token_count…), Titan text (inputTextTokenCount, results[0].tokenCount) and embeddings (inputTextTokenCount).
  const input = `coalesce(${out('usage.input_tokens')}, ${out('usage.inputTokens')}, ${out('prompt_token_count')}, ${out('inputTextTokenCount')})`;
  const embedding = `json_exists(j, '$.modelOutput.embedding')`;
  // Only Anthropic's bodies name their model; the job's modelId can be added to each line (`modelId`), as the reject says.
  const model = `coalesce(${out('model')}, ${jtext('modelId')})`;
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      // Records that failed carry `error` instead of `modelOutput`: not billed.
      _skip: `CASE WHEN json_type(j, '$.modelOutput') IS DISTINCT FROM 'OBJECT'
        THEN 'Bedrock batch record failed (' || coalesce(${jtext('error.errorCode')}, 'no model output') || '): not billed' END`,
      _reject: `CASE WHEN ${model} IS NULL THEN 'no model: this Bedrock batch output body does not name its model (only Anthropic bodies do); ' ||
        'add the job''s model to every line and ingest that file: jq -c ''. + {modelId: "MODEL"}'' FILE > FILE.with-model.jsonl.out, ' ||
        'MODEL from aws bedrock get-model-invocation-job --job-identifier JOB --query modelId' END`,
      call_id: out('id'),
      granularity: "'call'",
      // Records carry no time; the file's modification time (about when the job ended) is the best available.
      ts: fileTimeSql(ctx),
      provider: "'amazon-bedrock'",
      model,
      operation: `CASE WHEN ${embedding} THEN 'embeddings' ELSE 'chat' END`,
      lane: "'batch'",
      status: "'success'",
      finish_reason: `coalesce(${out('stop_reason')}, ${out('stopReason')}, ${out('results[0].completionReason')})`,
      input_tokens: input,
      cache_read_tokens: `coalesce(${out('usage.cache_read_input_tokens')}, ${out('usage.cacheReadInputTokens')}, ${out('usage.cacheReadInputTokenCount')})`,
      cache_write_5m_tokens: out('usage.cache_creation.ephemeral_5m_input_tokens'),
      cache_write_1h_tokens: out('usage.cache_creation.ephemeral_1h_input_tokens'),
      cache_write_unknown_tokens: `CASE WHEN json_type(j, '$.modelOutput.usage.cache_creation') IS DISTINCT FROM 'OBJECT' THEN
        coalesce(${out('usage.cache_creation_input_tokens')}, ${out('usage.cacheWriteInputTokens')}, ${out('usage.cacheWriteInputTokenCount')}) END`,
      output_tokens: `coalesce(${out('usage.output_tokens')}, ${out('usage.outputTokens')}, ${out('generation_token_count')}, ${out('results[0].tokenCount')},
        CASE WHEN ${embedding} THEN '0' END)`,
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
