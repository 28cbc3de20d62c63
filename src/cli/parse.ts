// Flag values, from the text commander hands over to typed values. All flag parsing lives in src/cli/; every bad
// value is a UsageError naming its flag (exit 2). The engine and src/app/ take the typed values.
import type { AnalyseOptions } from '../app/analyse.ts';
import { callColumns } from '../db/schema.ts';
import type { SavingsFilter } from '../db/queries/savings.ts';
import { partitions, type PartitionBy } from '../classify/export.ts';
import { UsageError } from '../errors.ts';
import type { StructuralDiscount } from '../simulate/structural.ts';
import { noStructural } from '../simulate/structural.ts';
import { cmp, frac, type Fraction, mul, one, parseDecimal, roundTo, zero } from '../simulate/fraction.ts';

const canonicalNames = new Set<string>(callColumns.map((c) => c.name));

/** Parses `--map a=b,c=d` into source -> canonical pairs, checking every target is a canonical column. */
export function parseMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (text === undefined) return map;
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const source = pair.slice(0, eq).trim();
    const target = pair.slice(eq + 1).trim();
    if (eq <= 0 || source === '' || target === '') throw new UsageError(`--map ${pair}: expected source_col=canonical_col`);
    if (!canonicalNames.has(target)) {
      throw new UsageError(`--map ${pair}: "${target}" is not a canonical column; one of: ${[...canonicalNames].join(', ')}`);
    }
    map.set(source, target);
  }
  return map;
}

/** A flag that takes one of a few words; absent means the fallback. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
}

/** A calendar date flag (YYYY-MM-DD, a real date), read in --tz by the query that uses it. */
export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  const valid = Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
  if (!valid) throw new UsageError(`${flag} ${value}: expected a calendar date YYYY-MM-DD (read in --tz)`);
  return value;
}

/** The period and workload flags every analysing command takes. */
export type FilterFlags = { since?: string; until?: string; tz?: string; workload?: string[] };

/** --since, --until, --tz and --workload: the one check of dates and workload names (audit, simulate, check). */
export function parseFilter(flags: FilterFlags): SavingsFilter {
  const since = dateFlag('--since', flags.since);
  const until = dateFlag('--until', flags.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const workloads = (flags.workload ?? []).map((w) => w.trim());
  if (workloads.some((w) => w === '')) throw new UsageError('--workload: expected a workload name (see `batchable audit`)');
  return { since, until, tz: flags.tz ?? 'UTC', workloads };
}

/** A positive number (seconds, bytes); absent means the fallback. */
export function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} ${value}: must be a positive number`);
  return n;
}

/** A whole number of at least 1 (a row limit); absent means the fallback. */
export function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} ${value}: expected a whole number of at least 1`);
  return n;
}

/** A number of rows to show, 0 meaning every row; absent means every row too (the flag's default is commander's). */
export function rowLimit(flag: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} ${value}: expected a whole number of rows (0: every row)`);
  return n;
}

/** A decimal in [0, 1] (or [0, 1) with `below1`), e.g. "0.6". */
export function parseShareFlag(flag: string, text: string | undefined, below1 = false): Fraction | undefined {
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  const upper = below1 ? 'below 1' : 'at most 1';
  if (value === undefined || cmp(value, one) > 0 || (below1 && cmp(value, one) === 0)) {
    throw new UsageError(`${flag} ${text}: expected a decimal from 0 to ${upper}, e.g. 0.15`);
  }
  return value;
}

/** `0.15` for every provider, or `anthropic=0.15,openai=0.1`. */
export function parseStructural(text: string | undefined): StructuralDiscount {
  if (text === undefined) return noStructural;
  if (!text.includes('=')) return { global: parseShareFlag('--structural-discount', text, true) ?? zero, perProvider: new Map() };
  const perProvider = new Map<string, Fraction>();
  for (const pair of text.split(',').map((p) => p.trim())) {
    const eq = pair.indexOf('=');
    const provider = pair.slice(0, eq).trim().toLowerCase();
    if (eq <= 0 || provider === '') throw new UsageError(`--structural-discount ${text}: expected 0.15 or provider=0.15,provider=0.1`);
    if (perProvider.has(provider)) throw new UsageError(`--structural-discount ${text}: ${provider} is given twice`);
    perProvider.set(provider, parseShareFlag(`--structural-discount ${provider}=`, pair.slice(eq + 1).trim(), true) ?? zero);
  }
  return { global: zero, perProvider };
}

/** A non-negative decimal such as a credit bonus of 0.2 (= 20% extra credit). */
export function parseNonNegative(flag: string, text: string | undefined): Fraction | undefined {
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  if (value === undefined) throw new UsageError(`${flag} ${text}: expected a non-negative decimal, e.g. 0.2`);
  return value;
}

/** USD text ("10", "2.50", "$10") to integer micro-dollars. */
export function parseUsdFlag(flag: string, text: string | undefined, fallback: bigint): bigint {
  const value = parseNonNegative(flag, text?.replace(/^\$/, ''));
  return value === undefined ? fallback : roundTo(mul(value, frac(1_000_000n)));
}

/** The ingest and analysis flags every analysing command takes, as the app layer's options. */
export function parseAnalysisFlags(
  files: readonly string[],
  flags: { db: string; inputFormat?: string; map?: string; strict?: boolean; rules?: string; pricingDir?: string; strictPrices?: boolean },
): AnalyseOptions & { db: string } {
  const { db, inputFormat, strict, rules, pricingDir, strictPrices } = flags;
  return { db, files, inputFormat, map: parseMap(flags.map), strict, rules, pricingDir, strictPrices };
}

/** `--partition-by`: day or month, and only with --export-calls (then a directory). */
export function parsePartitionBy(value: string | undefined, exportCalls: string | undefined): PartitionBy | undefined {
  if (value === undefined) return undefined;
  if (!(partitions as readonly string[]).includes(value)) throw new UsageError(`--partition-by ${value}: expected day or month`);
  if (exportCalls === undefined) throw new UsageError(`--partition-by ${value}: needs --export-calls DIR (the directory the Parquet dataset is written to)`);
  return value as PartitionBy;
}
