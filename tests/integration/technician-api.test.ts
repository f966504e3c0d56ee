// Technician mode against a real bridge process: the PIN is set with the doctor CLI as a technician
// would over SSH; admin routes refuse anyone without a technician session; wrong PINs lock PIN entry
// out, and the lockout survives a bridge restart.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../device-bridge/src/api/index.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { runDoctor } from '../support/doctor.ts';
import { rawRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

const pin = '604217';

/** The endpoints that need a technician session (the doctor's too), with sample path parameters. */
function adminRoutes(): Array<[string, string]> {
  return Object.values(endpoints)
    .filter((endpoint) => endpoint.access === 'technician' || endpoint.access === 'doctor')
    .map((endpoint) => [endpoint.method, endpoint.path.replace(':device', 'a4-printer').replace(':id', 'some-job-id')]);
}

const doctor = (args: string[], dataDir: string, stdin = '') => runDoctor(args, { KIOSK_DATA_DIR: dataDir }, stdin);

describe('technician API', () => {
  let dataDir: string;
  let bridge: RunningBridge;
  const login = (attempt: string) => rawRequest(`${bridge.url}/api/technician/login`, { method: 'POST', body: { pin: attempt } });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-technician-'));
    const set = await doctor(['set-pin', '--pin-stdin'], dataDir, `${pin}\n`);
    expect(set.code, set.output).toBe(0);
    bridge = await startBridge({ dataDir });
  });
  afterAll(async () => {
    await bridge?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses every admin route without a technician session (401)', async () => {
    const routes = adminRoutes();
    // parameterised routes are in the list too, not only the fixed paths
    expect(routes.map(([method, route]) => `${method} ${route}`)).toEqual(
      expect.arrayContaining([
        'POST /api/technician/devices/a4-printer/self-test',
        'POST /api/technician/devices/a4-printer/paper-refilled',
        'POST /api/technician/print-jobs/some-job-id/acknowledge',
        'PUT /api/technician/config',
        'POST /api/technician/diagnostic-bundle/export',
      ]),
    );
    for (const [method, route] of routes) {
      const answer = await rawRequest(`${bridge.url}${route}`, {
        method,
        headers: { authorization: `Bearer ${'ab'.repeat(32)}` },
        ...(method === 'POST' || method === 'PUT' ? { body: {} } : {}),
      });
      expect(answer.status, `${method} ${route}`).toBe(401);
      expect(answer.json()).toMatchObject({ error: { code: 'technician-session-required' } });
    }
  });

  it('logs in with the PIN, lists devices, prints a test page, validates config and exports a bundle', async () => {
    const answer = await login(pin);
    expect(answer.status).toBe(200);
    const { token } = answer.json() as { token: string };
    const headers = { authorization: `Bearer ${token}` };

    const devices = (await rawRequest(`${bridge.url}/api/technician/devices`, { headers })).json() as {
      devices: Array<{ status: { id: string; state: string }; selfTest: string }>;
    };
    expect(devices.devices.map((device) => device.status.id)).toContain('a4-printer');

    const test = await rawRequest(`${bridge.url}/api/technician/devices/a4-printer/self-test`, { method: 'POST', headers });
    expect(test.json()).toMatchObject({ device: 'a4-printer', kind: 'test-page', ok: true });
    for (const [device, kind] of [
      ['receipt-printer', 'test-ticket'],
      ['camera', 'snapshot'],
      ['document-camera', 'snapshot'],
    ] as const) {
      const other = await rawRequest(`${bridge.url}/api/technician/devices/${device}/self-test`, { method: 'POST', headers });
      expect(other.json(), device).toMatchObject({ device, kind, ok: true });
    }
    // card test: the technician's card is read, and no citizen session is left open behind technician mode
    const fixtures = (await rawRequest(`${bridge.url}/api/sim/fixtures`)).json() as Array<{ id: string }>;
    const cardTest = rawRequest(`${bridge.url}/api/technician/devices/id-reader/self-test`, { method: 'POST', headers, timeoutMs: 40_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rawRequest(`${bridge.url}/api/sim/id-reader/card`, { method: 'POST', body: { fixture: fixtures[0]!.id } });
    expect((await cardTest).json()).toMatchObject({ device: 'id-reader', kind: 'wait-for-card', ok: true });
    await rawRequest(`${bridge.url}/api/sim/id-reader/card`, { method: 'DELETE' });
    expect((await rawRequest(`${bridge.url}/api/session`)).status).toBe(404);

    const printed = await readdir(path.join(dataDir, 'print-out'));
    expect(printed.some((file) => file.startsWith('selftest-') && file.endsWith('.pdf'))).toBe(true);

    const bad = await rawRequest(`${bridge.url}/api/technician/config/validate`, {
      method: 'POST',
      headers,
      body: { config: { session: { idleTimeoutSeconds: 0 } } },
    });
    expect(bad.json()).toMatchObject({ valid: false });
    expect(JSON.stringify(bad.json())).toContain('session.idleTimeoutSeconds');
    const good = await rawRequest(`${bridge.url}/api/technician/config/validate`, {
      method: 'POST',
      headers,
      body: { config: { kiosk: { siteName: '某某村便民服务站' } } },
    });
    expect(good.json()).toEqual({ valid: true, problems: [] });

    for (let refill = 1; refill <= 2; refill++) {
      const refilled = await rawRequest(`${bridge.url}/api/technician/devices/receipt-printer/paper-refilled`, { method: 'POST', headers });
      expect(refilled.json()).toEqual({ device: 'receipt-printer', paperRefills: refill });
    }
    const listed = (await rawRequest(`${bridge.url}/api/technician/devices`, { headers })).json() as {
      devices: Array<{ status: { id: string }; paperRefills?: number }>;
    };
    expect(listed.devices.find((device) => device.status.id === 'receipt-printer')?.paperRefills).toBe(2);
    expect((await rawRequest(`${bridge.url}/metrics`)).text).toContain('kiosk_paper_refills_total{printer="receipt-printer"} 2');

    const refused = await rawRequest(`${bridge.url}/api/technician/config`, {
      method: 'PUT',
      headers,
      body: { config: { session: { idleTimeoutSeconds: 0 } } },
    });
    expect(refused.status).toBe(400);

    const bundle = await rawRequest(`${bridge.url}/api/technician/diagnostic-bundle`, { headers });
    expect(bundle.headers['content-disposition']).toContain('attachment');
    expect(bundle.json()).toMatchObject({ kind: 'tongban-diagnostic-bundle', health: { status: expect.any(String) } });
    // the screen's export: no USB stick is mounted at /media/tongban-usb here, so it stays on the kiosk
    const exported = await rawRequest(`${bridge.url}/api/technician/diagnostic-bundle/export`, { method: 'POST', headers });
    expect(exported.status).toBe(201);
    expect(exported.json()).toMatchObject({
      where: 'kiosk',
      file: expect.stringContaining(path.join(dataDir, 'exports', 'tongban-diagnostics-')),
    });
    const exportedFile = (exported.json() as { file: string }).file;
    expect(JSON.parse(await readFile(exportedFile, 'utf8'))).toMatchObject({ kind: 'tongban-diagnostic-bundle' });

    const languages = await rawRequest(`${bridge.url}/api/technician/config/validate`, {
      method: 'POST',
      headers,
      body: { config: { kiosk: { languages: ['en'] } } },
    });
    expect(languages.json()).toMatchObject({ valid: false, problems: [expect.stringContaining('kiosk.languages')] });

    const audit = (await rawRequest(`${bridge.url}/api/technician/audit`, { headers })).json() as {
      entries: Array<{ action: string; outcome: string }>;
    };
    expect(audit.entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['login', 'self-test a4-printer', 'config-validate', 'diagnostic-bundle']),
    );

    expect((await rawRequest(`${bridge.url}/api/technician/logout`, { method: 'POST', headers })).status).toBe(204);
    expect((await rawRequest(`${bridge.url}/api/technician/devices`, { headers })).status).toBe(401);
  });

  it('wrong PINs lock PIN entry out, even for the right PIN, and a restart does not reset it', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await login('000000');
      expect(answer.status).toBe(401);
      expect(answer.json()).toMatchObject({ error: { code: 'technician-pin-wrong' } });
    }
    const fifth = await login('000000');
    expect(fifth.status).toBe(401);
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);

    const locked = await login(pin);
    expect(locked.status).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'technician-locked-out' } });

    await bridge.stop();
    bridge = await startBridge({ dataDir });
    const afterRestart = await login(pin);
    expect(afterRestart.status).toBe(429);
    const status = (await rawRequest(`${bridge.url}/api/technician/status`)).json() as {
      lockedUntil: string | null;
      failedAttempts: number;
    };
    expect(status.failedAttempts).toBe(5);
    expect(status.lockedUntil).not.toBeNull();

    const metrics = (await rawRequest(`${bridge.url}/metrics`)).text;
    expect(metrics).toMatch(/kiosk_technician_logins_total\{outcome="locked-out"\} [1-9]/);
  });
});

describe('technician config apply', () => {
  it('writes the validated site file atomically and restarts the bridge onto it', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-apply-'));
    try {
      expect((await doctor(['set-pin', '--pin-stdin'], dataDir, `${pin}\n`)).code).toBe(0);
      const bridge = await startBridge({ dataDir, config: { kiosk: { siteName: '旧站点' } } });
      try {
        const login = await rawRequest(`${bridge.url}/api/technician/login`, { method: 'POST', body: { pin } });
        const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
        const current = (await rawRequest(`${bridge.url}/api/technician/config`, { headers })).json() as { site: unknown };
        expect(current.site).toEqual({ kiosk: { siteName: '旧站点' } });

        const applied = await rawRequest(`${bridge.url}/api/technician/config`, {
          method: 'PUT',
          headers,
          body: { config: { kiosk: { siteName: '新站点便民服务中心' } } },
        });
        expect(applied.status).toBe(202);
        const { file } = applied.json() as { file: string };
        // the bridge exits by itself to be restarted by systemd on the new file
        await waitFor(
          'the bridge to exit for the restart',
          async () => {
            try {
              await rawRequest(`${bridge.url}/api/health`, { timeoutMs: 500 });
              return {};
            } catch {
              return { value: true };
            }
          },
          15_000,
          100,
        );
        expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ kiosk: { siteName: '新站点便民服务中心' } });
        expect(bridge.logs()).toContain('bridge-stopping');
      } finally {
        await bridge.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('rolls a change back when the bridge cannot start on it, and comes up on the previous file', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-rollback-'));
    const siteFile = path.join(dataDir, 'site.json');
    const before = { kiosk: { siteName: '旧站点' } };
    await writeFile(siteFile, JSON.stringify(before));
    try {
      expect((await doctor(['set-pin', '--pin-stdin'], dataDir, `${pin}\n`)).code).toBe(0);
      const bridge = await startBridge({ dataDir, configFile: siteFile });
      try {
        const login = await rawRequest(`${bridge.url}/api/technician/login`, { method: 'POST', body: { pin } });
        const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
        // valid for the schema, fatal at start: the broker password file the fleet link reads does not exist
        const broken = {
          ...before,
          fleet: { mqtt: { enabled: true, url: 'mqtt://127.0.0.1:9', passwordFile: 'secrets/no-such.password' } },
        };
        const applied = await rawRequest(`${bridge.url}/api/technician/config`, { method: 'PUT', headers, body: { config: broken } });
        expect(applied.status).toBe(202);
        await waitFor(
          'the new site file',
          async () => (existsSync(siteFile) && JSON.parse(await readFile(siteFile, 'utf8')).fleet ? { value: true } : {}),
          15_000,
          100,
        );
      } finally {
        await bridge.stop();
      }

      // what systemd (Restart=always) does next: start again; this start fails on the new file …
      const failed = await startBridge({ dataDir, configFile: siteFile }).then(
        async (running) => {
          await running.stop();
          return 'it started';
        },
        (error: Error) => error.message,
      );
      expect(failed).toContain('exited');
      expect(failed).toContain('configuration change this start was trying is undone');
      expect(JSON.parse(await readFile(siteFile, 'utf8'))).toEqual(before);
      expect(existsSync(path.join(dataDir, 'config-pending.json'))).toBe(false);

      // … and the start after it is up on the previous file, with the rollback in the audit log
      const again = await startBridge({ dataDir, configFile: siteFile });
      try {
        const health = (await rawRequest(`${again.url}/api/health`)).json() as { site: { name: string } };
        expect(health.site.name).toBe('旧站点');
        const login = await rawRequest(`${again.url}/api/technician/login`, { method: 'POST', body: { pin } });
        const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
        const audit = (await rawRequest(`${again.url}/api/technician/audit`, { headers })).json() as {
          entries: Array<{ action: string; outcome: string; detail: string | null }>;
        };
        expect(audit.entries).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              action: 'config-apply',
              outcome: 'rolled-back',
              detail: expect.stringContaining('no-such.password'),
            }),
          ]),
        );
      } finally {
        await again.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
