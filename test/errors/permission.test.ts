// "Permission denied" is said as such (not "no such file"), also when the suite runs as root, where chmod cannot
// make a file unreadable: the file system answers EACCES for paths under /denied/ here.
import { describe, expect, it, vi } from 'vitest';

const denied = (path: unknown) => String(path).includes('/denied/');
const eacces = (path: unknown) => Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const guard = <A extends unknown[], R>(fn: (...a: A) => R) => (...a: A): R => {
    if (denied(a[0])) throw eacces(a[0]);
    return fn(...a);
  };
  return { ...fs, default: fs, readFileSync: guard(fs.readFileSync), readdirSync: guard(fs.readdirSync), statSync: guard(fs.statSync) };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = async (...a: Parameters<typeof fs.readFile>) => {
    if (denied(a[0])) throw eacces(a[0]);
    return fs.readFile(...a);
  };
  return { ...fs, default: { ...fs, readFile }, readFile };
});

describe('permission errors', () => {
  it('a rules file', async () => {
    const { loadRules } = await import('../../src/classify/rules/load.ts');
    await expect(loadRules('/denied/rules.yaml')).rejects.toThrow('--rules /denied/rules.yaml: cannot read the rules file (permission denied)');
  });

  it('a --baseline file', async () => {
    const { readBaseline } = await import('../../src/check/baseline.ts');
    expect(() => readBaseline('/denied/baseline.json')).toThrow('/denied/baseline.json: cannot read the --baseline file (permission denied)');
  });

  it('a --pricing-dir', async () => {
    const { loadCatalog } = await import('../../src/pricing/load-catalog.ts');
    await expect(loadCatalog({ pricingDir: '/denied/prices' })).rejects.toThrow('--pricing-dir /denied/prices: cannot read the directory (permission denied)');
    await expect(loadCatalog({ pricingDir: '/no/such/dir' })).rejects.toThrow('--pricing-dir /no/such/dir: no such directory');
  });
});
