// npm run eval:classify [-- --orgs a,b] [-- --seed N] [-- --show-held-out] — generates the eval family (eval/orgs.ts: forty-five
// orgs, a month each, truth per call or per bucket; each held-out and blind org also rendered varied, from another seed;
// the per-call orgs also rendered as OpenAI usage buckets and as Anthropic usage reports, which count no requests; buckets
// of 1 m, 1 h and 1 d), ingests each dataset into its own database, labels it
// without rules, and prints per org: spend labelled right, batchable spend found, and the share of blocking
// spend labelled batchable (the costly mistake); then the tune and held-out totals and the targets (exit 1
// when one is missed; blind orgs gate as held-out ones). Per-workload rows are printed for tune orgs only: held-out and blind orgs are for reporting,
// and seeing their workloads invites tuning on them (--show-held-out prints them anyway, for the write-up).
// Then, per dataset, a team answering `rules suggest` (answerQuestions, eval/answers.ts): the drafted starter file's
// questions answered from the truth (a workload that may be several services as its note asks), the dataset labelled
// again with it, and a second table of right before -> after.
// pacific-saas is also labelled with fixtures/classify/eval-rules.yaml, where every workload must be right.
// Runs on the built dist/ and build/eval/ (npm run build && npm run eval:build). Scores use the eval's own small
// list-price table (eval/family.ts), so the figures do not depend on the pricing module; only the suggestions,
// which rank workloads by spend as `rules suggest` does, read the bundled catalog's prices.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answerSuggestions } from '../build/eval/answers.js';
import { defaultSeed, evalPricesSql, evalUsdSql, family, generateFamily } from '../build/eval/family.js';
import { classifyCalls, loadRules } from '../dist/classify/index.js';
import { renderSuggestions, suggestRules } from '../dist/classify/suggest.js';
import { loadCatalog } from '../dist/pricing/load-catalog.js';
import { priceCalls } from '../dist/pricing/price-calls.js';
import { openWorkspace } from '../dist/db/workspace.js';
import { ingestFiles } from '../dist/ingest/ingest.js';

const { values } = parseArgs({ options: { orgs: { type: 'string' }, seed: { type: 'string' }, 'show-held-out': { type: 'boolean', default: false } } });
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isSafeInteger(seed)) {
  console.error(`error: --seed ${values.seed}: not an integer; the default is ${defaultSeed}`);
  process.exit(2);
}
const only = values.orgs?.split(',').map((s) => s.trim());
for (const id of only ?? []) {
  if (!family.some((o) => o.id === id)) {
    console.error(`error: --orgs ${id}: no such org; the family is ${family.map((o) => o.id).join(', ')}`);
    process.exit(2);
  }
}
// `rules suggest`'s default: how many questions the drafted file asks (src/cli/rules.ts).
const questions = 10;
const catalog = await loadCatalog({});
const rulesFile = fileURLToPath(new URL('../fixtures/classify/eval-rules.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'batchable-eval-'));
// Both seeds' generated files take about 13 GB each: a run stopped with kill or Ctrl-C removes them too (the finally
// below does not run then), so that stopped runs do not fill the disk under the next one.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  });
}
const results = [];
let failed = false;
try {
  const gen = await openWorkspace(':memory:');
  let t = performance.now();
  const datasets = await generateFamily(gen, dir, seed, only);
  gen.close();
  console.log(`eval family (seed ${seed ?? defaultSeed}): ${datasets.length} datasets generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const ds of datasets) {
    const ws = await openWorkspace(':memory:');
    try {
      t = performance.now();
      await ingestFiles(ws, ds.files);
      const ingestMs = performance.now() - t;
      await loadTruth(ws, ds);
      t = performance.now();
      await classifyCalls(ws, undefined);
      const classifyMs = performance.now() - t;
      const rows = await score(ws);
      const answered = await answerQuestions(ws, ds);
      results.push({ ds, rows, ingestMs, classifyMs, answered });
      if (ds.name === 'pacific-saas') {
        await classifyCalls(ws, await loadRules(rulesFile));
        const ruled = await score(ws);
        const ok = ruled.filter((r) => r.workload !== 'all').every((r) => r.acc_spend >= 0.999999);
        results.at(-1).rulesCheck = ok;
      }
    } finally {
      ws.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
console.log('\n== per org, no rules (spend-weighted; "blocking->batchable" is the share of blocking spend labelled batchable)\n');
// The usage-API org's buckets are the bucket target; the per-call orgs rendered as buckets (`-usage-`) are
// more bucket data, reported on their own.
const rendered = (ds) => ds.truthBy === 'buckets' && ds.org.rendering === 'calls';
// A per-call org rendered as buckets by OpenAI's usage API or Anthropic's usage report (eval/family.ts).
const asOpenAi = (ds) => rendered(ds) && ds.report === 'openai';
const asAnthropic = (ds) => rendered(ds) && ds.report === 'anthropic';
const orgRows = results.map(({ ds, rows, ingestMs, classifyMs }) => ({ name: ds.name, role: ds.org.role, ...allRow(rows), ingestMs, classifyMs, rowsIn: ds.rows, bucketTruth: ds.truthBy === 'buckets', asBuckets: rendered(ds), asExport: ds.format !== undefined, usageOnly: ds.org.rendering === 'usage' || ds.org.rendering === 'anthropic-usage' }));
const varied = (ds) => ds.org.varied === true;
// Usage rows of a minute (eval/family.ts): pooled on their own lines, so that the lines of 1 h and 1 d buckets mean
// what they meant before minute buckets were drawn.
// A usage rendering's bucket width is the last part of its name (eval/family.ts: `-1h`, `-1d`, `-1m`).
const ofWidth = (width) => (ds) => ds.truthBy === 'buckets' && ds.name.endsWith(`-${width}`);
const minute = ofWidth('1m');
// Per-call datasets as batchable-csv; the same calls as a LiteLLM, OpenRouter, Helicone or Langfuse export are pooled apart (eval/renderings.ts).
const asExport = (ds) => ds.format !== undefined;
const callsOnly = (ds) => ds.truthBy === 'calls' && !varied(ds) && !asExport(ds);
const bucketsOnly = (ds) => ds.truthBy === 'buckets' && !varied(ds) && !rendered(ds) && !minute(ds);
// The pooled lines: a role and which of its datasets.
const pools = [
  // The Anthropic-report renderings are pooled apart (below), so these lines mean what they meant before them.
  ['tune orgs (pooled)', 'tune', (ds) => !varied(ds) && !asAnthropic(ds) && !minute(ds)],
  ['tune orgs once blind, varied (pooled)', 'tune', (ds) => varied(ds) && !asAnthropic(ds) && !minute(ds)],
  ['held-out per-call orgs (pooled)', 'held-out', callsOnly],
  ['held-out usage-API datasets (pooled)', 'held-out', bucketsOnly],
  ['held-out varied per-call (pooled)', 'held-out', (ds) => varied(ds) && ds.truthBy === 'calls'],
  ['held-out per-call orgs as LiteLLM SpendLogs (pooled)', 'held-out', (ds) => ds.format === 'litellm'],
  ['held-out per-call orgs as OpenRouter CSV (pooled)', 'held-out', (ds) => ds.format === 'openrouter'],
  ['held-out per-call orgs as Helicone JSONL (pooled)', 'held-out', (ds) => ds.format === 'helicone'],
  ['held-out per-call orgs as Langfuse observations (pooled)', 'held-out', (ds) => ds.format === 'langfuse'],
  ['held-out varied usage-API (pooled)', 'held-out', (ds) => varied(ds) && ds.truthBy === 'buckets' && !rendered(ds) && !minute(ds)],
  ['held-out per-call orgs as buckets, 1 h (pooled)', 'held-out', (ds) => asOpenAi(ds) && ds.name.endsWith('-1h')],
  ['held-out per-call orgs as buckets, 1 d (pooled)', 'held-out', (ds) => asOpenAi(ds) && ds.name.endsWith('-1d')],
  ['tune per-call orgs as Anthropic usage reports, no request counts (pooled)', 'tune', (ds) => asAnthropic(ds) && !varied(ds) && !minute(ds)],
  ['held-out per-call orgs as Anthropic usage reports, no request counts (pooled)', 'held-out', (ds) => asAnthropic(ds) && !varied(ds) && !minute(ds)],
  ['blind per-call orgs as Anthropic usage reports, no request counts (pooled)', 'blind', (ds) => asAnthropic(ds) && !varied(ds) && !minute(ds)],
  ['blind per-call orgs (pooled)', 'blind', callsOnly],
  ['blind usage-API datasets (pooled)', 'blind', bucketsOnly],
  ['blind per-call orgs as LiteLLM SpendLogs / OpenRouter CSV (pooled)', 'blind', (ds) => ds.format === 'litellm' || ds.format === 'openrouter'],
  ['blind per-call orgs as Helicone JSONL (pooled)', 'blind', (ds) => ds.format === 'helicone'],
  ['blind per-call orgs as Langfuse observations (pooled)', 'blind', (ds) => ds.format === 'langfuse'],
  ['blind varied, per call and usage-API (pooled)', 'blind', (ds) => varied(ds) && !rendered(ds) && !minute(ds)],
  // The usage-API orgs' hours and days apart: the lines above pool both, and what each width shows differs (an hour's
  // bucket shows when in the day work runs, a day's only how much).
  ...['held-out', 'blind'].flatMap((role) => ['1h', '1d'].map((width) => [`${role} usage-API datasets, ${width.replace('1', '1 ')} (pooled)`, role, (ds) => bucketsOnly(ds) && ofWidth(width)(ds)])),
  // Minute buckets, by role: the usage-API orgs', and the per-call orgs' through either report.
  ...['tune', 'held-out', 'blind'].flatMap((role) => [
    [`${role} usage-API datasets, 1 m (pooled)`, role, (ds) => minute(ds) && !varied(ds) && !rendered(ds)],
    [`${role} per-call orgs as buckets, 1 m (pooled)`, role, (ds) => minute(ds) && !varied(ds) && rendered(ds)],
  ]),
].map(([name, role, filter]) => ({ name, members: results.filter((r) => r.ds.org.role === role && filter(r.ds)) }));
const summary = [...orgRows, ...pools.map((p) => ({ name: p.name, role: '', bucketTruth: p.members.length > 0 && p.members.every((r) => r.ds.truthBy === 'buckets'), ...pooled(p.members.map((r) => allRow(r.rows))) }))];
console.log(table(['dataset', 'role', 'rows', 'spend $', 'batchable', 'right', 'batchable found', 'blocking->batchable', 'low-conf spend', 'classify/ingest'],
  summary.map((r) => [r.name, r.role, r.rowsIn === undefined ? '' : r.rowsIn.toLocaleString('en-US'), r.usd.toFixed(2), pct(r.nb_usd / r.usd), pct(r.acc_spend),
    pct(r.rec_spend), pct(r.fn_blocking_spend), pct(r.low_usd / r.usd), r.ingestMs === undefined ? '' : `${(r.classifyMs / 1000).toFixed(1)} s / ${(r.ingestMs / 1000).toFixed(1)} s`])));

// Per org: the targets are per org and overall, and an org comes in several renderings (its calls, the same
// calls as exports, as usage rows of an hour, a day or a minute, and varied from another seed). Pooled per org and kind
// of rendering, so that one org's weak rendering is not hidden in a pooled line of many orgs.
const renderingKinds = [
  ['per call and exports', (ds) => ds.truthBy === 'calls' && !varied(ds)],
  ...['1h', '1d', '1m'].map((width) => [`usage rows, ${width.replace('1', '1 ')}`, (ds) => ofWidth(width)(ds) && !varied(ds)]),
  ['varied (per call, exports, usage rows)', varied],
];
const perOrg = family.filter((org) => only === undefined || only.includes(org.id)).flatMap((org) => renderingKinds.flatMap(([kind, filter]) => {
  const members = results.filter((r) => r.ds.org.id.replace(/-varied$/, '') === org.id && filter(r.ds)); // a varied org is `<id>-varied` (eval/family.ts)
  return members.length === 0 ? [] : [{ org: org.id, role: org.role, kind, datasets: members.length, ...pooled(members.map((r) => allRow(r.rows))) }];
}));
console.log('\n== per org and kind of rendering (pooled over its datasets; spend-weighted as above)\n');
console.log(table(['org', 'role', 'renderings', 'datasets', 'spend $', 'right', 'batchable found', 'blocking->batchable'],
  perOrg.map((r) => [r.org, r.role, r.kind, r.datasets, r.usd.toFixed(2), pct(r.acc_spend), pct(r.rec_spend), pct(r.fn_blocking_spend)])));

// Bucket truth: a usage row holds one label, so where a job shares a key, project and model with people in the same
// hour or day, part of that row's spend is wrong whatever it is labelled. The ceiling says which misses no labeller
// of whole buckets could avoid; it reads the truth only, not the labels.
console.log('\n== usage-API rows: the best any labelling of whole rows can do (each row labelled as most of its spend truly is)\n');
const bucketRows = summary.filter((r) => r.bucketTruth);
console.log(table(['dataset', 'role', 'right', 'best possible', 'missed of what was possible'],
  bucketRows.map((r) => [r.name, r.role, pct(r.acc_spend), pct(r.best_spend), pct((r.best_usd - r.right_usd) / r.usd)])));

// What a team gets from `rules suggest`: the drafted file's questions answered from the truth (answerQuestions).
console.log(`\n== after answering \`rules suggest\` (up to ${questions} questions, each answered with what most of its workload's spend truly is; a workload that may hold several services (a name no key or tag gave, or usage rows), when some of its calls are waited on and some not, left as it is or answered blocking, as the file asks)\n`);
const answeredRows = results.map(({ ds, rows, answered }) => ({ name: ds.name, role: ds.org.role, before: allRow(rows), ...answered }));
const answeredSummary = [
  ...answeredRows,
  ...pools.map((p) => ({ name: p.name, role: '', before: pooled(p.members.map((r) => allRow(r.rows))), all: pooled(p.members.map((r) => r.answered.all)) })),
];
console.log(table(['dataset', 'role', 'questions', 'answered batchable', 'right before', 'right after', 'blocking->batchable after', 'low-conf spend after'],
  answeredSummary.map((r) => [r.name, r.role, r.questions ?? '', r.nonBlocking ?? '', pct(r.before.acc_spend), pct(r.all?.acc_spend), pct(r.all?.fn_blocking_spend), pct(r.all ? r.all.low_usd / r.all.usd : undefined)])));

for (const { ds, rows } of results) {
  if (ds.org.role !== 'tune' && !values['show-held-out']) continue;
  console.log(`\n-- ${ds.name} (${ds.org.role}): per workload\n`);
  console.log(table(['workload', 'truth', 'spend $', 'right', 'labelled (by spend)'],
    // By spend, so two runs of the same labels print the same table (the query's rows come in hash order).
    rows.filter((r) => r.workload !== 'all').sort((a, b) => b.usd - a.usd || a.workload.localeCompare(b.workload)).map((r) => [r.workload, r.truth, r.usd.toFixed(2), pct(r.acc_spend), r.labels])));
}

console.log('');
// The varied renderings (eval/family.ts variedOrg) are a robustness check on behaviour nobody tuned on: their
// lines say PASS or MISS but do not set the exit code (the targets are the family's held-out orgs).
const check = (what, ok, gating = true) => {
  console.log(`${ok ? 'PASS' : gating ? 'FAIL' : 'MISS'}  ${what}`);
  if (!ok && gating) failed = true;
};
// Blind orgs (eval/orgs.ts) gate as held-out orgs do.
for (const r of orgRows.filter((o) => o.role === 'held-out' || o.role === 'blind')) {
  const usage = r.usageOnly;
  const asBuckets = r.asBuckets;
  const gating = !r.name.includes('-varied') && !asBuckets && !r.asExport;
  // A per-call org rendered as buckets is held to the usage-API target (90%), but does not gate; as another export, to the per-call target.
  const note = gating ? '' : asBuckets ? ' [rendered as buckets: reported, not gating]' : r.asExport ? ' [rendered as another export: reported, not gating]' : ' [varied: reported, not gating]';
  const best = r.best_spend < 1 - 1e-9 ? `; whole rows at best ${pct(r.best_spend)}` : '';
  check(`${r.name}: spend labelled right >= ${usage || asBuckets ? 90 : 95}% (${pct(r.acc_spend)}${best})${note}`, r.acc_spend >= (usage || asBuckets ? 0.9 : 0.95), gating);
  check(`${r.name}: blocking spend labelled batchable <= 1% (${pct(r.fn_blocking_spend)})${note}`, r.fn_blocking_spend <= 0.01, gating);
}
const pacific = results.find((r) => r.ds.name === 'pacific-saas');
if (pacific) check('pacific-saas with fixtures/classify/eval-rules.yaml: every workload right', pacific.rulesCheck === true);
process.exitCode = failed ? 1 : 0;

/**
 * A team answering `rules suggest`: prices the calls with the bundled catalog (the suggestions rank workloads by
 * spend), drafts the starter rules file as `rules suggest` writes it, answers each question with what most of the
 * workload's spend truly is, or not at all where the file says the name may hold several services and any of its calls
 * are waited on (eval/answers.ts uncomments that label line), labels again with the answered file and
 * scores it. Whole-dataset row and how many questions were answered (and how many of them "nobody waits").
 */
async function answerQuestions(ws, ds) {
  await priceCalls(ws, catalog);
  const drafted = await suggestRules(ws, questions);
  const answers = new Map();
  for (const w of drafted.workloads) {
    const [t] = await ws.all(
      `SELECT coalesce(sum(t.usd * t.b_share), 0)::DOUBLE AS b, coalesce(sum(t.usd * (1 - t.b_share)), 0)::DOUBLE AS nb
       FROM truth_rows t JOIN label_keys k USING (call_key) JOIN label_outcomes o USING (outcome) WHERE o.workload = $workload`,
      { workload: w.workload },
    );
    // As the file asks: a workload that may be several services (a name no key or tag gave, or usage rows, which sum
    // every call of a key, project and model) gets no one label when some of it is waited on and some not, as a team
    // that knows its services would answer: left as it is, or blocking where it is labelled non_blocking now. Any
    // other (one service, or all of one kind) by the most of its spend.
    if ((w.sharedName || w.usageRows) && t.b > 0 && t.nb > 0) {
      if (w.label === 'non_blocking') answers.set(w.workload, 'blocking');
      continue;
    }
    answers.set(w.workload, t.b >= t.nb ? 'blocking' : 'non_blocking');
  }
  const { yaml, answered } = answerSuggestions(renderSuggestions(drafted, ds.name), answers);
  const file = join(dir, `${ds.name}-answered.yaml`);
  writeFileSync(file, yaml);
  await classifyCalls(ws, await loadRules(file));
  return { questions: answered, nonBlocking: [...answers.values()].filter((a) => a === 'non_blocking').length, all: allRow(await score(ws)) };
}

/** Truth as a table `truth_rows` keyed by the calls' call_key: truth workload, spend, and its blocking part. */
async function loadTruth(ws, ds) {
  await ws.run(`CREATE TEMP TABLE truth AS SELECT * FROM read_csv(${quote(ds.truth)}, header = true)`);
  const join = ds.truthBy === 'calls'
    ? `JOIN truth t ON t.call_id = c.call_id`
    : `JOIN truth t ON t.start_time = epoch(c.ts)::BIGINT AND t.api_key = c.api_key AND t.project IS NOT DISTINCT FROM c.project AND t.model = c.model AND t.operation = c.operation
       AND t.batch IS NOT DISTINCT FROM CASE WHEN c.operation = 'embeddings' THEN NULL ELSE coalesce(c.lane = 'batch', false) END`;
  const share = ds.truthBy === 'calls' ? `CASE WHEN t.truth_label = 'blocking' THEN 1.0 ELSE 0.0 END` : 't.blocking_share';
  await ws.run(`CREATE TEMP TABLE truth_rows AS
    SELECT c.call_key, t.truth_workload, ${evalUsdSql('c')} AS usd, ${share}::DOUBLE AS b_share
    FROM calls c ${join} JOIN ${evalPricesSql} ON p.model = regexp_replace(c.model, '^(openai|anthropic)/', '')`); // OpenRouter's model ids are vendor-prefixed
  const [n] = await ws.all(`SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM truth_rows) AS scored`);
  if (n.calls !== n.scored) throw new Error(`${ds.name}: ${n.calls} rows ingested but ${n.scored} matched their truth`);
}

function metricsSql() {
  return `
  sum(usd)::DOUBLE AS usd,
  sum(usd * b_share)::DOUBLE AS b_usd,
  sum(usd * (1 - b_share))::DOUBLE AS nb_usd,
  sum(usd * CASE WHEN label = 'blocking' THEN b_share ELSE 1 - b_share END)::DOUBLE AS right_usd,
  sum(usd * greatest(b_share, 1 - b_share))::DOUBLE AS best_usd,
  sum(usd * (1 - b_share)) FILTER (WHERE label = 'non_blocking')::DOUBLE AS found_usd,
  sum(usd * b_share) FILTER (WHERE label = 'non_blocking')::DOUBLE AS fn_usd,
  sum(usd) FILTER (WHERE confidence < 0.7 OR decided_by = 'default')::DOUBLE AS low_usd`;
}

async function score(ws) {
  const rows = await ws.all(`
    WITH j AS (SELECT t.*, o.label, o.confidence, o.decided_by FROM truth_rows t JOIN label_keys k USING (call_key) JOIN label_outcomes o USING (outcome)),
    split AS (SELECT truth_workload, label, sum(usd) / sum(sum(usd)) OVER (PARTITION BY truth_workload) AS share FROM j GROUP BY truth_workload, label)
    SELECT w.*, s.labels FROM (
      SELECT truth_workload AS workload, CASE WHEN avg(b_share) >= 0.5 THEN 'blocking' ELSE 'non_blocking' END AS truth, ${metricsSql()}
      FROM j GROUP BY truth_workload) w
    LEFT JOIN (SELECT truth_workload AS workload, string_agg(label || ' ' || round(100 * share, 1) || '%', ', ' ORDER BY share DESC) AS labels
      FROM split GROUP BY ALL) s USING (workload)
    UNION ALL
    SELECT 'all', NULL, ${metricsSql()}, NULL FROM j`);
  return rows.map(finish);
}

function finish(r) {
  const n = (x) => Number(x ?? 0);
  const out = { ...r, usd: n(r.usd), b_usd: n(r.b_usd), nb_usd: n(r.nb_usd), right_usd: n(r.right_usd), best_usd: n(r.best_usd), found_usd: n(r.found_usd), fn_usd: n(r.fn_usd), low_usd: n(r.low_usd) };
  out.acc_spend = out.right_usd / out.usd;
  // A row holds one label: a bucket holding both kinds of work is partly wrong whatever it is labelled. The best any
  // labelling of whole rows can do is each row labelled as most of its spend truly is (100% for per-call truth).
  out.best_spend = out.best_usd / out.usd;
  out.rec_spend = out.nb_usd > 0 ? out.found_usd / out.nb_usd : null;
  out.fn_blocking_spend = out.b_usd > 0 ? out.fn_usd / out.b_usd : 0;
  return out;
}

/** A dataset's whole-dataset row of score(). */
function allRow(rows) {
  return rows.find((r) => r.workload === 'all');
}

/** Whole-dataset rows pooled: sums of spend, then the shares. */
function pooled(alls) {
  const sum = (k) => alls.reduce((a, r) => a + r[k], 0);
  return finish({ usd: sum('usd'), b_usd: sum('b_usd'), nb_usd: sum('nb_usd'), right_usd: sum('right_usd'), best_usd: sum('best_usd'), found_usd: sum('found_usd'), fn_usd: sum('fn_usd'), low_usd: sum('low_usd') });
}

function quote(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

function table(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => (i <= 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
