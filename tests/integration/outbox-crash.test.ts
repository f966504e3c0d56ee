// Nothing acknowledged is lost, nothing is sent twice (DESIGN rule 5): the outbox relay is killed
// with SIGKILL while delivering 100 applications to the real platform server, then started again;
// every application arrives upstream exactly once and the kiosk's sealed copies are gone.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';
import { startPlatformServer, type RunningPlatformServer } from './platform-server.support.ts';

const count = 100;
const kioskId = 'TB-CRASH';

function runWorker(dataDir: string, url: string, killAfterDeliveries: number | null): Promise<{ delivered: number; killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/outbox-crash.worker.ts', dataDir, url, String(count), kioskId], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let delivered = 0;
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      delivered = output.split('\n').filter((line) => line === 'delivered').length;
      if (killAfterDeliveries !== null && !killed && delivered >= killAfterDeliveries) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', () => resolve({ delivered, killed, output }));
  });
}

describe('outbox across a kill -9', () => {
  let server: RunningPlatformServer;
  let dataDir: string;
  beforeAll(async () => {
    server = await startPlatformServer();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-outbox-crash-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers each of 100 applications exactly once after the relay is killed mid-delivery and restarted', async () => {
    const first = await runWorker(dataDir, server.url, 30);
    expect(first.killed, first.output).toBe(true);
    const second = await runWorker(dataDir, server.url, null);
    expect(second.output).toContain('drained');

    const response = await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': kioskId } });
    const { deliveries } = (await response.json()) as { deliveries: { idempotencyKey: string; localNumber: string }[] };
    expect(deliveries).toHaveLength(count);
    expect(new Set(deliveries.map((entry) => entry.idempotencyKey)).size).toBe(count);
    expect(new Set(deliveries.map((entry) => entry.localNumber)).size).toBe(count);

    // the platform's own table, not just its reconciliation view: one row per application
    const platformDb = new Database(path.join(server.dataDir, 'platform.db'), { readonly: true });
    const stored = platformDb.prepare('SELECT count(*) AS n FROM applications WHERE kiosk_id = ?').get(kioskId) as { n: number };
    platformDb.close();
    expect(stored.n).toBe(count);

    const kioskDb = new Database(path.join(dataDir, 'kiosk.db'), { readonly: true });
    const rows = kioskDb.prepare("SELECT state, payload IS NULL AS wiped, count(*) AS n FROM outbox GROUP BY state, wiped").all();
    kioskDb.close();
    expect(rows).toEqual([{ state: 'delivered', wiped: 1, n: count }]);
    expect(first.delivered + second.delivered).toBeGreaterThanOrEqual(count);
  });
});
