// Glue for the pipeline: the JSON report object plus three series in integer micro-dollars -> the page's
// input. Money becomes a USD number only here, through the same usdNumber the JSON renderer uses, so the
// page and `--format json` print from identical numbers.
import type { MicroSteps } from '../model.ts';
import { usdNumber } from '../money.ts';
import type { HtmlReportInput, SpendSplit } from './input.ts';

/**
 * Spend now split by label and lane, micro-dollars. Bucket each call (or savings group) by:
 * lane not synchronous (batch, flex) -> batch; synchronous and label blocking -> blocking;
 * synchronous, non_blocking and batch_eligible -> batchableSync; synchronous, non_blocking, not eligible -> otherSync.
 */
export type MicroSplit = { readonly blocking: bigint; readonly batchableSync: bigint; readonly batch: bigint; readonly otherSync: bigint };

/** The JSON report fields the page reads (what `reportJson` returns, typed). */
export type JsonReportForHtml = Omit<HtmlReportInput, 'daily' | 'per_workload_split' | 'waterfall'>;

export type HtmlSeries = {
  readonly daily: readonly { readonly day: string; readonly split: MicroSplit }[];
  readonly perRow: readonly { readonly name: string; readonly split: MicroSplit }[];
  /** Report totals' cumulative steps (Totals.steps). */
  readonly steps: MicroSteps;
};

const splitUsd = (s: MicroSplit): SpendSplit<object> => ({
  blocking_usd: usdNumber(s.blocking),
  batchable_sync_usd: usdNumber(s.batchableSync),
  batch_usd: usdNumber(s.batch),
  other_sync_usd: usdNumber(s.otherSync),
});

export function htmlInput(json: JsonReportForHtml, series: HtmlSeries): HtmlReportInput {
  const st = series.steps;
  return {
    ...json,
    daily: series.daily.map((d) => ({ day: d.day, ...splitUsd(d.split) })),
    per_workload_split: series.perRow.map((r) => ({ name: r.name, ...splitUsd(r.split) })),
    waterfall: [
      { step: 'now', usd: usdNumber(st.now) },
      { step: 'structural', usd: usdNumber(st.structural) },
      { step: 'batch', usd: usdNumber(st.batch) },
      { step: 'caching', usd: usdNumber(st.caching) },
      { step: 'credits', usd: usdNumber(st.credits) },
      { step: 'final', usd: usdNumber(st.credits) },
    ],
  };
}
