// Langfuse observations (FORMATS.md §3d): pages of the public API (`{data: [...], meta: {...}}`), an array of
// observations, or JSONL. Only GENERATION (and EMBEDDING) observations are model calls; SPAN, EVENT and the other
// types are skipped as not usage.
//
// Token rule: usageDetails keys are free-form (legacy `usage` is {input, output}). Anthropic-style cache keys
// (`cache_read_input_tokens`, `cache_creation_input_tokens`) are EXCLUDED from `input`, as Anthropic reports them;
// OpenAI-style keys (`input_cached_tokens`, `input_cache_read`, `input_cache_creation`, `input_cache_write`) are
// breakdowns INCLUDED in `input`, so they are subtracted from it. Times: Langfuse gives latency and
// timeToFirstToken in SECONDS; they are converted to ms.
import { defineAdapter, hasAll, hasAny, type AdapterContext, type AdapterSelect, type SelectList } from '../adapter.ts';
import { uncached } from './sql-helpers.ts';

/** A field of the observation `o`, as text. */
const o = (path: string) => `(o->>'$.${path}')`;
/** A usage key: from usageDetails when the record has it, else from the legacy usage object. */
const u = (key: string) => `(u->>'$.${key}')`;

/** `x * factor` as text (rounded to µs, against float noise), or `x` itself when it is not a number (so the reject names the value). */
const scaled = (x: string, factor: number) => `CASE WHEN bt_double(${x}) IS NULL THEN ${x} ELSE round(bt_double(${x}) * ${factor}, 3)::VARCHAR END`;

const usageTypes = "('GENERATION', 'EMBEDDING')";

function observationsSelect(ctx: AdapterContext): AdapterSelect {
  const type = `upper(${o('type')})`;
  const input = `coalesce(${u('input')}, ${u('prompt_tokens')}, ${u('input_tokens')}, ${u('promptTokens')})`;
  const includedRead = `coalesce(${u('input_cached_tokens')}, ${u('input_cache_read')})`;
  const includedWrite = `coalesce(${u('input_cache_creation')}, ${u('input_cache_write')})`;
  const cacheRead = `coalesce(${u('cache_read_input_tokens')}, ${includedRead})`;
  const cacheWrite = `coalesce(${u('cache_creation_input_tokens')}, ${includedWrite})`;
  const output = `coalesce(${u('output')}, ${u('completion_tokens')}, ${u('output_tokens')}, ${u('completionTokens')})`;
  const cost = `coalesce(${o('costDetails.total')}, ${o('calculatedTotalCost')})`;
  const metadata = `CASE WHEN json_type(o->'metadata') = 'OBJECT' THEN o->'metadata'
    WHEN coalesce(json_type(o->'metadata'), 'NULL') = 'NULL' THEN '{}'::JSON ELSE json_object('metadata', o->'metadata') END`;
  const columns: SelectList = {
    _line: '_line',
    _path: '_path',
    _skip: `CASE WHEN coalesce(${type}, '') NOT IN ${usageTypes}
      THEN 'langfuse ' || coalesce(${o('type')}, 'untyped') || ' observation: no model usage' END`,
    call_id: o('id'),
    trace_id: o('traceId'),
    parent_id: o('parentObservationId'),
    ts: o('startTime'),
    ended_at: o('endTime'),
    latency_ms: scaled(o('latency'), 1000),
    ttft_ms: `coalesce(${scaled(o('timeToFirstToken'), 1000)},
      (date_diff('microsecond', bt_ts(${o('startTime')}), bt_ts(${o('completionStartTime')})) / 1000.0)::VARCHAR)`,
    // Langfuse SDKs set completionStartTime when the response streamed; its absence says nothing.
    streamed: `CASE WHEN ${o('completionStartTime')} IS NOT NULL THEN 'true' END`,
    model: o('model'),
    operation: `CASE WHEN ${type} = 'EMBEDDING' THEN 'embeddings' END`,
    status: `CASE WHEN upper(${o('level')}) = 'ERROR' THEN 'error' END`,
    input_tokens: uncached(input, includedRead, includedWrite),
    cache_read_tokens: cacheRead,
    cache_write_unknown_tokens: cacheWrite,
    input_tokens_reported: input,
    output_tokens: `coalesce(${output}, CASE WHEN ${type} = 'EMBEDDING' THEN '0' END)`,
    reasoning_tokens: `coalesce(${u('output_reasoning_tokens')}, ${u('output_reasoning')}, ${u('reasoning_tokens')})`,
    reported_cost: cost,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'estimated' END`,
    // Trace-level fields, present when an export joined them in.
    user_id: o('userId'),
    session_id: o('sessionId'),
    project: o('projectId'),
    tags: `json_merge_patch(${metadata}, json_merge_patch('{}', json_object('name', ${o('name')}, 'tags', o->'tags',
      'environment', ${o('environment')}, 'level', ${o('level')}, 'statusMessage', ${o('statusMessage')},
      'promptName', ${o('promptName')}, 'promptVersion', o->'promptVersion', 'version', ${o('version')})))`,
  };
  // API pages hold their observations under `data`; other records are observations.
  const from = `(SELECT *, CASE WHEN json_type(o->'usageDetails') = 'OBJECT' AND len(json_keys(o->'usageDetails')) > 0
        THEN o->'usageDetails' ELSE o->'usage' END AS u
    FROM (SELECT _line, _elem || '/data/' || d.i AS _path, d.r AS o FROM ${ctx.src},
            LATERAL (SELECT unnest(range(json_array_length(j->'data')::BIGINT)) AS i, unnest(json_extract(j, '$.data[*]')) AS r) d
          WHERE json_type(j->'data') = 'ARRAY'
          UNION ALL
          SELECT _line, _elem AS _path, j AS o FROM ${ctx.src} WHERE j IS NOT NULL AND coalesce(json_type(j->'data'), '') <> 'ARRAY')) obs`;
  return { columns, from };
}

const observationKeys = ['usageDetails', 'costDetails', 'completionStartTime', 'parentObservationId', 'calculatedTotalCost', 'timeToFirstToken'];

export const langfuseObservations = defineAdapter({
  id: 'langfuse-observations',
  title: 'Langfuse observations (public API pages, JSON array or JSONL)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'keys include traceId, type, startTime and an observation field (usageDetails, costDetails, completionStartTime…)',
  detect: (sample) => hasAll(sample, ['traceId', 'type', 'startTime']) && hasAny(sample, observationKeys),
  idsFromSource: true,
  select: observationsSelect,
});

export const langfuseAdapters = [langfuseObservations];
