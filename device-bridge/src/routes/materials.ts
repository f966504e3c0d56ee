import { Router } from 'express';
import { startMaterialCaptureSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

function pageIndex(value: string | string[] | undefined): number {
  const index = Number(value);
  if (!Number.isInteger(index) || index < 0 || index > 999) throw new HttpError(404, 'not-found', 'No such page.');
  return index;
}

const param = (value: string | string[] | undefined) => String(value);

/** Document capture (高拍仪): captures per material, pages taken, retaken, removed, shown. */
export function materialRoutes(context: BridgeContext): Router {
  const router = Router();
  const { materials } = context;
  router.post('/api/materials/captures', (request, response) => {
    const { materialId } = parseBody(startMaterialCaptureSchema, request);
    response.status(201).json(materials.start(materialId));
  });
  router.get('/api/materials/captures', (_request, response) => {
    response.json({ captures: materials.list() });
  });
  router.delete('/api/materials/captures/:captureId', (request, response) => {
    materials.remove(param(request.params.captureId));
    response.status(204).end();
  });
  router.post('/api/materials/captures/:captureId/pages', async (request, response) => {
    response.status(201).json(await materials.addPage(param(request.params.captureId)));
  });
  router.put('/api/materials/captures/:captureId/pages/:index', async (request, response) => {
    response.json(await materials.retakePage(param(request.params.captureId), pageIndex(request.params.index)));
  });
  router.delete('/api/materials/captures/:captureId/pages/:index', (request, response) => {
    response.json(materials.removePage(param(request.params.captureId), pageIndex(request.params.index)));
  });
  router.get('/api/materials/captures/:captureId/pages/:index/image', (request, response) => {
    const jpeg = materials.pageImage(param(request.params.captureId), pageIndex(request.params.index));
    response.setHeader('Content-Type', 'image/jpeg');
    response.setHeader('Cache-Control', 'no-store');
    response.end(jpeg);
  });
  return router;
}
