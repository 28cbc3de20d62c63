// The worked examples of docs/architecture.md ("The stacking order") and seeds 002/003, through the one stacking module.
import { describe, expect, it } from 'vitest';
import { frac, type Fraction, parseDecimal, roundTo } from '../../src/simulate/fraction.ts';
import { noLevers, type Rates, stack, type Tokens, withCacheHits } from '../../src/simulate/stacking.ts';

const d = (text: string): Fraction => parseDecimal(text) ?? frac(0n);
const usd = (pico: Fraction): bigint => roundTo(pico, 1_000_000n); // micro-dollars
const tokens = (t: Partial<Tokens>): Tokens => ({ in: 0n, cr: 0n, cw5: 0n, cw1h: 0n, out: 0n, ...t });

// µ$/MTok
const sonnet: Rates = { in: 3_000_000n, cr: 300_000n, cw5: 3_750_000n, cw1h: 6_000_000n, out: 15_000_000n };
const sonnetBatch: Rates = { in: 1_500_000n, cr: 150_000n, cw5: 1_875_000n, cw1h: 3_000_000n, out: 7_500_000n };
const gpt54: Rates = { in: 2_500_000n, cr: 250_000n, cw5: 0n, cw1h: 0n, out: 15_000_000n };
const gpt54Batch: Rates = { in: 1_250_000n, cr: 125_000n, cw5: 0n, cw1h: 0n, out: 7_500_000n };

describe('seed 003: the 40M in / 10M out job on claude-sonnet-4.6', () => {
  const job = tokens({ in: 40_000_000n, out: 10_000_000n });
  it.each([
    ['synchronous, list', { ...noLevers }, 270_000_000n],
    ['structural 15% off', { ...noLevers, structural: d('0.15') }, 229_500_000n],
    ['batch only', { ...noLevers, batchShare: d('1') }, 135_000_000n],
    // seed 003 prints $114.90 from rates rounded to cents; the exact product is $114.75.
    ['batch + structural', { ...noLevers, batchShare: d('1'), structural: d('0.15') }, 114_750_000n],
  ])('%s', (_name, levers, micros) => expect(usd(stack(job, sonnet, sonnetBatch, levers).credits)).toBe(micros));

  it('reports every step cumulatively, in order', () => {
    const steps = stack(job, sonnet, sonnetBatch, { ...noLevers, batchShare: d('1'), structural: d('0.15'), creditBonus: d('0.25') });
    expect([steps.now, steps.structural, steps.batch, steps.caching, steps.credits].map(usd)).toEqual([
      270_000_000n, 229_500_000n, 114_750_000n, 114_750_000n, 91_800_000n,
    ]);
  });
});

describe('seed 003: gpt-5.4, 30M in / 10M out', () => {
  const job = tokens({ in: 30_000_000n, out: 10_000_000n });
  it('costs $225.00 on the synchronous lane', () => expect(usd(stack(job, gpt54, gpt54Batch, noLevers).credits)).toBe(225_000_000n));
  it('costs $112.50 on batch', () => expect(usd(stack(job, gpt54, gpt54Batch, { ...noLevers, batchShare: d('1') }).credits)).toBe(112_500_000n));
});

describe('seed 002: 1,000,000 calls at $0.01', () => {
  // 4,000 input tokens at $2.50/MTok = $0.01 a call.
  const month = tokens({ in: 4_000_000_000n });
  it('is $10,000 all synchronous', () => expect(usd(stack(month, gpt54, gpt54Batch, noLevers).credits)).toBe(10_000_000_000n));
  it('is $7,000 with 60% moved to batch', () =>
    expect(usd(stack(month, gpt54, gpt54Batch, { ...noLevers, batchShare: d('0.6') }).credits)).toBe(7_000_000_000n));
});

describe('caching, after structural and lane', () => {
  const input = tokens({ in: 10_000_000n });
  it.each([
    // 1M uncached x $3 + 9M cache reads x $0.30
    ['90% hits on list', { ...noLevers, cacheHitRate: d('0.9') }, 5_700_000n],
    // the cache-read rate of the chosen lane: 1M x $1.50 + 9M x $0.15
    ['90% hits on batch', { ...noLevers, cacheHitRate: d('0.9'), batchShare: d('1') }, 2_850_000n],
    // reduced by the structural rate too: $2.85 x 0.85
    ['90% hits on batch, 15% structural', { ...noLevers, cacheHitRate: d('0.9'), batchShare: d('1'), structural: d('0.15') }, 2_422_500n],
    // then the credit bonus: $2.4225 / 1.25
    ['... and a 25% credit bonus', { ...noLevers, cacheHitRate: d('0.9'), batchShare: d('1'), structural: d('0.15'), creditBonus: d('0.25') }, 1_938_000n],
  ])('%s', (_name, levers, micros) => expect(usd(stack(input, sonnet, sonnetBatch, levers).credits)).toBe(micros));

  it('prices cache writes at their own rate, reduced by the steps before', () => {
    // 1M 5-minute writes: $3.75 list, $1.875 on batch, x 0.85 structural = $1.59375
    const writes = tokens({ cw5: 1_000_000n });
    expect(usd(stack(writes, sonnet, sonnetBatch, { ...noLevers, batchShare: d('1'), structural: d('0.15') }).credits)).toBe(1_593_750n);
    // 1M 1-hour writes: $6 list
    expect(usd(stack(tokens({ cw1h: 1_000_000n }), sonnet, sonnetBatch, noLevers).credits)).toBe(6_000_000n);
  });

  it('never bills fewer cache reads than the data already shows', () => {
    const t = tokens({ in: 5_000_000n, cr: 5_000_000n });
    expect(withCacheHits(t, d('0.2'))).toEqual(withCacheHits(t, undefined));
    expect(usd(stack(t, sonnet, sonnetBatch, { ...noLevers, cacheHitRate: d('0.2') }).caching)).toBe(16_500_000n);
  });

  it('counts cache writes in the input a hit rate applies to, and takes extra reads from uncached input only', () => {
    const t = tokens({ in: 1_000_000n, cw5: 1_000_000n });
    const hit = withCacheHits(t, d('1'));
    expect([hit.in, hit.cr, hit.cw5]).toEqual([frac(0n), frac(1_000_000n), frac(1_000_000n)]);
  });

  it('keeps fractional tokens exact: a 1/3 hit rate', () => {
    // 3 tokens, 1 becomes a cache read: 2 x 3,000,000 + 1 x 300,000 pico = 6.3 micro -> 6
    expect(usd(stack(tokens({ in: 3n }), sonnet, sonnetBatch, { ...noLevers, cacheHitRate: frac(1n, 3n) }).caching)).toBe(6n);
  });
});

it('rounds to micro-dollars once, at the end, half away from zero', () => {
  // 1 token at $0.50/MTok = 0.5 µ$ -> 1 µ$; the stacking keeps it exact until then.
  const rates: Rates = { in: 500_000n, cr: 0n, cw5: 0n, cw1h: 0n, out: 0n };
  expect(usd(stack(tokens({ in: 1n }), rates, null, noLevers).now)).toBe(1n);
  expect(usd(stack(tokens({ in: 3n }), rates, null, { ...noLevers, structural: d('0.5') }).structural)).toBe(1n); // 0.75 -> 1
});

it('refuses to move work that has no batch lane', () => {
  expect(() => stack(tokens({ in: 1n }), sonnet, null, { ...noLevers, batchShare: d('0.5') })).toThrow(/no batch-lane rates/);
});
