// Issue 14's fuzz test: every usage fixture mutated a few dozen ways (fixed seed, so a failure replays). For each
// mutant, either the file is ingested with every input row accounted for (calls + rejects + skipped + duplicates
// = rows, and the tables agree with the counts), or it stops with one clear line (exit 2) and nothing from it is
// kept. Never an internal error, never a hang (a time limit per mutant). Runs in-process, one workspace per fixture.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestInto } from '../../src/app/ingest.ts';
import { refreshCallsView } from '../../src/db/calls-view.ts';
import type { Workspace } from '../../src/db/types.ts';
import { openWorkspace } from '../../src/db/workspace.ts';
import { BatchableError, formatError, knownError } from '../../src/errors.ts';
import { fixture } from '../helpers/cli.ts';

const seed = 20261130;
// 8 per fixture keeps the suite's share modest (~50 fixtures, ~0.05 s a mutant on an idle machine); each fixture
// gets a different third of the 24 mutations, so every mutation meets every kind of file across the fixtures.
// BATCHABLE_FUZZ_MUTANTS=48 digs deeper (each mutation twice per fixture, picked at random positions).
const mutantsPerFixture = Number(process.env.BATCHABLE_FUZZ_MUTANTS ?? 8);
const perMutantMs = 10_000;

/** mulberry32: a small seeded generator, so the mutants are the same on every run. */
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = { name: string; apply: (text: string, pick: (n: number) => number) => string };

const lines = (t: string) => t.split('\n');
const atLine = (t: string, pick: (n: number) => number, f: (line: string) => string) => {
  const ls = lines(t);
  const i = pick(ls.length);
  ls[i] = f(ls[i] ?? '');
  return ls.join('\n');
};
/** A number somewhere in the text, replaced. */
const atNumber = (t: string, pick: (n: number) => number, by: string) => {
  const spots = [...t.matchAll(/\d+/g)];
  if (spots.length === 0) return t + by;
  const m = spots[pick(spots.length)]!;
  return t.slice(0, m.index) + by + t.slice(m.index + m[0].length);
};

const mutations: Mutation[] = [
  { name: 'drop a line', apply: (t, p) => { const ls = lines(t); ls.splice(p(ls.length), 1); return ls.join('\n'); } },
  { name: 'repeat a line', apply: (t, p) => { const ls = lines(t); const i = p(ls.length); ls.splice(i, 0, ls[i] ?? ''); return ls.join('\n'); } },
  { name: 'swap two lines', apply: (t, p) => { const ls = lines(t); const i = p(ls.length); const j = p(ls.length); [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? '']; return ls.join('\n'); } },
  { name: 'cut the file short', apply: (t, p) => t.slice(0, p(t.length)) },
  { name: 'cut a line short', apply: (t, p) => atLine(t, p, (l) => l.slice(0, p(l.length + 1))) },
  { name: 'flip a character', apply: (t, p) => { const i = p(t.length); return t.slice(0, i) + String.fromCharCode(32 + p(95)) + t.slice(i + 1); } },
  { name: 'insert a garbage line', apply: (t, p) => { const ls = lines(t); ls.splice(p(ls.length), 0, 'garbage,"unclosed {[}'); return ls.join('\n'); } },
  { name: 'huge number', apply: (t, p) => atNumber(t, p, '9223372036854775807') },
  { name: 'overflowing number', apply: (t, p) => atNumber(t, p, '1e400') },
  { name: 'negative number', apply: (t, p) => atNumber(t, p, '-5') },
  { name: 'fractional number', apply: (t, p) => atNumber(t, p, '12.5') },
  { name: 'text for a number', apply: (t, p) => atNumber(t, p, 'lots') },
  { name: 'control characters', apply: (t, p) => { const i = p(t.length); return `${t.slice(0, i)}\x1b[2J\x07${t.slice(i)}`; } },
  { name: 'formula', apply: (t, p) => atLine(t, p, (l) => l.replace(/[A-Za-z_-]{3,}/, '=HYPERLINK(1)')) },
  { name: 'NUL byte', apply: (t, p) => { const i = p(t.length); return `${t.slice(0, i)}\0${t.slice(i)}`; } },
  { name: 'long field', apply: (t, p) => atLine(t, p, (l) => l.replace(/[A-Za-z]{3,}/, 'x'.repeat(100_000))) },
  { name: 'byte-order mark', apply: (t) => `\uFEFF${t}` },
  { name: 'CRLF line ends', apply: (t) => t.replaceAll('\n', '\r\n') },
  { name: 'blank lines', apply: (t, p) => { const ls = lines(t); ls.splice(p(ls.length), 0, '', '   '); return ls.join('\n'); } },
  { name: 'no header (first line)', apply: (t) => lines(t).slice(1).join('\n') },
  { name: 'the file twice', apply: (t) => (t.endsWith('\n') ? t + t : `${t}\n${t}`) },
  { name: 'empty a field', apply: (t, p) => atLine(t, p, (l) => l.replace(/("[^"]*":\s*)("[^"]*"|\d+)|,[^,]*,/, (m, key?: string) => (key ? `${key}null` : ',,'))) },
  { name: 'non-UTF-8 byte', apply: (t, p) => { const i = p(t.length); return `${t.slice(0, i)}\udcff${t.slice(i)}`; } },
  { name: 'date far off', apply: (t) => t.replace(/20\d\d-\d\d-\d\d/, '9999-99-99') },
];

const usageDirs = ['anthropic', 'azure', 'batchable', 'bedrock', 'claude-code', 'deepseek', 'google', 'helicone', 'langfuse', 'langsmith', 'litellm', 'openai', 'openrouter', 'otel', 'portkey'];
const fixtures = usageDirs
  .flatMap((d) => {
    try {
      return readdirSync(fixture(d)).map((f) => `${d}/${f}`);
    } catch {
      return []; // a format another helper has not landed yet
    }
  })
  .filter((f) => /\.(csv|jsonl|json|out)(\.gz)?$/.test(f) && statSync(fixture(f)).size < 100_000)
  .sort();

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (a hang)`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Empties the workspace between mutants (opening a fresh one for each cost 4x the ingest). */
async function reset(ws: Workspace): Promise<void> {
  const own = await ws.all<{ t: string }>('SELECT table_name AS t FROM sources WHERE table_name IS NOT NULL');
  for (const { t } of own) await ws.run(`DROP TABLE IF EXISTS "${t}"`);
  await ws.run('DELETE FROM sources; DELETE FROM rejects; DELETE FROM call_rows');
  await refreshCallsView(ws);
}

/** Ingests one mutant into an empty workspace and checks the promise; returns what happened, for the tally. */
async function check(ws: Workspace, file: string, label: string): Promise<'ingested' | 'stopped'> {
  await reset(ws);
  {
    try {
      const summary = await within(perMutantMs, label, ingestInto(ws, { files: [file] }));
      const o = summary.files[0]!;
      if (o.status === 'not-usage') throw new Error(`${label}: a file named explicitly was skipped`);
      const [db] = await ws.all<{ rows: bigint; calls: bigint; rejects: bigint; duplicates: bigint; skipped: bigint; viewed: bigint; rejected: bigint; skips: bigint }>(
        `SELECT s.rows, s.calls, s.rejects, s.duplicates, s.skipped,
                (SELECT count(*) FROM calls c WHERE c.source_id = s.source_id) AS viewed,
                (SELECT count(*) FROM rejects r WHERE r.source_id = s.source_id AND kind = 'reject') AS rejected,
                (SELECT count(*) FROM rejects r WHERE r.source_id = s.source_id AND kind = 'skip') AS skips
         FROM sources s`,
      );
      if (o.costRows !== undefined) return 'ingested'; // a cost export feeds reconciliation, not calls
      expect(db, label).toBeDefined();
      expect(o.calls + o.rejects + o.skipped + o.duplicates, `${label}: calls + rejects + skipped + duplicates = rows`).toBe(o.rows);
      expect(db, label).toMatchObject({ rows: BigInt(o.rows), calls: BigInt(o.calls), viewed: BigInt(o.calls), rejected: BigInt(o.rejects), skips: BigInt(o.skipped) });
      return 'ingested';
    } catch (error) {
      if (error instanceof Error && /no answer within|calls \+ rejects|explicitly/.test(error.message)) throw error;
      if ((error as { name?: string }).name === 'AssertionError') throw error;
      const known = knownError(error);
      expect(known instanceof BatchableError, `${label}: ${formatError(known)}`).toBe(true);
      const message = formatError(known);
      expect(message, label).toMatch(/^error: [^\n]+\n$/);
      expect(message.length, label).toBeLessThan(1500);
      const [left] = await ws.all<{ n: bigint }>('SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM calls) + (SELECT count(*) FROM rejects) AS n');
      expect(left?.n, `${label}: nothing kept from a file that stopped`).toBe(0n);
      return 'stopped';
    }
  }
}

describe('fuzz: mutated fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-fuzz-'));
  it.each(fixtures)('%s', async (name) => {
    const source = readFileSync(fixture(name));
    const gz = name.endsWith('.gz');
    const text = (gz ? gunzipSync(source) : source).toString('utf8');
    const rand = random(seed + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0));
    const pick = (n: number) => Math.floor(rand() * Math.max(1, n));
    const offset = pick(mutations.length);
    const tally = { ingested: 0, stopped: 0 };
    const ws = await openWorkspace(':memory:');
    for (let k = 0; k < mutantsPerFixture; k++) {
      const mutation = mutations[(k * 3 + offset) % mutations.length]!;
      const mutant = mutation.apply(text, pick);
      const file = join(dir, `${k}-${name.replaceAll('/', '_')}`);
      writeFileSync(file, gz ? gzipSync(mutant) : mutant);
      tally[await check(ws, file, `${name} #${k} (${mutation.name})`)]++;
    }
    if (gz) {
      // And the compressed stream itself cut short.
      const file = join(dir, `cut-${name.replaceAll('/', '_')}`);
      writeFileSync(file, source.subarray(0, Math.floor(source.length / 2)));
      expect(await check(ws, file, `${name} (gzip cut short)`)).toBe('stopped');
    }
    ws.close();
    expect(tally.ingested + tally.stopped).toBe(mutantsPerFixture);
  });
});
