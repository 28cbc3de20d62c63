// The plan in a terminal: one overview table (workload, where it goes, jobs a day, saving), then per workload
// its volume, jobs, submission times, money, request and result lines and risks, then what does not move.
import { unknownMaxOutputTokens, type Plan, type PlanEntry } from '../../plan/build.ts';
import { oneLine } from '../escape.ts';
import type { Style } from '../model.ts';
import { formatUsd } from '../money.ts';
import { formatCount, renderTable, wrapItem } from '../table.ts';

const short: Record<PlanEntry['target'], string> = {
  'openai-batch': 'OpenAI Batch',
  'openai-flex': 'OpenAI flex',
  'anthropic-message-batches': 'Anthropic Batches',
  'gemini-batch': 'Gemini Batch',
  'vertex-batch-prediction': 'Vertex batch',
  'bedrock-batch-inference': 'Bedrock batch',
};

/** Workloads the plan does not move, listed by name (largest saving first); the rest are counted in one line. */
export const skippedListed = 20;

/** The line that counts the workloads past skippedListed ('' when every one is listed): 200,000 were 400,000 lines. */
export const skippedRest = (n: number): string =>
  n > skippedListed ? `… ${formatCount(n - skippedListed)} more workloads not moved, each saving no more than those above (--format json lists every one)` : '';

/** 1,234,567 -> 1.2M: volumes are read at a glance, the JSON keeps the exact figures. */
export function compact(n: bigint): string {
  const v = Number(n);
  if (v >= 1e9) return `${(v / 1e9).toFixed(1)}B`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (v >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  return formatCount(n);
}

const monthly = (m: bigint | undefined) => (m === undefined ? '–' : formatUsd(m));
const mb = (bytes: bigint) => `${(Number(bytes) / (1024 * 1024)).toFixed(1)} MB`;

/** The request line's max output, or that it is a placeholder where nothing shows a request's output. */
export const maxOutputText = (e: PlanEntry): string =>
  e.maxOutputTokens.suggested === null
    ? `max output unknown (${unknownMaxOutputTokens} tokens in the line is a placeholder: set your calls' own)`
    : `max output ${e.maxOutputTokens.suggested} tokens`;

function jobsText(e: PlanEntry): string {
  const s = e.schedule;
  if (s.jobsPerDay === null || s.busiestSubmission === null) return 'no jobs: synchronous requests at flex rates';
  const per = s.jobsPerSubmission === 1 ? 'one job' : `${s.jobsPerSubmission} jobs`;
  const why = s.limitedBy === 'none' ? 'within every limit' : `split by the ${s.limitedBy} limit`;
  // Rows that count no requests: the size is a floor (their envelopes are not counted), the request count unknown.
  const size = s.busiestSubmission.requests === null ? `at least ~${mb(s.busiestSubmission.bytes)}, requests not counted` : `${formatCount(s.busiestSubmission.requests)} requests, ~${mb(s.busiestSubmission.bytes)}`;
  return `${per} per submission, ${s.jobsPerDay} a day (busiest submission: ${size}, ${why})`;
}

export function renderPlanTable(p: Plan, style: Style): string {
  // Workload and model names come from input: every line goes out with its control characters made visible.
  const wrap = (text: string, indent = '   ') => wrapItem(oneLine(text), style.columns, indent, style.wide === true);
  const out: string[] = [];
  if (p.entries.length === 0) {
    out.push('No workload is worth moving: nothing non-blocking on a synchronous lane saves more than --min-saving ' + `${formatUsd(p.minSavingMicros)} per 30 days.\n`);
  } else {
    out.push(
      renderTable(
        {
          head: ['workload', 'goes to', 'jobs a day', 'saving', 'per 30 days'],
          align: ['left', 'left', 'right', 'right', 'right'],
          rows: p.entries.map((e) => [e.workload, short[e.target], e.schedule.jobsPerDay === null ? 'flex' : String(e.schedule.jobsPerDay), formatUsd(e.money.savingsMicros), monthly(e.money.monthlySavingsMicros)]),
          footer: ['total', '', String(p.totals.jobsPerDay), formatUsd(p.totals.savingsMicros), monthly(p.totals.monthlySavingsMicros)],
        },
        style,
      ),
    );
  }
  if (p.period.since !== null) {
    const days = p.period.seconds === null ? '' : ` (${(Number(p.period.seconds) / 86_400).toFixed(1)} days)`;
    out.push(wrap(`Period: ${p.period.since} to ${p.period.until}${days}. Savings as \`audit\` counts them (catalog batch or flex rates); after the plumbing's fixed cost of ${formatUsd(p.minSavingMicros)} per 30 days (--min-saving) per workload: ${formatUsd(p.totals.afterFixedMicros)}.`, ''));
  }
  p.entries.forEach((e, i) => {
    const lines = [oneLine(`${i + 1}. ${e.workload} -> ${e.targetName} (${e.model}, ${e.operation})`)];
    const item = (label: string, text: string) => lines.push(wrap(`${label}: ${text}`).trimEnd());
    const tokensADay = `${compact(e.perDay.inputTokens)} input and ${compact(e.perDay.outputTokens)} output tokens a day`;
    item(
      'Volume',
      e.requests === null || e.perDay.requests === null || e.busiestHour.requests === null
        ? `${tokensADay} on ${e.schedule.activeDays} days; requests not counted (${formatCount(e.uncountedRows)} usage rows count none); busiest hour ${e.busiestHour.at}: ${compact(e.busiestHour.inputTokens)} input tokens`
        : `${formatCount(e.perDay.requests)} requests, ${tokensADay} (${formatCount(e.requests)} requests on ${e.schedule.activeDays} days); busiest hour ${e.busiestHour.at}: ${formatCount(e.busiestHour.requests)} requests, ${compact(e.busiestHour.inputTokens)} input tokens`,
    );
    item('Jobs', jobsText(e));
    item('Submit', e.schedule.text);
    item('Saving', `${formatUsd(e.money.savingsMicros)} in the period (${formatUsd(e.money.nowMicros)} now, ${formatUsd(e.money.targetMicros)} on ${short[e.target]})${e.money.monthlySavingsMicros === undefined ? '' : `, ${formatUsd(e.money.monthlySavingsMicros)} per 30 days`}; ${formatUsd(e.money.afterFixedMicros)} after the plumbing's fixed cost`);
    // Lines to copy stay whole (never wrapped inside a JSON string), each on a line of its own.
    lines.push(`   Request line:\n     ${oneLine(e.template.requestLine)}`, `   Result line:\n     ${oneLine(e.template.resultLine)}`);
    item('Ids', `${e.template.idScheme}; ${maxOutputText(e)} (largest seen ${e.maxOutputTokens.observedMax ?? '?'}, 95th percentile ${e.maxOutputTokens.p95 ?? '?'})`);
    item('Send', e.template.submit);
    item('Read back', e.template.readBack);
    if (e.risks.length > 0) {
      lines.push('   Risks:');
      for (const r of e.risks) lines.push(wrap(`- ${r}`, '     ').trimEnd());
    }
    out.push(`${lines.join('\n')}\n`);
  });
  if (p.skipped.length > 0) {
    const listed = p.skipped.slice(0, skippedListed).map((s) => wrap(`- ${s.workload}${s.model === null ? '' : ` (${s.model})`}: ${s.reason}`, '  '));
    out.push(`Not moved:\n${listed.join('')}${skippedRest(p.skipped.length) === '' ? '' : wrap(`- ${skippedRest(p.skipped.length)}`, '  ')}`);
  }
  if (p.targets.length > 0) {
    const limits = p.targets.map((t) => {
      const parts = [
        t.maxRequestsPerJob.value === null ? null : `${formatCount(t.maxRequestsPerJob.value)} requests`,
        t.maxBytesPerJob.value === null ? null : `${Math.round(t.maxBytesPerJob.value / (1024 * 1024))} MB`,
        t.maxEmbeddingInputsPerJob === undefined ? null : `${formatCount(t.maxEmbeddingInputsPerJob.value)} embedding inputs`,
      ].filter((x) => x !== null);
      return `- ${t.name}: ${parts.length > 0 ? `${parts.join(', ')} per job` : 'no per-job limit published'}${t.windowHours === null ? '' : `, ${t.windowHours.value} h window`} (${t.docs})`;
    });
    out.push(`Limits used (checked ${p.limitsCheckedOn}; the sources are in src/plan/limits.ts and the JSON):\n${limits.map((l) => wrap(l, '  ')).join('')}`);
  }
  return out.join('\n');
}
