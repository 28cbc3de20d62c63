// `batchable doctor`: the workspace opens, or is recovered from a log a killed run left (src/app/doctor.ts).
import type { Command } from 'commander';
import type { Io } from './io.ts';
import { addDbOption } from './options.ts';

const count = (n: bigint, one: string) => `${n.toLocaleString('en-US')} ${n === 1n ? one : `${one}s`}`;

export function registerDoctor(program: Command, io: Io): void {
  const command = program
    .command('doctor')
    .description('check that the workspace opens; if a killed run left a log that cannot be replayed, set it aside and keep every committed file');
  addDbOption(command).action(async (flags: { db: string }) => {
    const { doctor } = await import('../app/doctor.ts'); // loaded when the command runs: other commands do not pay for it
    const r = await doctor({ db: flags.db });
    const what = `${count(r.files, 'file')}, ${count(r.calls, 'call')}`;
    if (r.wal === 'set-aside') {
      io.out(`${r.db}: the write-ahead log could not be replayed (a run was killed while writing); it was set aside as ${r.keptAs}.\n` +
        `The workspace opens from its last checkpoint and holds ${what}. Re-run the ingest that was killed: files already held are skipped.\n`);
    } else {
      io.out(`${r.db}: opens cleanly${r.wal === 'replayed' ? ' (its write-ahead log was replayed)' : ''}; it holds ${what}\n`);
    }
  });
}
