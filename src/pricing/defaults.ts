// Defaults the pricing commands show in their help, kept apart from the catalog code so that the CLI can
// describe its options without loading it (commands load what they run, when they run).

/** Where `pricing update` writes and the analysis commands look for user catalogs. */
export const defaultPricingDir = '.batchable/pricing';

export type FetchLimits = { readonly timeoutMs: number; readonly maxBytes: number };

/** Limits on a price source download. */
export const defaultLimits: FetchLimits = { timeoutMs: 30_000, maxBytes: 64 * 1024 * 1024 };
