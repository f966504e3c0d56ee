import { randomBytes } from 'node:crypto';
import { createCertificateRenderer } from '../../device-bridge/src/documents/index.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';

/** The renderer settings every certificate bench measures with, so their figures stay comparable. */
export const benchRendererOptions = {
  issuer: '通办示例市社会保险事业管理中心',
  validityDays: 90,
  verificationBaseUrl: 'https://verify.tongban.example/certificates',
} as const;

/** A certificate renderer as the bridge builds it, with a throw-away signing key. */
export function benchCertificateRenderer() {
  return createCertificateRenderer({ ...benchRendererOptions, key: randomBytes(32), clock: systemClock });
}
