// The one report model behind audit and simulate: every renderer (table, json, csv, markdown) reads this.
// Money is integer micro-dollars (bigint); shares are exact fractions; rounding happens only when printed.
import type { GroupBy } from '../db/queries/savings.ts';
import type { BilledReconciliation } from '../pricing/billed.ts';
import type { ReconciliationRow } from '../pricing/reconciliation.ts';
import type { Fraction } from '../simulate/fraction.ts';
import type { Unpriced } from '../pricing/unpriced.ts';

export type { Style } from './style.ts';

/** What a report row is, by `--by`, plural: for the lines that count rows a table or the notes leave out. */
export const groupNouns: Readonly<Record<GroupBy, string>> = {
  workload: 'workloads', model: 'models', provider: 'providers', project: 'projects', api_key: 'api keys', day: 'days',
};

/** Cumulative cost after each stacking step, micro-dollars. `credits` is the final (simulated) figure. */
export type MicroSteps = { readonly now: bigint; readonly structural: bigint; readonly batch: bigint; readonly caching: bigint; readonly credits: bigint };

export type RowLabel = 'blocking' | 'non_blocking' | 'mixed';

export type ReportRow = {
  readonly name: string;
  readonly label: RowLabel;
  /** Requests, a row without a request count weighing 1 (for shares); shown as known requests + uncountedRows unknown. */
  readonly requests: bigint;
  /** Rows whose source gives no request count (Anthropic usage report, Console CSV): their requests are unknown. */
  readonly uncountedRows: bigint;
  readonly blockingRequests: bigint;
  /** Share of requests labelled blocking. */
  readonly blockingShare: Fraction | undefined;
  readonly steps: MicroSteps;
  /** Spend now of the non-blocking, batch-eligible work still on synchronous lanes. */
  readonly batchableSyncMicros: bigint;
  /** now - final. */
  readonly savingsMicros: bigint;
  /** savings normalised to 30 days; undefined when the period is too short to tell. */
  readonly monthlySavingsMicros: bigint | undefined;
  /** Most frequent deciding reasons, most frequent first. */
  readonly reasons: readonly string[];
};

export type Totals = {
  readonly requests: bigint;
  readonly uncountedRows: bigint;
  readonly blockingRequests: bigint;
  readonly syncRequests: bigint;
  readonly batchableRequests: bigint;
  readonly steps: MicroSteps;
  readonly batchableSyncMicros: bigint;
  readonly savingsMicros: bigint;
  readonly monthly: { readonly currentMicros: bigint; readonly simulatedMicros: bigint; readonly savingsMicros: bigint } | undefined;
  /** Requests of models the catalog cannot price and whose source reported no cost: left out of every money figure. */
  readonly unpricedRequests: bigint;
  /** The cost sources reported for calls of unpriced models, counted in the money figures instead of a catalog price. */
  readonly unpricedReportedMicros: bigint;
};

export type Assumptions = {
  readonly catalog: string;
  readonly laneRule: string;
  readonly rulesFile: string | null;
  readonly groupBy: GroupBy;
  readonly timeZone: string;
  readonly since: string | null;
  readonly until: string | null;
  readonly workloads: readonly string[];
  readonly batchShare: Fraction | null;
  readonly structuralDiscount: { readonly global: Fraction; readonly perProvider: Readonly<Record<string, Fraction>> };
  readonly cacheHitRate: Fraction | null;
  readonly creditBonus: Fraction;
  readonly minSavingMicros: bigint;
};

export type { BilledReconciliation, ReconciliationRow };

export type Report = {
  /** What the catalog could not price (models, and charges it has no rate for); empty when everything is priced. */
  readonly unpriced: Unpriced;
  readonly command: 'audit' | 'simulate';
  readonly period: { readonly since: string | null; readonly until: string | null; readonly seconds: bigint | null };
  readonly assumptions: Assumptions;
  readonly totals: Totals;
  readonly rows: readonly ReportRow[];
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
  /** Recomputed vs reported cost per model and lane, where a source reports its own cost; empty otherwise. */
  readonly reconciliation: readonly ReconciliationRow[];
  /** What the sources behind the reconciliation cannot show (OpenRouter activity's prompt holds cached tokens). */
  readonly reconciliationNotes?: readonly string[];
  /** Billed cost from cost exports vs the cost recomputed from usage, per model and day; undefined without cost exports. */
  readonly billed: BilledReconciliation | undefined;
};
