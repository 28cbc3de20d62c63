// Glue for the pipeline: the report model plus three series in integer micro-dollars -> the page's input.
// Money is taken from the model as it is (bigint micro-dollars); everything else (counts, shares, labels, the
// assumptions list, the unpriced section) from the report's JSON document, so the page shows what `--format
// json` prints: the same figures, never a double's approximation of them.
import { InternalError } from '../../errors.ts';
import type { ReportJsonDocument } from '../json-contract.ts';
import type { MicroSteps, Report } from '../model.ts';
import { reportDocument } from '../json-document.ts';
import type { HtmlReportInput, SpendSplit } from './input.ts';

/**
 * Spend now split by label and lane, micro-dollars. Bucket each call (or savings group) by:
 * lane not synchronous (batch, flex) -> batch; synchronous and label blocking -> blocking;
 * synchronous, non_blocking and batch_eligible -> batchableSync; synchronous, non_blocking, not eligible -> otherSync.
 */
export type MicroSplit = { readonly blocking: bigint; readonly batchableSync: bigint; readonly batch: bigint; readonly otherSync: bigint };

export type HtmlSeries = {
  readonly daily: readonly { readonly day: string; readonly split: MicroSplit }[];
  readonly perRow: readonly { readonly name: string; readonly split: MicroSplit }[];
  /** Report totals' cumulative steps (Totals.steps). */
  readonly steps: MicroSteps;
};

const splitMicros = (s: MicroSplit): SpendSplit<object> => ({
  blocking_micros: s.blocking,
  batchable_sync_micros: s.batchableSync,
  batch_micros: s.batch,
  other_sync_micros: s.otherSync,
});

/** The JSON document's row beside the model's: reportJson writes one row per model row, in order. */
function paired<M, J>(what: string, model: readonly M[], json: readonly J[]): [M, J][] {
  if (model.length !== json.length) throw new InternalError(`HTML report: ${model.length} ${what} in the report model, ${json.length} in its JSON document`);
  return model.map((m, i) => [m, json[i]!]);
}

export function htmlInput(report: Report, series: HtmlSeries, doc: ReportJsonDocument = reportDocument(report)): HtmlReportInput {
  const t = report.totals;
  const st = series.steps;
  const { min_saving_usd: _minSavingUsd, ...assumptions } = doc.assumptions;
  return {
    schema_version: doc.schema_version,
    command: doc.command,
    group_by: doc.group_by,
    period: doc.period,
    assumptions: { ...assumptions, min_saving_micros: report.assumptions.minSavingMicros },
    totals: {
      requests: doc.totals.requests,
      uncounted_rows: doc.totals.uncounted_rows,
      current_micros: t.steps.now,
      simulated_micros: t.steps.credits,
      savings_micros: t.savingsMicros,
      savings_share: doc.totals.savings_share,
      sync_share: doc.totals.sync_share,
      batchable_share: doc.totals.batchable_share,
      monthly:
        t.monthly === undefined
          ? null
          : { current_micros: t.monthly.currentMicros, simulated_micros: t.monthly.simulatedMicros, savings_micros: t.monthly.savingsMicros },
    },
    workloads: paired('rows', report.rows, doc.workloads).map(([row, w]) => ({
      name: w.name,
      label: w.label,
      requests: w.requests,
      uncounted_rows: w.uncounted_rows,
      current_micros: row.steps.now,
      simulated_micros: row.steps.credits,
      savings_micros: row.savingsMicros,
      reasons: w.reasons,
    })),
    reconciliation: paired('reconciliation rows', report.reconciliation, doc.reconciliation).map(([r, j]) => ({
      model: j.model,
      lane: j.lane,
      rows: j.rows,
      recomputed_micros: r.recomputedMicros,
      reported_micros: r.reportedMicros,
      residual_micros: r.residualMicros,
      flag: j.flag,
    })),
    reconciliation_notes: doc.reconciliation_notes,
    billed_reconciliation:
      report.billed === undefined
        ? null
        : {
            rows: report.billed.rows.map((b) => ({
              model: b.catalog_id,
              day: b.day,
              billed_micros: b.billed_micros,
              recomputed_micros: b.recomputed_micros,
              residual_micros: b.residual_micros,
              flag: b.flag,
            })),
            unattributed_micros: report.billed.unattributedMicros,
            unattributed_names: report.billed.unattributedNames,
          },
    unpriced: {
      models: paired('unpriced models', report.unpriced.models, doc.unpriced.models).map(([m, j]) => {
        const { reported_usd: _reportedUsd, reported_calls: _reportedCalls, ...rest } = j;
        return { ...rest, reported_micros: m.reportedMicros };
      }),
      charges: doc.unpriced.charges,
    },
    notes: doc.notes,
    warnings: doc.warnings,
    daily: series.daily.map((d) => ({ day: d.day, ...splitMicros(d.split) })),
    per_workload_split: series.perRow.map((r) => ({ name: r.name, ...splitMicros(r.split) })),
    waterfall: [
      { step: 'now', micros: st.now },
      { step: 'structural', micros: st.structural },
      { step: 'batch', micros: st.batch },
      { step: 'caching', micros: st.caching },
      { step: 'credits', micros: st.credits },
      { step: 'final', micros: st.credits },
    ],
  };
}
