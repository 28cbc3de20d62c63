// Memory sizes as BATCHABLE_MEMORY_LIMIT writes them ("4GB", "512MiB"), and the default limit for a machine: read by
// the workspace's limit (memory.ts) and by the out-of-memory error's advice (errors.ts), which memory.ts imports.

const GiB = 1024 ** 3;

/** The share of the machine's memory DuckDB may use by default. */
const defaultMemoryShare = 0.4;

/**
 * The default limit for a machine with `total` bytes of memory: 40% of it, but never less than 1 GiB or half
 * the machine, whichever is smaller (a 1.5 GB container gets 0.75 GB; a 4 GB laptop 1.6 GB; 24 GB gets 9.6 GB).
 */
export function defaultMemoryLimitBytes(total: number): number {
  const floor = Math.min(GiB, total / 2);
  return Math.floor(Math.max(total * defaultMemoryShare, floor));
}

const units: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** The bytes of a size such as "1GB" (10^9 bytes, as DuckDB reads it) or "1GiB" (2^30); undefined when it is not one. */
export function sizeBytes(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(value);
  const unit = match === null ? undefined : units[match[2]!.toLowerCase()];
  return match === null || unit === undefined ? undefined : Math.floor(Number(match[1]) * unit);
}
