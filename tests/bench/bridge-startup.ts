// How long a kiosk is dark after a reboot or a crash (bridge spawn → healthy), and how much
// memory the bridge holds once up: both bound what a small kiosk PC can run beside Chromium.
import { readFile } from 'node:fs/promises';
import { startBridge } from '../support/bridge-process.ts';
import { median, round, type BenchResult } from './stats.ts';

/** VmRSS of a process in MB, from /proc (Linux). */
export async function residentSetMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match === null) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

export async function benchBridgeStartup(spawns = 5): Promise<BenchResult[]> {
  const startupMs: number[] = [];
  const rssMb: number[] = [];
  for (let index = 0; index < spawns; index += 1) {
    const bridge = await startBridge();
    try {
      startupMs.push(bridge.startupMs);
      rssMb.push(await residentSetMegabytes(bridge.pid));
    } finally {
      await bridge.stop();
    }
  }
  return [
    {
      name: 'bridge-cold-start-to-healthy',
      value: round(median(startupMs)),
      unit: 'ms',
      samples: spawns,
      min: round(Math.min(...startupMs)),
      max: round(Math.max(...startupMs)),
      note: 'spawn of node --import tsx device-bridge/src/main.ts until GET /api/health answers 200 (polled every 25 ms)',
    },
    {
      name: 'bridge-rss-after-start',
      value: round(median(rssMb)),
      unit: 'MB',
      samples: spawns,
      note: 'VmRSS from /proc/<pid>/status right after the bridge became healthy, simulated devices',
    },
  ];
}
