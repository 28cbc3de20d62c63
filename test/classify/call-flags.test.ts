// The per-call table keeps a call's yes/no facts as bits of one USMALLINT (signals/per-call.ts, callFlags): each fact
// must come back as it went in, whatever the others are, and the three set later must start unset and be set alone.
import { afterEach, expect, test } from 'vitest';
import { callFlags, hasFlagSql, packFlagsSql, type CallFlag } from '../../src/classify/signals/per-call.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { emptyWorkspace } from './helpers.ts';

let ws: Workspace | undefined;
afterEach(() => ws?.close());

const written = ['uncounted', 'embedding', 'streamed', 'cancelled', 'priority', 'interactive'] as const;
const all = Object.keys(callFlags) as CallFlag[];

test('the flags are distinct bits of two bytes', () => {
  const bits = Object.values(callFlags);
  expect(new Set(bits).size).toBe(bits.length);
  for (const bit of bits) expect(bit & (bit - 1)).toBe(0);
  expect(bits.reduce((a, b) => a | b, 0)).toBeLessThanOrEqual(65535);
});

test('every combination of the written facts reads back as written; inChain, offRun and userLoop start unset and are set alone', async () => {
  ws = await emptyWorkspace();
  // All 64 combinations of the six written facts, one row each (row i has fact j when bit j of i is set), NULLs in
  // the conditions read as unset (a CASE WHEN NULL is not taken).
  await ws.run(`CREATE TEMP TABLE facts AS SELECT i, ${written.map((f, j) => `CASE WHEN (i >> ${j}) & 1 = 1 THEN true WHEN i % 3 = 0 THEN NULL ELSE false END AS ${f}`).join(', ')}
    FROM range(64) r(i)`);
  await ws.run(`CREATE TEMP TABLE packed AS SELECT i, ${packFlagsSql({ uncounted: 'uncounted', embedding: 'embedding', streamed: 'streamed', cancelled: 'cancelled', priority: 'priority', interactive: 'interactive' })} AS flags FROM facts`);
  const read = async () =>
    ws!.all<Record<string, boolean | bigint>>(`SELECT i, ${all.map((f) => `${hasFlagSql(f, 'p')} AS ${f}`).join(', ')} FROM packed p ORDER BY i`);
  for (const row of await read()) {
    const i = Number(row.i);
    written.forEach((f, j) => expect(row[f], `row ${i}, ${f}`).toBe(((i >> j) & 1) === 1));
    expect(row.inChain).toBe(false);
    expect(row.offRun).toBe(false);
    expect(row.userLoop).toBe(false);
  }
  await ws.run(`UPDATE packed SET flags = flags | ${callFlags.inChain} WHERE i % 2 = 0`);
  await ws.run(`UPDATE packed SET flags = flags | ${callFlags.offRun} WHERE i % 5 = 0`);
  await ws.run(`UPDATE packed SET flags = flags | ${callFlags.userLoop} WHERE i % 7 = 0`);
  for (const row of await read()) {
    const i = Number(row.i);
    written.forEach((f, j) => expect(row[f], `row ${i}, ${f} after the updates`).toBe(((i >> j) & 1) === 1));
    expect(row.inChain).toBe(i % 2 === 0);
    expect(row.offRun).toBe(i % 5 === 0);
    expect(row.userLoop).toBe(i % 7 === 0);
  }
  // Any of several flags: what the run signals test (streamed, cancelled or chained).
  const [any] = await ws.all<{ n: bigint }>(`SELECT count(*) AS n FROM packed WHERE ${hasFlagSql(['streamed', 'cancelled', 'inChain'])}`);
  const expected = Array.from({ length: 64 }, (_, i) => i).filter((i) => ((i >> 2) & 1) === 1 || ((i >> 3) & 1) === 1 || i % 2 === 0).length;
  expect(Number(any?.n)).toBe(expected);
});
