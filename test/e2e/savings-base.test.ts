// The audit over the whole period reads savings_base (src/db/queries/savings.ts: the calls summed per outcome and
// price point straight from priced_rows, then grouped on price_points' columns); with --since/--until it groups
// every call through the priced_calls view instead. A period that covers every call must give the same report to
// the byte: charges that are not text tokens (their rates are not group columns, so they are multiplied per price
// point), rows without a request count (uncounted_pico), calls billed at a cost their source reported, chained calls.
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

const everything = ['--since', '2000-01-01', '--until', '2099-12-31'];

/** The audit JSON, and the same without the period options it states (the one place the two may differ). */
async function auditJson(args: readonly string[]): Promise<{ doc: Record<string, any>; stderr: string }> {
  const r = await runCli(['audit', ...args, '--db', ':memory:', '--format', 'json'], 200);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as Record<string, any>;
  delete doc.assumptions.since;
  delete doc.assumptions.until;
  return { doc, stderr: r.stderr };
}

describe('audit: the kept sums and the per-call pass agree', () => {
  it.each([
    ['audio, image and web-search charges', [fixture('pricing/charges.csv')]],
    ['rows without a request count', [fixture('check/org-export.csv'), fixture('check/unknown-request-counts.csv')]],
    ['calls of unknown models at their reported cost', [fixture('pricing/unpriced-mixed.csv')]],
    ['a month of real-shaped traffic, with an agent loop', [fixture('example-month/larkspur-2026-10.csv.gz')]],
  ])('%s', async (_name, files) => {
    const kept = await auditJson(files);
    const perCall = await auditJson([...files, ...everything]);
    expect(kept.doc).toEqual(perCall.doc);
    expect(kept.stderr).toBe(perCall.stderr);
    expect(kept.doc.totals.requests).toBeGreaterThan(0);
  });
});
