// rules suggest: the workloads holding the most spend with a low-confidence (or default) label, written as a
// starter rules file that validates, changes no label as written, and keeps hostile names inert.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { classifyCalls, loadRules } from '../../src/classify/index.ts';
import { lowConfidenceNote, renderSuggestions, suggestRules } from '../../src/classify/suggest.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { loadCatalog, priceCalls } from '../../src/pricing/index.ts';
import { emptyWorkspace, insertCalls, interactiveBackdrop } from './helpers.ts';

let ws: Workspace;
afterEach(() => ws?.close());

/** The backdrop (streamed chat: confident), an untagged key decided by default, and a scheduled job (confident). */
async function labelled(extra = ''): Promise<Workspace> {
  ws = await emptyWorkspace();
  await insertCalls(ws, interactiveBackdrop);
  // Untagged, no users, a few calls an hour in office hours: no evidence either way, so blocking by default.
  await insertCalls(ws, `SELECT 'q' || d || '-' || h AS call_id, TIMESTAMPTZ '2026-10-05 16:20:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
    'key_fin' AS api_key, 'proj_fin' AS project, 20000 AS input_tokens, 2000 AS output_tokens FROM range(14) a(d), range(4) b(h)`);
  await insertCalls(ws, `SELECT 'n' || k AS call_id, TIMESTAMPTZ '2026-10-06 03:00:00+00' + k * INTERVAL 2 SECOND AS ts, '{"job":"nightly-etl"}' AS tags FROM range(300) r(k)`);
  if (extra !== '') await insertCalls(ws, extra);
  await classifyCalls(ws, undefined);
  await priceCalls(ws, await loadCatalog({}));
  return ws;
}

test('lists the default-labelled workload with spend, requests, evidence and a question; skips confident ones', async () => {
  await labelled();
  const s = await suggestRules(ws, 10);
  expect(s.workloads.map((w) => w.workload)).toEqual(['proj_fin · gpt-5.4 · chat']);
  const [w] = s.workloads;
  expect(w?.requests).toBe(56n);
  expect(w?.decidedBy).toBe('default');
  expect(w?.busiestDay).toMatch(/day$/);
  const text = renderSuggestions(s, 'the workspace');
  expect(text).toContain('  # proj_fin · gpt-5.4 · chat\n  #   $');
  expect(text).toContain('56 requests; now blocking, by default');
  expect(text).toMatch(/#   question: does anyone wait on the answers of "proj_fin · gpt-5.4 · chat", say on \w+days around 1[6-9]:00 UTC,/);
  expect(text).toContain('    match: { workload: "proj_fin · gpt-5.4 · chat" }');
});

test('a label that rests on a name alone is asked about, however confident', async () => {
  // A key named voice-svc, a few calls an hour, nothing else: "voice" names an interactive surface (0.75), and nothing
  // the traffic does says either way. A name is a guess from a word.
  await labelled(`SELECT 'v' || d || '-' || h AS call_id, TIMESTAMPTZ '2026-10-05 16:40:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
    'key_voice' AS api_key, 'voice-svc' AS api_key_name, 'proj_contact' AS project, 20000 AS input_tokens, 2000 AS output_tokens FROM range(14) a(d), range(4) b(h)`);
  const s = await suggestRules(ws, 10);
  const voice = s.workloads.find((w) => w.workload.startsWith('proj_contact'));
  expect(voice).toMatchObject({ label: 'blocking', confidence: 0.75, decidedBy: 'heuristic', nameOnly: true });
  expect(voice?.waits).toEqual(['name: "voice" names an interactive surface']);
  const text = renderSuggestions(s, 'the workspace');
  expect(text).toContain('now blocking, confidence 0.75, on its name alone');
  expect(text).toMatch(/question: does anyone wait on the answers of "proj_contact · gpt-5\.4 · chat"/);
  // The default-labelled workload is still asked about; the streamed chat and the nightly job are not.
  expect(s.workloads.map((w) => w.workload)).toEqual(expect.arrayContaining(['proj_fin · gpt-5.4 · chat']));
  expect(s.workloads).toHaveLength(2);
});

test('the file validates against the rules schema and changes no label as written', async () => {
  await labelled();
  const before = await ws.all<{ call_id: string; label: string }>('SELECT call_id, label FROM labels ORDER BY call_id');
  const file = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'rules.yaml');
  writeFileSync(file, renderSuggestions(await suggestRules(ws, 10), 'the workspace'));
  const rules = await loadRules(file);
  expect(rules?.rules).toHaveLength(1);
  await classifyCalls(ws, rules);
  expect(await ws.all('SELECT call_id, label FROM labels ORDER BY call_id')).toEqual(before);
});

test('a hostile workload name stays one comment line and one quoted YAML value', async () => {
  await labelled(`SELECT 'x' || k AS call_id, TIMESTAMPTZ '2026-10-05 17:00:00+00' + k * INTERVAL 1 HOUR AS ts,
    '{"workload":"evil\\n- name: injected\\u001b[31m \\" #"}'::JSON AS tags, 50000 AS input_tokens FROM range(30) r(k)`);
  const s = await suggestRules(ws, 10);
  const evil = s.workloads.find((w) => w.workload.startsWith('evil'));
  expect(evil?.workload).toBe('evil\n- name: injected\u001b[31m " #');
  const text = renderSuggestions(s, 'the workspace');
  expect(text).not.toContain('\u001b');
  expect(text).not.toMatch(/^- name: injected/m);
  const file = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'rules.yaml');
  writeFileSync(file, text);
  const rules = await loadRules(file);
  expect(rules?.rules.map((r) => r.workload)).toContain('evil\n- name: injected\u001b[31m " #');
});

test('nothing to ask: an empty rules list, still valid', async () => {
  ws = await emptyWorkspace();
  await insertCalls(ws, interactiveBackdrop);
  await classifyCalls(ws, undefined);
  await priceCalls(ws, await loadCatalog({}));
  const text = renderSuggestions(await suggestRules(ws, 10), 'the workspace');
  expect(text).toContain('rules: []');
  const file = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'rules.yaml');
  writeFileSync(file, text);
  expect((await loadRules(file))?.rules).toEqual([]);
  expect(await lowConfidenceNote(ws)).toBeUndefined();
});

test('audit\'s note names the low-confidence spend and the command', async () => {
  await labelled();
  expect(await lowConfidenceNote(ws)).toMatch(/^\$[\d,.]+ \(\d+(\.\d)?% of spend\) is labelled with low confidence or by default; `batchable rules suggest` drafts a rules file/);
});

test('audit\'s note says hourly buckets separate jobs from people when the unsure spend comes as day buckets, and not otherwise', async () => {
  // A month of one usage-API key in day buckets, the same volume every day: nothing decides it, so it is blocking by default.
  await labelled(`SELECT 'day' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-01 00:00:00+00' + d * INTERVAL 1 DAY AS ts,
    TIMESTAMPTZ '2026-10-02 00:00:00+00' + d * INTERVAL 1 DAY AS ended_at, 900 AS requests, 'key_day' AS api_key, 900 * 20000 AS input_tokens,
    900 * 2000 AS output_tokens FROM range(30) r(d)`);
  expect(await lowConfidenceNote(ws)).toMatch(
    /is labelled with low confidence or by default; `batchable rules suggest` drafts .*\. 9\d(\.\d)?% of it comes as usage buckets of a day, which show nothing inside the day: hourly buckets separate jobs from people \(`batchable pull <source> --bucket-width 1h`\)$/,
  );
  ws.close();
  await labelled();
  expect(await lowConfidenceNote(ws)).not.toMatch(/hourly buckets/);
});

test('audit\'s note says the request-count signs cannot run when the unsure spend comes as rows that count no requests, and not otherwise', async () => {
  // Two weeks of one Anthropic usage-report key in hourly buckets in office hours, no request count: nothing decides it.
  await labelled(`SELECT 'h' || d || '-' || h AS call_id, 'bucket' AS granularity,
    TIMESTAMPTZ '2026-10-05 08:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
    TIMESTAMPTZ '2026-10-05 09:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, NULL::BIGINT AS requests, 'apikey_01' AS api_key,
    'claude-sonnet-4-6' AS model, CASE WHEN h = 8 THEN 900000 ELSE 400000 END AS input_tokens, 30000 AS output_tokens
    FROM range(14) a(d), range(9) b(h) WHERE d % 7 < 5`);
  const note = await lowConfidenceNote(ws);
  expect(await ws.all("SELECT DISTINCT label, decided_by FROM labels WHERE call_id LIKE 'h%'")).toEqual([{ label: 'blocking', decided_by: 'default' }]);
  expect(note).toMatch(/\. 9\d(\.\d)?% of it comes as usage rows that count no requests \(Anthropic's usage report and Console export\), where the signs read from request counts/);
  expect(note).not.toMatch(/usage buckets of a day/);
  // The drafted question counts its rows as rows, not requests, and asks about its busiest hour by spend: every row
  // weighs one, so by rows its hours would tie.
  const drafted = renderSuggestions(await suggestRules(ws, 10), 'the workspace');
  expect(drafted).toContain('90 usage row(s) with no request count; now blocking, by default');
  expect(drafted).not.toMatch(/ 90 requests/);
  expect(drafted).toMatch(/does anyone wait on the answers of "apikey_01 · claude-sonnet-4-6 · chat", say on Mondays around 16:00 UTC,/);
  ws.close();
  await labelled();
  expect(await lowConfidenceNote(ws)).not.toMatch(/count no requests/);
});

test('a workload seen only in day buckets is asked about on its busiest day, with no hour (a day bucket shows none)', async () => {
  await labelled(`SELECT 'day' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY AS ts,
    TIMESTAMPTZ '2026-10-06 00:00:00+00' + d * INTERVAL 1 DAY AS ended_at, 900 + 10 * d AS requests, 'key_day' AS api_key, 900 * 20000 AS input_tokens,
    900 * 2000 AS output_tokens FROM range(14) r(d)`);
  const drafted = renderSuggestions(await suggestRules(ws, 10), 'the workspace');
  expect(drafted).toMatch(/does anyone wait on the answers of "key_day · [^"]+", say on Sundays,\n/);
  expect(drafted).toMatch(/say on \w+days around \d\d:00 UTC,/); // the backdrop's hourly workloads keep their hour
});
