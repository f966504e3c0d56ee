import { Router } from 'express';
import { faceConsentRequestSchema, staffConfirmRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { parseBody } from '../http/validate.ts';

/** Face check (人证比对) and staff-assisted confirmation; see api/face.ts. */
export function faceRoutes(context: BridgeContext): Router {
  const router = Router();
  const { faceCheck } = context;
  router.get('/api/face/options', async (_request, response) => {
    response.json(await faceCheck.options());
  });
  router.post('/api/face/consent', async (request, response) => {
    parseBody(faceConsentRequestSchema, request);
    await faceCheck.consent();
    response.status(204).end();
  });
  router.get('/api/face/guidance', async (_request, response) => {
    response.json({ hint: await faceCheck.guidance() });
  });
  router.post('/api/face/verify', async (_request, response) => {
    response.json(await faceCheck.verify());
  });
  router.post('/api/face/staff-confirm', (request, response) => {
    const { staffCode } = parseBody(staffConfirmRequestSchema, request);
    response.json(faceCheck.staffConfirm(staffCode));
  });
  return router;
}
