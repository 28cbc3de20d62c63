// Builds `calls`, `labels` and pricing's `price_points` and `priced_rows` by hand (the stage contracts of src/db/analysis-tables.ts), so
// savings queries and reports are tested without the classify and pricing modules.
import { charges } from '../../src/pricing/charges.ts';
import { ddlFor, labelKeysColumns, labelOutcomesColumns, labelsColumns } from '../../src/db/analysis-tables.ts';
import { pricedView } from '../../src/pricing/price-calls.ts';
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
  // Pricing's own tables: one price point per call (its rates), and per call its tokens and point number;
  // priced_calls is pricing's own view over them (src/pricing/price-calls.ts), as savings_base reads priced_rows.
  const lanes = ['std', 'bat', 'flx', 'bil'] as const;
  await ws.run(`CREATE TABLE price_points (pkey INTEGER, mk INTEGER, rk INTEGER, price_basis VARCHAR, above BIGINT, lane VARCHAR, eligible BOOLEAN,
    catalog_id VARCHAR, price_provider VARCHAR, batch_eligible BOOLEAN, long_context BOOLEAN, price_effective_from DATE,
    ${lanes.flatMap((l) => kinds.map((k) => `${l}_${k} BIGINT`)).join(', ')}, ${charges.flatMap((c) => lanes.map((l) => `${l}_${c.kind} BIGINT`)).join(', ')})`);
  await ws.run(`CREATE TABLE priced_rows (call_key BIGINT, requests BIGINT, ts TIMESTAMPTZ, ended_at TIMESTAMPTZ, pkey INTEGER, averaged BOOLEAN,
    ${kinds.map((k) => `${k}_tok BIGINT`).join(', ')})`);
  let pkey = 0;
  for (const c of calls) {
    const rates = c.rates ?? sonnet;
    const batch = c.batchRates === undefined ? half(rates) : c.batchRates;
    const lane = c.lane ?? 'standard';
    const billed = lane === 'batch' && batch !== null ? batch : rates;
    const tok = { in: c.tokens.in, cr: c.tokens.cr ?? 0n, cw5: c.tokens.cw5 ?? 0n, cw1h: c.tokens.cw1h ?? 0n, out: c.tokens.out };
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
    pkey += 1;
    // No audio, image or web-search rates (std, bat, flx, bil per charge).
    await ws.run(
      `INSERT INTO price_points VALUES ($pkey, $pkey, NULL, 'catalog', -1, $lane, $eligible, $model, $provider, $eligible, false, DATE '2026-01-01',
         $s_in::BIGINT, $s_cr::BIGINT, $s_cw5::BIGINT, $s_cw1h::BIGINT, $s_out::BIGINT,
         $b_in::BIGINT, $b_cr::BIGINT, $b_cw5::BIGINT, $b_cw1h::BIGINT, $b_out::BIGINT,
         NULL, NULL, NULL, NULL, NULL,
         $l_in::BIGINT, $l_cr::BIGINT, $l_cw5::BIGINT, $l_cw1h::BIGINT, $l_out::BIGINT,
         ${charges.map(() => 'NULL, 0, 0, 0').join(', ')})`,
      {
        pkey, model: c.model ?? 'claude-sonnet-4.6', provider: c.provider ?? 'anthropic', lane, eligible: c.batchEligible ?? batch !== null,
        ...Object.fromEntries(kinds.flatMap((k) => [[`s_${k}`, rate(rates, k)], [`b_${k}`, rate(batch, k)], [`l_${k}`, rate(billed, k)]])),
      },
    );
    await ws.run(
      `INSERT INTO priced_rows SELECT call_key, $requests::BIGINT, $ts::TIMESTAMPTZ, $ended::TIMESTAMPTZ, $pkey, false,
         $t_in::BIGINT, $t_cr::BIGINT, $t_cw5::BIGINT, $t_cw1h::BIGINT, $t_out::BIGINT FROM calls WHERE call_id = $id`,
      {
        id: c.id, pkey, ...Object.fromEntries(kinds.map((k) => [`t_${k}`, String(tok[k])])),
        requests: c.requests === null ? null : String(c.requests ?? 1), ts: c.ts ?? '2026-10-01T00:00:00Z', ended: c.endedAt ?? c.ts ?? '2026-10-01T00:00:00Z',
      },
    );
  }
  await ws.run(pricedView(false));
  // The call keys, as the calls view numbers its rows, and the outcomes, as classify numbers its decisions.
  await ws.run('UPDATE labels SET call_key = c.call_key FROM calls c WHERE c.call_id = labels.call_id');
  await ws.run(`CREATE OR REPLACE TEMP TABLE label_outcomes AS
    SELECT row_number() OVER (ORDER BY workload, label, reasons::VARCHAR, deadline_minutes)::INTEGER AS outcome, *
    FROM (SELECT DISTINCT ${labelOutcomesColumns.filter((c) => c.name !== 'outcome').map((c) => c.name).join(', ')} FROM labels)`);
  await ws.run(`UPDATE labels SET outcome = o.outcome FROM label_outcomes o
    WHERE ${labelOutcomesColumns.filter((c) => c.name !== 'outcome').map((c) => `labels.${c.name} IS NOT DISTINCT FROM o.${c.name}`).join(' AND ')}`);
  await ws.run(`CREATE OR REPLACE TEMP TABLE label_keys AS SELECT ${labelKeysColumns.map((c) => c.name).join(', ')} FROM labels`);
  return ws;
}
