// Every test run gets a temporary directory of its own, removed when the run ends: tests make workspaces, spill
// directories and exports under os.tmpdir() (DuckDB files of a few MB each), and the CLI they spawn does too. Without
// this they stayed behind: runs across the project's sessions had left about 20,000 directories (55 GB) in /tmp.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-test-'));
  // Open like /tmp itself (sticky, everyone may write): the permission tests run the CLI as another user.
  chmodSync(dir, 0o1777);
  // Set before the workers start: they and the processes they spawn inherit it, and os.tmpdir() reads it.
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
