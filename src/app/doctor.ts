// doctor: checks that a workspace opens, and recovers one whose write-ahead log cannot be replayed
// (src/db/recovery.ts): the log is set aside, never deleted, and the workspace opens from its last checkpoint.
import { repairWorkspace, type DoctorResult } from '../db/recovery.ts';
import { withWorkspace } from '../db/workspace.ts';

export type DoctorReport = DoctorResult & { readonly db: string; readonly files: bigint; readonly calls: bigint };

export async function doctor(options: { readonly db: string }): Promise<DoctorReport> {
  let held = { files: 0n, calls: 0n };
  const result = await repairWorkspace(options.db, (path) =>
    withWorkspace(path, async (ws) => {
      const [row] = await ws.all<{ files: bigint; calls: bigint }>('SELECT (SELECT count(*) FROM sources) AS files, (SELECT count(*) FROM calls) AS calls');
      held = row ?? held;
    }),
  );
  return { ...result, db: options.db, ...held };
}
