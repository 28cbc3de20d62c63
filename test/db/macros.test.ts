// The conversion macros every adapter relies on: their fast paths must not change what they accept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = await openWorkspace(':memory:');
});
afterAll(() => ws.close());

const convert = async (fn: string, inputs: string[]) =>
  (await ws.all<{ v: unknown }>(`SELECT ${fn}(x) AS v FROM unnest($1::VARCHAR[]) WITH ORDINALITY t(x, i) ORDER BY i`, [JSON.stringify(inputs)])).map((r) => r.v);

describe('conversion macros', () => {
  it('bt_int: plain, padded, signed, "1200.0" and "1e3" are whole numbers; fractions, overflow and text are not', async () => {
    expect(await convert('bt_int', ['1200', '0012', '-5', ' 12', '+7', '1200.0', '1e3', '15e-1', '85.5', '99999999999999999999', 'abc', ''])).toEqual([
      1200n, 12n, -5n, 12n, 7n, 1200n, 1000n, null, null, null, null, null,
    ]);
  });

  it('bt_ts: ISO text with or without a zone (UTC), and epochs in s or ms; anything else is NULL', async () => {
    const times = await convert('bt_ts', ['2026-10-01T00:00:00Z', '2026-10-01 12:00:00', '1700000000', '1700000000000', 'nonsense']);
    expect(times.map((t) => (t instanceof Date ? t.toISOString() : t))).toEqual([
      '2026-10-01T00:00:00.000Z', '2026-10-01T12:00:00.000Z', '2023-11-14T22:13:20.000Z', '2023-11-14T22:13:20.000Z', null,
    ]);
  });

  it('bt_bool and bt_text', async () => {
    expect(await convert('bt_bool', ['true', 'false', 'YES', ' n ', '1', 'maybe'])).toEqual([true, false, true, false, true, null]);
    expect(await convert('bt_text', ['gpt-5.4', ' gpt-5.4 ', '', '   '])).toEqual(['gpt-5.4', 'gpt-5.4', null, null]);
  });
});
