// The spend splits the HTML report draws (per report row and per day), from the same grouped rows as the
// savings table: spend now, in micro-dollars, bucketed by lane and label.
import { selectSavingsGroups, type GroupBy, type SavingsFilter, type SavingsGroupRow } from '../db/queries/savings.ts';
import type { Workspace } from '../db/workspace.ts';
import type { HtmlSeries, MicroSplit } from './html/from-report.ts';
import type { Report } from './model.ts';
import { picoToMicros } from '../pricing/units.ts';

type Part = keyof MicroSplit;

/** Spend now of a group: tokens x billed rates, pico-dollars. */
const nowPico = (g: SavingsGroupRow): bigint =>
  g.in_tok * g.bil_in + g.cr_tok * g.bil_cr + g.cw5_tok * g.bil_cw5 + g.cw1h_tok * g.bil_cw1h + g.out_tok * g.bil_out + g.chg_bil_pico;

/** Same buckets as the savings report's pools: only non-blocking, batch-eligible synchronous work is "batchable". */
function partOf(g: SavingsGroupRow): Part {
  if (!g.synchronous) return 'batch';
  if (g.label === 'blocking') return 'blocking';
  return g.batch_eligible && g.has_batch_rates ? 'batchableSync' : 'otherSync';
}

function splits(groups: readonly SavingsGroupRow[]): Map<string, MicroSplit> {
  const pico = new Map<string, Record<Part, bigint>>();
  for (const g of groups) {
    const acc = pico.get(g.name) ?? { blocking: 0n, batchableSync: 0n, batch: 0n, otherSync: 0n };
    acc[partOf(g)] += nowPico(g);
    pico.set(g.name, acc);
  }
  return new Map(
    [...pico].map(([name, p]) => [
      name,
      { blocking: picoToMicros(p.blocking), batchableSync: picoToMicros(p.batchableSync), batch: picoToMicros(p.batch), otherSync: picoToMicros(p.otherSync) },
    ]),
  );
}

export async function htmlSeries(ws: Workspace, report: Report, by: GroupBy, filter: SavingsFilter): Promise<HtmlSeries> {
  const perRow = splits(await selectSavingsGroups(ws, by, filter));
  const daily = splits(await selectSavingsGroups(ws, 'day', filter));
  const empty: MicroSplit = { blocking: 0n, batchableSync: 0n, batch: 0n, otherSync: 0n };
  return {
    perRow: report.rows.map((r) => ({ name: r.name, split: perRow.get(r.name) ?? empty })),
    daily: [...daily].sort(([a], [b]) => a.localeCompare(b)).map(([day, split]) => ({ day, split })),
    steps: report.totals.steps,
  };
}
