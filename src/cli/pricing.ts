// `batchable pricing list | show <model> | update`: the price catalog, as the commands see it.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { defaultLimits, defaultPricingDir } from '../pricing/defaults.ts';
import type { Io } from './io.ts';

type DirFlags = { pricingDir?: string };
type UpdateFlags = DirFlags & { source: string; dryRun?: boolean; effectiveFrom?: string; timeout?: string; maxBytes?: string };

const positive = (flag: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} ${value}: must be a positive number`);
  return n;
};

/** The catalog code, loaded when a pricing command runs. */
async function pricingModules() {
  return {
    ...(await import('../pricing/describe.ts')),
    ...(await import('../pricing/index.ts')),
    ...(await import('../pricing/update/fetch-source.ts')),
    ...(await import('../pricing/update/plan.ts')),
    ...(await import('../pricing/update/imported.ts')),
    ...(await import('../report/table.ts')),
  };
}

export function registerPricing(program: Command, io: Io): void {
  const pricing = program.command('pricing').description('the price catalog: list, show a model, import current prices');
  const dirOption = ['--pricing-dir <dir>', `user catalogs that override the bundled one (default ${defaultPricingDir} when it exists)`] as const;

  pricing
    .command('list')
    .description('models in the catalog with their current list prices (USD per 1M tokens)')
    .option('--provider <name>', 'only this provider (openai, anthropic, google, deepseek…)')
    .option(...dirOption)
    .action(async (flags: DirFlags & { provider?: string }) => {
      const { loadCatalog, listTable, renderTable } = await pricingModules();
      const catalog = await loadCatalog({ pricingDir: flags.pricingDir });
      io.out(renderTable(listTable(catalog, flags.provider), io.style));
    });

  pricing
    .command('show')
    .description('every price entry of a model: dates, lanes, long-context tiers, source')
    .argument('<model>', 'a catalog id or any alias, snapshot or spelling of it')
    .option(...dirOption)
    .action(async (name: string, flags: DirFlags) => {
      const { loadCatalog, findModel, showHeader, showTable, renderTable } = await pricingModules();
      const catalog = await loadCatalog({ pricingDir: flags.pricingDir });
      const model = findModel(catalog, name);
      io.out(showHeader(catalog, model) + renderTable(showTable(model), io.style));
    });

  pricing
    .command('update')
    .description('import current prices into the user catalog as dated entries (history is kept)')
    .option('--source <source>', 'litellm, models.dev, genai-prices, openrouter, a URL or a file', 'litellm')
    .option('--dry-run', 'print the differences, write nothing')
    .option('--effective-from <date>', 'date the new prices apply from (default: the source date, else today, UTC)')
    .option('--timeout <seconds>', 'give up on a download after this long', String(defaultLimits.timeoutMs / 1000))
    .option('--max-bytes <n>', 'refuse a source larger than this', String(defaultLimits.maxBytes))
    .option('--pricing-dir <dir>', 'user catalog directory to write', defaultPricingDir)
    .action(async (flags: UpdateFlags) => {
      if (flags.effectiveFrom !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.effectiveFrom)) {
        throw new UsageError(`--effective-from ${flags.effectiveFrom}: expected a date YYYY-MM-DD`);
      }
      const { readSource, validateImported, loadCatalog, planUpdate, writePlan, renderTable, diffTable } = await pricingModules();
      const limits = { timeoutMs: positive('--timeout', flags.timeout, 30) * 1000, maxBytes: positive('--max-bytes', flags.maxBytes, defaultLimits.maxBytes) };
      const userDir = flags.pricingDir ?? defaultPricingDir;
      const { label, models } = await readSource(flags.source, limits);
      validateImported(flags.source, models);
      // The directory may not exist before the first update.
      const catalog = await loadCatalog({ pricingDir: existsSync(userDir) ? userDir : undefined });
      const today = new Date().toISOString().slice(0, 10);
      const plan = planUpdate(catalog, models, { label: `${label} (imported ${today})`, today, effectiveFrom: flags.effectiveFrom, userDir });
      if (plan.rows.length === 0) {
        io.err(`${label}: ${models.length} models read, no price differs from the catalog\n`);
        return;
      }
      io.out(renderTable(diffTable(plan.rows), io.style));
      if (flags.dryRun) {
        io.err(`dry run: ${plan.entries} dated entries (${plan.newModels} new models) would be written to ${userDir}; nothing written\n`);
        return;
      }
      const written = writePlan(plan, userDir);
      io.err(`wrote ${plan.entries} dated entries (${plan.newModels} new models) to ${written.join(', ')}; earlier calls keep their earlier prices\n`);
    });
}
