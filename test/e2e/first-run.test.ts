// The README's first command: `batchable audit` on the bundled month (fixtures/example-month, written by
// scripts/generate-example-month.mjs), as a newcomer sees it in an 80-column terminal and piped into a file.
import { describe, expect, it } from 'vitest';
import { fixture, runCli, spawnCli } from '../helpers/cli.ts';

const month = fixture('example-month/larkspur-2026-10.csv.gz');

/** Every line of the table and of the lists under it fits the width (the footer's long assumption lines may not). */
const tableLines = (text: string) => text.split('\n').filter((l) => /^[┌│├└]/.test(l) || /^ {2}\S/.test(l));

describe('first run on the bundled month', () => {
  it('at COLUMNS=80: full workload names, reasons listed under the table, every table line within 80 columns', async () => {
    const r = await runCli(['audit', month, '--db', ':memory:'], 80);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('85,097 calls ingested, 0 rows rejected');
    await expect(r.stdout).toMatchFileSnapshot('./__snapshots__/first-run.cols80.txt');
    for (const name of ['nightly-digest', 'sla-triage-report', 'catalog-enrichment', 'reply-autocomplete', 'invoice-notes-etl', 'kb-embed-backfill']) {
      expect(r.stdout).toMatch(new RegExp(`│ ${name} +│`));
    }
    expect(r.stdout).toContain('Top reason per workload:');
    expect(r.stdout).not.toContain('…');
    for (const line of tableLines(r.stdout)) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/30-day estimate: \$1,154\.66 now, \$717\.38 with batchable work on batch, saving \$437\.27/);
  });

  it('piped (stdout not a terminal, no COLUMNS): the same table at the 100-column default', async () => {
    const r = spawnCli(['audit', 'fixtures/example-month/larkspur-2026-10.csv.gz', '--db', ':memory:'], { COLUMNS: '' });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./__snapshots__/first-run.piped.txt');
    expect(r.stdout).not.toContain('…');
    for (const line of tableLines(r.stdout)) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('--wide keeps the reasons in the table, unwrapped', async () => {
    const r = await runCli(['audit', month, '--db', ':memory:', '--wide'], 80);
    expect(r.stdout).not.toContain('Top reason per workload:');
    expect(r.stdout).toMatch(/│ kb-search +│ .*│ short embedding inputs \(median 14 tokens\): query embeddings someone is searching with +│/);
  });
});
