// Calls that start in the same instant (common where an export gives whole seconds) are ordered by call_key, the
// call's place in its export, in every window over _cls_calls (signals/sequence.ts: tieOrderSql). _cls_calls' row
// id is no order: two threads write that table, so at scale its row ids change from one run to the next, and a tie
// broken by them gave the same data different gaps (and a call a different chain) from run to run. Here the rows are
// written in the reverse of their call_key order, so a tie broken by row id reads differently from one broken by
// call_key. (back-to-back.test.ts checks the runs' event order the same way.)
import { afterEach, expect, test } from 'vitest';
import { chainedRowsSql, userStatsSql } from '../../src/classify/signals/sequence.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { emptyWorkspace } from './helpers.ts';

let ws: Workspace;
afterEach(() => ws?.close());

/** _cls_calls rows (seconds from a fixed instant), written in the reverse of their call_key order. */
async function writeCalls(calls: readonly { key: number; start: number; end: number }[], id: 'user' | 'chain'): Promise<void> {
  ws = await emptyWorkspace();
  await ws.run(`CREATE TEMP TABLE _cls_calls (call_key BIGINT, wid INTEGER, bucket BOOLEAN, ts TIMESTAMPTZ, ended_us BIGINT, w BIGINT,
    flags UTINYINT, user_key UBIGINT, chain_key UBIGINT)`);
  for (const c of [...calls].sort((a, b) => b.key - a.key)) {
    await ws.run(`INSERT INTO _cls_calls VALUES ($key, 1, false, TIMESTAMPTZ '2026-10-05 09:00:00+00' + to_microseconds($start::BIGINT),
      epoch_us(TIMESTAMPTZ '2026-10-05 09:00:00+00') + $end::BIGINT, 1, 0, ${id === 'user' ? '42' : 'NULL'}, ${id === 'chain' ? '7' : 'NULL'})`, {
      key: BigInt(c.key), start: BigInt(c.start * 1e6), end: BigInt(c.end * 1e6),
    });
  }
  const [first] = await ws.all<{ key: bigint }>('SELECT call_key AS key FROM _cls_calls WHERE rowid = 0');
  expect(first?.key).toBe(BigInt(Math.max(...calls.map((c) => c.key)))); // written in reverse, as meant
}

test("a user's calls in the same instant are taken in call_key order: the next call's think time is from the later one's end", async () => {
  // Calls 1 and 2 start together; 1 ends after 10 s, 2 after 100 s; call 3 starts at 1,850 s. In call_key order, 3
  // comes 1,750 s after 2's answer (think time, under 1,800 s); by the reversed row ids, 1,840 s after 1's (another
  // visit).
  await writeCalls([{ key: 1, start: 0, end: 10 }, { key: 2, start: 0, end: 100 }, { key: 3, start: 1850, end: 1860 }], 'user');
  const [row] = await ws.all<{ calls: bigint; repeat_calls: bigint; user_gap_median_s: number }>(
    `SELECT calls, repeat_calls, user_gap_median_s FROM (${userStatsSql}) WHERE hr IS NULL`,
  );
  expect(row?.calls).toBe(3n);
  expect(row?.repeat_calls).toBe(2n); // 2 (10 s before 1's end) and 3 (1,750 s)
  expect(row?.user_gap_median_s).toBe((-10 + 1750) / 2);
});

test('calls of a trace in the same instant are taken in call_key order: a call more than 2 s after the later one is not chained', async () => {
  // Calls 1 and 2 start together; 1 ends after 1 s, 2 after 0.5 s; call 3 starts at 3 s: 2.5 s after 2's end (the
  // previous call in call_key order), so not a step of a chain; by the reversed row ids 2 s after 1's end (chained).
  await writeCalls([{ key: 1, start: 0, end: 1 }, { key: 2, start: 0, end: 0.5 }, { key: 3, start: 3, end: 4 }], 'chain');
  await ws.run('CREATE TEMP TABLE _cls_chain_keys AS SELECT 7::UBIGINT AS chain_key, false AS job_run, false AS lone');
  const chained = await ws.all<{ key: bigint }>(`SELECT c.call_key AS key FROM _cls_calls c JOIN (${chainedRowsSql}) r ON c.rowid = r.rid ORDER BY key`);
  expect(chained.map((r) => r.key)).toEqual([1n, 2n]);
});
