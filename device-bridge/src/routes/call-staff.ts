import { Router } from 'express';
import { callStaffRequestSchema, type CallStaffResponse } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { parseBody } from '../http/validate.ts';

/**
 * POST /api/call-staff → 201 { id, calledAt }: raises `staff-called` on the event bus (staff
 * displays and monitoring listen there) and logs it. Works with or without a session: someone
 * stuck on the attract screen needs help as much as someone mid-application.
 */
export function callStaffRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/call-staff', (request, response) => {
    const { screen } = parseBody(callStaffRequestSchema, request);
    const call: CallStaffResponse = { id: context.newId(), calledAt: context.clock.now().toISOString() };
    const inSession = context.sessions.current() !== null;
    context.logger.log('staff-called', { call: call.id, screen, inSession });
    context.bus.publish({ type: 'staff-called', callId: call.id, screen, inSession, calledAt: call.calledAt });
    response.status(201).json(call);
  });
  return router;
}
