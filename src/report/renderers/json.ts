// JSON: the versioned contract documented in docs/report-json.md and typed in ../json-contract.ts. Money: USD
// numbers exact to 6 decimals, written from the micro-dollars' decimal text (never through a double); every
// ratio is a share from 0 to 1 rounded to 6 decimals (no percents); counts are exact integers.
import { type Fraction, ratio } from '../../simulate/fraction.ts';
import type { ReportJsonDocument } from '../json-contract.ts';
import { fractionJson, intJson, JsonDecimal, stringifyJson, usdJson } from '../json-number.ts';
import type { MicroSteps, Report, Style } from '../model.ts';

/** Bump on any change that can break a reader: renamed or removed fields, changed meaning or units. */
// 2: `totals.savings_pct` (0..100) became `totals.savings_share` (0..1), so that every ratio is a 0..1 share.
// 3: a model the catalog cannot price no longer stops the run: current_usd counts the cost a source reported for
//    such calls, the rest are left out and counted (totals.unpriced_requests, totals.unpriced_reported_usd, unpriced).
export const reportSchemaVersion = 3;

const share = (f: Fraction | undefined): JsonDecimal | null => (f === undefined ? null : fractionJson(f, 6));
const stepsJson = (s: MicroSteps) => ({
  current_usd: usdJson(s.now),
  structural_usd: usdJson(s.structural),
  batch_usd: usdJson(s.batch),
  caching_usd: usdJson(s.caching),
  credits_usd: usdJson(s.credits),
});

/** Known requests; null when no row says (Anthropic usage reports): unknown is never shown as 1 per row. */
const knownRequests = (r: { requests: bigint; uncountedRows: bigint }): JsonDecimal | null =>
  r.uncountedRows > 0n && r.requests === r.uncountedRows ? null : intJson(r.requests - r.uncountedRows);

/** The report as the JSON contract's object, with every number as exact decimal text (stringifyJson writes it). */
export function reportJson(r: Report) {
  const a = r.assumptions;
  const t = r.totals;
  return {
    schema_version: reportSchemaVersion as 3,
    command: r.command,
    group_by: a.groupBy,
    period: { since: r.period.since, until: r.period.until, days: r.period.seconds === null ? null : fractionJson({ num: r.period.seconds, den: 86_400n }, 6) },
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
        global: fractionJson(a.structuralDiscount.global),
        per_provider: Object.fromEntries(Object.entries(a.structuralDiscount.perProvider).map(([p, d]) => [p, fractionJson(d)])),
      },
      cache_hit_rate: a.cacheHitRate === null ? null : share(a.cacheHitRate),
      credit_bonus: fractionJson(a.creditBonus),
      min_saving_usd: usdJson(a.minSavingMicros),
    },
    totals: {
      requests: knownRequests(t),
      uncounted_rows: intJson(t.uncountedRows),
      current_usd: usdJson(t.steps.now),
      simulated_usd: usdJson(t.steps.credits),
      savings_usd: usdJson(t.savingsMicros),
      savings_share: share(ratio(t.savingsMicros, t.steps.now)),
      sync_share: share(ratio(t.syncRequests, t.requests)),
      batchable_share: share(ratio(t.batchableRequests, t.syncRequests)),
      blocking_share: share(ratio(t.blockingRequests, t.requests)),
      batchable_sync_usd: usdJson(t.batchableSyncMicros),
      steps: stepsJson(t.steps),
      monthly:
        t.monthly === undefined
          ? null
          : { current_usd: usdJson(t.monthly.currentMicros), simulated_usd: usdJson(t.monthly.simulatedMicros), savings_usd: usdJson(t.monthly.savingsMicros) },
      unpriced_requests: intJson(t.unpricedRequests),
      unpriced_reported_usd: usdJson(t.unpricedReportedMicros),
    },
    workloads: r.rows.map((w) => ({
      name: w.name,
      label: w.label,
      requests: knownRequests(w),
      uncounted_rows: intJson(w.uncountedRows),
      current_usd: usdJson(w.steps.now),
      simulated_usd: usdJson(w.steps.credits),
      savings_usd: usdJson(w.savingsMicros),
      reasons: [...w.reasons],
      blocking_share: share(w.blockingShare),
      batchable_sync_usd: usdJson(w.batchableSyncMicros),
      monthly_savings_usd: w.monthlySavingsMicros === undefined ? null : usdJson(w.monthlySavingsMicros),
      steps: stepsJson(w.steps),
    })),
    reconciliation: r.reconciliation.map((x) => ({
      model: x.model,
      lane: x.lane,
      rows: intJson(x.rows),
      recomputed_usd: usdJson(x.recomputedMicros),
      reported_usd: usdJson(x.reportedMicros),
      residual_usd: usdJson(x.residualMicros),
      flag: x.flag,
    })),
    reconciliation_notes: [...(r.reconciliationNotes ?? [])],
    billed_reconciliation:
      r.billed === undefined
        ? null
        : {
            rows: r.billed.rows.map((b) => ({
              model: b.catalog_id,
              day: b.day,
              billed_usd: usdJson(b.billed_micros),
              recomputed_usd: usdJson(b.recomputed_micros),
              residual_usd: usdJson(b.residual_micros),
              flag: b.flag,
            })),
            unattributed_usd: usdJson(r.billed.unattributedMicros),
            unattributed_names: [...r.billed.unattributedNames],
          },
    unpriced: {
      models: r.unpriced.models.map((m) => ({
        model: m.model,
        provider: m.provider,
        reason: m.reason,
        calls: intJson(m.calls),
        requests: intJson(m.requests),
        tokens: intJson(m.tokens),
        reported_usd: m.reportedMicros === null ? null : usdJson(m.reportedMicros),
        reported_calls: intJson(m.reportedCalls),
        unpriced_requests: intJson(m.unpricedRequests),
        closest_ids: [...m.closest],
        fix: m.fix,
      })),
      charges: r.unpriced.charges.map((c) => ({ model: c.model, charge: c.charge, calls: intJson(c.calls), quantity: intJson(c.quantity) })),
    },
    notes: [...r.notes],
    warnings: [...r.warnings],
  };
}

/** What reportJson returns once written and parsed: every JsonDecimal a number. */
type Parsed<T> = T extends JsonDecimal ? number : T extends readonly (infer U)[] ? Parsed<U>[] : T extends object ? { [K in keyof T]: Parsed<T[K]> } : T;

// Compile-time: the object reportJson builds, once parsed, is a ReportJsonDocument (the contract's type).
const contractHolds = (doc: Parsed<ReturnType<typeof reportJson>>): ReportJsonDocument => doc;
void contractHolds;

export const renderJson = (report: Report, _style: Style): string => `${stringifyJson(reportJson(report))}\n`;
