// Tables for `pricing list` and `pricing show`: what the effective catalog says, entry by entry.
import type { TableSpec } from '../report/table.ts';
import { microsToUsdText, usdToMicros } from './decimal.ts';
import { closestIds } from './model-names.ts';
import { noPrice, resolveName, type Catalog, type CatalogModel, type Rates, type Resolution } from './load-catalog.ts';
import { oneLine as printable } from '../report/escape.ts';
import { BatchableError } from '../errors.ts';
import type { DiffRow } from './update/plan.ts';
import type { Workspace } from '../db/types.ts';
import { closestText, fixCommand } from './unpriced.ts';
import { charges } from './charges.ts';

/** $2.50, $0.14, $0.0028: USD per 1M tokens with at least two decimals. */
export function formatRate(micros: bigint | undefined): string {
  if (micros === undefined) return '–';
  const t = microsToUsdText(micros);
  const [whole, frac = ''] = t.split('.');
  return `$${whole}.${frac.padEnd(2, '0')}`;
}

export function listTable(catalog: Catalog, provider: string | undefined): TableSpec {
  const models = [...catalog.models.values()].filter((m) => provider === undefined || m.provider === provider);
  if (provider !== undefined && models.length === 0) {
    throw new BatchableError(`--provider ${provider}: no such provider in the catalog; one of: ${[...catalog.providers.keys()].sort().join(', ')}`);
  }
  const rows = models
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id))
    .map((m) => {
      const latest = m.entries.at(-1)!;
      const base = latest.tiers[0]!;
      const batch = base.lanes.batch;
      return [m.provider, m.id, latest.entry.effective_from, formatRate(base.standard.input), formatRate(base.standard.output), formatRate(base.standard.cache_read),
        batch ? `${formatRate(batch.input)} / ${formatRate(batch.output)}` : '–', latest.tiers.length > 1 ? latest.tiers.slice(1).map((t) => `>${t.above / 1000}k`).join(' ') : ''];
    });
  return {
    head: ['provider', 'model', 'from', 'input', 'output', 'cache read', 'batch in / out', 'tiers'],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
    rows,
  };
}

/** The model a name resolves to, and how (rules, alias): `pricing show` prints both. */
export function findModel(catalog: Catalog, name: string): { model: CatalogModel; resolution: Resolution & { id: string } } {
  const resolution = resolveName(catalog, name);
  if (resolution.id === undefined) {
    throw new BatchableError(`unknown model "${printable(name)}"${resolution.reason === noPrice ? '' : ` (${resolution.reason})`}${closestText(closestIds(name, catalog.models.keys()), 'closest catalog ids')} (\`batchable pricing alias '${printable(name).replaceAll("'", "'\\''")}=<catalog id>'\`, add a price with --pricing-dir DIR, or run \`batchable pricing update\`)`);
  }
  return { model: catalog.models.get(resolution.id)!, resolution };
}

/** "resolved from … by rules a, b (alias … in FILE)": how a name became a catalog id. */
export function resolutionText(name: string, r: Resolution & { id: string }): string {
  const alias = r.alias === undefined ? '' : ` (your alias "${printable(r.alias.name)}"${r.alias.provider ? ` for provider ${printable(r.alias.provider)}` : ''})`;
  return `"${printable(name)}" resolves to ${r.id} by rule${r.rules.length > 1 ? 's' : ''} ${r.rules.join(', ')}${alias}\n`;
}

export function showHeader(catalog: Catalog, m: CatalogModel): string {
  const p = catalog.providers.get(m.provider);
  const batch = p?.batchOperations ? `batch lane: ${p.batchOperations.join(', ')} at ${p.batchMultiplier}x` : 'no batch lane';
  return `${m.id} (${m.provider})${m.aliases.length ? `, aliases: ${m.aliases.join(', ')}` : ''}; ${batch}; prices in USD per 1M tokens\n`;
}

/**
 * The charges that are not text tokens, as a lane bills them ("audio in $40.00, web search $10.00 / 1k"); image
 * input only where it differs from the input rate, '–' when there is none. A charge with no rate is unpriced;
 * "(standard)": the lane has no price of its own for it.
 */
function chargesText(r: Rates, standard: Rates): string {
  const parts = charges.flatMap((c) => {
    // A discount lane without its own price for the charge bills it at standard, and a call carrying it is not moved there.
    const own = r.charges[c.field];
    const rate = own ?? standard.charges[c.field];
    if (rate === undefined || (c.field === 'image_input' && rate === r.input)) return [];
    const name = c.label.replace(/ tokens$/, '').replace(/ input$/, ' in').replace(/ output$/, ' out').replace(/es$/, '');
    const text = c.perUnit === 1_000n ? `${name} ${formatRate(rate / 1000n)} / 1k` : `${name} ${formatRate(rate)}`;
    return [own === undefined ? `${text} (standard)` : text];
  });
  return parts.length === 0 ? '–' : parts.join(', ');
}

export function showTable(m: CatalogModel): TableSpec {
  const rows: string[][] = [];
  for (const e of [...m.entries].reverse()) {
    for (const t of e.tiers) {
      const lanes: [string, Rates][] = [['standard', t.standard], ...(['batch', 'flex', 'priority'] as const).flatMap((l) => (t.lanes[l] ? [[l, t.lanes[l]] as [string, Rates]] : []))];
      for (const [lane, r] of lanes) {
        rows.push([e.entry.effective_from, t.above === 0 ? 'base' : `>${t.above.toLocaleString('en-US')}`, lane, formatRate(r.input), formatRate(r.output), formatRate(r.cache_read),
          formatRate(r.cache_write_5m), formatRate(r.cache_write_1h), chargesText(r, t.standard), e.entry.source, e.entry.checked]);
      }
    }
  }
  return {
    head: ['from', 'input tier', 'lane', 'input', 'output', 'cache read', 'write 5m', 'write 1h', 'other charges', 'source', 'checked'],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
    rows,
  };
}

export function diffTable(rows: readonly DiffRow[]): TableSpec {
  return {
    head: ['provider', 'model', 'field', 'old', 'new'],
    align: ['left', 'left', 'left', 'right', 'right'],
    rows: rows.map((r) => [r.provider, r.model, r.field, r.old === '–' ? '–' : formatRate(usdToMicros(r.old)), r.field === '(new model)' ? r.new : formatRate(usdToMicros(r.new))]),
  };
}

/** For `explain`: how one model of a call or workload is priced. */
export type PricingLine = {
  readonly model: string;
  /** calls of the workload with this model; undefined for a single call */
  readonly calls: bigint | undefined;
  readonly catalogId: string | undefined;
  readonly rules: readonly string[];
  readonly alias: { readonly name: string; readonly provider: string | undefined } | undefined;
  /** why it is unpriced, and the fix */
  readonly unpriced: { readonly reason: string; readonly fix: string } | undefined;
};

/** The models of a call (or the ten most used of a workload), each with its catalog id, rules and alias, or why unpriced. */
export async function explainPricing(ws: Workspace, catalog: Catalog, target: { callId: string } | { workload: string }): Promise<PricingLine[]> {
  const rows = await ws.all<{ model: string; provider: string | null; calls: bigint }>(
    'callId' in target
      ? 'SELECT model, provider, 1::BIGINT AS calls FROM calls WHERE call_id = $id LIMIT 1'
      : `SELECT c.model, c.provider, count(*)::BIGINT AS calls FROM label_outcomes l JOIN label_keys k USING (outcome) JOIN calls c USING (call_key) WHERE l.workload = $id
         GROUP BY ALL ORDER BY calls DESC, c.model LIMIT 10`,
    { id: 'callId' in target ? target.callId : target.workload },
  );
  return rows.map((r) => {
    const res = resolveName(catalog, r.model, r.provider);
    const calls = 'callId' in target ? undefined : r.calls;
    if (res.id === undefined) {
      return { model: r.model, calls, catalogId: undefined, rules: res.rules, alias: undefined, unpriced: { reason: res.reason, fix: fixCommand(r.model, null, closestIds(r.model, catalog.models.keys())) } };
    }
    return { model: r.model, calls, catalogId: res.id, rules: res.rules, alias: res.alias && { name: res.alias.name, provider: res.alias.provider }, unpriced: undefined };
  });
}

/** The pricing lines under an explanation. */
export function renderPricingLines(lines: readonly PricingLine[]): string {
  if (lines.length === 0) return '';
  const text = lines.map((l) => {
    const calls = l.calls === undefined ? '' : ` (${l.calls.toLocaleString('en-US')} calls)`;
    if (l.unpriced !== undefined) return `  "${l.model}"${calls}: unpriced, ${l.unpriced.reason}; fix: ${l.unpriced.fix}\n`;
    const alias = l.alias === undefined ? '' : `, your alias "${l.alias.name}"${l.alias.provider ? ` for provider ${l.alias.provider}` : ''}`;
    return `  "${l.model}"${calls}: ${l.catalogId} by rule${l.rules.length > 1 ? 's' : ''} ${l.rules.join(', ')}${alias}\n`;
  });
  return `Pricing (the model as written -> the catalog entry):\n${text.join('')}`;
}
