// `batchable pricing list | show <model> | update`: the price catalog, as the commands see it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { defaultLimits, defaultPricingDir } from '../pricing/defaults.ts';
import type { Io } from './io.ts';
import { addDbOption, addIngestOptions, type IngestFlags } from './options.ts';
import { oneOf, parseMap, positiveNumber as positive } from './parse.ts';

type DirFlags = { pricingDir?: string };
type UpdateFlags = DirFlags & { source: string; dryRun?: boolean; effectiveFrom?: string; timeout?: string; maxBytes?: string };

/** The catalog code, loaded when a pricing command runs. */
async function pricingModules() {
  return {
    ...(await import('../pricing/describe.ts')),
    ...(await import('../pricing/index.ts')),
    ...(await import('../pricing/update/fetch-source.ts')),
    ...(await import('../pricing/update/plan.ts')),
    ...(await import('../pricing/update/imported.ts')),
    ...(await import('../report/table.ts')),
    printable: (await import('../report/escape.ts')).oneLine,
    ...(await import('../pricing/aliases.ts')),
    resolveName: (await import('../pricing/load-catalog.ts')).resolveName,
  };
}

export function registerPricing(program: Command, io: Io): void {
  const pricing = program.command('pricing').description('the price catalog: list, show a model, alias a name, check coverage, import current prices');
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
      const { loadCatalog, findModel, showHeader, showTable, renderTable, resolutionText } = await pricingModules();
      const catalog = await loadCatalog({ pricingDir: flags.pricingDir });
      const { model, resolution } = findModel(catalog, name);
      io.out(resolutionText(name, resolution) + showHeader(catalog, model) + renderTable(showTable(model), io.style));
    });

  pricing
    .command('alias')
    .description('map a private model name (Azure deployment, proxy name…) to a catalog model, in the user aliases file')
    .argument('<name=catalog_id>', 'the name as your calls write it, = the catalog id (or any spelling of it) whose prices apply')
    .option('--provider <name>', 'only for calls of this provider (e.g. azure); default: any provider')
    .option('--pricing-dir <dir>', 'user catalog directory holding aliases.json', defaultPricingDir)
    .action(async (pair: string, flags: DirFlags & { provider?: string }) => {
      const eq = pair.lastIndexOf('=');
      const name = pair.slice(0, eq).trim();
      const target = pair.slice(eq + 1).trim();
      if (eq <= 0 || name === '' || target === '') throw new UsageError(`pricing alias ${pair}: expected NAME=CATALOG_ID, e.g. my-gpt4o-deployment=gpt-4o`);
      if (flags.provider !== undefined && !/^[A-Za-z0-9._-]+$/.test(flags.provider)) throw new UsageError(`--provider ${flags.provider}: expected a provider name such as azure`);
      const { loadCatalog, resolveName, writeAlias, aliasesFileName, printable } = await pricingModules();
      const userDir = flags.pricingDir ?? defaultPricingDir;
      const catalog = await loadCatalog({ pricingDir: existsSync(userDir) ? userDir : undefined });
      const resolved = resolveName({ ...catalog, userAliases: new Map() }, target);
      if (resolved.id === undefined) {
        const { closestIds } = await import('../pricing/model-names.ts');
        throw new UsageError(`pricing alias ${printable(pair)}: "${printable(target)}" is not in the catalog (${resolved.reason}); closest ids: ${closestIds(target, catalog.models.keys()).join(', ')} (see \`batchable pricing list\`)`);
      }
      const file = join(userDir, aliasesFileName);
      const replaced = writeAlias(file, { name, model: resolved.id, ...(flags.provider ? { provider: flags.provider.toLowerCase() } : {}), added: new Date().toISOString().slice(0, 10) });
      io.err(`alias "${printable(name)}"${flags.provider ? ` (provider ${flags.provider.toLowerCase()})` : ''} -> ${resolved.id} written to ${file}${replaced ? ` (was -> ${replaced.model})` : ''}\n`);
    });

  const coverage = pricing
    .command('coverage')
    .description('ingest exports and list every model id with its calls, what it resolved to and by which rule, and what is unpriced')
    .argument('[files...]', 'usage exports to ingest first (none: what the database holds)');
  addIngestOptions(addDbOption(coverage))
    .option(...dirOption)
    .option('--format <format>', 'table | json', 'table')
    .action(async (files: string[], flags: DirFlags & IngestFlags & { db: string; format: string }) => {
      const format = oneOf('--format', flags.format, ['table', 'json'] as const, 'table');
      const { renderTable, printable, formatCount } = await pricingModules();
      const { closestText } = await import('../pricing/unpriced.ts');
      const { coverage: runCoverage } = await import('../app/coverage.ts');
      const { showProgress } = await import('./progress.ts');
      const progress = showProgress(io, true);
      let rows;
      try {
        ({ rows } = await runCoverage({ db: flags.db, files, inputFormat: flags.inputFormat, map: parseMap(flags.map), strict: flags.strict, pricingDir: flags.pricingDir, onProgress: progress.onProgress }));
      } finally {
        progress.done();
      }
      const unpriced = rows.filter((r) => r.unpriced !== null);
      if (format === 'json') {
        io.out(`${JSON.stringify({
          models: rows.map((r) => ({
            model: r.model, providers: r.providers, calls: Number(r.calls), catalog_id: r.catalogId, rules: r.rules, alias: r.alias ?? null,
            unpriced: r.unpriced === null ? null : { reason: r.unpriced.reason, reported_cost_calls: Number(r.unpriced.reportedCalls), closest: r.unpriced.closest, fix: r.unpriced.fix },
          })),
        }, null, 2)}\n`);
        return;
      }
      io.out(renderTable({
        head: ['model as written', 'provider', 'calls', 'resolves to', 'rules', 'unpriced: why, and the fix'],
        align: ['left', 'left', 'right', 'left', 'left', 'left'],
        rows: rows.map((r) => [printable(r.model), printable(r.providers), formatCount(r.calls), r.catalogId ?? '(unpriced)', r.rules.join(', ') + (r.alias ? ` (alias ${printable(r.alias)})` : ''),
          r.unpriced === null ? '' : `${r.unpriced.reason}${r.unpriced.reportedCalls > 0n ? `; ${formatCount(r.unpriced.reportedCalls)} calls carry a reported cost, used as is` : ''}${closestText(r.unpriced.closest)}. Fix: ${printable(r.unpriced.fix)}`]),
      }, io.style));
      const calls = rows.reduce((n, r) => n + r.calls, 0n);
      const left = unpriced.reduce((n, r) => n + r.calls, 0n);
      io.err(`${formatCount(rows.length)} model ids, ${formatCount(calls)} calls; ${unpriced.length === 0 ? 'every call is priced' : `${formatCount(unpriced.length)} model ids unpriced (${formatCount(left)} calls): run the fix lines, then this again`}\n`);
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
      const { label, models: read } = await readSource(flags.source, limits);
      const { models, warnings } = validateImported(flags.source, read);
      for (const warning of warnings) io.err(`warning: ${warning}\n`);
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
