// GitHub Actions integration: workflow-command annotations for breaches (::error::) and near misses
// (::warning::), and the markdown report appended to the job's step summary. The environment is a parameter
// so tests pass their own; nothing here reads process.env.
import { appendFileSync } from 'node:fs';
import { formatUsd } from '../report/money.ts';
import type { CheckReport } from './report.ts';
import { formatValue, percent, renderCheckMarkdown, thresholdLabel } from './report.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export const inGitHubActions = (env: Env): boolean => env.GITHUB_ACTIONS === 'true';

/** Workflow-command data escaping (%, CR, LF), as the Actions toolkit does it. */
const escapeData = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

/** One annotation line per breached threshold, and per threshold that holds within 10% of its limit. */
export function annotations(report: CheckReport): string[] {
  const top = report.topWorkloads[0];
  const largest =
    top === undefined
      ? ''
      : ` (largest: ${top.name}, ${report.rankedBy === 'avoidable' ? `${formatUsd(top.avoidableMicros)} avoidable, ${percent(top.avoidableShare)}` : `${formatUsd(top.syncMicros)} synchronous, ${percent(top.syncShare)}`} of spend)`;
  const lines: string[] = [];
  for (const r of report.thresholds) {
    const measured = `${r.title} ${formatValue(r, 'value')}, limit ${formatValue(r, 'limit')}`;
    if (!r.passed) lines.push(`::error::${escapeData(`batchable check: ${thresholdLabel(r)} breached: ${measured}${largest}`)}`);
    else if (r.nearLimit) lines.push(`::warning::${escapeData(`batchable check: ${thresholdLabel(r)} is within 10% of its limit: ${measured}`)}`);
  }
  return lines;
}

/**
 * Appends the markdown report to $GITHUB_STEP_SUMMARY. A summary that cannot be written is a warning, not a
 * failure: the verdict (the exit code) must not depend on a cosmetic file.
 */
export function appendStepSummary(report: CheckReport, env: Env): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return undefined;
  try {
    appendFileSync(file, `${renderCheckMarkdown(report)}\n`);
    return undefined;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return `GITHUB_STEP_SUMMARY=${file}: cannot append the check summary (${why})`;
  }
}
