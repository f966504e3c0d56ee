import { hashIdNumbers, type ClearDataSweep } from '../at-rest-sweep.ts';

/** who holds an appointment, only as the keyed hash */
export const sweepAppointments: ClearDataSweep = (db, atRest) => hashIdNumbers(db, 'appointments', atRest);
