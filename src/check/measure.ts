// What `check` measures, in one pass of SQL over labels (label_keys, label_outcomes) x priced_calls: spend on synchronous lanes,
// spend that nobody waits on but is still billed synchronously, request counts, and the period covered.
// Money stays integer pico-dollars (HUGEINT) here; the caller turns it into exact fractions.
import { InternalError } from '../errors.ts';
import { scopeSql } from '../db/queries/savings.ts';
import type { Params, Workspace } from '../db/workspace.ts';
import type { CheckFilter } from './limits.ts';
import { synchronousSql } from '../pricing/units.ts';

/** A call billed on a synchronous lane (src/pricing/units.ts). */
const synchronousCallSql = synchronousSql('p.lane');

/** Non-blocking work, accepted by the provider's batch lane, still billed on a synchronous lane. */
const avoidableSql = `(l.label = 'non_blocking' AND coalesce(p.batch_eligible, false) AND ${synchronousCallSql})`;

/** FROM + WHERE for the filters: priced_calls carries the call facts, so `calls` itself is not read. */
function scope(filter: CheckFilter): { sql: string; params: Record<string, string> } {
  const { where, params } = scopeSql(filter);
  return { sql: `FROM label_keys k JOIN label_outcomes l USING (outcome) JOIN priced_calls p USING (call_key) ${where}`, params };
}

export type CheckTotals = {
  rows: bigint;
  spend_pico: bigint;
  sync_pico: bigint;
  avoidable_pico: bigint;
  /** Requests where the source counts them; rows without a count (requests NULL) are left out of both. */
  requests: bigint;
  sync_requests: bigint;
  uncounted_rows: bigint;
  uncounted_pico: bigint;
  /** Epoch milliseconds: the first call (or bucket) start and the last end (ended_at, else ts), as audit does. */
  first_ms: bigint | null;
  last_ms: bigint | null;
};

export type WorkloadContribution = {
  workload: string;
  spend_pico: bigint;
  sync_pico: bigint;
  avoidable_pico: bigint;
};

export async function selectCheckTotals(ws: Workspace, filter: CheckFilter): Promise<CheckTotals> {
  const { sql, params } = scope(filter);
  const rows = await ws.all<CheckTotals>(
    `SELECT count(*)::BIGINT AS rows,
            coalesce(sum(p.cost_pico), 0)::HUGEINT AS spend_pico,
            coalesce(sum(p.cost_pico) FILTER (WHERE ${synchronousCallSql}), 0)::HUGEINT AS sync_pico,
            coalesce(sum(p.cost_pico) FILTER (WHERE ${avoidableSql}), 0)::HUGEINT AS avoidable_pico,
            coalesce(sum(p.requests), 0)::HUGEINT AS requests,
            coalesce(sum(p.requests) FILTER (WHERE ${synchronousCallSql}), 0)::HUGEINT AS sync_requests,
            count(*) FILTER (WHERE p.requests IS NULL)::BIGINT AS uncounted_rows,
            coalesce(sum(p.cost_pico) FILTER (WHERE p.requests IS NULL), 0)::HUGEINT AS uncounted_pico,
            epoch_ms(min(p.ts))::BIGINT AS first_ms,
            epoch_ms(max(coalesce(p.ended_at, p.ts)))::BIGINT AS last_ms
     ${sql}`,
    params as Params,
  );
  const totals = rows[0];
  if (totals === undefined) throw new InternalError('aggregate query returned no row');
  return totals;
}

/** Workloads ranked by the spend that breached (avoidable or synchronous), largest first. */
export async function selectTopWorkloads(
  ws: Workspace,
  filter: CheckFilter,
  rankBy: 'avoidable' | 'sync',
  limit: number,
): Promise<WorkloadContribution[]> {
  const { sql, params } = scope(filter);
  const order = rankBy === 'avoidable' ? 'avoidable_pico DESC, sync_pico DESC' : 'sync_pico DESC, avoidable_pico DESC';
  return ws.all<WorkloadContribution>(
    `SELECT coalesce(l.workload, '(none)') AS workload,
            coalesce(sum(p.cost_pico), 0)::HUGEINT AS spend_pico,
            coalesce(sum(p.cost_pico) FILTER (WHERE ${synchronousCallSql}), 0)::HUGEINT AS sync_pico,
            coalesce(sum(p.cost_pico) FILTER (WHERE ${avoidableSql}), 0)::HUGEINT AS avoidable_pico
     ${sql}
     GROUP BY ALL
     HAVING ${rankBy === 'avoidable' ? 'avoidable_pico' : 'sync_pico'} > 0
     ORDER BY ${order}, workload
     LIMIT ${Math.trunc(limit)}`,
    params as Params,
  );
}

