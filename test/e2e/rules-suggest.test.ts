// `batchable rules suggest`: writes a starter rules file that loads with --rules; keeps an existing file unless
// --force; `audit` points at it when much spend is labelled with low confidence.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

/** Two weeks: streamed chat in 15-23 h UTC (confident), and an untagged key in the same hours with big prompts (only its hours say anything: low confidence). */
function uncertainMonth(dir: string): string {
  const lines = ['call_id,ts,model,input_tokens,output_tokens,streamed,api_key,user_id'];
  for (let d = 0; d < 14; d++) {
    for (let h = 15; h < 24; h++) {
      for (let k = 0; k < 4; k++) lines.push(`c-${d}-${h}-${k},2026-10-${String(5 + d).padStart(2, '0')}T${h}:${String(k * 13).padStart(2, '0')}:00Z,gpt-5.4,800,200,true,key_web,u${k}`);
      lines.push(`f-${d}-${h},2026-10-${String(5 + d).padStart(2, '0')}T${h}:20:00Z,gpt-5.4,40000,3000,false,key_fin,`);
    }
  }
  const file = join(dir, 'month.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('rules suggest', () => {
  it('writes a rules file that asks about the default-labelled key, loads with --rules and changes no label', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-e2e-'));
    const month = uncertainMonth(dir);
    const out = join(dir, 'rules.yaml');
    const r = await runCli(['rules', 'suggest', month, '--db', ':memory:', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`1 question\\(s\\) about workloads holding \\d+(\\.\\d)?% of spend written to ${out.replaceAll('/', '\\/')}; answer them, then run`));
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('  # key_fin · gpt-5.4 · chat\n');
    expect(text).toContain('126 requests; now blocking, confidence 0.60\n  #   someone waits: follows the org\'s human activity: 100% of requests');
    expect(text).toMatch(/question: does anyone wait on the answers of "key_fin · gpt-5.4 · chat", say on Mondays around 15:00 UTC/);
    const before = await runCli(['audit', month, '--db', ':memory:', '--format', 'csv']);
    const after = await runCli(['audit', month, '--db', ':memory:', '--format', 'csv', '--rules', out]);
    expect(after.code).toBe(0);
    expect(after.stdout.split('\n').map((l) => l.split(',').slice(0, 3).join(','))).toEqual(before.stdout.split('\n').map((l) => l.split(',').slice(0, 3).join(',')));
    expect(before.stderr).toMatch(/note: \$[\d,.]+ \(\d+(\.\d)?% of spend\) is labelled with low confidence or by default; `batchable rules suggest` drafts a rules file/);
  });

  it('keeps an existing file unless --force; prints with --out -; --top must be a whole number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-e2e-'));
    const out = join(dir, 'rules.yaml');
    writeFileSync(out, 'mine\n');
    const kept = await runCli(['rules', 'suggest', fixture('batchable/mixed-workloads.csv'), '--db', ':memory:', '--out', out]);
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain(`--out ${out}: the file exists; pass --force to overwrite it, or another --out`);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    const forced = await runCli(['rules', 'suggest', fixture('batchable/mixed-workloads.csv'), '--db', ':memory:', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# batchable rules: a starter file/);
    const printed = await runCli(['rules', 'suggest', fixture('batchable/mixed-workloads.csv'), '--db', ':memory:', '--out', '-']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^# batchable rules: a starter file/);
    const bad = await runCli(['rules', 'suggest', '--db', ':memory:', '--top', 'many', '--out', join(dir, 'x.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--top many: expected a whole number from 1 to 1000');
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });
});
