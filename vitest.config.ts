// One vitest run covers the whole repo in two projects:
// - unit: pure code beside the sources plus integration tests that spawn a real bridge process;
// - e2e: real Chromium against a real bridge.
// groupOrder runs e2e only after unit has finished, so browsers never compete with the heaviest
// integration files (CUPS, Prometheus, Mosquitto, repeated bridge restarts) for the cores.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const cores = os.availableParallelism();

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['device-bridge/src/**/*.test.ts', 'kiosk-ui/src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
          // vitest's default (one worker fewer than cores) is a single worker on a 2-core build box;
          // the integration files spend much of their time waiting on the processes they start (bridge,
          // cupsd, prometheus, mosquitto, doctor), so one worker more than cores keeps both cores busy
          maxWorkers: cores + 1,
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
          // two files at a time, each with its own bridge: a browser test waits on the page, the
          // bridge and the simulated devices much of the time. The accessibility walk takes about as
          // long as all the other files together, so two workers stay balanced; a third (with the walk
          // split in two files) did not finish sooner on 2 cores, and slowed single walks to 45 s of
          // their 60 s limit
          maxWorkers: Math.max(2, cores),
          // a browser file drives processes (bridge, Chromium) over HTTP and CDP; what it imports here
          // (playwright-core, the support helpers, the API schemas, simulators) holds no state between
          // files, so each worker loads it once instead of once per file. The unit project keeps
          // isolation: its files import the bridge's own modules, whose process-wide caches (the
          // parsed CJK font, for one) would carry one file's work into the next.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
