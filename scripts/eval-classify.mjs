// npm run eval:classify — generates the labelled corpus (src/classify/eval/corpus.ts), ingests it, labels it
// without rules and with fixtures/classify/eval-rules.yaml, and prints accuracy, precision and recall of
// non_blocking weighted by spend and by requests, per workload and overall. Exit 1 when a target is missed.
// Runs on the built dist/ (npm run build first). Spend uses a small list-price table of its own, so the
// evaluation does not depend on the pricing module.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyCalls, loadRules } from '../dist/classify/index.js';
import { generateCorpus } from '../dist/classify/eval/corpus.js';
import { openWorkspace } from '../dist/db/workspace.js';
import { ingestFiles } from '../dist/ingest/ingest.js';

const rulesFile = fileURLToPath(new URL('../fixtures/classify/eval-rules.yaml', import.meta.url));

// USD per 1M tokens: input, cache read, output (list, standard lane; batch is half).
const prices = `(VALUES
  ('claude-sonnet-4-6', 3.00, 0.30, 15.00), ('claude-opus-4-7', 5.00, 0.50, 25.00),
  ('gpt-5.4', 2.50, 0.25, 15.00), ('gpt-5.4-mini', 0.25, 0.025, 2.00),
  ('text-embedding-3-small', 0.02, 0.02, 0), ('text-embedding-3-large', 0.13, 0.13, 0)) AS p(model, p_in, p_cr, p_out)`;

const dir = mkdtempSync(join(tmpdir(), 'batchable-eval-'));
const ws = await openWorkspace(':memory:');
let failed = false;
try {
  const files = await generateCorpus(ws, dir);
  let t = performance.now();
  const summary = await ingestFiles(ws, [files.corpus]);
  const ingestMs = performance.now() - t;
  await ws.run(`CREATE TEMP TABLE truth AS SELECT * FROM read_csv(${quote(files.truth)}, header = true, all_varchar = true)`);
  await ws.run(`CREATE TEMP TABLE spend AS
    SELECT c.call_id, t.truth_label, t.truth_workload, coalesce(c.requests, 1) AS requests,
      CAST((coalesce(c.input_tokens, 0) * p.p_in + coalesce(c.cache_read_tokens, 0) * p.p_cr + coalesce(c.output_tokens, 0) * p.p_out)
        / 1e6 * CASE WHEN c.lane IN ('batch', 'flex') THEN 0.5 ELSE 1 END AS DECIMAL(18, 9)) AS usd
    FROM calls c JOIN truth t USING (call_id) JOIN ${prices} USING (model)`);
  console.log(`corpus: ${files.rows.toLocaleString('en-US')} calls generated, ${summary.calls.toLocaleString('en-US')} ingested in ${(ingestMs / 1000).toFixed(1)} s`);

  for (const [title, rules] of [['without rules', undefined], [`with rules (${rulesFile.split('/').slice(-3).join('/')})`, await loadRules(rulesFile)]]) {
    t = performance.now();
    await classifyCalls(ws, rules);
    const classifyMs = performance.now() - t;
    const result = await evaluate(ws);
    console.log(`\n== ${title}: labelled in ${(classifyMs / 1000).toFixed(1)} s (${Math.round((100 * classifyMs) / ingestMs)}% of ingest time)\n`);
    console.log(render(result));
    const overall = result.find((r) => r.workload === 'overall');
    const checks = rules === undefined
      ? [
          [`spend-weighted accuracy >= 95%`, overall.acc_spend >= 0.95],
          [`blocking spend labelled non_blocking <= 1% of blocking spend`, overall.fn_blocking_spend <= 0.01],
        ]
      : [[`every workload right (100% accuracy by requests)`, result.every((r) => r.acc_req === 1)]];
    for (const [what, ok] of checks) {
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
      if (!ok) failed = true;
    }
  }
} finally {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

function quote(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

async function evaluate(ws) {
  const metrics = `
    count(*) AS calls,
    sum(usd)::DOUBLE AS usd,
    any_value(truth_label) AS truth,
    coalesce(sum(usd) FILTER (WHERE label = truth_label), 0)::DOUBLE / nullif(sum(usd), 0)::DOUBLE AS acc_spend,
    coalesce(sum(requests) FILTER (WHERE label = truth_label), 0)::DOUBLE / sum(requests)::DOUBLE AS acc_req,
    sum(usd) FILTER (WHERE label = 'non_blocking' AND truth_label = 'non_blocking')::DOUBLE / nullif(sum(usd) FILTER (WHERE label = 'non_blocking'), 0)::DOUBLE AS prec_spend,
    coalesce(sum(usd) FILTER (WHERE label = 'non_blocking' AND truth_label = 'non_blocking'), 0)::DOUBLE / nullif(sum(usd) FILTER (WHERE truth_label = 'non_blocking'), 0)::DOUBLE AS rec_spend,
    sum(requests) FILTER (WHERE label = 'non_blocking' AND truth_label = 'non_blocking')::DOUBLE / nullif(sum(requests) FILTER (WHERE label = 'non_blocking'), 0)::DOUBLE AS prec_req,
    coalesce(sum(requests) FILTER (WHERE label = 'non_blocking' AND truth_label = 'non_blocking'), 0)::DOUBLE / nullif(sum(requests) FILTER (WHERE truth_label = 'non_blocking'), 0)::DOUBLE AS rec_req,
    coalesce(sum(usd) FILTER (WHERE label = 'non_blocking' AND truth_label = 'blocking'), 0)::DOUBLE / nullif(sum(usd) FILTER (WHERE truth_label = 'blocking'), 0)::DOUBLE AS fn_blocking_spend`;
  return ws.all(`
    WITH j AS (SELECT s.*, l.label FROM spend s JOIN labels l USING (call_id))
    SELECT * FROM (SELECT truth_workload AS workload, ${metrics} FROM j GROUP BY truth_workload ORDER BY truth DESC, usd DESC)
    UNION ALL
    SELECT 'overall' AS workload, ${metrics} FROM j`);
}

function render(rows) {
  const pct = (x) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
  const head = ['workload', 'truth', 'calls', 'spend $', 'acc spend', 'acc req', 'prec nb spend', 'rec nb spend', 'prec nb req', 'rec nb req'];
  const body = rows.map((r) => [
    r.workload, r.workload === 'overall' ? '' : r.truth, Number(r.calls).toLocaleString('en-US'), r.usd.toFixed(2),
    pct(r.acc_spend), pct(r.acc_req), pct(r.prec_spend), pct(r.rec_spend), pct(r.prec_req), pct(r.rec_req),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const overall = rows.find((r) => r.workload === 'overall');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line),
    '', `blocking spend wrongly labelled non_blocking: ${pct(overall.fn_blocking_spend)} of blocking spend`].join('\n');
}
