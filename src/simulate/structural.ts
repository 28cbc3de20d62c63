// A structural (negotiated) discount: one rate off every provider, or per provider (catalog provider ids).
// The flag text is parsed in src/cli/parse.ts.
import { type Fraction, zero } from './fraction.ts';

export type StructuralDiscount = { readonly global: Fraction; readonly perProvider: ReadonlyMap<string, Fraction> };

export const noStructural: StructuralDiscount = { global: zero, perProvider: new Map() };

/** The discount that applies to a provider's calls (per-provider first, else the global one). */
export const structuralFor = (d: StructuralDiscount, provider: string | null): Fraction =>
  (provider === null ? undefined : d.perProvider.get(provider.toLowerCase())) ?? d.global;
