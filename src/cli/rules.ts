// `batchable rules suggest [files...]`: write a starter rules file that asks about the workloads holding the
// most spend with a low-confidence or default label (see src/classify/suggest.ts).
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { Io } from './io.ts';
import { addDbOption, addIngestOptions, type AnalysisFlags } from './options.ts';

type SuggestFlags = AnalysisFlags & { db: string; out: string; top: string; force?: boolean };

export function registerRules(program: Command, io: Io): void {
  const rules = program.command('rules').description('work with rules files (--rules FILE)');
  const suggest = rules
    .command('suggest')
    .description('write a starter rules file: the workloads with the most spend labelled with low confidence, by default or on a name alone, each with the question to answer')
    .argument('[files...]', 'usage exports to ingest first (none: what the database holds)')
    .option('--out <file>', 'rules file to write ("-": print it)', 'batchable.rules.yaml')
    .option('--top <n>', 'how many workloads to ask about', '10')
    .option('--force', 'overwrite --out if it exists')
    .option('--rules <file>', 'your rules so far: workloads they decide are not asked about again')
    .option('--pricing-dir <dir>', 'extra price catalogs (<provider>.json) over the bundled ones');
  addIngestOptions(addDbOption(suggest)).action(async (files: string[], flags: SuggestFlags) => {
    const top = Number(flags.top);
    if (!Number.isInteger(top) || top < 1 || top > 1000) throw new UsageError(`--top ${flags.top}: expected a whole number from 1 to 1000`);
    if (flags.out !== '-' && existsSync(flags.out) && flags.force !== true) {
      throw new UsageError(`--out ${flags.out}: the file exists; pass --force to overwrite it, or another --out`);
    }
    const { parseAnalysisFlags } = await import('./parse.ts');
    const { showProgress } = await import('./progress.ts');
    const { suggestRules } = await import('../app/rules.ts');
    const progress = showProgress(io, true);
    let result;
    try {
      result = await suggestRules({ ...parseAnalysisFlags(files, flags), top, onProgress: progress.onProgress });
    } finally {
      progress.done();
    }
    if (flags.out === '-') io.out(result.yaml);
    else writeFileSync(flags.out, result.yaml);
    const n = result.suggestions.workloads.length;
    io.err(
      n === 0
        ? `nothing to ask: no spend is labelled with low confidence, by default or on a name alone${flags.out === '-' ? '' : `; ${flags.out} holds an empty rules list`}\n`
        : `${n} question(s) about workloads holding ${share(result.suggestions)} of spend${flags.out === '-' ? '' : ` written to ${flags.out}`}; answer them, then run \`batchable audit --rules ${flags.out === '-' ? 'FILE' : flags.out}\`\n`,
    );
  });
  for (const command of [rules, suggest]) command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
}

function share(s: { totalPico: bigint; workloads: readonly { costPico: bigint }[] }): string {
  const asked = s.workloads.reduce((a, w) => a + w.costPico, 0n);
  return s.totalPico === 0n ? '0%' : `${Number((asked * 1000n) / s.totalPico) / 10}%`;
}
