// Turning an import into dated catalog entries: compare with the effective catalog on the entry's date, list
// the differences (model, field, old -> new), and append entries to the user catalog, never rewriting history.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogFile, LaneRates, PriceEntry, Tier } from '../catalog-schema.ts';
import { charges } from '../charges.ts';
import { microsToUsdText } from '../decimal.ts';
import { entryOn, readCatalogFile, type Catalog, type ResolvedEntry } from '../load-catalog.ts';
import { hasSnapshotDate, normaliseModel } from '../model-names.ts';
import type { ImportedModel, PartialRates, RateKey, TextRateKey } from './imported.ts';

export type DiffRow = { readonly provider: string; readonly model: string; readonly field: string; readonly old: string; readonly new: string };
export type UpdatePlan = { readonly rows: readonly DiffRow[]; readonly files: ReadonlyMap<string, CatalogFile>; readonly entries: number; readonly newModels: number };

const textKeys: readonly TextRateKey[] = ['input', 'output', 'cache_read', 'cache_write_5m', 'cache_write_1h'];
/** Every price field an import can state: the text rates, then the charges that are not text tokens. */
const rateKeys: readonly RateKey[] = [...textKeys, ...charges.map((c) => c.field)];
const text = (m: bigint | undefined) => (m === undefined ? '–' : microsToUsdText(m));

/** One model per normalised name; an undated key wins over its dated snapshots. */
function dedupe(models: readonly ImportedModel[]): ImportedModel[] {
  const byKey = new Map<string, ImportedModel>();
  for (const m of models) {
    const key = normaliseModel(m.id);
    const prior = byKey.get(key);
    if (prior === undefined || (hasSnapshotDate(prior.id) && !hasSnapshotDate(m.id))) byKey.set(key, m);
  }
  return [...byKey.values()];
}

/** field -> µ$/MTok for every price the import states. */
function flatten(m: ImportedModel): [string, bigint][] {
  const out: [string, bigint][] = [];
  for (const k of rateKeys) if (m.rates[k] !== undefined) out.push([k, m.rates[k]!]);
  for (const [lane, r] of Object.entries(m.lanes ?? {})) for (const k of rateKeys) if (r?.[k] !== undefined) out.push([`${lane}.${k}`, r[k]!]);
  for (const t of m.tiers ?? []) for (const k of rateKeys) if (t[k] !== undefined) out.push([`tier>${t.above_input_tokens}.${k}`, t[k]!]);
  return out;
}

/**
 * The same field as the effective catalog prices it on that date (defaults and lane rules applied), in the
 * import's unit: a charge is resolved per million units (src/pricing/load-catalog.ts), web searches are stated
 * per 1,000.
 */
function current(e: ResolvedEntry, field: string): bigint | undefined {
  const [head, key] = field.includes('.') ? (field.split('.') as [string, RateKey]) : ['standard', field as RateKey];
  const base = e.tiers[0]!;
  const rates = head === 'standard' ? base.standard : head.startsWith('tier>') ? e.tiers.find((t) => t.above === Number(head.slice(5)))?.standard
    : base.lanes[head as 'batch' | 'flex' | 'priority'];
  if (rates === undefined) return undefined;
  const charge = charges.find((c) => c.field === key);
  if (charge === undefined) return rates[key as TextRateKey];
  const perMillion = rates.charges[charge.field];
  return perMillion === undefined ? undefined : (perMillion * charge.perUnit) / 1_000_000n;
}

const usdFields = (r: PartialRates): LaneRates => Object.fromEntries(rateKeys.filter((k) => r[k] !== undefined).map((k) => [k, microsToUsdText(r[k]!)]));

function newEntry(m: ImportedModel, prior: PriceEntry | undefined, date: string, label: string, today: string): PriceEntry {
  const lanes = { ...prior?.lanes };
  for (const [lane, r] of Object.entries(m.lanes ?? {})) lanes[lane as 'batch'] = { ...lanes[lane as 'batch'], ...usdFields(r ?? {}) };
  const tiers: Tier[] | undefined = m.tiers ? m.tiers.map((t) => ({ above_input_tokens: t.above_input_tokens, ...usdFields(t) })) : prior?.tiers;
  const { note: _note, ...kept } = prior ?? ({} as Partial<PriceEntry>);
  return {
    ...kept,
    ...usdFields(m.rates),
    input: microsToUsdText(m.rates.input),
    output: microsToUsdText(m.rates.output),
    ...(Object.keys(lanes).length > 0 ? { lanes } : {}),
    ...(tiers !== undefined ? { tiers } : {}),
    effective_from: date,
    source: label,
    checked: today,
  };
}

export function planUpdate(
  catalog: Catalog,
  imported: readonly ImportedModel[],
  options: { label: string; today: string; effectiveFrom?: string | undefined; userDir: string },
): UpdatePlan {
  const rows: DiffRow[] = [];
  const files = new Map<string, CatalogFile>();
  let entries = 0;
  let newModels = 0;
  const userFile = (provider: string): CatalogFile => {
    let file = files.get(provider);
    if (file === undefined) {
      const path = join(options.userDir, `${provider}.json`);
      file = existsSync(path) ? readCatalogFile(path) : { provider, models: [] };
      files.set(provider, file);
    }
    return file;
  };
  for (const m of dedupe(imported).sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id))) {
    const id = catalog.index.get(normaliseModel(m.id));
    const model = id === undefined ? undefined : catalog.models.get(id);
    const date = options.effectiveFrom ?? m.effectiveFrom ?? options.today;
    const provider = model?.provider ?? m.provider;
    let prior: PriceEntry | undefined;
    if (model !== undefined) {
      const effective = entryOn(model, date);
      const changed = flatten(m).filter(([field, value]) => current(effective, field) !== value);
      if (changed.length === 0) continue;
      for (const [field, value] of changed) rows.push({ provider, model: model.id, field, old: text(current(effective, field)), new: text(value) });
      prior = effective.entry;
    } else {
      rows.push({ provider, model: m.id, field: '(new model)', old: '–', new: `input ${text(m.rates.input)} / output ${text(m.rates.output)}` });
      newModels++;
    }
    const file = userFile(provider);
    const name = model?.id ?? m.id;
    let target = file.models.find((x) => normaliseModel(x.id) === normaliseModel(name));
    if (target === undefined) {
      target = { id: name, aliases: [], ...(model === undefined ? { operations: [...m.operations] } : {}), prices: [] };
      file.models.push(target);
    }
    const entry = newEntry(m, prior, date, options.label, options.today);
    target.prices = [...target.prices.filter((p) => p.effective_from !== date), entry].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
    entries++;
  }
  return { rows, files, entries, newModels };
}

/** Writes each user catalog file atomically: a temp file beside it, then a rename. */
export function writePlan(plan: UpdatePlan, userDir: string): string[] {
  mkdirSync(userDir, { recursive: true });
  const written: string[] = [];
  for (const [provider, file] of plan.files) {
    const path = join(userDir, `${provider}.json`);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`);
    renameSync(temp, path);
    written.push(path);
  }
  return written;
}
