// JSON nested thousands of levels deep: detection walks the sampled records (key paths, JSON.stringify), and
// 20,000 levels overflowed the stack (an internal error). A sampled record that deep is a clear exit 2; past the
// sample, DuckDB reads such a record as any other.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../src/ingest/sniff.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-deep-');
const call = (id: string, extra = '') => `{"call_id":"${id}","ts":"2026-10-01T00:00:00Z","model":"gpt-5.4","input_tokens":1,"output_tokens":1${extra}}`;

describe('deeply nested JSON', () => {
  it('measures depth without recursion', () => {
    expect(nestingDepth(1)).toBe(0);
    expect(nestingDepth({ a: [1, { b: 2 }] })).toBe(3);
    expect(nestingDepth(JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)))).toBe(10_001);
  });

  it('a sampled record 20,000 levels deep is exit 2 with the file named', async () => {
    const file = join(tempDir(), 'deep.json');
    writeFileSync(file, '['.repeat(20_000) + ']'.repeat(20_000));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}: a record nests JSON over 10,000 levels deep, and no usage record nests more than 200: is this a usage export?\n`);
    const doc = join(tempDir(), 'deep-doc.json');
    writeFileSync(doc, `[${call('a')},${call('b', `,"x":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`)}]`);
    expect((await runCli(['ingest', doc, '--db', ':memory:'])).stderr).toContain('a record nests JSON 5,001 levels deep');
  });

  it('a deep record past the sample is read', async () => {
    const file = join(tempDir(), 'deep.jsonl');
    const lines = Array.from({ length: 100 }, (_, i) => call(`c${i}`));
    lines[70] = call('deep', `,"x":${'['.repeat(5_000)}${']'.repeat(5_000)}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('100 calls ingested, 0 rows rejected');
  });
});
