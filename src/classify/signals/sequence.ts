// Sequence signals, as window functions over (key, ts) on narrow projections of _cls_calls (the row id, the
// key as a hash, the time), so that no window sorts the wide rows: chained calls inside one trace or session (agent
// loops), the think time between one end user's calls, and the gap to the previous call of the same
// workload (tight loops). Only per-call rows: gaps between aggregated buckets mean nothing.
// Serial runs, fan-out and launch shape are in runs.ts.
import { hasFlagSql } from './per-call.ts';

/** A call whose previous or next call in the same trace/session starts within this long of the other's end. */
export const chainGapMs = 2000;
/** A trace with more calls than this is a job run wrapped in one trace, not an agent serving someone. */
export const maxChainCalls = 50;
/** An id on at most this many calls of the data is one that names no person: a row's, a document's (once_share below; workload-name.ts: oneOffIdCallsSql). */
export const maxOnceIdCalls = 2;
/** Most calls of a workload carrying such ids (once_share at least this): its ids name no person (evidence.ts, the ids signal; runs.ts: visitorCallsSql). */
export const onceIdShare = 0.8;
/** A user's calls this far apart (s) are human think time; closer is a machine, further is another visit. */
export const thinkTimeSeconds = { min: 1, max: 1800 } as const;
/**
 * The end-users signal (evidence.ts) reads a median gap between one id's calls as a person's think time from this many
 * seconds (to thinkTimeSeconds.max): nobody reads an answer and asks again in a second or two, time after time. A
 * script looping over rows with its starter's id on every call, sleeping a second or two between calls, has a median
 * of about 1 s. On the tune orgs at seed 20261007 the analysts' serial loops had medians of 0.2-1.4 s, the quickest
 * people 3.7 s (telco-au's voice-bot turns) and 4.9 s (pacific-saas's autocomplete). devops-br (tune) varied: a
 * customer-success lead's loop over accounts, sleeping 0.2-1.8 s, was read as end users "with a median 1 s of think
 * time" and held blocking (95.5% right).
 */
export const minHumanThinkSeconds = 2;
/** A workload minute with at least this many calls (one every 3 s) is part of a tight loop. */
export const tightLoopCallsPerMinute = 20;
/**
 * The ids signal (evidence.ts) reads a workload's one-off ids as a job's rows when at least this share of its calls
 * come in minutes of tightLoopCallsPerMinute or more: the job's busy minutes, which is all that signal speaks for.
 */
export const idsTightShare = 0.5;

/**
 * One id's calls in one workload, each starting within thinkTimeSeconds.min of the last one's end, this many in a row:
 * a script looping over rows with its starter's id on every call, whatever the rest of its workload is. A person
 * reads an answer before asking again; an agent's steps come a few at a time (the eval family's coding agents: 2 to 6),
 * and a trace of more than maxChainCalls calls with no user id is a job's (chainKeysSql): the same length here. On the tune
 * orgs at seed 20261007 the loops carrying a person's id (data-company's analysts, claims-eu's reserve review,
 * newsroom-us's style check, devops-br's churn notes) ran 52 to 533 calls. Where a name holds people's calls beside
 * such a loop (a Langfuse window names no key: devops-br's churn notes under the on-call engineers' model, newsroom-us's
 * style check under the editors'), the workload stays blocking and the loop's calls are batchable (classify.ts: the
 * userLoop flag).
 */
export const minUserLoopCalls = maxChainCalls;
/**
 * A loop that backs off now and then (a 429, a retry) pauses for seconds between two of its calls; its pieces of
 * back-to-back calls either side of such a pause, up to this long, are one loop…
 */
export const maxLoopPauseSeconds = 60;
/**
 * …where each piece holds this many calls or more: an agent's steps come a few at a time (the eval family's: 2 to 6)
 * between a person's reads, so pieces this long are no person's, and no agent step's.
 */
export const minLoopPieceCalls = 10;
/**
 * A loop runs for minutes: from its first call's start to its last call's end at least this long, as a steady launch
 * does (runs.ts reads the same constant for its episodes' span). A person's bulk action (a page that sends 60 calls with their id at once and shows the answers) is
 * done in seconds, its calls overlapping: back to back by the gap, and someone waits on it.
 */
export const minLoopSpanMinutes = 5;
/**
 * The repeats under a second an id needs before its calls are looked at for loops (userStatsSql): a loop of
 * minUserLoopCalls calls in pieces of minLoopPieceCalls or more has at most one pause per piece, so at least this many.
 * Counted over the id's calls in every workload, in the end-users pass: a filter only, the loops are found per workload.
 */
const loopUserRepeats = minUserLoopCalls - Math.floor(minUserLoopCalls / minLoopPieceCalls);

const isCall = `NOT bucket`;

/**
 * How calls starting in the same instant are ordered, in every window and sort over _cls_calls: by call_key, the
 * call's place in its export (and the export's among the workspace's), which the data fixes. _cls_calls' row id is
 * no order: that table is written by two threads at once, so its row ids change from run to run.
 */
export const tieOrderSql = 'call_key';

/**
 * A user id or a trace/session id as the windows partition on it: a 64-bit hash, NULL for no id. The ids are
 * text; sorting 5M calls on them made the user-gap window a third slower and kept it on one thread (measured
 * at 5M calls, wide bench shape: 1.8 s of CPU on the text, 1.2 s on the hash), and writing them into
 * `_cls_calls` cost more than the hash. Two ids with the same hash would be taken as one person (or one
 * trace): at a million distinct ids the odds are about 1 in 30 million, the same bet the workload identities
 * already make (workload-name.ts, identityHashSql).
 */
export const keyHashSql = (id: string): string => `CASE WHEN ${id} IS NOT NULL THEN hash(${id}) END`;

/**
 * The traces and sessions that can hold an agent loop: 2 to maxChainCalls calls. Counted first (a GROUP BY on the
 * hash), so that the window below sorts only their calls: sessions of people and jobs are often longer (the wide
 * bench shape's 60,000 sessions average 55 calls, and its window then sorts nothing: 0.9 -> 0.07 s of CPU at 5M
 * calls); where most sessions are short the count costs 0.14 s more.
 * The same count finds the job runs wrapped in one trace (job_run): longer than maxChainCalls, and no call with a
 * user id; and the traces and sessions that hold one call and no user id (lone): LiteLLM gives every spend log a
 * session id, a fresh UUID when the request names none (its `_get_session_id_for_spend_log`), and tracers open a
 * trace per call, so an id that only the call itself carries says no more about who waits than no id does. The calls of both are
 * unattributed (workload-name.ts, idlessTraceCallSql): classify.ts writes _cls_calls again when there are any, so
 * that data without them (most) pays for no pass of its own. Lone traces are looked for only where a name can be
 * split (`splittable`: some identity's name is not a tag's): a tag names the whole workload, and LiteLLM's spend logs
 * of tagged calls then kept millions of one-call sessions and wrote the calls again for nothing (1.0-1.5 s at 5M).
 * idlessTraceCallSql tests the call's user too; the test here keeps people's one-call sessions out of the table, so
 * that they alone never cost that second pass.
 */
export const chainKeysSql = (splittable: boolean): string => `
  SELECT chain_key, count(*) > ${maxChainCalls} AS job_run, ${splittable ? 'count(*) = 1' : 'false'} AS lone FROM _cls_calls WHERE chain_key IS NOT NULL AND ${isCall}
  GROUP BY chain_key HAVING count(*) BETWEEN 2 AND ${maxChainCalls} OR ((count(*) > ${maxChainCalls}${splittable ? ' OR count(*) = 1' : ''}) AND count(user_key) = 0)`;

/** Row ids of the calls that are steps of a chained agent loop (in a trace or session of _cls_chain_keys). */
export const chainedRowsSql = `
  SELECT rid FROM (
    SELECT rowid AS rid,
      epoch_ms(ts) - lag(ended_us) OVER (PARTITION BY chain_key ORDER BY ts, ${tieOrderSql}) // 1000 AS gap_prev_ms,
      epoch_ms(lead(ts) OVER (PARTITION BY chain_key ORDER BY ts, ${tieOrderSql})) - ended_us // 1000 AS gap_next_ms
    FROM _cls_calls SEMI JOIN (SELECT chain_key FROM _cls_chain_keys WHERE NOT job_run AND NOT lone) USING (chain_key) WHERE ${isCall}
  )
  WHERE gap_prev_ms <= ${chainGapMs} OR gap_next_ms <= ${chainGapMs}`;

/**
 * Whether the current row's id is on at most maxOnceIdCalls calls: the count of its whole partition, read in the
 * window `win` (one id's calls in order) that already sorts the gaps, as a frame over all of it. Not a count(*) OVER
 * the id alone (a second window, so a second sort: 1.03-1.26 s for the statement at 3.3M calls with an id, wide
 * bench shape), nor its neighbours' lead()/lag() in this window (four more functions over the sorted rows: 1.01-1.08
 * s); the whole-frame count, 0.84-0.93 s in the same run, the same rows.
 */
const fewCallsSql = (win: string): string => `count(*) OVER (${win} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) <= ${maxOnceIdCalls}`;

/**
 * The windows break ties in start time (calls of one user or trace starting in the same instant: common in exports
 * that give whole seconds) by call_key, the call's place in its export (tieOrderSql). Not by _cls_calls' row id: that
 * table is written by two threads at once, in whatever order their chunks finish, so its row ids differ from one
 * run to the next (on the wide bench shape at 5M calls, their order stepped back against call_key order at 41
 * places, and was different on each of four runs), and a tie broken by them gave the next call a different gap from
 * the same data.
 *
 * End users, in one window pass over the calls with a user id: per call, seconds from the same user's previous
 * answer (the previous call's end) to this call's start, and whether that is human think time (a person reads
 * the answer first; a loop carrying one id starts the next call within ms), and how many calls the id has in all
 * (ids seen once or twice are rows, not people). The per-call rows are summed in the same statement, never
 * written: per workload (hr NULL) the calls, the median gap, the share of once-or-twice ids, the calls within
 * think time and the share of those under a second; per workload and clock hour, the requests after human think
 * time (the org's human hours count them); and per id with loopUserRepeats repeats or more under a second after its
 * last answer (workload and hour NULL, the id in loop_user), the ids userLoopCallsSql looks at. Writing the 3.3M
 * per-call rows (wide bench shape, 5M calls) and reading them three times cost 0.3 s of CPU more.
 */
export const userStatsSql = `
  WITH g AS MATERIALIZED (
    SELECT wid, user_key, epoch_ms(ts) // 3600000 AS hr, w, ${hasFlagSql('interactive')} AS interactive,
      (epoch_us(ts) - lag(ended_us) OVER id_calls) / 1e6 AS gap_s,
      ${fewCallsSql('id_calls')} AS once_id
    FROM _cls_calls WHERE user_key IS NOT NULL AND ${isCall}
    WINDOW id_calls AS (PARTITION BY user_key ORDER BY ts, ${tieOrderSql})
  )
  SELECT wid, NULL::BIGINT AS hr, count(*) AS calls, median(gap_s) AS user_gap_median_s,
    count(*) FILTER (WHERE once_id) / count(*) AS once_share,
    count(*) FILTER (WHERE gap_s < ${thinkTimeSeconds.max}) AS repeat_calls,
    count(*) FILTER (WHERE gap_s < ${thinkTimeSeconds.min}) / nullif(count(*) FILTER (WHERE gap_s < ${thinkTimeSeconds.max}), 0) AS machine_gap_share,
    NULL::HUGEINT AS human_requests, NULL::UBIGINT AS loop_user
  FROM g GROUP BY wid
  UNION ALL
  SELECT wid, hr, NULL, NULL, NULL, NULL, NULL, sum(w), NULL
  FROM g WHERE gap_s BETWEEN ${thinkTimeSeconds.min} AND ${thinkTimeSeconds.max} AND NOT interactive GROUP BY wid, hr
  UNION ALL
  -- The ids with enough machine-paced repeats to hold a loop (userLoopCallsSql), workload and hour NULL.
  SELECT NULL, NULL, count(*) FILTER (WHERE gap_s < ${thinkTimeSeconds.min}), NULL, NULL, NULL, NULL, NULL, user_key
  FROM g GROUP BY user_key HAVING count(*) FILTER (WHERE gap_s < ${thinkTimeSeconds.min}) >= ${loopUserRepeats}`;

/**
 * One id's repeat calls that start within thinkTimeSeconds.min of its last answer are a loop carrying that id (a
 * person cannot read that fast), when a workload has at least machineRepeatCalls such repeats, machineGapShare of
 * them machine-paced...
 */
export const machineRepeatCalls = 50;
export const machineGapShare = 0.9;
/**
 * ...and most of those machine-paced calls come in runs of at least machineRunCalls calls of the id back to back.
 * An agent's steps also follow each other within a second, with the person's id on them, but in short runs (a task
 * of a few steps, then the person reads): without a trace or session id to see the chain (an OpenRouter log has
 * none), the eval family's coding-agent sub-steps (2-6 steps) were labelled batchable on the gap alone, 1.0% of
 * agent-devtool's blocking spend as an OpenRouter export. A script looping over rows makes runs of hundreds.
 */
export const machineRunCalls = 20;

/** The workloads whose ids' repeat calls are machine-paced (from _cls_users): the only ones whose runs are measured. */
const machinePacedSql = `SELECT wid FROM _cls_users WHERE hr IS NULL AND repeat_calls >= ${machineRepeatCalls} AND machine_gap_share >= ${machineGapShare}`;

/**
 * Per machine-paced workload: the share of its machine-paced calls (gap under thinkTimeSeconds.min, as in
 * userStatsSql, over each id's calls in every workload) that lie in runs of machineRunCalls or more. A second
 * window pass, over the calls of those workloads' ids only: most exports have none, and then it reads nothing.
 */
export const userRunsSql = `
  WITH ids AS (SELECT DISTINCT user_key FROM _cls_calls WHERE wid IN (${machinePacedSql}) AND user_key IS NOT NULL AND ${isCall}),
  g AS (
    SELECT wid, user_key, ts, ${tieOrderSql} AS rid,
      (epoch_us(ts) - lag(ended_us) OVER (PARTITION BY user_key ORDER BY ts, ${tieOrderSql})) / 1e6 AS gap_s
    FROM _cls_calls WHERE user_key IN (SELECT user_key FROM ids) AND ${isCall}
  ),
  r AS (
    -- A run starts at an id's first call and at every call after a gap of a second or more.
    SELECT wid, user_key, gap_s,
      count(*) FILTER (WHERE gap_s IS NULL OR gap_s >= ${thinkTimeSeconds.min}) OVER (PARTITION BY user_key ORDER BY ts, rid ROWS UNBOUNDED PRECEDING) AS run
    FROM g
  ),
  runs AS (SELECT user_key, run, count(*) AS calls FROM r GROUP BY ALL)
  SELECT r.wid, count(*) FILTER (WHERE runs.calls >= ${machineRunCalls}) / count(*) AS machine_run_share, median(runs.calls) AS machine_run_median
  FROM r JOIN runs USING (user_key, run) WHERE r.gap_s < ${thinkTimeSeconds.min} AND r.wid IN (${machinePacedSql}) GROUP BY r.wid`;

/**
 * Row ids of the calls in such loops (minUserLoopCalls), over the ids _cls_users names in loop_user only (none in most
 * exports, and none in the bench shapes: nothing is sorted then), by workload and id: pieces of calls each starting
 * within thinkTimeSeconds.min of the last one's end (a piece begins at the first call and after every longer gap),
 * then pieces of minLoopPieceCalls or more chained across pauses of up to maxLoopPauseSeconds; a chain of
 * minUserLoopCalls calls or more, over minLoopSpanMinutes or more, is a loop. Calls in a trace or session of two or more are left out: an agent's steps
 * with a person behind them, however many (chainKeysSql counts such a trace as a job's only when no call in it has a
 * user id); a trace or session that only the call carries says nothing (a tracer's trace per call, LiteLLM's session).
 */
export const userLoopCallsSql = `
  WITH c AS (
    SELECT rowid AS rid, wid, user_key, ts, ${tieOrderSql} AS ord, ended_us, chain_key
    FROM _cls_calls WHERE user_key IN (SELECT loop_user FROM _cls_users WHERE loop_user IS NOT NULL) AND ${isCall}
  ), g AS (
    SELECT rid, wid, user_key, ts, ord, ended_us, epoch_us(ts) - lag(ended_us) OVER (PARTITION BY wid, user_key ORDER BY ts, ord) AS gap_us
    FROM c WHERE chain_key IS NULL OR chain_key NOT IN (SELECT chain_key FROM c WHERE chain_key IS NOT NULL GROUP BY chain_key HAVING count(*) > 1)
  ), p AS (
    SELECT rid, wid, user_key, ts, ended_us, gap_us,
      count(*) FILTER (WHERE gap_us IS NULL OR gap_us >= ${thinkTimeSeconds.min * 1_000_000}) OVER (PARTITION BY wid, user_key ORDER BY ts, ord ROWS UNBOUNDED PRECEDING) AS piece
    FROM g
  ), pieces AS (
    -- pause_us: the gap before the piece's first call (NULL for the first piece).
    SELECT wid, user_key, piece, count(*) AS n, max(gap_us) FILTER (WHERE gap_us >= ${thinkTimeSeconds.min * 1_000_000}) AS pause_us,
      min(epoch_us(ts)) AS t0, max(greatest(ended_us, epoch_us(ts))) AS t1
    FROM p GROUP BY ALL
  ), chained AS (
    SELECT wid, user_key, piece, n, t0, t1, count(*) FILTER (WHERE NOT links) OVER (PARTITION BY wid, user_key ORDER BY piece ROWS UNBOUNDED PRECEDING) AS chain
    FROM (
      SELECT *, n >= ${minLoopPieceCalls} AND coalesce(pause_us <= ${maxLoopPauseSeconds * 1_000_000}, false)
        AND coalesce(lag(n) OVER (PARTITION BY wid, user_key ORDER BY piece) >= ${minLoopPieceCalls}, false) AS links
      FROM pieces
    )
  ), loops AS (
    SELECT wid, user_key, chain FROM chained GROUP BY ALL HAVING sum(n) >= ${minUserLoopCalls} AND max(t1) - min(t0) >= ${minLoopSpanMinutes * 60_000_000}
  )
  SELECT p.rid FROM p JOIN chained USING (wid, user_key, piece) SEMI JOIN loops USING (wid, user_key, chain)`;
