import type { Applicant } from '../platform/contract.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { EventLogger } from '../log/logger.ts';
import type { LiveCall } from '../platform-link/platform-link.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';
import type { ReceiptService } from '../printing/receipts.ts';
import type { Session } from '../session/session-holder.ts';

export interface AppointmentRouteDeps {
  platform: Pick<ServicePlatform, 'listSlots' | 'listAppointments' | 'bookAppointment' | 'cancelAppointment'>;
  live: LiveCall;
  receipts: Pick<ReceiptService, 'printAppointmentSlip'>;
  logger: EventLogger;
}

/** 一号申请: the platform knows the citizen by ID number and name together. */
export const applicantOf = (session: Session): Applicant => ({ idNumber: session.identity.idNumber, name: session.identity.name });

/** 预约: free slots (no session), then book (the slip is printed) / list / cancel my own. Live platform data. */
export function appointmentHandlers(
  deps: AppointmentRouteDeps,
): EndpointHandlers<'appointmentSlots' | 'appointments' | 'bookAppointment' | 'appointment'> {
  const { platform, live } = deps;
  return {
    appointmentSlots: async ({ query }) => ({ slots: await live(() => platform.listSlots(query.itemCode, query.date)) }),
    appointments: async ({ session }) => ({ appointments: await live(() => platform.listAppointments(applicantOf(session))) }),
    bookAppointment: async ({ body, session }) => {
      const booked = await live(() => platform.bookAppointment({ applicant: applicantOf(session), ...body }));
      // the slip carries the code 预约签到 scans on the day; a printer problem does not undo the booking
      const { printed } = await deps.receipts.printAppointmentSlip(booked);
      deps.logger.log('appointment-booked', { item: booked.itemCode, start: booked.start, printed });
      return { ...booked, printed };
    },
    appointment: async ({ params, session }) => {
      await live(() => platform.cancelAppointment(applicantOf(session), params.id));
      deps.logger.log('appointment-cancelled', {});
    },
  };
}
