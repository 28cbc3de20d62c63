// The HTML document around the charts: headline totals, the workload table, assumptions, notes, warnings.
// Plain strings with every piece of data text escaped; money printed from integer micro-dollars (./money.ts).
// `data-*` attributes name the figures so tests (and scripts people write) can find them.
import { chargeLabel } from '../../pricing/charges.ts';
import { closestText } from '../../pricing/unpriced.ts';
import { billedNotes, billedTitle } from '../billed.ts';
import { escapeHtml as h } from './escape.ts';
import type { HtmlReportInput, HtmlRowLabel } from './input.ts';
import { percentOfShare, usd } from './money.ts';
import { pageCss } from './style.ts';
import { groupThousands } from '../digits.ts';
import type { WaterfallBar } from './charts.ts';

export type PageCharts = { readonly workloads: string; readonly daily: string; readonly waterfall: string };

const labelTitles: Record<HtmlRowLabel, string> = { blocking: 'Blocking', non_blocking: 'Non-blocking', mixed: 'Mixed' };
const groupTitles: Record<string, string> = { workload: 'Workload', model: 'Model', provider: 'Provider', project: 'Project', api_key: 'API key', day: 'Day' };

/** JSON times are UTC ISO 8601; people read "2026-10-01 00:00 UTC". */
function when(iso: string | null): string {
  if (iso === null) return 'no calls';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m === null ? iso : `${m[1]} ${m[2]} UTC`;
}

const count = (n: number): string => groupThousands(n);
/** Requests as known: rows without a request count are unknown, never 1 each. */
const requests = (r: { requests: number | null; uncounted_rows?: number }): string =>
  r.requests === null ? '?' : (r.uncounted_rows ?? 0) > 0 ? `${count(r.requests)} + ?` : count(r.requests);

function periodLine(input: HtmlReportInput): string {
  const { since, until, days } = input.period;
  const span = typeof days === 'number' ? ` (${days.toFixed(1)} days)` : '';
  return `${h(when(since))} to ${h(when(until))}${h(span)}`;
}

function headline(input: HtmlReportInput, simulatedTitle: string): string {
  const t = input.totals;
  const card = (field: string, title: string, value: string, extra = '') =>
    `<div class="card${extra}"><div class="card-title">${h(title)}</div><div class="card-value" data-total="${field}">${h(value)}</div></div>`;
  // The JSON carries a 0..1 share with 6 decimals; the page prints it as a percent with 2.
  const monthly = t.monthly ?? null;
  const monthlyLine =
    monthly === null
      ? ''
      : `<p class="monthly">30-day estimate: <span data-monthly="current_usd">${h(usd(monthly.current_micros))}</span> now, <span data-monthly="simulated_usd">${h(usd(monthly.simulated_micros))}</span> after, saving <span data-monthly="savings_usd">${h(usd(monthly.savings_micros))}</span>.</p>`;
  return `<section class="headline" aria-label="Totals">
${card('current_usd', 'Spend now', usd(t.current_micros))}
${card('simulated_usd', simulatedTitle, usd(t.simulated_micros))}
${card('savings_usd', 'Saving', usd(t.savings_micros), ' saving')}
${card('savings_share', 'Saving %', t.savings_share === null ? '—' : `${(t.savings_share * 100).toFixed(2)}%`, ' saving')}
</section>
<p class="shares"><span data-total="requests">${h(requests(t))}</span> requests; ${h(percentOfShare(t.sync_share))} on synchronous lanes, of which ${h(percentOfShare(t.batchable_share))} is work nobody waits on that a batch lane accepts.</p>
${monthlyLine}`;
}

function figure(id: string, title: string, caption: string, svg: string): string {
  return `<section class="chart" id="${id}"><h2>${h(title)}</h2><figure>${svg}<figcaption>${h(caption)}</figcaption></figure></section>`;
}

function stepsTable(bars: readonly WaterfallBar[], waterfall: HtmlReportInput['waterfall']): string {
  const rows = bars
    .map((b, i) => {
      const after = waterfall[i]?.micros ?? 0n;
      return `<tr data-step="${h(b.step)}"><th scope="row">${h(b.title)}</th><td class="num">${b.step === 'now' || b.step === 'final' ? '' : h(b.text)}</td><td class="num" data-usd="step">${h(usd(after))}</td></tr>`;
    })
    .join('\n');
  return `<table class="steps"><thead><tr><th scope="col">Step</th><th scope="col" class="num">Change</th><th scope="col" class="num">Spend after</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function workloadTable(input: HtmlReportInput, simulatedTitle: string): string {
  const groupTitle = groupTitles[input.group_by ?? 'workload'] ?? input.group_by ?? 'Workload';
  const rows = input.workloads
    .map((w) => {
      const reasons = w.reasons.length === 0 ? '' : `<ul class="reasons">${w.reasons.map((r) => `<li>${h(r)}</li>`).join('')}</ul>`;
      return `<tr data-workload="${h(w.name)}">
<th scope="row" class="name">${h(w.name)}</th>
<td><span class="badge ${w.label}">${h(labelTitles[w.label] ?? w.label)}</span></td>
<td class="num" data-field="requests">${h(requests(w))}</td>
<td class="num" data-field="current_usd">${h(usd(w.current_micros))}</td>
<td class="num" data-field="simulated_usd">${h(usd(w.simulated_micros))}</td>
<td class="num" data-field="savings_usd">${h(usd(w.savings_micros))}</td>
<td>${reasons}</td>
</tr>`;
    })
    .join('\n');
  const t = input.totals;
  return `<section id="workloads"><h2>${h(groupTitle)}s</h2>
<table class="workloads">
<thead><tr><th scope="col">${h(groupTitle)}</th><th scope="col">Label</th><th scope="col" class="num">Requests</th><th scope="col" class="num">Spend now</th><th scope="col" class="num">${h(simulatedTitle)}</th><th scope="col" class="num">Saving</th><th scope="col">Top reasons</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr data-workload-total=""><th scope="row">Total</th><td></td><td class="num">${h(requests(t))}</td><td class="num" data-field="current_usd">${h(usd(t.current_micros))}</td><td class="num" data-field="simulated_usd">${h(usd(t.simulated_micros))}</td><td class="num" data-field="savings_usd">${h(usd(t.savings_micros))}</td><td></td></tr></tfoot>
</table></section>`;
}

const flagTitles = { recomputed_above: 'recomputed higher', reported_above: 'reported higher' } as const;

/** Recomputed vs reported cost, where a source states its own cost: the same rows as every other format. */
function reconciliationTable(input: HtmlReportInput): string {
  const rows = input.reconciliation ?? [];
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) => `<tr data-reconciliation="${h(r.model)}/${h(r.lane)}"><th scope="row" class="name">${h(r.model)}</th><td>${h(r.lane)}</td><td class="num">${h(count(r.rows))}</td>` +
        `<td class="num" data-field="recomputed_usd">${h(usd(r.recomputed_micros))}</td><td class="num" data-field="reported_usd">${h(usd(r.reported_micros))}</td>` +
        `<td class="num" data-field="residual_usd">${h(usd(r.residual_micros))}</td><td>${r.flag === null ? '' : h(flagTitles[r.flag])}</td></tr>`,
    )
    .join('\n');
  return `\n<section id="reconciliation"><h2>Reconciliation: recomputed cost vs the cost the source reported</h2>
<table class="workloads">
<thead><tr><th scope="col">Model</th><th scope="col">Lane</th><th scope="col" class="num">Rows compared</th><th scope="col" class="num">Recomputed</th><th scope="col" class="num">Reported</th><th scope="col" class="num">Residual</th><th scope="col">Flag</th></tr></thead>
<tbody>
${body}
</tbody>
</table>${(input.reconciliation_notes ?? []).map((n) => `<p>${h(n)}</p>`).join('')}</section>`;
}

/** Billed cost (cost exports) vs the cost recomputed from usage, per model and day: the same rows and notes as every other format. */
function billedTable(input: HtmlReportInput): string {
  const b = input.billed_reconciliation;
  if (b === undefined || b === null) return '';
  const notes = billedNotes({
    rows: b.rows.map((r) => ({ catalog_id: r.model, day: r.day, billed_micros: r.billed_micros, recomputed_micros: r.recomputed_micros, residual_micros: r.residual_micros, flag: r.flag })),
    unattributedMicros: b.unattributed_micros,
    unattributedNames: b.unattributed_names,
  });
  if (b.rows.length === 0 && notes.length === 0) return '';
  const sum = (k: 'billed_micros' | 'recomputed_micros' | 'residual_micros') => b.rows.reduce((a, r) => a + r[k], 0n);
  const body = b.rows
    .map(
      (r) => `<tr data-billed="${h(r.model)}/${h(r.day)}"><th scope="row" class="name">${h(r.model)}</th><td>${h(r.day)}</td>` +
        `<td class="num" data-field="billed_usd">${h(usd(r.billed_micros))}</td><td class="num" data-field="recomputed_usd">${h(usd(r.recomputed_micros))}</td>` +
        `<td class="num" data-field="residual_usd">${h(usd(r.residual_micros))}</td><td>${r.flag === null ? '' : h(flagTitles[r.flag])}</td></tr>`,
    )
    .join('\n');
  const table = b.rows.length === 0 ? '' : `
<table class="workloads">
<thead><tr><th scope="col">Model</th><th scope="col">Day (UTC)</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Recomputed</th><th scope="col" class="num">Residual</th><th scope="col">Flag</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr data-billed-total=""><th scope="row">Total</th><td>${h(`${count(b.rows.length)} day(s)`)}</td><td class="num" data-field="billed_usd">${h(usd(sum('billed_micros')))}</td><td class="num" data-field="recomputed_usd">${h(usd(sum('recomputed_micros')))}</td><td class="num" data-field="residual_usd">${h(usd(sum('residual_micros')))}</td><td></td></tr></tfoot>
</table>`;
  return `\n<section id="billed"><h2>${h(billedTitle)}</h2>${table}${notes.map((n) => `<p>${h(n)}</p>`).join('')}</section>`;
}

type AssumptionKind = 'text' | 'share' | 'usd' | 'list' | 'discount';
const knownAssumptions: Record<string, { title: string; kind: AssumptionKind; unset?: string }> = {
  catalog: { title: 'Prices', kind: 'text' },
  lane_rule: { title: 'What moves to batch', kind: 'text' },
  rules_file: { title: 'Rules file', kind: 'text', unset: 'none (built-in heuristics)' },
  time_zone: { title: 'Time zone', kind: 'text' },
  since: { title: '--since', kind: 'text', unset: 'not set' },
  until: { title: '--until', kind: 'text', unset: 'not set' },
  workloads: { title: 'Workloads', kind: 'list', unset: 'all' },
  batch_share: { title: 'Batch share', kind: 'share', unset: 'exactly the non-blocking work' },
  structural_discount: { title: 'Structural discount', kind: 'discount' },
  cache_hit_rate: { title: 'Cache hit rate', kind: 'share', unset: 'as recorded' },
  credit_bonus: { title: 'Prepaid credit bonus', kind: 'share' },
  min_saving_micros: { title: 'Minimum saving worth the plumbing (per 30 days)', kind: 'usd' },
};

function assumptionValue(value: unknown, kind: AssumptionKind, unset = 'none'): string {
  if (value === null || value === undefined) return unset;
  if (kind === 'share' && typeof value === 'number') return percentOfShare(value);
  if (kind === 'usd' && typeof value === 'bigint') return usd(value);
  if (kind === 'list' && Array.isArray(value)) return value.length === 0 ? unset : value.map(String).join(', ');
  if (kind === 'discount' && typeof value === 'object') {
    const d = value as { global?: unknown; per_provider?: Record<string, unknown> };
    const parts = [`${typeof d.global === 'number' ? percentOfShare(d.global) : '0%'} on every rate`];
    for (const [provider, share] of Object.entries(d.per_provider ?? {})) parts.push(`${provider} ${typeof share === 'number' ? percentOfShare(share) : String(share)}`);
    return parts.join('; ');
  }
  return typeof value === 'string' ? value : typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
}

function assumptionsList(assumptions: HtmlReportInput['assumptions']): string {
  const items = Object.entries(assumptions).map(([key, value]) => {
    const known = knownAssumptions[key];
    const title = known?.title ?? key;
    return `<dt>${h(title)}</dt><dd>${h(assumptionValue(value, known?.kind ?? 'text', known?.unset))}</dd>`;
  });
  return `<section id="assumptions"><h2>Assumptions</h2><dl>${items.join('\n')}</dl></section>`;
}

const list = (items: readonly string[]): string => `<ul>${items.map((n) => `<li>${h(n)}</li>`).join('\n')}</ul>`;

/** The models the catalog could not price and the charges it has no rate for; '' when everything is priced. */
function unpricedSection(input: HtmlReportInput): string {
  const u = input.unpriced;
  if (u === undefined || (u.models.length === 0 && u.charges.length === 0)) return '';
  const models = u.models.length === 0 ? '' : `<p>Requests left out of every money figure: ${h(count(u.models.reduce((n, m) => n + m.unpriced_requests, 0)))}. Calls whose source reported their cost are counted at it (marked "(reported)").</p>
<table class="unpriced">
<thead><tr><th scope="col">Model as written</th><th scope="col">Provider</th><th scope="col" class="num">Calls</th><th scope="col" class="num">Requests</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Reported cost</th><th scope="col">Why, closest catalog ids, fix</th></tr></thead>
<tbody>
${u.models
  .map((m) => `<tr data-unpriced="${h(m.model)}"><th scope="row" class="name">${h(m.model)}</th><td>${h(m.provider ?? '?')}</td><td class="num">${h(count(m.calls))}</td><td class="num">${h(count(m.requests))}</td><td class="num">${h(count(m.tokens))}</td><td class="num">${m.reported_micros === null ? '–' : h(usd(m.reported_micros))}</td><td>${h(m.reason + closestText(m.closest_ids))}<br><code>${h(m.fix)}</code></td></tr>`)
  .join('\n')}
</tbody></table>`;
  const charges = u.charges.length === 0 ? '' : `<p>Charges with no rate in the catalog, not priced (never as text tokens):</p>${list(u.charges.map((c) => `${count(c.quantity)} ${chargeLabel(c.charge)} on ${c.model} (${count(c.calls)} calls)`))}`;
  return `<section id="unpriced"><h2>Unpriced: calls the catalog has no price for</h2>${models}${charges}</section>`;
}

export function renderPage(input: HtmlReportInput, charts: PageCharts, bars: readonly WaterfallBar[]): string {
  const command = input.command ?? 'report';
  const simulatedTitle = command === 'audit' ? 'With batch' : 'Simulated';
  const warnings =
    input.warnings.length === 0 ? '' : `<section class="warnings" id="warnings" role="alert"><h2>Warnings</h2>${list(input.warnings)}</section>`;
  const notes = `<section id="notes"><h2>Where batch would not pay, or needs care</h2>${input.notes.length === 0 ? '<p>None.</p>' : list(input.notes)}</section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>batchable ${h(command)}: ${h(when(input.period.since))} to ${h(when(input.period.until))}</title>
<style>${pageCss}</style>
</head>
<body>
<main>
<header>
<h1>LLM API spend: what could move to batch</h1>
<p class="period">batchable ${h(command)} · <span data-period="">${periodLine(input)}</span></p>
</header>
${warnings}
${headline(input, simulatedTitle)}
${figure('chart-workloads', 'Spend now per workload', 'Each bar is one row of the table below, split by label: blocking work someone waits on, batchable work still on synchronous lanes (the opportunity), and work already on batch or flex.', charts.workloads)}
${figure('chart-daily', 'Spend now per day', 'The same split for every day of the period.', charts.daily)}
<section class="chart" id="chart-waterfall"><h2>From spend now to ${h(simulatedTitle.toLowerCase())} spend, in stacking order</h2><figure>${charts.waterfall}<figcaption>Each lever applies to what the levers before it left: structural rate, then the batch lane, then caching, then the prepaid credit bonus.</figcaption></figure>
${stepsTable(bars, input.waterfall)}</section>
${workloadTable(input, simulatedTitle)}${reconciliationTable(input)}${billedTable(input)}
${unpricedSection(input)}
${notes}
${assumptionsList(input.assumptions)}
<footer>Generated by batchable from the JSON report (schema_version ${h(String(input.schema_version))}). Money is shown to the cent, rounded half away from zero from the exact micro-dollar figures the JSON prints. This file is self-contained: no scripts, no fonts or images to fetch, no network.</footer>
</main>
</body>
</html>
`;
}
