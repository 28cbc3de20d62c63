// The verdict arithmetic of `check`, pure: exact shares, the 30-day scaling with its 1-day floor, the 10% warning
// band, baseline comparison at the 6 decimals JSON carries, and which spend ranks the workloads.
import { describe, expect, it } from 'vitest';
import { evaluate, measure, rankingFor } from '../../src/check/evaluate.ts';
import { parseCheckFlags } from '../../src/cli/check-flags.ts';
import type { CheckTotals } from '../../src/check/measure.ts';
import { frac } from '../../src/simulate/fraction.ts';

const day = 86_400_000n;
const usd = (dollars: bigint) => dollars * 1_000_000_000_000n; // pico-dollars

const totals = (over: Partial<CheckTotals> = {}): CheckTotals => ({
  rows: 3n,
  spend_pico: usd(3n),
  sync_pico: usd(2n),
  avoidable_pico: usd(1n),
  requests: 3n,
  sync_requests: 2n,
  uncounted_rows: 0n,
  uncounted_pico: 0n,
  first_ms: 0n,
  last_ms: 10n * day,
  ...over,
});

describe('measure', () => {
  it('keeps shares as exact fractions: 2/3 is not 0.666667', () => {
    const m = measure(totals());
    expect(m.shares.sync_share_spend).toEqual(frac(2n, 3n));
    expect(m.shares.avoidable_share).toEqual(frac(1n, 3n));
  });

  it('scales avoidable spend to 30 days of the period: $1 in 10 days is $3', () => {
    expect(measure(totals()).avoidable30dMicros).toBe(3_000_000n);
  });

  it('floors the period at one day: $1 in one hour is $30 per 30 days, not $720', () => {
    const m = measure(totals({ last_ms: 3_600_000n }));
    expect(m.avoidable30dMicros).toBe(30_000_000n);
    expect(m.period.normalisingMs).toBe(day);
  });

  it('rounds money to micro-dollars half away from zero: $1 over 7 days is $4.285714 per 30 days', () => {
    // 1,000,000 µ$ x 30 / 7 = 4,285,714.28… µ$
    expect(measure(totals({ last_ms: 7n * day })).avoidable30dMicros).toBe(4_285_714n);
  });

  it('has no requests share when no row counts its requests', () => {
    expect(measure(totals({ requests: 0n, sync_requests: 0n, uncounted_rows: 3n })).shares.sync_share_requests).toBeNull();
  });
});

describe('evaluate', () => {
  const limits = (args: Record<string, string>) => parseCheckFlags(args).limits;

  it('passes a value equal to its limit and warns within 10% of it', () => {
    const [atLimit] = evaluate(measure(totals()), limits({ maxAvoidableShare: '0.333334' }), undefined);
    expect(atLimit).toMatchObject({ passed: true, nearLimit: true });
    // 1/3 < 0.9 x 0.38 = 0.342: outside the warning band
    const [far] = evaluate(measure(totals()), limits({ maxAvoidableShare: '0.38' }), undefined);
    expect(far).toMatchObject({ passed: true, nearLimit: false });
    const [over] = evaluate(measure(totals()), limits({ maxAvoidableShare: '0.333333' }), undefined);
    expect(over).toMatchObject({ passed: false, nearLimit: false });
  });

  it('does not warn on a zero value under a zero limit', () => {
    const [r] = evaluate(measure(totals({ avoidable_pico: 0n })), limits({ maxAvoidableShare: '0' }), undefined);
    expect(r).toMatchObject({ passed: true, nearLimit: false });
  });

  it('compares with a baseline at 6 decimals, so the same data rises by exactly 0 points', () => {
    // 2/3 is written as 0.666667 in JSON; read back, it compares equal to 2/3 rounded the same way.
    const baseline = { file: 'b.json', shares: { sync_share_spend: frac(666_667n, 1_000_000n), sync_share_requests: null, avoidable_share: frac(333_333n, 1_000_000n) } };
    const results = evaluate(measure(totals()), limits({ baseline: 'b.json', maxIncrease: '0' }), baseline);
    expect(results.map((r) => [r.share, r.value, r.passed])).toEqual([
      ['sync_share_spend', frac(0n), true],
      ['avoidable_share', frac(0n), true],
    ]);
  });

  it('ranks workloads by synchronous spend only when only synchronous shares broke', () => {
    const m = measure(totals());
    expect(rankingFor(evaluate(m, limits({ maxSyncShare: '0.5' }), undefined))).toBe('sync');
    expect(rankingFor(evaluate(m, limits({ maxSyncShare: '0.5', maxAvoidableShare: '0.1' }), undefined))).toBe('avoidable');
    expect(rankingFor(evaluate(m, limits({ maxSyncShare: '0.9' }), undefined))).toBe('avoidable');
  });
});
