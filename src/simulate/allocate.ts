// Which work moves to batch. Without --batch-share: exactly the non-blocking, batch-eligible work on
// synchronous lanes. With --batch-share S: S of all synchronous requests, taken from that batchable work
// first (proportionally across its groups), then from blocking batch-eligible work, with a warning in
// plain words because that batches work someone waits on (seed 002: the worst mistake the tool can make).
import { groupThousands } from '../report/digits.ts';
import { add, cmp, div, frac, type Fraction, min, mul, one, sub, toNumber, zero } from './fraction.ts';

/** batchable: non-blocking, batch-eligible, on a synchronous lane. blocking: someone waits, but the lane could take it. */
export type Pool = 'batchable' | 'blocking' | 'fixed';

export type AllocationGroup = { readonly pool: Pool; readonly synchronous: boolean; readonly requests: bigint };

export type Allocation = {
  /** Share of each group's work moved to batch, in the order given. */
  readonly shares: readonly Fraction[];
  readonly syncRequests: bigint;
  readonly batchableRequests: bigint;
  /** Requests moved (exact; a share of a group may be fractional). */
  readonly movedRequests: Fraction;
  readonly blockingMoved: Fraction;
  readonly warnings: readonly string[];
};

const count = (f: Fraction): string => groupThousands(f.num / f.den);
const pct = (f: Fraction): string => `${(toNumber(f, 4) * 100).toFixed(1)}%`;

export function allocateBatch(groups: readonly AllocationGroup[], batchShare: Fraction | undefined, flagText = ''): Allocation {
  const total = (pool: Pool) => groups.filter((g) => g.pool === pool).reduce((n, g) => n + g.requests, 0n);
  const syncRequests = groups.filter((g) => g.synchronous).reduce((n, g) => n + g.requests, 0n);
  const batchableRequests = total('batchable');
  const blockingRequests = total('blocking');
  const base = { syncRequests, batchableRequests };
  if (batchShare === undefined) {
    const shares = groups.map((g) => (g.pool === 'batchable' ? one : zero));
    return { ...base, shares, movedRequests: frac(batchableRequests), blockingMoved: zero, warnings: [] };
  }
  const target = mul(batchShare, frac(syncRequests));
  const fromBatchable = batchableRequests === 0n ? zero : min(one, div(target, frac(batchableRequests)));
  const excess = sub(target, frac(batchableRequests));
  const warnings: string[] = [];
  let fromBlocking = zero;
  if (cmp(excess, zero) > 0) {
    fromBlocking = blockingRequests === 0n ? zero : min(one, div(excess, frac(blockingRequests)));
    const blockingMoved = mul(fromBlocking, frac(blockingRequests));
    const batchableShare = syncRequests === 0n ? zero : frac(batchableRequests, syncRequests);
    if (cmp(blockingMoved, zero) > 0) {
      warnings.push(
        `--batch-share ${flagText} is above the batchable share of synchronous requests (${pct(batchableShare)}): ` +
          `${count(blockingMoved)} requests of blocking work move to batch. This batches work someone waits on; ` +
          'those users would wait up to 24 hours for a response.',
      );
    }
    const unmovable = sub(excess, blockingMoved);
    if (cmp(unmovable, zero) > 0) {
      warnings.push(
        `--batch-share ${flagText}: ${count(unmovable)} of the requested synchronous requests cannot be batched on their ` +
          'provider (no batch lane for that model or operation); they stay where they are.',
      );
    }
  }
  const shares = groups.map((g) => (g.pool === 'batchable' ? fromBatchable : g.pool === 'blocking' ? fromBlocking : zero));
  const blockingMoved = mul(fromBlocking, frac(blockingRequests));
  const movedRequests = mul(fromBatchable, frac(batchableRequests));
  return { ...base, shares, movedRequests: add(movedRequests, blockingMoved), blockingMoved, warnings };
}
