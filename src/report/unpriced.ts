// The "Unpriced" part of every report: models the catalog could not price (src/pricing/unpriced.ts) and charges
// it has no rate for, laid out once for the terminal and markdown renderers (CSV and JSON write the fields, HTML
// reads the JSON). Text is raw here: every renderer escapes it for its own output (src/report/escape.ts).
import { chargeLabel } from '../pricing/charges.ts';
import { closestText, type Unpriced } from '../pricing/unpriced.ts';
import { formatUsd } from './money.ts';
import { formatCount, type TableSpec } from './table.ts';

export const unpricedTitle = 'Unpriced: calls the catalog has no price for';

/** One sentence: how much is unpriced, and what the money figures do with it. '' when everything is priced. */
export function unpricedSummary(u: Unpriced): string {
  if (u.models.length === 0 && u.charges.length === 0) return '';
  const parts: string[] = [];
  if (u.models.length > 0) {
    const requests = u.models.reduce((n, m) => n + m.requests, 0n);
    const left = u.models.reduce((n, m) => n + m.unpricedRequests, 0n);
    const reported = u.models.reduce((n, m) => n + (m.reportedMicros ?? 0n), 0n);
    parts.push(
      `${formatCount(requests)} requests of ${formatCount(u.models.length)} model id${u.models.length > 1 ? 's' : ''} have no catalog price: ` +
        `${formatCount(left)} left out of every money figure` +
        (requests > left ? `, ${formatCount(requests - left)} counted at the cost their source reported (${reportedText(reported)}, marked "(reported)")` : '') +
        '. Run the fix line to price them, or `batchable pricing coverage` for every model id.',
    );
  }
  if (u.charges.length > 0) {
    parts.push(`${u.charges.map((c) => `${formatCount(c.quantity)} ${chargeLabel(c.charge)} on ${c.model}`).join(', ')}: no rate in the catalog, not priced (never as text tokens).`);
  }
  return parts.join(' ');
}

/** Unpriced model ids the terminal and markdown tables list (most calls first); the rest are summed in one row. */
export const unpricedListed = 20;

/**
 * The table of unpriced models: as written, what it holds, and (last, moved under the table when narrow) why and the
 * fix. At most unpricedListed rows and one that sums the rest: a --map that made a request id the model gave 50,000
 * model ids, a table of 200,000 lines (JSON and CSV keep every one, as does `batchable pricing coverage`).
 */
export function unpricedTable(u: Unpriced): TableSpec {
  const listed = u.models.slice(0, unpricedListed);
  const rest = u.models.slice(unpricedListed);
  const sum = (f: (m: Unpriced['models'][number]) => bigint) => rest.reduce((n, m) => n + f(m), 0n);
  const reported = rest.some((m) => m.reportedMicros !== null) ? sum((m) => m.reportedMicros ?? 0n) : null;
  return {
    head: ['model as written', 'provider', 'calls', 'requests', 'tokens', 'reported cost', 'why, closest ids, fix'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
    rows: [
      ...listed.map((m) => [
        m.model, m.provider ?? '?', formatCount(m.calls), formatCount(m.requests), formatCount(m.tokens), reportedText(m.reportedMicros),
        `${m.reason}${closestText(m.closest)}. Fix: ${m.fix}`,
      ]),
      ...(rest.length === 0
        ? []
        : [[`… ${formatCount(rest.length)} more model ids`, '', formatCount(sum((m) => m.calls)), formatCount(sum((m) => m.requests)), formatCount(sum((m) => m.tokens)),
            reportedText(reported), '–']]),
    ],
    overflow: { column: 6, title: 'Why, closest catalog ids, and the fix' },
  };
}

/** A reported cost: cents, or micro-dollars when it is under a cent (trace costs). */
export const reportedText = (micros: bigint | null): string => (micros === null ? '–' : formatUsd(micros, micros < 10_000n ? 6 : 2));
