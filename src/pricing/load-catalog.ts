// Loading the catalog: the bundled pricing/*.json, overridden by user catalogs (--pricing-dir, by default
// .batchable/pricing when it exists), validated with zod and resolved to exact integer rates (µ$/MTok).
import { readFileSync } from 'node:fs';
import { BatchableError, InputError } from '../errors.ts';
import { catalogFileSchema, laneNames, type CatalogFile, type LaneRates, type Operation, type PriceEntry, type PublishedLane, type Tier } from './catalog-schema.ts';
import { applyRatio, parseRatio, usdToMicros, type Ratio } from './decimal.ts';
import { readAliasesFile, type UserAlias } from './aliases.ts';
import { bundledPricingDir, catalogFiles, catalogSources, schemaFileName } from './catalog-files.ts';
import { closestIds, modelKey, normaliseModel, withoutLatest } from './model-names.ts';
import { routeOf, type RouteRule } from './routes.ts';
import { charges, type ChargeField } from './charges.ts';

import { defaultPricingDir } from './defaults.ts';

export { bundledPricingDir, catalogFiles, defaultPricingDir, schemaFileName };

/**
 * Rates in µ$ per 1M tokens. `charges`: the rates of the charges that are not text tokens (src/pricing/charges.ts),
 * in µ$ per million units (tokens, or web searches); a charge missing here has no rate on this lane.
 */
export type Rates = {
  input: bigint;
  output: bigint;
  cache_read: bigint;
  cache_write_5m: bigint;
  cache_write_1h: bigint;
  charges: Partial<Record<ChargeField, bigint>>;
};
export const rateKeys = ['input', 'output', 'cache_read', 'cache_write_5m', 'cache_write_1h'] as const satisfies readonly (keyof Rates)[];

export type ResolvedTier = {
  /** 0 for the base prices, else the cliff threshold on a request's total input. */
  readonly above: number;
  readonly standard: Rates;
  /** Lanes with a price (published, or from the provider's rule). A lane missing here bills at standard. */
  readonly lanes: Partial<Record<PublishedLane, Rates>>;
};

export type ResolvedEntry = { readonly entry: PriceEntry; readonly file: string; readonly tiers: readonly ResolvedTier[] };

export type ProviderInfo = {
  readonly provider: string;
  readonly batchOperations: readonly Operation[] | undefined;
  readonly batchMultiplier: string | undefined;
  readonly laneRules: Partial<Record<PublishedLane, string>>;
};

export type CatalogModel = {
  readonly id: string;
  readonly provider: string;
  readonly aliases: readonly string[];
  readonly operations: readonly Operation[] | undefined;
  /** Oldest first. */
  readonly entries: readonly ResolvedEntry[];
};

export type Catalog = {
  readonly providers: ReadonlyMap<string, ProviderInfo>;
  readonly models: ReadonlyMap<string, CatalogModel>;
  /** exact key (modelKey) or dateless key (normaliseModel) of an id or alias -> catalog id */
  readonly index: ReadonlyMap<string, string>;
  /** the user's aliases (DIR/aliases.json): modelKey(name) -> aliases for that name, provider-scoped ones first */
  readonly userAliases: ReadonlyMap<string, readonly UserAlias[]>;
  readonly files: readonly string[];
};

export async function loadCatalog(options: { pricingDir?: string | undefined }): Promise<Catalog> {
  const { bundled, user, aliasFile } = catalogSources(options);
  const aliases = aliasFile !== undefined ? readAliasesFile(aliasFile) : [];
  const catalog = buildCatalog([...bundled.map((f) => ({ file: f, data: readCatalogFile(f) })), ...user.map((f) => ({ file: f, data: readCatalogFile(f), user: true }))]);
  return withUserAliases(catalog, aliases, aliasFile ?? '');
}

/** Adds the user's aliases; each must name a model the catalog has (else exit 2 naming the alias and the file). */
export function withUserAliases(catalog: Catalog, aliases: readonly UserAlias[], file: string): Catalog {
  const map = new Map<string, UserAlias[]>();
  for (const a of aliases) {
    if (resolveModel(catalog, a.model) === undefined) {
      throw new InputError(file, undefined, `alias "${a.name}" points to "${a.model}", which is not in the catalog; closest ids: ${closestIds(a.model, catalog.models.keys()).join(', ')}`);
    }
    const list = map.get(modelKey(a.name)) ?? [];
    list.push(a);
    list.sort((x, y) => Number(x.provider === undefined) - Number(y.provider === undefined));
    map.set(modelKey(a.name), list);
  }
  return { ...catalog, userAliases: map, files: aliases.length > 0 ? [...catalog.files, file] : catalog.files };
}

/** Reads and validates one catalog file; exit 2 naming the file and the zod path of the first problems. */
export function readCatalogFile(file: string): CatalogFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, undefined, `not a valid price catalog: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = catalogFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new InputError(file, undefined, `not a valid price catalog: ${problems.join('; ')} (format: pricing/${schemaFileName})`);
  }
  return parsed.data;
}

type MergedModel = { id: string; provider: string; aliases: Set<string>; operations: Operation[] | undefined; prices: Map<string, { entry: PriceEntry; file: string }> };

/** Merges catalog files in order: later files add models, aliases and price entries (same effective_from replaces). */
export function buildCatalog(sources: readonly { file: string; data: CatalogFile; user?: boolean }[]): Catalog {
  const providers = new Map<string, ProviderInfo>();
  const models = new Map<string, MergedModel>();
  const byName = new Map<string, string>();
  for (const { file, data, user } of sources) {
    const prior = providers.get(data.provider);
    providers.set(data.provider, {
      provider: data.provider,
      batchOperations: data.batch?.operations ?? prior?.batchOperations,
      batchMultiplier: data.batch === undefined ? prior?.batchMultiplier : String(data.batch.multiplier),
      laneRules: {
        ...prior?.laneRules,
        ...(data.lanes?.flex ? { flex: String(data.lanes.flex.multiplier) } : {}),
        ...(data.lanes?.priority ? { priority: String(data.lanes.priority.multiplier) } : {}),
      },
    });
    const seen = new Set<string>();
    for (const m of data.models) {
      if (seen.has(m.id)) throw new InputError(file, undefined, `model "${m.id}" appears twice; keep one entry and list its prices together`);
      seen.add(m.id);
      // A user entry may name a bundled model by any of its spellings or aliases.
      const existingId = user ? (byName.get(modelKey(m.id)) ?? byName.get(normaliseModel(m.id)) ?? m.id) : m.id;
      let model = models.get(existingId);
      if (model === undefined) {
        model = { id: m.id, provider: data.provider, aliases: new Set(), operations: m.operations, prices: new Map() };
        models.set(m.id, model);
        byName.set(modelKey(m.id), m.id);
        if (!byName.has(normaliseModel(m.id))) byName.set(normaliseModel(m.id), m.id);
      } else if (!user) {
        throw new InputError(file, undefined, `model "${m.id}" is already defined by another bundled catalog file`);
      }
      if (m.operations !== undefined) model.operations = m.operations;
      for (const alias of m.aliases) {
        model.aliases.add(alias);
        if (!byName.has(modelKey(alias))) byName.set(modelKey(alias), model.id);
      }
      for (const entry of m.prices) model.prices.set(entry.effective_from, { entry, file });
    }
  }
  const resolved = new Map<string, CatalogModel>();
  const index = new Map<string, string>();
  for (const model of models.values()) {
    if (model.prices.size === 0) {
      throw new BatchableError(`price catalog: model "${model.id}" has no price entry; add one to its catalog file ("prices": [{"effective_from": …}])`);
    }
    const provider = providers.get(model.provider);
    // Rates are resolved when a model is first priced or shown: a run prices a handful of the ~335 models, and
    // resolving all of them up front was half of loading the catalog (24 ms of 45 ms).
    const prices = model.prices;
    let entries: ResolvedEntry[] | undefined;
    resolved.set(model.id, {
      id: model.id, provider: model.provider, aliases: [...model.aliases].sort(), operations: model.operations,
      get entries() {
        entries ??= [...prices.values()]
          .sort((a, b) => a.entry.effective_from.localeCompare(b.entry.effective_from))
          .map(({ entry, file }) => ({ entry, file, tiers: resolveTiers(entry, provider) }));
        return entries;
      },
    });
    for (const name of [model.id, ...model.aliases]) {
      const key = modelKey(name);
      const other = index.get(key);
      if (other !== undefined && other !== model.id) {
        throw new BatchableError(`price catalog: "${name}" names both ${other} and ${model.id}; remove the alias from one of them`);
      }
      index.set(key, model.id);
    }
  }
  // Dateless keys: `claude-sonnet-4` finds `claude-sonnet-4-20250514` when no undated model exists. An exact key
  // always wins; among snapshots of one model the latest id (sorted last) wins.
  for (const model of [...resolved.values()].sort((a, b) => b.id.localeCompare(a.id))) {
    for (const name of [model.id, ...model.aliases]) {
      const key = normaliseModel(name);
      if (!index.has(key)) index.set(key, model.id);
    }
  }
  return { providers, models: resolved, index, userAliases: new Map(), files: sources.map((s) => s.file) };
}

function resolveTiers(entry: PriceEntry, provider: ProviderInfo | undefined): ResolvedTier[] {
  const base = standardRates(entry, undefined);
  const tiers: ResolvedTier[] = [{ above: 0, standard: base, lanes: laneRates(base, entry.lanes, provider, ownImageInput(entry, undefined)) }];
  for (const tier of [...(entry.tiers ?? [])].sort((a, b) => a.above_input_tokens - b.above_input_tokens)) {
    const standard = standardRates(tier, entry);
    tiers.push({ above: tier.above_input_tokens, standard, lanes: laneRates(standard, tier.lanes, provider, ownImageInput(tier, entry)) });
  }
  return tiers;
}

const micros = (v: string | number | undefined): bigint | undefined => (v === undefined ? undefined : usdToMicros(v));

/** A catalog charge price -> µ$ per million units: per-1M-token prices as they are, per-1,000 prices x 1,000. */
const chargeMicros = (v: string | number | undefined, perUnit: bigint): bigint | undefined => {
  const m = micros(v);
  return m === undefined ? undefined : (m * 1_000_000n) / perUnit;
};

/**
 * Standard rates with the documented defaults: cache read and 5m write = input, 1h write = 5m write, image input
 * = input (providers bill vision input as input tokens). In a tier, a field the tier leaves out keeps the base
 * entry's explicit price, else follows the tier's input.
 */
function standardRates(p: PriceEntry | Tier, base: PriceEntry | undefined): Rates {
  const pick = (key: 'input' | 'output' | 'cache_read' | 'cache_write_5m' | 'cache_write_1h') => micros(p[key]) ?? micros(base?.[key]);
  const input = pick('input') ?? 0n;
  const cache_write_5m = pick('cache_write_5m') ?? input;
  const own: Partial<Record<ChargeField, bigint>> = {};
  for (const c of charges) {
    const rate = chargeMicros(p[c.field], c.perUnit) ?? chargeMicros(base?.[c.field], c.perUnit);
    if (rate !== undefined) own[c.field] = rate;
  }
  own.image_input ??= input;
  return { input, output: pick('output') ?? 0n, cache_read: pick('cache_read') ?? input, cache_write_5m, cache_write_1h: pick('cache_write_1h') ?? cache_write_5m, charges: own };
}

/** True when the entry (or the tier, or its base) states an image input price of its own. */
const ownImageInput = (p: PriceEntry | Tier, base: PriceEntry | undefined): boolean => p.image_input !== undefined || base?.image_input !== undefined;

/**
 * Lane rates: the published lane price, else the provider's lane rule applied to the standard rate. The rule is
 * for text tokens: it applies to image input only where that follows the input rate. Other charges take a lane's
 * published price only; on priority they bill at standard otherwise, and on the discount lanes (batch, flex) they
 * have no rate, so that a call carrying them is never counted as movable there (no source publishes an audio or
 * image-output price for a batch or flex lane, and no saving is invented). Web searches are a per-request fee,
 * the same on every lane.
 */
function laneRates(standard: Rates, published: Partial<Record<PublishedLane, LaneRates>> | undefined, provider: ProviderInfo | undefined, ownImage: boolean) {
  const out: Partial<Record<PublishedLane, Rates>> = {};
  for (const lane of laneNames) {
    const rule = lane === 'batch' ? provider?.batchMultiplier : provider?.laneRules[lane];
    const ratio: Ratio | undefined = rule === undefined ? undefined : parseRatio(rule);
    const own = published?.[lane];
    if (own === undefined && ratio === undefined) continue;
    const rates = { charges: {} } as Rates;
    for (const key of ['input', 'output', 'cache_read', 'cache_write_5m', 'cache_write_1h'] as const) {
      rates[key] = micros(own?.[key]) ?? (ratio === undefined ? standard[key] : applyRatio(standard[key], ratio));
    }
    for (const c of charges) {
      const fallback =
        c.field === 'image_input' && !ownImage ? rates.input
        : c.field === 'web_search' || lane === 'priority' ? standard.charges[c.field]
        : undefined;
      const rate = chargeMicros(own?.[c.field], c.perUnit) ?? fallback;
      if (rate !== undefined) rates.charges[c.field] = rate;
    }
    out[lane] = rates;
  }
  return out;
}

/** The reason of a name no rule or alias resolves. */
export const noPrice = 'no price in the catalog';

/** How a model name was resolved: the catalog id and the rules that led there, or why it stays unpriced. */
export type Resolution =
  | { readonly id: string; readonly rules: readonly RouteRule[]; readonly alias?: UserAlias }
  | { readonly id: undefined; readonly rules: readonly RouteRule[]; readonly reason: string };

/** Exact key, then dateless, then without -latest: the lookups every route ends with. */
function lookup(catalog: Catalog, name: string): { id: string; dated: boolean } | undefined {
  const exact = catalog.index.get(modelKey(name));
  if (exact !== undefined) return { id: exact, dated: false };
  // Then the dateless key, `-latest`, Google's `-001`/`-002` version suffix (gemini-1.5-pro-002), and Google's preview
  // snapshots dated month-day (gemini-2.5-flash-preview-05-20, in a real Langfuse generation): a preview snapshot that has
  // no price of its own is the dateless preview's; one priced apart (gemini-2.5-flash-lite-preview-06-17) is found by its
  // exact key above, and `-09-2025` ids are not dated this way.
  const dateless = normaliseModel(name);
  const key = catalog.index.get(dateless) ?? catalog.index.get(withoutLatest(dateless)) ?? catalog.index.get(dateless.replace(/-0\d\d$/, ''))
    ?? catalog.index.get(dateless.replace(/(?<=-preview)-\d{2}-\d{2}$/, ''));
  return key === undefined ? undefined : { id: key, dated: true };
}

/**
 * Catalogs of hosts that sell open-weight models under ids other hosts share at other prices: Groq's
 * `qwen/qwen3-32b` is also OpenRouter's slug, its `meta-llama/llama-4-scout-17b-16e-instruct` Together's and
 * Fireworks' id. Their prices apply to calls of that host, or of no stated host (`pricing show`, a CSV without a
 * provider, a provider that only names the model's maker); another host's call with the same id stays unpriced
 * rather than take Groq's price.
 */
const hostCatalogs = new Set(['groq']);
/**
 * Providers that name the model's maker, not a host: what ingest infers from a model name when the source states no
 * provider (src/db/macros.ts, providerOfModelSql: `llama-…` is meta), so a call of Groq's own names (`llama-3.1-8b-instant`)
 * from a source that names no host (a generic CSV, a Langfuse trace) is still priced at Groq's. Not for a `vendor/model`
 * id: ingest takes an OpenRouter export's provider from that prefix too, and its `qwen/qwen3-32b` was served (and billed,
 * the cost it reports) by whichever host OpenRouter chose.
 */
const makerProviders = new Set(['meta', 'meta-llama', 'alibaba', 'qwen', 'moonshotai', 'google', 'openai']);
/** The host whose catalog (hostCatalogs) holds a catalog id, if a host's does. */
function hostOf(catalog: Catalog, id: string): string | undefined {
  const provider = catalog.models.get(id)?.provider;
  return provider !== undefined && hostCatalogs.has(provider) ? provider : undefined;
}
function hostedElsewhere(catalog: Catalog, id: string, provider: string | null | undefined): boolean {
  const host = hostOf(catalog, id);
  const named = provider?.toLowerCase() ?? '';
  return host !== undefined && named !== '' && named !== host && (id.includes('/') || !makerProviders.has(named));
}

/** Whether a model id, read with no provider, resolves to a host's catalog (hostCatalogs): its calls then price by provider. */
export function resolvesToHostCatalog(catalog: Catalog, name: string): boolean {
  const id = resolveName(catalog, name).id;
  return id !== undefined && hostOf(catalog, id) !== undefined;
}

/**
 * Resolves a model name as a source writes it (with the call's provider, for provider-scoped aliases and hosts' catalogs): the user's
 * aliases first, then the route rules (routes.ts), then exact lookups. Never fuzzy: closest ids only go in messages.
 * Called once per distinct (provider, model) of the calls.
 */
export function resolveName(catalog: Catalog, name: string, provider?: string | null): Resolution {
  const aliases = catalog.userAliases.get(modelKey(name));
  const alias = aliases?.find((a) => a.provider === undefined || a.provider === provider?.toLowerCase());
  if (alias !== undefined) {
    const target = resolveName({ ...catalog, userAliases: new Map() }, alias.model);
    return target.id === undefined ? target : { id: target.id, rules: ['alias', ...target.rules], alias };
  }
  const route = routeOf(name);
  if (route.unpriced !== undefined) return { id: undefined, rules: route.rules, reason: route.unpriced };
  // A Bedrock id whose version names a price of its own (titan-embed-text-v2) first, then the id without it.
  const candidate = (route.versioned === undefined ? undefined : lookup(catalog, route.versioned)) ?? lookup(catalog, route.name);
  const elsewhere = candidate !== undefined && hostedElsewhere(catalog, candidate.id, provider);
  const found = elsewhere ? undefined : candidate;
  if (found === undefined) {
    const host = elsewhere && candidate !== undefined ? hostOf(catalog, candidate.id) : undefined;
    const reason = host !== undefined
      ? `no ${provider} price in the catalog: ${candidate?.id} is ${host}'s price, for ${host}'s calls (hosts price open models differently)`
      : route.fineTunedBase !== undefined
        ? `fine-tuned from ${route.fineTunedBase}: no fine-tuned price in the catalog (the base model's price is not the fine-tuned one)`
        : noPrice;
    return { id: undefined, rules: route.rules, reason };
  }
  const rules: RouteRule[] = [...route.rules, found.dated ? 'snapshot-date' : 'exact'];
  // A route with its own price (Bedrock regional profiles) has an entry `<prefix><catalog id>`, the geography's own
  // (`bedrock-eu:`) before the one for every geography (`bedrock-regional:`); else the direct price.
  const routedAt = (prefix: string | undefined) => (prefix === undefined ? undefined : catalog.index.get(modelKey(`${prefix}${found.id}`)));
  const routed = routedAt(route.geoPrefix) ?? routedAt(route.routePrefix);
  return { id: routed ?? found.id, rules };
}

/** The catalog id for a model name, or undefined (see resolveName). */
export function resolveModel(catalog: Catalog, name: string): string | undefined {
  return resolveName(catalog, name).id;
}

/** The entry in effect on a date (YYYY-MM-DD); dates before the first entry use the first. */
export function entryOn(model: CatalogModel, date: string): ResolvedEntry {
  let found = model.entries[0]!;
  for (const e of model.entries) if (e.entry.effective_from <= date) found = e;
  return found;
}
