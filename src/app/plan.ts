// `batchable plan`: analyse (ingest, label, price), then the plan: per workload worth moving, where it goes, how
// many jobs a day, when to submit, what it saves, the request lines and the risks. Returns data; never prints.
import { assertTimeZone, type SavingsFilter } from '../db/queries/savings.ts';
import type { Workspace } from '../db/types.ts';
import { withWorkspace } from '../db/workspace.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { buildPlan, type Plan } from '../plan/build.ts';
import { selectPeriod, selectPlanGroups } from '../plan/query.ts';
import { analyse, type AnalyseOptions } from './analyse.ts';
import { defaultMinSavingMicros } from './audit.ts';
import { memoryDb, type OnProgress, type WorkspaceOption } from './progress.ts';

export type PlanOptions = AnalyseOptions &
  WorkspaceOption & {
    /** The audit's scope: period (calendar dates in tz, until inclusive) and workloads; default everything, UTC. */
    readonly filter?: SavingsFilter | undefined;
    /** The plumbing's fixed cost per 30 days (--min-saving), micro-dollars; default $10. */
    readonly minSavingMicros?: bigint | undefined;
  };

export type PlanResult = { readonly plan: Plan; readonly ingest: IngestSummary | undefined };

/** The plan from a workspace: analyse it, then one SQL pass over the labelled and priced calls. */
export async function planWorkspace(ws: Workspace, options: PlanOptions, onProgress?: OnProgress): Promise<PlanResult> {
  const filter = options.filter ?? { tz: 'UTC', workloads: [] };
  await assertTimeZone(ws, filter.tz);
  const analysis = await analyse(ws, options, onProgress);
  const period = await selectPeriod(ws, filter);
  const groups = await selectPlanGroups(ws, filter);
  // Flex is served on the models whose catalog entries publish a flex price, not on every OpenAI model.
  const flexModels = new Set([...(await analysis.prices()).models.values()].filter((m) => m.entries.some((e) => e.entry.lanes?.flex !== undefined)).map((m) => m.id));
  return { plan: buildPlan(groups, { minSavingMicros: options.minSavingMicros ?? defaultMinSavingMicros, period, flexModels }), ingest: analysis.ingest };
}

export async function plan(options: PlanOptions = {}): Promise<PlanResult> {
  return withWorkspace(options.db ?? memoryDb, (ws) => planWorkspace(ws, options, options.onProgress));
}
