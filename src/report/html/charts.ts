// The three charts of the HTML report as Vega-Lite specs, compiled by vega-lite and drawn to SVG text by
// vega's headless View (no DOM, no canvas, no network). User text (workload names) only ever travels as
// data values, never inside a Vega expression, and vega's SVG writer escapes it.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { HtmlReportInput, SpendSplit, WaterfallStep } from './input.ts';
import { usdChange, usd } from './money.ts';

/** The split every spend chart uses, in stacking order (left/bottom first). */
export const splitParts = [
  { key: 'blocking', title: 'Blocking (someone waits)', color: '#64748b' },
  { key: 'batchable_sync', title: 'Batchable, still synchronous', color: '#f59e0b' },
  { key: 'batch', title: 'Already on batch or flex', color: '#10b981' },
  { key: 'other', title: 'Other synchronous (no batch lane takes it)', color: '#cbd5e1' },
] as const;
type PartKey = (typeof splitParts)[number]['key'];

const fontStack = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Axis ticks only; every figure a reader relies on (tables, bar descriptions, labels) is text from micro-dollars. */
const moneyAxisFormat = '$,.2~f';
const chartWidth = 960;

const config = {
  font: fontStack,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, gridColor: '#e5e7eb', domainColor: '#9ca3af', tickColor: '#9ca3af' },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0, orient: 'bottom', direction: 'horizontal' },
} as const;

const colorScale = (used: readonly PartKey[]) => {
  const parts = splitParts.filter((p) => used.includes(p.key));
  return { domain: parts.map((p) => p.title), range: parts.map((p) => p.color) };
};

/** The split as micro-dollars; `other` also takes whatever of `totalMicros` the parts leave unexplained. */
function splitMicros(row: SpendSplit<object>, totalMicros?: bigint): Record<PartKey, bigint> {
  const blocking = row.blocking_micros;
  const batchableSync = row.batchable_sync_micros;
  const batch = row.batch_micros;
  const other = row.other_sync_micros ?? 0n;
  const rest = totalMicros === undefined ? 0n : totalMicros - blocking - batchableSync - batch - other;
  return { blocking, batchable_sync: batchableSync, batch, other: other + (rest > 0n ? rest : 0n) };
}

const partIndex = (key: PartKey): number => splitParts.findIndex((p) => p.key === key);
const partTitle = (key: PartKey): string => splitParts[partIndex(key)]?.title ?? key;
/**
 * Bar geometry is a double (Vega plots numbers; a pixel cannot show the difference). The text a reader gets
 * beside it, bar descriptions and labels, is always formatted from the micro-dollars, never from this.
 */
const dollars = (micros: bigint): number => Number(micros) / 1e6;

/** Spend now per workload row, stacked by label. Rows keep the report's order (largest saving first). */
/** Beyond this many rows the chart shows the largest savings and one bar for the rest (the table has all). */
export const maxChartRows = 20;

const zeroParts = (): Record<PartKey, bigint> => ({ blocking: 0n, batchable_sync: 0n, batch: 0n, other: 0n });

/** Spend now per workload row, stacked by label. Rows keep the report's order (largest saving first). */
export function workloadSpec(input: HtmlReportInput): TopLevelSpec {
  const splits = new Map(input.per_workload_split.map((s) => [s.name, s]));
  const rows = input.workloads.map((w) => ({
    name: w.name,
    parts: splitMicros(splits.get(w.name) ?? { blocking_micros: 0n, batchable_sync_micros: 0n, batch_micros: 0n }, w.current_micros),
  }));
  if (rows.length > maxChartRows) {
    const rest = rows.splice(maxChartRows - 1);
    const parts = zeroParts();
    for (const r of rest) for (const key of Object.keys(parts) as PartKey[]) parts[key] += r.parts[key];
    rows.push({ name: `${rest.length} more rows (see the table)`, parts });
  }
  const values: object[] = [];
  const used = new Set<PartKey>();
  rows.forEach(({ name, parts }, rank) => {
    for (const [key, micros] of Object.entries(parts) as [PartKey, bigint][]) {
      if (micros === 0n) continue;
      used.add(key);
      values.push({ name, rank, part: partTitle(key), order: partIndex(key), usd: dollars(micros), text: `${name}, ${partTitle(key)}: ${usd(micros)}` });
    }
  });
  return {
    description: 'Spend now per workload, stacked by label',
    // Narrower than the other charts: the row names take the room on the left.
    width: chartWidth - 140,
    height: { step: 26 },
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: null, axis: { labelLimit: 260 } },
      x: { field: 'usd', type: 'quantitative', stack: 'zero', title: 'Spend now (USD)', axis: { format: moneyAxisFormat } },
      color: { field: 'part', type: 'nominal', title: null, scale: colorScale([...used]) },
      order: { field: 'order', type: 'quantitative' },
      // What a screen reader hears per bar: our cent-exact text, not d3-format of a double.
      description: { field: 'text', type: 'nominal' },
    },
    config,
  } as TopLevelSpec;
}

/** Spend now per day, stacked the same way. */
export function dailySpec(input: HtmlReportInput): TopLevelSpec {
  const values: object[] = [];
  const used = new Set<PartKey>();
  for (const d of input.daily) {
    for (const [key, micros] of Object.entries(splitMicros(d)) as [PartKey, bigint][]) {
      if (micros === 0n) continue;
      used.add(key);
      values.push({ day: d.day, part: partTitle(key), order: partIndex(key), usd: dollars(micros), text: `${d.day}, ${partTitle(key)}: ${usd(micros)}` });
    }
  }
  return {
    description: 'Spend now per day, stacked by label',
    width: chartWidth,
    height: 260,
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      // Days are YYYY-MM-DD keys; the axis shows MM-DD. The expression reads only the axis value.
      x: { field: 'day', type: 'ordinal', title: null, axis: { labelAngle: 0, labelExpr: 'slice(datum.value, 5)', labelOverlap: true } },
      y: { field: 'usd', type: 'quantitative', stack: 'zero', title: 'Spend now (USD)', axis: { format: moneyAxisFormat } },
      color: { field: 'part', type: 'nominal', title: null, scale: colorScale([...used]) },
      order: { field: 'order', type: 'quantitative' },
      // What a screen reader hears per bar: our cent-exact text, not d3-format of a double.
      description: { field: 'text', type: 'nominal' },
    },
    config,
  } as TopLevelSpec;
}

export const waterfallTitles: Record<WaterfallStep, string> = {
  now: 'Now',
  structural: '+ Structural rate',
  batch: '+ Batch lane',
  caching: '+ Caching',
  credits: '+ Credit bonus',
  final: 'Final',
};

export type WaterfallBar = { readonly step: WaterfallStep; readonly title: string; readonly start: bigint; readonly end: bigint; readonly text: string };

/** Now and final as whole bars, every lever between them as the change it makes (cumulative input). */
export function waterfallBars(input: HtmlReportInput): WaterfallBar[] {
  let previous = 0n;
  return input.waterfall.map(({ step, micros }) => {
    const whole = step === 'now' || step === 'final';
    const bar: WaterfallBar = whole
      ? { step, title: waterfallTitles[step], start: 0n, end: micros, text: usd(micros) }
      : { step, title: waterfallTitles[step], start: previous, end: micros, text: usdChange(micros - previous) };
    previous = micros;
    return bar;
  });
}

const waterfallKinds = [
  { kind: 'Spend', color: '#1e3a8a' },
  { kind: 'Saving', color: '#10b981' },
  { kind: 'Increase', color: '#dc2626' },
  { kind: 'No change', color: '#9ca3af' },
] as const;

export function waterfallSpec(input: HtmlReportInput): TopLevelSpec {
  const values = waterfallBars(input).map((b, rank) => ({
    title: b.title,
    rank,
    start: dollars(b.start),
    end: dollars(b.end),
    top: dollars(b.start > b.end ? b.start : b.end),
    kind: b.step === 'now' || b.step === 'final' ? 'Spend' : b.end < b.start ? 'Saving' : b.end > b.start ? 'Increase' : 'No change',
    text: b.text,
    description: `${b.title}: ${b.text}`,
  }));
  const kinds = waterfallKinds.filter((k) => values.some((v) => v.kind === k.kind));
  const x = { field: 'title', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: null, axis: { labelAngle: 0 } } as const;
  return {
    description: 'Waterfall of the stacking order: now, structural rate, batch lane, caching, credit bonus, final',
    width: chartWidth,
    height: 280,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', tooltip: false, minBandSize: 2 },
        encoding: {
          x,
          y: { field: 'start', type: 'quantitative', title: 'Spend (USD)', axis: { format: moneyAxisFormat } },
          y2: { field: 'end' },
          description: { field: 'description', type: 'nominal' },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: kinds.map((k) => k.kind), range: kinds.map((k) => k.color) },
          },
        },
      },
      {
        mark: { type: 'text', aria: false, dy: -8, fontSize: 12, fontWeight: 600, color: '#111827' },
        encoding: { x, y: { field: 'top', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
    config,
  } as TopLevelSpec;
}

/** Vega-Lite -> Vega -> SVG text, headless. Clip and gradient ids are prefixed so charts can share a page. */
export async function renderChartSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    // Inline SVG in HTML needs no namespace declarations; dropping them leaves the page free of any URL.
    const svg = (await view.toSVG()).replace(/ xmlns(:xlink)?="[^"]*"/g, '');
    return prefixIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/** Makes `id="x"` / `url(#x)` / `href="#x"` unique per chart: vega numbers them per view from 1. */
function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}
