// The flags of audit and simulate, validated into typed values. Every bad value is a UsageError naming its flag.
import { groupings, type GroupBy, type SavingsFilter } from '../db/queries/savings.ts';
import { dateFlag as date, oneOf } from '../cli/options.ts';
import { UsageError } from '../errors.ts';
import { parseNonNegative, parseShareFlag, parseStructural, parseUsdFlag, type StructuralDiscount } from '../simulate/flags.ts';
import { type Fraction, zero } from '../simulate/fraction.ts';
import { formats, type Format } from './render.ts';

/** Flags as commander hands them over (strings, unvalidated). */
export type SavingsFlags = {
  by?: string;
  since?: string;
  until?: string;
  tz?: string;
  minSaving?: string;
  format?: string;
  workload?: string[];
  batchShare?: string;
  structuralDiscount?: string;
  cacheHitRate?: string;
  creditBonus?: string;
};

export type ParsedSavingsFlags = {
  readonly format: Format;
  readonly by: GroupBy;
  readonly filter: SavingsFilter;
  readonly minSavingMicros: bigint;
  readonly batchShare: Fraction | undefined;
  readonly batchShareText: string | undefined;
  readonly structural: StructuralDiscount;
  readonly cacheHitRate: Fraction | undefined;
  readonly creditBonus: Fraction;
};

/** Default for --min-saving: $10 per 30 days. */
export const defaultMinSavingMicros = 10_000_000n;


export function parseSavingsFlags(flags: SavingsFlags): ParsedSavingsFlags {
  const since = date('--since', flags.since);
  const until = date('--until', flags.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const workloads = (flags.workload ?? []).map((w) => w.trim());
  if (workloads.some((w) => w === '')) throw new UsageError('--workload: expected a workload name (see `batchable audit`)');
  return {
    format: oneOf('--format', flags.format, formats, 'table'),
    by: oneOf('--by', flags.by, groupings, 'workload'),
    filter: { since, until, tz: flags.tz ?? 'UTC', workloads },
    minSavingMicros: parseUsdFlag('--min-saving', flags.minSaving, defaultMinSavingMicros),
    batchShare: parseShareFlag('--batch-share', flags.batchShare),
    batchShareText: flags.batchShare,
    structural: parseStructural(flags.structuralDiscount),
    cacheHitRate: parseShareFlag('--cache-hit-rate', flags.cacheHitRate),
    creditBonus: parseNonNegative('--credit-bonus', flags.creditBonus) ?? zero,
  };
}
