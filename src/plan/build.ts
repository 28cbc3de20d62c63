// From the plan query's groups to the plan: per workload worth moving, where it goes, how many jobs a day under
// the target's documented limits, when to submit, what it saves (as `audit` counts it), the request and result
// lines, and the risks. Pure: no database, no printing. Money stays integer micro-dollars (bigint).
import { formatUsd as usd } from '../report/money.ts';
import { roundDiv } from '../simulate/fraction.ts';
import { batchTargetFor, limitsCheckedOn, noTargetReason, targets, type Target, type TargetId } from './limits.ts';
import { bytesPerInputToken, cadences, envelopeBytes, type PlanGroupRow } from './query.ts';
import { templateFor, type Template } from './templates.ts';

export type PlanOptions = {
  /** The plumbing's fixed cost per 30 days (--min-saving): a move must save more than this. */
  readonly minSavingMicros: bigint;
  readonly period: { readonly first: bigint | null; readonly last: bigint | null };
  /**
   * Catalog ids with a published flex price (an explicit `lanes.flex` entry): OpenAI serves flex on some models
   * only. Absent: any model whose rates include a flex lane.
   */
  readonly flexModels?: ReadonlySet<string> | undefined;
};

export type Schedule = {
  /** Hours between submissions (24: once a day); null on a synchronous lane. */
  readonly cadenceHours: number | null;
  /** Submission times, UTC HH:MM. */
  readonly submitAtUtc: readonly string[];
  /** Days in the period with traffic / days in the period: a weekly job runs on few of them. */
  readonly activeDays: number;
  readonly jobsPerSubmission: number | null;
  readonly jobsPerDay: number | null;
  /** The limit that set the job count ('requests', 'bytes', 'embedding inputs'), or 'none' when one job holds a submission. */
  readonly limitedBy: 'requests' | 'bytes' | 'embedding inputs' | 'none' | null;
  /**
   * The busiest submission: requests (null when its rows count none), input tokens and estimated file bytes (without
   * the uncounted requests' envelopes then: a floor).
   */
  readonly busiestSubmission: { readonly requests: bigint | null; readonly inputTokens: bigint; readonly bytes: bigint } | null;
  readonly text: string;
};

export type PlanEntry = {
  readonly workload: string;
  readonly target: TargetId;
  readonly targetName: string;
  readonly model: string;
  readonly catalogId: string | null;
  readonly operation: string;
  /**
   * Null when some of the workload's usage rows count no requests (Anthropic's usage report): the count, the
   * requests per day, hour and minute, and the jobs a request limit needs are unknown, not the rows' number.
   */
  readonly requests: bigint | null;
  /** Usage rows that count no requests (0 for per-call data and sources that count them). */
  readonly uncountedRows: bigint;
  readonly tokens: { readonly input: bigint; readonly cacheRead: bigint; readonly cacheWrite: bigint; readonly output: bigint };
  readonly perDay: { readonly requests: bigint | null; readonly inputTokens: bigint; readonly outputTokens: bigint };
  readonly busiestHour: { readonly at: string; readonly requests: bigint | null; readonly inputTokens: bigint; readonly outputTokens: bigint };
  readonly peakPerMinute: { readonly requests: bigint | null; readonly inputTokens: bigint };
  readonly deadlineMinutes: number | null;
  readonly schedule: Schedule;
  readonly money: {
    readonly nowMicros: bigint;
    readonly targetMicros: bigint;
    readonly savingsMicros: bigint;
    readonly monthlySavingsMicros: bigint | undefined;
    /** Monthly (or, under a day of data, the period's) saving minus the plumbing's fixed cost. */
    readonly afterFixedMicros: bigint;
  };
  /**
   * suggested: null when nothing shows a request's output (rows that count no requests); the request line then
   * carries unknownMaxOutputTokens as a placeholder, and a risk says to set the calls' own limit.
   */
  readonly maxOutputTokens: { readonly suggested: number | null; readonly observedMax: bigint | null; readonly p95: bigint | null };
  readonly template: Template;
  readonly risks: readonly string[];
};

/** requests: null when some of the rows count none (as PlanEntry.requests). */
export type Skipped = { readonly workload: string; readonly model: string | null; readonly requests: bigint | null; readonly savingsMicros: bigint; readonly reason: string };

export type Plan = {
  readonly period: { readonly since: string | null; readonly until: string | null; readonly seconds: bigint | null };
  readonly minSavingMicros: bigint;
  readonly limitsCheckedOn: string;
  readonly entries: readonly PlanEntry[];
  readonly skipped: readonly Skipped[];
  readonly totals: { readonly savingsMicros: bigint; readonly monthlySavingsMicros: bigint | undefined; readonly afterFixedMicros: bigint; readonly jobsPerDay: number };
  /** The targets the plan uses, with their limits and sources. */
  readonly targets: readonly Target[];
};

const picoPerMicro = 1_000_000n;
const thirtyDays = 30n * 86_400n;
const minPeriodSeconds = 86_400n;
/** A scheduled run: 95% of its requests fall within this many consecutive hours of the day. */
const burstHours = 6;
/** With no deadline, spread-out work is collected and submitted every this many hours. */
const defaultCadence = 6;
/**
 * The max output a request line carries when nothing shows a request's output (usage rows that count no requests):
 * a placeholder, said as such in the risks; a batch request needs one (Anthropic's max_tokens is required).
 */
export const unknownMaxOutputTokens = 4096;

const micros = (pico: bigint): bigint => roundDiv(pico, picoPerMicro);
const iso = (s: bigint): string => new Date(Number(s) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hhmm = (h: number, m = 0) => `${String(h % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const count = (n: bigint | number) => n.toLocaleString('en-US');
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

export function buildPlan(groups: readonly PlanGroupRow[], o: PlanOptions): Plan {
  const seconds = o.period.first !== null && o.period.last !== null ? o.period.last - o.period.first : null;
  const long = seconds !== null && seconds >= minPeriodSeconds ? seconds : undefined;
  const monthly = (m: bigint): bigint | undefined => (long === undefined ? undefined : roundDiv(m * thirtyDays, long));
  const periodDays = seconds === null ? 1 : Math.max(1, Math.ceil(Number(seconds) / 86_400));

  const entries: PlanEntry[] = [];
  const skipped: Skipped[] = [];
  for (const g of groups) {
    const now = micros(g.now_pico);
    if (g.pool === 'cannot') {
      skipped.push({ workload: g.workload, model: g.model, requests: knownRequests(g), savingsMicros: 0n, reason: `its provider's batch lane does not take ${g.model} (${g.operation}); no saving counted` });
      continue;
    }
    const batchTarget = batchTargetFor(g.source_provider, g.price_provider);
    if (batchTarget === null) {
      skipped.push({ workload: g.workload, model: g.model, requests: knownRequests(g), savingsMicros: 0n, reason: noTargetReason(g.price_provider) });
      continue;
    }
    const deadline = g.deadline_minutes === null ? null : Number(g.deadline_minutes);
    const tight = deadline !== null && deadline < 24 * 60;
    const flex = targets['openai-flex'];
    const flexServed = g.flex_pico !== null && (o.flexModels === undefined || (g.catalog_id !== null && o.flexModels.has(g.catalog_id)));
    const useFlex = tight && batchTarget === 'openai-batch' && flexServed && flex.operations.includes(g.operation);
    const target = targets[useFlex ? 'openai-flex' : batchTarget];
    const targetMicros = micros((useFlex ? g.flex_pico : g.batch_pico) ?? g.now_pico);
    const savings = now - targetMicros;
    const perMonth = monthly(savings);
    const afterFixed = (perMonth ?? savings) - o.minSavingMicros;
    if (savings <= 0n || afterFixed <= 0n) {
      skipped.push({
        workload: g.workload, model: g.model, requests: knownRequests(g), savingsMicros: savings,
        reason: `low volume: ${target.name} saves ${usd(perMonth ?? savings)}${perMonth === undefined ? ' in this period' : ' per 30 days'}, not more than the plumbing's fixed cost (--min-saving ${usd(o.minSavingMicros)}); stay synchronous`,
      });
      continue;
    }
    const activeDays = Number(g.days_active);
    const counted = requestsCounted(g);
    const schedule = scheduleFor(g, target, deadline, periodDays, activeDays);
    const suggested = maxTokensFor(g);
    entries.push({
      workload: g.workload,
      target: target.id,
      targetName: target.name,
      model: g.model,
      catalogId: g.catalog_id,
      operation: g.operation,
      requests: knownRequests(g),
      uncountedRows: g.uncounted_rows,
      tokens: { input: g.in_tok, cacheRead: g.cr_tok, cacheWrite: g.cw5_tok + g.cw1h_tok, output: g.out_tok },
      perDay: {
        requests: counted ? roundDiv(g.requests, BigInt(activeDays)) : null,
        inputTokens: roundDiv(g.in_tok + g.cr_tok + g.cw5_tok + g.cw1h_tok, BigInt(activeDays)),
        outputTokens: roundDiv(g.out_tok, BigInt(activeDays)),
      },
      busiestHour: { at: g.busiest_hour, requests: counted ? g.busiest_hour_requests : null, inputTokens: g.busiest_hour_input, outputTokens: g.busiest_hour_output },
      peakPerMinute: { requests: counted ? g.peak_minute_requests : null, inputTokens: g.peak_minute_input },
      deadlineMinutes: deadline,
      schedule,
      money: { nowMicros: now, targetMicros, savingsMicros: savings, monthlySavingsMicros: perMonth, afterFixedMicros: afterFixed },
      maxOutputTokens: { suggested, observedMax: g.out_max, p95: g.out_p95 },
      template: templateFor({ target: target.id, workload: g.workload, model: g.model, operation: g.operation, maxTokens: suggested ?? unknownMaxOutputTokens }),
      risks: [
        ...risksFor(g, target, deadline, schedule, monthly),
        ...(tight && batchTarget === 'openai-batch' && !useFlex ? [`flex processing is not an option here: the catalog publishes no flex price for ${g.model} (${g.operation})`] : []),
      ],
    });
  }
  entries.sort((a, b) => (a.money.savingsMicros === b.money.savingsMicros ? a.workload.localeCompare(b.workload) : a.money.savingsMicros > b.money.savingsMicros ? -1 : 1));
  skipped.sort((a, b) => (a.savingsMicros === b.savingsMicros ? a.workload.localeCompare(b.workload) : a.savingsMicros > b.savingsMicros ? -1 : 1));
  const total = entries.reduce((s, e) => s + e.money.savingsMicros, 0n);
  const used = [...new Set(entries.map((e) => e.target))].sort().map((id) => targets[id]);
  return {
    period: { since: o.period.first === null ? null : iso(o.period.first), until: o.period.last === null ? null : iso(o.period.last), seconds },
    minSavingMicros: o.minSavingMicros,
    limitsCheckedOn,
    entries,
    skipped,
    totals: {
      savingsMicros: total,
      monthlySavingsMicros: monthly(total),
      afterFixedMicros: entries.reduce((s, e) => s + e.money.afterFixedMicros, 0n),
      jobsPerDay: entries.reduce((s, e) => s + (e.schedule.jobsPerDay ?? 0), 0),
    },
    targets: used,
  };
}

/** The group's request count, or null when some of its rows count none (a count of the others would pass for all). */
const knownRequests = (g: PlanGroupRow): bigint | null => (requestsCounted(g) ? g.requests : null);
/** Whether every row of the group counts its requests (none is a usage row that counts none). */
const requestsCounted = (g: PlanGroupRow): boolean => g.uncounted_rows === 0n;

/**
 * The calls' largest output, rounded up to a multiple of 256 (at least 256): a batch that truncates must rerun.
 * Buckets show no call's output: twice their mean per request. Null when no request count gives a mean.
 */
function maxTokensFor(g: PlanGroupRow): number | null {
  if (g.out_max === null && (!requestsCounted(g) || g.requests === 0n)) return null;
  const basis = g.out_max ?? ceilDiv(g.out_tok * 2n, g.requests);
  return Math.max(256, Number(ceilDiv(basis, 256n)) * 256);
}

/** The smallest run of consecutive hours of the day (wrapping midnight) that holds 95% of the requests. */
function burstOf(hourOfDay: readonly bigint[]): { start: number; hours: number } {
  const total = hourOfDay.reduce((a, b) => a + b, 0n);
  for (let hours = 1; hours <= 24; hours++) {
    let best: { start: number; n: bigint } | undefined;
    for (let start = 0; start < 24; start++) {
      let n = 0n;
      for (let k = 0; k < hours; k++) n += hourOfDay[(start + k) % 24] ?? 0n;
      if (best === undefined || n > best.n) best = { start, n };
    }
    if (best !== undefined && best.n * 100n >= total * 95n) return { start: best.start, hours };
  }
  return { start: 0, hours: 24 };
}

function scheduleFor(g: PlanGroupRow, target: Target, deadline: number | null, periodDays: number, activeDays: number): Schedule {
  if (target.kind === 'sync') {
    return {
      cadenceHours: null, submitAtUtc: [], activeDays, jobsPerSubmission: null, jobsPerDay: null, limitedBy: null, busiestSubmission: null,
      text: `send each request as it arrives, as today, with service_tier "flex"; the answer comes back in the response (allow up to 15 minutes)`,
    };
  }
  // Rows that count no requests show when work ran by their tokens only.
  const burst = burstOf(requestsCounted(g) ? g.hour_of_day : g.hour_of_day_tokens);
  const scheduled = burst.hours <= burstHours;
  const window = target.windowHours?.value ?? 24;
  // Cadence: a scheduled run is submitted once, when its inputs are ready (the hour its calls start today).
  // Spread-out work is collected and submitted every few hours: as often as the deadline needs, else every 6 h.
  let cadence: number;
  if (scheduled) cadence = 24;
  else if (deadline === null) cadence = defaultCadence;
  else if (deadline < window * 60 + 60) cadence = 1;
  else cadence = [...cadences].reverse().find((c) => c * 60 <= deadline - window * 60) ?? 1;
  const w = g.windows.find((x) => x.hours === cadence) ?? g.windows[g.windows.length - 1];
  const counted = requestsCounted(g);
  const busiest = w === undefined ? null : { requests: counted ? w.max_requests : null, inputTokens: w.max_input, bytes: w.max_bytes };
  const counts: { by: Schedule['limitedBy']; jobs: bigint }[] = [{ by: 'none', jobs: 1n }];
  if (busiest !== null) {
    const maxReq = target.maxRequestsPerJob.value;
    const maxBytes = target.maxBytesPerJob.value;
    const maxEmb = target.maxEmbeddingInputsPerJob?.value;
    // Unknown request counts limit nothing the plan can count (a risk says so); the size still does.
    if (maxReq !== null && busiest.requests !== null) counts.push({ by: 'requests', jobs: ceilDiv(busiest.requests, BigInt(maxReq)) });
    if (maxBytes !== null) counts.push({ by: 'bytes', jobs: ceilDiv(busiest.bytes, BigInt(maxBytes)) });
    // Usage rows do not show array inputs: one embedding input per request is assumed.
    if (maxEmb !== undefined && g.operation === 'embeddings' && busiest.requests !== null) counts.push({ by: 'embedding inputs', jobs: ceilDiv(busiest.requests, BigInt(maxEmb)) });
  }
  const limiting = counts.reduce((a, b) => (b.jobs > a.jobs ? b : a));
  const jobsPerSubmission = Number(limiting.jobs);
  const submissionsPerDay = 24 / cadence;
  const submitAt = scheduled ? [hhmm(burst.start)] : Array.from({ length: submissionsPerDay }, (_, i) => hhmm(i * cadence, 5));
  const runsOn = activeDays < periodDays ? ` on the days it runs (${activeDays} of ${periodDays} days)` : ' every day';
  const resultsBy = `results within ${window} h of each submission (usually much sooner)`;
  const text = scheduled
    ? `once a day at ${submitAt[0]} UTC${runsOn} (today's run starts then and lasts about ${burst.hours} h): build the file from the same inputs and submit it instead; ${resultsBy}`
    : `every ${cadence} h at ${submitAt.join(', ')} UTC, with the requests collected since the last submission${deadline === null ? ' (no deadline is known: every 6 h keeps the wait under 30 h)' : ''}; ${resultsBy}`;
  return {
    cadenceHours: cadence,
    submitAtUtc: submitAt,
    activeDays,
    jobsPerSubmission,
    jobsPerDay: jobsPerSubmission * (scheduled ? 1 : submissionsPerDay),
    limitedBy: limiting.by,
    busiestSubmission: busiest,
    text,
  };
}


const duration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`);

function risksFor(g: PlanGroupRow, target: Target, deadline: number | null, s: Schedule, monthly: (m: bigint) => bigint | undefined): string[] {
  const risks: string[] = [];
  if (g.chain_requests > 0n) {
    risks.push(`${count(g.chain_requests)} of ${count(g.requests)} requests are steps of a chained loop (each waits on the one before): batching adds up to ${target.windowHours?.value ?? 24} h per step; batch only independent first steps, keep the chain synchronous`);
  }
  if (deadline !== null && deadline < 24 * 60) {
    risks.push(
      target.kind === 'sync'
        ? `deadline ${duration(deadline)} (rule): under the 24 h batch window, so flex instead of batch: same rates as batch, answer in the response; flex may answer 429 "resource unavailable": retry with backoff and send without service_tier when the deadline nears`
        : `deadline ${duration(deadline)} (rule) is under the ${target.windowHours?.value ?? 24} h window: batches usually return sooner, but only the window is promised; submit as soon as inputs are ready and send anything not back by the deadline synchronously`,
    );
  }
  if (g.cr_tok > 0n && target.kind === 'batch' && g.cache_loss_pico !== null) {
    const loss = micros(g.cache_loss_pico);
    const perMonth = monthly(loss);
    risks.push(
      `prompt caching: ${count(g.cr_tok)} input tokens are cache reads today; a cache entry lives 5 minutes (1 h at most), shorter than a batch's turnaround, so hits inside a batch are best-effort. ` +
        `If none survived, the saving drops by ${usd(loss)}${perMonth === undefined ? '' : ` (${usd(perMonth)} per 30 days)`}: put requests that share a prefix in the same batch`,
    );
  }
  const counted = requestsCounted(g);
  if (target.kind === 'batch') {
    // A usage row holds its bucket's work at the bucket's start: its "minute" is an hour or a day of calls.
    const peak =
      g.bucket_rows > 0n
        ? `${counted ? `${count(g.busiest_hour_requests)} requests and ` : ''}${count(g.busiest_hour_input)} input tokens in the busiest hour (usage rows show hours or days, not minutes)`
        : `${count(g.peak_minute_requests)} requests and ${count(g.peak_minute_input)} input tokens a minute at peak`;
    risks.push(`rate limits relieved: up to ${peak} leave the synchronous limits (batch jobs have their own pool)`);
  }
  if (!counted) {
    const limit = target.maxRequestsPerJob.value === null ? '' : `, whether a submission stays under ${count(target.maxRequestsPerJob.value)} requests a job`;
    risks.push(
      `request count unknown: ${count(g.uncounted_rows)} usage row(s) count no requests (tokens only, as Anthropic's usage report): how many requests${limit} and each request's output are not shown; ` +
        `sizes come from the tokens (without each request's ~${envelopeBytes}-byte envelope: a floor), times are hourly or daily; ` +
        `the request line's max output of ${count(unknownMaxOutputTokens)} tokens is a placeholder: set your calls' own. Count the requests in the application's own log before sizing jobs`,
    );
  } else if (g.bucket_requests > 0n) {
    risks.push(`no per-call evidence for ${count(g.bucket_requests)} of ${count(g.requests)} requests (aggregated usage rows): sizes, times and the busiest hour are bucket averages; check job sizes against the request log`);
  }
  if (target.kind === 'batch' && target.enqueuedTokens.value === null && target.enqueuedTokens.note !== undefined && s.busiestSubmission !== null) {
    risks.push(`queue limit: the busiest submission enqueues ${count(s.busiestSubmission.inputTokens)} input tokens; ${target.enqueuedTokens.note}`);
  }
  if (target.kind === 'batch' && target.maxRequestsPerJob.value === null) {
    risks.push(`${target.name}: ${target.maxRequestsPerJob.note ?? 'no per-job request limit is published'}; jobs counted by size only`);
  }
  return risks;
}

export { bytesPerInputToken, envelopeBytes };
