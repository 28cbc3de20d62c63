// The application layer called directly, as a program using `import { audit } from 'batchable'` would: typed
// options in, data out (summaries, report models, reconciliation rows, verdicts), progress through a callback,
// nothing printed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { audit, check, explain, frac, ingest, listRejects, simulate, type ProgressEvent } from '../../src/index.ts';
import { UsageError } from '../../src/errors.ts';
import { fixture } from '../helpers/cli.ts';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'batchable-app-')), 'usage.duckdb');

describe('app layer', () => {
  let writes: ReturnType<typeof vi.spyOn>[] = [];
  beforeEach(() => {
    writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
  });
  afterEach(() => {
    // Nothing in the app layer prints: the CLI renders what it returns.
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('ingest returns what each file added and reports it as progress', async () => {
    const events: ProgressEvent[] = [];
    const summary = await ingest({ files: [fixture('seeds/ten-thousand-dollars.csv'), fixture('bad/ragged-row.csv')], onProgress: (e) => events.push(e) });
    expect(summary).toMatchObject({ calls: 4, rejects: 1, duplicates: 0 });
    expect(summary.files.map((f) => [f.format, f.calls, f.rejects])).toEqual([
      ['batchable-csv', 2, 0],
      ['batchable-csv', 2, 1],
    ]);
    expect(events.at(-1)).toEqual({ kind: 'ingested', summary });
  });

  it('audit returns the report model with exact money', async () => {
    const { report, ingest: added, charts } = await audit({ files: [fixture('seeds/ten-thousand-dollars.csv')] });
    expect(added?.calls).toBe(2);
    expect(charts).toBeUndefined();
    expect(report.command).toBe('audit');
    expect(report.totals.steps.now).toBe(10_000_000_000n); // $10,000.00 in micro-dollars
    expect(report.totals.savingsMicros).toBe(3_000_000_000n);
    expect(report.rows.map((r) => [r.name, r.label, r.savingsMicros])).toEqual([
      ['nightly-enrichment', 'non_blocking', 3_000_000_000n],
      ['chat', 'blocking', 0n],
    ]);
    expect(report.reconciliation).toEqual([]);
  });

  it('audit carries the reconciliation as rows when a source reported its cost', async () => {
    const { report } = await audit({ files: [fixture('seeds/gpt54-job.csv')], by: 'model' });
    expect(report.reconciliation).toEqual([
      { model: 'gpt-5.4', lane: 'standard', rows: 1n, recomputedMicros: 225_000_000n, reportedMicros: 225_000_000n, residualMicros: 0n, flag: null },
    ]);
  });

  it('simulate stacks a scenario, and the workspace persists between calls', async () => {
    const db = tempDb();
    await ingest({ db, files: [fixture('seeds/ten-thousand-dollars.csv')] });
    const { report, ingest: added } = await simulate({ db, creditBonus: frac(1n, 4n), charts: true });
    expect(added).toBeUndefined();
    expect(report.command).toBe('simulate');
    // $7,000 after batch, then a 25% credit bonus: 7,000 / 1.25 = $5,600.
    expect(report.totals.steps.credits).toBe(5_600_000_000n);
  });

  it('check returns the verdict without failing: exit codes are the CLI', async () => {
    const { report } = await check({ files: [fixture('check/org-export.csv')], limits: { maxSyncShare: frac(1n, 2n), basis: 'spend', maxAvoidableShare: undefined, maxAvoidableMicros: undefined, maxIncreasePoints: undefined, baselineFile: undefined } });
    expect(report.verdict).toBe('fail');
    expect(report.measures.spendMicros).toBe(10_000_000n);
    expect(report.thresholds.map((t) => [t.name, t.passed])).toEqual([['max_sync_share', false]]);
  });

  it('explain returns the explanation; an unknown target is a UsageError', async () => {
    const db = tempDb();
    await ingest({ db, files: [fixture('batchable/mixed-workloads.csv')] });
    const e = await explain({ db, target: 'req_0004' });
    expect(e.kind).toBe('call');
    expect(e.workload.workload).toBe('nightly-digest');
    await expect(explain({ db, target: 'no-such-thing' })).rejects.toThrow(UsageError);
  });

  it('listRejects returns the rejected rows with file and line', async () => {
    const db = tempDb();
    await ingest({ db, files: [fixture('bad/ragged-row.csv')] });
    const rows = await listRejects({ db, limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ file: fixture('bad/ragged-row.csv'), line: 3n });
  });
});
