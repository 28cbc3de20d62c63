// End to end: a database made by `batchable ingest`, then `explain` through the CLI and exportCalls to files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { classifyCalls, exportCalls } from '../../src/classify/index.ts';
import { openWorkspace, withWorkspace } from '../../src/db/workspace.ts';
import { UsageError } from '../../src/errors.ts';
import { fixture, runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-explain-'));
const db = join(dir, 'usage.duckdb');

beforeAll(async () => {
  const ingest = await runCli(['ingest', fixture('batchable/mixed-workloads.csv'), '--db', db]);
  expect(ingest.code).toBe(0);
});

describe('batchable explain', () => {
  test('a call: its label, facts, the deciding reason, the workload signals and what would change it', async () => {
    const r = await runCli(['explain', 'req_0004', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('call req_0004: non_blocking (confidence 0.80, decided by heuristic)\n  workload   nightly-digest\n');
    expect(r.stdout).toContain('reasons (deciding first):\n  - name: "nightly" names a scheduled or bulk job\n');
    expect(r.stdout).toContain('signals seen in workload "nightly-digest":\n  nobody waits   0.80  name: "nightly" names a scheduled or bulk job\n');
    expect(r.stdout).toContain('what would change the decision:\n  - a rule in a rules file (--rules FILE): - match: { workload: "nightly-digest" }\n      label: blocking');
  });
  test('a workload: its split by label and the rule that decides with --rules', async () => {
    const rules = fixture('classify/explain-rules.yaml');
    const r = await runCli(['explain', 'chat', '--db', db, '--rules', rules]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('workload chat: blocking (confidence 0.95, decided by heuristic)\n  3 row(s), 3 request(s)\n         3 row(s) blocking (heuristic)\n');
    const call = await runCli(['explain', 'req_0008', '--db', db, '--rules', rules]);
    expect(call.stdout).toContain('call req_0008: non_blocking (confidence 1.00, decided by rule: rule "backfills can wait a day")');
    expect(call.stdout).toContain(`  - rule "backfills can wait a day" (${rules} #1): deadline 2d\n`);
    expect(call.stdout).toContain('  - the rule "backfills can wait a day" decides; without it the heuristics say non_blocking (confidence 0.97)\n');
  });
  test('a workload split several ways: most rows first, then by label, then by what decided; rows labelled apart say why', async () => {
    // nightly-digest: 3 calls its name decides, 3 billed on the batch lane (one of them also matched by the rule: the
    // lane beats it), 2 the rule holds blocking. The tie at 3 rows is broken by label, then by what decided.
    const csv = join(dir, 'splits.csv');
    const rules = join(dir, 'splits-rules.yaml');
    const row = (id: string, model: string, lane: string) => `${id},2026-10-05T02:00:0${id.slice(1)}Z,${model},chat,5200,900,${lane},8200,key_etl,proj_jobs,nightly-digest`;
    writeFileSync(csv, ['call_id,ts,model,operation,input_tokens,output_tokens,lane,latency_ms,api_key,project,feature',
      row('n1', 'gpt-5.4', ''), row('n2', 'gpt-5.4-mini', ''), row('n3', 'gpt-5.4', 'batch'), row('n4', 'gpt-5.4', ''),
      row('n5', 'gpt-5.4-mini', 'batch'), row('n6', 'gpt-5.4-mini', ''), row('n7', 'gpt-5.4', 'batch'), row('n8', 'gpt-5.4', '')].join('\n') + '\n');
    writeFileSync(rules, '- name: the mini drafts are read at once\n  match: { model: gpt-5.4-mini }\n  label: blocking\n');
    const splitDb = join(dir, 'splits.duckdb');
    expect((await runCli(['ingest', csv, '--db', splitDb])).code).toBe(0);
    const r = await runCli(['explain', 'nightly-digest', '--db', splitDb, '--rules', rules]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'workload nightly-digest: non_blocking (confidence 0.80, decided by heuristic)\n  8 row(s), 8 request(s)\n' +
        '         3 row(s) non_blocking (heuristic)\n' +
        '         3 row(s) non_blocking (lane): billed on the batch lane: already discounted, nobody waits on it\n' +
        `         2 row(s) blocking (rule): rule "the mini drafts are read at once" (${rules} #1): label blocking\n\n`,
    );
  });
  test('an unknown id is exit 2 with the closest workload names', async () => {
    const r = await runCli(['explain', 'nightly-digst', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: explain nightly-digst: no call id or workload by that name; closest workloads: "nightly-digest", /);
  });
});

describe('exportCalls', () => {
  test('CSV, JSONL and Parquet by extension, one row per call, with labels and reasons', async () => {
    await withWorkspace(db, async (ws) => {
      await classifyCalls(ws, undefined);
      expect(await exportCalls(ws, join(dir, 'calls.csv'))).toBe(10);
      expect(await exportCalls(ws, join(dir, 'calls.jsonl'))).toBe(10);
      expect(await exportCalls(ws, join(dir, 'calls.parquet'))).toBe(10);
      const parquet = await ws.all<{ n: bigint; nb: bigint }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE label = 'non_blocking') AS nb FROM read_parquet('${join(dir, 'calls.parquet')}')`,
      );
      expect(parquet).toEqual([{ n: 10n, nb: 6n }]);
    });
    const csv = readFileSync(join(dir, 'calls.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('call_id,ts,workload,label,confidence,decided_by,rule_name,deadline_minutes,agent_chain,reasons,lane,requests,granularity,provider,model,operation');
    expect(csv[1]).toBe('req_0004,2026-10-05 02:00:01+00,nightly-digest,non_blocking,0.8,heuristic,,,false,"name: ""nightly"" names a scheduled or bulk job",standard,1,call,openai,gpt-5.4,chat');
    const first = JSON.parse(readFileSync(join(dir, 'calls.jsonl'), 'utf8').split('\n')[0] ?? '') as Record<string, unknown>;
    expect(first).toMatchObject({ call_id: 'req_0004', label: 'non_blocking', reasons: ['name: "nightly" names a scheduled or bulk job'], requests: 1 });
  });
  test('cost_usd appears when priced_calls exists, exact to the micro-dollar', async () => {
    const ws = await openWorkspace(db);
    try {
      await classifyCalls(ws, undefined);
      await ws.run(`CREATE TEMP TABLE priced_calls AS SELECT call_id, call_key, 1234567891::HUGEINT * 1000 AS cost_pico FROM calls`);
      expect(await exportCalls(ws, join(dir, 'priced.jsonl'))).toBe(10);
    } finally {
      ws.close();
    }
    const first = JSON.parse(readFileSync(join(dir, 'priced.jsonl'), 'utf8').split('\n')[0] ?? '') as Record<string, unknown>;
    expect(first.cost_usd).toBe(1.234568); // 1,234,567,891,000 pico-dollars
  });
  test('another extension is a usage error naming --export-calls', async () => {
    const ws = await openWorkspace(':memory:');
    try {
      await classifyCalls(ws, undefined);
      const error = await exportCalls(ws, join(dir, 'calls.xlsx')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`--export-calls ${join(dir, 'calls.xlsx')}: unknown extension; use .csv, .jsonl or .parquet (or a directory with --partition-by day|month)`);
    } finally {
      ws.close();
    }
  });
});
