// audit and simulate: analyse, then the savings report model (per workload, or per model, day… with --by).
// Returns the model; rendering it (table, JSON, CSV, markdown, HTML) is the caller's business.
import { lowConfidenceNote } from '../classify/suggest.ts';
import { assertTimeZone, type GroupBy, type SavingsFilter } from '../db/queries/savings.ts';
import type { Workspace } from '../db/types.ts';
import { withWorkspace } from '../db/workspace.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { selectBilledReconciliation } from '../pricing/billed.ts';
import { phase } from '../profile.ts';
import { selectReconciliation } from '../pricing/reconciliation.ts';
import { selectUnpriced } from '../pricing/unpriced.ts';
import type { HtmlSeries } from '../report/html/from-report.ts';
import { htmlSeries } from '../report/html-series.ts';
import type { Report } from '../report/model.ts';
import { buildSavingsReport } from '../report/savings.ts';
import type { Fraction } from '../simulate/fraction.ts';
import { zero } from '../simulate/fraction.ts';
import { noStructural, type StructuralDiscount } from '../simulate/structural.ts';
import { analyse, type AnalyseOptions, type Analysis } from './analyse.ts';
import { memoryDb, type OnProgress, type WorkspaceOption } from './progress.ts';

/** Default minimum saving worth the batch plumbing: $10 per 30 days. */
export const defaultMinSavingMicros = 10_000_000n;

/** What the report covers and the scenario it computes. Every field is optional; defaults as the CLI's. */
export type ReportOptions = {
  /** Report rows: workload (default), model, provider, project, api_key or day. */
  readonly by?: GroupBy | undefined;
  /** Period (calendar dates in tz, until inclusive) and workloads; default: everything, UTC. */
  readonly filter?: SavingsFilter | undefined;
  /** Below this saving per 30 days a note says batch does not pay (micro-dollars, default $10). */
  readonly minSavingMicros?: bigint | undefined;
  /** Move this share of synchronous requests to batch, non-blocking work first (simulate). */
  readonly batchShare?: Fraction | undefined;
  /** The share as the user typed it, for messages (default: the fraction's decimal). */
  readonly batchShareText?: string | undefined;
  readonly structural?: StructuralDiscount | undefined;
  readonly cacheHitRate?: Fraction | undefined;
  readonly creditBonus?: Fraction | undefined;
  /** Also return the series the HTML report draws (spend per row and per day by lane and label). */
  readonly charts?: boolean | undefined;
};

export type AuditOptions = AnalyseOptions & ReportOptions & WorkspaceOption;

export type AuditResult = {
  readonly report: Report;
  /** What the files given added (undefined when none was given). */
  readonly ingest: IngestSummary | undefined;
  /** What each `pull` fetched and added. */
  readonly pulled: Analysis['pulled'];
  readonly exported: Analysis['exported'];
  /** The HTML report's chart series, when `charts` was asked for. */
  readonly charts: HtmlSeries | undefined;
  /** audit: a note when much spend is labelled with low confidence or by default, pointing at `rules suggest`. */
  readonly lowConfidence: string | undefined;
};

const everything: SavingsFilter = { tz: 'UTC', workloads: [] };

/** Decimal text of a fraction that came from decimal text (e.g. 3/5 -> "0.6"), for messages. */
function decimalText(f: Fraction): string {
  for (let places = 0; places <= 18; places++) {
    const scaled = f.num * 10n ** BigInt(places);
    if (scaled % f.den === 0n) {
      const digits = (scaled / f.den).toString().padStart(places + 1, '0');
      return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    }
  }
  return `${f.num}/${f.den}`;
}

/** Analyses an open workspace and builds the report: the shared body of audit and simulate. */
export async function savingsReport(
  ws: Workspace,
  command: 'audit' | 'simulate',
  options: AnalyseOptions & ReportOptions,
  onProgress?: OnProgress,
): Promise<AuditResult> {
  const filter = options.filter ?? everything;
  const by = options.by ?? 'workload';
  await assertTimeZone(ws, filter.tz);
  const analysis = await analyse(ws, options, onProgress);
  const report = await buildSavingsReport(ws, {
    command,
    by,
    filter,
    batchShare: options.batchShare,
    batchShareText: options.batchShareText ?? (options.batchShare === undefined ? undefined : decimalText(options.batchShare)),
    structural: options.structural ?? noStructural,
    cacheHitRate: options.cacheHitRate,
    creditBonus: options.creditBonus ?? zero,
    minSavingMicros: options.minSavingMicros ?? defaultMinSavingMicros,
    catalog: analysis.catalog,
    rulesFile: analysis.rulesFile,
    reconciliation: await selectReconciliation(ws),
    billed: await selectBilledReconciliation(ws, analysis.prices),
    unpriced: await selectUnpriced(ws, filter),
  });
  phase('report built');
  const charts = options.charts === true ? await htmlSeries(ws, report, by, filter) : undefined;
  const lowConfidence = command === 'audit' ? await lowConfidenceNote(ws) : undefined;
  return { report, ingest: analysis.ingest, pulled: analysis.pulled, exported: analysis.exported, charts, lowConfidence };
}

/** `batchable audit`: what could move to the batch lane, and what it would save. */
export async function audit(options: AuditOptions = {}): Promise<AuditResult> {
  return withWorkspace(options.db ?? memoryDb, (ws) => savingsReport(ws, 'audit', options, options.onProgress));
}
