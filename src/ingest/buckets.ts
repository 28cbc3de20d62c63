// Overlapping usage-bucket exports (README "What batchable promises": an overlapping export). Usage APIs and
// dashboards export aggregated buckets; two exports of overlapping periods hold the same buckets, and a bucket
// fetched while its hour or day was still running (a partial bucket) is fetched again later, complete
// (`batchable pull` relies on this). A bucket's natural identity is its source format, start and end, and every
// grouping field: provider, model, operation, lane (batch or not), service tier, speed, context tier, region,
// API key and its name, project or workspace, user, app, and tags. A file's copy of a bucket is all its rows with
// that identity (an export grouped by a field batchable does not map has several; they travel together). Among
// the copies of one bucket, held or new, the most complete one is kept: the most requests, then the most tokens;
// on a tie the copy already held stays (the new one is a counted duplicate), then the earliest file's. When the new
// copy is more complete, the older copy is replaced: it leaves `calls` and its file's counts move it from calls to
// duplicates, so every file's rows stay accounted for. Rows of one file are never compared with each other. A file
// read alone (settleFileBuckets) is settled as a scan of one file (settleScanBuckets): both share `settle`.
import { callsOfFormatSql, fileCallsSql, keptRowsSql, partsCallsSql, refreshCallsView, rowidOfKeySql, type FileTable } from '../db/calls-view.ts';
import { sqlIdent } from '../db/sql.ts';
import type { Workspace } from '../db/types.ts';

/** The grouping fields that make a bucket's identity, over the `calls` view's columns. */
const identityFields = ['source_format', 'ts', 'ended_at', 'provider', 'model', 'operation', 'lane', 'service_tier_raw', 'speed', 'context_tier',
  'inference_geo', 'api_key', 'api_key_name', 'project', 'user_id', 'app'];
const identitySql = `CAST(struct_pack(${identityFields.map((f) => `${f} := ${f}`).join(', ')}, tags := CAST(tags AS VARCHAR)) AS VARCHAR)`;
/** A hash of the same fields (equal for equal identities; NULLs hash alike). */
const identityHashSql = `hash(${identityFields.join(', ')}, CAST(tags AS VARCHAR))`;
/**
 * A bucket's identity without its start and end: the buckets of one key, model, lane… over time. An hourly export and
 * a daily one of the same period hold the same usage twice, in buckets of different widths (settleNested).
 */
const seriesFields = identityFields.filter((f) => f !== 'ts' && f !== 'ended_at');
const seriesSql = `CAST(struct_pack(${seriesFields.map((f) => `${f} := ${f}`).join(', ')}, tags := CAST(tags AS VARCHAR)) AS VARCHAR)`;
const seriesHashSql = `hash(${seriesFields.join(', ')}, CAST(tags AS VARCHAR))`;
/** How complete a copy is: its requests (unknown counts least), then its tokens. */
const requestsSql = 'coalesce(requests, -1)';
const tokensSql = `(${['input_tokens', 'cache_read_tokens', 'cache_write_5m_tokens', 'cache_write_1h_tokens', 'cache_write_unknown_tokens', 'output_tokens']
  .map((c) => `coalesce(${c}, 0)`).join(' + ')})`;

/**
 * Settles the copies of one bucket in a file read alone and the buckets already held (src/ingest/ingest.ts), as
 * settleScanBuckets does for a scan of one file: the file's losing rows are marked `_dup` in place, and the held
 * losing copies are taken out of `calls`. Runs inside the file's transaction, before the file's table is moved.
 * Returns whether rows of the file's table were marked (its stored columns changed) and how many held rows its
 * more complete copies replaced.
 */
export async function settleFileBuckets(ws: Workspace, t: FileTable, stored: ReadonlySet<string>): Promise<{ marked: boolean; replaced: number }> {
  // One file: one period, one place in the list.
  const s = await settle(ws, { table: t.table, stored, format: t.format, fileOf: '0', calls: `SELECT *, 0 AS o FROM (${fileCallsSql(t, stored)})` });
  if (!s.marked) return { marked: false, replaced: 0 };
  await replaceHeld(ws);
  return { marked: true, replaced: s.replacedBy.get(t.sourceId) ?? 0 };
}

/** What settling a scan's bucket copies did, per file of the scan (by source id). */
export type ScanBucketOverlap = {
  /** Held copies (from earlier runs) that the scan's more complete copies replaced, by the winning copy's file. */
  readonly replacedBy: ReadonlyMap<string, number>;
  /** Whether rows of the scan's table were marked as duplicates (`_dup`): its stored columns changed. */
  readonly marked: boolean;
};

/**
 * Settles copies of one bucket among the files of a scan (src/ingest/many.ts: `table`, its parts in `parts`, each
 * part's place in the list `ord`) and the buckets already held, all at once, as reading the files one by one in list
 * order ends: of each bucket's copies the most complete one stays (most requests, then most tokens), and on a tie the
 * one held before the run, then the one of the earliest file. The scan's losing rows are marked `_dup` in place
 * (counted as its files' duplicates); the held losing copies are returned in `_bk_losers` for replaceHeld, to be
 * taken out inside the scan's transaction.
 *
 * Read one by one, a file's summary says what happened when it came in: a copy that a later file of the same run
 * beat was counted as a call, and that later file as having replaced it. Settled at once, each file's counts are the
 * final ones (the losing copy is its file's duplicate), as the workspace's `sources` table holds them either way;
 * `replaced` counts only copies held before the run. 365 daily usage files, each with the next day's first hour, took
 * 347 s read one by one (any copy sent the whole scan so) and 14.5-15.1 s settled here, against 9.8-10.4 s for one file
 * of the same buckets.
 */
export async function settleScanBuckets(ws: Workspace, table: string, stored: ReadonlySet<string>, parts: string, format: string): Promise<ScanBucketOverlap> {
  const calls = `SELECT c.*, p.ord AS o FROM (${partsCallsSql(table, stored, parts)}) c JOIN ${parts} p ON p._p_sid = c.source_id`;
  return settle(ws, { table, stored, format, fileOf: '_src', calls });
}

type Settling = {
  /** The table whose bucket rows are settled: a file's own, or a scan's. */
  readonly table: string;
  readonly stored: ReadonlySet<string>;
  readonly format: string;
  /** Which file a row of `table` is from, over its columns (`_src` in a scan, a constant for one file). */
  readonly fileOf: string;
  /** The table's kept rows as the `calls` view shows them (call_key is the rowid), with `o`, their file's place in the list. */
  readonly calls: string;
};

/**
 * Both ways of reading share this: marks the losing rows of `table` `_dup` in place (rows keep their positions, so
 * their lines hold; a rewrite inside a file's transaction numbers rows from a large offset), and leaves the held
 * losing copies in `_bk_losers` (for replaceHeld). Returns the held rows replaced, by the winning
 * copy's file, and whether it got as far as marking (`_bk_losers` then exists).
 */
async function settle(ws: Workspace, s: Settling): Promise<ScanBucketOverlap> {
  const { stored, format } = s;
  const none = { replacedBy: new Map<string, number>(), marked: false };
  if (!stored.has('granularity')) return none;
  // First by the files' periods, without the identities (the start is part of one): files whose buckets start in
  // periods apart, none of them before a bucket held of their period, hold no copy of each other's or of one held.
  // Rows of one file are never compared with each other: a file read alone, with no bucket held in its period, has
  // nothing to settle (one file of a year's 1.75M buckets spent 6.6 s of its 15.3 s finding that out).
  const t = sqlIdent(s.table);
  const [periods] = await ws.all<{ n: bigint; untimed: bigint; crossing: bigint }>(
    `WITH spans AS (SELECT min(ts) AS lo, max(ts) AS hi, max(ended_at) AS ends, count(*) FILTER (WHERE ts IS NULL) AS untimed FROM (
        SELECT ${s.fileOf} AS _bk_file, ts, ${stored.has('ended_at') ? 'ended_at' : 'NULL::TIMESTAMPTZ AS ended_at'} FROM ${t} WHERE granularity = 'bucket' AND ${s.fileOf} IS NOT NULL AND ${keptRowsSql(stored)})
        GROUP BY _bk_file)
     SELECT count(*) AS n, coalesce(sum(untimed), 0) AS untimed,
       count(*) FILTER (WHERE lo <= before OR lo < ended_before) AS crossing
     FROM (SELECT lo, untimed, max(hi) OVER w AS before, max(ends) OVER w AS ended_before FROM spans
       WINDOW w AS (ORDER BY lo ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))`,
  );
  if ((periods?.n ?? 0n) === 0n) return none;
  if (periods!.untimed === 0n && periods!.crossing === 0n && !(await holdsBucketsBetween(ws, format, t, stored))) return none;
  try {
    // Then by a hash of the identity's fields (equal identities hash alike; the identity as text took about 5 s for
    // 1.75M buckets): only buckets whose hash two files share, or a file and a held bucket, can have copies, and only
    // those are compared by their identity, exactly (a collision is two identities, settled apart). Only held buckets
    // of the files' period can be copies (the start is part of the identity): comparing every bucket held made a
    // year of daily usage exports, read one by one, take time in the square of the days.
    await ws.run('DROP TABLE IF EXISTS _bk_losers');
    await ws.run(`CREATE OR REPLACE TEMP TABLE _bk_new AS
      SELECT call_key AS rid, o, ts, ended_at, epoch_us(ended_at) - epoch_us(ts) AS width, ${identityHashSql} AS h FROM (${s.calls}) WHERE granularity = 'bucket'`);
    const same = await settleCopies(ws, s, t);
    const nested = await settleNested(ws, s, t, same.marked);
    if (!same.marked && !nested.marked) return none;
    const replacedBy = new Map(same.replacedBy);
    for (const [sid, n] of nested.replacedBy) replacedBy.set(sid, (replacedBy.get(sid) ?? 0) + n);
    return { replacedBy, marked: true };
  } finally {
    await ws.run(`DROP TABLE IF EXISTS _bk_new; DROP TABLE IF EXISTS _bk_period; DROP TABLE IF EXISTS _bk_shared; DROP TABLE IF EXISTS _bk_rows;
      DROP TABLE IF EXISTS _bk_ranked; DROP TABLE IF EXISTS _bn_held; DROP TABLE IF EXISTS _bn_new; DROP TABLE IF EXISTS _bn_shared; DROP TABLE IF EXISTS _bn_rows;
      DROP TABLE IF EXISTS _bn_tops; DROP TABLE IF EXISTS _bn_ranked`);
  }
}

/** Copies of one bucket (the same identity, start and end included) among the files and the buckets held (see settle). */
async function settleCopies(ws: Workspace, s: Settling, t: string): Promise<ScanBucketOverlap> {
  const { format } = s;
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE _bk_period AS SELECT min(ts) AS lo, max(ts) AS hi FROM _bk_new;
     CREATE OR REPLACE TEMP TABLE _bk_shared AS
       SELECT h FROM _bk_new GROUP BY h HAVING min(o) <> max(o)
       UNION
       SELECT ${identityHashSql} FROM (${await heldBucketsSql(ws, format, 'SELECT lo, hi FROM _bk_period')})
       WHERE ${identityHashSql} IN (SELECT h FROM _bk_new)`,
    { format },
  );
  if ((await ws.all('SELECT 1 FROM _bk_shared LIMIT 1')).length === 0) return { replacedBy: new Map(), marked: false };
  // Each file's copy of a bucket is all its rows of that identity (summed); `o` orders copies as the files came.
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE _bk_rows AS
     SELECT false AS held, call_key, source_id, o, ${identitySql} AS bkey, ${requestsSql} AS req, ${tokensSql} AS tok
     FROM (${s.calls})
     WHERE call_key IN (SELECT rid FROM _bk_new WHERE h IN (SELECT h FROM _bk_shared))
     UNION ALL
     SELECT true, call_key, source_id, -1, ${identitySql}, ${requestsSql}, ${tokensSql}
     FROM (${await heldBucketsSql(ws, format, 'SELECT lo, hi FROM _bk_period')})
     WHERE ${identityHashSql} IN (SELECT h FROM _bk_shared)`,
    { format },
  );
  // One copy per bucket wins: most requests, then most tokens; a copy already held wins a tie, then the earliest.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bk_ranked AS
    SELECT *, row_number() OVER (PARTITION BY bkey ORDER BY req DESC, tok DESC, held DESC, o, first) AS rank FROM (
      SELECT bkey, source_id, held, any_value(o) AS o, sum(req) AS req, sum(tok) AS tok, min(call_key) AS first, count(*) AS n, list(call_key) AS keys
      FROM _bk_rows GROUP BY bkey, source_id, held)`);
  return markLosers(ws, t, '_bk_ranked', ['bkey']);
}

/**
 * Applies a ranking of copies (`ranked`: per copy its `held`, `source_id`, `rank`, row count `n` and row `keys`; the
 * copies of one period share the `period` columns): the files' losing rows are marked `_dup` in `t`, the held losing
 * rows added to `_bk_losers` (replaceHeld takes them out), and each winning file is credited with the held rows it
 * replaced.
 */
async function markLosers(ws: Workspace, t: string, ranked: string, period: readonly string[]): Promise<ScanBucketOverlap> {
  await ws.run(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS _dup BOOLEAN DEFAULT false`);
  await ws.run(`UPDATE ${t} SET _dup = true WHERE rowid IN (SELECT unnest(keys) FROM ${ranked} WHERE NOT held AND rank > 1)`);
  await ws.run('CREATE TEMP TABLE IF NOT EXISTS _bk_losers (call_key BIGINT, source_id VARCHAR)');
  await ws.run(`INSERT INTO _bk_losers SELECT unnest(keys), source_id FROM ${ranked} WHERE held AND rank > 1`);
  const credits = await ws.all<{ sid: string; n: bigint }>(
    `SELECT w.source_id AS sid, sum(l.n) AS n FROM ${ranked} w
       JOIN ${ranked} l ON ${period.map((c) => `l.${c} = w.${c}`).join(' AND ')} AND l.held AND l.rank > 1
     WHERE w.rank = 1 AND NOT w.held GROUP BY w.source_id`,
  );
  return { replacedBy: new Map(credits.map((c) => [c.sid, Number(c.n)])), marked: true };
}

/**
 * Buckets of different widths over the same time (an hourly export and a daily one of the same days, of one key,
 * model and lane: settleCopies sees no copy, their starts and ends differ) hold the same usage twice. Each widest
 * bucket (one inside no wider bucket) and what each file, or the workspace, holds inside it are copies of that
 * period (a file's rows inside it, of any width, are one copy), and one copy wins, as copies of one bucket do: most requests (when every row counts
 * them), then most tokens; on a tie the finer copy (its hours show when the work ran), then the held one, then the
 * earliest file's. A daily row beside two hours of the same day fetched before the day ended keeps the day; a month
 * exported both by hour and by day keeps the hours. A partial overlap (days cut at another hour) is left as it is.
 * The losing rows of the files are marked `_dup`, the held ones added to `_bk_losers` (replaceHeld takes them out).
 */
async function settleNested(ws: Workspace, s: Settling, t: string, marked: boolean): Promise<ScanBucketOverlap> {
  const { format } = s;
  const none = { replacedBy: new Map<string, number>(), marked: false };
  const settled = marked ? `rid NOT IN (SELECT rowid FROM ${t} WHERE _dup)` : 'true';
  const heldSettled = marked ? 'call_key NOT IN (SELECT call_key FROM _bk_losers)' : 'true';
  // Held buckets that overlap the files' buckets in time (a day held, its hours new, or the other way round).
  const held = `SELECT * FROM (${await heldOverlappingSql(ws, format, 'SELECT min(ts) AS lo, max(ended_at) AS hi FROM _bk_new')}) WHERE ${heldSettled}`;
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bn_held AS SELECT call_key, epoch_us(ended_at) - epoch_us(ts) AS width FROM (${held}) WHERE ended_at > ts`, { format });
  // Most runs hold buckets of one width (a year of daily hourly exports, each with the next day's first hour: 1.75M
  // buckets): one pass over their widths (in µs: min and max over INTERVALs took 0.38 s there) says so, before any
  // series is hashed (0.5 s there).
  const [oneWidth] = await ws.all<{ one: boolean | null }>(`SELECT min(width) = max(width) AS one FROM (
      SELECT width FROM _bk_new WHERE width > 0 UNION ALL SELECT width FROM _bn_held)`);
  if (oneWidth?.one !== false) return none;
  // Only a series that two files (or a file and the workspace) hold in buckets of two widths or more can hold a copy.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bn_new AS SELECT call_key AS rid, o, epoch_us(ended_at) - epoch_us(ts) AS width, ${seriesHashSql} AS series
    FROM (${s.calls}) WHERE call_key IN (SELECT rid FROM _bk_new WHERE width > 0 AND ${settled})`);
  // The held rows of those series, read once with what settling them needs (filtering the held calls again by a list
  // of keys took 37 s for a month of hourly usage buckets held and its daily export new).
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bn_held AS SELECT * FROM (
      SELECT call_key, source_id, ${seriesHashSql} AS series, ${seriesSql} AS skey, ts, ended_at, epoch_us(ended_at) - epoch_us(ts) AS width,
        requests, ${tokensSql} AS tok FROM (${held}) WHERE ended_at > ts)
    WHERE series IN (SELECT series FROM _bn_new)`, { format });
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bn_shared AS SELECT series FROM (
      SELECT series, o, width FROM _bn_new UNION ALL SELECT series, -1, width FROM _bn_held)
    GROUP BY series HAVING count(DISTINCT o) > 1 AND count(DISTINCT width) > 1`);
  if ((await ws.all('SELECT 1 FROM _bn_shared LIMIT 1')).length === 0) return none;
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE _bn_rows AS
     SELECT false AS held, call_key, source_id, o, ${seriesSql} AS skey, ts, ended_at, epoch_us(ended_at) - epoch_us(ts) AS width, requests, ${tokensSql} AS tok
     FROM (${s.calls}) WHERE call_key IN (SELECT rid FROM _bn_new WHERE series IN (SELECT series FROM _bn_shared))
     UNION ALL
     SELECT true, call_key, source_id, -1, skey, ts, ended_at, width, requests, tok FROM _bn_held WHERE series IN (SELECT series FROM _bn_shared)`,
  );
  // Each row is settled in the widest bucket holding it (itself, when none does). Buckets of one width in one series
  // do not overlap, so the one of a wider width that can hold a row is the last of that width to start at or before
  // it: per width, one window over the series in start order (widest first on a tie). A comparison of every pair in
  // a series took 2.6 s for a month of hourly buckets beside its daily ones, an ASOF join per width 25 s.
  const widths = (await ws.all<{ width: bigint }>('SELECT DISTINCT width FROM _bn_rows ORDER BY width DESC')).map((w) => w.width);
  const window = 'OVER (PARTITION BY skey ORDER BY ts, width DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
  const holders = widths.map((w, k) => `last_value(CASE WHEN width = ${w} THEN ts END IGNORE NULLS) ${window} AS s${k},
      last_value(CASE WHEN width = ${w} THEN ended_at END IGNORE NULLS) ${window} AS e${k}`);
  const widest = (part: 's' | 'e', own: string) =>
    `CASE ${widths.map((w, k) => `WHEN ${w} > width AND e${k} >= ended_at THEN ${part}${k}`).join(' ')} ELSE ${own} END`;
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bn_tops AS
    SELECT held, call_key, ${widest('s', 'ts')} AS top_ts, ${widest('e', 'ended_at')} AS top_end
    FROM (SELECT held, call_key, ts, ended_at, width, ${holders.join(', ')} FROM _bn_rows)`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _bn_ranked AS
    WITH members AS (
      SELECT r.*, p.top_ts, p.top_end FROM _bn_rows r JOIN _bn_tops p USING (held, call_key)
    ), copies AS (
      SELECT skey, top_ts, top_end, held, source_id, any_value(o) AS o, min(call_key) AS first, count(*) AS n, list(call_key) AS keys,
        CASE WHEN count(requests) = count(*) THEN sum(requests) END AS req, sum(tok) AS tok, min(width) AS finest
      FROM members GROUP BY skey, top_ts, top_end, held, source_id
    )
    SELECT *, row_number() OVER (PARTITION BY skey, top_ts, top_end ORDER BY req DESC NULLS LAST, tok DESC, finest, held DESC, o, first) AS rank,
      count(*) OVER (PARTITION BY skey, top_ts, top_end) AS copies
    FROM copies`);
  if ((await ws.all('SELECT 1 FROM _bn_ranked WHERE copies > 1 LIMIT 1')).length === 0) return none;
  return markLosers(ws, t, '_bn_ranked', ['skey', 'top_ts', 'top_end']);
}

/**
 * The buckets of `format` held whose start lies in `period` (a query of one row, `lo` and `hi`), or that have none:
 * the only ones a bucket of that period can be a copy of (the start is part of the identity). Binds `$format`.
 */
async function heldBucketsSql(ws: Workspace, format: string, period: string): Promise<string> {
  return `SELECT * FROM (${await callsOfFormatSql(ws, format)}) WHERE granularity = 'bucket' AND source_format = $format
    AND (ts BETWEEN (SELECT lo FROM (${period})) AND (SELECT hi FROM (${period})) OR ts IS NULL)`;
}

/**
 * Whether a bucket of `format` is held in the period of the bucket rows of `table` (heldBucketsSql), or overlapping
 * their time (a day held, its hours new: settleNested).
 */
async function holdsBucketsBetween(ws: Workspace, format: string, table: string, stored: ReadonlySet<string>): Promise<boolean> {
  const period = `SELECT min(ts) AS lo, max(ts) AS hi FROM ${table} WHERE granularity = 'bucket' AND ${keptRowsSql(stored)}`;
  if ((await ws.all(`SELECT 1 FROM (${await heldBucketsSql(ws, format, period)}) LIMIT 1`, { format })).length > 0) return true;
  if (!stored.has('ended_at')) return false;
  const span = `SELECT min(ts) AS lo, max(ended_at) AS hi FROM ${table} WHERE granularity = 'bucket' AND ${keptRowsSql(stored)}`;
  return (await ws.all(`SELECT 1 FROM (${await heldOverlappingSql(ws, format, span)}) LIMIT 1`, { format })).length > 0;
}

/**
 * The buckets of `format` held that overlap `span` in time (a query of one row, `lo` the earliest start and `hi` the
 * latest end): the only ones a bucket of another width over that time can hold or lie in. Binds `$format`.
 */
async function heldOverlappingSql(ws: Workspace, format: string, span: string): Promise<string> {
  return `SELECT * FROM (${await callsOfFormatSql(ws, format)}) WHERE granularity = 'bucket' AND source_format = $format
    AND ts < (SELECT hi FROM (${span})) AND ended_at > (SELECT lo FROM (${span}))`;
}

/**
 * Takes the held copies that settling found less complete (`_bk_losers`) out of `calls`, and moves them from calls
 * to duplicates in their files' counts; inside the transaction of the file or the scan that replaces them.
 */
export async function replaceHeld(ws: Workspace): Promise<void> {
  const owners = await ws.all<{ source_id: string; table_name: string | null; n: bigint }>(
    `SELECT l.source_id, s.table_name, count(*) AS n FROM _bk_losers l JOIN sources s USING (source_id) GROUP BY ALL`,
  );
  let ownTables = false;
  for (const o of owners) {
    const keys = `SELECT ${rowidOfKeySql('call_key')} FROM _bk_losers WHERE source_id = $sid`;
    if (o.table_name === null) {
      // Small files live in call_rows, whose call_key is its rowid.
      await ws.run(`DELETE FROM call_rows WHERE rowid IN (${keys})`, { sid: o.source_id });
    } else {
      const own = sqlIdent(o.table_name);
      await ws.run(`ALTER TABLE ${own} ADD COLUMN IF NOT EXISTS _dup BOOLEAN`);
      await ws.run(`UPDATE ${own} SET _dup = true WHERE rowid IN (${keys})`, { sid: o.source_id });
      await ws.run(`UPDATE ${own} SET _dup = false WHERE _dup IS NULL`);
      ownTables = true;
    }
    await ws.run('UPDATE sources SET calls = calls - $n, duplicates = duplicates + $n WHERE source_id = $sid', { sid: o.source_id, n: o.n });
  }
  if (ownTables) await refreshCallsView(ws);
  await ws.run('DROP TABLE IF EXISTS _bk_losers');
}
