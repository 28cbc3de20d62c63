// The contracts between pipeline stages, rebuilt per run as TEMP tables and views. Classify writes `label_keys`
// (per call: its outcome) and `label_outcomes` (per outcome: workload, label, reasons), and `labels` joins them
// with calls.call_id; pricing writes `priced_calls` (a view: per call tokens and a price key, rates per key).
// The report and `check` read label_keys, label_outcomes and priced_calls; explain and exports read labels.
import type { ColumnSpec } from './schema.ts';
import { charges } from '../pricing/charges.ts';

type Spec = { readonly name: string; readonly type: string; readonly doc: string };

export const labelsColumns = [
  { name: 'call_id', type: 'VARCHAR', doc: 'calls.call_id' },
  { name: 'workload', type: 'VARCHAR', doc: 'readable workload name (tag, rule, or the most specific grouping the source allows)' },
  { name: 'label', type: 'VARCHAR', doc: "'blocking' or 'non_blocking' (already-batch calls are non_blocking)" },
  { name: 'confidence', type: 'DOUBLE', doc: '0..1' },
  { name: 'reasons', type: 'VARCHAR[]', doc: 'human-readable reasons, the deciding one first' },
  { name: 'decided_by', type: 'VARCHAR', doc: "'lane' | 'rule' | 'heuristic' | 'default'" },
  { name: 'rule_name', type: 'VARCHAR', doc: 'the rules-file rule that decided, if any' },
  { name: 'deadline_minutes', type: 'BIGINT', doc: 'deadline set by a rule, if any' },
  { name: 'agent_chain', type: 'BOOLEAN', doc: 'part of a chained multi-step agent loop' },
  { name: 'outcome', type: 'INTEGER', doc: 'the decision this call shares with others: label_outcomes.outcome' },
  { name: 'call_key', type: 'BIGINT', doc: 'calls.call_key: what queries over many calls join on' },
] as const satisfies readonly Spec[];

/** Per call, in numbers only: what queries over millions of calls read (with label_outcomes for names). */
export const labelKeysColumns = [
  { name: 'call_key', type: 'BIGINT', doc: 'calls.call_key' },
  { name: 'outcome', type: 'INTEGER', doc: 'label_outcomes.outcome' },
  { name: 'agent_chain', type: 'BOOLEAN', doc: 'part of a chained multi-step agent loop' },
] as const satisfies readonly Spec[];

/**
 * One row per distinct decision (workload, label, confidence, reasons, rule, deadline): what `labels` shows for
 * every call with that outcome. Queries over millions of calls group by `outcome` and read these once per group.
 */
export const labelOutcomesColumns = [
  { name: 'outcome', type: 'INTEGER', doc: 'the decision number' },
  ...labelsColumns.filter((c) => !['call_id', 'agent_chain', 'outcome', 'call_key'].includes(c.name)),
] as const satisfies readonly Spec[];

/**
 * Rates are integer micro-dollars per million tokens (µ$/MTok: $3.00/MTok = 3000000), so that
 * tokens x rate is an exact integer number of pico-dollars (1e-12 USD). Tokens are 0 where the call had NULL.
 * Cache writes with an unknown TTL are counted in cw5_tok (priced at the 5-minute rate).
 */
export const pricedCallsColumns = [
  // No call_id: join `calls` on call_key for it (storing 5M distinct id strings doubled the pricing statement).
  { name: 'catalog_id', type: 'VARCHAR', doc: 'the catalog model the call resolved to' },
  { name: 'price_provider', type: 'VARCHAR', doc: 'the catalog provider' },
  { name: 'lane', type: 'VARCHAR', doc: 'billed lane: standard, batch, flex, priority' },
  { name: 'batch_eligible', type: 'BOOLEAN', doc: "the provider's batch lane accepts this operation for this model" },
  { name: 'long_context', type: 'BOOLEAN', doc: 'a long-context tier (cliff) was applied' },
  { name: 'averaged', type: 'BOOLEAN', doc: 'bucket row: the tier was decided on the average input per request' },
  { name: 'price_effective_from', type: 'DATE', doc: 'the catalog entry in effect on the call date' },
  {
    name: 'price_basis',
    type: 'VARCHAR',
    doc: "'catalog', or 'reported': a call of a model the catalog cannot price, carried at the cost its source reported (catalog_id '<model> (reported)'; its in_tok holds that cost in nano-dollars at a 1000 µ$/MTok pseudo-rate, so cost_pico is exact and the batch rate is the provider's batch rule)",
  },
  { name: 'in_tok', type: 'BIGINT', doc: 'uncached input tokens' },
  { name: 'cr_tok', type: 'BIGINT', doc: 'cache read tokens' },
  { name: 'cw5_tok', type: 'BIGINT', doc: '5-minute (and unknown-TTL) cache write tokens' },
  { name: 'cw1h_tok', type: 'BIGINT', doc: '1-hour cache write tokens' },
  { name: 'out_tok', type: 'BIGINT', doc: 'output tokens' },
  { name: 'std_in', type: 'BIGINT', doc: 'standard-lane list rate, µ$/MTok (tier applied)' },
  { name: 'std_cr', type: 'BIGINT', doc: '' },
  { name: 'std_cw5', type: 'BIGINT', doc: '' },
  { name: 'std_cw1h', type: 'BIGINT', doc: '' },
  { name: 'std_out', type: 'BIGINT', doc: '' },
  { name: 'bat_in', type: 'BIGINT', doc: 'batch-lane rate, µ$/MTok; NULL when there is no batch lane' },
  { name: 'bat_cr', type: 'BIGINT', doc: '' },
  { name: 'bat_cw5', type: 'BIGINT', doc: '' },
  { name: 'bat_cw1h', type: 'BIGINT', doc: '' },
  { name: 'bat_out', type: 'BIGINT', doc: '' },
  { name: 'flx_in', type: 'BIGINT', doc: 'flex-lane rate, µ$/MTok; NULL when the catalog has no flex lane for the model (read by `plan`)' },
  { name: 'flx_cr', type: 'BIGINT', doc: '' },
  { name: 'flx_cw5', type: 'BIGINT', doc: '' },
  { name: 'flx_cw1h', type: 'BIGINT', doc: '' },
  { name: 'flx_out', type: 'BIGINT', doc: '' },
  { name: 'bil_in', type: 'BIGINT', doc: 'rate on the billed lane, µ$/MTok' },
  { name: 'bil_cr', type: 'BIGINT', doc: '' },
  { name: 'bil_cw5', type: 'BIGINT', doc: '' },
  { name: 'bil_cw1h', type: 'BIGINT', doc: '' },
  { name: 'bil_out', type: 'BIGINT', doc: '' },
  // The charges that are not text tokens (src/pricing/charges.ts), each a quantity and four rates in µ$ per
  // million units: std_ NULL when the catalog has no rate (the quantity is then reported unpriced and costs 0 here);
  // bat_, flx_ and bil_ never NULL (a lane without its own rate falls back to standard).
  ...charges.flatMap((c) => [
    { name: `${c.kind}_tok`, type: 'BIGINT', doc: `${c.label} (calls.${c.column}; 0 where NULL)` },
    { name: `std_${c.kind}`, type: 'BIGINT', doc: `standard rate for ${c.label}, µ$ per million; NULL: no rate in the catalog` },
    { name: `bat_${c.kind}`, type: 'BIGINT', doc: '' },
    { name: `flx_${c.kind}`, type: 'BIGINT', doc: '' },
    { name: `bil_${c.kind}`, type: 'BIGINT', doc: '' },
  ]),
  // The charges' cost per call on the billed and on the batch lane (0 without charges): what the savings query
  // sums, so that the five charges add two sums to its single pass, not ten grouping columns.
  { name: 'chg_bil_pico', type: 'HUGEINT', doc: 'charges x billed rates, pico-dollars' },
  { name: 'chg_bat_pico', type: 'HUGEINT', doc: 'charges x batch-lane rates, pico-dollars (a charge without a batch rate at standard)' },
  { name: 'cost_pico', type: 'HUGEINT', doc: 'cost as billed, pico-dollars: sum of tokens (and charges) x billed rates' },
  { name: 'call_key', type: 'BIGINT', doc: 'calls.call_key: what queries over many calls join on' },
  // The call facts the savings report sums, copied here so that its single pass need not read `calls` too.
  { name: 'requests', type: 'BIGINT', doc: 'calls.requests (NULL when the source does not say)' },
  { name: 'ts', type: 'TIMESTAMPTZ', doc: 'calls.ts' },
  { name: 'ended_at', type: 'TIMESTAMPTZ', doc: 'calls.ended_at' },
] as const satisfies readonly Spec[];

export const ddlFor = (table: string, columns: readonly Spec[]): string =>
  `CREATE OR REPLACE TEMP TABLE ${table} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;

export type { ColumnSpec };
