// htmlInput: micro-dollar series -> the page's USD numbers, waterfall in stacking order with final = credits.
import { describe, expect, it } from 'vitest';
import { htmlInput, type JsonReportForHtml } from '../../src/report/html/from-report.ts';

const json: JsonReportForHtml = {
  schema_version: 2,
  command: 'simulate',
  period: { since: '2026-10-01T00:00:00Z', until: '2026-10-31T00:00:00Z' },
  assumptions: {},
  totals: { requests: 400, current_usd: 270, simulated_usd: 114.75, savings_usd: 155.25, savings_share: 0.575, sync_share: 1, batchable_share: 1 },
  workloads: [],
  notes: [],
  warnings: [],
};

describe('htmlInput', () => {
  it('turns micro-dollar series into the USD numbers the JSON uses, and the steps into the waterfall', () => {
    const split = { blocking: 1_000_000n, batchableSync: 270_000_000n, batch: 123_456n, otherSync: 0n };
    const input = htmlInput(json, {
      daily: [{ day: '2026-10-01', split }],
      perRow: [{ name: 'nightly', split }],
      steps: { now: 270_000_000n, structural: 229_500_000n, batch: 114_750_000n, caching: 114_750_000n, credits: 114_750_000n },
    });
    expect(input.daily).toEqual([{ day: '2026-10-01', blocking_usd: 1, batchable_sync_usd: 270, batch_usd: 0.123456, other_sync_usd: 0 }]);
    expect(input.per_workload_split[0]).toMatchObject({ name: 'nightly', batch_usd: 0.123456 });
    expect(input.waterfall).toEqual([
      { step: 'now', usd: 270 },
      { step: 'structural', usd: 229.5 },
      { step: 'batch', usd: 114.75 },
      { step: 'caching', usd: 114.75 },
      { step: 'credits', usd: 114.75 },
      { step: 'final', usd: 114.75 },
    ]);
    expect(input.totals).toBe(json.totals);
  });
});
