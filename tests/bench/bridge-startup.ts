// How long a kiosk is dark after a reboot or a crash (bridge spawn → healthy), and how much
// memory the bridge holds once up: both bound what a small kiosk PC can run beside Chromium.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridge } from '../support/bridge-process.ts';
import { median, round, type BenchResult } from './stats.ts';

/** VmRSS of a process in MB, from /proc (Linux). */
export async function residentSetMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match === null) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * A kiosk boots on an empty data directory once (the embedded platform seeds its catalogue then) and
 * restarts on the same one ever after (reboots, updates, watchdog): both are measured, the restart
 * being what a kiosk lives with.
 */
export async function benchBridgeStartup(restarts = 5): Promise<BenchResult[]> {
  const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'tongban-bench-startup-')), 'data');
  const first = await startBridge({ dataDir });
  const firstRss = await residentSetMegabytes(first.pid);
  await first.stop();
  const startupMs: number[] = [];
  const rssMb: number[] = [];
  for (let index = 0; index < restarts; index += 1) {
    const bridge = await startBridge({ dataDir });
    try {
      startupMs.push(bridge.startupMs);
      rssMb.push(await residentSetMegabytes(bridge.pid));
    } finally {
      await bridge.stop();
    }
  }
  await rm(path.dirname(dataDir), { recursive: true, force: true });
  return [
    {
      name: 'bridge-first-boot-to-healthy',
      value: round(first.startupMs),
      unit: 'ms',
      note: 'first start on an empty data directory (SQLite files created, catalogue seeded)',
    },
    { name: 'bridge-rss-after-first-boot', value: round(firstRss), unit: 'MB' },
    {
      name: 'bridge-cold-start-to-healthy',
      value: round(median(startupMs)),
      unit: 'ms',
      samples: restarts,
      min: round(Math.min(...startupMs)),
      max: round(Math.max(...startupMs)),
      note: 'restart on an existing data directory: spawn of node --import tsx device-bridge/src/main.ts until GET /api/health answers 200 (polled every 25 ms)',
    },
    {
      name: 'bridge-rss-after-start',
      value: round(median(rssMb)),
      unit: 'MB',
      samples: restarts,
      note: 'VmRSS from /proc/<pid>/status right after a restarted bridge became healthy, simulated devices; about 50 MB of it is tsx (its module hooks run in a second V8 isolate)',
    },
  ];
}
