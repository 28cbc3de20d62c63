// Builds `calls`, `labels` and `priced_calls` by hand (the stage contracts of src/db/analysis-tables.ts), so
// savings queries and reports are tested without the classify and pricing modules.
import { charges } from '../../src/pricing/charges.ts';
import { ddlFor, labelKeysColumns, labelOutcomesColumns, labelsColumns, pricedCallsColumns } from '../../src/db/analysis-tables.ts';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';

export type TestRates = { in: bigint; cr: bigint; cw5: bigint; cw1h: bigint; out: bigint };

/** µ$/MTok: claude-sonnet-4.6 ($3 / $15, cache read 0.1x, writes 1.25x and 2x) and gpt-5.4 ($2.50 / $15). */
export const sonnet: TestRates = { in: 3_000_000n, cr: 300_000n, cw5: 3_750_000n, cw1h: 6_000_000n, out: 15_000_000n };
export const gpt54: TestRates = { in: 2_500_000n, cr: 250_000n, cw5: 2_500_000n, cw1h: 2_500_000n, out: 15_000_000n };

export const half = (r: TestRates): TestRates => ({ in: r.in / 2n, cr: r.cr / 2n, cw5: r.cw5 / 2n, cw1h: r.cw1h / 2n, out: r.out / 2n });

export type TestCall = {
  id: string;
  ts?: string;
  endedAt?: string;
  model?: string;
  requests?: number | null;
  project?: string;
  apiKey?: string;
  workload: string;
  label: 'blocking' | 'non_blocking';
  reasons?: string[];
  deadlineMinutes?: number;
  agentChain?: boolean;
  provider?: string;
  lane?: 'standard' | 'batch' | 'flex' | 'priority';
  batchEligible?: boolean;
  tokens: { in: bigint; cr?: bigint; cw5?: bigint; cw1h?: bigint; out: bigint };
  rates?: TestRates;
  /** Batch-lane rates; default half of `rates`; null: the provider has no batch lane for it. */
  batchRates?: TestRates | null;
};

const kinds = ['in', 'cr', 'cw5', 'cw1h', 'out'] as const;

export async function analysisWorkspace(calls: readonly TestCall[]): Promise<Workspace> {
  const ws = await openWorkspace(':memory:');
  await ws.run(ddlFor('labels', labelsColumns));
  // priced_calls has no call_id (its rows join calls on call_key); this hand-built one keeps one first, to find
  // each row's call_key below.
  await ws.run(ddlFor('priced_calls', [{ name: 'call_id', type: 'VARCHAR', doc: '' }, ...pricedCallsColumns]));
  for (const c of calls) {
    const rates = c.rates ?? sonnet;
    const batch = c.batchRates === undefined ? half(rates) : c.batchRates;
    const lane = c.lane ?? 'standard';
    const billed = lane === 'batch' && batch !== null ? batch : rates;
    const tok = { in: c.tokens.in, cr: c.tokens.cr ?? 0n, cw5: c.tokens.cw5 ?? 0n, cw1h: c.tokens.cw1h ?? 0n, out: c.tokens.out };
    const cost = kinds.reduce((sum, k) => sum + tok[k] * billed[k], 0n);
    await ws.run(
      `INSERT INTO call_rows (call_id, granularity, ts, ended_at, provider, model, lane, requests, input_tokens, cache_read_tokens, output_tokens, project, api_key, source_file, source_row, source_format)
       VALUES ($id, 'call', $ts::TIMESTAMPTZ, $ended::TIMESTAMPTZ, $provider, $model, $lane, $requests::BIGINT, $in::BIGINT, $cr::BIGINT, $out::BIGINT, $project, $key, 'test', 1, 'test')`,
      {
        id: c.id, ts: c.ts ?? '2026-10-01T00:00:00Z', ended: c.endedAt ?? c.ts ?? '2026-10-01T00:00:00Z', provider: c.provider ?? 'anthropic',
        model: c.model ?? 'claude-sonnet-4.6', lane, requests: c.requests === null ? null : String(c.requests ?? 1), in: String(tok.in), cr: String(tok.cr),
        out: String(tok.out), project: c.project ?? null, key: c.apiKey ?? null,
      },
    );
    await ws.run(
      `INSERT INTO labels VALUES ($id, $workload, $label, 0.9, $reasons::VARCHAR[], 'heuristic', NULL, $deadline::BIGINT, $chain, NULL, NULL)`,
      { id: c.id, workload: c.workload, label: c.label, reasons: JSON.stringify(c.reasons ?? []), deadline: c.deadlineMinutes === undefined ? null : String(c.deadlineMinutes), chain: c.agentChain ?? false },
    );
    const rate = (r: TestRates | null, k: (typeof kinds)[number]) => (r === null ? null : String(r[k]));
    await ws.run(
      `INSERT INTO priced_calls VALUES ($id, $model, $provider, $lane, $eligible, false, false, DATE '2026-01-01', 'catalog',
         $t_in::BIGINT, $t_cr::BIGINT, $t_cw5::BIGINT, $t_cw1h::BIGINT, $t_out::BIGINT,
         $s_in::BIGINT, $s_cr::BIGINT, $s_cw5::BIGINT, $s_cw1h::BIGINT, $s_out::BIGINT,
         $b_in::BIGINT, $b_cr::BIGINT, $b_cw5::BIGINT, $b_cw1h::BIGINT, $b_out::BIGINT,
         NULL, NULL, NULL, NULL, NULL,
         $l_in::BIGINT, $l_cr::BIGINT, $l_cw5::BIGINT, $l_cw1h::BIGINT, $l_out::BIGINT,
         ${charges.map(() => '0, NULL, 0, 0, 0').join(', ')}, -- no audio, image or web-search charges (quantity, std, bat, flx, bil)
         0, 0, $cost::HUGEINT, NULL,
         $requests::BIGINT, $ts::TIMESTAMPTZ, $ended::TIMESTAMPTZ)`,
      {
        id: c.id, model: c.model ?? 'claude-sonnet-4.6', provider: c.provider ?? 'anthropic', lane, eligible: c.batchEligible ?? batch !== null,
        ...Object.fromEntries(kinds.flatMap((k) => [[`t_${k}`, String(tok[k])], [`s_${k}`, rate(rates, k)], [`b_${k}`, rate(batch, k)], [`l_${k}`, rate(billed, k)]])),
        cost: String(cost), requests: c.requests === null ? null : String(c.requests ?? 1),
        ts: c.ts ?? '2026-10-01T00:00:00Z', ended: c.endedAt ?? c.ts ?? '2026-10-01T00:00:00Z',
      },
    );
  }
  // The call keys, as the calls view numbers its rows, and the outcomes, as classify numbers its decisions.
  for (const table of ['labels', 'priced_calls']) {
    await ws.run(`UPDATE ${table} SET call_key = c.call_key FROM calls c WHERE c.call_id = ${table}.call_id`);
  }
  await ws.run(`CREATE OR REPLACE TEMP TABLE label_outcomes AS
    SELECT row_number() OVER (ORDER BY workload, label, reasons::VARCHAR, deadline_minutes)::INTEGER AS outcome, *
    FROM (SELECT DISTINCT ${labelOutcomesColumns.filter((c) => c.name !== 'outcome').map((c) => c.name).join(', ')} FROM labels)`);
  await ws.run(`UPDATE labels SET outcome = o.outcome FROM label_outcomes o
    WHERE ${labelOutcomesColumns.filter((c) => c.name !== 'outcome').map((c) => `labels.${c.name} IS NOT DISTINCT FROM o.${c.name}`).join(' AND ')}`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE label_keys AS SELECT ${labelKeysColumns.map((c) => c.name).join(', ')} FROM labels`);
  return ws;
}
