// Langfuse observations: pages of the public API (`{data: [...], meta: {...}}`), an array of
// observations, or JSONL; and the UI's batch export of the observations table as CSV, JSON or JSONL (one
// observation a row, its trace's name, tags and user joined in: traceName, traceTags, userId). Only GENERATION
// (and EMBEDDING) observations are model calls; SPAN, EVENT and the other types are skipped as not usage.
// The CSV is read as JSON records (src/ingest/csv-records.ts): its nested fields are JSON text, and its times are
// written through JSON.stringify, quotes included.
//
// Token rule: usageDetails keys are free-form (legacy `usage` is {input, output}). Anthropic-style cache keys
// (`cache_read_input_tokens`, `cache_creation_input_tokens`) are EXCLUDED from `input`, as Anthropic reports them;
// OpenAI-style keys (`input_cached_tokens`, `input_cache_read`, `input_cache_creation`, `input_cache_write`, and
// OpenInference's `prompt_details.cache_read` / `cache_write`) are breakdowns INCLUDED in `input`, so they are subtracted from it. Times: the public API gives latency and
// timeToFirstToken in SECONDS; the batch export gives timeToFirstToken in seconds but latency in MILLISECONDS
// (Langfuse's convertObservation: endTime - startTime in ms). The latency is taken from startTime and endTime
// when both are given, which holds for both; the field alone is read as seconds.
import { defineAdapter, hasAll, hasAny, linePartSql, type AdapterContext, type AdapterSelect, type SelectList } from '../adapter.ts';
import { jsonFields, pageRecords, pointerOrderSql, recordFieldsSql, uncached } from './sql-helpers.ts';

/** `x * factor` as text (rounded to µs, against float noise), or `x` itself when it is not a number (so the reject names the value). */
const scaled = (x: string, factor: number) => `CASE WHEN bt_double(${x}) IS NULL THEN ${x} ELSE round(bt_double(${x}) * ${factor}, 3)::VARCHAR END`;

const usageTypes = "('GENERATION', 'EMBEDDING')";

/** LiteLLM's Langfuse callback names a generation after its call type: `litellm-completion`, `litellm-acompletion`… */
const litellmGenerationName = 'litellm-a?[a-z_]+';

/**
 * Names the SDK integrations give every generation when the code names none: Langfuse's OpenAI drop-in
 * (`OpenAI-generation`), LiteLLM's Langfuse callback (`litellm-completion`, `litellm-acompletion`…), LangChain's
 * callback handler (the model class: `ChatOpenAI`, `AzureChatOpenAI`, `ChatAnthropic`, `OpenAIEmbeddings`…) and the
 * Vercel AI SDK's spans (`ai.generateText.doGenerate`, `ai.streamText.doStream`). Read as a workload's name they
 * put every service on one name (the eval's Langfuse rendering: one org's jobs and people in one workload, 17.2% of
 * its blocking spend labelled batchable); they are kept as `generation_name` and name no workload.
 */
const sdkDefaultName = (name: string) => `regexp_full_match(coalesce(${name}, ''),
  '(?i)(openai|anthropic|azure-openai)-generation|${litellmGenerationName}|(Azure)?Chat[A-Z][A-Za-z]*|[A-Za-z]*Embeddings|ai\\.[A-Za-z]+(\\.do[A-Z][A-Za-z]*)?')`;

/** The JSON-valued fields an observation (`_oj`) and its trace (`_tj`) are read for, each list in one parse. */
const observationJsonPaths = ['usageDetails', 'usage', 'metadata', 'tags', 'promptVersion', 'observations', 'traceTags'] as const;
const traceJsonPaths = ['userId', 'sessionId', 'name', 'tags'] as const;

function observationsSelect(ctx: AdapterContext): AdapterSelect {
  // The observation's fields (`o`) and its usage keys (`u`: usageDetails when the record has it, else the legacy
  // usage object), each document read in one parse (jsonFields).
  const observation = jsonFields('o', '_o');
  const usage = jsonFields('u', '_u');
  const o = observation.field;
  const u = usage.field;
  const type = `upper(${o('type')})`;
  const input = `coalesce(${u('input')}, ${u('prompt_tokens')}, ${u('input_tokens')}, ${u('promptTokens')})`;
  // Spans Langfuse took in over OTel from the OpenInference instrumentations keep their `llm.token_count.` keys without
  // that prefix (`prompt_details.cache_read`, `completion_details.reasoning`: a real google_genai trace, reasoning 1104
  // inside output 2055, read as no reasoning), counted as OpenInference counts them, inside prompt and completion.
  const includedRead = `coalesce(${u('input_cached_tokens')}, ${u('input_cache_read')}, ${u('"prompt_details.cache_read"')})`;
  const includedWrite = `coalesce(${u('input_cache_creation')}, ${u('input_cache_write')}, ${u('"prompt_details.cache_write"')})`;
  const cacheRead = `coalesce(${u('cache_read_input_tokens')}, ${includedRead})`;
  const cacheWrite = `coalesce(${u('cache_creation_input_tokens')}, ${includedWrite})`;
  const output = `coalesce(${u('output')}, ${u('completion_tokens')}, ${u('output_tokens')}, ${u('completionTokens')})`;
  const reasoning = `coalesce(${u('output_reasoning_tokens')}, ${u('output_reasoning')}, ${u('reasoning_tokens')}, ${u('thoughts_tokens')},
    ${u('"completion_details.reasoning"')})`;
  // Which convention a row uses (defect found on a real Gemini row: input 24, output 378, output_reasoning_tokens
  // 1029, total 1431): the breakdown keys either sit INSIDE input/output (OpenAI's usage, as older SDKs logged it)
  // or OUTSIDE them, summed (Langfuse's own additive model; Gemini's thoughts are not in candidatesTokenCount).
  // The row's total (Langfuse's totalUsage, else usageDetails.total) says which: it equals the base figures plus
  // exactly the keys that are outside. Without a total, outputUsage (Langfuse's sum of the output keys) equal to
  // output + reasoning says reasoning is outside; with neither, the keys are read as inside (the older convention).
  const n = (x: string) => `coalesce(bt_int(${x}), 0)`;
  const total = `bt_int(coalesce(${o('totalUsage')}, ${u('total')}))`;
  const base = `(${n(input)} + ${n(output)} + ${n(u('cache_read_input_tokens'))} + ${n(u('cache_creation_input_tokens'))})`;
  const r = n(reasoning);
  const inside = `(${n(includedRead)} + ${n(includedWrite)})`;
  const reasoningOutside = `(${r} > 0 AND (${total} IN (${base} + ${r}, ${base} + ${r} + ${inside})
    OR (${total} IS NULL AND bt_int(${o('outputUsage')}) = ${n(output)} + ${r} AND ${r} > 0)))`;
  const inputKeysOutside = `(${inside} > 0 AND ${total} IN (${base} + ${inside}, ${base} + ${inside} + ${r}))`;
  const outputTokens = `CASE WHEN ${reasoningOutside} THEN (bt_int(${output}) + ${r})::VARCHAR ELSE ${output} END`;
  // calculatedTotalCost is 0 where Langfuse matched no price (modelId null, every price null, costDetails {}): a real
  // LiteLLM -> OpenRouter generation of gemini-2.5-flash-preview-05-20 says so. That 0 is no cost reported, not a free call.
  const cost = `coalesce(${o('costDetails.total')}, CASE WHEN NOT (${o('modelId')} IS NULL AND bt_double(${o('calculatedTotalCost')}) = 0) THEN ${o('calculatedTotalCost')} END)`;
  // The observation's JSON-valued fields (oj), its trace's (tj): each document read in one parse, as jsonFields does
  // for text. A `->` per field parsed each observation about twenty-five times.
  const oj = (name: (typeof observationJsonPaths)[number]) => `_oj[${observationJsonPaths.indexOf(name) + 1}]`;
  const tj = (name: (typeof traceJsonPaths)[number]) => `_tj[${traceJsonPaths.indexOf(name) + 1}]`;
  // A generation LiteLLM's Langfuse callback logged (its default name, or LiteLLM's hidden_params in the metadata). LiteLLM
  // sets a call's completion start to its end when it did not stream (litellm_logging.py: `if self.completion_start_time is
  // None: self.completion_start_time = end_time`), and passes it on: such a first token at the very end is no stream, as
  // the litellm-spendlogs adapter reads the same field. Other SDKs set completionStartTime on a stream's first chunk only.
  const litellmLogged = `(regexp_full_match(coalesce(${o('name')}, ''), '(?i)${litellmGenerationName}') OR coalesce(json_exists(${oj('metadata')}, '$.hidden_params'), false))`;
  const noFirstToken = `(${litellmLogged} AND bt_ts(${o('completionStartTime')}) >= bt_ts(${o('endTime')}))`;
  const metadata = `CASE WHEN json_type(${oj('metadata')}) = 'OBJECT' THEN ${oj('metadata')}
    WHEN coalesce(json_type(${oj('metadata')}), 'NULL') = 'NULL' THEN '{}'::JSON ELSE json_object('metadata', ${oj('metadata')}) END`;
  const columns: SelectList = {
    _line: '_line',
    _path: '_path',
    _skip: `CASE WHEN coalesce(${type}, '') NOT IN ${usageTypes}
      THEN CASE WHEN ${oj('observations')} IS NOT NULL AND trace_read THEN 'langfuse trace: not usage (its user, session, name and tags were read onto its observations in this file)'
        -- Beside generations, a listed trace whose own are elsewhere: \`pull langfuse\` lists the traces opened the hour
        -- before a window too, whose generations may lie in the window before.
        WHEN ${oj('observations')} IS NOT NULL AND file_generations THEN 'langfuse trace: not usage (none of its observations is in this file: they are in another window''s)'
        WHEN ${oj('observations')} IS NOT NULL THEN 'langfuse trace without its observations inline: no model usage (export them with GET /api/public/observations?traceId=…)'
        ELSE 'langfuse ' || coalesce(${o('type')}, 'untyped') || ' observation: no model usage' END
      -- LiteLLM logs a response its own cache served with the cached answer's usage and a cost of 0: no provider call.
      WHEN ${litellmLogged} AND lower(coalesce(${oj('metadata')}->>'cache_hit', '')) = 'true' THEN 'served from LiteLLM''s cache (metadata.cache_hit): no provider call, nothing billed' END`,
    call_id: o('id'),
    // A trace that holds this generation alone links nothing (the SDK integrations open one per call when the code
    // opened none): it is not an agent run or a session, so the call is not attributed to one.
    trace_id: `CASE WHEN trace_generations > 1 OR ${o('parentObservationId')} IS NOT NULL OR nested_trace THEN ${o('traceId')} END`,
    parent_id: o('parentObservationId'),
    ts: o('startTime'),
    ended_at: o('endTime'),
    latency_ms: `coalesce((date_diff('microsecond', bt_ts(${o('startTime')}), bt_ts(${o('endTime')})) / 1000.0)::VARCHAR, ${scaled(o('latency'), 1000)})`,
    ttft_ms: `CASE WHEN NOT coalesce(${noFirstToken}, false) THEN coalesce(${scaled(o('timeToFirstToken'), 1000)},
      (date_diff('microsecond', bt_ts(${o('startTime')}), bt_ts(${o('completionStartTime')})) / 1000.0)::VARCHAR) END`,
    // Langfuse SDKs set completionStartTime when the response streamed; its absence says nothing.
    streamed: `CASE WHEN ${o('completionStartTime')} IS NOT NULL AND NOT coalesce(${noFirstToken}, false) THEN 'true' END`,
    model: o('model'),
    operation: `CASE WHEN ${type} = 'EMBEDDING' THEN 'embeddings' END`,
    status: `CASE WHEN upper(${o('level')}) = 'ERROR' THEN 'error' END`,
    input_tokens: `CASE WHEN ${inputKeysOutside} THEN ${input} ELSE ${uncached(input, includedRead, includedWrite)} END`,
    cache_read_tokens: cacheRead,
    cache_write_unknown_tokens: cacheWrite,
    input_tokens_reported: `CASE WHEN ${inputKeysOutside} THEN (bt_int(${input}) + ${inside})::VARCHAR ELSE ${input} END`,
    output_tokens: `coalesce(${outputTokens}, CASE WHEN ${type} = 'EMBEDDING' THEN '0' END)`,
    reasoning_tokens: reasoning,
    reported_cost: cost,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'estimated' END`,
    // Trace-level fields, present when an export joined them in.
    user_id: `coalesce(${o('userId')}, ${tj('userId')}->>'$')`,
    session_id: `coalesce(${o('sessionId')}, ${tj('sessionId')}->>'$')`,
    project: o('projectId'),
    tags: `json_merge_patch(${metadata}, json_merge_patch('{}', json_object('name', CASE WHEN NOT ${sdkDefaultName(o('name'))} THEN ${o('name')} END,
      'generation_name', CASE WHEN ${sdkDefaultName(o('name'))} THEN ${o('name')} END, 'tags', ${oj('tags')},
      'environment', ${o('environment')}, 'level', ${o('level')}, 'statusMessage', ${o('statusMessage')},
      'promptName', ${o('promptName')}, 'promptVersion', ${oj('promptVersion')}, 'version', ${o('version')},
      'trace_name', coalesce(${tj('name')}->>'$', ${o('traceName')}), 'trace_tags', coalesce(${tj('tags')}, ${oj('traceTags')}))))`,
  };
  // API pages hold their records under `data`; a record is an observation, or a trace. A trace with its observations
  // nested under `observations` (GET /api/public/traces/{id}, or the UI's download of a trace, which puts the trace
  // under `trace` beside them) gives rows that carry its user and session. A trace of
  // the trace list (observations as ids: GET /api/public/traces, which `pull langfuse` writes beside the observations
  // of the same window) is not usage: it is one skipped row, and the observations of the same file that belong to it
  // read its user, session, name and tags (observations carry none of these: they live on the trace).
  // A record's keys that tell traces from observations (`rk`: observations, type, id, traceId) are read in one parse;
  // nested(r): the record of table alias `r` is a trace with its observations inline; traceList: a trace of the trace
  // list (observations as ids).
  const nested = (r: string) => `json_type(${r}.rk[1]) = 'ARRAY' AND json_type(${r}.rk[1]->0) = 'OBJECT'`;
  const traceList = `json_type(rk[1]) = 'ARRAY' AND NOT coalesce(${nested('lf_recs')}, false) AND (rk[2]->>'$') IS NULL AND (rk[3]->>'$') IS NOT NULL`;
  const idField = o('id');
  const traceField = o('traceId');
  // A record's file: its line's part (linePartSql: 0 for a file read alone; a JSON document's records have no line, 0).
  // A trace joins its observations within its file only, as reading each file alone does, whichever way files are read.
  const fileOf = (r: string) => `coalesce(${linePartSql(`${r}._line`)}, 0)`;
  // The records with the fields read only (recordFieldsSql: long ones), unless a CSV's records already are.
  const records = ctx.recordsCut === true ? pageRecords(ctx.src) : recordFieldsSql(pageRecords(ctx.src), recordFields);
  const from = `(WITH lf_recs AS MATERIALIZED (
      SELECT *, json_extract(rec, ['$.observations', '$.type', '$.id', '$.traceId']) AS rk FROM ${records}
    ), lf_listed AS (
      -- A trace listed twice in one file (its list paged while traces came in) is read from its last listing, the
      -- latest fetched: any_value took either, so its observations' user could change from one ingest to the next.
      SELECT ${fileOf('lf_recs')} AS lf_file, (rk[3]->>'$') AS trace_key, last(rec ORDER BY _line, ${pointerOrderSql('_path')}) AS tr FROM lf_recs WHERE ${traceList} GROUP BY ALL
    ), lf_rows AS (
      SELECT _line, _path || '/observations/' || (generate_subscripts(items, 1) - 1) AS _path, unnest(items) AS o, t, true AS nested_trace
      -- The UI's trace download wraps the trace beside its observations ({trace: {…}, observations: […]}): the trace is that.
      FROM (SELECT _line, _path, json_extract(rec, '$.observations[*]') AS items,
        CASE WHEN json_type(rec, '$.trace') = 'OBJECT' THEN rec->'$.trace' ELSE rec END AS t FROM lf_recs WHERE ${nested('lf_recs')})
      UNION ALL
      SELECT r._line, r._path, r.rec AS o, l.tr AS t, false AS nested_trace FROM lf_recs r LEFT JOIN lf_listed l ON l.lf_file = ${fileOf('r')} AND l.trace_key = (r.rk[4]->>'$')
      WHERE NOT coalesce(${nested('r')}, false)
    ), lf_per_trace AS (
      SELECT lf_file, k[1] AS trace_key, count(*) FILTER (WHERE upper(k[2]) IN ${usageTypes}) AS generations
      FROM (SELECT ${fileOf('lf_rows')} AS lf_file, json_extract_string(o, ['$.traceId', '$.type']) AS k FROM lf_rows) WHERE k[1] IS NOT NULL GROUP BY ALL
    ), lf_usage AS (
      SELECT *, CASE WHEN json_type(${oj('usageDetails')}) = 'OBJECT' AND len(json_keys(${oj('usageDetails')})) > 0 THEN ${oj('usageDetails')} ELSE ${oj('usage')} END AS u
      FROM (SELECT *, json_extract(o, [${observationJsonPaths.map((p) => `'$.${p}'`).join(', ')}]) AS _oj,
          json_extract(t, [${traceJsonPaths.map((p) => `'$.${p}'`).join(', ')}]) AS _tj, ${observation.extract()} AS _o FROM lf_rows)
    )
    -- Generations per trace within the file (an aggregate joined back: a window would sort every row's JSON), whether
    -- a trace's observations were read in the file (a join too: as a correlated EXISTS, DuckDB numbered every row
    -- with a window to join it back, 11 of the statement's 17 s on a 333 MB window), and whether a listed trace's
    -- generations are in the file.
    SELECT lf_usage.*, ${usage.extract()} AS _u, coalesce(g.generations, 0) AS trace_generations, r.trace_key IS NOT NULL AS trace_read,
      ${fileOf('lf_usage')} IN (SELECT lf_file FROM lf_per_trace WHERE generations > 0) AS file_generations
    FROM lf_usage LEFT JOIN lf_per_trace g ON g.lf_file = ${fileOf('lf_usage')} AND g.trace_key = ${traceField}
      LEFT JOIN lf_per_trace r ON r.lf_file = ${fileOf('lf_usage')} AND r.trace_key = ${idField}) obs`;
  return { columns, from };
}

const observationKeys = ['usageDetails', 'costDetails', 'completionStartTime', 'parentObservationId', 'calculatedTotalCost', 'timeToFirstToken'];

/**
 * Every top-level field the select reads (test/ingest/langfuse.test.ts checks the select against it): a record's other
 * fields (input, output, modelParameters, prices, scores) are left out, as a CSV export is read (csv-records.ts) and,
 * for JSON and JSONL, before the select reads the records (recordFieldsSql).
 */
const recordFields = [...new Set(['data', 'id', 'traceId', 'type', 'observations', 'trace', 'parentObservationId', 'startTime', 'endTime', 'latency',
  'timeToFirstToken', 'completionStartTime', 'model', 'level', 'userId', 'sessionId', 'projectId', 'name', 'environment', 'statusMessage',
  'promptName', 'version', 'traceName', 'totalUsage', 'outputUsage', 'costDetails', 'calculatedTotalCost', 'modelId', ...observationJsonPaths, ...traceJsonPaths])];

export const langfuseObservations = defineAdapter({
  id: 'langfuse-observations',
  title: 'Langfuse observations (public API pages, JSON array or JSONL; the UI export as CSV, JSON or JSONL)',
  kinds: ['csv', 'json', 'jsonl'],
  joinsRecords: true,
  recordFields,
  recognisedBy: 'keys include traceId, type, startTime and an observation field (usageDetails, costDetails, completionStartTime…)',
  detect: (sample) => hasAll(sample, ['traceId', 'type', 'startTime']) && hasAny(sample, observationKeys),
  idsFromSource: true,
  nestedCalls: { rows: 'observation', idsPerTrace: false },
  select: observationsSelect,
});

export const langfuseAdapters = [langfuseObservations];
