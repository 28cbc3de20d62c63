// The probe before a step that only some data needs (chained calls, unnamed workloads, charges): whether a query has
// a row at all, read up to the first one.
import type { Workspace } from './types.ts';

/** Whether `query` (a SELECT without LIMIT) returns any row; DuckDB stops at the first. */
export async function hasRows(ws: Workspace, query: string): Promise<boolean> {
  const [row] = await ws.all<{ n: bigint }>(`SELECT count(*) AS n FROM (${query} LIMIT 1)`);
  return (row?.n ?? 0n) > 0n;
}
