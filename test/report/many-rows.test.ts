// Reports of many rows (a tag that holds a request id makes a workload per call): the terminal and markdown
// tables show --top rows and sum the rest in one, notes and the plan's "Not moved" list name 20 of a kind and count
// the rest, and a terminal table never hands cli-table3 more rows than it can draw.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import type { Plan } from '../../src/plan/build.ts';
import { renderPlanMarkdown } from '../../src/report/plan/markdown.ts';
import { renderPlanTable } from '../../src/report/plan/table.ts';
import { render } from '../../src/report/render.ts';
import { savingsColumns, shownRows } from '../../src/report/renderers/columns.ts';
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

  it('a terminal table stops at its ceiling, saying where every row is', async () => {
    const r = await report();
    expect(savingsColumns(r, undefined, 5).rows.map((row) => row[0]).at(-1)).toBe('… 21 more workloads (a terminal table stops at 5 rows: --format csv lists every row)');
    expect(savingsColumns(r, 4, 5).rows).toHaveLength(5);
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
