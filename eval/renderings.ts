// The same calls as four real exports render them, with only the fields those exports carry: what the issue's
// own measurement used besides a generic CSV (an unseen org's month as LiteLLM SpendLogs JSONL and an OpenRouter
// CSV). Each drops something the batchable-csv rendering has, the way the real export does:
//   litellm     LiteLLM_SpendLogs rows (src/ingest/adapters/litellm.ts; fixtures/litellm/ for real samples): no
//               stream flag and no cancellations (a first-token time only where LiteLLM records one, strictly
//               before the end); the key as its SHA-256 with its alias in metadata; the project as the team; the
//               app's user as `end_user` and the key owner's internal id ('default_user_id') as `user`, as LiteLLM
//               stores them; trace and session both as the session id, and a fresh UUID as the session id of a call
//               that has neither (LiteLLM gives every spend log one); tags as `key:value` request tags.
//   openrouter  the OpenRouter per-generation log CSV (src/ingest/adapters/openrouter.ts; fixtures/openrouter/
//               generations.csv): streamed, cancelled and time to first token, a key name, an app name and a user,
//               and no project, session, trace or tags; the app name is the app, else the project.
//   helicone    Helicone request records as `helicone requests export` writes them, JSONL without bodies
//               (src/ingest/adapters/helicone.ts; fixtures/helicone/): a first-token time on streamed calls only
//               (Helicone measures it for streams alone), status -3 for a cancelled stream, the end user, the session
//               (or trace) as the Helicone-Session-Id property, the call's tags as properties, and no key or project:
//               Helicone records neither. A service's client sets its own Helicone-Property-* headers (Helicone's
//               onboarding and its users' code set App, Project, Environment, Feature): the rendering keeps the
//               call's app and project as `App` and `Project` properties, and nothing of its key (services that
//               share a project and a model share a name here; the behaviour signals and the unattributed split
//               must tell them apart).
//   langfuse    a Langfuse window as `batchable pull langfuse` writes it (src/pull/sources/langfuse.ts;
//               src/ingest/adapters/langfuse.ts): pages of GENERATION observations, then pages of their traces. The
//               observations carry no user, session, key or project of the org's (one project key pair reads one
//               project: `projectId` is the org's), the trace id of an agent run else a trace per call (as the SDK
//               integrations make one per call), completionStartTime and timeToFirstToken (seconds) on streamed calls
//               only, latency in seconds, the call's tags as metadata, and the name the SDK integrations give a
//               generation by default ('OpenAI-generation' for the OpenAI drop-in, 'ChatAnthropic' through
//               LangChain), unless a feature tag names it; the traces carry the user and the session.
// All read _org_calls (eval/family.ts) and keep each call's id, so the truth file of the batchable-csv rendering
// scores them.
import { join } from 'node:path';
import { sqlString, type EvalDb } from './db.ts';

export type Format = 'litellm' | 'openrouter' | 'helicone' | 'langfuse';
export const formats: readonly Format[] = ['litellm', 'openrouter', 'helicone', 'langfuse'];

/** ISO 8601 UTC with milliseconds, as both exports write times. */
const iso = (ts: string) => `strftime(${ts}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
/** The end of a call: its start plus its latency. */
const endOf = `(c.ts + to_milliseconds(CAST(round(coalesce(c.latency_ms, 0)) AS BIGINT)))`;
const promptTokens = `(coalesce(c.input_tokens, 0) + coalesce(c.cache_read_tokens, 0))`;
const vendor = `CASE WHEN starts_with(c.model, 'claude') THEN 'anthropic' ELSE 'openai' END`;

/** A UUID-shaped id made from `id` (an md5 in 8-4-4-4-12 groups). */
const uuidOf = (id: string) => `regexp_replace(md5(${id}), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\\1-\\2-\\3-\\4-\\5')`;

/** `{"feature": "x"}` -> `["feature:x"]`: LiteLLM's request tags are strings. */
const requestTags = `CASE WHEN c.tags IS NULL THEN []::VARCHAR[]
  ELSE list_transform(json_keys(c.tags::JSON), lambda k: k || ':' || json_extract_string(c.tags::JSON, '$."' || k || '"')) END`;

const selects: Record<Format, (usd: string) => string> = {
  litellm: (usd) => `
    SELECT c.call_id AS request_id, CASE c.operation WHEN 'embeddings' THEN 'aembedding' ELSE 'acompletion' END AS call_type,
      sha256(c.api_key) AS api_key, ${usd} AS spend, ${promptTokens} + coalesce(c.output_tokens, 0) AS total_tokens,
      ${promptTokens} AS prompt_tokens, coalesce(c.output_tokens, 0) AS completion_tokens,
      ${iso('c.ts')} AS "startTime", ${iso(endOf)} AS "endTime",
      -- LiteLLM sets completionStartTime to endTime for a call it did not stream.
      ${iso(`CASE WHEN c.ttft_ms > 0 THEN c.ts + to_milliseconds(CAST(round(c.ttft_ms) AS BIGINT)) ELSE ${endOf} END`)} AS "completionStartTime",
      CAST(round(coalesce(c.latency_ms, 0)) AS BIGINT) AS request_duration_ms, c.model, c.model AS model_group, ${vendor} AS custom_llm_provider,
      'default_user_id' AS "user", c.user_id AS end_user,
      {'user_api_key_alias': c.api_key_name, 'user_api_key_team_id': c.project,
       'additional_usage_values': {'prompt_tokens_details': {'cached_tokens': coalesce(c.cache_read_tokens, 0)}}} AS metadata,
      ${requestTags} AS request_tags, c.project AS team_id,
      -- LiteLLM gives every spend log a session id: the request's trace id, else a fresh UUID of its own
      -- (_get_session_id_for_spend_log in its proxy's spend tracking). A UUID from the call's id: the same seed writes the same bytes.
      coalesce(c.session_id, c.trace_id, ${uuidOf('c.call_id')}) AS session_id, 'success' AS status`,
  openrouter: (usd) => `
    SELECT c.call_id AS generation_id, ${iso('c.ts')} AS created_at, ${vendor} || '/' || c.model AS model_permaslug,
      CASE WHEN starts_with(c.model, 'claude') THEN 'Anthropic' ELSE 'OpenAI' END AS provider_name,
      coalesce(c.api_key_name, c.api_key) AS api_key_name, coalesce(c.app, c.project) AS app_name,
      ${promptTokens} AS tokens_prompt, coalesce(c.output_tokens, 0) AS tokens_completion, 0 AS tokens_reasoning,
      coalesce(c.cache_read_tokens, 0) AS tokens_cached, ${usd} AS cost_total, 0 AS cost_cache, 0 AS cost_web_search, 0 AS cost_file_processing,
      CAST(round(coalesce(c.latency_ms, 0)) AS BIGINT) AS generation_time_ms, 'stop' AS finish_reason_normalized,
      coalesce(c.streamed, false) AS streamed, coalesce(c.cancelled, false) AS cancelled, 0 AS num_search_results, c.user_id AS "user",
      CASE WHEN c.ttft_ms > 0 THEN CAST(round(c.ttft_ms) AS BIGINT) END AS time_to_first_token_ms`,
  helicone: (usd) => `
    SELECT c.call_id AS request_id, c.call_id || '-r' AS response_id, ${iso('c.ts')} AS request_created_at, ${iso(endOf)} AS response_created_at,
      CASE WHEN coalesce(c.cancelled, false) AND coalesce(c.streamed, false) THEN -3 ELSE 200 END AS response_status,
      CAST(round(coalesce(c.latency_ms, 0)) AS BIGINT) AS delay_ms,
      CASE WHEN coalesce(c.streamed, false) OR c.ttft_ms > 0 THEN CAST(round(coalesce(c.ttft_ms, c.latency_ms, 0)) AS BIGINT) END AS time_to_first_token,
      coalesce(c.input_tokens, 0) + coalesce(c.cache_read_tokens, 0) + coalesce(c.output_tokens, 0) AS total_tokens,
      coalesce(c.input_tokens, 0) AS prompt_tokens, coalesce(c.cache_read_tokens, 0) AS prompt_cache_read_tokens, 0 AS prompt_cache_write_tokens,
      coalesce(c.output_tokens, 0) AS completion_tokens, 0 AS reasoning_tokens, c.model, c.model AS request_model, c.model AS response_model,
      upper(${vendor}) AS provider, c.user_id AS request_user_id,
      json_merge_patch(coalesce(c.tags::JSON, '{}'::JSON), json_object('App', c.app, 'Project', c.project,
        'Helicone-Session-Id', coalesce(c.session_id, c.trace_id))) AS properties,
      CASE WHEN c.operation = 'embeddings' THEN 'https://api.openai.com/v1/embeddings'
        WHEN starts_with(c.model, 'claude') THEN 'https://api.anthropic.com/v1/messages' ELSE 'https://api.openai.com/v1/chat/completions' END AS target_url,
      '00000000-0000-0000-0000-000000000000' AS cache_reference_id, false AS cache_enabled, ${usd} AS cost`,
  langfuse: (usd) => `
    SELECT c.call_id AS id, coalesce(c.trace_id, 'tr-' || c.call_id) AS "traceId", CASE WHEN c.operation = 'embeddings' THEN 'EMBEDDING' ELSE 'GENERATION' END AS type,
      coalesce(json_extract_string(c.tags::JSON, '$.feature'), CASE WHEN starts_with(c.model, 'claude') THEN 'ChatAnthropic' ELSE 'OpenAI-generation' END) AS name,
      ${iso('c.ts')} AS "startTime", ${iso(endOf)} AS "endTime",
      CASE WHEN coalesce(c.streamed, false) OR c.ttft_ms > 0 THEN ${iso(`c.ts + to_milliseconds(CAST(round(coalesce(c.ttft_ms, c.latency_ms, 0)) AS BIGINT))`)} END AS "completionStartTime",
      c.model, NULL AS "parentObservationId",
      {'input': coalesce(c.input_tokens, 0), 'output': coalesce(c.output_tokens, 0), 'cache_read_input_tokens': coalesce(c.cache_read_tokens, 0)} AS "usageDetails",
      {'total': ${usd}} AS "costDetails", round(coalesce(c.latency_ms, 0) / 1000.0, 3) AS latency,
      CASE WHEN coalesce(c.streamed, false) OR c.ttft_ms > 0 THEN round(coalesce(c.ttft_ms, c.latency_ms, 0) / 1000.0, 3) END AS "timeToFirstToken",
      coalesce(c.tags::JSON, '{}'::JSON) AS metadata, 'DEFAULT' AS level, 'production' AS environment, 'proj-langfuse' AS "projectId"`,
};

const extension: Record<Format, string> = { litellm: 'jsonl', openrouter: 'csv', helicone: 'jsonl', langfuse: 'jsonl' };

/**
 * Writes _org_calls as `format` into `dir`: `<name>.jsonl` (LiteLLM, one SpendLogs row per line; Helicone, one
 * request record per line) or `<name>.csv` (OpenRouter). `usd` is the call's spend over `c` (the eval's price table joined as `p`), reported as the export's cost.
 */
export async function writeRendering(db: EvalDb, format: Format, dir: string, name: string, usd: string, prices: string): Promise<string> {
  const file = join(dir, `${name}.${extension[format]}`);
  const rows = `${selects[format](usd)} FROM _org_calls c JOIN ${prices} USING (model)`;
  if (format === 'langfuse') {
    // As `pull langfuse` writes a window: pages of observations, then pages of the traces they belong to (one per trace
    // id: the agent run's, else the call's own), each trace with its user, session and a generic name.
    // Pages in order (a GROUP BY returns its groups in any order), and each trace's fields by min, not any_value
    // (which takes whichever row a thread met first): the same seed writes the same bytes.
    await db.run(`COPY (
      SELECT data FROM (
        SELECT 0 AS part, page, to_json(list(o ORDER BY o."startTime", o.id)) AS data FROM (SELECT r AS o, (row_number() OVER (ORDER BY r."startTime", r.id) - 1) // 1000 AS page
          FROM (${rows}) r) GROUP BY page
        UNION ALL
        SELECT 1 AS part, page, to_json(list(t ORDER BY t.timestamp, t.id)) AS data FROM (SELECT t, (row_number() OVER (ORDER BY t.timestamp, t.id) - 1) // 1000 AS page FROM (
          SELECT {'id': coalesce(c.trace_id, 'tr-' || c.call_id), 'timestamp': ${iso('min(c.ts)')}, 'name': min(CASE WHEN starts_with(c.model, 'claude') THEN 'ChatAnthropic' ELSE 'OpenAI-generation' END),
            'userId': min(c.user_id), 'sessionId': min(c.session_id), 'tags': []::VARCHAR[], 'observations': list(c.call_id ORDER BY c.ts, c.call_id)} AS t
          FROM _org_calls c GROUP BY coalesce(c.trace_id, 'tr-' || c.call_id))) GROUP BY page)
      ORDER BY part, page
    ) TO ${sqlString(file)} (FORMAT JSON)`);
    return file;
  }
  const options = extension[format] === 'jsonl' ? 'FORMAT JSON' : 'FORMAT CSV, HEADER true';
  await db.run(`COPY (${rows} ORDER BY c.ts, c.call_id) TO ${sqlString(file)} (${options})`);
  return file;
}
