import type { DeviceStatus, HealthResponse, VerificationMethod } from '../api/index.ts';
import type { KioskConfig } from '../config/schema.ts';
import { capabilitiesOf, overallStatus } from '../devices/capabilities.ts';
import type { DeviceSet } from '../devices/device.ts';

/** The platform line as health reports it: is it up, and what is waiting in the outbox. */
export type PlatformHealth = NonNullable<HealthResponse['platform']>;

export interface KioskHealthDeps {
  devices: DeviceSet;
  kiosk: KioskConfig['kiosk'];
  session: Pick<KioskConfig['session'], 'idleTimeoutSeconds' | 'countdownSeconds'>;
  version: string;
  simulated: boolean;
  /** an e-ID verifier is plugged in: a 网证 code on a working scanner identifies too */
  eIdLoginConfigured: boolean;
  /** an operator put the kiosk out of service (fleet command): health then offers nothing */
  outOfService: () => boolean;
  /** the ways a person can be confirmed at 实人 level right now */
  verificationMethods: () => VerificationMethod[];
  platform: () => PlatformHealth;
}

export interface KioskHealth {
  /** GET /api/health, the fleet's retained health message and the diagnostic bundle */
  report(): HealthResponse;
  deviceStatuses(): DeviceStatus[];
}

/** What the kiosk can do right now, assembled from its devices, its operator's switch and the platform line. */
export function createKioskHealth(deps: KioskHealthDeps): KioskHealth {
  const deviceStatuses = () => Object.values(deps.devices).map((device) => device.status());
  return {
    deviceStatuses,
    report() {
      const devices = deviceStatuses();
      const { kiosk } = deps;
      const outOfService = deps.outOfService();
      const identifyOptions = { eIdVerifier: deps.eIdLoginConfigured };
      return {
        status: outOfService ? 'out-of-service' : overallStatus(devices, identifyOptions),
        simulated: deps.simulated,
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
        session: { idleTimeoutSeconds: deps.session.idleTimeoutSeconds, countdownSeconds: deps.session.countdownSeconds },
        identityVerification: { methods: deps.verificationMethods() },
        version: deps.version,
        platform: deps.platform(),
      };
    },
  };
}
