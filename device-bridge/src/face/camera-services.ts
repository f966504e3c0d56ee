import type { KioskConfig } from '../config/schema.ts';
import type { DeviceSet } from '../devices/device.ts';
import { noPhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import type { EventLogger } from '../log/logger.ts';
import { createMaterialStore } from '../session/materials.ts';
import type { SessionHolder } from '../session/session-holder.ts';
import type { Clock } from '../time/clock.ts';
import { createFaceCheck } from './face-check.ts';
import { createFixturePhotoDecoder } from './fixture-photo-decoder.ts';
import { createHumanFaceEngine } from './human-engine.ts';
import { loadStaffCodeChecker, writeStaffCode } from './staff-code.ts';

/** The staff code a simulated kiosk gets when none is set (never on a kiosk with real devices). */
export const simulationStaffCode = '135790';

/**
 * Builds the face check and the material store for the composition root (issue 8). The card photo
 * decoder is the fixture one only when the ID reader is simulated; a real reader gets the vendor
 * decoder a site installs, and until then no photo, so no face check (never a faked one).
 */
export function createCameraServices(deps: {
  config: KioskConfig;
  devices: DeviceSet;
  sessions: SessionHolder;
  simulated: boolean;
  dataDir: string;
  clock: Clock;
  random: (n: number) => Buffer;
  newId: () => string;
  logger: EventLogger;
}) {
  const { config, devices, sessions, dataDir, clock, logger } = deps;
  let staffCodes = loadStaffCodeChecker(dataDir, clock);
  if (!staffCodes && deps.simulated && config.devices['id-reader'].driver === 'simulated') {
    writeStaffCode(dataDir, simulationStaffCode, deps.random);
    staffCodes = loadStaffCodeChecker(dataDir, clock);
  }
  const faceCheck = createFaceCheck({
    config: config.face,
    engine: createHumanFaceEngine(),
    camera: devices.camera,
    photoDecoder: config.devices['id-reader'].driver === 'simulated' ? createFixturePhotoDecoder() : noPhotoDecoder,
    currentSession: () => sessions.current(),
    staffCodes,
    clock,
    logger,
  });
  const materials = createMaterialStore({
    camera: devices['document-camera'],
    currentSessionId: () => sessions.current()?.id ?? null,
    newId: deps.newId,
    clock,
    logger,
  });
  return { faceCheck, materials };
}
