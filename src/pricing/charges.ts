// Charges that are not text tokens: `calls` columns the catalog has no rate for yet. They are never priced as
// text (adapters keep them out of the token columns); every report shows them as quantities (src/pricing/unpriced.ts).
// No imports: the HTML page names them too.

export const chargeColumns = ['web_search_requests', 'audio_input_tokens', 'audio_output_tokens'] as const;

export type ChargeName = (typeof chargeColumns)[number];

const labels: Readonly<Record<ChargeName, string>> = {
  web_search_requests: 'web searches',
  audio_input_tokens: 'audio input tokens',
  audio_output_tokens: 'audio output tokens',
};

/** How a report names a charge's quantity ("3 web searches", "1,200 audio input tokens"); unknown names as they are. */
export const chargeLabel = (charge: string): string => (Object.hasOwn(labels, charge) ? labels[charge as ChargeName] : charge);
