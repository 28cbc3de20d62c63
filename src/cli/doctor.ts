// `batchable doctor`: checks that a workspace opens, and recovers one whose write-ahead log cannot be replayed
// (src/db/recovery.ts): the log is set aside, never deleted, and the workspace opens from its last checkpoint.
import type { Command } from 'commander';
import { repairWorkspace } from '../db/recovery.ts';
import { withWorkspace } from '../db/workspace.ts';
import type { Io } from './io.ts';
import { addDbOption } from './options.ts';

export function registerDoctor(program: Command, io: Io): void {
  const command = program
    .command('doctor')
    .description('check that the workspace opens; if a killed run left a log that cannot be replayed, set it aside and keep every committed file');
  addDbOption(command).action(async (flags: { db: string }) => {
    let held = { files: 0n, calls: 0n };
    const result = await repairWorkspace(flags.db, (path) =>
      withWorkspace(path, async (ws) => {
        const [row] = await ws.all<{ files: bigint; calls: bigint }>('SELECT (SELECT count(*) FROM sources) AS files, (SELECT count(*) FROM calls) AS calls');
        held = row ?? held;
      }),
    );
    const count = (n: bigint, one: string) => `${n.toLocaleString('en-US')} ${n === 1n ? one : `${one}s`}`;
    const what = `${count(held.files, 'file')}, ${count(held.calls, 'call')}`;
    if (result.wal === 'set-aside') {
      io.out(`${flags.db}: the write-ahead log could not be replayed (a run was killed while writing); it was set aside as ${result.keptAs}.\n` +
        `The workspace opens from its last checkpoint and holds ${what}: every file committed before the kill. Re-run the ingest that was killed.\n`);
    } else {
      io.out(`${flags.db}: opens cleanly${result.wal === 'replayed' ? ' (its write-ahead log was replayed)' : ''}; it holds ${what}\n`);
    }
  });
}
