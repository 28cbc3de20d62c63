// What the HTML report reads: the fields of the JSON report (docs/report-json.md, the same document `--format
// json` prints) plus three chart series the pipeline adds for the page. Money is integer micro-dollars (bigint,
// `*_micros`), taken from the report model and never through a JS double: every figure printed as text goes
// through the one formatter the table uses (../money.ts formatUsd), so the page equals the JSON and the table
// to the cent at any size. Only the charts' bar geometry is a double (./charts.ts).

/** A label of a report row, as in the JSON report. */
export type HtmlRowLabel = 'blocking' | 'non_blocking' | 'mixed';

/** The stacking order (docs/architecture.md), plus `final` (the figure after every lever = `credits`). */
export const waterfallSteps = ['now', 'structural', 'batch', 'caching', 'credits', 'final'] as const;
export type WaterfallStep = (typeof waterfallSteps)[number];

/** Integer micro-dollars ($1 = 1,000,000). */
export type Micros = bigint;

/** Spend now in micro-dollars split by label and lane (see `HtmlReportInput.daily`), keyed by day or row name. */
export type SpendSplit<Key> = Key & {
  readonly blocking_micros: Micros;
  readonly batchable_sync_micros: Micros;
  readonly batch_micros: Micros;
  readonly other_sync_micros?: Micros;
};

export type HtmlReportInput = {
  /** The JSON report's `schema_version` (printed in the footer so a reader can match the page to the JSON). */
  readonly schema_version: number;
  /** "audit" | "simulate"; titles the page. Optional: the page says "report" when absent. */
  readonly command?: 'audit' | 'simulate';
  /** The `--by` grouping the workload rows follow (workload, model, provider, ...); names the row column. */
  readonly group_by?: string;
  /** First call start and last call end in the report, ISO 8601 UTC, or null when there were no calls. */
  readonly period: { readonly since: string | null; readonly until: string | null; readonly days?: number | null };
  /**
   * The assumptions object of the JSON report, shown as a list, except that money is micro-dollars
   * (`min_saving_micros`, a bigint, for the JSON's `min_saving_usd`). Known keys get readable names and units
   * (shares as percents, money as $); unknown keys are shown as they are, so new fields added to the JSON
   * within a schema version appear without a change here.
   */
  readonly assumptions: Readonly<Record<string, unknown>>;
  readonly totals: {
    /** Known requests; null when no row carries a request count. */
    readonly requests: number | null;
    /** Rows without a request count (their requests are unknown). */
    readonly uncounted_rows?: number;
    /** Spend as billed (JSON `current_usd`). */
    readonly current_micros: Micros;
    /** Spend after every lever in stacking order (JSON `simulated_usd`). */
    readonly simulated_micros: Micros;
    /** current - simulated (JSON `savings_usd`). */
    readonly savings_micros: Micros;
    /** savings / current, 0..1 (report JSON schema 2); null when current is 0. */
    readonly savings_share: number | null;
    /** Requests on synchronous lanes / all requests, 0..1 (null when there are no requests). */
    readonly sync_share: number | null;
    /** Non-blocking, batch-eligible synchronous requests / synchronous requests, 0..1 (or null). */
    readonly batchable_share: number | null;
    /** Normalised to 30 days (JSON `totals.monthly`); null or absent when the data covers less than a day. */
    readonly monthly?: { readonly current_micros: Micros; readonly simulated_micros: Micros; readonly savings_micros: Micros } | null;
  };
  /** One row per `--by` group, in the order to show (the JSON sorts by savings_usd, largest first). */
  readonly workloads: readonly {
    /** User text (a workload, model, key ... name): always escaped in the page. */
    readonly name: string;
    readonly label: HtmlRowLabel;
    readonly requests: number | null;
    readonly uncounted_rows?: number;
    readonly current_micros: Micros;
    readonly simulated_micros: Micros;
    readonly savings_micros: Micros;
    /** Up to 3 deciding reasons, most frequent first. User text (rules files write them): escaped. */
    readonly reasons: readonly string[];
  }[];
  /** Recomputed vs reported cost per model and lane (the JSON's `reconciliation`); absent or empty: no section. */
  readonly reconciliation?: readonly {
    readonly model: string;
    readonly lane: string;
    readonly rows: number;
    readonly recomputed_micros: Micros;
    readonly reported_micros: Micros;
    readonly residual_micros: Micros;
    readonly flag: 'recomputed_above' | 'reported_above' | null;
  }[];
  /** What the sources behind the reconciliation cannot show (the JSON's `reconciliation_notes`). */
  readonly reconciliation_notes?: readonly string[];
  /**
   * Billed cost from cost exports vs the cost recomputed from usage, per catalog model and UTC day (the JSON's
   * `billed_reconciliation`); absent or null without cost exports: no section. Model names are user text: escaped.
   */
  readonly billed_reconciliation?: {
    readonly rows: readonly {
      readonly model: string;
      readonly day: string;
      readonly billed_micros: Micros;
      readonly recomputed_micros: Micros;
      readonly residual_micros: Micros;
      readonly flag: 'recomputed_above' | 'reported_above' | null;
    }[];
    /** Billed cost not compared (no model, or a model the catalog does not price), and those names. */
    readonly unattributed_micros: Micros;
    readonly unattributed_names: readonly string[];
  } | null;
  /**
   * What the catalog could not price (JSON `unpriced`, schema 3): models as written with why, requests, what the
   * source reported and the fix; charges with no rate (web searches) as quantities. Absent or empty: all priced.
   * Every string is user text or derived from it: escaped in the page.
   */
  readonly unpriced?: {
    readonly models: readonly {
      readonly model: string;
      readonly provider: string | null;
      readonly reason: string;
      readonly calls: number;
      readonly requests: number;
      readonly tokens: number;
      readonly reported_micros: Micros | null;
      readonly unpriced_requests: number;
      readonly closest_ids: readonly string[];
      readonly fix: string;
    }[];
    readonly charges: readonly { readonly model: string; readonly charge: string; readonly calls: number; readonly quantity: number }[];
  };
  /** Where batch would not pay (low volume, deadlines under 24 h, chained agents, ...). */
  readonly notes: readonly string[];
  /** E.g. a --batch-share above batchable_share. Shown prominently near the top. */
  readonly warnings: readonly string[];
  /**
   * Spend now per day of the period (in the report's --tz), oldest first, one entry per day with calls
   * (days without calls may be omitted or given as zeros). `day` is YYYY-MM-DD. The split, the same in
   * `daily` and `per_workload_split` (lanes as in priced_calls; synchronous = standard or priority):
   * - `blocking_micros`: calls labelled blocking on a synchronous lane;
   * - `batchable_sync_micros`: non-blocking, batch-eligible calls on a synchronous lane (the opportunity;
   *   per workload this is the JSON's `batchable_sync_usd`);
   * - `batch_micros`: calls already off the synchronous lanes (batch or flex);
   * - `other_sync_micros` (optional, 0 when absent): non-blocking calls on a synchronous lane that no batch
   *   lane accepts.
   * The parts sum to the day's (or the row's) spend now.
   */
  readonly daily: readonly SpendSplit<{ readonly day: string }>[];
  /**
   * The same split per workload row, matched to `workloads` by `name`. When the parts sum to less than the
   * row's current_micros (e.g. `other_sync_micros` left out), the chart shows the remainder as "Other synchronous"
   * rather than hide it, so every bar ends at the row's spend now.
   */
  readonly per_workload_split: readonly SpendSplit<{ readonly name: string }>[];
  /**
   * Cumulative spend after each step of the stacking order, one entry per step in `waterfallSteps` order:
   * `now` = totals.current_micros, then + structural rate, + batch lane, + caching, + credit bonus;
   * `final` = `credits` = totals.simulated_micros. The chart draws the differences between steps.
   */
  readonly waterfall: readonly { readonly step: WaterfallStep; readonly micros: Micros }[];
};
