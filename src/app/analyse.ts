// The analysis every reporting command starts with: ingest the files given (if any), label every call
// (label_keys, labels), price every call (priced_calls), and optionally export the labelled calls.
import { exportCalls, loadRules, type PartitionBy } from '../classify/index.ts';
import type { Workspace } from '../db/types.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { type Catalog, loadCatalog } from '../pricing/index.ts';
import { ensureLabels, ensurePrices } from './analysis-cache.ts';
import { ingestInto, type IngestInput } from './ingest.ts';
import type { OnProgress } from './progress.ts';
import { pullInto, type PullInput, type PullOutcome } from './pull.ts';

export type AnalyseOptions = Omit<IngestInput, 'files'> & {
  /** Usage exports to ingest first; none: analyse what the workspace holds. */
  readonly files?: readonly string[] | undefined;
  /** APIs to pull from first, into this workspace (raw files next to its database file). */
  readonly pull?: readonly PullInput[] | undefined;
  /** A rules file (YAML or JSON) that names workloads and decides labels first. */
  readonly rules?: string | undefined;
  /** Extra price catalogs (<provider>.json) and aliases (aliases.json) over the bundled ones. */
  readonly pricingDir?: string | undefined;
  /** A call the catalog cannot price is an error (exit 2), not a line of the report's Unpriced section. */
  readonly strictPrices?: boolean | undefined;
  /** Also write every call with its label and cost to this file (.csv, .jsonl, .parquet), or a directory with partitionBy. */
  readonly exportCalls?: string | undefined;
  /** With exportCalls: a hive-partitioned Parquet dataset of every call, by UTC day or month. */
  readonly partitionBy?: PartitionBy | undefined;
};

export type Analysis = {
  /** What each pull fetched and added, in the order asked. */
  readonly pulled: readonly PullOutcome[];
  /** What the files given added; undefined when no file was given. */
  readonly ingest: IngestSummary | undefined;
  /** The calls written by --export-calls, if asked. */
  readonly exported: { readonly file: string; readonly calls: number; readonly partitionBy: PartitionBy | undefined } | undefined;
  /** The price catalog used, in words for the report's assumptions. */
  readonly catalog: string;
  /** The price catalog itself (bundled + --pricing-dir). */
  readonly prices: Catalog;
  readonly rulesFile: string | null;
};

/**
 * Ingests `files` (idempotently), then makes sure the stored labels and prices are those of the workspace's calls:
 * reused when their inputs are unchanged, rebuilt when not (src/app/analysis-cache.ts).
 */
export async function analyse(ws: Workspace, options: AnalyseOptions, onProgress?: OnProgress): Promise<Analysis> {
  const pulled: PullOutcome[] = [];
  for (const input of options.pull ?? []) pulled.push(await pullInto(ws, input, onProgress));
  const files = options.files ?? [];
  const ingest = files.length > 0 ? await ingestInto(ws, { ...options, files }, onProgress) : undefined;
  await ensureLabels(ws, await loadRules(options.rules));
  // A model the catalog cannot price is a line of the report's Unpriced section; strictPrices makes it exit 2.
  const prices = await loadCatalog({ pricingDir: options.pricingDir });
  await ensurePrices(ws, prices, { strict: options.strictPrices === true });
  let exported: Analysis['exported'];
  if (options.exportCalls !== undefined) {
    exported = { file: options.exportCalls, calls: await exportCalls(ws, options.exportCalls, options.partitionBy), partitionBy: options.partitionBy };
    onProgress?.({ kind: 'exported', ...exported });
  }
  return {
    pulled,
    ingest,
    exported,
    prices,
    catalog: `bundled price catalog${options.pricingDir === undefined ? '' : ` + --pricing-dir ${options.pricingDir}`}`,
    rulesFile: options.rules ?? null,
  };
}
