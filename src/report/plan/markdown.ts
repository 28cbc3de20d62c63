// The plan as a markdown checklist a team pastes into a ticket: one section per workload, a box per step.
import type { Plan } from '../../plan/build.ts';
import { markdownText, oneLine } from '../escape.ts';
import { formatUsd } from '../money.ts';
import { formatCount } from '../table.ts';
import { maxOutputText, skippedListed, skippedRest } from './table.ts';

/** Inline text from input: no HTML, links, emphasis or code marks can form (src/report/escape.ts). */
const md = markdownText;
/** A fenced block that no line of the text can close, its control characters visible. */
const fence = (lang: string, text: string) => {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${oneLine(text)}\n${ticks}`;
};

const plural = (n: bigint, word: string) => `${formatCount(n)} ${word}${n === 1n ? '' : 's'}`;

export function renderPlanMarkdown(p: Plan): string {
  const lines: string[] = [];
  const total = p.totals.monthlySavingsMicros === undefined ? `${formatUsd(p.totals.savingsMicros)} in the period` : `${formatUsd(p.totals.monthlySavingsMicros)} per 30 days`;
  lines.push(`# Batch plan: ${p.entries.length} workload${p.entries.length === 1 ? '' : 's'}, ${total}`, '');
  if (p.period.since !== null) lines.push(`Data: ${p.period.since} to ${p.period.until}. Savings as \`batchable audit\` counts them; fixed cost per workload (--min-saving): ${formatUsd(p.minSavingMicros)} per 30 days. Limits checked ${p.limitsCheckedOn}.`, '');
  for (const e of p.entries) {
    const saving = e.money.monthlySavingsMicros === undefined ? `${formatUsd(e.money.savingsMicros)} in the period` : `${formatUsd(e.money.monthlySavingsMicros)} per 30 days`;
    lines.push(`## ${md(e.workload)} → ${md(e.targetName)}: saves ${saving}`, '');
    lines.push(
      e.perDay.requests === null || e.busiestHour.requests === null
        ? `${formatCount(e.perDay.inputTokens)} input tokens a day on ${md(e.model)} (${md(e.operation)}), requests not counted (${plural(e.uncountedRows, 'usage row')} count none); busiest hour ${e.busiestHour.at}: ${formatCount(e.busiestHour.inputTokens)} input tokens.`
        : `${plural(e.perDay.requests, 'request')} a day on ${md(e.model)} (${md(e.operation)}); busiest hour ${e.busiestHour.at}: ${plural(e.busiestHour.requests, 'request')}.`,
      '',
    );
    lines.push(`- [ ] Build one line per request, id \`${md(e.template.idScheme)}\`, ${maxOutputText(e)}:`, '', fence('json', e.template.requestLine).replace(/^/gm, '  '), '');
    lines.push(`- [ ] Send: ${md(e.template.submit)}`);
    lines.push(`- [ ] Schedule: ${md(e.schedule.text)}${e.schedule.jobsPerDay === null ? '' : ` (${e.schedule.jobsPerDay} job${e.schedule.jobsPerDay === 1 ? '' : 's'} a day)`}`);
    lines.push(`- [ ] Read back: ${md(e.template.readBack)}. A result line looks like:`, '', fence('json', e.template.resultLine).replace(/^/gm, '  '), '');
    for (const r of e.risks) lines.push(`- [ ] Check: ${md(r)}`);
    lines.push(`- [ ] Compare the next month's \`batchable audit\`: ${md(e.workload)} should show its calls on the ${e.target === 'openai-flex' ? 'flex' : 'batch'} lane.`, '');
  }
  if (p.skipped.length > 0) {
    lines.push('## Not moved', '');
    for (const s of p.skipped.slice(0, skippedListed)) lines.push(`- ${md(s.workload)}${s.model === null ? '' : ` (${md(s.model)})`}: ${md(s.reason)}`);
    if (skippedRest(p.skipped.length) !== '') lines.push(`- ${md(skippedRest(p.skipped.length))}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
