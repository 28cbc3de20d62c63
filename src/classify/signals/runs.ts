// Run signals: how a workload's calls follow one another, from its calls' starts and ends each written sorted and
// matched by ASOF joins (workload, start, end, weight), for the workloads that could be jobs (per-call rows, mostly not
// streamed or cancelled: the others are decided by that evidence anyway, and skipping them keeps labelling
// within its time budget).
//   serial runs   one call after another, each starting within 1 s of the previous one's end, hundreds of
//                 times in a row, with nothing else in flight: a script looping over rows. A person reads.
//   fan-out       the same, with N calls always in flight (N workers each looping), steady until done.
//   launch shape  activity episodes (no call for 5 minutes before) that start at the same minute of the day
//                 on several days (cron), or start at full rate and hold it until done, within 12 h (a job,
//                 not a crowd, which ramps; and not a busy API, which never stops).
//   recurring     short bursts of machine-paced calls (a few workers draining a queue for a minute or two), each
//   bursts        after 5 minutes of silence, on a steady cadence (every hour, say) for days: a poller. Its runs
//                 are too short for the loop signals and its start minute moves, so cron misses it; people do
//                 not come in machine-paced bursts on a clock, and agents' bursts come when people ask.
// Agent loops chain calls too, but in short runs inside one trace; they are found by the chain signal.
import { hasRows } from '../../db/has-rows.ts';
import type { Workspace } from '../../db/workspace.ts';
import { stddevPopOfIntegers } from './exact.ts';
import { hasFlagSql } from './per-call.ts';
import { minLoopSpanMinutes, onceIdShare, thinkTimeSeconds, tieOrderSql } from './sequence.ts';

/** A call starting this soon (µs) after the latest end of another call of its workload continues a run. */
export const backToBackUs = 1_000_000;
/** A run needs this many calls in a row to be a loop ("hundreds of times in a row"). */
export const minLoopCalls = 100;
/**
 * In a loop run, this share of starts find the in-flight count in the run's band: at its ceiling or one below, and for a
 * fan-out at least one other call (bandLowSql), leaving out the run's tail (maxTailShare).
 */
export const minCeilingShare = 0.8;
/**
 * A run's ceiling: the most calls in flight that this share of its starts find. It was 1% until 2026-12-07: people's
 * calls that start while a job runs (one call each, seconds long) are each in flight at a few of the workers' starts,
 * and lifted it, as many starts as the share of the time such a call is in flight. audit-za (a tune org since its first
 * run): working-paper summaries by hand, 3 workers, on the document service's key, project and model, where auditors ask
 * one question each; up to 4% of each launch's starts found 3 calls in flight (two workers and a question), and 5 of its
 * 7 launches failed the band at that ceiling (62-73% of their starts at 2 or 3); at 2 four of them passed (80-95%), the
 * fifth (74%) once its tail of one worker alone was left out (maxTailShare). A fifth: a
 * question a minute of 4 s lifts 7% of the starts, and a serial loop's starts that a visitor lifts to 1 must not make
 * its ceiling 1, where the band leaves 0 out (bandLowSql).
 */
export const ceilingStartsShare = 0.2;
/**
 * A run's tail, the starts after its last one at the ceiling (workers given uneven shares of the rows, finishing one by
 * one, the last alone), is left out of the band's share when it is at most this share of the run; a longer tail is a run
 * of another shape. audit-za's launches above ended with 7 to 50 starts of one worker alone (of 165 to 316). After the
 * last start at the ceiling, not in the band: a question in flight while the last worker runs alone lifts a start of
 * its into the band now and then, and the tail before it counted against the band.
 */
export const maxTailShare = 0.5;
/**
 * The band's low end: one below the ceiling, and for a fan-out at least 1 (each start finds another worker in flight).
 * Calls arriving at random find a number in flight that varies as a Poisson count does: two neighbouring counts from 1
 * up hold at most 59% of the starts (1 and 2, at 1.4 calls in flight on average), and with 0 in the band, at under 0.25 in
 * flight on average (5 calls a second of 50 ms) 0 and 1 hold 97% of the starts. A serial run's band is 0 alone: calls
 * at random pass it at under 0.22 in flight on average, but chain into runs of minLoopCalls only at about 5 a second or
 * more (each within 1 s of an end or in flight with one), which makes them calls of under 45 ms on average. A limit: a
 * service people wait on that sends such quick calls (query embeddings) that often would read as a serial loop.
 */
const bandLowSql = (ceiling: string): string => `CASE WHEN ${ceiling} = 0 THEN 0 ELSE greatest(${ceiling} - 1, 1) END`;
/** No call for this long (µs) ends an activity episode. */
export const episodeGapUs = 300_000_000;
/** A steady episode longer than this (minutes) is a stream that never stops (a busy API), not a job that runs until done. */
export const maxSteadyMinutes = 720;
/** A burst: an episode of at least this many calls, most of them machine-paced (burstPacedShare), lasting at most maxBurstMinutes. */
export const minBurstCalls = 5;
export const maxBurstMinutes = 60;
/** In a burst, at least this share of calls start within burstPaceUs of the latest end (the first of each worker cannot). */
export const burstPacedShare = 0.75;
/**
 * Within a burst a call is machine-paced when it starts within 10 s of the latest end, where a loop run needs 1 s: a
 * poller that sleeps between calls (a rate limit, `sleep(1)`) is still a machine, and nobody reads an answer of
 * several seconds' generation and asks again that fast. The loose pace is safe here because the bursts must also
 * come on a clock for days (minBursts, burstCadenceShare), which people do not. Found on newsroom-us (a blind org
 * until its first run, eval/orgs.ts): its transcript poller sleeps 0.3-1.2 s between calls of 6-16 s (up to 2.4 s
 * varied), so its runs of 3 to 15 calls had 69% of their calls within 1 s (88.6% within 5 s), and 243 of its 634 runs
 * of 5+ calls were bursts (632 at 5 s), too few for the cadence; it was labelled blocking by default. With 5 s, no other
 * dataset of the eval family moved. Then 10 s: hr-mx's interview-notes poller (a blind org until a second seed's run)
 * sleeps 1.5-4.5 s for a rate limit, 1.5-9 s in its varied rendering (over 5 s about half the time, as drawn), where it
 * was labelled blocking ($316 of $1,048). A rate limit of a few requests a minute makes a script wait that long; a person
 * who reads an answer and asks again takes longer, and people's bursts do not come on a clock.
 */
export const burstPaceUs = 10_000_000;
/** Recurring bursts need this many bursts, on at least minBurstDays days (UTC). */
export const minBursts = 48;
export const minBurstDays = 3;
/**
 * Recurring bursts come on a cadence: this share of the intervals between one burst's start and the next lie
 * within half to 1.5 times their median. Arrivals at random (people, events) put about 35% there; an hourly poller
 * whose start moves by up to 50 minutes in the hour puts about 84% (the difference of two uniform starts).
 */
export const burstCadenceShare = 0.7;
/**
 * A poller that finds nothing to do in an hour makes no burst then: the next interval is two or three beats long.
 * Such intervals count on the cadence too, within a quarter of a beat of two or three times the median: hr-mx (a tune
 * org) varied at a fresh draw (seed 20261007), whose interview-notes poller draws 1 to 15 calls an hour, had 534 bursts
 * in its 744 hours, and 69.9% of their intervals lay within half to 1.5 times the median (70 min), under
 * burstCadenceShare: blocking by default, 66.4% of the dataset's spend right. So counted, 81.5%, and 96.1% right.
 * Arrivals at random put about 48% of their intervals on the cadence so counted.
 */
export const maxSkippedBeats = 2;
/**
 * In a workload whose bursts recur, calls off them in a strand of this many or more (each in flight with the one
 * before or paced by its end) are the poller's light hours, kept with its job where the guard (mixedOffRunShare) holds
 * calls off the runs blocking. hr-mx (a tune org) as a Helicone or Langfuse export, where no key names the poller: with
 * its skipped beats on the cadence (maxSkippedBeats) its bursts recur, and its hours of two to four calls were 19% of
 * its requests held blocking as another client's (hr-mx-helicone 100.0% -> 94.1% right at seed 20261007). Three, not
 * two: another service's call follows one's end within burstPaceUs by chance (devops-br's alerts: 692 of 20,000), two
 * in a row rarely.
 */
export const minLightStrandCalls = 3;
/** Whether an interval `gap` lies on the cadence of median `beat` (burstCadenceShare, maxSkippedBeats). */
const onCadenceSql = (gap: string, beat: string): string => `(${gap} BETWEEN 0.5 * ${beat} AND 1.5 * ${beat}
        OR (round(${gap} / ${beat}) BETWEEN 2 AND ${maxSkippedBeats + 1} AND abs(${gap} - round(${gap} / ${beat}) * ${beat}) <= 0.25 * ${beat}))`;
/**
 * The cadence (median minutes from one burst's start to the next) a poller needs for its work to count as
 * batchable: work polled every half hour or more already waits that long for an answer. A poller every few
 * minutes says the answers are wanted within minutes (a moderation queue, alerts): a deadline under the hour,
 * which is blocking. Above a day, the bursts are cron's business (launch shape).
 */
export const burstCadenceMinutes = { min: 30, max: 1440 } as const;
/**
 * Whether bursts recur, as CTEs over a CTE `bursts` (wid, first_mn, day, req, gap_mn: minutes since the workload's last
 * burst's start): `recurring` holds, per workload whose bursts recur (minBursts on minBurstDays, burstCadenceShare of the
 * intervals on the cadence, its median within burstCadenceMinutes), their requests (burst_req), how many, the median
 * interval (burst_gap_mn) and the share on that beat. Bursts of calls (runCtes) and of minute buckets
 * (minute-buckets.ts) are read by it alike.
 */
export const recurringCtes = `cadence AS (
    SELECT wid, median(gap_mn) AS burst_gap_mn FROM bursts GROUP BY wid
  ), burst_stats AS (
    SELECT wid, sum(req) AS req, count(*) AS bursts, count(DISTINCT day) AS days, any_value(burst_gap_mn) AS burst_gap_mn,
      count(*) FILTER (WHERE ${onCadenceSql('gap_mn', 'burst_gap_mn')}) / nullif(count(gap_mn), 0) AS burst_cadence_share
    FROM bursts JOIN cadence USING (wid) GROUP BY wid
  ), recurring AS (
    SELECT wid, req AS burst_req, bursts, burst_gap_mn, burst_cadence_share FROM burst_stats
    WHERE bursts >= ${minBursts} AND days >= ${minBurstDays} AND burst_cadence_share >= ${burstCadenceShare} AND burst_gap_mn BETWEEN ${burstCadenceMinutes.min} AND ${burstCadenceMinutes.max}
  )`;
/**
 * A workload labelled batchable with most of its requests in its job's runs and at least this share off them
 * (offRunStartsSql) holds another client's calls under its name: those calls are held blocking. Tuned on the tune
 * orgs alone: no batchable workload of theirs has 5% or more of its requests off its runs, as usual or varied (the
 * most, data-company's analyst extraction: 3% of its spend, its loops' first calls), except a queue worker named so
 * (pacific-saas), which has no runs at all (100% off). The calls held are those in no piece of minBurstCalls (a
 * burst's least) back-to-back calls or more: a slow job's own calls fall off its runs in pieces of under 100 between its
 * retries' pauses, back to back (on legal-apac as a Langfuse window, a tune org, 6 workers of 15-45 s calls: 12.5% of
 * its workload's requests off the runs at one draw, every one held blocking until they were told apart), and another client's calls come one at a time, or
 * two when one starts within a second of another's end by chance (claims-eu's document extraction beside its fraud
 * scoring fan-out, a tune org: 33 pairs, none longer). The least share was a tenth, twice the tune orgs' most, until
 * clinic-es (a blind org until its first run) as a Langfuse window: doctors' referral drafts, one call each, under its
 * lab poller's model with no name, were 8.7% of that workload's requests and 14.2% of the dataset's blocking spend,
 * labelled batchable with the poller (14.0% at seed 20261007); at a twentieth, 0.7% and 0.8% (59 drafts of 1,194 at
 * the record seed, 42 of them starting while a call of the poller was in flight or under 10 s after one ended).
 */
export const mixedOffRunShare = { min: 0.05, max: 0.5 } as const;
/**
 * ...except where calls with ids naming no person were split from people's (workload-name.ts: oneOffIdCallsSql): they
 * are gathered from every service on the model by their ids alone, so people's visits with a fresh id come among a
 * job's, however few. There the calls off the job's runs (outside its pieces of back-to-back calls, as above) are held
 * blocking from the first. Found on telco-au (a tune org) as a
 * Langfuse window: 86 web-chat visits with an id seen once or twice, 0.2% of its blocking spend, were labelled
 * batchable with the QA scoring and call wrap-ups whose per-call ids joined them.
 * The same holds where the calls off the runs of a name no key or tag gave are visitors (visitorOffRunShare, below): a
 * job sending an id per row and a service sending one call at a time are two clients, however few the latter's calls.
 * Every call of such a name can be judged apart (one-off ids, and calls with no id at all), so that it is one workload
 * and no ids split is seen: bet-ng as a Langfuse window (a tune org since its first run), new sign-ups' ID checks (no
 * user id, 2.3% of the requests) under the model of a 12-worker risk sweep with an account id per call, 1.9% of the
 * dataset's blocking spend labelled batchable with the sweep.
 */
export const oneOffOffRunShare = 0;
/**
 * ...and only a workload whose runs are what labels it: at least this share of its requests in one kind of machine run
 * (machineRunRequestsSql). A workload labelled batchable by its time shape (flat around the clock, through weekends)
 * has that evidence from every call, its runs' and the rest: an hourly poller with a third of its hours under a burst's
 * minBurstCalls, on hr-mx (a tune org) as a Helicone export, had 19% of its spend held blocking for nothing.
 */
export const mixedRunShare = 0.5;
/**
 * ...or, with fewer in its runs (at least this share in one kind), where the workload's users come back after human
 * think time (userStatsSql: calls starting one second to half an hour after the same id's last answer) on at least
 * peopleOffRunRepeatShare as many calls as are off its runs: people among the job, whose calls the time shape that
 * labels the workload does not speak for. Found on pharmacy-de (a tune org since its first run), varied: its 07:00
 * refill reminders carry each customer through the order bot's key, project and model; the job's runs (a cron
 * launch on 20 days, 43% of the requests, and fan-out) outweigh the customers' questions (33%, off the runs, half of
 * them a second question after 15 to 90 s), the mixture is out of phase with the org's human hours, and the order
 * bot, 1.6% of the dataset's blocking spend, was labelled batchable with the job. The customers' gaps did not
 * show as end users (evidence.ts): the job's calls are the customers' too, days apart, and the median gap was a day.
 */
export const peopleMixedRunShare = 0.3;
export const peopleOffRunRepeatShare = 0.25;
/** The calls of a workload that come within human think time of the same id's last answer, over _cls_users' columns (of `t.`). */
export const humanRepeatCallsSql = (t = ''): string => `coalesce(${t}repeat_calls * (1 - ${t}machine_gap_share), 0)`;
/**
 * ...or, likewise, where the calls off its runs are visitors: most of the workload's calls carry an id seen at most twice
 * (as the ids signal reads them, evidence.ts) and at least visitorOffRunShare as many of its calls as are off its runs
 * came outside minutes of a loop's rate (tightLoopCallsPerMinute): people arriving one at a time, each with an id of
 * their own, among a job that carries an id per row. One-off ids make no returns, so the think-time test above cannot
 * see them, and the ids signal that labels such a workload speaks for its busy minutes only. Found on airline-ca (a tune
 * org since its first run), varied: its weekday loyalty emails carry each member through the passenger app's key,
 * project and model, where passengers ask one question each at check-in; with the job's fan-out at 46% of the requests
 * (under mixedRunShare), the passengers' questions, 22% of the requests and 1.0% of the dataset's blocking spend, were
 * labelled batchable with the job by its ids alone.
 * Where those ids label the workload (idsTightShare of its calls in busy minutes), its visitors are held whatever share
 * its runs hold (not only from peopleMixedRunShare): the ids signal speaks for the busy minutes, not the runs. Found on
 * bet-ng (a tune org since its first run): voided slips' settlement notes by hand, each carrying its bettor through the
 * slip explainer's key, project and model; its workers of uneven length left 29% of the requests in its fan-out, and the
 * bettors' one-question visits, 1.4% of the dataset's blocking spend, were labelled batchable with the job.
 */
export const visitorOffRunShare = 0.5;
/** The calls of a workload outside minutes of a loop's rate when most carry an id seen at most twice, over label_workloads' columns (of `t.`). */
export const visitorCallsSql = (t = ''): string =>
  `CASE WHEN ${t}once_share >= ${onceIdShare} THEN (1 - coalesce(${t}tight_share, 0)) * ${t}rows * ${t}calls_share ELSE 0 END`;
/**
 * In a workload that calls with one-off ids were split into (_cls_id_split: ids seen at most twice, in a name no API key
 * gave), the median think time between one id's calls speaks for the workload only when such returns are at least this
 * share of its calls: else it is a few visitors' second question among a job's rows, each with an id of its own. Read
 * for all of it, those few held the whole workload blocking as end users, and kept the run signals off it. Found on
 * insurer-jp as a Langfuse window at the fresh draw (a tune org): accident report translations (6 workers, a report id
 * per call, $365) beside the policy assistant's one-question visitors; 306 returns in 9,974 calls gave "a median 36 s
 * of think time", and the translations were labelled blocking.
 */
export const idSplitMinReturnShare = 0.1;
/** Whether a workload's median think time speaks for it (idSplitMinReturnShare), over `id_split` and _cls_users' columns (of `t.`). */
export const returnsSpeakSql = (idSplit: string, calls: string, t = ''): string =>
  `NOT (coalesce(${idSplit}, false) AND ${humanRepeatCallsSql(t)} < ${idSplitMinReturnShare} * ${calls})`;
/**
 * A workload's requests in its most common kind of machine run (serial runs, fan-out, a cron or full-rate launch,
 * recurring bursts), over _cls_runs' columns (runStatsSql).
 */
export const machineRunRequestsSql = 'greatest(coalesce(serial_req, 0), coalesce(fanout_req, 0), coalesce(cron_req, 0) + coalesce(steady_req, 0), coalesce(burst_req, 0))';
/**
 * A machine's workload: at least this share of its requests in one kind of machine run, so that no more than a
 * tenth of its calls can be people's. Its calls teach nothing about the org's human hours (time-shape.ts:
 * orgSlotsSql), and a name alone does not hold it blocking (evidence.ts: decisionSql).
 */
export const machineWorkloadShare = 0.9;
/** The machine's workloads (machineWorkloadShare), from _cls_runs and the requests per workload of `requests` (wid, n). */
export const machineWorkloadsSql = (requests: string): string => `SELECT r.wid FROM _cls_runs r JOIN (${requests}) q USING (wid)
  WHERE ${machineRunRequestsSql} >= ${machineWorkloadShare} * q.n`;

/** Run signals are computed only for workloads with at most this share of streamed, cancelled or chained calls. */
export const maxStreamedShareForRuns = 0.2;

/**
 * An event's key among the events of its kind (starts, ends or instants): (time µs, call key) as one number. ASOF joins
 * match on one inequality, and at a tie in time they must still find the last event at or before it. A call's rid is
 * its call_key (sequence.ts: tieOrderSql), a BIGINT from 0 to below 2^63, so the time is shifted past it: µs since
 * 1970 are below 2^52, and the key below 2^115 (a HUGEINT holds 2^127). A HUGEINT costs, so only the ends carry one
 * always (calls ending at the same microsecond are common); the starts get theirs only where there are instants.
 */
const eventKeySql = (t: string, rid: string): string => `(${t}::HUGEINT * 9223372036854775808 + ${rid})`;
/** A bound at `t` µs on those keys: the key of every start or end before `t` is below it, and with `inclusive` of every one at `t` too. */
const keyAtSql = (t: string, inclusive: boolean): string => `(${t}::HUGEINT * 9223372036854775808${inclusive ? ' + 9223372036854775807' : ''})`;

/**
 * A workload with this many calls per hour it has calls in (_cls_hourly), or more, is not looked into for calls to set
 * apart (apartSql): its calls come too close together to leave many stretches of a few calls between 5-minute
 * silences (at random times, one in 150 gaps is that long), and the window that looks for them cost 0.4 s on the 1M
 * candidate calls of the org bench shape with looping jobs, for none. Leaving calls in costs time only, never a label.
 */
const denseCallsPerHour = 60;
/** The calls' row `j` places after (before, when negative) the current one in its workload's order (apartSql's window). */
const nthSql = (col: string, j: number): string => (j === 0 ? col : `${j < 0 ? 'lag' : 'lead'}(${col}, ${Math.abs(j)}) OVER seq`);
/**
 * Whether the call `j` places from the current one surely opens an episode: it starts over 5 minutes after every call
 * before it ended. The call just before it ended at its last_t (its end, or its start without a duration); those before
 * that started no later than the one two places back, so ended by its start plus the workload's longest call. NULL
 * neighbours (the workload's first calls; past its last) make it true: a workload's first call opens its first episode,
 * and past the last call there is nothing to join.
 */
const opensSurelySql = (j: number): string => `coalesce(${nthSql('t', j)} - greatest(${nthSql('last_t', j - 1)}, ${nthSql('t', j - 2)} + longest) > ${episodeGapUs}, true)`;
/**
 * apart: the call lies in a stretch of its workload's calls between two calls that surely open an episode
 * (opensSurelySql), fewer than minBurstCalls in all. Every episode in it is that small, so its calls are in no loop
 * (100+ calls), cron launch (20+), steady run (100+) or burst (minBurstCalls+): they only count off the runs, whatever
 * their in-flight counts. Nor are they any other call's neighbours: the stretch lies 5 minutes of silence from the rest,
 * so leaving its calls out of the sorted starts and ends changes no other call's row (test/classify/back-to-back.test.ts
 * walks them). One window over the workload's calls in (time, rid) order finds the stretch's ends: the nearest sure
 * opening at or before the call (0 to minBurstCalls - 2 places back) and after it (1 to minBurstCalls - 1 places on).
 * Sparse machine traffic is mostly such stretches: 2.74M of the 2.78M candidate calls in the org bench shape without its
 * feature tag.
 */
const apartSql = (() => {
  const places = Array.from({ length: minBurstCalls - 1 }, (_, k) => k);
  const back = `CASE ${places.map((k) => `WHEN ${opensSurelySql(-k)} THEN ${k}`).join(' ')} ELSE ${minBurstCalls} END`;
  const ahead = `CASE ${places.map((k) => `WHEN ${opensSurelySql(k + 1)} THEN ${k + 1}`).join(' ')} ELSE ${minBurstCalls} END`;
  return `(${back}) + (${ahead}) < ${minBurstCalls}`;
})();

/** A call that says someone waits, or that no job of the standard lane makes: streamed, cancelled, chained, or on a discounted lane. */
const loudCallSql = `(${hasFlagSql(['streamed', 'cancelled', 'inChain'])} OR lane_code > 0)`;
/**
 * A workload that is no candidate for the run signals (people stream on it, or come back after think time) can still
 * carry a job's loop on its key, project and model: a reminder per abandoned cart written by 5 workers through the
 * shopping assistant's key, each call with the shopper's id. Its job hours are looked into, its quiet calls only (not
 * streamed, cancelled, chained or discounted): an hour with jobHourCalls calls or more and jobHourPeak times the
 * workload's median hour (a job's hour of hundreds of calls over people's tens), with the hours on either side (a run
 * that starts or ends in them). Its runs there say nothing of the workload's label (runStatsSql leaves these workloads
 * out): where it is labelled blocking, the calls of its loop runs are labelled batchable (jobRunCallsSql), the rest stay
 * blocking. People's hours are no job's hours: a crowd's busiest hour is a few times its median one; on the wide bench
 * shape (240 people's workloads, 5M calls) no hour reaches 2 times its workload's median (1.96 at most; the busiest, 55
 * calls), so none is read.
 */
export const jobHourCalls = 50;
export const jobHourPeak = 4;
/** (wid, hr): the hours (epoch hours) of the inner workloads (_cls_b2b_cand) whose quiet calls the run signals read. */
const jobHoursSql = `
  SELECT DISTINCT wid, hr + d.o AS hr FROM (
    SELECT wid, hr, call_rows, median(call_rows) OVER (PARTITION BY wid) AS med
    FROM _cls_hourly SEMI JOIN (SELECT wid FROM _cls_b2b_cand WHERE job_hours_only) USING (wid) WHERE call_rows > 0
  ) CROSS JOIN (VALUES (-1), (0), (1)) d(o)
  WHERE call_rows >= ${jobHourCalls} AND call_rows >= ${jobHourPeak} * med`;

/** Whether a gap (µs, from one call's end to the same user's next start) is a person's think time (thinkTimeSeconds). */
const thinkTimeGapSql = (gapUs: string): string => `${gapUs} BETWEEN ${thinkTimeSeconds.min * 1e6} AND ${thinkTimeSeconds.max * 1e6}`;
/**
 * The inner workloads' quiet calls in their job hours (jobHoursSql), with whether each is a person's (\`person\`): in a
 * trace or session of two calls or more there (but a job's run in one trace: chainKeysSql's job_run), or with a user
 * id that has another call there after or before think time (thinkTimeSeconds, as userStatsSql measures it: a start
 * after the last call's end). Runs are found among all of them, as the calls came; a person's call is never labelled
 * batchable for them (jobRunCallsSql). A person's unstreamed turn can start within a second of a worker's end by
 * chance (in a fan-out of 5 workers an end comes every 0.6 s on average): grocery-cl, 18 of the shopper assistant's calls
 * among the cart reminders' runs, all in sessions of two or more; without sessions, test/classify/run-signals.test.ts.
 */
const quietCallsSql = `
  SELECT wid, rid, t, w, e, has_dur,
    (chain_key IS NOT NULL AND chain_n > 1 AND chain_key NOT IN (SELECT chain_key FROM _cls_chain_keys WHERE job_run))
    OR coalesce(user_key IS NOT NULL AND (${thinkTimeGapSql('gap_before')} OR ${thinkTimeGapSql('gap_after')}), false) AS person
  FROM (
    SELECT wid, ${tieOrderSql} AS rid, epoch_us(ts) AS t, w, ended_us AS e, ended_us > epoch_us(ts) AS has_dur, flags, lane_code, chain_key, user_key,
      count(*) OVER (PARTITION BY chain_key) AS chain_n,
      epoch_us(ts) - lag(ended_us) OVER by_user AS gap_before, lead(epoch_us(ts)) OVER by_user - ended_us AS gap_after
    FROM _cls_calls SEMI JOIN _cls_b2b_inner i ON i.wid = _cls_calls.wid AND i.hr = epoch_ms(_cls_calls.ts) // 3600000 WHERE NOT bucket
    WINDOW by_user AS (PARTITION BY user_key ORDER BY ts, ${tieOrderSql}))
  WHERE NOT ${loudCallSql}`;

/**
 * Per start of a call in a candidate workload: requests (w), calls in flight besides it, whether it starts
 * back to back (within 1 s of the latest end) and whether it opens an episode (nothing in flight and nothing
 * ended for 5 minutes), in the order of a workload's start and end events: by time, ends before starts at the
 * same instant, the call's call_key breaking the remaining ties (rid: sequence.ts, tieOrderSql).
 * The in-flight counts take no window function: starts and ends are each written sorted (by workload, time, rid), so a row's place is
 * its row id in that table (a CREATE TABLE … ORDER BY writes its rows in that order: DuckDB preserves insertion order unless
 * preserve_insertion_order is turned off, which the workspace never does), and each workload's starts and ends
 * take the same places (one end per start with a duration). A start's in-flight count is the starts before it less
 * the ends at or before its time, found by an ASOF join (the last end at or before it: its place, and its time,
 * the latest end). The same events numbered by window functions (row_number per kind, then last_value over one
 * window frame) took 1.5-1.6 s at 2.8M candidate calls (the org bench shape without its feature tag, where every
 * call without a user is a candidate), these steps 1.1 s, in the same hour (on a loaded machine 2.7-2.8 s against
 * 1.6-2.0 s); running sums before took 4.1-4.6 s. The same rows: test/classify/back-to-back.test.ts checks them
 * against the definition, walked event by event.
 * Calls without a duration (no latency or end time) add no end event and count as instants: never in flight, never
 * back to back, and their episodes are cut by 5-minute silences alone. At the same instant they sort before starts.
 * Candidates: workloads of 100+ calls, mostly not streamed, cancelled, chained or on a discounted lane, and
 * not end users with think time (those are decided by that evidence whatever the runs say, and skipping them
 * keeps labelling within its time budget); of those others (inner), the quiet calls in their job hours only
 * (jobHoursSql, quietCallsSql), for the calls of a job's loop runs among people's and nothing else.
 * The calls that their neighbours give away as in an episode too small for any run's shape (apartSql) skip the sorted
 * starts and ends and the ASOF joins, and only count off the runs (runCtes: lone).
 * writeBackToBack runs the steps: backToBackSteps' scratch tables in order, then _cls_b2b_joined (backToBackSql) and the
 * _cls_b2b view over it and the calls set apart (backToBackViewSql); dropBackToBack drops them.
 */
const backToBackSteps: readonly (readonly [table: string, sql: string])[] = [
  // The workloads of 100+ calls, and whether each is a candidate (mostly not streamed, cancelled, chained or on a
  // discounted lane, and not end users with think time) or only looked into in its job hours (inner: jobHoursSql).
  ['_cls_b2b_cand', `
  WITH sized AS (
    SELECT wid, count(*) AS n, greatest(max(ended_us - epoch_us(ts)), 0) AS longest,
      count(*) FILTER (WHERE ${loudCallSql}) AS loud_n
    FROM _cls_calls WHERE NOT bucket GROUP BY wid HAVING count(*) >= ${minLoopCalls}
  ), people AS (
    SELECT wid, calls AS n FROM _cls_users WHERE hr IS NULL AND user_gap_median_s BETWEEN ${thinkTimeSeconds.min} AND ${thinkTimeSeconds.max}
      AND ${returnsSpeakSql('wid IN (SELECT wid FROM _cls_id_split)', 'calls')}
  )
  SELECT s.wid, s.longest, coalesce(s.n >= ${denseCallsPerHour} * h.hours, false) AS dense,
    NOT (s.loud_n <= ${maxStreamedShareForRuns} * s.n AND coalesce(p.n, 0) < 0.3 * s.n) AS job_hours_only
  FROM sized s LEFT JOIN people p USING (wid) LEFT JOIN (SELECT wid, count(*) FILTER (WHERE call_rows > 0) AS hours FROM _cls_hourly GROUP BY wid) h USING (wid)`],
  ['_cls_b2b_inner', jobHoursSql],
  ['_cls_b2b_quiet', quietCallsSql],
  ['_cls_b2b_calls', `
  WITH cand AS (SELECT * FROM _cls_b2b_cand WHERE NOT job_hours_only)
  -- apart: a call in a stretch of the workload's calls too short to hold any machine run's shape (apartSql), looked for
  -- in workloads sparse enough to have such stretches (denseCallsPerHour). Each branch reads _cls_calls itself: one
  -- CTE of the candidate calls read by both was materialized, and the statement took 1.36-1.41 s against 1.10-1.16 s
  -- on the org bench shape without its feature tag.
  SELECT wid, rid, t, w, e, has_dur, ${apartSql} AS apart FROM (
    SELECT wid, ${tieOrderSql} AS rid, epoch_us(ts) AS t, w, ended_us AS e, ended_us > epoch_us(ts) AS has_dur,
      greatest(ended_us, epoch_us(ts)) AS last_t, longest FROM _cls_calls JOIN cand USING (wid) WHERE NOT bucket AND NOT dense
  ) WINDOW seq AS (PARTITION BY wid ORDER BY t, rid)
  UNION ALL
  SELECT wid, ${tieOrderSql}, epoch_us(ts), w, ended_us, ended_us > epoch_us(ts), false FROM _cls_calls JOIN cand USING (wid) WHERE NOT bucket AND dense
  UNION ALL
  -- The inner workloads' quiet calls in their job hours (jobHoursSql), none set apart: they are few.
  SELECT wid, rid, t, w, e, has_dur, false FROM _cls_b2b_quiet`],
  // Starts of calls with a duration, and their ends, each sorted: a row's place is its row id.
  ['_cls_b2b_starts', 'SELECT wid, rid, t, w FROM _cls_b2b_calls WHERE has_dur AND NOT apart ORDER BY wid, t, rid'],
  // The ends in time order alone: calls ending at the same instant are one step of the count (endsAtSql), so their
  // order among themselves does not matter.
  ['_cls_b2b_ends', 'SELECT wid, e FROM _cls_b2b_calls WHERE has_dur AND NOT apart ORDER BY wid, e'],
  ['_cls_b2b_first', 'SELECT wid, min(rowid) AS p0 FROM _cls_b2b_starts GROUP BY wid'],
  // Instants, sorted as the starts are (their place is their row id), with their key: rare (calls with no latency).
  ['_cls_b2b_instants', `SELECT wid, rid, t, w, lag(t) OVER (PARTITION BY wid ORDER BY t, rid) AS prev_t, ${eventKeySql('t', 'rid')} AS k
    FROM _cls_b2b_calls WHERE NOT has_dur AND NOT apart ORDER BY wid, t, rid`],
];

/**
 * Per workload and end time, the place of the last end at that time (its row id in _cls_b2b_ends): an ASOF join on it
 * finds the ends at or before a time, one row per instant, so the match is the same whichever of several ends at that
 * instant sorted last. The ends once carried a HUGEINT key of (end, row id) to make the match unique: at 1M candidate
 * calls (the org bench shape with `--jobs loop`) the statement took 0.47-0.84 s on it against 0.27-0.37 s on this
 * (alternated in one process on an idle machine, two runs each), the same rows.
 */
const endsAtSql = '(SELECT wid, e, max(rowid) AS last_row FROM _cls_b2b_ends GROUP BY wid, e)';

/**
 * _cls_b2b from backToBackSteps' tables. With no instants among the candidates (most data has a latency on every
 * call), their part is left out: at 2.8M candidate calls it cost 0.4 s even when empty (the statement 0.75-0.80 s
 * against 0.37 s; the ASOF join of starts with instants alone 0.15 s of that).
 * k is the start's place in its workload's event order (runCtes names runs and episodes on it; the calls set apart
 * have none and are not counted), a plain number: a
 * start with a duration is preceded by the starts before it and the instants at or before its time (an instant sorts
 * first at the same instant), an instant by the instants before it and the starts strictly before its time. Without
 * instants it is the start's place among the starts. runCtes once computed a HUGEINT key of (time, duration flag,
 * row id) per start and joined on it.
 */
const backToBackSql = (instants: boolean): string => `
  WITH ${instants ? 'ifirst AS (SELECT wid, min(rowid) AS q0 FROM _cls_b2b_instants GROUP BY wid), ' : ''}timed AS (
    -- Starts with a duration: the starts before, less the ends at or before (x, the last of them); the previous event
    -- when nothing is in flight is that end or an instant (i, the last at or before it).
    SELECT s.wid, s.rid, s.t, s.w, true AS has_dur, (s.rowid - f.p0) - coalesce(x.last_row - f.p0 + 1, 0) AS inflight, x.e AS last_end,
      ${instants ? 'greatest(x.e, i.t)' : 'x.e'} AS prev_event, (s.rowid - f.p0)${instants ? ' + coalesce(i.rowid - g.q0 + 1, 0)' : ''} AS k
    FROM _cls_b2b_starts s JOIN _cls_b2b_first f USING (wid)
      ASOF LEFT JOIN ${endsAtSql} x ON x.wid = s.wid AND x.e <= s.t
      ${instants ? `ASOF LEFT JOIN _cls_b2b_instants i ON i.wid = s.wid AND i.k <= ${keyAtSql('s.t', true)} LEFT JOIN ifirst g ON g.wid = s.wid` : ''}
  )${instants ? `, instant AS (
    -- Instants: the starts strictly before their time (y), less the ends at or before it.
    SELECT i.wid, i.rid, i.t, i.w, false AS has_dur, coalesce(y.pos - f.p0 + 1, 0) - coalesce(x.last_row - f.p0 + 1, 0) AS inflight, x.e AS last_end,
      greatest(x.e, i.prev_t) AS prev_event, (i.rowid - g.q0) + coalesce(y.pos - f.p0 + 1, 0) AS k
    FROM _cls_b2b_instants i JOIN ifirst g USING (wid) LEFT JOIN _cls_b2b_first f USING (wid)
      ASOF LEFT JOIN ${endsAtSql} x ON x.wid = i.wid AND x.e <= i.t
      ASOF LEFT JOIN (SELECT wid, rowid AS pos, ${eventKeySql('t', 'rid')} AS k FROM _cls_b2b_starts) y ON y.wid = i.wid AND y.k < ${keyAtSql('i.t', false)}
  )` : ''}
  SELECT wid, rid, t, w, has_dur, inflight::INTEGER AS inflight,
    has_dur AND coalesce(t - last_end <= ${backToBackUs}, false) AS b2b,
    has_dur AND coalesce(t - last_end <= ${burstPaceUs}, false) AS paced,
    -- With nothing in flight, the previous event is the latest end or instant: 5 minutes of silence.
    inflight = 0 AND coalesce(t - prev_event > ${episodeGapUs}, true) AS opens,
    k
  FROM ${instants ? '(SELECT * FROM timed UNION ALL SELECT * FROM instant)' : 'timed'}`;

/**
 * _cls_b2b: the joined starts' rows (_cls_b2b_joined) and the calls set apart (apartSql), which are off every run and
 * whose own rows are read only where a workload's bursts recur (runCtes: light_strands, which reads their end, e), as
 * a view: copying them (2.7M of them in the org bench shape without its feature tag) into one table took 0.4 s; the
 * runs read each part apart (runCtes), the filter on `apart` choosing the branch.
 */
const backToBackViewSql = `CREATE OR REPLACE TEMP VIEW _cls_b2b AS
  SELECT wid, rid, t, w, has_dur, inflight, b2b, paced, opens, k, false AS apart, NULL::BIGINT AS e FROM _cls_b2b_joined
  UNION ALL
  SELECT wid, rid, t, w, has_dur, NULL::INTEGER, NULL::BOOLEAN, NULL::BOOLEAN, NULL::BOOLEAN, NULL::BIGINT, true, e FROM _cls_b2b_calls WHERE apart`;

/** The steps' tables kept after writeBackToBack: the one the view reads, the inner workloads' job hours (runStatsSql, classify.ts) and their people's calls (jobRunCallsSql). */
const keptSteps = ['_cls_b2b_calls', '_cls_b2b_inner', '_cls_b2b_quiet'];

/** Writes _cls_b2b (backToBackSteps, then backToBackSql and the view) and drops the scratch tables but keptSteps. */
export async function writeBackToBack(ws: Workspace): Promise<void> {
  for (const [table, sql] of backToBackSteps) await ws.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${sql}`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _cls_b2b_joined AS ${backToBackSql(await hasRows(ws, 'SELECT 1 FROM _cls_b2b_instants'))}`);
  await ws.run(backToBackViewSql);
  for (const [table] of backToBackSteps) if (!keptSteps.includes(table)) await ws.run(`DROP TABLE ${table}`);
}

/** Drops _cls_b2b (the view) and the tables it reads. */
export async function dropBackToBack(ws: Workspace): Promise<void> {
  await ws.run('DROP VIEW _cls_b2b');
  for (const table of ['_cls_b2b_joined', ...keptSteps]) await ws.run(`DROP TABLE ${table}`);
}

/**
 * The runs and episodes of `source` (rows of _cls_b2b), as CTEs: per start of an episode of two calls or more its run
 * (back-to-back calls in a row) and episode (r), numbered in its workload, and the starts alone in their episode or set apart (apartSql) in
 * workloads of _cls_shareable (lone: all off the runs); every run's size (run_sizes), and the in-flight ceiling of those long enough to be loops
 * (runs); loops, and those in their band (banded); episodes with their launch shape (shaped: steady, burst; cron); in workloads of _cls_shareable, the
 * strands of the machine-paced job episodes and of the diluted ones, and the bursts found in the latter (strand_bursts);
 * the bursts and whether they recur (recurring); job_eps: the episodes that are a job's (a cron launch, a steady
 * full-rate run, a burst of back-to-back calls, or an episode holding recurring strand bursts); and, where bursts recur,
 * the strands of the calls off them (light_strands: a poller's light hours). Read whole by
 * runStatsSql, and for the few mixed workloads by offRunStartsSql.
 */
const runCtes = (source: string): string => `
  starts AS (
    -- k: the start's place in its workload's event order, as backToBackSql met them. By (time, rid) alone, a start
    -- after an instant that opened an episode at the same instant sorted before it when its rid was lower, and took
    -- the episode before. The calls set apart before the joins (apartSql) only count off the runs (lone), but for a
    -- poller's light hours (light_strands: loneOffRunSql).
    SELECT * FROM ${source} WHERE NOT apart
  ), numbered AS MATERIALIZED (
    -- Episodes and runs are numbered in each workload's event order (k): a start that opens an episode starts the next
    -- episode, one not back to back with nothing in flight the next run (every opening start is one: a run lies in one
    -- episode). Until 2026-12-07 any start not back to back began a run: people's calls that start while a job runs, in
    -- flight with its workers, cut its runs under minLoopCalls (audit-za, a tune org: 33 pieces of 578 calls, 567 of
    -- them the job's, beside 7 runs of 100+), and the workers' next calls, back to back, went on in the piece. Running
    -- counts in one window over the starts; at 1M candidate calls in serial runs (the org bench shape with
    -- \`--jobs loop\`) they took 0.49-0.76 s against 0.81-1.70 s for the two ASOF joins that named each start's episode
    -- and run by their first start before, the same statistics (alternated, with the eval running beside them). As
    -- count(*) FILTER (…) OVER the same window, DuckDB summed each frame anew: over 500 s.
    SELECT *, sum(opens::INTEGER) OVER seq AS ep, sum((NOT b2b AND inflight = 0)::INTEGER) OVER seq AS run FROM starts
    WINDOW seq AS (PARTITION BY wid ORDER BY k ROWS UNBOUNDED PRECEDING)
  ), multi AS (
    -- The episodes of two starts or more. A call alone in its episode (5 minutes of silence on either side) is alone
    -- in its run too, so it is in no loop, cron launch, steady run or burst: it counts only as off the runs (lone).
    -- Sparse machine traffic (an event now and then on a key) is mostly such calls: the wide bench shape without tags
    -- has 1.51M episodes for 1.67M candidate calls.
    SELECT DISTINCT wid, ep FROM numbered WHERE NOT opens
  ), lone AS (
    SELECT s.wid, s.rid, s.t, s.w FROM numbered s SEMI JOIN _cls_shareable USING (wid) ANTI JOIN multi USING (wid, ep) WHERE s.opens
    UNION ALL
    SELECT a.wid, a.rid, a.t, a.w FROM ${source} a SEMI JOIN _cls_shareable USING (wid) WHERE a.apart
  ), r AS (
    SELECT * FROM numbered SEMI JOIN multi USING (wid, ep)
  ), run_sizes AS (
    SELECT wid, run, count(*) AS n FROM r GROUP BY wid, run
  ), loop_eps AS (
    -- The episodes that hold a loop (a run of minLoopCalls back-to-back calls or more): under a key, the calls off the
    -- runs are held only outside them and outside job episodes (offRunSql).
    SELECT DISTINCT wid, ep FROM r SEMI JOIN (SELECT wid, run FROM run_sizes WHERE n >= ${minLoopCalls}) USING (wid, run)
  ), hist AS (
    -- In-flight histograms of the runs long enough to be loops only: most runs are a call or two (2.8M runs of 2.8M
    -- candidate calls in the org bench shape without its feature tag), and only their size is read (run_sizes).
    SELECT wid, run, inflight, count(*) AS n, sum(w) AS req, min(t) AS t0, max(t) AS t1
    FROM r SEMI JOIN (SELECT wid, run FROM run_sizes WHERE n >= ${minLoopCalls}) USING (wid, run) GROUP BY wid, run, inflight
  ), hist_n AS (
    SELECT h.*, s.n AS run_n FROM hist h JOIN run_sizes s USING (wid, run)
  ), capped AS (
    SELECT wid, run, any_value(run_n) AS n, sum(req) AS req, min(t0) AS t0, max(t1) AS t1,
      max(inflight) FILTER (WHERE n >= ${ceilingStartsShare} * run_n) AS ceiling
    FROM hist_n GROUP BY wid, run
  ), runs AS (
    SELECT c.*, ${bandLowSql('c.ceiling')} AS band_lo, max(h.t1) FILTER (WHERE h.inflight = c.ceiling) AS top_t1
    FROM capped c JOIN hist_n h USING (wid, run) GROUP BY ALL
  ), tails AS (
    -- The starts after the run's last one at its ceiling: its workers finishing one by one (maxTailShare).
    SELECT wid, run, count(*) AS tail_n FROM r JOIN runs USING (wid, run) WHERE r.t > runs.top_t1 GROUP BY wid, run
  ), loops AS (
    SELECT r.wid, r.run, r.n, r.req, r.ceiling, (r.t1 - r.t0) / 60e6 AS minutes,
      CASE WHEN coalesce(any_value(tl.tail_n), 0) <= ${maxTailShare} * r.n
        THEN sum(h.n) FILTER (WHERE h.inflight BETWEEN r.band_lo AND r.ceiling) / (r.n - coalesce(any_value(tl.tail_n), 0)) ELSE 0 END AS at_ceiling
    FROM runs r JOIN hist_n h USING (wid, run) LEFT JOIN tails tl USING (wid, run) GROUP BY r.wid, r.run, r.n, r.req, r.ceiling, r.band_lo, r.t0, r.t1
  ), banded AS (
    -- The loops: runs of minLoopCalls or more with minCeilingShare of their starts (but the tail) in the band.
    SELECT * FROM loops WHERE at_ceiling >= ${minCeilingShare}
  ), loop_stats AS (
    SELECT wid,
      coalesce(sum(req) FILTER (WHERE ceiling = 0), 0) AS serial_req, count(*) FILTER (WHERE ceiling = 0) AS serial_runs,
      median(n) FILTER (WHERE ceiling = 0) AS serial_median_calls,
      coalesce(sum(req) FILTER (WHERE ceiling >= 1), 0) AS fanout_req, count(*) FILTER (WHERE ceiling >= 1) AS fanout_runs,
      median(ceiling + 1) FILTER (WHERE ceiling >= 1) AS fanout_streams, median(minutes) FILTER (WHERE ceiling >= 1) AS fanout_minutes
    FROM banded GROUP BY wid
  ), eps AS (
    SELECT wid, ep, count(*) AS n, sum(w) AS req, count(*) FILTER (WHERE paced) AS paced_n,
      min(t) // 60000000 AS first_mn, max(t) // 60000000 - min(t) // 60000000 + 1 AS span
    FROM r GROUP BY wid, ep
  ), ep_minutes AS (
    -- Per minute, only for episodes long enough to be steady: most episodes are a call or two.
    SELECT wid, ep, t // 60000000 AS mn, count(*) AS c FROM r SEMI JOIN (SELECT wid, ep FROM eps WHERE n >= ${minLoopCalls}) USING (wid, ep) GROUP BY wid, ep, mn
  ), ep_inner AS (
    SELECT m.wid, m.ep,
      count(*) FILTER (WHERE mn > first_mn AND mn < first_mn + span - 1) AS inner_minutes,
      avg(c) FILTER (WHERE mn > first_mn AND mn < first_mn + span - 1) AS inner_mean,
      ${stddevPopOfIntegers('c', 'FILTER (WHERE mn > first_mn AND mn < first_mn + span - 1)')} AS inner_sd,
      any_value(c) FILTER (WHERE mn = first_mn + 1) AS second_minute
    FROM ep_minutes m JOIN eps e USING (wid, ep) GROUP BY m.wid, m.ep
  ), shaped AS (
    SELECT e.*, e.paced_n >= ${burstPacedShare} * e.n AS paced_ep, (e.first_mn % 1440)::INTEGER AS minute_of_day, e.first_mn // 1440 AS day,
      e.n >= ${minLoopCalls} AND e.span >= ${minLoopSpanMinutes} AND e.span <= ${maxSteadyMinutes} AND i.inner_minutes >= 0.9 * (e.span - 2)
        AND i.inner_sd <= 0.35 * i.inner_mean AND i.second_minute >= 0.7 * i.inner_mean AS steady,
      e.n >= ${minBurstCalls} AND e.span <= ${maxBurstMinutes} AND paced_ep AS burst
    FROM eps e LEFT JOIN ep_inner i USING (wid, ep)
  ), cron AS (
    -- Episodes of 20+ calls opening at the same minute of the day (UTC) on 3+ different days.
    SELECT wid, minute_of_day FROM shaped WHERE n >= 20 GROUP BY wid, minute_of_day HAVING count(DISTINCT day) >= 3
  ), episode_jobs AS (
    SELECT s.wid, s.ep, s.paced_ep
    FROM shaped s LEFT JOIN cron c USING (wid, minute_of_day) WHERE c.minute_of_day IS NOT NULL OR s.steady OR s.burst
  ), diluted AS (
    -- Episodes of workloads of _cls_shareable with minBurstCalls+ paced calls that are no machine-paced job episode: where another
    -- service's calls at random times keep the workload from 5 minutes of silence, a poller's bursts lie in long
    -- episodes, mostly of the other service's calls (global-consumer, a tune org, as a Langfuse window: photo moderation
    -- beside an hourly queue poller on one model, the episodes holding the poller's bursts 51-71% paced on average by episode size, over a median 14-83 min;
    -- and some of those episodes opened at the same minute of the day on 3 days or more by chance: a cron launch, not
    -- paced, whose calls were all kept with the job). Not over maxSteadyMinutes: a busy service's episode runs for days
    -- (80 such episodes held every one of the 2.8M starts of the untagged org bench shape with its keys taken out, and
    -- numbering their strands took the run signals from 3.5 s to 5.5 s).
    SELECT wid, ep FROM shaped SEMI JOIN _cls_shareable USING (wid) ANTI JOIN (SELECT wid, ep FROM episode_jobs WHERE paced_ep) USING (wid, ep)
    WHERE paced_n >= ${minBurstCalls} AND span <= ${maxSteadyMinutes}
  ), strand_ids AS (
    -- Strands, in the machine-paced job episodes and the diluted episodes of workloads of _cls_shareable only: a start
    -- with nothing of its workload in flight and not machine-paced (over burstPaceUs after the latest end) begins one, and
    -- each start after it that is in flight with something or paced by an end joins it. An episode's first start begins
    -- one, so a strand lies in one episode and those episodes' starts alone number them as all starts would. Over every
    -- start of such workloads, the two windows took 3.8-3.9 s against 2.3-2.4 s for the statement without them (the
    -- untagged org bench shape at 5M calls with its keys taken out: 2.8M starts, three rounds alternated, idle machine).
    SELECT wid, ep, k, t, w, paced, sum((${strandBeginsSql})::INTEGER) OVER (PARTITION BY wid ORDER BY k ROWS UNBOUNDED PRECEDING) AS strand
    FROM r SEMI JOIN _cls_shareable USING (wid)
      SEMI JOIN (SELECT wid, ep FROM episode_jobs WHERE paced_ep UNION ALL SELECT wid, ep FROM diluted) USING (wid, ep)
  ), strands AS (
    SELECT wid, ep, k, t, w, paced, count(*) OVER (PARTITION BY wid, strand) AS strand_n FROM strand_ids
  ), strand_gaps AS (
    -- In a diluted episode, the calls in strands of minBurstCalls+ (a job's), in groups 5 minutes of their own apart.
    SELECT wid, ep, k, t, w, paced, coalesce(t - lag(t) OVER (PARTITION BY wid, ep ORDER BY k) > ${episodeGapUs}, true) AS opens
    FROM strands SEMI JOIN diluted USING (wid, ep) WHERE strand_n >= ${minBurstCalls}
  ), strand_groups AS (
    SELECT wid, ep, count(*) AS n, sum(w) AS req, count(*) FILTER (WHERE paced) AS paced_n,
      min(t) // 60000000 AS first_mn, max(t) // 60000000 - min(t) // 60000000 + 1 AS span
    FROM (SELECT *, sum(opens::INTEGER) OVER (PARTITION BY wid, ep ORDER BY k ROWS UNBOUNDED PRECEDING) AS grp FROM strand_gaps)
    GROUP BY wid, ep, grp
  ), strand_bursts AS (
    -- A group with a burst's shape is a burst (only its calls counted, and its first call's minute), and where they
    -- recur its episode is a machine-paced job episode (job_eps): the calls in it outside such strands are held as off
    -- its runs (offRunSql).
    SELECT wid, ep, first_mn, first_mn // 1440 AS day, req FROM strand_groups
    WHERE n >= ${minBurstCalls} AND span <= ${maxBurstMinutes} AND paced_n >= ${burstPacedShare} * n
  ), bursts AS (
    SELECT wid, first_mn, day, req, first_mn - lag(first_mn) OVER (PARTITION BY wid ORDER BY first_mn) AS gap_mn
    FROM (SELECT wid, first_mn, day, req FROM shaped WHERE burst UNION ALL SELECT wid, first_mn, day, req FROM strand_bursts)
  ), ${recurringCtes}, job_eps AS (
    -- A strand burst's episode is a job's only where the workload's bursts recur: strands of five by chance in a busy
    -- service's episodes (claims-eu as a Langfuse window, a tune org: document extraction beside a fan-out) are no job's.
    SELECT wid, ep, bool_or(paced_ep) AS paced_ep FROM (
      SELECT wid, ep, paced_ep FROM episode_jobs UNION ALL SELECT wid, ep, true FROM strand_bursts SEMI JOIN recurring USING (wid))
    GROUP BY wid, ep
  ), light_strands AS (
    -- A poller with little to do makes no burst that hour: its two to four calls (apart, or an episode of under
    -- minBurstCalls) come paced by each other's ends as a burst's do. In workloads of _cls_shareable whose bursts recur,
    -- those calls are numbered in strands as strand_ids numbers a job episode's (one that finds nothing in flight and is not
    -- paced begins one): a strand of minLightStrandCalls or more is the job's, not another client's (lightJobSql).
    SELECT wid, rid, count(*) OVER (PARTITION BY wid, strand) AS strand_n FROM (
      SELECT wid, rid, sum(begins::INTEGER) OVER (PARTITION BY wid ORDER BY t, rid ROWS UNBOUNDED PRECEDING) AS strand FROM (
        SELECT wid, rid, t, ${strandBeginsSql} AS begins FROM r SEMI JOIN _cls_shareable USING (wid) SEMI JOIN recurring USING (wid)
          SEMI JOIN (SELECT wid, ep FROM eps WHERE n < ${minBurstCalls}) USING (wid, ep)
        UNION ALL
        -- Set apart before the joins (apartSql), they carry no in-flight count: the latest end before each (m) is read
        -- here. A call without a duration is paced by nothing (backToBackSql), only in flight with a call before it.
        SELECT wid, rid, t, coalesce(CASE WHEN has_dur THEN t > m + ${burstPaceUs} ELSE t >= m END, true) FROM (
          SELECT wid, rid, t, has_dur, max(greatest(e, t)) OVER (PARTITION BY wid ORDER BY t, rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS m
          FROM ${source} SEMI JOIN _cls_shareable USING (wid) SEMI JOIN recurring USING (wid) WHERE apart)))
  )`;

/** A start that begins a strand (runCtes: strand_ids, light_strands): nothing of its workload in flight, and not paced by an end. */
const strandBeginsSql = 'inflight = 0 AND NOT coalesce(paced, false)';
/** The calls of light_strands that are a job's: in a strand of minLightStrandCalls or more. */
const lightJobSql = `SELECT wid, rid FROM light_strands WHERE strand_n >= ${minLightStrandCalls}`;
/**
 * The starts of `r` (runCtes) in workloads of _cls_shareable that a loop run (runCtes' banded) holds only because they came
 * while its calls were in flight: not back to back, and finding more calls in flight than the run's ceiling (every
 * worker: another client's call while the job runs). They count off the runs. Since 2026-12-07 a start in flight with a
 * run's calls does not end it (runCtes: numbered), so another client's calls in the middle of a job's run were counted as
 * the job's: clinic-es varied at the fresh draw (a tune org), referral drafts (doctors waiting, one call each) under the
 * key, project and model of a summary backfill by hand with 2 workers, 20 of them in its runs, 0.4% of the dataset's
 * blocking spend labelled batchable with the backfill. Before, each such call began a run of its own that the workers'
 * next calls went on in.
 */
const absorbedOffRunSql = `SELECT r.wid, r.t, r.w FROM r SEMI JOIN _cls_shareable USING (wid) JOIN banded l USING (wid, run)
    WHERE NOT r.b2b AND r.inflight > l.ceiling`;

/** The calls of lone (runCtes) that count off the runs: all but a poller's light hours (lightJobSql). */
const loneOffRunSql = `SELECT wid, t, w FROM lone ANTI JOIN (${lightJobSql}) USING (wid, rid)`;

/**
 * The starts of `r` (the CTE) in workloads of _cls_shareable that lie in no loop of 100+ calls and no job episode, or
 * that a machine-paced job episode (a burst; a cron or steady one whose calls are as paced as a burst's) holds only by
 * having come within its 5 minutes: in a strand (strand_ids) of fewer than minBurstCalls starts. A job's own calls
 * are paced or in flight with each other, its workers' first calls starting together (the first of them begins the
 * strand, the others find it in flight), so a burst is one strand of minBurstCalls or more. Another service's
 * calls at random times (alerts, a request now and then) join a job's episode when they come within 5 minutes of it,
 * and were counted as the job's: on devops-br (a tune org) as a Langfuse window, where its alert explainer (on-call
 * engineers, day and night) shares a model and no name with an hourly queue worker, 47% of the explainer's spend was
 * labelled batchable with the worker's bursts. They come one at a time, or two when one starts within burstPaceUs of
 * another's end by chance: a strand of their own. (Held before were only the starts that begin a strand, not the
 * episode's first: an alert that opened the episode its burst then joined stayed with the burst, as did an alert
 * paced by another's end, and the job's first call was held when an alert had opened its episode.) Those that come
 * inside a burst join its strand and stay with it. Episodes that are not mostly paced (a job whose calls have no duration
 * to be paced by, one that sleeps longer) keep every call, as before. outsidePieces: only the starts in a run of under
 * minBurstCalls (the calls offRunStartsSql holds blocking), not the runs of under 100 that the off-run share counts.
 * Under an API key, a call in no job episode counts off the runs only outside a loop's episode and a paced one (a loop's
 * slow tail, a job's slow pass paced by its own ends: keys came into _cls_mixed on 2026-12-01 so, when a job's own slower
 * calls were held with another client's); and since 2026-12-07 a call in a job's episode as under a name no key gave,
 * but outside a loop's episode. Until then a key's calls in a job's episode were all kept with it. Found on grocery-cl (a
 * tune org since its first run): pickers waiting on a substitute for an out-of-stock item (one call each, no user id) on
 * the key, project and model of an hourly stock poller came every few minutes in the day, so each day was one episode
 * with the poller's bursts, and none of them was held: 32% of the picks' spend, 1.1% of the org's blocking spend, was
 * labelled batchable with the poller (1.3% in its varied rendering); 0.06% and 0.1% since.
 */
const offRunSql = (r: string, outsidePieces = false): string => `SELECT ${r}.wid, ${r}.t, ${r}.w FROM ${r} SEMI JOIN _cls_shareable USING (wid) JOIN run_sizes u USING (wid, run)
    LEFT JOIN job_eps j ON j.wid = ${r}.wid AND j.ep = ${r}.ep
    LEFT JOIN strands g ON g.wid = ${r}.wid AND g.k = ${r}.k
    LEFT JOIN loop_eps le ON le.wid = ${r}.wid AND le.ep = ${r}.ep
    LEFT JOIN shaped sp ON sp.wid = ${r}.wid AND sp.ep = ${r}.ep
    ANTI JOIN (${lightJobSql}) l ON l.wid = ${r}.wid AND l.rid = ${r}.rid
    WHERE u.n < ${outsidePieces ? minBurstCalls : minLoopCalls} AND (j.ep IS NULL OR (j.paced_ep AND g.strand_n < ${minBurstCalls}))
      AND (${r}.wid IN (SELECT wid FROM _cls_unnamed) OR (le.ep IS NULL AND (j.ep IS NOT NULL OR NOT sp.paced_ep)))`;

/** The starts of _cls_b2b whose runs speak for their workload's label: all but the inner workloads' (jobHoursSql). */
const candidateStartsSql = '(SELECT * FROM _cls_b2b WHERE wid NOT IN (SELECT wid FROM _cls_b2b_inner))';

/**
 * Per workload: requests in serial loop runs and in fan-out runs (with their counts and sizes), in episodes
 * with a launch shape (cron minute or full-rate start held steady), in recurring bursts (their count, median
 * interval and the share of intervals on the cadence), and off its runs (off_run_req: requests in no loop of
 * 100+ calls and no job episode, see offRunStartsSql; for the workloads of _cls_shareable only, else NULL). Reads
 * _cls_b2b and _cls_shareable.
 * Calls alone in their episode or set apart (runCtes: lone) count only as off the runs, but for a poller's light
 * hours (loneOffRunSql).
 */
export const runStatsSql = `
  WITH ${runCtes(candidateStartsSql)}, launch_stats AS (
    -- Every candidate workload has a row (zeros without a launch), as when lone calls were episodes of their own.
    SELECT w.wid,
      coalesce(sum(s.req) FILTER (WHERE c.minute_of_day IS NOT NULL), 0) AS cron_req, count(DISTINCT s.day) FILTER (WHERE c.minute_of_day IS NOT NULL) AS cron_days,
      min(c.minute_of_day) AS cron_minute,
      coalesce(sum(s.req) FILTER (WHERE s.steady AND c.minute_of_day IS NULL), 0) AS steady_req, count(*) FILTER (WHERE s.steady AND c.minute_of_day IS NULL) AS steady_eps
    FROM (SELECT DISTINCT wid FROM ${candidateStartsSql}) w LEFT JOIN shaped s USING (wid) LEFT JOIN cron c USING (wid, minute_of_day) GROUP BY w.wid
  ), off_runs AS (
    -- Only for the workloads whose name no tag gave (_cls_shareable): a tag names the work, so its calls are the work's.
    -- Lone calls are off the runs.
    SELECT wid, sum(w) AS off_run_req FROM (
      ${offRunSql('r')}
      UNION ALL
      ${absorbedOffRunSql}
      UNION ALL
      ${loneOffRunSql}
    ) GROUP BY wid
  )
  SELECT * FROM launch_stats FULL JOIN loop_stats USING (wid) FULL JOIN recurring USING (wid) FULL JOIN off_runs USING (wid)`;

/**
 * The starts (wid, t) of the workloads in _cls_mixed that lie off their runs (in no loop of 100+ back-to-back calls
 * and in no job episode: a cron launch, a steady full-rate run, a burst) and in no piece of minBurstCalls back-to-back
 * calls or more (a run of that many: mixedOffRunShare says why). In a workload that the runs label batchable, calls like these are another
 * client's (people's documents, a service's events) that share its name: classify.ts holds them blocking when there are
 * many (mixedOffRunShare).
 */
export const offRunStartsSql = `
  WITH ${runCtes('(SELECT * FROM _cls_b2b WHERE wid IN (SELECT wid FROM _cls_mixed))')}
  SELECT DISTINCT wid, t FROM (${offRunSql('r', true)} UNION ALL ${absorbedOffRunSql} UNION ALL ${loneOffRunSql})`;

/** The starts on either side of one in its run that its workers' level in flight is read from (jobRunCallsSql). */
const levelStarts = 10;
/**
 * The calls (rid) of the loop runs (serial or fan-out: runCtes' banded) of the workloads of _cls_job_within
 * that are a worker's: back to back, and finding no more calls in flight than the run's starts around it do (the median
 * of the levelStarts on either side). Another client's call that starts while the run goes on is in flight with the
 * workers: it starts over 1 s after the latest end (as a worker cannot), or within it by chance and then finds every
 * worker in flight, one more than a worker finds (the others). classify.ts labels them batchable in a workload labelled
 * blocking. Back to back alone let more of the questions that start while a job runs be labelled batchable
 * (test/classify/run-signals.test.ts: 12 of its 4,800 questions, 3 with the level).
 */
export const jobRunCallsSql = `
  WITH ${runCtes('(SELECT * FROM _cls_b2b WHERE wid IN (SELECT wid FROM _cls_job_within))')}
  SELECT wid, rid, w FROM (
    SELECT wid, rid, w, b2b, inflight, median(inflight) OVER (PARTITION BY wid, run ORDER BY k ROWS BETWEEN ${levelStarts} PRECEDING AND ${levelStarts} FOLLOWING) AS level
    FROM r SEMI JOIN banded USING (wid, run))
  WHERE b2b AND inflight <= level AND rid NOT IN (SELECT rid FROM _cls_b2b_quiet WHERE person)`;

/**
 * Per start of a candidate workload: its run and episode, each named by its first start's rid (call_key) (run and ep NULL for
 * the starts alone in their episode or set apart in workloads of _cls_shareable; in other workloads those are left out), from
 * _cls_b2b. runStatsSql groups by the same runs and episodes (by their numbers); test/classify/back-to-back.test.ts checks
 * the names against their definition.
 */
export const runNamesSql = `WITH ${runCtes('_cls_b2b')}
  SELECT wid, rid, first_value(rid) OVER (PARTITION BY wid, run ORDER BY k) AS run, first_value(rid) OVER (PARTITION BY wid, ep ORDER BY k) AS ep FROM r
  UNION ALL SELECT wid, rid, NULL, NULL FROM lone`;
