import { defineConfig } from 'vitest/config';

// TZ is pinned so timestamps and day buckets print the same on every machine.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-tmp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'UTC', NO_COLOR: '1', COLUMNS: '120' },
  },
});
