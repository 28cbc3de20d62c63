// What a what-if on an analysed workspace costs: it only reads. The database file is not written (no view
// rewrite, no checkpoint, no log left behind), and the code for ingesting, labelling, pricing, pulling and
// validating (zod) is not loaded: those modules were most of a what-if's 0.6 s of CPU (README, Speed). Run with
// the built binary, as a user runs it, with a module hook that lists every module the process loads.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, repoRoot, spawnCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-whatif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'usage.duckdb');
const mixed = fixture('batchable/mixed-workloads.csv');

const bytes = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Registers a loader hook that prints each module URL the process loads (ES modules) on stderr. */
const hook = `data:text/javascript,${encodeURIComponent(`
  import { register } from 'node:module';
  register('data:text/javascript,' + encodeURIComponent('export async function load(url, context, next) { process.stderr.write("@@load " + url + "\\\\n"); return next(url, context); }'));
`)}`;

function loadedModules(args: readonly string[]): { code: number; modules: string[]; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', hook, join(repoRoot, 'bin/batchable.js'), ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC' },
  });
  const modules = r.stderr.split('\n').filter((l) => l.startsWith('@@load ')).map((l) => l.slice('@@load '.length));
  return { code: r.status ?? -1, modules, stdout: r.stdout };
}

describe('a what-if on an analysed workspace', () => {
  it('writes nothing to the workspace file', () => {
    expect(spawnCli(['audit', mixed, '--db', db]).code).toBe(0);
    const before = bytes(db);
    for (const share of ['0.6', '0.3']) {
      const r = spawnCli(['simulate', '--db', db, '--batch-share', share, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(bytes(db)).toBe(before);
      expect(existsSync(`${db}.wal`)).toBe(false);
    }
  });

  it('loads no ingest, labelling, pricing, pull or zod code, and answers as before', () => {
    const first = spawnCli(['simulate', '--db', db, '--batch-share', '0.6', '--format', 'json']);
    const r = loadedModules(['simulate', '--db', db, '--batch-share', '0.6', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first.stdout);
    // The hook sees the modules: guards against a hook that prints nothing passing the check below.
    expect(r.modules.some((m) => m.endsWith('/dist/app/analyse.js'))).toBe(true);
    const heavy = r.modules.filter((m) =>
      /\/dist\/(ingest\/ingest|ingest\/adapters\/index|classify\/classify|pricing\/price-calls|pricing\/load-catalog|pull\/run|app\/ingest|app\/pull)\.js$|\/node_modules\/zod\//.test(m),
    );
    expect(heavy).toEqual([]);
  });
});
