// The shared action of audit and simulate: parse the flags, run the app command, render what it returns.
import { writeFileSync } from 'node:fs';
import { audit } from '../app/audit.ts';
import { simulate } from '../app/simulate.ts';
import { render } from '../report/render.ts';
import type { Io } from './io.ts';
import type { AnalysisFlags } from './options.ts';
import type { Env } from './io.ts';
import { phase } from '../profile.ts';
import { parseAnalysisFlags, parsePartitionBy, rowLimit } from './parse.ts';
import { parsePulls } from './pull.ts';
import { showProgress } from './progress.ts';
import { parseSavingsFlags, type SavingsFlags } from './savings-flags.ts';

export type ReportCommandFlags = SavingsFlags & AnalysisFlags & { db: string; html?: string; wide?: boolean; top?: string; pull?: string[] };

export async function runReport(io: Io, command: 'audit' | 'simulate', files: string[], flags: ReportCommandFlags, env: Env = process.env): Promise<void> {
  phase(`${command} loaded`);
  const parsed = parseSavingsFlags(flags);
  const top = rowLimit('--top', flags.top);
  // --pull: the APIs to pull from into the same workspace before the analysis (parsed with the other flags, so a
  // bad threshold is exit 2 before anything is fetched).
  const analysis = { ...parseAnalysisFlags(files, flags), pull: await parsePulls(flags.pull, env) };
  const progress = showProgress(io, true);
  const run = command === 'audit' ? audit : simulate;
  let result;
  try {
    result = await run({
      ...parsed,
      ...analysis,
      exportCalls: flags.exportCalls,
      partitionBy: parsePartitionBy(flags.partitionBy, flags.exportCalls),
      charts: flags.html !== undefined,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.done();
  }
  const { report, charts } = result;
  for (const warning of report.warnings) io.err(`warning: ${warning}\n`);
  if (result.lowConfidence !== undefined) io.err(`note: ${result.lowConfidence}\n`);
  io.out(render(report, parsed.format, { ...io.style, wide: flags.wide === true, ...(top === 0 ? {} : { top }) }));
  phase('rendered');
  if (flags.html !== undefined && charts !== undefined) {
    // The page prints money from the report's micro-dollars and the rest from its JSON document: it matches
    // `--format json` and the table to the cent. Its modules (and the JSON contract's zod schema) load only when
    // a page is asked for.
    const { renderHtml } = await import('../report/html/index.ts');
    const { htmlInput } = await import('../report/html/from-report.ts');
    writeFileSync(flags.html, await renderHtml(htmlInput(report, charts)));
    io.err(`HTML report written to ${flags.html}\n`);
  }
}
