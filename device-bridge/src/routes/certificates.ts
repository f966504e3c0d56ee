import { Router } from 'express';
import { certificateRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError, noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/** GET /api/certificates and POST /api/certificates/preview (needs a session). */
export function certificateRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/certificates', async (_request, response) => {
    response.json(await context.platform.listCertificateTypes());
  });
  router.post('/api/certificates/preview', async (request, response) => {
    const { type } = parseBody(certificateRequestSchema, request);
    const session = context.sessions.current();
    if (!session) throw noSession();
    const data = await context.platform.getCertificateData(type, session.identity);
    if (!data) {
      throw new HttpError(404, 'record-not-found', 'No record of this person for this certificate. / 未查询到您的相关记录。');
    }
    response.json(context.previewCertificate(data));
  });
  return router;
}
