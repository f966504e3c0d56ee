import type { CertificatePreview } from '../api/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { CertificateData, Platform } from '../platform/platform.ts';

export interface CertificateRouteDeps {
  platform: Pick<Platform, 'listCertificateTypes' | 'getCertificateData'>;
  previewCertificate: (data: CertificateData) => CertificatePreview;
}

/** GET /api/certificates and POST /api/certificates/preview (the session's citizen). */
export function certificateHandlers(deps: CertificateRouteDeps): EndpointHandlers<'certificates' | 'certificatePreview'> {
  return {
    certificates: () => deps.platform.listCertificateTypes(),
    certificatePreview: async ({ body, session }) => {
      const data = await deps.platform.getCertificateData(body.type, session.identity);
      if (!data) throw new DomainError('record-not-found');
      return deps.previewCertificate(data);
    },
  };
}
