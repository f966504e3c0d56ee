// The doctor CLI as a technician uses it over SSH: exit code 0 when all is fine, 1 when a check
// fails, 2 for wrong usage; self-tests run for real (a test page lands in print-out/) either on
// devices the doctor starts itself or, while the bridge runs, through the bridge that owns the
// ports; the diagnostic bundle is written with or without a bridge; every command is audited.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort, startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { runDoctor, type DoctorRun } from '../support/doctor.ts';

describe('npm run doctor', () => {
  let dir: string;
  let dataDir: string;
  let siteFile: string;
  let closedPort: number;
  let bridge: RunningBridge | undefined;

  const doctor = (args: string[], env: Record<string, string> = {}, stdin = ''): Promise<DoctorRun> =>
    // no bridge on this port unless a test starts one there
    runDoctor(args, { KIOSK_DATA_DIR: dataDir, KIOSK_CONFIG: siteFile, KIOSK_PORT: String(bridge?.port ?? closedPort), ...env }, stdin);
  const selfTestPages = () =>
    existsSync(path.join(dataDir, 'print-out'))
      ? readdirSync(path.join(dataDir, 'print-out')).filter((file) => file.startsWith('selftest-')).length
      : 0;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-doctor-'));
    dataDir = path.join(dir, 'data');
    siteFile = path.join(dir, 'site.json');
    closedPort = await freeLoopbackPort();
    await writeFile(
      siteFile,
      JSON.stringify({
        kiosk: { id: 'TB-DOC-0001', siteName: '医生测试站' },
        devices: { 'a4-printer': { driver: 'simulated', pageMs: 0 } },
      }),
    );
    // set-pin makes the kiosk store, so every later command is audited
    expect((await doctor(['set-pin', '--pin-stdin'], {}, '604217\n')).code).toBe(0);
  });
  afterAll(async () => {
    await bridge?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('wrong usage exits 2 with the usage line; help exits 0', async () => {
    const unknown = await doctor(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('usage: npm run doctor');
    expect((await doctor(['test-devices', '--with-everything'])).code).toBe(2);
    expect((await doctor(['audit', 'many'])).code).toBe(2);
    expect((await doctor(['help'])).code).toBe(0);
  });

  it('check-config: 0 for a valid file, 1 naming the bad field, 1 for a missing file', async () => {
    const valid = await doctor(['check-config']);
    expect(valid.code, valid.output).toBe(0);
    expect(valid.output).toContain('OK: ');
    expect(valid.output).toContain('TB-DOC-0001');
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ session: { idleTimeoutSeconds: 0 } }));
    const invalid = await doctor(['check-config', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.output).toContain('INVALID');
    expect(invalid.output).toContain('session.idleTimeoutSeconds');
    const missing = await doctor(['check-config', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('no such file');
  });

  it('ports lists what the OS sees (0 even when there is nothing)', async () => {
    const listed = await doctor(['ports']);
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain('Serial ports:');
    expect(listed.output).toContain('HID devices:');
  });

  it('health exits 1 when no bridge answers', async () => {
    const down = await doctor(['health']);
    expect(down.code).toBe(1);
    expect(down.output).toContain('does not answer');
  });

  it('test-devices without a bridge starts the devices here and runs their self-tests (0)', async () => {
    const before = selfTestPages();
    const tested = await doctor(['test-devices']);
    expect(tested.code, tested.output).toBe(0);
    expect(tested.output).toContain('starting the configured devices here');
    expect(tested.output).toMatch(/OK {3}a4-printer +test-page +test page printed/);
    expect(tested.output).toMatch(/OK {3}receipt-printer +test-ticket +test ticket printed/);
    expect(tested.output).toMatch(/OK {3}camera +snapshot +snapshot taken/);
    // card and scan tests wait for a person: only on request
    expect(tested.output).toMatch(/OK {3}id-reader +status-only .*--with-card/);
    expect(selfTestPages()).toBe(before + 1);
  });

  it('test-devices exits 1 when a device fails its test', async () => {
    const broken = path.join(dir, 'broken.json');
    const port = await freeLoopbackPort();
    await writeFile(
      broken,
      JSON.stringify({ devices: { 'a4-printer': { driver: 'cups', server: `http://127.0.0.1:${port}`, queue: 'Kiosk_A4', pollMs: 100 } } }),
    );
    const tested = await doctor(['test-devices'], { KIOSK_CONFIG: broken });
    expect(tested.code).toBe(1);
    expect(tested.output).toMatch(/FAIL a4-printer +test-page +not connected/);
  });

  it('bundle without a bridge writes what it can read and says what is missing', async () => {
    const file = path.join(dir, 'offline-bundle.json');
    const written = await doctor(['bundle', file]);
    expect(written.code, written.output).toBe(0);
    expect(written.output).toContain('the bridge is not running');
    const bundle = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(bundle).toMatchObject({
      kind: 'tongban-diagnostic-bundle',
      collectedBy: 'doctor',
      health: null,
      config: { kiosk: { id: 'TB-DOC-0001' } },
    });
    expect((bundle.audit as Array<{ action: string }>).some((entry) => entry.action === 'test-devices')).toBe(true);
  });

  describe('with the bridge running', () => {
    beforeAll(async () => {
      bridge = await startBridge({ dataDir, configFile: siteFile });
    });

    it('health exits 0 and shows each device', async () => {
      const up = await doctor(['health']);
      expect(up.code, up.output).toBe(0);
      expect(up.output).toContain('TB-DOC-0001');
      expect(up.output).toMatch(/id-reader +simulated +ready +SAM /);
    });

    it('test-devices asks the bridge (which owns the ports) to run the self-tests', async () => {
      const before = selfTestPages();
      const tested = await doctor(['test-devices']);
      expect(tested.code, tested.output).toBe(0);
      expect(tested.output).toContain('asking the running bridge');
      expect(tested.output).toMatch(/OK {3}a4-printer +test-page +test page printed/);
      expect(selfTestPages()).toBe(before + 1);
    });

    it('bundle is the bridge’s own, written to <data>/exports when no USB stick is mounted', async () => {
      const written = await doctor(['bundle']);
      expect(written.code, written.output).toBe(0);
      const file = /written: (\S+\.json)/.exec(written.output)?.[1];
      expect(file?.startsWith(path.join(dataDir, 'exports'))).toBe(true);
      const bundle = JSON.parse(await readFile(file!, 'utf8')) as Record<string, unknown>;
      expect(bundle).toMatchObject({ kind: 'tongban-diagnostic-bundle', health: { status: expect.any(String) } });
      expect(bundle.metrics).toContain('kiosk_device_up');
    });

    it('every doctor command is in the audit log, and the bridge records the doctor’s self-tests as the doctor’s', async () => {
      const shown = await doctor(['audit', '200']);
      expect(shown.code).toBe(0);
      for (const action of ['set-pin', 'frobnicate', 'check-config', 'ports', 'health', 'test-devices', 'bundle']) {
        expect(shown.output, action).toMatch(new RegExp(`doctor +${action} `));
      }
      expect(shown.output).toMatch(/doctor +check-config +failed .*session\.idleTimeoutSeconds/);
      expect(shown.output).toMatch(/doctor +self-test a4-printer +ok/);
      expect(shown.output).toMatch(/doctor +diagnostic-bundle +ok/);
    });
  });
});
