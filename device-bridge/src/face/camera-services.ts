import type { Registry } from 'prom-client';
import type { KioskConfig } from '../config/schema.ts';
import type { DeviceSet } from '../devices/device.ts';
import { noPhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import type { EventLogger } from '../log/logger.ts';
import { createMaterialStore } from '../session/materials.ts';
import type { SessionHolder } from '../session/session-holder.ts';
import type { Clock } from '../time/clock.ts';
import { classifyScan } from '../devices/scanner/classify-scan.ts';
import { createSimulatedEIdVerifier } from './e-id-verifier.ts';
import { registerCameraMetrics } from './camera-metrics.ts';
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
  /** the kiosk's Prometheus registry: face check and capture counts are added to it */
  registry?: Registry;
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
    // the real e-ID check is the national CTID service; only simulation has a stand-in
    eId: config.devices['id-reader'].driver === 'simulated' && config.devices.scanner.driver === 'simulated' ? createSimulatedEIdVerifier() : null,
    scannerReady: () => ['ready', 'busy', 'degraded'].includes(devices.scanner.status().state),
    clock,
    logger,
  });
  // a mobile e-ID code scanned during a session confirms the citizen (the code never leaves the bridge)
  devices.scanner.onScan((text) => {
    const scan = classifyScan(text, { verificationBaseUrl: config.certificates.verificationBaseUrl });
    if (scan.kind === 'login-e-id') void faceCheck.acceptEId(scan.token).catch(() => undefined);
  });
  const materials = createMaterialStore({
    camera: devices['document-camera'],
    currentSessionId: () => sessions.current()?.id ?? null,
    newId: deps.newId,
    clock,
    logger,
  });
  if (deps.registry) registerCameraMetrics(deps.registry, { face: () => faceCheck.counts(), pagesCaptured: () => materials.counts().pagesCaptured });
  return { faceCheck, materials };
}
