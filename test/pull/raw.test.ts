// Raw files written page by page (src/pull/raw.ts: RawWriter): the same gzipped JSONL writeRaw gives, under a
// temporary name until commit; an aborted one leaves nothing; a killed pull's temporary file is removed by the next.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RawWriter, removeStaleTemporaries, writeRaw } from '../../src/pull/raw.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-raw-', 'each');
const text = (path: string) => gunzipSync(readFileSync(path)).toString('utf8');

describe('RawWriter', () => {
  it('writes the pages as writeRaw does, under a temporary name until commit', async () => {
    const dir = tempDir();
    const pages = Array.from({ length: 300 }, (_, i) => ({ data: Array.from({ length: 50 }, (_, k) => ({ id: `r${i}-${k}`, note: 'x'.repeat(200) })), meta: { page: i + 1 } }));
    const writer = new RawWriter(join(dir, 'raw', 'langfuse'), '20261001T0000Z--20261002T0000Z.jsonl.gz');
    for (const page of pages) await writer.write(page);
    await writer.close();
    expect(readdirSync(join(dir, 'raw', 'langfuse'))).toEqual([`.20261001T0000Z--20261002T0000Z.jsonl.gz.${process.pid}.tmp`]);
    const path = writer.commit();
    expect(readdirSync(join(dir, 'raw', 'langfuse'))).toEqual(['20261001T0000Z--20261002T0000Z.jsonl.gz']);
    const whole = writeRaw(join(dir, 'whole'), 'w.jsonl.gz', pages);
    expect(text(path)).toBe(text(whole));
    expect(text(path).split('\n')).toHaveLength(301);
  });

  it('an empty window is an empty file, as writeRaw writes it', async () => {
    const dir = tempDir();
    const writer = new RawWriter(dir, 'empty.jsonl.gz');
    await writer.close();
    expect(text(writer.commit())).toBe('');
  });

  it('abort removes the temporary file', async () => {
    const dir = tempDir();
    const writer = new RawWriter(dir, 'cut.jsonl.gz');
    await writer.write({ data: [1] });
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a killed pull’s temporary file is removed; a live process’s and other files stay', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    for (const name of [`.a.jsonl.gz.${dead}.tmp`, `.b.jsonl.gz.${process.pid}.tmp`, '20261001T0000Z--20261002T0000Z.jsonl.gz']) writeFileSync(join(dir, name), '');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual([`.b.jsonl.gz.${process.pid}.tmp`, '20261001T0000Z--20261002T0000Z.jsonl.gz']);
    expect(existsSync(join(dir, `.a.jsonl.gz.${dead}.tmp`))).toBe(false);
  });
});
