// The plan's JSON contract, documented in docs/plan-json.md. Money: USD numbers with at most 6 decimals, written
// from integer micro-dollars as exact decimal text (never through a JS double); counts are exact integers; times
// ISO 8601 UTC. Templates are the lines themselves (strings).
import type { Plan, PlanEntry } from '../../plan/build.ts';
import { intJson, type JsonDecimal, stringifyJson, usdJson } from '../json-number.ts';

/** Bump on any change that can break a reader: renamed or removed fields, changed meaning or units. */
// 2: request counts are null where usage rows count no requests (they were counted as one request a row), with
// uncounted_rows beside them; max_output_tokens.suggested is null when nothing shows a request's output.
export const planSchemaVersion = 2;

const n = (v: bigint): JsonDecimal => intJson(v);
/** A count that may be unknown (requests of rows that count none): null then, never 0. */
const nOrNull = (v: bigint | null): JsonDecimal | null => (v === null ? null : intJson(v));
const usdOrNull = (v: bigint | undefined) => (v === undefined ? null : usdJson(v));

const entryJson = (e: PlanEntry) => ({
  workload: e.workload,
  target: e.target,
  target_name: e.targetName,
  model: e.model,
  catalog_id: e.catalogId,
  operation: e.operation,
  requests: nOrNull(e.requests),
  uncounted_rows: n(e.uncountedRows),
  tokens: { input: n(e.tokens.input), cache_read: n(e.tokens.cacheRead), cache_write: n(e.tokens.cacheWrite), output: n(e.tokens.output) },
  per_day: { requests: nOrNull(e.perDay.requests), input_tokens: n(e.perDay.inputTokens), output_tokens: n(e.perDay.outputTokens) },
  busiest_hour: { at: e.busiestHour.at, requests: nOrNull(e.busiestHour.requests), input_tokens: n(e.busiestHour.inputTokens), output_tokens: n(e.busiestHour.outputTokens) },
  peak_per_minute: { requests: nOrNull(e.peakPerMinute.requests), input_tokens: n(e.peakPerMinute.inputTokens) },
  deadline_minutes: e.deadlineMinutes,
  schedule: {
    cadence_hours: e.schedule.cadenceHours,
    submit_at_utc: e.schedule.submitAtUtc,
    active_days: e.schedule.activeDays,
    jobs_per_submission: e.schedule.jobsPerSubmission,
    jobs_per_day: e.schedule.jobsPerDay,
    limited_by: e.schedule.limitedBy,
    busiest_submission:
      e.schedule.busiestSubmission === null
        ? null
        : { requests: nOrNull(e.schedule.busiestSubmission.requests), input_tokens: n(e.schedule.busiestSubmission.inputTokens), bytes: n(e.schedule.busiestSubmission.bytes) },
    text: e.schedule.text,
  },
  money: {
    current_usd: usdJson(e.money.nowMicros),
    target_usd: usdJson(e.money.targetMicros),
    savings_usd: usdJson(e.money.savingsMicros),
    monthly_savings_usd: usdOrNull(e.money.monthlySavingsMicros),
    after_fixed_cost_usd: usdJson(e.money.afterFixedMicros),
  },
  max_output_tokens: { suggested: e.maxOutputTokens.suggested, observed_max: e.maxOutputTokens.observedMax === null ? null : n(e.maxOutputTokens.observedMax), p95: e.maxOutputTokens.p95 === null ? null : n(e.maxOutputTokens.p95) },
  template: {
    request_line: e.template.requestLine,
    result_line: e.template.resultLine,
    id_scheme: e.template.idScheme,
    submit: e.template.submit,
    read_back: e.template.readBack,
  },
  risks: e.risks,
});

export function planJson(p: Plan): unknown {
  return {
    schema_version: planSchemaVersion,
    command: 'plan',
    period: { since: p.period.since, until: p.period.until, days: p.period.seconds === null ? null : Math.round((Number(p.period.seconds) / 86_400) * 1e6) / 1e6 },
    assumptions: { min_saving_usd: usdJson(p.minSavingMicros), limits_checked_on: p.limitsCheckedOn },
    totals: {
      workloads: p.entries.length,
      savings_usd: usdJson(p.totals.savingsMicros),
      monthly_savings_usd: usdOrNull(p.totals.monthlySavingsMicros),
      after_fixed_cost_usd: usdJson(p.totals.afterFixedMicros),
      jobs_per_day: p.totals.jobsPerDay,
    },
    workloads: p.entries.map(entryJson),
    not_moved: p.skipped.map((s) => ({ workload: s.workload, model: s.model, requests: nOrNull(s.requests), savings_usd: usdJson(s.savingsMicros), reason: s.reason })),
    limits: p.targets.map((t) => ({
      target: t.id,
      name: t.name,
      window_hours: t.windowHours?.value ?? null,
      max_requests_per_job: t.maxRequestsPerJob.value,
      max_bytes_per_job: t.maxBytesPerJob.value,
      max_embedding_inputs_per_job: t.maxEmbeddingInputsPerJob?.value ?? null,
      enqueued_tokens: t.enqueuedTokens.value,
      concurrent_jobs: t.concurrentJobs?.value ?? null,
      sources: [...new Set([t.windowHours?.source, t.maxRequestsPerJob.source, t.maxBytesPerJob.source, t.maxEmbeddingInputsPerJob?.source, t.enqueuedTokens.source, t.concurrentJobs?.source, t.docs].filter((x): x is string => x !== undefined))],
    })),
  };
}

export const renderPlanJson = (p: Plan): string => `${stringifyJson(planJson(p))}\n`;
