// `batchable formats` and the README list every format the registry holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { formatNoteById } from '../../src/ingest/adapters/notes.ts';
import { repoRoot, runCli } from '../helpers/cli.ts';

describe('the list of formats', () => {
  it('`batchable formats` prints every adapter with how it is recognised', async () => {
    const r = await runCli(['formats']);
    expect(r.code).toBe(0);
    for (const a of adapters) expect(r.stdout, a.id).toMatch(new RegExp(`^${a.id} `, 'm'));
    expect(r.stdout).toContain('recognised by: lines with sessionId, uuid and parentUuid');
  });
  it("the README's table names every format, and its token notes cover each", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| format | layout |'), readme.indexOf('### Which fields carry cached'));
    const notes = readme.slice(readme.indexOf('### Which fields carry cached'), readme.indexOf('### The generic format'));
    for (const a of adapters) {
      expect(table, a.id).toContain(`\`${a.id}\``);
      // Each format by its id, or its family (`anthropic-*`, `gemini-*`); cost exports carry no tokens.
      const named = notes.includes(`\`${a.id}\``) || notes.includes(`\`${a.id.split('-')[0]}-*\``);
      if (a.role !== 'costs' && !a.id.startsWith('batchable-')) expect(named, a.id).toBe(true);
    }
  });
  it("a report's format notes are keyed by formats the registry holds (a renamed id would drop its note unsaid)", () => {
    const ids = new Set(adapters.map((a) => a.id));
    expect(Object.keys(formatNoteById).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(formatNoteById).length).toBeGreaterThan(0);
  });
});
