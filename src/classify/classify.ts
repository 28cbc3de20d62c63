// classifyCalls: the whole `calls` table -> labels, in SQL stages, no per-row JS. Scratch stages are temp tables
// (`_cls_…`); what later commands read is kept in the workspace (label_…, and the `labels` view), so that an
// unchanged workspace is not labelled again (src/app/analysis-cache.ts).
//   _cls_idents     per distinct identity (tags, key, project, app, model, operation): default name, name words, key
//   _cls_names      workload names, numbered
//   _cls_calls      per call: workload id (tag, rule or grouping; unattributed calls apart), the rule that matched (when there are
//                   rules), per-call evidence (its yes/no facts as bits of one `flags` column: signals/per-call.ts, callFlags), and
//                   the user and the trace/session as 64-bit hashes (signals/sequence.ts: keyHashSql)
//   _cls_chain_keys, _cls_chained   the traces/sessions of 2-50 calls (and those no person is behind); a window over their calls (trace/session, ts): the chained ones.
//                   Also the job runs in one trace (over 50 calls, no user): when there are any, _cls_calls is written again
//                   with their calls unattributed
//   _cls_oneoff     in names no API key gave: the calls whose user id names no person (seen on at most two calls, alone in
//                   their trace); unattributed too, in the same second write
//   _cls_users      window function over (user, ts), summed per workload and per workload and hour
//   _cls_user_runs  where one id's repeat calls are machine-paced: how many come in long runs (a loop) or short (an agent's steps);
//                   the calls of one id's loops of 50+ within one workload get the userLoop flag (batchable where the workload is not)
//   _cls_hourly, _cls_loops   one aggregation pass: per workload and hour (minutes summed inside), tight-loop share
//                   (many sparse workloads: the hours alone, then the minutes of busy blocks for the loop share)
//   _cls_b2b, _cls_runs   per start: in-flight count, back to back or not (starts and ends each written sorted, then
//                   ASOF joins); per workload: serial runs, fan-out, launch shape (signals/runs.ts; the calls in stretches
//                   too short for any run's shape, found by one window over sparse workloads' calls, are set apart
//                   first and only count off the runs; runs and episodes are named only where an episode holds two
//                   calls or more; workloads people stream on or come back to are read only in their job hours, their
//                   quiet calls, for the inRun flag below, never for their own statistics: _cls_b2b_inner, _cls_b2b_quiet)
//   _cls_minute_bursts   per workload with usage rows of a minute: a poller's recurring bursts (signals/minute-buckets.ts)
//   _cls_daily      per workload and day: requests (signals/days.ts: irregular and lumpy days; the token mix reads usage buckets' tokens)
//   _cls_unnamed    the workloads whose name no API key or tag gave (none when every call has a key)
//   _cls_shareable  the workloads whose name no tag gave (a key's or the grouping's): another client may share it
//   _cls_mixed      of those, the ones labelled batchable by their runs with many calls off them, or with people's
//                   think time among their runs (\`people\`; signals/runs.ts: mixedRunShare, peopleMixedRunShare,
//                   offRunStartsSql); their off-run calls get the offRun flag (outcome flag 7: held blocking)
//   _cls_org_slots  the org's human hours, learned from clearly interactive calls
//   label_workloads per workload: signal shares, time shape, evidence list and the heuristic decision (kept for explain)
//   _cls_outcomes   one decision per (workload, rule, per-call evidence, lane)
//   _cls_job_within the workloads labelled blocking that hold a job's loop runs: those runs' calls (_cls_in_run) get the inRun flag
//                   (outcome flag 8: batchable)
//   label_keys      per call: its outcome (lane > rule > strong per-call evidence > one id's loop > off a mixed workload's runs > in a job's
//                   loop run > the workload's decision)
//   label_outcomes  per outcome: workload, label, confidence, reasons; `labels` is the view joining both
import { forgetStage } from '../db/analysis-state.ts';
import { labelOutcomesColumns } from '../db/analysis-tables.ts';
import { hasRows } from '../db/has-rows.ts';
import type { Workspace } from '../db/workspace.ts';
import { callsFreeSql, callsWaitSql, decisionSql, evidenceListSql, freeCombinedSql, reasonsSql, waitMaxSql } from './evidence.ts';
import { compileRules, ruleOutcomes, type CompiledRules } from './rules/compile.ts';
import type { Rules } from './rules/schema.ts';
import { callFlags, cancelledSql, discountedLaneSql, hasFlagSql, inputPerRequestSql, packFlagsSql, priorityLaneSql, streamedSql, weightSql } from './signals/per-call.ts';
import { dailySql, dayShapeSql, onOffHoursSql } from './signals/days.ts';
import { offScheduleHoursSql } from './signals/off-schedule.ts';
import { backToBackUs, dropBackToBack, humanRepeatCallsSql, jobRunCallsSql, machineRunRequestsSql, maxStreamedShareForRuns, minLoopCalls, mixedOffRunShare, mixedRunShare, offRunStartsSql, oneOffOffRunShare, peopleMixedRunShare, peopleOffRunRepeatShare, runStatsSql, visitorCallsSql, visitorOffRunShare, writeBackToBack } from './signals/runs.ts';
import { minuteBurstMaxOtherShare, minuteBurstsSql } from './signals/minute-buckets.ts';
import { chainedRowsSql, chainKeysSql, idsTightShare, keyHashSql, maxLoopPauseSeconds, minLoopPieceCalls, minUserLoopCalls, thinkTimeSeconds, tightLoopCallsPerMinute, userLoopCallsSql, userRunsSql, userStatsSql } from './signals/sequence.ts';
import { busyHourMaxShare, busyHourShareSql, estimatedShare, hourCallsSql, hourResolvedSql, hourTotalsSql, maxActiveSlotShare, minHumanHoursOfDay, minInteractiveRequests, orgFlatSql, orgSlotsSql, sparseLoopSql, sparseMinutesSql, workloadLoopSql, workloadShapeSql } from './signals/time-shape.ts';
import { identitiesSql, identityHashSql, idlessTraceCallSql, oneOffIdCallSql, oneOffIdCallsSql, unattributedSql, unstreamedSql } from './signals/workload-name.ts';

/**
 * What decides a call's label besides its workload: the rule that matched (-1: none), the strongest per-call
 * evidence (1 discounted lane, 2 cancelled, 3 streamed, 4 agent chain, 5 priority lane, 6 in one id's loop
 * (signals/sequence.ts: minUserLoopCalls), 7 off the runs of a mixed workload, 8 in a job's loop run inside a workload
 * labelled blocking (_cls_job_within), 0 none) and the discounted lane (lane_code: 1 batch, 2 flex, 0 none); and all of
 * it with the workload as one integer, okey (ri -1..rules-1, flag 0..8, lane_code 0..2), on which calls find their outcome: a join on one integer instead of four columns
 * (label_keys 0.28-0.32 -> 0.22-0.26 s of wall at 5M calls, wide bench shape).
 * Labels are decided once per distinct key, then joined back: reason lists built per row would cost more
 * than everything else here.
 */
const outcomeKeySql = (ruleCount: number): string => `${ruleCount > 0 ? 'coalesce(rule_idx, -1)' : '-1'} AS ri,
  CASE WHEN lane_code > 0 THEN 1 WHEN ${hasFlagSql('cancelled')} THEN 2 WHEN ${hasFlagSql('streamed')} THEN 3 WHEN ${hasFlagSql('inChain')} THEN 4
    WHEN ${hasFlagSql('priority')} THEN 5 WHEN ${hasFlagSql('userLoop')} THEN 6 WHEN ${hasFlagSql('offRun')} THEN 7 WHEN ${hasFlagSql('inRun')} THEN 8 ELSE 0 END AS flag,
  lane_code, ((wid::BIGINT * ${ruleCount + 1} + (ri + 1)) * 9 + flag) * 3 + lane_code AS okey`;

/** How the reason of a call in one id's loop inside a blocking workload begins (explain reads it). */
export const userLoopReasonPrefix = 'this call is one of a loop of ';

/** How the reason of a call in a job's loop run inside a blocking workload begins (explain reads it). */
export const inRunReasonPrefix = 'this call is one of a run of ';

/** How the reason of a call held blocking off a mixed workload's runs begins (explain reads it). */
export const offRunReasonPrefix = 'this call came off the runs that make its workload a job, as ';

/** How the reason of a usage row held blocking off a scheduled workload's job hours begins. */
export const offScheduleReasonPrefix = 'this row came outside the hours of the day when the job of its workload runs, as ';

/** The org's learned human hours, as used for the time-shape signals (also shown by explain). */
export type OrgShape = { readonly weekly: boolean; readonly slots: number; readonly activeSlots: number; readonly interactiveRequests: number; readonly usable: boolean };

export async function classifyCalls(ws: Workspace, rules: Rules | undefined): Promise<void> {
  await forgetStage(ws, 'labels'); // its stored tables are replaced below
  await loadRuleTable(ws, rules);
  const compiled = compileRules(rules);
  const ruleCount = rules?.rules.length ?? 0;
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_idents AS ${identitiesSql}`);
  // Workloads are numbered once (auto names and rule names alike) so per-row work groups and joins on integers.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_names AS
    SELECT row_number() OVER (ORDER BY workload)::INTEGER AS wid, workload
    FROM (SELECT auto_workload AS workload FROM _cls_idents UNION SELECT split_workload FROM _cls_idents WHERE split_workload IS NOT NULL
      UNION SELECT unstreamed_workload FROM _cls_idents WHERE unstreamed_workload IS NOT NULL
      UNION SELECT workload FROM _cls_rules WHERE workload IS NOT NULL)`);
  // fg_name: the identity's names carry an interactive word, as a flag per identity: compared once per identity,
  // it rides through the calls' join as one boolean instead of a string compared on every call.
  // stream_split: set below for the names no key gave whose calls mostly stream (workload-name.ts: unstreamedSuffix).
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_idents AS SELECT i.*, n.wid AS auto_wid, coalesce(s.wid, n.wid) AS split_wid, i.fg_word <> '' AS fg_name,
      u.wid AS unstreamed_wid, false AS stream_split
    FROM _cls_idents i JOIN _cls_names n ON n.workload = i.auto_workload LEFT JOIN _cls_names s ON s.workload = i.split_workload
      LEFT JOIN _cls_names u ON u.workload = i.unstreamed_workload`);
  await ws.run(`UPDATE _cls_rules SET wid = (SELECT n.wid FROM _cls_names n WHERE n.workload = _cls_rules.workload)`);
  await writeCalls(ws, compiled, ruleCount > 0, unattributedSql('c'), false);
  const splittable = await hasRows(ws, 'SELECT 1 FROM _cls_idents WHERE split_workload IS NOT NULL');
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_chain_keys AS ${chainKeysSql(splittable)}`);
  // The names no API key or tag gave (a Langfuse window names no key): only they can hold two clients' calls unnoticed
  // (_cls_oneoff here, _cls_mixed below). Most exports carry a key on every call: then none, and nothing is read for them.
  const unkeyed = await hasRows(ws, 'SELECT 1 FROM _cls_idents WHERE key_id IS NULL AND split_workload IS NOT NULL');
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_oneoff AS ${unkeyed ? oneOffIdCallsSql : 'SELECT NULL::BIGINT AS call_key WHERE false'}`);
  const oneOff = unkeyed && (await hasRows(ws, 'SELECT 1 FROM _cls_oneoff'));
  // Names no key gave whose calls mostly stream, so that the run signals would skip them: their calls that do not stream
  // are judged apart (workload-name.ts: unstreamedSuffix), in the same second write.
  if (unkeyed) {
    await ws.run(`UPDATE _cls_idents SET stream_split = true WHERE unstreamed_wid IS NOT NULL AND auto_wid IN (
      SELECT wid FROM _cls_calls WHERE NOT bucket GROUP BY wid
      HAVING count(*) FILTER (WHERE ${hasFlagSql(['streamed', 'cancelled'])}) > ${maxStreamedShareForRuns} * count(*)
        AND count(*) FILTER (WHERE NOT ${hasFlagSql(['streamed', 'cancelled'])}) > 0)`);
  }
  const streamSplit = unkeyed && (await hasRows(ws, 'SELECT 1 FROM _cls_idents WHERE stream_split'));
  // Job runs wrapped in one long trace with no user, calls alone in a trace with no user, and (in names no key gave)
  // calls whose user id names no person are unattributed too: found by the counts above, so _cls_calls is written
  // again only for data that has them.
  if (oneOff || streamSplit || (await hasRows(ws, 'SELECT 1 FROM _cls_chain_keys WHERE job_run OR lone'))) {
    await writeCalls(ws, compiled, ruleCount > 0, `(${unattributedSql('c')} OR ${idlessTraceCallSql('c')}${oneOff ? ` OR ${oneOffIdCallSql('c')}` : ''})`, streamSplit);
  }
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_chained AS ${chainedRowsSql}`);
  // Most exports have no chained calls (no traces, or sessions paced by people): the UPDATE would still scan
  // every row id against the empty set (0.4 s at 5M calls). A join (UPDATE … FROM), not `rowid IN (…)`: 0.28-0.31 s
  // against 0.44-0.61 s for the 2.2M chained calls of the org bench shape (idle machine, 3 rounds each).
  if (await hasRows(ws, 'SELECT 1 FROM _cls_chained')) await ws.run(`UPDATE _cls_calls SET flags = flags | ${callFlags.inChain} FROM _cls_chained WHERE _cls_calls.rowid = _cls_chained.rid`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_users AS ${userStatsSql}`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_user_runs AS ${userRunsSql}`);
  // One id's long loops of back-to-back calls (signals/sequence.ts: userLoopCallsSql): most data has no id with enough
  // machine-paced repeats, and then nothing is sorted or written.
  if (await hasRows(ws, 'SELECT 1 FROM _cls_users WHERE loop_user IS NOT NULL')) {
    await ws.run(`UPDATE _cls_calls SET flags = flags | ${callFlags.userLoop} FROM (${userLoopCallsSql}) l WHERE _cls_calls.rowid = l.rid`);
  }
  // Many sparse workloads: hours and the loop share apart, the minutes of busy blocks only (time-shape.ts).
  const [minutes] = await ws.all<{ sparse: boolean | null }>(sparseMinutesSql);
  const sparse = minutes?.sparse === true;
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_hourly AS ${sparse ? hourTotalsSql : hourCallsSql}`);
  // Sparse: the loop share from busy hours' calls first when they are few (time-shape.ts: sparseLoopSql).
  const [busy] = sparse ? await ws.all<{ share: number | null }>(busyHourShareSql) : [];
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_loops AS ${sparse ? sparseLoopSql((busy?.share ?? 0) < busyHourMaxShare) : workloadLoopSql}`);
  // The workloads that calls with one-off ids were split into from a name with other calls (_cls_oneoff): their ids
  // were chosen for being seen at most twice, so that share says nothing of them (the ids signal is not read), their
  // users' think time speaks for them only with enough returns (runs.ts: idSplitMinReturnShare, read by the run
  // signals' candidates in writeBackToBack), and their calls off a job's runs are held blocking from the first (_cls_mixed below).
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_id_split AS ${oneOff
    ? `SELECT DISTINCT c.wid FROM _cls_calls c SEMI JOIN _cls_oneoff USING (call_key)
        WHERE c.wid IN (SELECT split_wid FROM _cls_idents WHERE split_wid <> auto_wid AND auto_wid IN (SELECT wid FROM _cls_hourly))`
    : 'SELECT NULL::INTEGER AS wid WHERE false'}`);

  await writeBackToBack(ws);
  // The workloads whose name nothing of the client's gave (no API key, no tag naming the work): see _cls_mixed below.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_unnamed AS ${unkeyed
    ? `SELECT wid FROM (${workloadNamesSql}) GROUP BY wid HAVING bool_and(key_id IS NULL AND split_workload IS NOT NULL)`
    : 'SELECT NULL::INTEGER AS wid WHERE false'}`);
  // The workloads whose name no tag gave: a key's, or the grouping's. Services share a key as they share a model (a
  // meter service's photo checks, each a customer waiting, on the key its nightly bill run uses): off a job's runs,
  // such calls are held blocking (_cls_mixed below). A tag that names the work is the team's word for those calls.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_shareable AS
    SELECT wid FROM (${workloadNamesSql}) GROUP BY wid HAVING bool_and(split_workload IS NOT NULL)`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_runs AS ${runStatsSql}`);
  // A poller's bursts in usage rows of a minute (signals/minute-buckets.ts); empty without such rows.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_minute_bursts AS ${minuteBurstsSql}`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_daily AS ${dailySql}`);
  const shape = await learnOrgShape(ws);
  await ws.run(`CREATE OR REPLACE TABLE label_workloads AS
    WITH kinds AS (
      -- The calls summed per workload and kind of call first (flags, lane, bucket or not, user or not: a few kinds per
      -- workload), and the shares read from those sums: a dozen filtered aggregates over every call took 0.20-0.21 s
      -- at 5M calls (org bench shape without tags), over the kinds 0.13-0.14 s; the same values.
      SELECT wid, flags, lane_code > 0 AS discounted, bucket, user_key IS NOT NULL AS has_user,
        -- Usage buckets of over a minute, up to an hour: audit's note says minute buckets would show a poller's bursts.
        bucket AND ended_us - epoch_us(ts) > 60000000 AND ended_us - epoch_us(ts) <= 3600000000 AS hour_bucket,
        -- A call with a duration: the run signals can see whether it came back to back with another (evidence.ts: timed_share).
        NOT bucket AND ended_us > epoch_us(ts) AS timed,
        -- A usage row of a minute or less that counts its requests: how many came in a minute (evidence.ts: minute_rate).
        bucket AND ended_us - epoch_us(ts) <= 60000000 AND NOT ${hasFlagSql('uncounted')} AS counted_minute,
        count(*) AS n, sum(w) AS w
      FROM _cls_calls GROUP BY ALL
    ), embedding_inputs AS (
      SELECT wid, median(input_per_request) AS embedding_input_median FROM _cls_calls WHERE ${hasFlagSql('embedding')} GROUP BY wid
    ), agg AS (
      SELECT wid, sum(n)::BIGINT AS rows, sum(w)::BIGINT AS requests,
        coalesce(sum(w) FILTER (WHERE ${hasFlagSql('streamed')}) / sum(w), 0) AS streamed_share,
        coalesce(sum(w) FILTER (WHERE ${hasFlagSql('cancelled')}) / sum(w), 0) AS cancelled_share,
        coalesce(sum(w) FILTER (WHERE ${hasFlagSql('inChain')}) / sum(w), 0) AS chain_share,
        coalesce(sum(w) FILTER (WHERE ${hasFlagSql('priority')}) / sum(w), 0) AS priority_share,
        coalesce(sum(w) FILTER (WHERE discounted) / sum(w), 0) AS discounted_share,
        coalesce(sum(n) FILTER (WHERE has_user), 0) / sum(n) AS user_share,
        coalesce(sum(n) FILTER (WHERE NOT bucket), 0) / sum(n) AS calls_share,
        coalesce(sum(n) FILTER (WHERE hour_bucket), 0) / sum(n) AS hour_bucket_share,
        coalesce(sum(n) FILTER (WHERE timed), 0) / sum(n) AS timed_share,
        coalesce(sum(n) FILTER (WHERE counted_minute), 0) / sum(n) AS counted_minute_share,
        sum(w) FILTER (WHERE counted_minute) / sum(n) FILTER (WHERE counted_minute) AS minute_rate,
        coalesce(sum(n) FILTER (WHERE ${hasFlagSql('uncounted')}), 0) / sum(n) AS uncounted_share,
        coalesce(sum(w) FILTER (WHERE ${hasFlagSql('embedding')}) / sum(w), 0) AS embedding_share,
        any_value(e.embedding_input_median) AS embedding_input_median
      FROM kinds LEFT JOIN embedding_inputs e USING (wid) GROUP BY wid
    ), per_ident AS (
      -- Name words and keys belong to names (tags, key, project, app): counted per (workload, name), not carried on
      -- every call. The calls are summed per (workload, name number) first: grouping every call on the words and key
      -- (text) took 0.22 s at 5M calls; on the wide bench shape at 5M calls, summing per (workload, identity) (model
      -- and operation too: 480,000 identities) took 0.34 s of CPU, per (workload, name) (96,000) 0.12-0.19 s.
      SELECT c.wid, i.bg_word, i.fg_word, i.key_id, sum(c.w) AS w, sum(c.n)::BIGINT AS n, coalesce(sum(c.d), 0) AS d
      FROM (SELECT wid, nid, sum(w) AS w, count(*) AS n, sum(w) FILTER (WHERE lane_code > 0) AS d FROM _cls_calls GROUP BY wid, nid) c
        JOIN (SELECT DISTINCT nid, bg_word, fg_word, key_id FROM _cls_idents) i USING (nid) GROUP BY ALL
    ), key_lanes AS (
      -- Lane mix: what the rest of a workload's API key sends on a discounted lane (its main key, when it has several).
      SELECT wid, key_id, sum(w) AS w, sum(d) AS d FROM per_ident WHERE key_id IS NOT NULL GROUP BY ALL
    ), lanes AS (
      SELECT k.wid, first((t.d - k.d) / nullif(t.w - k.w, 0) ORDER BY k.w DESC, k.key_id) AS key_batch_share
      FROM key_lanes k JOIN (SELECT key_id, sum(w) AS w, sum(d) AS d FROM key_lanes GROUP BY key_id) t USING (key_id) GROUP BY k.wid
    ), words AS (
      SELECT wid,
        coalesce(sum(w) FILTER (WHERE bg_word <> '') / sum(w), 0) AS bg_share,
        coalesce(sum(w) FILTER (WHERE fg_word <> '') / sum(w), 0) AS fg_share
      FROM per_ident GROUP BY wid
    ), bg AS (
      SELECT wid, first(bg_word ORDER BY n DESC, bg_word) AS bg_word
      FROM (SELECT wid, bg_word, sum(n) AS n FROM per_ident WHERE bg_word <> '' GROUP BY ALL) GROUP BY wid
    ), fg AS (
      SELECT wid, first(fg_word ORDER BY n DESC, fg_word) AS fg_word
      FROM (SELECT wid, fg_word, sum(n) AS n FROM per_ident WHERE fg_word <> '' GROUP BY ALL) GROUP BY wid
    ), users AS (
      SELECT wid, user_gap_median_s, once_share, repeat_calls, machine_gap_share FROM _cls_users WHERE hr IS NULL AND wid IS NOT NULL
    ), coarse AS (
      -- Rows not in _cls_hourly are usage buckets longer than an hour: they see nothing inside a day (audit's
      -- note says so when they hold the unsure spend).
      SELECT a.wid, 1 - coalesce(m.rows, 0) / a.rows AS coarse_bucket_share
      FROM agg a LEFT JOIN (SELECT wid, sum(rows) AS rows FROM _cls_hourly GROUP BY wid) m USING (wid)
    ), shaped AS (
      SELECT * FROM _cls_names JOIN agg USING (wid) JOIN coarse USING (wid) JOIN words USING (wid) LEFT JOIN bg USING (wid) LEFT JOIN fg USING (wid)
      LEFT JOIN users USING (wid) LEFT JOIN _cls_user_runs USING (wid) LEFT JOIN lanes USING (wid)
      LEFT JOIN (SELECT wid, tight_share FROM _cls_loops) USING (wid)
      LEFT JOIN (${workloadShapeSql(shape.weekly, shape.slots)}) USING (wid)
      LEFT JOIN _cls_runs USING (wid)
      LEFT JOIN _cls_minute_bursts USING (wid)
      LEFT JOIN (${dayShapeSql}) USING (wid)
      LEFT JOIN (${onOffHoursSql}) USING (wid)
    ), based AS (
      -- id_split: a workload that calls with one-off ids were split into from a name with other calls (_cls_id_split).
      -- Its ids were chosen for being seen at most twice, so that share (once_share) says nothing of it and is not read.
      -- run_base: the requests the runs' shares are read against. In an id_split workload people's visits with a fresh
      -- id come among a job's, and its
      -- calls off the runs are held blocking from the first when the runs label it (_cls_mixed below): read against
      -- every request, visitors diluted the job's runs under half (game-studio as a Langfuse window, a tune org, at the
      -- fresh draw: players' bug reports, 36% of the requests, beside a localisation fan-out left blocking), so there
      -- they are read against the requests not off the runs, while those off them are few enough to be held
      -- (mixedOffRunShare.max). Such calls count off the runs and in a paced job episode at once when they come late
      -- with nothing in flight (offRunSql), hence the shares' least(…, 1).
      SELECT * REPLACE (CASE WHEN NOT id_split THEN once_share END AS once_share),
        CASE WHEN id_split AND off_run_req <= ${mixedOffRunShare.max} * requests THEN requests - off_run_req ELSE requests END AS run_base
      FROM (SELECT *, wid IN (SELECT wid FROM _cls_id_split) AS id_split FROM shaped)
    ), with_evidence AS (
      -- estimated: most of its rows count no requests, so its volume over hours and days is its tokens' (signals/per-call.ts
      -- weightSql); its evidence says so. shared_name: a name no API key or tag gave (_cls_unnamed); rules suggest says it
      -- may hold several services.
      -- tag_named: a tag named the workload (not in _cls_shareable): the team's word for what its calls are (evidence.ts).
      SELECT *, wid IN (SELECT wid FROM _cls_unnamed) AS shared_name, wid NOT IN (SELECT wid FROM _cls_shareable) AS tag_named,
        uncounted_share >= ${estimatedShare} AS estimated, ${shape.usable} AS shape_ok,
        least(coalesce(serial_req, 0) / run_base, 1) AS serial_share, least(coalesce(fanout_req, 0) / run_base, 1) AS fanout_share,
        least((coalesce(cron_req, 0) + coalesce(steady_req, 0)) / run_base, 1) AS launch_share, least(coalesce(burst_req, 0) / run_base, 1) AS burst_share,
        least(coalesce(minute_burst_req, 0) / requests, 1) AS minute_burst_share, least(coalesce(minute_other_req, 0) / requests, 1) AS minute_other_share,
        CASE WHEN run_base < requests THEN ' (leaving out the ' || round(100 * off_run_req / requests)::INTEGER || '% off its runs: calls with ids seen once or twice)' ELSE '' END AS run_base_note,
        (${shape.activeSlots} / ${shape.slots})::DOUBLE AS human_hours_baseline,
        '${shape.weekly ? 'week' : 'day'}' AS slot_unit FROM based
    ), listed AS (
      SELECT *, ${evidenceListSql} AS ev FROM with_evidence
    ), scored AS (
      SELECT *, ${waitMaxSql} AS wait, ${callsWaitSql} AS wait_calls, ${freeCombinedSql} AS free, ${callsFreeSql} AS free_calls,
        -- The share machineWorkloadsSql (signals/runs.ts) tests; usage buckets are in no run, so theirs is 0. Or, in minute
        -- buckets, the share in a poller's recurring bursts where those label it (signals/minute-buckets.ts: no more than
        -- minuteBurstMaxOtherShare in other episodes): a poller on a key named for a channel people use (claims-eu's
        -- call-notes poller on \`voice-svc\`, a tune org) was held blocking by the name in minute rows, where its calls' runs
        -- had already outweighed it per call.
        greatest(${machineRunRequestsSql} / run_base, CASE WHEN minute_other_share <= ${minuteBurstMaxOtherShare} THEN minute_burst_share ELSE 0 END) AS machine_share
      FROM listed
    ), decided AS (
      SELECT *, ${decisionSql} AS d FROM scored
    )
    SELECT * EXCLUDE (d), d.label AS label, round(d.conf, 2) AS confidence, d.by AS decided_by, ${reasonsSql} AS reasons FROM decided`);

  // A name whose calls are all unattributed keeps its plain name: its `… · no user or trace` workload is all of it.
  await ws.run(`UPDATE label_workloads SET workload = a.auto_workload
    FROM (SELECT DISTINCT split_wid, auto_workload FROM _cls_idents
      WHERE split_wid <> auto_wid AND auto_wid NOT IN (SELECT wid FROM label_workloads)) a
    WHERE label_workloads.wid = a.split_wid`);

  // A workload the runs label batchable (most of its requests in its job's runs: mixedRunShare) with many calls off those runs may
  // share its name with another client (services that share a model when nothing names them: a Langfuse window
  // without names): those calls are held blocking (outcome flag 7), as their own evidence is not the job's. Most data has no
  // such workload: nothing per call is read then. Only names no tag gave (_cls_shareable: off_run_req is NULL for the
  // others): a tag that names the work is the team's word for those calls. A key's name is read so too: services share
  // a key as they share a model (utility-ie, a tune org since its first run: a meter service's photo checks, each a
  // customer waiting, on the key and model of its nightly bill run, 1.0% of the org's blocking spend labelled batchable
  // with the run). Keys were left out on 2026-12-01, before the calls a job's own pace holds stayed with it (pieces of
  // back-to-back calls from 2026-12-05, then strands and a poller's light hours): with keys in then, 8 to 10% of two
  // varied orgs' spend, their jobs' slower calls, was held blocking for nothing. The calls held are those
  // in no piece of a burst's minBurstCalls back-to-back calls (offRunStartsSql): a slow job's own calls fall off its
  // runs in such pieces between its pauses.
  // A workload that calls with one-off ids were split into from people's (_cls_oneoff; not a name whose calls all have
  // them, which is one service's) gathers several services' calls by ids alone: people's visits with an id seen once
  // come among a job's, however few, so its calls off the runs are held blocking from the first (oneOffOffRunShare).
  // Or one with fewer requests in its runs whose users come back after think time (peopleMixedRunShare), or whose calls
  // off the runs are visitors, one-off ids one at a time (visitorOffRunShare): people among the job (\`people\`:
  // 'returns' or 'visitors', its held calls say which).
  // Visitors off the runs of a name no key or tag gave, like the ids split's, are held however few (oneOffOffRunShare),
  // and a job labelled by its one-off ids in busy minutes (idsTightShare) has its visitors held whatever its runs hold.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_mixed AS SELECT wid, people FROM (
      SELECT *, CASE WHEN machine_share >= ${mixedRunShare} AND NOT (shared_name AND visitors) THEN NULL
          WHEN ${humanRepeatCallsSql()} >= ${peopleOffRunRepeatShare} * off_run_req THEN 'returns' WHEN visitors THEN 'visitors' END AS people
      FROM (SELECT *, coalesce(${visitorCallsSql()} >= ${visitorOffRunShare} * off_run_req, false) AS visitors FROM label_workloads))
    WHERE label = 'non_blocking' AND decided_by = 'heuristic' AND off_run_req > 0 AND off_run_req <= ${mixedOffRunShare.max} * requests AND (
      machine_share >= ${mixedRunShare} AND off_run_req >= (CASE WHEN id_split OR shared_name AND visitors THEN ${oneOffOffRunShare} ELSE ${mixedOffRunShare.min} END) * requests
      OR (machine_share >= ${peopleMixedRunShare} OR visitors AND coalesce(tight_share, 0) >= ${idsTightShare}) AND off_run_req >= ${mixedOffRunShare.min} * requests AND people IS NOT NULL)`);
  if (await hasRows(ws, 'SELECT 1 FROM _cls_mixed')) {
    await ws.run(`UPDATE _cls_calls SET flags = flags | ${callFlags.offRun} FROM (${offRunStartsSql}) s
      WHERE _cls_calls.wid = s.wid AND epoch_us(_cls_calls.ts) = s.t AND NOT _cls_calls.bucket`);
  }
  // A workload labelled blocking (people's, most of it) whose calls hold a job's loop runs (serial or fan-out: hundreds
  // of back-to-back calls with the same number in flight throughout) has a job on its key, project and model: those
  // calls are labelled batchable (outcome flag 8), the rest stay blocking. As with one id's loop (userLoop): no person
  // starts a call within a second of the last answer hundreds of times in a row. Only names no tag gave
  // (_cls_shareable): a tag that names the work is the team's word for all its calls. Found on audit-za (a tune org
  // since its first run): working-paper summaries by hand, 3 workers, through the document service's key, project and
  // model, where auditors ask one question each; the summaries ($31.94) were labelled blocking with the questions.
  // The workloads people stream on or come back to after think time are no candidates for the run signals; their
  // quiet calls in their job hours are looked into for this alone (runs.ts: jobHoursSql), found on grocery-cl (a tune
  // org): cart reminders by 5 workers through the streamed shopping assistant's key, project and model.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_job_within AS SELECT wid FROM label_workloads
    WHERE label = 'blocking' AND (coalesce(serial_req, 0) + coalesce(fanout_req, 0) > 0 OR wid IN (SELECT wid FROM _cls_b2b_inner))
      AND wid IN (SELECT wid FROM _cls_shareable)`);
  // The calls so labelled, with their workload and requests: the reason gives their share of the workload's requests.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_in_run AS ${(await hasRows(ws, 'SELECT 1 FROM _cls_job_within')) ? jobRunCallsSql : 'SELECT NULL::INTEGER AS wid, NULL::BIGINT AS rid, NULL::BIGINT AS w WHERE false'}`);
  if (await hasRows(ws, 'SELECT 1 FROM _cls_in_run')) {
    await ws.run(`UPDATE _cls_calls SET flags = flags | ${callFlags.inRun} FROM _cls_in_run s WHERE _cls_calls.call_key = s.rid`);
  }
  // In usage buckets, a workload labelled batchable as scheduled holds its rows in the hours of the day off its job's
  // schedule blocking (signals/off-schedule.ts): people's hours on the job's key, project and model. Same flag. Only
  // rows of an hour or less: a day's row starting at such an hour holds the job's requests too.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_off_schedule AS ${offScheduleHoursSql}`);
  if (await hasRows(ws, 'SELECT 1 FROM _cls_off_schedule')) {
    await ws.run(`UPDATE _cls_calls SET flags = flags | ${callFlags.offRun} FROM _cls_off_schedule s
      WHERE _cls_calls.wid = s.wid AND (epoch_ms(_cls_calls.ts) // 3600000) % 24 = s.hod AND _cls_calls.bucket AND ${hourResolvedSql}`);
  }

  // One row per decided outcome, with every column the labels show; calls then carry only the outcome number.
  // Numbered in okey order, so the same data gives the same outcome numbers on every run (stored in label_keys).
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_outcomes AS
    SELECT row_number() OVER (ORDER BY k.okey)::INTEGER AS outcome, k.okey, k.wid, w.workload, k.ri, k.flag, k.lane_code, r.rule_name, r.deadline_minutes, r.label AS rule_label, r.rule_reason,
      CASE
        WHEN k.flag = 1 THEN {'label': 'non_blocking', 'confidence': 1.0::DOUBLE, 'decided_by': 'lane',
          'reasons': list_concat(['billed on the ' || CASE k.lane_code WHEN 2 THEN 'flex' ELSE 'batch' END || ' lane: already discounted, nobody waits on it'],
            CASE WHEN r.label = 'blocking' THEN ['against: ' || r.rule_reason || ' (the billed lane shows it did not need an answer now)'] ELSE []::VARCHAR[] END)}
        WHEN r.label IS NOT NULL THEN {'label': r.label, 'confidence': 1.0::DOUBLE, 'decided_by': 'rule',
          'reasons': list_concat([r.rule_reason], CASE WHEN r.risk_reason IS NULL THEN []::VARCHAR[] ELSE [r.risk_reason] END)}
        WHEN w.label = 'blocking' AND k.flag = 6 THEN
          {'label': 'non_blocking', 'confidence': 0.8::DOUBLE, 'decided_by': 'heuristic',
          'reasons': list_concat(['${userLoopReasonPrefix}' || ${minUserLoopCalls} || ' or more in a row carrying one user id in this workload, each starting '
              || 'within ${thinkTimeSeconds.min} s of the last one''s end (pauses of up to ${maxLoopPauseSeconds} s between pieces of ${minLoopPieceCalls} or more allowed): '
              || 'a script looping over rows with its starter''s id, not a person reading (the rest of the workload is blocking)'],
            list_transform(w.reasons, lambda t: 'workload: ' || t))}
        WHEN w.label = 'blocking' AND k.flag = 8 THEN
          {'label': 'non_blocking', 'confidence': 0.7::DOUBLE, 'decided_by': 'heuristic',
          'reasons': list_concat(['${inRunReasonPrefix}' || ${minLoopCalls} || ' or more in this workload, each starting within ${backToBackUs / 1e6} s of the latest end with '
              || 'the same number of calls in flight throughout (' || round(100 * least((SELECT sum(i.w) FROM _cls_in_run i WHERE i.wid = w.wid) / w.requests, 1))::INTEGER
              || '% of its requests): a script looping or fanned out over rows among calls that are not, not a person reading (the rest of the workload is blocking)'],
            list_transform(w.reasons, lambda t: 'workload: ' || t))}
        WHEN w.label = 'non_blocking' AND k.flag = 7 AND w.wid IN (SELECT wid FROM _cls_off_schedule) THEN
          {'label': 'blocking', 'confidence': 0.6::DOUBLE, 'decided_by': 'heuristic',
          'reasons': list_concat(['${offScheduleReasonPrefix}' || (SELECT round(100 * any_value(off_share))::INTEGER FROM _cls_off_schedule o WHERE o.wid = w.wid)
              || '% of its workload''s requests did, two hours or more from every hour its job runs in: people''s requests under the same key, '
              || 'project and model, held blocking (give the job a key, project or tag of its own, or settle it with a rule)'],
            list_transform(w.reasons, lambda t: 'workload: ' || t))}
        WHEN w.label = 'non_blocking' AND k.flag = 7 THEN
          {'label': 'blocking', 'confidence': 0.6::DOUBLE, 'decided_by': 'heuristic',
          'reasons': list_concat(['${offRunReasonPrefix}' || round(100 * w.off_run_req / w.requests)::INTEGER || '% of its workload''s requests did, '
              || 'in no run of back-to-back calls and no launch of its job: another client''s calls under the same name'
              || CASE (SELECT any_value(people) FROM _cls_mixed m WHERE m.wid = w.wid)
                WHEN 'returns' THEN ' (its users come back after think time on ' || round(100 * ${humanRepeatCallsSql('w.')} / w.requests)::INTEGER || '% of its requests: people)'
                WHEN 'visitors' THEN ' (' || round(100 * ${visitorCallsSql('w.')} / w.requests)::INTEGER
                  || '% of its requests came outside minutes of ${tightLoopCallsPerMinute}+ calls, most with an id seen at most twice: visitors one at a time)'
                ELSE '' END || ', held blocking '
              || '(give the job or this client a key, project or tag of its own, or settle it with a rule)'],
            list_transform(w.reasons, lambda t: 'workload: ' || t))}
        WHEN w.label = 'non_blocking' AND k.flag BETWEEN 2 AND 5 THEN
          {'label': 'blocking', 'confidence': 0.9::DOUBLE, 'decided_by': 'heuristic',
          'reasons': list_concat([CASE k.flag
              WHEN 2 THEN 'this call was stopped mid-generation (someone pressed stop)'
              WHEN 3 THEN 'this call streamed its output (someone watched tokens arrive)'
              WHEN 4 THEN 'this call is one step of a chained agent loop (calls within 2 s of each other in one trace)'
              ELSE 'this call was billed on the priority lane (someone paid to wait less)' END],
            list_transform(w.reasons, lambda t: 'workload: ' || t))}
        ELSE {'label': w.label, 'confidence': w.confidence::DOUBLE, 'decided_by': w.decided_by, 'reasons': w.reasons}
      END AS v
    FROM (SELECT DISTINCT wid, ${outcomeKeySql(ruleCount)} FROM _cls_calls) k
    JOIN label_workloads w USING (wid)
    LEFT JOIN _cls_rules r ON r.rule_idx = k.ri`);
  await ws.run(`CREATE OR REPLACE TABLE label_outcomes AS
    SELECT outcome, workload, v.label AS label, v.confidence AS confidence,
      CASE WHEN ri >= 0 AND rule_label IS NULL THEN list_append(v.reasons, rule_reason) ELSE v.reasons END AS reasons,
      v.decided_by AS decided_by, CASE WHEN v.decided_by = 'rule' OR rule_label IS NULL THEN rule_name END AS rule_name, deadline_minutes
    FROM _cls_outcomes`);
  // Per call only numbers (src/db/analysis-tables.ts): writing each call's id, workload and reasons took 2.5 s
  // of classify's 7 s at 5M calls. `labels` is the readable view of the same, for explain and exports.
  // In call_key order, as priced_rows is: savings_base pairs the two by position instead of a join of every call
  // with every call (src/db/queries/savings.ts).
  await ws.run(`CREATE OR REPLACE TABLE label_keys AS
    SELECT p.call_key, o.outcome, p.agent_chain
    FROM (SELECT call_key, ${hasFlagSql('inChain')} AS agent_chain, ${outcomeKeySql(ruleCount)} FROM _cls_calls) p
    JOIN _cls_outcomes o USING (okey)
    ORDER BY p.call_key`);
  await ws.run(`CREATE OR REPLACE VIEW labels AS
    SELECT c.call_id, ${labelOutcomesColumns.filter((c) => c.name !== 'outcome').map((c) => `o.${c.name}`).join(', ')}, k.agent_chain, k.outcome, k.call_key
    FROM label_keys k JOIN label_outcomes o USING (outcome) JOIN calls c USING (call_key)`);
  for (const table of ['_cls_calls', '_cls_chain_keys', '_cls_chained', '_cls_users', '_cls_user_runs', '_cls_loops', '_cls_runs', '_cls_minute_bursts', '_cls_daily', '_cls_idents', '_cls_hourly', '_cls_outcomes', '_cls_names', '_cls_mixed', '_cls_off_schedule', '_cls_job_within', '_cls_in_run', '_cls_unnamed', '_cls_shareable', '_cls_oneoff', '_cls_id_split']) await ws.run(`DROP TABLE ${table}`);
  await dropBackToBack(ws);
}

/**
 * _cls_calls (see the top of this file), with `unattributed` (over calls `c`) as the calls judged apart from their name's.
 * Without rules (`ruled` false) no rule index is written and no rule joined: every call's would be NULL.
 */
async function writeCalls(ws: Workspace, compiled: CompiledRules, ruled: boolean, unattributed: string, streamSplit: boolean): Promise<void> {
  // With names split by their streams, a call that does not stream under such a name is judged apart too (after the
  // unattributed, which keep their own workload): unstreamed_workload (workload-name.ts).
  const unstreamed = streamSplit ? `i.stream_split AND ${unstreamedSql}` : 'false';
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE _cls_calls AS
    WITH ruled AS (
      SELECT c.*, CASE WHEN unattributed THEN split_workload ${streamSplit ? 'WHEN unstreamed THEN unstreamed_workload ' : ''}END AS unattributed_workload,
        ${compiled.sql} AS rule_idx
      FROM (SELECT c.*, i.nid, i.auto_workload, i.fg_name, i.embedding, i.auto_wid, i.split_wid, i.split_workload,
          ${streamSplit ? 'i.unstreamed_wid, i.unstreamed_workload,' : ''}
          -- Unattributed calls beside attributed ones are another client (signals/workload-name.ts); their
          -- workload's name is read by rules only (a string per call otherwise unused).
          ${unattributed} AND i.split_workload IS NOT NULL AS unattributed,
          ${unstreamed} AS unstreamed
        FROM calls c JOIN _cls_idents i ON i.ident = ${identityHashSql('c')}) c
    )
    SELECT ruled.call_key, coalesce(ruled.granularity = 'bucket', false) AS bucket, ruled.ts,
      -- End as epoch µs: TIMESTAMPTZ + INTERVAL goes through the time-zone code for every row (0.4 s per 5M calls).
      coalesce(epoch_us(ruled.ended_at), epoch_us(ruled.ts) + CAST(ruled.latency_ms * 1000 AS BIGINT), epoch_us(ruled.ts)) AS ended_us,
      -- A usage row that counts no requests (Anthropic's usage report, its Console export: the calls view gives every
      -- call a count, so NULL is such a row, as savings and check count them) weighs its fresh tokens' estimate.
      ${weightSql('ruled.')} AS w,
      -- The discounted lane as a number (1 batch, 2 flex, 0 none): its name is needed per outcome, not per call.
      CASE WHEN ${discountedLaneSql} THEN CASE ruled.lane WHEN 'flex' THEN 2 ELSE 1 END ELSE 0 END::UTINYINT AS lane_code,
      ${keyHashSql('ruled.user_id')} AS user_key,
      ${keyHashSql('coalesce(ruled.trace_id, ruled.session_id)')} AS chain_key,
      -- Only the embeddings' input size is read (a workload's median): the others' is never computed or written.
      CASE WHEN ruled.embedding THEN ${inputPerRequestSql} END AS input_per_request,
      ruled.nid,
      ${packFlagsSql({
        uncounted: 'ruled.requests IS NULL', // a usage row that counts no requests (w above)
        embedding: 'ruled.embedding', // per identity (_cls_idents)
        streamed: streamedSql,
        cancelled: cancelledSql,
        priority: priorityLaneSql,
        interactive: `${streamedSql} OR ${cancelledSql} OR ruled.fg_name`,
      })} AS flags,
      ${ruled ? 'ruled.rule_idx, coalesce(r.wid, ' : '('}CASE WHEN ruled.unattributed THEN ruled.split_wid ${streamSplit ? 'WHEN ruled.unstreamed THEN ruled.unstreamed_wid ' : ''}ELSE ruled.auto_wid END) AS wid
    FROM ruled${ruled ? ' LEFT JOIN _cls_rules r USING (rule_idx)' : ''}`,
    compiled.params,
  );
}

/** The rules' outcomes as a small temp table (values as parameters), joined by rule index. */
async function loadRuleTable(ws: Workspace, rules: Rules | undefined): Promise<void> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_rules (rule_idx INTEGER, rule_name VARCHAR, workload VARCHAR, label VARCHAR,
    deadline_minutes BIGINT, rule_reason VARCHAR, risk_reason VARCHAR, wid INTEGER)`);
  const file = rules?.file ?? '';
  for (const outcome of ruleOutcomes(rules)) {
    const rule = rules?.rules[outcome.rule_idx];
    const where = `rule "${outcome.rule_name}" (${file} #${outcome.rule_idx + 1})`;
    const what = rule?.deadline !== undefined ? `deadline ${rule.deadline}` : outcome.label !== null ? `label ${outcome.label}` : `workload ${outcome.workload ?? ''}`;
    const risk =
      outcome.deadline_minutes !== null && outcome.deadline_minutes >= 60 && outcome.deadline_minutes < 1440
        ? `risk: deadline ${rule?.deadline ?? ''} is under the 24 h batch window; batches usually return sooner, but a late one would miss it`
        : null;
    await ws.run('INSERT INTO _cls_rules VALUES ($idx, $name, $workload, $label, $deadline, $reason, $risk, NULL)', {
      idx: outcome.rule_idx,
      name: outcome.rule_name,
      workload: outcome.workload,
      label: outcome.label,
      deadline: outcome.deadline_minutes === null ? null : BigInt(outcome.deadline_minutes),
      reason: `${where}: ${what}`,
      risk,
    });
  }
}

/**
 * Each workload an identity's calls can go to (its name's, its unattributed calls', its unstreamed calls'), with the
 * identity's key and split name: _cls_unnamed and _cls_shareable group it by workload.
 */
const workloadNamesSql = `SELECT auto_wid AS wid, key_id, split_workload FROM _cls_idents
  UNION ALL SELECT split_wid, key_id, split_workload FROM _cls_idents
  UNION ALL SELECT unstreamed_wid, key_id, split_workload FROM _cls_idents WHERE unstreamed_wid IS NOT NULL`;

/** Learns the org's human hours into _cls_org_slots and says whether they are usable. */
async function learnOrgShape(ws: Workspace): Promise<OrgShape> {
  const [span] = await ws.all<{ weekly: boolean | null }>(`SELECT max(hr) - min(hr) >= 168 AS weekly FROM _cls_hourly`);
  const weekly = span?.weekly === true;
  const slots = weekly ? 168 : 24;
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_org_slots AS ${orgSlotsSql(weekly)}`);
  // The hours of the day among the human hours (slot % 24: both slotSql forms keep the hour of the day).
  const [stats] = await ws.all<{ active: bigint; active_hours: bigint; interactive: number | null }>(
    `SELECT count(*) FILTER (WHERE active) AS active, count(DISTINCT slot % 24) FILTER (WHERE active) AS active_hours,
      sum(n)::DOUBLE AS interactive FROM _cls_org_slots`,
  );
  const activeSlots = Number(stats?.active ?? 0n);
  const activeHours = Number(stats?.active_hours ?? 0n);
  const interactiveRequests = stats?.interactive ?? 0;
  // A flat histogram (a global product, or too little interactive traffic) says nothing about phase: most of the
  // week's hours busy, or flat by the test that calls a workload flat, its quietest and busiest tenths aside
  // (orgFlatSql: a spike a day from a job on people's key can leave under maxActiveSlotShare of the hours busy). Nor
  // does one that is a job's: busy in fewer than minHumanHoursOfDay hours of the day.
  const [flatness] = await ws.all<{ flat: boolean | null }>(orgFlatSql(slots));
  const usable =
    interactiveRequests >= minInteractiveRequests && activeHours >= minHumanHoursOfDay && activeSlots <= maxActiveSlotShare * slots && flatness?.flat !== true;
  const shape = { weekly, slots, activeSlots: Math.max(activeSlots, 1), interactiveRequests, usable };
  await ws.run(`CREATE OR REPLACE TABLE label_org_shape AS SELECT ${weekly} AS weekly, ${slots} AS slots, ${activeSlots} AS active_slots,
    ${activeHours} AS active_hours, ${interactiveRequests} AS interactive_requests, ${flatness?.flat === true} AS flat, ${usable} AS usable`);
  return shape;
}
