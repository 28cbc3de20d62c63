// pricing coverage: ingest the files given (if any), then every model id the workspace holds with its calls, what
// it resolved to and by which rules, and what stays unpriced (src/pricing/coverage.ts).
import { withWorkspace } from '../db/workspace.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { coverage as coverageRows, type CoverageRow } from '../pricing/coverage.ts';
import { loadCatalog } from '../pricing/index.ts';
import { ingestInto, type IngestInput } from './ingest.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type CoverageOptions = Partial<IngestInput> & WorkspaceOption & {
  /** User catalogs and aliases (aliases.json) over the bundled catalog. */
  readonly pricingDir?: string | undefined;
};

export type CoverageResult = { readonly rows: readonly CoverageRow[]; readonly ingest: IngestSummary | undefined };

export async function coverage(options: CoverageOptions): Promise<CoverageResult> {
  const catalog = await loadCatalog({ pricingDir: options.pricingDir });
  const files = options.files ?? [];
  return withWorkspace(options.db ?? memoryDb, async (ws) => {
    const ingest = files.length > 0 ? await ingestInto(ws, { ...options, files }, options.onProgress) : undefined;
    return { rows: await coverageRows(ws, catalog), ingest };
  });
}
