// The end users' statistics (signals/sequence.ts: userStatsSql) over a hand-made _cls_calls: the share of calls whose
// id is seen at most maxOnceIdCalls times is read from each call's neighbours in the window that sorts one id's calls
// (fewCallsSql), not from a count of the id's calls; ids of every size around the bound, in two workloads, must give
// the counts' share.
import { afterEach, expect, test } from 'vitest';
import { maxOnceIdCalls, userStatsSql } from '../../src/classify/signals/sequence.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { emptyWorkspace } from './helpers.ts';

let ws: Workspace;
afterEach(() => ws?.close());

test('ids on 1 to 5 calls: the share of calls whose id is on at most two is what counting each id gives', async () => {
  expect(maxOnceIdCalls).toBe(2);
  ws = await emptyWorkspace();
  await ws.run(`CREATE TEMP TABLE _cls_calls (call_key BIGINT, wid INTEGER, bucket BOOLEAN, ts TIMESTAMPTZ, ended_us BIGINT, w BIGINT,
    flags UTINYINT, user_key UBIGINT, chain_key UBIGINT)`);
  // Workload 1: ids on 1, 2, 3, 4 and 5 calls (15 calls, 3 of them on ids of two or fewer); workload 2: ids on 2, 2 and
  // 3 calls, one of the latter's calls in workload 1's id 3 (an id counts all its calls, whichever workload). Calls a
  // minute apart, some ids' calls in the same instant (ties broken by call_key), rows in no order.
  await ws.run(`INSERT INTO _cls_calls
    SELECT row_number() OVER (ORDER BY hash(u, k)) AS call_key, wid, false, TIMESTAMPTZ '2026-10-05 09:00:00+00' + to_minutes((u * 7 + k * (u % 2))::BIGINT),
      epoch_us(TIMESTAMPTZ '2026-10-05 09:00:00+00') + (u * 7 + k * (u % 2)) * 60000000 + 2000000, 1, 0, u, NULL
    FROM (SELECT u, k, CASE WHEN u >= 10 OR (u = 3 AND k = 0) THEN 2 ELSE 1 END AS wid
      FROM (VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (10, 2), (11, 2), (12, 3)) t(u, n), range(n) r(k))
    ORDER BY hash(u, k, 'rows')`);
  const shares = await ws.all<{ wid: number; calls: bigint; once_share: number }>(
    `SELECT wid, calls, once_share FROM (${userStatsSql}) WHERE hr IS NULL AND wid IS NOT NULL ORDER BY wid`,
  );
  const counted = await ws.all<{ wid: number; once_share: number }>(`SELECT wid, count(*) FILTER (WHERE n <= ${maxOnceIdCalls}) / count(*) AS once_share
    FROM _cls_calls JOIN (SELECT user_key, count(*) AS n FROM _cls_calls GROUP BY user_key) USING (user_key) GROUP BY wid ORDER BY wid`);
  expect(shares.map((r) => [r.wid, Number(r.calls), r.once_share])).toEqual([[1, 14, 3 / 14], [2, 8, 4 / 8]]);
  expect(shares.map((r) => [r.wid, r.once_share])).toEqual(counted.map((r) => [r.wid, r.once_share]));
});
