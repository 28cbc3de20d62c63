// rejects: the input rows that were not read as calls (rejected, or skipped as not usage), with where and why.
import { withWorkspace } from '../db/workspace.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type RejectsOptions = WorkspaceOption & {
  /** Only rows from this input file (as it was named when ingested). */
  readonly file?: string | undefined;
  /** At most this many rows (a positive integer). */
  readonly limit: number;
};

export type RejectedRow = {
  readonly file: string;
  /** The row's line in the file, or null for a place in a JSON document (then `path` is its JSON pointer). */
  readonly line: bigint | null;
  readonly path: string | null;
  /** Why it was not read; skipped rows start with "skipped: ". */
  readonly reason: string;
  /** The row's text, when kept. */
  readonly raw: string | null;
};

/** Rejected and skipped rows, by file and line. */
export async function listRejects(options: RejectsOptions): Promise<RejectedRow[]> {
  return withWorkspace(options.db ?? memoryDb, (ws) =>
    ws.all<RejectedRow>(
      `SELECT file, line, path, CASE WHEN kind = 'skip' THEN 'skipped: ' || reason ELSE reason END AS reason, raw
       FROM rejects WHERE $file IS NULL OR file = $file
       ORDER BY file, line NULLS LAST, path LIMIT $limit`,
      { file: options.file ?? null, limit: options.limit },
    ),
  );
}
