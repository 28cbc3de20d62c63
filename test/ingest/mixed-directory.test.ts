// A directory as teams keep it: usage exports in the new formats, a cost report, a README and a batch input file.
// Usage files are calls, the cost report feeds the reconciliation, and the two that are not usage are skipped and
// counted (path expansion and skipping are src/ingest/files.ts and ingest.ts; this checks the new formats are all
// detected, so nothing of theirs is skipped).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

describe('a mixed directory of exports', () => {
  it('audits with exit 0: usage read, the cost report loaded for reconciliation, the rest skipped and counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-mixed-'));
    copyFileSync(fixture('anthropic/console-usage.csv'), join(dir, 'console-usage.csv'));
    copyFileSync(fixture('anthropic/claude_api_cost_2026_08.csv'), join(dir, 'claude_api_cost_2026_08.csv'));
    copyFileSync(fixture('claude-code/session.jsonl'), join(dir, 'session.jsonl'));
    copyFileSync(fixture('google/gemini-batch-results.jsonl'), join(dir, 'gemini-batch.jsonl'));
    copyFileSync(fixture('openrouter/activity.csv'), join(dir, 'openrouter-activity.csv'));
    writeFileSync(join(dir, 'README.md'), '# Exports\n');
    copyFileSync(fixture('openai/batch-input.jsonl'), join(dir, 'batch-input.jsonl'));
    const r = await runCli(['audit', dir, '--db', ':memory:']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('anthropic-cost-csv, 7 billed cost rows loaded for reconciliation (not calls), 1 row rejected');
    expect(r.stderr).toContain('claude-code, 3 calls ingested');
    expect(r.stderr).toContain('gemini-batch-results, 2 calls ingested');
    expect(r.stderr).toContain('openrouter-activity, 3 calls ingested');
    expect(r.stderr).toMatch(/11 calls ingested, 1 row rejected, .*2 files skipped \(not usage\)/);
    expect(r.stdout).toContain('Billed cost (cost exports) vs cost recomputed from usage, per model and day');
  });

  it('reads Bedrock batch inference output (<input>.jsonl.out, as S3 delivers it) found by walking a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-bedrock-dir-'));
    copyFileSync(fixture('bedrock/batch-output.jsonl.out'), join(dir, 'records.jsonl.out'));
    const r = await runCli(['ingest', dir, '--db', ':memory:']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/records.jsonl.out: bedrock-batch-output, 2 calls ingested/);
    expect(r.stdout + r.stderr).not.toContain('not usage');
  });
});
