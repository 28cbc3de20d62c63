// groupThousands writes whole numbers as toLocaleString('en-US') does (it replaces it on the report path, where
// ICU's first use cost 20 ms per run): checked against toLocaleString itself, and exact past 2^53.
import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/report/digits.ts';

describe('groupThousands', () => {
  it('matches toLocaleString("en-US") for whole numbers around every grouping boundary', () => {
    const values: bigint[] = [0n];
    for (let p = 0n; p <= 20n; p++) for (const d of [-1n, 0n, 1n]) values.push(10n ** p + d, -(10n ** p + d));
    for (let i = 0n; i < 200n; i++) values.push((i * 7919n) ** 3n, -((i * 104729n) ** 2n));
    for (const v of values) expect(groupThousands(v)).toBe(v.toLocaleString('en-US'));
    for (const n of [0, 7, 999, 1000, -1000, 123456, 9007199254740991]) expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
  });

  it('is exact past 2^53', () => {
    expect(groupThousands(12345678901234567890123n)).toBe('12,345,678,901,234,567,890,123');
  });
});
