import { Router } from 'express';
import type { HealthResponse } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { capabilitiesOf, overallStatus } from '../devices/capabilities.ts';
import type { DeviceSet } from '../devices/device.ts';
import { platformHealthOf } from './platform-health.ts';

export function deviceStatuses(devices: DeviceSet) {
  return Object.values(devices).map((device) => device.status());
}

export function healthOf(context: BridgeContext): HealthResponse {
  const devices = deviceStatuses(context.devices);
  const { kiosk, session } = context.config;
  // an operator's out-of-service (MQTT) offers nothing, whatever the devices say
  const outOfService = context.serviceMode?.outOfService() ?? false;
  const identifyOptions = { eIdVerifier: context.eIdLoginConfigured === true };
  return {
    status: outOfService ? 'out-of-service' : overallStatus(devices, identifyOptions),
    simulated: context.simulation !== null,
    capabilities: outOfService
      ? { identify: false, eIdLogin: false, printCertificate: false, printReceipt: false, scan: false }
      : capabilitiesOf(devices, identifyOptions),
    devices,
    site: {
      kioskId: kiosk.id,
      name: kiosk.siteName,
      helpPhone: kiosk.helpPhone,
      ...(kiosk.languages ? { languages: kiosk.languages } : {}),
    },
    session: { idleTimeoutSeconds: session.idleTimeoutSeconds, countdownSeconds: session.countdownSeconds },
    ...(context.faceCheck ? { identityVerification: { methods: context.faceCheck.methods({ now: true }) } } : {}),
    version: context.version,
    platform: platformHealthOf(context),
  };
}

/** GET /api/health: always 200 while the bridge runs; `status` says what the kiosk can do. */
export function healthRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/health', (_request, response) => {
    response.json(healthOf(context));
  });
  return router;
}
