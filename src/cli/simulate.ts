// `batchable simulate [files...]`: the bill under scenarios, one column per step of the stacking order.
import type { Command } from 'commander';
import { addReportOptions, reportAction } from './audit.ts';
import type { Io } from './io.ts';
import type { Env } from './io.ts';

export function registerSimulate(program: Command, io: Io, env: Env = process.env): void {
  const command = program
    .command('simulate')
    .description('recompute the bill with structural rates, batch, caching and credit bonuses stacked in that order')
    .argument('[files...]', 'usage exports to ingest first (none: use what the database holds)')
    .option('--batch-share <share>', 'move this share (0..1) of synchronous requests to batch, non-blocking work first')
    .option('--structural-discount <d>', 'negotiated discount on every rate: 0.15, or per provider anthropic=0.15,openai=0.1')
    .option('--cache-hit-rate <share>', 'share (0..1) of input billed as cache reads (never below what the data shows)')
    .option('--credit-bonus <b>', 'prepaid credit bonus: everything costs 1 / (1 + b)');
  addReportOptions(command).action(reportAction(io, 'simulate', env));
}
