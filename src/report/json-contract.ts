// The report JSON contract (docs/report-json.md) as a schema: the document `--format json` prints, as a reader
// parses it. schemas/report.schema.json is generated from it (test/report/json-contract.test.ts keeps the two
// equal and checks real output against it), and reportJson's output type is checked against it at compile time.
import { z } from 'zod';
import { chargeColumns } from '../pricing/charges.ts';

const usd = z.number();
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);
const flag = z.enum(['recomputed_above', 'reported_above']).nullable();

const steps = z.strictObject({ current_usd: usd, structural_usd: usd, batch_usd: usd, caching_usd: usd, credits_usd: usd });

export const reportJsonSchema = z.strictObject({
  schema_version: z.literal(3),
  command: z.enum(['audit', 'simulate']),
  group_by: z.enum(['workload', 'model', 'provider', 'project', 'api_key', 'day']),
  period: z.strictObject({ since: z.string().nullable(), until: z.string().nullable(), days: z.number().min(0).nullable() }),
  assumptions: z.strictObject({
    catalog: z.string(),
    lane_rule: z.string(),
    rules_file: z.string().nullable(),
    time_zone: z.string(),
    since: z.string().nullable(),
    until: z.string().nullable(),
    workloads: z.array(z.string()),
    batch_share: share.nullable(),
    structural_discount: z.strictObject({ global: share, per_provider: z.record(z.string(), share) }),
    cache_hit_rate: share.nullable(),
    credit_bonus: z.number().min(0),
    min_saving_usd: usd,
  }),
  totals: z.strictObject({
    requests: count.nullable(),
    uncounted_rows: count,
    current_usd: usd,
    simulated_usd: usd,
    savings_usd: usd,
    savings_share: z.number().nullable(),
    sync_share: share.nullable(),
    batchable_share: share.nullable(),
    blocking_share: share.nullable(),
    batchable_sync_usd: usd,
    steps,
    monthly: z.strictObject({ current_usd: usd, simulated_usd: usd, savings_usd: usd }).nullable(),
    /** Requests of models with no catalog price and no reported cost: in no money figure (schema 3). */
    unpriced_requests: count,
    /** Cost sources reported for calls of unpriced models, counted in current_usd instead of a catalog price. */
    unpriced_reported_usd: usd,
  }),
  workloads: z.array(
    z.strictObject({
      name: z.string(),
      label: z.enum(['blocking', 'non_blocking', 'mixed']),
      requests: count.nullable(),
      uncounted_rows: count,
      current_usd: usd,
      simulated_usd: usd,
      savings_usd: usd,
      reasons: z.array(z.string()),
      blocking_share: share.nullable(),
      batchable_sync_usd: usd,
      monthly_savings_usd: usd.nullable(),
      steps,
    }),
  ),
  /** Recomputed vs reported cost per model and lane, where a source states its own cost; [] otherwise. */
  reconciliation: z.array(
    z.strictObject({ model: z.string(), lane: z.string(), rows: count, recomputed_usd: usd, reported_usd: usd, residual_usd: usd, flag }),
  ),
  /** What the sources behind the reconciliation cannot show (e.g. a prompt figure that includes cached tokens). */
  reconciliation_notes: z.array(z.string()),
  /** Billed cost from cost exports vs the cost recomputed from usage, per model and UTC day; null without cost exports. */
  billed_reconciliation: z
    .strictObject({
      rows: z.array(z.strictObject({ model: z.string(), day: z.string(), billed_usd: usd, recomputed_usd: usd, residual_usd: usd, flag })),
      unattributed_usd: usd,
      unattributed_names: z.array(z.string()),
    })
    .nullable(),
  /** What the catalog could not price (schema 3): models as written, and charges it has no rate for. */
  unpriced: z.strictObject({
    models: z.array(
      z.strictObject({
        model: z.string(),
        provider: z.string().nullable(),
        reason: z.string(),
        calls: count,
        requests: count,
        tokens: count,
        reported_usd: usd.nullable(),
        reported_calls: count,
        unpriced_requests: count,
        closest_ids: z.array(z.string()),
        fix: z.string(),
      }),
    ),
    charges: z.array(z.strictObject({ model: z.string(), charge: z.enum(chargeColumns), calls: count, quantity: count })),
  }),
  notes: z.array(z.string()),
  warnings: z.array(z.string()),
});

/** The report JSON as a reader gets it (numbers are JS numbers once parsed). */
export type ReportJsonDocument = z.infer<typeof reportJsonSchema>;

/** The JSON Schema (draft 2020-12) of the document, as committed in schemas/report.schema.json. */
export const reportJsonSchemaDocument = (): unknown => ({
  title: 'batchable report JSON (audit and simulate --format json), schema_version 3',
  ...z.toJSONSchema(reportJsonSchema),
});
