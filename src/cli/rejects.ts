// `batchable rejects`: the rows that could not be read, with file:line and reason.
import type { Command } from 'commander';
import { rowPlace } from '../ingest/reject-text.ts';
import { oneLine, quoted } from '../report/escape.ts';
import type { Io } from './io.ts';
import { addDbOption } from './options.ts';
import { positiveInteger } from './parse.ts';

export function registerRejects(program: Command, io: Io): void {
  const command = program
    .command('rejects')
    .description('list rejected input rows with file:line and reason')
    .option('--file <file>', 'only rows from this input file (as ingested, or any path or base name of it)')
    .option('--limit <n>', 'at most this many rows', '100');
  addDbOption(command).action(async (flags: { db: string; file?: string; limit: string }) => {
    const { listRejects } = await import('../app/rejects.ts'); // loaded when the command runs
    const rows = await listRejects({ db: flags.db, file: flags.file, limit: positiveInteger('--limit', flags.limit, 100) });
    if (rows.length === 0) return io.out('no rejected rows\n');
    // File names, reasons and raw lines are input: shown with their control characters visible, raw text capped.
    io.out(rows.map((r) => `${oneLine(`${rowPlace(r.file, r.line, r.path)}: ${r.reason}`)}${r.raw ? `\n    ${quoted(r.raw, 200)}` : ''}`).join('\n') + '\n');
  });
}
