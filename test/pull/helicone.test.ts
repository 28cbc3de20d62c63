// Helicone pages by offset, and a part is read to an offset of at most 10,000 (test/pull/sources.test.ts runs the
// whole pull against a local stand-in): a window is counted first and halved until each part can be paged through.
import { describe, expect, it } from 'vitest';
import { heliconePaging, heliconeParts } from '../../src/pull/sources/helicone.ts';
import type { Range } from '../../src/pull/time.ts';

const hour = 3_600_000;
const start = Date.parse('2026-10-01T00:00:00Z');

describe('helicone parts', () => {
  it('keeps a window that one query can page through whole, and asks for its count once', async () => {
    const asked: Range[] = [];
    const parts = await heliconeParts({ start, end: start + 24 * hour }, async (r) => (asked.push(r), heliconePaging.maxOffset + heliconePaging.pageSize));
    expect(parts).toEqual([{ range: { start, end: start + 24 * hour }, count: 11_000 }]);
    expect(asked).toHaveLength(1);
  });

  it('halves a busy window until every part holds at most 11,000 requests, covering it exactly once', async () => {
    // 6,000 requests an hour, 4 hours: 24,000 -> halves of 12,000 -> quarters of 6,000.
    const count = async (r: Range) => Math.round(((r.end - r.start) / hour) * 6_000);
    const parts = await heliconeParts({ start, end: start + 4 * hour }, count);
    expect(parts.map((p) => [(p.range.start - start) / hour, (p.range.end - start) / hour, p.count])).toEqual([
      [0, 1, 6_000],
      [1, 2, 6_000],
      [2, 3, 6_000],
      [3, 4, 6_000],
    ]);
    // A burst in one hour: only that hour is split further.
    const burst = async (r: Range) => (r.start < start + hour && r.end > start ? 15_000 * (Math.min(r.end, start + hour) - Math.max(r.start, start)) / hour : 0) + ((r.end - r.start) / hour) * 100;
    const split = await heliconeParts({ start, end: start + 4 * hour }, burst);
    expect(split.every((p) => p.count <= 11_000)).toBe(true);
    expect(split[0]!.range.start).toBe(start);
    expect(split.at(-1)!.range.end).toBe(start + 4 * hour);
    for (let i = 1; i < split.length; i += 1) expect(split[i]!.range.start).toBe(split[i - 1]!.range.end);
    expect(split.filter((p) => p.range.end <= start + hour).length).toBeGreaterThan(1);
  });

  it('stops with exit 2 when one millisecond holds more than a query can page through', async () => {
    const error = (await heliconeParts({ start, end: start + 1 }, async () => 20_000).catch((e: unknown) => e)) as { exitCode: number; message: string };
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^helicone: 20000 requests created within one millisecond .*nothing from this pull was ingested\.$/);
  });
});
