import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from '../config/load.ts';
import type { KioskConfig } from '../config/schema.ts';
import { createMemoryDevices } from '../devices/memory-devices.ts';
import { createEventBus } from '../events/event-bus.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { createSessionHolder } from '../session/session-holder.ts';
import { systemClock } from '../time/clock.ts';
import { randomBytes } from 'node:crypto';
import { createCameraServices } from './camera-services.ts';
import { simulatedEIdToken } from './e-id-verifier.ts';
import { writeStaffCode } from './staff-code.ts';

/** Which ways to confirm a person the composition gives a kiosk, and what it says when there is none. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function realKiosk(face: Partial<KioskConfig['face']> = {}): KioskConfig {
  const base = loadConfig({});
  return {
    ...base,
    devices: {
      ...base.devices,
      'id-reader': {
        driver: 'sam-serial',
        path: '/dev/tongban/id-reader',
        baudRate: 115200,
        pollIntervalMs: 250,
        readAppendedAddress: false,
      } as KioskConfig['devices']['id-reader'],
      scanner: { driver: 'serial', path: '/dev/tongban/scanner' } as KioskConfig['devices']['scanner'],
    },
    face: { ...base.face, ...face },
  };
}

function compose(config: KioskConfig, options: { staffCode?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-camera-services-'));
  dirs.push(dataDir);
  const secretsDir = join(dataDir, 'secrets');
  if (options.staffCode) writeStaffCode(secretsDir, options.staffCode, randomBytes);
  const devices = createMemoryDevices();
  const bus = createEventBus();
  let n = 0;
  const sessions = createSessionHolder({
    clock: systemClock,
    newId: () => `s${++n}`,
    onStarted: (session) => bus.publish({ type: 'session-started', session }),
    onEnded: () => undefined,
  });
  const logger = createMemoryLogger();
  const simulated = config.devices['id-reader'].driver === 'simulated';
  const services = createCameraServices({
    config,
    devices,
    sessions,
    bus,
    simulated,
    secretsDir,
    clock: systemClock,
    random: randomBytes,
    newId: () => `c${++n}`,
    logger,
  });
  return { ...services, devices, sessions, logger, dataDir };
}

describe('config/examples/cameras-and-identity.json', () => {
  it('is a valid site file: V4L2 cameras, the vendor WLT decoder and a CTID client as commands', () => {
    const config = loadConfig({ KIOSK_CONFIG: resolve(repoRoot, 'config/examples/cameras-and-identity.json') });
    expect(config.face.photoDecoder).toEqual({
      driver: 'command',
      command: '/opt/vendor/bin/wlt2bmp',
      args: ['{wlt}', '{out}'],
      timeoutMs: 5000,
      maxOutputBytes: 262_144,
    });
    expect(config.face.eIdVerifier).toMatchObject({ driver: 'command', command: '/opt/site/bin/ctid-check', args: [] });
    expect(config.devices['document-camera']).toMatchObject({ driver: 'v4l2', stillSize: '2592x1944' });
  });

  it('stops start naming the field when a plug-in command is not an absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'site.json'), JSON.stringify({ face: { photoDecoder: { driver: 'command', command: 'wlt2bmp' } } }));
    expect(() => loadConfig({ KIOSK_CONFIG: join(dir, 'site.json') })).toThrow(/photoDecoder/);
  });
});

describe('camera services: the ways to confirm a person (实人)', () => {
  it('a real kiosk with no photo decoder, no e-ID verifier and no staff code has none, and warns at start', () => {
    const { faceCheck, eIdLogin, logger } = compose(realKiosk());
    expect(faceCheck.methods({ now: false })).toEqual([]);
    expect(faceCheck.methods({ now: true })).toEqual([]);
    expect(eIdLogin.configured).toBe(false);
    const warning = logger.lines.find((line) => line.includes('identity-verification-unavailable'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({
      level: 40,
      face: 'no photo decoder (face.photoDecoder)',
      eId: 'no verifier (face.eIdVerifier)',
      staff: 'no staff code set',
    });
  });

  it('a staff code set, or a vendor photo decoder plugged in, each give a way; no warning then', () => {
    const staff = compose(realKiosk(), { staffCode: '24680' });
    expect(staff.faceCheck.methods({ now: true })).toEqual(['staff']);
    expect(staff.logger.lines.join('\n')).not.toContain('identity-verification-unavailable');

    const decoder = compose(
      realKiosk({
        photoDecoder: {
          driver: 'command',
          command: '/opt/vendor/bin/wlt2bmp',
          args: ['{wlt}', '{out}'],
          timeoutMs: 5_000,
          maxOutputBytes: 262_144,
        },
      }),
    );
    expect(decoder.faceCheck.methods({ now: true })).toEqual(['face']);
    // the face check needs the face camera working now
    decoder.devices.camera.setState('disconnected', 'unplugged');
    expect(decoder.faceCheck.methods({ now: true })).toEqual([]);
    expect(decoder.faceCheck.methods({ now: false })).toEqual(['face']);
  });

  it('a CTID client plugged in offers the e-ID both to log in and to confirm, while the scanner works', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-ctid-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'ctid'), '#!/bin/sh\necho \'{"identity":null}\'\n');
    chmodSync(join(dir, 'ctid'), 0o755);
    const { faceCheck, eIdLogin, devices } = compose(
      realKiosk({ eIdVerifier: { driver: 'command', command: join(dir, 'ctid'), args: [], timeoutMs: 5_000, maxOutputBytes: 16_384 } }),
    );
    expect(eIdLogin.configured).toBe(true);
    expect(faceCheck.methods({ now: true })).toEqual(['e-id']);
    devices.scanner.setState('disconnected', 'unplugged');
    expect(faceCheck.methods({ now: true })).toEqual([]);
  });

  it('simulation: a 网证 code scanned with nobody served opens the session, already verified by e-ID', async () => {
    const { devices, sessions, faceCheck } = compose(loadConfig({}));
    expect(faceCheck.methods({ now: true })).toEqual(['face', 'e-id', 'staff']);
    const card = fixtureCitizen('li-na').card;
    devices.scanner.scan(`tongban:e-id:${simulatedEIdToken(card.idNumber)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessions.current()?.identity.idNumber).toBe(card.idNumber);
    expect(faceCheck.verification()).toMatchObject({ method: 'e-id' });
  });
});
