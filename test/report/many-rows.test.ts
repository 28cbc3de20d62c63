// Reports of many rows (a tag that holds a request id makes a workload per call): the terminal and markdown
// tables show --top rows and sum the rest in one, notes and the plan's "Not moved" list name 20 of a kind and count
// the rest, and a terminal table never hands cli-table3 more rows than it can draw.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { loadCatalog, priceCalls } from '../../src/pricing/index.ts';
import { closestForFirst, unknownModelsError } from '../../src/pricing/price-calls.ts';
import { unpricedListed, unpricedTable } from '../../src/report/unpriced.ts';
import type { Plan } from '../../src/plan/build.ts';
import { renderPlanMarkdown } from '../../src/report/plan/markdown.ts';
import { renderPlanTable } from '../../src/report/plan/table.ts';
import { render } from '../../src/report/render.ts';
import { savingsColumns, shownRows } from '../../src/report/renderers/columns.ts';
import { formatCount, renderTable, type TableSpec } from '../../src/report/table.ts';
import { buildSavingsReport, notesPerKind } from '../../src/report/savings.ts';
import { analysisWorkspace, type TestCall } from '../helpers/analysis.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { baseOptions } from './sample.ts';

let ws: Workspace | undefined;
afterEach(() => ws?.close());
const pinned = { color: false, columns: 120 };

// 25 small jobs, each saving under --min-saving, with falling sizes (job-01 saves most), and one chat.
const jobs: TestCall[] = Array.from({ length: 25 }, (_, i) => ({
  id: `j${i + 1}`,
  workload: `job-${String(i + 1).padStart(2, '0')}`,
  label: 'non_blocking',
  reasons: ['name: job'],
  ts: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00Z`,
  tokens: { in: BigInt(100_000 * (26 - i)), out: 0n },
}));
const calls: TestCall[] = [...jobs, { id: 'c1', workload: 'chat', label: 'blocking', reasons: ['streamed'], ts: '2026-10-31T00:00:00Z', tokens: { in: 1_000_000n, out: 0n } }];
const report = async () => {
  ws = await analysisWorkspace(calls);
  return buildSavingsReport(ws, baseOptions);
};

describe('a report of many rows', () => {
  it('the table shows --top rows and one row summing the rest, to the micro-dollar', async () => {
    const r = await report();
    const spec = savingsColumns(r, 3);
    expect(spec.rows.map((row) => row[0])).toEqual(['job-01', 'job-02', 'job-03', '… 23 more workloads (--top 0 lists every row)']);
    const rest = shownRows(r, 3).at(-1)!;
    const shown = r.rows.slice(0, 3);
    const minus = (f: (x: (typeof r.rows)[number]) => bigint, total: bigint) => total - shown.reduce((n, x) => n + f(x), 0n);
    // job-04..job-25 and chat: their exact sums (each row's micro-dollars, which add up to the totals here)
    expect(rest.requests).toBe(minus((x) => x.requests, r.totals.requests));
    expect(rest.steps.now).toBe(minus((x) => x.steps.now, r.totals.steps.now));
    expect(rest.savingsMicros).toBe(minus((x) => x.savingsMicros, r.totals.savingsMicros));
    expect(rest.batchableSyncMicros).toBe(minus((x) => x.batchableSyncMicros, r.totals.batchableSyncMicros));
    expect(rest.blockingRequests).toBe(1n);
    expect(spec.footer?.[0]).toBe('total');
    const text = render(r, 'table', { ...pinned, top: 3 });
    expect(text).toContain('│ … 23 more workloads (--top 0 lists every row) │       23 │');
    expect(render(r, 'markdown', { ...pinned, top: 3 })).toContain('| … 23 more workloads (--top 0 lists every row) | 23 |');
    // every row, without a top; json and csv always hold every row
    expect(savingsColumns(r).rows).toHaveLength(26);
    expect(render(r, 'csv', { ...pinned, top: 3 }).split('\n\n')[0]!.trimEnd().split('\n')).toHaveLength(28);
  });

  it('a long table is drawn in chunks that join into the table cli-table3 draws whole', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => [`w-${i}`, formatCount(i * 997), i % 7 === 0 ? 'a reason that wraps on a narrow terminal' : '–']);
    const spec: TableSpec = { head: ['workload', 'requests', 'top reason'], align: ['left', 'right', 'left'], rows, footer: ['total', '1', ''] };
    for (const style of [{ color: false, columns: 120 }, { color: false, columns: 40 }, { color: true, columns: 120 }]) {
      expect(renderTable(spec, style, 1000)).toBe(renderTable(spec, style, 10_000));
    }
  });

  it('draws 130,000 rows (cli-table3 alone overflows the stack past about 120,000)', () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => [String(i), '1']);
    const text = renderTable({ head: ['n', 'x'], align: ['left', 'right'], rows }, { color: false, columns: 80 });
    expect(text.split('\n')).toHaveLength(2 * 130_000 + 4);
    expect(text).toContain('│ 129999 │ 1 │');
  });

  it('notes name 20 workloads of a kind and count the rest', async () => {
    const r = await report();
    const low = r.notes.filter((n) => n.includes('low volume'));
    expect(notesPerKind).toBe(20);
    expect(low).toHaveLength(20);
    expect(low[0]).toMatch(/^job-01: low volume/);
    expect(r.notes).toContain('… 5 more workloads save less than --min-saving with batch: stay synchronous');
  });

  it('the plan lists 20 workloads it does not move and counts the rest', () => {
    const skipped = Array.from({ length: 23 }, (_, i) => ({ workload: `w${i}`, model: 'gpt-5.4', requests: 1n, savingsMicros: 0n, reason: 'low volume' }));
    const plan: Plan = {
      period: { since: null, until: null, seconds: null }, minSavingMicros: 10_000_000n, limitsCheckedOn: '2026-11-01', entries: [], skipped,
      totals: { savingsMicros: 0n, monthlySavingsMicros: undefined, afterFixedMicros: 0n, jobsPerDay: 0 }, targets: [],
    };
    const table = renderPlanTable(plan, { color: false, columns: 200 });
    expect(table).toContain('- w19 (gpt-5.4): low volume');
    expect(table).not.toContain('- w20 (gpt-5.4)');
    expect(table).toContain('- … 3 more workloads not moved, each saving no more than those above (--format json lists every one)');
    const md = renderPlanMarkdown(plan);
    expect(md).not.toContain('w20');
    expect(md).toContain('- … 3 more workloads not moved');
  });

  it('unpriced models: closest ids for the 50 most called, 20 listed, the rest summed; --strict-prices names 10', async () => {
    const dir = tempDirs('batchable-unpriced-')();
    const file = join(dir, 'ids.csv');
    // A --map that made the request id the model: every call its own model id (gpt-5.4-m00 has the most calls), each
    // near a catalog id (gpt-5.4 is its prefix), so each has closest ids to give.
    const lines = Array.from({ length: 60 }, (_, i) => Array.from({ length: i === 0 ? 3 : 1 }, (__, k) => `c${i}-${k},2026-10-01T00:00:00Z,gpt-5.4-m${String(i).padStart(2, '0')},1000,100`)).flat();
    writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens\n${lines.join('\n')}\n`);
    ws = await openWorkspace(':memory:');
    await ingestFiles(ws, [file]);
    const { unpriced } = await priceCalls(ws, await loadCatalog({}));
    expect(unpriced).toHaveLength(60);
    expect(unpriced[0]?.model).toBe('gpt-5.4-m00');
    expect(unpriced.filter((u) => u.closest.length > 0)).toHaveLength(closestForFirst);
    expect(unpriced.slice(closestForFirst).every((u) => u.closest.length === 0)).toBe(true);
    const models = unpriced.map((u) => ({ model: u.model, provider: null, reason: u.reason, closest: u.closest, calls: u.calls, requests: u.calls, tokens: 1100n * u.calls, reportedMicros: null, reportedCalls: 0n, unpricedRequests: u.calls, fix: 'f' }));
    const spec = unpricedTable({ models, charges: [] });
    expect(spec.rows).toHaveLength(unpricedListed + 1);
    expect(spec.rows.at(-1)).toEqual(['… 40 more model ids', '', '40', '40', '44,000', '–', '–']);
    expect(spec.rows.at(-2)?.[6]).toMatch(/^no price in the catalog; closest: .+\. Fix: f$/);
    models[0] = { ...models[0]!, closest: [] };
    expect(unpricedTable({ models, charges: [] }).rows[0]?.[6]).toBe('no price in the catalog. Fix: f');
    const strict = unknownModelsError(unpriced).message;
    expect(strict).toContain('"gpt-5.4-m09" (1 calls; closest catalog ids:');
    expect(strict).not.toContain('"gpt-5.4-m10"');
    expect(strict).toContain('; and 50 more model ids (`batchable pricing coverage` lists every one).');
  });

  it('--top on the command line: a number of rows, 0 for every row', async () => {
    const dir = tempDirs('batchable-top-')();
    const file = join(dir, 'calls.csv');
    const rows = ['a', 'b', 'c', 'd'].map((f, i) => `c${i},2026-10-0${i + 1}T00:00:00Z,gpt-5.4,1000,100,${f}`);
    writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens,feature\n${rows.join('\n')}\n`);
    const two = await runCli(['audit', file, '--db', ':memory:', '--top', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toContain('… 2 more workloads (--top 0 lists every row)');
    const all = await runCli(['audit', file, '--db', ':memory:', '--top', '0']);
    expect(all.stdout).not.toContain('more workloads');
    const bad = await runCli(['audit', file, '--db', ':memory:', '--top', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --top ten: expected a whole number of rows (0: every row)\n');
  });
});
