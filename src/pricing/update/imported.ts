// What every `pricing update` importer returns: models of the providers we cover, rates in µ$/MTok.
import { BatchableError } from '../../errors.ts';
import type { Operation, PublishedLane } from '../catalog-schema.ts';

export type RateKey = 'input' | 'output' | 'cache_read' | 'cache_write_5m' | 'cache_write_1h';
export type PartialRates = Partial<Record<RateKey, bigint>>;

export type ImportedModel = {
  readonly provider: 'openai' | 'anthropic' | 'google' | 'deepseek';
  /** the source's id, provider prefix removed */
  readonly id: string;
  readonly operations: readonly Operation[];
  readonly rates: PartialRates & { input: bigint; output: bigint };
  readonly lanes?: Partial<Record<PublishedLane, PartialRates>>;
  readonly tiers?: readonly (PartialRates & { above_input_tokens: number })[];
  /** the date the source says this price starts, when it has one */
  readonly effectiveFrom?: string;
};

/** A price above this (USD per 1M tokens) is taken for a unit or data error, not a price. */
export const absurdMicros = 1000n * 1_000_000n;

/** Rejects negative or absurd prices: the whole import stops (exit 2) naming the model and field. */
export function checkRates(source: string, model: string, field: string, micros: bigint | undefined): void {
  if (micros === undefined) return;
  if (micros < 0n || micros > absurdMicros) {
    const usd = Number(micros) / 1e6;
    throw new BatchableError(`--source ${source}: model ${model} has ${field} = $${usd}/MTok, ${micros < 0n ? 'a negative price' : 'above $1000/MTok, not a plausible price'}; the file is not imported (check the source or pass another --source)`);
  }
}

export function validateImported(source: string, models: readonly ImportedModel[]): void {
  for (const m of models) {
    for (const [k, v] of Object.entries(m.rates)) checkRates(source, m.id, k, v);
    for (const [lane, r] of Object.entries(m.lanes ?? {})) for (const [k, v] of Object.entries(r ?? {})) checkRates(source, m.id, `${lane}.${k}`, v);
    for (const t of m.tiers ?? []) for (const [k, v] of Object.entries(t)) if (k !== 'above_input_tokens') checkRates(source, m.id, `tier>${t.above_input_tokens}.${k}`, v as bigint);
  }
}

export const notShape = (source: string, expected: string): BatchableError =>
  new BatchableError(`--source ${source}: not ${expected}; pass --source litellm|models.dev|genai-prices|openrouter, a URL or a file of one of those formats`);

export const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
