import { Router } from 'express';
import { certificateTypeSchema, type RecordListResponse, type RecordView } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError, noSession } from '../http/http-error.ts';

/**
 * GET /api/records and /api/records/:type: the identified citizen's records, on screen, masked the
 * same way the printed certificate is. Live data: 503 platform-unavailable when the platform is down.
 */
export function recordRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/records', async (_request, response) => {
    const session = context.sessions.current();
    if (!session) throw noSession();
    const services = context.kioskServices;
    const types = await services.live(() => context.platform.listCertificateTypes());
    const records: RecordListResponse['records'] = [];
    for (const info of types) {
      const data = await services.live(() => context.platform.getCertificateData(info.type, session.identity));
      records.push({ ...info, available: data !== null });
    }
    response.json({ records } satisfies RecordListResponse);
  });
  router.get('/api/records/:type', async (request, response) => {
    const session = context.sessions.current();
    if (!session) throw noSession();
    const type = certificateTypeSchema.safeParse(request.params.type);
    if (!type.success) throw new HttpError(404, 'not-found', `There is no record type ${String(request.params.type)}.`);
    const data = await context.kioskServices.live(() => context.platform.getCertificateData(type.data, session.identity));
    if (!data) throw new HttpError(404, 'record-not-found', 'No record of this person of this kind. / 未查询到您的相关记录。');
    // the preview is what the paper would carry (masked), so screen and paper never disagree
    const preview = context.previewCertificate(data);
    const view: RecordView = {
      type: preview.type,
      title: preview.title,
      holderMaskedName: preview.holderMaskedName,
      maskedIdNumber: preview.maskedIdNumber,
      fields: preview.fields,
      table: preview.table,
      asOf: context.clock.now().toISOString(),
    };
    response.json(view);
  });
  return router;
}
