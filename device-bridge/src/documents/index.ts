// Documents the kiosk prints: the certificate PDF and what it is built from.
export { createCertificateRenderer } from './certificate-renderer.ts';
export type { CertificateRenderer, CertificateRendererOptions, RenderedCertificate } from './certificate-renderer.ts';
export { newCertificateNumber } from './certificate-number.ts';
export { buildCertificateContent, verificationUrl } from './certificate-content.ts';
export type { CertificateContent, PrintedRow } from './certificate-content.ts';
export { canonicalContent, verificationCode } from './verification-code.ts';
export { groupInFours, normalizeCrockford } from './crockford.ts';
export { cjkFontFile } from './fonts.ts';
