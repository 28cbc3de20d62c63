// Day shape: work started by hand runs on some days and not others, in volumes a crowd of people does not
// produce; people come back every working day. Per workload, over the days the org as a whole is active
// (UTC days with at least a fifth of the org's median daily requests) between the workload's first and last
// day: how many such days it is absent, and how much its daily requests vary. Works on calls and on usage
// buckets of up to a day, so it is the usage-API-only org's main shape signal.

import { stddevPopOfIntegers } from './exact.ts';
import { inputTokensSql } from './per-call.ts';

/** Whether a day number (days since 1970-01-01, a Thursday) is a Saturday or Sunday, UTC. */
const weekendDaySql = (day: string): string => `((${day} + 3) % 7) >= 5`;

/** Days with at least this share of the org's median daily requests count as the org's active days. */
export const orgActiveDayShare = 0.2;

/** Per workload and UTC day: requests (calls and buckets of up to 1 h from _cls_hourly; day buckets read here). */
export const dailySql = `
  SELECT wid, day, sum(n) AS n FROM (
    SELECT wid, hr // 24 AS day, n FROM _cls_hourly
    UNION ALL
    SELECT wid, epoch_us(ts) // 86400000000 AS day, w AS n FROM _cls_calls
    WHERE bucket AND ended_us - epoch_us(ts) > 3600000000 AND ended_us - epoch_us(ts) <= 86400000000
  ) GROUP BY wid, day`;

/**
 * Per workload and UTC day, usage buckets only: requests (the rows' weight in _cls_calls, estimated from fresh tokens
 * where a row counts none: per-call.ts weightSql) and input (cache included), output and cache-read tokens, for the
 * token mix. Read from `calls` for bucket rows alone: per-call files have no bucket row (the view drops their part of
 * the scan), so labelling millions of calls pays nothing for it, and per-call data has stronger signs than a day's
 * token average.
 */
export const dailyTokensSql = `
  SELECT k.wid, epoch_us(c.ts) // 86400000000 AS day, sum(k.w) AS n, sum(${inputTokensSql('c.')}) AS tin,
    sum(coalesce(c.output_tokens, 0)) AS tout, sum(coalesce(c.cache_read_tokens, 0)) AS tcached
  FROM calls c JOIN (SELECT call_key, wid, w FROM _cls_calls WHERE bucket) k USING (call_key)
  WHERE c.granularity = 'bucket' AND coalesce(epoch_us(c.ended_at) - epoch_us(c.ts) <= 86400000000, true) GROUP BY ALL`;

/**
 * Lumpy days. A crowd's daily requests are the sum of many people each adding a little: from one working day
 * to the next they move by a few per cent (more with growth or a busy Monday, but smoothly), and their
 * variance over mean (the size of the independent lumps the traffic comes in) is about one session's calls.
 * A job started by hand adds whole runs of hundreds of requests: some days one run, some days two or three.
 * Over the org's active UTC weekdays (weekends are left out, so office people in a 24/7 org do not look
 * lumpy), a workload whose days spread between the quartiles by at least this share of its median day, once a
 * straight-line trend is taken out (a crowd growing over the month spreads its levels, smoothly)...
 */
export const lumpySpreadShare = 0.3;
/**
 * ...or whose median step from one working day to the next is at least this share of its median day (a key
 * that runs one run on most days has equal quartiles, but steps by a run on the others)...
 */
export const lumpyStepShare = 0.2;
/** ...or that is absent on at least this share of those weekdays (people do not skip a fifth of working days)... */
export const lumpyAbsentShare = 0.2;
/** ...and whose day-to-day variance over mean is at least this (lumps of 50+ requests: no person's day, a run's)... */
export const lumpyDispersion = 50;
/**
 * ...and whose quietest working days (the 10th percentile) carry less than this share of its median one: lumps
 * on a steady floor are a job riding on a key people use every day (the floor is them), so the lumps alone
 * cannot label the whole workload. Against the median, not the mean: a job on some of the days pulls the mean
 * up, and against it the people's days looked like no floor at all (a blind org's teachers under a regrade job on
 * their key, in day buckets: quietest days 189 requests, median 304, mean 416, so 45% of the mean; 13.2% of its
 * blocking spend was labelled batchable); the median day is the people's...
 */
export const lumpyMaxFloorShare = 0.5;
/**
 * ...and, when the lumps change the day's tokens per request (token mix, mixShiftShare below: they are another kind
 * of work than the rest), whose quietest working days carry less than this share of its median one. The rest is its
 * floor, and a floor of another kind of work may be people on the same key, project and model: one label for the
 * whole workload would move them to batch with the lumps. Under a quarter of the median day the lumps are most of its
 * volume, and lumpy days still speaks (saying "check it"). A blind org's varied usage rendering (2026-12-05, seed
 * 20261205: usage-retail, a tune org since) held a shop assistant people chat with and a job's review summaries on
 * one project and model: quietest days at 49% of the median, tokens per request moving with volume, and 96.6% of its
 * blocking spend was labelled batchable by lumpy days alone.
 */
export const lumpyMixedFloorShare = 0.25;
/**
 * ...unless the floor cannot be people: the workload never runs on a weekend day while the org's people do (the
 * org's weekday-heavy workloads that still run on every weekend day, at a median of weekendPeopleShare or more
 * of their weekday volume), and a crowd like theirs would have sent at least weekendSilenceMinRequests
 * requests on its weekends. Jobs started by people in the week stop at the weekend with them; a crowd keeps a
 * few people working on Sundays. The lumps must also keep the floor's token mix (one kind of work: usage
 * buckets only), since an office crowd that never works weekends plus a job on its key would pass the rest.
 */
export const weekendPeopleShare = 0.02;
export const weekendSilenceMinRequests = 30;
/** ...on a median weekday of at least this many requests, over at least lumpyMinWeekdays org-active weekdays, is runs of work. */
export const lumpyMinMedian = 200;
export const lumpyMinWeekdays = 10;

/**
 * Token mix. A workload of one kind of work keeps its shape whatever its volume: a day's tokens per request
 * are the average of hundreds of requests drawn from the same kind of prompt, busy day or quiet. When two
 * kinds share a key, project and model (people chatting with long contexts and a job tagging rows with short
 * answers), the lumps of one move the day's average towards its own shape. Over the org-active weekdays of
 * the workload's usage buckets (dailyTokensSql), the change in input and output tokens per request (relative to their mean) and in the cache-read
 * share of input (in points) that goes with its volume, from its quiet days (10th percentile) to its busy
 * ones (90th): the regression slope on the day's requests times that range. At least this much in any of the
 * three, on a workload whose days come in lumps, says the lumps are another kind of work than the rest, which
 * may be people: lumpy days says so in its text (for the user to check). It never turns a label blocking: as
 * a guard (a weak "someone may wait") it cost the usage rendering of server-only 98.9% -> 37.4% of spend right
 * (two jobs on one key mix too) and prevented no mistake in the eval family. A steady mix is one of the
 * conditions under which lumps on a steady floor count (weekend silence, above). A job and people with the same
 * prompt shape (a script reusing people's template) keep the mix steady: it cannot see them, which is why lumps
 * on a steady floor also need weekend silence. Where rows count no requests (Anthropic's report), a "request" is 5,000
 * fresh tokens, so tokens per request become the shares of the kinds of tokens (all input over fresh tokens, output
 * over fresh tokens, cache reads over input): a weaker test, which still moves when the lumps are another kind of work
 * (a chat's long cached context beside a job's short fresh prompts). Without it the tune org data-company's day
 * buckets through Anthropic's report were right on 37.2% of spend, against 78.0% with it (78.1% with true counts).
 */
export const mixShiftShare = 0.1;

/**
 * Weekends. In an org whose traffic on weekend days is at most this share of its weekday traffic (people
 * work in the week)...
 */
export const quietWeekendShare = 0.35;
/** ...a workload that runs on every weekend day at least this share of its weekday volume keeps no office hours. */
export const keepsWeekendShare = 0.75;

/**
 * Per workload, over the org-active days in its span: share of them it is absent, the variation of its daily
 * requests, its median active day; over the org-active UTC weekdays: the quartiles' spread around a straight-line
 * trend, the median step between consecutive ones (both over the median day), the steps' variance over the
 * mean and the quietest days' share of the median one (lumpy days), and how its tokens per request move with its
 * volume (token mix); and weekend days against weekdays, its own and the org's. UTC weekdays: an
 * office's local weekday mostly lands on the same UTC date, and the day buckets of the usage API are UTC.
 */
export const dayShapeSql = `
  WITH days AS (SELECT *, ${weekendDaySql('day')} AS weekend FROM _cls_daily),
  org AS (SELECT day, weekend, sum(n) AS n FROM days GROUP BY ALL),
  org_days AS (SELECT day, weekend FROM org WHERE n >= ${orgActiveDayShare} * (SELECT median(n) FROM org)),
  org_week AS (
    SELECT coalesce(avg(n) FILTER (WHERE weekend) / nullif(avg(n) FILTER (WHERE NOT weekend), 0), 0) AS org_weekend_share,
      count(*) FILTER (WHERE weekend) AS org_weekend_days
    FROM org WHERE day BETWEEN (SELECT min(day) FROM org) + 1 AND (SELECT max(day) FROM org) - 1
  ),
  span AS (SELECT wid, min(day) AS d0, max(day) AS d1 FROM _cls_daily GROUP BY wid),
  grid AS (
    SELECT s.wid, o.day, o.weekend, coalesce(p.n, 0) AS n FROM span s JOIN org_days o ON o.day BETWEEN s.d0 AND s.d1
    LEFT JOIN _cls_daily p ON p.wid = s.wid AND p.day = o.day
  ),
  -- Token mix: per org-active weekday with usage buckets, tokens per request; what of it moves with the day's
  -- volume (slope x range).
  mix_days AS (
    SELECT t.wid, t.day, t.n, t.tin / t.n AS in_pr, t.tout / t.n AS out_pr, t.tcached / nullif(t.tin, 0) AS cached_share
    FROM (${dailyTokensSql}) t JOIN org_days o ON o.day = t.day AND NOT o.weekend WHERE t.n > 0
  ),
  mix AS (
    SELECT wid, count(*) AS mix_days, quantile_cont(n, 0.9) - quantile_cont(n, 0.1) AS n_range,
      regr_slope(in_pr, n ORDER BY day) * n_range / nullif(avg(in_pr ORDER BY day), 0) AS mix_input,
      regr_slope(out_pr, n ORDER BY day) * n_range / nullif(avg(out_pr ORDER BY day), 0) AS mix_output,
      regr_slope(cached_share, n ORDER BY day) * n_range AS mix_cached
    FROM mix_days GROUP BY wid
  ),
  steps AS (
    SELECT wid, n - lag(n) OVER (PARTITION BY wid ORDER BY day) AS step FROM grid WHERE NOT weekend
  ),
  step_stats AS (
    -- Steps between consecutive working days: a trend (a crowd growing over the month) barely moves them, runs
    -- of work do. Half the mean squared step is the variance free of the trend (von Neumann).
    SELECT wid, median(abs(step)) AS weekday_step_median, avg(step * step) / 2 AS weekday_step_var FROM steps WHERE step IS NOT NULL GROUP BY wid
  ),
  -- A line through one day is no line (NULL either way): workloads seen on one weekday are left out. The line is fitted
  -- from exact integer sums (count, Σday, Σn, Σday², Σday·n) with one division each, where the ordered regr_intercept
  -- and regr_slope sorted every workload's days: 0.36 s of CPU for 4,000 workloads of 22 weekdays (the wide bench shape
  -- without tags), now too little to measure. Residuals are taken about the mean day: n − (Σn + b·(N·day − Σday)) / N.
  trend AS (
    SELECT wid, count(*) AS tn, sum(day::HUGEINT) AS sx, sum(n::HUGEINT) AS sy,
      (count(*) * sum(day::HUGEINT * day) - sum(day::HUGEINT) * sum(day::HUGEINT)) AS den,
      (count(*) * sum(day::HUGEINT * n) - sum(day::HUGEINT) * sum(n::HUGEINT)) AS num
    FROM grid WHERE NOT weekend GROUP BY wid
  ),
  spread AS (
    SELECT wid, quantile_cont(r, 0.75) - quantile_cont(r, 0.25) AS weekday_spread
    FROM (SELECT g.wid, (t.tn * g.n - t.sy - (t.num::DOUBLE / t.den::DOUBLE) * (t.tn * g.day - t.sx)::DOUBLE) / t.tn AS r
      FROM grid g JOIN trend t USING (wid) WHERE NOT g.weekend AND t.den > 0) GROUP BY wid
  ),
  shape AS (
    SELECT wid, count(*) AS span_days, count(*) FILTER (WHERE n = 0) / count(*) AS absent_day_share,
      coalesce(${stddevPopOfIntegers('n')} / nullif(avg(n), 0), 0) AS day_cv, median(n) FILTER (WHERE n > 0) AS active_day_median,
      count(*) FILTER (WHERE NOT weekend) AS span_weekdays,
      median(n) FILTER (WHERE NOT weekend) AS weekday_median,
      count(*) FILTER (WHERE NOT weekend AND n = 0) / nullif(count(*) FILTER (WHERE NOT weekend), 0) AS weekday_absent_share,
      quantile_cont(n, 0.1) FILTER (WHERE NOT weekend) / nullif(median(n) FILTER (WHERE NOT weekend), 0) AS weekday_floor_share,
      avg(n) FILTER (WHERE NOT weekend) AS weekday_mean
    FROM grid GROUP BY wid
  ),
  -- Weekends over every day of the org's span but its first and last (partial) ones, active or not: a quiet
  -- weekend is exactly what the active-day filter leaves out.
  week AS (
    SELECT d.wid, count(*) FILTER (WHERE d.weekend AND d.n > 0) AS weekend_days_on,
      coalesce(avg(d.n) FILTER (WHERE d.weekend) / nullif(avg(d.n) FILTER (WHERE NOT d.weekend), 0), 0) AS weekend_share
    FROM (SELECT o.day, o.weekend, s.wid, coalesce(p.n, 0) AS n FROM org o CROSS JOIN (SELECT DISTINCT wid FROM _cls_daily) s
      LEFT JOIN _cls_daily p ON p.wid = s.wid AND p.day = o.day
      WHERE o.day BETWEEN (SELECT min(day) FROM org) + 1 AND (SELECT max(day) FROM org) - 1) d
    GROUP BY d.wid
  ),
  -- The org's people on weekends: workloads that run on every weekend day but well under their weekday volume
  -- (schedules keep the week's volume, office work drops). Their median weekend share, or NULL without any.
  people_week AS (
    SELECT median(week.weekend_share) AS people_weekend_share, count(*) AS people_weekend_workloads
    FROM week CROSS JOIN org_week
    WHERE org_week.org_weekend_days >= 4 AND week.weekend_days_on >= org_week.org_weekend_days AND week.weekend_share < ${keepsWeekendShare}
  )
  SELECT shape.* EXCLUDE (weekday_mean), weekday_spread / nullif(weekday_median, 0) AS weekday_spread_share,
    weekday_step_median / nullif(weekday_median, 0) AS weekday_step_share,
    weekday_step_var / nullif(weekday_mean, 0) AS weekday_dispersion, week.* EXCLUDE (wid), org_week.*,
    mix_input, mix_output, mix_cached,
    CASE WHEN mix_days >= ${lumpyMinWeekdays} THEN greatest(coalesce(abs(mix_input), 0), coalesce(abs(mix_output), 0), coalesce(abs(mix_cached), 0)) END AS mix_shift,
    people_weekend_share, people_weekend_workloads,
    -- Weekend silence: none on any weekend day, where a crowd with the org's people's weekend habit would have
    -- sent weekendSilenceMinRequests or more over the org's weekends.
    coalesce(weekend_days_on = 0 AND people_weekend_share >= ${weekendPeopleShare}
      AND people_weekend_share * weekday_mean * org_weekend_days >= ${weekendSilenceMinRequests}, false) AS weekend_silent
  FROM shape LEFT JOIN spread USING (wid) LEFT JOIN step_stats USING (wid) LEFT JOIN week USING (wid) LEFT JOIN mix USING (wid) CROSS JOIN org_week
    CROSS JOIN people_week`;

/** On/off hours: at one hour of the day, a workload this irregular across the org's active days (stddev / mean)... */
export const onOffCv = 1.0;
/** ...that runs at least this many requests in such an hour when it is on... */
export const onOffMinPerHour = 50;
/**
 * ...and is off at that hour on a quarter of the days or more (at most this share of its median on-hour), is
 * a job started now and then. Without the last test, a job riding on a key that people use at that hour every
 * day (the usage API groups by key, project and model only) made the people's hour look on/off too.
 */
export const onOffMaxQuietShare = 0.1;

/**
 * Per workload, from hour-resolved rows (calls and buckets of up to 1 h): the share of its requests in hours
 * of the day where it is on/off across the org's active UTC weekdays (a job started some days, at volume), and the
 * median requests in such an hour when on. People come back at the same hour every working day; a crowd's
 * hour varies a little, not between zero and hundreds. The usage-API-only org's hourly shape signal.
 */
export const onOffHoursSql = `
  WITH org AS (SELECT day, sum(n) AS n FROM _cls_daily GROUP BY day),
  -- UTC weekdays only: an office's people are off at the weekend, so their busiest hour is "off" on a weekend day,
  -- and one hand-started job's spikes at that hour then make it look on/off (a seed of the usage-API org's varied
  -- rendering labelled its web chat batchable so: 28% of its spend, 81% of that blocking).
  org_days AS (SELECT day FROM org WHERE n >= ${orgActiveDayShare} * (SELECT median(n) FROM org) AND NOT ${weekendDaySql('day')}),
  -- Only workloads that reach onOffMinPerHour in some hour can be on/off (a slot's median on-hour is at most that):
  -- the grid is every (workload, day, hour of day), and 200,000 workloads of a few calls each (a tag holding an id)
  -- made it 4.8M slots with a median each: 1.8 s. The others get no row (NULL: not on/off, as 0 was).
  span AS (SELECT wid, min(hr) // 24 AS d0, max(hr) // 24 AS d1 FROM _cls_hourly WHERE n > 0 GROUP BY wid HAVING max(n) >= ${onOffMinPerHour}),
  grid AS (
    SELECT s.wid, o.day * 24 + h.h AS hr, h.h AS hod FROM span s JOIN org_days o ON o.day BETWEEN s.d0 AND s.d1, range(24) h(h)
  ),
  filled AS (SELECT g.wid, g.hod, coalesce(x.n, 0) AS n FROM grid g LEFT JOIN _cls_hourly x ON x.wid = g.wid AND x.hr = g.hr),
  slots AS (
    SELECT wid, hod, sum(n) AS n, count(*) AS days, coalesce(${stddevPopOfIntegers('n')} / nullif(avg(n), 0), 0) AS cv, median(n) FILTER (WHERE n > 0) AS on_median,
      quantile_cont(n, 0.25) AS quiet
    FROM filled GROUP BY wid, hod
  ),
  onoff AS (SELECT *, cv >= ${onOffCv} AND on_median >= ${onOffMinPerHour} AND days >= 7 AND quiet <= ${onOffMaxQuietShare} * on_median AS is_onoff FROM slots)
  SELECT wid, coalesce(sum(n) FILTER (WHERE is_onoff) / nullif(sum(n), 0), 0) AS onoff_share,
    median(on_median) FILTER (WHERE is_onoff) AS onoff_on_median
  FROM onoff GROUP BY wid`;
