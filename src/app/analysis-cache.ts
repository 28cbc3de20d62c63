// The analysis kept in the workspace. Labelling and pricing read every call (minutes at 50M calls), but their
// results depend only on a few inputs, so they are stored in the workspace with a fingerprint of those inputs
// and rebuilt only when one changed:
//   labels (label_keys, label_outcomes, label_workloads, label_org_shape)   sources, rules, code
//   prices (priced_rows, price_points, price_unpriced, price_reconciliation)   sources, catalog, code
// "sources" is every ingested file (content hash, table, counts): ingesting a new file changes it, and both
// stages are rebuilt, because labels rest on whole-workload aggregates (medians, per-user gaps, time shape)
// that a new file can change for every call of a workload. Report options (--batch-share, --structural-discount,
// --cache-hit-rate, --credit-bonus, --workload, --by, the period) are not inputs: a what-if never re-labels
// or re-prices. A stage's fingerprint row is removed before it is rebuilt (by classify and price themselves,
// src/db/analysis-state.ts) and written after, so a run that dies halfway leaves no fingerprint and the next
// run rebuilds.
//
// A what-if must answer in well under a second, so checking costs almost nothing: the catalog is fingerprinted by
// its files' bytes (src/pricing/catalog-files.ts), not loaded and validated, and the labelling and pricing code
// loads only when a stage is rebuilt.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rules } from '../classify/rules/schema.ts';
import { ensureStateTable, type Stage } from '../db/analysis-state.ts';
import type { Workspace } from '../db/types.ts';
import type { Catalog } from '../pricing/load-catalog.ts';
import { version } from '../version.ts';

/** What each stage leaves in the workspace: all must exist for a fingerprint to be trusted. */
const stageTables: Record<Stage, readonly string[]> = {
  labels: ['label_keys', 'label_outcomes', 'label_workloads', 'label_org_shape'],
  prices: ['priced_rows', 'price_points', 'price_reconciliation', 'price_unpriced'],
};

let codeHash: string | undefined;

/**
 * The code's version: the package version and a hash of every module of this build (src/ or dist/), so that a
 * changed classifier or price formula is never served stale results, even between two builds of one version.
 * About 200 small files, read once per process (a few milliseconds).
 */
export function codeFingerprint(): string {
  if (codeHash !== undefined) return codeHash;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256').update(version);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(root);
  codeHash = hash.digest('hex');
  return codeHash;
}

/** Every ingested file as the calls view sees it, in view order. */
async function sourcesFingerprint(ws: Workspace): Promise<string> {
  const [row] = await ws.all<{ s: string | null }>(
    `SELECT string_agg(concat_ws(':', source_id, coalesce(table_name, '-'), rows, calls, rejects, duplicates, skipped), ',' ORDER BY ingested_at, source_id) AS s
     FROM sources`,
  );
  return row?.s ?? '';
}

/** JSON with Maps as entry lists and BigInts as text (the catalog is Maps of plain data and exact rates). */
const stableJson = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) => (v instanceof Map ? [...v.entries()] : typeof v === 'bigint' ? `${v}n` : v));

const digest = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * The prices stage's input: the catalog's content hash (catalogContentHash: its files' bytes, where they are
 * installed left out) and the catalog itself, loaded only when the stage is rebuilt or a caller needs it.
 */
export type PricesInput = { readonly contentHash: string; readonly load: () => Promise<Catalog> };

/** What a stage's input contributes: the rules' content, or the catalog's content hash. */
const inputJson = (input: Rules | PricesInput | undefined): string =>
  input !== undefined && 'contentHash' in input ? JSON.stringify({ catalog: input.contentHash }) : stableJson(input);

export async function fingerprint(ws: Workspace, stage: Stage, input: Rules | PricesInput | undefined, options: object = {}): Promise<string> {
  return digest([stage, codeFingerprint(), await sourcesFingerprint(ws), inputJson(input), stableJson(options)]);
}

/** Whether the stage's stored results were built from exactly these inputs. */
async function isCurrent(ws: Workspace, stage: Stage, fp: string): Promise<boolean> {
  const tables = stageTables[stage];
  const [row] = await ws.all<{ fresh: boolean }>(
    `SELECT (SELECT count(*) FROM analysis_state WHERE stage = $stage AND fingerprint = $fp) = 1
        AND (SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary AND list_contains($tables::VARCHAR[], table_name)) = $n AS fresh`,
    { stage, fp, tables: JSON.stringify(tables), n: tables.length },
  );
  return row?.fresh === true;
}

export type Outcome = 'reused' | 'built';

async function ensure(ws: Workspace, stage: Stage, input: Rules | PricesInput | undefined, options: object, build: () => Promise<void>): Promise<Outcome> {
  await ensureStateTable(ws);
  const fp = await fingerprint(ws, stage, input, options);
  if (await isCurrent(ws, stage, fp)) return 'reused';
  await build(); // forgets the stage first (forgetStage), so a build that dies leaves no fingerprint
  await ws.run('INSERT INTO analysis_state (stage, fingerprint) VALUES ($stage, $fp)', { stage, fp });
  return 'built';
}

/** Labels for every call: reused when sources, rules and code are unchanged, else classified again. */
export function ensureLabels(ws: Workspace, rules: Rules | undefined): Promise<Outcome> {
  return ensure(ws, 'labels', rules, {}, async () => (await import('../classify/classify.ts')).classifyCalls(ws, rules));
}

/** Prices for every call: reused when sources, catalog, options and code are unchanged, else priced again. */
export function ensurePrices(ws: Workspace, catalog: PricesInput, options: { strict?: boolean } = {}): Promise<Outcome> {
  return ensure(ws, 'prices', catalog, options, async () => {
    const { priceCalls } = await import('../pricing/price-calls.ts');
    await priceCalls(ws, await catalog.load(), options);
  });
}
