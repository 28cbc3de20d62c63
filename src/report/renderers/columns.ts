// The columns of the savings table, shared by the terminal and markdown renderers.
import { type Fraction, ratio, toNumber } from '../../simulate/fraction.ts';
import { formatUsd } from '../money.ts';
import { groupNouns, type Report, type ReportRow } from '../model.ts';
import { formatCount, type TableSpec } from '../table.ts';

export const percent = (f: Fraction | undefined): string => (f === undefined ? '–' : `${(toNumber(f, 6) * 100).toFixed(1)}%`);

/**
 * Requests as known: rows without a request count stay unknown (`?`), never shown as 1 each. All unknown: `?`;
 * some unknown: the known count and `+ ?`.
 */
export function requestsText(row: { readonly requests: bigint; readonly uncountedRows: bigint }): string {
  if (row.uncountedRows === 0n) return formatCount(row.requests);
  const known = row.requests - row.uncountedRows;
  return known === 0n ? '?' : `${formatCount(known)} + ?`;
}

const firstColumn = (r: Report): string => (r.assumptions.groupBy === 'api_key' ? 'api key' : r.assumptions.groupBy);

/** The rows a table leaves out (past `top`), summed: exact integers, each row's own rounded micro-dollars added. */
function restOf(r: Report, top: number): ReportRow {
  const rest = r.rows.slice(top);
  const sum = (f: (row: ReportRow) => bigint) => rest.reduce((n, row) => n + f(row), 0n);
  const requests = sum((x) => x.requests);
  const blocking = sum((x) => x.blockingRequests);
  const steps = { now: sum((x) => x.steps.now), structural: sum((x) => x.steps.structural), batch: sum((x) => x.steps.batch), caching: sum((x) => x.steps.caching), credits: sum((x) => x.steps.credits) };
  return {
    name: `… ${formatCount(rest.length)} more ${groupNouns[r.assumptions.groupBy]} (--top 0 lists every row)`,
    label: 'mixed', requests, uncountedRows: sum((x) => x.uncountedRows), blockingRequests: blocking, blockingShare: ratio(blocking, requests), steps,
    batchableSyncMicros: sum((x) => x.batchableSyncMicros), savingsMicros: sum((x) => x.savingsMicros), monthlySavingsMicros: undefined, reasons: [],
  };
}

/**
 * The rows a table shows: every row, or with `top` the first `top` (largest saving first) and one row that sums the
 * rest, so that 200,000 workloads (a tag holding a request id) print as a table a person can read.
 */
export function shownRows(r: Report, top: number | undefined): readonly ReportRow[] {
  if (top === undefined || r.rows.length <= top) return r.rows;
  return [...r.rows.slice(0, top), restOf(r, top)];
}

/** audit: what it costs and what batch saves; simulate: one column per stacking step. `top`: see shownRows. */
export function savingsColumns(r: Report, top?: number): TableSpec {
  const rows = shownRows(r, top);
  if (r.command === 'audit') {
    const cells = (row: ReportRow) => [row.name, requestsText(row), formatUsd(row.steps.now), percent(row.blockingShare),
      formatUsd(row.batchableSyncMicros), formatUsd(row.savingsMicros), row.reasons[0] ?? '–'];
    const t = r.totals;
    return {
      head: [firstColumn(r), 'requests', 'spend now', 'blocking', 'batchable on sync', 'saving on batch', 'top reason'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
      rows: rows.map(cells),
      footer: ['total', requestsText(t), formatUsd(t.steps.now), percent(ratio(t.blockingRequests, t.requests)), formatUsd(t.batchableSyncMicros), formatUsd(t.savingsMicros), ''],
      overflow: { column: 6, title: 'Top reason per workload' },
    };
  }
  const money = (s: Report['totals']['steps']) => [formatUsd(s.now), formatUsd(s.structural), formatUsd(s.batch), formatUsd(s.caching), formatUsd(s.credits)];
  return {
    head: [firstColumn(r), 'requests', 'now', '+ structural', '+ batch', '+ caching', '+ credits = final', 'saving'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: rows.map((row) => [row.name, requestsText(row), ...money(row.steps), formatUsd(row.savingsMicros)]),
    footer: ['total', requestsText(r.totals), ...money(r.totals.steps), formatUsd(r.totals.savingsMicros)],
  };
}

const day = (iso: string | null) => (iso === null ? '?' : iso.replace('T', ' ').replace(/:\d\dZ$/, ' UTC'));

/** The lines under the table: period, 30-day estimate, assumptions, notes, warnings. */
export function footerLines(r: Report): { period: string[]; assumptions: string[]; notes: readonly string[]; warnings: readonly string[] } {
  const period: string[] = [];
  if (r.period.since !== null) {
    const seconds = Number(r.period.seconds ?? 0n);
    const days = seconds >= 86_400 ? ` (${(seconds / 86_400).toFixed(1)} days)` : ` (${(seconds / 3_600).toFixed(1)} hours)`;
    period.push(`Period: ${day(r.period.since)} to ${day(r.period.until)}${days}`);
  }
  const m = r.totals.monthly;
  if (m !== undefined) {
    period.push(`30-day estimate: ${formatUsd(m.currentMicros)} now, ${formatUsd(m.simulatedMicros)} ${r.command === 'audit' ? 'with batchable work on batch' : 'simulated'}, saving ${formatUsd(m.savingsMicros)}`);
  }
  const a = r.assumptions;
  const levers: string[] = [];
  const perProvider = Object.entries(a.structuralDiscount.perProvider);
  if (perProvider.length > 0) levers.push(`structural discount ${perProvider.map(([p, d]) => `${p} ${percent(d)}`).join(', ')}`);
  else if (a.structuralDiscount.global.num !== 0n) levers.push(`structural discount ${percent(a.structuralDiscount.global)}`);
  if (a.cacheHitRate !== null) levers.push(`cache hit rate at least ${percent(a.cacheHitRate)} of input`);
  if (a.creditBonus.num !== 0n) levers.push(`prepaid credit bonus ${percent(a.creditBonus)}`);
  const assumptions = [
    `Catalog: ${a.catalog}`,
    `Lane rule: ${a.laneRule}`,
    `Rules file: ${a.rulesFile ?? 'none (built-in heuristics)'}`,
  ];
  if (levers.length > 0) assumptions.push(`Levers, in stacking order: ${levers.join('; ')}`);
  const filters = [a.since === null ? '' : `since ${a.since}`, a.until === null ? '' : `until ${a.until}`, a.workloads.length > 0 ? `workloads ${a.workloads.join(', ')}` : '']
    .filter((f) => f !== '');
  if (filters.length > 0) assumptions.push(`Filters: ${filters.join(', ')} (${a.timeZone})`);
  return { period, assumptions, notes: r.notes, warnings: r.warnings };
}
