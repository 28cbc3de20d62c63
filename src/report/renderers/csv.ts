// CSV: one row per report row plus a `total` row; money as USD text with 6 decimals (exact), shares 0..1. The
// reconciliation tables (when there is something to reconcile), the unpriced models, the unpriced charges and the
// notes and warnings follow, each after one empty line.
import { type Fraction, toNumber } from '../../simulate/fraction.ts';
import { usdText } from '../money.ts';
import type { MicroSteps, Report, Style } from '../model.ts';
import { csvText } from '../escape.ts';
import { reconciliationLines } from '../reconciliation.ts';
import { footerLines } from './columns.ts';

const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const share = (f: Fraction | undefined): string => (f === undefined ? '' : toNumber(f, 6).toFixed(6));
/** Known requests; empty when none is known (rows without a request count stay unknown, see uncounted_rows). */
const knownRequests = (r: { requests: bigint; uncountedRows: bigint }): string =>
  r.uncountedRows > 0n && r.requests === r.uncountedRows ? '' : String(r.requests - r.uncountedRows);
const steps = (s: MicroSteps) => [usdText(s.now), usdText(s.structural), usdText(s.batch), usdText(s.caching), usdText(s.credits)];

export function renderCsv(report: Report, _style: Style): string {
  const head = ['name', 'label', 'requests', 'blocking_share', 'current_usd', 'structural_usd', 'batch_usd', 'caching_usd', 'simulated_usd',
    'savings_usd', 'batchable_sync_usd', 'top_reason', 'uncounted_rows'];
  // Names and reasons can come from input: neutralised as text cells (OWASP); numbers stay numbers.
  const rows = report.rows.map((r) => [csvText(r.name), csvText(r.label), knownRequests(r), share(r.blockingShare), ...steps(r.steps), usdText(r.savingsMicros),
    usdText(r.batchableSyncMicros), csvText(r.reasons[0] ?? ''), String(r.uncountedRows)]);
  const t = report.totals;
  rows.push(['total', '', knownRequests(t), '', ...steps(t.steps), usdText(t.savingsMicros), usdText(t.batchableSyncMicros), '', String(t.uncountedRows)]);
  return [table([head, ...rows]), reconciliationCsv(report), billedCsv(report), unpricedCsv(report), unpricedChargesCsv(report), notesCsv(report)]
    .filter((t) => t !== '').join('\n');
}

/**
 * What the other formats say under the table and a spreadsheet would otherwise lose: the notes (where batch would
 * not pay, or needs care: a source that names no service, a workload held blocking by its name…), the warnings, and
 * what a source's figures mean for the reconciliation. Last, after one empty line, when there is any.
 */
function notesCsv(report: Report): string {
  const f = footerLines(report);
  const row = (kind: string) => (text: string) => [kind, csvText(text)];
  const notes = [
    ...f.notes.map(row('note')),
    ...f.warnings.map(row('warning')),
    ...reconciliationLines(report.reconciliation, report.reconciliationNotes).map(row('reconciliation')),
  ];
  return notes.length === 0 ? '' : table([['note_kind', 'note'], ...notes]);
}

const table = (rows: readonly (readonly string[])[]): string => `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;

/**
 * The reconciliation, when a source stated its own cost: a second table after one empty line, with its own header
 * (spreadsheet tools show it under the first; a reader of the first table stops at the empty line).
 */
function reconciliationCsv(report: Report): string {
  if (report.reconciliation.length === 0) return '';
  const head = ['reconciliation_model', 'lane', 'rows_compared', 'recomputed_usd', 'reported_usd', 'residual_usd', 'flag'];
  return table([
    head,
    ...report.reconciliation.map((r) => [csvText(r.model), csvText(r.lane), String(r.rows), usdText(r.recomputedMicros), usdText(r.reportedMicros), usdText(r.residualMicros), r.flag ?? '']),
  ]);
}

/** Billed (cost exports) vs recomputed per model and day, when cost exports were ingested: a third table. */
function billedCsv(report: Report): string {
  if (report.billed === undefined || report.billed.rows.length === 0) return '';
  const head = ['billed_model', 'day', 'billed_usd', 'recomputed_usd', 'residual_usd', 'flag'];
  return table([
    head,
    ...report.billed.rows.map((b) => [csvText(b.catalog_id), b.day, usdText(b.billed_micros), usdText(b.recomputed_micros), usdText(b.residual_micros), b.flag ?? '']),
  ]);
}

/**
 * The models the catalog could not price, when there are any: a table of its own. Reported costs are already in
 * the first table's money (`current_usd`); `unpriced_requests` are in none of it.
 */
function unpricedCsv(report: Report): string {
  if (report.unpriced.models.length === 0) return '';
  const head = ['unpriced_model', 'provider', 'calls', 'requests', 'tokens', 'reported_usd', 'reported_calls', 'unpriced_requests', 'reason', 'closest_ids', 'fix'];
  return table([
    head,
    ...report.unpriced.models.map((m) => [csvText(m.model), csvText(m.provider ?? ''), String(m.calls), String(m.requests), String(m.tokens),
      m.reportedMicros === null ? '' : usdText(m.reportedMicros), String(m.reportedCalls), String(m.unpricedRequests), csvText(m.reason), csvText(m.closest.join(' ')), csvText(m.fix)]),
  ]);
}

/**
 * The charges that are not text tokens and have no rate (audio, image tokens, web searches), when there are any:
 * a table of its own, one row per model and charge; the quantity is in none of the money figures.
 */
function unpricedChargesCsv(report: Report): string {
  if (report.unpriced.charges.length === 0) return '';
  const head = ['unpriced_charge_model', 'charge', 'calls', 'quantity'];
  return table([head, ...report.unpriced.charges.map((c) => [csvText(c.model), c.charge, String(c.calls), String(c.quantity)])]);
}
