import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, priceCalls } from '../../src/pricing/index.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

// Excerpts of ../shared/data's price databases (scripts/excerpt-price-sources.mjs): same shapes, the models named here.
const sharedData = (name: string) => fixture(`pricing/sources/${name}`);
const tmp = () => mkdtempSync(join(tmpdir(), 'batchable-pricing-'));

let server: Server;
let base = '';
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    if (name === 'hang') return void hanging.add(res); // never answers
    if (name === 'truncated.json') return void res.end(readFileSync(sharedData('litellm_model_prices.json'), 'utf8').slice(0, 5000));
    if (name === 'missing') return void res.writeHead(404).end();
    res.end(readFileSync(sharedData(name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('pricing list and show', () => {
  it('lists the bundled models with the seed 003 prices', async () => {
    const r = await runCli(['pricing', 'list', '--provider', 'anthropic'], 160);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/claude-sonnet-4\.6 .*\$3\.00 .*\$15\.00 .*\$0\.30 .*\$1\.50 \/ \$7\.50/);
    expect(r.stdout).not.toContain('gpt-5.4');
  });

  it('shows every entry of a model by any alias, with lanes, tiers and source', async () => {
    const r = await runCli(['pricing', 'show', 'openai/gpt-5.4-2026-03-05', '--pricing-dir', fixture('pricing/catalogs/price-change')], 200);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gpt-5.4 (openai), aliases: my-gpt; batch lane: chat, responses, completions, embeddings at 0.5x');
    expect(r.stdout).toMatch(/2026-09-01 .*base .*standard .*\$2\.00 .*\$12\.00 .*test: a price cut/);
    expect(r.stdout).toMatch(/2026-03-05 .*>272,000 .*standard .*\$5\.00 .*\$22\.50/);
    expect(r.stdout).toMatch(/2026-03-05 .*base .*flex .*\$1\.25 .*\$7\.50/);
  });

  it('exits 2 on an unknown model with suggestions, and on a broken user catalog naming file and path', async () => {
    const r = await runCli(['pricing', 'show', 'claude-sonet-4.6']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown model "claude-sonet-4.6"; closest catalog ids: claude-sonnet-4.6');
    const b = await runCli(['pricing', 'list', '--pricing-dir', fixture('pricing/catalogs/broken')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('broken/openai.json: not a valid price catalog: models.0.prices.0.input:');
  });
});

describe('pricing update', () => {
  it('--dry-run prints the diff against the catalog and writes nothing', async () => {
    const dir = tmp();
    const r = await runCli(['pricing', 'update', '--source', `${base}/litellm_model_prices.json`, '--dry-run', '--pricing-dir', dir, '--effective-from', '2026-10-01'], 160);
    expect(r.code).toBe(0);
    // seed 003's deepseek-v3.2 rate differs from LiteLLM's
    expect(r.stdout).toMatch(/deepseek +│ deepseek-v3\.2 +│ input +│ +\$0\.14 │ +\$0\.28/);
    expect(r.stdout).not.toMatch(/gpt-5\.4 +│ input/);
    expect(r.stderr).toContain('nothing written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('appends dated entries to the user catalog; a call before keeps its old price', async () => {
    const dir = tmp();
    const r = await runCli(['pricing', 'update', '--source', sharedData('litellm_model_prices.json'), '--pricing-dir', dir, '--effective-from', '2026-10-01']);
    expect(r.code).toBe(0);
    const deepseek = JSON.parse(readFileSync(join(dir, 'deepseek.json'), 'utf8')) as { models: { id: string; prices: { effective_from: string; input: string }[] }[] };
    expect(deepseek.models.find((m) => m.id === 'deepseek-v3.2')?.prices).toMatchObject([{ effective_from: '2026-10-01', input: '0.28', output: '0.4' }]);
    const csv = join(tmp(), 'calls.csv');
    writeFileSync(csv, 'call_id,ts,model,input_tokens,output_tokens\nold,2026-09-30T12:00:00Z,deepseek-v3.2,1000000,1000000\nnew,2026-10-01T00:00:00Z,deepseek-v3.2,1000000,1000000\n');
    const { ws } = await ingested([csv]);
    try {
      await priceCalls(ws, await loadCatalog({ pricingDir: dir }));
      const rows = await ws.all<{ call_id: string; cost_pico: bigint }>('SELECT c.call_id, p.cost_pico FROM priced_calls p JOIN calls c USING (call_key) ORDER BY c.call_id');
      expect(rows).toEqual([{ call_id: 'new', cost_pico: 680_000n * 1_000_000n }, { call_id: 'old', cost_pico: 420_000n * 1_000_000n }]);
    } finally {
      ws.close();
    }
    // The same update again finds nothing new.
    const again = await runCli(['pricing', 'update', '--source', sharedData('litellm_model_prices.json'), '--pricing-dir', dir, '--effective-from', '2026-10-01']);
    expect(again.stderr).toContain('no price differs');
  });

  it.each([
    ['models_dev_api.json', /claude-sonnet-4\.6|gpt-5\.4|deepseek/],
    // (gpt-5.6-luna's 2026-07-30 cut is bundled since the catalog took genai-prices' history; DeepSeek still differs.)
    ['genai_prices_data_v2.json', /deepseek-v3\.2 +│ input +│ +\$0\.14 │ +\$0\.2288/],
    ['openrouter_models_snapshot.json', /│/],
  ])('imports %s served over HTTP', async (name, pattern) => {
    const r = await runCli(['pricing', 'update', '--source', `${base}/${name}`, '--dry-run', '--pricing-dir', tmp()], 200);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(pattern);
  });

  it('rejects broken sources with exit 2 and a clear message', async () => {
    const dir = tmp();
    const wrongShape = join(dir, 'wrong.json');
    writeFileSync(wrongShape, '{"hello": [1, 2, 3]}');
    const negative = join(dir, 'negative.json');
    writeFileSync(negative, JSON.stringify({ 'gpt-5.4': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: -2.5e-6, output_cost_per_token: 1.5e-5 } }));
    const absurd = join(dir, 'absurd.json');
    writeFileSync(absurd, JSON.stringify({ 'gpt-5.4': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 2.5, output_cost_per_token: 1.5e-5 } }));
    const cases: [string[], string][] = [
      [['--source', `${base}/truncated.json`], 'not valid JSON'],
      [['--source', wrongShape], 'not a known price database shape'],
      [['--source', 'litellm', '--max-bytes', '10', '--source', `${base}/litellm_model_prices.json`], 'larger than'],
      [['--source', negative], 'input = $-2.5/MTok, a negative price'],
      [['--source', absurd], 'above $1000/MTok'],
      [['--source', `${base}/hang`, '--timeout', '0.3'], 'no complete answer within 0.3 s'],
      [['--source', `${base}/missing`], 'HTTP 404'],
      [['--source', join(dir, 'nope.json')], 'not a named source'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['pricing', 'update', ...args, '--pricing-dir', dir]);
      expect({ args, code: r.code, stderr: r.stderr }).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
    }
    expect(readdirSync(dir).sort()).toEqual(['absurd.json', 'negative.json', 'wrong.json']);
  });

  it('stops on a price that is not a finite number (1e400), naming the model; nothing written', async () => {
    const dir = tmp();
    const overflow = join(dir, 'overflow.json');
    // JSON.parse reads 1e400 as Infinity: it used to read as "no price" and drop the model silently.
    writeFileSync(overflow, `{"gpt-5.4": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e400, "output_cost_per_token": 1.5e-5},
      "gpt-5.4-mini": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-7, "output_cost_per_token": 2e-6}}`);
    const r = await runCli(['pricing', 'update', '--source', overflow, '--pricing-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --source ${overflow}: model gpt-5.4 has input that is not a finite number (such as 1e400); the file is not imported (check the source or pass another --source)\n`);
    expect(readdirSync(dir)).toEqual(['overflow.json']);
  });

  it('takes a $0 price only where the source marks the model free; elsewhere warns and leaves the model out', async () => {
    const dir = tmp();
    const zero = join(dir, 'zero.json');
    writeFileSync(zero, JSON.stringify({
      'gpt-5.4': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 0, output_cost_per_token: 0 },
      'text-embedding-3-small': { litellm_provider: 'openai', mode: 'embedding', input_cost_per_token: 2e-8, output_cost_per_token: 0 },
    }));
    const r = await runCli(['pricing', 'update', '--source', zero, '--dry-run', '--pricing-dir', tmp(), '--effective-from', '2026-10-01'], 200);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${zero}: openai model gpt-5.4 has a $0 input price and the source does not mark it free; left out`);
    expect(r.stdout).not.toMatch(/gpt-5\.4 /);
    expect(r.stderr).not.toContain('text-embedding-3-small'); // $0 output is the price of an embedding
  });
});
