// What `check` measures, in one pass of SQL over labels (label_keys, label_outcomes) x priced_calls: spend on synchronous lanes,
// spend that nobody waits on but is still billed synchronously, request counts, and the period covered.
// Over the whole period (no --since/--until) it reads savings_base instead, the same sums already grouped per
// outcome and lane (src/db/queries/savings.ts): a few thousand rows instead of every call (7 s -> well under
// a second at 5M calls). Money stays integer pico-dollars (HUGEINT) here; the caller turns it into exact fractions.
import { InternalError } from '../errors.ts';
import { ensureSavingsBase, scopeSql, wholePeriod } from '../db/queries/savings.ts';
import type { Params, Workspace } from '../db/workspace.ts';
import type { CheckFilter } from './limits.ts';
import { synchronousSql } from '../pricing/units.ts';

/** A call billed on a synchronous lane (src/pricing/units.ts). */
const synchronousCallSql = synchronousSql('p.lane');

/** Non-blocking work, accepted by the provider's batch lane, still billed on a synchronous lane. */
const avoidableSql = `(l.label = 'non_blocking' AND coalesce(p.batch_eligible, false) AND ${synchronousCallSql})`;

/**
 * FROM + WHERE for the filters, and the sums to take: per call from priced_calls (which carries the call facts,
 * so `calls` itself is not read), or per group from savings_base over the whole period. Either way `p` has the
 * lane, batch eligibility, requests and cost the measures below read.
 */
async function scope(ws: Workspace, filter: CheckFilter): Promise<{ sql: string; params: Record<string, string>; m: Measures }> {
  if (wholePeriod(filter)) {
    await ensureSavingsBase(ws);
    // savings_base has the outcome the workload scope reads, as it has the lane (standard when none was stated).
    const { where, params } = scopeSql(filter, 'p.outcome');
    return { sql: `FROM savings_base p JOIN label_outcomes l USING (outcome) ${where}`, params, m: grouped };
  }
  const { where, params } = scopeSql(filter);
  return { sql: `FROM label_keys k JOIN label_outcomes l USING (outcome) JOIN priced_calls p USING (call_key) ${where}`, params, m: perCall };
}

/** The sums check takes, per call or over savings_base's groups (which count a row without requests as 1). */
type Measures = { rows: string; requests: string; uncountedRows: string; uncountedPico: string; first: string; last: string };
const perCall: Measures = {
  rows: 'count(*)',
  requests: 'p.requests',
  uncountedRows: 'count(*) FILTER (WHERE p.requests IS NULL)',
  uncountedPico: 'sum(p.cost_pico) FILTER (WHERE p.requests IS NULL)',
  first: 'min(p.ts)',
  last: 'max(coalesce(p.ended_at, p.ts))',
};
const grouped: Measures = {
  rows: 'sum(p.rows)',
  requests: '(p.requests - p.uncounted_rows)',
  uncountedRows: 'sum(p.uncounted_rows)',
  uncountedPico: 'sum(p.uncounted_pico)',
  first: 'min(p.first_start)',
  last: 'max(p.last_end)',
};

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
  const { sql, params, m } = await scope(ws, filter);
  const rows = await ws.all<CheckTotals>(
    `SELECT coalesce(${m.rows}, 0)::BIGINT AS rows,
            coalesce(sum(p.cost_pico), 0)::HUGEINT AS spend_pico,
            coalesce(sum(p.cost_pico) FILTER (WHERE ${synchronousCallSql}), 0)::HUGEINT AS sync_pico,
            coalesce(sum(p.cost_pico) FILTER (WHERE ${avoidableSql}), 0)::HUGEINT AS avoidable_pico,
            coalesce(sum(${m.requests}), 0)::HUGEINT AS requests,
            coalesce(sum(${m.requests}) FILTER (WHERE ${synchronousCallSql}), 0)::HUGEINT AS sync_requests,
            coalesce(${m.uncountedRows}, 0)::BIGINT AS uncounted_rows,
            coalesce(${m.uncountedPico}, 0)::HUGEINT AS uncounted_pico,
            epoch_ms(${m.first})::BIGINT AS first_ms,
            epoch_ms(${m.last})::BIGINT AS last_ms
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
  const { sql, params } = await scope(ws, filter);
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

