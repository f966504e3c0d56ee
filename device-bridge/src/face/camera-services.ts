import type { Registry } from 'prom-client';
import type { KioskConfig } from '../config/schema.ts';
import type { DeviceSet } from '../devices/device.ts';
import type { PhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { EventLogger } from '../log/logger.ts';
import { fixtureCitizens } from '../platform/embedded/fixtures.ts';
import { createMaterialStore } from '../session/materials.ts';
import type { SessionHolder } from '../session/session-holder.ts';
import type { Clock } from '../time/clock.ts';
import { classifyScan } from '../devices/scanner/classify-scan.ts';
import { createCommandEIdVerifier, createSimulatedEIdVerifier, type EIdVerifier } from './e-id-verifier.ts';
import { createEIdLogin } from './e-id-login.ts';
import { registerCameraMetrics } from './camera-metrics.ts';
import { createCommandPhotoDecoder } from './command-photo-decoder.ts';
import { createFaceCheck } from './face-check.ts';
import { createFixturePhotoDecoder } from './fixture-photo-decoder.ts';
import { createHumanFaceEngine } from './human-engine.ts';
import { loadStaffCodeChecker, writeStaffCode } from './staff-code.ts';

/** The staff code a simulated kiosk gets when none is set (never on a kiosk with real devices). */
export const simulationStaffCode = '135790';

const usableStates = new Set(['ready', 'busy', 'degraded']);

/**
 * The card photo decoder: the site's vendor command when `face.photoDecoder` names one; else the
 * fixture decoder with a simulated reader; else none — no photo, so no face check (never a faked one).
 */
function photoDecoderFor(config: KioskConfig, logger: EventLogger): PhotoDecoder | null {
  const plugged = config.face.photoDecoder;
  if (plugged) return createCommandPhotoDecoder({ ...plugged, onFailure: (reason) => logger.log('face-photo-decode-failed', { reason }) });
  return config.devices['id-reader'].driver === 'simulated' ? createFixturePhotoDecoder() : null;
}

/** The e-ID verifier: the site's CTID command, or simulation's stand-in, or none. */
function eIdVerifierFor(config: KioskConfig): EIdVerifier | null {
  const plugged = config.face.eIdVerifier;
  if (plugged) return createCommandEIdVerifier(plugged);
  const simulated = config.devices['id-reader'].driver === 'simulated' && config.devices.scanner.driver === 'simulated';
  return simulated ? createSimulatedEIdVerifier(fixtureCitizens) : null;
}

/**
 * Builds the face check, the e-ID login and the material store for the composition root.
 * At start it says (log warning, and health's identityVerification) when no way to confirm a
 * person at 实人 level is set up: then applications go to a staffed window.
 */
export function createCameraServices(deps: {
  config: KioskConfig;
  devices: DeviceSet;
  sessions: SessionHolder;
  bus: EventBus;
  simulated: boolean;
  /** config secrets.dir: where the staff code's hash is kept */
  secretsDir: string;
  clock: Clock;
  random: (n: number) => Buffer;
  newId: () => string;
  logger: EventLogger;
  /** the kiosk's Prometheus registry: face check and capture counts are added to it */
  registry?: Registry;
}) {
  const { config, devices, sessions, secretsDir, clock, logger } = deps;
  let staffCodes = loadStaffCodeChecker(secretsDir, clock);
  if (!staffCodes && deps.simulated && config.devices['id-reader'].driver === 'simulated') {
    writeStaffCode(secretsDir, simulationStaffCode, deps.random);
    staffCodes = loadStaffCodeChecker(secretsDir, clock);
  }
  const eId = eIdVerifierFor(config);
  const scannerReady = () => usableStates.has(devices.scanner.status().state);
  const faceCheck = createFaceCheck({
    config: config.face,
    engine: createHumanFaceEngine(),
    camera: devices.camera,
    photoDecoder: photoDecoderFor(config, logger),
    currentSession: () => sessions.current(),
    staffCodes,
    eId,
    scannerReady,
    clock,
    logger,
  });
  const eIdLogin = createEIdLogin({ verifier: eId, sessions, faceCheck, bus: deps.bus, logger, clock });
  // a mobile e-ID code: on the attract screen it logs in; during a session it confirms the citizen.
  // The code itself never leaves the bridge.
  devices.scanner.onScan((text) => {
    const scan = classifyScan(text, { verificationBaseUrl: config.certificates.verificationBaseUrl });
    if (scan.kind !== 'login-e-id') return;
    if (sessions.current()) void faceCheck.acceptEId(scan.token).catch(() => undefined);
    else void eIdLogin.login(scan.token).catch(() => undefined);
  });
  if (faceCheck.methods({ now: false }).length === 0) {
    logger.log('identity-verification-unavailable', {
      face: !config.face.enabled
        ? 'disabled'
        : config.face.photoDecoder || config.devices['id-reader'].driver === 'simulated'
          ? 'set up'
          : 'no photo decoder (face.photoDecoder)',
      eId: eId ? 'not among face.alternatives' : 'no verifier (face.eIdVerifier)',
      staff: staffCodes ? 'not among face.alternatives' : 'no staff code set',
    });
  }
  const materials = createMaterialStore({
    camera: devices['document-camera'],
    currentSessionId: () => sessions.current()?.id ?? null,
    newId: deps.newId,
    clock,
    logger,
  });
  if (deps.registry)
    registerCameraMetrics(deps.registry, { face: () => faceCheck.counts(), pagesCaptured: () => materials.counts().pagesCaptured });
  return { faceCheck, materials, eIdLogin };
}
