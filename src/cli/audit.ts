// `batchable audit <files...>`: ingest, classify, price, and print the savings table per workload.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withWorkspace } from '../db/workspace.ts';
import type { AnalysisFlags } from '../pipeline.ts';
import type { JsonReportForHtml } from '../report/html/from-report.ts';
import type { SavingsFlags } from '../report/savings-options.ts';
import type { Io } from './io.ts';
import { addAnalysisOptions, addDbOption, addIngestOptions } from './options.ts';
import type { Env } from './main.ts';
import { addPullOption, pullFirst } from './pull.ts';

/** The options audit and simulate share: workspace, ingest, rules, prices, grouping, period, output. */
export function addReportOptions(command: Command): Command {
  return addPullOption(addAnalysisOptions(addIngestOptions(addDbOption(command))))
    .option('--by <grouping>', 'workload | model | provider | project | api_key | day')
    .option('--min-saving <usd>', 'below this saving per 30 days batch does not pay for its plumbing', '10')
    .option('--format <format>', 'table | json | csv | markdown', 'table')
    .option('--wide', 'table: keep the reasons in the table at full width instead of listing them under it')
    .option('--export-calls <file>', 'also write every call with its label and cost to this file (.csv, .jsonl, .parquet)')
    .option('--html <file>', 'also write a self-contained HTML report with charts (no network needed) to this file');
}

export type ReportCommandFlags = SavingsFlags & AnalysisFlags & { db: string; html?: string; wide?: boolean; pull?: string[] };

/** Parse, analyse, render: the shared action of audit and simulate. */
export async function runReport(io: Io, command: 'audit' | 'simulate', files: string[], flags: ReportCommandFlags, env: Env = process.env): Promise<void> {
  // Loaded when the command runs, so that `ingest` and `--help` do not pay for the analysis code.
  const { savingsReport } = await import('../pipeline.ts');
  const { renderHtml } = await import('../report/html/index.ts');
  const { htmlInput } = await import('../report/html/from-report.ts');
  const { htmlSeries } = await import('../report/html-series.ts');
  const { render } = await import('../report/render.ts');
  const { reportJson } = await import('../report/renderers/json.ts');
  const { parseSavingsFlags } = await import('../report/savings-options.ts');
  const parsed = parseSavingsFlags(flags);
  await pullFirst(io, flags, env);
  const { report, html } = await withWorkspace(flags.db, async (ws) => {
    const report = await savingsReport(ws, io, command, files, flags, parsed);
    // The page prints from the JSON report's own numbers, so it matches `--format json` to the cent.
    const html = flags.html === undefined ? undefined : await renderHtml(htmlInput(reportJson(report) as JsonReportForHtml, await htmlSeries(ws, report, parsed.by, parsed.filter)));
    return { report, html };
  });
  for (const warning of report.warnings) io.err(`warning: ${warning}\n`);
  io.out(render(report, parsed.format, { ...io.style, wide: flags.wide === true }));
  if (flags.html !== undefined && html !== undefined) {
    writeFileSync(flags.html, html);
    io.err(`HTML report written to ${flags.html}\n`);
  }
}

export function registerAudit(program: Command, io: Io, env: Env = process.env): void {
  const command = program
    .command('audit')
    .description('ingest usage exports (idempotently), label and price every call, and print what could move to batch per workload')
    .argument('[files...]', 'usage exports to ingest first (none: report what the database holds)');
  addReportOptions(command).action((files: string[], flags: ReportCommandFlags) => runReport(io, 'audit', files, flags, env));
}
