// `batchable pricing coverage FILES...`: every model id the calls hold, with its calls, what it resolved to and
// by which rules, and what stays unpriced and why, so a user can fix the catalog before trusting the totals.
import type { Workspace } from '../db/types.ts';
import type { Catalog } from './load-catalog.ts';
import { priceCalls } from './price-calls.ts';
import { fixCommand } from './unpriced.ts';

export type CoverageRow = {
  readonly model: string;
  /** the providers the calls name for this model id, comma-separated */
  readonly providers: string;
  readonly calls: bigint;
  /** the catalog id, or null when unpriced */
  readonly catalogId: string | null;
  readonly rules: readonly string[];
  readonly alias: string | undefined;
  /** null when priced */
  readonly unpriced: { readonly reason: string; readonly reportedCalls: bigint; readonly closest: readonly string[]; readonly fix: string } | null;
};

export async function coverage(ws: Workspace, catalog: Catalog): Promise<CoverageRow[]> {
  const result = await priceCalls(ws, catalog);
  // One small aggregate per model id for the providers and reported costs: coverage is a diagnostic, read once.
  const facts = await ws.all<{ model: string; providers: string | null; reported: bigint }>(
    `SELECT model, string_agg(DISTINCT coalesce(provider, '?'), ', ' ORDER BY coalesce(provider, '?')) AS providers,
       count(reported_cost)::BIGINT AS reported
     FROM calls GROUP BY model`,
  );
  const byModel = new Map(facts.map((f) => [f.model, f]));
  const rows: CoverageRow[] = [
    ...result.resolved.map((r) => ({
      model: r.model, providers: r.provider ?? byModel.get(r.model)?.providers ?? '?', calls: r.calls, catalogId: r.catalogId, rules: r.rules, alias: r.alias, unpriced: null,
    })),
    ...result.unpriced.map((u) => ({
      model: u.model, providers: u.provider ?? byModel.get(u.model)?.providers ?? '?', calls: u.calls, catalogId: null, rules: u.rules, alias: undefined,
      unpriced: { reason: u.reason, reportedCalls: byModel.get(u.model)?.reported ?? 0n, closest: u.closest, fix: fixCommand(u.model, u.provider, u.closest) },
    })),
  ];
  return rows.sort((a, b) => (a.calls === b.calls ? a.model.localeCompare(b.model) : a.calls > b.calls ? -1 : 1));
}
