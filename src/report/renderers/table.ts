// The terminal renderer: the savings table (cli-table3), then period, assumptions and notes. Warnings go to
// stderr (src/cli/audit.ts), not here: stdout is data.
import { Chalk } from 'chalk';
import type { Report, Style } from '../model.ts';
import { billedTitle, renderBilledReconciliation } from '../billed.ts';
import { reconciliationTitle, renderReconciliation } from '../reconciliation.ts';
import { renderTable as table, wrapItem } from '../table.ts';
import { oneLine, visible } from '../escape.ts';
import { footerLines, savingsColumns } from './columns.ts';
import { unpricedSummary, unpricedTable, unpricedTitle } from '../unpriced.ts';

export function renderTable(report: Report, style: Style): string {
  const paint = new Chalk({ level: style.color ? 1 : 0 });
  const f = footerLines(report);
  const out = [table(savingsColumns(report, style.top), style)];
  // Lines that quote input (models, names, rules) show its control characters rather than obey them.
  const block = (lines: readonly string[]) => (lines.length > 0 ? out.push(`${lines.map(oneLine).join('\n')}\n`) : 0);
  block(f.period);
  block(f.assumptions);
  // Notes are sentences: wrapped to the width (not by the terminal mid-word), unless --wide.
  if (f.notes.length > 0) out.push(`Notes (where batch would not pay, or needs care):\n${f.notes.map((n) => wrapItem(`- ${oneLine(n)}`, style.columns, '  ', style.wide === true)).join('')}`);
  const summary = unpricedSummary(report.unpriced);
  if (summary !== '') {
    out.push(`${paint.bold(unpricedTitle)}\n${wrapItem(oneLine(summary), style.columns, '', style.wide === true)}${report.unpriced.models.length > 0 ? table(unpricedTable(report.unpriced), style) : ''}`);
  }
  if (report.reconciliation.length > 0) out.push(`${paint.bold(reconciliationTitle)}\n${visible(renderReconciliation(report.reconciliation, style, report.reconciliationNotes))}`);
  const billed = renderBilledReconciliation(report.billed, style);
  if (billed !== '') out.push(`${paint.bold(billedTitle)}\n${visible(billed)}`);
  return out.join('\n');
}
