// _cls_b2b (signals/runs.ts) against its definition, walked call by call: per workload, start and end events in
// one order (by time, ends before instants before starts at the same instant, then call key); a start's in-flight
// count is the starts with a duration before it less the ends before it, back to back when it starts within 1 s of
// the latest end, and it opens an episode when nothing is in flight and no event came in the 5 minutes before; k is
// its place among the workload's starts (instants included) in that order, which runs and episodes are named by.
// The SQL finds the same by ASOF joins over sorted tables; random workloads with many ties and instants check it.
import { afterEach, expect, test } from 'vitest';
import { backToBackUs, burstPaceUs, episodeGapUs, minBurstCalls, runNamesSql, writeBackToBack } from '../../src/classify/signals/runs.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { emptyWorkspace } from './helpers.ts';

let ws: Workspace;
afterEach(() => ws?.close());

type Call = { wid: number; t: number; e: number };
type Row = { wid: number; rid: number; k: number; inflight: number; b2b: boolean; paced: boolean; opens: boolean };
type Named = { wid: number; rid: number; run: number | null; ep: number | null };

/** The definition, one event at a time: the starts' rows, workload by workload, in event order. Times in µs as numbers
 * (exact below 2^53). */
function walk(calls: readonly (Call & { rid: number })[]): Row[] {
  const rows: Row[] = [];
  for (const wid of new Set(calls.map((c) => c.wid))) {
    const events = calls
      .filter((c) => c.wid === wid)
      .flatMap((c) => (c.e > c.t ? [{ t: c.t, d: 1, c }, { t: c.e, d: -1, c }] : [{ t: c.t, d: 0, c }]))
      .sort((a, b) => a.t - b.t || a.d - b.d || a.c.rid - b.c.rid);
    let starts = 0;
    let ends = 0;
    let lastEnd: number | undefined;
    let prev: number | undefined;
    let place = 0;
    for (const ev of events) {
      if (ev.d === -1) {
        ends += 1;
        lastEnd = ev.t;
      } else {
        const inflight = starts - ends;
        const since = lastEnd === undefined ? undefined : ev.t - lastEnd;
        rows.push({
          wid,
          rid: ev.c.rid,
          k: place++,
          inflight,
          b2b: ev.d === 1 && since !== undefined && since <= backToBackUs,
          paced: ev.d === 1 && since !== undefined && since <= burstPaceUs,
          opens: inflight === 0 && (prev === undefined || ev.t - prev > episodeGapUs),
        });
        if (ev.d === 1) starts += 1;
      }
      prev = ev.t;
    }
  }
  return rows;
}

/**
 * The call_key of the i-th of n calls written: their order reversed, and spread out, so that a tie in time broken by
 * the order the rows were written in (_cls_calls' row id, which changes from run to run at scale) reads differently
 * from one broken by call_key, as it must be (sequence.ts: tieOrderSql).
 */
const keyOf = (i: number, n: number): number => (n - 1 - i) * 3 + 11;
/** The calls with their rid: their call_key. */
const withKeys = (calls: readonly Call[]): (Call & { rid: number })[] => calls.map((c, i) => ({ ...c, rid: keyOf(i, calls.length) }));

const byRowId = <T extends { wid: number; rid: number }>(rows: T[]): T[] => rows.sort((a, b) => a.wid - b.wid || a.rid - b.rid);

/** Each walked start's episode size (episodes named by their first start, in event order), by `wid:rid`. */
function walkedEpisodeSizes(walked: readonly Row[]): Map<string, number> {
  const episodeOf = new Map<string, string>();
  const size = new Map<string, number>();
  for (const wid of new Set(walked.map((r) => r.wid))) {
    let ep = '';
    for (const r of walked.filter((w) => w.wid === wid).sort((a, b) => a.k - b.k)) {
      if (r.opens) ep = `${wid}:${r.rid}`;
      episodeOf.set(`${wid}:${r.rid}`, ep);
      size.set(ep, (size.get(ep) ?? 0) + 1);
    }
  }
  return new Map([...episodeOf].map(([call, ep]) => [call, size.get(ep) ?? 0]));
}

/**
 * Runs and episodes named as defined: in the same event order, a start that is not back to back with nothing in flight
 * opens a run, one that opens an episode opens that too, and each is named by its first start's row id. Starts alone in their episode are
 * left out, or named NULL in the workloads of `unnamed` (runNamesSql's rows).
 */
function walkNames(calls: readonly (Call & { rid: number })[], unnamed: ReadonlySet<number>): Named[] {
  const named: Named[] = [];
  const rows = walk(calls);
  const sizes = walkedEpisodeSizes(rows);
  for (const wid of new Set(rows.map((r) => r.wid))) {
    let run = -1;
    let ep = -1;
    const withNames = rows.filter((r) => r.wid === wid).map((r) => {
      if (!r.b2b && r.inflight === 0) run = r.rid;
      if (r.opens) ep = r.rid;
      return { wid, rid: r.rid, run, ep };
    });
    for (const r of withNames) {
      if ((sizes.get(`${wid}:${r.rid}`) ?? 0) > 1) named.push(r);
      else if (unnamed.has(wid)) named.push({ wid, rid: r.rid, run: null, ep: null });
    }
  }
  return byRowId(named);
}

/** A small seeded generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type B2bRow = { wid: number; rid: number; k: number | null; inflight: number | null; b2b: boolean | null; paced: boolean | null; opens: boolean | null; apart: boolean };

/** _cls_b2b's rows; the calls set apart before the joins (apart) have no k, in-flight count or flags. */
async function b2bRows(calls: readonly Call[]): Promise<B2bRow[]> {
  await writeB2b(calls);
  const rows = await ws.all<Omit<B2bRow, 'rid' | 'k'> & { rid: bigint; k: bigint | null }>(
    'SELECT wid, rid, k, inflight, b2b, paced, opens, apart FROM _cls_b2b ORDER BY wid, rid',
  );
  return rows.map((r) => ({ ...r, rid: Number(r.rid), k: r.k === null ? null : Number(r.k) }));
}

/**
 * Checks _cls_b2b's rows against the walk: a row per start; the calls set apart lie in episodes of fewer than
 * minBurstCalls as walked, and only they have no k; the others' fields are as walked, and their k puts them in the
 * walk's order (the SQL numbers only them). Returns the walked episode sizes of the calls set apart.
 */
function expectWalked(rows: readonly B2bRow[], calls: readonly Call[]): number[] {
  const walked = byRowId(walk(withKeys(calls)));
  expect(rows.map((r) => `${r.wid}:${r.rid}`)).toEqual(walked.map((r) => `${r.wid}:${r.rid}`));
  const kept = new Set(rows.filter((r) => !r.apart).map((r) => `${r.wid}:${r.rid}`));
  const keptWalked = walked.filter((r) => kept.has(`${r.wid}:${r.rid}`));
  expect(rows.filter((r) => !r.apart).map(({ k: _k, apart: _a, ...r }) => r)).toEqual(keptWalked.map(({ k: _k, ...r }) => r));
  const sizes = walkedEpisodeSizes(walked);
  const apartSizes = rows.filter((r) => r.apart).map((r) => sizes.get(`${r.wid}:${r.rid}`) ?? 0);
  for (const n of apartSizes) expect(n).toBeLessThan(minBurstCalls);
  expect(rows.filter((r) => r.k === null)).toEqual(rows.filter((r) => r.apart));
  const order = (rs: readonly { wid: number; rid: number; k: number | null }[]) => [...rs].sort((a, b) => a.wid - b.wid || (a.k ?? 0) - (b.k ?? 0)).map((r) => `${r.wid}:${r.rid}`);
  expect(order(rows.filter((r) => !r.apart))).toEqual(order(keptWalked));
  return apartSizes;
}

async function writeB2b(calls: readonly Call[]): Promise<void> {
  ws = await emptyWorkspace();
  await ws.run(`CREATE TEMP TABLE _cls_calls (call_key BIGINT, wid INTEGER, bucket BOOLEAN, flags UTINYINT, lane_code UTINYINT,
    ts TIMESTAMPTZ, w BIGINT, ended_us BIGINT, user_key UBIGINT, chain_key UBIGINT)`);
  // No traces or sessions (the inner workloads' quiet calls read them: runs.ts, quietCallsSql).
  await ws.run('CREATE TEMP TABLE _cls_chain_keys (chain_key UBIGINT, job_run BOOLEAN, lone BOOLEAN)');
  await ws.run('CREATE TEMP TABLE _cls_users (wid INTEGER, hr BIGINT, user_gap_median_s DOUBLE, calls BIGINT, repeat_calls BIGINT, machine_gap_share DOUBLE)');
  // No workload split off for one-off ids (classify.ts writes _cls_id_split before the runs; the runs' candidates read it).
  await ws.run('CREATE TEMP TABLE _cls_id_split (wid INTEGER)');
  await ws.run(`INSERT INTO _cls_calls SELECT c.k, c.wid, false, 0, 0, make_timestamp(c.t::BIGINT), 1, c.e::BIGINT, NULL, NULL
    FROM (SELECT unnest($calls::STRUCT(k BIGINT, wid INTEGER, t VARCHAR, e VARCHAR)[], recursive := true)) c`, {
    calls: JSON.stringify(withKeys(calls).map((c) => ({ k: c.rid, wid: c.wid, t: String(c.t), e: String(c.e) }))),
  });
  // Calls per workload and hour, as classify.ts writes them before the runs (the runs read call_rows only).
  await ws.run('CREATE TEMP TABLE _cls_hourly AS SELECT wid, epoch_us(ts) // 3600000000 AS hr, count(*) FILTER (WHERE NOT bucket) AS call_rows FROM _cls_calls GROUP BY ALL');
  await writeBackToBack(ws);
}

/** `n` calls per workload on a coarse grid (ties in start and end times are common), `instantShare` of them without a duration. */
function workloads(seed: number, instantShare: number[], n: number): Call[] {
  const next = random(seed);
  const base = 1_790_000_000_000_000;
  const calls: Call[] = [];
  instantShare.forEach((share, i) => {
    for (let k = 0; k < n; k++) {
      // Mostly dense (back to back, in flight together), now and then a gap of minutes that opens an episode.
      const t = base + Math.floor(next() * n * 4) * 500_000 + (next() < 0.05 ? Math.floor(next() * 20) * 60_000_000 : 0);
      const e = next() < share ? t : t + Math.ceil(next() * 8) * 500_000;
      calls.push({ wid: i + 1, t, e });
    }
  });
  return calls;
}

test.each([
  ['calls with a duration only', 7, [0, 0, 0]],
  ['instants among calls with a duration', 11, [0.3, 0.05, 0.6]],
  ['a workload of instants only beside one without', 13, [1, 0]],
])('the in-flight count, back to back and episode openings follow their definition: %s', async (_name, seed, shares) => {
  const calls = workloads(seed, shares, 400);
  const rows = await b2bRows(calls);
  // rid is the call's call_key (keyOf), which orders calls starting at the same instant.
  expectWalked(rows, calls);
  // The data must exercise what it checks: calls in flight together, back-to-back starts, several episodes; and
  // workloads too dense to look into for calls to set apart (hundreds of calls an hour), whose rows skip that window.
  expect(rows.some((r) => r.apart)).toBe(false);
  expect(rows.some((r) => (r.inflight ?? 0) >= 2)).toBe(true);
  expect(rows.filter((r) => r.b2b).length).toBeGreaterThan(10);
  expect(rows.filter((r) => r.opens).length).toBeGreaterThan(1);
});

/**
 * By hand, after the rest of workload 3 (seconds from `later`, durations in seconds), each group 5 minutes of silence
 * from the others: a call of 4 minutes and four calls that start 160 s after its end (one episode of five: a start
 * 400 s after the long call's start opens none); a call of 10 minutes, one 100 s later, and four more starting 450 s
 * after the first (in flight: one episode of six); five calls 10 s apart (an episode of exactly minBurstCalls); three
 * calls 10 s apart and a call alone (episodes too small for any run's shape, set apart).
 */
const byHand: readonly (readonly [start: number, duration: number])[] = [
  [0, 240], [400, 1], [410, 1], [420, 1], [430, 1],
  [3000, 600], [3100, 1], [3450, 1], [3460, 1], [3470, 1], [3480, 1],
  [6000, 1], [6010, 1], [6020, 1], [6030, 1], [6040, 1],
  [9000, 1], [9010, 1], [9020, 1],
  [12000, 1],
];

test.each([
  ['calls with a duration only', 23, [0, 0, 0]],
  ['instants among calls with a duration', 29, [0.3, 0.05, 0.6]],
])('calls in stretches too short for any run are set apart before the joins, and no other call\'s row changes: %s', async (_name, seed, shares) => {
  // Sparse: a third of the calls moved apart by 6 to 7 minutes a call (many alone in their episode), the rest dense,
  // and now and then a call of 4 minutes (a long call widens the gap a call needs before it to surely open an episode).
  const calls = workloads(seed, shares, 300).map((c, i) => {
    const shift = i % 3 === 0 ? i * 400_000_000 : 0;
    const [t, e] = [c.t + shift, c.e + shift];
    return { ...c, t, e: i % 97 === 5 && e > t ? t + 240_000_000 : e };
  });
  const s = 1_000_000;
  const later = 1_790_000_000_000_000 + 1_000_000 * s; // after every other call
  const first = calls.length;
  for (const [t, d] of byHand) calls.push({ wid: 3, t: later + t * s, e: later + (t + d) * s });
  const rows = await b2bRows(calls);
  const apartSizes = expectWalked(rows, calls);
  // The hand-made groups: the first three kept (their episodes are five calls or more), the last two set apart.
  const apartOf = new Map(rows.filter((r) => r.wid === 3).map((r) => [r.rid, r.apart]));
  expect(byHand.map((_, j) => apartOf.get(keyOf(first + j, calls.length)))).toEqual(byHand.map(([t]) => t >= 9000));
  // The data must exercise what it checks: calls set apart alone and in episodes of several calls, and back-to-back
  // and in-flight calls among the rest.
  expect(apartSizes.filter((n) => n === 1).length).toBeGreaterThan(50);
  expect(apartSizes.filter((n) => n > 1).length).toBeGreaterThan(2);
  expect(rows.filter((r) => r.b2b).length).toBeGreaterThan(10);
  expect(rows.some((r) => (r.inflight ?? 0) >= 2)).toBe(true);
});

test.each([
  ['calls with a duration only', 17, [0, 0, 0]],
  ['instants among calls with a duration', 19, [0.3, 0.05, 0.6]],
])('runs and episodes are named by their first start, lone calls apart: %s', async (_name, seed, shares) => {
  // Sparser than above: many episodes, some of a single call (a third of the calls moved apart by 6 to 7 minutes a
  // call), the others in groups of about eight calls within 40 s, 15 minutes from one group to the next.
  const base = 1_790_000_000_000_000;
  const calls = workloads(seed, shares, 300).map((c, i) => {
    const t = i % 3 === 0 ? c.t + i * 400_000_000 : base + Math.floor(i / 12) * 900_000_000 + ((c.t - base) % 40_000_000);
    return { ...c, t, e: t + (c.e - c.t) };
  });
  await writeB2b(calls);
  // Workload 2's name is one no tag gave (a key's or the grouping's): its lone calls are listed (off its runs).
  await ws.run('CREATE TEMP TABLE _cls_shareable AS SELECT 2 AS wid');
  const rows = await ws.all<{ wid: number; rid: bigint; run: bigint | null; ep: bigint | null }>(`${runNamesSql} ORDER BY wid, rid`);
  const got = rows.map((r) => ({ wid: r.wid, rid: Number(r.rid), run: r.run === null ? null : Number(r.run), ep: r.ep === null ? null : Number(r.ep) }));
  // The calls set apart before the joins (episodes too small for any run's shape) are named as lone calls are: NULL
  // in workload 2, left out in the others.
  const apart = new Set((await ws.all<{ wid: number; rid: bigint }>('SELECT wid, rid FROM _cls_b2b WHERE apart')).map((r) => `${r.wid}:${r.rid}`));
  const want = walkNames(withKeys(calls), new Set([2]))
    .filter((r) => r.wid === 2 || !apart.has(`${r.wid}:${r.rid}`))
    .map((r) => (apart.has(`${r.wid}:${r.rid}`) ? { ...r, run: null, ep: null } : r));
  expect(got).toEqual(want);
  expect(apart.size).toBeGreaterThan(20);
  // The data must exercise what it checks: runs of several calls, episodes of several runs, lone calls in and out.
  expect(want.filter((r) => r.run !== null && r.run !== r.rid).length).toBeGreaterThan(10);
  expect(new Set(want.map((r) => r.ep)).size).toBeGreaterThan(5);
  expect(want.some((r) => r.ep === null)).toBe(true);
  expect(got.length).toBeLessThan(calls.length);
});
