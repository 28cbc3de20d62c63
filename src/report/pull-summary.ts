// What a pull says: the windows fetched and the raw files written, before the ingest summary.
import type { OpenrouterPullResult } from '../pull/openrouter.ts';
import type { PullOutcome } from '../pull/outcome.ts';
import { renderIngestSummary } from './ingest-summary.ts';
import type { PullResult } from '../pull/run.ts';
import { formatDecimal } from '../pull/decimal-sum.ts';
import { describeRange } from '../pull/time.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function renderPullSummary(result: PullResult): string {
  const { plan, windows } = result;
  const id = plan.source.id;
  const lines: string[] = [];
  if (plan.defaultedSince) lines.push(`${id}: first pull without --since: fetching from ${describeRange(plan.requested).split('–')[0]} (the last 7 days)`);
  const complete = windows.filter((w) => w.kind === 'complete');
  if (complete.length === 0) lines.push(`${id}: no new complete window to fetch; resuming from ${describeRange(plan.requested).split('–')[0]}`);
  for (const w of windows) {
    const cost = w.reportedUsd === undefined ? '' : `, $${formatDecimal(w.reportedUsd)} reported`;
    const what = (plan.source.granularity === 'buckets' ? `${plural(w.buckets, 'bucket')}, ${plural(w.records, 'row')}` : plural(w.records, 'call')) + cost;
    const note =
      w.kind === 'complete'
        ? ''
        : w.kind === 'partial'
          ? ' (recent, not settled: ingested; fetched again next time, its calls then counted as duplicates)'
          : ' (recent, not settled: held back from ingest until complete; fetched again next time)';
    lines.push(`${id}: ${describeRange(w.range)}: ${plural(w.pages, 'page')}, ${what} -> ${w.file}${note}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderOpenrouterSummary(r: OpenrouterPullResult): string {
  const parts = [`${plural(r.requested, 'id')} in the file`, `${plural(r.alreadyHeld, 'id')} fetched before`, `${plural(r.fetched, 'generation')} fetched`];
  const lines = [`openrouter: ${parts.join(', ')}${r.file === undefined ? '' : ` -> ${r.file}`}`];
  if (r.notFound.length > 0) {
    const shown = r.notFound.slice(0, 5).join(', ');
    lines.push(`openrouter: ${plural(r.notFound.length, 'id')} not found (yet), asked for again next pull: ${shown}${r.notFound.length > 5 ? ', …' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A pull's whole summary: what was fetched and written, then what the ingest added. */
export function renderPullOutcome(outcome: PullOutcome): string {
  const head = outcome.kind === 'windows' ? renderPullSummary(outcome.result) : renderOpenrouterSummary(outcome.result);
  return head + renderIngestSummary(outcome.result.ingest);
}
