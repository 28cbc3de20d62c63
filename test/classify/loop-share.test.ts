// The tight-loop share (calls in minutes of 20+ calls of one workload) three ways (src/classify/signals/time-shape.ts):
// per (workload, minute) inside the hourly pass, or, for many sparse workloads, from the minutes of busy 10-minute
// blocks only (of every call, or of the calls in busy hours). All must give the same shares to the bit and the same
// hours, whatever the data: calls straddling block and minute edges, a minute one call short, usage buckets (never
// tight), a workload with buckets only, an hour whose 20+ calls fill no tight minute.
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { callFlags } from '../../src/classify/signals/per-call.ts';
import { tightLoopCallsPerMinute } from '../../src/classify/signals/sequence.ts';
import { hourCallsSql, hourTotalsSql, sparseLoopSql, sparseMinutesSql, workloadLoopSql } from '../../src/classify/signals/time-shape.ts';

let ws: Workspace | undefined;
afterEach(() => ws?.close());

/** _cls_calls' columns the hourly pass reads, from (workload, first start, calls, seconds apart, bucket) runs. */
async function calls(runs: readonly (readonly [number, string, number, number, boolean])[]): Promise<Workspace> {
  const w = await openWorkspace(':memory:');
  await w.run('CREATE TEMP TABLE _cls_calls (wid INTEGER, ts TIMESTAMPTZ, bucket BOOLEAN, w BIGINT, flags UTINYINT, ended_us BIGINT)');
  for (const [wid, start, n, apart, bucket] of runs) {
    // Test constants only (numbers, a date and a boolean of this file), written into the SQL.
    const t = `TIMESTAMPTZ '${start}' + to_microseconds(CAST(i * ${apart} * 1000000 AS BIGINT))`;
    await w.run(
      `INSERT INTO _cls_calls SELECT ${wid}, ${t}, ${bucket}, 1 + i % 3, CASE WHEN i % 4 = 0 THEN ${callFlags.interactive} ELSE 0 END, epoch_us(${t}) + ${bucket ? 3600000000 : 500000}
       FROM range(${n}) r(i)`,
    );
  }
  return w;
}

async function both(w: Workspace): Promise<{ dense: unknown[]; sparse: unknown[]; sparseBusyHours: unknown[]; hoursDense: unknown[]; hoursSparse: unknown[] }> {
  await w.run(`CREATE OR REPLACE TEMP TABLE _cls_hourly AS ${hourCallsSql}`);
  const hoursDense = await w.all('SELECT wid, hr, n, rows, call_rows, n_interactive FROM _cls_hourly ORDER BY ALL');
  const dense = await w.all(`SELECT * FROM (${workloadLoopSql}) ORDER BY wid`);
  await w.run(`CREATE OR REPLACE TEMP TABLE _cls_hourly AS ${hourTotalsSql}`);
  const hoursSparse = await w.all('SELECT wid, hr, n, rows, call_rows, n_interactive FROM _cls_hourly ORDER BY ALL');
  const sparse = await w.all(`SELECT * FROM (${sparseLoopSql(false)}) ORDER BY wid`);
  const sparseBusyHours = await w.all(`SELECT * FROM (${sparseLoopSql(true)}) ORDER BY wid`);
  return { dense, sparse, sparseBusyHours, hoursDense, hoursSparse };
}

describe('tight-loop share: dense and sparse passes agree', () => {
  it('on minutes at, under and across the threshold and block edges, with buckets', async () => {
    const n = tightLoopCallsPerMinute;
    ws = await calls([
      [1, '2026-10-01T10:00:00Z', n, 2.5, false], // exactly 20 calls in one minute: tight
      [1, '2026-10-01T11:00:30Z', n, 3, false], // 20 calls across two minutes (10 + 10): not tight
      [2, '2026-10-01T10:09:40Z', 3 * n, 1, false], // 60 calls across a 10-minute block edge: 20 + 40
      [2, '2026-10-01T12:00:00Z', n - 1, 1, false], // 19 calls in a minute: one short
      [3, '2026-10-02T00:00:00Z', 500, 50, false], // one call every 50 s: never tight
      [3, '2026-10-02T00:00:00Z', 30, 1, true], // buckets in one minute: never tight, still hours
      [4, '2026-10-03T00:00:00Z', 40, 1, true], // buckets only: no share at all
      [5, '2026-10-04T09:00:00Z', 3 * n, 50, false], // 60 calls in an hour, one every 50 s: a busy hour, no tight minute
      [5, '2026-10-04T10:20:00Z', n, 1, false], // then 20 calls in one minute of the next hour: tight
    ]);
    const r = await both(ws);
    expect(r.sparse).toEqual(r.dense);
    expect(r.sparseBusyHours).toEqual(r.dense);
    expect(r.hoursSparse).toEqual(r.hoursDense);
    const share = Object.fromEntries(r.dense.map((row) => [(row as { wid: number }).wid, (row as { tight_share: number }).tight_share]));
    expect(share).toEqual({ 1: 0.5, 2: 60 / 79, 3: 0, 5: 0.25 });
  });

  it('chooses the sparse pass when the workloads\' minutes outnumber a quarter of the calls', async () => {
    ws = await calls([[1, '2026-10-01T00:00:00Z', 1000, 0.05, false]]);
    expect((await ws.all<{ sparse: boolean }>(sparseMinutesSql))[0]?.sparse).toBe(false);
    ws.close();
    ws = await calls([[1, '2026-10-01T00:00:00Z', 1000, 30, false], [2, '2026-10-01T00:00:00Z', 1000, 45, false]]);
    expect((await ws.all<{ sparse: boolean }>(sparseMinutesSql))[0]?.sparse).toBe(true);
  });
});
