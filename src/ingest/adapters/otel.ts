// OpenTelemetry GenAI spans: OTLP JSON (`{resourceSpans: [...]}`, as a document or one export
// request per line as the collector's file exporter writes it) and a flattened JSONL form (one span per line with
// `attributes` as a flat object). Attributes are pivoted into one JSON object per span in SQL.
//
// Token semantics: gen_ai.usage.input_tokens SHOULD include cached tokens, so the uncached input is input minus
// cache reads minus cache writes. Times: span times are Unix nanoseconds; time_to_first_chunk is in SECONDS.
// Agent and tool spans (invoke_agent, execute_tool…) are skipped even when they carry usage: what they report sums
// the model calls below them, which are spans of their own.
//
// Other instrumentations name the same things their own way, and are read too: OpenInference (Arize Phoenix, and the
// openinference-instrumentation-* packages: `llm.token_count.prompt` including cache reads and writes,
// `llm.token_count.prompt_details.cache_read` / `.cache_write`, `llm.token_count.completion`, `llm.model_name`,
// `llm.provider`, `openinference.span.kind`, where only LLM and EMBEDDING spans are model calls), OpenLLMetry's and
// OpenLIT's stream flags, finish reasons and cost. Spans come as OTLP (camelCase), as flattened lines, as protobuf JSON
// in snake_case (MLflow's stored spans: `span_id`, `start_time_unix_nano`), or as Phoenix's span objects
// (`context.span_id`, `span_kind`, ISO `start_time`).
import { defineAdapter, type AdapterContext, type AdapterSelect, type Sample, type SelectList } from '../adapter.ts';
import { jsonFields, uncached } from './sql-helpers.ts';

/** OTLP's `[{key, value}]` attribute list as DuckDB values: read in one parse (json_transform), where `->` on each key and
 * value parsed a span's attributes about fifteen times per attribute. Fields that do not match (a value that is not an
 * object, an element that is not one) come out NULL, as `->` gives them. */
const attributeListType = `'[{"key": "VARCHAR", "value": {"stringValue": "JSON", "intValue": "JSON", "doubleValue": "JSON", "boolValue": "JSON", "arrayValue": "JSON", "kvlistValue": "JSON"}}]'`;

/** An OTLP AnyValue (`{stringValue}`, `{intValue: "5"}`…) as a JSON value; intValue arrives as a string. `v`: a
 * value of attributeListType. An arrayValue (rare) is read from its JSON. */
const anyValue = (v: string) => `coalesce(${v}.stringValue, to_json(try_cast(${v}.intValue->>'$' AS HUGEINT)), ${v}.intValue,
    ${v}.doubleValue, ${v}.boolValue,
    CASE WHEN ${v}.arrayValue IS NOT NULL THEN to_json(list_transform(json_extract(${v}.arrayValue, '$.values[*]'),
      lambda e: coalesce(e->'$.stringValue', to_json(try_cast(e->>'$.intValue' AS HUGEINT)), e->'$.doubleValue', e->'$.boolValue'))) END,
    ${v}.kvlistValue, 'null'::JSON)`;

/** The levels of an OTLP export request down to its spans, as json_transform reads them (each span kept as JSON). */
const otlpLevelsType = `'{"resourceSpans": [{"resource": {"attributes": "JSON"}, "scopeSpans": [{"scope": {"name": "JSON"}, "spans": ["JSON"]}]}]}'`;

/** Attributes as one JSON object: OTLP's `[{key, value}]` list pivoted, or a flat object kept as is. */
const attributesObject = (x: string) => `CASE json_type(${x})
  WHEN 'ARRAY' THEN ('{' || coalesce(array_to_string(list_transform(json_transform(${x}, ${attributeListType}),
      lambda a: to_json(a.key)::VARCHAR || ':' || (${anyValue('a.value')})::VARCHAR), ','), '') || '}')::JSON
  WHEN 'OBJECT' THEN ${x}
  ELSE '{}'::JSON END`;

/** gen_ai.operation.name as a canonical operation; NULL lets the engine infer it from the model. */
const operationOf = (op: string) => `CASE
  WHEN ${op} IS NULL THEN NULL
  WHEN ${op} IN ('chat', 'generate_content') THEN 'chat'
  WHEN ${op} = 'text_completion' THEN 'completions'
  WHEN ${op} = 'embeddings' THEN 'embeddings'
  ELSE 'other' END`;

const agentOperations = "('invoke_agent', 'create_agent', 'execute_tool', 'invoke_workflow')";

/** Why an agent's or a tool's span is skipped: `otel <operation>` and this. The nested-call step reads it back to find
 * the agent runs that are the calls (NestedCalls.wrapperSkips). */
const agentSkipTail = ' span: its model calls are spans of their own';

/** OpenInference's span kinds that are not model calls (LLM and EMBEDDING are; UNKNOWN may be, and other exporters'
 * `span_kind` values, such as CLIENT, say nothing of it). */
const openInferenceOtherKinds = "('CHAIN', 'AGENT', 'TOOL', 'RETRIEVER', 'RERANKER', 'GUARDRAIL', 'EVALUATOR', 'PROMPT')";

/** Milliseconds between two span times: whole nanoseconds when both are epochs (exact), else the parsed times'. */
const msBetween = (from: string, to: string) => `coalesce((try_cast(${to} AS HUGEINT) - try_cast(${from} AS HUGEINT)) / 1e6,
  date_diff('microsecond', bt_ts(${from}), bt_ts(${to})) / 1000.0)`;

/** A span time as text: the JavaScript SDK's `[seconds, nanoseconds]` (HrTime, as a ReadableSpan prints it) as epoch
 * nanoseconds, other forms as written. */
const hrTime = (x: string) => `CASE WHEN left(${x}, 1) = '[' AND json_valid(${x}) THEN (try_cast(json_extract_string(${x}, '$[0]') AS HUGEINT) * 1000000000
    + try_cast(json_extract_string(${x}, '$[1]') AS HUGEINT))::VARCHAR ELSE ${x} END`;

/** An id without the `0x` a hex dump puts before it. */
const hexId = (x: string) => `CASE WHEN starts_with(${x}, '0x') THEN substr(${x}, 3) ELSE ${x} END`;

/** A finish reason as written: a list's first (an array, whose text a field read gives, or such text written as a
 * string by some exporters), else the text. */
const firstOf = (x: string) => `CASE WHEN left(${x}, 1) = '[' AND json_valid(${x}) THEN (${x})::JSON->>'$[0]' ELSE ${x} END`;

function spansSelect(ctx: AdapterContext): AdapterSelect {
  // A span attribute as text (names are code constants), and a field of the span: each document read in one parse
  // (jsonFields).
  const attributes = jsonFields('attrs', '_a');
  const span = jsonFields('span', '_s');
  const a = (name: string) => attributes.field(`"${name}"`);
  const s = span.field;
  const op = a('gen_ai.operation.name');
  // The Vercel AI SDK's own telemetry: the model calls are its `ai.*.doGenerate`, `doStream` and `doEmbed` spans (the
  // calls to the provider); `ai.generateText`, `ai.streamText`, `ai.embed`… around them sum their steps' usage and are
  // skipped by name (aiWrapper). Its `ai.usage.*` counts are read where gen_ai's are missing (an embedding's
  // `ai.usage.tokens`, older versions' `promptTokens`); `cachedInputTokens` is inside `inputTokens`, as gen_ai's cache
  // reads are (ai 5's LanguageModelUsage), `reasoningTokens` inside the output. Tested on `ai.operationId`, which every
  // span of the SDK carries, with string functions and no regex: read on every span of every export.
  const operationId = a('ai.operationId');
  const aiWrapper = `coalesce(${operationId} IN ('ai.generateText', 'ai.streamText', 'ai.generateObject', 'ai.streamObject', 'ai.embed', 'ai.embedMany'), false)`;
  const aiDo = (step: 'Embed' | 'Generate' | 'Stream') => `coalesce(ends_with(${operationId}, '.do${step}'), false)`;
  const aiEmbed = aiDo('Embed');
  const genAiInput = `coalesce(${a('gen_ai.usage.input_tokens')}, ${a('gen_ai.usage.prompt_tokens')}, ${a('ai.usage.inputTokens')}, ${a('ai.usage.promptTokens')}, ${a('ai.usage.tokens')})`;
  const genAiOutput = `coalesce(${a('gen_ai.usage.output_tokens')}, ${a('gen_ai.usage.completion_tokens')}, ${a('ai.usage.outputTokens')}, ${a('ai.usage.completionTokens')})`;
  // Claude Code's own traces (CLAUDE_CODE_ENABLE_TELEMETRY with OTEL_TRACES_EXPORTER): a model call is a
  // `claude_code.llm_request` span whose usage is in attributes without the gen_ai prefix, with Anthropic's semantics
  // (input_tokens leaves out cache reads and writes), and `ttft_ms` in milliseconds. Read only on those spans, when
  // they carry no gen_ai usage; a real 2.1.138 span was skipped as "without gen_ai usage" before.
  const claudeCode = `(${s('name')} = 'claude_code.llm_request' AND ${genAiInput} IS NULL AND ${genAiOutput} IS NULL)`;
  const cc = (name: string) => `CASE WHEN ${claudeCode} THEN ${a(name)} END`;
  // OpenInference: the prompt count includes cache reads and writes, as gen_ai's input does.
  const input = `coalesce(${genAiInput}, ${cc('input_tokens')}, ${a('llm.token_count.prompt')})`;
  const output = `coalesce(${genAiOutput}, ${cc('output_tokens')}, ${a('llm.token_count.completion')})`;
  // LiteLLM's OTel callback (`litellm_request` spans) writes gen_ai.usage.input_tokens as the OpenAI-style prompt_tokens,
  // cache reads inside, but the cache split and the reasoning only in `metadata.usage_object`, the usage object as Python
  // prints a dict (`{'prompt_tokens': 412, …, 'prompt_tokens_details': {'audio_tokens': 0, 'cached_tokens': 256}}`; a
  // real span of LiteLLM against a mock of OpenAI read 256 cached tokens as uncached). A count is read from it by its key,
  // in Python's quotes or JSON's.
  const usageObject = a('metadata.usage_object');
  const usageObjectCount = (key: string) => `nullif(regexp_extract(${usageObject}, '[''"]${key}[''"]\\s*:\\s*(\\d+)', 1), '')`;
  // Pydantic AI wrote its cache counts as gen_ai.usage.details.cache_read_tokens / cache_write_tokens alone from 2025-10-22
  // (#3221) until it added the dotted names on 2026-04-07 (#5013); its input_tokens holds them (genai-prices' usage).
  const cacheRead = `coalesce(${a('gen_ai.usage.cache_read.input_tokens')}, ${cc('cache_read_tokens')}, ${a('llm.token_count.prompt_details.cache_read')},
    ${a('ai.usage.cachedInputTokens')}, ${usageObjectCount('cached_tokens')}, ${a('gen_ai.usage.details.cache_read_tokens')})`;
  // Renamed from cache_creation by semconv-genai PR #440: accept both.
  const cacheWrite = `coalesce(${a('gen_ai.usage.cache_write.input_tokens')}, ${a('gen_ai.usage.cache_creation.input_tokens')}, ${cc('cache_creation_tokens')},
    ${a('llm.token_count.prompt_details.cache_write')}, ${usageObjectCount('cache_creation_(?:input_)?tokens')}, ${a('gen_ai.usage.details.cache_write_tokens')})`;
  // The older names, with underscores (Anthropic's own field names under gen_ai.usage.), as Strands Agents writes them
  // (strands tracer.py: cache_read_input_tokens, cache_write_input_tokens) and OpenLLMetry did before its 2025-10-30
  // move to the dotted ones (cache_read_input_tokens, cache_creation_input_tokens). Their emitters disagree on the input:
  // Strands' input_tokens is Bedrock's, the cache outside it (its total_tokens 58,291 = 4,299 in + 631 out + 35,574 read
  // + 17,787 written); OpenLLMetry's prompt_tokens was Anthropic's input plus the cache (its llm.usage.total_tokens is
  // prompt + completion). The total says which: equal to input and output alone, the cache is inside; otherwise (or with
  // no total) outside, as Anthropic's names mean.
  const legacyRead = a('gen_ai.usage.cache_read_input_tokens');
  const legacyWrite = `coalesce(${a('gen_ai.usage.cache_creation_input_tokens')}, ${a('gen_ai.usage.cache_write_input_tokens')})`;
  const n = (x: string) => `coalesce(bt_int(${x}), 0)`;
  const total = `bt_int(coalesce(${a('gen_ai.usage.total_tokens')}, ${a('llm.usage.total_tokens')}))`;
  const legacyOutside = `(${cacheRead} IS NULL AND ${cacheWrite} IS NULL AND (${legacyRead} IS NOT NULL OR ${legacyWrite} IS NOT NULL)
    AND NOT coalesce(${total} = ${n(input)} + ${n(output)} AND ${n(legacyRead)} + ${n(legacyWrite)} > 0, false))`;
  // The dotted names mean the cache is inside the input, but not every emitter keeps to it: OpenLLMetry's Bedrock
  // spans (0.62.1, recorded Claude 3.5 Haiku calls) put Anthropic's own input_tokens (4) beside a cache write of 18,131.
  // A cache larger than the input cannot be inside it: read outside, not rejected as a negative input. (A cache
  // outside an input larger than it cannot be told, and is read inside.)
  const dottedOutside = `(bt_int(${input}) IS NOT NULL AND ${n(cacheRead)} + ${n(cacheWrite)} > bt_int(${input}))`;
  // OpenInference's span kind: a span field in Phoenix's span objects, an attribute elsewhere.
  const spanKind = `upper(coalesce(${a('openinference.span.kind')}, ${s('span_kind')}))`;
  const invocation = a('llm.invocation_parameters');
  const tier = `coalesce(${a('openai.response.service_tier')}, ${a('gen_ai.openai.response.service_tier')})`;
  const start = `coalesce(${s('startTimeUnixNano')}, ${s('start_time_unix_nano')}, ${hrTime(s('startTime'))}, ${s('start_time')})`;
  const end = `coalesce(${s('endTimeUnixNano')}, ${s('end_time_unix_nano')}, ${hrTime(s('endTime'))}, ${s('end_time')})`;
  const finish = `coalesce(${firstOf(a('gen_ai.response.finish_reasons'))}, ${a('gen_ai.completion.0.finish_reason')}, ${a('llm.finish_reason')})`;
  // LiteLLM's OTel callback writes its cost breakdown as gen_ai.cost.* (total_cost: input, cache reads, output).
  const cost = `coalesce(${a('gen_ai.usage.cost')}, ${a('operation.cost')}, ${a('gen_ai.cost.total_cost')})`;
  // OpenInference marks a stream's first token with a span event: its time less the span's start is the time to
  // first token. The events' text comes with the span's one parse; only a span that names the event parses it.
  const events = s('events');
  const firstToken = `CASE WHEN contains(${events}, 'First Token Stream Event') THEN list_filter(json_extract((${events})::JSON, '$[*]'),
    lambda e: e->>'$.name' = 'First Token Stream Event')[1] END`;
  const firstTokenAt = `coalesce((${firstToken})->>'$.timeUnixNano', (${firstToken})->>'$.time_unix_nano', (${firstToken})->>'$.timestamp')`;
  const columns: SelectList = {
    _line: '_line',
    _path: '_path',
    _skip: `CASE WHEN ${op} IN ${agentOperations} THEN 'otel ' || ${op} || '${agentSkipTail}'
      -- An agent's run (pydantic-ai's \`agent run\`) carries its model calls' summed usage, without an operation or model.
      WHEN ${op} IS NULL AND ${a('gen_ai.agent.name')} IS NOT NULL AND ${a('gen_ai.request.model')} IS NULL AND ${a('gen_ai.response.model')} IS NULL
        THEN 'otel agent run span (' || ${a('gen_ai.agent.name')} || '): its model calls are spans of their own'
      -- Microsoft.Extensions.AI's function-invoking client wraps a turn's model calls and tool calls in \`orchestrate_tools\`,
      -- with their summed usage and no model (a real trace of 2026-03-09: 5,550 = 2,546 + 3,004 of its two chat spans).
      WHEN ${s('name')} = 'orchestrate_tools' AND ${op} IS NULL THEN 'otel orchestrate_tools span: its model calls are spans of their own'
      WHEN ${aiWrapper} THEN 'vercel ai sdk ' || ${operationId} || ' span: its model calls are its do* spans'
      WHEN ${spanKind} IN ${openInferenceOtherKinds} THEN 'openinference ' || ${spanKind} || ' span: not a model call (its model calls are LLM spans of their own)'
      WHEN ${input} IS NULL AND ${output} IS NULL THEN 'otel span without gen_ai usage: ' || coalesce(${s('name')}, '(unnamed)') END`,
    // Python's ConsoleSpanExporter writes ids as hex with `0x` (LiteLLM's OTel callback, printed to the console); other
    // exporters of the same trace write them without: the prefix comes off, so a trace's spans join across files.
    // A ReadableSpan of the JavaScript SDK, printed or saved as JSON (an InMemorySpanExporter's spans), holds its ids in
    // `spanContext` and its parent's in `parentSpanId` (SDK 1) or `parentSpanContext` (SDK 2).
    call_id: hexId(`coalesce(${s('spanId')}, ${s('span_id')}, ${s('context.span_id')}, ${s('spanContext.spanId')})`),
    trace_id: hexId(`coalesce(${s('traceId')}, ${s('trace_id')}, ${s('context.trace_id')}, ${s('spanContext.traceId')})`),
    parent_id: hexId(`nullif(coalesce(${s('parentSpanId')}, ${s('parent_span_id')}, ${s('parent_id')}, ${s('parentSpanContext.spanId')}), '')`),
    ts: start,
    ended_at: end,
    latency_ms: msBetween(start, end),
    // llm.provider (OpenInference) before gen_ai.system, which some frameworks set to their own name (Google ADK:
    // gcp.vertex.agent); instrumentations write it in either case (OpenLLMetry: "OpenAI").
    // The Vercel AI SDK names the provider with its API (`openai.responses`, `anthropic.messages`, `openai.embedding`),
    // in gen_ai.system too: the provider is the name before the dot.
    provider: `lower(CASE WHEN ${a('ai.model.provider')} IS NOT NULL THEN split_part(${a('ai.model.provider')}, '.', 1)
      ELSE coalesce(${a('gen_ai.provider.name')}, ${a('llm.provider')}, ${a('gen_ai.system')}, ${a('llm.system')}) END)`,
    model: `coalesce(${a('gen_ai.response.model')}, ${a('gen_ai.request.model')}, ${a('llm.model_name')}, ${a('ai.response.model')}, ${a('ai.model.id')})`,
    operation: `coalesce(${operationOf(op)}, CASE ${spanKind} WHEN 'EMBEDDING' THEN 'embeddings' END,
      CASE WHEN ${aiEmbed} THEN 'embeddings' WHEN ${aiDo('Generate')} OR ${aiDo('Stream')} THEN 'chat' END)`,
    // OpenLLMetry moved llm.is_streaming to gen_ai.is_streaming (0.62.3, a real capture).
    streamed: `coalesce(${a('gen_ai.request.stream')}, ${a('llm.is_streaming')}, ${a('gen_ai.is_streaming')}, ${a('gen_ai.request.is_stream')},
      CASE WHEN json_valid(${invocation}) THEN json_extract_string(${invocation}, '$.stream') END,
      CASE WHEN ${aiDo('Stream')} THEN 'true' WHEN ${aiDo('Generate')} THEN 'false' END)`,
    ttft_ms: `coalesce(CASE WHEN ${claudeCode} THEN ${a('ttft_ms')}
      WHEN ${a('ai.response.msToFirstChunk')} IS NOT NULL THEN ${a('ai.response.msToFirstChunk')}
      WHEN bt_double(${a('gen_ai.response.time_to_first_chunk')}) IS NULL THEN ${a('gen_ai.response.time_to_first_chunk')}
      ELSE round(bt_double(${a('gen_ai.response.time_to_first_chunk')}) * 1000, 3)::VARCHAR END,
      (${msBetween(start, firstTokenAt)})::VARCHAR)`,
    status: `CASE WHEN ${a('error.type')} IS NOT NULL OR ${s('status.code')} IN ('2', 'STATUS_CODE_ERROR') OR ${s('status_code')} = 'ERROR' THEN 'error' END`,
    finish_reason: finish,
    input_tokens: `CASE WHEN ${claudeCode} OR ${legacyOutside} OR ${dottedOutside} THEN ${input}
      ELSE ${uncached(input, `coalesce(${cacheRead}, ${legacyRead})`, `coalesce(${cacheWrite}, ${legacyWrite})`)} END`,
    cache_read_tokens: `coalesce(${cacheRead}, ${legacyRead})`,
    cache_write_unknown_tokens: `coalesce(${cacheWrite}, ${legacyWrite})`,
    input_tokens_reported: input,
    // Embeddings produce no output tokens; instrumentations often omit the attribute for them.
    output_tokens: `coalesce(${output}, CASE WHEN ${op} = 'embeddings' OR ${aiEmbed} THEN '0' END)`,
    // OpenLLMetry (0.62.3) spells the conventions' reasoning count gen_ai.usage.reasoning_tokens.
    reasoning_tokens: `coalesce(${a('gen_ai.usage.reasoning.output_tokens')}, ${a('gen_ai.usage.reasoning_tokens')}, ${a('llm.token_count.completion_details.reasoning')},
      ${a('ai.usage.reasoningTokens')}, ${usageObjectCount('reasoning_tokens')}, ${a('gen_ai.usage.details.reasoning_tokens')})`,
    // The instrumentation's own estimate (OpenLIT's gen_ai.usage.cost, Logfire's operation.cost, LiteLLM's gen_ai.cost.total_cost).
    reported_cost: cost,
    reported_cost_kind: `CASE WHEN ${cost} IS NOT NULL THEN 'estimated' END`,
    lane: `bt_lane(${tier})`,
    service_tier_raw: tier,
    // The Vercel AI SDK carries what the app passes as telemetry metadata (`experimental_telemetry: {metadata: {userId,
    // sessionId}}`, as Langfuse's integration asks) under `ai.telemetry.metadata.`.
    user_id: `coalesce(${a('user.id')}, ${a('enduser.id')}, ${a('ai.telemetry.metadata.userId')})`,
    session_id: `coalesce(${a('gen_ai.conversation.id')}, ${a('session.id')}, ${a('ai.telemetry.metadata.sessionId')})`,
    app: `(rattrs->>'$."service.name"')`,
    tags: `json_merge_patch(json_merge_patch(rattrs, attrs),
      json_merge_patch('{}', json_object('otel.span.name', ${s('name')}, 'otel.scope.name', scope_name)))`,
  };
  // The export request's levels are read in one parse of it (json_transform, each span kept as JSON), then unnested a
  // level at a time outside the projection that reads them (as pageRecords): a LATERAL subquery carried the whole
  // export request along every one of its spans, and a 68 MB file of the collector's file exporter (200 requests of
  // 512 spans) ran out of DuckDB's 9.6 GB; a `->` per level and check parsed each request nine times. A level that is
  // not a list (or an element that is not an object) comes out NULL and holds no rows, as before.
  const otlp = `WITH otel_resources AS (
      SELECT _line, _elem, generate_subscripts(items, 1) - 1 AS ri, unnest(items) AS rs
      FROM (SELECT _line, _elem, json_transform(j, ${otlpLevelsType}).resourceSpans AS items FROM ${ctx.src} WHERE json_type(j->'resourceSpans') = 'ARRAY')
    ), otel_scopes AS (
      SELECT _line, _elem, ri, rattrs, generate_subscripts(items, 1) - 1 AS si, unnest(items) AS ss
      FROM (SELECT _line, _elem, ri, ${attributesObject('rs.resource.attributes')} AS rattrs, rs.scopeSpans AS items FROM otel_resources)
    ), otel_spans AS (
      SELECT _line, _elem, ri, si, rattrs, scope_name, generate_subscripts(items, 1) - 1 AS pi, unnest(items) AS span
      FROM (SELECT _line, _elem, ri, si, rattrs, (ss.scope.name->>'$') AS scope_name, ss.spans AS items FROM otel_scopes)
    )
    SELECT _line, _elem || '/resourceSpans/' || ri || '/scopeSpans/' || si || '/spans/' || pi AS _path,
      span, rattrs, ${attributesObject("span->'$.attributes'")} AS attrs, scope_name
    FROM otel_spans`;
  const flatResource = `CASE WHEN json_type(j->'$.resource.attributes') IN ('ARRAY', 'OBJECT') THEN ${attributesObject("j->'$.resource.attributes'")}
    WHEN json_type(j->'resource') = 'OBJECT' THEN j->'resource' ELSE '{}'::JSON END`;
  const flat = `SELECT _line, _elem AS _path, j AS span, ${flatResource} AS rattrs, ${attributesObject("j->'attributes'")} AS attrs,
      coalesce(j->>'$.scope.name', j->>'$.instrumentationScope.name') AS scope_name
    FROM ${ctx.src} WHERE j IS NOT NULL AND coalesce(json_type(j->'resourceSpans'), '') <> 'ARRAY'`;
  return { columns, from: `(SELECT *, ${attributes.extract()} AS _a, ${span.extract()} AS _s FROM ((${otlp}) UNION ALL ${flat})) spans` };
}

/** Attribute name prefixes that carry a model call's usage: gen_ai semantic conventions, OpenInference's, the Vercel AI SDK's. */
const usagePrefixes = ['gen_ai.', 'llm.token_count.', 'ai.usage.'];

/** OTLP: attribute keys are values (`"key": "gen_ai.…"`); flattened: they are object keys under `attributes`. */
function detect(sample: Sample): boolean {
  // Asked only of spans: every JSON file is asked whether it is OTel, and the records' text cost 0.08 ms a file.
  const genAi = () =>
    [...sample.keys].some((k) => usagePrefixes.some((p) => k.startsWith(`attributes.${p}`))) ||
    usagePrefixes.some((p) => JSON.stringify(sample.records).includes(`"key":"${p}`));
  if (sample.keys.has('resourceSpans')) {
    // A large document: only key names were read.
    return sample.records.length === 0 ? sample.keys.has('scopeSpans') : genAi();
  }
  const ids = (camel: string, snake: string) => sample.keys.has(camel) || sample.keys.has(snake) || sample.keys.has(`context.${snake}`);
  return ids('spanId', 'span_id') && ids('traceId', 'trace_id') && genAi();
}

export const otelGenAiSpans = defineAdapter({
  id: 'otel-genai-spans',
  title: 'OpenTelemetry GenAI spans (OTLP JSON, or flattened spans as JSONL)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'OTLP resourceSpans with gen_ai.* (or OpenInference llm.token_count.*, or the Vercel AI SDK\'s ai.usage.*) attributes, or spans (traceId and spanId, trace_id and span_id, context.trace_id and context.span_id, or spanContext) with such attributes',
  detect,
  idsFromSource: true,
  // An agent's run (invoke_agent, invoke_workflow) sums its model calls' usage: the call when none below it is counted.
  nestedCalls: { rows: 'span', idsPerTrace: true, wrapperSkips: ['invoke_agent', 'invoke_workflow'].map((op) => `otel ${op}${agentSkipTail}`) },
  select: spansSelect,
});

export const otelAdapters = [otelGenAiSpans];
