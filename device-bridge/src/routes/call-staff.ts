import type { EventBus } from '../events/event-bus.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { EventLogger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';

export interface CallStaffDeps {
  bus: EventBus;
  logger: EventLogger;
  clock: Clock;
  newId: () => string;
  /** whether a citizen is being served (said in the call, never who) */
  inSession: () => boolean;
}

/**
 * POST /api/call-staff → 201 { id, calledAt }: raises `staff-called` on the event bus (staff
 * displays and monitoring listen there) and logs it. Works with or without a session: someone
 * stuck on the attract screen needs help as much as someone mid-application.
 */
export function callStaffHandlers(deps: CallStaffDeps): EndpointHandlers<'callStaff'> {
  return {
    callStaff: ({ body: { screen } }) => {
      const call = { id: deps.newId(), calledAt: deps.clock.now().toISOString() };
      const inSession = deps.inSession();
      deps.logger.log('staff-called', { call: call.id, screen, inSession });
      deps.bus.publish({ type: 'staff-called', callId: call.id, screen, inSession, calledAt: call.calledAt });
      return call;
    },
  };
}
