// htmlInput: the report model's micro-dollars -> the page's input, money as bigints end to end; everything else
// as the JSON document has it. And the page printed from it is exact where a double is not.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/app/audit.ts';
import { renderHtml } from '../../src/report/html/index.ts';
import { htmlInput } from '../../src/report/html/from-report.ts';
import type { Report } from '../../src/report/model.ts';
import { reportDocument } from '../../src/report/json-document.ts';
import { fixture } from '../helpers/cli.ts';
import { cents } from '../helpers/html.ts';

// 30M input + 10M output tokens of gpt-5.4 at $2.50 / $15 per 1M: $225.00, and the source reports $225.00.
const { report, charts } = await audit({ files: [fixture('seeds/gpt54-job.csv')], charts: true });
const series = charts!;

describe('htmlInput', () => {
  it('takes money from the report model as integer micro-dollars, and the rest from the JSON document', () => {
    const input = htmlInput(report, series);
    const doc = reportDocument(report);
    const t = report.totals;
    expect(input.totals).toMatchObject({ current_micros: t.steps.now, simulated_micros: t.steps.credits, savings_micros: t.savingsMicros });
    expect(input.totals.current_micros).toBe(225_000_000n);
    expect({ requests: input.totals.requests, share: input.totals.savings_share }).toEqual({ requests: doc.totals.requests, share: doc.totals.savings_share });
    expect(input.workloads.map((w) => [w.name, w.current_micros, w.savings_micros])).toEqual(report.rows.map((r) => [r.name, r.steps.now, r.savingsMicros]));
    expect(input.reconciliation).toEqual([{ model: 'gpt-5.4', lane: 'standard', rows: 1, recomputed_micros: 225_000_000n, reported_micros: 225_000_000n, residual_micros: 0n, flag: null }]);
    // The assumptions list shows money from micro-dollars too: the JSON's min_saving_usd is replaced, not kept beside.
    expect(input.assumptions.min_saving_micros).toBe(report.assumptions.minSavingMicros);
    expect(input.assumptions).not.toHaveProperty('min_saving_usd');
    expect(input.waterfall.map((s) => [s.step, s.micros])).toEqual([
      ['now', series.steps.now],
      ['structural', series.steps.structural],
      ['batch', series.steps.batch],
      ['caching', series.steps.caching],
      ['credits', series.steps.credits],
      ['final', series.steps.credits],
    ]);
    const day = series.daily[0]!;
    expect(input.daily[0]).toEqual({ day: day.day, blocking_micros: day.split.blocking, batchable_sync_micros: day.split.batchableSync, batch_micros: day.split.batch, other_sync_micros: day.split.otherSync });
  });

  it('prints a figure past 2^53 micro-dollars to the cent in the totals, tables, waterfall and chart text', async () => {
    // $12,345,678,901,234.564999 prints $…234.56. Through a JS double (the JSON number, or micros / 1e6 and back)
    // it becomes $…234.565 or more and prints $…234.57: this test fails on the page's old USD-number path.
    const huge = 12_345_678_901_234_564_999n;
    expect(cents(huge)).toBe('$12,345,678,901,234.56');
    expect(cents(BigInt(Math.round((Number(huge) / 1e6) * 1e6)))).toBe('$12,345,678,901,234.57');
    expect(cents(BigInt(Math.round(Number('12345678901234.564999') * 1e6)))).toBe('$12,345,678,901,234.57');
    const steps = { now: huge, structural: huge, batch: huge, caching: huge, credits: huge };
    const row = report.rows[0]!;
    const big: Report = {
      ...report,
      totals: { ...report.totals, steps, savingsMicros: huge },
      rows: [{ ...row, steps, savingsMicros: huge }, ...report.rows.slice(1)],
      reconciliation: report.reconciliation.map((r) => ({ ...r, recomputedMicros: huge, reportedMicros: huge })),
    };
    const split = { blocking: huge, batchableSync: 0n, batch: 0n, otherSync: 0n };
    const html = await renderHtml(
      htmlInput(big, { steps, daily: [{ day: '2026-10-01', split }], perRow: [{ name: row.name, split }] }),
    );
    const exact = '$12,345,678,901,234.56';
    expect(html).not.toContain('$12,345,678,901,234.57');
    for (const field of ['current_usd', 'simulated_usd', 'savings_usd']) expect(html).toContain(`data-total="${field}">${exact}<`);
    expect(html).toContain(`<td class="num" data-field="current_usd">${exact}</td>`);
    expect(html).toContain(`<td class="num" data-field="recomputed_usd">${exact}</td>`);
    expect(html).toContain(`<tr data-step="now"><th scope="row">Now</th><td class="num"></td><td class="num" data-usd="step">${exact}</td>`);
    expect(html).toContain(`aria-label="${row.name}, Blocking (someone waits): ${exact}"`);
    expect(html).toContain(`aria-label="2026-10-01, Blocking (someone waits): ${exact}"`);
    expect(html).toContain(`>${exact}</text>`); // the waterfall's bar label
  });
});
