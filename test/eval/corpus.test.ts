// The evaluation corpus is deterministic (seeded hash, not Math.random) and carries its truth beside it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { corpusWorkloads, generateCorpus } from '../../eval/corpus.ts';
import { openWorkspace } from '../../src/db/workspace.ts';

test('the same seed writes the same corpus; every call has a truth row', async () => {
  const ws = await openWorkspace(':memory:');
  try {
    const a = await generateCorpus(ws, mkdtempSync(join(tmpdir(), 'corpus-a-')));
    const b = await generateCorpus(ws, mkdtempSync(join(tmpdir(), 'corpus-b-')));
    const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(digest(a.corpus)).toBe(digest(b.corpus));
    expect(a.rows).toBe(207_892);
    const [check] = await ws.all<{ calls: bigint; truths: bigint; workloads: bigint; header: string }>(
      `SELECT (SELECT count(*) FROM read_csv('${a.corpus}')) AS calls, count(*) AS truths, count(DISTINCT truth_workload) AS workloads,
        (SELECT string_agg(column_name, ',') FROM (DESCRIBE SELECT * FROM read_csv('${a.corpus}'))) AS header
       FROM read_csv('${a.truth}')`,
    );
    expect(check).toEqual({ calls: 207_892n, truths: 207_892n, workloads: BigInt(corpusWorkloads.length), header: expect.stringMatching(/^call_id,ts,model,operation,lane,input_tokens/) });
  } finally {
    ws.close();
  }
});
