// The analysis every reporting command starts with: ingest the files given (if any), label every call
// (label_keys, labels), price every call (priced_calls), and optionally export the labelled calls.
// A what-if on an analysed workspace only checks that the stored analysis is current, so each heavier part
// (ingest, pulls, the rules parser, the catalog, export) loads only when it is used: a run's modules are most of
// what a what-if costs (measured with BATCHABLE_PROFILE=1; README, Speed).
import type { PartitionBy } from '../classify/export.ts';
import type { Rules } from '../classify/rules/schema.ts';
import type { Workspace } from '../db/types.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { catalogContentHash, catalogSources } from '../pricing/catalog-files.ts';
import type { Catalog } from '../pricing/load-catalog.ts';
import { phase } from '../profile.ts';
import { ensureLabels, ensurePrices } from './analysis-cache.ts';
import type { IngestInput } from './ingest.ts';
import type { OnProgress } from './progress.ts';
import type { PullInput, PullOutcome } from './pull.ts';

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
  /** The price catalog itself (bundled + --pricing-dir): loaded when first asked for (a reused analysis does not need it). */
  readonly prices: () => Promise<Catalog>;
  readonly rulesFile: string | null;
};

/**
 * Ingests `files` (idempotently), then makes sure the stored labels and prices are those of the workspace's calls:
 * reused when their inputs are unchanged, rebuilt when not (src/app/analysis-cache.ts).
 */
export async function analyse(ws: Workspace, options: AnalyseOptions, onProgress?: OnProgress): Promise<Analysis> {
  const pulled: PullOutcome[] = [];
  if ((options.pull ?? []).length > 0) {
    const { pullInto } = await import('./pull.ts');
    for (const input of options.pull ?? []) pulled.push(await pullInto(ws, input, onProgress));
  }
  const files = options.files ?? [];
  const ingest = files.length > 0 ? await (await import('./ingest.ts')).ingestInto(ws, { ...options, files }, onProgress) : undefined;
  if (ingest !== undefined) phase('ingested');
  const rules: Rules | undefined = options.rules === undefined ? undefined : await (await import('../classify/rules/load.ts')).loadRules(options.rules);
  phase(`labels ${await ensureLabels(ws, rules)}`);
  // The catalog's files are hashed (they decide whether the stored prices are current); it is loaded, validated
  // and merged only when prices are rebuilt or a caller asks for it, once.
  const sources = catalogSources({ pricingDir: options.pricingDir });
  let catalog: Promise<Catalog> | undefined;
  const prices = () => (catalog ??= import('../pricing/load-catalog.ts').then((m) => m.loadCatalog({ pricingDir: options.pricingDir })));
  // A model the catalog cannot price is a line of the report's Unpriced section; strictPrices makes it exit 2.
  phase(`prices ${await ensurePrices(ws, { contentHash: catalogContentHash(sources), load: prices }, { strict: options.strictPrices === true })}`);
  let exported: Analysis['exported'];
  if (options.exportCalls !== undefined) {
    const { exportCalls } = await import('../classify/export.ts');
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
