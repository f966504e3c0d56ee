import { DomainError } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { EventLogger } from '../log/logger.ts';
import type { LiveCall } from '../platform-link/platform-link.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';
import type { ReceiptService } from '../printing/receipts.ts';
import { applicantOf } from './appointments.ts';

export interface QueueRouteDeps {
  platform: Pick<ServicePlatform, 'takeQueueNumber' | 'queueStatus' | 'findAppointment' | 'checkInAppointment'>;
  live: LiveCall;
  receipts: Pick<ReceiptService, 'printQueueTicket'>;
  logger: EventLogger;
}

/**
 * 取号: a queue number for a category (session; printed on the receipt printer when it can) and a
 * ticket's position. 预约签到 on the attract screen: the scanned appointment code is the
 * credential, so no session is needed; the answer carries the appointment (item, hall, window,
 * time) and nothing about the person, and checking in takes its queue number like any ticket.
 */
export function queueHandlers(
  deps: QueueRouteDeps,
): EndpointHandlers<'queue' | 'queueTicket' | 'appointmentCheckIn' | 'checkInAppointment'> {
  const { platform, live, receipts, logger } = deps;
  return {
    queue: async ({ body, session }) => {
      const ticket = await live(() => platform.takeQueueNumber({ applicant: applicantOf(session), category: body.category }));
      const { printed } = await receipts.printQueueTicket(ticket);
      logger.log('queue-number-taken', { number: ticket.number, ahead: ticket.ahead, printed });
      return { ...ticket, printed };
    },
    queueTicket: async ({ params }) => {
      const status = await live(() => platform.queueStatus(params.number));
      if (!status) throw new DomainError('not-found', 'there is no such ticket today');
      return status;
    },
    appointmentCheckIn: async ({ params }) => {
      const found = await live(() => platform.findAppointment(params.id));
      if (!found) throw new DomainError('appointment-not-found');
      return found;
    },
    checkInAppointment: async ({ params }) => {
      const ticket = await live(() => platform.checkInAppointment(params.id));
      const { printed } = await receipts.printQueueTicket(ticket);
      logger.log('appointment-checked-in', { number: ticket.number, ahead: ticket.ahead, printed });
      return { ...ticket, printed };
    },
  };
}
