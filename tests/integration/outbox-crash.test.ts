// Nothing acknowledged is lost, nothing is sent twice (architecture rule 5): a kiosk (the kiosk services
// over the HTTP adapter, in its own process) takes 100 applications and is killed with SIGKILL
// again and again while deliveries are in flight — until, checked after death, a kill has left the
// platform holding an application the kiosk never heard back about — then runs to the end. Every
// application arrives upstream exactly once, the platform answered the repeats from its idempotency
// record (counted), and the kiosk's sealed copies are gone.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';
import { startPlatformServer, type RunningPlatformServer } from './platform-server.support.ts';

const count = 100;
const kioskId = 'TB-CRASH';
/** each killed run delivers at least this many first, then dies as soon as a delivery looks in flight */
const deliveriesBeforeKill = 8;
/** kills that really caught a delivery in flight (checked after the process is dead) the test wants */
const wantedInFlightKills = 2;
const maxKilledRuns = 8;

interface Run {
  delivered: number;
  killed: boolean;
  output: string;
}

function count1(file: string, sql: string, ...params: unknown[]): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 1000');
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } catch {
    return 0; // the kiosk has not made its tables yet
  } finally {
    db.close();
  }
}

const markedAtKiosk = (kioskDb: string) => count1(kioskDb, "SELECT count(*) AS n FROM outbox WHERE state = 'delivered'");
const heldUpstream = (platformDb: string) => count1(platformDb, 'SELECT count(*) AS n FROM applications WHERE kiosk_id = ?', kioskId);

function runWorker(dataDir: string, server: RunningPlatformServer, killAfter: number | null): Promise<Run> {
  const kioskDb = path.join(dataDir, 'kiosk.db');
  const platformDb = path.join(server.dataDir, 'platform.db');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/outbox-crash.worker.ts', dataDir, server.url, String(count), kioskId],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let delivered = 0;
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      delivered = output.split('\n').filter((line) => line === 'delivered').length;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    // watch both ends: kill the moment the platform has committed one the kiosk has not marked yet
    const watch =
      killAfter === null
        ? null
        : setInterval(() => {
            if (killed || delivered < killAfter) return;
            if (heldUpstream(platformDb) > markedAtKiosk(kioskDb)) {
              killed = true;
              child.kill('SIGKILL');
            }
          }, 2);
    child.once('error', reject);
    child.once('exit', () => {
      if (watch) clearInterval(watch);
      resolve({ delivered, killed, output });
    });
  });
}

describe('outbox across kill -9', () => {
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

  it('delivers each of 100 applications exactly once after the kiosk is killed mid-delivery at several points', async () => {
    const runs: Run[] = [];
    let inFlightKills = 0;
    while (inFlightKills < wantedInFlightKills && runs.length < maxKilledRuns) {
      const run = await runWorker(dataDir, server, deliveriesBeforeKill);
      runs.push(run);
      if (!run.killed) break;
      // the process is dead, so both stores are final: did the kill leave the platform holding an
      // application the kiosk never heard back about? That one must come back as a replay.
      if (heldUpstream(path.join(server.dataDir, 'platform.db')) > markedAtKiosk(path.join(dataDir, 'kiosk.db'))) inFlightKills++;
    }
    const last = await runWorker(dataDir, server, null);
    expect(last.output).toContain('drained');
    expect(inFlightKills, runs.map((run) => run.output.slice(-300)).join('\n---\n')).toBeGreaterThanOrEqual(1);

    const response = await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': kioskId } });
    const { deliveries } = (await response.json()) as { deliveries: { idempotencyKey: string; localNumber: string }[] };
    expect(deliveries).toHaveLength(count);
    expect(new Set(deliveries.map((entry) => entry.idempotencyKey)).size).toBe(count);
    expect(new Set(deliveries.map((entry) => entry.localNumber)).size).toBe(count);

    // the platform's own tables: one row per application, and the kills really exercised the
    // Idempotency-Key — sent again after a kill, answered with the first result, not stored twice
    const platformDb = new Database(path.join(server.dataDir, 'platform.db'), { readonly: true });
    const stored = platformDb.prepare('SELECT count(*) AS n FROM applications WHERE kiosk_id = ?').get(kioskId) as { n: number };
    const replays = platformDb.prepare('SELECT value FROM counters WHERE name = ?').get(`idempotent-replays-${kioskId}`) as
      { value: number } | undefined;
    platformDb.close();
    expect(stored.n).toBe(count);
    expect(replays?.value ?? 0).toBeGreaterThanOrEqual(inFlightKills);

    // the kiosk: every citizen's record has the platform's number, every sealed copy is wiped
    const kioskDb = new Database(path.join(dataDir, 'kiosk.db'), { readonly: true });
    const rows = kioskDb.prepare('SELECT state, payload IS NULL AS wiped, count(*) AS n FROM outbox GROUP BY state, wiped').all();
    const numbered = kioskDb.prepare('SELECT count(*) AS n FROM kiosk_applications WHERE platform_number IS NOT NULL').get() as {
      n: number;
    };
    const records = kioskDb.prepare('SELECT count(*) AS n FROM kiosk_applications').get() as { n: number };
    kioskDb.close();
    expect(rows).toEqual([{ state: 'delivered', wiped: 1, n: count }]);
    expect(records.n).toBe(count);
    expect(numbered.n).toBe(count);
  }, 120_000);
});
