// Ingest: files, globs and directories -> the workspace's calls (idempotent per file content).
import { withWorkspace } from '../db/workspace.ts';
import type { Workspace } from '../db/types.ts';
import { expandInputs } from '../ingest/files.ts';
import { ingestFiles, type IngestSummary } from '../ingest/ingest.ts';
import { memoryDb, type OnProgress, type WorkspaceOption } from './progress.ts';

/** How to read the input files. */
export type IngestInput = {
  /** Usage exports: files, globs or directories (CSV, JSONL, JSON, optionally gzipped). */
  readonly files: readonly string[];
  /** Read every file as this format (an adapter id, see `batchable formats`) instead of detecting it. */
  readonly inputFormat?: string | undefined;
  /** Source column -> canonical column renames. */
  readonly map?: ReadonlyMap<string, string> | undefined;
  /** Any rejected row fails its file (an InputError) instead of being recorded in `rejects`. */
  readonly strict?: boolean | undefined;
};

/**
 * Ingests into an open workspace; reports 'reading' progress, and 'ingested' with the summary when done. Files a
 * directory or glob brought in that match no usage format are skipped and listed in `summary.skippedFiles`.
 */
export async function ingestInto(ws: Workspace, input: IngestInput, onProgress?: OnProgress): Promise<IngestSummary> {
  const inputs = await expandInputs(ws, input.files);
  const ingested = await ingestFiles(ws, inputs.files, {
    inputFormat: input.inputFormat,
    map: input.map,
    strict: input.strict,
    onProgress: onProgress === undefined ? undefined : (file, fraction) => onProgress({ kind: 'reading', file, fraction }),
  });
  // Files a directory or glob brought in that are not usage: skipped by name here, or by content in ingestFiles.
  const summary = { ...ingested, skippedFiles: [...inputs.skipped, ...(ingested.skippedFiles ?? [])], patterns: inputs.patterns };
  onProgress?.({ kind: 'ingested', summary });
  return summary;
}

/** `batchable ingest`: opens the workspace, ingests, closes it, and returns what each file added. */
export async function ingest(options: IngestInput & WorkspaceOption): Promise<IngestSummary> {
  return withWorkspace(options.db ?? memoryDb, (ws) => ingestInto(ws, options, options.onProgress));
}
