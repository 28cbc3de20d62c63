// explain: re-label the workspace and say why one call or one workload got its label.
import { classifyCalls, loadRules } from '../classify/index.ts';
import { type Explanation, explainTarget } from '../classify/explain.ts';
import { withWorkspace } from '../db/workspace.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type ExplainOptions = WorkspaceOption & {
  /** A call id, or a workload name. */
  readonly target: string;
  /** The rules file the labels were decided with, if any. */
  readonly rules?: string | undefined;
};

export type { Explanation };

/** The signals, the deciding rule or heuristic, the confidence, and what would change the label. */
export async function explain(options: ExplainOptions): Promise<Explanation> {
  const rules = await loadRules(options.rules);
  return withWorkspace(options.db ?? memoryDb, async (ws) => {
    await classifyCalls(ws, rules);
    return explainTarget(ws, options.target, options.rules);
  });
}
