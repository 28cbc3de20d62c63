// savings_base pairs label_keys and priced_rows by position when both hold the same calls in the same order (classify
// and price write them in call_key order), and joins them on call_key otherwise. Both ways must give the same rows:
// here the tables are put out of order, or one call is left unpriced, and the sums are compared with the paired ones.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSavingsBase, pairedByPosition } from '../../src/db/queries/savings.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { analysisWorkspace, gpt54 } from '../helpers/analysis.ts';
import { calls } from '../report/sample.ts';

let ws: Workspace | undefined;
afterEach(() => ws?.close());

// The helper's label_keys is a TEMP table (as classify's scratch tables are), its priced_rows a table.
async function base(change?: (ws: Workspace) => Promise<void>): Promise<{ rows: unknown[]; paired: boolean }> {
  ws?.close();
  // One more call than the sample's, on another price, so that pairing the wrong rows would move money.
  // It comes first, so that leaving it unpriced shifts every other call's position.
  ws = await analysisWorkspace([{ id: 'extra', workload: 'chat', label: 'blocking', model: 'gpt-5.4', provider: 'openai', rates: gpt54, tokens: { in: 7_000_000n, out: 3_000_000n } }, ...calls]);
  await ws.run('CREATE OR REPLACE TEMP TABLE label_keys AS SELECT * FROM label_keys ORDER BY call_key');
  await ws.run('CREATE OR REPLACE TABLE priced_rows AS SELECT * FROM priced_rows ORDER BY call_key');
  await change?.(ws);
  const paired = await pairedByPosition(ws);
  await ensureSavingsBase(ws);
  const rows = await ws.all('SELECT * FROM savings_base ORDER BY ALL');
  return { rows, paired };
}

describe('savings_base: label_keys and priced_rows paired by position or joined', () => {
  it('gives the same sums either way', async () => {
    const paired = await base();
    expect(paired.paired).toBe(true);
    expect(paired.rows.length).toBeGreaterThan(3);
    const reversed = await base((w) => w.run('CREATE OR REPLACE TABLE priced_rows AS SELECT * FROM priced_rows ORDER BY call_key DESC'));
    expect(reversed.paired).toBe(false);
    expect(reversed.rows).toEqual(paired.rows);
    const shuffled = await base((w) => w.run('CREATE OR REPLACE TEMP TABLE label_keys AS SELECT * FROM label_keys ORDER BY hash(call_key)'));
    expect(shuffled.paired).toBe(false);
    expect(shuffled.rows).toEqual(paired.rows);
  });

  it('joins when a call has no price (priced_rows holds fewer calls)', async () => {
    const all = await base();
    const unpriced = await base((w) => w.run("DELETE FROM priced_rows WHERE call_key = (SELECT call_key FROM calls WHERE call_id = 'extra')"));
    expect(unpriced.paired).toBe(false);
    // Every call but the unpriced one (the only one of 7M input tokens) is summed as before.
    const extra = (r: unknown) => (r as { in_tok: bigint }).in_tok === 7_000_000n;
    expect(all.rows.filter(extra)).toHaveLength(1);
    expect(unpriced.rows).toEqual(all.rows.filter((r) => !extra(r)));
  });
});
