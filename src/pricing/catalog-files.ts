// Which files make up the price catalog of a run (the bundled pricing/*.json, then the user's --pricing-dir or
// .batchable/pricing, and its aliases.json), and a hash of their bytes. Apart from load-catalog.ts (zod, the
// merge, the rates) so that a run whose prices are already in the workspace can tell that the catalog has not
// changed without loading, validating or merging it (src/app/analysis-cache.ts).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchableError, UsageError, pathProblem } from '../errors.ts';
import { defaultPricingDir } from './defaults.ts';

/** Works from src/pricing under vitest and from dist/pricing once built: both sit two levels below the repo. */
export const bundledPricingDir = fileURLToPath(new URL('../../pricing/', import.meta.url));
export const schemaFileName = 'catalog.schema.json';
export const aliasesFileName = 'aliases.json';

/** The catalog files of a run, in the order they are merged, and the user's aliases file if there is one. */
export type CatalogSources = {
  readonly bundled: readonly string[];
  readonly user: readonly string[];
  readonly userDir: string | undefined;
  readonly aliasFile: string | undefined;
};

export function catalogSources(options: { pricingDir?: string | undefined }): CatalogSources {
  const bundled = catalogFiles(bundledPricingDir);
  if (bundled.length === 0) throw new BatchableError(`${bundledPricingDir}: the bundled price catalog is missing; reinstall batchable`);
  const userDir = options.pricingDir ?? (existsSync(defaultPricingDir) ? defaultPricingDir : undefined);
  if (options.pricingDir !== undefined) assertDirectory(options.pricingDir);
  let user: string[];
  try {
    user = userDir === undefined ? [] : catalogFiles(userDir);
  } catch (error) {
    throw new UsageError(`--pricing-dir ${userDir}: cannot read the directory (${pathProblem(error)})`, { cause: error });
  }
  const aliasFile = userDir === undefined ? undefined : join(userDir, aliasesFileName);
  return { bundled, user, userDir, aliasFile: aliasFile !== undefined && existsSync(aliasFile) ? aliasFile : undefined };
}

/**
 * A hash of what the catalog says: each file's role (bundled, user, aliases), name and bytes, in merge order.
 * Where the files are installed is left out. Two runs with equal hashes load equal catalogs (the code that
 * reads them is in the analysis fingerprint too); a file that was invalid could not have been priced with.
 * A file that cannot be read hashes to a value that never matches, so the catalog is loaded, which says why.
 */
export function catalogContentHash(sources: CatalogSources): string {
  const hash = createHash('sha256');
  const add = (role: string, file: string) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = Buffer.from(`unreadable ${randomUUID()}`);
    }
    hash.update(`${role}\u0000${basename(file)}\u0000${bytes.length}\u0000`).update(bytes);
  };
  for (const f of sources.bundled) add('bundled', f);
  for (const f of sources.user) add('user', f);
  if (sources.aliasFile !== undefined) add('aliases', sources.aliasFile);
  return hash.digest('hex');
}

export function catalogFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== schemaFileName && name !== aliasesFileName && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** --pricing-dir names a directory that can be read; a permission problem is said as such, not as "no such directory". */
function assertDirectory(dir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      `--pricing-dir ${dir}: ${missing ? 'no such directory (create it and put <provider>.json catalogs in it)' : `cannot read the directory (${pathProblem(error)})`}`,
      { cause: error },
    );
  }
  if (!isDirectory) throw new UsageError(`--pricing-dir ${dir}: not a directory (create one and put <provider>.json catalogs in it)`);
}
