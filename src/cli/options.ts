// Flags shared by several commands, as commander declares them; their values are parsed in ./parse.ts.
import type { Command } from 'commander';
import { defaultDbPath } from '../db/default-path.ts';

export function addDbOption(command: Command): Command {
  return command.option('--db <path>', `workspace database (":memory:" keeps nothing)`, defaultDbPath);
}

export function addIngestOptions(command: Command): Command {
  return command
    .option('--input-format <name>', 'read every file as this format instead of detecting it (see `batchable formats`)')
    .option('--map <pairs>', 'rename source columns to canonical ones: source_col=canonical_col,...')
    .option('--strict', 'any rejected row is an error (exit 2) and its file is not ingested');
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** What every analysing command (audit, simulate, check) reads: rules, prices, period and workloads. */
export function addAnalysisOptions(command: Command): Command {
  return command
    .option('--rules <file>', 'rules file (YAML or JSON) that labels workloads; it always wins over heuristics')
    .option('--pricing-dir <dir>', 'extra price catalogs (<provider>.json) over the bundled ones')
    .option('--strict-prices', 'a call the catalog cannot price is an error (exit 2) instead of a line in the Unpriced section')
    .option('--since <date>', 'only calls from this date (YYYY-MM-DD, in --tz)')
    .option('--until <date>', 'only calls up to and including this date (YYYY-MM-DD, in --tz)')
    .option('--tz <zone>', 'time zone for --since/--until and day groupings (IANA name)', 'UTC')
    .option('--workload <name>', 'only this workload (repeatable)', collect, []);
}

export type IngestFlags = { inputFormat?: string; map?: string; strict?: boolean };

/** The flags of addAnalysisOptions and --export-calls, as commander hands them over. */
export type AnalysisFlags = IngestFlags & { rules?: string; pricingDir?: string; strictPrices?: boolean; exportCalls?: string; partitionBy?: string };
