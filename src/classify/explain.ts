// `explain`: why a call or a workload got its label. Reads what classifyCalls left behind (labels,
// label_workloads, label_org_shape) and says what would change the decision.
import type { Workspace } from '../db/workspace.ts';
import { UsageError } from '../errors.ts';
import { inRunReasonPrefix, offRunReasonPrefix, offScheduleReasonPrefix, userLoopReasonPrefix } from './classify.ts';
import { nameAloneLeadPrefix } from './evidence.ts';
import { hourBucketWorkloadShare, minuteBucketsAdvice } from './signals/minute-buckets.ts';
import { freshTokensPerEstimatedRequest, weightSql } from './signals/per-call.ts';
import { maxActiveSlotShare, minHumanHoursOfDay, minInteractiveRequests } from './signals/time-shape.ts';

type Evidence = { k: number; side: 'wait' | 'free'; text: string };
type WorkloadRow = {
  workload: string; rows: bigint; requests: bigint; label: string; confidence: number; decided_by: string; reasons: string[];
  ev: Evidence[]; wait: number; free: number; uncounted_share: number; estimated: boolean; hour_bucket_share: number;
};
type CallRow = {
  call_id: string; ts: Date | null; granularity: string | null; provider: string | null; model: string | null; operation: string | null;
  lane: string | null; streamed: boolean | null; ttft_ms: number | null; cancelled: boolean | null; requests: bigint | null;
  api_key: string | null; api_key_name: string | null; project: string | null; user_id: string | null; session_id: string | null;
  trace_id: string | null; app: string | null; tags: string | null;
  workload: string; label: string; confidence: number; reasons: string[]; decided_by: string; rule_name: string | null;
  deadline_minutes: bigint | null; agent_chain: boolean;
};
/** One way a workload's rows were labelled: its label, what decided, and the first reason its rows were given. */
type Split = { label: string; decided_by: string; reason: string | null; calls: bigint; requests: bigint | null; uncounted: bigint; estimated: bigint };
type OrgShape = { weekly: boolean; slots: number; active_slots: number; active_hours: number; interactive_requests: number; flat: boolean; usable: boolean };

export type Explanation =
  | { readonly kind: 'call'; readonly call: CallRow; readonly workload: WorkloadRow; readonly org: OrgShape | undefined; readonly rulesFile: string | undefined }
  | { readonly kind: 'workload'; readonly workload: WorkloadRow; readonly splits: Split[]; readonly org: OrgShape | undefined; readonly rulesFile: string | undefined };

/** Finds `target` as a call id, else as a workload name; unknown -> UsageError with the closest workload names. */
export async function explainTarget(ws: Workspace, target: string, rulesFile: string | undefined): Promise<Explanation> {
  const org = (await ws.all<OrgShape>('SELECT * FROM label_org_shape'))[0];
  const calls = await ws.all<CallRow>(
    `SELECT c.call_id, c.ts, c.granularity, c.provider, c.model, c.operation, c.lane, c.streamed, c.ttft_ms, c.cancelled, c.requests,
       c.api_key, c.api_key_name, c.project, c.user_id, c.session_id, c.trace_id, c.app, c.tags::VARCHAR AS tags,
       l.workload, l.label, l.confidence, l.reasons, l.decided_by, l.rule_name, l.deadline_minutes, k.agent_chain
     FROM calls c JOIN label_keys k USING (call_key) JOIN label_outcomes l USING (outcome) WHERE c.call_id = $target LIMIT 1`,
    { target },
  );
  const call = calls[0];
  const name = call?.workload ?? target;
  const workload = (
    await ws.all<WorkloadRow>('SELECT workload, rows, requests, label, confidence, decided_by, reasons, ev, wait, free, uncounted_share, estimated, hour_bucket_share FROM label_workloads WHERE workload = $name', { name })
  )[0];
  if (call && workload) return { kind: 'call', call, workload, org, rulesFile };
  if (workload) {
    const splits = await ws.all<Split>(
      // By first reason too: rows labelled apart from their workload (a loop's calls, calls off a job's runs, a rule's,
      // a lane's) say why on their own line.
      `SELECT l.label, l.decided_by, l.reasons[1] AS reason, count(*) AS calls, sum(c.requests)::BIGINT AS requests,
         count(*) FILTER (WHERE c.requests IS NULL) AS uncounted, coalesce(sum(${weightSql('c.')}) FILTER (WHERE c.requests IS NULL), 0)::BIGINT AS estimated
       FROM label_outcomes l JOIN label_keys k USING (outcome) JOIN calls c USING (call_key) WHERE l.workload = $name GROUP BY ALL
       ORDER BY calls DESC, l.label, l.decided_by, reason`,
      { name },
    );
    return { kind: 'workload', workload, splits, org, rulesFile };
  }
  const close = await ws.all<{ workload: string }>(
    `SELECT workload FROM label_workloads ORDER BY jaro_winkler_similarity(lower(workload), lower($target)) DESC, workload LIMIT 3`,
    { target },
  );
  const hint = close.length > 0 ? `closest workloads: ${close.map((c) => `"${c.workload}"`).join(', ')}` : 'the database holds no calls; run `batchable ingest <files>` first';
  throw new UsageError(`explain ${target}: no call id or workload by that name; ${hint} (\`batchable audit --export-calls calls.csv\` lists every call id)`);
}

/**
 * The org's learned human hours, or why the time-shape signals do without them (classify.ts learnOrgShape): too few
 * clearly interactive requests, busy hours that are a job's (one or two hours of the day), people busy in most hours,
 * or people flat around the clock (a product used in every zone), where a workload's phase or flatness says nothing.
 */
function orgHoursText(org: OrgShape): string {
  const unit = org.weekly ? 'week' : 'day';
  if (org.usable) return `${org.active_slots} of ${org.slots} hours of the ${unit} (UTC), learned from ${Math.round(org.interactive_requests)} interactive requests`;
  if (org.interactive_requests < minInteractiveRequests) {
    return `not used: ${Math.round(org.interactive_requests)} clearly interactive requests (streamed, cancelled, named so, or end users with think time), under the ${minInteractiveRequests} needed`;
  }
  if (org.active_hours < minHumanHoursOfDay) {
    return `not used: the interactive traffic's busy hours fall in ${org.active_hours} hour${org.active_hours === 1 ? '' : 's'} of the day, under the ${minHumanHoursOfDay} people keep busy (a job's hour on a key or name that reads as people's)`;
  }
  if (org.flat) return `not used: the org's interactive traffic is flat around the clock (its quietest and busiest tenth of hours aside), as a product used in every zone is`;
  return `not used: people are busy in ${org.active_slots} of ${org.slots} hours of the ${unit}, more than ${Math.round(100 * maxActiveSlotShare)}% of them`;
}

export function renderExplanation(e: Explanation): string {
  const w = e.workload;
  const out: string[] = [];
  if (e.kind === 'call') {
    const c = e.call;
    out.push(`call ${c.call_id}: ${c.label} (confidence ${c.confidence.toFixed(2)}, decided by ${c.decided_by}${c.rule_name ? `: rule "${c.rule_name}"` : ''})`);
    out.push(`  workload   ${c.workload}`);
    const facts = [
      ['time', c.ts ? new Date(c.ts).toISOString() : '–'],
      ['model', [c.provider, c.model, c.operation].filter(Boolean).join(' / ')],
      ['lane', c.lane ?? '–'],
      ['granularity', `${c.granularity ?? 'call'}${c.requests !== null ? `, ${c.requests} request(s)` : ''}`],
      ['streamed', c.streamed === null ? 'unknown' : String(c.streamed)],
      ['ttft', c.ttft_ms === null ? '–' : `${c.ttft_ms} ms`],
      ['cancelled', c.cancelled === null ? 'unknown' : String(c.cancelled)],
      ['agent chain', c.agent_chain ? 'yes (a step within 2 s of another in its trace/session)' : 'no'],
      ['key', [c.api_key_name, c.api_key].filter(Boolean).join(' ') || '–'],
      ['project', c.project ?? '–'],
      ['user', c.user_id ?? '–'],
      ['trace', c.trace_id ?? c.session_id ?? '–'],
      ['tags', c.tags ?? '–'],
    ];
    for (const [k, v] of facts) out.push(`  ${(k ?? '').padEnd(10)} ${v}`);
    if (c.deadline_minutes !== null) out.push(`  deadline   ${c.deadline_minutes} min (set by a rule)`);
    out.push('', 'reasons (deciding first):', ...c.reasons.map((r) => `  - ${r}`));
  } else {
    out.push(`workload ${w.workload}: ${w.label} (confidence ${w.confidence.toFixed(2)}, decided by ${w.decided_by})`);
    // Rows without a request count (Anthropic usage reports) stay unknown: never counted as one request each; the
    // estimate labelling read from their tokens is shown beside them.
    const known = e.splits.reduce((n, s) => n + (s.requests ?? 0n), 0n);
    const uncounted = e.splits.reduce((n, s) => n + s.uncounted, 0n);
    const estimated = e.splits.reduce((n, s) => n + s.estimated, 0n);
    out.push(`  ${w.rows} row(s), ${uncounted === 0n ? `${known} request(s)` : `${known} request(s) known, ${uncounted} row(s) without a request count (about ${estimated} requests, estimated from their tokens)`}`);
    // A split's first reason is shown where it is not the workload's own: the rows labelled apart say why.
    for (const s of e.splits) {
      const why = s.reason !== null && s.reason !== w.reasons[0] ? `: ${s.reason}` : '';
      out.push(`  ${String(s.calls).padStart(8)} row(s) ${s.label} (${s.decided_by})${why}`);
    }
    out.push('', 'reasons (deciding first):', ...w.reasons.map((r) => `  - ${r}`));
  }
  out.push('', `signals seen in workload "${w.workload}":`);
  if (w.ev.length === 0) out.push('  (none)');
  for (const ev of w.ev) out.push(`  ${ev.side === 'wait' ? 'someone waits ' : 'nobody waits  '} ${(-ev.k).toFixed(2)}  ${ev.text}`);
  out.push(`  strongest "someone waits" ${w.wait.toFixed(2)}, combined "nobody waits" ${w.free.toFixed(2)}`);
  if (e.org) out.push(`  org human hours: ${orgHoursText(e.org)}`);
  if (w.estimated) {
    out.push(`  time shape: read from tokens: ${Math.round(100 * w.uncounted_share)}% of its rows are usage rows that count no requests (Anthropic's usage report and Console export), so its requests are estimated as one per ${freshTokensPerEstimatedRequest.toLocaleString('en-US')} fresh tokens (input not read from the cache, cache writes and output): its volume over hours and days is its tokens'`);
  }
  out.push('', 'what would change the decision:', ...whatWouldChange(e).map((t) => `  - ${t}`));
  return `${out.join('\n')}\n`;
}

function whatWouldChange(e: Explanation): string[] {
  const w = e.workload;
  const decidedBy = e.kind === 'call' ? e.call.decided_by : w.decided_by;
  const label = e.kind === 'call' ? e.call.label : w.label;
  const rulesFile = e.rulesFile ?? 'a rules file (--rules FILE)';
  const rule = (what: string) => `a rule in ${rulesFile}: - match: { workload: "${w.workload}" }\n      ${what}`;
  if (decidedBy === 'lane') return ['nothing: it was billed on a discounted async lane, so it was not waited on and is already discounted'];
  if (decidedBy === 'rule' && e.kind === 'call') {
    return [`the rule "${e.call.rule_name}" decides; without it the heuristics say ${w.label} (confidence ${w.confidence.toFixed(2)})`];
  }
  const waits = w.ev.filter((x) => x.side === 'wait');
  const frees = w.ev.filter((x) => x.side === 'free');
  if (label === 'blocking') {
    const lines = [rule('deadline: 12h   # or label: non_blocking; any deadline of 1h or more means batchable')];
    if (e.kind === 'call' && decidedBy === 'heuristic' && w.label === 'non_blocking' && e.call.reasons[0]?.startsWith(offRunReasonPrefix)) {
      lines.unshift('give the job or the other client a key, project or tag of its own: each is then labelled on its own evidence (a rule on the workload labels both)');
    } else if (e.kind === 'call' && decidedBy === 'heuristic' && w.label === 'non_blocking' && e.call.reasons[0]?.startsWith(offScheduleReasonPrefix)) {
      lines.unshift('give the job a key, project or tag of its own: its rows and the people\'s are then labelled on their own evidence (a rule on the workload labels both)');
    } else if (e.kind === 'call' && decidedBy === 'heuristic' && w.label === 'non_blocking') {
      lines.unshift('this call carries per-call evidence that someone waits (streamed, cancelled, agent chain or priority lane); only a rule overrides it');
    } else if (w.reasons[0]?.startsWith(nameAloneLeadPrefix) === true) {
      lines.push('its calls coming in a machine\'s runs would flip it (serial runs or fan-out of back-to-back calls, a cron or full-rate launch, bursts on a clock), or another sign of a job beside its name (traffic out of phase with human hours, user ids that are not people, bulk embeddings): a name alone does not label batchable calls that came one at a time');
    } else if (waits.length > 0) {
      lines.push(`the heuristics would say non_blocking without: ${waits.map((x) => x.text.split(':')[0]).join(', ')}${frees.length === 0 ? ', and with a clear sign of a job (job names/tags, off-hours or flat traffic, serial runs or fan-out, a cron launch, recurring bursts (a poller), bulk embeddings)' : ''}`);
    } else if (w.estimated) {
      // Its rows count no requests: the signs read from one call's pace (runs, bursts, users) cannot run there.
      lines.push('evidence of a job in its tokens over hours and days would flip it (the same 3 hours of the day, on/off hours, irregular or lumpy days, out of phase with human hours), or names or tags like nightly, etl, eval; its rows count no requests, so the signs read from one call\'s pace (serial runs, fan-out, a poller\'s bursts) cannot run: a per-call log of the same traffic (a gateway\'s or tracer\'s) would show them');
    } else {
      lines.push('evidence of a job would flip it: names/tags like nightly, etl, eval; traffic out of phase with human hours (flat 24/7 only beside another sign); serial runs or fan-out of back-to-back calls; a cron or full-rate launch; bursts on a clock (a poller); user ids that are not people; bulk embeddings');
    }
    // An hour's bucket hides a poller's few minutes of work: minute buckets show them (signals/minute-buckets.ts).
    if (w.hour_bucket_share >= hourBucketWorkloadShare && frees.length === 0) {
      lines.push(`its rows are usage buckets of an hour, where a poller's few minutes of work an hour look like any busy hour: the same usage in minute buckets would show its bursts (${minuteBucketsAdvice})`);
    }
    return lines;
  }
  if (e.kind === 'call' && decidedBy === 'heuristic' && w.label === 'blocking' && [userLoopReasonPrefix, inRunReasonPrefix].some((p) => e.call.reasons[0]?.startsWith(p))) {
    return [
      'give the script its own key, project or tag: its calls are then labelled on their own evidence, apart from the people\'s',
      rule('label: blocking   # labels the loop\'s calls with the rest of the workload'),
    ];
  }
  return [
    rule('label: blocking   # or deadline: 30m (under 1 h means blocking)'),
    `the heuristics would say blocking with evidence that someone waits: streaming or a time to first token, cancelled calls, end users with think-time gaps, chained agent steps${frees.length > 0 ? ` (it now rests on: ${frees.map((x) => x.text.split(':')[0]).join(', ')})` : ''}`,
  ];
}
