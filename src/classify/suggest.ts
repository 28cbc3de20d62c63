// `rules suggest`: the workloads that hold the most spend with a low-confidence label (or a label decided by
// default), each written as a commented rule in a starter rules file: its spend and requests, the evidence seen
// both ways, when it is busiest, and the question a team answers to settle it. Reads what classifyCalls and
// priceCalls left behind (label_workloads, label_keys, label_outcomes, priced_calls); one pass over the calls.
import { ensureSavingsBase } from '../db/queries/savings.ts';
import type { Workspace } from '../db/types.ts';
import { oneLine } from '../report/escape.ts';
import { formatUsd } from '../report/money.ts';
import { mostlyCallsSql, nameEvidenceSql } from './evidence.ts';
import { hourBucketWorkloadShare, minuteBucketsAdvice } from './signals/minute-buckets.ts';
import { weightSql } from './signals/per-call.ts';
import { unattributedSuffix, unstreamedSuffix } from './signals/workload-name.ts';

/** A label below this confidence (or decided by default) is one a person should confirm. */
export const lowConfidence = 0.7;
/**
 * A label whose deciding side is names alone (a key called `voice-svc`, a job tagged `nightly`) is a guess from a
 * word, whatever its confidence: asked about too. Nothing the traffic did says the same.
 */
const nameOnlySql = `(decided_by = 'heuristic' AND len(list_filter(ev, lambda e: e.side = CASE WHEN label = 'blocking' THEN 'wait' ELSE 'free' END
  AND NOT ${nameEvidenceSql('e')})) = 0)`;
/** `audit` mentions `rules suggest` when at least this share of spend is labelled with low confidence. */
export const lowConfidenceSpendShare = 0.1;

export type Suggestion = {
  readonly workload: string;
  readonly label: 'blocking' | 'non_blocking';
  readonly confidence: number;
  readonly decidedBy: string;
  /** Confident, but only names say so (nameOnlySql). */
  readonly nameOnly: boolean;
  readonly costPico: bigint;
  /** Requests of its rows that count them; `uncountedRows`: its usage rows that do not (Anthropic's usage report). */
  readonly requests: bigint;
  readonly uncountedRows: bigint;
  /** Requests estimated from the tokens of its rows that count none (signals/per-call.ts weightSql), as labelling read them. */
  readonly estimatedRequests: bigint;
  readonly waits: readonly string[];
  readonly free: readonly string[];
  readonly busiestDay: string;
  /** The UTC hour it is busiest, or undefined when its rows are mostly buckets of a day (they show no hour). */
  readonly busiestHour: number | undefined;
  /**
   * Its name is one no API key or tag gave (project, model and operation only: a Langfuse window, a log without
   * keys): it may hold several services, and one label for all of them would be wrong for some.
   */
  readonly sharedName: boolean;
  /**
   * Its rows are mostly usage buckets (a usage API's, a Console export's): each sums every call its API key, project
   * and model sent in an hour or a day, so it may hold several services too (a backend sends all its features on one
   * key), however well the key names them.
   */
  readonly usageRows: boolean;
  /**
   * The workloads some of its calls were judged apart as (`… · no user or trace`: calls with no user, trace or stream;
   * `… · not streamed`: under a name no key gave whose calls mostly stream, those that do not), when there are any: a
   * rule matching this workload's name covers those calls too (src/classify/rules/compile.ts), so the file keeps them
   * apart with a rule of their own before this one.
   */
  readonly apart: readonly string[];
};

export type Suggestions = {
  readonly totalPico: bigint;
  readonly lowPico: bigint;
  readonly calls: bigint;
  readonly workloads: readonly Suggestion[];
};

type Row = {
  workload: string; label: 'blocking' | 'non_blocking'; confidence: number; decided_by: string; name_only: boolean; cost_pico: bigint | null; requests: bigint;
  uncounted_rows: bigint; estimated_requests: bigint; coarse: boolean; shared_name: boolean; usage_rows: boolean; apart: string[]; ev: { k: number; side: 'wait' | 'free'; text: string }[]; busiest_dow: number | null; busiest_hour: number | null;
};

/** The `top` workloads by spend whose own label is low-confidence, by default or on names alone (rules and lanes excluded). */
export async function suggestRules(ws: Workspace, top: number): Promise<Suggestions> {
  const [totals] = await ws.all<{ total: bigint | null; low: bigint | null; calls: bigint }>(`
    SELECT sum(p.cost_pico)::HUGEINT AS total, count(*) AS calls,
      sum(p.cost_pico) FILTER (WHERE o.decided_by = 'default' OR (o.decided_by = 'heuristic' AND o.confidence < ${lowConfidence}))::HUGEINT AS low
    FROM label_keys k JOIN label_outcomes o USING (outcome) JOIN calls c USING (call_key) LEFT JOIN priced_calls p ON p.call_key = k.call_key`);
  const rows = await ws.all<Row>(`
    WITH low AS (
      SELECT workload, label, confidence, decided_by, ev, ${nameOnlySql} AND confidence >= ${lowConfidence} AS name_only,
        coalesce(coarse_bucket_share >= ${coarseWorkloadShare}, false) AS coarse, estimated AS uncounted, shared_name,
        -- Mostly usage buckets, not calls.
        coalesce(NOT (${mostlyCallsSql}), false) AS usage_rows
      FROM label_workloads WHERE decided_by = 'default' OR confidence < ${lowConfidence} OR ${nameOnlySql}
    ), per_call AS (
      -- A usage row that counts no requests (Anthropic's usage report) is not one request: counted apart.
      SELECT o.workload, c.ts, c.requests IS NULL AS uncounted, coalesce(c.requests, 1) AS req, ${weightSql('c.')} AS weight, p.cost_pico
      FROM label_keys k JOIN label_outcomes o USING (outcome) JOIN calls c USING (call_key) LEFT JOIN priced_calls p ON p.call_key = k.call_key
      WHERE o.workload IN (SELECT workload FROM low) AND o.decided_by IN ('default', 'heuristic')
    ), spend AS (
      SELECT workload, sum(cost_pico)::HUGEINT AS cost_pico, coalesce(sum(req) FILTER (WHERE NOT uncounted), 0)::BIGINT AS requests,
        count(*) FILTER (WHERE uncounted) AS uncounted_rows, coalesce(sum(weight) FILTER (WHERE uncounted), 0)::BIGINT AS estimated_requests
      FROM per_call GROUP BY workload
    ), busy AS (
      -- Busiest by requests; for a workload whose rows count none, by spend (a row in every hour says nothing).
      SELECT b.workload, first({'dow': dow, 'hour': h} ORDER BY CASE WHEN l.uncounted THEN b.spend ELSE b.n END DESC, dow, h) AS top FROM (
        SELECT workload, isodow(ts) AS dow, hour(ts) AS h, sum(req) AS n, coalesce(sum(cost_pico), 0) AS spend FROM per_call GROUP BY ALL
      ) b JOIN low l USING (workload) GROUP BY b.workload
    )
    SELECT l.workload, l.label, l.confidence, l.decided_by, l.name_only, s.cost_pico, s.requests, s.uncounted_rows, s.estimated_requests, l.coarse, l.shared_name, l.usage_rows, l.ev,
      b.top.dow AS busiest_dow, b.top.hour AS busiest_hour, coalesce(ap.apart, []) AS apart
    FROM low l JOIN spend s USING (workload) LEFT JOIN busy b USING (workload)
      -- The workloads some of its calls were judged apart as, when there are any.
      LEFT JOIN (SELECT l.workload, list(a.workload ORDER BY a.workload) AS apart FROM low l
        JOIN label_workloads a ON a.workload IN (l.workload || $unattributed, l.workload || $unstreamed) GROUP BY l.workload) ap USING (workload)
    ORDER BY s.cost_pico DESC NULLS LAST, s.requests DESC, l.workload LIMIT $top`, { top, unattributed: unattributedSuffix, unstreamed: unstreamedSuffix });
  const days = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  return {
    totalPico: totals?.total ?? 0n,
    lowPico: totals?.low ?? 0n,
    calls: totals?.calls ?? 0n,
    workloads: rows.map((r) => ({
      workload: r.workload,
      label: r.label,
      confidence: r.confidence,
      decidedBy: r.decided_by,
      nameOnly: r.name_only,
      costPico: r.cost_pico ?? 0n,
      requests: r.requests,
      uncountedRows: r.uncounted_rows,
      estimatedRequests: r.estimated_requests,
      waits: r.ev.filter((e) => e.side === 'wait').map((e) => e.text),
      free: r.ev.filter((e) => e.side === 'free').map((e) => e.text),
      busiestDay: days[r.busiest_dow ?? 0] ?? '',
      busiestHour: r.coarse ? undefined : (r.busiest_hour ?? 0),
      sharedName: r.shared_name,
      usageRows: r.usage_rows,
      apart: r.apart,
    })),
  };
}

/** Its requests, and its usage rows that count none apart (never one request each), with the estimate labelling read. */
function requestsText(w: Suggestion): string {
  const rows = `${w.uncountedRows.toLocaleString('en-US')} usage row(s) with no request count (about ${w.estimatedRequests.toLocaleString('en-US')} requests, estimated from their tokens)`;
  if (w.uncountedRows === 0n) return `${w.requests.toLocaleString('en-US')} requests`;
  return w.requests === 0n ? rows : `${w.requests.toLocaleString('en-US')} requests and ${rows}`;
}

const picoPerMicro = 1_000_000n;
const usd = (pico: bigint): string => formatUsd((pico + picoPerMicro / 2n) / picoPerMicro);
const pct = (part: bigint, whole: bigint): string => (whole === 0n ? '0%' : `${Number((part * 1000n) / whole) / 10}%`);

/**
 * A name as a DuckDB glob that matches it alone: a rule's match values are globs, and a name with `*`, `?` or `[`
 * (a Langfuse observation called `[prod] summarise`) would otherwise be read as a pattern, matching other names or not
 * its own. Each is put in a class of its own (`[*]`, `[?]`, `[[]`).
 */
export const globLiteral = (name: string): string => name.replace(/[*?[]/g, (c) => `[${c}]`);

/** A YAML double-quoted scalar: JSON's escapes, plus the C1 and bidi controls JSON leaves as they are. */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The starter rules file: valid against schemas/rules.schema.json, changing no label until a line is uncommented. */
export function renderSuggestions(s: Suggestions, source: string): string {
  const out: string[] = [
    '# batchable rules: a starter file written by `batchable rules suggest`.',
    `# ${oneLine(source)}: ${s.calls.toLocaleString('en-US')} calls, ${usd(s.totalPico)} of spend; ${usd(s.lowPico)} (${pct(s.lowPico, s.totalPico)}) of it is labelled`,
    `# with low confidence (under ${lowConfidence}) or by default.`,
  ];
  if (s.workloads.length === 0) {
    out.push('# Nothing to ask: every workload with spend is labelled with confidence, by a rule or by its billed lane.', 'rules: []', '');
    return out.join('\n');
  }
  out.push(
    `# Below, the ${s.workloads.length} workload(s) holding the most of it, and any whose label rests on its name alone, largest first.`,
    '#',
    '# For each, answer the question. If nobody needs the answer within the hour, uncomment `label: non_blocking`',
    '# (or a `deadline:` such as 12h); if someone waits, uncomment `label: blocking`. Then run',
    '# `batchable audit --rules <this file>`. Each rule only names its workload until you do, so this file',
    '# changes no label as written. Rules are tried in order; the first match wins.',
    '',
  );
  out.push('rules:');
  // A rule naming a grouping also covers the calls judged apart from it (… · no user or trace, … · not streamed): those
  // come first, as their own question when they are asked about, else as a rule that only keeps them where they are.
  const drafted = new Map(s.workloads.map((w) => [w.workload, w]));
  const written = new Set<string>();
  for (const w of s.workloads) {
    if (written.has(w.workload)) continue;
    for (const apart of w.apart.filter((a) => !written.has(a))) {
      const own = drafted.get(apart);
      out.push(...(own === undefined ? keeperLines(apart, w.workload) : questionLines(own, s.totalPico)));
      written.add(apart);
    }
    out.push(...questionLines(w, s.totalPico));
    written.add(w.workload);
  }
  out.push('');
  return out.join('\n');
}

/** One drafted question: the workload's figures and evidence as comments, and a rule that only names it. */
function questionLines(w: Suggestion, totalPico: bigint): string[] {
  const name = oneLine(w.workload);
  return [
    '',
    `  # ${name}`,
    `  #   ${usd(w.costPico)} (${pct(w.costPico, totalPico)} of spend), ${requestsText(w)}; now ${w.label}` +
      `, ${w.decidedBy === 'default' ? 'by default' : `confidence ${w.confidence.toFixed(2)}`}${w.nameOnly ? ', on its name alone' : ''}`,
    ...(w.waits.length === 0 ? ['  #   someone waits: no sign seen'] : w.waits.map((t) => `  #   someone waits: ${oneLine(t)}`)),
    ...(w.free.length === 0 ? ['  #   nobody waits:  no sign seen'] : w.free.map((t) => `  #   nobody waits:  ${oneLine(t)}`)),
    `  #   question: does anyone wait on the answers of "${name}", say on ${w.busiestDay}s${w.busiestHour === undefined ? '' : ` around ${String(w.busiestHour).padStart(2, '0')}:00 UTC`},`,
    `  #   when it is busiest? Would they notice if each answer came hours later?`,
    ...severalServicesLines(w),
    `  - name: ${yamlString(`review: ${w.workload}`)}`,
    `    match: { workload: ${yamlString(globLiteral(w.workload))} }`,
    `    workload: ${yamlString(w.workload)}`,
    `    # label: non_blocking    # nobody waits; or instead: deadline: 12h`,
    `    # label: blocking        # someone waits for the answer`,
  ];
}

/**
 * The note under a question whose workload may be several services: one answer for all of them would move people's
 * calls to batch when the job holds most of the spend (the eval's Langfuse renderings, and usage rows where a poller
 * shares its key, project and model with a service people wait on). So when some of them are waited on and some not,
 * they stay synchronous until each service has a name of its own.
 */
function severalServicesLines(w: Suggestion): string[] {
  if (!w.sharedName && !w.usageRows) return [];
  const why = w.sharedName
    ? [
        '  #   note: nothing names these calls but their project, model and operation (no API key, no tag naming the work):',
        '  #   they may be several services.',
      ]
    : [
        '  #   note: these are usage rows: each sums every call its API key, project and model sent in its hour or day,',
        '  #   so they may be several services (a backend often sends all its features on one key).',
      ];
  const then = w.sharedName
    ? ['  #   Then give each service a key or a tag of its own (or a trace name your tracer keeps)']
    : [
        "  #   Then give each service a key or a project of its own, or audit a per-call log of the same traffic (a gateway's",
        "  #   or a tracer's: its calls show what usage rows sum away),",
      ];
  return [
    ...why,
    '  #   If someone waits on some of them and not on others, do not give them one label (it would move the ones waited',
    '  #   on to batch, or keep the others synchronous): leave this rule as it is, or uncomment `label: blocking` if they',
    '  #   are labelled non_blocking now.',
    ...then,
    '  #   and run `batchable rules suggest` again.',
  ];
}

/** A rule that keeps the calls judged apart from `grouping` in their own workload (it changes no label). */
function keeperLines(apart: string, grouping: string): string[] {
  return [
    '',
    `  # ${oneLine(apart)}: ${apart.endsWith(unstreamedSuffix) ? 'calls that do not stream' : 'calls with no user, trace or stream of their own'}, judged apart from "${oneLine(grouping)}"; this rule only`,
    '  # keeps them there (a rule matching the grouping below would cover them too). Not a question.',
    `  - name: ${yamlString(`keep apart: ${apart}`)}`,
    `    match: { workload: ${yamlString(globLiteral(apart))} }`,
    `    workload: ${yamlString(apart)}`,
  ];
}

/** A workload at least this share of whose rows are usage buckets longer than an hour counts as coarse. */
export const coarseWorkloadShare = 0.5;

/** `audit`'s note also says so when at least this share of the unsure spend is in coarse workloads. */
export const coarseBucketNoteShare = 0.5;

/** `audit`'s note also says so when at least this share of the unsure spend is in workloads mostly of hour buckets. */
export const hourBucketNoteShare = 0.5;

/** `audit`'s note also says so when at least this share of the unsure spend is in rows that count no requests. */
export const uncountedNoteShare = 0.5;

/**
 * One line for `audit` when low-confidence spend is large, else undefined. When most of that spend comes as
 * usage buckets of a day (or any width over an hour), it also says that hours separate jobs from people and minutes
 * show a poller's bursts too (how to get them: minuteBucketsAdvice): a day bucket shows nothing of a job's hours, and
 * the day-level signs cannot tell a job that runs on most working days from people with a job on their key
 * (docs/eval-history.md, "Day buckets"). When most of it
 * comes as buckets of an hour, it says that minute buckets show a poller's bursts (signals/minute-buckets.ts), which
 * in an hour's bucket are one more busy hour. When most of it comes as rows that count no requests (Anthropic's usage
 * report and Console export), it says that their requests are estimated from tokens and the signs read from one call's
 * pace cannot run there.
 */
export async function lowConfidenceNote(ws: Workspace): Promise<string | undefined> {
  // Spend per outcome is in savings_base (kept in the workspace with the analysis): a few thousand rows, where
  // joining every call took seconds on every `audit` of an analysed workspace.
  await ensureSavingsBase(ws);
  const low = `o.decided_by = 'default' OR (o.decided_by = 'heuristic' AND o.confidence < ${lowConfidence})`;
  const [row] = await ws.all<{ total: bigint | null; low: bigint | null; coarse: bigint | null; hourly: bigint | null; uncounted: bigint | null }>(`
    SELECT sum(b.cost_pico)::HUGEINT AS total, sum(b.cost_pico) FILTER (WHERE ${low})::HUGEINT AS low,
      -- Workloads whose rows are mostly buckets longer than an hour.
      sum(b.cost_pico) FILTER (WHERE (${low}) AND w.coarse_bucket_share >= ${coarseWorkloadShare})::HUGEINT AS coarse,
      -- Workloads whose rows are mostly buckets of over a minute, up to an hour.
      sum(b.cost_pico) FILTER (WHERE (${low}) AND w.hour_bucket_share >= ${hourBucketWorkloadShare})::HUGEINT AS hourly,
      sum(b.uncounted_pico) FILTER (WHERE ${low})::HUGEINT AS uncounted
    FROM savings_base b JOIN label_outcomes o USING (outcome) LEFT JOIN label_workloads w USING (workload)`);
  const total = row?.total ?? 0n;
  const lowPico = row?.low ?? 0n;
  const coarse = row?.coarse ?? 0n;
  const hourly = row?.hourly ?? 0n;
  const uncounted = row?.uncounted ?? 0n;
  if (total <= 0n || Number((lowPico * 1000n) / total) < lowConfidenceSpendShare * 1000) return undefined;
  const notes = [`${usd(lowPico)} (${pct(lowPico, total)} of spend) is labelled with low confidence or by default; \`batchable rules suggest\` drafts a rules file with the question to answer for each of its largest workloads`];
  if (Number((uncounted * 1000n) / lowPico) >= uncountedNoteShare * 1000) {
    notes.push(`${pct(uncounted, lowPico)} of it comes as usage rows that count no requests (Anthropic's usage report and Console export), where requests are estimated from tokens and the signs read from one call's pace (serial runs, fan-out, a poller's bursts) cannot run; answer the questions, or audit a per-call log of the same traffic instead (a gateway's or tracer's: LiteLLM, Helicone, Langfuse)`);
  }
  if (Number((coarse * 1000n) / lowPico) >= coarseBucketNoteShare * 1000) {
    notes.push(`${pct(coarse, lowPico)} of it comes as usage buckets of a day, which show nothing inside the day: hours separate jobs from people, minutes show a poller's bursts too (${minuteBucketsAdvice})`);
  }
  if (Number((hourly * 1000n) / lowPico) >= hourBucketNoteShare * 1000) {
    notes.push(`${pct(hourly, lowPico)} of it comes as usage buckets of an hour, where a poller's few minutes of work an hour look like any busy hour: minute buckets show its bursts (${minuteBucketsAdvice})`);
  }
  return notes.join('. ');
}
