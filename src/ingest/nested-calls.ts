// One model call recorded twice, one span inside the other. An app instrumented twice (a framework's instrumentation
// and the provider SDK's, both on: LangChain's over OpenAI's or Anthropic's) writes the SDK's span under the
// framework's, each with the call's model and usage; a wrapper that some instrumentations give a model-call kind (a
// `generate` wrapped twice, an agent's step) sums the calls below it. Counting every span counts those tokens twice or
// more: DataDog/dd-trace-js#8936 (a LangChain span over `anthropic.request`, "overcounts spend ~2.2x"),
// Arize-ai/phoenix#12768 ("3x the detailed-trace total"), alibaba/loongsuite-python#151 (4 LLM spans for one step).
//
// The call counted is the innermost: a span that would be a call but has a counted call below it in its trace (its
// child, or further down through spans that are not calls) is skipped, with the count below it. The innermost is the
// provider SDK's span, whose usage is the provider's answer (in #8936 the framework's span was blind to cache reads),
// and a wrapper's sum is its calls' usage again. Phoenix counts only such leaf spans for the same reason
// (Arize-ai/phoenix PR #12775). A row rejected (a wrapper without a model) is skipped too when calls are below it: its
// usage is theirs. Within one file: a span's parent in another file is not read.
//
// The other way round, a wrapper skipped for summing its calls (an agent's run: NestedCalls.wrapperSkips) is the call
// when no call below it is counted: its usage is then the only whole count (Logfire's Claude Agent SDK spans keep the
// session's on `invoke_agent`, their chat spans holding partial counts that batchable does not read). The innermost such
// wrapper, so that an agent run inside another is counted once.
import { hasRows } from '../db/has-rows.ts';
import { keptRowsSql } from '../db/calls-view.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/types.ts';
import type { NestedCalls } from './adapter.ts';

/**
 * Marks as skipped, in place, the rows of `table` (a file's, or a scan's with `fileColumn` telling its files apart)
 * that hold counted calls below them, and counts the wrappers (nesting.wrapperSkips) that hold none. Needs call_id (the
 * row's own id), parent_id, trace_id and `_skip` among the stored columns.
 */
export async function skipNestedCalls(ws: Workspace, table: string, stored: ReadonlySet<string>, nesting: NestedCalls, fileColumn?: string): Promise<void> {
  if (!['call_id', 'parent_id', 'trace_id', '_skip'].every((c) => stored.has(c))) return;
  const t = sqlIdent(table);
  // A row's place: its file (a scan's part; 0 for a file's table) and, where ids are unique within a trace only, its
  // trace. `at(x)`: row `x` is at the place of `a` (a row of the walk, columns f and tr).
  const fileOf = (alias: string) => (fileColumn === undefined ? '0' : `${alias}.${sqlIdent(fileColumn)}`);
  const traceOf = (alias: string) => (nesting.idsPerTrace ? `${alias}.trace_id` : 'NULL::VARCHAR');
  const at = (alias: string) => `${fileOf(alias)} = a.f AND ${traceOf(alias)} IS NOT DISTINCT FROM a.tr`;
  const counted = keptRowsSql(stored);
  // A wrapper that could be the call: skipped as one, with a model, a time and token counts none of which is negative
  // (a skipped row's counts were never checked).
  const tokens = ['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_unknown_tokens'].filter((c) => stored.has(c));
  const wrapper = (nesting.wrapperSkips ?? []).length === 0 || !stored.has('model') || !stored.has('ts') || tokens.length === 0
    ? 'false'
    : `(_skip IN (${(nesting.wrapperSkips ?? []).map(sqlString).join(', ')}) AND model IS NOT NULL AND ts IS NOT NULL
      AND coalesce(${tokens.join(', ')}) IS NOT NULL AND ${tokens.map((c) => `coalesce(${c}, 0) >= 0`).join(' AND ')})`;
  // The walk starts from counted calls and from such wrappers. A parent that is the row itself (broken input) is no nesting.
  const edges = `SELECT ${fileOf(t)} AS f, ${traceOf(t)} AS tr, call_id AS id, parent_id AS parent, (${counted}) OR ${wrapper} AS counted
    FROM ${t} WHERE call_id IS NOT NULL AND parent_id IS NOT NULL AND parent_id <> call_id`;
  // Most files have no row under a row that is a call or a reject (spans under agents' and tools', which are skipped,
  // or no parents at all), and no wrapper that could be the call: one join tells, before any walk.
  const nested = await hasRows(
    ws,
    `SELECT 1 FROM (${edges}) a JOIN ${t} p ON p.call_id = a.parent AND ${at('p')} WHERE p._skip IS NULL
     UNION ALL SELECT 1 FROM ${t} WHERE ${wrapper}`,
  );
  if (!nested) return;
  // Up from every counted call (and wrapper that could be one), one parent a step, through every row of the trace (a
  // framework's span may sit between); UNION, not UNION ALL, so a cycle of parents ends. `origin`: where the walk began.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _nested_above AS
    WITH RECURSIVE edges AS MATERIALIZED (${edges}),
    up(f, tr, id, origin) AS (
      SELECT f, tr, parent, id FROM edges WHERE counted
      UNION
      SELECT e.f, e.tr, e.parent, up.origin FROM up JOIN edges e ON e.f = up.f AND e.tr IS NOT DISTINCT FROM up.tr AND e.id = up.id
    )
    SELECT f, tr, id, count(DISTINCT origin) AS below, min(origin) AS first_below FROM up WHERE id <> origin GROUP BY ALL`);
  // A wrapper with no call and no other such wrapper below it is the call; and only where no call of its trace is
  // counted, so that an export whose spans lost their parents (each its own root: a real Vercel AI SDK capture) does not
  // count an agent's run beside its calls.
  if (wrapper !== 'false') {
    await ws.run(`UPDATE ${t} SET _skip = NULL WHERE ${wrapper}
      AND NOT EXISTS (SELECT 1 FROM _nested_above a WHERE ${at(t)} AND ${t}.call_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM ${t} c WHERE ${fileOf('c')} = ${fileOf(t)} AND c.trace_id IS NOT DISTINCT FROM ${t}.trace_id AND ${keptRowsSql(stored, 'c')})`);
  }
  const reason = `${nesting.rows} with model-call ${nesting.rows}s below it (an app instrumented twice, or a wrapper that sums its calls): `;
  await ws.run(`UPDATE ${t} SET _skip = ${sqlString(reason)} || a.below || ' counted there (${nesting.rows} ' || a.first_below
      || CASE WHEN a.below > 1 THEN ', …' ELSE '' END || '), not again on it', _reason = NULL
    FROM _nested_above a WHERE ${at(t)} AND ${t}.call_id = a.id AND ${t}._skip IS NULL`);
  await ws.run('DROP TABLE _nested_above');
}
