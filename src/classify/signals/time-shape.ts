// Time shape: when the org's humans are active is learned from the calls that are clearly interactive
// (streamed, cancelled, interactive names, end users with think-time gaps) as a histogram over hours of the
// week (hours of the day when the data spans under a week), never from an assumed time zone. A workload
// is then compared with it: out of phase (2 a.m. runs), flat around the clock, or packed into a few hours
// of each day (a schedule).
import { hasFlagSql } from './per-call.ts';
import { machineWorkloadsSql } from './runs.ts';
import { tightLoopCallsPerMinute } from './sequence.ts';

/** Slots busier than this share of the busiest slot count as the org's human hours. */
export const activeSlotShare = 0.25;

/**
 * A workload's hour teaches the org's human hours by its calls after human think time (sequence.ts: userStatsSql) only
 * when they are at least this share of its requests in that hour. People come back: in a session, most calls follow the
 * person's last answer by seconds to minutes. A job carrying an id per row (a statement per customer) has such gaps by
 * chance only, where two of its rows carry the same id within half an hour (ids drawn from the same customers: 1,500
 * statements a night over 30,000 customers give about 37 pairs), a few per cent of its calls, but every night at its
 * hour. fintech-sg as a Langfuse window (a tune org since this was found on it): a 03:00-local statement run beside
 * a categoriser under one name no key gave, its chance repeats 2-4% of that hour's requests (16-38 of 824-1,176)
 * while people's non-streamed chat hours were at 20% to 100%; they made 03:00 one of the org's human hours every day
 * of the week, so the run "followed the org's human activity" and was held blocking (8.1% of the org's spend).
 */
export const humanHourReturnShare = 0.1;
/** Interactive requests needed before the learned histogram is trusted. */
export const minInteractiveRequests = 100;
/** Human hours covering more of the slots than this share say nothing about phase (people busy in most hours). */
export const maxActiveSlotShare = 0.75;
/**
 * Human hours in fewer hours of the day than this are a job's, not people's: a job on a key named for people
 * (grocery-cl's cart reminders, 18:00 local on weekdays on the shopping assistant's key, interactive by its name) can be so much
 * busier in its hour than people are in theirs that its five weekday hours were the only ones reaching a quarter of the
 * busiest. The store managers' office hours were then out of phase with "the org's people" and their copilot labelled
 * batchable: 9.1% of the org's blocking spend in its minute and hour usage rows. People keep more than two hours of a
 * day busy; a job at one hour (or straddling two) does not.
 */
export const minHumanHoursOfDay = 3;
/**
 * Scheduled: at least this share of a workload's requests in its three busiest hours of the day (top3_hours_share),
 * as a job that runs at set hours has them (evidence.ts; off-schedule.ts reads the same test).
 */
export const scheduledTop3Share = 0.8;
/**
 * Flat around the clock: requests in at least 90% of the slots, the quietest at least 0.3 and the busiest at most
 * 2.5 times the mean slot. A workload this flat is a machine only if the org's people are not: the org's own
 * interactive histogram is put to the same test (orgFlatSql), and a flat one makes the learned hours unusable.
 */
export const flatMinCoverage = 0.9;
export const flatMinTroughToMean = 0.3;
export const flatMaxPeakToMean = 2.5;

/**
 * Time is bucketed as integers (minutes / hours since the Unix epoch, UTC): plain arithmetic, where
 * date_trunc and hour() on TIMESTAMPTZ go through time-zone code for every row.
 * The slot of an hour: hour of week (0 = Monday 00h UTC; the epoch began on a Thursday) or hour of day.
 */
export const slotSql = (weekly: boolean): string => (weekly ? `((hr + 72) % 168)` : `(hr % 24)`);

/**
 * A workload whose rows are usage rows that count no requests (Anthropic's usage report and Console export) at this
 * share or more has its requests estimated from its tokens (per-call.ts weightSql), and its evidence says so. Each
 * such row once weighed one request, so volume over hours and days was read from which buckets exist, not from what
 * they held (a service busy by day and quiet by night, with a request or two in every hour, looked flat around the
 * clock); then such workloads showed no time shape at all, and all but the Batch API's were blocking by default.
 */
export const estimatedShare = 0.5;

/** Rows whose time says something about the hour: calls, and buckets of an hour or less. */
export const hourResolvedSql = `(ended_us IS NULL OR NOT bucket OR ended_us - epoch_us(ts) <= 3600000000)`;

/**
 * Per workload and slot of `ms` milliseconds (named `slot`), over hour-resolved rows: requests, rows, the rows that
 * are calls (not usage buckets: only calls can be a loop's), interactive requests.
 */
const countsPerSlotSql = (slot: string, ms: number): string => `
  SELECT wid, epoch_ms(ts) // ${ms} AS ${slot}, sum(w) AS n, count(*) AS rows, count(*) FILTER (WHERE NOT bucket) AS call_rows,
    coalesce(sum(w) FILTER (WHERE ${hasFlagSql('interactive')}), 0) AS n_interactive
  FROM _cls_calls WHERE ${hourResolvedSql} GROUP BY ALL`;

/**
 * _cls_hourly, in one pass over the calls: per workload and clock hour, requests, rows, calls, how many requests are
 * clearly interactive (streamed, cancelled, interactive names; end users with think-time gaps come from _cls_users,
 * added where the org's hours are learned: orgSlotsSql), and the calls in minutes with a loop's rate. The minutes
 * (4M of them on the wide bench shape at 5M calls) are grouped inside the statement and summed per hour, never
 * written: the hour shape, the days and the loop share read this table. Calls and usage buckets of an hour share a
 * row: a table per (workload, hour, bucket or not) summed again per (workload, hour) cost 0.3 s of CPU at 5M calls
 * (4,000 workloads, 2.3M of their hours: the wide bench shape without tags).
 */
export const hourCallsSql = `
  WITH minutes AS (${countsPerSlotSql('mn', 60000)})
  SELECT wid, mn // 60 AS hr, sum(n) AS n, sum(rows) AS rows, sum(call_rows) AS call_rows, sum(n_interactive) AS n_interactive,
    coalesce(sum(call_rows) FILTER (WHERE call_rows >= ${tightLoopCallsPerMinute}), 0) AS tight_rows
  FROM minutes GROUP BY ALL`;

/**
 * hourCallsSql groups every (workload, minute): 4M groups on the wide bench shape at 5M calls (240 workloads over a
 * month, 1.2 calls a minute each), 1.5-1.9 s of CPU, where a few workloads over the same month (the org shape: 6
 * workloads, 19 calls a minute) make 260,000 groups and cost 0.3 s. When the workloads' minutes can outnumber a
 * quarter of the calls (sparseMinutes), the hours are summed alone (hourTotalsSql) and the tight-loop share is taken
 * per workload from the minutes of its busy stretches only (sparseLoopSql): a minute of 20 calls lies in an hour and
 * a loopBlockMinutes-minute block of 20 calls or more, so only those blocks' calls are grouped by minute. Same shares
 * to the bit (integer counts, one division); the wide shape's two statements take 0.5 s of CPU.
 */
export const sparseMinutesSql = `
  SELECT count(DISTINCT wid) * ((epoch_ms(max(ts)) - epoch_ms(min(ts))) // 60000 + 1) > count(*) / 4 AS sparse FROM _cls_calls WHERE NOT bucket`;

/** hourCallsSql without the minutes (and so without tight_rows): the sparse case's hours. */
export const hourTotalsSql = countsPerSlotSql('hr', 3600000);

/** A block of minutes holding fewer calls than a tight minute has none (sparseLoopSql). */
export const loopBlockMinutes = 10;

/**
 * The share of calls in hours with a tight minute's calls (_cls_hourly): where it is small, sparseLoopSql reads the
 * calls of those hours only.
 */
export const busyHourShareSql = `SELECT sum(call_rows) FILTER (WHERE call_rows >= ${tightLoopCallsPerMinute}) / sum(call_rows) AS share FROM _cls_hourly`;
/** Under this share of calls in busy hours, sparseLoopSql reads those hours' calls alone. */
export const busyHourMaxShare = 0.5;

/**
 * workloadLoopSql for the sparse case: the minutes of blocks with a tight minute's calls, over the calls; with
 * `busyHoursFirst`, of the calls in hours with as many (_cls_hourly). With many sparse workloads most hours hold a call
 * or two (the wide bench shape without tags: 2.3M hours for 5M calls), and grouping every call by its block took 0.65 s
 * of CPU; where most calls are in busy hours (the wide shape with its tags), picking them out first cost 0.07 s more.
 */
export const sparseLoopSql = (busyHoursFirst: boolean): string => `
  WITH busy AS (
    SELECT c.wid, c.ts FROM _cls_calls c
    ${busyHoursFirst ? `SEMI JOIN (SELECT wid, hr FROM _cls_hourly WHERE call_rows >= ${tightLoopCallsPerMinute}) h ON h.wid = c.wid AND h.hr = epoch_ms(c.ts) // 3600000` : ''}
    WHERE NOT c.bucket
  ), blocks AS (
    SELECT wid, epoch_ms(ts) // ${loopBlockMinutes * 60000} AS blk FROM busy GROUP BY ALL HAVING count(*) >= ${tightLoopCallsPerMinute}
  ), tight AS (
    SELECT wid, sum(rows) AS tight_rows FROM (
      SELECT c.wid, count(*) AS rows FROM busy c SEMI JOIN blocks b ON b.wid = c.wid AND b.blk = epoch_ms(c.ts) // ${loopBlockMinutes * 60000}
      GROUP BY c.wid, epoch_ms(c.ts) // 60000 HAVING count(*) >= ${tightLoopCallsPerMinute}
    ) GROUP BY wid
  )
  SELECT wid, coalesce(t.tight_rows / h.rows, 0) AS tight_share
  FROM (SELECT wid, sum(call_rows) AS rows FROM _cls_hourly GROUP BY wid HAVING sum(call_rows) > 0) h LEFT JOIN tight t USING (wid)`;

/** Per workload: the share of its calls in minutes with a loop's rate (calls only, not buckets). */
export const workloadLoopSql = `
  SELECT wid, coalesce(sum(tight_rows) / sum(call_rows), 0) AS tight_share
  FROM _cls_hourly GROUP BY wid HAVING sum(call_rows) > 0`;

/**
 * One row per slot the org's interactive traffic uses, with `active` set for its human hours. A machine's workloads
 * (signals/runs.ts: machineWorkloadsSql) are left out, whatever their names say: a nightly QA job on a key named
 * `voice-qa` counted as interactive by the word, and its 64,000 calls at 01:30 local made the org's human hours 7 of
 * the week's 168, so that the agents' daytime desk looked out of phase with people (telco-au as SpendLogs).
 */
export const orgSlotsSql = (weekly: boolean): string => `
  WITH per_slot AS (
    SELECT ${slotSql(weekly)} AS slot, sum(n_interactive) AS n FROM (
      SELECT wid, hr, n_interactive FROM _cls_hourly WHERE n_interactive > 0
      UNION ALL
      SELECT u.wid, u.hr, u.human_requests FROM _cls_users u JOIN _cls_hourly h USING (wid, hr)
      WHERE u.hr IS NOT NULL AND u.human_requests > 0 AND u.human_requests >= ${humanHourReturnShare} * h.n
    ) WHERE wid NOT IN (${machineWorkloadsSql('SELECT wid, sum(n) AS n FROM _cls_hourly GROUP BY wid')}) GROUP BY ALL
  )
  SELECT slot, n, n >= ${activeSlotShare} * max(n) OVER () AS active FROM per_slot`;

/**
 * Whether the org's interactive traffic (_cls_org_slots) is itself flat around the clock by the workloads' test, with
 * the quietest and busiest tenth of the slots left out: a product used in every zone, whose people keep every hour
 * busy, where a flat workload says nothing. The tenths are left out because a few slots can be anyone's: a nightly
 * job on people's key and project (a QA harness replaying conversations) put one spike a day into game-studio's
 * varied rendering, so that only 122 of its 168 hours reached a quarter of the busiest (under the 75% that was the
 * only test) and its busiest hour was 3.2 times the mean (01:00 local, the harness's), while its tenth-quietest hour
 * was still 0.68 of it and its tenth-busiest 1.24.
 */
export const orgFlatSql = (slots: number): string => `
  WITH every_slot AS (SELECT coalesce(o.n, 0) AS n FROM range(${slots}) r(slot) LEFT JOIN _cls_org_slots o USING (slot))
  SELECT count(*) FILTER (WHERE n > 0) >= ${flatMinCoverage} * ${slots} AND quantile_disc(n, 0.1) >= ${flatMinTroughToMean} * avg(n)
    AND quantile_disc(n, 0.9) <= ${flatMaxPeakToMean} * avg(n) AS flat
  FROM every_slot`;

/**
 * Per workload: share of requests in human hours, slot coverage and spread (flatness), top-3 hours of day.
 * `rows` is read three times; DuckDB would write it out once (a CTE read more than once is materialized), which cost
 * more than reading _cls_hourly three times: 0.49-0.76 s against 0.27-0.35 s on the wide bench shape without tags
 * (2.3M workload hours; 0.25-0.39 against 0.23-0.30 s on the org one's 1.6M), nothing on the tagged shapes (a few
 * thousand).
 */
export const workloadShapeSql = (weekly: boolean, slots: number): string => `
  WITH rows AS NOT MATERIALIZED (
    SELECT wid, n AS w, ${slotSql(weekly)} AS slot, hr % 24 AS hod, hr // 24 AS day FROM _cls_hourly
  ),
  per_slot AS (SELECT wid, slot, sum(w) AS n FROM rows GROUP BY ALL),
  slot_stats AS (
    SELECT p.wid,
      coalesce(sum(p.n) FILTER (WHERE o.active), 0) / sum(p.n) AS human_hours_share,
      count(*) / ${slots}.0 AS slot_coverage,
      max(p.n) / (sum(p.n) / ${slots}.0) AS peak_to_mean,
      CASE WHEN count(*) < ${slots} THEN 0 ELSE min(p.n) / (sum(p.n) / ${slots}.0) END AS trough_to_mean
    FROM per_slot p LEFT JOIN _cls_org_slots o USING (slot) GROUP BY p.wid
  ),
  per_hour AS (SELECT wid, hod, sum(w) AS n FROM rows GROUP BY ALL),
  hour_stats AS (
    SELECT wid, sum(n) FILTER (WHERE rank <= 3) / sum(n) AS top3_hours_share
    FROM (SELECT *, row_number() OVER (PARTITION BY wid ORDER BY n DESC, hod) AS rank FROM per_hour) GROUP BY wid
  ),
  day_stats AS (SELECT wid, count(DISTINCT day) AS active_days FROM rows GROUP BY wid)
  SELECT * FROM slot_stats JOIN hour_stats USING (wid) JOIN day_stats USING (wid)`;
