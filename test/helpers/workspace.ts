// An in-memory workspace with fixtures ingested, for query-level tests.
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { ingestFiles, type IngestOptions, type IngestSummary } from '../../src/ingest/ingest.ts';
import { loadCatalog, priceCalls } from '../../src/pricing/index.ts';

export async function memoryWorkspace(): Promise<Workspace> {
  return openWorkspace(':memory:');
}

export async function ingested(files: readonly string[], options: IngestOptions = {}): Promise<{ ws: Workspace; summary: IngestSummary }> {
  const ws = await openWorkspace(':memory:');
  const summary = await ingestFiles(ws, files, options);
  return { ws, summary };
}

/** Every priced call's row, keyed by its call id (priced_calls has no call_id: it joins calls on call_key). */
export async function pricedById<R extends { call_id: string }>(ws: Workspace): Promise<Record<string, R>> {
  const rows = await ws.all<R>('SELECT c.call_id, p.* FROM priced_calls p JOIN calls c USING (call_key) ORDER BY c.call_id');
  return Object.fromEntries(rows.map((r) => [r.call_id, r]));
}

/** A priced call's row as the pricing tests read it. */
export type PricedRow = Record<string, unknown> & { call_id: string; cost_pico: bigint };

/** `files` ingested and priced (with the catalog in `pricingDir`, or the bundled one), and every priced call by id. */
export async function pricedFiles(files: readonly string[], pricingDir?: string): Promise<{ ws: Workspace; rows: Record<string, PricedRow> }> {
  const { ws } = await ingested(files);
  await priceCalls(ws, await loadCatalog({ pricingDir }));
  return { ws, rows: await pricedById<PricedRow>(ws) };
}

/** Dollars as exact decimal text ('0.4555') -> pico-dollars, for expected figures written as a reader checks them. */
export function picoOfUsd(text: string): bigint {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * 10n ** 12n + BigInt(frac.padEnd(12, '0'));
}
