// The whole of `batchable check` after commander: validate flags, read the baseline, analyse (ingest ->
// classify -> price), measure in SQL, decide, print, annotate, and fail with exit 1 on a breach.
import type { Io } from '../cli/io.ts';
import { withWorkspace, type Workspace } from '../db/workspace.ts';
import { CheckFailed, UsageError } from '../errors.ts';
import { type AnalysisFlags, analyse } from '../pipeline.ts';
import { formatUsd } from '../report/money.ts';
import { ratio, zero } from '../simulate/fraction.ts';
import { type Baseline, readBaseline } from './baseline.ts';
import { evaluate, measure, type Measures, rankingFor, toMicros } from './evaluate.ts';
import { type CheckFlags, type ParsedCheckFlags, parseCheckFlags } from './flags.ts';
import { annotations, appendStepSummary, type Env, inGitHubActions } from './github.ts';
import { assertTimeZone } from '../db/queries/savings.ts';
import { selectCheckTotals, selectTopWorkloads } from './measure.ts';
import { type CheckReport, renderCheck, thresholdLabel } from './report.ts';

export type CheckCommandFlags = CheckFlags & Pick<AnalysisFlags, 'inputFormat' | 'map' | 'strict' | 'rules' | 'pricingDir'> & { db: string };

/** How many workloads the report names under the verdict. */
const topWorkloadCount = 5;

function describeFilter(parsed: ParsedCheckFlags): string {
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

export async function buildCheckReport(ws: Workspace, parsed: ParsedCheckFlags, baseline: Baseline | undefined): Promise<CheckReport> {
  const totals = await selectCheckTotals(ws, parsed.filter);
  if (totals.rows === 0n) {
    throw new UsageError(`nothing to check: no priced calls in the workspace${describeFilter(parsed)}; pass usage exports (batchable check <files...>) or widen the filters`);
  }
  const m = measure(totals);
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
    notes: notesFor(m),
  };
}

/** Runs the gate. `env` is the process environment by default; tests pass their own. */
export async function runCheck(io: Io, files: readonly string[], flags: CheckCommandFlags, env: Env): Promise<void> {
  const parsed = parseCheckFlags(flags);
  // Read the baseline before any work: a bad baseline is exit 2 whatever the data says.
  const baseline = parsed.limits.baselineFile === undefined ? undefined : readBaseline(parsed.limits.baselineFile);
  const analysisFlags: AnalysisFlags = { inputFormat: flags.inputFormat, map: flags.map, strict: flags.strict, rules: flags.rules, pricingDir: flags.pricingDir };
  const report = await withWorkspace(flags.db, async (ws) => {
    await assertTimeZone(ws, parsed.filter.tz);
    await analyse(ws, io, files, analysisFlags);
    return buildCheckReport(ws, parsed, baseline);
  });

  io.out(renderCheck(report, parsed.format, io.style));
  if (inGitHubActions(env)) {
    // Workflow commands are read from stdout and stderr alike; with --format json they go to stderr so
    // stdout stays a parseable document (the next run's --baseline).
    const emit = parsed.format === 'json' ? io.err : io.out;
    for (const line of annotations(report)) emit(`${line}\n`);
    const problem = appendStepSummary(report, env);
    if (problem !== undefined) io.err(`warning: ${problem}\n`);
  }

  const breached = report.thresholds.filter((t) => !t.passed);
  if (breached.length > 0) {
    throw new CheckFailed(`check failed: ${breached.map(thresholdLabel).join(', ')} over the limit (exit 1)`);
  }
}
