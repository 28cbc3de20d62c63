// The package's programmatic API as a user gets it: `import { audit } from 'batchable'` resolves through
// package.json "exports" to the built dist/ (npm test builds first), runs, and is typed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot } from '../helpers/cli.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; main: string; types: string };

describe('package API', () => {
  it('package.json points main, types and exports at the built entry point', () => {
    expect(pkg.main).toBe('dist/index.js');
    expect(pkg.types).toBe('dist/index.d.ts');
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
  });

  it("import { audit } from 'batchable' runs the built code and returns the report model", () => {
    const script = `
      const { audit, reportDocument } = await import('batchable');
      const { report } = await audit({ files: [${JSON.stringify(fixture('seeds/ten-thousand-dollars.csv'))}] });
      process.stdout.write(JSON.stringify({ savings: String(report.totals.savingsMicros), rows: report.rows.length, json: reportDocument(report).totals.savings_usd }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ savings: '3000000000', rows: 2, json: 3000 });
  });

  it('a TypeScript program type-checks against the published declarations (and wrong uses do not)', () => {
    // fixtures/api-consumer/consumer.ts holds @ts-expect-error lines: tsc fails if those uses were accepted.
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(repoRoot, 'fixtures/api-consumer')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
