// The rules file: loading and validation (exit 2 naming file, rule and field), the compiler's SQL text and
// parameters, the rows it matches, and rules winning over heuristics (but not over the batch lane).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { classifyCalls, compileRules, loadRules, rulesJsonSchema, type Rules } from '../../src/classify/index.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { InputError, UsageError } from '../../src/errors.ts';
import { fixture, repoRoot, runCli } from '../helpers/cli.ts';
import { emptyWorkspace, insertCalls, labelOf } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-rules-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const rules = (list: Rules['rules']): Rules => ({ file: 'rules.yaml', rules: list });

let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

describe('loadRules', () => {
  test('no file, no rules', async () => {
    expect(await loadRules(undefined)).toBeUndefined();
  });
  test('YAML list and JSON {rules: [...]} both load', async () => {
    const yaml = await loadRules(write('ok.yaml', '- name: etl\n  match: { api_key: "etl-*", "tags.job": digest, hours: "0-6" }\n  deadline: 12h\n'));
    expect(yaml?.rules).toEqual([{ name: 'etl', match: { api_key: 'etl-*', 'tags.job': 'digest', hours: '0-6' }, deadline: '12h' }]);
    const json = await loadRules(write('ok.json', JSON.stringify({ rules: [{ match: { model: ['gpt-*', 'o3'] }, label: 'blocking' }] })));
    expect(json?.rules[0]?.label).toBe('blocking');
  });
  test.each([
    ['bad-label.yaml', '- name: a\n  match: { project: x }\n- name: etl\n  match: { project: p }\n  label: maybe\n', /bad-label\.yaml: rule 2 "etl": field label: /],
    ['bad-deadline.yaml', '- match: { project: p }\n  deadline: soon\n', /bad-deadline\.yaml: rule 1: field deadline: expected a duration like "30m", "12h" or "2d"/],
    ['bad-key.yaml', '- name: k\n  match: { colour: red }\n  label: blocking\n', /rule 1 "k": field match\.colour: unknown match key/],
    ['bad-tag.yaml', '- name: t\n  match: { "tags.a b": x }\n  label: blocking\n', /rule 1 "t": field match\.tags\.a b: unknown match key/],
    ['no-effect.yaml', '- name: e\n  match: { project: p }\n', /rule 1 "e": rule: a rule sets at least one of workload, label, deadline/],
    ['conflict.yaml', '- name: c\n  match: { project: p }\n  label: non_blocking\n  deadline: 30m\n', /rule 1 "c": field deadline: deadline 30m means blocking, but label says non_blocking/],
    ['bad-hours.yaml', '- name: h\n  match: { hours: "25-3" }\n  label: blocking\n', /rule 1 "h": field match\.hours "25-3"/],
    ['not-a-list.yaml', 'rules: 3\n', /expected a list of rules/],
  ])('%s is an input error naming the file, the rule and the field', async (name, text, message) => {
    const error = await loadRules(write(name, text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });
  test('unparsable YAML and a missing file are exit-2 errors too', async () => {
    await expect(loadRules(write('broken.yaml', '- match: {project: [\n'))).rejects.toThrow(/broken\.yaml:\d+: not valid YAML/);
    await expect(loadRules(join(dir, 'missing.yaml'))).rejects.toBeInstanceOf(UsageError);
  });
  test('the CLI exits 2 with one line on a bad rules file', async () => {
    const db = join(dir, 'cli.duckdb');
    expect((await runCli(['ingest', fixture('batchable/mixed-workloads.csv'), '--db', db])).code).toBe(0);
    const bad = write('cli-bad.yaml', '- name: x\n  match: { project: p }\n  label: sometimes\n');
    const result = await runCli(['explain', 'req_0001', '--db', db, '--rules', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*cli-bad\.yaml: rule 1 "x": field label: .*\n$/);
  });
  test('schemas/rules.schema.json is generated from the zod schema', () => {
    const published = JSON.parse(readFileSync(join(repoRoot, 'schemas/rules.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(rulesJsonSchema());
  });
});

describe('compileRules', () => {
  test('SQL text holds columns and placeholders only; every value is a parameter', () => {
    const compiled = compileRules(rules([
      { name: 'etl', match: { api_key: 'etl-*', 'tags.job': 'digest' }, deadline: '12h' },
      { match: { model: ['gpt-*', "o'3"], hours: '22-2,9' }, label: 'blocking' },
      { match: { workload: 'chat*' }, workload: 'Chat' },
    ]));
    expect(compiled.sql).toBe(`CASE
  WHEN (coalesce(api_key GLOB $r0_m0_0, false) AND coalesce(json_extract_string(tags, $r0_m1_path) GLOB $r0_m1_0, false)) THEN 0
  WHEN (coalesce((model GLOB $r1_m0_0 OR model GLOB $r1_m0_1), false) AND ((hour(ts) >= $r1_h0_from OR hour(ts) < $r1_h0_to) OR (hour(ts) >= $r1_h1_from AND hour(ts) < $r1_h1_to))) THEN 1
  WHEN coalesce((auto_workload GLOB $r2_m0_0 OR unattributed_workload GLOB $r2_m0_0), false) THEN 2
END`);
    expect(compiled.params).toEqual({
      r0_m0_0: 'etl-*', r0_m1_path: '$."job"', r0_m1_0: 'digest',
      r1_m0_0: 'gpt-*', r1_m0_1: "o'3", r1_h0_from: 22, r1_h0_to: 2, r1_h1_from: 9, r1_h1_to: 10,
      r2_m0_0: 'chat*',
    });
  });
  test('no rules compile to NULL', () => {
    expect(compileRules(undefined)).toEqual({ sql: 'CAST(NULL AS INTEGER)', params: {} });
  });
  test('on rows: globs, tag paths, hour ranges and first match wins', async () => {
    ws = await emptyWorkspace();
    const compiled = compileRules(rules([
      { name: 'digest', match: { 'tags.job': 'digest*' }, label: 'non_blocking' },
      { name: 'night', match: { hours: '22-2' }, label: 'non_blocking' },
      { name: 'etl', match: { api_key: 'etl-*', model: 'gpt-*' }, label: 'blocking' },
    ]));
    const rows = await ws.all<{ id: string; rule: number | null }>(
      `SELECT id, ${compiled.sql} AS rule FROM (VALUES
        ('a', 'etl-1', 'gpt-5.4', '{"job":"digest-daily"}'::JSON, TIMESTAMPTZ '2026-10-05 12:00:00+00', 'x'),
        ('b', 'etl-1', 'gpt-5.4', NULL, TIMESTAMPTZ '2026-10-05 12:00:00+00', 'x'),
        ('c', 'etl-1', 'claude', NULL, TIMESTAMPTZ '2026-10-05 12:00:00+00', 'x'),
        ('d', 'web', 'gpt-5.4', '{"job":"chat"}'::JSON, TIMESTAMPTZ '2026-10-05 23:30:00+00', 'x'),
        ('e', 'web', 'gpt-5.4', NULL, TIMESTAMPTZ '2026-10-05 01:59:00+00', 'x'),
        ('f', 'web', 'gpt-5.4', NULL, TIMESTAMPTZ '2026-10-05 02:00:00+00', 'x'),
        ('g', NULL, NULL, '"just text"'::JSON, TIMESTAMPTZ '2026-10-05 12:00:00+00', 'x')
      ) t(id, api_key, model, tags, ts, auto_workload) ORDER BY id`,
      compiled.params,
    );
    expect(rows.map((r) => [r.id, r.rule])).toEqual([['a', 0], ['b', 2], ['c', null], ['d', 1], ['e', 1], ['f', null], ['g', null]]);
  });
});

describe('rules in classifyCalls', () => {
  const nightly = `SELECT 'n' || i AS call_id, TIMESTAMPTZ '2026-10-05 02:00:00+00' + i * INTERVAL 1 SECOND AS ts, 'etl-main' AS api_key,
    i = 1 AS streamed, CASE WHEN i = 2 THEN 'batch' ELSE 'standard' END AS lane, '{"job":"nightly"}' AS tags FROM range(10) r(i)`;
  test('a rule beats the heuristics and per-call streaming, but never the batch lane', async () => {
    ws = await emptyWorkspace();
    await insertCalls(ws, nightly);
    await classifyCalls(ws, rules([{ name: 'urgent', match: { api_key: 'etl-*' }, workload: 'etl urgent', deadline: '30m' }]));
    const row = await labelOf(ws, 'n0');
    expect(row).toMatchObject({ workload: 'etl urgent', label: 'blocking', decided_by: 'rule', rule_name: 'urgent', deadline_minutes: 30n, confidence: 1 });
    expect(row.reasons).toEqual(['rule "urgent" (rules.yaml #1): deadline 30m']);
    const batch = await labelOf(ws, 'n2');
    expect([batch.label, batch.decided_by]).toEqual(['non_blocking', 'lane']);
    expect(batch.reasons[1]).toBe('against: rule "urgent" (rules.yaml #1): deadline 30m (the billed lane shows it did not need an answer now)');
  });
  test('a deadline under 24 h is batchable but flagged as a risk; the streamed call follows the rule', async () => {
    ws = await emptyWorkspace();
    await insertCalls(ws, nightly);
    await classifyCalls(ws, rules([{ match: { 'tags.job': 'nightly' }, deadline: '12h' }]));
    const row = await labelOf(ws, 'n1');
    expect(row).toMatchObject({ label: 'non_blocking', decided_by: 'rule', rule_name: 'rule 1', deadline_minutes: 720n });
    expect(row.reasons).toEqual([
      'rule "rule 1" (rules.yaml #1): deadline 12h',
      'risk: deadline 12h is under the 24 h batch window; batches usually return sooner, but a late one would miss it',
    ]);
  });
  test('a rule that only names the workload leaves the label to the heuristics and says so', async () => {
    ws = await emptyWorkspace();
    await insertCalls(ws, nightly);
    await classifyCalls(ws, rules([{ name: 'name it', match: { workload: 'night*' }, workload: 'Nightly ETL' }]));
    const row = await labelOf(ws, 'n0');
    expect(row).toMatchObject({ workload: 'Nightly ETL', label: 'non_blocking', decided_by: 'heuristic', rule_name: 'name it' });
    expect(row.reasons.at(-1)).toBe('rule "name it" (rules.yaml #1): workload Nightly ETL');
  });
});
