// The flags of `batchable check`, validated into typed values. Every bad value is a UsageError naming its flag.
import type { CheckLimits, CheckRequest } from '../check/limits.ts';
import { bases } from '../check/limits.ts';
import { checkFormats, type CheckFormat } from '../check/report.ts';
import { UsageError } from '../errors.ts';
import { cmp, frac, type Fraction } from '../simulate/fraction.ts';
import { type FilterFlags, oneOf, parseFilter, parseNonNegative, parseShareFlag, parseUsdFlag } from './parse.ts';

/** Flags as commander hands them over (strings, unvalidated). */
export type CheckFlags = FilterFlags & {
  maxSyncShare?: string;
  basis?: string;
  maxAvoidableShare?: string;
  maxAvoidableUsd?: string;
  maxUnpricedShare?: string;
  baseline?: string;
  maxIncrease?: string;
  format?: string;
};

export type ParsedCheckFlags = CheckRequest & { readonly format: CheckFormat };

export const thresholdFlags = '--max-sync-share S, --max-avoidable-share S, --max-avoidable-usd N, --max-unpriced-share S, or --baseline FILE with --max-increase P';

function percentagePoints(text: string | undefined): Fraction | undefined {
  const value = parseNonNegative('--max-increase', text);
  if (value !== undefined && cmp(value, frac(100n)) > 0) {
    throw new UsageError(`--max-increase ${text}: expected percentage points from 0 to 100, e.g. 5 for a share rising from 20% to 25%`);
  }
  return value;
}

export function parseCheckFlags(flags: CheckFlags): ParsedCheckFlags {
  const filter = parseFilter(flags);
  const limits: CheckLimits = {
    maxSyncShare: parseShareFlag('--max-sync-share', flags.maxSyncShare),
    basis: oneOf('--basis', flags.basis, bases, 'spend'),
    maxAvoidableShare: parseShareFlag('--max-avoidable-share', flags.maxAvoidableShare),
    maxAvoidableMicros: flags.maxAvoidableUsd === undefined ? undefined : parseUsdFlag('--max-avoidable-usd', flags.maxAvoidableUsd, 0n),
    maxUnpricedShare: parseShareFlag('--max-unpriced-share', flags.maxUnpricedShare),
    maxIncreasePoints: percentagePoints(flags.maxIncrease),
    baselineFile: flags.baseline,
  };
  if (flags.baseline !== undefined && flags.maxIncrease === undefined) {
    throw new UsageError(`--baseline ${flags.baseline}: also pass --max-increase P (percentage points each share may rise over the baseline)`);
  }
  if (flags.maxIncrease !== undefined && flags.baseline === undefined) {
    throw new UsageError(`--max-increase ${flags.maxIncrease}: also pass --baseline FILE (a previous \`batchable check --format json\` output)`);
  }
  if (flags.baseline !== undefined && flags.baseline.trim() === '') throw new UsageError('--baseline: expected a file name');
  const any = [limits.maxSyncShare, limits.maxAvoidableShare, limits.maxAvoidableMicros, limits.maxUnpricedShare, limits.baselineFile].some((v) => v !== undefined);
  if (!any) throw new UsageError(`no threshold to check: pass at least one of ${thresholdFlags}`);
  return { format: oneOf('--format', flags.format, checkFormats, 'table'), filter, limits };
}
