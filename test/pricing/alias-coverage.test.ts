import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasesJsonSchema } from '../../src/pricing/aliases.ts';
import { fixture, runCli } from '../helpers/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'batchable-alias-'));

describe('pricing alias', () => {
  it('writes NAME=CATALOG_ID to the user aliases file, which pricing show and coverage then use', async () => {
    const dir = tmp();
    const r = await runCli(['pricing', 'alias', 'prod-gpt4o=gpt-4o-2024-08-06', '--provider', 'Azure', '--pricing-dir', dir]);
    expect(r.stderr).toContain('alias "prod-gpt4o" (provider azure) -> gpt-4o written to');
    expect(r.code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'aliases.json'), 'utf8'));
    expect(file.aliases).toEqual([{ name: 'prod-gpt4o', model: 'gpt-4o', provider: 'azure', added: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    // Any provider: a proxy name.
    expect((await runCli(['pricing', 'alias', 'team-claude=claude-sonnet-4.6', '--pricing-dir', dir])).code).toBe(0);
    const show = await runCli(['pricing', 'show', 'team-claude', '--pricing-dir', dir]);
    expect(show.stdout).toContain('"team-claude" resolves to claude-sonnet-4.6 by rules alias, exact (your alias "team-claude")');
    // The provider-scoped alias applies only to that provider's calls.
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, 'call_id,ts,model,provider,input_tokens,output_tokens\na,2026-06-02T10:00:00Z,prod-gpt4o,azure,10,10\nb,2026-06-02T10:00:00Z,prod-gpt4o,openai,10,10\nc,2026-06-02T10:00:00Z,team-claude,anthropic,10,10\n');
    const cov = await runCli(['pricing', 'coverage', csv, '--db', ':memory:', '--pricing-dir', dir, '--format', 'json']);
    expect(cov.code).toBe(0);
    const models = JSON.parse(cov.stdout).models;
    expect(models).toEqual(expect.arrayContaining([
      expect.objectContaining({ model: 'prod-gpt4o', providers: 'azure', catalog_id: 'gpt-4o', rules: ['alias', 'exact'], alias: 'prod-gpt4o' }),
      expect.objectContaining({ model: 'prod-gpt4o', providers: 'openai', catalog_id: null, unpriced: expect.objectContaining({ reason: 'no price in the catalog' }) }),
      expect.objectContaining({ model: 'team-claude', catalog_id: 'claude-sonnet-4.6', rules: ['alias', 'exact'] }),
    ]));
  });

  it('explain says which rule and alias priced a call, and the fix for an unpriced one', async () => {
    const dir = tmp();
    const db = join(dir, 'usage.duckdb');
    expect((await runCli(['pricing', 'alias', 'acme-internal-llm=gpt-4o-mini', '--pricing-dir', join(dir, 'p')])).code).toBe(0);
    expect((await runCli(['ingest', fixture('pricing/unpriced-mixed.csv'), '--db', db])).code).toBe(0);
    const call = await runCli(['explain', 'rep-1', '--db', db, '--pricing-dir', join(dir, 'p')]);
    expect(call.stdout).toContain('"acme-internal-llm": gpt-4o-mini by rules alias, exact, your alias "acme-internal-llm"');
    const other = await runCli(['explain', 'none-1', '--db', db]);
    expect(other.stdout).toContain(`"mystery-model": unpriced, no price in the catalog; fix: batchable pricing alias 'mystery-model=<catalog id>'`);
  });

  it('refuses a target the catalog does not have, a malformed pair, and a broken aliases file (exit 2, one line)', async () => {
    const dir = tmp();
    const unknown = await runCli(['pricing', 'alias', 'x=gpt-9-ultra', '--pricing-dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"gpt-9-ultra" is not in the catalog .*closest ids:/);
    expect((await runCli(['pricing', 'alias', 'no-equals-sign', '--pricing-dir', dir])).stderr).toContain('expected NAME=CATALOG_ID');
    writeFileSync(join(dir, 'aliases.json'), JSON.stringify({ aliases: [{ name: 'a', target: 'gpt-4o' }] }));
    const broken = await runCli(['pricing', 'list', '--pricing-dir', dir]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/aliases\.json.*not a valid aliases file: aliases\.0/);
    writeFileSync(join(dir, 'aliases.json'), JSON.stringify({ aliases: [{ name: 'a', model: 'gpt-9-ultra' }] }));
    expect((await runCli(['pricing', 'list', '--pricing-dir', dir])).stderr).toContain('alias "a" points to "gpt-9-ultra", which is not in the catalog');
  });

  it('publishes the aliases JSON Schema generated from the zod schema', () => {
    const published = JSON.parse(readFileSync(new URL('../../pricing/aliases.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(aliasesJsonSchema());
  });
});

describe('pricing coverage', () => {
  it('lists every model id with its calls, what it resolved to and by which rules, and the fix for what is unpriced', async () => {
    const r = await runCli(['pricing', 'coverage', fixture('pricing/unpriced-mixed.csv'), '--db', ':memory:'], 400);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/us\.anthropic\.claude-opus-4-6-v1 +│ bedrock +│ +1 │ bedrock-regional:claude-opus-4\.6 │ bedrock, bedrock-regional, exact/);
    expect(r.stdout).toMatch(/acme-internal-llm +│ openai +│ +2 │ \(unpriced\) .*no price in the catalog; 2 calls carry a reported cost, used as is\. Fix: batchable pricing alias 'acme-internal-llm=<catalog id>'/);
    expect(r.stdout).toMatch(/google\/gemini-2\.5-flash:free .*OpenRouter `:free` variant.* Fix: batchable pricing alias 'google\/gemini-2\.5-flash:free=gemini-2\.5-flash'/);
    expect(r.stderr).toContain('5 model ids, 7 calls; 3 model ids unpriced (5 calls)');
  });
});
