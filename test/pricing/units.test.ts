// The unit rules defined once in src/pricing/units.ts: the SQL rounding equals the TypeScript one (half away
// from zero, exact on HUGEINT), USD in SQL never passes through a double, and the synchronous lanes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { picoToMicros, picoToMicrosSql, picoToUsdSql, synchronousSql } from '../../src/pricing/units.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = await openWorkspace(':memory:');
});
afterAll(() => ws.close());

const cases = [0n, 1n, 499_999n, 500_000n, 1_500_000n, 2_500_000n, -500_000n, -1_500_001n, 123_456_789_012_345_678_901n];

describe('pico-dollars to micro-dollars', () => {
  it('rounds half away from zero, the same in TypeScript and SQL', async () => {
    expect(cases.map(picoToMicros)).toEqual([0n, 0n, 0n, 1n, 2n, 3n, -1n, -2n, 123_456_789_012_346n]);
    const rows = await ws.all<{ micros: bigint }>(
      `SELECT ${picoToMicrosSql('x')} AS micros FROM (SELECT unnest([${cases.map((c) => `${c}::HUGEINT`).join(', ')}]) AS x, generate_subscripts([${cases.join(', ')}], 1) AS i) ORDER BY i`,
    );
    expect(rows.map((r) => r.micros)).toEqual(cases.map(picoToMicros));
  });

  it('USD in SQL is DECIMAL text exact to the micro-dollar, beyond what a double holds', async () => {
    const [row] = await ws.all<{ usd: string; type: string }>(`SELECT ${picoToUsdSql('x')}::VARCHAR AS usd, typeof(${picoToUsdSql('x')}) AS type FROM (SELECT 9007199254740993123456::HUGEINT AS x)`);
    expect(row).toEqual({ usd: '9007199254.740993', type: 'DECIMAL(20,6)' });
  });
});

describe('synchronous lanes', () => {
  it('standard and priority (and a lane not stated) are synchronous; batch and flex are not', async () => {
    const rows = await ws.all<{ lane: string | null; sync: boolean }>(
      `SELECT lane, ${synchronousSql('lane')} AS sync FROM (SELECT unnest(['standard', 'priority', 'batch', 'flex', NULL]) AS lane)`,
    );
    expect(rows.map((r) => [r.lane, r.sync])).toEqual([['standard', true], ['priority', true], ['batch', false], ['flex', false], [null, true]]);
  });
});
