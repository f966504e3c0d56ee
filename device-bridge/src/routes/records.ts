import type { CertificatePreview, RecordListResponse } from '../api/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { CertificateData, Platform } from '../platform/platform.ts';
import type { LiveCall } from '../platform-link/platform-link.ts';
import type { Clock } from '../time/clock.ts';

export interface RecordRouteDeps {
  platform: Pick<Platform, 'listCertificateTypes' | 'getCertificateData'>;
  live: LiveCall;
  previewCertificate: (data: CertificateData) => CertificatePreview;
  clock: Clock;
}

/**
 * GET /api/records and /api/records/:type: the identified citizen's records, on screen, masked the
 * same way the printed certificate is. Live data: platform-unavailable when the platform is down.
 */
export function recordHandlers(deps: RecordRouteDeps): EndpointHandlers<'records' | 'record'> {
  const { platform, live } = deps;
  return {
    records: async ({ session }) => {
      const types = await live(() => platform.listCertificateTypes());
      const records: RecordListResponse['records'] = [];
      for (const info of types) {
        const data = await live(() => platform.getCertificateData(info.type, session.identity));
        records.push({ ...info, available: data !== null });
      }
      return { records };
    },
    record: async ({ params, session }) => {
      const data = await live(() => platform.getCertificateData(params.type, session.identity));
      if (!data) throw new DomainError('record-not-found');
      // the preview is what the paper would carry (masked), so screen and paper never disagree
      const preview = deps.previewCertificate(data);
      return {
        type: preview.type,
        title: preview.title,
        holderMaskedName: preview.holderMaskedName,
        maskedIdNumber: preview.maskedIdNumber,
        fields: preview.fields,
        table: preview.table,
        asOf: deps.clock.now().toISOString(),
      };
    },
  };
}
