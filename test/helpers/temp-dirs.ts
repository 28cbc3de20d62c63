// Temporary directories for a test file's generated inputs (some are tens of MB), each removed once the file's tests
// are done (`afterAll`) or after each test (`afterEach`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** Registers the clean-up hook and returns a function that makes a directory under the system's temp directory. */
export function tempDirs(prefix: string, removeAfter: 'all' | 'each' = 'all'): () => string {
  const made: string[] = [];
  (removeAfter === 'all' ? afterAll : afterEach)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
