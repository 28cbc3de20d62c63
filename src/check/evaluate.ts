// The verdict of `check`, pure: measured totals and the limits asked for -> one result per threshold.
// Shares are exact fractions and money exact micro-dollars; the only rounding is the documented one
// (money to micro-dollars, shares to 6 decimals when compared with a baseline written at that precision).
import { InternalError } from '../errors.ts';
import { cmp, frac, type Fraction, mul, ratio, roundDiv, sub, zero } from '../simulate/fraction.ts';
import { type Baseline, type ShareName, sharePlaces, shareNames } from './baseline.ts';
import type { Basis, CheckLimits } from './limits.ts';
import type { CheckTotals } from './measure.ts';
import { picoPerMicro, picoToMicros } from '../pricing/units.ts';

const msPerDay = 86_400_000n;
/** The normalisation window of `--max-avoidable-usd`. */
export const usdWindowDays = 30n;

export type Period = {
  readonly firstMs: bigint;
  readonly lastMs: bigint;
  /** The period the figures cover, at least 1 day (so one hour of data is not multiplied by 720). */
  readonly normalisingMs: bigint;
};

export type Measures = {
  readonly rows: bigint;
  readonly spendMicros: bigint;
  readonly syncMicros: bigint;
  readonly avoidableMicros: bigint;
  readonly requests: bigint;
  readonly syncRequests: bigint;
  readonly uncountedRows: bigint;
  readonly uncountedMicros: bigint;
  readonly shares: Readonly<Record<ShareName, Fraction | null>>;
  /** Avoidable spend scaled to 30 days of the period covered, micro-dollars. */
  readonly avoidable30dMicros: bigint;
  readonly period: Period;
  /** Requests the catalog could not price (no reported cost either): left out of every measure above. */
  readonly unpricedRequests: bigint;
  /** unpricedRequests / all requests in scope (a row without a count weighing 1). */
  readonly unpricedShare: Fraction;
};

export type ThresholdName = 'max_sync_share' | 'max_avoidable_share' | 'max_avoidable_usd' | 'max_increase' | 'max_unpriced_share';

export type ThresholdResult = {
  readonly name: ThresholdName;
  readonly flag: string;
  /** What is measured, in words. */
  readonly title: string;
  /** share: a fraction of 1; usd: micro-dollars; points: percentage points. */
  readonly unit: 'share' | 'usd' | 'points';
  readonly basis?: Basis;
  /** For max_increase: the share compared, and its value in the baseline and now (6 decimals). */
  readonly share?: ShareName;
  readonly baseline?: Fraction;
  readonly current?: Fraction;
  readonly value: Fraction;
  readonly limit: Fraction;
  readonly passed: boolean;
  /** Passed, but within 10% of the limit. */
  readonly nearLimit: boolean;
};

/** Pico-dollars to micro-dollars: the product's one rounding (src/pricing/units.ts). */
export const toMicros = picoToMicros;

/** Totals from SQL (and the requests no price covers) -> exact measures. */
export function measure(totals: CheckTotals, unpricedRequests = 0n): Measures {
  const firstMs = totals.first_ms ?? 0n;
  const lastMs = totals.last_ms ?? firstMs;
  const spanMs = lastMs - firstMs;
  const normalisingMs = spanMs < msPerDay ? msPerDay : spanMs;
  // Shares of zero spend are 0: nothing is spent synchronously when nothing is spent.
  const shareOf = (part: bigint, whole: bigint): Fraction => ratio(part, whole) ?? zero;
  return {
    rows: totals.rows,
    spendMicros: toMicros(totals.spend_pico),
    syncMicros: toMicros(totals.sync_pico),
    avoidableMicros: toMicros(totals.avoidable_pico),
    requests: totals.requests,
    syncRequests: totals.sync_requests,
    uncountedRows: totals.uncounted_rows,
    uncountedMicros: toMicros(totals.uncounted_pico),
    shares: {
      sync_share_spend: shareOf(totals.sync_pico, totals.spend_pico),
      // No row with a request count: the requests basis has nothing to measure.
      sync_share_requests: totals.requests === 0n ? null : shareOf(totals.sync_requests, totals.requests),
      avoidable_share: shareOf(totals.avoidable_pico, totals.spend_pico),
    },
    avoidable30dMicros: roundDiv(totals.avoidable_pico * usdWindowDays * msPerDay, normalisingMs * picoPerMicro),
    period: { firstMs, lastMs, normalisingMs },
    unpricedRequests,
    unpricedShare: ratio(unpricedRequests, totals.requests + totals.uncounted_rows + unpricedRequests) ?? zero,
  };
}

/** A share at the precision JSON carries it (6 decimals), as an exact fraction. */
export function atJsonPrecision(value: Fraction): Fraction {
  const scale = 10n ** BigInt(sharePlaces);
  return frac(roundDiv(value.num * scale, value.den), scale);
}

const nine = frac(9n, 10n);

function result(base: Omit<ThresholdResult, 'passed' | 'nearLimit'>): ThresholdResult {
  const passed = cmp(base.value, base.limit) <= 0;
  // Within 10% of the limit: value >= 0.9 x limit, and something to warn about (a positive value).
  const nearLimit = passed && base.value.num > 0n && cmp(base.value, mul(nine, base.limit)) >= 0;
  return { ...base, passed, nearLimit };
}

const shareTitles: Record<ShareName, string> = {
  sync_share_spend: 'synchronous share of spend',
  sync_share_requests: 'synchronous share of requests',
  avoidable_share: 'avoidable share of spend',
};

/** One result per threshold asked for, in flag order. */
export function evaluate(m: Measures, limits: CheckLimits, baseline: Baseline | undefined): ThresholdResult[] {
  const results: ThresholdResult[] = [];
  if (limits.maxSyncShare !== undefined) {
    const share: ShareName = limits.basis === 'spend' ? 'sync_share_spend' : 'sync_share_requests';
    const value = m.shares[share];
    if (value === null) throw new InternalError('sync_share_requests is checked only when requests are counted');
    results.push(
      result({ name: 'max_sync_share', flag: '--max-sync-share', title: shareTitles[share], unit: 'share', basis: limits.basis, value, limit: limits.maxSyncShare }),
    );
  }
  if (limits.maxAvoidableShare !== undefined) {
    results.push(
      result({
        name: 'max_avoidable_share',
        flag: '--max-avoidable-share',
        title: shareTitles.avoidable_share,
        unit: 'share',
        value: m.shares.avoidable_share ?? zero,
        limit: limits.maxAvoidableShare,
      }),
    );
  }
  if (limits.maxAvoidableMicros !== undefined) {
    results.push(
      result({
        name: 'max_avoidable_usd',
        flag: '--max-avoidable-usd',
        title: 'avoidable spend per 30 days',
        unit: 'usd',
        value: frac(m.avoidable30dMicros),
        limit: frac(limits.maxAvoidableMicros),
      }),
    );
  }
  if (limits.maxUnpricedShare !== undefined) {
    results.push(
      result({ name: 'max_unpriced_share', flag: '--max-unpriced-share', title: 'unpriced share of requests', unit: 'share', value: m.unpricedShare, limit: limits.maxUnpricedShare }),
    );
  }
  if (baseline !== undefined && limits.maxIncreasePoints !== undefined) {
    for (const share of shareNames) {
      const before = baseline.shares[share];
      const now = m.shares[share];
      if (before === null || now === null) continue;
      const current = atJsonPrecision(now);
      results.push(
        result({
          name: 'max_increase',
          flag: '--max-increase',
          title: `increase of the ${shareTitles[share]} over the baseline`,
          unit: 'points',
          share,
          baseline: before,
          current,
          value: mul(sub(current, before), frac(100n)),
          limit: limits.maxIncreasePoints,
        }),
      );
    }
  }
  return results;
}

/** Which spend to rank workloads by: synchronous spend when only synchronous-share limits broke, else avoidable. */
export function rankingFor(results: readonly ThresholdResult[]): 'avoidable' | 'sync' {
  const breached = results.filter((r) => !r.passed);
  const syncOnly =
    breached.length > 0 &&
    breached.every((r) => r.name === 'max_sync_share' || (r.name === 'max_increase' && r.share !== 'avoidable_share'));
  return syncOnly ? 'sync' : 'avoidable';
}
