// The savings report from hand-built stage tables (labels, priced_calls): queries, stacking, notes, JSON.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { parseStructural } from '../../src/cli/parse.ts';
import { frac, parseDecimal } from '../../src/simulate/fraction.ts';
import { reportDocument } from '../../src/report/json-document.ts';
import { buildSavingsReport, type SavingsOptions } from '../../src/report/savings.ts';
import { analysisWorkspace, type TestCall } from '../helpers/analysis.ts';
import { baseOptions, calls } from './sample.ts';

let ws: Workspace | undefined;
afterEach(() => ws?.close());
const report = async (o: Partial<SavingsOptions> = {}, rows: TestCall[] = calls) => {
  ws = await analysisWorkspace(rows);
  return buildSavingsReport(ws, { ...baseOptions, ...o });
};

describe('audit', () => {
  it('prices each workload now and on batch, sorted by saving', async () => {
    const r = await report();
    expect(r.rows.map((w) => [w.name, w.label, w.requests, w.steps.now, w.batchableSyncMicros, w.savingsMicros])).toEqual([
      // 10M x $3 + 2M x $15 = $60 sync, + 2M x $1.50 already on batch = $63
      ['nightly', 'non_blocking', 7n, 63_000_000n, 60_000_000n, 30_000_000n],
      ['agent', 'non_blocking', 1n, 12_000_000n, 12_000_000n, 6_000_000n],
      ['reports', 'non_blocking', 1n, 12_000_000n, 12_000_000n, 6_000_000n],
      ['evals', 'non_blocking', 1n, 1_000_000n, 1_000_000n, 500_000n],
      ['chat', 'blocking', 3n, 18_000_000n, 0n, 0n],
      ['audio-jobs', 'non_blocking', 1n, 2_500_000n, 0n, 0n],
    ]);
    expect(r.totals.steps.now).toBe(108_500_000n);
    expect(r.totals.savingsMicros).toBe(42_500_000n);
    expect(r.totals.syncRequests).toBe(13n);
    expect(r.totals.batchableRequests).toBe(9n);
  });

  it('says where batch would not pay', async () => {
    const r = await report();
    expect(r.notes).toEqual([
      'agent: low volume, batch saves $6.00 per 30 days, under --min-saving $10.00; the plumbing (submission, polling, reconciliation) costs more. Stay synchronous.',
      'agent: 1 non-blocking requests are steps of a chained agent loop; batching the chain puts up to 24 h between steps.',
      'reports: low volume, batch saves $6.00 per 30 days, under --min-saving $10.00; the plumbing (submission, polling, reconciliation) costs more. Stay synchronous.',
      'reports: 1 non-blocking requests have a deadline under the 24 h batch window; batch would miss it a few percent of the time. Keep them synchronous or submit a day ahead.',
      'evals: low volume, batch saves $0.50 per 30 days, under --min-saving $10.00; the plumbing (submission, polling, reconciliation) costs more. Stay synchronous.',
      'audio-jobs: 1 non-blocking requests ($2.50 now) cannot be batched on openai: its batch lane does not take this model or operation, or has no batch price for a charge they carry (audio, image output); no saving counted.',
    ]);
    // the period is exactly 30 days, so per-30-day figures equal the period's
    expect(r.period).toEqual({ since: '2026-10-01T00:00:00Z', until: '2026-10-31T00:00:00Z', seconds: 2_592_000n });
  });

  it('groups by model, provider and day (in --tz)', async () => {
    expect((await report({ by: 'provider' })).rows.map((w) => [w.name, w.requests])).toEqual([['anthropic', 12n], ['openai', 2n]]);
    ws?.close();
    expect((await report({ by: 'model' })).rows.map((w) => w.name)).toEqual(['claude-sonnet-4.6', 'gpt-5.4', 'gpt-audio']);
    ws?.close();
    const days = await report({ by: 'day', filter: { tz: 'America/New_York', workloads: [] } });
    // 2026-10-31T00:00Z is still Oct 30 in New York
    expect(days.rows.map((w) => w.name).sort()).toEqual(['2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-30']);
  });

  it('filters by --since/--until (inclusive dates) and --workload', async () => {
    const r = await report({ filter: { tz: 'UTC', since: '2026-10-02', until: '2026-10-05', workloads: [] } });
    expect(r.rows.map((w) => w.name).sort()).toEqual(['audio-jobs', 'evals', 'nightly', 'reports']);
    ws?.close();
    const only = await report({ filter: { tz: 'UTC', workloads: ['chat', 'evals'] } });
    expect(only.rows.map((w) => w.name)).toEqual(['evals', 'chat']);
  });

  it('counts a row with no request count as one request', async () => {
    const r = await report({}, [{ id: 'u', workload: 'usage-report', label: 'non_blocking', requests: null, tokens: { in: 1n, out: 0n } }]);
    expect(r.totals.requests).toBe(1n);
  });

  it('reports an empty workspace without failing', async () => {
    const r = await report({}, []);
    expect(r.rows).toEqual([]);
    expect(r.totals.steps.now).toBe(0n);
    expect(r.notes).toEqual(['No priced calls matched: pass usage exports (`batchable audit <files...>`) or widen --since/--until/--workload.']);
  });
});

describe('simulate', () => {
  it('stacks structural, batch, caching and credits in that order', async () => {
    const r = await report({
      command: 'simulate',
      structural: parseStructural('anthropic=0.15'),
      cacheHitRate: parseDecimal('0.5'),
      creditBonus: frac(1n, 4n),
      filter: { tz: 'UTC', workloads: ['nightly'] },
    });
    const [nightly] = r.rows;
    // sync part: 10M in, 2M out; batch part (already): 2M in at $1.50
    // structural: $63 x 0.85 = $53.55; batch: ($15 + $15 + $3) x 0.85 = $28.05
    // caching 50%: sync 10M -> 5M x $1.50 + 5M x $0.15 + 2M x $7.50 = $23.25; batch lane 2M -> 1M x $1.50 + 1M x $0.15 = $1.65
    //   ($23.25 + $1.65) x 0.85 = $21.165; credits / 1.25 = $16.932
    expect(nightly?.steps).toEqual({ now: 63_000_000n, structural: 53_550_000n, batch: 28_050_000n, caching: 21_165_000n, credits: 16_932_000n });
    expect(nightly?.savingsMicros).toBe(46_068_000n);
  });

  it('moves a --batch-share from batchable work first, then warns about blocking work', async () => {
    const below = await report({ command: 'simulate', batchShare: parseDecimal('0.5'), batchShareText: '0.5' });
    expect(below.warnings).toEqual([]);
    ws?.close();
    const above = await report({ command: 'simulate', batchShare: parseDecimal('0.9'), batchShareText: '0.9' });
    expect(above.warnings).toEqual([
      '--batch-share 0.9 is above the batchable share of synchronous requests (69.2%): 2 requests of blocking work move to batch. ' +
        'This batches work someone waits on; those users would wait up to 24 hours for a response.',
    ]);
    expect(above.rows.find((w) => w.name === 'chat')?.savingsMicros).toBeGreaterThan(0n);
  });
});

describe('JSON contract', () => {
  it('has the documented shape, money in USD with 6 decimals', async () => {
    const json: Record<string, unknown> = reportDocument(await report());
    expect(Object.keys(json)).toEqual(['schema_version', 'command', 'group_by', 'period', 'assumptions', 'totals', 'workloads', 'reconciliation', 'reconciliation_notes', 'billed_reconciliation', 'unpriced', 'notes', 'warnings']);
    expect(json.unpriced).toEqual({ models: [], charges: [] });
    expect(json.schema_version).toBe(3);
    expect(json.period).toEqual({ since: '2026-10-01T00:00:00Z', until: '2026-10-31T00:00:00Z', days: 30 });
    expect(json.totals).toEqual({
      requests: 14,
      current_usd: 108.5,
      simulated_usd: 66,
      savings_usd: 42.5,
      savings_share: 0.391705,
      sync_share: 0.928571,
      uncounted_rows: 0,
      batchable_share: 0.692308,
      blocking_share: 0.214286,
      batchable_sync_usd: 85,
      steps: { current_usd: 108.5, structural_usd: 108.5, batch_usd: 66, caching_usd: 66, credits_usd: 66 },
      monthly: { current_usd: 108.5, simulated_usd: 66, savings_usd: 42.5 },
      unpriced_requests: 0,
      unpriced_reported_usd: 0,
    });
    expect((json.workloads as unknown[])[0]).toEqual({
      name: 'nightly',
      label: 'non_blocking',
      requests: 7,
      current_usd: 63,
      simulated_usd: 33,
      savings_usd: 30,
      reasons: ['name: nightly', 'lane: batch'],
      blocking_share: 0,
      batchable_sync_usd: 60,
      monthly_savings_usd: 30,
      steps: { current_usd: 63, structural_usd: 63, batch_usd: 33, caching_usd: 33, credits_usd: 33 },
      uncounted_rows: 0,
    });
    expect(json.assumptions).toEqual({
      catalog: 'test catalog',
      lane_rule: expect.stringContaining('non-blocking'),
      rules_file: null,
      time_zone: 'UTC',
      since: null,
      until: null,
      workloads: [],
      batch_share: null,
      structural_discount: { global: 0, per_provider: {} },
      cache_hit_rate: null,
      credit_bonus: 0,
      min_saving_usd: 10,
    });
  });
});
