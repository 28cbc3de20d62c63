// The pricing stage: the catalog, exact per-call cost in SQL, and reconciliation against reported costs.
export { loadCatalog, resolveModel, entryOn, bundledPricingDir, defaultPricingDir, type Catalog, type CatalogModel, type Rates } from './load-catalog.ts';
export { priceCalls } from './price-calls.ts';
export { selectReconciliation, type ReconciliationRow } from './reconciliation.ts';
export { normaliseModel } from './model-names.ts';
export { selectBilledReconciliation, type BilledReconciliation } from './billed.ts';
