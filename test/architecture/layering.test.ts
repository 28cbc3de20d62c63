// The layering rule (docs/architecture.md): src/cli/ parses flags and renders; src/app/ runs a command and
// returns data; the engine (everything else under src/) never imports src/cli/ or src/app/. And no import
// circle anywhere under src/. Read from the source text, so a new file is checked the day it is added.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.ts';

const src = join(repoRoot, 'src');

const files = (readdirSync(src, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(src, f));

/** Relative imports of a file (static, re-exports and dynamic `import()`), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport\s*\(|^import)\s*['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => resolve(dirname(file), m[1] ?? ''));
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(repoRoot, f).replaceAll('\\', '/');
const layerOf = (f: string): 'cli' | 'app' | 'api' | 'engine' => {
  const r = rel(f);
  if (r.startsWith('src/cli/')) return 'cli';
  if (r.startsWith('src/app/')) return 'app';
  return r === 'src/index.ts' ? 'api' : 'engine';
};

/** Every import that breaks the rule, as "importer -> imported". */
function violations(g: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = [];
  for (const [file, imports] of g) {
    for (const target of imports) {
      const from = layerOf(file);
      const to = layerOf(target);
      const allowed = to === 'cli' ? from === 'cli' : to === 'app' ? from === 'cli' || from === 'app' || from === 'api' : to !== 'api';
      if (!allowed) bad.push(`${rel(file)} -> ${rel(target)}`);
    }
  }
  return bad;
}

/** Import circles, each as the files around it. */
function cycles(g: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of g.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' -> '));
      else if (state.get(t) === undefined && g.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.keys()) if (state.get(f) === undefined) visit(f);
  return found;
}

describe('layering', () => {
  it('reads the imports it checks', () => {
    // Guards the reader itself: a regex that matched nothing would pass every rule below.
    expect(graph.get(join(src, 'cli/main.ts'))).toContain(join(src, 'cli/audit.ts'));
    expect(graph.get(join(src, 'cli/audit.ts'))).toContain(join(src, 'cli/report-run.ts')); // a dynamic import()
    expect(files.length).toBeGreaterThan(50);
  });

  it('nothing outside src/cli/ imports src/cli/, and the engine never imports src/app/', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('catches an engine module importing the CLI or the app layer', () => {
    const fake = new Map([
      [join(src, 'report/model.ts'), [join(src, 'cli/io.ts')]],
      [join(src, 'pricing/x.ts'), [join(src, 'app/audit.ts')]],
      [join(src, 'app/audit.ts'), [join(src, 'cli/parse.ts')]],
      [join(src, 'cli/main.ts'), [join(src, 'app/audit.ts'), join(src, 'report/model.ts')]],
    ]);
    expect(violations(fake)).toEqual(['src/report/model.ts -> src/cli/io.ts', 'src/pricing/x.ts -> src/app/audit.ts', 'src/app/audit.ts -> src/cli/parse.ts']);
  });

  it('has no import circle', () => {
    expect(cycles(graph)).toEqual([]);
    const circle = new Map([
      [join(src, 'db/workspace.ts'), [join(src, 'db/calls-view.ts')]],
      [join(src, 'db/calls-view.ts'), [join(src, 'db/workspace.ts')]],
    ]);
    expect(cycles(circle)).toEqual(['src/db/workspace.ts -> src/db/calls-view.ts -> src/db/workspace.ts']);
  });
});
