// `batchable plan [files...]`: flags, the app's plan, and its rendering (table, markdown checklist, JSON).
// Same inputs and scope flags as `audit` (and --pull), so the two compose.
import type { Command } from 'commander';
import type { Env, Io } from './io.ts';
import { addAnalysisOptions, addDbOption, addIngestOptions, type AnalysisFlags } from './options.ts';
import { addPullOption } from './pull.ts';

type PlanFlags = AnalysisFlags & { db: string; pull?: string[]; since?: string; until?: string; tz?: string; workload?: string[]; minSaving?: string; format?: string; wide?: boolean };

const planFormats = ['table', 'json', 'markdown'] as const;

async function runPlan(io: Io, files: string[], flags: PlanFlags, env: Env): Promise<void> {
  // Loaded when the command runs, so that other commands and --help do not pay for it.
  const { plan } = await import('../app/plan.ts');
  const { defaultMinSavingMicros } = await import('../app/audit.ts');
  const { oneOf, parseAnalysisFlags, parseFilter, parseUsdFlag } = await import('./parse.ts');
  const { parsePulls } = await import('./pull.ts');
  const { showProgress } = await import('./progress.ts');
  const { renderPlanJson } = await import('../report/plan/json.ts');
  const { renderPlanMarkdown } = await import('../report/plan/markdown.ts');
  const { renderPlanTable } = await import('../report/plan/table.ts');
  const format = oneOf('--format', flags.format, planFormats, 'table');
  const filter = parseFilter(flags);
  const minSavingMicros = parseUsdFlag('--min-saving', flags.minSaving, defaultMinSavingMicros);
  // --pull: pulled into the same workspace by the analysis, before it ingests the files.
  const analysis = { ...parseAnalysisFlags(files, flags), pull: await parsePulls(flags.pull, env) };
  const progress = showProgress(io, true);
  let result;
  try {
    result = await plan({ ...analysis, filter, minSavingMicros, onProgress: progress.onProgress });
  } finally {
    progress.done();
  }
  const style = { ...io.style, wide: flags.wide === true };
  io.out(format === 'json' ? renderPlanJson(result.plan) : format === 'markdown' ? renderPlanMarkdown(result.plan) : renderPlanTable(result.plan, style));
}

export function registerPlan(program: Command, io: Io, env: Env = process.env): void {
  const command = program
    .command('plan')
    .description('turn the audit into a plan: per workload worth moving, the batch endpoint, jobs a day, submission times, request lines and risks')
    .argument('[files...]', 'usage exports to ingest first (none: plan from what the database holds)');
  addPullOption(addAnalysisOptions(addIngestOptions(addDbOption(command))))
    .option('--min-saving <usd>', "the plumbing's fixed cost per 30 days: a workload must save more than this to be planned", '10')
    .option('--format <format>', 'table | json | markdown (a checklist to paste into a ticket)', 'table')
    .option('--wide', 'table: long lines stay on one line')
    .action((files: string[], flags: PlanFlags) => runPlan(io, files, flags, env));
}
