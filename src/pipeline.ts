// The analysis pipeline behind audit and simulate: ingest -> classify (labels) -> price (priced_calls) -> report.
import { classifyCalls, exportCalls, loadRules } from './classify/index.ts';
import { ingestArgs } from './cli/ingest.ts';
import type { Io } from './cli/io.ts';
import type { IngestFlags } from './cli/options.ts';
import { assertTimeZone } from './db/queries/savings.ts';
import type { Workspace } from './db/workspace.ts';
import { loadCatalog, priceCalls, renderBilledReconciliation, renderReconciliation, selectBilledReconciliation, selectReconciliation } from './pricing/index.ts';
import { renderIngestSummary } from './report/ingest-summary.ts';
import type { Report, Section } from './report/model.ts';
import { buildSavingsReport } from './report/savings.ts';
import type { ParsedSavingsFlags } from './report/savings-options.ts';

export type AnalysisFlags = IngestFlags & { rules?: string; pricingDir?: string; exportCalls?: string };

export type Analysis = { readonly catalog: string; readonly rulesFile: string | null; readonly sections: readonly Section[] };

/** Ingests `files` (idempotently), then rebuilds the `labels` and `priced_calls` stage tables. */
export async function analyse(ws: Workspace, io: Io, files: readonly string[], flags: AnalysisFlags): Promise<Analysis> {
  if (files.length > 0) io.err(renderIngestSummary(await ingestArgs(ws, io, files, flags)));
  await classifyCalls(ws, await loadRules(flags.rules));
  const catalog = await loadCatalog({ pricingDir: flags.pricingDir });
  await priceCalls(ws, catalog, { strict: true });
  if (flags.exportCalls !== undefined) {
    const n = await exportCalls(ws, flags.exportCalls);
    io.err(`${n.toLocaleString('en-US')} calls with their labels and costs written to ${flags.exportCalls}\n`);
  }
  const reconciliation = renderReconciliation(await selectReconciliation(ws), io.style);
  const billed = renderBilledReconciliation(await selectBilledReconciliation(ws, catalog), io.style);
  return {
    catalog: `bundled price catalog${flags.pricingDir === undefined ? '' : ` + --pricing-dir ${flags.pricingDir}`}`,
    rulesFile: flags.rules ?? null,
    sections: [
      ...(reconciliation === '' ? [] : [{ title: 'Reconciliation: recomputed cost vs the cost the source reported', text: reconciliation }]),
      ...(billed === '' ? [] : [{ title: 'Billed cost (cost exports) vs cost recomputed from usage, per model and day', text: billed }]),
    ],
  };
}

/** The whole of audit and simulate after flag parsing: analyse, then build the report model. */
export async function savingsReport(
  ws: Workspace,
  io: Io,
  command: 'audit' | 'simulate',
  files: readonly string[],
  flags: AnalysisFlags,
  parsed: ParsedSavingsFlags,
): Promise<Report> {
  await assertTimeZone(ws, parsed.filter.tz);
  const analysis = await analyse(ws, io, files, flags);
  return buildSavingsReport(ws, { command, ...parsed, catalog: analysis.catalog, rulesFile: analysis.rulesFile, sections: analysis.sections });
}
