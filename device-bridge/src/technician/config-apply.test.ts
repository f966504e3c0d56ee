import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { createMemoryDevices } from '../devices/memory-devices.ts';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { applySiteConfig, checkPendingApply, guardPendingStart, rollBackPendingConfig, takeRollbackNote } from './config-apply.ts';

describe('config apply with rollback', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function setUp() {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-apply-'));
    dirs.push(dir);
    const siteFile = join(dir, 'site.json');
    const before = { kiosk: { siteName: '旧名字' } };
    writeFileSync(siteFile, JSON.stringify(before));
    const current = loadConfig({ KIOSK_CONFIG: siteFile });
    return { dir, siteFile, before, current, clock: createManualClock() };
  }

  it('refuses an invalid config, naming the field, and writes nothing', () => {
    const { dir, siteFile, current, clock, before } = setUp();
    const result = applySiteConfig({ siteFile, dataDir: dir, current, override: { session: { idleTimeoutSeconds: 0 } }, clock });
    expect(result.kind).toBe('invalid');
    expect(JSON.stringify(result)).toContain('session.idleTimeoutSeconds');
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(before);
    expect(existsSync(join(dir, 'config-pending.json'))).toBe(false);
  });

  it('leaves no pending record and no temp file when the site file cannot be written', () => {
    const { dir, current, clock } = setUp();
    // the site file's folder is gone (as good as read-only): the write fails after the record was made
    const siteFile = join(dir, 'gone', 'site.json');
    const result = applySiteConfig({ siteFile, dataDir: dir, current, override: { kiosk: { siteName: '新名字' } }, clock });
    expect(result).toMatchObject({ kind: 'write-failed', file: siteFile, message: expect.stringContaining('ENOENT') });
    expect(existsSync(join(dir, 'config-pending.json'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a change whose devices come up', async () => {
    const { dir, siteFile, current, clock } = setUp();
    const override = { kiosk: { siteName: '新名字' }, devices: { 'a4-printer': { driver: 'simulated', pageMs: 500 } } };
    expect(applySiteConfig({ siteFile, dataDir: dir, current, override, clock })).toMatchObject({
      kind: 'written',
      devices: ['a4-printer'],
    });
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(override);
    const devices = createMemoryDevices();
    expect(await checkPendingApply({ dataDir: dir, siteFile, devices, clock })).toEqual({ kind: 'kept', devices: ['a4-printer'] });
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(override);
  });

  it('restores the previous file when a changed device does not come up', async () => {
    const { dir, siteFile, current, clock, before } = setUp();
    applySiteConfig({
      siteFile,
      dataDir: dir,
      current,
      override: { devices: { 'a4-printer': { driver: 'simulated', pageMs: 500 } } },
      clock,
    });
    const devices = createMemoryDevices();
    devices['a4-printer'].setState('disconnected');
    const checking = checkPendingApply({ dataDir: dir, siteFile, devices, clock, timeoutMs: 30_000 });
    for (let step = 0; step < 130; step++) {
      await Promise.resolve();
      clock.advance(250);
    }
    expect(await checking).toEqual({ kind: 'rolled-back', devices: ['a4-printer'], down: ['a4-printer'] });
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(before);
    expect(await checkPendingApply({ dataDir: dir, siteFile, devices, clock })).toEqual({ kind: 'none' });
  });

  it('counts starts on a pending change and goes back to the previous file when they never finish', () => {
    const { dir, siteFile, current, clock, before } = setUp();
    const override = { kiosk: { siteName: '新名字' } };
    applySiteConfig({ siteFile, dataDir: dir, current, override, clock });
    const now = clock.now();
    // the first two starts (one may be cut by a power cut during the check) run on the new file
    expect(guardPendingStart({ dataDir: dir, siteFile, now })).toEqual({ kind: 'trying', start: 1 });
    expect(guardPendingStart({ dataDir: dir, siteFile, now })).toEqual({ kind: 'trying', start: 2 });
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(override);
    // neither reached its device check (killed, hung, crashed): the third goes back
    expect(guardPendingStart({ dataDir: dir, siteFile, now })).toMatchObject({ kind: 'rolled-back' });
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(before);
    expect(existsSync(join(dir, 'config-pending.json'))).toBe(false);
    expect(guardPendingStart({ dataDir: dir, siteFile, now })).toEqual({ kind: 'none' });
    expect(takeRollbackNote(dir)).toMatchObject({ reason: expect.stringContaining('2 starts') });
    expect(takeRollbackNote(dir)).toBeNull();
  });

  it('a start that fails on a pending change restores the previous file at once', () => {
    const { dir, siteFile, current, clock, before } = setUp();
    applySiteConfig({ siteFile, dataDir: dir, current, override: { kiosk: { siteName: '新名字' } }, clock });
    expect(rollBackPendingConfig({ dataDir: dir, siteFile, reason: 'start failed: ENOENT', now: clock.now() })).toBe(true);
    expect(JSON.parse(readFileSync(siteFile, 'utf8'))).toEqual(before);
    // nothing pending any more: a second failure has nothing to undo
    expect(rollBackPendingConfig({ dataDir: dir, siteFile, reason: 'again', now: clock.now() })).toBe(false);
    expect(takeRollbackNote(dir)).toMatchObject({ reason: 'start failed: ENOENT' });
  });
});
