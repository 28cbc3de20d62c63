// Workload names: an explicit tag when the source has one, else the most specific grouping it allows.
// Computed once per distinct identity (tags, key, project, app, model, operation), not per row: exports
// repeat a handful of identities millions of times.
import { sqlString } from '../../db/sql.ts';
import { backgroundHintSql, interactiveHintSql, nameTextSql } from './names.ts';
import { cancelledSql, hasFlagSql, streamedSql } from './per-call.ts';
import { keyHashSql, maxOnceIdCalls } from './sequence.ts';

/** Tag keys that name a workload, most explicit first. `ai.telemetry.functionId`: the name a Vercel AI SDK app gives a
 * function's calls ("to group telemetry data by function", its telemetry docs), a span attribute its spans carry. */
export const workloadTagKeys = ['workload', 'feature', 'job', 'job_name', 'task', 'pipeline', 'use_case', 'ai.telemetry.functionId', 'name', 'component'] as const;

/**
 * The first of workloadTagKeys with a value that is not blank. One json_extract_string of all the paths (a list, in
 * their order) parses the tags once, where a coalesce of one extract per key parsed them ten times (with the
 * numbering below, the wide bench shape's identities 0.87-0.93 -> 0.78-0.85 s at 5M calls, 96,000 names).
 */
export const explicitWorkloadSql = `list_filter(list_transform(json_extract_string(tags, [${workloadTagKeys
  .map((k) => sqlString(`$."${k}"`))
  .join(', ')}]), lambda v: nullif(trim(v), '')), lambda v: v IS NOT NULL)[1]`;

/**
 * The workload of an identity's unattributed calls (no user, no trace or session id, no stream) when its name
 * also has attributed ones: `<name> · no user or trace`. A script on people's key sends none of the ids the
 * product's own calls carry, so it is judged apart, and a job riding on an agent's or a helpdesk's key is not
 * labelled with the people's evidence; people's calls lose nothing, since the evidence that they wait
 * (streams, chains, think time) is on the calls that carry it. Calls only (a usage bucket carries no ids), and
 * not for names given by a tag (the user named the workload). classify.ts gives an unattributed call this
 * workload, and keeps the plain name when the name has no attributed call at all.
 */
export const unattributedSuffix = ' · no user or trace';

/**
 * The workload of the calls that do not stream under a name no API key or tag gave, when most of the name's other calls
 * stream (more than maxStreamedShareForRuns: signals/runs.ts): `<name> · not streamed`. A Langfuse window or a Helicone
 * export records no key, so every service on a model shares one name: a job on the model a streamed editor uses (a
 * cron writing each client's report, carrying the client's id) was labelled blocking with the editor's streams, and
 * the run signals, which skip mostly streamed workloads, never looked at it. Judged apart, its calls are judged on their
 * own runs and launches; the people's streamed calls lose nothing (the evidence that they wait is on them), and
 * people's calls that do not stream, judged with the job's, are held blocking off its runs (_cls_shareable, _cls_mixed
 * in classify.ts) or by their own think time. Under a key nothing is split so: its streams are read with its calls.
 */
export const unstreamedSuffix = ' · not streamed';

/**
 * A call that neither streams nor was cancelled (the per-call flags' own tests: per-call.ts), and is not a usage bucket:
 * unstreamedSuffix's. Over the calls' columns unqualified (classify.ts reads them beside _cls_idents, which has none).
 */
export const unstreamedSql = `(NOT (${streamedSql} OR ${cancelledSql}) AND NOT coalesce(granularity = 'bucket', false))`;

/** A call with no user, no trace or session id, that does not stream (columns of `t`, a table alias). */
export const unattributedSql = (t: string): string =>
  `(${t}.user_id IS NULL AND ${t}.trace_id IS NULL AND ${t}.session_id IS NULL AND NOT coalesce(${t}.streamed, false)
    AND NOT coalesce(${t}.ttft_ms > 0, false) AND NOT coalesce(${t}.granularity = 'bucket', false))`;

/**
 * A call whose trace or session id says nothing of a person (`_cls_chain_keys` where job_run: a job's run wrapped in
 * one trace, more than maxChainCalls calls and none with a user id; or lone: the call alone in its trace, with no
 * user id; signals/sequence.ts), that does not stream (columns of `t`): unattributed too. A pipeline traced one
 * trace per run (a Langfuse `@observe` around a loop) sends an id that no person is behind, and so does a tracer
 * that opens a trace for every call.
 */
export const idlessTraceCallSql = (t: string): string =>
  `(${t}.user_id IS NULL AND NOT coalesce(${t}.streamed, false) AND NOT coalesce(${t}.ttft_ms > 0, false)
    AND ${keyHashSql(`coalesce(${t}.trace_id, ${t}.session_id)`)} IN (SELECT chain_key FROM _cls_chain_keys WHERE job_run OR lone))`;

/**
 * The calls (call_key, from _cls_calls and _cls_idents) whose user id names no person, in names no API key gave: an id
 * seen on at most maxOnceIdCalls calls (sequence.ts), on a call that does not stream and is alone in its trace or session (or has
 * none). A job that carries a document, customer or recipient id per call (a due-diligence run over a data room)
 * sends ids that only its own calls carry, as a tracer's trace per call is (idlessTraceCallSql): they say no more
 * about who waits than no id. Only in names no key gave (a Langfuse window records none): there every service on a
 * model shares one name, and such ids are the only sign of another client; a key's calls are read together. The calls are
 * unattributed (classify.ts writes _cls_calls again when there are any), so the job is judged on its own runs, not with
 * the people who share its model; people's calls keep their evidence (think time is on the ids that come back).
 * Found on legal-apac as a Langfuse window (a tune org since): 6 workers' diligence run on the model partners ask
 * questions on, 28.2% of the org's spend labelled right.
 */
export const oneOffIdCallsSql = `
  WITH users AS (
    SELECT user_key FROM _cls_calls WHERE user_key IS NOT NULL AND NOT bucket GROUP BY user_key HAVING count(*) <= ${maxOnceIdCalls}
  ), shared_chains AS (
    SELECT chain_key FROM _cls_calls WHERE chain_key IS NOT NULL AND NOT bucket GROUP BY chain_key HAVING count(*) > 1
  )
  SELECT c.call_key FROM _cls_calls c SEMI JOIN users USING (user_key) ANTI JOIN shared_chains USING (chain_key)
  WHERE NOT c.bucket AND NOT ${hasFlagSql('streamed', 'c')}
    AND c.nid IN (SELECT nid FROM _cls_idents WHERE key_id IS NULL AND split_workload IS NOT NULL)`;

/** A call of oneOffIdCallsSql (written to _cls_oneoff), by its columns `t`. */
export const oneOffIdCallSql = (t: string): string => `${t}.call_key IN (SELECT call_key FROM _cls_oneoff)`;

/** One 64-bit hash per identity; NULLs hash too, so it is a join key without IS NOT DISTINCT FROM. */
export const identityHashSql = (alias: string): string =>
  `hash(${['tags::VARCHAR', 'api_key_name', 'api_key', 'project', 'app', 'model', 'operation'].map((c) => `${alias}.${c}`).join(', ')})`;

/** One 64-bit hash per distinct name (what names and name words are read from), as identityHashSql. */
const nameKeySql = (prefix: string): string => `hash(${['tags::VARCHAR', 'api_key_name', 'api_key', 'project', 'app'].map((c) => `${prefix}${c}`).join(', ')})`;

/** The name from the grouping (project, plus the key when the project holds several keys, model, operation). */
const groupingNameSql = `concat_ws(' · ',
      i.project,
      CASE WHEN i.project IS NULL OR k.keys_in_project > 1 THEN coalesce(i.api_key_name, i.api_key, CASE WHEN i.project IS NULL THEN i.app END) END,
      i.model,
      i.operation)`;

/**
 * Per identity: its name's number (nid: calls carry it, and are counted per name, not per identity), the name
 * without rules (`proj_jobs · gpt-5.4 · chat`: project, plus the key when the project holds several keys, model,
 * operation), the name of its unattributed calls' workload (none for tag names), the background / interactive
 * words its names carry, and whether its operation is embeddings.
 * The explicit name and the words depend on the tags, key, project and app only, so they are computed once per
 * distinct name (`names`), not once per identity (model and operation multiply them); the keys per project are a
 * GROUP BY joined back, not a count(DISTINCT) window. Wide bench shape at 5M calls (480,000 identities, 96,000
 * names): 2.3 s -> 1.2 s; same rows. Each identity's columns are read from its first call (grouping on the hash
 * alone, then a join on call_key), not carried through the grouping as seven any_value()s: 1.0 -> 0.8 s of CPU.
 */
export const identitiesSql = `
  WITH firsts AS (
    SELECT ${identityHashSql('c')} AS ident, min(c.call_key) AS call_key FROM calls c GROUP BY ident
  ), ids AS (
    SELECT f.ident, c.tags, c.api_key_name, c.api_key, c.project, c.app, c.model, c.operation FROM calls c JOIN firsts f USING (call_key)
  ), keys AS (
    SELECT project, count(DISTINCT coalesce(api_key_name, api_key)) AS keys_in_project FROM ids GROUP BY project
  ), named AS MATERIALIZED (
    SELECT ${nameKeySql('')} AS name_key, ${explicitWorkloadSql} AS explicit_workload,
      ${backgroundHintSql(nameTextSql)} AS bg_word,
      ${interactiveHintSql(nameTextSql)} AS fg_word
    FROM (SELECT DISTINCT tags, api_key_name, api_key, project, app FROM ids)
  ), names AS (
    -- Numbered after the names are read, not in the same step: row_number() OVER () runs on one thread, and so did
    -- the JSON and the word searches of the pipeline it ended.
    SELECT *, row_number() OVER ()::INTEGER AS nid FROM named
  )
  SELECT i.ident, n.nid,
    coalesce(n.explicit_workload, ${groupingNameSql}, 'unnamed') AS auto_workload,
    CASE WHEN n.explicit_workload IS NULL THEN ${groupingNameSql} || '${unattributedSuffix}' END AS split_workload,
    n.bg_word,
    n.fg_word,
    coalesce(i.api_key_name, i.api_key) AS key_id,
    -- The operation is part of the identity: compared once here, it rides through the calls' join as a boolean
    -- (two string comparisons per call cost 0.07 s of _cls_calls's 0.9 s at 5M calls, wide bench shape).
    coalesce(i.operation = 'embeddings', false) AS embedding,
    CASE WHEN n.explicit_workload IS NULL AND coalesce(i.api_key_name, i.api_key) IS NULL THEN ${groupingNameSql} || '${unstreamedSuffix}' END AS unstreamed_workload
  FROM ids i JOIN keys k ON k.project IS NOT DISTINCT FROM i.project
    JOIN names n ON n.name_key = ${nameKeySql('i.')}`;
