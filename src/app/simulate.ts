// simulate: the audit's report under a scenario (structural discount, batch share, cache hit rate, credit
// bonus), stacked in that order (src/simulate/stacking.ts).
import { withWorkspace } from '../db/workspace.ts';
import { type AuditOptions, type AuditResult, savingsReport } from './audit.ts';
import { memoryDb } from './progress.ts';

export type SimulateOptions = AuditOptions;

/** `batchable simulate`: the bill with the scenario's levers; the report's steps show each lever's effect. */
export async function simulate(options: SimulateOptions = {}): Promise<AuditResult> {
  return withWorkspace(options.db ?? memoryDb, (ws) => savingsReport(ws, 'simulate', options, options.onProgress));
}
