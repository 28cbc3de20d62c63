// What every `pricing update` importer returns: models of the providers we cover, rates in µ$/MTok.
import { BatchableError } from '../../errors.ts';
import type { Operation, PublishedLane } from '../catalog-schema.ts';
import type { ChargeField } from '../charges.ts';
import { microsToUsdText, unreadablePrice } from '../decimal.ts';

export type TextRateKey = 'input' | 'output' | 'cache_read' | 'cache_write_5m' | 'cache_write_1h';
/**
 * A catalog price field: the text rates in µ$ per 1M tokens, and the charges that are not text tokens
 * (src/pricing/charges.ts) in µ$ per the catalog field's unit (1M audio or image tokens, 1,000 web searches).
 */
export type RateKey = TextRateKey | ChargeField;
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
  /** The source marks the model free (a $0 price is then a price, not a gap in the data). */
  readonly free?: boolean;
};

/** A price above this (USD per 1M tokens) is taken for a unit or data error, not a price. */
export const absurdMicros = 1000n * 1_000_000n;

/** Rejects negative or absurd prices: the whole import stops (exit 2) naming the model and field. */
export function checkRates(source: string, model: string, field: string, micros: bigint | undefined): void {
  if (micros === undefined) return;
  if (micros === unreadablePrice) {
    throw new BatchableError(`--source ${source}: model ${model} has ${field} that is not a finite number (such as 1e400); the file is not imported (check the source or pass another --source)`);
  }
  if (micros < 0n || micros > absurdMicros) {
    const unit = field.endsWith('web_search') ? ' per 1,000 searches' : '/MTok';
    throw new BatchableError(`--source ${source}: model ${model} has ${field} = $${microsToUsdText(micros)}${unit}, ${micros < 0n ? 'a negative price' : `above $1000${unit}, not a plausible price`}; the file is not imported (check the source or pass another --source)`);
  }
}

/**
 * Stops on a negative, absurd or unreadable price (naming the model and field). Returns the models to import and a
 * warning per model left out: a $0 input price (or $0 output, except for embeddings) is taken only where the source
 * marks the model free; elsewhere it is more likely a gap in the source than a price, and a $0 price would make
 * every call of that model look free.
 */
export function validateImported(source: string, models: readonly ImportedModel[]): { models: ImportedModel[]; warnings: string[] } {
  const kept: ImportedModel[] = [];
  const warnings: string[] = [];
  for (const m of models) {
    for (const [k, v] of Object.entries(m.rates)) checkRates(source, m.id, k, v);
    for (const [lane, r] of Object.entries(m.lanes ?? {})) for (const [k, v] of Object.entries(r ?? {})) checkRates(source, m.id, `${lane}.${k}`, v);
    for (const t of m.tiers ?? []) for (const [k, v] of Object.entries(t)) if (k !== 'above_input_tokens') checkRates(source, m.id, `tier>${t.above_input_tokens}.${k}`, v as bigint);
    const embeddingsOnly = m.operations.length > 0 && m.operations.every((o) => o === 'embeddings');
    const zero = m.rates.input === 0n ? 'input' : m.rates.output === 0n && !embeddingsOnly ? 'output' : undefined;
    if (zero !== undefined && m.free !== true) {
      warnings.push(`${source}: ${m.provider} model ${m.id} has a $0 ${zero} price and the source does not mark it free; left out (the catalog keeps its current price, if any)`);
      continue;
    }
    kept.push(m);
  }
  return { models: kept, warnings };
}

export const notShape = (source: string, expected: string): BatchableError =>
  new BatchableError(`--source ${source}: not ${expected}; pass --source litellm|models.dev|genai-prices|openrouter, a URL or a file of one of those formats`);

export const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
