// Markdown: the same table as the terminal, as a GitHub pipe table, with the notes as lists.
import type { Report, Style } from '../model.ts';
import { footerLines, savingsColumns } from './columns.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderMarkdown(report: Report, _style: Style): string {
  const spec = savingsColumns(report);
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const lines = [line(spec.head), `|${spec.align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`, ...spec.rows.map(line)];
  if (spec.footer) lines.push(line(spec.footer.map((c) => (c === '' ? '' : `**${c}**`))));
  const f = footerLines(report);
  const list = (title: string, items: readonly string[]) => (items.length > 0 ? ['', `**${title}**`, '', ...items.map((i) => `- ${cell(i)}`)] : []);
  lines.push(...(f.period.length > 0 ? ['', ...f.period.map((p) => `${cell(p)}  `)] : []));
  lines.push(...list('Assumptions', f.assumptions), ...list('Notes (where batch would not pay, or needs care)', f.notes), ...list('Warnings', f.warnings));
  for (const s of report.sections) lines.push('', `**${s.title}**`, '', '```', s.text.trimEnd(), '```');
  return `${lines.join('\n')}\n`;
}
