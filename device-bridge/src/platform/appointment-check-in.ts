import type { CheckInState } from '../api/index.ts';
import { formatChinaDate } from './china-time.ts';

/**
 * 预约签到 at the hall: whether an appointment can be checked in now. Same rule for every platform
 * implementation, so the kiosk says the same thing whichever platform it talks to.
 */

/** 签到 opens this long before the appointment's start (people come early to a service hall) */
export const checkInOpensBeforeMs = 60 * 60_000;

export function checkInState(
  appointment: { state: 'booked' | 'cancelled' | 'attended'; start: string; end: string },
  now: Date,
): CheckInState {
  if (appointment.state === 'cancelled') return 'cancelled';
  if (appointment.state === 'attended') return 'checked-in';
  const start = Date.parse(appointment.start);
  if (formatChinaDate(new Date(start)) !== formatChinaDate(now)) return 'not-today';
  if (now.getTime() < start - checkInOpensBeforeMs) return 'too-early';
  // after the slot has ended the window has moved on: the citizen books again or asks at the desk
  if (now.getTime() > Date.parse(appointment.end)) return 'too-late';
  return 'open';
}

/** the platform refusal for a state in which no queue number is given */
export const checkInRefusal: Record<
  Exclude<CheckInState, 'open'>,
  {
    code: 'appointment-not-found' | 'appointment-not-today' | 'appointment-too-early' | 'appointment-too-late' | 'appointment-checked-in';
    message: string;
  }
> = {
  cancelled: { code: 'appointment-not-found', message: 'this appointment was cancelled' },
  'checked-in': { code: 'appointment-checked-in', message: 'this appointment was already checked in' },
  'not-today': { code: 'appointment-not-today', message: 'this appointment is not for today' },
  'too-early': { code: 'appointment-too-early', message: 'check-in opens one hour before the appointment' },
  'too-late': { code: 'appointment-too-late', message: 'the appointment time is over' },
};
