// `batchable formats`: the input formats and how each is recognised.
import type { Command } from 'commander';
import type { Io } from './io.ts';

export function registerFormats(program: Command, io: Io): void {
  program
    .command('formats')
    .description('list the supported input formats and how each is recognised')
    .action(async () => {
      const { adapters } = await import('../ingest/adapters/index.ts'); // loaded when the command runs
      const width = Math.max(...adapters.map((a) => a.id.length));
      const lines = adapters.map((a) => `${a.id.padEnd(width)}  ${a.kinds.join('/').padEnd(10)}  ${a.title}\n${' '.repeat(width + 14)}recognised by: ${a.recognisedBy}`);
      io.out(`${lines.join('\n')}\n\nDetection tries them in this order; --input-format NAME skips detection.\n`);
    });
}
