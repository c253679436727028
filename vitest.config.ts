import { defineConfig } from 'vitest/config';

const LIGHTHOUSE = 'tests/quality/lighthouse.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Two cores: one test file each. Browser tests mostly wait on Chromium, unit files on the CPU.
    maxWorkers: 2,
    // Browser tests wait for the state they need; on a busy 2-core machine that can take seconds.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: [LIGHTHOUSE] },
      },
      {
        // Lighthouse scores performance from timings, so it runs last, with the machine to itself.
        extends: true,
        test: { name: 'lighthouse', include: [LIGHTHOUSE], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
