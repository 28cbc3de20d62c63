// The analysis kept in the workspace: labels and prices are reused while their inputs (sources, rules, catalog,
// code) are unchanged, rebuilt when one changes, and what-ifs never rebuild them. Every reused answer is
// compared with the same command on a fresh in-memory workspace, which labels and prices from scratch.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../src/app/analysis-cache.ts';
import { openWorkspace } from '../../src/db/workspace.ts';
import { fixture, runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'usage.duckdb');

const mixed = fixture('batchable/mixed-workloads.csv');
const agent = fixture('batchable/agent-trace.jsonl');
const rules = fixture('classify/explain-rules.yaml');
const prices = fixture('pricing/catalogs/price-change');

type State = Record<string, string>;
/** When each stage was last built (the workspace file, opened after the command closed it). */
async function state(): Promise<State> {
  const ws = await openWorkspace(db);
  try {
    const rows = await ws.all<{ stage: string; built_at: Date }>('SELECT stage, built_at FROM analysis_state ORDER BY stage');
    return Object.fromEntries(rows.map((r) => [r.stage, r.built_at.toISOString()]));
  } finally {
    ws.close();
  }
}

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, 160);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return r.stdout;
}
/** The same command on a fresh in-memory workspace fed `files`: labels and prices computed from scratch. */
const fresh = (command: string, files: string[], flags: string[]) => ok([command, ...files, '--db', ':memory:', ...flags]);
const cached = (command: string, flags: string[]) => ok([command, '--db', db, ...flags]);

describe('analysis kept in the workspace', () => {
  const whatIfs = [
    ['--batch-share', '0.6'],
    ['--batch-share', '0.3', '--structural-discount', 'openai=0.1', '--cache-hit-rate', '0.5', '--credit-bonus', '0.05'],
    ['--batch-share', '1', '--workload', 'proj_app · gpt-5.4 · chat'],
    ['--batch-share', '0.5', '--by', 'model', '--since', '2026-10-05'],
  ];

  it('audit builds both stages; what-ifs reuse them and answer as a fresh workspace does', async () => {
    const audit = await ok(['audit', mixed, '--db', db, '--format', 'json']);
    expect(audit).toBe(await fresh('audit', [mixed], ['--format', 'json']));
    const built = await state();
    expect(Object.keys(built)).toEqual(['labels', 'prices']);
    for (const flags of whatIfs) {
      expect(await cached('simulate', [...flags, '--format', 'json'])).toBe(await fresh('simulate', [mixed], [...flags, '--format', 'json']));
      expect(await state()).toEqual(built);
    }
    // The same file again is a no-op ingest: nothing to rebuild either.
    await ok(['audit', mixed, '--db', db]);
    expect(await state()).toEqual(built);
  });

  it('a rules file re-labels without re-pricing; explain reuses those labels', async () => {
    const before = await state();
    const out = await cached('audit', ['--rules', rules, '--format', 'json']);
    expect(out).toBe(await fresh('audit', [mixed], ['--rules', rules, '--format', 'json']));
    const after = await state();
    expect(after.labels).not.toBe(before.labels);
    expect(after.prices).toBe(before.prices);
    const explained = await cached('explain', ['req_0001', '--rules', rules]);
    expect(explained).toBe(await ok(['explain', 'req_0001', '--db', db, '--rules', rules]));
    expect(await state()).toEqual(after);
    // Without the rules the labels are those of no rules again: rebuilt.
    await cached('explain', ['req_0001']);
    expect((await state()).labels).not.toBe(after.labels);
  });

  it('another catalog re-prices without re-labelling', async () => {
    await cached('audit', []); // labels without rules again
    const before = await state();
    const out = await cached('simulate', ['--pricing-dir', prices, '--batch-share', '0.6', '--format', 'json']);
    expect(out).toBe(await fresh('simulate', [mixed], ['--pricing-dir', prices, '--batch-share', '0.6', '--format', 'json']));
    const after = await state();
    expect(after.labels).toBe(before.labels);
    expect(after.prices).not.toBe(before.prices);
  });

  it('the catalog is known by its files: the same files elsewhere reuse the prices, an aliases file re-prices', async () => {
    const copy = join(dir, 'prices-copy');
    cpSync(prices, copy, { recursive: true });
    const before = await state(); // priced with --pricing-dir prices (the test above)
    const flags = ['--batch-share', '0.6', '--format', 'json'];
    const moved = await cached('simulate', ['--pricing-dir', copy, ...flags]);
    expect(moved).toBe(await fresh('simulate', [mixed], ['--pricing-dir', copy, ...flags]));
    expect(await state()).toEqual(before);
    writeFileSync(join(copy, 'aliases.json'), JSON.stringify({ aliases: [{ name: 'gpt-5.4', model: 'gpt-5.4-mini' }] }));
    const aliased = await cached('simulate', ['--pricing-dir', copy, ...flags]);
    expect(aliased).toBe(await fresh('simulate', [mixed], ['--pricing-dir', copy, ...flags]));
    expect(aliased).not.toBe(moved);
    const after = await state();
    expect(after.prices).not.toBe(before.prices);
    expect(after.labels).toBe(before.labels);
  });

  it('a newly ingested file rebuilds both stages, and check reads them', async () => {
    const before = await state();
    await ok(['ingest', agent, '--db', db]);
    const out = await cached('audit', ['--format', 'json']);
    expect(out).toBe(await fresh('audit', [mixed, agent], ['--format', 'json']));
    const after = await state();
    expect(after.labels).not.toBe(before.labels);
    expect(after.prices).not.toBe(before.prices);
    const check = await runCli(['check', '--db', db, '--max-sync-share', '1'], 160);
    expect(check.code).toBe(0);
    expect(await state()).toEqual(after);
  });

  it('a run that died while labelling (no fingerprint left) rebuilds', async () => {
    const ws = await openWorkspace(db);
    await ws.run("DELETE FROM analysis_state WHERE stage = 'labels'");
    await ws.run('DROP TABLE IF EXISTS savings_base');
    ws.close();
    const before = await state();
    expect(before.labels).toBeUndefined();
    expect(await cached('audit', ['--format', 'json'])).toBe(await fresh('audit', [mixed, agent], ['--format', 'json']));
    expect((await state()).labels).toBeDefined();
  });

  it('the code fingerprint is one hash per build, over its own modules', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});
