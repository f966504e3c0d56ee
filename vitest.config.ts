// One vitest run covers the whole repo in two projects:
// - unit: pure code beside the sources plus integration tests that spawn a real bridge process;
// - e2e: real Chromium against a real bridge, one file at a time so two browsers and two bridges
//   never fight over the 2 cores of the build box (and timings stay meaningful).
// groupOrder runs e2e only after unit has finished, for the same reason.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['device-bridge/src/**/*.test.ts', 'kiosk-ui/src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
          // integration tests spawn the bridge (a cold tsx start takes a few seconds on 2 cores)
          testTimeout: 30_000,
          hookTimeout: 40_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // one Chromium for the run; every file connects to it and opens its own contexts
          globalSetup: ['tests/setup/chromium-server.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
