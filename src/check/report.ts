// The report of `check`: one model, rendered as a terminal text, JSON (a versioned contract, docs/ci-gate.md)
// or markdown (also the GitHub step summary).
import type { Style } from '../report/style.ts';
import { fractionJson, intJson, type JsonDecimal, stringifyJson, usdJson } from '../report/json-number.ts';
import { formatUsd } from '../report/money.ts';
import { formatCount, renderTable } from '../report/table.ts';
import { type Fraction, ratio, roundDiv, zero } from '../simulate/fraction.ts';
import { sharePlaces } from './baseline.ts';
import type { Measures, ThresholdResult } from './evaluate.ts';
import { synchronousLaneNames } from '../pricing/units.ts';

export const checkSchemaVersion = 1;

export const checkFormats = ['table', 'json', 'markdown'] as const;
export type CheckFormat = (typeof checkFormats)[number];

export type WorkloadLine = {
  readonly name: string;
  readonly spendMicros: bigint;
  readonly syncMicros: bigint;
  readonly avoidableMicros: bigint;
  /** Its synchronous and avoidable spend as shares of the whole selection's spend. */
  readonly syncShare: Fraction;
  readonly avoidableShare: Fraction;
};

export type CheckReport = {
  readonly verdict: 'pass' | 'fail';
  readonly thresholds: readonly ThresholdResult[];
  readonly measures: Measures;
  readonly rankedBy: 'avoidable' | 'sync';
  readonly topWorkloads: readonly WorkloadLine[];
  readonly notes: readonly string[];
};

// ---- text helpers (exact: rounding from the fractions, half away from zero) ----

function fixed(value: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const n = roundDiv(value.num * scale, value.den);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const frac = places > 0 ? `.${(abs % scale).toString().padStart(places, '0')}` : '';
  return `${negative ? '-' : ''}${abs / scale}${frac}`;
}

export const percent = (share: Fraction): string => `${fixed({ num: share.num * 100n, den: share.den }, 2)}%`;
const points = (value: Fraction): string => `${value.num < 0n ? '' : '+'}${fixed(value, 2)} pp`;

const iso = (ms: bigint): string => `${new Date(Number(ms)).toISOString().slice(0, 19)}Z`;
const readable = (ms: bigint): string => `${new Date(Number(ms)).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const days = (ms: bigint): Fraction => ratio(ms, 86_400_000n) ?? zero;

export function formatValue(r: ThresholdResult, which: 'value' | 'limit'): string {
  const v = r[which];
  if (r.unit === 'usd') return formatUsd(roundDiv(v.num, v.den));
  if (r.unit === 'points') return points(v);
  return percent(v);
}

/** `max_sync_share (spend)`, `max_increase (avoidable_share)`. */
export function thresholdLabel(r: ThresholdResult): string {
  const qualifier = r.basis ?? r.share;
  return qualifier === undefined ? r.name : `${r.name} (${qualifier})`;
}

/** The one line per threshold: result, name, measure, value and limit. */
export function verdictLine(r: ThresholdResult): string {
  const compared = r.share !== undefined && r.baseline !== undefined && r.current !== undefined ? ` (${percent(r.baseline)} -> ${percent(r.current)})` : '';
  const near = r.nearLimit ? ' (within 10% of the limit)' : '';
  return `${r.passed ? 'PASS' : 'FAIL'}  ${thresholdLabel(r)}: ${r.title} ${formatValue(r, 'value')}${compared}, limit ${formatValue(r, 'limit')}${near}`;
}

function headline(report: CheckReport): string {
  const n = report.thresholds.length;
  const failed = report.thresholds.filter((t) => !t.passed).length;
  return report.verdict === 'pass'
    ? `batchable check: PASS (${n === 1 ? 'the threshold holds' : `all ${n} thresholds hold`})`
    : `batchable check: FAIL (${failed} of ${n} threshold${n === 1 ? '' : 's'} breached)`;
}

function periodLine(m: Measures): string {
  return `Period: ${readable(m.period.firstMs)} to ${readable(m.period.lastMs)} (${fixed(days(m.period.lastMs - m.period.firstMs), 1)} days)`;
}

function summaryLines(m: Measures): string[] {
  return [
    periodLine(m),
    `Spend ${formatUsd(m.spendMicros)}: ${formatUsd(m.syncMicros)} on synchronous lanes (${synchronousLaneNames}), ${formatUsd(m.avoidableMicros)} avoidable (non-blocking, batch-eligible, still billed synchronously); ${formatUsd(m.avoidable30dMicros)} avoidable per 30 days`,
    `Requests: ${formatCount(m.syncRequests)} of ${formatCount(m.requests)} on synchronous lanes${m.uncountedRows > 0n ? ' (rows with a request count only)' : ''}`,
  ];
}

const rankedTitle = (report: CheckReport): string =>
  `Workloads contributing most, by ${report.rankedBy === 'avoidable' ? 'avoidable' : 'synchronous'} spend (shares are of all spend)`;

const workloadHead = ['workload', 'spend', 'synchronous', 'sync share', 'avoidable', 'avoidable share'];

const workloadCells = (w: WorkloadLine): string[] => [
  w.name,
  formatUsd(w.spendMicros),
  formatUsd(w.syncMicros),
  percent(w.syncShare),
  formatUsd(w.avoidableMicros),
  percent(w.avoidableShare),
];

export function renderCheckTable(report: CheckReport, style: Style): string {
  const lines = [headline(report), ...report.thresholds.map(verdictLine), '', ...summaryLines(report.measures)];
  lines.push(...report.notes.map((n) => `Note: ${n}`));
  let text = `${lines.join('\n')}\n`;
  if (report.topWorkloads.length > 0) {
    text += `\n${rankedTitle(report)}:\n`;
    text += renderTable({ head: workloadHead, align: ['left', 'right', 'right', 'right', 'right', 'right'], rows: report.topWorkloads.map(workloadCells) }, style);
  }
  return text;
}

const cell = (text: string): string => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderCheckMarkdown(report: CheckReport): string {
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const lines = [
    `### ${report.verdict === 'pass' ? '✅' : '❌'} ${headline(report)}`,
    '',
    row(['result', 'threshold', 'measure', 'value', 'limit']),
    '| --- | --- | --- | ---: | ---: |',
    ...report.thresholds.map((r) =>
      row([
        r.passed ? (r.nearLimit ? 'PASS (near the limit)' : 'PASS') : '**FAIL**',
        thresholdLabel(r),
        r.title,
        `${formatValue(r, 'value')}${r.baseline !== undefined && r.current !== undefined ? ` (${percent(r.baseline)} -> ${percent(r.current)})` : ''}`,
        formatValue(r, 'limit'),
      ]),
    ),
    '',
    ...summaryLines(report.measures).map((l) => `${cell(l)}  `),
    ...report.notes.map((n) => `Note: ${cell(n)}  `),
  ];
  if (report.topWorkloads.length > 0) {
    lines.push('', `**${rankedTitle(report)}**`, '', row(workloadHead), '| --- | ---: | ---: | ---: | ---: | ---: |', ...report.topWorkloads.map((w) => row(workloadCells(w))));
  }
  return `${lines.join('\n')}\n`;
}

const shareNumber = (share: Fraction | null): JsonDecimal | null => (share === null ? null : fractionJson(share, sharePlaces));

function jsonValue(r: ThresholdResult, v: Fraction): JsonDecimal {
  if (r.unit === 'usd') return usdJson(roundDiv(v.num, v.den));
  if (r.unit === 'points') return fractionJson(v, 4);
  return fractionJson(v, sharePlaces);
}

/** The JSON contract (schema_version 1), documented in docs/ci-gate.md; numbers are exact decimal text (stringifyJson). */
export function checkJson(report: CheckReport) {
  const m = report.measures;
  return {
    schema_version: checkSchemaVersion,
    verdict: report.verdict,
    thresholds: report.thresholds.map((r) => ({
      name: r.name,
      ...(r.basis === undefined ? {} : { basis: r.basis }),
      ...(r.share === undefined ? {} : { share: r.share }),
      ...(r.baseline === undefined ? {} : { baseline: fractionJson(r.baseline, sharePlaces) }),
      ...(r.current === undefined ? {} : { current: fractionJson(r.current, sharePlaces) }),
      value: jsonValue(r, r.value),
      limit: jsonValue(r, r.limit),
      passed: r.passed,
      near_limit: r.nearLimit,
    })),
    shares: {
      sync_share_spend: shareNumber(m.shares.sync_share_spend),
      sync_share_requests: shareNumber(m.shares.sync_share_requests),
      avoidable_share: shareNumber(m.shares.avoidable_share),
      avoidable_usd_30d: usdJson(m.avoidable30dMicros),
    },
    totals: {
      rows: intJson(m.rows),
      spend_usd: usdJson(m.spendMicros),
      sync_usd: usdJson(m.syncMicros),
      avoidable_usd: usdJson(m.avoidableMicros),
      requests: intJson(m.requests),
      sync_requests: intJson(m.syncRequests),
      uncounted_rows: intJson(m.uncountedRows),
      uncounted_usd: usdJson(m.uncountedMicros),
    },
    ranked_by: report.rankedBy,
    top_workloads: report.topWorkloads.map((w) => ({
      name: w.name,
      spend_usd: usdJson(w.spendMicros),
      sync_usd: usdJson(w.syncMicros),
      avoidable_usd: usdJson(w.avoidableMicros),
      sync_share: fractionJson(w.syncShare, sharePlaces),
      avoidable_share: fractionJson(w.avoidableShare, sharePlaces),
    })),
    period: {
      since: iso(m.period.firstMs),
      until: iso(m.period.lastMs),
      days: fractionJson(days(m.period.lastMs - m.period.firstMs), 4),
      normalising_days: fractionJson(days(m.period.normalisingMs), 4),
    },
    notes: report.notes,
  };
}

export function renderCheck(report: CheckReport, format: CheckFormat, style: Style): string {
  if (format === 'json') return `${stringifyJson(checkJson(report))}\n`;
  if (format === 'markdown') return renderCheckMarkdown(report);
  return renderCheckTable(report, style);
}
