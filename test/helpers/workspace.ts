// An in-memory workspace with fixtures ingested, for query-level tests.
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { ingestFiles, type IngestOptions, type IngestSummary } from '../../src/ingest/ingest.ts';

export async function memoryWorkspace(): Promise<Workspace> {
  return openWorkspace(':memory:');
}

export async function ingested(files: readonly string[], options: IngestOptions = {}): Promise<{ ws: Workspace; summary: IngestSummary }> {
  const ws = await openWorkspace(':memory:');
  const summary = await ingestFiles(ws, files, options);
  return { ws, summary };
}
