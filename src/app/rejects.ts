// rejects: the input rows that were not read as calls (rejected, or skipped as not usage), with where and why.
import { basename, resolve } from 'node:path';
import type { Workspace } from '../db/workspace.ts';
import { withWorkspace } from '../db/workspace.ts';
import { UsageError } from '../errors.ts';
import { oneLine } from '../report/escape.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type RejectsOptions = WorkspaceOption & {
  /** Only rows from this input file: as it was named when ingested, or any name of it from here (./a.csv, /abs/a.csv, a.csv). */
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
  return withWorkspace(options.db ?? memoryDb, async (ws) => {
    const file = options.file === undefined ? null : await heldFileName(ws, options.file);
    return ws.all<RejectedRow>(
      `SELECT file, line, path, CASE WHEN kind = 'skip' THEN 'skipped: ' || reason ELSE reason END AS reason, raw
       FROM rejects WHERE $file IS NULL OR file = $file
       ORDER BY file, line NULLS LAST, path LIMIT $limit`,
      { file, limit: options.limit },
    );
  });
}

/**
 * The name an input file was ingested under that `given` names: the same text; else the one file it resolves to from
 * the current directory (`a.csv` for `./a.csv`); else the one file of that base name. A file is stored as it was named
 * on the command line, so `--file a.csv` for `./a.csv` answered "no rejected rows" when it had some. A name that matches
 * none, or several, is a usage error that lists the files held.
 */
async function heldFileName(ws: Workspace, given: string): Promise<string> {
  const files = (await ws.all<{ file: string }>('SELECT DISTINCT file FROM sources ORDER BY file')).map((r) => r.file);
  if (files.includes(given)) return given;
  const resolved = files.filter((f) => resolve(f) === resolve(given));
  if (resolved.length === 1) return resolved[0]!;
  const named = files.filter((f) => basename(f) === basename(given));
  if (named.length === 1) return named[0]!;
  const list = (names: string[]) => names.slice(0, 10).map((f) => oneLine(f)).join(', ') + (names.length > 10 ? `, … (${names.length} in all)` : '');
  const held = named.length > 1 ? `; files of that name: ${list(named)} (give one as listed)` : files.length > 0 ? `; files ingested: ${list(files)}` : '; nothing is ingested yet';
  throw new UsageError(`--file ${oneLine(given)}: no input file by that name in the workspace${held}`);
}
