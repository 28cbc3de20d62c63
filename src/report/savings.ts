// Builds the savings report (audit and simulate) from the grouped SQL rows: allocates what moves to batch,
// stacks the levers per group (src/simulate/stacking.ts), sums exactly, rounds to micro-dollars once.
import { selectSavingsGroups, type GroupBy, type SavingsFilter, type SavingsGroupRow } from '../db/queries/savings.ts';
import type { Workspace } from '../db/workspace.ts';
import { formatNotes } from '../ingest/adapters/notes.ts';
import { allocateBatch, type Pool } from '../simulate/allocate.ts';
import { type StructuralDiscount, structuralFor } from '../simulate/structural.ts';
import { add, type Fraction, ratio, roundDiv, zero } from '../simulate/fraction.ts';
import { addSteps, type Rates, stack, type Steps, type Tokens, zeroSteps } from '../simulate/stacking.ts';
import { groupThousands } from './digits.ts';
import { formatUsd } from './money.ts';
import { groupNouns, type BilledReconciliation, type MicroSteps, type ReconciliationRow, type Report, type ReportRow, type RowLabel } from './model.ts';
import { picoFractionToMicros, synchronousLaneNames } from '../pricing/units.ts';
import { noUnpriced, unpricedTotals, type Unpriced } from '../pricing/unpriced.ts';

export type SavingsOptions = {
  readonly command: 'audit' | 'simulate';
  readonly by: GroupBy;
  readonly filter: SavingsFilter;
  readonly batchShare?: Fraction | undefined;
  /** The flag text as typed, for messages. */
  readonly batchShareText?: string | undefined;
  readonly structural: StructuralDiscount;
  readonly cacheHitRate?: Fraction | undefined;
  readonly creditBonus: Fraction;
  readonly minSavingMicros: bigint;
  readonly catalog: string;
  readonly rulesFile: string | null;
  readonly reconciliation?: readonly ReconciliationRow[];
  readonly billed?: BilledReconciliation | undefined;
  /** What the catalog could not price (src/pricing/unpriced.ts selectUnpriced), in the same scope. */
  readonly unpriced?: Unpriced;
};

const thirtyDays = 30n * 86_400n;
/** Below a day of data a 30-day extrapolation says more about the sample (one nightly run) than about the month. */
const minPeriodSeconds = 86_400n;

const micros = (s: Steps): MicroSteps => ({
  now: picoFractionToMicros(s.now),
  structural: picoFractionToMicros(s.structural),
  batch: picoFractionToMicros(s.batch),
  caching: picoFractionToMicros(s.caching),
  credits: picoFractionToMicros(s.credits),
});

function poolOf(g: SavingsGroupRow): Pool {
  if (!g.synchronous || !g.batch_eligible || !g.has_batch_rates) return 'fixed';
  return g.label === 'non_blocking' ? 'batchable' : 'blocking';
}

// Charges that are not text tokens arrive as money per lane (chg_bil_pico, chg_bat_pico): see src/simulate/stacking.ts.
const tokensOf = (g: SavingsGroupRow): Tokens => ({ in: g.in_tok, cr: g.cr_tok, cw5: g.cw5_tok, cw1h: g.cw1h_tok, out: g.out_tok, xbil: g.chg_bil_pico, xbat: g.chg_bat_pico });
const billedOf = (g: SavingsGroupRow): Rates => ({ in: g.bil_in, cr: g.bil_cr, cw5: g.bil_cw5, cw1h: g.bil_cw1h, out: g.bil_out, xbil: 1n, xbat: 0n });
const batchOf = (g: SavingsGroupRow): Rates | null =>
  g.bat_in === null ? null : { in: g.bat_in, cr: g.bat_cr ?? 0n, cw5: g.bat_cw5 ?? 0n, cw1h: g.bat_cw1h ?? 0n, out: g.bat_out ?? 0n, xbil: 0n, xbat: 1n };

type Acc = {
  requests: bigint;
  uncounted: bigint;
  blocking: bigint;
  labels: Set<string>;
  steps: Steps;
  batchableNow: Fraction;
  tightDeadline: bigint;
  agentChain: bigint;
  cannotBatch: { requests: bigint; now: Fraction; providers: Set<string> };
};

const newAcc = (): Acc => ({
  requests: 0n, uncounted: 0n, blocking: 0n, labels: new Set(), steps: zeroSteps, batchableNow: zero, tightDeadline: 0n, agentChain: 0n,
  cannotBatch: { requests: 0n, now: zero, providers: new Set() },
});

export async function buildSavingsReport(ws: Workspace, o: SavingsOptions): Promise<Report> {
  const groups = await selectSavingsGroups(ws, o.by, o.filter);
  const unpriced = o.unpriced ?? noUnpriced;
  const period = periodOf(groups);
  const reasons = topReasons(groups);

  const pools = groups.map(poolOf);
  const allocation = allocateBatch(groups.map((g, i) => ({ pool: pools[i] ?? 'fixed', synchronous: g.synchronous, requests: g.requests })), o.batchShare, o.batchShareText);

  const byName = new Map<string, Acc>();
  let total = zeroSteps;
  let batchableNow = zero;
  groups.forEach((g, i) => {
    const steps = stack(tokensOf(g), billedOf(g), batchOf(g), {
      structural: structuralFor(o.structural, g.price_provider),
      batchShare: allocation.shares[i] ?? zero,
      cacheHitRate: o.cacheHitRate,
      creditBonus: o.creditBonus,
    });
    const acc = byName.get(g.name) ?? newAcc();
    byName.set(g.name, acc);
    acc.requests += g.requests;
    acc.uncounted += g.uncounted_rows;
    if (g.label === 'blocking') acc.blocking += g.requests;
    acc.labels.add(g.label);
    acc.steps = addSteps(acc.steps, steps);
    total = addSteps(total, steps);
    if (pools[i] === 'batchable') {
      acc.batchableNow = add(acc.batchableNow, steps.now);
      batchableNow = add(batchableNow, steps.now);
      acc.tightDeadline += g.tight_deadline_requests;
      acc.agentChain += g.agent_chain_requests;
    }
    if (g.synchronous && g.label === 'non_blocking' && pools[i] === 'fixed') {
      acc.cannotBatch.requests += g.requests;
      acc.cannotBatch.now = add(acc.cannotBatch.now, steps.now);
      acc.cannotBatch.providers.add(g.price_provider ?? 'its provider');
    }
  });

  const seconds = period.seconds !== null && period.seconds >= minPeriodSeconds ? period.seconds : undefined;
  const monthly = (m: bigint): bigint | undefined => (seconds === undefined ? undefined : roundDiv(m * thirtyDays, seconds));

  const rows: ReportRow[] = [...byName.entries()].map(([name, acc]) => {
    const steps = micros(acc.steps);
    const savings = steps.now - steps.credits;
    const label: RowLabel = acc.labels.size === 1 ? (acc.labels.has('blocking') ? 'blocking' : 'non_blocking') : 'mixed';
    return {
      name, label, requests: acc.requests, uncountedRows: acc.uncounted, blockingRequests: acc.blocking, blockingShare: ratio(acc.blocking, acc.requests), steps,
      batchableSyncMicros: picoFractionToMicros(acc.batchableNow), savingsMicros: savings, monthlySavingsMicros: monthly(savings),
      reasons: reasons.get(name) ?? [],
    };
  });
  // Largest saving first, then largest spend, then by name: stable output for snapshots and diffs.
  rows.sort((a, b) => descending(a.savingsMicros, b.savingsMicros) || descending(a.steps.now, b.steps.now) || a.name.localeCompare(b.name));

  const totalSteps = micros(total);
  const totalSavings = totalSteps.now - totalSteps.credits;
  const notes = buildNotes(byName, rows, o, monthly);
  if (groups.length === 0) notes.push('No priced calls matched: pass usage exports (`batchable audit <files...>`) or widen --since/--until/--workload.');
  if (groups.length > 0) notes.push(...(await formatNotes(ws)));
  const uncountedRows = rows.reduce((n, r) => n + r.uncountedRows, 0n);
  if (uncountedRows > 0n) {
    notes.push(
      `${uncountedRows} bucket row(s) carry no request count (Anthropic's usage report and Console export do not say): their requests show as ?, ` +
        'and the blocking and synchronous shares of requests weigh each such row as one.',
    );
  }
  if (period.seconds !== null && seconds === undefined && groups.length > 0) notes.push('The data covers less than a day: no 30-day estimate (a daily job would be extrapolated from one run).');

  const perProvider = Object.fromEntries(o.structural.perProvider);
  return {
    command: o.command,
    period: { since: period.since, until: period.until, seconds: period.seconds },
    assumptions: {
      catalog: o.catalog,
      laneRule:
        o.batchShare === undefined
          ? `calls labelled non-blocking, batch-eligible on their provider and billed on a synchronous lane (${synchronousLaneNames}) move to the batch lane at the catalog batch rates`
          : `--batch-share ${o.batchShareText ?? ''} of synchronous requests moves to the batch lane at the catalog batch rates, non-blocking work first, then blocking work`,
      rulesFile: o.rulesFile,
      groupBy: o.by,
      timeZone: o.filter.tz,
      since: o.filter.since ?? null,
      until: o.filter.until ?? null,
      workloads: o.filter.workloads,
      batchShare: o.batchShare ?? null,
      structuralDiscount: { global: o.structural.global, perProvider },
      cacheHitRate: o.cacheHitRate ?? null,
      creditBonus: o.creditBonus,
      minSavingMicros: o.minSavingMicros,
    },
    totals: {
      requests: rows.reduce((n, r) => n + r.requests, 0n),
      uncountedRows,
      blockingRequests: rows.reduce((n, r) => n + r.blockingRequests, 0n),
      syncRequests: allocation.syncRequests,
      batchableRequests: allocation.batchableRequests,
      steps: totalSteps,
      batchableSyncMicros: picoFractionToMicros(batchableNow),
      savingsMicros: totalSavings,
      monthly:
        seconds === undefined
          ? undefined
          : { currentMicros: monthly(totalSteps.now) ?? 0n, simulatedMicros: monthly(totalSteps.credits) ?? 0n, savingsMicros: monthly(totalSavings) ?? 0n },
      unpricedRequests: unpricedTotals(unpriced).unpricedRequests,
      unpricedReportedMicros: unpricedTotals(unpriced).reportedMicros,
    },
    unpriced,
    rows,
    notes,
    warnings: allocation.warnings,
    reconciliation: o.reconciliation ?? [],
    reconciliationNotes: (o.reconciliation ?? []).length > 0 ? await formatNotes(ws, 'reconciliation') : [],
    billed: o.billed,
  };
}

const descending = (a: bigint, b: bigint): number => (a === b ? 0 : a > b ? -1 : 1);

const iso = (epochSeconds: bigint): string => new Date(Number(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** First call start to last call end over all groups. */
function periodOf(groups: readonly SavingsGroupRow[]): Report['period'] {
  if (groups.length === 0) return { since: null, until: null, seconds: null };
  const first = groups.reduce((m, g) => (g.first_start < m ? g.first_start : m), groups[0]?.first_start ?? 0n);
  const last = groups.reduce((m, g) => (g.last_end > m ? g.last_end : m), groups[0]?.last_end ?? 0n);
  return { since: iso(first), until: iso(last), seconds: last - first };
}

/** Up to three deciding reasons per report row, by requests (ties: alphabetical). */
function topReasons(groups: readonly SavingsGroupRow[]): Map<string, string[]> {
  const perName = new Map<string, Map<string, bigint>>();
  for (const g of groups) {
    if (g.reason === null) continue;
    const counts = perName.get(g.name) ?? new Map<string, bigint>();
    perName.set(g.name, counts);
    counts.set(g.reason, (counts.get(g.reason) ?? 0n) + g.requests);
  }
  const top = new Map<string, string[]>();
  for (const [name, counts] of perName) {
    const sorted = [...counts.entries()].sort(([ra, a], [rb, b]) => (a === b ? ra.localeCompare(rb) : a > b ? -1 : 1));
    top.set(name, sorted.slice(0, 3).map(([reason]) => reason));
  }
  return top;
}

const count = (n: bigint) => groupThousands(n);

/** Notes of one kind listed by workload, largest saving first; past this many, one line counts the rest. */
export const notesPerKind = 20;

/**
 * Where batch would not pay, in the words of seed 003 "When batch saves nothing". Each kind names at most
 * notesPerKind rows and counts the others in one line: 200,000 workloads of a call each (a tag holding an id) gave
 * 200,000 low-volume notes, 34 MB of text under the table.
 */
function buildNotes(byName: Map<string, Acc>, rows: readonly ReportRow[], o: SavingsOptions, monthly: (m: bigint) => bigint | undefined): string[] {
  const notes: string[] = [];
  // Per kind: how many notes it gave, so that past notesPerKind the rest are counted, not listed (row order kept).
  const given = { lowVolume: 0, deadline: 0, chain: 0, cannotBatch: 0 };
  const note = (kind: keyof typeof given, text: () => string) => {
    if (given[kind]++ < notesPerKind) notes.push(text());
  };
  for (const row of rows) {
    const acc = byName.get(row.name);
    if (acc === undefined) continue;
    // The batch step's own saving, so that structural or credit levers do not hide a low-volume job.
    const batchSaving = row.steps.structural - row.steps.batch;
    const perMonth = monthly(batchSaving);
    if (row.batchableSyncMicros > 0n && batchSaving > 0n && (perMonth ?? batchSaving) < o.minSavingMicros) {
      note('lowVolume', () =>
        `${row.name}: low volume, batch saves ${formatUsd(perMonth ?? batchSaving)}${perMonth === undefined ? ' in this period' : ' per 30 days'}, ` +
          `under --min-saving ${formatUsd(o.minSavingMicros)}; the plumbing (submission, polling, reconciliation) costs more. Stay synchronous.`,
      );
    }
    if (acc.tightDeadline > 0n) {
      note('deadline', () => `${row.name}: ${count(acc.tightDeadline)} non-blocking requests have a deadline under the 24 h batch window; batch would miss it a few percent of the time. Keep them synchronous or submit a day ahead.`);
    }
    if (acc.agentChain > 0n) {
      note('chain', () => `${row.name}: ${count(acc.agentChain)} non-blocking requests are steps of a chained agent loop; batching the chain puts up to 24 h between steps.`);
    }
    if (acc.cannotBatch.requests > 0n) {
      note('cannotBatch', () =>
        `${row.name}: ${count(acc.cannotBatch.requests)} non-blocking requests (${formatUsd(picoFractionToMicros(acc.cannotBatch.now))} now) cannot be batched on ` +
          `${[...acc.cannotBatch.providers].sort().join(', ')}: its batch lane does not take this model or operation, or has no batch price for a charge they carry (audio, image output); no saving counted.`,
      );
    }
  }
  const more = (kind: keyof typeof given, what: string) =>
    given[kind] > notesPerKind ? [`… ${count(BigInt(given[kind] - notesPerKind))} more ${groupNouns[o.by]} ${what}`] : [];
  notes.push(
    ...more('lowVolume', 'save less than --min-saving with batch: stay synchronous'),
    ...more('deadline', 'have non-blocking requests with a deadline under the 24 h batch window'),
    ...more('chain', 'have non-blocking requests that are steps of a chained agent loop'),
    ...more('cannotBatch', 'have non-blocking requests their provider cannot batch (no saving counted)'),
  );
  return notes;
}
