// Workload kinds of the eval family: each turns a small spec into one SQL SELECT of calls (batchable-csv
// columns) for one org, from a seeded hash (f_ur), so the same seed always gives the same rows.
//   sessions   people: a start at a human-shaped time, then a few calls with think time between them
//   agent      a person starts a trace; steps chain back to back (each starts < 1 s after the last ends)
//   events     one call per event at human-shaped (or flat) times: webhooks, per-request product features
//   job        runs of work: started by hand in the day, by cron at a fixed minute, or hourly by a poller;
//              each run is W workers (W = 1: a serial loop; W > 1: fan-out) calling back to back
// Truth is per workload: who waits on the answer. The spec says it; the signals never see it.
import { sqlString } from './db.ts';

export type Truth = 'blocking' | 'non_blocking';
/** Human activity: office hours in the org's zone; a developer tool (office + evenings + weekends); users everywhere. */
export type Profile = 'office' | 'dev' | 'global';
/**
 * `varied`: the variation the classifier never saw in tuning (eval/family.ts renders each held-out org a second
 * time with it, from another seed): people's days move with the weekday, a trend over the month and day-to-day
 * noise; job runs vary more in size and pace, hand-started jobs start over a wider window, cron runs wait up
 * to 10 minutes in a queue before they start.
 */
export type Org = { readonly id: string; readonly tz: number; readonly profile: Profile; readonly varied?: boolean };
type Range = readonly [number, number];

type Common = {
  readonly id: string;
  readonly truth: Truth;
  readonly story: string;
  readonly model: string;
  readonly operation?: 'chat' | 'embeddings' | 'completions';
  readonly lane?: 'batch';
  readonly key: string;
  readonly keyName?: string;
  readonly project?: string;
  readonly app?: string;
  readonly tags?: string;
  readonly input: Range;
  readonly output: Range;
  readonly cacheRead?: Range;
  readonly latencyMs: Range;
  /** Share of calls that stream (with a time to first token); 0 by default. */
  readonly streamed?: number;
  /** Share of calls cancelled; undefined: the source does not report cancellations (NULL). */
  readonly cancelled?: number;
};
/** Users: ids `${prefix}${1..count}`; the same prefix in two workloads is the same people. */
type Users = { readonly prefix: string; readonly count: number };

export type Workload = Common &
  (
    | { readonly kind: 'sessions'; readonly starts: number; readonly calls: Range; readonly gapS: Range; readonly users?: Users; readonly sessionIds?: boolean; readonly profile?: Profile }
    | { readonly kind: 'agent'; readonly starts: number; readonly steps: Range; readonly users: Users; readonly userShare: number; readonly profile?: Profile }
    | { readonly kind: 'events'; readonly starts: number; readonly profile?: Profile; readonly flat?: boolean; readonly users?: Users }
    | {
        readonly kind: 'job';
        readonly launch:
          | { readonly by: 'hand'; readonly dayShare: number; readonly perDay: number; readonly hours: Range; readonly weekends?: boolean }
          | { readonly by: 'cron'; readonly hour: number; readonly minute: number; readonly weekdaysOnly: boolean }
          | { readonly by: 'hourly' };
        readonly workers: number;
        /** Calls per worker per run. */
        readonly rows: Range;
        /** Idle time between one call's end and the next call's start, per worker (a script that sleeps between calls: gapMs above 1000). */
        readonly gapMs: Range;
        /** per-row: a fresh id per call (a customer, a document); starter: the person who launched the run; recipients: real users' ids. */
        readonly rowUsers?: { readonly how: 'per-row' } | { readonly how: 'starter' | 'recipients'; readonly users: Users };
        /** The framework wraps each run in one trace. */
        readonly traceRun?: boolean;
      }
  );

export const monthDays = 31;

/** Seeded uniform [0,1) and integer [lo,hi] draws, and human activity at a UTC time for a zone and profile. */
export const familyMacros = (seed: number): string[] => [
  `CREATE OR REPLACE TEMP MACRO f_ur(key, k) AS (hash(key, k, ${Math.trunc(seed)}) % 1000000007)::DOUBLE / 1000000007.0`,
  `CREATE OR REPLACE TEMP MACRO f_ri(key, k, lo, hi) AS (lo + floor(f_ur(key, k) * (hi - lo + 1)))::BIGINT`,
  `CREATE OR REPLACE TEMP MACRO f_lh(t, tz) AS hour(t + to_minutes(CAST(tz * 60 AS BIGINT)))`,
  `CREATE OR REPLACE TEMP MACRO f_ld(t, tz) AS isodow(t + to_minutes(CAST(tz * 60 AS BIGINT)))`,
  `CREATE OR REPLACE TEMP MACRO f_act(t, tz, profile) AS CASE profile
     WHEN 'office' THEN CASE WHEN f_ld(t, tz) <= 5 THEN CASE
         WHEN f_lh(t, tz) BETWEEN 9 AND 16 THEN 1.0 WHEN f_lh(t, tz) IN (8, 17) THEN 0.5 WHEN f_lh(t, tz) BETWEEN 18 AND 20 THEN 0.1 ELSE 0.02 END
       ELSE 0.03 END
     WHEN 'dev' THEN CASE WHEN f_ld(t, tz) <= 5 THEN CASE
         WHEN f_lh(t, tz) BETWEEN 9 AND 18 THEN 1.0 WHEN f_lh(t, tz) BETWEEN 19 AND 23 THEN 0.45 WHEN f_lh(t, tz) IN (7, 8) THEN 0.3 ELSE 0.08 END
       ELSE CASE WHEN f_lh(t, tz) BETWEEN 10 AND 23 THEN 0.25 ELSE 0.04 END END
     ELSE 0.8 + 0.2 * cos(2 * pi() * (hour(t) - 19) / 24) END`,
];

/** Local midnight of 1 October 2026 in the org's zone, as a UTC instant. */
const monthStart = (org: Org): string => `(TIMESTAMPTZ '2026-10-01 00:00:00+00' - to_minutes(${Math.round(org.tz * 60)}))`;
const localDay = (org: Org, d: string): string => `(${monthStart(org)} + to_days(CAST(${d} AS INTEGER)))`;
const isWeekday = (d: string): string => `isodow(DATE '2026-10-01' + CAST(${d} AS INTEGER)) <= 5`;
const ms = (x: string): string => `to_milliseconds(CAST(${x} AS BIGINT))`;

/** Candidates per start kept when varied: the day factor below reaches about this much above 1. */
const variedHeadroom = 1.6;

/**
 * A varied org's day factor at time t (about 1 on average): busier Mondays and quieter Fridays (local), a
 * trend from 0.85 to 1.15 over the month, and log-normal day-to-day noise, 12% shared by the whole org (a busy
 * day is busy for everyone) and 8% of the workload's own.
 */
function dayFactor(org: Org, tag: string, t: string): string {
  const day = `((epoch(${t}) - epoch(${monthStart(org)}))::BIGINT // 86400)`;
  const normal = (key: string) => `(sqrt(-2 * ln(greatest(f_ur(${key}, 21), 1e-9))) * cos(2 * pi() * f_ur(${key}, 22)))`;
  return `(CASE f_ld(${t}, ${org.tz}) WHEN 1 THEN 1.12 WHEN 2 THEN 1.05 WHEN 4 THEN 0.95 WHEN 5 THEN 0.85 ELSE 1.0 END
    * (0.85 + 0.3 * ${day} / ${monthDays}) * exp(0.12 * ${normal(`${sqlString(org.id)} || '.day' || ${day}`)} + 0.08 * ${normal(`${tag} || '.day' || ${day}`)}))`;
}

/** Human-shaped start times: uniform candidates over the month kept with probability f_act (or all: flat), times the day factor when varied. */
function humanStarts(org: Org, tag: string, n: number, profile: Profile, flat = false): string {
  const t0 = `${monthStart(org)} + to_microseconds(CAST(f_ur(${tag} || i, 1) * ${monthDays * 86400}e6 AS BIGINT))`;
  const act = flat ? '1.0' : `f_act(t0, ${org.tz}, ${sqlString(profile)})`;
  if (org.varied === true) {
    return `SELECT i, t0 FROM (SELECT i, ${t0} AS t0 FROM range(${Math.round(n * variedHeadroom)}) r(i))
      WHERE f_ur(${tag} || i, 2) < ${act} * ${dayFactor(org, tag, 't0')} / ${variedHeadroom}`;
  }
  return `SELECT i, t0 FROM (SELECT i, ${t0} AS t0 FROM range(${n}) r(i))
    ${flat ? '' : `WHERE f_ur(${tag} || i, 2) < ${act}`}`;
}

const userId = (u: Users, key: string, k: number): string => `${sqlString(u.prefix)} || f_ri(${key}, ${k}, 1, ${u.count})`;

/** The base rows of a workload: (rk, ts, lat, user_id, session_id, trace_id). rk doubles as the call id. */
function baseSql(org: Org, w: Workload): string {
  const tag = sqlString(`${org.id}.${w.id}`);
  const lat = (key: string) => `f_ri(${key}, 11, ${w.latencyMs[0]}, ${w.latencyMs[1]})`;
  switch (w.kind) {
    case 'sessions': {
      const [gap, jitter] = w.gapS;
      return `WITH s AS (${humanStarts(org, tag, w.starts, w.profile ?? org.profile)}),
        m AS (SELECT i, j, ${tag} || '.' || i || '.' || j AS rk,
            t0 + to_microseconds(CAST((j * ${gap} + f_ur(${tag} || i || '.' || j, 3) * ${jitter}) * 1e6 AS BIGINT)) AS ts
          FROM s, range(${w.calls[1]}) r(j) WHERE j < f_ri(${tag} || i, 4, ${w.calls[0]}, ${w.calls[1]}))
        SELECT rk, ts, ${lat('rk')} AS lat, ${w.users ? userId(w.users, `${tag} || i`, 12) : 'NULL::VARCHAR'} AS user_id,
          ${w.sessionIds ? `${tag} || '-s' || i` : 'NULL::VARCHAR'} AS session_id, NULL::VARCHAR AS trace_id FROM m`;
    }
    case 'agent':
      return `WITH s AS (${humanStarts(org, tag, w.starts, w.profile ?? org.profile)}),
        steps AS (SELECT i, j, ${lat(`${tag} || i || '.' || j`)} AS lat, f_ri(${tag} || i || '.' || j, 6, 150, 900) AS gap
          FROM s, range(${w.steps[1]}) r(j) WHERE j < f_ri(${tag} || i, 4, ${w.steps[0]}, ${w.steps[1]}))
        SELECT ${tag} || '.' || i || '.' || j AS rk, t0 + ${ms('sum(lat + gap) OVER (PARTITION BY i ORDER BY j) - lat - gap')} AS ts, lat,
          CASE WHEN f_ur(${tag} || i, 9) < ${w.userShare} THEN ${userId(w.users, `${tag} || i`, 12)} END AS user_id,
          NULL::VARCHAR AS session_id, ${tag} || '-t' || i AS trace_id
        FROM steps JOIN s USING (i)`;
    case 'events':
      return `WITH s AS (${humanStarts(org, tag, w.starts, w.profile ?? org.profile, w.flat)})
        SELECT ${tag} || '.' || i AS rk, t0 AS ts, ${lat(`${tag} || '.' || i`)} AS lat,
          ${w.users ? userId(w.users, `${tag} || i`, 12) : 'NULL::VARCHAR'} AS user_id, NULL::VARCHAR AS session_id, NULL::VARCHAR AS trace_id FROM s`;
    case 'job': {
      const l = w.launch;
      // Varied: runs from half to 1.5x the rows, scripts that sleep up to twice as long, a wider window for
      // hand-started runs, cron runs that wait 0-10 min in a queue.
      const v = org.varied === true;
      const rows: Range = v ? [Math.max(1, Math.round(w.rows[0] / 2)), Math.round(w.rows[1] * 1.5)] : w.rows;
      const gapMs: Range = v ? [w.gapMs[0], w.gapMs[1] * 2] : w.gapMs;
      const hours: Range = l.by === 'hand' ? (v ? [Math.max(0, l.hours[0] - 1), Math.min(23, l.hours[1] + 1)] : l.hours) : [0, 0];
      const cronJitterMs = v ? 600000 : 2500;
      const runs =
        l.by === 'hand'
          ? `SELECT d * 10 + ru AS run, ${localDay(org, 'd')} + to_minutes(CAST(${hours[0] * 60} + f_ur(${tag} || d || '.' || ru, 2) * ${(hours[1] - hours[0]) * 60} AS BIGINT)) AS t0
             FROM range(${monthDays}) a(d), range(${l.perDay}) b(ru)
             WHERE ${l.weekends ? 'true' : isWeekday('d')} AND f_ur(${tag} || d || '.' || ru, 1) < ${l.dayShare}`
          : l.by === 'cron'
            ? `SELECT d AS run, ${localDay(org, 'd')} + to_minutes(${l.hour * 60 + l.minute}) + ${ms(`f_ri(${tag} || d, 2, 0, ${cronJitterMs})`)} AS t0
               FROM range(${monthDays}) a(d) ${l.weekdaysOnly ? `WHERE ${isWeekday('d')}` : ''}`
            : `SELECT h AS run, ${monthStart(org)} + to_minutes(h * 60) + to_seconds(f_ri(${tag} || h, 2, 0, 3000)) AS t0 FROM range(${monthDays * 24}) a(h)`;
      const rk = `${tag} || '.' || run || '.' || w || '.' || k`;
      const users = w.rowUsers;
      const user =
        users === undefined ? 'NULL::VARCHAR'
        : users.how === 'per-row' ? `'cust_' || substr(md5(rk), 1, 12)`
        : users.how === 'starter' ? userId(users.users, `${tag} || '.' || run`, 12)
        : userId(users.users, 'rk', 12);
      // Every job backs off now and then (a 429 or a retry): 0.5% of its calls wait 2-30 s first.
      return `WITH runs AS (${runs}),
        items AS (SELECT run, t0, w, k, ${rk} AS rk, ${lat(rk)} AS lat,
            CASE WHEN f_ur(${rk}, 14) < 0.005 THEN f_ri(${rk}, 15, 2000, 30000) ELSE f_ri(${rk}, 6, ${gapMs[0]}, ${gapMs[1]}) END AS gap
          FROM runs, range(${w.workers}) a(w), range(${rows[1]}) b(k)
          WHERE k < f_ri(${tag} || '.' || run || '.' || w, 4, ${rows[0]}, ${rows[1]}))
        SELECT rk, t0 + ${ms(`w * 350 + sum(lat + gap) OVER (PARTITION BY run, w ORDER BY k) - lat - gap`)} AS ts, lat, ${user} AS user_id,
          NULL::VARCHAR AS session_id, ${w.traceRun ? `${tag} || '-run' || run` : 'NULL::VARCHAR'} AS trace_id
        FROM items`;
    }
  }
}

const opt = (text: string | undefined): string => (text === undefined ? 'NULL::VARCHAR' : sqlString(text));
const share = (s: number | undefined, k: number): string => (s === undefined || s <= 0 ? 'false' : s >= 1 ? 'true' : `f_ur(rk, ${k}) < ${s}`);

/** One workload's calls with every batchable-csv column, plus its truth. */
export function workloadSql(org: Org, w: Workload): string {
  const streamed = share(w.streamed, 8);
  return `SELECT rk AS call_id, ts, ${sqlString(w.model)} AS model, ${sqlString(w.operation ?? 'chat')} AS operation, ${opt(w.lane)} AS lane,
      f_ri(rk, 5, ${w.input[0]}, ${w.input[1]}) AS input_tokens,
      ${w.cacheRead ? `f_ri(rk, 13, ${w.cacheRead[0]}, ${w.cacheRead[1]})` : 'NULL::BIGINT'} AS cache_read_tokens,
      f_ri(rk, 7, ${w.output[0]}, ${w.output[1]}) AS output_tokens,
      ${streamed} AS streamed, CASE WHEN ${streamed} THEN f_ri(rk, 9, 250, 1200) END AS ttft_ms,
      ${w.cancelled === undefined ? 'NULL::BOOLEAN' : share(w.cancelled, 10)} AS cancelled, lat AS latency_ms,
      ${sqlString(w.key)} AS api_key, ${opt(w.keyName)} AS api_key_name, ${opt(w.project)} AS project,
      user_id, session_id, trace_id, ${opt(w.app)} AS app, ${opt(w.tags)} AS tags,
      ${sqlString(w.truth)} AS truth_label, ${sqlString(w.id)} AS truth_workload
    FROM (${baseSql(org, w)})`;
}
