// Which stored analysis stages are current (src/app/analysis-cache.ts keeps the fingerprints). Labelling and
// pricing forget their stage before they replace its tables, whoever calls them (`pricing coverage` prices with
// other options): a fingerprint is only ever written by the cache, after a complete build.
import type { Workspace } from './types.ts';

export type Stage = 'labels' | 'prices';

export async function ensureStateTable(ws: Workspace): Promise<void> {
  await ws.run(
    'CREATE TABLE IF NOT EXISTS analysis_state (stage VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, built_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)',
  );
}

/**
 * Called at the start of classify and price: the stage's fingerprint goes, and so does `savings_base` (the
 * report's first pass, src/db/queries/savings.ts), which was computed from the tables about to be replaced.
 */
export async function forgetStage(ws: Workspace, stage: Stage): Promise<void> {
  await ensureStateTable(ws);
  await ws.run('DELETE FROM analysis_state WHERE stage = $stage', { stage });
  await ws.run('DROP TABLE IF EXISTS savings_base');
}
