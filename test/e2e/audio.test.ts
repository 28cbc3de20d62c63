// Audio tokens are a charge of their own (issue 12): an OpenAI usage page's input_tokens / output_tokens include
// its input_audio_tokens / output_audio_tokens; they are priced at the model's audio rates, never at the text rates.
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

// gpt-4o-audio-preview-2024-12-17 (resolves to gpt-4o-audio-preview: text $2.50 / $10, audio $40 / $80 per MTok,
// LiteLLM input_cost_per_audio_token 4e-05 / output_cost_per_audio_token 8e-05, as OpenAI's model page states):
// 12000 in (8000 audio), 6000 out (5000 audio), 20 requests.
//   text  4000 x 2.50 + 1000 x 10 = $0.02
//   audio 8000 x 40 + 5000 x 80   = $0.32 + $0.40 = $0.72          -> $0.74
//   (priced as text it would be 12000 x 2.5 + 6000 x 10 = $0.09; left out, $0.02)
// gpt-4o-mini-2024-07-18: 100000 in, 20000 out, no audio, 50 requests at $0.15 / $0.60: $0.027.   Total $0.767.
const file = fixture('openai/usage-audio.json');
const run = (command: string, ...args: string[]) => runCli([command, file, '--db', ':memory:', ...args], 200);

describe('audio tokens on an OpenAI usage page', () => {
  it('JSON: the audio tokens are priced at the audio rates, and nothing is left unpriced', async () => {
    const r = await run('audit', '--format', 'json', '--by', 'model');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals).toMatchObject({ requests: 70, current_usd: 0.767, unpriced_requests: 0 });
    expect(doc.workloads.find((w: { name: string }) => w.name === 'gpt-4o-audio-preview')).toMatchObject({ requests: 20, current_usd: 0.74 });
    expect(doc.unpriced).toEqual({ models: [], charges: [] });
  });

  it('moving everything to batch halves the text model only: no source publishes a batch price for audio', async () => {
    const doc = JSON.parse((await run('simulate', '--batch-share', '1', '--format', 'json', '--by', 'model')).stdout);
    expect(doc.workloads.find((w: { name: string }) => w.name === 'gpt-4o-mini')).toMatchObject({ current_usd: 0.027, simulated_usd: 0.0135 });
    expect(doc.workloads.find((w: { name: string }) => w.name === 'gpt-4o-audio-preview')).toMatchObject({ current_usd: 0.74, simulated_usd: 0.74 });
    expect(doc.totals).toMatchObject({ current_usd: 0.767, simulated_usd: 0.7535 });
  });

  it('table: no Unpriced section when every charge has a rate', async () => {
    const table = await run('audit');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ total +│ +70 │ +\$0\.77 │/);
    expect(table.stdout).not.toContain('Unpriced');
  });
});
