// explain: label the workspace (or reuse its stored labels) and say why one call or one workload got its label.
import { loadRules } from '../classify/index.ts';
import { ensureLabels } from './analysis-cache.ts';
import { type Explanation, explainTarget } from '../classify/explain.ts';
import { withWorkspace } from '../db/workspace.ts';
import { explainPricing, type PricingLine } from '../pricing/describe.ts';
import { loadCatalog } from '../pricing/index.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type ExplainOptions = WorkspaceOption & {
  /** A call id, or a workload name. */
  readonly target: string;
  /** The rules file the labels were decided with, if any. */
  readonly rules?: string | undefined;
  /** User catalogs and aliases (aliases.json) over the bundled catalog, to say how the models are priced. */
  readonly pricingDir?: string | undefined;
};

export type { Explanation };

/** The signals, the deciding rule or heuristic, the confidence, and what would change the label. */
export async function explain(options: ExplainOptions): Promise<Explanation & { readonly pricing: readonly PricingLine[] }> {
  const rules = await loadRules(options.rules);
  const catalog = await loadCatalog({ pricingDir: options.pricingDir });
  return withWorkspace(options.db ?? memoryDb, async (ws) => {
    await ensureLabels(ws, rules); // labels kept from an earlier run are reused when nothing changed
    const explanation = await explainTarget(ws, options.target, options.rules);
    const target = explanation.kind === 'call' ? { callId: explanation.call.call_id } : { workload: explanation.workload.workload };
    return { ...explanation, pricing: await explainPricing(ws, catalog, target) };
  });
}
