import { defineConfig } from 'vitest/config';

/** Tests that judge speed (Lighthouse's timings, frames and keystrokes after a big paste). */
const TIMED = ['tests/quality/lighthouse.test.ts', 'tests/e2e/big-paste.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Two cores, three files at a time: browser tests spend part of their time waiting on Chromium.
    maxWorkers: 3,
    // Browser tests wait for the state they need; on a busy 2-core machine that can take seconds.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        // Test files share their worker's modules (playwright, hast, the views): no file changes
        // a global, and importing them afresh for each file cost more CPU than some tests.
        test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: TIMED, isolate: false },
      },
      {
        // Timed tests run last, one at a time, with the machine to themselves.
        extends: true,
        test: {
          name: 'timed',
          include: TIMED,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
