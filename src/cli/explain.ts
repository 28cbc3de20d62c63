// `batchable explain <call-id|workload>`: labels the database (or reuses its labels) and shows why one call or workload got its label.
import type { Command } from 'commander';
import { visible } from '../report/escape.ts';
import type { Io } from './io.ts';
import { addDbOption } from './options.ts';

export function registerExplain(program: Command, io: Io): void {
  const command = program
    .command('explain')
    .description('show the signals, the rule or heuristic that decided, the confidence and what would change the label')
    .argument('<target>', 'a call id, or a workload name')
    .option('--rules <file>', 'rules file (YAML or JSON) that names workloads and decides labels first')
    .option('--pricing-dir <dir>', 'extra price catalogs and aliases over the bundled ones (to say how the models are priced)');
  addDbOption(command).action(async (target: string, flags: { db: string; rules?: string; pricingDir?: string }) => {
    const { explain } = await import('../app/explain.ts');
    const { renderExplanation } = await import('../classify/explain.ts');
    const { renderPricingLines } = await import('../pricing/describe.ts');
    const explanation = await explain({ db: flags.db, target, rules: flags.rules, pricingDir: flags.pricingDir });
    const pricing = renderPricingLines(explanation.pricing);
    const text = `${renderExplanation(explanation)}${pricing === '' ? '' : `\n${pricing}`}`;
    io.out(visible(text)); // workload names, tags and keys are input
  });
}
