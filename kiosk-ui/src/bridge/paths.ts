import type { apiPaths } from '@tongban/device-bridge/api';

/**
 * The bridge's HTTP paths, written out here instead of imported: the contract's index module also
 * builds zod schemas at load time, and importing any runtime value from it would pull zod into the
 * kiosk bundle. `satisfies typeof apiPaths` makes tsc fail the moment these drift from routes.ts.
 */
export const bridgePaths = {
  health: '/api/health',
  events: '/api/events',
  session: '/api/session',
  certificates: '/api/certificates',
  certificatePreview: '/api/certificates/preview',
  printJobs: '/api/print-jobs',
  printJob: (id: string) => `/api/print-jobs/${encodeURIComponent(id)}`,
  ratings: '/api/ratings',
  simFixtures: '/api/sim/fixtures',
  simCard: '/api/sim/id-reader/card',
  simScan: '/api/sim/scanner/scan',
  simPrinterState: (printerId: 'a4-printer' | 'receipt-printer') => `/api/sim/${printerId}/state`,
  simDevice: (deviceId: string, action: 'connect' | 'disconnect') =>
    `/api/sim/devices/${encodeURIComponent(deviceId)}/${action}`,
} as const satisfies typeof apiPaths;
