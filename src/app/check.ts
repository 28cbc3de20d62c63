// check: the CI gate's measurements and verdict, as data. Failing the build (exit 1), annotating GitHub and
// rendering are the CLI's (src/cli/check-run.ts).
import { readBaseline } from '../check/baseline.ts';
import { buildCheckReport } from '../check/build-report.ts';
import type { CheckLimits } from '../check/limits.ts';
import type { CheckReport } from '../check/report.ts';
import { assertTimeZone, type SavingsFilter } from '../db/queries/savings.ts';
import { withWorkspace } from '../db/workspace.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { analyse, type AnalyseOptions } from './analyse.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type CheckOptions = Omit<AnalyseOptions, 'exportCalls'> &
  WorkspaceOption & {
    /** The limits; at least one is set (baselineFile with maxIncreasePoints counts). */
    readonly limits: CheckLimits;
    /** Period and workloads; default: everything, UTC. */
    readonly filter?: SavingsFilter | undefined;
  };

export type CheckResult = { readonly report: CheckReport; readonly ingest: IngestSummary | undefined };

/** `batchable check`: the verdict (`report.verdict`), each threshold's result, and the workloads behind them. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const request = { filter: options.filter ?? { tz: 'UTC', workloads: [] }, limits: options.limits };
  // Read the baseline before any work: a bad baseline is an input error whatever the data says.
  const baseline = options.limits.baselineFile === undefined ? undefined : readBaseline(options.limits.baselineFile);
  return withWorkspace(options.db ?? memoryDb, async (ws) => {
    await assertTimeZone(ws, request.filter.tz);
    const analysis = await analyse(ws, options, options.onProgress);
    return { report: await buildCheckReport(ws, request, baseline), ingest: analysis.ingest };
  });
}
