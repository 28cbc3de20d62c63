// LangSmith runs: what `Client.list_runs(...)` returns, saved as JSONL or a JSON array (`run.json()` per line, or
// `json.dump([r.dict() for r in runs])`), and the pages of `POST /api/v1/runs/query` (`{runs: [...], cursors}`).
// Fields from the SDK's `Run` schema (langchain-ai/langsmith-sdk, python/langsmith/schemas.py). A run is a span:
// only `llm` and `embedding` runs are model calls; chain, tool, retriever, prompt and parser runs are skipped.
//
// Tokens as LangChain's usage metadata counts them: `prompt_tokens` INCLUDES the cache reads and writes that
// `prompt_token_details` breaks out (`cache_read`, `cache_creation`), so they are subtracted; `completion_tokens`
// includes reasoning. The model is the one LangChain records in the run's metadata (`ls_model_name`), else the
// invocation parameters'. `session_id` is LangSmith's PROJECT (a tracer session), not a user's session: the
// conversation is the metadata's `thread_id` / `session_id` / `conversation_id`, as LangSmith's threads read it.
import { defineAdapter, hasAll, hasAny, type AdapterContext, type AdapterSelect } from '../adapter.ts';
import { jsonFields, pageRecords, recordFieldsSql, uncached } from './sql-helpers.ts';

const callTypes = "('llm', 'embedding')";

/** Metadata keys that vary per call (LangChain's ls_* run settings, the run depth) or are read into columns of their own: not tags. */
const perCallMetadata = ['thread_id', 'session_id', 'conversation_id', 'user_id', 'user', 'revision_id', 'ls_provider', 'ls_model_name',
  'ls_model_type', 'ls_temperature', 'ls_max_tokens', 'ls_stop', 'ls_run_depth', 'ls_method'];

/** LangChain's name for a model run when the code gave none: the model's class (ChatOpenAI, OpenAIEmbeddings…). */
const modelClassName = (name: string) =>
  `regexp_full_match(coalesce(${name}, ''), '(Azure)?Chat[A-Z][A-Za-z]*|[A-Za-z]*(Embeddings|LLM)|(openai|anthropic)[._-]?[a-z._-]*')`;

function runsSelect(ctx: AdapterContext): AdapterSelect {
  const run = jsonFields('j', '_r');
  const f = run.field;
  const type = `lower(${f('run_type')})`;
  const meta = (key: string) => f(`extra.metadata.${key}`);
  const model = `coalesce(${meta('ls_model_name')}, ${f('extra.invocation_params.model')}, ${f('extra.invocation_params.model_name')}, ${f('extra.invocation_params.model_id')})`;
  const cacheRead = f('prompt_token_details.cache_read');
  const cacheWrite = f('prompt_token_details.cache_creation');
  const start = f('start_time');
  const firstToken = f('first_token_time');
  const columns = {
    _line: '_line',
    _path: '_path',
    // A chain or agent run carries the sum of its model runs' tokens (LangSmith rolls them up): counting it too would
    // count them twice, and a file of root runs alone holds none of the calls, which its skip says.
    _skip: `CASE WHEN coalesce(${type}, '') NOT IN ${callTypes} THEN 'langsmith ' || coalesce(${f('run_type')}, 'untyped') || ' run: ' ||
      CASE WHEN coalesce(bt_int(${f('total_tokens')}), 0) > 0
        THEN 'its ' || ${f('total_tokens')} || ' tokens are its model runs'', counted on those runs (a file of root runs alone holds no call: export the llm runs too)'
        ELSE 'no model usage' END END`,
    call_id: f('id'),
    // A run inside a chain or an agent keeps its trace (its siblings are the chain's steps); a model call traced alone
    // is its own trace's root, and its trace links nothing.
    trace_id: `CASE WHEN ${f('parent_run_id')} IS NOT NULL THEN ${f('trace_id')} END`,
    parent_id: f('parent_run_id'),
    ts: start,
    ended_at: f('end_time'),
    ttft_ms: `(date_diff('microsecond', bt_ts(${start}), bt_ts(${firstToken})) / 1000.0)::VARCHAR`,
    // LangSmith records a first token time for streamed runs only.
    streamed: `CASE WHEN ${firstToken} IS NOT NULL THEN 'true' END`,
    status: `CASE WHEN lower(${f('status')}) = 'error' OR ${f('error')} IS NOT NULL THEN 'error' END`,
    provider: meta('ls_provider'),
    model,
    operation: `CASE WHEN ${type} = 'embedding' OR lower(${meta('ls_model_type')}) = 'embedding' THEN 'embeddings' END`,
    input_tokens: uncached(f('prompt_tokens'), cacheRead, cacheWrite),
    cache_read_tokens: cacheRead,
    cache_write_unknown_tokens: cacheWrite,
    input_tokens_reported: f('prompt_tokens'),
    output_tokens: `coalesce(${f('completion_tokens')}, CASE WHEN ${type} = 'embedding' THEN '0' END)`,
    reasoning_tokens: f('completion_token_details.reasoning'),
    reported_cost: f('total_cost'),
    reported_cost_kind: `CASE WHEN ${f('total_cost')} IS NOT NULL THEN 'estimated' END`,
    user_id: `coalesce(${meta('user_id')}, ${meta('user')})`,
    session_id: `coalesce(${meta('thread_id')}, ${meta('session_id')}, ${meta('conversation_id')})`,
    project: f('session_id'),
    // The run's name names the work unless it is LangChain's class name for the model (ChatOpenAI, ChatAnthropic…),
    // kept then as `run_name`. The metadata is the caller's (job, feature…) less what varies per call or names no work:
    // LangChain's ls_* keys (temperature, max tokens), and the user and thread read above. They name no workload, but
    // every distinct set of tags is an identity the labelling groups and names (a conversation's thread id, one each).
    tags: `json_merge_patch(json_merge_patch(CASE WHEN json_type(j, '$.extra.metadata') = 'OBJECT' THEN j->'extra'->'metadata' ELSE '{}'::JSON END,
        json_object(${perCallMetadata.map((k) => `'${k}', NULL`).join(', ')})),
      json_merge_patch('{}', json_object('name', CASE WHEN NOT ${modelClassName(f('name'))} THEN ${f('name')} END,
        'run_name', CASE WHEN ${modelClassName(f('name'))} THEN ${f('name')} END, 'tags', j->'tags')))`,
  };
  // Long runs are cut to the fields read (recordFieldsSql): a run's inputs and outputs hold whole prompts and
  // completions, and each field read parsed them again.
  return { columns, from: `(SELECT _line, _path, rec AS j, ${run.extract()} AS _r FROM ${recordFieldsSql(pageRecords(ctx.src, 'runs'), recordFields)}) runs` };
}

/**
 * Every top-level field of a run the select reads (test/ingest/langsmith.test.ts checks the select against it), and a
 * page's `runs`, read before its runs are cut.
 */
const recordFields = ['runs', 'id', 'name', 'run_type', 'start_time', 'end_time', 'first_token_time', 'extra', 'error', 'status', 'parent_run_id',
  'trace_id', 'session_id', 'tags', 'prompt_tokens', 'completion_tokens', 'total_tokens', 'prompt_token_details', 'completion_token_details', 'total_cost'];

export const langsmithRuns = defineAdapter({
  id: 'langsmith-runs',
  title: 'LangSmith runs (Client.list_runs saved as JSONL or a JSON array, or /runs/query pages)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'keys include run_type and start_time, and trace_id, dotted_order or parent_run_id (also under runs.)',
  detect: (sample) =>
    (hasAll(sample, ['run_type', 'start_time']) && hasAny(sample, ['trace_id', 'dotted_order', 'parent_run_id'])) ||
    (hasAll(sample, ['runs.run_type', 'runs.start_time']) && hasAny(sample, ['runs.trace_id', 'runs.dotted_order'])),
  idsFromSource: true,
  nestedCalls: { rows: 'run', idsPerTrace: false },
  recordFields,
  select: runsSelect,
});

export const langsmithAdapters = [langsmithRuns];
