// Time windows for `pull`: bucket widths, UTC alignment, the names raw files carry, and the gaps left to fetch.
// Everything is epoch milliseconds in UTC; no time zone ever applies here (the APIs bucket in UTC).

export const bucketWidths = ['1m', '1h', '1d'] as const;
export type BucketWidth = (typeof bucketWidths)[number];

export const widthMs: Record<BucketWidth, number> = { '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 };

export const dayMs = widthMs['1d'];

/** A half-open time range [start, end), epoch ms. */
export type Range = { readonly start: number; readonly end: number };

export const floorTo = (t: number, width: BucketWidth): number => Math.floor(t / widthMs[width]) * widthMs[width];
export const ceilTo = (t: number, width: BucketWidth): number => Math.ceil(t / widthMs[width]) * widthMs[width];
export const isAligned = (t: number, width: BucketWidth): boolean => t % widthMs[width] === 0;

/** `2026-10-01T00:00:00Z` (seconds precision; the APIs take no milliseconds). */
export const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `2026-10-01 00:00:00`, UTC: the LiteLLM proxy's date parameters (strptime "%Y-%m-%d %H:%M:%S"). */
export const sqlTime = (t: number): string => iso(t).replace('T', ' ').replace('Z', '');

/** `20261001T0000Z`: a minute-precision stamp safe in file names on every platform (no colons). */
export const stamp = (t: number): string => iso(t).replace(/[-:]/g, '').replace(/\d{2}Z$/, 'Z');

export function parseStamp(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return stamp(t) === text ? t : undefined;
}

/** A readable range for messages: `2026-10-01 00:00–2026-10-02 00:00 UTC`. */
export const describeRange = (r: Range): string => `${iso(r.start).slice(0, 16).replace('T', ' ')}–${iso(r.end).slice(0, 16).replace('T', ' ')} UTC`;

/** `requested` minus every range in `covered`, in order: the windows not yet fetched. */
export function gaps(requested: Range, covered: readonly Range[]): Range[] {
  const sorted = [...covered].filter((c) => c.end > requested.start && c.start < requested.end).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  let cursor = requested.start;
  for (const c of sorted) {
    if (c.start > cursor) out.push({ start: cursor, end: Math.min(c.start, requested.end) });
    cursor = Math.max(cursor, c.end);
    if (cursor >= requested.end) break;
  }
  if (cursor < requested.end) out.push({ start: cursor, end: requested.end });
  return out;
}

/**
 * `ranges` cut at each UTC day's start, so that no piece spans more than a day: minute buckets are written a raw file
 * a day (src/pull/run.ts), since reading a file in holds its text (a month of 100 keys' minutes, 401 MB of JSON, ran
 * out of a 2 GB memory limit as one file; as 30 files of a day, read in scans bounded by the limit, it did not).
 */
export function dailyPieces(ranges: readonly Range[]): Range[] {
  return ranges.flatMap((r) => {
    const pieces: Range[] = [];
    for (let start = r.start; start < r.end; start = pieces.at(-1)!.end) {
      pieces.push({ start, end: Math.min(r.end, floorTo(start, '1d') + dayMs) });
    }
    return pieces;
  });
}

/** `0`, `30m`, `4h`, `1d` as milliseconds; undefined when the text is none of those. */
export function parseDuration(text: string): number | undefined {
  if (text.trim() === '0') return 0;
  const m = /^(\d{1,4})(m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}
