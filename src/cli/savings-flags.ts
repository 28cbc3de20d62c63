// The flags of audit and simulate, validated into typed values. Every bad value is a UsageError naming its flag.
import type { ReportOptions } from '../app/audit.ts';
import { defaultMinSavingMicros } from '../app/audit.ts';
import { groupings, type GroupBy, type SavingsFilter } from '../db/queries/savings.ts';
import { formats, type Format } from '../report/render.ts';
import { type Fraction, zero } from '../simulate/fraction.ts';
import type { StructuralDiscount } from '../simulate/structural.ts';
import { type FilterFlags, oneOf, parseFilter, parseNonNegative, parseShareFlag, parseStructural, parseUsdFlag } from './parse.ts';

/** Flags as commander hands them over (strings, unvalidated). */
export type SavingsFlags = FilterFlags & {
  by?: string;
  minSaving?: string;
  format?: string;
  batchShare?: string;
  structuralDiscount?: string;
  cacheHitRate?: string;
  creditBonus?: string;
};

export type ParsedSavingsFlags = ReportOptions & {
  readonly format: Format;
  readonly by: GroupBy;
  readonly filter: SavingsFilter;
  readonly minSavingMicros: bigint;
  readonly structural: StructuralDiscount;
  readonly creditBonus: Fraction;
};

export function parseSavingsFlags(flags: SavingsFlags): ParsedSavingsFlags {
  const filter = parseFilter(flags);
  return {
    format: oneOf('--format', flags.format, formats, 'table'),
    by: oneOf('--by', flags.by, groupings, 'workload'),
    filter,
    minSavingMicros: parseUsdFlag('--min-saving', flags.minSaving, defaultMinSavingMicros),
    batchShare: parseShareFlag('--batch-share', flags.batchShare),
    batchShareText: flags.batchShare,
    structural: parseStructural(flags.structuralDiscount),
    cacheHitRate: parseShareFlag('--cache-hit-rate', flags.cacheHitRate),
    creditBonus: parseNonNegative('--credit-bonus', flags.creditBonus) ?? zero,
  };
}
