// `batchable ingest <files...>`: load usage exports into the workspace database.
import type { Command } from 'commander';
import type { Io } from './io.ts';
import { addDbOption, addIngestOptions, type IngestFlags } from './options.ts';
import { parseMap } from './parse.ts';
import { showProgress } from './progress.ts';

export function registerIngest(program: Command, io: Io): void {
  const command = program
    .command('ingest')
    .description('load usage exports (files, globs, directories; .gz too) into the workspace database')
    .argument('<files...>', 'usage exports: CSV, JSONL or JSON, optionally gzipped');
  addIngestOptions(addDbOption(command)).action(async (files: string[], flags: IngestFlags & { db: string }) => {
    const map = parseMap(flags.map);
    // Loaded when the command runs: a what-if on an analysed workspace does not load the ingest code.
    const { ingest } = await import('../app/ingest.ts');
    const { renderIngestSummary } = await import('../report/ingest-summary.ts');
    const progress = showProgress(io, false);
    try {
      const summary = await ingest({ db: flags.db, files, inputFormat: flags.inputFormat, map, strict: flags.strict, onProgress: progress.onProgress });
      io.out(renderIngestSummary(summary));
    } finally {
      progress.done();
    }
  });
}
