// The programmatic API (`import { pull, audit } from 'batchable'`): pull returns data and reports progress through
// the callback without printing; `audit({ pull })` pulls into the same workspace before it analyses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { audit, pull, type ProgressEvent } from '../../src/index.ts';
import { startFakeApi, type Clock, type FakeApi } from './fake-apis.ts';

const clock: Clock = { now: Date.parse('2026-10-03T10:30:00Z') };
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi('langfuse', clock);
});
afterAll(() => api.close());

it('pull returns the windows and the ingest, and tells progress through onProgress only', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'batchable-app-pull-')), 'usage.duckdb');
  const events: ProgressEvent[] = [];
  const outcome = await pull({ source: 'langfuse', since: '2026-10-02', env: api.env, now: () => clock.now, db, onProgress: (e) => void events.push(e) });
  if (outcome.kind !== 'windows') throw new Error('expected a time-window pull');
  expect(outcome.result.windows.map((w) => w.kind)).toEqual(['complete', 'partial']);
  expect(outcome.result.ingest.calls).toBe(api.rows(Date.parse('2026-10-02'), clock.now));
  expect(events.filter((e) => e.kind === 'pulling').length).toBeGreaterThan(1);
  expect(events.at(-1)).toEqual({ kind: 'pulled', outcome });
});

it('audit({ pull }) pulls into its workspace first, then analyses what it pulled', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'batchable-app-audit-')), 'usage.duckdb');
  const result = await audit({ db, pull: [{ source: 'langfuse', since: '2026-10-02', env: api.env, now: () => clock.now }] });
  expect(result.pulled).toHaveLength(1);
  expect(result.report.totals.requests).toBe(BigInt(api.rows(Date.parse('2026-10-02'), clock.now)));
});
