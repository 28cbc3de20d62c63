// What `batchable check` measures against: the limits (typed; the flags are parsed in src/cli/check-flags.ts).
import type { SavingsFilter } from '../db/queries/savings.ts';
import type { Fraction } from '../simulate/fraction.ts';

export const bases = ['spend', 'requests'] as const;
export type Basis = (typeof bases)[number];

/** The calls a check measures: the same filter as the report's (one scope, src/db/queries/savings.ts). */
export type CheckFilter = SavingsFilter;

/** The limits asked for; at least one is set. Shares are exact fractions of 1, money integer micro-dollars. */
export type CheckLimits = {
  readonly maxSyncShare: Fraction | undefined;
  readonly basis: Basis;
  readonly maxAvoidableShare: Fraction | undefined;
  readonly maxAvoidableMicros: bigint | undefined;
  /** Most requests (share) the catalog may leave unpriced. */
  readonly maxUnpricedShare?: Fraction | undefined;
  /** Percentage points of increase allowed over the baseline, for each share present in both. */
  readonly maxIncreasePoints: Fraction | undefined;
  readonly baselineFile: string | undefined;
};

/** What `check` is asked: which calls, and the limits they must hold. */
export type CheckRequest = { readonly filter: CheckFilter; readonly limits: CheckLimits };
