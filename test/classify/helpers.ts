// Crafted `calls` rows for classify tests: each test writes the rows it needs as one SQL SELECT.
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';

/** An empty in-memory workspace. */
export const emptyWorkspace = (): Promise<Workspace> => openWorkspace(':memory:');

const defaults: Record<string, string> = {
  granularity: `'call'`, requests: '1', lane: `'standard'`, model: `'gpt-5.4'`, operation: `'chat'`, input_tokens: '1000', output_tokens: '100',
};

/**
 * Inserts rows selected by `select` (columns by name; the rest NULL). Defaults for columns it leaves out:
 * granularity 'call', requests 1, lane 'standard', model gpt-5.4, operation chat, 1000 input / 100 output tokens.
 */
export async function insertCalls(ws: Workspace, select: string): Promise<void> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _test_rows AS ${select}`);
  const given = new Set((await ws.all<{ column_name: string }>('DESCRIBE _test_rows')).map((c) => c.column_name));
  const extra = Object.entries(defaults).filter(([k]) => !given.has(k)).map(([k, v]) => `${v} AS ${k}`);
  await ws.run(`INSERT INTO call_rows BY NAME SELECT * REPLACE (ts::TIMESTAMPTZ AS ts)${extra.length ? `, ${extra.join(', ')}` : ''} FROM _test_rows`);
  await ws.run('DROP TABLE _test_rows');
}

export type LabelRow = {
  call_id: string; workload: string; label: string; confidence: number; reasons: string[]; decided_by: string;
  rule_name: string | null; deadline_minutes: bigint | null; agent_chain: boolean;
};

export const labelOf = async (ws: Workspace, callId: string): Promise<LabelRow> => {
  const [row] = await ws.all<LabelRow>('SELECT * FROM labels WHERE call_id = $id', { id: callId });
  if (!row) throw new Error(`no label for ${callId}`);
  return row;
};

/** label -> count of calls in a workload. */
export const labelsIn = async (ws: Workspace, workload: string): Promise<Record<string, number>> => {
  const rows = await ws.all<{ label: string; n: bigint }>('SELECT label, count(*) AS n FROM labels WHERE workload = $w GROUP BY label', { w: workload });
  return Object.fromEntries(rows.map((r) => [r.label, Number(r.n)]));
};

/** Streamed chat in the org's human hours (15:00-23:59 UTC on weekdays, 3 weeks): teaches the classifier when humans work. */
export const interactiveBackdrop = `
  SELECT 'bg-chat-' || d || '-' || h || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR + k * INTERVAL 7 MINUTE AS ts,
    true AS streamed, 'u' || (k % 5) AS user_id, 'proj_web' AS project, '{"feature":"chat"}' AS tags
  FROM range(21) a(d), range(15, 24) b(h), range(8) c(k) WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`;
