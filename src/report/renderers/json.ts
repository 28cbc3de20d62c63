// JSON: the versioned contract documented in docs/report-json.md. Money: USD numbers with 6 decimals
// (exact, from integer micro-dollars); every ratio is a share from 0 to 1 with 6 decimals (no percents).
import { type Fraction, ratio, toNumber } from '../../simulate/fraction.ts';
import { usdNumber } from '../money.ts';
import type { MicroSteps, Report, Style } from '../model.ts';

/** Bump on any change that can break a reader: renamed or removed fields, changed meaning or units. */
// 2: `totals.savings_pct` (0..100) became `totals.savings_share` (0..1), so that every ratio is a 0..1 share.
export const reportSchemaVersion = 2;

const share = (f: Fraction | undefined): number | null => (f === undefined ? null : toNumber(f, 6));
const stepsJson = (s: MicroSteps) => ({
  current_usd: usdNumber(s.now),
  structural_usd: usdNumber(s.structural),
  batch_usd: usdNumber(s.batch),
  caching_usd: usdNumber(s.caching),
  credits_usd: usdNumber(s.credits),
});

/** Known requests; null when no row says (Anthropic usage reports): unknown is never shown as 1 per row. */
const knownRequests = (r: { requests: bigint; uncountedRows: bigint }): number | null =>
  r.uncountedRows > 0n && r.requests === r.uncountedRows ? null : Number(r.requests - r.uncountedRows);

export function reportJson(r: Report): unknown {
  const a = r.assumptions;
  const t = r.totals;
  return {
    schema_version: reportSchemaVersion,
    command: r.command,
    group_by: a.groupBy,
    period: { since: r.period.since, until: r.period.until, days: r.period.seconds === null ? null : toNumber({ num: r.period.seconds, den: 86_400n }, 6) },
    assumptions: {
      catalog: a.catalog,
      lane_rule: a.laneRule,
      rules_file: a.rulesFile,
      time_zone: a.timeZone,
      since: a.since,
      until: a.until,
      workloads: a.workloads,
      batch_share: a.batchShare === null ? null : share(a.batchShare),
      structural_discount: {
        global: share(a.structuralDiscount.global),
        per_provider: Object.fromEntries(Object.entries(a.structuralDiscount.perProvider).map(([p, d]) => [p, share(d)])),
      },
      cache_hit_rate: a.cacheHitRate === null ? null : share(a.cacheHitRate),
      credit_bonus: share(a.creditBonus),
      min_saving_usd: usdNumber(a.minSavingMicros),
    },
    totals: {
      requests: knownRequests(t),
      uncounted_rows: Number(t.uncountedRows),
      current_usd: usdNumber(t.steps.now),
      simulated_usd: usdNumber(t.steps.credits),
      savings_usd: usdNumber(t.savingsMicros),
      savings_share: share(ratio(t.savingsMicros, t.steps.now)),
      sync_share: share(ratio(t.syncRequests, t.requests)),
      batchable_share: share(ratio(t.batchableRequests, t.syncRequests)),
      blocking_share: share(ratio(t.blockingRequests, t.requests)),
      batchable_sync_usd: usdNumber(t.batchableSyncMicros),
      steps: stepsJson(t.steps),
      monthly:
        t.monthly === undefined
          ? null
          : { current_usd: usdNumber(t.monthly.currentMicros), simulated_usd: usdNumber(t.monthly.simulatedMicros), savings_usd: usdNumber(t.monthly.savingsMicros) },
    },
    workloads: r.rows.map((w) => ({
      name: w.name,
      label: w.label,
      requests: knownRequests(w),
      uncounted_rows: Number(w.uncountedRows),
      current_usd: usdNumber(w.steps.now),
      simulated_usd: usdNumber(w.steps.credits),
      savings_usd: usdNumber(w.savingsMicros),
      reasons: w.reasons,
      blocking_share: share(w.blockingShare),
      batchable_sync_usd: usdNumber(w.batchableSyncMicros),
      monthly_savings_usd: w.monthlySavingsMicros === undefined ? null : usdNumber(w.monthlySavingsMicros),
      steps: stepsJson(w.steps),
    })),
    notes: r.notes,
    warnings: r.warnings,
  };
}

export const renderJson = (report: Report, _style: Style): string => `${JSON.stringify(reportJson(report), null, 2)}\n`;
