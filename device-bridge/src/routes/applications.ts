import { Router } from 'express';
import { applicationSubmitSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/**
 * POST /api/applications: stored with its outbox row before the reply (201; the same
 * idempotencyKey again → 200 with the same receipt); 409 identity-not-verified until the person was
 * confirmed in this session (face, e-ID or staff). GET: progress of my applications. The
 * applicant is the session's citizen, never a body field (一号申请).
 */
export function applicationRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/applications', async (request, response) => {
    const body = parseBody(applicationSubmitSchema, request);
    const session = context.sessions.current();
    if (!session) throw noSession();
    const { receipt, created } = await context.kioskServices.submitApplication(
      session.identity,
      body,
      context.sessionMaterials ?? null,
      async (slip) => (await context.receipts.printApplicationReceipt(slip)).printed,
      context.faceCheck.verification(),
    );
    context.logger.log('application-stored', {
      item: receipt.itemCode,
      local: receipt.localNumber,
      delivered: receipt.delivery === 'delivered',
      repeated: !created,
    });
    response.status(created ? 201 : 200).json(receipt);
  });
  router.get('/api/applications', async (_request, response) => {
    const session = context.sessions.current();
    if (!session) throw noSession();
    response.json(await context.kioskServices.listApplications(session.identity));
  });
  return router;
}
