// `batchable audit <files...>`: ingest, classify, price, and print the savings table per workload.
import type { Command } from 'commander';
import type { Io } from './io.ts';
import type { Env } from './io.ts';
import { addAnalysisOptions, addDbOption, addIngestOptions } from './options.ts';
import { addPullOption } from './pull.ts';
import type { ReportCommandFlags } from './report-run.ts';

/** Rows the savings table shows by default: every workload of a usual org, and a readable table when a tag holds an id. */
export const defaultTopRows = 50;

/** The options audit and simulate share: workspace, ingest, rules, prices, grouping, period, output. */
export function addReportOptions(command: Command): Command {
  return addPullOption(addAnalysisOptions(addIngestOptions(addDbOption(command))))
    .option('--by <grouping>', 'workload | model | provider | project | api_key | day')
    .option('--min-saving <usd>', 'below this saving per 30 days batch does not pay for its plumbing', '10')
    .option('--format <format>', 'table | json | csv | markdown', 'table')
    .option('--wide', 'table: keep the reasons in the table at full width instead of listing them under it')
    .option('--top <n>', 'table and markdown: the n rows that save most, the rest summed in one row (0: every row; json and csv hold every row)', String(defaultTopRows))
    .option('--export-calls <file>', 'also write every call with its label and cost to this file (.csv, .jsonl, .parquet), or to a directory with --partition-by')
    .option('--partition-by <unit>', 'with --export-calls DIR: a hive-partitioned Parquet dataset of every call (all columns, label, cost), by day or month (UTC)')
    .option('--html <file>', 'also write a self-contained HTML report with charts (no network needed) to this file');
}

/** The action of audit and simulate; its code loads when the command runs, so `ingest` and `--help` do not pay for it. */
export const reportAction = (io: Io, command: 'audit' | 'simulate', env: Env) => async (files: string[], flags: ReportCommandFlags) =>
  (await import('./report-run.ts')).runReport(io, command, files, flags, env);

export function registerAudit(program: Command, io: Io, env: Env = process.env): void {
  const command = program
    .command('audit')
    .description('ingest usage exports (idempotently), label and price every call, and print what could move to batch per workload')
    .argument('[files...]', 'usage exports to ingest first (none: report what the database holds)');
  addReportOptions(command).action(reportAction(io, 'audit', env));
}
