// Flags shared by several commands, and their validation into typed values.
import type { Command } from 'commander';
import { callColumns } from '../db/schema.ts';
import { defaultDbPath } from '../db/workspace.ts';
import { UsageError } from '../errors.ts';

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
    .option('--since <date>', 'only calls from this date (YYYY-MM-DD, in --tz)')
    .option('--until <date>', 'only calls up to and including this date (YYYY-MM-DD, in --tz)')
    .option('--tz <zone>', 'time zone for --since/--until and day groupings (IANA name)', 'UTC')
    .option('--workload <name>', 'only this workload (repeatable)', collect, []);
}

export type IngestFlags = { inputFormat?: string; map?: string; strict?: boolean };

const canonicalNames = new Set<string>(callColumns.map((c) => c.name));

/** Parses `--map a=b,c=d` into source -> canonical pairs, checking every target is a canonical column. */
export function parseMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (text === undefined) return map;
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const source = pair.slice(0, eq).trim();
    const target = pair.slice(eq + 1).trim();
    if (eq <= 0 || source === '' || target === '') throw new UsageError(`--map ${pair}: expected source_col=canonical_col`);
    if (!canonicalNames.has(target)) {
      throw new UsageError(`--map ${pair}: "${target}" is not a canonical column; one of: ${[...canonicalNames].join(', ')}`);
    }
    map.set(source, target);
  }
  return map;
}

/** A number flag in [0, 1]. */
export function parseShare(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} ${value}: must be a number between 0 and 1`);
  return n;
}

/** A flag that takes one of a few words; absent means the fallback. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
}

/** A calendar date flag (YYYY-MM-DD, a real date), read in --tz by the query that uses it. */
export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  const valid = Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
  if (!valid) throw new UsageError(`${flag} ${value}: expected a calendar date YYYY-MM-DD (read in --tz)`);
  return value;
}
