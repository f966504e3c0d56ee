import type { Capabilities, DeviceId, DeviceState, DeviceStatus, HealthResponse } from '../api/index.ts';

/** States in which a device can still do its job (degraded = works, with a warning such as paper-low). */
const usableStates: ReadonlySet<DeviceState> = new Set(['ready', 'busy', 'degraded']);

/** States in which nothing needs anyone's attention. */
const healthyStates: ReadonlySet<DeviceState> = new Set(['ready', 'busy']);

function usable(statuses: readonly DeviceStatus[], id: DeviceId): boolean {
  // A device missing from the list is treated as unusable: we cannot promise what we cannot see.
  const status = statuses.find((candidate) => candidate.id === id);
  return status !== undefined && usableStates.has(status.state);
}

export interface IdentifyOptions {
  /** an e-ID verifier is plugged in: a 网证 code shown to a working scanner identifies too */
  eIdVerifier?: boolean;
}

/** What the kiosk can offer right now (architecture rule 6: a broken printer disables printing, not querying). */
export function capabilitiesOf(statuses: readonly DeviceStatus[], options: IdentifyOptions = {}): Capabilities {
  const eIdLogin = options.eIdVerifier === true && usable(statuses, 'scanner');
  return {
    identify: usable(statuses, 'id-reader') || eIdLogin,
    eIdLogin,
    printCertificate: usable(statuses, 'a4-printer'),
    printReceipt: usable(statuses, 'receipt-printer'),
    scan: usable(statuses, 'scanner'),
  };
}

/**
 * The kiosk's overall status for the health endpoint and the operator:
 * out-of-service when nobody can be identified, degraded when any device needs attention, else ok.
 */
export function overallStatus(statuses: readonly DeviceStatus[], options: IdentifyOptions = {}): HealthResponse['status'] {
  if (!capabilitiesOf(statuses, options).identify) return 'out-of-service';
  if (statuses.some((status) => !healthyStates.has(status.state))) return 'degraded';
  return 'ok';
}
