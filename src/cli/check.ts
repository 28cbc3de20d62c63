// `batchable check [files...]`: a CI gate on the synchronous share of spend. Exit 0 when every threshold
// holds, 1 when one is breached, 2 for bad usage or input (never 1 for a tool error).
import type { Command } from 'commander';
import type { Env } from '../check/github.ts';
import type { CheckCommandFlags } from './check-run.ts';
import type { Io } from './io.ts';
import { addAnalysisOptions, addDbOption, addIngestOptions } from './options.ts';
import { addPullOption } from './pull.ts';

/** `env` is read for GitHub Actions (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY); tests pass their own. */
export function registerCheck(program: Command, io: Io, env: Env = process.env): void {
  const command = program
    .command('check')
    .description('CI gate: exit 1 when the synchronous or avoidable share of spend breaks a threshold (2 for bad usage or input)')
    .argument('[files...]', 'usage exports to ingest first (none: check what the database holds)');
  addPullOption(addAnalysisOptions(addIngestOptions(addDbOption(command))))
    .option('--max-sync-share <share>', 'most of spend (or requests, see --basis) billed on synchronous lanes (standard, priority), 0..1')
    .option('--basis <basis>', 'what --max-sync-share measures: spend | requests', 'spend')
    .option('--max-avoidable-share <share>', 'most of spend that is non-blocking, batch-eligible work still billed synchronously, 0..1')
    .option('--max-avoidable-usd <usd>', 'most avoidable spend per 30 days (scaled from the period the data covers, at least 1 day)')
    .option('--max-unpriced-share <share>', 'most requests (0..1) the catalog may leave unpriced (models with no price and no reported cost)')
    .option('--baseline <file>', 'a previous `batchable check --format json` output to compare shares with (needs --max-increase)')
    .option('--max-increase <points>', 'percentage points each share may rise over the --baseline (5: from 20% to 25%)')
    .option('--format <format>', 'table | json | markdown', 'table')
    .action(async (files: string[], flags: CheckCommandFlags) => (await import('./check-run.ts')).runCheck(io, files, flags, env));
}
