// The programmatic API of batchable: the commands as functions that take typed options and return data
// (`import { audit } from 'batchable'`). They never print; progress arrives through `onProgress`. Money is
// integer micro-dollars (bigint) and shares exact fractions; the renderers turn a report into the CLI's text.
export { analyse, type AnalyseOptions, type Analysis } from './app/analyse.ts';
export { audit, defaultMinSavingMicros, savingsReport, type AuditOptions, type AuditResult, type ReportOptions } from './app/audit.ts';
export { check, type CheckOptions, type CheckResult } from './app/check.ts';
export { explain, type ExplainOptions, type Explanation } from './app/explain.ts';
export { ingest, ingestInto, type IngestInput } from './app/ingest.ts';
export type { OnProgress, ProgressEvent, WorkspaceOption } from './app/progress.ts';
export { plan, planWorkspace, type PlanOptions, type PlanResult } from './app/plan.ts';
export { pull, pullInto, pullRequests, type PullInput, type PullOutcome } from './app/pull.ts';
export { listRejects, type RejectedRow, type RejectsOptions } from './app/rejects.ts';
export { suggestRules, type SuggestOptions, type SuggestResult } from './app/rules.ts';
export { simulate, type SimulateOptions } from './app/simulate.ts';

export type { CheckLimits, Basis } from './check/limits.ts';
export { renderCheck, checkJson, checkFormats, type CheckFormat, type CheckReport } from './check/report.ts';
export { renderExplanation } from './classify/explain.ts';
export type { Suggestion, Suggestions } from './classify/suggest.ts';
export { groupings, type GroupBy, type SavingsFilter } from './db/queries/savings.ts';
export type { Workspace } from './db/types.ts';
export { openWorkspace, withWorkspace } from './db/workspace.ts';
export { BatchableError, CheckFailed, InputError, InternalError, UsageError } from './errors.ts';
export type { FileOutcome, IngestSummary } from './ingest/ingest.ts';
export type { ReconciliationRow } from './pricing/reconciliation.ts';
export { renderIngestSummary } from './report/ingest-summary.ts';
export { renderPullOutcome } from './report/pull-summary.ts';
export type { Assumptions, MicroSteps, Report, ReportRow, RowLabel, Totals } from './report/model.ts';
export { formatUsd, usdText } from './report/money.ts';
export { formats, render, type Format } from './report/render.ts';
export { reportJson } from './report/renderers/json.ts';
export { reportDocument } from './report/json-document.ts';
export { reportJsonSchema, type ReportJsonDocument } from './report/json-contract.ts';
export { plainStyle, type Style } from './report/style.ts';
export type { Plan, PlanEntry, Schedule, Skipped } from './plan/build.ts';
export { limitsCheckedOn, targets, type Target, type TargetId } from './plan/limits.ts';
export { planJson, planSchemaVersion, renderPlanJson } from './report/plan/json.ts';
export { renderPlanMarkdown } from './report/plan/markdown.ts';
export { renderPlanTable } from './report/plan/table.ts';
export { frac, parseDecimal, type Fraction } from './simulate/fraction.ts';
export { noStructural, type StructuralDiscount } from './simulate/structural.ts';
