import type { AppointmentCheckInView } from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';
import type { Clock } from '../../../time/clock.ts';
import { checkInRefusal, checkInState } from '../../appointment-check-in.ts';
import { PlatformRejection, type PlatformTicket } from '../../contract.ts';
import type { TicketIssuer } from '../queue/queue.ts';
import type { Appointments } from './appointments.ts';

/** 预约签到 at the hall: an appointment's check-in state, and checking it in for a queue number. */
export interface CheckIn {
  find(id: string): AppointmentCheckInView | null;
  /** marks the appointment attended and takes its queue number, both or neither */
  checkIn(kioskId: string, id: string): PlatformTicket;
}

export function createCheckIn(
  db: SqliteDatabase,
  clock: Clock,
  appointments: Pick<Appointments, 'find' | 'markAttended'>,
  queue: TicketIssuer,
): CheckIn {
  const checkIn = db.transaction((kioskId: string, id: string) => {
    const found = appointments.find(id);
    if (!found) throw new PlatformRejection('appointment-not-found', 'no appointment with this code', 404);
    const state = checkInState(found.view, clock.now());
    if (state !== 'open') {
      const refusal = checkInRefusal[state];
      throw new PlatformRejection(refusal.code, refusal.message, refusal.code === 'appointment-not-found' ? 404 : 409);
    }
    const ticket = queue.take(kioskId, found.person, found.category);
    appointments.markAttended(id);
    return ticket;
  });
  return {
    find(id) {
      const found = appointments.find(id);
      return found ? { appointment: found.view, checkIn: checkInState(found.view, clock.now()) } : null;
    },
    checkIn,
  };
}
