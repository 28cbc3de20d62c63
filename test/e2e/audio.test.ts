// Audio tokens are a charge of their own (issue 12): an OpenAI usage page's input_tokens / output_tokens include
// its input_audio_tokens / output_audio_tokens; they must never be priced at the text rates. The catalog has no
// audio rate yet, so they appear in the Unpriced section as quantities and the money figures hold text only.
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

// gpt-4o-audio-preview-2024-12-17: 12000 in (8000 audio), 6000 out (5000 audio), 20 requests, $2.50 / $10 per MTok
// text: 4000 x 2.5 + 1000 x 10 = $0.02 (priced as text it would be 12000 x 2.5 + 6000 x 10 = $0.09).
// gpt-4o-mini-2024-07-18: 100000 in, 20000 out, no audio, 50 requests at $0.15 / $0.60: $0.027.
const file = fixture('openai/usage-audio.json');
const audit = (...args: string[]) => runCli(['audit', file, '--db', ':memory:', ...args], 200);

describe('audio tokens on an OpenAI usage page', () => {
  it('JSON: money holds the text tokens only; the audio tokens are unpriced charges of their model', async () => {
    const r = await audit('--format', 'json', '--by', 'model');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals).toMatchObject({ requests: 70, current_usd: 0.047, unpriced_requests: 0 });
    expect(doc.unpriced.models).toEqual([]);
    expect(doc.unpriced.charges).toEqual([
      { model: 'gpt-4o-audio-preview-2024-12-17', charge: 'audio_input_tokens', calls: 1, quantity: 8000 },
      { model: 'gpt-4o-audio-preview-2024-12-17', charge: 'audio_output_tokens', calls: 1, quantity: 5000 },
    ]);
  });

  it('table and markdown: the Unpriced section names the audio quantities, never priced as text', async () => {
    const table = await audit();
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('8,000 audio input tokens on gpt-4o-audio-preview-2024-12-17, 5,000 audio output tokens on gpt-4o-audio-preview-2024-12-17: no rate in the catalog, not priced (never as text tokens).');
    const md = await audit('--format', 'markdown');
    expect(md.stdout).toContain('8,000 audio input tokens on gpt-4o-audio-preview-2024-12-17');
  });
});
