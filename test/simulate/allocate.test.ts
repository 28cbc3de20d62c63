import { describe, expect, it } from 'vitest';
import { allocateBatch, type AllocationGroup } from '../../src/simulate/allocate.ts';
import { frac, parseDecimal } from '../../src/simulate/fraction.ts';

const groups: AllocationGroup[] = [
  { pool: 'batchable', synchronous: true, requests: 300n }, // nightly
  { pool: 'batchable', synchronous: true, requests: 300n }, // evals
  { pool: 'blocking', synchronous: true, requests: 300n }, // chat
  { pool: 'fixed', synchronous: true, requests: 100n }, // blocking on a model with no batch lane
  { pool: 'fixed', synchronous: false, requests: 500n }, // already on batch
];
const share = (s: string) => parseDecimal(s);

describe('allocateBatch', () => {
  it('without --batch-share moves exactly the batchable work', () => {
    const a = allocateBatch(groups, undefined);
    expect(a.shares).toEqual([frac(1n), frac(1n), frac(0n), frac(0n), frac(0n)]);
    expect(a.syncRequests).toBe(1000n);
    expect(a.batchableRequests).toBe(600n);
    expect(a.warnings).toEqual([]);
  });

  it('takes a share below the batchable share from batchable work, proportionally', () => {
    const a = allocateBatch(groups, share('0.3'), '0.3');
    // 300 of 1,000 synchronous requests, half of each batchable group
    expect(a.shares).toEqual([frac(1n, 2n), frac(1n, 2n), frac(0n), frac(0n), frac(0n)]);
    expect(a.movedRequests).toEqual(frac(300n));
    expect(a.warnings).toEqual([]);
  });

  it('takes the excess from blocking work and says that someone waits on it', () => {
    const a = allocateBatch(groups, share('0.75'), '0.75');
    expect(a.shares).toEqual([frac(1n), frac(1n), frac(1n, 2n), frac(0n), frac(0n)]);
    expect(a.blockingMoved).toEqual(frac(150n));
    expect(a.warnings).toEqual([
      '--batch-share 0.75 is above the batchable share of synchronous requests (60.0%): 150 requests of blocking work move to batch. ' +
        'This batches work someone waits on; those users would wait up to 24 hours for a response.',
    ]);
  });

  it('says when the share asked for cannot be reached on the providers batch lanes', () => {
    const a = allocateBatch(groups, share('1'), '1');
    expect(a.shares).toEqual([frac(1n), frac(1n), frac(1n), frac(0n), frac(0n)]);
    expect(a.warnings[1]).toBe(
      '--batch-share 1: 100 of the requested synchronous requests cannot be batched on their provider (no batch lane for that model or operation); they stay where they are.',
    );
  });

  it('moves nothing for a share of 0', () => {
    expect(allocateBatch(groups, share('0'), '0').shares.every((s) => s.num === 0n)).toBe(true);
  });
});
