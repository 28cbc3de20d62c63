// The signals of issue 16, one small hand-made table each: serial runs, fan-out, user ids that are not people,
// launch shape, recurring bursts, irregular days and on/off hours (usage buckets), lumpy days and weekends (day buckets). Each must show up with its figures, and
// none may beat the strong evidence that someone waits.
import { afterEach, describe, expect, test } from 'vitest';
import { classifyCalls } from '../../src/classify/index.ts';
import { explainTarget, renderExplanation } from '../../src/classify/explain.ts';
import type { Workspace } from '../../src/db/workspace.ts';
import { lumpyMaxFloorShare, lumpyMixedFloorShare, mixShiftShare } from '../../src/classify/signals/days.ts';
import { emptyWorkspace, insertCalls, interactiveBackdrop, labelOf } from './helpers.ts';

let ws: Workspace;
afterEach(() => ws?.close());

async function classified(...selects: string[]): Promise<Workspace> {
  ws = await emptyWorkspace();
  for (const select of selects) await insertCalls(ws, select);
  await classifyCalls(ws, undefined);
  return ws;
}

/** `n` calls of `ms` each, back to back `gap` ms apart, from 2026-10-06 + day offset, key `key`. */
const loop = (prefix: string, key: string, n: number, ms: number, gap: number, extra = '', days = 1) => `
  SELECT '${prefix}' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-06 16:17:00+00' + d * INTERVAL 1 DAY + k * ${ms + gap} * INTERVAL 1 MILLISECOND AS ts,
    ${ms}.0 AS latency_ms, '${key}' AS api_key ${extra} FROM range(${days}) a(d), range(${n}) b(k)`;

describe('serial runs and fan-out', () => {
  test('hundreds of calls each starting within 1 s of the last one\'s end, in office hours, are a script: batchable', async () => {
    await classified(interactiveBackdrop, loop('s', 'key_loop', 300, 2000, 150));
    const row = await labelOf(ws, 's0-10');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons).toContain(
      "serial runs: 100% of requests in 1 run(s) of back-to-back calls (median 300 calls, each starting within 1 s of the last one's end, nothing else in flight): a script looping over rows; a person reads between calls",
    );
  });
  test('the same number of calls with gaps of seconds to minutes are not a serial run', async () => {
    await classified(interactiveBackdrop, `SELECT 'p' || k AS call_id, TIMESTAMPTZ '2026-10-06 16:00:00+00' + (k * 7 + (hash(k) % 40)) * INTERVAL 1 SECOND AS ts,
      2000.0 AS latency_ms, 'key_api' AS api_key FROM range(300) b(k)`);
    const row = await labelOf(ws, 'p10');
    expect(row.reasons.join('\n')).not.toMatch(/serial runs|fan-out/);
  });
  test('four workers each looping are a fan-out of 4 parallel streams', async () => {
    await classified(interactiveBackdrop, `SELECT 'f' || w || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-06 16:00:00+00' + (w * 300 + k * (1500 + 100 * w + 80)) * INTERVAL 1 MILLISECOND AS ts,
        (1500 + 100 * w)::DOUBLE AS latency_ms, 'key_fan' AS api_key FROM range(4) a(w), range(120) b(k)`);
    const row = await labelOf(ws, 'f1-50');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons.find((r) => r.startsWith('fan-out:'))).toBe('fan-out: 100% of requests in 1 run(s) of 4 parallel streams of back-to-back calls, steady for a median 4 min: workers draining a queue');
  });
  test('a loop that streams stays blocking: streaming is someone watching, and the run signals are not even computed', async () => {
    await classified(interactiveBackdrop, loop('t', 'key_stream', 300, 2000, 150, ', true AS streamed'));
    const row = await labelOf(ws, 't0-10');
    expect(row.label).toBe('blocking');
    expect(row.reasons[0]).toMatch(/^streamed: 100%/);
    expect(row.reasons.join('\n')).not.toMatch(/serial runs/);
  });
  test('explain shows the signal with its figures', async () => {
    await classified(interactiveBackdrop, loop('s', 'key_loop', 300, 2000, 150));
    const text = renderExplanation(await explainTarget(ws, 's0-10', undefined));
    expect(text).toMatch(/nobody waits {3}0\.90 {2}serial runs: 100% of requests in 1 run\(s\) of back-to-back calls \(median 300 calls/);
  });
});

describe('a job\'s loop runs among people\'s calls on one key (a workload labelled blocking)', () => {
  // Auditors ask one question each about a client document (4 s, their own ids, about one a minute from 15:00 to 23:00
  // UTC on two weeks' weekdays), and on the first five of those days at 17:00 an audit senior runs a summary job by hand
  // on the same key: 3 workers given 40, 40 and 120 papers, 5 s each, 200 ms apart, a paper id per call (audit-za, a
  // tune org: working-paper summaries on the document service's key, project and model).
  const questions = `SELECT 'q' || d || '-' || m AS call_id,
      TIMESTAMPTZ '2026-10-05 15:00:00+00' + d * INTERVAL 1 DAY + m * INTERVAL 1 MINUTE + (hash(d, m) % 50) * INTERVAL 1 SECOND AS ts,
      4000.0 AS latency_ms, 'key_docs' AS api_key, 'au-' || (hash(d, m, 1) % 300) AS user_id
    FROM range(12) a(d), range(480) b(m) WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`;
  const summaries = `SELECT 'job' || d || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 17:00:00+00' + d * INTERVAL 1 DAY + (w * 700 + k * 5200) * INTERVAL 1 MILLISECOND AS ts,
      5000.0 AS latency_ms, 'key_docs' AS api_key, 'paper-' || d || '-' || w || '-' || k AS user_id
    FROM range(5) a(d), range(3) b(w), range(120) c(k) WHERE k < CASE w WHEN 2 THEN 120 ELSE 40 END`;
  const counts = async () =>
    (
      await ws.all<{ job_free: bigint; job: bigint; questions_free: bigint; questions: bigint }>(`SELECT
        count(*) FILTER (WHERE starts_with(call_id, 'job') AND label = 'non_blocking') AS job_free, count(*) FILTER (WHERE starts_with(call_id, 'job')) AS job,
        count(*) FILTER (WHERE starts_with(call_id, 'q') AND label = 'non_blocking') AS questions_free, count(*) FILTER (WHERE starts_with(call_id, 'q')) AS questions
      FROM labels WHERE starts_with(call_id, 'job') OR starts_with(call_id, 'q')`)
    )[0];

  test('the job\'s calls are labelled batchable and the questions stay blocking, though questions start while it runs and its workers end unevenly', async () => {
    await classified(interactiveBackdrop, questions, summaries);
    const [w] = await ws.all<{ label: string; fanout_req: number }>("SELECT label, fanout_req FROM label_workloads WHERE workload LIKE 'key_docs%'");
    expect(w?.label).toBe('blocking');
    // Every launch is one fan-out run (its first call begins it, not back to back), with the questions in flight with it
    // and its tail (the third worker alone). Kept blocking: the first call of each
    // worker (not back to back) and the workers' calls that a question in flight lifted over the run's level. Labelled
    // batchable: three questions that started in a worker's 200 ms between calls (or at its start), alike by every measure.
    expect(await counts()).toEqual({ job_free: 928n, job: 1000n, questions_free: 3n, questions: 4800n });
    const job = await labelOf(ws, 'job2-0-21');
    expect([job.label, job.decided_by]).toEqual(['non_blocking', 'heuristic']);
    expect(job.reasons[0]).toMatch(/^this call is one of a run of 100 or more in this workload, each starting within 1 s of the latest end with the same number of calls in flight throughout \(\d+% of its requests\): a script/);
    const text = renderExplanation(await explainTarget(ws, 'job2-0-21', undefined));
    expect(text).toMatch(/give the script its own key, project or tag/);
  });

  test('the same job alone is a fan-out of 3 streams, its tail (the last worker alone) left out of the band\'s share', async () => {
    await classified(interactiveBackdrop, summaries);
    expect((await labelOf(ws, 'job2-0-21')).reasons).toContain(
      'fan-out: 100% of requests in 5 run(s) of 3 parallel streams of back-to-back calls, steady for a median 10 min: workers draining a queue',
    );
  });

  test('a tag that names the work is the team\'s word: the job\'s calls follow the workload', async () => {
    const tagged = (select: string) => `SELECT *, '{"feature":"document-qa"}' AS tags FROM (${select})`;
    await classified(interactiveBackdrop, tagged(questions), tagged(summaries));
    expect((await counts())?.job_free).toBe(0n);
  });
});

describe('a job\'s loop runs among people who stream on one key (a workload the run signals do not read)', () => {
  // Shoppers chat with an assistant from 10:00 to 22:00 UTC on six days, a session a minute of three calls 30-90 s
  // apart, every other call streamed, their own ids (of 100,000 shoppers) and a session id; on the first four days at 18:00 a
  // job writes a reminder per abandoned cart through the same key: 5 workers, 150 calls each, 3 s, 150 ms apart, the
  // shopper's id per call (grocery-cl, a tune org: cart reminders on the streamed shopping assistant's key).
  const chats = (sessions = `'sess-' || d || '-' || m`, perMinute = 1) => `SELECT 'chat' || d || '-' || m || '-' || p || '-' || c AS call_id,
      TIMESTAMPTZ '2026-10-05 10:00:00+00' + d * INTERVAL 1 DAY + m * INTERVAL 1 MINUTE + p * INTERVAL 7 SECOND + (c * 60 + hash(d, m, p, c) % 30) * INTERVAL 1 SECOND AS ts,
      3000.0 AS latency_ms, 'key_shop' AS api_key, 'sh-' || (hash(d, m, p) % 100000) AS user_id, ${sessions} || '-' || p AS session_id, hash(d, m, p, c) % 2 = 0 AS streamed
    FROM range(6) a(d), range(720) b(m), range(${perMinute}) e(p), range(3) f(c)`;
  const reminders = `SELECT 'job' || d || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 18:00:00+00' + d * INTERVAL 1 DAY + (w * 400 + k * 3150) * INTERVAL 1 MILLISECOND AS ts,
      3000.0 AS latency_ms, 'key_shop' AS api_key, 'sh-' || (hash(d, w, k) % 100000) AS user_id, false AS streamed
    FROM range(4) a(d), range(5) b(w), range(150) c(k)`;
  const counts = async () =>
    (
      await ws.all<{ job_free: bigint; job: bigint; chats_free: bigint; chats: bigint }>(`SELECT
        count(*) FILTER (WHERE starts_with(call_id, 'job') AND label = 'non_blocking') AS job_free, count(*) FILTER (WHERE starts_with(call_id, 'job')) AS job,
        count(*) FILTER (WHERE starts_with(call_id, 'chat') AND label = 'non_blocking') AS chats_free, count(*) FILTER (WHERE starts_with(call_id, 'chat')) AS chats
      FROM labels`)
    )[0];

  test('the job\'s calls in its hours are labelled batchable, the shoppers\' calls stay blocking', async () => {
    await classified(chats(), reminders);
    const [w] = await ws.all<{ label: string; fanout_req: number | null }>("SELECT label, fanout_req FROM label_workloads WHERE workload LIKE 'key_shop%'");
    // The workload's label and statistics are the people's: its runs are not read for it.
    expect(w).toEqual({ label: 'blocking', fanout_req: null });
    // Kept blocking: each worker's first call of a day (not back to back) and the calls a shopper's quiet call in
    // flight lifted over the run's level.
    expect(await counts()).toEqual({ job_free: 2740n, job: 3000n, chats_free: 0n, chats: 12960n });
    const job = await labelOf(ws, 'job1-2-40');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons[0]).toMatch(/^this call is one of a run of 100 or more in this workload, .* \(17% of its requests\): a script/);
    expect(job.reasons.slice(1).join('\n')).toMatch(/workload: streamed: 40% of requests/);
  });

  test('without sessions the shoppers\' quiet calls in the job\'s hours stay blocking too', async () => {
    await classified(chats('NULL'), reminders);
    expect((await counts())?.chats_free).toBe(0n);
  });

  test('a crowd\'s busy hour is no job\'s hour: nothing is labelled batchable', async () => {
    // Five shoppers a minute from 17:00 to 19:00 (their sessions at the same pace), one a minute otherwise: the busy hours
    // hold 900 calls against 180, so they are looked into (6,478 calls that do not stream), but hold no run of
    // back-to-back calls. No sessions, and a fresh id on every call, so that no call is known for a person's and the
    // runs alone decide (calls with no id at all would be split off as unattributed, a workload the runs read anyway).
    await classified(`SELECT * REPLACE ('v-' || call_id AS user_id) FROM (${chats('NULL', 5)}) WHERE split_part(call_id, '-', 3) = '0' OR hour(ts) IN (17, 18)`);
    expect((await counts())?.chats_free).toBe(0n);
  });
});

describe('user ids that are not people', () => {
  test('a loop carrying one id per row is not end users', async () => {
    await classified(interactiveBackdrop, loop('r', 'key_rows', 200, 1500, 150, `, 'cust_' || k AS user_id`));
    const row = await labelOf(ws, 'r0-10');
    expect(row.reasons).toContain(
      'user ids that are not people: 100% of calls carry an id seen at most twice, 91% of them in minutes of 20+ calls (one id per row, faster than visitors arrive)',
    );
  });
  test('a one-question widget also sees each visitor once, at a human pace: not a sign of a job', async () => {
    await classified(interactiveBackdrop, `SELECT 'v' || k AS call_id, TIMESTAMPTZ '2026-10-06 16:00:00+00' + (k * 40 + hash(k) % 30) * INTERVAL 1 SECOND AS ts,
      2000.0 AS latency_ms, 'key_widget' AS api_key, 'visitor-' || k AS user_id FROM range(400) b(k)`);
    expect((await labelOf(ws, 'v10')).reasons.join('\n')).not.toMatch(/not people/);
  });
  test('one person\'s id on calls that start within 1 s of the last answer is a loop they started, not them reading', async () => {
    await classified(interactiveBackdrop, loop('a', 'key_nb', 100, 2000, 300, `, 'analyst-' || (d % 3) AS user_id`, 3));
    const row = await labelOf(ws, 'a1-10');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons).toContain(
      "user ids that are not people: 100% of one id's repeat calls start within 1 s of its last answer (no time to read it), 100% of them in runs of 20+ calls back to back (median 100; an agent's steps come a few at a time)",
    );
    expect(row.reasons.join('\n')).not.toMatch(/^end users/m);
  });
  test('an agent\'s steps, each within 1 s of the last, carrying the person\'s id but no trace, are short runs: not a loop', async () => {
    // 60 people, each starting 3 tasks a day over 4 days at random minutes in the org's human hours, hours apart; each task 4 steps back to
    // back (300 ms apart). With no trace or session id the chain is not seen; the machine-paced gaps alone used to
    // label it batchable.
    await classified(interactiveBackdrop, `SELECT 'g' || u || '-' || d || '-' || t || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-06 15:00:00+00' + d * INTERVAL 1 DAY + t * INTERVAL 3 HOUR + (hash(u, d, t) % 3600) * INTERVAL 1 SECOND
          + k * INTERVAL 2300 MILLISECOND AS ts,
        2000.0 AS latency_ms, 'key_agent' AS api_key, 'dev-' || u AS user_id
      FROM range(60) a(u), range(4) b(d), range(3) c(t), range(4) e(k)`);
    const row = await labelOf(ws, 'g7-2-1-2');
    expect(row.reasons.join('\n')).not.toMatch(/not people/);
    expect(row.label).toBe('blocking');
    const workload = await ws.all<{ machine_gap_share: number; machine_run_share: number; machine_run_median: number }>(
      "SELECT machine_gap_share, machine_run_share, machine_run_median FROM label_workloads WHERE workload LIKE 'key_agent%'");
    // Every repeat within think time is a step (the tasks are hours apart), all in runs of 4.
    expect(workload).toEqual([{ machine_gap_share: 1, machine_run_share: 0, machine_run_median: 4 }]);
  });
  test('people with think time after each answer stay blocking', async () => {
    await classified(interactiveBackdrop, `SELECT 'h' || u || '-' || k AS call_id, TIMESTAMPTZ '2026-10-06 16:00:00+00' + u * INTERVAL 3 MINUTE + k * INTERVAL 40 SECOND AS ts,
      3000.0 AS latency_ms, 'key_app' AS api_key, 'person-' || u AS user_id FROM range(30) a(u), range(6) b(k)`);
    const row = await labelOf(ws, 'h3-2');
    expect(row.label).toBe('blocking');
    expect(row.reasons[0]).toMatch(/^end users: 100% of calls carry a user id, with a median 37 s of think time/);
  });
});

describe('a busy API is not a job', () => {
  test('calls arriving at random about once a second for 13 hours, 2 s each: no serial run, fan-out or launch shape', async () => {
    await classified(`WITH g AS (SELECT k, -ln(greatest((hash(k, 7) % 1000000) / 1e6, 1e-6)) AS gap FROM range(47000) b(k))
      SELECT 'api' || k AS call_id, TIMESTAMPTZ '2026-10-06 06:00:00+00' + to_microseconds(CAST(1e6 * sum(gap) OVER (ORDER BY k) AS BIGINT)) AS ts,
        2000.0 AS latency_ms, 'key_api' AS api_key FROM g`);
    const row = await labelOf(ws, 'api100');
    expect(row.reasons.join('\n')).not.toMatch(/serial runs|fan-out|launch shape/);
    expect(row.label).toBe('blocking');
  });
});

describe('a busy API of short calls is not a job either', () => {
  test('calls arriving at random five times a second for 20 minutes, 100 ms each: no serial run or fan-out', async () => {
    // Half a call in flight on average: as a Poisson count, about 30% of the starts find one other, 61% none, 9% two or more.
    await classified(`WITH g AS (SELECT k, -ln(greatest((hash(k, 11) % 1000000) / 1e6, 1e-6)) AS gap FROM range(6000) b(k))
      SELECT 'api' || k AS call_id, TIMESTAMPTZ '2026-10-06 06:00:00+00' + to_microseconds(CAST(2e5 * sum(gap) OVER (ORDER BY k) AS BIGINT)) AS ts,
        100.0 AS latency_ms, 'key_api' AS api_key FROM g`);
    expect((await labelOf(ws, 'api100')).reasons.join('\n')).not.toMatch(/serial runs|fan-out/);
  });
});

describe('launch shape', () => {
  test('runs opening at the same minute on several days are cron, at any hour', async () => {
    await classified(interactiveBackdrop, loop('c', 'key_cron', 40, 1000, 4000, '', 4));
    const row = await labelOf(ws, 'c2-5');
    expect(row.reasons).toContain('launch shape: 100% of requests in runs that start at 16:17 UTC on 4 days (cron)');
  });
  test('a run that starts at full rate and holds it steady is a job; a ramping crowd is not', async () => {
    await classified(
      interactiveBackdrop,
      `SELECT 'j' || k AS call_id, TIMESTAMPTZ '2026-10-07 16:03:00+00' + k * INTERVAL 3 SECOND AS ts, 'key_job' AS api_key FROM range(400) b(k)`,
      // A crowd: the rate climbs over the hour (gaps shrink from 30 s to 2 s).
      `SELECT 'g' || k AS call_id, TIMESTAMPTZ '2026-10-07 16:03:00+00' + (k * 30 - k * k * 0.1) * INTERVAL 1 SECOND AS ts, 'key_crowd' AS api_key FROM range(140) b(k)`,
    );
    expect((await labelOf(ws, 'j10')).reasons).toContain('launch shape: 100% of requests in runs that start at full rate and hold it steady until done (1 runs; a crowd ramps up and varies)');
    expect((await labelOf(ws, 'g10')).reasons.join('\n')).not.toMatch(/launch shape/);
  });
});

describe('recurring bursts', () => {
  // A poller: every hour for 4 days, 2 workers drain 12 items each, back to back; the start moves by up to
  // 50 minutes in the hour, so no two days share a start minute (not cron), and each run is 24 calls (not a loop).
  const poller = (prefix: string, extra = '') => `
    SELECT '${prefix}' || h || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 3) % 50) * INTERVAL 1 MINUTE + (w * 350 + k * 1700) * INTERVAL 1 MILLISECOND AS ts,
      1500.0 AS latency_ms, 'key_poll' AS api_key ${extra}
    FROM range(96) a(h), range(2) b(w), range(12) c(k)`;
  test('short bursts of machine-paced calls every hour, whatever the minute, are a poller: batchable', async () => {
    await classified(interactiveBackdrop, poller('q'));
    const row = await labelOf(ws, 'q40-1-5');
    expect(row.label).toBe('non_blocking');
    const reason = row.reasons.find((r) => r.startsWith('recurring bursts:'));
    expect(reason).toMatch(/^recurring bursts: 100% of requests in 96 bursts of machine-paced calls \(each starting within 10 s of the last one's end\), one every 6\d min \(median; \d+% of them on that beat: half to 1\.5 times it after the last, or two or three times, a beat or two skipped\): a poller/);
    expect(row.reasons.join('\n')).not.toMatch(/serial runs|fan-out|launch shape/);
  });
  // One worker that sleeps between its calls: 8 calls of 6 s an hour, 1.5 s apart (over a loop's 1 s), for 4 days.
  const sleeper = (prefix: string, sleepMs: number) => `
    SELECT '${prefix}' || h || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 5) % 50) * INTERVAL 1 MINUTE + k * ${6000 + sleepMs} * INTERVAL 1 MILLISECOND AS ts,
      6000.0 AS latency_ms, 'key_sleep' AS api_key
    FROM range(96) a(h), range(8) c(k)`;
  test('a poller that sleeps a second or two between calls is still machine-paced: batchable', async () => {
    await classified(interactiveBackdrop, sleeper('s', 1500));
    const row = await labelOf(ws, 's40-5');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons.find((r) => r.startsWith('recurring bursts:'))).toMatch(/^recurring bursts: 100% of requests in 96 bursts of machine-paced calls/);
  });
  test('a poller that sleeps several seconds for a rate limit is still machine-paced: batchable', async () => {
    await classified(interactiveBackdrop, sleeper('r', 7000));
    const row = await labelOf(ws, 'r40-5');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons.find((r) => r.startsWith('recurring bursts:'))).toMatch(/^recurring bursts: 100% of requests in 96 bursts of machine-paced calls/);
  });
  test('a poller with nothing to do in some hours still comes on its clock: an interval of two or three beats counts on it', async () => {
    // The sleeper's 8 calls at :00-:04 past the hour, in 3 hours of every 5 (none in the other two), for 8 days: 2
    // intervals in 3 are one beat (60 min), under the 70% that a cadence needs; the third is three beats.
    await classified(interactiveBackdrop, `SELECT 'k' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 5) % 5) * INTERVAL 1 MINUTE + k * 7500 * INTERVAL 1 MILLISECOND AS ts,
        6000.0 AS latency_ms, 'key_skip' AS api_key
      FROM range(192) a(h), range(8) c(k) WHERE h % 5 < 3`);
    const [hour] = await ws.all<{ h: bigint }>("SELECT min(regexp_extract(call_id, 'k(\\d+)-', 1)::BIGINT) AS h FROM calls WHERE call_id LIKE 'k%'");
    const row = await labelOf(ws, `k${hour?.h}-5`);
    expect(row.label).toBe('non_blocking');
    const reason = row.reasons.find((r) => r.startsWith('recurring bursts:')) ?? '';
    const [, onBeat] = /one every 6\d min \(median; (\d+)% of them on that beat/.exec(reason) ?? [];
    expect(Number(onBeat)).toBeGreaterThanOrEqual(95);
    // Counted as one beat alone, the intervals would be under the cadence's 70%.
    const [share] = await ws.all<{ one: number }>(`WITH b AS (SELECT DISTINCT date_trunc('hour', ts) AS hr FROM calls WHERE call_id LIKE 'k%'),
        g AS (SELECT epoch(hr - lag(hr) OVER (ORDER BY hr)) / 60 AS gap FROM b) SELECT avg((gap = 60)::INTEGER) AS one FROM g WHERE gap IS NOT NULL`);
    expect(share?.one).toBeLessThan(0.7);
  });
  test('the same hourly runs with 20 s between calls (a person\'s pace) are not bursts', async () => {
    await classified(interactiveBackdrop, sleeper('h', 20000));
    expect((await labelOf(ws, 'h40-5')).reasons.join('\n')).not.toMatch(/recurring bursts/);
  });
  test('an assistant\'s bursts of steps, when people ask at random, are not on a cadence', async () => {
    // 6 steps back to back per question; questions arrive at random, a mean 20 minutes apart, for 4 days.
    await classified(interactiveBackdrop, `WITH q AS (SELECT i, -ln(greatest((hash(i, 7) % 1000000) / 1e6, 1e-6)) AS gap FROM range(290) a(i)),
        s AS (SELECT i, TIMESTAMPTZ '2026-10-05 00:00:00+00' + to_microseconds(CAST(1200e6 * sum(gap) OVER (ORDER BY i) AS BIGINT)) AS t0 FROM q)
      SELECT 'a' || i || '-' || k AS call_id, t0 + k * INTERVAL 1700 MILLISECOND AS ts, 1500.0 AS latency_ms, 'key_assist' AS api_key
      FROM s, range(6) b(k)`);
    const row = await labelOf(ws, 'a100-3');
    expect(row.reasons.join('\n')).not.toMatch(/recurring bursts/);
  });
  test('a poller every 10 minutes wants its answers within minutes: not counted', async () => {
    await classified(interactiveBackdrop, `SELECT 'p' || i || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + i * INTERVAL 10 MINUTE + (hash(i, 3) % 120) * INTERVAL 1 SECOND + k * INTERVAL 1700 MILLISECOND AS ts,
        1500.0 AS latency_ms, 'key_fast' AS api_key FROM range(576) a(i), range(8) c(k)`);
    expect((await labelOf(ws, 'p100-3')).reasons.join('\n')).not.toMatch(/recurring bursts/);
  });
  test('a poller that streams stays blocking: someone watches its tokens', async () => {
    await classified(interactiveBackdrop, poller('z', ', true AS streamed'));
    const row = await labelOf(ws, 'z40-1-5');
    expect(row.label).toBe('blocking');
    expect(row.reasons.join('\n')).not.toMatch(/recurring bursts/);
  });
  // A contact centre's call-notes poller (claims-eu's): one worker, 6 calls an hour, on a key named for the voice
  // channel it serves.
  const notes = `SELECT 'v' || h || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 3) % 50) * INTERVAL 1 MINUTE + k * 1700 * INTERVAL 1 MILLISECOND AS ts,
      1500.0 AS latency_ms, 'key_notes' AS api_key, 'voice-svc' AS api_key_name FROM range(96) a(h), range(6) c(k)`;
  test('a poller on a key whose name says "voice" is still a poller: a name alone yields when nearly all its requests are a machine\'s runs', async () => {
    await classified(interactiveBackdrop, notes);
    const row = await labelOf(ws, 'v40-5');
    expect(row.label).toBe('non_blocking');
    expect(row.confidence).toBe(0.65);
    expect(row.reasons[0]).toBe("only a name says someone waits, and 100% of its requests come in a machine's runs: the calls' timing outweighs a name (low confidence: check it)");
    expect(row.reasons).toContain('against: name: "voice" names an interactive surface');
  });
  test('a fan-out on a key named "assistant" that runs in the org\'s busy hours is a job: a name and the hours yield to a machine\'s runs', async () => {
    // A saved-search alert job: 4 workers, 150 calls each, at 16:30 UTC on the backdrop's weekdays (its people's busy
    // hours), through a key named for the assistant (rentals-de as a Helicone export: a project named "assistant").
    await classified(interactiveBackdrop, `SELECT 'al' || d || '-' || w || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 16:30:00+00' + d * INTERVAL 1 DAY + (w * 300 + k * 2150) * INTERVAL 1 MILLISECOND AS ts,
        2000.0 AS latency_ms, 'key_alerts' AS api_key, 'assistant-svc' AS api_key_name
      FROM range(15) a(d), range(4) b(w), range(150) c(k) WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`);
    // The workload's label, not only its runs' calls (labelled batchable per call in a workload held blocking).
    const [w] = await ws.all<{ label: string }>("SELECT label FROM label_workloads WHERE workload LIKE 'assistant-svc%'");
    expect(w?.label).toBe('non_blocking');
    const row = await labelOf(ws, 'al3-1-0');
    expect(row.label).toBe('non_blocking');
    expect(row.confidence).toBe(0.65);
    expect(row.reasons[0]).toBe("only a name and the org's busy hours say someone waits, and 100% of its requests come in a machine's runs: the calls' timing outweighs a name (low confidence: check it)");
    expect(row.reasons).toContain('against: name: "assistant" names an interactive surface');
    expect(row.reasons.join('\n')).toMatch(/against: follows the org's human activity: 100% of requests/);
  });
  test('the same poller with people\'s calls beside it on the "voice" key (over a tenth of its requests) stays blocking: the name may be theirs', async () => {
    // 576 poller calls and 100 calls at random over the same 4 days, 30 s each (a voice session's turns).
    await classified(interactiveBackdrop, notes, `SELECT 'u' || i AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + (hash(i, 11) % 345600) * INTERVAL 1 SECOND AS ts, 30000.0 AS latency_ms,
        'key_notes' AS api_key, 'voice-svc' AS api_key_name FROM range(100) a(i)`);
    const row = await labelOf(ws, 'v40-5');
    expect(row.label).toBe('blocking');
    expect(row.reasons[0]).toMatch(/^conflicting evidence, so blocking/);
    expect(row.reasons.join('\n')).toMatch(/against: recurring bursts: [5-8]\d% of requests/);
  });
  test('explain shows the signal with its figures', async () => {
    await classified(interactiveBackdrop, poller('q'));
    const text = renderExplanation(await explainTarget(ws, 'q40-1-5', undefined));
    expect(text).toMatch(/nobody waits {3}0\.80 {2}recurring bursts: 100% of requests in 96 bursts/);
  });
});

describe("a machine's workload and the org's human hours", () => {
  // A nightly QA job (03:00 UTC every day, 6 workers of 150 calls) on a key named for the voice channel it scores:
  // the word counts its calls as interactive, but they are a machine's (a cron launch), so they say nothing about
  // when the org's people work.
  const nightlyQa = `SELECT 'n' || d || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY + (w * 300 + k * 2100) * INTERVAL 1 MILLISECOND AS ts,
      2000.0 AS latency_ms, 'key_qa' AS api_key, 'voice-qa' AS api_key_name FROM range(21) a(d), range(6) b(w), range(150) c(k)`;
  test('a cron job on a key whose name says "voice" does not make its hour the org\'s human hours', async () => {
    await classified(interactiveBackdrop, nightlyQa);
    // The backdrop's people: 15:00-23:59 UTC on weekdays, 45 hours of the week.
    const [shape] = await ws.all<{ active_slots: number }>('SELECT active_slots FROM label_org_shape');
    expect(Number(shape?.active_slots)).toBe(45);
    const row = await labelOf(ws, 'n3-2-40');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons.join('\n')).toMatch(/out of phase with the org's human activity: 0% of requests/);
  });
  // A nightly statement run (03:00 UTC every day, 4 workers of 150 calls back to back) carrying each recipient's
  // customer id, drawn from 20,000 customers, beside a categoriser on the same key that sees the same customers around
  // the clock (a call every 10 minutes): the run is 81% of the key's requests, so it is no machine's workload by the
  // runs alone. Two statements for one customer in one run (about nine a night) follow each other by seconds to minutes,
  // as a person's next question does; at 03:00 they outnumbered the backdrop's people in their busiest hours.
  const statements = `SELECT 's' || d || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY + (w * 300 + k * 2100) * INTERVAL 1 MILLISECOND AS ts,
      2000.0 AS latency_ms, 'c' || (hash(d, w, k) % 20000) AS user_id, 'key_pay' AS api_key FROM range(21) a(d), range(4) b(w), range(150) c(k)
    UNION ALL BY NAME
    SELECT 'e' || d || '-' || m AS call_id, TIMESTAMPTZ '2026-10-05 00:05:00+00' + d * INTERVAL 1 DAY + m * INTERVAL 10 MINUTE AS ts,
      600.0 AS latency_ms, 'c' || (hash(d, m, 'e') % 20000) AS user_id, 'key_pay' AS api_key FROM range(21) a(d), range(144) b(m)`;
  test("a job's ids repeating by chance within its run do not make its hour the org's human hours", async () => {
    await classified(interactiveBackdrop, statements);
    const [pairs] = await ws.all<{ n: bigint }>(`SELECT count(*) - count(DISTINCT (d, user_id)) AS n
      FROM (SELECT ts::DATE AS d, user_id FROM calls WHERE call_id LIKE 's%')`);
    expect(Number(pairs?.n)).toBeGreaterThan(21 * 5);
    const [shape] = await ws.all<{ active_slots: number }>('SELECT active_slots FROM label_org_shape');
    expect(Number(shape?.active_slots)).toBe(45);
    expect((await labelOf(ws, 's3-2-40')).reasons.join('\n')).not.toMatch(/follows the org's human activity/);
  });
});

describe('usage buckets: irregular days and on/off hours', () => {
  // An org of hourly buckets: a feature used every working day 9-17 UTC, and a job on 4 of 15 days at 500/h.
  const hourly = `
    SELECT 'fe-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
      TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, 60 + (hash(d, h) % 30)::INTEGER AS requests,
      'key_feature' AS api_key FROM range(15) a(d), range(9, 17) b(h)
    UNION ALL BY NAME
    SELECT 'jb-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
      TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, 500 AS requests,
      'key_job' AS api_key FROM (VALUES (1), (4), (8), (12)) a(d), range(10, 14) b(h)`;
  test('a key on at volume on some days and hours and off on others is batchable; the daily feature is not', async () => {
    await classified(hourly);
    const job = await labelOf(ws, 'jb-4-11');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons).toContain(
      'on/off hours: 100% of requests fall in hours of the day when it runs at a median 500 requests/h on some days and not at all on others: work started now and then, not people who come back at the same hour',
    );
    expect(job.reasons.find((r) => r.startsWith('irregular days'))).toBe("irregular days: absent on 67% of the org's active days, 2000 requests on a median day it runs (daily variation 1.4x the mean): work started now and then, not people who come back every day");
    const feature = await labelOf(ws, 'fe-4-11');
    expect(feature.label).toBe('blocking');
    expect(feature.reasons.join('\n')).not.toMatch(/on\/off|irregular/);
  });
  test('the same job riding on the feature\'s key (one bucket group) does not make the people\'s hours on/off', async () => {
    await classified(hourly.replaceAll("'key_job'", "'key_feature'").replace("'jb-' || d", "'mx-' || d"));
    const mixed = await labelOf(ws, 'fe-4-11');
    expect(mixed.label).toBe('blocking');
    expect(mixed.reasons.join('\n')).not.toMatch(/on\/off|lumpy/);
  });
  test('an office\'s people, off every weekend, with a job\'s spikes at their busiest hour on a few days, are not on/off', async () => {
    // Three weeks of hourly buckets from Monday 2026-10-05: people 9-17 UTC on weekdays (a trickle at weekends;
    // a poller keeps the org's weekends active),
    // and on three days a job on the same key adds 1,000 requests an hour from 10:00 to 16:00. Over all days the weekends' quiet
    // hours and the spikes made those hours look on/off; the people come back every working day.
    await classified(`
      SELECT 'of-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at,
        CASE WHEN d % 7 >= 5 THEN 2 ELSE 110 + (hash(d, h) % 30)::INTEGER + CASE WHEN h BETWEEN 10 AND 15 AND d IN (2, 9, 16) THEN 1000 ELSE 0 END END AS requests,
        'key_office' AS api_key FROM range(21) a(d), range(9, 17) b(h)
      UNION ALL BY NAME
      SELECT 'po-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, 100 AS requests, 'key_poller' AS api_key
      FROM range(21) a(d), range(24) b(h)`);
    const row = await labelOf(ws, 'of-3-14');
    expect(row.label).toBe('blocking');
    expect(row.reasons.join('\n')).not.toMatch(/on\/off/);
  });
  test('a nightly job on people\'s key, project and model is batchable as scheduled; the rows of people\'s hours, off its schedule, are held blocking', async () => {
    // Three weeks of hourly buckets on one key: a job at 17:00 UTC every day (12,000 requests, spilling 300 into 18:00)
    // and people from 23:00 to 14:00 UTC (60-90 requests an hour): 9% of the requests, off the job's hours.
    await classified(`
      SELECT 'cl-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at,
        CASE WHEN h = 17 THEN 12000 WHEN h = 18 THEN 300 ELSE 60 + (hash(d, h) % 30)::INTEGER END AS requests,
        'key_claims' AS api_key FROM range(21) a(d), range(24) b(h) WHERE h NOT IN (15, 16, 19, 20, 21, 22)
      UNION ALL BY NAME
      SELECT 'day-30' AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-11-04 00:00:00+00' AS ts, TIMESTAMPTZ '2026-11-05 00:00:00+00' AS ended_at,
        13500 AS requests, 'key_claims' AS api_key`);
    // A day's row (from 00:00, one of people's hours) holds the job's requests too: it stays with the workload.
    expect((await labelOf(ws, 'day-30')).label).toBe('non_blocking');
    const job = await labelOf(ws, 'cl-4-17');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons[0]).toMatch(/^scheduled: /);
    const person = await labelOf(ws, 'cl-4-9');
    expect([person.label, person.confidence, person.decided_by]).toEqual(['blocking', 0.6, 'heuristic']);
    expect(person.reasons[0]).toMatch(/^this row came outside the hours of the day when the job of its workload runs, as 9% of its workload's requests did/);
    expect(person.reasons).toContain(`workload: ${job.reasons[0]}`);
    expect(renderExplanation(await explainTarget(ws, 'cl-4-9', undefined))).toContain('give the job a key, project or tag of its own');
    // The spill into the hour after the job's stays with it.
    expect((await labelOf(ws, 'cl-4-18')).label).toBe('non_blocking');
    const [counts] = await ws.all<{ held: bigint; people: bigint }>(`SELECT count(*) FILTER (WHERE label = 'blocking') AS held, count(*) AS people
      FROM labels WHERE starts_with(call_id, 'cl-') AND regexp_extract(call_id, '-(\\d+)$', 1)::INTEGER NOT IN (17, 18)`);
    expect(counts).toEqual({ held: 336n, people: 336n });
  });
  test('people in office hours only beside a nightly job are held too, though their busiest hours are ten times the quiet ones', async () => {
    // Three weeks of hourly buckets on one key: a job at 01:00 UTC every day (12,000 requests), people from 05:00 to
    // 14:00 UTC (300 requests an hour, 100 at either end) and a trickle of 4-7 an hour the rest of the day. The median
    // hour of the day is a trickle's, so people's busy hours are 10 times it: counted as the job's hours, every one of
    // people's rows was next to one, and none was held (delivery-tr's partner assistant, eval/orgs.ts, in hour buckets).
    await classified(`
      SELECT 'of-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at,
        CASE WHEN h = 1 THEN 12000 WHEN h BETWEEN 6 AND 13 THEN 300 WHEN h IN (5, 14) THEN 100 ELSE 4 + (hash(d, h) % 4)::INTEGER END AS requests,
        'key_partners' AS api_key FROM range(21) a(d), range(24) b(h)`);
    const job = await labelOf(ws, 'of-4-1');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons[0]).toMatch(/^scheduled: /);
    const person = await labelOf(ws, 'of-4-12');
    expect([person.label, person.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(person.reasons[0]).toMatch(/^this row came outside the hours of the day when the job of its workload runs/);
    const [counts] = await ws.all<{ held: bigint; people: bigint }>(`SELECT count(*) FILTER (WHERE label = 'blocking') AS held, count(*) AS people
      FROM labels WHERE regexp_extract(call_id, '-(\\d+)$', 1)::INTEGER BETWEEN 5 AND 14`);
    expect(counts).toEqual({ held: 210n, people: 210n });
  });
  /** Three weeks of hourly buckets from Monday 2026-10-05, every hour of every day where `where` holds; tokens per request `input` in, 100 out. */
  const hours = (prefix: string, key: string, requests: string, where = 'true', input = 1000) => `
    SELECT call_id, granularity, ts, ended_at, requests, api_key, requests * ${input} AS input_tokens, requests * 100 AS output_tokens FROM (
      SELECT '${prefix}-' || d || '-' || h AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ts,
        TIMESTAMPTZ '2026-10-05 01:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR AS ended_at, (${requests})::INTEGER AS requests, '${key}' AS api_key
      FROM range(21) a(d), range(24) b(h) WHERE ${where})`;
  const people = 'CASE WHEN h < 10 THEN 60 WHEN h < 15 THEN 30 ELSE 4 END + (hash(d, h) % CASE WHEN h < 15 THEN 10 ELSE 4 END)';
  test('a weekday cron on the key of people who come every day is held off its hours, though it is labelled by its lumpy days, not as scheduled', async () => {
    // People around the clock on one key, every day, busiest in their morning and evening (UTC 00-09: 60-69 requests an
    // hour; 10-14: 30-39; at night, 15-23: 4-7), and a job at 17:00 UTC on the UTC days Sunday to Thursday (a weekday
    // 02:00 cron in Seoul) of 1,500-4,500 requests with three times people's prompt: its Fridays hold people alone, so
    // its days are lumpy, and its hour holds 76% of the requests in three hours, under the 80% of "scheduled" (ride-kr's
    // receipt summaries on its riders' receipt questions, eval/orgs.ts, in hour buckets).
    await classified(
      hours('rc', 'key_receipts', people, 'NOT (h = 17 AND d % 7 NOT IN (4, 5))'),
      hours('rs', 'key_receipts', '1500 + (hash(d) % 3000)', 'h = 17 AND d % 7 NOT IN (4, 5)', 3000),
    );
    const job = await labelOf(ws, 'rs-0-17');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons[0]).toMatch(/^lumpy days: /);
    const person = await labelOf(ws, 'rc-2-9');
    expect([person.label, person.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(person.reasons[0]).toMatch(/^this row came outside the hours of the day when the job of its workload runs, as 2\d% of its workload's requests did/);
    expect(person.reasons).toContain(`workload: ${job.reasons[0]}`);
    // Every row of people's two hours or more from 17:00 is held; those beside the job's hour go with it.
    const [counts] = await ws.all<{ held: bigint; people: bigint }>(`SELECT count(*) FILTER (WHERE label = 'blocking') AS held, count(*) AS people
      FROM labels WHERE starts_with(call_id, 'rc-') AND regexp_extract(call_id, '-(\\d+)$', 1)::INTEGER NOT IN (16, 17, 18)`);
    expect(counts).toEqual({ held: 441n, people: 441n });
    expect((await labelOf(ws, 'rc-4-16')).label).toBe('non_blocking');
  });
  test('the same job on the key of a service as busy at every hour of the day keeps its hours: flat hours are a poller\'s or a stream\'s, not people\'s day', async () => {
    // In place of people, 30-39 requests in every hour of every day (an hourly poller's, in hour rows).
    await classified(
      hours('rc', 'key_receipts', '30 + (hash(d, h) % 10)', 'NOT (h = 17 AND d % 7 NOT IN (4, 5))'),
      hours('rs', 'key_receipts', '1500 + (hash(d) % 3000)', 'h = 17 AND d % 7 NOT IN (4, 5)', 3000),
    );
    expect((await labelOf(ws, 'rs-0-17')).reasons[0]).toMatch(/^lumpy days: /);
    const [counts] = await ws.all<{ batchable: bigint; rows: bigint }>(`SELECT count(*) FILTER (WHERE label = 'non_blocking') AS batchable, count(*) AS rows
      FROM labels WHERE starts_with(call_id, 'rc-')`);
    expect(counts).toEqual({ batchable: 489n, rows: 489n });
  });
  test('a job started by hand, whose smaller runs came at other hours on a few days, keeps them: no one comes back at those hours', async () => {
    // Three big runs at 02:00-04:00 UTC and seven smaller ones at three other times of day, each on two or three of the
    // 21 days (30% of the requests, over 9 hours of the day), beside people on another key every hour of every day.
    await classified(
      hours('pp', 'key_people', '100 + (hash(d, h) % 10)'),
      hours('jb', 'key_x7', 'CASE WHEN h BETWEEN 2 AND 4 THEN 8000 ELSE 1500 END',
        '(h BETWEEN 2 AND 4 AND d IN (1, 5, 9)) OR (h BETWEEN 8 AND 10 AND d IN (3, 13, 17)) OR (h BETWEEN 14 AND 16 AND d IN (7, 19)) OR (h BETWEEN 20 AND 22 AND d IN (11, 20))'),
    );
    expect((await labelOf(ws, 'jb-1-3')).reasons[0]).toMatch(/^irregular days: /);
    const [counts] = await ws.all<{ batchable: bigint; rows: bigint }>(`SELECT count(*) FILTER (WHERE label = 'non_blocking') AS batchable, count(*) AS rows
      FROM labels WHERE starts_with(call_id, 'jb-')`);
    expect(counts).toEqual({ batchable: 30n, rows: 30n });
  });
  test('a poller with a nightly job on its key keeps its hours: its bursts come back every hour of every day, as people would, but they are its own', async () => {
    // Three weeks of minute rows on one key: a poller's burst every hour (3 minutes of 5-8 requests), and at 01:00 UTC a
    // job's 3 minutes of 400 (75% of the requests in three hours of the day: not "scheduled"). The poller's hours are
    // off the job's and have rows every day; its bursts label the workload (usage-contracts-de's obligations poller and
    // redline digest, a tune org, in minute rows: 100.0% -> 93.4% right with the poller's hours held).
    const minutes = (prefix: string, requests: string, where: string) => `
      SELECT '${prefix}-' || h || '-' || j AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + j * INTERVAL 1 MINUTE AS ts,
        TIMESTAMPTZ '2026-10-05 00:01:00+00' + h * INTERVAL 1 HOUR + j * INTERVAL 1 MINUTE AS ended_at, (${requests})::BIGINT AS requests, 'key_ops' AS api_key,
        2000 AS input_tokens, 300 AS output_tokens
      FROM range(21 * 24) a(h), range(3) b(j) WHERE ${where}`;
    await classified(minutes('poll', '5 + (h + j) % 4', 'h % 24 <> 1'), minutes('job', '400', 'h % 24 = 1'));
    const [w] = await ws.all<{ label: string; top3_hours_share: number; reasons: string[] }>('SELECT label, top3_hours_share, reasons FROM label_workloads');
    expect(w?.label).toBe('non_blocking');
    expect(w?.top3_hours_share).toBeLessThan(0.8);
    expect(w?.reasons[0]).toMatch(/^recurring bursts in minute buckets: /);
    const [counts] = await ws.all<{ batchable: bigint; rows: bigint }>(`SELECT count(*) FILTER (WHERE label = 'non_blocking') AS batchable, count(*) AS rows
      FROM labels WHERE starts_with(call_id, 'poll')`);
    expect(counts).toEqual({ batchable: 1449n, rows: 1449n });
  });
});

describe('day buckets: lumpy days and weekends', () => {
  // An org of day buckets over October 2026 (the 1st is a Thursday): people every working day (a few per cent
  // apart), a crowd that grows 2.7x over the month, a key that runs 1 to 3 runs of 600 requests on most working
  // days (a trickle on the others), and a schedule that runs every day of the week at the same volume.
  // Tokens: 1000 in and 100 out per request unless given (a bucket carries sums).
  const day = (key: string, n: string, where = 'true', input = 'requests * 1000', output = 'requests * 100') => `
    SELECT call_id, granularity, ts, ended_at, requests, api_key, (${input})::BIGINT AS input_tokens, (${output})::BIGINT AS output_tokens FROM (
    SELECT '${key}-' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-01 00:00:00+00' + d * INTERVAL 1 DAY AS ts,
      TIMESTAMPTZ '2026-10-02 00:00:00+00' + d * INTERVAL 1 DAY AS ended_at, (${n})::INTEGER AS requests, '${key}' AS api_key, d, weekend
    FROM (SELECT d, isodow(DATE '2026-10-01' + d::INTEGER) >= 6 AS weekend FROM range(31) r(d)) WHERE ${where})`;
  const org = [
    day('people', 'CASE WHEN weekend THEN 40 ELSE 1000 + hash(d, 1) % 60 END'),
    day('growing', 'CASE WHEN weekend THEN 20 ELSE 500 + 30 * d + hash(d, 2) % 40 END'),
    day('runs', 'CASE hash(d, 3) % 4 WHEN 0 THEN 150 ELSE 600 * (hash(d, 3) % 4) END', 'NOT weekend'),
    // People every working day on a key where a job adds 800 requests on about half the days: lumps on a steady floor.
    day('mixedkey', 'CASE WHEN weekend THEN 40 ELSE 1000 + hash(d, 1) % 60 + CASE WHEN hash(d, 7) % 2 = 0 THEN 800 ELSE 0 END END'),
    day('k7', '300 + hash(d, 4) % 10'),
    // One run of about 900 on most working days, none on some: its median step is small, its absent days are not.
    day('skips', '900 + hash(d, 6) % 50', 'NOT weekend AND d NOT IN (5, 8, 13, 21, 26)'),
  ];
  test('whole runs of work on most working days are batchable; people, a growing crowd and a job riding on people\'s key are not', async () => {
    await classified(...org);
    const runs = await labelOf(ws, 'runs-5');
    expect(runs.label).toBe('non_blocking');
    expect(runs.reasons[0]).toMatch(
      /^lumpy days: on the org's working days its requests spread \d+% of its median day \(\d+\) between the quartiles, trend aside, and move a median \d+% from one day to the next, in lumps of about \d+ requests \(variance over mean\), its quietest days at \d+% of its median one: whole runs of work some days and not others; a crowd of people moves by a few per cent a day; its tokens per request move 0% or less with its volume \(one kind of work\)$/,
    );
    const skips = await labelOf(ws, 'skips-6');
    expect(skips.label).toBe('non_blocking');
    expect(skips.reasons[0]).toMatch(/^lumpy days: on the org's working days its requests spread \d+% of its median day \(\d+\) between the quartiles, trend aside, and move a median \d+% from one day to the next and stop on 23% of them, in lumps of about \d+ requests/);
    for (const id of ['people-5', 'growing-5', 'mixedkey-5']) {
      const row = await labelOf(ws, id);
      expect(row.label).toBe('blocking');
      expect(row.reasons.join('\n')).not.toMatch(/lumpy|irregular|weekend/);
    }
  });
  test('token mix: lumps that change the day\'s tokens per request are another kind of work than the rest; on a floor of a quarter of the median day or more, lumps alone do not label the workload', async () => {
    // People on the key every working day (3000 in / 400 out each) under a job that adds 0 to 3 runs of 600 short
    // tagging calls (1500 in / 50 out): the quietest days are people alone, so the lumps look like a job's; but the
    // day's tokens per request fall as the job's lumps grow. With 250 people's requests a day the quietest days are
    // between a quarter and a half of the median one (checked below): the rest of the workload is people, and one
    // label would move them to batch.
    // With 60 a day the lumps are most of it: lumpy days speaks, and says to check.
    const mixed = (key: string, jobIn: number, jobOut: number, people = 250) => {
      const runs = `600 * (hash(d, 3) % 4)`;
      const own = `CASE WHEN weekend THEN 20 ELSE ${people} + hash(d, 1) % 20 END`;
      return day(key, `${own} + CASE WHEN weekend THEN 0 ELSE ${runs} END`, 'true',
        `${own} * 3000 + CASE WHEN weekend THEN 0 ELSE ${runs} END * ${jobIn}`,
        `${own} * 400 + CASE WHEN weekend THEN 0 ELSE ${runs} END * ${jobOut}`);
    };
    await classified(...org, mixed('tagging', 1500, 50), mixed('fewpeople', 1500, 50, 60), mixed('sameshape', 3000, 400));
    const floor = await ws.all<{ floor: number; shift: number }>(
      "SELECT weekday_floor_share AS floor, mix_shift AS shift FROM label_workloads WHERE workload = (SELECT workload FROM labels WHERE call_id = 'tagging-5')");
    expect(floor[0]!.floor).toBeGreaterThanOrEqual(lumpyMixedFloorShare);
    expect(floor[0]!.floor).toBeLessThan(lumpyMaxFloorShare);
    expect(floor[0]!.shift).toBeGreaterThanOrEqual(mixShiftShare);
    const row = await labelOf(ws, 'tagging-5');
    expect(row.label).toBe('blocking');
    expect(row.reasons.join('\n')).not.toMatch(/lumpy/);
    const few = await labelOf(ws, 'fewpeople-5');
    expect(few.label).toBe('non_blocking');
    expect(few.reasons[0]).toMatch(
      /^lumpy days: .*; but its tokens per request move with its volume \(from its quiet to its busy working days: input -\d+%, output -\d+%, cache-read share 0 points\), so its lumps are another kind of work than the rest, which may be people on the same key, project and model: check it/,
    );
    // The same lumps with people's own token shape keep the mix steady (the mix cannot see such a job).
    const same = await labelOf(ws, 'sameshape-5');
    expect(same.label).toBe('non_blocking');
    expect(same.reasons[0]).toMatch(/; its tokens per request move 0% or less with its volume \(one kind of work\)$/);
    const text = renderExplanation(await explainTarget(ws, 'fewpeople-5', undefined));
    expect(text).toMatch(/nobody waits {3}0\.75 {2}lumpy days: .*but its tokens per request move with its volume/);
  });
  test('running through weekends in an org that rests then is weak evidence: shown, but alone it leaves the label blocking', async () => {
    await classified(...org);
    const cron = await labelOf(ws, 'k7-5');
    expect(cron.label).toBe('blocking');
    expect(cron.decided_by).toBe('default');
    expect(cron.reasons.join('\n')).toMatch(/against: runs through weekends: on every weekend day, at 100% of its weekday volume, while the org as a whole drops to \d+% \(the org's people work in the week; a schedule does not\)/);
    const text = renderExplanation(await explainTarget(ws, 'runs-5', undefined));
    expect(text).toMatch(/nobody waits {3}0\.75 {2}lumpy days: /);
  });
  test('lumps on a steady floor are batchable when the floor cannot be people: never on a weekend while the org\'s people are, one kind of work', async () => {
    // One run of about 1200 requests every working day, a second run of 800 on about half of them, nothing on
    // weekends: the quietest days are two thirds of its median one (a floor), so only weekend silence can
    // say the floor is work too.
    const floorJob = (key: string, jobIn = 1000) => day(key, '1200 + hash(d, 6) % 50 + CASE WHEN hash(d, 8) % 2 = 0 THEN 800 ELSE 0 END', 'NOT weekend',
      `(1200 + hash(d, 6) % 50) * 1000 + CASE WHEN hash(d, 8) % 2 = 0 THEN 800 * ${jobIn} ELSE 0 END`);
    await classified(...org, floorJob('floorjob'), floorJob('floormix', 3000));
    const row = await labelOf(ws, 'floorjob-5');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons[0]).toMatch(
      /^lumpy days: .*its quietest days at \d+% of its median one: whole runs of work some days and not others; a crowd of people moves by a few per cent a day; its floor is not people: it never runs on a weekend day, while the org's people do \(3 workload\(s\) at a median \d+% of their weekday volume\); its tokens per request move 0% or less with its volume \(one kind of work\)$/,
    );
    // The same lumps with their own token shape may be a job on an office crowd's key: blocking.
    const mix = await labelOf(ws, 'floormix-5');
    expect(mix.label).toBe('blocking');
    expect(mix.reasons.join('\n')).not.toMatch(/lumpy/);
    // People who ride on a key every working day and keep weekends ('mixedkey') stay blocking, as before.
    expect((await labelOf(ws, 'mixedkey-5')).label).toBe('blocking');
  });
  test('rows that count no requests (Anthropic\'s report): lumps on a steady floor read from estimated requests, the token mix from the kinds of tokens', async () => {
    // The floor job above as Anthropic usage-report rows: tokens, no request count (5,000 fresh tokens a request, so as
    // many requests estimated as it sent). Its lumps keep the floor's kinds of tokens: batchable. The same lumps
    // re-reading a long cached context (20,000 cache-read tokens a request) are another kind of work: blocking.
    const lumps = '1200 + hash(d, 6) % 50 + CASE WHEN hash(d, 8) % 2 = 0 THEN 800 ELSE 0 END';
    const anthropic = (key: string, cacheRead: string) => `
      SELECT '${key}-' || d AS call_id, 'bucket' AS granularity, TIMESTAMPTZ '2026-10-01 00:00:00+00' + d * INTERVAL 1 DAY AS ts,
        TIMESTAMPTZ '2026-10-02 00:00:00+00' + d * INTERVAL 1 DAY AS ended_at, NULL::BIGINT AS requests, '${key}' AS api_key,
        ((${lumps}) * 4500)::BIGINT AS input_tokens, ((${lumps}) * 500)::BIGINT AS output_tokens, (${cacheRead})::BIGINT AS cache_read_tokens
      FROM range(31) r(d) WHERE isodow(DATE '2026-10-01' + d::INTEGER) <= 5`;
    await classified(...org, anthropic('afloorjob', '0'), anthropic('afloormix', 'CASE WHEN hash(d, 8) % 2 = 0 THEN 800 * 20000 ELSE 0 END'));
    const row = await labelOf(ws, 'afloorjob-5');
    expect(row.label).toBe('non_blocking');
    expect(row.reasons[0]).toMatch(/^lumpy days: .*its floor is not people: .*its tokens per request move \d+% or less with its volume \(one kind of work\) \[requests estimated from tokens, one per 5,000 fresh tokens: its rows count none\]$/);
    const mix = await labelOf(ws, 'afloormix-5');
    expect(mix.label).toBe('blocking');
    expect(mix.reasons.join('\n')).not.toMatch(/^lumpy/m);
  });
  test('a job several times the people\'s volume on some days does not hide the people\'s floor', async () => {
    // People every working day (and a few at weekends) on a key where a job adds 3500 requests on about two
    // days in five: the mean day is more than twice the people's, so the quietest days are under half an average
    // one; against the median day (the people's) they are a floor, so the lumps cannot label the people.
    await classified(...org, day('teachers', 'CASE WHEN weekend THEN 30 ELSE 1000 + hash(d, 1) % 60 + CASE WHEN hash(d, 9) % 5 < 2 THEN 3500 ELSE 0 END END'));
    const row = await labelOf(ws, 'teachers-5');
    expect(row.label).toBe('blocking');
    expect(row.reasons.join('\n')).not.toMatch(/lumpy/);
  });
  test('weekend silence says nothing in an org whose people do not work weekends', async () => {
    await classified(
      day('office', '1000 + hash(d, 1) % 60', 'NOT weekend'),
      day('k7', '300 + hash(d, 4) % 10'),
      day('floorjob', '1200 + hash(d, 6) % 50 + CASE WHEN hash(d, 8) % 2 = 0 THEN 800 ELSE 0 END', 'NOT weekend'),
    );
    const row = await labelOf(ws, 'floorjob-5');
    expect(row.label).toBe('blocking');
    expect(row.reasons.join('\n')).not.toMatch(/lumpy/);
  });
  test('lumpy days never beat streaming: a streamed workload whose volume comes in lumps stays blocking', async () => {
    await classified(`SELECT 'st-' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-01 14:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 9 SECOND AS ts,
        true AS streamed, 'key_lumpy_stream' AS api_key
      FROM range(31) a(d), range(600) b(k) WHERE isodow(DATE '2026-10-01' + d::INTEGER) <= 5 AND k < CASE hash(d, 5) % 4 WHEN 0 THEN 20 ELSE 200 * (hash(d, 5) % 4) END`);
    const row = await labelOf(ws, 'st-5-10');
    expect(row.label).toBe('blocking');
    expect(row.reasons[0]).toMatch(/^streamed: 100%/);
    expect(row.reasons.join('\n')).toMatch(/against: lumpy days/);
  });
});

describe('calls with no user, trace or stream beside calls that carry them', () => {
  // An agent on key_agent: streamed steps in traces, a developer's id on each, in office hours. A script on the
  // same key, project and model: four workers looping over rows, sending none of those ids.
  const agent = `SELECT 'ag-' || d || '-' || t || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-06 16:00:00+00' + d * INTERVAL 1 DAY + t * INTERVAL 11 MINUTE + k * INTERVAL 3 SECOND AS ts, 2000.0 AS latency_ms,
      true AS streamed, 'dev' || (t % 7) AS user_id, 'tr-' || d || '-' || t AS trace_id, 'key_agent' AS api_key, 'proj_agent' AS project
    FROM range(10) a(d), range(30) b(t), range(5) c(k)`;
  const script = `SELECT 'sc-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-07 17:00:00+00' + (w * 300 + k * (1500 + 100 * w + 80)) * INTERVAL 1 MILLISECOND AS ts,
      (1500 + 100 * w)::DOUBLE AS latency_ms, 'key_agent' AS api_key, 'proj_agent' AS project FROM range(4) a(w), range(120) b(k)`;
  // The script's workers each traced as one run (a Langfuse `@observe` around the loop): 120 calls in one trace, no user.
  const tracedScript = (traceOf = `'run-' || w`, userOf = 'NULL') => `SELECT * EXCLUDE (w, k) REPLACE ('ts-' || call_id AS call_id), ${traceOf} AS trace_id, ${userOf} AS user_id
    FROM (SELECT *, split_part(call_id, '-', 2)::INTEGER AS w, split_part(call_id, '-', 3)::INTEGER AS k FROM (${script}))`;
  // With no id at all; or with an id only the call itself carries: a tracer that opens a trace for every call, or a
  // gateway that gives every request a session of its own (LiteLLM's spend logs: a fresh UUID when the request names none).
  test.each([
    ['no id', script, 'sc-1-50'],
    ['a trace of its own', tracedScript(`'tr-' || call_id`), 'ts-sc-1-50'],
    ['a session of its own', `SELECT * EXCLUDE (trace_id), trace_id AS session_id FROM (${tracedScript(`'tr-' || call_id`)})`, 'ts-sc-1-50'],
  ])('are judged as a workload of their own (%s): the script is batchable, the agent stays blocking', async (_, scriptCalls, jobCall) => {
    await classified(interactiveBackdrop, agent, scriptCalls);
    const job = await labelOf(ws, jobCall);
    expect(job.workload).toBe('proj_agent · gpt-5.4 · chat · no user or trace');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons.join('\n')).toMatch(/fan-out: /);
    const step = await labelOf(ws, 'ag-3-4-2');
    expect(step.workload).toBe('proj_agent · gpt-5.4 · chat');
    expect(step.label).toBe('blocking');
  });
  test('a rule naming the split-off workload covers its calls alone; one naming the grouping covers all of it', async () => {
    ws = await emptyWorkspace();
    for (const select of [interactiveBackdrop, agent, script]) await insertCalls(ws, select);
    await classifyCalls(ws, { file: 'rules.yaml', rules: [{ name: 'script', match: { workload: 'proj_agent · gpt-5.4 · chat · no user or trace' }, label: 'blocking' }] });
    expect(await labelOf(ws, 'sc-1-50')).toMatchObject({ label: 'blocking', decided_by: 'rule' });
    expect((await labelOf(ws, 'ag-3-4-2')).decided_by).not.toBe('rule');
    await classifyCalls(ws, { file: 'rules.yaml', rules: [{ name: 'all', match: { workload: 'proj_agent · gpt-5.4 · chat' }, workload: 'agent' }] });
    expect((await labelOf(ws, 'sc-1-50')).workload).toBe('agent');
    expect((await labelOf(ws, 'ag-3-4-2')).workload).toBe('agent');
  });
  test('a job run wrapped in one long trace with no user is judged apart too, and a rule naming the split-off workload covers it', async () => {
    await classified(interactiveBackdrop, agent, tracedScript());
    const job = await labelOf(ws, 'ts-sc-1-50');
    expect(job.workload).toBe('proj_agent · gpt-5.4 · chat · no user or trace');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons.join('\n')).toMatch(/fan-out: /);
    expect((await labelOf(ws, 'ag-3-4-2')).workload).toBe('proj_agent · gpt-5.4 · chat');
    await classifyCalls(ws, { file: 'rules.yaml', rules: [{ name: 'script', match: { workload: 'proj_agent · gpt-5.4 · chat · no user or trace' }, label: 'blocking' }] });
    expect(await labelOf(ws, 'ts-sc-1-50')).toMatchObject({ label: 'blocking', decided_by: 'rule' });
  });
  test('a trace stays with the people when one of its calls carries a user, or when it is short enough to be an agent run', async () => {
    await classified(interactiveBackdrop, agent, tracedScript(`'run-' || w`, `CASE WHEN k = 0 THEN 'dev1' END`));
    expect((await labelOf(ws, 'ts-sc-1-50')).workload).toBe('proj_agent · gpt-5.4 · chat');
    ws.close();
    await classified(interactiveBackdrop, agent, tracedScript(`'run-' || w || '-' || k // 40`));
    expect((await labelOf(ws, 'ts-sc-1-50')).workload).toBe('proj_agent · gpt-5.4 · chat');
  });
  test('a call alone in its trace stays with the people when it carries a user', async () => {
    await classified(interactiveBackdrop, agent, tracedScript(`'tr-' || call_id`, `'dev' || (k % 7)`));
    expect((await labelOf(ws, 'ts-sc-1-50')).workload).toBe('proj_agent · gpt-5.4 · chat');
  });
  test('a workload whose calls all lack them keeps its name, and so does one named by a tag', async () => {
    await classified(interactiveBackdrop, script, `SELECT * REPLACE ('tg-' || call_id AS call_id, 'key_tagged' AS api_key, 'proj_tagged' AS project), '{"workload":"tagged"}' AS tags FROM (${agent})`,
      `SELECT * REPLACE ('ts-' || call_id AS call_id, 'key_tagged' AS api_key, 'proj_tagged' AS project), '{"workload":"tagged"}' AS tags FROM (${script})`);
    expect((await labelOf(ws, 'sc-1-50')).workload).toBe('proj_agent · gpt-5.4 · chat');
    expect((await labelOf(ws, 'ts-sc-1-50')).workload).toBe('tagged');
    expect((await labelOf(ws, 'tg-ag-3-4-2')).workload).toBe('tagged');
  });
});

describe('lane mix', () => {
  test('a workload whose API key sends its other requests on the batch lane gets weak evidence: shown, not decisive', async () => {
    const rows = (id: string, key: string, model: string, lane: string) => `
      SELECT '${id}-' || k AS call_id, TIMESTAMPTZ '2026-10-06 16:00:00+00' + k * INTERVAL 13 MINUTE AS ts, '${key}' AS api_key, '${model}' AS model, '${lane}' AS lane
      FROM range(300) r(k)`;
    await classified(rows('bt', 'key_pipe', 'gpt-5.4', 'batch'), rows('st', 'key_pipe', 'gpt-5.4-mini', 'standard'), rows('ot', 'key_other', 'gpt-5.4-mini', 'standard'));
    const std = await labelOf(ws, 'st-10');
    expect(std.label).toBe('blocking');
    expect(std.reasons).toContain('against: lane mix: its API key sends 100% of its other requests on the batch or flex lane (a key whose owners already take a slow answer for part of its work)');
    expect((await labelOf(ws, 'ot-10')).reasons.join('\n')).not.toMatch(/lane mix/);
    expect((await labelOf(ws, 'bt-10')).reasons.join('\n')).not.toMatch(/lane mix/);
  });
});

describe('user ids that name no person, under a name no key gives (a Langfuse window)', () => {
  // Partners ask questions on proj_practice's model in the day (40 ids, sessions of 3 calls 90 s apart, on 5 days,
  // not streamed), and a diligence run of 6 workers reads a data room on the same model, a document id per call, each
  // call its own trace (a tracer's trace per call). No API key names either.
  const partners = (extra: string) => `SELECT 'pq-' || d || '-' || p || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-06 15:00:00+00' + d * INTERVAL 1 DAY + p * INTERVAL 4 MINUTE + k * INTERVAL 90 SECOND AS ts, 6000.0 AS latency_ms,
      'partner-' || p AS user_id, 'pt-' || d || '-' || p AS trace_id, 'proj_practice' AS project ${extra} FROM range(5) a(d), range(40) b(p), range(3) c(k)`;
  const diligence = (extra: string, idOf = `'doc-' || w || '-' || k`) => `SELECT 'dd-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-07 16:00:00+00' + (w * 300 + k * 2080) * INTERVAL 1 MILLISECOND AS ts, 2000.0 AS latency_ms,
      ${idOf} AS user_id, 'tr-dd-' || w || '-' || k AS trace_id, 'proj_practice' AS project ${extra} FROM range(6) a(w), range(120) b(k)`;

  test('a job carrying an id per call is judged apart from the people on its model: the job is batchable, the people stay blocking', async () => {
    await classified(interactiveBackdrop, partners(''), diligence(''));
    const job = await labelOf(ws, 'dd-2-50');
    expect(job.workload).toBe('proj_practice · gpt-5.4 · chat · no user or trace');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons.join('\n')).toMatch(/fan-out: /);
    // Its ids were chosen for being seen at most twice, so that share is no sign of a machine here: a visitor's id is
    // seen once too, and with a job's busy minutes beside it the ids signal once labelled people's visits batchable.
    expect(job.reasons.join('\n')).not.toMatch(/user ids that are not people/);
    const partner = await labelOf(ws, 'pq-2-7-1');
    expect([partner.workload, partner.label]).toEqual(['proj_practice · gpt-5.4 · chat', 'blocking']);
  });
  test('visitors with an id seen once, joined with the job by their ids, are held blocking off its runs however few they are', async () => {
    // 30 visits of a public FAQ on the same model, a fresh visitor id each, one every 11 minutes from 10:00 UTC on the
    // day of the run (4% of the calls with one-off ids: under the 5% that holds another client's calls blocking elsewhere).
    const visitors = `SELECT 'v-' || k AS call_id, TIMESTAMPTZ '2026-10-07 10:00:00+00' + k * INTERVAL 11 MINUTE AS ts, 2500.0 AS latency_ms,
        'visitor-' || k AS user_id, 'tr-v-' || k AS trace_id, 'proj_practice' AS project FROM range(30) r(k)`;
    // A second visitor who starts 0.5 s after the fourth one's answer: back to back with it by chance, in a run of two.
    const pair = `SELECT 'v-pair' AS call_id, TIMESTAMPTZ '2026-10-07 10:33:03+00' AS ts, 2500.0 AS latency_ms, 'visitor-pair' AS user_id,
        'tr-v-pair' AS trace_id, 'proj_practice' AS project`;
    await classified(interactiveBackdrop, partners(''), diligence(''), visitors, pair);
    expect(await labelOf(ws, 'dd-2-50')).toMatchObject({ workload: 'proj_practice · gpt-5.4 · chat · no user or trace', label: 'non_blocking' });
    const visit = await labelOf(ws, 'v-3');
    expect([visit.workload, visit.label]).toEqual(['proj_practice · gpt-5.4 · chat · no user or trace', 'blocking']);
    expect(visit.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 4% of its workload's requests did/);
    expect(await labelOf(ws, 'v-pair')).toMatchObject({ workload: 'proj_practice · gpt-5.4 · chat · no user or trace', label: 'blocking' });
  });
  test('a few visitors who ask a second question do not make the job\'s one-off ids end users: the job is batchable, they are held', async () => {
    // 40 visitors on the day of the run, each asking twice, 40 s after the first answer (an id seen twice, a call a
    // trace): 40 returns among the 800 calls with one-off ids (5%). Their median gap, 40 s of think time, was read for
    // the whole workload: the job was held blocking as end users, and the run signals skipped it (insurer-jp's report
    // translations as a Langfuse window, a tune org).
    const visitors = `SELECT 'v-' || k || '-' || j AS call_id, TIMESTAMPTZ '2026-10-07 09:00:00+00' + k * INTERVAL 13 MINUTE + j * INTERVAL 42500 MILLISECOND AS ts,
        2500.0 AS latency_ms, 'visitor-' || k AS user_id, 'tr-v-' || k || '-' || j AS trace_id, 'proj_practice' AS project FROM range(40) a(k), range(2) b(j)`;
    await classified(interactiveBackdrop, partners(''), diligence(''), visitors);
    const job = await labelOf(ws, 'dd-2-50');
    expect([job.workload, job.label]).toEqual(['proj_practice · gpt-5.4 · chat · no user or trace', 'non_blocking']);
    expect(job.reasons.join('\n')).not.toMatch(/end users/);
    const visit = await labelOf(ws, 'v-7-1');
    expect([visit.workload, visit.label]).toEqual(['proj_practice · gpt-5.4 · chat · no user or trace', 'blocking']);
  });
  test('visitors with one-off ids do not dilute the job\'s runs: its shares leave out the calls off them', async () => {
    // The diligence run's fan-out (720 calls at a steady rate) on one day, a serial pass of 600 over the same data room
    // the next (one worker, back to back, calls of 1 to 60 s: too uneven a rate for a steady launch), and 150 visitors
    // with a fresh id each on the days after: no kind of run holds half of all the requests (fan-out and steady launch
    // 49%, serial 41%), and the visitors are a tenth of them, off the runs, held blocking.
    const serial = `SELECT 'sp-' || k AS call_id,
        TIMESTAMPTZ '2026-10-08 16:00:00+00' + (sum(lat + 80) OVER (ORDER BY k) - lat - 80) * INTERVAL 1 MILLISECOND AS ts, lat::DOUBLE AS latency_ms,
        'sdoc-' || k AS user_id, 'tr-sp-' || k AS trace_id, 'proj_practice' AS project FROM (SELECT k, 1000 + hash(k) % 59000 AS lat FROM range(600) r(k))`;
    const visitors = `SELECT 'v-' || k AS call_id, TIMESTAMPTZ '2026-10-09 10:00:00+00' + k * INTERVAL 17 MINUTE AS ts, 2500.0 AS latency_ms,
        'visitor-' || k AS user_id, 'tr-v-' || k AS trace_id, 'proj_practice' AS project FROM range(150) r(k)`;
    await classified(interactiveBackdrop, partners(''), diligence(''), serial, visitors);
    const job = await labelOf(ws, 'dd-2-50');
    expect([job.workload, job.label]).toEqual(['proj_practice · gpt-5.4 · chat · no user or trace', 'non_blocking']);
    expect(job.reasons.join('\n')).toMatch(/fan-out: 55% of requests \(leaving out the 10% off its runs: calls with ids seen once or twice\) in 1 run\(s\) of 6 parallel streams/);
    expect((await labelOf(ws, 'sp-300')).label).toBe('non_blocking');
    expect((await labelOf(ws, 'v-40')).label).toBe('blocking');
  });
  test('a slow job\'s own calls that fall off its runs between pauses stay with the job: they come back to back', async () => {
    // Calls of 5 to 90 s, 2 workers of 120 (too uneven a rate from minute to minute for a steady launch, and over an
    // hour: no burst), and the workers pause 60 s together (a rate limit) before their last 8 calls: those 16 calls
    // come back to back in a run of under 100 calls, off the runs. 5 visitors come in the day (2% of the requests).
    const slow = `SELECT 'dd-' || w || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-07 16:00:00+00' + (w * 300 + sum(lat + 80) OVER (PARTITION BY w ORDER BY k) - lat - 80 + CASE WHEN k >= 112 THEN 60000 ELSE 0 END) * INTERVAL 1 MILLISECOND AS ts,
        lat::DOUBLE AS latency_ms, 'doc-' || w || '-' || k AS user_id, 'tr-dd-' || w || '-' || k AS trace_id, 'proj_practice' AS project
      FROM (SELECT w, k, 5000 + hash(w, k) % 85000 AS lat FROM range(2) a(w), range(120) b(k))`;
    const visitors = `SELECT 'v-' || k AS call_id, TIMESTAMPTZ '2026-10-07 08:00:00+00' + k * INTERVAL 11 MINUTE AS ts, 2500.0 AS latency_ms,
        'visitor-' || k AS user_id, 'tr-v-' || k AS trace_id, 'proj_practice' AS project FROM range(5) r(k)`;
    await classified(interactiveBackdrop, partners(''), slow, visitors);
    const ids = Array.from({ length: 2 }, (_, w) => Array.from({ length: 7 }, (_, k) => `dd-${w}-${113 + k}`)).flat();
    const tail = await Promise.all(ids.map((id) => labelOf(ws, id)));
    expect(tail.filter((l) => l.label === 'non_blocking').length).toBeGreaterThan(0.9 * ids.length);
    expect((await labelOf(ws, 'v-3')).label).toBe('blocking');
  });
  test('ids that come back stay with the people; so does everything under an API key (a key is one client\'s)', async () => {
    // The same job carrying the person who started it on every call (an id seen 720 times): not one-off.
    await classified(interactiveBackdrop, partners(''), diligence('', `'partner-3'`));
    expect((await labelOf(ws, 'dd-2-50')).workload).toBe('proj_practice · gpt-5.4 · chat');
    ws.close();
    // With a keyless name beside it (another firm's practice on proj_other), so that ids are counted at all.
    const keyless = `SELECT * REPLACE ('other-' || call_id AS call_id, 'proj_other' AS project, 'o-' || user_id AS user_id, 'o-' || trace_id AS trace_id) FROM (${partners('')})`;
    await classified(interactiveBackdrop, keyless, partners(", 'key_practice' AS api_key"), diligence(", 'key_practice' AS api_key"));
    expect((await labelOf(ws, 'dd-2-50')).workload).toBe('proj_practice · gpt-5.4 · chat');
  });
  test('a one-off id in a trace of several calls is a person\'s visit (an agent\'s steps), and stays with the people', async () => {
    // The job's calls grouped 3 to a trace: each trace holds several calls, so its ids are not the call's alone.
    await classified(interactiveBackdrop, partners(''), `SELECT * REPLACE ('tr-dd-' || split_part(call_id, '-', 2) || '-' || split_part(call_id, '-', 3)::INTEGER // 3 AS trace_id) FROM (${diligence('')})`);
    expect((await labelOf(ws, 'dd-2-50')).workload).toBe('proj_practice · gpt-5.4 · chat');
  });
});

describe('calls that do not stream, under a name no key gives whose calls mostly stream (a Langfuse window)', () => {
  // Copywriters on proj_studio in the day, 40 ids, sessions of 3 calls 90 s apart on 5 days, streamed but for one call
  // in ten; and a weekday cron at 07:00 UTC on the same model, 3 workers x 60 back-to-back calls, each call its own
  // trace and carrying the client its report is for (180 clients, each seen once a day: not one-off ids). No key names
  // either: one name, 41% streamed, so the run signals never looked at it.
  const editors = (extra: string, streamed = '(d * 120 + p * 3 + k) % 10 <> 0') => `SELECT 'ed-' || d || '-' || p || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-06 09:00:00+00' + d * INTERVAL 1 DAY + p * INTERVAL 11 MINUTE + k * INTERVAL 90 SECOND AS ts, 6000.0 AS latency_ms,
      ${streamed} AS streamed, 'cw-' || p AS user_id, 'et-' || d || '-' || p AS trace_id, 'proj_studio' AS project ${extra}
    FROM range(5) a(d), range(40) b(p), range(3) c(k)`;
  const reports = (extra: string) => `SELECT 'rep-' || d || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-06 07:00:00+00' + d * INTERVAL 1 DAY + (w * 400 + k * 1600) * INTERVAL 1 MILLISECOND AS ts, 1500.0 AS latency_ms,
      'cl-' || (w * 60 + k) AS user_id, 'tr-rep-' || d || '-' || w || '-' || k AS trace_id, 'proj_studio' AS project ${extra}
    FROM range(4) a(d), range(3) b(w), range(60) c(k)`;

  test('they are judged apart: a cron job carrying its recipients is batchable, the people\'s calls that do not stream stay blocking', async () => {
    await classified(interactiveBackdrop, editors(''), reports(''));
    const job = await labelOf(ws, 'rep-2-1-30');
    expect(job.workload).toBe('proj_studio · gpt-5.4 · chat · not streamed');
    expect(job.label).toBe('non_blocking');
    expect(job.reasons.join('\n')).toMatch(/fan-out: /);
    expect(await labelOf(ws, 'ed-2-7-1')).toMatchObject({ workload: 'proj_studio · gpt-5.4 · chat', label: 'blocking' });
    // ed-0-3-1 does not stream: with the job's calls, off its runs, held blocking.
    const quiet = await labelOf(ws, 'ed-0-3-1');
    expect([quiet.workload, quiet.label]).toEqual(['proj_studio · gpt-5.4 · chat · not streamed', 'blocking']);
    expect(quiet.reasons[0]).toMatch(/^this call came off the runs that make its workload a job/);
  });
  test('a rule naming the split-off workload covers its calls alone', async () => {
    await classified(interactiveBackdrop, editors(''), reports(''));
    await classifyCalls(ws, { file: 'rules.yaml', rules: [{ name: 'reports', match: { workload: 'proj_studio · gpt-5.4 · chat · not streamed' }, label: 'blocking' }] });
    expect(await labelOf(ws, 'rep-2-1-30')).toMatchObject({ label: 'blocking', decided_by: 'rule' });
    expect((await labelOf(ws, 'ed-2-7-1')).decided_by).not.toBe('rule');
  });
  test('under an API key nothing is split so (a key is one client\'s), nor in a name mostly not streamed', async () => {
    await classified(interactiveBackdrop, editors(", 'key_studio' AS api_key"), reports(", 'key_studio' AS api_key"));
    expect((await labelOf(ws, 'rep-2-1-30')).workload).toBe('proj_studio · gpt-5.4 · chat');
    ws.close();
    // The editors streaming one call in twenty: the name is 2% streamed, so the run signals read it whole.
    await classified(interactiveBackdrop, editors('', '(d * 120 + p * 3 + k) % 20 = 0'), reports(''));
    expect((await labelOf(ws, 'rep-2-1-30')).workload).toBe('proj_studio · gpt-5.4 · chat');
  });
});

describe('calls off a job’s runs, under a name no key gives or one key (services sharing a model or a key)', () => {
  // An hourly poller on proj_ops for 4 days: 2 workers x `calls` back to back (1.5 s calls, 1.7 s apart, the second
  // worker 350 ms behind), starting in the first 20 minutes of the hour.
  const opsPoller = (calls: number) => `SELECT 'poll' || h || '-' || w || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 3) % 20) * INTERVAL 1 MINUTE + (w * 350 + k * 1700) * INTERVAL 1 MILLISECOND AS ts,
      1500.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(2) b(w), range(${calls}) c(k)`;
  // A nightly job, 200 back-to-back calls at 02:00 UTC on 4 days, and a service's documents read as they come in the
  // day (150 calls minutes apart): one project, one model, and nothing else to tell them apart.
  const nightly = (extra: string) => `SELECT 'job' || d || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-06 02:00:00+00' + d * INTERVAL 1 DAY + k * 1100 * INTERVAL 1 MILLISECOND AS ts, 1000.0 AS latency_ms,
      'proj_claims' AS project ${extra} FROM range(4) a(d), range(200) b(k)`;
  const documents = (extra: string) => `SELECT 'doc' || d || '-' || k AS call_id,
      TIMESTAMPTZ '2026-10-06 08:00:00+00' + d * INTERVAL 1 DAY + (k * 13 + hash(d * 100 + k) % 7) * INTERVAL 1 MINUTE AS ts, 8000.0 AS latency_ms,
      'proj_claims' AS project ${extra} FROM range(4) a(d), range(38) b(k) WHERE d * 38 + k < 150`;

  test('the job is batchable; its off-run calls are held blocking, and explain says why', async () => {
    await classified(interactiveBackdrop, nightly(''), documents(''));
    const job = await labelOf(ws, 'job1-50');
    expect([job.label, job.workload]).toEqual(['non_blocking', 'proj_claims · gpt-5.4 · chat']);
    expect(job.reasons).toContain('launch shape: 84% of requests in runs that start at 02:00 UTC on 4 days (cron)');
    const doc = await labelOf(ws, 'doc1-5');
    expect([doc.label, doc.confidence, doc.decided_by, doc.workload]).toEqual(['blocking', 0.6, 'heuristic', 'proj_claims · gpt-5.4 · chat']);
    expect(doc.reasons[0]).toBe(
      "this call came off the runs that make its workload a job, as 16% of its workload's requests did, in no run of back-to-back calls and no launch of its job: another client's calls under the same name, held blocking (give the job or this client a key, project or tag of its own, or settle it with a rule)",
    );
    expect(doc.reasons).toContain('workload: launch shape: 84% of requests in runs that start at 02:00 UTC on 4 days (cron)');
    const text = renderExplanation(await explainTarget(ws, 'doc1-5', undefined));
    expect(text).toContain('this call came off the runs that make its workload a job');
    expect(text).toContain('give the job or the other client a key, project or tag of its own');
  });

  test('a slow job\'s own calls that fall off its runs in a piece of back-to-back calls stay with the job, however many calls are off', async () => {
    // Calls of 5 to 90 s, 2 workers of 120 on 2 nights (too uneven a rate for a steady launch, and over an hour: no
    // burst), pausing 60 s together (a rate limit) before their last 8 calls: those 16 calls come back to back in a run
    // of under 100, off the runs. The documents come in the day, 76 of them: with the job's tails, 15% of the requests
    // (over the tenth at which calls off a job's runs are held blocking).
    const slow = `SELECT 'job' || d || '-' || w || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-06 02:00:00+00' + d * INTERVAL 1 DAY + (w * 300 + sum(lat + 80) OVER (PARTITION BY d, w ORDER BY k) - lat - 80 + CASE WHEN k >= 112 THEN 60000 ELSE 0 END) * INTERVAL 1 MILLISECOND AS ts,
        lat::DOUBLE AS latency_ms, 'proj_claims' AS project
      FROM (SELECT d, w, k, 5000 + hash(d, w, k) % 85000 AS lat FROM range(2) a(d), range(2) b(w), range(120) c(k))`;
    await classified(interactiveBackdrop, slow, `SELECT * FROM (${documents('')}) WHERE regexp_matches(call_id, '^doc[01]-')`);
    expect((await labelOf(ws, 'job1-0-50')).label).toBe('non_blocking');
    const ids = [0, 1].flatMap((d) => [0, 1].flatMap((w) => Array.from({ length: 7 }, (_, k) => `job${d}-${w}-${113 + k}`)));
    const tail = await Promise.all(ids.map((id) => labelOf(ws, id)));
    expect(tail.filter((l) => l.label === 'non_blocking').length).toBeGreaterThan(0.9 * ids.length);
    const doc = await labelOf(ws, 'doc0-5');
    expect(doc.label).toBe('blocking');
    expect(doc.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 15% of its workload's requests did/);
  });

  test('a poller\'s light hours (three or four calls paced by each other\'s ends) stay with its job; another service\'s calls now and then are held blocking', async () => {
    // One worker at :00-:04 past the hour for 4 days: 8 calls of 6 s, 1.5 s apart, in 7 hours of 10, and 3 or 4 in
    // the others (no burst, under minBurstCalls). An alert at :35 every hour on the same project and model.
    const poller = `SELECT 'poll' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 5) % 5) * INTERVAL 1 MINUTE + k * 7500 * INTERVAL 1 MILLISECOND AS ts,
        6000.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(8) c(k) WHERE h % 10 < 7 OR k < 3 + h % 2`;
    const alerts = `SELECT 'alert' || h AS call_id, TIMESTAMPTZ '2026-10-05 00:35:00+00' + h * INTERVAL 1 HOUR AS ts,
        3000.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h)`;
    await classified(interactiveBackdrop, poller, alerts);
    const [counts] = await ws.all<{ light: bigint; kept: bigint; alerts: bigint; held: bigint }>(`SELECT
        count(*) FILTER (WHERE h % 10 >= 7) AS light, count(*) FILTER (WHERE h % 10 >= 7 AND label = 'non_blocking') AS kept,
        count(*) FILTER (WHERE starts_with(call_id, 'alert')) AS alerts, count(*) FILTER (WHERE starts_with(call_id, 'alert') AND label = 'blocking') AS held
      FROM (SELECT call_id, label, CASE WHEN starts_with(call_id, 'poll') THEN regexp_extract(call_id, 'poll(\\d+)-', 1)::INTEGER END AS h FROM labels)`);
    // 27 light hours (7, 8 and 9 of each ten up to 89): 4 calls in the odd ones, 3 in the even ones.
    expect(counts).toEqual({ light: 99n, kept: 99n, alerts: 96n, held: 96n });
    expect((await labelOf(ws, 'poll40-5')).label).toBe('non_blocking');
    const alert = await labelOf(ws, 'alert40');
    expect(alert.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 1\d% of its workload's requests did/);
  });

  test('a service\'s call that comes minutes after a poller\'s burst, with nothing in flight, is not the burst\'s: held blocking', async () => {
    // An hourly poller (2 workers x 12 calls, back to back, starting in the first 20 minutes of the hour, for 4 days)
    // and an alert service on the same project and model: an alert 2 minutes after each burst started (its burst is
    // over by then: inside the 5 minutes that keep an episode open), and alerts at :30, :40 and :50 past the hour.
    const poller = opsPoller(12);
    const alerts = `SELECT 'alert' || h || '-' || m AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + CASE WHEN m = 0 THEN (hash(h, 3) % 20 + 2) * INTERVAL 1 MINUTE ELSE (20 + m * 10) * INTERVAL 1 MINUTE END AS ts,
        3000.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(4) b(m)`;
    await classified(interactiveBackdrop, poller, alerts);
    expect((await labelOf(ws, 'poll40-1-5')).label).toBe('non_blocking');
    const afterBurst = await labelOf(ws, 'alert40-0');
    expect([afterBurst.label, afterBurst.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(afterBurst.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 14% of its workload's requests did/);
    const [counts] = await ws.all<{ held: bigint; alerts: bigint }>(
      "SELECT count(*) FILTER (WHERE label = 'blocking') AS held, count(*) AS alerts FROM labels WHERE starts_with(call_id, 'alert')",
    );
    expect(counts).toEqual({ held: 384n, alerts: 384n });
  });

  test('a service\'s calls a twentieth of a poller\'s workload are held blocking too: a few may be someone\'s wait', async () => {
    // The same poller (2,304 calls), and a drafting service under the same name, one call each at :40 past every hour and
    // at :50 past the even ones: 144 calls, 5.9% of the workload's requests. Under the 10% that held such calls once,
    // doctors' referral drafts under a lab poller's model (clinic-es as a Langfuse window, a tune org) were 8.7% of that
    // workload's requests and 14.2% of the dataset's blocking spend, labelled batchable with the poller.
    const drafts = `SELECT 'draft' || h || '-' || m AS call_id, TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (40 + m * 10) * INTERVAL 1 MINUTE AS ts,
        8000.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(2) b(m) WHERE m = 0 OR h % 2 = 0`;
    await classified(interactiveBackdrop, opsPoller(12), drafts);
    const draft = await labelOf(ws, 'draft40-0');
    expect([draft.label, draft.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(draft.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 6% of its workload's requests did/);
    const [counts] = await ws.all<{ held: bigint; drafts: bigint; kept: bigint }>(
      `SELECT count(*) FILTER (WHERE label = 'blocking' AND starts_with(call_id, 'draft')) AS held, count(*) FILTER (WHERE starts_with(call_id, 'draft')) AS drafts,
        count(*) FILTER (WHERE label = 'non_blocking' AND starts_with(call_id, 'poll')) AS kept FROM labels`,
    );
    expect(counts).toEqual({ held: 144n, drafts: 144n, kept: 2304n });
  });

  test('a service\'s calls in a poller\'s episode that no call of its burst is in flight with or paced by are held blocking; all the poller\'s are kept', async () => {
    // The same poller, and alerts at :30, :40 and :50 past the hour; 2 minutes after each burst started (its burst is
    // over), an alert and a second one 3 s after the first one's end (paced by it); and before the bursts of even hours,
    // one 2 minutes ahead (5 minutes of silence before it: it opens the episode the burst then joins). A burst's first
    // call has the other worker start 350 ms later, in flight with it, though an alert opened its episode.
    const poller = opsPoller(12);
    const alerts = `SELECT 'alert' || h || '-' || m AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + CASE m
          WHEN 0 THEN (hash(h, 3) % 20) * INTERVAL 1 MINUTE - INTERVAL 2 MINUTE
          WHEN 4 THEN (hash(h, 3) % 20 + 2) * INTERVAL 1 MINUTE
          WHEN 5 THEN (hash(h, 3) % 20 + 2) * INTERVAL 1 MINUTE + INTERVAL 6 SECOND
          ELSE (20 + m * 10) * INTERVAL 1 MINUTE END AS ts,
        3000.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(6) b(m) WHERE m > 0 OR h % 2 = 0`;
    await classified(interactiveBackdrop, poller, alerts);
    const before = await labelOf(ws, 'alert40-0');
    expect([before.label, before.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(before.reasons[0]).toMatch(/^this call came off the runs that make its workload a job/);
    expect((await labelOf(ws, 'alert40-5')).label).toBe('blocking');
    expect((await labelOf(ws, 'poll40-0-0')).label).toBe('non_blocking');
    const [counts] = await ws.all<{ held: bigint; alerts: bigint; polls: bigint; kept: bigint }>(
      `SELECT count(*) FILTER (WHERE label = 'blocking' AND starts_with(call_id, 'alert')) AS held, count(*) FILTER (WHERE starts_with(call_id, 'alert')) AS alerts,
        count(*) FILTER (WHERE starts_with(call_id, 'poll')) AS polls, count(*) FILTER (WHERE label = 'non_blocking' AND starts_with(call_id, 'poll')) AS kept FROM labels`,
    );
    expect(counts).toEqual({ held: 528n, alerts: 528n, polls: 2304n, kept: 2304n });
  });

  test('a poller\'s bursts among another service\'s calls that never leave 5 minutes of silence are still bursts: its calls batchable, the service\'s held blocking', async () => {
    // An hourly poller (2 workers x 24 calls back to back, in the first 20 minutes of the hour, 4 days) and a moderation
    // check 40 times an hour at random moments, day and night, on the same project and model: the episodes run 40
    // minutes on average, and those holding a burst are about 60% paced, so no episode is a burst. The calls in strands
    // of five or more are the poller's, and come hourly.
    const poller = opsPoller(24);
    const checks = `SELECT 'mod' || h || '-' || m AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, m, 5) % 3600000) * INTERVAL 1 MILLISECOND AS ts,
        600.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(40) b(m)`;
    await classified(interactiveBackdrop, poller, checks);
    const [w] = await ws.all<{ label: string; bursts: bigint | null; reasons: string[] }>(
      "SELECT label, bursts, reasons FROM label_workloads WHERE workload LIKE 'proj_ops%'",
    );
    expect(w?.label).toBe('non_blocking');
    expect(w?.reasons[0]).toMatch(/^recurring bursts: 5\d% of requests in 9\d bursts of machine-paced calls/);
    const [counts] = await ws.all<{ polls_kept: bigint; checks_held: bigint }>(
      `SELECT count(*) FILTER (WHERE label = 'non_blocking' AND starts_with(call_id, 'poll')) AS polls_kept,
        count(*) FILTER (WHERE label = 'blocking' AND starts_with(call_id, 'mod')) AS checks_held FROM labels`,
    );
    expect(Number(counts?.polls_kept)).toBeGreaterThan(0.98 * 4608);
    expect(Number(counts?.checks_held)).toBeGreaterThan(0.95 * 3840);
  });

  test('under an API key the same: a service\'s calls among a poller\'s bursts on its key, never 5 minutes apart, are held blocking', async () => {
    // The same poller and moderation checks, both on one key (grocery-cl, a tune org since its first run: pickers waiting
    // on a substitute for an out-of-stock item, every few minutes in the day, on the key, project and model of an hourly
    // stock poller). The checks in the bursts' episodes, in strands of their own, were kept with the poller under a key:
    // 1.1% of that org's blocking spend labelled batchable.
    const keyed = (sql: string) => `SELECT *, 'key_ops' AS api_key FROM (${sql})`;
    const checks = `SELECT 'mod' || h || '-' || m AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, m, 5) % 3600000) * INTERVAL 1 MILLISECOND AS ts,
        600.0 AS latency_ms, 'proj_ops' AS project FROM range(96) a(h), range(40) b(m)`;
    await classified(interactiveBackdrop, keyed(opsPoller(24)), keyed(checks));
    const [w] = await ws.all<{ label: string; reasons: string[] }>("SELECT label, reasons FROM label_workloads WHERE workload LIKE 'proj_ops%'");
    expect(w?.label).toBe('non_blocking');
    expect(w?.reasons[0]).toMatch(/^recurring bursts: /);
    const check = await labelOf(ws, 'mod40-7');
    expect([check.label, check.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(check.reasons[0]).toMatch(/^this call came off the runs that make its workload a job/);
    const [counts] = await ws.all<{ polls_kept: bigint; checks_held: bigint }>(
      `SELECT count(*) FILTER (WHERE label = 'non_blocking' AND starts_with(call_id, 'poll')) AS polls_kept,
        count(*) FILTER (WHERE label = 'blocking' AND starts_with(call_id, 'mod')) AS checks_held FROM labels`,
    );
    expect(Number(counts?.polls_kept)).toBeGreaterThan(0.98 * 4608);
    expect(Number(counts?.checks_held)).toBeGreaterThan(0.95 * 3840);
  });

  test('a workload its time shape labels batchable, not its runs, holds no calls off its runs blocking', async () => {
    // An hourly poller on a project alone, day and night for three weeks: one worker, 2 to 6 calls of 10 s an hour,
    // 3 s apart. Three in five of its hours are under a burst's 5 calls, so they are off its runs, and the bursts miss
    // the cadence (intervals of up to three beats count on it, but with a burst in two hours of five about a fifth of
    // them are longer, and its start moves by up to 40 minutes in the hour); it is batchable for running flat through
    // the nights and weekends the org's people rest. That evidence is every call's, so its small hours are not another client's (hr-mx, a tune org, as a Helicone
    // export: 19% of its interview notes were held blocking so).
    const poller = `SELECT 'iv' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + h * INTERVAL 1 HOUR + (hash(h, 7) % 40) * INTERVAL 1 MINUTE + k * 13 * INTERVAL 1 SECOND AS ts,
        10000.0 AS latency_ms, 'proj_interviews' AS project FROM range(21 * 24) a(h), range(6) b(k) WHERE k < 2 + hash(h, 11) % 5`;
    // The org's people: streamed chats every minute of the working day, Monday to Friday.
    const office = `SELECT 'of' || d || '-' || k AS call_id, TIMESTAMPTZ '2026-10-05 08:00:00+00' + d * INTERVAL 1 DAY + k * INTERVAL 1 MINUTE AS ts,
        true AS streamed, 'u' || (k % 40) AS user_id, 'proj_web' AS project FROM range(21) a(d), range(600) b(k)
      WHERE isodow(TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY) <= 5`;
    await classified(interactiveBackdrop, office, poller);
    const [w] = await ws.all<{ label: string; off_run_req: bigint; requests: bigint; burst_req: bigint | null }>(
      "SELECT label, off_run_req, requests, burst_req FROM label_workloads WHERE workload LIKE 'proj_interviews%'",
    );
    expect(w?.label).toBe('non_blocking');
    expect(w?.burst_req).toBeNull();
    expect(Number(w?.off_run_req) / Number(w?.requests)).toBeGreaterThan(0.1);
    const [counts] = await ws.all<{ held: bigint }>("SELECT count(*) FILTER (WHERE label = 'blocking') AS held FROM labels WHERE starts_with(call_id, 'iv')");
    expect(counts?.held).toBe(0n);
  });

  test('with under half its requests in its runs, a workload whose users come back after think time holds its calls off the runs blocking: people among the job', async () => {
    // A cron job at 06:00 UTC, 4 workers of 25 calls, each carrying a customer (ids c0-c299 in turn: the same customer
    // again every third day), and a loop of 150 calls by hand in the small hours, carrying customers too: 43% of the
    // requests each, under the half at which runs alone make the calls off them another client's. Customers ask the
    // same project and model once an hour from midnight to 14:00 UTC, twice 42 s apart: 13% of the requests. The
    // customers' gaps drown in the job's (days), so no end-user evidence; the mixture is out of phase with the org's
    // people (pharmacy-de, a tune org, varied: its order bot under the refill reminders' key, project and model).
    const cron = `SELECT 'cron' || d || '-' || w || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 06:00:00+00' + d * INTERVAL 1 DAY + (w * 250 + k * 1100) * INTERVAL 1 MILLISECOND AS ts,
        1000.0 AS latency_ms, 'c' || ((d * 100 + w * 25 + k) % 300) AS user_id, 'proj_care' AS project FROM range(21) a(d), range(4) b(w), range(25) c(k)`;
    const byHand = `SELECT 'hand' || d || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY + (d % 4) * INTERVAL 1 HOUR + (hash(d) % 50) * INTERVAL 1 MINUTE + k * 1350 * INTERVAL 1 MILLISECOND AS ts,
        1200.0 AS latency_ms, 'c' || ((d * 100 + 100 + k) % 300) AS user_id, 'proj_care' AS project FROM range(14) a(d), range(150) c(k)`;
    const customers = `SELECT 'bot' || d || '-' || h || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR + (hash(d, h) % 50) * INTERVAL 1 MINUTE + k * 42 * INTERVAL 1 SECOND AS ts,
        2000.0 AS latency_ms, 'c' || (hash(d, h, 9) % 300) AS user_id, 'proj_care' AS project FROM range(21) a(d), range(15) b(h), range(2) c(k)`;
    await classified(interactiveBackdrop, cron, byHand, customers);
    const [w] = await ws.all<{ label: string; machine_share: number; off_run_req: bigint; requests: bigint }>(
      "SELECT label, machine_share, off_run_req, requests FROM label_workloads WHERE workload LIKE 'proj_care%'",
    );
    expect(w?.label).toBe('non_blocking');
    expect(w?.machine_share).toBeGreaterThan(0.3);
    expect(w?.machine_share).toBeLessThan(0.5);
    const [counts] = await ws.all<{ held: bigint; customers: bigint; kept: bigint; job: bigint }>(`SELECT
        count(*) FILTER (WHERE starts_with(call_id, 'bot') AND label = 'blocking') AS held, count(*) FILTER (WHERE starts_with(call_id, 'bot')) AS customers,
        count(*) FILTER (WHERE NOT starts_with(call_id, 'bot') AND label = 'non_blocking') AS kept, count(*) FILTER (WHERE NOT starts_with(call_id, 'bot')) AS job
      FROM labels WHERE starts_with(call_id, 'bot') OR starts_with(call_id, 'cron') OR starts_with(call_id, 'hand')`);
    // Two customers' calls came in the job's runs by chance: one is held, with the first call of a run by hand (hand2-0)
    // that started while it was in flight (runs.ts: absorbedOffRunSql; until 2026-12-07 both went with the job); the
    // other (bot2-5-1) still goes with the job.
    expect(counts).toEqual({ held: 629n, customers: 630n, kept: 4199n, job: 4200n });
    const held = await labelOf(ws, 'bot3-2-1');
    expect([held.label, held.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(held.reasons[0]).toMatch(
      /^this call came off the runs that make its workload a job, as 13% of its workload's requests did, .*under the same name \(its users come back after think time on \d+% of its requests: people\), held blocking/,
    );
  });

  // A cron launch at 06:00 UTC (4 workers of 25 calls), runs by hand at night (one worker, back to back), each call with
  // an id of its own, and visitors on the same project and model asking one question each under a fresh id, once an hour
  // from midnight to 14:00 UTC.
  const tripsJobWithVisitors = (o: { cronDays: number; handDays: number; handCalls: number }): string[] => [
    `SELECT 'cron' || d || '-' || w || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 06:00:00+00' + d * INTERVAL 1 DAY + (w * 250 + k * 1100) * INTERVAL 1 MILLISECOND AS ts,
        1000.0 AS latency_ms, 'm-' || d || '-' || w || '-' || k AS user_id, 'proj_trips' AS project FROM range(${o.cronDays}) a(d), range(4) b(w), range(25) c(k)`,
    `SELECT 'hand' || d || '-' || k AS call_id,
        TIMESTAMPTZ '2026-10-05 03:00:00+00' + d * INTERVAL 1 DAY + (d % 4) * INTERVAL 1 HOUR + (hash(d) % 50) * INTERVAL 1 MINUTE + k * 1350 * INTERVAL 1 MILLISECOND AS ts,
        1200.0 AS latency_ms, 'row-' || d || '-' || k AS user_id, 'proj_trips' AS project FROM range(${o.handDays}) a(d), range(${o.handCalls}) c(k)`,
    `SELECT 'pax' || d || '-' || h AS call_id,
        TIMESTAMPTZ '2026-10-05 00:00:00+00' + d * INTERVAL 1 DAY + h * INTERVAL 1 HOUR + (hash(d, h) % 50) * INTERVAL 1 MINUTE AS ts,
        2000.0 AS latency_ms, 'pax-' || d || '-' || h AS user_id, 'proj_trips' AS project FROM range(21) a(d), range(15) b(h)`,
  ];
  /** The visitors held blocking and the job's calls kept batchable, of tripsJobWithVisitors's. */
  const visitorAndJobCounts = async () =>
    (
      await ws.all<{ held: bigint; visitors: bigint; kept: bigint; job: bigint }>(`SELECT
        count(*) FILTER (WHERE starts_with(call_id, 'pax') AND label = 'blocking') AS held, count(*) FILTER (WHERE starts_with(call_id, 'pax')) AS visitors,
        count(*) FILTER (WHERE NOT starts_with(call_id, 'pax') AND label = 'non_blocking') AS kept, count(*) FILTER (WHERE NOT starts_with(call_id, 'pax')) AS job
      FROM labels WHERE starts_with(call_id, 'pax') OR starts_with(call_id, 'cron') OR starts_with(call_id, 'hand')`)
    )[0];

  test('with under half its requests in its runs, a workload whose calls off them are one-off ids one at a time holds them blocking: visitors among the job', async () => {
    // The job of the test above, each call carrying an id of its own (a recipient, a row), and visitors on the same
    // project and model asking one question each under a fresh id, once an hour from midnight to 14:00 UTC: 7% of the
    // requests, no returns, so the think-time test cannot see them. Most calls carry an id seen once, most of them in
    // minutes of 20+ calls: the ids signal labels the workload batchable, speaking for its busy minutes only
    // (airline-ca, a tune org, varied: passengers' check-in questions under the loyalty emails' key, project and model).
    await classified(interactiveBackdrop, ...tripsJobWithVisitors({ cronDays: 21, handDays: 14, handCalls: 150 }));
    const [w] = await ws.all<{ label: string; machine_share: number; once_share: number; repeat_calls: bigint }>(
      "SELECT label, machine_share, once_share, repeat_calls FROM label_workloads WHERE workload LIKE 'proj_trips%'",
    );
    expect(w?.label).toBe('non_blocking');
    expect(w?.machine_share).toBeGreaterThan(0.3);
    expect(w?.machine_share).toBeLessThan(0.5);
    expect(w?.once_share).toBeGreaterThan(0.8);
    expect(w?.repeat_calls).toBe(0n);
    const counts = await visitorAndJobCounts();
    // One visit came in the job's runs by chance (inside a burst's minutes): while it was in flight the first call of a
    // run by hand (hand2-0) started, not back to back, which the run holds only for being in flight with the visit
    // (runs.ts: absorbedOffRunSql). Both are held (until 2026-12-07 both went with the job).
    expect(counts).toEqual({ held: 315n, visitors: 315n, kept: 4199n, job: 4200n });
    const held = await labelOf(ws, 'pax3-2');
    expect([held.label, held.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(held.reasons[0]).toMatch(
      /^this call came off the runs that make its workload a job, as 7% of its workload's requests did, .*under the same name \(\d+% of its requests came outside minutes of 20\+ calls, most with an id seen at most twice: visitors one at a time\), held blocking/,
    );
  });

  test('visitors among a job its one-off ids label, with under a third of its requests in any one kind of run, are held blocking', async () => {
    // The test above with less of the job in runs of one kind: the cron launch on 6 days and, by hand, runs of 90 calls
    // (under a loop's 100) on 20 days; most calls still carry an id seen once in minutes of 20+ calls, so the ids signal
    // labels the workload batchable, and speaks for those minutes only. bet-ng (a tune org since its first run): voided
    // slips' settlement notes by hand carrying each bettor through the slip explainer's key, project and model, whose
    // uneven workers left 29% of the requests in its fan-out: the bettors' one-question visits, 1.4% of the dataset's
    // blocking spend, were labelled batchable with the job.
    await classified(interactiveBackdrop, ...tripsJobWithVisitors({ cronDays: 6, handDays: 20, handCalls: 90 }));
    const [w] = await ws.all<{ label: string; machine_share: number; once_share: number; tight_share: number }>(
      "SELECT label, machine_share, once_share, tight_share FROM label_workloads WHERE workload LIKE 'proj_trips%'",
    );
    expect(w?.label).toBe('non_blocking');
    expect(w?.machine_share).toBeLessThan(0.3);
    expect(w?.once_share).toBe(1);
    expect(w?.tight_share).toBeGreaterThan(0.5);
    const counts = await visitorAndJobCounts();
    expect(counts).toEqual({ held: 314n, visitors: 315n, kept: 2400n, job: 2400n });
    const held = await labelOf(ws, 'pax3-2');
    expect([held.label, held.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(held.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 12% of its workload's requests did, .*\(12% of its requests came outside minutes of 20\+ calls, most with an id seen at most twice: visitors one at a time\), held blocking/);
  });

  test('under a name no key gives, visitors off the runs of a job whose calls carry one-off ids are held blocking however few', async () => {
    // The nightly job with an account id per call (a sweep over accounts), and 30 of the documents, no id on them: 4% of
    // the requests, under the twentieth at which calls off a job's runs are held. Every call of the name is judged apart
    // (one-off ids, none at all), so it is one workload; but a job that sends an id per row and a service that sends
    // none are two clients, and the latter's calls come one at a time in the day. bet-ng as a Langfuse window (a tune
    // org): new sign-ups' ID checks, no user id, under the model of a 12-worker risk sweep with an account id per call,
    // 1.9% of the dataset's blocking spend labelled batchable with the sweep.
    await classified(interactiveBackdrop, nightly(", 'acct-' || d || '-' || k AS user_id"), `SELECT * FROM (${documents('')}) WHERE regexp_matches(call_id, '^doc[0-3]-([0-6])$')`);
    const [w] = await ws.all<{ workload: string; requests: bigint; off_run_req: bigint; id_split: boolean; shared_name: boolean }>(
      "SELECT workload, requests, off_run_req, id_split, shared_name FROM label_workloads WHERE workload LIKE 'proj_claims%'",
    );
    expect(w).toEqual({ workload: 'proj_claims · gpt-5.4 · chat', requests: 828n, off_run_req: 28n, id_split: false, shared_name: true });
    expect((await labelOf(ws, 'job1-50')).label).toBe('non_blocking');
    const doc = await labelOf(ws, 'doc1-5');
    expect([doc.label, doc.decided_by]).toEqual(['blocking', 'heuristic']);
    expect(doc.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 3% of its workload's requests did, .*visitors one at a time\), held blocking/);
  });

  test('under one API key the same: services share a key as they share a model, so the job is batchable and its off-run calls held blocking', async () => {
    // The documents carry a customer id each, as the job's calls do (a meter service's photo checks beside its nightly
    // bill run, both on its key: the eval's utility-ie).
    await classified(interactiveBackdrop, nightly(", 'key_claims' AS api_key, 'cu-' || k AS user_id"), documents(", 'key_claims' AS api_key, 'cu-' || (k + 7) AS user_id"));
    expect((await labelOf(ws, 'job1-50')).label).toBe('non_blocking');
    const doc = await labelOf(ws, 'doc1-5');
    expect([doc.label, doc.confidence, doc.decided_by]).toEqual(['blocking', 0.6, 'heuristic']);
    expect(doc.reasons[0]).toMatch(/^this call came off the runs that make its workload a job, as 16% of its workload's requests did/);
    const [counts] = await ws.all<{ held: bigint; docs: bigint; kept: bigint }>(
      `SELECT count(*) FILTER (WHERE label = 'blocking' AND starts_with(call_id, 'doc')) AS held, count(*) FILTER (WHERE starts_with(call_id, 'doc')) AS docs,
        count(*) FILTER (WHERE label = 'non_blocking' AND starts_with(call_id, 'job')) AS kept FROM labels`,
    );
    expect(counts).toEqual({ held: 150n, docs: 150n, kept: 800n });
  });

  test('under a key, a job\'s own calls in an episode of their own stay with it when they come paced by each other\'s ends, though in no run', async () => {
    // A slow pass of the job at 20:00 on one day: 150 calls of 10-50 s, each 1.5-4 s after the last one's end (no two
    // back to back: each its own run, off the runs), over two hours in an episode of its own: no loop, no launch (too
    // uneven a rate to be steady, too long for a burst). Paced as a machine is, not at random as the documents come:
    // under a key they stay with the job (b2b-office-varied's contract review, a held-out org); the documents are held.
    const slow = `SELECT 'slow' || k AS call_id,
        TIMESTAMPTZ '2026-10-07 20:00:00+00' + (sum(lat + gap) OVER (ORDER BY k) - lat - gap) * INTERVAL 1 MILLISECOND AS ts, lat::DOUBLE AS latency_ms,
        'proj_claims' AS project, 'key_claims' AS api_key, 'cu-' || (k + 500) AS user_id
      FROM (SELECT k, 10000 + hash(k, 'l') % 40000 AS lat, 1500 + hash(k, 'g') % 2500 AS gap FROM range(150) b(k))`;
    await classified(interactiveBackdrop, nightly(", 'key_claims' AS api_key, 'cu-' || k AS user_id"), documents(", 'key_claims' AS api_key, 'cu-' || (k + 7) AS user_id"), slow);
    const [counts] = await ws.all<{ kept: bigint; held: bigint }>(
      `SELECT count(*) FILTER (WHERE starts_with(call_id, 'slow') AND label = 'non_blocking') AS kept,
        count(*) FILTER (WHERE starts_with(call_id, 'doc') AND label = 'blocking') AS held FROM labels`,
    );
    expect(counts).toEqual({ kept: 150n, held: 150n });
  });

  test('under a key, a loop\'s own slow tail in the loop\'s episode stays with the job, though neither in a run nor paced', async () => {
    // A loop at 20:00 on one day: 150 calls back to back, then its last 60 rate-limited, each 15-60 s after the last
    // one's end (each its own run, off the runs; over 10 s, so not paced: the episode is 71% paced, under the 75% of a
    // paced one), all within 5 minutes of each other: one episode, which holds a loop of 100 calls or more.
    const loopWithTail = `SELECT 'tail' || k AS call_id,
        TIMESTAMPTZ '2026-10-07 20:00:00+00' + (sum(1000 + gap) OVER (ORDER BY k) - 1000 - gap) * INTERVAL 1 MILLISECOND AS ts, 1000.0 AS latency_ms,
        'proj_claims' AS project, 'key_claims' AS api_key, 'cu-' || (k + 500) AS user_id
      FROM (SELECT k, CASE WHEN k < 150 THEN 100 ELSE 15000 + hash(k, 'g') % 45000 END AS gap FROM range(210) b(k))`;
    await classified(interactiveBackdrop, nightly(", 'key_claims' AS api_key, 'cu-' || k AS user_id"), documents(", 'key_claims' AS api_key, 'cu-' || (k + 7) AS user_id"), loopWithTail);
    const [counts] = await ws.all<{ tail: bigint; loop: bigint; held: bigint }>(
      `SELECT count(*) FILTER (WHERE starts_with(call_id, 'tail') AND regexp_extract(call_id, '\\d+')::INTEGER >= 150 AND label = 'non_blocking') AS tail,
        count(*) FILTER (WHERE starts_with(call_id, 'tail') AND regexp_extract(call_id, '\\d+')::INTEGER < 150 AND label = 'non_blocking') AS loop,
        count(*) FILTER (WHERE starts_with(call_id, 'doc') AND label = 'blocking') AS held FROM labels`,
    );
    expect(counts).toEqual({ tail: 60n, loop: 150n, held: 150n });
  });

  test('a tag that names the work is the team’s word: the same calls follow the workload', async () => {
    await classified(interactiveBackdrop, nightly(`, '{"job":"claims"}' AS tags`), documents(`, '{"job":"claims"}' AS tags`));
    expect((await labelOf(ws, 'doc1-5')).label).toBe('non_blocking');
  });
});
