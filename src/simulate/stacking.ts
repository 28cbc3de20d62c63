// The stacking order, written once (docs/architecture.md "The stacking order", seed 003):
//   1. structural rate: every rate x (1 - d)
//   2. lane: the moved share of the work is billed at the batch-lane rates (the catalog's, which already
//      embody "50% of input and output"), the rest at the billed lane's rates
//   3. caching: a share of input billed as cache reads, at the cache-read rate of the lane chosen in step 2,
//      times (1 - d); cache writes at their own rates, likewise reduced
//   4. prepaid credit bonus: cost / (1 + b)
// Each step applies to the output of the last. Pure: exact rationals in, exact rationals (pico-dollars) out.
import { add, cmp, div, frac, type Fraction, max, min, mul, one, sub, sum, zero } from './fraction.ts';

const textKinds = ['in', 'cr', 'cw5', 'cw1h', 'out'] as const;
type TextKind = (typeof textKinds)[number];
/**
 * The charges that are not text tokens (audio, image tokens, web searches) enter as money already priced per lane:
 * `xbil` is their cost at the billed rates and `xbat` at the batch-lane rates, pico-dollars, as quantities at a
 * rate of 1 (billed rates {xbil: 1, xbat: 0}, batch rates {xbil: 0, xbat: 1}). Every step is linear, so they take
 * the structural discount, the lane share and the credit bonus exactly like tokens; caching moves text input only.
 */
const chargeKinds = ['xbil', 'xbat'] as const;
export const tokenKinds = [...textKinds, ...chargeKinds] as const;
export type TokenKind = (typeof tokenKinds)[number];

/** Token counts of one group of calls: uncached input, cache reads, cache writes (5 min, 1 h), output; charges as above (absent: none). */
export type Tokens = Readonly<Record<TextKind, bigint> & Partial<Record<(typeof chargeKinds)[number], bigint>>>;
/** Rates in integer micro-dollars per million tokens, so tokens x rate is pico-dollars. */
export type Rates = Readonly<Record<TextKind, bigint> & Partial<Record<(typeof chargeKinds)[number], bigint>>>;

export type Levers = {
  /** Negotiated discount d on every rate (0 when none). */
  readonly structural: Fraction;
  /** Share of this group's work moved to the batch lane (0..1). */
  readonly batchShare: Fraction;
  /** Share of all input billed as cache reads; never lowers what the data already shows. */
  readonly cacheHitRate?: Fraction | undefined;
  /** Prepaid credit bonus b: everything costs 1 / (1 + b). */
  readonly creditBonus: Fraction;
};

/** Cumulative cost after each step, in pico-dollars (exact). `credits` is the final figure. */
export type Steps = {
  readonly now: Fraction;
  readonly structural: Fraction;
  readonly batch: Fraction;
  readonly caching: Fraction;
  readonly credits: Fraction;
};

export const stepNames = ['now', 'structural', 'batch', 'caching', 'credits'] as const satisfies readonly (keyof Steps)[];

export const noLevers: Levers = { structural: zero, batchShare: zero, creditBonus: zero };

type ExactTokens = Readonly<Record<TokenKind, Fraction>>;

const exact = (t: Tokens): ExactTokens => Object.fromEntries(tokenKinds.map((k) => [k, frac(t[k] ?? 0n)])) as ExactTokens;

/** Sum of tokens x rate over the token kinds: pico-dollars. */
const cost = (t: ExactTokens, r: Rates): Fraction => sum(tokenKinds.map((k) => mul(t[k], frac(r[k] ?? 0n))));

/**
 * Bills at least `hitRate` of all input (uncached + cache reads + cache writes) as cache reads, taking the
 * extra reads out of uncached input only. Writes stay as recorded (warming the cache is not invented).
 */
export function withCacheHits(t: Tokens, hitRate: Fraction | undefined): ExactTokens {
  const base = exact(t);
  if (hitRate === undefined) return base;
  const input = frac(t.in + t.cr + t.cw5 + t.cw1h);
  const extra = min(max(sub(mul(hitRate, input), base.cr), zero), base.in);
  return { ...base, in: sub(base.in, extra), cr: add(base.cr, extra) };
}

/** The lane step: (1 - s) of the work at the billed rates, s of it at the batch rates. */
function laneCost(t: ExactTokens, billed: Rates, batch: Rates | null, share: Fraction): Fraction {
  if (cmp(share, zero) === 0) return cost(t, billed);
  if (batch === null) throw new RangeError('cannot move work to batch: no batch-lane rates');
  return add(mul(sub(one, share), cost(t, billed)), mul(share, cost(t, batch)));
}

/** The whole stack for one group of calls. */
export function stack(tokens: Tokens, billed: Rates, batch: Rates | null, levers: Levers): Steps {
  const keep = sub(one, levers.structural);
  const t = exact(tokens);
  const now = cost(t, billed);
  const structural = mul(now, keep);
  const batched = mul(laneCost(t, billed, batch, levers.batchShare), keep);
  const caching = levers.cacheHitRate === undefined ? batched : mul(laneCost(withCacheHits(tokens, levers.cacheHitRate), billed, batch, levers.batchShare), keep);
  const credits = div(caching, add(one, levers.creditBonus));
  return { now, structural, batch: batched, caching, credits };
}

/** Adds step figures group by group (exact). */
export function addSteps(a: Steps, b: Steps): Steps {
  return { now: add(a.now, b.now), structural: add(a.structural, b.structural), batch: add(a.batch, b.batch), caching: add(a.caching, b.caching), credits: add(a.credits, b.credits) };
}

export const zeroSteps: Steps = { now: zero, structural: zero, batch: zero, caching: zero, credits: zero };
