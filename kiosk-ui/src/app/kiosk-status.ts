import type { CertificateTypeInfo, HealthResponse } from '@tongban/device-bridge/api';
import type { KioskStatus } from '../flows/session.types.ts';

/** The flow's view of the kiosk: capabilities, timings and site details from health, plus the services. */
export function kioskStatusFrom(health: HealthResponse, services: CertificateTypeInfo[]): KioskStatus {
  return {
    capabilities: health.capabilities,
    siteName: health.site.name,
    helpPhone: health.site.helpPhone,
    idleTimeoutSeconds: health.session.idleTimeoutSeconds,
    countdownSeconds: health.session.countdownSeconds,
    documentCameraReady: health.devices.some((device) => device.id === 'document-camera' && device.state === 'ready'),
    platformReachable: health.platform?.reachable !== false,
    services,
    ...(health.site.languages ? { languages: health.site.languages } : {}),
  };
}
