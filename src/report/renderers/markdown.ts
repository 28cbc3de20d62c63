// Markdown: the same table as the terminal, as a GitHub pipe table, with the notes as lists.
import type { Report, Style } from '../model.ts';
import { markdownText, visible } from '../escape.ts';
import { billedTitle, renderBilledReconciliation } from '../billed.ts';
import { reconciliationLines, reconciliationSpec, reconciliationTitle } from '../reconciliation.ts';
import type { TableSpec } from '../table.ts';
import { footerLines, savingsColumns } from './columns.ts';
import { unpricedSummary, unpricedTable, unpricedTitle } from '../unpriced.ts';

/** Every cell and list item: names, models and reasons can come from input (HTML, links, pipes, controls). */
const cell = markdownText;

/** A TableSpec as a GitHub pipe table (numbers right-aligned, the footer bold). */
function pipeTable(spec: TableSpec): string[] {
  const line = (cells: readonly string[], bold = false) => `| ${cells.map((c) => (bold && c !== '' ? `**${cell(c)}**` : cell(c))).join(' | ')} |`;
  const lines = [line(spec.head), `|${spec.align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`, ...spec.rows.map((r) => line(r))];
  if (spec.footer) lines.push(line(spec.footer, true));
  return lines;
}

export function renderMarkdown(report: Report, style: Style): string {
  const lines = pipeTable(savingsColumns(report, style.top));
  const f = footerLines(report);
  const list = (title: string, items: readonly string[]) => (items.length > 0 ? ['', `**${title}**`, '', ...items.map((i) => `- ${cell(i)}`)] : []);
  lines.push(...(f.period.length > 0 ? ['', ...f.period.map((p) => `${cell(p)}  `)] : []));
  lines.push(...list('Assumptions', f.assumptions), ...list('Notes (where batch would not pay, or needs care)', f.notes), ...list('Warnings', f.warnings));
  const summary = unpricedSummary(report.unpriced);
  if (summary !== '') {
    lines.push('', `**${unpricedTitle}**`, '', cell(summary));
    if (report.unpriced.models.length > 0) {
      lines.push('', ...pipeTable(unpricedTable(report.unpriced)));
    }
  }
  if (report.reconciliation.length > 0) {
    const notes = reconciliationLines(report.reconciliation, report.reconciliationNotes);
    lines.push('', `**${reconciliationTitle}**`, '', ...pipeTable(reconciliationSpec(report.reconciliation)), ...notes.flatMap((n) => ['', cell(n)]));
  }
  const billed = renderBilledReconciliation(report.billed, style);
  if (billed !== '') lines.push('', `**${billedTitle}**`, '', '```', visible(billed.trimEnd()).replaceAll('```', '`\u200b``'), '```');
  return `${lines.join('\n')}\n`;
}
