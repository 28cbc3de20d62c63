// `batchable ingest <files...>`: load usage exports into the workspace database.
import type { Command } from 'commander';
import { withWorkspace, type Workspace } from '../db/workspace.ts';
import { expandInputs } from '../ingest/files.ts';
import { ingestFiles, type IngestSummary } from '../ingest/ingest.ts';
import { renderIngestSummary } from '../report/ingest-summary.ts';
import { progressLine, type Io } from './io.ts';
import { addDbOption, addIngestOptions, parseMap, type IngestFlags } from './options.ts';

/** The ingest step shared by ingest, audit, simulate and check. */
export async function ingestArgs(ws: Workspace, io: Io, files: readonly string[], flags: IngestFlags): Promise<IngestSummary> {
  const map = parseMap(flags.map);
  const inputs = await expandInputs(ws, files);
  const progress = progressLine(io);
  let summary: IngestSummary;
  try {
    summary = await ingestFiles(ws, inputs.files, {
      inputFormat: flags.inputFormat,
      map,
      strict: flags.strict,
      onProgress: (file, done) => progress.update(`reading ${file} ${Math.round(done * 100)}%`),
    });
  } finally {
    progress.done();
  }
  // Files a directory or glob brought in that are not usage: one warning line each, and a count in the summary.
  const skippedFiles = [...inputs.skipped, ...(summary.skippedFiles ?? [])];
  for (const s of skippedFiles) io.err(`warning: skipped ${s.file}: ${s.reason}\n`);
  return { ...summary, skippedFiles, patterns: inputs.patterns };
}

export function registerIngest(program: Command, io: Io): void {
  const command = program
    .command('ingest')
    .description('load usage exports (files, globs, directories; .gz too) into the workspace database')
    .argument('<files...>', 'usage exports: CSV, JSONL or JSON, optionally gzipped');
  addIngestOptions(addDbOption(command)).action(async (files: string[], flags: IngestFlags & { db: string }) => {
    const summary = await withWorkspace(flags.db, (ws) => ingestArgs(ws, io, files, flags));
    io.out(renderIngestSummary(summary));
  });
}
