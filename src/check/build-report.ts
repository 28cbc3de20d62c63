// The check report from an analysed workspace: measure in SQL, evaluate the limits, rank the workloads.
import type { Workspace } from '../db/types.ts';
import { UsageError } from '../errors.ts';
import { formatUsd } from '../report/money.ts';
import { ratio, toNumber, zero } from '../simulate/fraction.ts';
import { selectUnpriced, unpricedTotals, type Unpriced } from '../pricing/unpriced.ts';
import type { Baseline } from './baseline.ts';
import { evaluate, measure, type Measures, rankingFor, toMicros } from './evaluate.ts';
import type { CheckRequest } from './limits.ts';
import { selectCheckTotals, selectTopWorkloads } from './measure.ts';
import type { CheckReport } from './report.ts';

/** How many workloads the report names under the verdict. */
const topWorkloadCount = 5;

function describeFilter(parsed: CheckRequest): string {
  const f = parsed.filter;
  const parts = [
    f.since === undefined ? '' : `--since ${f.since}`,
    f.until === undefined ? '' : `--until ${f.until}`,
    ...f.workloads.map((w) => `--workload ${w}`),
  ].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` matching ${parts.join(' ')}`;
}

function notesFor(m: Measures): string[] {
  const notes: string[] = [];
  if (m.uncountedRows > 0n) {
    notes.push(
      `${m.uncountedRows} bucket row${m.uncountedRows === 1n ? '' : 's'} without a request count (${formatUsd(m.uncountedMicros)} of spend) left out of the requests basis (sync_share_requests); the spend basis counts them`,
    );
  }
  if (m.period.lastMs - m.period.firstMs < m.period.normalisingMs) {
    notes.push('the data covers less than a day; avoidable spend per 30 days is scaled from 1 day (the floor), not from the few hours seen');
  }
  return notes;
}

/** When the catalog could not price some calls, the gate says so (whatever the thresholds). */
function unpricedNotes(u: Unpriced, m: Measures): string[] {
  const left = u.models.filter((x) => x.unpricedRequests > 0n);
  if (left.length === 0) return [];
  const names = left.slice(0, 3).map((x) => `"${x.model}"`).join(', ') + (left.length > 3 ? ` and ${left.length - 3} more` : '');
  return [
    `${m.unpricedRequests} requests (${(toNumber(m.unpricedShare, 6) * 100).toFixed(1)}%) of ${left.length} model id${left.length > 1 ? 's' : ''} with no catalog price (${names}) are left out of these measures` +
      `${u.models.some((x) => x.reportedMicros !== null) ? '; calls whose source reported a cost are counted at it' : ''}; run \`batchable pricing coverage\` for the fix lines (or gate on it: --max-unpriced-share)`,
  ];
}

export async function buildCheckReport(ws: Workspace, parsed: CheckRequest, baseline: Baseline | undefined): Promise<CheckReport> {
  const totals = await selectCheckTotals(ws, parsed.filter);
  if (totals.rows === 0n) {
    throw new UsageError(`nothing to check: no priced calls in the workspace${describeFilter(parsed)}; pass usage exports (batchable check <files...>) or widen the filters`);
  }
  const unpriced = await selectUnpriced(ws, parsed.filter);
  const m = measure(totals, unpricedTotals(unpriced).unpricedRequests);
  if (parsed.limits.maxSyncShare !== undefined && parsed.limits.basis === 'requests' && m.shares.sync_share_requests === null) {
    throw new UsageError(
      `--basis requests: none of the ${totals.rows} rows has a request count (the source reports tokens per bucket only); use --basis spend`,
    );
  }
  const thresholds = evaluate(m, parsed.limits, baseline);
  const rankedBy = rankingFor(thresholds);
  const top = await selectTopWorkloads(ws, parsed.filter, rankedBy, topWorkloadCount);
  const spendPico = totals.spend_pico;
  return {
    verdict: thresholds.every((t) => t.passed) ? 'pass' : 'fail',
    thresholds,
    measures: m,
    rankedBy,
    topWorkloads: top.map((w) => ({
      name: w.workload,
      spendMicros: toMicros(w.spend_pico),
      syncMicros: toMicros(w.sync_pico),
      avoidableMicros: toMicros(w.avoidable_pico),
      syncShare: ratio(w.sync_pico, spendPico) ?? zero,
      avoidableShare: ratio(w.avoidable_pico, spendPico) ?? zero,
    })),
    notes: [...notesFor(m), ...unpricedNotes(unpriced, m)],
  };
}
