// Minute buckets: usage-API rows of a minute (what `batchable pull openai` and `pull anthropic` fetch by default) show
// what an hour's bucket cannot. A poller draining a queue every hour or so (a few minutes of back-to-back calls, then
// nothing) is, in hour buckets, one more hour of requests, as around-the-clock traffic people wait on is: the eval
// family's hourly pollers were its largest miss in usage rows (docs/eval-history.md). In minute buckets its bursts
// show: every minute of the burst holds requests, several a minute, after minutes without any, on a steady cadence.
//
// Its twin over calls is recurring bursts (runs.ts), which reads each call's pace (starting within 10 s of the latest
// end). A minute bucket has no calls to pace, so a burst here is read from the minutes themselves: no minute without
// requests from its first to its last, and minuteBurstRate requests a minute or more on average. That is what keeps
// people out. Read without it, episodes of services people wait on (events at random, 1 to 2 requests an active minute)
// recur too: each is a few minutes of requests then 5 minutes of silence, so the intervals between their starts are
// about as regular as a poller's (tune orgs at seed 20261007, minute buckets: claims-eu's document extraction and
// devops-br's alert explainer, 71-78% of their intervals on the cadence and 64-75% of their requests in such bursts).
// With it, no workload people wait on in the tune orgs' minute buckets has over 22% of its requests in bursts, or over
// 53% of their intervals on the cadence (a companion chat's, a voice agent's); their hourly pollers have 79-100% and 74-88%.
// A poller on people's key, project and model labels nothing (minuteBurstMaxOtherShare): its rows hold both.
import { episodeGapUs, maxBurstMinutes, minBurstCalls, recurringCtes } from './runs.ts';

/**
 * A usage row of a minute or less (a 1 m bucket), over _cls_calls. Its end must be known: a bucket row without one (a
 * generic CSV's) has its start as its end (classify.ts), and says nothing of its width.
 */
export const minuteBucketSql = `bucket AND ended_us - epoch_us(ts) BETWEEN 1 AND 60000000`;

/**
 * A workload at least this share of whose rows are usage buckets of over a minute, up to an hour, is read from hours:
 * `explain` on it (when it is blocking with no sign of a job) and `audit`'s note (when such workloads hold most of the
 * unsure spend) say that minute buckets would show a poller's bursts.
 */
export const hourBucketWorkloadShare = 0.5;

/**
 * How to get minute buckets, as audit's note and explain say it: `pull openai` and `pull anthropic` fetch them unless
 * told otherwise, but a pull never fetches again a window the workspace already holds (src/pull/run.ts), so hours or days
 * held, or exported from a dashboard, need a workspace of their own from the first day.
 */
export const minuteBucketsAdvice = '`batchable pull openai` (or `anthropic`) fetches minute buckets; for a period already held as hours or days, pull it into a new workspace (`--since <first day> --db <new file>`)';

/**
 * In a burst read from minute buckets, its requests per minute from its first minute to its last, at least: a worker
 * calling back to back makes one call every few seconds (an hourly poller of 8-20 s calls with sleeps of 1.5-4.5 s
 * between them, the family's slowest, makes 2.3 a minute in its quieter bursts); a person reads between calls.
 */
export const minuteBurstRate = 2;

/**
 * A workload whose bursts recur is a poller's only when at most this share of its requests lie in other episodes than
 * its bursts and its light ones (under minBurstCalls requests within maxBurstMinutes: the hours it has little to do):
 * longer or slower episodes beside the bursts are people's, on the poller's key, project and model, and one label for
 * the workload would move them to batch. usage-hotels-mx (then blind, a tune org since) varied at the fresh draw
 * (seed 20261007): an hourly availability sync on the front desk's key, project and model, beside the front-desk staff
 * and the booking-email triage, had 51% of the workload's requests in its recurring bursts and 47% in such episodes,
 * and 4.4% of the dataset's blocking spend was labelled batchable with it. The tune orgs' pollers have at most 3% there
 * (usage-retail's price watcher, with a nightly feed on its key); services people wait on that have
 * 5% or more of their requests in bursts, 73-95% (smaller ones, few in bursts, 0-48%).
 */
export const minuteBurstMaxOtherShare = 0.1;

/**
 * Per workload with minute buckets whose bursts recur: the requests in them (`minute_burst_req`), how many, the median
 * minutes from one burst's start to the next, and the share of those intervals on that beat. A burst: an episode (no
 * request for 5 minutes before it: runs.ts episodeGapUs) of minBurstCalls requests or more, over at most maxBurstMinutes,
 * with requests in every minute of it at minuteBurstRate or more a minute. They recur as runs.ts's bursts do
 * (recurringCtes). With them, the requests in its episodes that are neither bursts nor light ones
 * (minuteBurstMaxOtherShare). Weights are the rows' requests (estimated from tokens where a row counts none:
 * per-call.ts weightSql). Reads nothing but minute buckets: per-call data and coarser buckets have no row here.
 */
export const minuteBurstsSql = `
  WITH m AS (SELECT wid, epoch_us(ts) // 60000000 AS mn, sum(w) AS n FROM _cls_calls WHERE ${minuteBucketSql} GROUP BY ALL),
  o AS (SELECT *, coalesce(mn - lag(mn) OVER (PARTITION BY wid ORDER BY mn) > ${episodeGapUs / 60_000_000}, true) AS opens FROM m),
  e AS (SELECT wid, mn, n, sum(opens::INTEGER) OVER (PARTITION BY wid ORDER BY mn ROWS UNBOUNDED PRECEDING) AS ep FROM o),
  eps AS (
    SELECT *, req >= ${minBurstCalls} AND span <= ${maxBurstMinutes} AND active = span AND req >= ${minuteBurstRate} * span AS burst,
      req < ${minBurstCalls} AND span <= ${maxBurstMinutes} AS light
    FROM (SELECT wid, ep, min(mn) AS first_mn, max(mn) - min(mn) + 1 AS span, count(*) AS active, sum(n) AS req FROM e GROUP BY wid, ep)
  ),
  bursts AS (SELECT wid, first_mn, first_mn // 1440 AS day, req, first_mn - lag(first_mn) OVER (PARTITION BY wid ORDER BY first_mn) AS gap_mn FROM eps WHERE burst),
  ${recurringCtes}
  SELECT r.wid, r.burst_req AS minute_burst_req, r.bursts AS minute_bursts, r.burst_gap_mn AS minute_burst_gap_mn, r.burst_cadence_share AS minute_burst_cadence_share,
    coalesce(sum(eps.req) FILTER (WHERE NOT eps.burst AND NOT eps.light), 0) AS minute_other_req
  FROM recurring r JOIN eps USING (wid) GROUP BY ALL`;
