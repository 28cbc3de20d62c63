// Day shape: work started by hand runs on some days and not others, in volumes a crowd of people does not
// produce; people come back every working day. Per workload, over the days the org as a whole is active
// (UTC days with at least a fifth of the org's median daily requests) between the workload's first and last
// day: how many such days it is absent, and how much its daily requests vary. Works on calls and on usage
// buckets of up to a day, so it is the usage-API-only org's main shape signal.

/** Days with at least this share of the org's median daily requests count as the org's active days. */
export const orgActiveDayShare = 0.2;

/** Per workload and UTC day: requests (calls and buckets of up to 1 h from _cls_minutely; day buckets read here). */
export const dailySql = `
  SELECT wid, day, sum(n) AS n FROM (
    SELECT wid, mn // 1440 AS day, n FROM _cls_minutely
    UNION ALL
    SELECT wid, epoch_us(ts) // 86400000000 AS day, w AS n FROM _cls_calls
    WHERE bucket AND ended_us - epoch_us(ts) > 3600000000 AND ended_us - epoch_us(ts) <= 86400000000
  ) GROUP BY wid, day`;

/** Per workload: org-active days in its span, share of them it is absent, the variation of its daily requests, its median active day. */
export const dayShapeSql = `
  WITH org AS (SELECT day, sum(n) AS n FROM _cls_daily GROUP BY day),
  org_days AS (SELECT day FROM org WHERE n >= ${orgActiveDayShare} * (SELECT median(n) FROM org)),
  span AS (SELECT wid, min(day) AS d0, max(day) AS d1 FROM _cls_daily GROUP BY wid),
  grid AS (
    SELECT s.wid, o.day, coalesce(p.n, 0) AS n FROM span s JOIN org_days o ON o.day BETWEEN s.d0 AND s.d1
    LEFT JOIN _cls_daily p ON p.wid = s.wid AND p.day = o.day
  )
  SELECT wid, count(*) AS span_days, count(*) FILTER (WHERE n = 0) / count(*) AS absent_day_share,
    coalesce(stddev_pop(n) / nullif(avg(n), 0), 0) AS day_cv, median(n) FILTER (WHERE n > 0) AS active_day_median
  FROM grid GROUP BY wid`;

/** On/off hours: at one hour of the day, a workload this irregular across the org's active days (stddev / mean)... */
export const onOffCv = 1.0;
/** ...that runs at least this many requests in such an hour when it is on, is a job started now and then. */
export const onOffMinPerHour = 50;

/**
 * Per workload, from hour-resolved rows (calls and buckets of up to 1 h): the share of its requests in hours
 * of the day where it is on/off across the org's active days (a job started some days, at volume), and the
 * median requests in such an hour when on. People come back at the same hour every working day; a crowd's
 * hour varies a little, not between zero and hundreds. The usage-API-only org's hourly shape signal.
 */
export const onOffHoursSql = `
  WITH org AS (SELECT day, sum(n) AS n FROM _cls_daily GROUP BY day),
  org_days AS (SELECT day FROM org WHERE n >= ${orgActiveDayShare} * (SELECT median(n) FROM org)),
  span AS (SELECT wid, min(hr) // 24 AS d0, max(hr) // 24 AS d1 FROM _cls_hourly WHERE n > 0 GROUP BY wid),
  grid AS (
    SELECT s.wid, o.day * 24 + h.h AS hr, h.h AS hod FROM span s JOIN org_days o ON o.day BETWEEN s.d0 AND s.d1, range(24) h(h)
  ),
  filled AS (SELECT g.wid, g.hod, coalesce(x.n, 0) AS n FROM grid g LEFT JOIN _cls_hourly x ON x.wid = g.wid AND x.hr = g.hr),
  slots AS (
    SELECT wid, hod, sum(n) AS n, count(*) AS days, coalesce(stddev_pop(n) / nullif(avg(n), 0), 0) AS cv, median(n) FILTER (WHERE n > 0) AS on_median
    FROM filled GROUP BY wid, hod
  )
  SELECT wid, coalesce(sum(n) FILTER (WHERE cv >= ${onOffCv} AND on_median >= ${onOffMinPerHour} AND days >= 7) / nullif(sum(n), 0), 0) AS onoff_share,
    median(on_median) FILTER (WHERE cv >= ${onOffCv} AND on_median >= ${onOffMinPerHour} AND days >= 7) AS onoff_on_median
  FROM slots GROUP BY wid`;
