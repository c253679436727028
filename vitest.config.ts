import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests wait for the state they need; on a busy 2-core machine that can take seconds.
    expect: { poll: { timeout: 15_000 } },
  },
});
