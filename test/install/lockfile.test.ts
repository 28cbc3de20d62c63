// The committed lockfile must hold every platform's DuckDB binding. npm's optional-dependency lockfile bug
// (npm/cli#4828) writes only the installing machine's binding; a Mac or Windows user installing from such a
// lockfile then gets no binding at all. This test fails when any platform's entry is missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type LockEntry = { version?: string; integrity?: string; os?: string[]; cpu?: string[]; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, LockEntry> };

describe('package-lock.json', () => {
  const bindings = lock.packages['node_modules/@duckdb/node-bindings'];
  const platforms = Object.entries(bindings?.optionalDependencies ?? {});

  it('lists the platform bindings DuckDB publishes (darwin, linux, win32 on x64 and arm64)', () => {
    const names = platforms.map(([name]) => name);
    for (const os of ['darwin', 'linux', 'win32']) {
      for (const cpu of ['x64', 'arm64']) expect(names).toContain(`@duckdb/node-bindings-${os}-${cpu}`);
    }
  });

  it.each(platforms)('holds a resolved entry for %s at the version node-bindings asks for', (name, version) => {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry, `${name} missing from package-lock.json: run npm install and commit every platform's entry`).toBeDefined();
    expect(entry?.version).toBe(version);
    expect(entry?.integrity).toMatch(/^sha512-/);
    expect(entry?.os?.length).toBeGreaterThan(0);
    expect(entry?.cpu?.length).toBeGreaterThan(0);
  });
});
