// A secret API key where an export puts a key id (a team's own log with its keys in it) is kept as the providers'
// dashboards show a key, prefix and last four characters: no table, report, export or reject keeps the secret.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-keys-');
const secrets = [
  'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234',
  'sk-ant-api03-abcdefghijklmnopqrstuvwxyzABCD-xyzW',
  'sk-or-v1-0123456789abcdef0123456789abcdef',
  'AIzaSyA1234567890abcdefghijklmnopqrstu',
  'gsk_abcdefghijklmnopqrstuvwx9876',
  'xai-ABCDEFGHIJKLMNOPQRSTUVWXYZ5555',
];

describe('secret API keys in the api_key column', () => {
  it('are kept as prefix and last four characters, everywhere; ids and short test keys are kept as they are', async () => {
    const dir = tempDir();
    const file = join(dir, 'keys.csv');
    const rows = [...secrets, 'key_abc123', 'sk-test'].map((k, i) => `c${i},2026-10-0${1 + (i % 5)}T00:00:00Z,gpt-5.4,100,10,${k}`);
    rows.push(`bad,not-a-time,gpt-5.4,100,10,${secrets[0]}`);
    writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens,api_key\n${rows.join('\n')}\n`);
    const db = join(dir, 'w.duckdb');
    expect((await runCli(['ingest', file, '--db', db])).code).toBe(0);
    const ws = await openWorkspace(db);
    expect((await ws.all<{ api_key: string }>('SELECT api_key FROM calls ORDER BY call_id')).map((r) => r.api_key)).toEqual([
      'sk-proj-…1234', 'sk-ant-api03-…xyzW', 'sk-or-v1-…cdef', 'AIza…rstu', 'gsk_…9876', 'xai-…5555', 'key_abc123', 'sk-test',
    ]);
    expect(await ws.all('SELECT raw FROM rejects')).toEqual([{ raw: 'bad,not-a-time,gpt-5.4,100,10,sk-proj-…' }]);
    ws.close();
    const outputs = [
      await runCli(['audit', '--db', db, '--by', 'api_key']),
      await runCli(['audit', '--db', db, '--by', 'api_key', '--format', 'json']),
      await runCli(['audit', '--db', db, '--format', 'csv', '--export-calls', join(dir, 'calls.csv')]),
      await runCli(['rejects', '--db', db]),
    ];
    const text = outputs.map((o) => o.stdout + o.stderr).join('\n') + readFileSync(join(dir, 'calls.csv'), 'utf8');
    expect(text).toContain('sk-proj-…1234');
    for (const secret of secrets) expect(text).not.toContain(secret.slice(0, -4));
  });

  it("are kept the same way in a cost export's rows and its rejected lines", async () => {
    const dir = tempDir();
    const file = join(dir, 'claude_api_cost.csv');
    const head = 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed';
    writeFileSync(file, `${head}\n2026-08-05,Claude Sonnet 4.6,Default,${secrets[1]},standard,≤ 200k,input_no_cache,1.80,1.80,tokens,global,--\n` +
      `2026-08-05,Claude Sonnet 4.6,Default,${secrets[1]},standard,≤ 200k,output,1.80,1.80,tokens,global,--,a ragged line\n`);
    const db = join(dir, 'costs.duckdb');
    expect((await runCli(['ingest', file, '--db', db])).code).toBe(0);
    const ws = await openWorkspace(db);
    expect(await ws.all('SELECT api_key FROM billed_costs')).toEqual([{ api_key: 'sk-ant-api03-…xyzW' }]);
    const text = JSON.stringify(await ws.all('SELECT raw, reason FROM rejects'));
    ws.close();
    // DuckDB's reader keeps the ragged line's text: the key in it keeps its prefix only.
    expect(text).toContain('Default,sk-ant-api03-…,standard');
    expect(text).not.toContain(secrets[1]!.slice(0, -4));
  });
});
