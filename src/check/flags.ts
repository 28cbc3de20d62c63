// The flags of `batchable check`, validated into typed values. Every bad value is a UsageError naming its flag.
import { UsageError } from '../errors.ts';
import { dateFlag as date, oneOf } from '../cli/options.ts';
import { parseNonNegative, parseShareFlag, parseUsdFlag } from '../simulate/flags.ts';
import { cmp, frac, type Fraction } from '../simulate/fraction.ts';

export const checkFormats = ['table', 'json', 'markdown'] as const;
export type CheckFormat = (typeof checkFormats)[number];

export const bases = ['spend', 'requests'] as const;
export type Basis = (typeof bases)[number];

/** Flags as commander hands them over (strings, unvalidated). */
export type CheckFlags = {
  maxSyncShare?: string;
  basis?: string;
  maxAvoidableShare?: string;
  maxAvoidableUsd?: string;
  baseline?: string;
  maxIncrease?: string;
  since?: string;
  until?: string;
  tz?: string;
  workload?: string[];
  format?: string;
};

export type CheckFilter = {
  /** Calendar dates (YYYY-MM-DD) in `tz`; `until` is inclusive. */
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly tz: string;
  /** Only these workloads (labels.workload), when non-empty. */
  readonly workloads: readonly string[];
};

/** The limits asked for; at least one is set. Shares are exact fractions of 1, money integer micro-dollars. */
export type CheckLimits = {
  readonly maxSyncShare: Fraction | undefined;
  readonly basis: Basis;
  readonly maxAvoidableShare: Fraction | undefined;
  readonly maxAvoidableMicros: bigint | undefined;
  /** Percentage points of increase allowed over the baseline, for each share present in both. */
  readonly maxIncreasePoints: Fraction | undefined;
  readonly baselineFile: string | undefined;
};

export type ParsedCheckFlags = { readonly format: CheckFormat; readonly filter: CheckFilter; readonly limits: CheckLimits };

export const thresholdFlags = '--max-sync-share S, --max-avoidable-share S, --max-avoidable-usd N, or --baseline FILE with --max-increase P';


function percentagePoints(text: string | undefined): Fraction | undefined {
  const value = parseNonNegative('--max-increase', text);
  if (value !== undefined && cmp(value, frac(100n)) > 0) {
    throw new UsageError(`--max-increase ${text}: expected percentage points from 0 to 100, e.g. 5 for a share rising from 20% to 25%`);
  }
  return value;
}

export function parseCheckFlags(flags: CheckFlags): ParsedCheckFlags {
  const since = date('--since', flags.since);
  const until = date('--until', flags.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const workloads = (flags.workload ?? []).map((w) => w.trim());
  if (workloads.some((w) => w === '')) throw new UsageError('--workload: expected a workload name (see `batchable audit`)');

  const limits: CheckLimits = {
    maxSyncShare: parseShareFlag('--max-sync-share', flags.maxSyncShare),
    basis: oneOf('--basis', flags.basis, bases, 'spend'),
    maxAvoidableShare: parseShareFlag('--max-avoidable-share', flags.maxAvoidableShare),
    maxAvoidableMicros: flags.maxAvoidableUsd === undefined ? undefined : parseUsdFlag('--max-avoidable-usd', flags.maxAvoidableUsd, 0n),
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
  const any = [limits.maxSyncShare, limits.maxAvoidableShare, limits.maxAvoidableMicros, limits.baselineFile].some((v) => v !== undefined);
  if (!any) throw new UsageError(`no threshold to check: pass at least one of ${thresholdFlags}`);

  return {
    format: oneOf('--format', flags.format, checkFormats, 'table'),
    filter: { since, until, tz: flags.tz ?? 'UTC', workloads },
    limits,
  };
}
