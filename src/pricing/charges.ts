// Charges that are not text tokens: audio tokens, image tokens and web searches. Each is a `calls` column that
// adapters keep out of the text token columns, a catalog price field, and a rate kind of `priced_calls`
// (src/pricing/price-calls.ts). Where the catalog has a rate the charge is priced at it; where it has none the
// quantity is shown in every report's Unpriced section (src/pricing/unpriced.ts). Never priced as text.
// No imports: the HTML page names them too.

/**
 * One charge: `kind` is the rate-kind suffix in SQL (`std_ain`, `ain_tok`…), `field` the catalog price field.
 * `perUnit` is how many units one catalog price is quoted for: tokens per 1M, web searches per 1,000 (so a rate
 * is always µ$ per million units and quantity x rate is pico-dollars, as for text tokens).
 */
export type ChargeSpec = {
  readonly kind: string;
  readonly column: string;
  readonly field: string;
  readonly label: string;
  readonly perUnit: 1_000_000n | 1_000n;
};

export const charges = [
  { kind: 'ain', column: 'audio_input_tokens', field: 'audio_input', label: 'audio input tokens', perUnit: 1_000_000n },
  { kind: 'aout', column: 'audio_output_tokens', field: 'audio_output', label: 'audio output tokens', perUnit: 1_000_000n },
  { kind: 'iin', column: 'image_input_tokens', field: 'image_input', label: 'image input tokens', perUnit: 1_000_000n },
  { kind: 'iout', column: 'image_output_tokens', field: 'image_output', label: 'image output tokens', perUnit: 1_000_000n },
  { kind: 'ws', column: 'web_search_requests', field: 'web_search', label: 'web searches', perUnit: 1_000n },
] as const satisfies readonly ChargeSpec[];

export type Charge = (typeof charges)[number];
export type ChargeKind = Charge['kind'];
export type ChargeField = Charge['field'];

/** The `calls` columns of the charges, in the order of `charges`. */
export const chargeColumns = charges.map((c) => c.column) as unknown as readonly [Charge['column'], ...Charge['column'][]];

export type ChargeName = Charge['column'];

/** How a report names a charge's quantity ("3 web searches", "1,200 audio input tokens"); unknown names as they are. */
export const chargeLabel = (charge: string): string => charges.find((c) => c.column === charge)?.label ?? charge;
