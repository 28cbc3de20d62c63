// Google Gemini (Gemini API and Vertex AI). Every source carries a GenerateContentResponse's `usageMetadata`:
//   promptTokenCount          all prompt tokens, INCLUDING cachedContentTokenCount (cache reads)
//   cachedContentTokenCount   the cached part of the prompt
//   toolUsePromptTokenCount   tokens of tool-use prompts (e.g. search results), billed as input, NOT in promptTokenCount
//   candidatesTokenCount      the response, EXCLUDING thoughts
//   thoughtsTokenCount        thinking tokens, billed as output, NOT in candidatesTokenCount
//   promptTokensDetails / candidatesTokensDetails: per-modality splits (TEXT, IMAGE, AUDIO, VIDEO), inside the totals
// So uncached input = prompt - cached + tool-use prompt, and output = candidates + thoughts. Audio tokens are part of
// those totals (kept whole in tags as `prompt_tokens_details`; the catalog prices all input at the text rate).
// Python SDKs write the same fields in snake_case (`usage_metadata.prompt_token_count`): both are read.
//
// Sources: (1) Gemini API responses logged one per line; (2) Gemini Batch API results (`{key, response}` lines,
// batch lane; and pairwiseLLM's `{custom_id, result}` lines), and a job's inline results; (3) Vertex AI request-response
// logging rows exported from BigQuery (CSV or JSONL: `logging_time`, `model`, `api_method`, `full_response`…); (4) Vertex
// AI batch prediction output (`predictions.jsonl`: `{status, processed_time, request, response}` lines, batch lane).
import { sqlIdent, sqlString } from '../../db/sql.ts';
import { quotedCutSql } from '../../report/escape.ts';
import { defineAdapter, fileTimeSql, hasAll, hasAny, type AdapterContext, type AdapterSelect, type Sample, type SelectList } from '../adapter.ts';
import { everyRecordHas, pageRecords } from './sql-helpers.ts';

/** A field of the response `r` (JSON), read under its camelCase or snake_case name. */
const field = (r: string, camel: string, snake: string) => `coalesce((${r}->>'$.${camel}'), (${r}->>'$.${snake}'))`;
const usage = (r: string, camel: string, snake: string) => field(r, `usageMetadata.${camel}`, `usage_metadata.${snake}`);

/** The token columns of a GenerateContentResponse `r`. */
function geminiUsage(r: string): SelectList {
  const prompt = usage(r, 'promptTokenCount', 'prompt_token_count');
  const cached = usage(r, 'cachedContentTokenCount', 'cached_content_token_count');
  const toolPrompt = usage(r, 'toolUsePromptTokenCount', 'tool_use_prompt_token_count');
  const candidates = usage(r, 'candidatesTokenCount', 'candidates_token_count');
  const thoughts = usage(r, 'thoughtsTokenCount', 'thoughts_token_count');
  const n = (x: string) => `coalesce(bt_int(${x}), 0)`;
  return {
    // An unreadable prompt count is passed through as is, so the reject names it.
    input_tokens: `CASE WHEN bt_int(${prompt}) IS NULL THEN ${prompt} ELSE (bt_int(${prompt}) - ${n(cached)} + ${n(toolPrompt)})::VARCHAR END`,
    cache_read_tokens: cached,
    input_tokens_reported: prompt,
    // A response with no text (a tool call only, or cut at once) omits candidatesTokenCount.
    output_tokens: `CASE WHEN ${prompt} IS NULL THEN NULL WHEN ${candidates} IS NOT NULL AND bt_int(${candidates}) IS NULL THEN ${candidates}
      ELSE (${n(candidates)} + ${n(thoughts)})::VARCHAR END`,
    reasoning_tokens: thoughts,
    model: field(r, 'modelVersion', 'model_version'),
    finish_reason: field(r, 'candidates[0].finishReason', 'candidates[0].finish_reason'),
  };
}

/**
 * The lane a GenerateContentResponse `r` was billed on. Vertex AI says it in `usageMetadata.trafficType`
 * (`ON_DEMAND`, `ON_DEMAND_FLEX`: Flex PayGo, half the standard rate; `ON_DEMAND_PRIORITY`; `PROVISIONED_THROUGHPUT`,
 * prepaid capacity, read as standard), the Gemini API in `usageMetadata.serviceTier` (`standard`, `flex`, `priority`).
 * A real Flex PayGo response (pydantic-ai's recorded Vertex call) was priced at the standard rate, twice its cost.
 * For the sources that are not batches: a batch line's lane is the batch's.
 */
function geminiLane(r: string): SelectList {
  const traffic = usage(r, 'trafficType', 'traffic_type');
  const tier = usage(r, 'serviceTier', 'service_tier');
  return {
    lane: `CASE upper(${traffic}) WHEN 'ON_DEMAND_FLEX' THEN 'flex' WHEN 'ON_DEMAND_PRIORITY' THEN 'priority' WHEN 'ON_DEMAND' THEN 'standard'
      WHEN 'PROVISIONED_THROUGHPUT' THEN 'standard' ELSE bt_lane(${tier}) END`,
    service_tier_raw: `coalesce(${traffic}, ${tier})`,
  };
}

const usageDetailsTags = (r: string) =>
  `'prompt_tokens_details', coalesce(${r}->'$.usageMetadata.promptTokensDetails', ${r}->'$.usage_metadata.prompt_tokens_details'),
   'tool_use_prompt_tokens', ${usage(r, 'toolUsePromptTokenCount', 'tool_use_prompt_token_count')}`;

/** Records (or their `response`: batch result lines, logged wrappers) that carry a GenerateContentResponse's usage. */
const hasUsageMetadata = (s: Sample) =>
  hasAny(s, ['usageMetadata.promptTokenCount', 'usage_metadata.prompt_token_count', 'response.usageMetadata.promptTokenCount', 'response.usage_metadata.prompt_token_count']);

function responsesSelect(ctx: AdapterContext): AdapterSelect {
  // A logged line is the response itself, or a wrapper with the response under `response` and a time beside it.
  const r = `(CASE WHEN json_type(j, '$.response') = 'OBJECT' THEN j->'$.response' ELSE j END)`;
  const time = `coalesce((j->>'$.timestamp'), (j->>'$.ts'), (j->>'$.created_at'), ${field(r, 'createTime', 'create_time')}, ${fileTimeSql(ctx)})`;
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      _skip: `CASE WHEN ${usage(r, 'promptTokenCount', 'prompt_token_count')} IS NULL AND ${usage(r, 'totalTokenCount', 'total_token_count')} IS NULL
        THEN 'Gemini response without usageMetadata: not usage' END`,
      call_id: field(r, 'responseId', 'response_id'),
      granularity: "'call'",
      ts: time,
      provider: "'google'",
      operation: "'chat'",
      ...geminiUsage(r),
      ...geminiLane(r),
      tags: `json_merge_patch('{}', json_object(${usageDetailsTags(r)}))`,
    },
    from: `${ctx.src} WHERE j IS NOT NULL`,
  };
}

export const geminiResponses = defineAdapter({
  id: 'gemini-responses',
  title: 'Gemini API responses logged as JSON lines (usageMetadata; time from the line, else the file)',
  kinds: ['jsonl', 'json'],
  recognisedBy: 'records (or their `response`) with usageMetadata.promptTokenCount and modelVersion (camelCase or snake_case), without a batch `key`',
  detect: (sample) =>
    hasUsageMetadata(sample) && hasAny(sample, ['modelVersion', 'model_version']) && !everyRecordHas(sample, ['key']) && !hasAny(sample, ['logging_time']) &&
    !isVertexBatchOutput(sample),
  idsFromSource: true,
  select: responsesSelect,
});

/**
 * A batch output line `j` whose GenerateContentResponse is under `response` (none when the request failed: skipped as
 * not billed, `failure` saying why). Gemini's and Vertex's batch outputs differ in how a line says why it failed, when
 * it ran and what else it names.
 */
const batchResponse = "(j->'$.response')";

function batchLineSelect(ctx: AdapterContext, o: { source: string; provider: string; failure: string; time: string; tags: string }): AdapterSelect {
  const r = batchResponse;
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      // A failed line has no response, or (Vertex, as Google's docs show it) an empty one beside its error.
      _skip: `CASE WHEN json_type(j, '$.response') IS DISTINCT FROM 'OBJECT' OR (${o.failure} IS NOT NULL AND (${r}->'$.usageMetadata') IS NULL AND (${r}->'$.usage_metadata') IS NULL)
        THEN '${o.source} batch request failed' || coalesce(' (' || ${o.failure} || ')', '') || ': not billed' END`,
      call_id: field(r, 'responseId', 'response_id'),
      granularity: "'call'",
      // Else the response's own createTime, else the file's modification time (about when the batch ended).
      ts: `coalesce(${o.time}, ${field(r, 'createTime', 'create_time')}, ${fileTimeSql(ctx)})`,
      provider: `'${o.provider}'`,
      operation: "'chat'",
      lane: "'batch'",
      status: "'success'",
      ...geminiUsage(r),
      tags: `json_merge_patch('{}', json_object(${o.tags}, ${usageDetailsTags(r)}))`,
    },
    from: `${ctx.src} WHERE j IS NOT NULL`,
  };
}

/**
 * pairwiseLLM's Gemini batch results (shmercer/pairwiseLLM, an R package: `gemini_download_batch_results` writes a
 * job's inline results in Anthropic's envelope, `{custom_id, result: {type, response}}`). The response is the job's
 * GenerateContentResponse written as a one-row data frame, a list of one, or (in the package's docs and tests) the
 * response itself; an `errored` result holds `error`. Such a line becomes a results line (`{key, response, error}`,
 * with the response's `model`, which the package's parser reads where no `modelVersion` is), `_pairwise` marking it.
 * Other lines pass as they are.
 */
const pairwiseLines = (src: string) => `(SELECT _line, _elem, CASE WHEN json_type(j, '$.result') = 'OBJECT' AND json_exists(j, '$.custom_id') AND NOT json_exists(j, '$.key')
    THEN json_object('key', j->'$.custom_id', 'response', r, 'error', j->'$.result.error', 'model', r->'$.model', '_pairwise', true) ELSE j END AS j
  FROM (SELECT *, CASE WHEN json_type(j, '$.result.response') = 'ARRAY' THEN j->'$.result.response[0]' ELSE j->'$.result.response' END AS r FROM ${src}))`;

/** pairwiseLLM's lines (above): every line has custom_id and result, a response under result (or an error). */
const isPairwiseResults = (s: Sample) => everyRecordHas(s, ['custom_id', 'result']) && hasAll(s, ['result.type', 'result.response']);

/**
 * Gemini Batch API result lines (`{key, response}` or `{key, error}`): no time of their own. An embeddings job's
 * results (`batches.create_embeddings`) carry `response.embedding` and `response.tokenCount`, and name no model: one
 * added to the line (`model`) is read, else the line is rejected with the jq line that adds it. pairwiseLLM's lines
 * are read as such lines; a failed request is written there as succeeded, with a response of no candidates and no
 * token counts (the job's result held only its error, which the package drops): skipped, not billed.
 */
function batchSelect(ctx: AdapterContext): AdapterSelect {
  const select = batchLineSelect({ ...ctx, src: pairwiseLines(ctx.src) },
    { source: 'Gemini', provider: 'google', failure: "(j->>'$.error.message')", time: 'NULL', tags: "'key', (j->>'$.key')" });
  const embedding = `json_type(j, '$.response.embedding') = 'OBJECT'`;
  const tokenCount = `(j->>'$.response.tokenCount')`;
  const model = `coalesce(${select.columns.model}, (j->>'$.model'))`;
  const noCounts = `${usage(batchResponse, 'promptTokenCount', 'prompt_token_count')} IS NULL AND ${usage(batchResponse, 'totalTokenCount', 'total_token_count')} IS NULL`;
  const failedPairwise = `(j->>'$._pairwise') = 'true' AND json_type(j, '$.response') = 'OBJECT' AND ${noCounts} AND coalesce(json_type(j, '$.response.candidates'), 'NULL') = 'NULL'`;
  return {
    ...select,
    columns: {
      ...select.columns,
      _skip: `CASE WHEN ${failedPairwise} THEN 'Gemini batch request without candidates or token counts (pairwiseLLM writes a failed request so, its error left out): not billed'
        ELSE ${select.columns._skip} END`,
      _reject: `CASE WHEN ${embedding} AND ${model} IS NULL THEN 'no model: Gemini''s batch embedding results do not name their model; add it to every line and ingest that file: ' ||
        'jq -c ''. + {model: "MODEL"}'' FILE > FILE.with-model.jsonl, MODEL the batch job''s (e.g. gemini-embedding-001)' END`,
      model,
      operation: `CASE WHEN ${embedding} THEN 'embeddings' ELSE 'chat' END`,
      input_tokens: `CASE WHEN ${embedding} AND ${tokenCount} IS NOT NULL THEN ${tokenCount} ELSE ${select.columns.input_tokens} END`,
      input_tokens_reported: `coalesce(${select.columns.input_tokens_reported}, CASE WHEN ${embedding} THEN ${tokenCount} END)`,
      output_tokens: `CASE WHEN ${embedding} AND ${tokenCount} IS NOT NULL THEN '0' ELSE ${select.columns.output_tokens} END`,
    },
  };
}

export const geminiBatchResults = defineAdapter({
  id: 'gemini-batch-results',
  title: 'Gemini Batch API results (JSONL of {key, response}, or pairwiseLLM\'s {custom_id, result}; batch lane, timed by the file)',
  kinds: ['jsonl'],
  recognisedBy: 'every line has key, and response with usageMetadata, or an embedding and tokenCount (or error); or every line has custom_id and result, with result.response (pairwiseLLM)',
  detect: (sample) => (everyRecordHas(sample, ['key']) && sample.records.some((x) => 'response' in (x as object) || 'error' in (x as object)) &&
    (hasUsageMetadata(sample) || hasAll(sample, ['error']) || hasAll(sample, ['response.embedding', 'response.tokenCount']))) || isPairwiseResults(sample),
  idsFromSource: true,
  select: batchSelect,
});

const vertexColumns = ['logging_time', 'full_response'];

function vertexSelect(ctx: AdapterContext): AdapterSelect {
  const csv = ctx.kind === 'csv';
  const col = (name: string) => (csv ? (ctx.header.includes(name) ? sqlIdent(name) : 'NULL') : `(j->>'$.${name}')`);
  // BigQuery exports a JSON column as an object (JSONL) or as JSON text (CSV, and JSONL of STRING columns).
  const raw = csv ? `${col('full_response')}` : `CASE json_type(j, '$.full_response') WHEN 'VARCHAR' THEN (j->>'$.full_response') WHEN 'NULL' THEN NULL ELSE (j->'$.full_response')::VARCHAR END`;
  const parsed = `(CASE WHEN json_valid(${raw}) THEN ${raw}::JSON END)`;
  // A streamed call's response is logged as the list of its chunks; the last one carries the usage.
  const r = `(CASE WHEN json_type(${parsed}) = 'ARRAY' THEN ${parsed}->'$[#-1]' ELSE ${parsed} END)`;
  const method = col('api_method');
  const u = geminiUsage(r);
  return {
    columns: {
      ...(csv ? {} : { _line: '_line', _path: '_elem' }),
      _skip: `CASE WHEN ${parsed} IS NULL AND ${raw} IS NULL THEN 'Vertex AI log row without a response: not usage' END`,
      _reject: `CASE WHEN ${raw} IS NOT NULL AND ${parsed} IS NULL THEN 'full_response is not JSON: "' || left(${raw}, 60) || '"' END`,
      call_id: `coalesce(${field(r, 'responseId', 'response_id')}, ${col('request_id')})`,
      granularity: "'call'",
      ts: col('logging_time'),
      provider: "'google-vertex'",
      ...u,
      ...geminiLane(r),
      // The response's modelVersion names the model that ran; the row's `model` is the resource path asked for.
      model: `coalesce(${u.model}, ${col('model')})`,
      operation: "'chat'",
      streamed: `CASE WHEN ${method} IS NULL THEN NULL WHEN contains(lower(${method}), 'stream') THEN 'true' ELSE 'false' END`,
      // The endpoint is a resource path (or its URL): its Google Cloud project, and a deployed endpoint's id, name the
      // calls; a publisher model's endpoint says no more than the model. The whole path is kept in tags.
      project: `nullif(regexp_extract(coalesce(${col('endpoint')}, ''), 'projects/([^/]+)', 1), '')`,
      app: `nullif(regexp_extract(coalesce(${col('endpoint')}, ''), '(endpoints/[^/:?]+)', 1), '')`,
      tags: `json_merge_patch('{}', json_object('api_method', ${method}, 'endpoint', ${col('endpoint')}, 'model_resource', ${col('model')}, 'deployed_model_id', ${col('deployed_model_id')},
        ${usageDetailsTags(r)}))`,
    },
    from: csv ? ctx.src : `${ctx.src} WHERE j IS NOT NULL`,
  };
}

export const vertexBigQueryLogs = defineAdapter({
  id: 'vertex-request-response-logs',
  title: 'Vertex AI request-response logging rows exported from BigQuery (CSV or JSONL)',
  kinds: ['csv', 'jsonl', 'json'],
  recognisedBy: `columns or keys include ${vertexColumns.join(', ')}`,
  detect: (sample) => hasAll(sample, vertexColumns),
  idsFromSource: true,
  select: vertexSelect,
});

/**
 * Vertex AI batch prediction output (`predictions.jsonl` in the job's Cloud Storage folder, or the BigQuery table's rows
 * as JSON): each line is `{status, processed_time, request, response}`. `status` is empty when the request succeeded
 * and holds the error otherwise (then there is no response, and nothing was billed).
 */
function vertexBatchSelect(ctx: AdapterContext): AdapterSelect {
  // `status` is empty on a success; the time is when the job processed the line.
  return batchLineSelect(ctx, {
    source: 'Vertex AI', provider: 'google-vertex', failure: "nullif(trim(coalesce((j->>'$.status'), '')), '')", time: "(j->>'$.processed_time')",
    tags: `'traffic_type', ${usage(batchResponse, 'trafficType', 'traffic_type')}`,
  });
}

function isVertexBatchOutput(sample: Sample): boolean {
  return everyRecordHas(sample, ['processed_time', 'request']) && sample.records.some((x) => 'response' in (x as object) || 'status' in (x as object));
}

export const vertexBatchPredictions = defineAdapter({
  id: 'vertex-batch-predictions',
  title: 'Vertex AI batch prediction output (predictions.jsonl of {status, processed_time, request, response}; batch lane)',
  kinds: ['jsonl', 'json'],
  recognisedBy: 'every record has processed_time and request, with response (usageMetadata) or an error status',
  detect: isVertexBatchOutput,
  idsFromSource: true,
  select: vertexBatchSelect,
});

/** Where a Gemini Batch API job holds its inline results: REST's two copies, the Python SDK's and the JavaScript SDK's. */
const inlineResultLists = ['response.inlinedResponses.inlinedResponses', 'metadata.output.inlinedResponses.inlinedResponses', 'dest.inlined_responses', 'dest.inlinedResponses'];

/**
 * Where a Gemini Batch API job built from an input file names the file its results went to: the REST operation
 * (`response.responsesFile`, again under `metadata.output`, as Google's guide reads it with jq), the batch alone
 * (`output.responsesFile`), the Python SDK's job (`dest.file_name`) and the JavaScript SDK's (`dest.fileName`).
 */
const resultsFileFields = ['response.responsesFile', 'metadata.output.responsesFile', 'output.responsesFile', 'dest.file_name', 'dest.fileName'];

/** The value at a dotted path of a parsed record, if any. */
const valueAt = (record: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined), record);

const holdsInlineResults = (record: unknown) => inlineResultLists.some((l) => Array.isArray(valueAt(record, l)));

/**
 * The jobs among the sample's records. A page of `GET batches` (`{operations: [job…], nextPageToken}`: the Batch API
 * reference's batches.list, a ListOperationsResponse) stands for the jobs it lists.
 */
const jobRecords = (sample: Sample): unknown[] =>
  sample.records.flatMap((record) => {
    const listed = valueAt(record, 'operations');
    return Array.isArray(listed) ? listed : [record];
  });

/** The first non-empty string at one of `fields` (dotted paths) in the sample's jobs, if any. */
function firstTextAt(sample: Sample, fields: readonly string[]): string | undefined {
  for (const record of jobRecords(sample)) {
    for (const field of fields) {
      const value = valueAt(record, field);
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return undefined;
}

/**
 * The results file a Gemini Batch API job names (`files/batch-…`), when the sample is such a job (or a list of them)
 * built from an input file: the job holds no call, its results file one per line.
 */
export const geminiJobResultsFile = (sample: Sample): string | undefined => firstTextAt(sample, resultsFileFields);

/**
 * Where a Vertex AI batch prediction job names its output: the google-genai SDK's job on Vertex (`dest.gcs_uri`,
 * `dest.bigquery_uri`) and the REST BatchPredictionJob (`outputInfo.gcsOutputDirectory`, `outputInfo.bigqueryOutputTable`,
 * `outputConfig.gcsDestination.outputUriPrefix`, `outputConfig.bigqueryDestination.outputUri`).
 */
const vertexOutputFields = ['dest.gcs_uri', 'dest.bigquery_uri', 'outputInfo.gcsOutputDirectory', 'outputInfo.bigqueryOutputTable',
  'outputConfig.gcsDestination.outputUriPrefix', 'outputConfig.bigqueryDestination.outputUri'];

/**
 * The output a Vertex AI batch prediction job names (`gs://…` or `bq://…`), when the sample is such a job: the job holds
 * no call, its output's `predictions.jsonl` files one per line (read as vertex-batch-predictions).
 */
export const vertexJobOutput = (sample: Sample): string | undefined => firstTextAt(sample, vertexOutputFields);

/**
 * What to do with a Vertex AI batch prediction job, whose calls are in the output it names (`output`, as shown): the
 * refusal of such a job (detect.ts), and the reject of one among Gemini jobs.
 */
export const vertexJobAdvice = (output: string): string =>
  `a Vertex AI batch prediction job: the job's status, not its calls, which are in the output it names (${output}). ` +
  'Read its `predictions.jsonl` files instead (`gcloud storage cp "<output>/*/predictions.jsonl" .`; a BigQuery table exported as JSONL): ' +
  'a line per request with its response and usage, on the batch lane';

/**
 * What to do with a Gemini Batch API job built from an input file, whose calls are in the results file it names
 * (`file`, as shown): the refusal of such a job (detect.ts), and the reject of one among jobs with inline results.
 */
export const geminiResultsFileAdvice = (file: string): string =>
  `a Gemini Batch API job built from an input file: the job's status, not its calls, which are in the results file it names (${file}). ` +
  `Download that file with the Files API and read it instead (\`GET https://generativelanguage.googleapis.com/download/v1beta/${file}:download?alt=media\`, ` +
  'or `client.files.download(file=batch_job.dest.file_name)`): a JSONL line per request, `{key, response}` with its usage, on the batch lane';

/** The advice above as SQL, for the results file `file` (SQL text) of a row: at most 100 characters of its name, as detect.ts quotes it. */
const resultsFileAdviceSql = (file: string): string => `replace(${sqlString(geminiResultsFileAdvice('{file}'))}, '{file}', ${quotedCutSql(file, 100)})`;

/** vertexJobAdvice as SQL, for the output `output` (SQL text) of a row, quoted as resultsFileAdviceSql quotes a file. */
const vertexJobAdviceSql = (output: string): string => `replace(${sqlString(vertexJobAdvice('{output}'))}, '{output}', ${quotedCutSql(output, 100)})`;

/**
 * A Gemini Batch API job built from inline requests, as `GET batches/{id}` returns it when done (REST, camelCase: the
 * results under `response.inlinedResponses.inlinedResponses`, and the same again under `metadata.output`) or as the
 * Python SDK's job object dumps it (snake_case: `dest.inlined_responses`). Each result is `{response, metadata: {key}}`
 * or `{error}`: a batch-lane call, or a request that failed (skipped, not billed). One list is read, never both copies.
 * A result carries no time: the job's end time stands in, else its last update, else the file's modification time.
 * A file of several jobs (JSONL, an array, or a page of `GET batches`: `{operations: [job…]}`) may hold jobs without
 * inline results, each a row of its own: one built from an input file is rejected with its results file to download
 * (its calls are there), a Vertex AI batch prediction job with the output to read, one with no results at all
 * (running, failed, cancelled) is skipped, naming its state. None is left out unsaid.
 */
function batchJobSelect(ctx: AdapterContext): AdapterSelect {
  const found = (l: string) => `json_type(j, '$.${l}') = 'ARRAY'`;
  const list = `CASE ${inlineResultLists.map((l) => `WHEN ${found(l)} THEN json_extract(j, '$.${l}[*]')`).join(' ')} END`;
  const pointer = `CASE ${inlineResultLists.map((l) => `WHEN ${found(l)} THEN '/${l.replaceAll('.', '/')}'`).join(' ')} END`;
  const job = (camel: string, snake: string) => `coalesce(j->>'$.metadata.${camel}', j->>'$.${camel}', j->>'$.${snake}')`;
  const firstText = (fields: readonly string[]) => `coalesce(${fields.map((f) => `nullif(j->>'$.${f}', '')`).join(', ')})`;
  // A page of `GET batches` stands for its jobs, each at its place in the page (`/operations/<i>`).
  const jobs = `(SELECT _line, _path AS _elem, rec AS j FROM ${pageRecords(ctx.src, 'operations')})`;
  // A job whose list holds no result stands for itself: one row, `_alone`, at the job's own pointer.
  const alone = `'{"_alone": true}'::JSON`;
  // Each result with the job's fields beside it (`_job`): unnested outside the projection that extracts the list (as pageRecords).
  const results = `(SELECT _line, _elem || coalesce(_list || '/' || (generate_subscripts(items, 1) - 1), '') AS _elem,
      json_merge_patch(unnest(items), json_object('_job', json_object('model', model, 'name', name, 'ended', ended, 'results_file', results_file,
        'vertex_output', vertex_output, 'state', state))) AS j
    FROM (SELECT _line, _elem, CASE WHEN len(found) > 0 THEN found ELSE [${alone}] END AS items, CASE WHEN len(found) > 0 THEN _list END AS _list,
        model, name, ended, results_file, vertex_output, state
      FROM (SELECT _line, _elem, ${list} AS found, ${pointer} AS _list, ${job('model', 'model')} AS model, coalesce(j->>'$.name', j->>'$.metadata.name') AS name,
          coalesce(${job('endTime', 'end_time')}, ${job('updateTime', 'update_time')}) AS ended, ${firstText(resultsFileFields)} AS results_file,
          ${firstText(vertexOutputFields)} AS vertex_output, ${job('state', 'state')} AS state
        FROM ${jobs} WHERE j IS NOT NULL)))`;
  const select = batchLineSelect({ ...ctx, src: results }, {
    source: 'Gemini', provider: 'google', failure: "(j->>'$.error.message')", time: "(j->>'$._job.ended')",
    tags: "'key', (j->>'$.metadata.key'), 'batch', (j->>'$._job.name')",
  });
  // The job names its model (`models/gemini-2.5-flash`) where a response does not name the version that ran.
  const model = `coalesce(${select.columns.model}, regexp_replace(j->>'$._job.model', '^models/', ''))`;
  const isAlone = `(j->>'$._alone') = 'true'`;
  const file = `(j->>'$._job.results_file')`;
  const vertexOutput = `(j->>'$._job.vertex_output')`;
  return {
    ...select,
    columns: {
      ...select.columns,
      model,
      _skip: `CASE WHEN ${isAlone} THEN CASE WHEN ${file} IS NULL AND ${vertexOutput} IS NULL
          THEN 'a Gemini Batch API job holding no results (state ' || coalesce(left(j->>'$._job.state', 60), 'not given') || '): no call in it' END
        ELSE ${select.columns._skip} END`,
      _reject: `CASE WHEN ${isAlone} AND ${file} IS NOT NULL THEN ${resultsFileAdviceSql(file)}
        WHEN ${isAlone} AND ${vertexOutput} IS NOT NULL THEN ${vertexJobAdviceSql(vertexOutput)} END`,
    },
  };
}

const batchJobLists = /^(operations\.)?(response\.inlinedResponses|metadata\.output\.inlinedResponses|dest\.inlined_?[rR]esponses)/;

/**
 * A Gemini Batch API job of any kind (named `batches/…`, or holding inline results, a results file or a Vertex AI
 * output), as a record of a file of jobs.
 */
const isJob = (record: unknown): boolean => {
  const name = valueAt(record, 'name') ?? valueAt(record, 'metadata.name');
  return (typeof name === 'string' && name.startsWith('batches/')) || holdsInlineResults(record) ||
    [...resultsFileFields, ...vertexOutputFields].some((f) => typeof valueAt(record, f) === 'string');
};

/**
 * A job of inline results, or a file of more jobs than the sample holds. A job's keys are there with null values when
 * its results are elsewhere (the Python SDK's `dest.inlined_responses` beside the `dest.file_name` of a job built from a
 * file): a parsed job must hold a list of results. A job larger than the sample (hundreds of inline results: a
 * pretty-printed document, or one line) shows only the key names of its start, the job's `name` before its results'
 * list: a job built from a file is never that large. A file of jobs past the sample (a JSONL of a job a line, more
 * than 50) whose sampled jobs hold no inline result may hold some further on: it is read, each job whose calls are
 * elsewhere a reject saying where; a file the sample holds whole with no inline result is refused by name (detect.ts).
 */
function isBatchJob(sample: Sample): boolean {
  if (sample.records.length === 0) return hasAll(sample, ['name']) && hasAny(sample, ['inlinedResponses', 'inlined_responses']);
  const jobs = jobRecords(sample);
  if ([...sample.keys].some((k) => batchJobLists.test(k)) && jobs.some(holdsInlineResults)) return true;
  return sample.partial === true && jobs.length > 0 && jobs.every(isJob);
}

export const geminiBatchJob = defineAdapter({
  id: 'gemini-batch-job',
  title: 'Gemini Batch API job with inline results (GET batches/{id} when done, or the Python SDK job object; batch lane, timed by the job end)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'a job (or a page of `GET batches`, `{operations: [job…]}`) whose response.inlinedResponses, metadata.output.inlinedResponses ' +
    'or dest.inlined_responses holds its results; or a file of more jobs than the sample holds, every sampled one a job',
  detect: isBatchJob,
  idsFromSource: true,
  select: batchJobSelect,
});

export const googleAdapters = [geminiBatchJob, geminiBatchResults, vertexBatchPredictions, vertexBigQueryLogs, geminiResponses];
