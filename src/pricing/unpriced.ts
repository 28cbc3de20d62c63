// What the catalog could not price, for the "Unpriced" part of every report and for `check`: the calls of models
// no rule resolved (priceCalls' price_unpriced), and the charges that are not text tokens and have no rate in the
// catalog (web searches, audio and image tokens). Runs only when there is something to say: with every model priced it reads nothing.
import { scopeSql, type SavingsFilter } from '../db/queries/savings.ts';
import { hasRows } from '../db/has-rows.ts';
import type { Params, Workspace } from '../db/types.ts';
import { normaliseModel } from './model-names.ts';
import { routeOf } from './routes.ts';
import { chargeColumns, charges, type ChargeName } from './charges.ts';
import { shellWord } from '../report/escape.ts';

export type UnpricedModel = {
  readonly model: string;
  readonly provider: string | null;
  readonly reason: string;
  readonly closest: readonly string[];
  readonly calls: bigint;
  /** requests, a row without a count counting as one (as the savings report does) */
  readonly requests: bigint;
  readonly tokens: bigint;
  /** the cost the source reported for these calls, micro-dollars; null when it reported none */
  readonly reportedMicros: bigint | null;
  readonly reportedCalls: bigint;
  /** requests left out of every money figure: no catalog price and no reported cost */
  readonly unpricedRequests: bigint;
  /** the command that fixes it */
  readonly fix: string;
};

/** A charge that is not a text token and has no rate in the catalog: shown as a quantity, never priced as text. */
export type UnpricedCharge = { readonly model: string; readonly charge: ChargeName; readonly calls: bigint; readonly quantity: bigint };

export type Unpriced = { readonly models: readonly UnpricedModel[]; readonly charges: readonly UnpricedCharge[] };

export const noUnpriced: Unpriced = { models: [], charges: [] };

/**
 * `; closest: a, b, c` (or another label) after an unpriced model's reason, or nothing: only the most-called ids are
 * given closest ids, and a name that names no model (an application inference profile ARN) has none.
 */
export const closestText = (closest: readonly string[], label = 'closest'): string => (closest.length === 0 ? '' : `; ${label}: ${closest.join(', ')}`);

/**
 * The alias command that fixes an unpriced name. The closest id is filled in only when the name starts with it
 * (`openai/gpt-4o-proxy` -> gpt-4o); otherwise a placeholder: an edit-distance neighbour is a guess, not a fix. Nor is
 * the name itself: a name that is a catalog id and still unpriced is another host's price (`qwen/qwen3-32b`, Groq's, in
 * an OpenRouter call), and an alias to it would price the call at the host the reason just ruled out.
 */
export function fixCommand(model: string, provider: string | null, closest: readonly string[]): string {
  const first = closest[0];
  const name = normaliseModel(routeOf(model).name);
  const target = first !== undefined && name.startsWith(normaliseModel(first)) && normaliseModel(model) !== normaliseModel(first) ? first : '<catalog id>';
  return `batchable pricing alias ${shellWord(`${model}=${target}`)}${provider === null ? '' : ` --provider ${shellWord(provider)}`}`;
}

/** The calls `scope` keeps (period, workloads) of models the catalog could not price, most calls first. */
export async function selectUnpriced(ws: Workspace, filter: SavingsFilter): Promise<Unpriced> {
  const [state] = await ws.all<{ unpriced: bigint; byProvider: boolean }>(
    `SELECT count(*) AS unpriced, bool_or(call_provider IS NOT NULL) AS "byProvider" FROM price_unpriced`,
  );
  const { where, params } = scopeSql(filter);
  // Most exports have no web searches, audio or image tokens: the charge columns, stopping at the first hit, before any join.
  const any = (alias: string) => chargeColumns.map((c) => `${alias}${c} > 0`).join(' OR ');
  const charged = await hasRows(ws, `SELECT 1 FROM calls WHERE ${any('')}`);
  // One row per (call, charge) it carries, in one scan of the scoped calls. A charge is unpriced where the call's
  // price has no rate for it (std_<kind> NULL), or the call has no catalog price at all (not in priced_calls).
  const perCharge = `unnest([${charges.map((c) => `{'charge': '${c.column}', 'quantity': CASE WHEN q.std_${c.kind} IS NULL THEN p.${c.column} END}`).join(', ')}]) AS x`;
  const rows = !charged ? [] : await ws.all<UnpricedCharge>(
    `SELECT model, x.charge AS charge, count(*)::BIGINT AS calls, sum(x.quantity)::BIGINT AS quantity
     FROM (SELECT p.model, ${perCharge} FROM calls p JOIN label_keys k USING (call_key) LEFT JOIN priced_calls q USING (call_key)
       ${where ? `${where} AND` : 'WHERE'} (${any('p.')}))
     WHERE x.quantity > 0
     GROUP BY ALL ORDER BY quantity DESC, model, charge`,
    params as Params,
  );
  if ((state?.unpriced ?? 0n) === 0n) return { models: [], charges: rows };
  const providerMatch = state?.byProvider ? ' AND u.call_provider IS NOT DISTINCT FROM p.provider' : '';
  const models = await ws.all<Omit<UnpricedModel, 'fix'>>(
    `SELECT p.model, p.provider, any_value(u.reason) AS reason, any_value(u.closest) AS closest,
       count(*)::BIGINT AS calls, sum(coalesce(p.requests, 1))::BIGINT AS requests,
       sum(coalesce(p.input_tokens, 0) + coalesce(p.cache_read_tokens, 0) + coalesce(p.cache_write_5m_tokens, 0) + coalesce(p.cache_write_1h_tokens, 0)
         + coalesce(p.cache_write_unknown_tokens, 0) + coalesce(p.output_tokens, 0)
         + coalesce(p.audio_input_tokens, 0) + coalesce(p.audio_output_tokens, 0) + coalesce(p.image_input_tokens, 0) + coalesce(p.image_output_tokens, 0))::BIGINT AS tokens,
       CAST(round(sum(p.reported_cost) * 1000000) AS BIGINT) AS "reportedMicros",
       count(p.reported_cost)::BIGINT AS "reportedCalls",
       coalesce(sum(coalesce(p.requests, 1)) FILTER (WHERE p.reported_cost IS NULL), 0)::BIGINT AS "unpricedRequests"
     FROM calls p JOIN label_keys k USING (call_key) JOIN price_unpriced u ON u.model = p.model${providerMatch}
     ${where}
     GROUP BY p.model, p.provider ORDER BY calls DESC, p.model, p.provider`,
    params as Params,
  );
  return { models: models.map((r) => ({ ...r, fix: fixCommand(r.model, state?.byProvider ? r.provider : null, r.closest) })), charges: rows };
}

/** Totals the JSON contract and `check` state: requests left out of the money figures, and reported cost used instead. */
export function unpricedTotals(u: Unpriced): { requests: bigint; unpricedRequests: bigint; reportedMicros: bigint } {
  return {
    requests: u.models.reduce((n, m) => n + m.requests, 0n),
    unpricedRequests: u.models.reduce((n, m) => n + m.unpricedRequests, 0n),
    reportedMicros: u.models.reduce((n, m) => n + (m.reportedMicros ?? 0n), 0n),
  };
}
