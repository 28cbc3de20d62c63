// `batchable audit <files...>`: ingest, then report usage per model.
import type { Command } from 'commander';
import { selectUsageByModel } from '../db/queries/usage-by-model.ts';
import { withWorkspace } from '../db/workspace.ts';
import { renderIngestSummary } from '../report/ingest-summary.ts';
import { formatCount, renderTable } from '../report/table.ts';
import { ingestArgs } from './ingest.ts';
import type { Io } from './io.ts';
import { addDbOption, addIngestOptions, type IngestFlags } from './options.ts';

export function registerAudit(program: Command, io: Io): void {
  const command = program
    .command('audit')
    .description('ingest usage exports (idempotently) and report what the calls cost and what could move to batch')
    .argument('[files...]', 'usage exports to ingest first (none: report what the database holds)');
  addIngestOptions(addDbOption(command)).action(async (files: string[], flags: IngestFlags & { db: string }) => {
    await withWorkspace(flags.db, async (ws) => {
      if (files.length > 0) io.err(renderIngestSummary(await ingestArgs(ws, io, files, flags)));
      const rows = await selectUsageByModel(ws);
      io.out(
        renderTable(
          {
            head: ['provider', 'model', 'lane', 'rows', 'requests', 'input', 'cache read', 'cache write', 'output'],
            align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
            rows: rows.map((r) => [r.provider ?? '–', r.model, r.lane, formatCount(r.rows), formatCount(r.requests), formatCount(r.input_tokens),
              formatCount(r.cache_read_tokens), formatCount(r.cache_write_tokens), formatCount(r.output_tokens)]),
          },
          io.style,
        ),
      );
    });
  });
}
