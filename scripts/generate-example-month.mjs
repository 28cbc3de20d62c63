#!/usr/bin/env node
// Writes fixtures/example-month/larkspur-2026-10.csv.gz: October 2026 of a fictional org's LLM traffic (Larkspur,
// a support-software company), per call, in our generic `batchable-csv` format, from a fixed seed, so that the
// README's first command shows what the tool finds. The same seed always writes the same bytes.
//
//   node scripts/generate-example-month.mjs [--out FILE] [--seed N]
//
// Fictional, not real data: every workload is modelled on a traffic shape the seeds and the adapters' format notes describe
// (streamed chat with human think time, autocomplete, chained agent loops, nightly digests at 02:00, 24/7
// backfills, weekly evals, bulk embedding backfills, an hourly cron with a deadline, a job already on the batch
// lane, a low-volume job that batch would not pay for). Three providers: OpenAI, Anthropic, Google.
// Token counts follow rough per-workload distributions (log-normal), so costs are realistic in size, not exact.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { out: { type: 'string', default: `${root}fixtures/example-month/larkspur-2026-10.csv.gz` }, seed: { type: 'string', default: '20261001' } },
});

// mulberry32: tiny, fast, and the same sequence on every platform.
let state = Number(values.seed) >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
/** Log-normal around a median, clamped: token counts are skewed with a long right tail. */
const tokens = (median, spread, lo, hi) => Math.max(lo, Math.min(hi, Math.round(median * Math.exp(spread * normal()))));

const start = Date.UTC(2026, 9, 1); // 2026-10-01T00:00:00Z
const days = 31;
const hour = 3_600_000;
const rows = [];
let seq = 0;

/** Office hours of the org: 08:00-18:00 America/New_York (EDT, UTC-4 in October) = 12:00-22:00 UTC, weekdays busier. */
function officeTime(day) {
  const weekday = new Date(start + day * 24 * hour).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (weekend && rand() < 0.8) return null;
  // Two humps (late morning, mid afternoon), as interactive traffic has.
  const h = rand() < 0.5 ? 13.5 + normal() * 1.2 : 19 + normal() * 1.5;
  if (h < 11.5 || h > 23) return null;
  return start + day * 24 * hour + Math.round(h * hour);
}

function push(r) {
  seq += 1;
  rows.push({ call_id: `lk_${String(seq).padStart(6, '0')}`, ...r });
}

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

// 1. support-chat: agents' copilot answering customer tickets. Streamed, prompt-cached system prompt, users with
// think time between turns in a session. Blocking.
for (let day = 0; day < days; day++) {
  for (let s = 0; s < 90; s++) {
    let t = officeTime(day);
    if (t === null) continue;
    const user = `agent_${int(1, 60)}`;
    const session = `sess_${day}_${s}`;
    const turns = int(2, 7);
    for (let k = 0; k < turns; k++) {
      const ttft = int(350, 1400);
      const out = tokens(420, 0.5, 40, 2400);
      push({ ts: iso(t), model: 'claude-sonnet-4-6', operation: 'chat', lane: '', input_tokens: tokens(1800, 0.6, 200, 30000), cache_read_tokens: 6000, cache_write_5m_tokens: k === 0 ? 6000 : 0,
        output_tokens: out, streamed: 'true', ttft_ms: ttft, latency_ms: ttft + out * 12, api_key: 'key_support_web', project: 'support', user_id: user, session_id: session, trace_id: '', feature: 'support-chat' });
      t += int(25, 240) * 1000; // the agent reads, edits, sends: human think time
    }
  }
}

// 2. reply-autocomplete: inline suggestions while an agent types. Streamed, tiny outputs, many calls. Blocking.
for (let day = 0; day < days; day++) {
  for (let i = 0; i < 420; i++) {
    const t = officeTime(day);
    if (t === null) continue;
    const ttft = int(120, 450);
    const out = tokens(24, 0.5, 4, 120);
    push({ ts: iso(t + int(0, 59_000)), model: 'gpt-5.4-mini', operation: 'chat', lane: '', input_tokens: tokens(600, 0.4, 80, 4000), cache_read_tokens: '', cache_write_5m_tokens: '',
      output_tokens: out, streamed: 'true', ttft_ms: ttft, latency_ms: ttft + out * 8, api_key: 'key_support_web', project: 'support', user_id: `agent_${int(1, 60)}`, session_id: '', trace_id: '', feature: 'reply-autocomplete' });
  }
}

// 3. kb-search: one short query embedding per help-center search. Blocking (someone typed a question).
for (let day = 0; day < days; day++) {
  for (let i = 0; i < 200; i++) {
    const t = officeTime(day);
    if (t === null) continue;
    push({ ts: iso(t), model: 'text-embedding-3-small', operation: 'embeddings', lane: '', input_tokens: tokens(14, 0.4, 3, 60), cache_read_tokens: '', cache_write_5m_tokens: '',
      output_tokens: 0, streamed: '', ttft_ms: '', latency_ms: int(60, 240), api_key: 'key_helpcenter', project: 'helpcenter', user_id: `visitor_${int(1, 5000)}`, session_id: '', trace_id: '', feature: 'kb-search' });
  }
}

// 4. research-agent: a tool-using agent answering an agent's question, 4-9 chained steps a few hundred ms apart
// in one trace. Blocking (a person waits) and chained.
for (let day = 0; day < days; day++) {
  for (let r = 0; r < 25; r++) {
    let t = officeTime(day);
    if (t === null) continue;
    const trace = `tr_${day}_${r}`;
    const steps = int(4, 9);
    for (let k = 0; k < steps; k++) {
      const latency = int(1500, 6000);
      push({ ts: iso(t), model: 'gpt-5.4', operation: 'responses', lane: '', input_tokens: tokens(5200, 0.4, 800, 60000), cache_read_tokens: '', cache_write_5m_tokens: '',
        output_tokens: tokens(380, 0.6, 30, 3000), streamed: 'false', ttft_ms: '', latency_ms: latency, api_key: 'key_agents', project: 'support', user_id: `agent_${int(1, 60)}`, session_id: '', trace_id: trace, feature: 'research-agent' });
      t += latency + int(150, 700);
    }
  }
}

// 5. nightly-digest: per-customer summary of yesterday's tickets, at 02:00 UTC, a worker loop with no user.
// The system prompt is cached (5-minute writes, then reads): batch's turnaround would outlive that cache.
for (let day = 0; day < days; day++) {
  let t = start + day * 24 * hour + 2 * hour;
  for (let i = 0; i < 380; i++) {
    const latency = int(4000, 14000);
    push({ ts: iso(t), model: 'claude-sonnet-4-6', operation: 'chat', lane: '', input_tokens: tokens(9000, 0.5, 1500, 120000), cache_read_tokens: i % 50 === 0 ? 0 : 4000, cache_write_5m_tokens: i % 50 === 0 ? 4000 : 0,
      output_tokens: tokens(700, 0.4, 120, 3000), streamed: 'false', ttft_ms: '', latency_ms: latency, api_key: 'key_worker_digest', project: 'jobs', user_id: '', session_id: '', trace_id: '', feature: 'nightly-digest' });
    t += int(2000, 9000);
  }
}

// 6. catalog-enrichment: a backfill tagging every help article, flat around the clock for the first 12 days.
for (let i = 0; i < 9000; i++) {
  const t = start + Math.floor(rand() * 12 * 24 * hour);
  push({ ts: iso(t), model: 'gpt-5.4-mini', operation: 'chat', lane: '', input_tokens: tokens(2400, 0.5, 300, 40000), cache_read_tokens: '', cache_write_5m_tokens: '',
    output_tokens: tokens(260, 0.5, 20, 2000), streamed: 'false', ttft_ms: '', latency_ms: int(1200, 5000), api_key: 'key_backfill', project: 'jobs', user_id: '', session_id: '', trace_id: '', feature: 'catalog-enrichment' });
}

// 7. weekly-eval: the regression suite on Sundays 04:00 UTC, 1,500 cases on gpt-5.4.
for (let day = 0; day < days; day++) {
  if (new Date(start + day * 24 * hour).getUTCDay() !== 0) continue;
  let t = start + day * 24 * hour + 4 * hour;
  for (let i = 0; i < 1500; i++) {
    push({ ts: iso(t), model: 'gpt-5.4', operation: 'responses', lane: '', input_tokens: tokens(3500, 0.5, 400, 50000), cache_read_tokens: '', cache_write_5m_tokens: '',
      output_tokens: tokens(900, 0.5, 50, 6000), streamed: 'false', ttft_ms: '', latency_ms: int(3000, 15000), api_key: 'key_ci_eval', project: 'ml', user_id: '', session_id: '', trace_id: '', feature: 'weekly-eval' });
    t += int(800, 3000);
  }
}

// 8. kb-embed-backfill: re-embedding the knowledge base in bulk (long inputs), nightly at 03:00 UTC.
for (let day = 0; day < days; day++) {
  let t = start + day * 24 * hour + 3 * hour;
  for (let i = 0; i < 160; i++) {
    push({ ts: iso(t), model: 'text-embedding-3-large', operation: 'embeddings', lane: '', input_tokens: tokens(6000, 0.3, 1000, 8000), cache_read_tokens: '', cache_write_5m_tokens: '',
      output_tokens: 0, streamed: '', ttft_ms: '', latency_ms: int(200, 900), api_key: 'key_worker_embed', project: 'jobs', user_id: '', session_id: '', trace_id: '', feature: 'kb-embed-backfill' });
    t += int(500, 2000);
  }
}

// 9. sla-triage-report: an hourly cron classifying the last hour's tickets for the SLA dashboard, read within
// a few hours (the example rules file gives it a 4 h deadline: a case for OpenAI flex, not the 24 h batch).
for (let day = 0; day < days; day++) {
  for (let h = 0; h < 24; h++) {
    let t = start + day * 24 * hour + h * hour + 5 * 60_000;
    for (let i = 0; i < 22; i++) {
      push({ ts: iso(t), model: 'gpt-5.4', operation: 'chat', lane: '', input_tokens: tokens(2600, 0.4, 400, 20000), cache_read_tokens: '', cache_write_5m_tokens: '',
        output_tokens: tokens(180, 0.4, 20, 1200), streamed: 'false', ttft_ms: '', latency_ms: int(1500, 5000), api_key: 'key_cron_sla', project: 'jobs', user_id: '', session_id: '', trace_id: '', feature: 'sla-triage-report' });
      t += int(1500, 6000);
    }
  }
}

// 10. churn-signals: Gemini scoring every account's last week of tickets, nightly at 01:00 UTC.
for (let day = 0; day < days; day++) {
  let t = start + day * 24 * hour + 1 * hour;
  for (let i = 0; i < 260; i++) {
    push({ ts: iso(t), model: 'gemini-3-flash', operation: 'chat', lane: '', input_tokens: tokens(7000, 0.6, 800, 100000), cache_read_tokens: '', cache_write_5m_tokens: '',
      output_tokens: tokens(300, 0.5, 30, 2000), streamed: 'false', ttft_ms: '', latency_ms: int(1500, 6000), api_key: 'key_worker_churn', project: 'analytics', user_id: '', session_id: '', trace_id: '', feature: 'churn-signals' });
    t += int(1000, 4000);
  }
}

// 11. monthly-report: already on the OpenAI Batch API (billed on the batch lane): nothing more to save.
for (let i = 0; i < 1200; i++) {
  const t = start + 28 * 24 * hour + 5 * hour + i * 1500;
  push({ ts: iso(t), model: 'gpt-5.4', operation: 'chat', lane: 'batch', input_tokens: tokens(4000, 0.4, 500, 30000), cache_read_tokens: '', cache_write_5m_tokens: '',
    output_tokens: tokens(600, 0.4, 60, 3000), streamed: 'false', ttft_ms: '', latency_ms: '', api_key: 'key_worker_reports', project: 'analytics', user_id: '', session_id: '', trace_id: '', feature: 'monthly-report' });
}

// 12. invoice-notes-etl: a tiny nightly job on Gemini Flash-Lite; batch would save cents, less than the plumbing.
for (let day = 0; day < days; day++) {
  const t = start + day * 24 * hour + 4 * hour + 30 * 60_000;
  for (let i = 0; i < 6; i++) {
    push({ ts: iso(t + i * 4000), model: 'gemini-2.5-flash-lite', operation: 'chat', lane: '', input_tokens: tokens(900, 0.3, 100, 4000), cache_read_tokens: '', cache_write_5m_tokens: '',
      output_tokens: tokens(120, 0.3, 10, 600), streamed: 'false', ttft_ms: '', latency_ms: int(600, 2000), api_key: 'key_etl_billing', project: 'finance', user_id: '', session_id: '', trace_id: '', feature: 'invoice-notes-etl' });
  }
}

// In time order, as an export would be; call ids keep their generation order (they are opaque).
rows.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.call_id < b.call_id ? -1 : 1));
const columns = ['call_id', 'ts', 'model', 'operation', 'lane', 'input_tokens', 'cache_read_tokens', 'cache_write_5m_tokens', 'output_tokens', 'streamed', 'ttft_ms', 'latency_ms',
  'api_key', 'project', 'user_id', 'session_id', 'trace_id', 'feature'];
const csv = `${columns.join(',')}\n${rows.map((r) => columns.map((c) => r[c]).join(',')).join('\n')}\n`;
mkdirSync(dirname(values.out), { recursive: true });
// level 9 and no file name or time in the header: the bytes depend on the seed only.
writeFileSync(values.out, gzipSync(csv, { level: 9 }));
console.error(`${rows.length.toLocaleString('en-US')} calls written to ${values.out}`);
