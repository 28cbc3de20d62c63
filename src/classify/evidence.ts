// Workload evidence -> a label. Each signal becomes {side, strength, text}; the strongest "someone waits"
// signal and the combined "nobody waits" strength decide, and weak or conflicting evidence means blocking:
// quietly batching something a user waits on is the costliest mistake (seed 002).
import { sqlString } from '../db/sql.ts';
import { keepsWeekendShare, lumpyAbsentShare, lumpyDispersion, lumpyMaxFloorShare, lumpyMinMedian, lumpyMixedFloorShare, lumpyMinWeekdays, lumpySpreadShare, lumpyStepShare, mixShiftShare, quietWeekendShare } from './signals/days.ts';
import { bulkEmbeddingTokens, freshTokensPerEstimatedRequest, queryEmbeddingTokens } from './signals/per-call.ts';
import { minuteBurstMaxOtherShare, minuteBurstRate } from './signals/minute-buckets.ts';
import { burstPaceUs, machineWorkloadShare, returnsSpeakSql } from './signals/runs.ts';
import { idsTightShare, machineGapShare, machineRepeatCalls, machineRunCalls, minHumanThinkSeconds, onceIdShare, thinkTimeSeconds, tightLoopCallsPerMinute } from './signals/sequence.ts';
import { flatMaxPeakToMean, flatMinCoverage, flatMinTroughToMean, scheduledTop3Share } from './signals/time-shape.ts';

/** `volume`: read from volume over hours and days, which rows that count no requests give as estimated requests. */
type Evidence = { readonly side: 'wait' | 'free'; readonly strength: number; readonly when: string; readonly text: string; readonly volume?: true };

const pct = (share: string): string => `round(100 * ${share})::INTEGER || '%'`;

/**
 * A workload mostly of calls, not usage buckets: calls_share is the share of its rows that are calls (label_workloads).
 * The signs read from one call's pace (serial runs, fan-out, tight loops) need it; `rules suggest` notes that a
 * workload of usage rows (its complement) may be several services.
 */
export const mostlyCallsSql = 'calls_share >= 0.5';

/** Lane mix: the rest of the workload's API key sends at least this share of its requests on a discounted lane. */
export const laneMixShare = 0.1;

/** Days that come in lumps (signals/days.ts): whole runs of work some days and not others, floor or no floor. */
const lumpyShape = `span_weekdays >= ${lumpyMinWeekdays} AND weekday_median >= ${lumpyMinMedian} AND (weekday_spread_share >= ${lumpySpreadShare} OR weekday_step_share >= ${lumpyStepShare} OR weekday_absent_share >= ${lumpyAbsentShare}) AND weekday_dispersion >= ${lumpyDispersion}`;

/** How the day's tokens per request move with its volume, as text (signals/days.ts token mix). */
const mixText = `'input ' || coalesce(round(100 * mix_input)::INTEGER || '%', '–') || ', output ' || coalesce(round(100 * mix_output)::INTEGER || '%', '–')
  || ', cache-read share ' || coalesce(round(100 * mix_cached)::INTEGER || ' points', '–')`;

/** How a name signal's text begins (both sides): rules suggest asks about a label that rests on names alone. */
export const nameEvidencePrefix = 'name: ';

/**
 * The strength of "follows the org's human activity" (the time shape, weak): the one sign of someone waiting that the
 * calls show and that a machine's runs outweigh with a name (decisionSql). A job people start in their working hours,
 * or schedule into them, falls in the org's busy hours as their own calls do; its runs (serial, fan-out, a cron launch)
 * say what it is.
 */
export const humanHoursWaitStrength = 0.6;

/**
 * Over one row of the workload aggregate (columns named in classify.ts). `shape_ok` gates the signals read against the
 * org's human hours. `estimated`: most of the workload's rows are usage rows that count no requests, so the signals read
 * from volume over hours and days (`volume`) read its requests as estimated from tokens, and say so.
 */
export const evidence: readonly Evidence[] = [
  { side: 'wait', strength: 0.95, when: 'streamed_share >= 0.2',
    text: `'streamed: ' || ${pct('streamed_share')} || ' of requests stream or report a time to first token (someone watches tokens arrive)'` },
  { side: 'wait', strength: 0.9, when: 'cancelled_share >= 0.005',
    text: `'cancelled: ' || ${pct('cancelled_share')} || ' of requests were stopped mid-generation (someone pressed stop)'` },
  { side: 'wait', strength: 0.9, when: 'chain_share >= 0.2',
    text: `'agent loop: ' || ${pct('chain_share')} || ' of calls are chained in one trace or session, each starting within 2 s of the last (a chain cannot wait 24 h per step)'` },
  { side: 'wait', strength: 0.9, when: 'priority_share >= 0.5',
    text: `'billed on the priority lane: someone pays to wait less'` },
  { side: 'wait', strength: 0.8, when: `user_share >= 0.3 AND user_gap_median_s BETWEEN ${minHumanThinkSeconds} AND ${thinkTimeSeconds.max} AND ${returnsSpeakSql('id_split', 'rows')}`,
    text: `'end users: ' || ${pct('user_share')} || ' of calls carry a user id, with a median ' || round(user_gap_median_s)::INTEGER || ' s of think time between one user''s calls'` },
  { side: 'wait', strength: 0.75, when: `fg_share >= 0.5 AND bg_share < 0.5`,
    text: `'${nameEvidencePrefix}"' || fg_word || '" names an interactive surface'` },
  { side: 'wait', strength: 0.75, when: `embedding_share >= 0.5 AND embedding_input_median <= ${queryEmbeddingTokens}`,
    text: `'short embedding inputs (median ' || round(embedding_input_median)::INTEGER || ' tokens): query embeddings someone is searching with'` },
  { volume: true, side: 'wait', strength: humanHoursWaitStrength, when: 'shape_ok AND human_hours_share >= 0.85 AND human_hours_share >= human_hours_baseline + 0.3',
    text: `'follows the org''s human activity: ' || ${pct('human_hours_share')} || ' of requests fall in the busiest hours of interactive traffic (flat traffic would put ' || ${pct('human_hours_baseline')} || ' there)'` },
  { side: 'free', strength: 0.9, when: `${mostlyCallsSql} AND serial_share >= 0.5`,
    text: `'serial runs: ' || ${pct('serial_share')} || ' of requests' || run_base_note || ' in ' || serial_runs || ' run(s) of back-to-back calls (median ' || round(serial_median_calls)::INTEGER || ' calls, each starting within 1 s of the last one''s end, nothing else in flight): a script looping over rows; a person reads between calls'` },
  { side: 'free', strength: 0.9, when: `${mostlyCallsSql} AND fanout_share >= 0.5`,
    text: `'fan-out: ' || ${pct('fanout_share')} || ' of requests' || run_base_note || ' in ' || fanout_runs || ' run(s) of ' || round(fanout_streams)::INTEGER || ' parallel streams of back-to-back calls, steady for a median ' || round(fanout_minutes)::INTEGER || ' min: workers draining a queue'` },
  { side: 'free', strength: 0.8, when: `launch_share >= 0.5`,
    text: `'launch shape: ' || ${pct('launch_share')} || ' of requests' || run_base_note || ' in runs that ' || CASE WHEN cron_req >= steady_req
      THEN 'start at ' || lpad((cron_minute // 60)::VARCHAR, 2, '0') || ':' || lpad((cron_minute % 60)::VARCHAR, 2, '0') || ' UTC on ' || cron_days || ' days (cron)'
      ELSE 'start at full rate and hold it steady until done (' || steady_eps || ' runs; a crowd ramps up and varies)' END` },
  // A poller (signals/runs.ts): its bursts are too short for serial runs and fan-out, and its start moves in the hour.
  { side: 'free', strength: 0.8, when: `burst_share >= 0.5`,
    text: `'recurring bursts: ' || ${pct('burst_share')} || ' of requests' || run_base_note || ' in ' || bursts || ' bursts of machine-paced calls (each starting within ${burstPaceUs / 1e6} s of the last one\'\'s end), one every ' || round(burst_gap_mn)::INTEGER || ' min (median; '
      || ${pct('burst_cadence_share')} || ' of them on that beat: half to 1.5 times it after the last, or two or three times, a beat or two skipped): a poller draining a queue; people do not come in machine-paced bursts on a clock'` },
  // The same poller in usage rows of a minute (signals/minute-buckets.ts): no calls to pace, its minutes instead.
  { volume: true, side: 'free', strength: 0.8, when: `minute_burst_share >= 0.5 AND minute_other_share <= ${minuteBurstMaxOtherShare}`,
    text: `'recurring bursts in minute buckets: ' || ${pct('minute_burst_share')} || ' of requests in ' || minute_bursts || ' bursts of back-to-back minutes (requests in every minute from the first to the last, ${minuteBurstRate}+ a minute, after 5 minutes without any), one every '
      || round(minute_burst_gap_mn)::INTEGER || ' min (median; ' || ${pct('minute_burst_cadence_share')} || ' of them on that beat: half to 1.5 times it after the last, or two or three times, a beat or two skipped; '
      || ${pct('minute_other_share')} || ' in longer or slower stretches): a poller draining a queue; people do not come in dense bursts on a clock'` },
  // Ids seen once count only at a machine's pace (most calls in minutes of 20+ calls): a one-question widget
  // also sees each visitor once, but visitors arrive at a human pace.
  // Machine-paced repeats count only in long runs (signals/sequence.ts, userRunsSql): an agent's steps are short runs.
  { side: 'free', strength: 0.8, when: `user_share >= 0.3 AND ((once_share >= ${onceIdShare} AND tight_share >= ${idsTightShare})
      OR (repeat_calls >= ${machineRepeatCalls} AND machine_gap_share >= ${machineGapShare} AND machine_run_share >= 0.5))`,
    text: `'user ids that are not people: ' || CASE WHEN once_share >= ${onceIdShare} AND tight_share >= ${idsTightShare}
      THEN ${pct('once_share')} || ' of calls carry an id seen at most twice, ' || ${pct('tight_share')} || ' of them in minutes of ${tightLoopCallsPerMinute}+ calls (one id per row, faster than visitors arrive)'
      ELSE ${pct('machine_gap_share')} || ' of one id''s repeat calls start within 1 s of its last answer (no time to read it), ' || ${pct('machine_run_share')}
        || ' of them in runs of ${machineRunCalls}+ calls back to back (median ' || round(machine_run_median)::INTEGER || '; an agent''s steps come a few at a time)' END` },
  { volume: true, side: 'free', strength: 0.75, when: `span_days >= 7 AND absent_day_share >= 0.25 AND day_cv >= 1.0 AND active_day_median >= 200`,
    text: `'irregular days: absent on ' || ${pct('absent_day_share')} || ' of the org''s active days, ' || round(active_day_median)::INTEGER || ' requests on a median day it runs (daily variation ' || round(day_cv, 1) || 'x the mean): work started now and then, not people who come back every day'` },
  // Lumpy days (signals/days.ts): the day-bucket sign of jobs started by hand on most working days, which
  // "irregular days" misses because they are rarely absent. Lumps on a steady floor count only when the floor
  // cannot be people (weekend silence) and the lumps are the floor's kind of work (a steady token mix: usage
  // buckets only; per-call data has stronger signs). Lumps of another kind of work than the rest (the mix moves)
  // count under a lower floor (lumpyMixedFloorShare): the rest may be people.
  { volume: true, side: 'free', strength: 0.75, when: `${lumpyShape} AND (weekday_floor_share < CASE WHEN mix_shift >= ${mixShiftShare} THEN ${lumpyMixedFloorShare} ELSE ${lumpyMaxFloorShare} END
      OR (weekend_silent AND mix_shift < ${mixShiftShare}))`,
    text: `'lumpy days: on the org''s working days its requests spread ' || ${pct('weekday_spread_share')} || ' of its median day (' || round(weekday_median)::INTEGER || ') between the quartiles, trend aside, and move a median ' || ${pct('weekday_step_share')} || ' from one day to the next' || CASE WHEN weekday_absent_share > 0 THEN ' and stop on ' || ${pct('weekday_absent_share')} || ' of them' ELSE '' END || ', in lumps of about ' || round(weekday_dispersion)::INTEGER || ' requests (variance over mean), its quietest days at ' || ${pct('weekday_floor_share')} || ' of its median one' || ': whole runs of work some days and not others; a crowd of people moves by a few per cent a day'
      || CASE WHEN weekday_floor_share >= ${lumpyMaxFloorShare} THEN '; its floor is not people: it never runs on a weekend day, while the org''s people do (' || people_weekend_workloads || ' workload(s) at a median ' || ${pct('people_weekend_share')} || ' of their weekday volume)' ELSE '' END
      || CASE WHEN mix_shift >= ${mixShiftShare} THEN '; but its tokens per request move with its volume (from its quiet to its busy working days: ' || ${mixText} || '), so its lumps are another kind of work than the rest, which may be people on the same key, project and model: check it, or give the job a key or project of its own'
        WHEN mix_shift IS NOT NULL THEN '; its tokens per request move ' || round(100 * mix_shift)::INTEGER || '% or less with its volume (one kind of work)' ELSE '' END` },
  // Weak on its own (a 24/7 customer-facing service keeps weekends too): it adds to another sign, and shows in explain.
  { volume: true, side: 'free', strength: 0.5, when: `org_weekend_days >= 4 AND org_weekend_share <= ${quietWeekendShare} AND weekend_days_on >= org_weekend_days AND weekend_share >= ${keepsWeekendShare} AND requests >= 200`,
    text: `'runs through weekends: on every weekend day, at ' || ${pct('weekend_share')} || ' of its weekday volume, while the org as a whole drops to ' || ${pct('org_weekend_share')} || ' (the org''s people work in the week; a schedule does not)'` },
  // Lane mix: weak (a product key may send its nightly work to the batch lane and still serve users live);
  // it adds to another sign and shows in explain.
  { side: 'free', strength: 0.4, when: `key_batch_share >= ${laneMixShare} AND discounted_share < 0.5`,
    text: `'lane mix: its API key sends ' || ${pct('key_batch_share')} || ' of its other requests on the batch or flex lane (a key whose owners already take a slow answer for part of its work)'` },
  { volume: true, side: 'free', strength: 0.75, when: `onoff_share >= 0.5`,
    text: `'on/off hours: ' || ${pct('onoff_share')} || ' of requests fall in hours of the day when it runs at a median ' || round(onoff_on_median)::INTEGER || ' requests/h on some days and not at all on others: work started now and then, not people who come back at the same hour'` },
  { side: 'free', strength: 0.85, when: `embedding_share >= 0.5 AND embedding_input_median >= ${bulkEmbeddingTokens}`,
    text: `'bulk embeddings: median ' || round(embedding_input_median)::INTEGER || ' input tokens per request (documents, not a query)'` },
  { volume: true, side: 'free', strength: 0.85, when: 'shape_ok AND requests >= 20 AND human_hours_share <= least(0.2, 0.5 * human_hours_baseline)',
    text: `'out of phase with the org''s human activity: ' || ${pct('human_hours_share')} || ' of requests in the busy hours of interactive traffic (flat traffic would put ' || ${pct('human_hours_baseline')} || ' there)'` },
  { side: 'free', strength: 0.8, when: 'bg_share >= 0.5 AND fg_share < 0.5',
    text: `'${nameEvidencePrefix}"' || bg_word || '" names a scheduled or bulk job'` },
  // Weak on its own: a busy API with no user ids also fills its minutes. Serial runs and fan-out (runs.ts) say
  // what a loop is when calls have durations; this one adds to other signs.
  { side: 'free', strength: 0.6, when: `${mostlyCallsSql} AND user_share < 0.1 AND streamed_share < 0.05 AND tight_share >= 0.7`,
    text: `'tight loop: ' || ${pct('tight_share')} || ' of calls come in minutes with ${tightLoopCallsPerMinute}+ calls, with no end user and no streaming (a job looping at fixed concurrency)'` },
  { volume: true, side: 'free', strength: 0.75, when: `requests >= 50 AND active_days >= 3 AND top3_hours_share >= ${scheduledTop3Share} AND NOT coalesce(user_gap_median_s BETWEEN ${thinkTimeSeconds.min} AND ${thinkTimeSeconds.max}, false)`,
    text: `'scheduled: ' || ${pct('top3_hours_share')} || ' of requests fall in the same 3 hours of the day, on ' || active_days || ' days'` },
  // Weak, as running through weekends is: a service someone waits on around the clock (an alert explainer paging the
  // on-call engineer, a moderation check) is as flat as a queue worker, so flatness only adds to another sign of a
  // machine (a worker's tight loops, bursts or fan-out). At 0.75 it decided alone, and devops-br's alert explainer
  // (a blind org until its first run) was labelled batchable on it.
  { volume: true, side: 'free', strength: 0.5, when: `shape_ok AND slot_coverage >= ${flatMinCoverage} AND trough_to_mean >= ${flatMinTroughToMean} AND peak_to_mean <= ${flatMaxPeakToMean}`,
    text: `'flat around the clock: requests in ' || ${pct('slot_coverage')} || ' of the hours of the ' || slot_unit || ', none above ${flatMaxPeakToMean}x the mean (the org''s people are not; weak alone: a service someone waits on can run around the clock too)'` },
];

/** What a volume signal adds to its text when the workload's requests are estimated from its tokens. */
export const estimatedNote = ` [requests estimated from tokens, one per ${freshTokensPerEstimatedRequest.toLocaleString('en-US')} fresh tokens: its rows count none]`;

/** A list of {k: -strength, side, text} for the signals present in a workload row, strongest first. */
export const evidenceListSql = `list_sort(list_filter([
    ${evidence.map((e) => `CASE WHEN coalesce(${e.when}, false) THEN {'k': ${-e.strength}, 'side': ${sqlString(e.side)}, 'text': ${e.volume === true ? `(${e.text}) || CASE WHEN estimated THEN ${sqlString(estimatedNote)} ELSE '' END` : e.text}} END`).join(',\n    ')}
  ], lambda e: e IS NOT NULL))`;

/** Whether evidence `e` (an element of `ev`) is a name's, not something the calls did. */
export const nameEvidenceSql = (e: string): string => `starts_with(${e}.text, ${sqlString(nameEvidencePrefix)})`;

/** The strongest wait signal among those `also` lets through (0 if none). */
const strongestWaitSql = (also: string): string => `coalesce(list_max(list_transform(list_filter(ev, lambda e: e.side = 'wait' AND ${also}), lambda e: -e.k)), 0)`;
/** The combined free strength 1 - prod(1 - s) of the free signals `also` lets through. */
const combinedFreeSql = (also: string): string =>
  `1 - coalesce(list_aggregate(list_transform(list_filter(ev, lambda e: e.side = 'free' AND ${also}), lambda e: 1 + e.k), 'product'), 1)`;
/** Strongest wait signal (0 if none) and combined free strength 1 - prod(1 - s). */
export const waitMaxSql = strongestWaitSql('true');
export const freeCombinedSql = combinedFreeSql('true');
/** The strongest wait signal that is not a name (0 if none): what the calls themselves show. */
export const callsWaitSql = strongestWaitSql(`NOT ${nameEvidenceSql('e')}`);
/** The combined free strength of the signals that are not a name: what the calls themselves show. */
export const callsFreeSql = combinedFreeSql(`NOT ${nameEvidenceSql('e')}`);

/**
 * A name alone does not label batchable a workload whose calls were timed (a duration on half its rows or more, so the
 * run signals could see a machine's pace), seen long enough for a job's runs to show (50 requests or more, on 3 days or
 * more, as "scheduled" asks: a handful of a night's calls make no run) and came nearly all one at a time: at most this
 * share of its requests in a machine's runs. The mirror of a name alone that says someone waits (machineWorkloadShare,
 * below). Words that name a job also name services someone waits on: an upload service called `ingest-svc` checks each
 * lyric sheet before it goes live (music-se, a tune org since its first run: 12,000 calls around the clock, none back to
 * back, labelled batchable on "ingest" and flat hours, 2.9% of its blocking spend), a `reports` API writes the page a
 * user opened. A job, even one named so, comes in runs: back to back, in parallel, at a launch minute or in bursts.
 * A tag that names the workload is the team's word for what its calls are, not a key's for what it serves: there the
 * name still decides (the bundled month's `catalog-enrichment` backfill, tagged so, calls at random over 12 days).
 */
export const nameAloneMaxMachineShare = 0.1;
/**
 * Usage rows of a minute that count their requests show the same: a workload whose minute rows (half its rows or more)
 * hold at most this many requests on average came one at a time, where a job's minutes hold a run's (a worker calling
 * back to back makes one call every few seconds: minute-buckets.ts minuteBurstRate; airline-ca's hourly poller holds 5.3
 * a minute, its jobs 25 to 334). Rows that count no requests weigh an estimate from their tokens (per-call.ts weightSql), which says nothing of
 * how many came, so only counted rows are read. Found on airline-ca (a tune org since its first run) in minute buckets:
 * bag photos passengers wait on, on a key named `bags-worker`, 1.06 requests a minute, were labelled batchable on
 * "worker", 1.6% of its blocking spend.
 */
export const nameAloneMinuteRate = 1.5;
/** How the reason of a workload held blocking so begins (explain reads it). */
export const nameAloneLeadPrefix = 'only a name says nobody waits, ';

/**
 * The decision over (wait, free): strong wait -> blocking; medium wait beats anything (conflict -> blocking),
 * unless only a name says someone waits (with the org's busy hours at most: humanHoursWaitStrength) and nearly all its requests are a machine's runs (signals/runs.ts:
 * machineWorkloadShare): a word in a key's name says what the key serves, not who waits (claims-eu's contact-centre
 * poller, a key named `voice-svc` with 100% of its requests in hourly bursts, was held blocking by "voice" as a generic
 * CSV, and labelled batchable as Helicone and SpendLogs, which carry no key name); a weak wait (time shape only) yields
 * to two agreeing free signals; free alone needs one clear signal, and a name alone is not one for timed calls that
 * came one at a time (nameAloneMaxMachineShare), nor for minute rows that counted one at a time (nameAloneMinuteRate).
 */
export const decisionSql = `CASE
    WHEN wait >= 0.85 THEN {'label': 'blocking', 'conf': wait, 'by': 'heuristic', 'lead': NULL}
    WHEN wait >= 0.7 AND wait_calls <= ${humanHoursWaitStrength} AND free >= 0.75 AND machine_share >= ${machineWorkloadShare} THEN {'label': 'non_blocking', 'conf': 0.65, 'by': 'heuristic',
      'lead': CASE WHEN wait_calls = 0 THEN 'only a name says someone waits, and ' ELSE 'only a name and the org''s busy hours say someone waits, and ' END
        || round(100 * machine_share)::INTEGER || '% of its requests come in a machine''s runs: the calls'' timing outweighs a name (low confidence: check it)'}
    WHEN wait >= 0.7 AND free >= 0.75 THEN {'label': 'blocking', 'conf': 0.55, 'by': 'heuristic', 'lead': 'conflicting evidence, so blocking (the safe side: batching something a user waits on is the worst mistake)'}
    WHEN wait >= 0.7 THEN {'label': 'blocking', 'conf': wait, 'by': 'heuristic', 'lead': NULL}
    WHEN free >= 0.75 AND free_calls < 0.75 AND (timed_share >= 0.5 OR counted_minute_share >= 0.5 AND minute_rate <= ${nameAloneMinuteRate})
        AND machine_share <= ${nameAloneMaxMachineShare} AND requests >= 50 AND active_days >= 3 AND NOT tag_named THEN {'label': 'blocking', 'conf': 0.55, 'by': 'heuristic',
      'lead': '${nameAloneLeadPrefix}and its calls came one at a time (' || CASE WHEN timed_share >= 0.5
        THEN round(100 * machine_share)::INTEGER || '% of its requests in a machine''s runs'
        ELSE 'its minute buckets hold ' || round(minute_rate, 2) || ' requests on average' END || '): the calls'' timing outweighs a name, so blocking (low confidence: check it)'}
    WHEN wait > 0 AND free >= 0.9 THEN {'label': 'non_blocking', 'conf': least(free, 0.97) - 0.1, 'by': 'heuristic', 'lead': NULL}
    WHEN wait > 0 THEN {'label': 'blocking', 'conf': 0.6, 'by': 'heuristic', 'lead': NULL}
    WHEN free >= 0.75 THEN {'label': 'non_blocking', 'conf': least(free, 0.97), 'by': 'heuristic', 'lead': NULL}
    WHEN free > 0 THEN {'label': 'blocking', 'conf': 0.5, 'by': 'default', 'lead': 'weak evidence that nobody waits, so blocking by default'}
    ELSE {'label': 'blocking', 'conf': 0.5, 'by': 'default', 'lead': 'no evidence either way, so blocking by default (add a rule to say otherwise)'}
  END`;

/** Reasons: the lead (if any), then the deciding side strongest first, then the other side as "against". */
export const reasonsSql = `list_concat(
    CASE WHEN d.lead IS NULL THEN []::VARCHAR[] ELSE [d.lead] END,
    list_transform(list_filter(ev, lambda e: (e.side = 'wait') = (d.label = 'blocking')), lambda e: e.text),
    list_transform(list_filter(ev, lambda e: (e.side = 'wait') <> (d.label = 'blocking')), lambda e: 'against: ' || e.text))`;
