// Off-schedule hours: a scheduled job on people's key, project and model, in usage rows.
//
// A usage bucket groups one key, project and model: a nightly job and the people who use that key in the day are one
// workload there, and when the job holds most of the requests, the workload is labelled batchable as scheduled (most
// of its requests in the same three hours of the day: evidence.ts), people's hours with it. Per call the job's runs
// tell them apart (runs.ts: calls off a job's runs); in buckets nothing did. Found on insurer-jp (a tune org since its
// first run) in minute and hour buckets: its claims service's key, project and model carry the damage photo checks
// and the adjusters' claim notes beside a 02:00 fraud rescoring (121,748 of 142,491 requests, in one hour of the day),
// and 50.2% of its blocking spend was labelled batchable with the job.
//
// The job's hours are its spikes: hours of the day with at least offScheduleSpike times the workload's median hour, and
// at least offScheduleSpikeOfBusiest of its busiest hour. The second bound: where people keep office hours only, the
// median hour of the day is a quiet one's, and their busy hours reach ten times it; counted as the job's hours, every
// row of theirs was next to one and none was held. Found on delivery-tr (a tune org since its first run): restaurant
// owners' assistant in office hours (06:00-14:00 UTC, about 1,000 requests an hour of the day over the month)
// beside a 04:00 local review digest (38,900 in its hour) on one key, project and model; at the record seed 25.5% of
// its blocking spend was labelled batchable in minute and hour buckets.
// The hours at least two hours from every spike are off its schedule: a job that runs over into the next hour is not
// there. Where they hold offScheduleShare of the requests, spread over offScheduleMinHours hours of the day or more
// (people's working day, not a job's second run), their rows are held blocking (outcome flag 7, as calls off a job's
// runs are). Day buckets are not in _cls_hourly: a day's row cannot be split by hour.
//
// The workload need not be labelled as scheduled: a weekday cron on people's key, project and model is labelled
// batchable by its lumpy days (its weekends are people's alone) while its hours hold under 80% of the requests. Found on
// ride-kr's varied rendering (a tune org since its first run): weekday 02:30 receipt summaries (74% of the requests in
// three hours of the day) on the key, project and model of riders' receipt questions, asked around the clock; in hour
// buckets 4.9% of its blocking spend was labelled batchable with the job (6.9% at the fresh draw, the drivers' voice
// assistant beside the payout notes too). Such a workload's off hours are held only where people come back to them:
// rows at those hours of the day on offScheduleDailyPresence of the workload's days or more (the median off hour's). A
// job started by hand at other hours on a few days (a smaller run now and then) is not people; a workload labelled as
// scheduled has its off hours read without that test, as before. Nor are a poller's: a workload with most of its
// requests in a machine's recurring runs (machine_share: a poller's bursts in minute rows) comes back at every hour of
// every day too, and its off hours are its own. Without that bound, usage-contracts-de's minute rows (a tune org: an
// hourly obligations poller and a nightly redline digest on one key) went from 100.0% to 93.4% right, the poller's
// hours held blocking, and a blind org's minute rows from 100.0% to 99.6%. In hour rows a poller shows no bursts, only
// hours of the day as full as each other: off hours that are flat (as flat around the clock is, time-shape.ts) are not
// held either; people's day has its busy and quiet hours (ride-kr's riders: 34 to 566 requests an hour of the day).

import { mixedRunShare } from './runs.ts';
import { flatMaxPeakToMean, flatMinTroughToMean, scheduledTop3Share } from './time-shape.ts';

/** An hour of the day with at least this many times the workload's median hour of the day is one its job runs in. */
export const offScheduleSpike = 10;
/**
 * ... and at least this share of the busiest hour of the day. People's busiest hour beside a job that holds most of the
 * requests in three hours is a few per cent of the job's (delivery-tr: 2.8%); a job's second run at another hour of the
 * day, as large as a quarter of its first, is still the job's. Higher holds more rows blocking, the safe side.
 */
export const offScheduleSpikeOfBusiest = 0.25;
/** The requests off the schedule, as a share of the workload's, for its rows there to be held. */
export const offScheduleShare = { min: 0.05, max: 0.5 } as const;
/** The hours of the day off the schedule with requests, at least. */
export const offScheduleMinHours = 6;
/**
 * Where the job's hours hold under 80% of the requests (not labelled as scheduled), the share of the workload's days with
 * rows at its median off hour of the day, at least: people keep coming back at those hours (riders every day, an office
 * every working day: 71%); a job's smaller runs at other hours come on a few days.
 */
export const offScheduleDailyPresence = 0.5;

/**
 * Per workload labelled batchable by its heuristics with most rows usage buckets (scheduled: top-3 hours of the day 80%+
 * of its requests; else its off hours need offScheduleDailyPresence), the hours of the day (UTC) off its job's schedule, with their share of its requests (off_share):
 * (wid, hod, off_share). Reads label_workloads and _cls_hourly.
 */
export const offScheduleHoursSql = `
  WITH cand AS (
    SELECT * FROM (
      SELECT wid, coalesce(top3_hours_share >= ${scheduledTop3Share}, false) AS scheduled, coalesce(machine_share, 0) AS machine_share FROM label_workloads
      WHERE label = 'non_blocking' AND decided_by = 'heuristic' AND calls_share < 0.5)
    WHERE scheduled OR machine_share < ${mixedRunShare}
  ), hod AS (
    -- days: how many of the workload's days have rows at this hour of the day.
    SELECT c.wid, r.hod, coalesce(sum(h.n), 0) AS n, count(DISTINCT h.hr // 24) AS days
    FROM cand c CROSS JOIN range(24) r(hod) LEFT JOIN _cls_hourly h ON h.wid = c.wid AND h.hr % 24 = r.hod
    GROUP BY c.wid, r.hod
  ), spans AS (
    SELECT wid, count(DISTINCT hr // 24) AS span_days FROM _cls_hourly WHERE wid IN (SELECT wid FROM cand) GROUP BY wid
  ), totals AS (
    SELECT wid, median(n) AS med, max(n) AS busiest, sum(n) AS total, any_value(s.span_days) AS span_days
    FROM hod JOIN spans s USING (wid) GROUP BY wid
  ), spikes AS (
    SELECT wid, hod FROM hod JOIN totals USING (wid) WHERE n > 0 AND n >= ${offScheduleSpike} * med AND n >= ${offScheduleSpikeOfBusiest} * busiest
  ), away AS (
    -- The hours of the day two hours or more from every spike, empty ones too.
    SELECT h.* FROM hod h
    WHERE h.wid IN (SELECT wid FROM spikes)
      AND NOT EXISTS (SELECT 1 FROM spikes s WHERE s.wid = h.wid AND least(abs(s.hod - h.hod), 24 - abs(s.hod - h.hod)) <= 1)
  ), off AS (
    SELECT wid, hod, n, days FROM away WHERE n > 0
  ), shape AS (
    -- Flat off the job's hours (as flat around the clock is: time-shape.ts): a poller's or a steady stream's hours.
    SELECT wid, min(n) >= ${flatMinTroughToMean} * avg(n) AND max(n) <= ${flatMaxPeakToMean} * avg(n) AS flat FROM away GROUP BY wid
  ), held AS (
    SELECT o.wid, sum(o.n) / any_value(t.total) AS off_share FROM off o JOIN totals t USING (wid) JOIN cand c USING (wid) JOIN shape f USING (wid) GROUP BY o.wid
    HAVING count(*) >= ${offScheduleMinHours} AND sum(o.n) BETWEEN ${offScheduleShare.min} * any_value(t.total) AND ${offScheduleShare.max} * any_value(t.total)
      AND (any_value(c.scheduled) OR median(o.days) >= ${offScheduleDailyPresence} * any_value(t.span_days) AND NOT any_value(f.flat))
  )
  SELECT o.wid, o.hod, h.off_share FROM off o JOIN held h USING (wid)`;
