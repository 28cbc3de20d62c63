// The price catalog file format (pricing/<provider>.json and user catalogs), as one zod schema.
// pricing/catalog.schema.json is generated from it (scripts/build-catalog.mjs, `npm run catalog:build`).
import { z } from 'zod';
import { parseRatio, tryUsdToMicros } from './decimal.ts';

export const operations = ['chat', 'responses', 'completions', 'embeddings', 'audio', 'image', 'other'] as const;
export type Operation = (typeof operations)[number];

export const laneNames = ['batch', 'flex', 'priority'] as const;
export type PublishedLane = (typeof laneNames)[number];
export type Lane = 'standard' | PublishedLane;

/** USD per 1M tokens: decimal text ("2.50") or a number, never negative, at most 6 decimals. */
export const usdPerMTok = z
  .union([z.string(), z.number()])
  .refine((v) => tryUsdToMicros(v) !== undefined, {
    message: 'expected USD per 1M tokens as a non-negative decimal with at most 6 decimals, e.g. "2.50"',
  })
  .describe('USD per 1M tokens, as decimal text ("2.50") or a number with at most 6 decimals');

const multiplier = z
  .union([z.string(), z.number()])
  .refine((v) => parseRatio(v) !== undefined, { message: 'expected a non-negative decimal multiplier, e.g. "0.5"' })
  .describe('applied to every rate of the standard lane, cache rates included');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD' });

/** USD per 1,000 requests (web searches): decimal text or a number, at most 6 decimals. */
export const usdPerK = z
  .union([z.string(), z.number()])
  .refine((v) => tryUsdToMicros(v) !== undefined, {
    message: 'expected USD per 1,000 requests as a non-negative decimal with at most 6 decimals, e.g. "10"',
  })
  .describe('USD per 1,000 requests, as decimal text ("10") or a number with at most 6 decimals');

const rateFields = {
  cache_read: usdPerMTok.optional().describe('cache read; defaults to input'),
  cache_write_5m: usdPerMTok.optional().describe('5-minute (or only) cache write; defaults to input'),
  cache_write_1h: usdPerMTok.optional().describe('1-hour cache write; defaults to cache_write_5m'),
  // Charges that are not text tokens (src/pricing/charges.ts). Absent: the charge is shown unpriced, never priced
  // as text; image input alone follows the text input rate (providers bill vision input as input tokens).
  audio_input: usdPerMTok.optional().describe('audio input tokens (cached audio included); absent: audio input is reported unpriced'),
  audio_output: usdPerMTok.optional().describe('audio output tokens; absent: reported unpriced'),
  image_input: usdPerMTok.optional().describe('image input tokens; defaults to input (vision input is billed as input tokens)'),
  image_output: usdPerMTok.optional().describe('image output tokens; absent: reported unpriced'),
  web_search: usdPerK.optional().describe('server-side web searches, USD per 1,000; absent: reported unpriced'),
};

/** Prices a provider publishes for one lane; a missing field follows the provider's lane rule. */
export const laneRatesSchema = z
  .object({ input: usdPerMTok.optional(), output: usdPerMTok.optional(), ...rateFields })
  .strict();

const publishedLanes = z
  .object({ batch: laneRatesSchema.optional(), flex: laneRatesSchema.optional(), priority: laneRatesSchema.optional() })
  .strict()
  .describe('per-lane prices where the provider publishes them; otherwise the provider lane rule applies');

export const tierSchema = z
  .object({
    above_input_tokens: z.number().int().positive().describe("a cliff: once a request's total input passes this, the whole request is billed here"),
    input: usdPerMTok.optional(),
    output: usdPerMTok.optional(),
    ...rateFields,
    lanes: publishedLanes.optional(),
  })
  .strict()
  .describe('long-context tier; a missing field keeps the base price');

export const priceEntrySchema = z
  .object({
    effective_from: isoDate.describe('applies from this date (UTC) until the next entry'),
    input: usdPerMTok,
    output: usdPerMTok,
    ...rateFields,
    lanes: publishedLanes.optional(),
    tiers: z.array(tierSchema).optional(),
    source: z.string().min(1).describe('where the price comes from'),
    checked: isoDate.describe('when it was last checked'),
    note: z.string().optional(),
  })
  .strict();

export const modelSchema = z
  .object({
    id: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    operations: z.array(z.enum(operations)).optional().describe('what the model serves (informational)'),
    prices: z.array(priceEntrySchema).default([]),
  })
  .strict();

const laneRule = z.object({ multiplier }).strict();

export const catalogFileSchema = z
  .object({
    $schema: z.string().optional(),
    provider: z.string().min(1),
    batch: z
      .object({
        operations: z.array(z.enum(operations)).describe('operations the batch lane accepts'),
        multiplier: multiplier.describe('batch rate = standard rate x multiplier (0.5: half of every rate, cache included)'),
      })
      .strict()
      .optional()
      .describe('the provider batch lane; absent: no batch lane'),
    lanes: z
      .object({ flex: laneRule.optional(), priority: laneRule.optional() })
      .strict()
      .optional()
      .describe('uniform rules for other lanes; a model may publish its own lane prices instead'),
    notes: z.string().optional(),
    models: z.array(modelSchema),
  })
  .strict();

export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type CatalogFileInput = z.input<typeof catalogFileSchema>;
export type CatalogModelEntry = z.infer<typeof modelSchema>;
export type PriceEntry = z.infer<typeof priceEntrySchema>;
export type Tier = z.infer<typeof tierSchema>;
export type LaneRates = z.infer<typeof laneRatesSchema>;

/** The JSON Schema published next to the catalog. */
export function catalogJsonSchema(): unknown {
  return z.toJSONSchema(catalogFileSchema, { io: 'input' });
}
