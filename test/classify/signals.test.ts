// One test per signal: crafted calls, the whole classifier, and the label / reason that signal must produce.
import { afterEach, describe, expect, test } from 'vitest';
import { classifyCalls } from '../../src/classify/index.ts';
import { explainTarget, renderExplanation } from '../../src/classify/explain.ts';
import { labelKeysColumns, labelOutcomesColumns } from '../../src/db/analysis-tables.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { emptyWorkspace, insertCalls, interactiveBackdrop, labelOf, labelsIn } from './helpers.ts';

let ws: Workspace;
afterEach(() => ws?.close());

async function classified(...selects: string[]): Promise<Workspace> {
  ws = await emptyWorkspace();
  for (const select of selects) await insertCalls(ws, select);
  await classifyCalls(ws, undefined);
  return ws;
}

describe('billed lane', () => {
  test('batch and flex calls are non_blocking, decided by the lane, with full confidence', async () => {
    await classified(`SELECT 'b' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 1 SECOND AS ts,
      CASE WHEN i = 0 THEN 'flex' ELSE 'batch' END AS lane, true AS streamed, 'u1' AS user_id FROM range(3) r(i)`);
    const flex = await labelOf(ws, 'b0');
    expect([flex.label, flex.decided_by, flex.confidence]).toEqual(['non_blocking', 'lane', 1]);
    expect(flex.reasons[0]).toBe('billed on the flex lane: already discounted, nobody waits on it');
    expect((await labelOf(ws, 'b2')).reasons[0]).toMatch(/^billed on the batch lane/);
  });
  test('the priority lane means someone pays to wait less', async () => {
    await classified(`SELECT 'p' || i AS call_id, TIMESTAMPTZ '2026-10-05 02:00:00+00' + i * INTERVAL 1 SECOND AS ts, 'priority' AS lane,
      '{"job":"nightly"}' AS tags FROM range(4) r(i)`);
    expect(await labelsIn(ws, 'nightly')).toEqual({ blocking: 4 });
  });
});

describe('streaming, ttft, cancelled', () => {
  test('a streamed workload is blocking and says so first', async () => {
    await classified(`SELECT 's' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 1 HOUR AS ts,
      i % 2 = 0 AS streamed, CASE WHEN i % 2 = 1 THEN 420 END AS ttft_ms, 'key_x' AS api_key FROM range(10) r(i)`);
    const row = await labelOf(ws, 's3');
    expect(row.label).toBe('blocking');
    expect(row.workload).toBe('key_x · gpt-5.4 · chat');
    expect(row.reasons[0]).toBe('streamed: 100% of requests stream or report a time to first token (someone watches tokens arrive)');
  });
  test('inside a batchable workload, a streamed or cancelled call is kept blocking on its own evidence', async () => {
    await classified(`SELECT 'n' || i AS call_id, TIMESTAMPTZ '2026-10-05 02:00:00+00' + i * INTERVAL 1 SECOND AS ts,
      i = 3 AS streamed, i = 7 AS cancelled, '{"job":"nightly-etl"}' AS tags FROM range(400) r(i)`);
    expect((await labelOf(ws, 'n0')).label).toBe('non_blocking');
    const streamed = await labelOf(ws, 'n3');
    expect([streamed.label, streamed.confidence, streamed.reasons[0]]).toEqual(['blocking', 0.9, 'this call streamed its output (someone watched tokens arrive)']);
    expect(streamed.reasons).toContain('workload: name: "nightly" names a scheduled or bulk job');
    expect((await labelOf(ws, 'n7')).reasons[0]).toBe('this call was stopped mid-generation (someone pressed stop)');
  });
  test('a few percent of cancelled generations make the whole workload blocking', async () => {
    await classified(`SELECT 'c' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 1 MINUTE AS ts, i % 20 = 0 AS cancelled,
      'svc' AS project FROM range(100) r(i)`);
    expect(await labelsIn(ws, 'svc · gpt-5.4 · chat')).toEqual({ blocking: 100 });
    expect((await labelOf(ws, 'c1')).reasons[0]).toBe('cancelled: 5% of requests were stopped mid-generation (someone pressed stop)');
  });
});

describe('operation', () => {
  test('bulk embeddings are batchable, short query embeddings are not', async () => {
    await classified(
      `SELECT 'bulk' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 5 MINUTE AS ts, 'embeddings' AS operation,
        'text-embedding-3-large' AS model, 8000 AS input_tokens, 0 AS output_tokens, 'proj_docs' AS project FROM range(10) r(i)`,
      `SELECT 'q' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 5 MINUTE AS ts, 'embeddings' AS operation,
        'text-embedding-3-small' AS model, 12 AS input_tokens, 0 AS output_tokens, 'proj_search' AS project FROM range(10) r(i)`,
    );
    const bulk = await labelOf(ws, 'bulk1');
    expect([bulk.label, bulk.reasons[0]]).toEqual(['non_blocking', 'bulk embeddings: median 8000 input tokens per request (documents, not a query)']);
    const query = await labelOf(ws, 'q1');
    expect([query.label, query.reasons[0]]).toEqual(['blocking', 'short embedding inputs (median 12 tokens): query embeddings someone is searching with']);
  });
});

describe('chained calls', () => {
  test('steps of one trace a few hundred ms apart are an agent loop; a 100-call trace is a job run', async () => {
    await classified(
      // Agent: 5 traces x 4 steps, each step 2 s long, the next starting 300 ms after.
      `SELECT 'a' || t || '-' || s AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + t * INTERVAL 1 HOUR + s * INTERVAL 2300 MILLISECOND AS ts,
        2000.0 AS latency_ms, 'tr' || t AS trace_id, '{"job":"nightly-agent"}' AS tags FROM range(5) a(t), range(4) b(s)`,
      `SELECT 'j' || s AS call_id, TIMESTAMPTZ '2026-10-05 02:00:00+00' + s * INTERVAL 2300 MILLISECOND AS ts, 2000.0 AS latency_ms,
        'run-1' AS trace_id, 'proj_jobs' AS project FROM range(100) b(s)`,
    );
    const step = await labelOf(ws, 'a2-1');
    expect([step.label, step.agent_chain]).toEqual(['blocking', true]);
    expect(step.reasons).toContain('agent loop: 100% of calls are chained in one trace or session, each starting within 2 s of the last (a chain cannot wait 24 h per step)');
    expect((await labelOf(ws, 'j5')).agent_chain).toBe(false);
  });
});

describe('end users', () => {
  test('user ids with human think time are blocking; a nightly job carrying recipient ids is not', async () => {
    await classified(
      `SELECT 'u' || k || '-' || j AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + k * INTERVAL 1 HOUR + j * INTERVAL 40 SECOND AS ts,
        'user' || k AS user_id, 'proj_crm' AS project FROM range(5) a(k), range(6) b(j)`,
      `SELECT 'd' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 02:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 1 SECOND AS ts,
        'user' || k AS user_id, 'proj_jobs' AS project, '{"job":"digest"}' AS tags FROM range(3) a(d), range(30) b(k)`,
    );
    const human = await labelOf(ws, 'u1-2');
    expect([human.label, human.reasons[0]]).toEqual(['blocking', "end users: 100% of calls carry a user id, with a median 40 s of think time between one user's calls"]);
    expect(await labelsIn(ws, 'digest')).toEqual({ non_blocking: 90 });
  });
  test('a loop carrying its starter\'s id, a second or so between calls, is no person thinking', async () => {
    // An analyst's script: 150 calls of 8 s, each 1.0-1.5 s after the last one's end, with the analyst's id, on four
    // weekdays; people with ids 40 s apart beside it.
    const loop = (gapMs: string) => `SELECT 'a' || d || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 13:00:00+00' + d * INTERVAL 1 DAY + (k * 8000 + sum(${gapMs}) OVER (PARTITION BY d ORDER BY k)) * INTERVAL 1 MILLISECOND AS ts,
        8000.0 AS latency_ms, 'ana-1' AS user_id, 'proj_risk' AS project FROM range(4) a(d), range(150) b(k)`;
    await classified(interactiveBackdrop, loop('1000 + hash(d, k) % 500'));
    const row = await labelOf(ws, 'a1-50');
    expect(row.reasons.join('\n')).not.toMatch(/end users/);
    // The same calls 40 s apart are a person's.
    ws.close();
    await classified(interactiveBackdrop, loop('40000'));
    expect((await labelOf(ws, 'a1-50')).reasons[0]).toMatch(/^end users: 100% of calls carry a user id, with a median 40 s of think time/);
  });
  test('one id\'s long loop of back-to-back calls inside people\'s workload is batchable; short, streamed, traced or seconds-long loops and other workloads are not', async () => {
    // People on one project (120 ids, 6 calls 40 s apart each) and ids looping on it, each call starting 0.3 s after the
    // last one's 5 s call ended: 80 calls (cs-1), 30 (cs-2, under the 50 a loop needs), 60 streamed (cs-3), 40 and 40
    // either side of a retry's 20 s pause (cs-4: one loop), 30 and 30 either side of a 90 s pause (cs-5: two short
    // ones), 80 in one trace (cs-6: an agent's steps with a person behind them), 60 sent at once and overlapping, done
    // in 9 s (cs-7: a page's bulk action). cs-1 also asks once on another project, in the middle of its loop, where
    // people ask too.
    const people = (project: string, prefix: string, ids: number) => `SELECT '${prefix}' || u || '-' || j AS call_id,
        TIMESTAMPTZ '2026-10-06 16:00:00+00' + (u * 97) * INTERVAL 1 SECOND + j * INTERVAL 40 SECOND AS ts, 5000.0 AS latency_ms,
        '${prefix}' || u AS user_id, '${project}' AS project FROM range(${ids}) a(u), range(6) b(j)`;
    const loop = (id: string, first: number, second: number, pauseMs: number, extra = 'false AS streamed') => `SELECT '${id}-' || k AS call_id,
        TIMESTAMPTZ '2026-10-07 17:00:00+00' + (k * 5300 + CASE WHEN k >= ${first} THEN ${pauseMs} ELSE 0 END) * INTERVAL 1 MILLISECOND AS ts,
        5000.0 AS latency_ms, '${id}' AS user_id, 'proj_cs' AS project, ${extra} FROM range(${first + second}) r(k)`;
    await classified(interactiveBackdrop, people('proj_cs', 'p', 120), people('proj_desk', 'q', 20), loop('cs-1', 80, 0, 0),
      loop('cs-2', 30, 0, 0), loop('cs-3', 60, 0, 0, 'true AS streamed'), loop('cs-4', 40, 40, 20000), loop('cs-5', 30, 30, 90000),
      loop('cs-6', 80, 0, 0, `'tr-6' AS trace_id`),
      `SELECT 'cs-7-' || k AS call_id, TIMESTAMPTZ '2026-10-08 17:00:00+00' + k * INTERVAL 100 MILLISECOND AS ts, 3000.0 AS latency_ms,
        'cs-7' AS user_id, 'proj_cs' AS project FROM range(60) r(k)`,
      `SELECT 'cs-1-desk' AS call_id, TIMESTAMPTZ '2026-10-07 17:01:00.100+00' AS ts, 5000.0 AS latency_ms, 'cs-1' AS user_id, 'proj_desk' AS project`);
    const person = await labelOf(ws, 'p3-2');
    expect([person.label, person.reasons[0]]).toEqual(['blocking', "end users: 100% of calls carry a user id, with a median 35 s of think time between one user's calls"]);
    const looped = await labelOf(ws, 'cs-1-40');
    expect([looped.label, looped.decided_by, looped.confidence, looped.workload]).toEqual(['non_blocking', 'heuristic', 0.8, person.workload]);
    expect(looped.reasons[0]).toBe("this call is one of a loop of 50 or more in a row carrying one user id in this workload, each starting within 1 s of the last one's end (pauses of up to 60 s between pieces of 10 or more allowed): a script looping over rows with its starter's id, not a person reading (the rest of the workload is blocking)");
    expect(looped.reasons[1]).toBe(`workload: ${person.reasons[0]}`);
    for (const k of [0, 1, 79]) expect((await labelOf(ws, `cs-1-${k}`)).label).toBe('non_blocking');
    for (const k of [0, 39, 40, 79]) expect((await labelOf(ws, `cs-4-${k}`)).label).toBe('non_blocking');
    for (const call of ['cs-2-15', 'cs-3-30', 'cs-5-10', 'cs-5-40', 'cs-6-40', 'cs-7-30']) expect((await labelOf(ws, call)).label, call).toBe('blocking');
    const desk = await labelOf(ws, 'cs-1-desk');
    expect([desk.label, desk.workload === person.workload]).toEqual(['blocking', false]);
    const [blocking] = await ws.all<{ n: bigint }>(`SELECT count(*) AS n FROM labels WHERE workload = $w AND label = 'blocking'`, { w: person.workload });
    expect(blocking?.n).toBe(720n + 30n + 60n + 60n + 80n + 60n);
    const explained = renderExplanation(await explainTarget(ws, 'cs-1-40', undefined));
    expect(explained).toMatch(/give the script its own key, project or tag/);
    // explain on the workload: the loops' rows on a line of their own, with why; the people's line says nothing more.
    const lines = renderExplanation(await explainTarget(ws, person.workload, undefined)).split('\n');
    expect(lines).toContain('      1010 row(s) blocking (heuristic)');
    expect(lines).toContain(`       160 row(s) non_blocking (heuristic): ${looped.reasons[0]}`);
  });
  test('job names against users with think time: conflicting, so blocking', async () => {
    await classified(`SELECT 'r' || k || '-' || j AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + k * INTERVAL 1 HOUR + j * INTERVAL 90 SECOND AS ts,
      'user' || k AS user_id, '{"feature":"report-builder"}' AS tags FROM range(5) a(k), range(4) b(j)`);
    const row = await labelOf(ws, 'r1-1');
    expect([row.label, row.confidence]).toEqual(['blocking', 0.55]);
    expect(row.reasons[0]).toMatch(/^conflicting evidence, so blocking/);
    expect(row.reasons).toContain('against: name: "report" names a scheduled or bulk job');
  });
});

describe('tight loops and schedules', () => {
  test('an untagged daytime job in a tight loop on the same hour every day is non_blocking', async () => {
    await classified(
      interactiveBackdrop,
      `SELECT 'f' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 18:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 1500 MILLISECOND AS ts,
        'key_fin' AS api_key FROM range(5) a(d), range(300) b(k)`,
    );
    const row = await labelOf(ws, 'f2-10');
    expect(row.label).toBe('non_blocking');
    expect(new Set(row.reasons.slice(0, 3))).toEqual(new Set([
      'launch shape: 100% of requests in runs that start at 18:00 UTC on 5 days (cron)',
      'tight loop: 100% of calls come in minutes with 20+ calls, with no end user and no streaming (a job looping at fixed concurrency)',
      'scheduled: 100% of requests fall in the same 3 hours of the day, on 5 days',
    ]));
    expect(row.reasons[3]).toMatch(/^against: follows the org's human activity/);
  });
});

describe('time shape learned from the data', () => {
  test('calls at 03:00-05:00 UTC are out of phase for an org whose humans work 15:00-24:00 UTC', async () => {
    await classified(
      interactiveBackdrop,
      `SELECT 'o' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 6 MINUTE AS ts,
        'key_sync' AS api_key FROM range(14) a(d), range(20) b(k)`,
    );
    const row = await labelOf(ws, 'o3-4');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons[0]).toMatch(/^out of phase with the org's human activity: 0% of requests in the busy hours of interactive traffic \(flat traffic would put \d+% there\)$/);
  });
  test('the same untagged traffic in the org\'s human hours stays blocking', async () => {
    await classified(
      interactiveBackdrop,
      `SELECT 'h' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 16:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 23 MINUTE AS ts,
        'key_hooks' AS api_key FROM range(21) a(d), range(20) b(k) WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`,
    );
    const row = await labelOf(ws, 'h1-4');
    expect([row.label, row.decided_by, row.confidence]).toEqual(['blocking', 'heuristic', 0.6]);
    expect(row.reasons[0]).toMatch(/^follows the org's human activity: 100% of requests/);
  });
  const flatText = "flat around the clock: requests in 100% of the hours of the week, none above 2.5x the mean (the org's people are not; weak alone: a service someone waits on can run around the clock too)";
  test('a flat rate around the clock alone is weak: a service someone waits on (alerts, moderation) runs all night too', async () => {
    await classified(
      interactiveBackdrop,
      `SELECT 'w' || k AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + k * INTERVAL 10 MINUTE AS ts, 'key_q' AS api_key FROM range(21 * 144) b(k)`,
    );
    const row = await labelOf(ws, 'w100');
    expect([row.label, row.decided_by]).toEqual(['blocking', 'default']);
    expect(row.reasons).toEqual(['weak evidence that nobody waits, so blocking by default', `against: ${flatText}`]);
  });
  test('flat around the clock and in tight loops is a worker: batchable', async () => {
    // Every 10 minutes, a minute of 25 calls with no user: a queue worker at fixed concurrency, day and night.
    await classified(
      interactiveBackdrop,
      `SELECT 'q' || b || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + b * INTERVAL 10 MINUTE + k * INTERVAL 2 SECOND AS ts, 'key_q' AS api_key
      FROM range(21 * 144) a(b), range(25) c(k)`,
    );
    const row = await labelOf(ws, 'q100-3');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons).toContain(flatText);
    expect(row.reasons.join('\n')).toMatch(/tight loop: 100% of calls/);
  });
  test('a flat workload in an org whose own people are flat around the clock says nothing: blocking by default', async () => {
    // A product used in every zone, two weeks: per hour of the week 6 streamed chats in 44 hours, 10 in 117, and 40
    // in the 7 hours at 02:00 UTC (a spike a day). 124 of 168 hours reach a quarter of the busiest (under the 75% that
    // used to be the only test) and the busiest is 3.9 times the mean, yet with the quietest and busiest tenths aside
    // the hours run 0.59 to 0.98 times the mean: people everywhere.
    const globalChat = `SELECT 'gc-' || w || '-' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + (w * 168 + h) * INTERVAL 1 HOUR + k * INTERVAL 1 MINUTE AS ts,
        true AS streamed, 'key_app' AS api_key
      FROM range(2) a(w), range(168) b(h), range(40) c(k) WHERE k < CASE WHEN h % 24 = 2 THEN 40 WHEN h < 46 THEN 6 ELSE 10 END`;
    const flatEvents = `SELECT 'fe' || k AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + k * INTERVAL 10 MINUTE AS ts, 'key_evt' AS api_key FROM range(14 * 144) b(k)`;
    await classified(globalChat, flatEvents);
    const row = await labelOf(ws, 'fe100');
    expect([row.label, row.decided_by]).toEqual(['blocking', 'default']);
    expect(row.reasons.join('\n')).not.toMatch(/flat around the clock/);
    const [shape] = await ws.all<{ active_slots: number; usable: boolean }>('SELECT active_slots, usable FROM label_org_shape');
    expect(shape).toEqual({ active_slots: 124, usable: false });
    expect(renderExplanation(await explainTarget(ws, 'fe100', undefined))).toContain(
      "org human hours: not used: the org's interactive traffic is flat around the clock (its quietest and busiest tenth of hours aside), as a product used in every zone is",
    );
  });
  test('explain says why the org\'s hours are not used when people are busy in most of them', async () => {
    // Streamed chats in every hour of two weeks: 13 an hour in 20 hours of the week, 50 in the others. Every hour reaches
    // a quarter of the busiest, and the quietest tenth is under 0.3 of the mean: busy, not flat.
    await classified(`SELECT 'b' || w || '-' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + (w * 168 + h) * INTERVAL 1 HOUR + k * INTERVAL 1 MINUTE AS ts, true AS streamed, 'key_b' AS api_key
      FROM range(2) a(w), range(168) b(h), range(50) c(k) WHERE k < CASE WHEN h < 20 THEN 13 ELSE 50 END`);
    expect(renderExplanation(await explainTarget(ws, 'b0-30-3', undefined))).toContain('org human hours: not used: people are busy in 168 of 168 hours of the week, more than 75% of them');
  });
  test('explain says why the org\'s hours are not used when there are too few interactive requests', async () => {
    await classified(`SELECT 'x' || k AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + k * INTERVAL 10 MINUTE AS ts, k < 40 AS streamed, 'key_x' AS api_key FROM range(500) b(k)`);
    expect(renderExplanation(await explainTarget(ws, 'x100', undefined))).toContain('org human hours: not used: 40 clearly interactive requests');
  });
  test("a job's hour on a key named for people is not the org's human hours: office work beside it is not out of phase", async () => {
    // grocery-cl's shape: the shopper assistant's project is interactive by its name; people use it 3 times an hour from
    // 08:00 to 20:00, and a reminder job on the same project sends 200 calls at 03:00 every weekday. Only those 03:00
    // hours reach a quarter of the busiest. The managers' copilot (no stream, no user, office hours) must not be called
    // out of phase with "the org's people" by them.
    const assistant = `SELECT 'as-' || d || '-' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR + k * INTERVAL 17 MINUTE AS ts, 'assistant' AS project
      FROM range(21) a(d), range(8, 20) b(h), range(3) c(k)`;
    const reminders = `SELECT 'rm-' || d || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 15 SECOND AS ts, 'assistant' AS project
      FROM range(21) a(d), range(200) c(k) WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`;
    const copilot = `SELECT 'mg-' || d || '-' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR + k * INTERVAL 13 MINUTE AS ts, 'managers' AS project
      FROM range(21) a(d), range(9, 17) b(h), range(4) c(k) WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`;
    await classified(assistant, reminders, copilot);
    const [shape] = await ws.all<{ active_slots: number; active_hours: number; usable: boolean }>('SELECT active_slots, active_hours, usable FROM label_org_shape');
    expect(shape).toEqual({ active_slots: 5, active_hours: 1, usable: false });
    const row = await labelOf(ws, 'mg-2-10-1');
    expect(row.label).toBe('blocking');
    expect(row.reasons.join('\n')).not.toMatch(/out of phase/);
    expect(renderExplanation(await explainTarget(ws, 'mg-2-10-1', undefined))).toContain(
      "org human hours: not used: the interactive traffic's busy hours fall in 1 hour of the day, under the 3 people keep busy",
    );
  });
  test('usage rows that count no requests are weighed by their fresh tokens: a service busy by day with a request or two every night hour is not flat', async () => {
    // Three weeks of Anthropic usage-report rows (no request count) for one key: 40x the tokens by day (08-20 UTC) as at
    // night, a row in every hour, weekends too. When each row weighed one request, the rows alone looked flat around the
    // clock and kept weekends: two weak signs, batchable together.
    await classified(
      interactiveBackdrop,
      `SELECT 'uc' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + h * INTERVAL 1 HOUR AS ended_at, NULL::BIGINT AS requests, 'apikey_svc' AS api_key,
        CASE WHEN h % 24 BETWEEN 8 AND 19 THEN 400000 ELSE 10000 END AS input_tokens, 500000 AS cache_read_tokens, 2000 AS output_tokens FROM range(21 * 24) a(h)`,
    );
    const row = await labelOf(ws, 'uc100');
    expect([row.label, row.decided_by]).toEqual(['blocking', 'default']);
    expect(row.reasons.join('\n')).not.toMatch(/flat around the clock|runs through weekends/);
    // One request per 5,000 fresh tokens, cache reads left out: 80 in a day hour (402,000), 2 at night (12,000).
    const [w] = await ws.all<{ workload: string; requests: bigint; estimated: boolean }>(`SELECT workload, requests, estimated FROM label_workloads WHERE workload LIKE 'apikey_svc%'`);
    expect(w).toMatchObject({ requests: 21n * (12n * 80n + 12n * 2n), estimated: true });
    // explain on the workload shows its rows as rows, with the estimate beside them.
    expect(renderExplanation(await explainTarget(ws, w?.workload ?? '', undefined))).toContain(
      '504 row(s), 0 request(s) known, 504 row(s) without a request count (about 20664 requests, estimated from their tokens)',
    );
    const text = renderExplanation(await explainTarget(ws, 'uc100', undefined));
    expect(text).toContain(
      "time shape: read from tokens: 100% of its rows are usage rows that count no requests (Anthropic's usage report and Console export), so its requests are estimated as one per 5,000 fresh tokens",
    );
    expect(text).toContain('its rows count no requests, so the signs read from one call\'s pace (serial runs, fan-out, a poller\'s bursts) cannot run');
  });
  test('usage rows that count no requests show a job\'s time shape in their tokens, and say the requests are estimated', async () => {
    // A nightly job seen only in Anthropic's report: one hourly row at 02:00 UTC every day for three weeks, 600,000 fresh
    // tokens each (120 estimated requests). As one request per row (21 in all) it was under the floor of "scheduled".
    await classified(
      interactiveBackdrop,
      `SELECT 'nj' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 02:00:00+00' + d * INTERVAL 1 DAY AS ts,
        TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY AS ended_at, NULL::BIGINT AS requests, 'apikey_nightly' AS api_key,
        550000 AS input_tokens, 50000 AS output_tokens FROM range(21) a(d)`,
    );
    const row = await labelOf(ws, 'nj3');
    expect([row.label, row.decided_by]).toEqual(['non_blocking', 'heuristic']);
    expect(row.reasons.join('\n')).toMatch(/^scheduled: 100% of requests fall in the same 3 hours of the day, on 21 days \[requests estimated from tokens, one per 5,000 fresh tokens: its rows count none\]/m);
  });
  test('usage rows that count their requests keep their time shape', async () => {
    // The same rows with a request count of 3 in every hour: flat and through weekends, read from the counts.
    await classified(
      interactiveBackdrop,
      `SELECT 'cc' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + h * INTERVAL 1 HOUR AS ended_at, 3::BIGINT AS requests, 'key_svc' AS api_key,
        20000 AS input_tokens, 2000 AS output_tokens FROM range(21 * 24) a(h)`,
    );
    expect((await labelOf(ws, 'cc100')).reasons.join('\n')).toMatch(/flat around the clock/);
    expect(renderExplanation(await explainTarget(ws, 'cc100', undefined))).not.toMatch(/time shape: read from tokens/);
  });
  test('bucketed rows are labelled from their lane and time shape', async () => {
    await classified(
      interactiveBackdrop,
      `SELECT 'bk' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 04:00:00+00' + d * INTERVAL 1 DAY AS ts,
        TIMESTAMPTZ '2026-10-05 04:01:00+00' + d * INTERVAL 1 DAY AS ended_at, 500::BIGINT AS requests, 'key_night' AS api_key FROM range(14) a(d)`,
      `SELECT 'bb' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 17:00:00+00' + d * INTERVAL 1 DAY AS ts,
        NULL::BIGINT AS requests, 'batch' AS lane, 'key_b' AS api_key FROM range(3) a(d)`,
    );
    expect((await labelOf(ws, 'bk3')).label).toBe('non_blocking');
    expect((await labelOf(ws, 'bb1')).decided_by).toBe('lane');
  });
});

describe('minute buckets', () => {
  // Three weeks of OpenAI usage rows of a minute, one key each, no per-call data and nothing interactive (a usage-API-only
  // org). A burst: a few minutes in a row, each with its requests, whose start moves in the hour (minute 0, 10, 20).
  const minuteRows = (key: string, minutes: string, requests: string, every = 'h * INTERVAL 1 HOUR + (h % 3) * INTERVAL 10 MINUTE', count = 21 * 24) => `
    SELECT '${key}-' || h || '-' || j AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + ${every} + j * INTERVAL 1 MINUTE AS ts,
      TIMESTAMPTZ '2026-10-05 00:01:00+00' + ${every} + j * INTERVAL 1 MINUTE AS ended_at, (${requests})::BIGINT AS requests, '${key}' AS api_key,
      2000 AS input_tokens, 300 AS output_tokens
    FROM range(${count}) a(h), (SELECT unnest(${minutes}) AS j) b`;
  test('a poller\'s bursts on a clock are batchable; gaps inside, a person\'s pace, a beat under half an hour, people beside it or hour buckets are not', async () => {
    await classified(
      // Every hour, 3 minutes in a row of 5-8 requests each: a poller draining its queue.
      minuteRows('key_poller', '[0, 1, 2]', '5 + (h + j) % 4'),
      // The same requests with a silent minute inside each burst: no burst.
      minuteRows('key_gappy', '[0, 2]', '9'),
      // Five minutes in a row of one request each: a person's pace, not a worker's.
      minuteRows('key_person', '[0, 1, 2, 3, 4]', '1'),
      // A burst every 10 minutes: answers wanted within minutes (a beat under burstCadenceMinutes.min).
      minuteRows('key_often', '[0, 1, 2]', '6', 'h * INTERVAL 10 MINUTE', 21 * 24 * 6),
      // The poller on a key where people also work, a request every 3 minutes from minute 30 to 48 of each hour (7 minutes
      // or more from any burst): a quarter of its requests in slow stretches beside the bursts, which one label would move
      // to batch with them.
      minuteRows('key_shared', '[0, 1, 2]', '5 + (h + j) % 4'),
      minuteRows('key_shared', '[30, 33, 36, 39, 42, 45, 48]', '1', 'h * INTERVAL 1 HOUR').replaceAll("'key_shared-'", "'key_shared-p-'"),
      // The poller's requests as hour buckets: one more flat hour.
      `SELECT 'key_hourly-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + h * INTERVAL 1 HOUR AS ended_at, 20::BIGINT AS requests, 'key_hourly' AS api_key,
        2000 AS input_tokens, 300 AS output_tokens FROM range(21 * 24) a(h)`,
    );
    const poller = await labelOf(ws, 'key_poller-100-1');
    expect([poller.label, poller.decided_by]).toEqual(['non_blocking', 'heuristic']);
    expect(poller.reasons[0]).toBe(
      'recurring bursts in minute buckets: 100% of requests in 504 bursts of back-to-back minutes (requests in every minute from the first to the last, 2+ a minute, after 5 minutes without any), ' +
        'one every 70 min (median; 100% of them on that beat: half to 1.5 times it after the last, or two or three times, a beat or two skipped; 0% in longer or slower stretches): a poller draining a queue; people do not come in dense bursts on a clock',
    );
    for (const call of ['key_gappy-100-0', 'key_person-100-2', 'key_often-100-1', 'key_hourly-100', 'key_shared-100-1', 'key_shared-p-100-30']) {
      const row = await labelOf(ws, call);
      expect(row.label, call).toBe('blocking');
      expect(row.reasons.join('\n'), call).not.toMatch(/recurring bursts/);
    }
    const [figures] = await ws.all<{ minute_burst_share: number }>(`SELECT minute_burst_share FROM label_workloads WHERE workload = $w`, { w: poller.workload });
    expect(figures?.minute_burst_share).toBe(1);
    // explain on the hour buckets says what minute buckets would show; on the minute buckets' workloads it does not.
    const minuteHint = 'the same usage in minute buckets would show its bursts (`batchable pull openai` (or `anthropic`) fetches minute buckets';
    expect(renderExplanation(await explainTarget(ws, 'key_hourly-100', undefined))).toContain(minuteHint);
    expect(renderExplanation(await explainTarget(ws, 'key_person-100-2', undefined))).not.toContain(minuteHint);
  });
  test('a poller\'s bursts in minute buckets outweigh a name that says someone waits, as its runs do per call', async () => {
    // The poller above on a key named for the voice channel (claims-eu's call-notes poller, a tune org): the name alone
    // says someone waits, and all its requests are in bursts on a clock. Beside it, people's minutes on a key of the same
    // kind of name, a request now and then: the name holds them blocking.
    await classified(
      minuteRows('voice-notes', '[0, 1, 2]', '5 + (h + j) % 4'),
      minuteRows('voice-desk', '[0, 7, 19, 33, 41]', '1 + (h + j) % 2', 'h * INTERVAL 1 HOUR'),
    );
    const poller = await labelOf(ws, 'voice-notes-100-1');
    expect([poller.label, poller.decided_by, poller.confidence]).toEqual(['non_blocking', 'heuristic', 0.65]);
    expect(poller.reasons[0]).toBe("only a name says someone waits, and 100% of its requests come in a machine's runs: the calls' timing outweighs a name (low confidence: check it)");
    expect(poller.reasons).toContain('against: name: "voice" names an interactive surface');
    const desk = await labelOf(ws, 'voice-desk-100-7');
    expect([desk.label, desk.reasons[0]]).toEqual(['blocking', 'name: "voice" names an interactive surface']);
  });
});

describe('names, workloads and the default', () => {
  test('workload names: tag first, else project (with the key when it holds several), model, operation', async () => {
    await classified(
      `SELECT 't1' AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts, '{"workload":"Digest","feature":"x"}' AS tags, 'p' AS project`,
      `SELECT 't2' AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts, 'p' AS project, 'k1' AS api_key_name, 'embeddings' AS operation`,
      `SELECT 't3' AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts, 'p' AS project, 'k2' AS api_key_name`,
      `SELECT 't4' AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts, 'solo' AS project, 'k3' AS api_key_name`,
      `SELECT 't5' AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts, 'key_abc' AS api_key, 'gpt-5.4-mini' AS model`,
    );
    const names = await ws.all<{ call_id: string; workload: string }>('SELECT call_id, workload FROM labels ORDER BY call_id');
    expect(names.map((r) => r.workload)).toEqual(['Digest', 'p · k1 · gpt-5.4 · embeddings', 'p · k2 · gpt-5.4 · chat', 'solo · gpt-5.4 · chat', 'key_abc · gpt-5.4-mini · chat']);
  });
  test('the first naming tag key with a value that is not blank names the workload, trimmed', async () => {
    const at = `TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts, 'p' AS project`;
    await classified(
      `SELECT 'n1' AS call_id, ${at}, '{"feature":"  ","job":" nightly-sync ","component":"c"}' AS tags`,
      `SELECT 'n2' AS call_id, ${at}, '{"name":"n","ai.telemetry.functionId":"summarise-ticket"}' AS tags`,
      `SELECT 'n3' AS call_id, ${at}, '{"component":"ranker","use_case":""}' AS tags`,
      `SELECT 'n4' AS call_id, ${at}, '{"workload":"","team":"x"}' AS tags`,
      `SELECT 'n5' AS call_id, ${at}, '{"task":"tag","job_name":"jn","pipeline":"pl"}' AS tags`,
    );
    const names = await ws.all<{ workload: string }>('SELECT workload FROM labels ORDER BY call_id');
    expect(names.map((r) => r.workload)).toEqual(['nightly-sync', 'summarise-ticket', 'ranker', 'p · gpt-5.4 · chat', 'jn']);
  });
  test('interactive names are blocking; no evidence at all is blocking by default', async () => {
    await classified(
      `SELECT 'v' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 1 HOUR AS ts, 'copilot-web' AS app FROM range(3) r(i)`,
      `SELECT 'x' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' + i * INTERVAL 1 HOUR AS ts, 'p9' AS project FROM range(3) r(i)`,
    );
    const copilot = await labelOf(ws, 'v1');
    expect([copilot.label, copilot.reasons[0]]).toEqual(['blocking', 'name: "copilot" names an interactive surface']);
    const none = await labelOf(ws, 'x1');
    expect([none.label, none.decided_by, none.confidence]).toEqual(['blocking', 'default', 0.5]);
  });
  test('a name alone does not label batchable timed calls that come one at a time; a job under the same word, in runs, is batchable', async () => {
    // A week of an upload service on a key named `ingest-svc` (music-se's lyrics check, a tune org): one check a call,
    // 1-3 s long, every 7-13 minutes around the clock, never back to back. Beside it a job on a key named `ingest-jobs`:
    // 400 calls a night, back to back. Before, the name labelled both batchable.
    await classified(
      `SELECT 'up' || i AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + i * INTERVAL 10 MINUTE + ((hash(i) % 180)::INTEGER - 90) * INTERVAL 1 SECOND AS ts,
        1000 + (hash(i, 1) % 2000)::INTEGER AS latency_ms, 'ingest-svc' AS api_key_name FROM range(1008) r(i)`,
      `SELECT 'jb' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 02:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 1500 MILLISECOND AS ts,
        1400 AS latency_ms, 'ingest-jobs' AS api_key_name FROM range(7) a(d), range(400) b(k)`,
    );
    const upload = await labelOf(ws, 'up500');
    expect([upload.label, upload.decided_by, upload.confidence]).toEqual(['blocking', 'heuristic', 0.55]);
    expect(upload.reasons[0]).toBe("only a name says nobody waits, and its calls came one at a time (0% of its requests in a machine's runs): the calls' timing outweighs a name, so blocking (low confidence: check it)");
    expect(upload.reasons).toContain('against: name: "ingest" names a scheduled or bulk job');
    expect(renderExplanation(await explainTarget(ws, 'up500', undefined))).toContain('a name alone does not label batchable calls that came one at a time');
    const job = await labelOf(ws, 'jb3-200');
    expect(job.label).toBe('non_blocking');
    ws.close();
    // A tag that names the work is the team's word for its calls: the same service tagged `job: catalog-enrichment`
    // is labelled on its name, as the bundled month's backfill is.
    await classified(`SELECT 'up' || i AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + i * INTERVAL 10 MINUTE AS ts, 2000 AS latency_ms,
      '{"job":"catalog-enrichment"}' AS tags, 'p' AS project FROM range(1008) r(i)`);
    expect((await labelOf(ws, 'up500')).label).toBe('non_blocking');
  });
  test('in usage rows of a minute the same: a name alone does not label batchable minutes that counted one request at a time; a job\'s minutes under the word are batchable', async () => {
    // A week of minute buckets from a key named `bags-worker` (airline-ca's bag photos, a tune org): a row every 7-13
    // minutes around the clock, one request each and two in every tenth. Beside it a key named `ingest-jobs`: 30 minutes a
    // night at 40 requests a minute. Before, the name labelled both batchable.
    const minute = (t: string) => `${t} AS ts, ${t} + INTERVAL 1 MINUTE AS ended_at, 'bucket' AS granularity`;
    await classified(
      `SELECT 'bg' || i AS call_id, ${minute(`TIMESTAMPTZ '2026-10-05 00:00:00+00' + i * INTERVAL 10 MINUTE + ((hash(i) % 3)::INTEGER - 1) * INTERVAL 1 MINUTE`)},
        CASE WHEN i % 10 = 0 THEN 2 ELSE 1 END AS requests, 'bags-worker' AS api_key_name FROM range(1008) r(i)`,
      `SELECT 'jb' || d || '-' || k AS call_id, ${minute(`TIMESTAMPTZ '2026-10-05 02:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 1 MINUTE`)},
        40 AS requests, 'ingest-jobs' AS api_key_name FROM range(7) a(d), range(30) b(k)`,
    );
    const bags = await labelOf(ws, 'bg500');
    expect([bags.label, bags.decided_by, bags.confidence]).toEqual(['blocking', 'heuristic', 0.55]);
    expect(bags.reasons[0]).toBe("only a name says nobody waits, and its calls came one at a time (its minute buckets hold 1.1 requests on average): the calls' timing outweighs a name, so blocking (low confidence: check it)");
    expect(bags.reasons).toContain('against: name: "worker" names a scheduled or bulk job');
    expect((await labelOf(ws, 'jb3-20')).label).toBe('non_blocking');
    ws.close();
    // Rows that count no requests (Anthropic's usage report) weigh an estimate from their tokens: that says nothing of
    // how many came in the minute, so the name decides there as before.
    await classified(`SELECT 'bg' || i AS call_id, ${minute(`TIMESTAMPTZ '2026-10-05 00:00:00+00' + i * INTERVAL 10 MINUTE`)},
      NULL::BIGINT AS requests, 2000 AS input_tokens, 100 AS output_tokens, 'bags-worker' AS api_key_name FROM range(1008) r(i)`);
    expect((await labelOf(ws, 'bg500')).label).toBe('non_blocking');
  });
  test('labels has exactly the contract columns, one row per call', async () => {
    await classified(`SELECT 'z' || i AS call_id, TIMESTAMPTZ '2026-10-05 12:00:00+00' AS ts FROM range(4) r(i)`);
    const cols = await ws.all<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'labels' ORDER BY column_index",
    );
    expect(cols.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      'call_id VARCHAR', 'workload VARCHAR', 'label VARCHAR', 'confidence DOUBLE', 'reasons VARCHAR[]', 'decided_by VARCHAR',
      'rule_name VARCHAR', 'deadline_minutes BIGINT', 'agent_chain BOOLEAN', 'outcome INTEGER', 'call_key BIGINT',
    ]);
    expect((await ws.all('SELECT * FROM labels')).length).toBe(4);
    const spelled = async (table: string) =>
      (await ws.all<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index', [table],
      )).map((c) => `${c.column_name} ${c.data_type}`);
    expect(await spelled('label_keys')).toEqual(labelKeysColumns.map((c) => `${c.name} ${c.type}`));
    expect(await spelled('label_outcomes')).toEqual(labelOutcomesColumns.map((c) => `${c.name} ${c.type}`));
  });
});
