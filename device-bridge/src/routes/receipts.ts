import { Router } from 'express';
import type { BridgeContext } from '../context.ts';
import { parseBody } from '../http/validate.ts';
import { receiptRequestSchema } from '../documents/receipts/receipts.ts';

/**
 * POST /api/receipts prints an application receipt or a queue ticket on the thermal printer
 * (202 {printed: true} or 202 {printed: false, reason}: the slip is a convenience, its failure is
 * reported, not an error). Features inside the bridge call context.receipts.printReceipt directly.
 */
export function receiptRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/receipts', async (request, response) => {
    const body = parseBody(receiptRequestSchema, request);
    response.status(202).json(await context.receipts.printReceipt(body));
  });
  return router;
}
