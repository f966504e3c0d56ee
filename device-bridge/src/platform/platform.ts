import type { CardIdentity, CertificateDataOf, CertificateType, CertificateTypeInfo } from '../api/index.ts';
import type { ServicePlatform } from './service-platform.ts';

/**
 * The kiosk's view of the government service platform (一体化政务服务平台). The bridge's routes call
 * only this interface; the embedded implementation (SQLite, demo data) and an HTTP adapter sit behind it.
 *
 * CertificateData: one discriminated union per certificate type (api/certificates.ts, zod, so the
 * HTTP adapter validates what the platform sends). Full values: only ever printed/masked by documents/.
 */
export type { CertificateData } from '../api/certificates.ts';

export interface IssuedCertificate {
  number: string;
  type: CertificateType;
  verificationCode: string;
  contentSha256: string;
  issuedAt: string;
  validUntil: string;
  maskedHolderName: string;
  maskedIdNumber: string;
}

export interface Platform extends ServicePlatform {
  listCertificateTypes(): Promise<CertificateTypeInfo[]>;
  /** null when the platform has no record of this person for this certificate */
  getCertificateData<T extends CertificateType>(type: T, identity: CardIdentity): Promise<CertificateDataOf<T> | null>;
  /** the platform keeps what was issued so a receiver can verify it later (only masked personal data) */
  recordIssuedCertificate(certificate: IssuedCertificate): Promise<void>;
  /** looks up an issued certificate by number + typed code; null when unknown or the code does not match */
  verifyCertificate(number: string, verificationCode: string): Promise<IssuedCertificate | null>;
  close(): void;
}
