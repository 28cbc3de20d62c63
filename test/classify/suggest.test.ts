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
import { emptyWorkspace, insertCalls, interactiveBackdrop, labelOf } from './helpers.ts';

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
  // Its match is a glob that matches the name alone (its `[31m` is not a character class): answered, it decides them.
  writeFileSync(file, text.replace(/(match: \{ workload: "evil[^\n]*\n[^\n]*\n) {4}# (label: non_blocking)/, '$1    $2'));
  await classifyCalls(ws, await loadRules(file));
  expect(await ws.all("SELECT DISTINCT label, decided_by FROM labels WHERE starts_with(call_id, 'x')")).toEqual([{ label: 'non_blocking', decided_by: 'rule' }]);
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

test('audit\'s note says finer buckets separate jobs from people when the unsure spend comes as day buckets, and not otherwise', async () => {
  // A month of one usage-API key in day buckets, the same volume every day: nothing decides it, so it is blocking by default.
  await labelled(`SELECT 'day' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-01 00:00:00+00' + d * INTERVAL 1 DAY AS ts,
    TIMESTAMPTZ '2026-10-02 00:00:00+00' + d * INTERVAL 1 DAY AS ended_at, 900 AS requests, 'key_day' AS api_key, 900 * 20000 AS input_tokens,
    900 * 2000 AS output_tokens FROM range(30) r(d)`);
  expect(await lowConfidenceNote(ws)).toMatch(
    /is labelled with low confidence or by default; `batchable rules suggest` drafts .*\. 9\d(\.\d)?% of it comes as usage buckets of a day, which show nothing inside the day: hours separate jobs from people, minutes show a poller's bursts too \(`batchable pull openai` \(or `anthropic`\) fetches minute buckets; for a period already held as hours or days, pull it into a new workspace \(`--since <first day> --db <new file>`\)\)$/,
  );
  ws.close();
  await labelled();
  expect(await lowConfidenceNote(ws)).not.toMatch(/buckets of a day/);
});

test('audit\'s note says minute buckets show a poller\'s bursts when the unsure spend comes as hour buckets, and not otherwise', async () => {
  // Three weeks of one usage-API key in hour buckets, 40 requests in every hour: nothing decides it, so it is blocking by default.
  const hours = (width: string, key: string) => `SELECT '${key}' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-01 00:00:00+00' + h * INTERVAL 1 HOUR AS ts,
    TIMESTAMPTZ '2026-10-01 00:00:00+00' + h * INTERVAL 1 HOUR + INTERVAL ${width} AS ended_at, 40 AS requests, '${key}' AS api_key, 40 * 20000 AS input_tokens,
    40 * 2000 AS output_tokens FROM range(21 * 24) r(h)`;
  await labelled(hours('1 HOUR', 'key_hour'));
  const note = await lowConfidenceNote(ws);
  expect(note).toMatch(
    /is labelled with low confidence or by default; `batchable rules suggest` drafts .*\. 9\d(\.\d)?% of it comes as usage buckets of an hour, where a poller's few minutes of work an hour look like any busy hour: minute buckets show its bursts \(`batchable pull openai` \(or `anthropic`\) fetches minute buckets; for a period already held as hours or days, pull it into a new workspace \(`--since <first day> --db <new file>`\)\)$/,
  );
  expect(note).not.toMatch(/buckets of a day/);
  ws.close();
  // The same requests in minute buckets: all 40 in one minute of each hour, a poller's burst (signals/minute-buckets.ts),
  // so the key is labelled batchable and nothing is unsure.
  await labelled(hours('1 MINUTE', 'key_minute'));
  expect(await lowConfidenceNote(ws)).toBeUndefined();
  expect((await labelOf(ws, 'key_minute100')).reasons[0]).toMatch(/^recurring bursts in minute buckets: 100% of requests in 504 bursts/);
});

test('audit\'s note says requests are estimated when the unsure spend comes as rows that count no requests, and not otherwise', async () => {
  // Two weeks of one Anthropic usage-report key in hourly buckets in office hours, no request count: nothing decides it.
  await labelled(`SELECT 'h' || d || '-' || h AS call_id, 'bucket' AS granularity,
    TIMESTAMPTZ '2026-10-05 08:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
    TIMESTAMPTZ '2026-10-05 09:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, NULL::BIGINT AS requests, 'apikey_01' AS api_key,
    'claude-sonnet-4-6' AS model, CASE WHEN h = 8 THEN 900000 ELSE 400000 END AS input_tokens, 30000 AS output_tokens
    FROM range(14) a(d), range(9) b(h) WHERE d % 7 < 5`);
  const note = await lowConfidenceNote(ws);
  expect(await ws.all("SELECT DISTINCT label, decided_by FROM labels WHERE call_id LIKE 'h%'")).toEqual([{ label: 'blocking', decided_by: 'default' }]);
  expect(note).toMatch(/\. 9\d(\.\d)?% of it comes as usage rows that count no requests \(Anthropic's usage report and Console export\), where requests are estimated from tokens and the signs read from one call's pace/);
  expect(note).not.toMatch(/usage buckets of a day/);
  // The drafted question counts its rows as rows, not requests, and asks about its busiest hour by spend: every row
  // weighs one, so by rows its hours would tie.
  const drafted = renderSuggestions(await suggestRules(ws, 10), 'the workspace');
  // With the estimate labelling read: 930,000 fresh tokens at 08:00 (186 requests), 430,000 in each other hour (86).
  expect(drafted).toContain('90 usage row(s) with no request count (about 8,740 requests, estimated from their tokens); now blocking, by default');
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

test('a workload named by no key or tag may be several services: its question says not to give them one label if some are waited on and some not, and to name them', async () => {
  // The same untagged traffic with no API key: its name is its project, model and operation only.
  ws = await emptyWorkspace();
  await insertCalls(ws, interactiveBackdrop);
  await insertCalls(ws, `SELECT 'q' || d || '-' || h AS call_id, TIMESTAMPTZ '2026-10-05 16:20:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
    'proj_fin' AS project, 20000 AS input_tokens, 2000 AS output_tokens FROM range(14) a(d), range(4) b(h)`);
  await classifyCalls(ws, undefined);
  await priceCalls(ws, await loadCatalog({}));
  const s = await suggestRules(ws, 10);
  const w = s.workloads.find((x) => x.workload.startsWith('proj_fin'));
  expect(w?.sharedName).toBe(true);
  const text = renderSuggestions(s, 'the workspace');
  expect(text).toContain(
    '  #   note: nothing names these calls but their project, model and operation (no API key, no tag naming the work):\n' +
      '  #   they may be several services.\n' +
      '  #   If someone waits on some of them and not on others, do not give them one label',
  );
  // With a key, the key names the calls: no note (the first test's workload).
  ws.close();
  await labelled();
  const keyed = await suggestRules(ws, 10);
  expect(keyed.workloads.map((x) => x.sharedName)).toEqual([false]);
  expect(keyed.workloads.map((x) => x.usageRows)).toEqual([false]);
  expect(renderSuggestions(keyed, 'the workspace')).not.toContain('they may be several services');
});

test('usage rows may be several services however well their key names them: the question says so, and to split them', async () => {
  // Hourly usage buckets of one API key, project and model, a few requests every hour of every day: a poller and a
  // service people use look alike there (blocking by default), and one key often carries both. The eval's
  // usage-market-id: a team answering for the majority of such a workload's spend (a poller's) moved the shoppers'
  // calls on the same key to batch (13% of the org's blocking spend).
  ws = await emptyWorkspace();
  await insertCalls(ws, interactiveBackdrop);
  await insertCalls(ws, `SELECT 'ub-' || d || '-' || h AS call_id, 'bucket' AS granularity,
      TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
      TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, 10 + (hash(d, h) % 8)::INTEGER AS requests,
      'key_store' AS api_key, 'proj_store' AS project, 40000 AS input_tokens, 3000 AS output_tokens FROM range(14) a(d), range(24) b(h)`);
  await classifyCalls(ws, undefined);
  await priceCalls(ws, await loadCatalog({}));
  const s = await suggestRules(ws, 10);
  const w = s.workloads.find((x) => x.workload.startsWith('proj_store'));
  expect(w).toMatchObject({ label: 'blocking', usageRows: true, sharedName: false });
  const text = renderSuggestions(s, 'the workspace');
  expect(text).toContain(
    '  #   note: these are usage rows: each sums every call its API key, project and model sent in its hour or day,\n' +
      '  #   so they may be several services (a backend often sends all its features on one key).\n' +
      '  #   If someone waits on some of them and not on others, do not give them one label (it would move the ones waited\n' +
      '  #   on to batch, or keep the others synchronous): leave this rule as it is, or uncomment `label: blocking` if they\n' +
      '  #   are labelled non_blocking now.\n' +
      "  #   Then give each service a key or a project of its own, or audit a per-call log of the same traffic (a gateway's\n",
  );
  // The note sits in the question's comments: the file still validates and changes no label as written.
  const file = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'rules.yaml');
  writeFileSync(file, text);
  const before = await ws.all('SELECT call_id, label, workload FROM labels ORDER BY call_id');
  await classifyCalls(ws, await loadRules(file));
  expect(await ws.all('SELECT call_id, label, workload FROM labels ORDER BY call_id')).toEqual(before);
});

test('a question about a grouping leaves the calls judged apart from it where they are: the file still changes nothing as written', async () => {
  // People on key_fin (an id on each call, a few an hour: blocking by default, so asked about) and a script on the
  // same key, project and model with no id: its calls are judged apart (`… · no user or trace`). A rule matching the
  // grouping covers those calls too, so the drafted rule alone, naming the grouping's workload, moved them back in.
  ws = await emptyWorkspace();
  await insertCalls(ws, interactiveBackdrop);
  await insertCalls(ws, `SELECT 'q' || d || '-' || h AS call_id, TIMESTAMPTZ '2026-10-05 16:20:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
    'fin' || h AS user_id, 'key_fin' AS api_key, 'proj_fin' AS project, 20000 AS input_tokens, 2000 AS output_tokens FROM range(14) a(d), range(4) b(h)`);
  await insertCalls(ws, `SELECT 'sc-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-07 17:00:00+00' + (w * 300 + k * (1500 + 100 * w + 80)) * INTERVAL 1 MILLISECOND AS ts,
      (1500 + 100 * w)::DOUBLE AS latency_ms, 'key_fin' AS api_key, 'proj_fin' AS project FROM range(4) a(w), range(120) b(k)`);
  await classifyCalls(ws, undefined);
  await priceCalls(ws, await loadCatalog({}));
  const before = await ws.all<{ call_id: string; workload: string; label: string }>('SELECT call_id, workload, label FROM labels ORDER BY call_id');
  expect(before.find((r) => r.call_id === 'sc-1-50')?.workload).toBe('proj_fin · gpt-5.4 · chat · no user or trace');
  const s = await suggestRules(ws, 10);
  expect(s.workloads.map((w) => w.workload)).toContain('proj_fin · gpt-5.4 · chat');
  const text = renderSuggestions(s, 'the workspace');
  expect(text).toContain('    match: { workload: "proj_fin · gpt-5.4 · chat · no user or trace" }');
  const file = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'rules.yaml');
  writeFileSync(file, text);
  await classifyCalls(ws, await loadRules(file));
  expect(await ws.all('SELECT call_id, workload, label FROM labels ORDER BY call_id')).toEqual(before);
});

test('the calls that do not stream, judged apart from a mostly streamed name no key gave, are kept apart first, said so', () => {
  // A grouping asked about with both kinds of calls judged apart from it (src/classify/signals/workload-name.ts).
  const grouping = 'proj-langfuse · claude-sonnet-4-6 · chat';
  const text = renderSuggestions({
    totalPico: 10n ** 13n, lowPico: 10n ** 12n, calls: 100n,
    workloads: [{
      workload: grouping, label: 'blocking', confidence: 0.5, decidedBy: 'default', nameOnly: false, costPico: 10n ** 12n, requests: 100n, uncountedRows: 0n,
      estimatedRequests: 0n, waits: [], free: [], busiestDay: 'Monday', busiestHour: 9, sharedName: true, usageRows: false,
      apart: [`${grouping} · no user or trace`, `${grouping} · not streamed`],
    }],
  }, 'the workspace');
  const apart = text.indexOf(`match: { workload: "${grouping} · not streamed" }`);
  expect(apart).toBeGreaterThan(text.indexOf(`match: { workload: "${grouping} · no user or trace" }`));
  expect(apart).toBeLessThan(text.indexOf(`match: { workload: "${grouping}" }`));
  expect(text).toContain(`# ${grouping} · not streamed: calls that do not stream, judged apart from "${grouping}"`);
  expect(text).toContain(`# ${grouping} · no user or trace: calls with no user, trace or stream of their own, judged apart from "${grouping}"`);
});
