// BATCHABLE_PROFILE=phases (src/profile.ts) as `npm run bench` reads it: an audit of files marks the end of its
// ingest, so the bench can time labelling as an audit runs it (after ingest, in the same process).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, spawnCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-phases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'usage.duckdb');
const mixed = fixture('batchable/mixed-workloads.csv');

/** The phase lines of a run's stderr: each one's wall seconds since the process started, and its name. */
function phases(stderr: string): { seconds: number; name: string }[] {
  return [...stderr.matchAll(/^\[phase ([\d.]+)s wall [\d.]+s cpu\] (.+)$/gm)].map((m) => ({ seconds: Number(m[1]), name: m[2] ?? '' }));
}

describe('the phases of an audit', () => {
  it('with files: ingested, then labels, then prices, in time order', () => {
    const r = spawnCli(['audit', mixed, '--db', db], { BATCHABLE_PROFILE: 'phases' });
    expect(r.code).toBe(0);
    const marks = phases(r.stderr);
    const at = (prefix: string) => marks.findIndex((p) => p.name.startsWith(prefix));
    expect(at('ingested')).toBeGreaterThan(-1);
    expect(at('labels built')).toBeGreaterThan(at('ingested'));
    expect(at('prices built')).toBeGreaterThan(at('labels built'));
    const seconds = marks.map((p) => p.seconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
  });

  it('on an analysed workspace alone: no ingest to mark, and the labels are reused', () => {
    const r = spawnCli(['audit', '--db', db], { BATCHABLE_PROFILE: 'phases' });
    expect(r.code).toBe(0);
    const names = phases(r.stderr).map((p) => p.name);
    expect(names).not.toContain('ingested');
    expect(names.some((n) => n.startsWith('labels reused'))).toBe(true);
  });
});
